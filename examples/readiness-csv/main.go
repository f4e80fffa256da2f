// Command readiness-csv summarizes a Readiness for Partnership survey exported
// from Google Forms, Microsoft Forms, Qualtrics or SurveyMonkey (a CSV or
// tab-separated file in any encoding a spreadsheet saves, an .xlsx workbook,
// or the .zip Google Forms downloads), with the ODST rubric, and prints the
// summary as Markdown, HTML, a Word file, SVG charts or JSON. The summary
// lists the concerns without who wrote them; -names puts the names in.
//
// Without a file it uses survey.csv beside this program: a Google Forms export
// (byte-order mark, CRLF line ends, a two-line answer) in which the five
// members of a district leadership team and the five of a partner leadership
// team rated the four categories and wrote their concerns.
//
// Usage:
//
//	go run ./examples/readiness-csv                       # Markdown of the bundled survey
//	go run ./examples/readiness-csv -f html > report.html # a page to print
//	go run ./examples/readiness-csv -f docx > report.docx # a Word file
//	go run ./examples/readiness-csv -names                # with the raters' names
//	go run ./examples/readiness-csv -f svg  > charts.svg  # one chart per category
//	go run ./examples/readiness-csv -f json export.xlsx   # your own export
//	go run ./examples/readiness-csv -plan export.csv      # how its columns are read
//
// Columns are matched as readiness.OpenExport describes: a rating column
// names a category ("Clear Metrics Established", "Metrics", or a district's
// word such as "Resourcing"), a concern column speaks of concerns, and the
// rater and team come from the form's questions about them. A problem is
// reported with its spreadsheet row and column, all at once, and nothing is
// summarized until the file reads exactly.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

//go:embed survey.csv
var survey []byte

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "readiness-csv:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("readiness-csv", flag.ContinueOnError)
	format := fs.String("f", "md", "output format: md, html, docx, svg or json")
	names := fs.Bool("names", false, "show who gave each rating and wrote each concern")
	plan := fs.Bool("plan", false, "print how each column of the export is read, and stop")
	if err := fs.Parse(args); err != nil {
		return err
	}
	in := io.Reader(bytes.NewReader(survey))
	switch fs.NArg() {
	case 0:
	case 1:
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	default:
		return errors.New("give at most one survey export")
	}

	rubric := readiness.ODST()
	export, err := readiness.OpenExport(in, rubric, partnership.SheetOptions{})
	if err != nil {
		return err
	}
	if *plan {
		fmt.Fprintf(stdout, "%s\n", export.Plan.Source.File)
		for _, c := range export.Plan.Columns {
			what := c.Role.Label()
			if c.Category != "" {
				what += " of " + c.Category
			}
			fmt.Fprintf(stdout, "%-3s %-40.40q %s (%s)\n", c.Letter, c.Header, what, c.Note)
		}
		return nil
	}
	responses, err := export.Responses()
	if err != nil {
		return err
	}
	report, err := readiness.Summarize(rubric, responses)
	if err != nil {
		return err
	}
	report.Options.Names = *names
	switch *format {
	case "md":
		return report.WriteMarkdown(stdout)
	case "html":
		return report.WriteHTML(stdout)
	case "docx":
		return report.WriteDOCX(stdout)
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	case "svg":
		// An SVG file holds one root element: wrap the per-category charts.
		var body bytes.Buffer
		y := 0
		for _, c := range rubric.Categories {
			chart, _ := readiness.CategoryChart(report, c.ID)
			fmt.Fprintf(&body, "<g transform=\"translate(0 %d)\">\n", y)
			if err := chart.WriteSVG(&body); err != nil {
				return err
			}
			body.WriteString("</g>\n")
			y += chart.Height()
		}
		fmt.Fprintf(stdout, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"%d\">\n", y)
		if _, err := body.WriteTo(stdout); err != nil {
			return err
		}
		_, err := fmt.Fprintln(stdout, "</svg>")
		return err
	}
	return fmt.Errorf("unknown format %q; use md, html, docx, svg or json", *format)
}
