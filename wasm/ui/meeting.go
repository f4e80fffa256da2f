package ui

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
)

// meetingParts are the lists and groups of the meetings.
func meetingParts() []Part {
	return []Part{
		{Path: "meetings", Title: "Meetings", Noun: "meeting", Name: func(a *App, at Loc) string {
			if m, ok := a.meeting(at.at(0)); ok {
				return m.Title + ", " + a.when(m.Start)
			}
			return ""
		}},
		{Path: "meetings[].sections", Noun: "section", Name: nameAt("title")},
		{Path: "meetings[].sections[].questions", Noun: "question", Name: nameAt("text")},
		{Path: "meetings[].actions", Title: "actions", Noun: "action", Name: nameAt("text")},
	}
}

// meeting returns the meeting at index i.
func (a *App) meeting(i int) (agenda.Meeting, bool) {
	if i < 0 || i >= len(a.ws.Meetings) {
		return agenda.Meeting{}, false
	}
	return a.ws.Meetings[i], true
}

// meetingFields are the values the meetings edit.
func meetingFields() []Field {
	return []Field{
		{Path: "meetings[].title", Label: "Title"},
		{Path: "meetings[].start", Label: "Date and time", Words: "when", Kind: KindDateTime},
		{Path: "meetings[].minutes", Label: "Length in minutes", Words: "length", Kind: KindWhole, Min: 1, Max: 1440, Example: "60",
			HintAt: func(a *App, at Loc) string {
				if m, ok := a.meeting(at.at(0)); ok {
					return fmt.Sprintf("The agenda plans %d minutes.", m.Planned())
				}
				return ""
			}},
		{Path: "meetings[].inPerson", Label: "In person", Kind: KindCheck},
		{Path: "meetings[].location", Label: "Where"},
		{Path: "meetings[].attendees", Label: "Who comes", Kind: KindSet,
			Options: func(a *App, at Loc) []Option {
				p := a.ws.Partnership
				if p == nil {
					return nil
				}
				var out []Option
				for _, pe := range p.People {
					out = append(out, Option{pe.ID, named(pe.Name, "a person without a name") + " (" + named(p.OrgName(pe.Org), "an organization without a name") + roleList(pe.Roles) + ")"})
				}
				return out
			},
			Read: func(a *App, at Loc) (string, bool) {
				m, ok := a.meeting(at.at(0))
				var ids []string
				for _, x := range m.Attendees {
					ids = append(ids, x.Person)
				}
				return strings.Join(ids, "\n"), ok
			},
			Toggle: func(a *App, at Loc, id string) bool {
				if i := at.at(0); i >= 0 && i < len(a.ws.Meetings) {
					return a.toggleAttendee(&a.ws.Meetings[i], id)
				}
				return false
			}},
		{Path: "meetings[].sections[].minutes", Label: "Minutes for this section", Words: "minutes", Kind: KindWhole, Min: 0, Max: 1440, Example: "10"},
		{Path: "meetings[].sections[].questions[].notes", Label: "Notes", Kind: KindArea},
		{Path: "meetings[].actions[].text", Label: "What is to be done", Words: "what"},
		{Path: "meetings[].actions[].owner", Label: "Who does it", Words: "who", Kind: KindChoice, Options: func(a *App, at Loc) []Option {
			m, _ := a.meeting(at.at(0))
			return a.ownerOptions(&m, nameAt("owner")(a, at))
		}},
		{Path: "meetings[].actions[].due", Label: "By when", Kind: KindDate},
		{Path: "meetings[].actions[].status", Label: "Done", Kind: KindCheck, On: string(partnership.Done), Off: string(partnership.Open)},
		{Path: "meetings[].record", Label: "Record of the meeting", Words: "record", Kind: KindArea, Hint: "What was decided, in a few lines."},
	}
}

// meetingEditor is the meetings' state.
type meetingEditor struct {
	open     int  // the meeting being edited or run
	opened   bool // open was set
	cadence  string
	start    string         // the new meeting's start as typed
	live     bool           // the open meeting runs in live mode
	section  int            // live mode: the section under way
	since    time.Time      // live mode: when it began
	quick    agenda.Action  // live mode: the action being written down
	announce string         // what the live region says: the section, or that its time is up
	focus    string         // where the focus goes after an edit that removed the focused field
	seen     agenda.Meeting // the open meeting as a calendar last saw it, or as it was opened (see agenda.Meeting.Revise)
}

// see takes the open meeting as it stands as the one calendars know: its
// next change counts as a new revision.
func (a *App) see() {
	if m := a.currentMeeting(); m != nil {
		a.meet.seen = m.Clone()
	}
}

// current returns the meeting being edited, or nil.
func (a *App) currentMeeting() *agenda.Meeting {
	if !a.meet.opened || a.meet.open < 0 || a.meet.open >= len(a.ws.Meetings) {
		return nil
	}
	return &a.ws.Meetings[a.meet.open]
}

// handleMeetings handles the meetings' events ("meeting.*").
func (a *App) handleMeetings(ev Event) ([]Effect, bool) {
	if !strings.HasPrefix(ev.Action, "meeting.") {
		return nil, false
	}
	now := a.cfg.Now().In(a.ws.Location())
	switch ev.Action {
	case "meeting.cadence":
		a.meet.cadence = ev.Value
		return nil, true
	case "meeting.start":
		a.meet.start = ev.Value
		return nil, true
	case "meeting.create":
		return a.createMeeting(now), true
	case "meeting.open":
		i, err := strconv.Atoi(ev.Arg)
		if err != nil || i < 0 || i >= len(a.ws.Meetings) {
			a.meet.opened, a.meet.live = false, false
			return []Effect{Focus{ID: "pk-meet-list"}}, true
		}
		a.meet.open, a.meet.opened, a.meet.live = i, true, false
		a.see()
		return []Effect{Focus{ID: FieldID(fmt.Sprintf("meetings[%d]", i))}}, true
	case "meeting.ics.year":
		eff := a.yearCalendar()
		a.see()
		return eff, true
	}
	m := a.currentMeeting()
	if m == nil {
		return nil, true
	}
	var eff []Effect
	switch ev.Action {
	case "meeting.live":
		a.meet.live = !a.meet.live
		if a.meet.live {
			a.meet.section, a.meet.since = 0, now
			a.meet.announce = a.sectionAnnouncement(m)
			return []Effect{Focus{ID: "pk-live"}}, true
		}
		return []Effect{Focus{ID: "pk-meet-live-toggle"}}, true
	case "meeting.section":
		n, err := strconv.Atoi(ev.Arg)
		if err == nil && n >= 0 && n < len(m.Sections) {
			a.meet.section, a.meet.since = n, now
			a.meet.announce = a.sectionAnnouncement(m)
		}
		return []Effect{Focus{ID: "pk-live-section"}}, true
	case "meeting.quick.text":
		a.meet.quick.Text = ev.Value
		return nil, true
	case "meeting.quick.owner":
		a.meet.quick.Owner = ev.Value
		return nil, true
	case "meeting.quick.due":
		a.meet.quick.Due = partnership.Date(ev.Value)
		return nil, true
	case "meeting.quick.add":
		q := a.meet.quick
		if strings.TrimSpace(q.Text) == "" {
			a.notify(Notice{Kind: "problem", Text: "Write what is to be done before adding the action."})
			return []Effect{Focus{ID: "pk-live-action-text"}}, true
		}
		if s := a.meet.section; s < len(m.Sections) {
			q.Section = m.Sections[s].Title
		}
		added := m.AddAction(q)
		a.meet.quick = agenda.Action{}
		a.notify(Notice{Kind: "ok", Text: "Added the action “" + added.Text + "”."})
		eff = append(eff, Focus{ID: "pk-live-action-text"})
	case "meeting.close":
		m.Close()
		a.meet.live = false
		a.notify(Notice{Kind: "ok", Text: "The meeting is closed and kept as a record. Start the next one to carry its open actions over."})
		eff = append(eff, Focus{ID: "pk-meet-next"})
	case "meeting.next":
		next, err := a.ws.NextMeeting(a.meet.open)
		if err != nil {
			a.problem("The next meeting could not be started.", err)
			return nil, true
		}
		start := next.Start
		a.meet.open, a.meet.live = len(a.ws.Meetings)-1, false
		a.see()
		carried := 0
		for _, ac := range next.Actions {
			if next.Carried(ac) {
				carried++
			}
		}
		a.notify(Notice{Kind: "ok", Text: fmt.Sprintf("Started the next meeting, on %s, with %s carried over.", day(start), plural(carried, "open action", "open actions"))})
		eff = append(eff, Focus{ID: FieldID(fmt.Sprintf("meetings[%d]", a.meet.open))})
	case "meeting.html", "meeting.md", "meeting.ics":
		eff := a.meetingDownload(*m, ev.Action)
		if ev.Action == "meeting.ics" {
			a.see()
		}
		return eff, true
	default:
		if !a.editMeeting(m, ev) {
			return nil, true
		}
		if a.meet.focus != "" {
			eff = append(eff, Focus{ID: a.meet.focus})
			a.meet.focus = ""
		}
	}
	a.revise()
	return append(eff, Persist{}), true
}

// revise counts a change of the open meeting as one calendars must take:
// its SEQUENCE grows, once until the next download.
func (a *App) revise() {
	if m := a.currentMeeting(); m != nil && a.meet.seen.ID == m.ID {
		m.Revise(a.meet.seen)
	}
}

// sectionAnnouncement is what the live region says when a section begins.
func (a *App) sectionAnnouncement(m *agenda.Meeting) string {
	s := a.meet.section
	if s >= len(m.Sections) {
		return ""
	}
	return fmt.Sprintf("Section %d of %d: %s, %d minutes.", s+1, len(m.Sections), m.Sections[s].Title, m.Sections[s].Minutes)
}

// createMeeting adds a meeting from the chosen template at the chosen time.
func (a *App) createMeeting(now time.Time) []Effect {
	c := partnership.Cadence(firstOr(a.meet.cadence, string(partnership.Quarterly)))
	if c != partnership.Monthly {
		c = partnership.Quarterly
	}
	start := defaultStart(now)
	if a.meet.start != "" {
		t, prob := parseWhen(a.meet.start, a.zone())
		if prob != "" {
			a.notify(Notice{Kind: "problem", Text: "The date and time of the new meeting could not be read: please choose them again."})
			return []Effect{Focus{ID: "pk-meet-new-start"}}
		}
		start = t
	}
	if _, err := a.ws.AddMeeting(agenda.Template(c).At(start)); err != nil {
		a.problem("The meeting could not be created.", err)
		return []Effect{Focus{ID: "pk-meet-new-start"}}
	}
	a.meet.open, a.meet.opened, a.meet.live = len(a.ws.Meetings)-1, true, false
	a.see()
	return []Effect{Persist{}, Focus{ID: FieldID(fmt.Sprintf("meetings[%d].title", a.meet.open))}}
}

// defaultStart is a week from now at half past three in the afternoon.
func defaultStart(now time.Time) time.Time {
	d := now.AddDate(0, 0, 7)
	return time.Date(d.Year(), d.Month(), d.Day(), 15, 30, 0, 0, now.Location())
}

// editMeeting applies an edit of the open meeting: adding or removing an
// action; false when the event is not one.
func (a *App) editMeeting(m *agenda.Meeting, ev Event) bool {
	field, ix := index(ev.Arg)
	switch ev.Action + ":" + field {
	case "meeting.add:action":
		m.AddAction(agenda.Action{Text: "New action"})
	case "meeting.remove:action":
		if len(ix) == 1 && ix[0] < len(m.Actions) {
			m.Actions = append(m.Actions[:ix[0]:ix[0]], m.Actions[ix[0]+1:]...)
			a.moved(fmt.Sprintf("meetings[%d].actions", a.meet.open), ix[0], -1)
		}
		a.meet.focus = FieldID(fmt.Sprintf("meetings[%d].actions", a.meet.open)) // the removed field had the focus
	default:
		return false
	}
	return true
}

// toggleAttendee adds or removes a person of the partnership.
func (a *App) toggleAttendee(m *agenda.Meeting, id string) bool {
	for i, at := range m.Attendees {
		if at.Person == id {
			m.Attendees = append(m.Attendees[:i:i], m.Attendees[i+1:]...)
			return true
		}
	}
	if p := a.ws.Partnership; p != nil {
		if at, ok := p.Attendee(id); ok {
			m.Attendees = append(m.Attendees, at)
			return true
		}
	}
	return false
}

// meetingDownload writes the minutes or the calendar entry of a meeting.
func (a *App) meetingDownload(m agenda.Meeting, kind string) []Effect {
	var buf bytes.Buffer
	var err error
	ext, typ := ".html", "text/html"
	switch kind {
	case "meeting.html":
		err = m.WriteHTML(&buf)
	case "meeting.md":
		err, ext, typ = m.WriteMarkdown(&buf), ".md", "text/markdown"
	default:
		err, ext, typ = a.calendar().Write(&buf, m), ".ics", "text/calendar"
	}
	if err != nil {
		a.problem("The meeting could not be written.", err)
		return nil
	}
	return []Effect{Download{Name: m.ID + ext, Type: typ, Data: buf.Bytes()}}
}

// calendar is the calendar the page writes: named for the partnership, its
// entries in the workspace's id, attendees invited at their e-mail.
func (a *App) calendar() agenda.Calendar {
	c := a.ws.Calendar()
	c.Stamp = a.cfg.Now()
	return c
}

// yearCalendar writes a year of meetings from the open meeting's date (or
// from next week), on the same weekday of each month, as an .ics file.
func (a *App) yearCalendar() []Effect {
	start := defaultStart(a.cfg.Now().In(a.ws.Location()))
	place := ""
	var attendees []partnership.Attendee
	if m := a.currentMeeting(); m != nil && !m.Start.IsZero() {
		start, place, attendees = m.Start, m.Location, m.Attendees
	}
	first := partnership.DateOf(start)
	last := partnership.DateOf(start.AddDate(1, 0, -1))
	week := (start.Day()-1)/7 + 1
	if week > 4 {
		week = -1 // the last such weekday of each month
	}
	ms, err := agenda.Schedule(agenda.Year{First: first, Last: last, Weekday: start.Weekday(), Week: week,
		Clock: start.Format("15:04"), Location: start.Location(), Place: place, Attendees: attendees, Meetings: a.ws.Meetings})
	if err != nil {
		a.problem("The year's schedule could not be made.", err)
		return nil
	}
	var buf bytes.Buffer
	if err := a.calendar().Write(&buf, ms...); err != nil {
		a.problem("The year's schedule could not be written.", err)
		return nil
	}
	return []Effect{Download{Name: "meetings-" + string(first) + ".ics", Type: "text/calendar", Data: buf.Bytes()}}
}

// revealMeetings opens the meeting the path names.
func (a *App) revealMeetings(path string) {
	var i int
	if scanIndex(path, "meetings[%d]", &i) && i < len(a.ws.Meetings) {
		a.meet.open, a.meet.opened, a.meet.live = i, true, false
		a.see()
	}
}

// Ticking reports whether the page should send a "tick" every second, as it
// does while a meeting runs in live mode and its countdown shows.
func (a *App) Ticking() bool {
	return a.view == ViewMeetings && a.meet.live && a.currentMeeting() != nil
}
