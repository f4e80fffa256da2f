package agenda

import (
	"fmt"
	"io"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
)

// BlankForm is a meeting's agenda on paper with room to take notes, as the
// source's sample agenda: what to prepare, who is present, each section
// with its minutes and monitoring questions numbered through, lines for
// the notes and action steps under each question, and an empty table of
// action steps with owner and date.
type BlankForm struct {
	// Meeting gives the title, sections, questions and preparation, such as
	// Quarterly(); its date, attendees and notes are not printed.
	Meeting Meeting
	// Partnership names the partnership in the footer of every page; it may
	// be empty.
	Partnership string
}

// Document returns the blank agenda as a printable document.
func (f BlankForm) Document() *document.Document {
	m := f.Meeting
	title := escape.Line(m.Title)
	if title == "" {
		title = "Meeting agenda"
	}
	footer := title
	if p := escape.Line(f.Partnership); p != "" {
		footer = p + " · " + title
	}
	d := &document.Document{Title: title + " (form)", Footer: footer}
	d.Heading(1, title)
	kind := fmt.Sprintf("%d minutes", m.Minutes)
	if m.InPerson {
		kind = "In person, " + kind
	}
	d.Para(document.Plain(kind + ". The district, the partner and the school are each represented, with the point people and someone of greater responsibility from the district and from the partner."))
	d.Add(&document.Lines{Label: "Date and time", N: 1}, &document.Lines{Label: "Place", N: 1})
	if len(m.Prep) > 0 {
		d.Heading(2, "Preparation")
		items := make([]string, len(m.Prep))
		for i, p := range m.Prep {
			items[i] = "☐ " + escape.Line(p.Text)
		}
		d.Add(document.Bullets(items...))
	}
	d.Heading(2, "Present")
	present := &document.Table{Columns: []document.Column{{Title: "Name", Width: 4}, {Title: "District, partner or school", Width: 3}, {Title: "Role", Width: 3}}}
	for range 6 {
		present.Rows = append(present.Rows, document.Row{Cells: make([]document.Text, 3), Lines: 1})
	}
	d.Add(present)

	d.Heading(2, "Agenda")
	n := 0
	for i, s := range m.Sections {
		d.Heading(3, fmt.Sprintf("%d. %s (%d min)", i+1, escape.Line(s.Title), s.Minutes))
		if len(s.Questions) == 0 {
			d.Add(&document.Lines{Label: "Notes and action steps", N: 3})
			continue
		}
		l := &document.List{Ordered: true, Start: n + 1}
		for _, q := range s.Questions {
			n++
			l.Items = append(l.Items, document.Item{Text: document.T(escape.Line(q.Text)), Blocks: []document.Block{&document.Lines{Label: "Notes and action steps", N: 2}}})
		}
		d.Add(l)
	}
	d.Heading(2, "Action steps")
	actions := &document.Table{Columns: []document.Column{{Title: "Action", Width: 6}, {Title: "Owner", Width: 3}, {Title: "By when", Width: 2}}}
	for range 5 {
		actions.Rows = append(actions.Rows, document.Row{Cells: make([]document.Text, 3), Lines: 2})
	}
	d.Add(actions)
	d.Styled(document.Hint, document.Plain("Based on the Quarterly Meeting Agenda of the Standards for Effective Partnerships, Massachusetts Office of District and School Turnaround (2015)."))
	return d
}

// WriteHTML writes the blank agenda as a page to print on US letter paper.
func (f BlankForm) WriteHTML(w io.Writer) error { return f.Document().WriteHTML(w) }

// WriteDOCX writes the blank agenda as a Word file, to adapt before printing.
func (f BlankForm) WriteDOCX(w io.Writer) error { return f.Document().WriteDOCX(w) }
