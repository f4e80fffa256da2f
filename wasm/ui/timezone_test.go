package ui

import (
	"strings"
	"testing"
	"time"

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
	assert.Equal(t, "15:30 CDT", next.Start.Format("15:04 MST"))
	assert.Equal(t, time.April, next.Start.Month())

	eff := a.Handle(Event{Action: "meeting.ics"})
	var data []byte
	for _, e := range eff {
		if d, ok := e.(Download); ok {
			data = d.Data
		}
	}
	require.NotEmpty(t, data)
	cal, err := ics.ParseCalendar(strings.NewReader(string(data)))
	require.NoError(t, err)
	require.Len(t, cal.Events(), 1)
	start, err := cal.Events()[0].GetStartAt()
	require.NoError(t, err)
	assert.True(t, start.Equal(next.Start), "the calendar has it at %s, not %s", start, next.Start)
}
