package partnerkit_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// reloads saves the workspace and loads it again, as the page does.
func reloads(t *testing.T, ws *partnerkit.Workspace) *partnerkit.Workspace {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	again, err := partnerkit.Load(&buf)
	require.NoError(t, err, "what Save writes loads again")
	return again
}

func TestAddResponse(t *testing.T) {
	ws := partnerkit.New()
	ws.Readiness = []readiness.Round{{ID: "spring", Title: "Spring"}}
	ana := readiness.Response{Rater: "Ana Ruiz", Team: "District", Ratings: map[string]int{"alignment": 3}}

	added, err := ws.AddResponse(0, ana)
	require.NoError(t, err)
	assert.NotEmpty(t, added.ID, "an imported response gets an id from its content")
	assert.Equal(t, added, ws.Readiness[0].Responses[0])

	again := ana
	_, err = ws.AddResponse(0, again)
	assert.EqualError(t, err, "the response of Ana Ruiz is already in this round, so it was not added again")
	again.ID = "other-id"
	_, err = ws.AddResponse(0, again)
	assert.Error(t, err, "the same content under another id is the same response")

	for _, bad := range []readiness.Response{
		{Rater: "Ben Okafor", Ratings: map[string]int{"alignment": 3}},                   // a survey export without a team column
		{Rater: "Ben Okafor", Team: "District", Ratings: map[string]int{"alignment": 9}}, // off the scale
		{Team: "District"}, // no rater
	} {
		_, err := ws.AddResponse(0, bad)
		var ve *partnership.ValidationError
		require.ErrorAs(t, err, &ve, "%+v", bad)
		assert.NotEmpty(t, ve.Problems[0].Path)
	}
	_, err = ws.AddResponse(3, ana)
	assert.Error(t, err)
	assert.Len(t, reloads(t, ws).Readiness[0].Responses, 1, "only the valid response was added")
}

// A Gatherer adds as AddResponse does, and knows what it added: the same
// rater's second, different response is added; the same response again,
// under any ID, is not.
func TestGatherer(t *testing.T) {
	ws := partnerkit.New()
	ws.Readiness = []readiness.Round{{ID: "spring", Title: "Spring", Responses: []readiness.Response{
		{ID: "kept", Rater: "Ana Ruiz", Team: "District", Ratings: map[string]int{"alignment": 3}},
	}}}
	g, err := ws.Gather(0)
	require.NoError(t, err)
	_, err = g.Add(readiness.Response{ID: "new-id", Rater: "Ana Ruiz", Team: "District", Ratings: map[string]int{"alignment": 3}})
	assert.Error(t, err, "the response the round held, under another id")
	second, err := g.Add(readiness.Response{Rater: "Ana Ruiz", Team: "District", Ratings: map[string]int{"alignment": 2}})
	require.NoError(t, err)
	_, err = g.Add(second)
	assert.Error(t, err, "what it added itself")
	second.ID = ""
	_, err = g.Add(second)
	assert.Error(t, err, "by content")
	_, err = g.Add(readiness.Response{Rater: "Ana Ruiz", Team: "Partner", Ratings: map[string]int{"alignment": 2}})
	assert.NoError(t, err, "the same name in another team is another rater")
	assert.Len(t, ws.Readiness[0].Responses, 3)
	_, err = ws.Gather(1)
	assert.Error(t, err)
}

func TestAddMeeting(t *testing.T) {
	ws := partnerkit.New()
	require.NoError(t, ws.SetTimeZone("America/Chicago"))
	start := time.Date(2026, 9, 15, 15, 30, 0, 0, ws.Location())

	first, err := ws.AddMeeting(agenda.Quarterly().At(start))
	require.NoError(t, err)
	assert.Equal(t, "2026-09-15-quarterly", first.ID)
	second, err := ws.AddMeeting(agenda.Quarterly().At(start))
	require.NoError(t, err)
	assert.Equal(t, "2026-09-15-quarterly-2", second.ID, "a taken id is made unique")
	next, err := ws.AddMeeting(agenda.Next(first, start.AddDate(0, 3, 0)))
	require.NoError(t, err)
	assert.NotEqual(t, first.ID, next.ID)

	bad := agenda.Monthly().At(start.AddDate(0, 1, 0))
	bad.Minutes = 0
	_, err = ws.AddMeeting(bad)
	assert.EqualError(t, err, "minutes: minutes must be more than 0")
	_, err = ws.AddMeeting(agenda.Monthly().At(start.UTC()))
	assert.ErrorContains(t, err, "start: start is in the time zone \"UTC\", not the workspace's America/Chicago")

	assert.Len(t, reloads(t, ws).Meetings, 3, "only the valid meetings were added")
}

func TestNextMeeting(t *testing.T) {
	ws := partnerkit.New()
	require.NoError(t, ws.SetTimeZone("America/New_York"))
	q3 := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, ws.Location()))
	q3.AddAction(agenda.Action{Text: "Move the summer institute", Owner: "Dee Park", Due: "2026-10-15"})
	_, err := ws.AddMeeting(q3)
	require.NoError(t, err)

	ws.Contract = contract.New("Riverside Unified", "Learning Partners")
	ws.Contract.Appendix.Meetings.Dates = []partnership.Date{"2026-10-13", "2026-12-08"}
	q4, err := ws.NextMeeting(0)
	require.NoError(t, err)
	assert.Equal(t, "2026-12-08 15:30 EST", q4.Start.Format("2006-01-02 15:04 MST"), "the contract's next date for a quarterly review, at the same time of day")
	require.Len(t, q4.Actions, 1)
	assert.True(t, q4.Carried(q4.Actions[0]))

	again, err := ws.NextMeeting(0)
	require.NoError(t, err)
	assert.NotEqual(t, q4.ID, again.ID, "a second next meeting on the same day gets its own id")
	_, err = ws.NextMeeting(5)
	assert.Error(t, err)
	assert.Len(t, reloads(t, ws).Meetings, 3)
}
