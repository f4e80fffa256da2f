package agenda

import (
	"fmt"
	"io"
	"strings"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
)

// Document returns the meeting as a printable document, with the same
// content as WriteHTML and WriteMarkdown: the agenda before the meeting
// (with room under each question for notes), the minutes once it is closed.
// Its footer is the meeting's title and date.
func (m Meeting) Document() *document.Document {
	v := newView(m)
	d := &document.Document{Title: v.Heading, Footer: v.Heading + " · " + v.When}
	d.Heading(1, v.Heading)
	facts := []document.Item{
		{Text: document.Text{document.Strong("When:"), document.Plain(" " + v.When)}},
	}
	if v.Where != "" {
		facts = append(facts, document.Item{Text: document.Text{document.Strong("Where:"), document.Plain(" " + escape.Line(v.Where))}})
	}
	facts = append(facts, document.Item{Text: document.Text{document.Strong("Meeting:"), document.Plain(" " + v.Kind)}})
	if v.BudgetNote != "" {
		facts = append(facts, document.Item{Text: document.Text{document.Strong("Time budget:"), document.Plain(" " + v.BudgetNote)}})
	}
	d.Add(&document.List{Items: facts})

	d.Heading(2, v.AttendeesTitle)
	if len(v.Attendees) == 0 {
		d.Para(document.Emph("No attendees listed yet."))
	} else {
		t := &document.Table{Columns: []document.Column{{Title: "Name", Width: 3}, {Title: "Side", Width: 2}, {Title: "Roles", Width: 3}}}
		for _, a := range v.Attendees {
			t.Rows = append(t.Rows, document.Row{Cells: texts(escape.Line(a.Name), a.Side, a.Roles)})
		}
		d.Add(t)
	}
	if !m.Closed && len(m.Prep) > 0 {
		d.Heading(2, "Preparation")
		l := &document.List{}
		for _, p := range m.Prep {
			mark := "☐ "
			if p.Done {
				mark = "☑ "
			}
			l.Items = append(l.Items, document.Item{Text: document.T(mark + escape.Line(p.Text))})
		}
		d.Add(l)
	}

	d.Heading(2, "Agenda")
	for _, s := range v.Sections {
		d.Heading(3, fmt.Sprintf("%d. %s (%d min%s)", s.Number, escape.Line(s.Title), s.Minutes, s.Clock))
		if len(s.Questions) == 0 {
			d.Para(document.Emph("No questions."))
			continue
		}
		l := &document.List{Ordered: true}
		for _, q := range s.Questions {
			it := document.Item{Text: document.T(escape.Line(q.Text))}
			switch notes := noteLines(q.Notes); {
			case len(notes) > 0:
				it.Blocks = []document.Block{&document.Paragraph{Text: document.T(strings.Join(notes, "\n"))}}
			case m.Closed:
				it.Blocks = []document.Block{&document.Paragraph{Text: document.Text{document.Emph("No notes.")}}}
			default:
				it.Blocks = []document.Block{&document.Lines{N: 2}}
			}
			l.Items = append(l.Items, it)
		}
		d.Add(l)
	}
	if v.ShowRecord {
		d.Heading(2, "Record")
		if lines := noteLines(m.Record); len(lines) > 0 {
			d.Para(document.Plain(strings.Join(lines, "\n")))
		} else {
			d.Para(document.Emph("No record was kept."))
		}
	}
	d.Heading(2, v.ActionsTitle)
	if len(v.Actions) == 0 {
		d.Para(document.Emph("None."))
	} else {
		t := &document.Table{Columns: []document.Column{
			{Title: "#", Width: 1, Align: document.Right}, {Title: "Action", Width: 6}, {Title: "Owner", Width: 3},
			{Title: "Due", Width: 3}, {Title: "Status", Width: 2}, {Title: "Raised", Width: 4},
		}}
		for _, a := range v.Actions {
			t.Rows = append(t.Rows, document.Row{Cells: texts(fmt.Sprint(a.Number), escape.Line(a.Text), escape.Line(a.Owner), a.Due, a.Status, escape.Line(a.Raised))})
		}
		d.Add(t)
	}
	return d
}

// WriteDOCX writes the meeting as a Word file: the agenda before the
// meeting, the minutes after it, the same document as WriteHTML in Word's
// heading, list and table styles, ready to edit and file. Everything a user
// typed stays text.
func (m Meeting) WriteDOCX(w io.Writer) error {
	return m.Document().WriteDOCX(w)
}

// noteLines are the non-empty lines of typed notes.
func noteLines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func texts(ss ...string) []document.Text {
	out := make([]document.Text, len(ss))
	for i, s := range ss {
		out[i] = document.T(s)
	}
	return out
}
