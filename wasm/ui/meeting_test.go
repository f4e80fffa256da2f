package ui

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

// clock is a time the test moves by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func TestRunAMeetingLiveAndCarryAnAction(t *testing.T) {
	c := &clock{t: time.Date(2017, 9, 1, 9, 0, 0, 0, time.UTC)}
	a := New(Config{Now: c.now}, nil, nil)
	onlyTheExamplesPartnership(a)
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	assert.Contains(t, a.Render().TextContent(), "No meetings yet")

	a.Handle(Event{Action: "meeting.cadence", Value: "quarterly"})
	a.Handle(Event{Action: "meeting.start", Value: "2017-09-12T15:30"})
	a.Handle(Event{Action: "meeting.create"})
	require.Len(t, a.ws.Meetings, 1)
	m := &a.ws.Meetings[0]
	assert.Equal(t, partnership.Quarterly, m.Cadence)
	assert.Equal(t, time.Date(2017, 9, 12, 15, 30, 0, 0, time.UTC), m.Start)
	assert.Contains(t, a.Render().Find("pk-meet-checks").TextContent(), "finding", "an empty meeting has things to check")

	// Pick everyone of the partnership.
	for _, pe := range a.ws.Partnership.People {
		tick(a, "meetings[0].attendees", pe.ID)
	}
	assert.Len(t, m.Attendees, len(a.ws.Partnership.People))

	// Live mode.
	a.Handle(Event{Action: "meeting.live"})
	assert.True(t, a.Ticking())
	first := a.Render().Find("pk-live-clock").TextContent()
	c.t = c.t.Add(90 * time.Second)
	a.Handle(Event{Action: "tick"})
	second := a.Render().Find("pk-live-clock").TextContent()
	assert.NotEqual(t, first, second, "the countdown moves with the clock")
	assert.Contains(t, a.Render().Find("pk-live-announce").TextContent(), "Section 1 of")
	c.t = c.t.Add(2 * time.Hour)
	a.Handle(Event{Action: "tick"})
	assert.Contains(t, a.Render().Find("pk-live-timer").TextContent(), "over the time planned")
	assert.Contains(t, a.Render().Find("pk-live-announce").TextContent(), "Time is up")

	edit(a, "meetings[0].sections[0].questions[0].notes", "Still aligned <b>.")
	assert.Equal(t, "Still aligned <b>.", m.Sections[0].Questions[0].Notes)
	a.Handle(Event{Action: "meeting.quick.text", Value: "Move the institute"})
	a.Handle(Event{Action: "meeting.quick.owner", Value: m.Attendees[0].Name})
	a.Handle(Event{Action: "meeting.quick.due", Value: "2017-10-15"})
	a.Handle(Event{Action: "meeting.quick.add"})
	require.Len(t, m.Actions, 1)
	assert.Equal(t, "Move the institute", m.Actions[0].Text)
	assert.Equal(t, m.Attendees[0].Name, m.Actions[0].Owner, "owned by name, as the minutes print it")
	assert.Equal(t, m.Sections[0].Title, m.Actions[0].Section)
	a.Handle(Event{Action: "meeting.section", Arg: "1"})
	assert.Contains(t, a.Render().Find("pk-live-section").TextContent(), "2 of")

	// Close, then the next meeting carries the open action.
	a.Handle(Event{Action: "meeting.close"})
	assert.True(t, m.Closed)
	assert.False(t, a.Ticking())
	a.Handle(Event{Action: "meeting.next"})
	require.Len(t, a.ws.Meetings, 2)
	next := a.ws.Meetings[1]
	assert.Equal(t, time.Date(2017, 12, 12, 15, 30, 0, 0, time.UTC), next.Start)
	require.NotEmpty(t, next.Actions)
	assert.Equal(t, "Move the institute", next.Actions[0].Text)
	assert.True(t, next.Carried(next.Actions[0]))
	assert.Contains(t, a.Render().TextContent(), "Carried over from")
	require.NoError(t, a.Render().Check())

	// The calendar and the minutes.
	d := a.Handle(Event{Action: "meeting.ics"})[0].(Download)
	assert.Equal(t, "text/calendar", d.Type)
	cal, err := ics.ParseCalendar(strings.NewReader(string(d.Data)))
	require.NoError(t, err)
	assert.Len(t, cal.Events(), 1)
	y := a.Handle(Event{Action: "meeting.ics.year"})[0].(Download)
	cal, err = ics.ParseCalendar(strings.NewReader(string(y.Data)))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(cal.Events()), 10, "a year of meetings")
	a.Handle(Event{Action: "meeting.open", Arg: "0"})
	html := a.Handle(Event{Action: "meeting.html"})[0].(Download)
	assert.Contains(t, string(html.Data), "Still aligned &lt;b&gt;.")
	md := a.Handle(Event{Action: "meeting.md"})[0].(Download)
	assert.Contains(t, string(md.Data), "Move the institute")
}

func TestMeetingKeepsWhatIsTyped(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.create"})
	m := &a.ws.Meetings[0]
	before := m.Minutes
	edit(a, "meetings[0].minutes", "an hour")
	assert.Equal(t, before, m.Minutes)
	v, _ := a.Render().Find(FieldID("meetings[0].minutes")).Attr("value")
	assert.Equal(t, "an hour", v)
	assert.NotNil(t, a.Render().Find(FieldID("meetings[0].minutes")+"-problem"))
	edit(a, "meetings[0].sections[1].minutes", "12")
	assert.Equal(t, 12, m.Sections[1].Minutes)
	edit(a, "meetings[0].sections[1].minutes", "twelve")
	assert.Equal(t, 12, m.Sections[1].Minutes)
	assert.NotNil(t, a.Render().Find(FieldID("meetings[0].sections[1].minutes")+"-problem"))
	assert.Contains(t, a.Render().Find("pk-meet-checks").TextContent(), "finding", "the sections no longer add up to the meeting")
	a.Handle(Event{Action: "meeting.add", Arg: "action"})
	edit(a, "meetings[0].actions[0].text", "<script>alert(1)</script>")
	assert.Equal(t, "<script>alert(1)</script>", m.Actions[0].Text)
	assert.Contains(t, a.Render().TextContent(), "Action: <script>alert(1)</script>")
	assert.Contains(t, a.Render().Find("pk-meet-checks").TextContent(), "finding", "an action without owner or date is flagged")
}

func TestFixOpensTheMeeting(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.create"})
	a.Handle(Event{Action: "meeting.create"})
	a.Handle(Event{Action: "meeting.open", Arg: "-1"})
	eff := a.Handle(Event{Action: "fix", Arg: "meetings[1].attendees"})
	assert.Equal(t, 1, a.meet.open)
	assert.NotNil(t, a.Render().Find(eff[0].(FocusFirst).IDs[0]))
}

func TestTheNextMeetingFollowsTheContractsPlan(t *testing.T) {
	c := &clock{t: time.Date(2017, 9, 1, 9, 0, 0, 0, time.UTC)}
	a := New(Config{Now: c.now}, nil, nil)
	onlyTheExamplesPartnership(a)
	a.Handle(Event{Action: "contract.start"})
	cset(a, "appendix.meetings.dates", "2017-09-12\n2017-10-10\n2017-11-14\n2017-12-12")
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.start", Value: "2017-09-12T15:30"})
	a.Handle(Event{Action: "meeting.create"})
	a.Handle(Event{Action: "meeting.close"})
	a.Handle(Event{Action: "meeting.next"})
	require.Len(t, a.ws.Meetings, 2)
	assert.Equal(t, time.Date(2017, 12, 12, 15, 30, 0, 0, time.UTC), a.ws.Meetings[1].Start,
		"the next quarterly review is the planned date a quarter on, not the monthly check-ins between")

	a.Handle(Event{Action: "meeting.cadence", Value: "monthly"})
	a.Handle(Event{Action: "meeting.start", Value: "2017-09-12T16:00"})
	a.Handle(Event{Action: "meeting.create"})
	a.Handle(Event{Action: "meeting.next"})
	assert.Equal(t, time.Date(2017, 10, 10, 16, 0, 0, 0, time.UTC), a.ws.Meetings[3].Start)
}

func TestRemovingAnActionKeepsTheMeeting(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.create"})
	a.Handle(Event{Action: "meeting.add", Arg: "action"})
	a.Handle(Event{Action: "meeting.add", Arg: "action"})
	edit(a, "meetings[0].actions[1].text", "Keep me")
	// The button the view draws for the first action.
	var arg string
	a.Render().Find(FieldID("meetings[0].actions[0]")).Walk(func(n *Node) bool {
		if v, ok := n.Attr("data-on-click"); ok && strings.HasSuffix(v, ".remove") {
			arg, _ = n.Attr("data-arg")
			require.Equal(t, "meeting.remove", v)
		}
		return true
	})
	eff := a.Handle(Event{Action: "meeting.remove", Arg: arg})
	require.Len(t, a.ws.Meetings, 1, "the meeting stays")
	require.Len(t, a.ws.Meetings[0].Actions, 1)
	assert.Equal(t, "Keep me", a.ws.Meetings[0].Actions[0].Text)
	assert.Contains(t, eff, Effect(Focus{ID: FieldID("meetings[0].actions")}))
	assert.Contains(t, eff, Effect(Persist{}))
}

// TestMeetingShowsTheReviewsFindings: the meetings editor shows what the
// Review tab shows for the meeting, from the same review: an action carried
// into a later meeting is followed up there, not at the meeting that raised
// it.
func TestMeetingShowsTheReviewsFindings(t *testing.T) {
	c := &clock{t: time.Date(2017, 11, 1, 9, 0, 0, 0, time.UTC)}
	a := New(Config{Now: c.now}, nil, nil)
	onlyTheExamplesPartnership(a)
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.start", Value: "2017-09-12T15:30"})
	a.Handle(Event{Action: "meeting.create"})
	a.Handle(Event{Action: "meeting.quick.text", Value: "Move the institute"})
	a.Handle(Event{Action: "meeting.quick.due", Value: "2017-10-15"})
	a.Handle(Event{Action: "meeting.quick.add"})
	a.Handle(Event{Action: "meeting.close"})
	a.Handle(Event{Action: "meeting.next"})
	require.Len(t, a.ws.Meetings, 2)

	overdue := "is still open and was due October 15, 2017"
	later := a.Render().Find("pk-meet").TextContent()
	assert.Contains(t, later, overdue, "followed up at the latest meeting, against today")
	a.Handle(Event{Action: "meeting.open", Arg: "0"})
	assert.NotContains(t, a.Render().Find("pk-meet").TextContent(), overdue, "not at the meeting that raised it, as in the review")
	var review []string
	for _, f := range a.reviewFindings() {
		if strings.Contains(f.Message, overdue) {
			review = append(review, f.Path)
		}
	}
	assert.Equal(t, []string{"meetings[1].actions[0]"}, review)
}
