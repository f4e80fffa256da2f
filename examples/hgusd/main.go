// Command hgusd reviews the Aligned Partners case: a mid-sized district and
// three technical-assistance organisations, as the SCOPE study "Beyond
// Alignment" (Jaquith & Chavez, 2020) tells it, with the district's and
// organisations' pseudonyms from the study and invented names for people.
// It prints every finding of partnerkit's review and, with -map, writes the
// district's visual map of initiatives as SVG.
//
//	go run ./examples/hgusd
//	go run ./examples/hgusd -map hgusd.svg
//	go run ./examples/hgusd -in my-workspace.json
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/partnership"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "hgusd:", err)
		}
		os.Exit(2)
	}
}

func run(w io.Writer, args []string) error {
	flags := flag.NewFlagSet("hgusd", flag.ContinueOnError)
	mapFile := flags.String("map", "", "also write the visual map of initiatives to this SVG `file`")
	in := flags.String("in", "", "review this workspace `file` instead of the built-in case")
	if err := flags.Parse(args); err != nil {
		return err
	}
	data := casefile.JSON()
	if *in != "" {
		var err error
		if data, err = os.ReadFile(*in); err != nil {
			return err
		}
	}
	ws, err := partnerkit.Load(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("loading the workspace: %w", err)
	}
	if err := printReview(w, ws); err != nil {
		return err
	}
	if *mapFile != "" && ws.Partnership != nil {
		if err := writeMap(*mapFile, ws.Partnership); err != nil {
			return err
		}
		fmt.Fprintf(w, "\nThe map of initiatives is in %s.\n", *mapFile)
	}
	return nil
}

// printReview writes every finding of the review, most severe first.
func printReview(w io.Writer, ws *partnerkit.Workspace) error {
	fs := partnerkit.Review(ws)
	count := map[partnership.Severity]int{}
	for _, f := range fs {
		count[f.Severity]++
	}
	var b strings.Builder
	if ws.Partnership != nil {
		fmt.Fprintf(&b, "%s\n", ws.Partnership.Name)
	}
	fmt.Fprintf(&b, "%d findings: %d critical, %d warnings, %d for information\n",
		len(fs), count[partnership.Critical], count[partnership.Warning], count[partnership.Info])
	for _, f := range fs {
		fmt.Fprintf(&b, "\n[%s] %s at %s", f.Severity, f.Rule, f.Path)
		if f.Standard != "" {
			fmt.Fprintf(&b, " (standard %s)", f.Standard)
		}
		fmt.Fprintf(&b, "\n  %s\n", f.Message)
		for _, e := range f.Evidence {
			fmt.Fprintf(&b, "  - %s\n", e)
		}
		if f.Question != "" {
			fmt.Fprintf(&b, "  To discuss: %s\n", f.Question)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMap(name string, p *partnership.Partnership) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return p.WriteMap(f, partnership.MapOptions{ID: "hgusd-map"})
}
