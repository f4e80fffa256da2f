package contract

import (
	"io"
	"strconv"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
)

// BlankForm is the Contract Supplement on paper, to fill in by hand at the
// joint drafting session: the agreement, the six practices with a box to
// tick and a line for the evidence, the seven-item alignment appendix with
// lines and empty tables to write in, and the signatures.
type BlankForm struct {
	// District and Partner are printed where given; otherwise the form
	// leaves lines for them.
	District, Partner string
}

// Document returns the blank supplement as a printable document.
func (f BlankForm) Document() *document.Document {
	v := New(escape.Line(f.District), escape.Line(f.Partner)).view()
	named := escape.Line(f.District) != "" && escape.Line(f.Partner) != ""
	d := &document.Document{Title: v.Title + " (form)", Footer: v.Title}
	if named {
		d.Footer = v.Title + ": " + escape.Line(f.District) + " and " + escape.Line(f.Partner)
	}
	d.Heading(1, v.Title)
	d.Para(document.Plain("An addendum to the contract, or a memorandum of understanding accompanying it, between the district and the partner named below. Fill it in together, in a meeting of about " + strconv.Itoa(SessionMinutes) + " minutes in which the school leader takes part."))
	for _, l := range []struct{ label, value string }{
		{"District", f.District}, {"Partner", f.Partner}, {"Contract", ""}, {"School year", ""}, {"Schools", ""},
	} {
		if v := escape.Line(l.value); v != "" {
			d.Para(document.Strong(l.label+":"), document.Plain(" "+v))
			continue
		}
		d.Add(&document.Lines{Label: l.label, N: 1})
	}
	d.Para(document.Plain("☐ Addendum to the contract    ☐ Memorandum of understanding"))

	d.Heading(2, "Agreement")
	var agreement document.Text
	for _, p := range v.Agreement {
		if p.Name {
			agreement = append(agreement, document.Strong(escape.Line(p.Text)))
		} else {
			agreement = append(agreement, document.Plain(p.Text))
		}
	}
	d.Para(agreement...)
	for _, part := range []struct {
		title string
		ps    []practiceView
		start int
	}{{"Before the work begins", v.Before, 1}, {"As the work begins", v.At, 5}} {
		d.Heading(3, part.title)
		l := &document.List{Ordered: true, Start: part.start}
		for _, p := range part.ps {
			l.Items = append(l.Items, document.Item{
				Text: document.Text{document.Strong(p.Title + "."), document.Plain(" " + p.Text)},
				Blocks: []document.Block{
					&document.Paragraph{Text: document.T("☐ Confirmed")},
					&document.Lines{Label: "Evidence", N: 1},
				},
			})
		}
		d.Add(l)
	}

	d.Add(&document.PageBreak{})
	d.Heading(2, "Appendix: alignment")
	items := AppendixItems()
	item := func(i int) {
		d.Heading(3, itemTitle(items[i]))
		d.Styled(document.Hint, document.Plain(items[i].Guidance))
	}
	lines := func(label string, n int) { d.Add(&document.Lines{Label: label, N: n}) }
	blankRows := func(t *document.Table, n, height int) *document.Table {
		for range n {
			t.Rows = append(t.Rows, document.Row{Cells: make([]document.Text, len(t.Columns)), Lines: height})
		}
		return t
	}
	item(0)
	lines("Strategic priority", 2)
	lines("How the partner's work serves it", 4)
	item(1)
	lines("Evidence of the school leaders' investment", 4)
	lines("School leaders", 1)
	item(2)
	activities := blankRows(&document.Table{Columns: []document.Column{{Title: "What", Width: 4}, {Title: "Who", Width: 3}, {Title: "When", Width: 3}, {Title: "Hours", Width: 1, Align: document.Right}}}, 5, 2)
	activities.Rows = append(activities.Rows, document.Row{Total: true, Cells: cells("Total", "", "", "")})
	d.Add(activities)
	d.Para(document.Plain("The district's assurance:"))
	d.Add(document.Bullets("☐ Feasible within the district's resources", "☐ Feasible within the collective-bargaining agreement"))
	lines("Given by", 1)
	lines("Date", 1)
	item(3)
	d.Para(document.Plain("The overall managers attend the quarterly meetings."))
	contacts := &document.Table{Columns: []document.Column{{Title: "Role", Width: 2}, {Title: "Name", Width: 3}, {Title: "Title", Width: 3}}}
	for _, role := range []string{"District liaison", "Partner liaison", "District overall manager", "Partner overall manager"} {
		contacts.Rows = append(contacts.Rows, document.Row{Cells: cells(role, "", ""), Lines: 2})
	}
	d.Add(contacts)
	item(4)
	d.Add(blankRows(&document.Table{Columns: []document.Column{
		{Title: "Measure", Width: 4}, {Title: "Output or outcome", Width: 2}, {Title: "For students or adults", Width: 2},
		{Title: "Interim target and date (January)", Width: 3}, {Title: "Final target and date (June)", Width: 3},
	}}, 4, 3))
	item(5)
	lines("How the data is collected", 3)
	d.Add(blankRows(&document.Table{Columns: []document.Column{{Title: "Measure", Width: 3}, {Title: "Source", Width: 3}, {Title: "Provides the data", Width: 3}, {Title: "Reports", Width: 3}, {Title: "By", Width: 2}}}, 4, 2))
	item(6)
	d.Para(document.Plain("Meetings: ☐ weekly  ☐ monthly  ☐ quarterly  ☐ other"))
	lines("Meeting dates", 2)
	lines("Draft agenda", 4)
	lines("Identifying and resolving conflict", 3)
	lines("Ongoing improvement", 3)
	lines("Ending the partnership if it is not on track", 3)

	d.Heading(2, "Drafting session")
	lines("Date", 1)
	lines("Length in minutes", 1)
	lines("Present (name, organization, and whether a school leader)", 3)

	d.Add(&document.PageBreak{})
	d.Heading(2, "Signatures")
	for _, p := range []struct{ name, side string }{{f.District, "the district"}, {f.Partner, "the partner"}} {
		if name := escape.Line(p.name); name != "" {
			d.Heading(3, "For "+name)
		} else {
			d.Heading(3, "For "+p.side)
		}
		signatureLines(d)
	}
	d.Styled(document.Hint, document.Plain(sourceLine))
	return d
}

// WriteHTML writes the blank supplement as a page to print on US letter paper.
func (f BlankForm) WriteHTML(w io.Writer) error { return f.Document().WriteHTML(w) }

// WriteDOCX writes the blank supplement as a Word file, to adapt or to fill
// in on screen.
func (f BlankForm) WriteDOCX(w io.Writer) error { return f.Document().WriteDOCX(w) }
