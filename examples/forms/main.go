// Command forms writes the three tools of the ODST Standards for Effective
// Partnerships as blank forms to print, as the source's Appendix B asks:
// the readiness rubric for one rater, the contract supplement with its
// alignment appendix to fill in by hand, and the quarterly meeting agenda
// with room for notes. Each comes as a page to print (.html) and as a Word
// file to adapt (.docx).
//
// Usage:
//
//	go run ./examples/forms                          # writes the six files here
//	go run ./examples/forms -dir forms -district "Riverside Unified" -partner "Learning Partners"
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/readiness"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "forms:", err)
		os.Exit(1)
	}
}

// form is something that writes itself as HTML and as a Word file.
type form interface {
	WriteHTML(io.Writer) error
	WriteDOCX(io.Writer) error
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("forms", flag.ContinueOnError)
	dir := fs.String("dir", ".", "write the forms into `DIR`")
	district := fs.String("district", "", "the district's name, printed on the forms")
	partner := fs.String("partner", "", "the partner's name, printed on the forms")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New("no arguments besides the flags, please")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	names := strings.TrimSpace(*district)
	if p := strings.TrimSpace(*partner); p != "" {
		if names != "" {
			names += " and "
		}
		names += p
	}
	forms := []struct {
		name string
		form form
	}{
		{"readiness-rating-form", readiness.BlankForm{Rubric: readiness.ODST(), Partnership: names}},
		{"contract-supplement-form", contract.BlankForm{District: *district, Partner: *partner}},
		{"quarterly-agenda-form", agenda.BlankForm{Meeting: agenda.Quarterly(), Partnership: names}},
	}
	for _, f := range forms {
		for ext, write := range map[string]func(io.Writer) error{".html": f.form.WriteHTML, ".docx": f.form.WriteDOCX} {
			path := filepath.Join(*dir, f.name+ext)
			if err := writeFile(path, write); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "wrote", path)
		}
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}
