package ui

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // golang-ical reads the TZID with time.LoadLocation

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTheNextMeetingKeepsItsTimeOfDay follows the page's own path, as the
// page runs it (under js/wasm too, where Go has no zone database of its
// own): in Chicago, a quarterly meeting on Wednesday 20 January 2027 at
// 3:30 PM, closed, then the next one: it is at 3:30 PM CDT in April, and so
// is its calendar entry.
func TestTheNextMeetingKeepsItsTimeOfDay(t *testing.T) {
	c := &clock{t: time.Date(2027, 1, 4, 15, 0, 0, 0, time.UTC)}
	a := New(Config{Now: c.now, TimeZone: "America/Chicago"}, nil, nil)
	require.Equal(t, "America/Chicago", a.ws.TimeZone, "a new workspace takes the browser's zone")
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.cadence", Value: "quarterly"})
	a.Handle(Event{Action: "meeting.start", Value: "2027-01-20T15:30"})
	a.Handle(Event{Action: "meeting.create"})
	require.Len(t, a.ws.Meetings, 1)
	assert.Equal(t, "2027-01-20 15:30 CST", a.ws.Meetings[0].Start.Format("2006-01-02 15:04 MST"))

	a.Handle(Event{Action: "meeting.close"})
	a.Handle(Event{Action: "meeting.next"})
	require.Len(t, a.ws.Meetings, 2)
	next := a.ws.Meetings[1]
	assert.Equal(t, "America/Chicago", next.Start.Location().String())
	assert.Equal(t, "Wed 2027-04-21 15:30 CDT", next.Start.Format("Mon 2006-01-02 15:04 MST"), "the third Wednesday, at 3:30 PM")

	cal := calendarOf(t, a.Handle(Event{Action: "meeting.ics"}))
	require.Len(t, cal.Events(), 1)
	e := cal.Events()[0]
	dtstart := e.GetProperty(ics.ComponentPropertyDtStart)
	assert.Equal(t, []string{"America/Chicago"}, dtstart.ICalParameters["TZID"])
	assert.Equal(t, "20270421T153000", dtstart.Value)
	start, err := e.GetStartAt()
	require.NoError(t, err)
	assert.True(t, start.Equal(next.Start), "the calendar has it at %s, not %s", start, next.Start)
	assert.Equal(t, next.ID+"."+a.ws.WorkspaceID+"@partnerkit", e.Id())
	assert.Equal(t, "0", e.GetProperty(ics.ComponentPropertySequence).Value)

	// Moved by half an hour, typed key by key: the calendar file says it is
	// a new revision, once.
	for _, v := range []string{"2027-04-21T16", "2027-04-21T16:0", "2027-04-21T16:00"} {
		edit(a, "meetings[1].start", v)
	}
	e = calendarOf(t, a.Handle(Event{Action: "meeting.ics"})).Events()[0]
	assert.Equal(t, "1", e.GetProperty(ics.ComponentPropertySequence).Value)
	assert.Equal(t, "20270421T160000", e.GetProperty(ics.ComponentPropertyDtStart).Value)
	edit(a, "meetings[1].location", "Room 12")
	e = calendarOf(t, a.Handle(Event{Action: "meeting.ics"})).Events()[0]
	assert.Equal(t, "2", e.GetProperty(ics.ComponentPropertySequence).Value, "changed after the last download")

	// A year of meetings holds the two made, once each, and fills the
	// other months at 3:30 PM.
	a.Handle(Event{Action: "meeting.open", Arg: "0"})
	year := calendarOf(t, a.Handle(Event{Action: "meeting.ics.year"}))
	ids := map[string]int{}
	for _, e := range year.Events() {
		ids[e.Id()]++
		if e.Id() == next.ID+"."+a.ws.WorkspaceID+"@partnerkit" {
			assert.Equal(t, "20270421T160000", e.GetProperty(ics.ComponentPropertyDtStart).Value)
			continue
		}
		assert.True(t, strings.HasSuffix(e.GetProperty(ics.ComponentPropertyDtStart).Value, "T153000"))
	}
	assert.Len(t, year.Events(), 13, "from 20 January to 19 January, which is the third Wednesday of January 2028")
	for id, n := range ids {
		assert.Equal(t, 1, n, id)
	}
	assert.Contains(t, ids, a.ws.Meetings[0].ID+"."+a.ws.WorkspaceID+"@partnerkit")
}

// calendarOf parses the calendar file the effects download.
func calendarOf(t *testing.T, eff []Effect) *ics.Calendar {
	t.Helper()
	var data []byte
	for _, e := range eff {
		if d, ok := e.(Download); ok {
			data = d.Data
		}
	}
	require.NotEmpty(t, data, "a calendar is downloaded")
	cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
	require.NoError(t, err)
	return cal
}
