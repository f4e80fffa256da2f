package agenda_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
)

// A new user gets the quarterly review in one call, adds people, and sees
// what is still missing.
func ExampleQuarterly() {
	start := time.Date(2026, 9, 15, 15, 30, 0, 0, time.FixedZone("", -4*3600))
	m := agenda.Quarterly().At(start)
	fmt.Println(m.ID, m.Minutes, "minutes")
	for _, s := range m.Sections {
		fmt.Printf("%2d min  %s, questions: %d\n", s.Minutes, s.Title, len(s.Questions))
	}

	m.Attendees = []partnership.Attendee{
		{Name: "Ana Ruiz", Side: partnership.DistrictSide, Roles: []partnership.Role{partnership.PointPerson}},
		{Name: "Dee Park", Side: partnership.PartnerSide, Roles: []partnership.Role{partnership.HigherAuthority}},
	}
	m.Sections[3].Minutes = 15 // as the source's sample agenda prints it
	m.AddAction(agenda.Action{Text: "Send the attendance data"})
	for _, f := range agenda.Check(m) {
		fmt.Printf("%s: %s (%s)\n", f.Rule, f.Message, f.Path)
	}
	// Output:
	// 2026-09-15-quarterly 60 minutes
	// 10 min  Alignment of strategic priority and objectives, questions: 2
	// 10 min  Appropriate and sufficient resources, questions: 1
	// 15 min  Clear metrics established, questions: 2
	// 20 min  Ongoing communication and collaboration, questions: 3
	//  5 min  Wrap-up, questions: 1
	// agenda.action-due: Action item "Send the attendance data" has no due date (actions[0].due)
	// agenda.action-owner: Action item "Send the attendance data" has no owner (actions[0].owner)
	// agenda.higher-authority: No one with higher authority from the district attends this quarterly review (attendees)
	// agenda.missing-side: No one from the school is on the list of attendees (attendees)
	// agenda.time-budget: Sections add up to 55 of 60 minutes (minutes)
}

// The next meeting opens with last quarter's open action items already there.
func ExampleNext() {
	q3 := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, time.UTC))
	a := q3.AddAction(agenda.Action{Text: "Move the summer institute", Owner: "Dee Park", Due: "2026-10-15"})
	b := q3.AddAction(agenda.Action{Text: "Share the PD calendar", Owner: "Ana Ruiz", Due: "2026-10-01"})
	_ = q3.SetStatus(b.ID, partnership.Done)
	q3.Record = "Agreed to revisit the summer calendar."
	q3.Close()

	q4 := agenda.Next(q3, time.Date(2026, 12, 8, 15, 30, 0, 0, time.UTC))
	q4.AddAction(agenda.Action{Text: "Plan the spring survey", Owner: "Ana Ruiz", Due: "2027-01-15"})
	fmt.Println(q4.ID)
	for _, x := range q4.Actions {
		raisedAt, _, _ := strings.Cut(x.ID, ".a-") // an action's ID starts with its meeting's
		fmt.Printf("%s  %s  carried=%v\n", raisedAt, x.Text, q4.Carried(x))
	}
	fmt.Println(a.ID == q4.Actions[0].ID)
	for _, f := range agenda.Check(q4) {
		if f.Rule == agenda.RuleOverdue {
			fmt.Println(f.Message)
		}
	}
	// Output:
	// 2026-12-08-quarterly
	// 2026-09-15-quarterly  Move the summer institute  carried=true
	// 2026-12-08-quarterly  Plan the spring survey  carried=false
	// true
	// Action item "Move the summer institute" is still open and was due October 15, 2026
}

// A school year of meetings, exported to a calendar file.
func ExampleSchedule() {
	ms, err := agenda.Schedule(agenda.Year{
		First: "2026-09-01", Last: "2027-06-15",
		Weekday: time.Tuesday, Week: 2, Clock: "15:30",
		Holidays: []partnership.Date{"2026-11-10"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ms[:4] {
		fmt.Println(m.Start.Format("Mon 2006-01-02 15:04"), m.Cadence, m.Minutes)
	}
	var ics strings.Builder
	if err := agenda.WriteICS(&ics, ms...); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(ics.String(), "BEGIN:VEVENT"), "events")
	// Output:
	// Tue 2026-09-08 15:30 quarterly 60
	// Tue 2026-10-13 15:30 monthly 30
	// Tue 2026-11-17 15:30 monthly 30
	// Tue 2026-12-08 15:30 quarterly 60
	// 10 events
}

// A live meeting: a countdown for the section under way and quick notes.
func ExampleMeeting_Remaining() {
	m := agenda.Monthly().At(time.Date(2026, 10, 13, 15, 30, 0, 0, time.UTC))
	since := m.Start.Add(2 * time.Minute) // the first section began two minutes late
	left, _ := m.Remaining(0, since, since.Add(7*time.Minute+15*time.Second))
	fmt.Println(agenda.Countdown(left))
	left, _ = m.Remaining(0, since, since.Add(11*time.Minute))
	fmt.Println(agenda.Countdown(left))

	_ = m.Note(0, 1, "Attendance at PD fell from 52 to 25.")
	_ = m.Note(3, -1, "Next check-in moved to the 10th.")
	fmt.Println(m.Sections[0].Questions[1].Notes)
	fmt.Println(m.Record)
	// Output:
	// 2:45
	// -1:00
	// Attendance at PD fell from 52 to 25.
	// Wrap-up: Next check-in moved to the 10th.
}

// The minutes of a closed meeting, as Markdown.
func ExampleMeeting_WriteMarkdown() {
	m := agenda.Meeting{
		ID: "2026-10-13-monthly", Title: "Monthly check-in", Cadence: partnership.Monthly,
		Start: time.Date(2026, 10, 13, 15, 30, 0, 0, time.UTC), Minutes: 15,
		Attendees: []partnership.Attendee{{Name: "Ana Ruiz", Side: partnership.DistrictSide}},
		Sections: []agenda.Section{{Title: "Wrap-up", Minutes: 15, Questions: []agenda.Question{
			{Text: "Does every action step have an owner and a timeline?", Notes: "Yes."},
		}}},
		Record: "Short meeting.",
	}
	m.AddAction(agenda.Action{Text: "Send the data", Owner: "Ana Ruiz", Due: "2026-10-20"})
	m.Close()
	_ = m.WriteMarkdown(os.Stdout)
	// Output:
	// # Minutes: Monthly check-in
	//
	// - **When:** Tuesday, October 13, 2026, 3:30–3:45 PM (UTC+00:00)
	// - **Meeting:** monthly, 15 minutes
	//
	// ## Present
	//
	// | Name | Side | Roles |
	// |---|---|---|
	// | Ana Ruiz | district |  |
	//
	// ## Agenda
	//
	// ### 1. Wrap-up (15 min, 3:30–3:45 PM)
	//
	// 1. Does every action step have an owner and a timeline?
	//
	//    Yes.
	//
	// ## Record
	//
	// Short meeting.
	//
	// ## Action items
	//
	// | # | Action | Owner | Due | Status | Raised |
	// |---|---|---|---|---|---|
	// | 1 | Send the data | Ana Ruiz | October 20, 2026 | open | this meeting |
}

// One meeting as an iCalendar event, ready for Google Calendar or Outlook.
func ExampleWriteICS() {
	m := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, time.UTC))
	m.Location = "Hayes High School, library"
	var ics strings.Builder
	if err := agenda.WriteICS(&ics, m); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(ics.String(), "\r\n") {
		for _, name := range []string{"BEGIN:", "DTSTART", "DTEND", "SUMMARY", "LOCATION"} {
			if strings.HasPrefix(line, name) {
				fmt.Println(line)
			}
		}
	}
	// Output:
	// BEGIN:VCALENDAR
	// BEGIN:VEVENT
	// DTSTART:20260915T153000Z
	// DTEND:20260915T163000Z
	// SUMMARY:Quarterly partnership review
	// LOCATION:Hayes High School\, library
}

// The agenda as one printable HTML page: everything typed stays text.
func ExampleMeeting_WriteHTML() {
	m := agenda.Monthly().At(time.Date(2026, 10, 13, 15, 30, 0, 0, time.UTC))
	m.Title = "Check-in <with the partner>"
	var page strings.Builder
	if err := m.WriteHTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.HasPrefix(line, "<title>") || strings.HasPrefix(line, "<h1>") {
			fmt.Println(line)
		}
	}
	fmt.Println(strings.Contains(page.String(), "<script"))
	// Output:
	// <title>Check-in &lt;with the partner&gt;</title>
	// <h1>Check-in &lt;with the partner&gt;</h1>
	// false
}

// A meeting saved as JSON reads back with Decode; a draft that is not
// valid yet comes back with what to correct.
func ExampleDecode() {
	m, err := agenda.Decode(strings.NewReader(`{"id": "2026-10-13-monthly", "title": "Check-in", "cadence": "monthly",
		"start": "2026-10-13T15:30:00-05:00", "minutes": 0, "actions": [{"id": "a", "text": "Send the data", "due": "soon"}]}`))
	fmt.Println(m.Title)
	for _, p := range partnership.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// Check-in
	// minutes: minutes must be more than 0
	// actions[0].due: due must be a date written as YYYY-MM-DD, such as 2026-09-01
}

// CheckAll looks at every meeting of a partnership together: each one, and
// the quarterly reviews and monthly contact across them.
func ExampleCheckAll() {
	q := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, time.UTC))
	later := agenda.Monthly().At(time.Date(2027, 1, 12, 15, 30, 0, 0, time.UTC))
	for _, f := range agenda.CheckAll([]agenda.Meeting{q, later}, nil, time.Time{}) {
		if f.Rule == agenda.RuleCadenceQuarterly || f.Rule == agenda.RuleCadenceMonthly {
			fmt.Printf("%s at %s: %s\n", f.Rule, f.Path, f.Message)
		}
	}
	// Output:
	// agenda.cadence-quarterly at [1]: There is no quarterly review in 2026 Q4 (Oct–Dec)
	// agenda.cadence-monthly at [1]: There is no meeting in the 3 months from October 2026 to December 2026
}

// A calendar entry that invites the attendees, at 3:30 PM Chicago time.
func ExampleCalendar_Write() {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		fmt.Println(err)
		return
	}
	m := agenda.Quarterly().At(time.Date(2027, 4, 21, 15, 30, 0, 0, chicago))
	m.Attendees = []partnership.Attendee{
		{Name: "Ana Ruiz", Side: partnership.DistrictSide, Email: "ana@rusd.example.org", Organizer: true},
		{Name: "Dee Park", Side: partnership.PartnerSide, Email: "dee@lp.example.org"},
	}
	var buf strings.Builder
	c := agenda.Calendar{Namespace: "rusd-2026", Stamp: time.Date(2027, 4, 1, 12, 0, 0, 0, time.UTC)}
	if err := c.Write(&buf, m); err != nil {
		fmt.Println(err)
		return
	}
	show := false // whether the line being continued was shown
	for _, line := range strings.Split(buf.String(), "\r\n") {
		if !strings.HasPrefix(line, " ") {
			show = false
			for _, p := range []string{"TZID", "DTSTART", "DTEND", "UID", "SEQUENCE", "ORGANIZER", "ATTENDEE"} {
				show = show || strings.HasPrefix(line, p)
			}
		}
		if show {
			fmt.Println(line)
		}
	}
	// Output:
	// TZID:America/Chicago
	// DTSTART:19701101T020000
	// DTSTART:19700308T020000
	// UID:2027-04-21-quarterly.rusd-2026@partnerkit
	// SEQUENCE:0
	// DTSTART;TZID=America/Chicago:20270421T153000
	// DTEND;TZID=America/Chicago:20270421T163000
	// ORGANIZER;CN="Ana Ruiz":mailto:ana@rusd.example.org
	// ATTENDEE;CN="Ana Ruiz";CUTYPE=INDIVIDUAL;ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=
	//  FALSE:mailto:ana@rusd.example.org
	// ATTENDEE;CN="Dee Park";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEED
	//  S-ACTION;RSVP=TRUE:mailto:dee@lp.example.org
}
