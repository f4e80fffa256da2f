package readiness

import (
	"io"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/document"
)

// BlankForm is the rubric on paper for one rater, as the source asks
// districts to print it: the rating scale, then for each category the items
// to address, the ratings to circle and lines for the areas of concern.
// A facilitator prints one per team member for a paper session and types
// the answers in afterwards.
type BlankForm struct {
	// Rubric is the rubric to rate, such as ODST().
	Rubric Rubric
	// Team is printed as the rater's team when given; otherwise there is a
	// line to write it on.
	Team string
	// Partnership names the partnership in the footer of every page, such
	// as "Riverside Unified and Learning Partners"; it may be empty.
	Partnership string
}

// Document returns the blank form as a printable document.
func (f BlankForm) Document() *document.Document {
	rb := f.Rubric
	title := rb.Title + ": rating form"
	footer := title
	if p := strings.TrimSpace(f.Partnership); p != "" {
		footer = p + " · " + title
	}
	d := &document.Document{Title: title, Footer: footer}
	d.Heading(1, title)
	d.Add(&document.Lines{Label: "Your name", N: 1})
	if t := strings.TrimSpace(f.Team); t != "" {
		d.Para(document.Strong("Team:"), document.Plain(" "+t))
	} else {
		d.Add(&document.Lines{Label: "Your team", N: 1})
	}
	d.Add(&document.Lines{Label: "Date", N: 1})
	d.Para(document.Plain("Rate each area on your own, before your team meets. Read the items to address, circle the rating that fits best, and write down the concerns your team should talk through."))
	d.Styled(document.Note, document.Plain(Note))

	d.Heading(2, "Rating scale")
	scale := &document.Table{Columns: []document.Column{{Title: "Rating", Width: 1, Align: document.Center}, {Title: "What it means", Width: 7}}}
	for i := len(rb.Scale.Levels) - 1; i >= 0; i-- {
		l := rb.Scale.Levels[i]
		what := document.Text{}
		if l.Label != "" {
			what = append(what, document.Strong(l.Label+". "))
		}
		scale.Rows = append(scale.Rows, document.Row{Cells: []document.Text{document.T(strconv.Itoa(l.Value)), append(what, document.Plain(l.Descriptor))}})
	}
	d.Add(scale)

	levels := make([]string, len(rb.Scale.Levels))
	for i, l := range rb.Scale.Levels {
		levels[i] = strconv.Itoa(l.Value)
	}
	// Em spaces keep the numbers apart where HTML would fold plain spaces.
	circle := "Rating (circle one):\u2003\u2003" + strings.Join(levels, "\u2003\u2003\u2003")
	for i, c := range rb.Categories {
		d.Heading(2, strconv.Itoa(i+1)+". "+c.Title)
		if len(c.Items) > 0 {
			d.Para(document.Strong("Items to address"))
			l := &document.List{}
			for _, it := range c.Items {
				l.Items = append(l.Items, document.Item{Text: document.T(it.Text)})
			}
			d.Add(l)
		}
		d.Para(document.Strong(circle))
		d.Add(&document.Lines{Label: "Areas of concern to be addressed", N: 4})
	}
	if rb.Source != "" {
		d.Styled(document.Hint, document.Plain("Rubric: "+rb.Title+". Source: "+rb.Source+"."))
	}
	return d
}

// WriteHTML writes the blank form as a page to print on US letter paper.
func (f BlankForm) WriteHTML(w io.Writer) error { return f.Document().WriteHTML(w) }

// WriteDOCX writes the blank form as a Word file, to adapt before printing.
func (f BlankForm) WriteDOCX(w io.Writer) error { return f.Document().WriteDOCX(w) }
