package readiness

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sync"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/words"
)

// WriteMarkdown writes the report as Markdown: the note that it decides
// nothing, the scale, and per team the suggested order of discussion, a table
// of the categories and the concerns raised, with their authors only when
// r.Options.Names is set. Text from users is escaped so that it stays text.
func (r Report) WriteMarkdown(w io.Writer) error {
	r = r.shown()
	bw := bufio.NewWriter(w)
	rb := r.Rubric
	fmt.Fprintf(bw, "# %s: summary of ratings\n\n", escape.Markdown(rb.Title))
	fmt.Fprintf(bw, "> %s\n\n", Note)
	fmt.Fprintf(bw, "Scale (%s):\n\n", rb.Scale)
	for i := len(rb.Scale.Levels) - 1; i >= 0; i-- {
		l := rb.Scale.Levels[i]
		fmt.Fprintf(bw, "- **%d**%s\n", l.Value, mdLevelText(l))
	}
	bw.WriteString("\n")
	if len(r.Teams) == 0 {
		bw.WriteString("No responses yet.\n")
	}
	for _, t := range r.Teams {
		fmt.Fprintf(bw, "## %s\n\n%s.\n\n", escape.Markdown(teamLabel(t.Team)), words.Count(t.Raters, "rater", "raters"))
		bw.WriteString("Suggested order of discussion (lowest mean first, then widest spread):\n\n")
		for i, id := range t.DiscussFirst {
			c, _ := t.Category(id)
			fmt.Fprintf(bw, "%d. %s — %s\n", i+1, escape.Markdown(c.Title), categoryLine(c))
		}
		bw.WriteString("\n| Category | Ratings | Mean | Range |")
		for _, l := range rb.Scale.Levels {
			fmt.Fprintf(bw, " %d |", l.Value)
		}
		bw.WriteString(" Consensus |\n|---|--:|--:|:-:|")
		for range rb.Scale.Levels {
			bw.WriteString("--:|")
		}
		bw.WriteString(":-:|\n")
		for _, c := range t.Categories {
			fmt.Fprintf(bw, "| %s | %d | %s | %s |", escape.Markdown(c.Title), c.N, meanText(c), rangeText(c))
			for _, lc := range c.Counts {
				fmt.Fprintf(bw, " %d |", lc.Count)
			}
			fmt.Fprintf(bw, " %s |\n", consensusText(c))
		}
		bw.WriteString("\n### Concerns\n\n")
		wrote := false
		for _, c := range t.Categories {
			if len(c.Concerns) == 0 {
				continue
			}
			wrote = true
			fmt.Fprintf(bw, "**%s**\n\n", escape.Markdown(c.Title))
			for _, cn := range c.Concerns {
				if cn.Rater == "" {
					fmt.Fprintf(bw, "- %s\n", escape.MarkdownLines(cn.Text, "  "))
				} else {
					fmt.Fprintf(bw, "- %s: %s\n", escape.Markdown(cn.Rater), escape.MarkdownLines(cn.Text, "  "))
				}
			}
			bw.WriteString("\n")
		}
		if !wrote {
			bw.WriteString("No concerns were written.\n\n")
		}
	}
	if rb.Source != "" {
		fmt.Fprintf(bw, "---\n\nRubric: %s. Source: %s.\n", escape.Markdown(rb.Title), escape.Markdown(rb.Source))
	}
	return bw.Flush()
}

// teamLabel names a team in a report, even one whose responses gave none.
func teamLabel(team string) string {
	if team == "" {
		return "(no team given)"
	}
	return team
}

// categoryLine sums up a category in a few words for the discussion order.
func categoryLine(c CategorySummary) string {
	if c.N == 0 {
		return "not rated"
	}
	s := fmt.Sprintf("mean %s, ratings %s", FormatMean(c.Mean), rangeText(c))
	if !c.Consensus {
		s += ", ratings differ"
	}
	if n := len(c.Concerns); n > 0 {
		s += ", " + words.Count(n, "concern", "concerns")
	}
	return s
}

func meanText(c CategorySummary) string {
	if c.N == 0 {
		return "–"
	}
	return FormatMean(c.Mean)
}

func rangeText(c CategorySummary) string {
	switch {
	case c.N == 0:
		return "–"
	case c.Min == c.Max:
		return fmt.Sprint(c.Min)
	}
	return fmt.Sprintf("%d–%d", c.Min, c.Max)
}

func consensusText(c CategorySummary) string {
	switch {
	case c.N == 0:
		return "–"
	case c.Consensus:
		return "yes"
	}
	return "no"
}

func mdLevelText(l Level) string {
	s := ""
	if l.Label != "" {
		s += " " + escape.Markdown(l.Label) + ":"
	}
	return s + " " + escape.Markdown(l.Descriptor)
}

//go:embed report.html.tmpl
var reportHTML string

// reportTemplate is parsed on first use, not at start-up.
var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"mean":      meanText,
		"spread":    rangeText,
		"consensus": consensusText,
		"line":      categoryLine,
		"category": func(t TeamSummary, id string) CategorySummary {
			c, _ := t.Category(id)
			return c
		},
		"team":   teamLabel,
		"plural": words.Count,
		"levels": func(s Scale) []Level {
			out := make([]Level, len(s.Levels))
			for i, l := range s.Levels {
				out[len(s.Levels)-1-i] = l
			}
			return out
		},
	}).Parse(reportHTML))
})

// WriteHTML writes the report as one self-contained, print-friendly HTML
// page: no scripts, no external files, a chart per team drawn with
// Chart.WriteSVG, the raters' names only when r.Options.Names is set. Text
// from users is escaped by html/template.
func (r Report) WriteHTML(w io.Writer) error {
	r = r.shown()
	type team struct {
		TeamSummary
		Chart template.HTML
	}
	data := struct {
		Report
		Teams   []team
		AnyTeam bool
	}{Report: r, AnyTeam: len(r.Teams) > 0}
	for i, t := range r.Teams {
		c, _ := TeamChart(r, t.Team)
		c.ID = fmt.Sprintf("chart-team-%d", i+1)
		var buf bytes.Buffer
		if err := c.WriteSVG(&buf); err != nil {
			return err
		}
		// WriteSVG escapes every text it draws, so its output is safe markup.
		data.Teams = append(data.Teams, team{TeamSummary: t, Chart: template.HTML(buf.String())})
	}
	bw := bufio.NewWriter(w)
	if err := reportTemplate().Execute(bw, data); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return bw.Flush()
}
