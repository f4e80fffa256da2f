package agenda

import (
	"fmt"
	"io"
	"strings"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// WriteMarkdown writes the meeting as Markdown: before the meeting (while it
// is not closed) the agenda, with attendees, preparation, the sections with
// their minutes and questions, and the open action items to follow up;
// after it (once closed) the minutes, with the notes on each question, the
// record and the table of action items with owner, due date and status.
// Everything a user typed is escaped, so it shows as text.
func (m Meeting) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	v := newView(m)
	fmt.Fprintf(&b, "# %s\n\n", escape.Markdown(v.Heading))
	fmt.Fprintf(&b, "- **When:** %s\n", v.When)
	if v.Where != "" {
		fmt.Fprintf(&b, "- **Where:** %s\n", escape.Markdown(v.Where))
	}
	fmt.Fprintf(&b, "- **Meeting:** %s\n", v.Kind)
	if v.BudgetNote != "" {
		fmt.Fprintf(&b, "- **Time budget:** %s\n", v.BudgetNote)
	}

	fmt.Fprintf(&b, "\n## %s\n\n", v.AttendeesTitle)
	if len(v.Attendees) == 0 {
		b.WriteString("No attendees listed yet.\n")
	} else {
		b.WriteString("| Name | Side | Roles |\n|---|---|---|\n")
		for _, a := range v.Attendees {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", escape.Markdown(a.Name), escape.Markdown(a.Side), escape.Markdown(a.Roles))
		}
	}

	if !m.Closed && len(m.Prep) > 0 {
		b.WriteString("\n## Preparation\n\n")
		for _, p := range m.Prep {
			mark := " "
			if p.Done {
				mark = "x"
			}
			fmt.Fprintf(&b, "- [%s] %s\n", mark, escape.Markdown(p.Text))
		}
	}

	b.WriteString("\n## Agenda\n")
	for _, s := range v.Sections {
		fmt.Fprintf(&b, "\n### %d. %s (%d min%s)\n\n", s.Number, escape.Markdown(s.Title), s.Minutes, s.Clock)
		if len(s.Questions) == 0 {
			b.WriteString("No questions.\n")
		}
		for i, q := range s.Questions {
			fmt.Fprintf(&b, "%d. %s\n", i+1, escape.Markdown(q.Text))
			if m.Closed || q.Notes != "" {
				notes := "*No notes.*"
				if strings.TrimSpace(q.Notes) != "" {
					notes = escape.MarkdownLines(q.Notes, "   ")
				}
				fmt.Fprintf(&b, "\n   %s\n\n", notes)
			}
		}
	}

	if m.Closed || strings.TrimSpace(m.Record) != "" {
		b.WriteString("\n## Record\n\n")
		if strings.TrimSpace(m.Record) == "" {
			b.WriteString("*No record was kept.*\n")
		} else {
			b.WriteString(escape.MarkdownLines(m.Record, ""))
			b.WriteString("\n")
		}
	}

	fmt.Fprintf(&b, "\n## %s\n\n", v.ActionsTitle)
	if len(v.Actions) == 0 {
		b.WriteString("None.\n")
	} else {
		b.WriteString("| # | Action | Owner | Due | Status | Raised |\n|---|---|---|---|---|---|\n")
		for _, a := range v.Actions {
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s |\n", a.Number, escape.Markdown(a.Text), escape.Markdown(a.Owner), escape.Markdown(a.Due), a.Status, escape.Markdown(a.Raised))
		}
	}
	out := b.String()
	for strings.Contains(out, "\n\n\n") { // user text never holds blank lines here
		out = strings.ReplaceAll(out, "\n\n\n", "\n\n")
	}
	_, err := io.WriteString(w, out)
	return err
}

// WriteICS writes the meeting as an iCalendar file of one event, as WriteICS
// writes several.
func (m Meeting) WriteICS(w io.Writer) error {
	return WriteICS(w, m)
}

// view is the meeting prepared for printing, shared by Markdown and HTML.
type view struct {
	Minutes        bool // true once the meeting is closed
	Heading        string
	Title          string
	When           string
	Where          string
	Kind           string // "quarterly, 60 minutes"
	BudgetNote     string
	AttendeesTitle string
	Attendees      []attendeeView
	Prep           []PrepItem
	Sections       []sectionView
	Record         string
	ShowRecord     bool
	ActionsTitle   string
	Actions        []actionView
}

type attendeeView struct{ Name, Side, Roles string }

type sectionView struct {
	Number    int
	Title     string
	Minutes   int
	Clock     string
	Questions []Question
}

type actionView struct {
	Number                               int
	Text, Owner, Due, Status, Raised, ID string
}

func newView(m Meeting) view {
	v := view{
		Minutes:        m.Closed,
		Title:          m.Title,
		Heading:        m.Title,
		When:           when(m),
		Kind:           fmt.Sprintf("%s, %d minutes", m.Cadence, m.Minutes),
		AttendeesTitle: "Attendees",
		ActionsTitle:   "Open action items",
		Prep:           m.Prep,
		Record:         m.Record,
		ShowRecord:     m.Closed || strings.TrimSpace(m.Record) != "",
	}
	if m.Closed {
		v.Heading = "Minutes: " + m.Title
		v.AttendeesTitle = "Present"
		v.ActionsTitle = "Action items"
	}
	switch {
	case m.Location != "" && m.InPerson:
		v.Where = m.Location + " (in person)"
	case m.Location != "":
		v.Where = m.Location
	case m.InPerson:
		v.Where = "in person, place to be set"
	}
	if p := m.Planned(); p != m.Minutes && len(m.Sections) > 0 {
		v.BudgetNote = fmt.Sprintf("sections add up to %d of %d minutes", p, m.Minutes)
	}
	for _, a := range m.Attendees {
		roles := make([]string, len(a.Roles))
		for i, r := range a.Roles {
			roles[i] = strings.ReplaceAll(string(r), "-", " ") // "point person", as people write it
		}
		v.Attendees = append(v.Attendees, attendeeView{Name: a.Name, Side: string(a.Side), Roles: strings.Join(roles, ", ")})
	}
	slots := m.Timeline()
	for i, s := range m.Sections {
		sv := sectionView{Number: i + 1, Title: s.Title, Minutes: s.Minutes, Questions: s.Questions}
		if !m.Start.IsZero() {
			sv.Clock = ", " + words.ClockSpan(slots[i].Start, slots[i].End)
		}
		v.Sections = append(v.Sections, sv)
	}
	n := 0
	for _, a := range m.Actions {
		if !m.Closed && !a.IsOpen() {
			continue
		}
		n++
		status := string(a.Status)
		if status == "" {
			status = string(partnership.Open)
		}
		raised := "this meeting"
		if m.Carried(a) {
			raised = "carried over from an earlier meeting"
		}
		if a.Section != "" {
			raised += ", " + a.Section
		}
		v.Actions = append(v.Actions, actionView{
			Number: n, ID: a.ID, Text: a.Text,
			Owner: orDash(a.Owner, "—"), Due: orDash(words.Day(a.Due), "—"), Status: status, Raised: raised,
		})
	}
	return v
}

// when writes the meeting's date, time and zone offset, in the meeting's
// own zone, as US readers write them: "Tuesday, September 15, 2026,
// 3:30–4:30 PM (UTC-04:00)".
func when(m Meeting) string {
	if m.Start.IsZero() {
		return "date not set"
	}
	end := m.End()
	span := words.Weekday(m.Start) + ", " + words.ClockSpan(m.Start, end)
	if end.YearDay() != m.Start.YearDay() || end.Year() != m.Start.Year() {
		span = words.Weekday(m.Start) + ", " + words.Clock(m.Start) + " – " + words.Weekday(end) + ", " + words.Clock(end)
	}
	return span + " (UTC" + m.Start.Format("-07:00") + ")"
}
