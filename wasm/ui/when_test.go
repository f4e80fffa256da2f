package ui

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

func TestParseWhenReadsWhatPeopleType(t *testing.T) {
	chi := partnerkit.New()
	require.NoError(t, chi.SetTimeZone("America/Chicago"))
	loc := chi.Location()
	for in, want := range map[string]string{
		"2027-03-02T15:30":        "2027-03-02 15:30 CST",
		"3/2/2027 3:30 PM":        "2027-03-02 15:30 CST",
		" 3/2/2027, 3:30pm ":      "2027-03-02 15:30 CST",
		"March 2, 2027 3:30 p.m.": "2027-03-02 15:30 CST",
		"Mar 2, 2027, 9 AM":       "2027-03-02 09:00 CST",
		"2027-04-21 15:30":        "2027-04-21 15:30 CDT",
		"4/21/2027 3:30 PM":       "2027-04-21 15:30 CDT",
		"3/14/2027 2:30 AM":       "2027-03-14 03:30 CDT", // the hour the clocks skip
	} {
		got, prob := parseWhen(in, loc)
		if assert.Empty(t, prob, in) {
			assert.Equal(t, want, got.Format("2006-01-02 15:04 MST"), in)
			assert.Equal(t, "America/Chicago", got.Location().String())
		}
	}
	for _, in := range []string{"", "soon", "3/2/27 3:30 PM", "3/2/2027", "3:30 PM", "2/30/2027 3 PM", "3/2/2027 25:00"} {
		_, prob := parseWhen(in, loc)
		assert.Contains(t, prob, "3/2/2027 3:30 PM", in)
	}
}

func TestDatesTypedTheUSWay(t *testing.T) {
	a := New(Config{Now: fixedNow, TimeZone: "America/New_York"}, nil, nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.start"})
	path := "contract.appendix.meetings.dates"
	edit(a, path, "9/15/2026\n\nOctober 13, 2026\n2026-12-08")
	assert.Equal(t, []partnership.Date{"2026-09-15", "2026-10-13", "2026-12-08"}, a.ws.Contract.Appendix.Meetings.Dates)
	shown, _ := a.Render().Find(FieldID(path)).Attr("value")
	assert.Equal(t, "9/15/2026\n\nOctober 13, 2026\n2026-12-08", shown, "kept as typed")
	a.ws.Typed = nil // as if nothing had been typed
	text, _ := a.shown(a.model.fields["contract.appendix.meetings.dates"], Loc{Path: path})
	assert.Equal(t, "9/15/2026\n10/13/2026\n12/8/2026", text, "shown as US dates")

	edit(a, path, "9/15/2026\nsoon")
	_, prob := a.shown(a.model.fields["contract.appendix.meetings.dates"], Loc{Path: path})
	assert.Equal(t, `"soon" is not a date: write each date on its own line, as 3/2/2027.`, prob)
	assert.Equal(t, []partnership.Date{"9/15/2026", "soon"}, a.ws.Contract.Appendix.Meetings.Dates, "kept in the file as typed, for the checks to report")

	edit(a, "contract.session.date", "3/2/2027")
	assert.Equal(t, partnership.Date("2027-03-02"), a.ws.Contract.Session.Date)
	edit(a, "contract.session.date", "")
	assert.Equal(t, partnership.Date(""), a.ws.Contract.Session.Date, "cleared")
}

func TestTheTimeZoneIsChosenOnTheMeetingsTab(t *testing.T) {
	a := New(Config{Now: fixedNow, TimeZone: "America/Indianapolis"}, nil, nil)
	assert.Equal(t, "America/Indianapolis", a.ws.TimeZone, "the browser's, by the name it gives")
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	sel := a.Render().Find(FieldID("timeZone"))
	require.NotNil(t, sel)
	got, _ := sel.Attr("data-path")
	assert.Equal(t, "timeZone", got)
	text := sel.TextContent()
	assert.True(t, strings.HasPrefix(text, "Eastern Time (New York)"), "the states' zones first, east to west: %s", text)
	assert.Contains(t, text, "Eastern Time (Indianapolis, most of Indiana) (this device's time zone)")
	var chosen []string
	sel.Walk(func(n *Node) bool {
		if _, ok := n.Attr("selected"); ok && n.Tag == "option" {
			v, _ := n.Attr("value")
			chosen = append(chosen, v)
		}
		return true
	})
	assert.Equal(t, []string{"America/Indianapolis"}, chosen)

	a.Handle(Event{Action: "meeting.start", Value: "1/20/2027 3:30 PM"})
	a.Handle(Event{Action: "meeting.create"})
	require.Len(t, a.ws.Meetings, 1)
	assert.Equal(t, "2027-01-20 15:30 EST", a.ws.Meetings[0].Start.Format("2006-01-02 15:04 MST"))
	edit(a, "timeZone", "America/Chicago")
	assert.Equal(t, "America/Chicago", a.ws.TimeZone)
	assert.Equal(t, "2027-01-20 14:30 CST", a.ws.Meetings[0].Start.Format("2006-01-02 15:04 MST"), "the same moment")
	assert.Contains(t, a.Render().Find("pk-meet-list").TextContent(), "Wed, Jan 20, 2027, 2:30 PM CST", "another zone than the device's is named")
	edit(a, "timeZone", "Mars/Olympus")
	assert.Equal(t, "America/Chicago", a.ws.TimeZone, "an unknown zone changes nothing")
}

func TestAWorkspaceWithoutAZoneGetsTheDevicesAndSaysSo(t *testing.T) {
	old := `{"schemaVersion": 1, "meetings": [{"id": "m1", "title": "Review", "cadence": "quarterly", "start": "2027-01-20T15:30:00-06:00", "minutes": 60}]}`
	ws, n, _ := Restore(old, true)
	require.Nil(t, n)
	a := New(Config{Now: fixedNow, TimeZone: "America/Chicago"}, ws, nil)
	assert.Equal(t, "America/Chicago", a.ws.TimeZone)
	assert.Equal(t, "15:30 CST", a.ws.Meetings[0].Start.Format("15:04 MST"))
	assert.Contains(t, a.Render().TextContent(), "The meetings' times are now in Central Time (Chicago), this device's time zone.")

	// A device in a zone partnerkit does not know leaves the choice open.
	a = New(Config{Now: fixedNow, TimeZone: "Mars/Olympus"}, nil, nil)
	assert.Empty(t, a.ws.TimeZone)
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	assert.Contains(t, a.Render().Find(FieldID("timeZone")).TextContent(), "Choose the district's time zone")
}

func TestTimesShowAsTheLocaleWritesThem(t *testing.T) {
	a := New(Config{Now: fixedNow, TimeZone: "America/Chicago"}, nil, nil)
	m := time.Date(2027, 4, 21, 15, 30, 0, 0, a.ws.Location())
	assert.Equal(t, "Wed, Apr 21, 2027, 3:30 PM", a.when(m))
	assert.Equal(t, "Wednesday, April 21, 2027", day(m))
	a.cfg.Clock24 = true
	assert.Equal(t, "Wed, Apr 21, 2027, 15:30", a.when(m))
	a.cfg.TimeZone = "America/Denver"
	assert.Equal(t, "Wed, Apr 21, 2027, 15:30 CDT", a.when(m), "not the device's zone: named")
	assert.Equal(t, "no date yet", a.when(time.Time{}))
}

func TestOneAttendeeSendsTheInvitations(t *testing.T) {
	a := New(Config{Now: fixedNow, TimeZone: "America/Chicago"}, nil, nil)
	a.ws.Partnership = &partnership.Partnership{Name: "P", District: partnership.Org{ID: "d", Name: "D"},
		People: []partnership.Person{{ID: "ana", Name: "Ana Ruiz", Org: "d", Email: "ana@d.example.org"}, {ID: "ben", Name: "Ben Okafor", Org: "d"}}}
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.start", Value: "2027-01-20T15:30"})
	a.Handle(Event{Action: "meeting.create"})
	tick(a, "meetings[0].attendees", "ana")
	tick(a, "meetings[0].attendees", "ben")
	invites := a.Render().Find("pk-meet-invites")
	require.NotNil(t, invites)
	assert.Contains(t, invites.TextContent(), "Ana Ruiz sends the invitations")
	assert.Contains(t, invites.TextContent(), "Ben Okafor has no email address and gets no invitation")

	tick(a, "meetings[0].attendees[1].organizer", "")
	tick(a, "meetings[0].attendees[0].organizer", "")
	m := a.ws.Meetings[0]
	assert.True(t, m.Attendees[0].Organizer)
	assert.False(t, m.Attendees[1].Organizer, "one organizer at a time")
	assert.NoError(t, m.Validate())

	e := calendarOf(t, a.Handle(Event{Action: "meeting.ics"})).Events()[0]
	require.NotNil(t, e.GetProperty(ics.ComponentPropertyOrganizer))
	assert.Equal(t, "mailto:ana@d.example.org", e.GetProperty(ics.ComponentPropertyOrganizer).Value)
	require.Len(t, e.Attendees(), 1)
	assert.Equal(t, "1", e.GetProperty(ics.ComponentPropertySequence).Value, "choosing who comes changed the entry")
}
