package partnerkit_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// meetingsWorkspace returns the valid example workspace with two meetings:
// a closed quarterly review and the check-in after it, in which an action
// carried over has no owner.
func meetingsWorkspace(t *testing.T) *partnerkit.Workspace {
	t.Helper()
	f, err := os.Open("testdata/valid.json")
	require.NoError(t, err)
	defer f.Close()
	ws, err := partnerkit.Load(f)
	require.NoError(t, err)
	require.NoError(t, ws.SetTimeZone("America/New_York"))
	ny := ws.Location()

	q := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, ny))
	q.Location = "Hayes High School"
	q.Attendees = []partnership.Attendee{
		{Name: "Ana Ruiz", Person: "ana", Side: partnership.DistrictSide},
		{Name: "Ben Okafor", Person: "ben", Side: partnership.DistrictSide},
		{Name: "Dee Park", Person: "dee", Side: partnership.PartnerSide},
		{Name: "Cy Lam", Person: "cy", Side: partnership.SchoolSide},
	}
	q.AddAction(agenda.Action{Text: "Move the institute", Owner: "dee", Due: "2026-10-01"})
	q.AddAction(agenda.Action{Text: "Ask the union", Due: "2026-10-30"})
	q.Record = "Agreed to move the institute."
	q.Close()
	m := agenda.Next(q, time.Date(2026, 10, 13, 15, 30, 0, 0, ny))
	m.Cadence, m.Title, m.Minutes, m.InPerson = partnership.Monthly, "Monthly check-in", 60, false
	m.Attendees[1].Person = "bob"
	ws.Meetings = []agenda.Meeting{q, m}
	return ws
}

func TestReviewMeetings(t *testing.T) {
	ws := meetingsWorkspace(t)
	require.NoError(t, ws.Validate())

	var got []string
	for _, f := range partnerkit.Review(ws) {
		if strings.HasPrefix(f.Rule, "agenda.") {
			got = append(got, f.Rule+"@"+f.Path)
		}
	}
	assert.ElementsMatch(t, []string{
		// the carried item without an owner is reported where it is followed up
		"agenda.action-owner@meetings[1].actions[1].owner",
		// overdue only where it is latest: at the check-in, after its due date
		"agenda.overdue@meetings[1].actions[0]",
		// "bob" is not one of the partnership's people; and no cadence finding:
		// October's quarter may still get its review
		"agenda.unknown-person@meetings[1].attendees[1].person",
	}, got)
}

func TestReviewMeetingCadence(t *testing.T) {
	ws := meetingsWorkspace(t)
	ws.Meetings[1].Start = time.Date(2027, 1, 12, 15, 30, 0, 0, ws.Location())
	ws.Meetings[1].ID = "2027-01-12-monthly"
	var got []partnership.Finding
	for _, f := range partnerkit.Review(ws) {
		if f.Rule == agenda.RuleCadenceQuarterly || f.Rule == agenda.RuleCadenceMonthly {
			got = append(got, f)
		}
	}
	require.Len(t, got, 2)
	assert.Equal(t, "There is no quarterly review in 2026 Q4 (Oct–Dec)", got[0].Message)
	assert.Equal(t, "meetings[1]", got[0].Path)
	assert.Equal(t, "There is no meeting in the 3 months from October 2026 to December 2026", got[1].Message)
}

func TestLoadMeetings(t *testing.T) {
	ws := meetingsWorkspace(t)
	// A draft meeting with nothing but the template loads: missing people
	// and owners are findings, not problems.
	ws.Meetings = append(ws.Meetings, agenda.Monthly().At(time.Date(2026, 11, 10, 15, 30, 0, 0, ws.Location())))
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	back, err := partnerkit.Load(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, back.Meetings, 3)
	var again bytes.Buffer
	require.NoError(t, back.Save(&again))
	assert.Equal(t, buf.String(), again.String(), "save, load and save give the same bytes")

	// Problems are reported by path from the top of the file.
	ws.Meetings[2].ID = ws.Meetings[0].ID
	ws.Meetings[1].Actions[0].Due = "October"
	ws.Meetings[1].Cadence = "yearly"
	var paths []string
	for _, p := range partnership.ProblemsOf(ws.Validate()) {
		paths = append(paths, p.Path)
	}
	assert.ElementsMatch(t, []string{"meetings[1].cadence", "meetings[1].actions[0].due", "meetings[2].id"}, paths)
}

func TestReviewAtJudgesOpenItemsAgainstToday(t *testing.T) {
	ws := meetingsWorkspace(t)
	ws.Meetings = ws.Meetings[:1] // the quarterly review only: no later meeting yet
	overdue := func(fs []partnership.Finding) []string {
		var out []string
		for _, f := range fs {
			if f.Rule == "agenda.overdue" {
				out = append(out, f.Path)
			}
		}
		return out
	}
	assert.Empty(t, overdue(partnerkit.Review(ws)), "without a clock nothing is overdue before the next meeting")
	assert.Empty(t, overdue(partnerkit.ReviewAt(ws, time.Date(2026, 9, 20, 12, 0, 0, 0, time.UTC))), "nothing is due yet")
	assert.NotEmpty(t, overdue(partnerkit.ReviewAt(ws, time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC))), "both items are past due")
}
