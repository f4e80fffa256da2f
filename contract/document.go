package contract

import (
	"io"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
)

// notProvided stands for a value not filled in yet.
const notProvided = "Not yet provided"

// Document returns the supplement as a printable document: the same parts,
// in the same order and words, as WriteHTML and WriteMarkdown, with the
// appendix and the signatures each starting a new page. Its footer names
// the two parties.
func (s *Supplement) Document() *document.Document {
	v := s.view()
	d := &document.Document{
		Title:  v.Title + ": " + escape.Line(v.District) + " and " + escape.Line(v.Partner),
		Footer: v.Title + ": " + escape.Line(v.District) + " and " + escape.Line(v.Partner),
	}
	d.Heading(1, v.Title)
	parties := document.Text{document.Plain(v.Form + " between "), document.Strong(escape.Line(v.District)), document.Plain(" and "), document.Strong(escape.Line(v.Partner))}
	if ref := escape.Line(v.ContractRef); ref != "" {
		parties = append(parties, document.Plain(": "+ref))
	}
	parties = append(parties, document.Plain(v.Stop))
	d.Para(parties...)
	var meta []string
	if y := escape.Line(v.SchoolYear); y != "" {
		meta = append(meta, "School year: "+y)
	}
	if len(v.Schools) > 0 {
		names := make([]string, len(v.Schools))
		for i, sc := range v.Schools {
			names[i] = escape.Line(sc)
		}
		meta = append(meta, "Schools: "+strings.Join(names, "; "))
	}
	if len(meta) > 0 {
		d.Add(document.Bullets(meta...))
	}
	if v.Draft {
		d.Styled(document.Note, document.Strong("Draft, not ready to sign."), document.Plain(" "+v.Summary+". What is missing is listed at the end."))
	}

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
	d.Heading(3, "Before the work begins")
	d.Add(practiceList(v.Before, 1))
	d.Heading(3, "As the work begins")
	d.Add(practiceList(v.At, 5))

	d.Add(&document.PageBreak{})
	d.Heading(2, "Appendix: alignment")
	item := func(i int) { d.Heading(3, itemTitle(v.Items[i])) }
	item(0)
	d.Para(document.Strong("Strategic priority:"), document.Plain(" "+orNotProvided(escape.Line(v.Priority.Statement))))
	d.Para(document.Strong("How the partner's work serves it:"))
	textBlock(d, v.Priority.How)
	item(1)
	textBlock(d, v.Investment.Evidence)
	if len(v.Leaders) > 0 {
		d.Para(document.Plain("School leaders: " + strings.Join(v.Leaders, "; ")))
	}
	item(2)
	if len(v.Activities) > 0 {
		t := &document.Table{Columns: []document.Column{{Title: "What", Width: 4}, {Title: "Who", Width: 3}, {Title: "When", Width: 3}, {Title: "Hours", Width: 1, Align: document.Right}}}
		for _, a := range v.Activities {
			t.Rows = append(t.Rows, document.Row{Cells: cells(escape.Line(a.What), escape.Line(a.Who), escape.Line(a.When), a.Hours)})
		}
		t.Rows = append(t.Rows, document.Row{Total: true, Cells: cells("Total", "", "", v.TotalHours)})
		d.Add(t)
	} else {
		d.Para(document.Emph(notProvided))
	}
	d.Para(document.Plain("The district's assurance:"))
	assured := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "not yet assured"
	}
	as := []string{
		"Feasible within the district's resources: " + assured(v.Assurance.WithinResources),
		"Feasible within the collective-bargaining agreement: " + assured(v.Assurance.WithinBargaining),
		"Given by: " + orNotProvided(escape.Line(v.Assurance.GivenBy)),
		"Date: " + orNotProvided(escape.Line(v.Assurance.Date)),
	}
	if n := escape.Line(v.Assurance.Notes); n != "" {
		as = append(as, "Notes: "+n)
	}
	d.Add(document.Bullets(as...))
	item(3)
	d.Para(document.Plain("The overall managers attend the quarterly meetings."))
	contacts := &document.Table{Columns: []document.Column{{Title: "Role", Width: 2}, {Title: "Name", Width: 3}}}
	for _, c := range v.Contacts {
		contacts.Rows = append(contacts.Rows, document.Row{Cells: cells(c.Role, orNotProvided(escape.Line(c.Name)))})
	}
	d.Add(contacts)
	item(4)
	if len(v.Measures) > 0 && v.Numbers {
		// With numbers: the baseline, and each target's number beside its words.
		t := &document.Table{Columns: []document.Column{
			{Title: "#", Width: 1, Align: document.Right}, {Title: "Measure", Width: 5}, {Title: "Kind", Width: 3}, {Title: "For", Width: 3},
			{Title: "Baseline", Width: 3}, {Title: "Interim target", Width: 3}, {Title: "Interim date", Width: 3}, {Title: "Final target", Width: 3}, {Title: "Final date", Width: 3},
		}}
		for _, m := range v.Measures {
			t.Rows = append(t.Rows, document.Row{Cells: cells(itoa(m.Number), withAside(m.Name, m.Direction), escape.Line(m.Kind), escape.Line(m.Audience),
				escape.Line(m.Baseline), withAside(m.InterimTarget, m.InterimValue), escape.Line(m.InterimDue), withAside(m.FinalTarget, m.FinalValue), escape.Line(m.FinalDue))})
		}
		d.Add(t)
	} else if len(v.Measures) > 0 {
		t := &document.Table{Columns: []document.Column{
			{Title: "#", Width: 1, Align: document.Right}, {Title: "Measure", Width: 5}, {Title: "Kind", Width: 3}, {Title: "For", Width: 3},
			{Title: "Interim target", Width: 3}, {Title: "Interim date", Width: 3}, {Title: "Final target", Width: 3}, {Title: "Final date", Width: 3},
		}}
		for _, m := range v.Measures {
			t.Rows = append(t.Rows, document.Row{Cells: cells(itoa(m.Number), escape.Line(m.Name), escape.Line(m.Kind), escape.Line(m.Audience),
				escape.Line(m.InterimTarget), escape.Line(m.InterimDue), escape.Line(m.FinalTarget), escape.Line(m.FinalDue))})
		}
		d.Add(t)
	} else {
		d.Para(document.Emph(notProvided))
	}
	item(5)
	textBlock(d, v.DataProcess)
	if len(v.Duties) > 0 {
		t := &document.Table{Columns: []document.Column{{Title: "Measure", Width: 3}, {Title: "Source", Width: 3}, {Title: "Provides the data", Width: 3}, {Title: "Reports", Width: 3}, {Title: "By", Width: 2}}}
		for _, du := range v.Duties {
			t.Rows = append(t.Rows, document.Row{Cells: cells(escape.Line(du.Measure), escape.Line(du.Source), escape.Line(du.Provider), escape.Line(du.Reporter), escape.Line(du.Due))})
		}
		d.Add(t)
	}
	item(6)
	dates := notProvided
	if len(v.Meetings.Dates) > 0 {
		ds := make([]string, len(v.Meetings.Dates))
		for i, x := range v.Meetings.Dates {
			ds[i] = escape.Line(x)
		}
		dates = strings.Join(ds, ", ")
	}
	d.Add(document.Bullets("Meetings: "+orNotProvided(escape.Line(v.Meetings.Cadence)), "Dates: "+dates))
	d.Para(document.Plain("Draft agenda:"))
	if len(v.Meetings.Agenda) > 0 {
		items := make([]string, len(v.Meetings.Agenda))
		for i, a := range v.Meetings.Agenda {
			items[i] = escape.Line(a)
		}
		d.Add(document.Numbered(1, items...))
	} else {
		d.Para(document.Emph(notProvided))
	}
	d.Para(document.Strong("Identifying and resolving conflict:"))
	textBlock(d, v.Meetings.Conflict)
	d.Para(document.Strong("Ongoing improvement:"))
	textBlock(d, v.Meetings.Improvement)
	d.Para(document.Strong("Ending the partnership if it is not on track:"))
	textBlock(d, v.Meetings.Dissolution)

	d.Heading(2, "Drafting session")
	length := notProvided
	if v.Session.Minutes != "" {
		length = v.Session.Minutes + " minutes"
	}
	present := notProvided
	if len(v.Session.Attendees) > 0 {
		present = strings.Join(v.Session.Attendees, "; ")
	}
	d.Add(document.Bullets("Date: "+orNotProvided(escape.Line(v.Session.Date)), "Length: "+length, "Present: "+present))

	d.Add(&document.PageBreak{})
	d.Heading(2, "Signatures")
	for _, p := range v.Parties {
		d.Heading(3, "For "+escape.Line(p))
		signatureLines(d)
	}
	if v.Draft {
		d.Heading(2, "Still to complete")
		l := &document.List{}
		for _, m := range v.Missing {
			l.Items = append(l.Items, document.Item{Text: document.Text{document.Strong(m.Title + ":"), document.Plain(" " + m.Message)}})
		}
		d.Add(l)
	}
	d.Styled(document.Hint, document.Plain(sourceLine))
	return d
}

// sourceLine is the last line of every printed supplement.
const sourceLine = "Based on the Contract Supplement of the Standards for Effective Partnerships, Massachusetts Office of District and School Turnaround (2015)."

// WriteDOCX writes the supplement as a Word file a business office or a
// lawyer can edit: the same document as WriteHTML, in Word's heading, list
// and table styles, on US letter paper with the parties and the page number
// in the footer. Everything a user typed stays text.
func (s *Supplement) WriteDOCX(w io.Writer) error {
	return s.Document().WriteDOCX(w)
}

func practiceList(ps []practiceView, start int) *document.List {
	l := &document.List{Ordered: true, Start: start}
	for _, p := range ps {
		status := "Not yet confirmed"
		if p.Done {
			status = "Confirmed"
		}
		if e := escape.Line(p.Evidence); e != "" {
			status += ". Evidence: " + e
		}
		st := document.Plain(status)
		st.Emph = !p.Done
		l.Items = append(l.Items, document.Item{
			Text:   document.Text{document.Strong(p.Title + "."), document.Plain(" " + p.Text)},
			Blocks: []document.Block{&document.Paragraph{Text: document.Text{st}}},
		})
	}
	return l
}

// signatureLines are the lines one party signs on.
func signatureLines(d *document.Document) {
	for _, l := range []string{"Signature", "Date", "Name", "Title"} {
		d.Add(&document.Lines{Label: l, N: 1})
	}
}

func itemTitle(it AppendixItem) string { return itoa(it.Number) + ". " + it.Title }

// textBlock adds typed text of several lines, one paragraph per line, or
// says it is not provided yet.
func textBlock(d *document.Document, s string) {
	ps := escape.Lines(s)
	if len(ps) == 0 {
		d.Para(document.Emph(notProvided))
		return
	}
	for _, p := range ps {
		d.Para(document.Plain(p))
	}
}

func orNotProvided(s string) string {
	if s == "" {
		return notProvided
	}
	return s
}

func cells(texts ...string) []document.Text {
	out := make([]document.Text, len(texts))
	for i, s := range texts {
		out[i] = document.T(s)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// withAside writes a cell's text with what goes beside it in parentheses,
// such as a target and its number: "40% of grade 9 (40%)".
func withAside(text, aside string) string {
	text, aside = escape.Line(text), escape.Line(aside)
	switch {
	case aside == "":
		return text
	case text == "":
		return "(" + aside + ")"
	}
	return text + " (" + aside + ")"
}
