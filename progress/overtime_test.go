package progress

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

func meeting(id, date string, closed bool, actions []agenda.Action, sides ...partnership.Side) agenda.Meeting {
	m := agenda.Meeting{ID: id, Title: "Quarterly review " + id, Cadence: partnership.Quarterly, Start: day(date).Add(15 * time.Hour), Minutes: 60, Closed: closed, Actions: actions}
	for _, s := range sides {
		m.Attendees = append(m.Attendees, partnership.Attendee{Name: string(s) + " person", Side: s})
	}
	return m
}

func history() Data {
	open := func(id, due string) agenda.Action {
		return agenda.Action{ID: id, Text: "Do " + id, Due: partnership.Date(due)}
	}
	done := func(a agenda.Action, on string) agenda.Action {
		a.Status, a.DoneOn = partnership.Done, partnership.Date(on)
		return a
	}
	a1, a2, a3, a4 := open("a1", "2026-10-30"), open("a2", "2026-11-20"), open("a3", "2026-12-18"), open("a4", "2027-01-15")
	return Data{
		Partnership: &partnership.Partnership{Name: "Riverside"},
		Readiness: []readiness.Round{
			{ID: "before", Title: "Before the partnership", Date: "2026-06-10", Responses: []readiness.Response{
				{Rater: "Ana", Team: "District", Ratings: map[string]int{"alignment": 3, "resources": 2}},
				{Rater: "Ben", Team: "District", Ratings: map[string]int{"alignment": 4, "resources": 2}},
				{Rater: "Dee", Team: "Partner", Ratings: map[string]int{"alignment": 3}},
			}},
			{ID: "undated", Title: "A round without a date"},
		},
		Contract:     supplement(attendance()),
		Observations: obs("att", "2026-10-01", 52, "2026-11-01", 45, "2027-01-20", 61),
		Meetings: []agenda.Meeting{
			// Out of order on purpose: the timeline sorts them.
			meeting("q2", "2026-12-08", true, []agenda.Action{done(a1, ""), a2, done(a3, "2026-12-01")}, partnership.DistrictSide, partnership.DistrictSide, partnership.PartnerSide),
			meeting("q1", "2026-09-22", true, []agenda.Action{a1}, partnership.DistrictSide, partnership.PartnerSide, partnership.SchoolSide),
			meeting("q3", "2027-03-09", true, []agenda.Action{done(a2, ""), done(a4, "2027-01-30")}, partnership.DistrictSide, partnership.PartnerSide, partnership.SchoolSide),
			meeting("q4", "2027-06-08", false, nil, partnership.DistrictSide),
		},
	}
}

func TestOverTime(t *testing.T) {
	tl := OverTime(history(), day("2027-03-15"))
	assert.Equal(t, "Riverside", tl.Name)
	assert.Equal(t, partnership.Date("2027-03-15"), tl.AsOf)
	var labels []string
	for _, q := range tl.Quarters {
		labels = append(labels, q.Label)
	}
	assert.Equal(t, []string{"April to June 2026", "July to September 2026", "October to December 2026", "January to March 2027"}, labels)
	assert.Equal(t, []string{`The readiness round "A round without a date" has no date, so it is not placed in a quarter.`}, tl.Notes)

	q2, q3, q4, q1 := tl.Quarters[0], tl.Quarters[1], tl.Quarters[2], tl.Quarters[3]
	// Readiness means, per team and category.
	require.Len(t, q2.Readiness, 1)
	r := q2.Readiness[0]
	assert.Equal(t, "Before the partnership", r.Title)
	require.Len(t, r.Teams, 2)
	assert.Equal(t, "District", r.Teams[0].Team)
	assert.Equal(t, CategoryMean{Category: "alignment", Title: r.Teams[0].Means[0].Title, N: 2, Mean: 3.5}, r.Teams[0].Means[0])
	assert.Equal(t, 2.0, r.Teams[0].Means[1].Mean)
	assert.Equal(t, 0, r.Teams[1].Means[1].N, "the partner did not rate resources")

	// Meetings and attendance by side, in date order.
	require.Len(t, q3.Meetings, 1)
	assert.Equal(t, Attendance{Title: "Quarterly review q1", Date: "2026-09-22", Closed: true, District: 1, Partner: 1, School: 1}, q3.Meetings[0])
	require.Len(t, q4.Meetings, 1)
	assert.Equal(t, []partnership.Side{partnership.SchoolSide}, q4.Meetings[0].Missing())
	assert.Equal(t, 2, q4.Meetings[0].District)
	assert.Empty(t, q2.Meetings)

	// Actions: a1 (due 10-30) done with no date, first seen done at the
	// meeting of 12-08, open at none after its date: unknown. a2 (11-20)
	// open at the meeting of 12-08: late. a3 (12-18) done 12-01: on time.
	// a4 (01-15) done 01-30: late.
	assert.Equal(t, ActionTally{Due: 3, OnTime: 1, Late: 1, Unknown: 1}, q4.Actions)
	share, ok := q4.Actions.OnTimeShare()
	require.True(t, ok)
	assert.InDelta(t, 1.0/3, share, 1e-9)
	assert.Equal(t, ActionTally{Due: 1, Late: 1}, q1.Actions)
	_, ok = q2.Actions.OnTimeShare()
	assert.False(t, ok)

	// Measures at each quarter's end.
	require.Len(t, q4.Measures, 1)
	assert.Equal(t, Behind, q4.Measures[0].Standing.State, "45 on 11-01 is the latest by 12-31")
	assert.Len(t, q4.Measures[0].Values, 2)
	assert.Equal(t, OnTrack, q1.Measures[0].Standing.State, "61 on 01-20")
	assert.Equal(t, NoData, q3.Measures[0].Standing.State)
	require.Len(t, tl.Standings, 1)
	assert.Equal(t, OnTrack, tl.Standings[0].State)
	assert.Empty(t, tl.Findings, "the interim target was met and the values are in")
}

func TestOverTimeStopsAtItsDate(t *testing.T) {
	tl := OverTime(history(), day("2026-11-15"))
	last := tl.Quarters[len(tl.Quarters)-1]
	assert.Equal(t, "October to December 2026", last.Label)
	assert.Len(t, last.Measures[0].Values, 2, "values up to the date")
	assert.Empty(t, last.Meetings, "the meeting of 12-08 has not happened by then")
	assert.Equal(t, Behind, tl.Standings[0].State)
	assert.True(t, hasRule(tl.Findings, RuleBehind))
}

func TestOverTimeWithoutDates(t *testing.T) {
	tl := OverTime(Data{}, time.Time{})
	assert.Empty(t, tl.Quarters)
	assert.NotEmpty(t, tl.Notes)
	tl = OverTime(history(), time.Time{})
	assert.Equal(t, partnership.Date("2027-03-09"), tl.AsOf, "the last closed meeting")
}

func TestOverTimeGathersQuietQuarters(t *testing.T) {
	d := history()
	d.Observations = append(d.Observations, obs("att", "1901-01-01", 1)...)
	tl := OverTime(d, day("2027-03-15"))
	var labels []string
	for _, q := range tl.Quarters {
		labels = append(labels, q.Label)
		if q.Quiet {
			assert.Empty(t, q.Measures)
			assert.Empty(t, q.Meetings)
		}
	}
	assert.Equal(t, []string{"January to March 1901", "April 1901 to March 2026", "April to June 2026", "July to September 2026", "October to December 2026", "January to March 2027"}, labels)
	assert.True(t, tl.Quarters[1].Quiet)
	assert.Equal(t, partnership.Date("1901-04-01"), tl.Quarters[1].Start)
	assert.Equal(t, partnership.Date("2026-03-31"), tl.Quarters[1].End)
	var page bytes.Buffer
	require.NoError(t, tl.WriteHTML(&page))
	assert.Contains(t, page.String(), "April 1901 to March 2026: nothing recorded, no meeting, no round, nothing due.")

	// The quarter of the date shows even when nothing happened in it.
	tl = OverTime(history(), day("2027-11-15"))
	last := tl.Quarters[len(tl.Quarters)-1]
	assert.Equal(t, "October to December 2027", last.Label)
	assert.False(t, last.Quiet)
}

func TestOverTimeKeepsToMaxQuarters(t *testing.T) {
	d := history()
	for y := 2014; y < 2026; y++ {
		for _, m := range []string{"02", "05", "08", "11"} {
			d.Observations = append(d.Observations, obs("att", strconv.Itoa(y)+"-"+m+"-10", 50)...)
		}
	}
	tl := OverTime(d, day("2027-03-15"))
	assert.Len(t, tl.Quarters, MaxQuarters)
	assert.Contains(t, tl.Notes[len(tl.Notes)-1], "Only the last 40 quarters are shown; the data goes back to February 10, 2014.")
}

func TestWriteHTMLIsThePreRead(t *testing.T) {
	d := history()
	d.Contract.Appendix.Measures[0].Name = `<script>alert("x")</script> attendance`
	d.Meetings[0].Title = `<img src=x onerror=alert(1)>`
	d.Observations = append(d.Observations, obs("att", "2027-03-01", 40)...)
	tl := OverTime(d, day("2027-03-15"))
	var b bytes.Buffer
	require.NoError(t, tl.WriteHTML(&b))
	page := b.String()
	text := strings.Join(doctest.HTMLBlocks(t, page), "\n")
	for _, s := range []string{
		"The partnership over time",
		"Riverside. Data pre-read for the quarterly meeting, as of March 15, 2027.",
		"Are we collecting the right data in a timely fashion?",
		"What are the early indicators in the data? What are the implications?",
		"They decide nothing",
		"Behind the planned line by 24.3 teachers: 40 teachers on March 1, 2027, where the line expected 64.3 teachers",
		"fell by 25% or more from one value to the next: from 61 teachers on January 20, 2027 to 40 teachers on March 1, 2027 (down 34%).",
		"October to December 2026",
		"3 action items due, 1 done on time (33%), 1 done late, 1 done on a date not recorded.",
		"nobody from the school",
		"Readiness: Before the partnership (June 10, 2026)",
		"District (2 raters)",
		"not rated",
		"Behind the planned line by 9.01 teachers: 45 teachers on November 1, 2026",
	} {
		assert.Contains(t, text, s)
	}
	assert.Contains(t, page, "<figure>", "the chart")
	assert.NotContains(t, page, "<script")
	assert.NotContains(t, page, "<img src=x")
	assert.Contains(t, text, `<script>alert("x")</script> attendance`, "typed markup shows as text")
	for _, internal := range []string{"observations[", "contract.appendix", "progress."} {
		assert.NotContains(t, text, internal, "nothing internal in what people read")
	}

	var word bytes.Buffer
	require.NoError(t, tl.WriteDOCX(&word))
	fromHTML := doctest.Words(doctest.HTMLBlocks(t, page))
	doctest.SameWords(t, fromHTML, doctest.Words(doctest.Read(t, word.Bytes()).Blocks), "Word and HTML")
}

func TestWriteHTMLReportsWriteErrors(t *testing.T) {
	require.Error(t, OverTime(history(), day("2027-03-15")).WriteHTML(failingWriter{}))
}
