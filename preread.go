package partnerkit

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/findingdoc"
	"github.com/partnerkit/partnerkit/partnership"
)

// PreRead is the review of a workspace as a document to hand out before a
// meeting. It starts with what to talk about first, the critical findings
// across every theme in a short numbered list, then gives the other
// findings theme by theme, each with its evidence, a question to discuss and
// the standard it serves. It names no field, file path or id.
type PreRead struct {
	Workspace *Workspace
	// Now is today, to judge open action items against, as in ReviewAt; the
	// zero time means no clock, as in Review. When set, the pre-read is dated.
	Now time.Time
	// Findings, when not nil, are the review of Workspace at Now already
	// made (ReviewAt), so that a page that shows the review prints it
	// without running every check again.
	Findings []partnership.Finding
	// Map adds the map of initiatives at the end, as wide as the page.
	Map bool
}

// maxEvidence is how many lines of evidence a finding shows in a pre-read;
// the rest are counted.
const maxEvidence = 3

// Severity headings of the pre-read, in order.
var preReadSeverities = []struct {
	sev   partnership.Severity
	label string
}{
	{partnership.Warning, "Worth a look"},
	{partnership.Info, "For your information"},
}

// Document returns the pre-read as a printable document.
func (p PreRead) Document() *document.Document {
	ws := p.Workspace
	name := ""
	if ws != nil && ws.Partnership != nil {
		name = strings.Join(strings.Fields(ws.Partnership.Name), " ")
	}
	title := "Meeting pre-read"
	if name != "" {
		title += ": " + name
	}
	d := &document.Document{Title: title, Footer: title}
	if name != "" {
		d.Footer = name + " · Meeting pre-read"
	}
	d.Heading(1, title)
	fs := p.Findings
	if fs == nil {
		fs = ReviewAt(ws, p.Now)
	}
	intro := CountFindings(fs) + "."
	if !p.Now.IsZero() {
		intro = "As of " + p.Now.Format("January 2, 2006") + ": " + intro
	}
	d.Para(document.Plain(intro))
	d.Styled(document.Note, document.Plain("Each finding says what the checks found and asks a question to discuss. The findings show what to talk about; they decide nothing."))
	if len(fs) == 0 {
		d.Para(document.Plain("Every check passed: there is nothing to raise before this meeting."))
	}

	var critical []partnership.Finding
	for _, f := range fs {
		if f.Severity == partnership.Critical {
			critical = append(critical, f)
		}
	}
	if len(critical) > 0 {
		d.Heading(2, "To talk about first")
		l := &document.List{Ordered: true}
		for _, f := range critical {
			l.Items = append(l.Items, findingItem(f, false))
		}
		d.Add(l)
	}

	themes := partnership.Themes()
	order := make([]string, 0, len(themes)+1)
	titles := map[string]string{"": "Other findings"}
	for _, t := range themes {
		order = append(order, t.ID)
		titles[t.ID] = t.Title
	}
	order = append(order, "")
	for _, th := range order {
		var groups []*document.List
		var labels []string
		for _, s := range preReadSeverities {
			l := &document.List{}
			for _, f := range fs {
				if f.Severity != s.sev || themeOf(f, titles) != th {
					continue
				}
				l.Items = append(l.Items, findingItem(f, true))
			}
			if len(l.Items) > 0 {
				groups = append(groups, l)
				labels = append(labels, fmt.Sprintf("%s (%d)", s.label, len(l.Items)))
			}
		}
		if len(groups) == 0 {
			continue
		}
		d.Heading(2, titles[th])
		for i, g := range groups {
			d.Heading(3, labels[i])
			d.Add(g)
		}
	}
	if p.Map && ws != nil && ws.Partnership != nil && len(ws.Partnership.Initiatives) > 0 {
		var svg bytes.Buffer
		if ws.Partnership.WriteMap(&svg, partnership.MapOptions{ID: "pk-preread-map"}) == nil {
			d.Add(&document.PageBreak{})
			d.Heading(2, "Map of initiatives")
			d.Add(&document.Figure{SVG: svg.String(), Caption: fmt.Sprintf(
				"Each row is one of the %d initiatives and each bar a time it asks for, in hours a week; shaded weeks ask more of people than they have.",
				len(ws.Partnership.Initiatives))})
		}
	}
	d.Styled(document.Hint, document.Plain("The checks follow the Standards for Effective Partnerships of the Massachusetts Office of District and School Turnaround (2015), the SCOPE study Beyond Alignment (2019) and the WestEd brief on education alliances."))
	return d
}

// themeOf is the theme a finding is listed under: its standard's, or ""
// for Other.
func themeOf(f partnership.Finding, titles map[string]string) string {
	th := f.Theme()
	if _, ok := titles[th]; !ok {
		return ""
	}
	return th
}

// findingItem is a finding as a list item: the message, the evidence, the
// question and, when standard is set, the standard it serves.
func findingItem(f partnership.Finding, standard bool) document.Item {
	return findingdoc.Item(f, maxEvidence, standard)
}

// CountFindings says how many findings there are of each severity, as in
// "16 findings: 5 critical, 10 warnings, 1 for information".
func CountFindings(fs []partnership.Finding) string {
	var c, w, i int
	for _, f := range fs {
		switch f.Severity {
		case partnership.Critical:
			c++
		case partnership.Warning:
			w++
		default:
			i++
		}
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	return fmt.Sprintf("%s: %d critical, %s, %d for information", plural(len(fs), "finding", "findings"), c, plural(w, "warning", "warnings"), i)
}

// WriteHTML writes the pre-read as one page to print on US letter paper.
func (p PreRead) WriteHTML(w io.Writer) error { return p.Document().WriteHTML(w) }

// WriteDOCX writes the pre-read as a Word file. The map, when asked for,
// is left out of it.
func (p PreRead) WriteDOCX(w io.Writer) error { return p.Document().WriteDOCX(w) }
