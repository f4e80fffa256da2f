package progress

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/findingdoc"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// Questions are the quarterly agenda's questions on metrics that the data
// pre-read prepares (ODST, Quarterly Meeting Agenda, questions 4 and 5).
func Questions() []string {
	return []string{
		"Are we collecting the right data in a timely fashion?",
		"What are the early indicators in the data? What are the implications?",
	}
}

// Note is what the data pre-read says about itself: the figures describe
// and ask; they decide nothing.
const Note = "These figures show how the partnership has gone so far, for the district, the partner and the school to talk about. " +
	"They decide nothing: when a measure is not on track, the parties follow the protocol they agreed in their contract supplement."

// maxEvidence is how many lines of evidence a finding shows in the
// pre-read; the rest are counted.
const maxEvidence = 4

// Document returns the timeline as the quarterly meeting's data pre-read:
// where each measure stands, with its chart and its values, what the data
// raises, and quarter by quarter the meetings and who attended by side, the
// action items closed on time, the readiness means of each round and the
// measures at the quarter's end. It names no field, path or id.
func (t Timeline) Document() *document.Document {
	name := strings.Join(strings.Fields(t.Name), " ")
	title := "The partnership over time"
	d := &document.Document{Title: title, Footer: title}
	if name != "" {
		d.Title = title + ": " + name
		d.Footer = name + " · Data pre-read"
	}
	d.Heading(1, title)
	lead := "Data pre-read for the quarterly meeting"
	if name != "" {
		lead = name + ". " + lead
	}
	if t.AsOf != "" {
		lead += ", as of " + words.Day(t.AsOf)
	}
	d.Para(document.Plain(lead + "."))
	d.Styled(document.Note, document.Plain(Note))
	d.Para(document.Plain("For the metrics part of the meeting:"))
	d.Add(document.Numbered(4, Questions()...))

	d.Heading(2, "Where each measure stands")
	shown := 0
	for i, s := range t.Measures {
		if s.Measure.ID == "" && strings.TrimSpace(s.Measure.Name) == "" {
			continue
		}
		shown++
		d.Heading(3, escape.Line(measureName(s.Measure)))
		d.Para(document.Strong(t.Standings[i].Text(s.Measure)))
		var svg bytes.Buffer
		if WriteSVG(&svg, s, ChartOptions{ID: "pk-preread-progress-" + strconv.Itoa(i+1)}) == nil {
			d.Add(&document.Figure{SVG: svg.String(), Caption: escape.Line(s.Description())})
		}
		rows := tableRows(s)
		if len(rows) == 0 {
			d.Para(document.Emph("No baseline, targets or values yet."))
			continue
		}
		tb := &document.Table{Columns: []document.Column{{Title: "Date", Width: 2}, {Title: "What", Width: 5}, {Title: "Value", Width: 2, Align: document.Right}}}
		for _, r := range rows {
			tb.Rows = append(tb.Rows, document.Row{Cells: []document.Text{document.T(words.Day(partnership.Date(r.date))), document.T(escape.Line(r.what)), document.T(escape.Line(r.text))}})
		}
		d.Add(tb)
	}
	if shown == 0 {
		d.Para(document.Emph("The contract supplement has no success measures yet."))
	}

	d.Heading(2, "What the data raises")
	if len(t.Findings) == 0 {
		d.Para(document.Emph("Nothing in the data calls for attention."))
	} else {
		l := &document.List{}
		for _, f := range t.Findings {
			l.Items = append(l.Items, findingItem(f))
		}
		d.Add(l)
	}

	d.Heading(2, "Quarter by quarter")
	if len(t.Quarters) == 0 {
		d.Para(document.Emph("Nothing is dated yet."))
	}
	for _, q := range t.Quarters {
		if q.Quiet {
			d.Para(document.Emph(q.Label + ": nothing recorded, no meeting, no round, nothing due."))
			continue
		}
		t.quarterBlocks(d, q)
	}
	for _, n := range t.Notes {
		d.Styled(document.Hint, document.Plain(escape.Line(n)))
	}
	d.Styled(document.Hint, document.Plain("The measures follow the Contract Supplement and the Quarterly Meeting Agenda of the Massachusetts Office of District and School Turnaround's Standards for Effective Partnerships (2015)."))
	return d
}

// quarterBlocks adds one quarter of the timeline to the document.
func (t Timeline) quarterBlocks(d *document.Document, q Quarter) {
	d.Heading(3, q.Label)
	if len(q.Meetings) == 0 {
		d.Para(document.Emph("No meeting this quarter."))
	} else {
		tb := &document.Table{Columns: []document.Column{{Title: "Meeting", Width: 4}, {Title: "Date", Width: 2},
			{Title: "District", Width: 1, Align: document.Right}, {Title: "Partner", Width: 1, Align: document.Right},
			{Title: "School", Width: 1, Align: document.Right}, {Title: "Note", Width: 3}}}
		for _, m := range q.Meetings {
			note := ""
			if !m.Closed {
				note = "planned; counts are of the people expected"
			} else if miss := m.Missing(); len(miss) > 0 {
				sides := make([]string, len(miss))
				for k, s := range miss {
					sides[k] = string(s)
				}
				note = "nobody from the " + words.JoinAnd(sides)
			}
			tb.Rows = append(tb.Rows, document.Row{Cells: []document.Text{document.T(escape.Line(m.Title)), document.T(words.Day(m.Date)),
				document.T(strconv.Itoa(m.District)), document.T(strconv.Itoa(m.Partner)), document.T(strconv.Itoa(m.School)), document.T(note)}})
		}
		d.Add(tb)
	}
	d.Para(document.Strong("Action items: "), document.Plain(q.Actions.Text()))
	for _, r := range q.Readiness {
		d.Para(document.Strong("Readiness: " + escape.Line(r.Title) + " (" + words.Day(r.Date) + ")"))
		if len(r.Teams) == 0 {
			continue
		}
		cols := []document.Column{{Title: "Team", Width: 3}}
		for _, c := range r.Teams[0].Means {
			cols = append(cols, document.Column{Title: escape.Line(c.Title), Width: 2, Align: document.Right})
		}
		tb := &document.Table{Columns: cols}
		for _, tm := range r.Teams {
			cells := []document.Text{document.T(escape.Line(tm.Team) + " (" + words.Count(tm.Raters, "rater", "raters") + ")")}
			for _, c := range tm.Means {
				mean := "not rated"
				if c.N > 0 {
					mean = strconv.FormatFloat(math.Round(c.Mean*10)/10, 'f', 1, 64)
				}
				cells = append(cells, document.T(mean))
			}
			tb.Rows = append(tb.Rows, document.Row{Cells: cells})
		}
		d.Add(tb)
	}
	if len(q.Measures) > 0 {
		tb := &document.Table{Columns: []document.Column{{Title: "Measure", Width: 3}, {Title: "Recorded this quarter", Width: 3}, {Title: "At the end of the quarter", Width: 4}}}
		for _, mq := range q.Measures {
			m := t.Measures[mq.Measure].Measure
			values := "none recorded"
			if len(mq.Values) > 0 {
				parts := make([]string, len(mq.Values))
				for k, p := range mq.Values {
					parts[k] = m.Format(p.Value) + " on " + words.Day(p.Date)
				}
				values = strings.Join(parts, ", ")
			}
			tb.Rows = append(tb.Rows, document.Row{Cells: []document.Text{document.T(escape.Line(measureName(m))), document.T(escape.Line(values)), document.T(escape.Line(mq.Standing.Text(m)))}})
		}
		d.Add(tb)
	}
}

// findingItem is a finding as a list item: the message, some evidence and
// the question.
func findingItem(f partnership.Finding) document.Item {
	return findingdoc.Item(f, maxEvidence, false)
}

// WriteHTML writes the data pre-read as one page to print. Everything a
// user typed is escaped, and the page has no scripts and loads nothing.
func (t Timeline) WriteHTML(w io.Writer) error {
	if err := t.Document().WriteHTML(w); err != nil {
		return fmt.Errorf("writing the data pre-read: %w", err)
	}
	return nil
}

// WriteDOCX writes the data pre-read as a Word file. The charts are left
// out of it; the tables beside them hold the same values.
func (t Timeline) WriteDOCX(w io.Writer) error {
	if err := t.Document().WriteDOCX(w); err != nil {
		return fmt.Errorf("writing the data pre-read: %w", err)
	}
	return nil
}

// tableRow is a row of a measure's values: the planned line's points and
// the recorded values, in date order.
type tableRow struct {
	day              int64
	date, what, text string
}

func tableRows(s Series) []tableRow {
	m := s.Measure
	rows := make([]tableRow, 0, len(s.Plan)+len(s.Points))
	for _, t := range s.Plan {
		what := "Baseline"
		switch t.Kind {
		case "interim":
			what = "Interim target"
		case "final":
			what = "Final target"
		}
		rows = append(rows, tableRow{t.day, string(t.Date), what, m.Format(t.Value)})
	}
	for _, p := range s.Points {
		what := "Recorded"
		if src := p.Source(); src != "" {
			what += ": " + words.Shorten(src, 200)
		}
		rows = append(rows, tableRow{p.day, string(p.Date), what, m.Format(p.Value)})
	}
	// Insertion sort by day keeps plan points before values of the same day
	// and values in their recorded order.
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && rows[j].day < rows[j-1].day; j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
	return rows
}

func measureName(m contract.Measure) string {
	if strings.TrimSpace(m.Name) != "" {
		return m.Name
	}
	return "Measure " + m.ID
}

// Text says in a sentence where measure m stands: "Behind the planned line
// by 22.13 teachers: 25 teachers on October 3, 2017, where the line expected
// 47.13 teachers".
func (st Standing) Text(m contract.Measure) string {
	latest := ""
	if st.HasLatest {
		latest = m.Format(st.Latest.Value) + " on " + words.Day(st.Latest.Date)
	}
	switch st.State {
	case NotMeasurable:
		if latest != "" {
			return "Latest " + latest + "; no planned line to judge it against (the measure needs a baseline and a numeric target)"
		}
		return "No planned line yet (the measure needs a baseline and a numeric target)"
	case NoData:
		return "No value recorded since the baseline"
	case OnTrack:
		return fmt.Sprintf("On track: %s, where the planned line expected %s", latest, m.Format(st.Expected))
	case Behind:
		return fmt.Sprintf("Behind the planned line by %s: %s, where the line expected %s", gap(m, st.Gap), latest, m.Format(st.Expected))
	case Met:
		return fmt.Sprintf("%s met: %s", capitalize(st.Toward.Label()[len("the "):]), latest)
	case NotMet:
		return fmt.Sprintf("%s not met, short by %s: %s, against %s", capitalize(st.Toward.Label()[len("the "):]), gap(m, st.Gap), latest, m.Format(st.Toward.Value))
	}
	return ""
}

// Text says how the action items due in a quarter fared: "3 action items
// due, 1 done on time (33%), 1 done late, 1 done on a date not recorded."
func (a ActionTally) Text() string {
	share, ok := a.OnTimeShare()
	if !ok {
		return "No action items were due."
	}
	s := fmt.Sprintf("%s due, %d done on time (%d%%)", words.Count(a.Due, "action item", "action items"), a.OnTime, int(math.Round(share*100)))
	if a.Late > 0 {
		s += fmt.Sprintf(", %d done late", a.Late)
	}
	if a.Unknown > 0 {
		s += fmt.Sprintf(", %d done on a date not recorded", a.Unknown)
	}
	if a.Open > 0 {
		s += fmt.Sprintf(", %d still open", a.Open)
	}
	return s + "."
}
