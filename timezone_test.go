package partnerkit_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/internal/zone"
	"github.com/partnerkit/partnerkit/partnership"
)

// v1Chicago is a version 1 file as the page wrote it in Chicago in
// January: both meetings carry January's offset, the April one wrongly.
const v1Chicago = `{
  "schemaVersion": 1,
  "meetings": [
    {"id": "2027-01-20-quarterly", "title": "Quarterly review", "cadence": "quarterly", "start": "2027-01-20T15:30:00-06:00", "minutes": 60},
    {"id": "2027-04-20-quarterly", "title": "Quarterly review", "cadence": "quarterly", "start": "2027-04-20T15:30:00-06:00", "minutes": 60}
  ]
}`

func TestLoadVersion1KeepsEveryInstant(t *testing.T) {
	ws, err := partnerkit.Load(strings.NewReader(v1Chicago))
	require.NoError(t, err)
	assert.Equal(t, partnerkit.SchemaVersion, ws.SchemaVersion)
	assert.Empty(t, ws.TimeZone, "a version 1 file says nothing of its zone, and none is guessed")
	require.Len(t, ws.Meetings, 2)
	for i, want := range []string{"2027-01-20T21:30:00Z", "2027-04-20T21:30:00Z"} {
		assert.Equal(t, want, ws.Meetings[i].Start.Format(time.RFC3339), "the same instant")
		assert.Equal(t, "UTC", ws.Meetings[i].Start.Location().String())
	}

	// The workspace id is made from the file: the same file, the same id.
	require.True(t, schema.ValidID(ws.WorkspaceID), ws.WorkspaceID)
	again, err := partnerkit.Load(strings.NewReader(v1Chicago))
	require.NoError(t, err)
	assert.Equal(t, ws.WorkspaceID, again.WorkspaceID)
	other, err := partnerkit.Load(strings.NewReader(strings.Replace(v1Chicago, "Quarterly review", "Review", 1)))
	require.NoError(t, err)
	assert.NotEqual(t, ws.WorkspaceID, other.WorkspaceID)

	// Choosing the zone keeps the instants: January is at 3:30 PM, and the
	// April meeting the old page misplaced shows where it really was.
	require.NoError(t, ws.SetTimeZone("America/Chicago"))
	assert.Equal(t, "2027-01-20 15:30 CST", ws.Meetings[0].Start.Format("2006-01-02 15:04 MST"))
	assert.Equal(t, "2027-04-20 16:30 CDT", ws.Meetings[1].Start.Format("2006-01-02 15:04 MST"))

	// Saved, it is a version 2 file that loads to the same workspace.
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	assert.Contains(t, buf.String(), `"schemaVersion": 2,`)
	assert.Contains(t, buf.String(), `"timeZone": "America/Chicago",`)
	assert.Contains(t, buf.String(), `"start": "2027-01-20T15:30:00-06:00"`)
	back, err := partnerkit.Load(&buf)
	require.NoError(t, err)
	assert.Equal(t, ws.WorkspaceID, back.WorkspaceID)
	for i := range ws.Meetings {
		assert.True(t, ws.Meetings[i].Start.Equal(back.Meetings[i].Start))
	}
}

func TestLoadPlacesMeetingsInTheWorkspaceZone(t *testing.T) {
	for _, tz := range []string{"America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu", "America/Indianapolis"} {
		t.Run(tz, func(t *testing.T) {
			ws := partnerkit.New()
			require.NoError(t, ws.SetTimeZone(tz))
			loc := ws.Location()
			ws.Meetings = []agenda.Meeting{
				agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, loc)),
				agenda.Quarterly().At(time.Date(2027, 7, 21, 15, 30, 0, 0, loc)),
			}
			require.NoError(t, ws.Validate())
			var buf bytes.Buffer
			require.NoError(t, ws.Save(&buf))
			back, err := partnerkit.Load(&buf)
			require.NoError(t, err)
			for i, m := range back.Meetings {
				assert.Equal(t, tz, m.Start.Location().String())
				assert.Equal(t, "15:30", m.Start.Format("15:04"))
				assert.True(t, m.Start.Equal(ws.Meetings[i].Start))
			}
		})
	}
}

func TestLoadKeepsTheTimeOfDayInTheZone(t *testing.T) {
	file := func(start string) string {
		return `{"schemaVersion": 2, "workspaceId": "w1", "timeZone": "America/Chicago", "meetings": [
		  {"id": "m1", "title": "Review", "cadence": "quarterly", "start": "` + start + `", "minutes": 60}]}`
	}
	tests := []struct{ in, want string }{
		{"2027-04-20T15:30:00-05:00", "2027-04-20T15:30:00-05:00 CDT"},
		// An offset the zone does not have that day (written by hand, or
		// before a change of the zone's rules): the time of day counts.
		{"2027-04-20T15:30:00-06:00", "2027-04-20T15:30:00-05:00 CDT"},
		{"2027-04-20T15:30:00Z", "2027-04-20T15:30:00-05:00 CDT"},
		// 1:30 AM happens twice on 7 November 2027: the offset picks which.
		{"2027-11-07T01:30:00-05:00", "2027-11-07T01:30:00-05:00 CDT"},
		{"2027-11-07T01:30:00-06:00", "2027-11-07T01:30:00-06:00 CST"},
		// 2:30 AM does not happen on 14 March 2027: on by the hour skipped.
		{"2027-03-14T02:30:00-06:00", "2027-03-14T03:30:00-05:00 CDT"},
	}
	for _, tt := range tests {
		ws, err := partnerkit.Load(strings.NewReader(file(tt.in)))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, ws.Meetings[0].Start.Format(time.RFC3339+" MST"), tt.in)
		var first, second bytes.Buffer
		require.NoError(t, ws.Save(&first))
		again, err := partnerkit.Load(bytes.NewReader(first.Bytes()))
		require.NoError(t, err)
		require.NoError(t, again.Save(&second))
		assert.Equal(t, first.String(), second.String(), "saved once, it stays")
	}
}

func TestNextAfterSaveAndLoadKeepsTheTimeOfDay(t *testing.T) {
	ws := partnerkit.New()
	require.NoError(t, ws.SetTimeZone("America/Chicago"))
	jan := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, ws.Location()))
	ws.Meetings = []agenda.Meeting{jan}
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	back, err := partnerkit.Load(&buf)
	require.NoError(t, err)
	m := back.Meetings[0]
	require.Equal(t, "America/Chicago", m.Start.Location().String(), "not a fixed offset")
	next := agenda.Next(m, m.Start.AddDate(0, 3, 0))
	assert.Equal(t, "2027-04-20T15:30:00-05:00 CDT", next.Start.Format(time.RFC3339+" MST"))
}

func TestSetTimeZone(t *testing.T) {
	ws := partnerkit.New()
	ws.Meetings = []agenda.Meeting{agenda.Monthly().At(time.Date(2027, 1, 20, 21, 30, 0, 0, time.UTC))}
	err := ws.SetTimeZone("Central")
	require.ErrorIs(t, err, zone.ErrUnknown)
	assert.Empty(t, ws.TimeZone, "nothing changes")
	require.NoError(t, ws.SetTimeZone("America/Denver"))
	assert.Equal(t, "14:30 MST", ws.Meetings[0].Start.Format("15:04 MST"))
	require.NoError(t, ws.SetTimeZone("America/New_York"))
	assert.Equal(t, "16:30 EST", ws.Meetings[0].Start.Format("15:04 MST"))
	assert.Equal(t, "America/New_York", ws.Location().String())
}

func TestValidateTimeZoneAndWorkspaceID(t *testing.T) {
	ws := partnerkit.New()
	require.NoError(t, ws.SetTimeZone("America/Chicago"))
	ws.Meetings = []agenda.Meeting{
		agenda.Monthly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, ws.Location())),
		agenda.Monthly().At(time.Date(2027, 2, 17, 15, 30, 0, 0, time.FixedZone("", -6*3600))),
	}
	ws.Meetings[1].ID = "m2"
	require.Len(t, partnership.ProblemsOf(ws.Validate()), 1)
	assert.Equal(t, "meetings[1].start", partnership.ProblemsOf(ws.Validate())[0].Path)

	ws.TimeZone = "Mars/Olympus_Mons"
	ws.WorkspaceID = ""
	var paths []string
	for _, p := range partnership.ProblemsOf(ws.Validate()) {
		paths = append(paths, p.Path)
		assert.NotContains(t, p.Message, "ErrUnknown")
	}
	assert.Equal(t, []string{"workspaceId", "timeZone"}, paths)
	assert.Equal(t, "UTC", ws.Location().String(), "an unknown zone reads as UTC until corrected")

	_, err := partnerkit.Load(strings.NewReader(`{"schemaVersion": 2, "timeZone": "Central Time"}`))
	var ve *partnership.ValidationError
	require.True(t, errors.As(err, &ve))
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "workspaceId", ve.Problems[0].Path)
	assert.Equal(t, "timeZone", ve.Problems[1].Path)
	assert.Contains(t, ve.Problems[1].Message, "such as America/Chicago")
}

func TestNewMakesADifferentIDEachTime(t *testing.T) {
	a, b := partnerkit.New(), partnerkit.New()
	assert.NotEqual(t, a.WorkspaceID, b.WorkspaceID)
	assert.Len(t, a.WorkspaceID, 26)
	assert.True(t, schema.ValidID(a.WorkspaceID))
	require.NoError(t, a.Validate())
}

func TestVersion1FixtureMigrates(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "v1-full.json"))
	require.NoError(t, err)
	old, err := partnerkit.Load(bytes.NewReader(data))
	require.NoError(t, err)
	cur := load(t, "full.json")
	require.Len(t, old.Meetings, 1)
	assert.True(t, old.Meetings[0].Start.Equal(cur.Meetings[0].Start), "the same instant")
	assert.Equal(t, "UTC", old.Meetings[0].Start.Location().String())
	assert.Equal(t, "America/New_York", cur.Meetings[0].Start.Location().String())
	old.WorkspaceID = cur.WorkspaceID
	require.NoError(t, old.SetTimeZone(cur.TimeZone))
	var a, b bytes.Buffer
	require.NoError(t, old.Save(&a))
	require.NoError(t, cur.Save(&b))
	assert.Equal(t, b.String(), a.String(), "migrated and given the zone, it is the version 2 file")
}

func TestCalendarNamesEntriesAfterTheWorkspace(t *testing.T) {
	ws := load(t, "full.json")
	m := &ws.Meetings[0]
	m.Attendees[0].Organizer = true
	var buf bytes.Buffer
	require.NoError(t, ws.Calendar().Write(&buf, ws.Meetings...))
	out := buf.String()
	assert.Contains(t, out, "UID:2026-09-15-quarterly.rusd-lp-2026@partnerkit\r\n", "the meeting's id, in the workspace's")
	assert.Contains(t, out, "X-WR-CALNAME:Riverside Unified and partners\\, 2026–27\r\n")
	assert.Contains(t, out, "DTSTART;TZID=America/New_York:20260915T153000\r\n")
	assert.Contains(t, out, "ORGANIZER;CN=\"Ana Ruiz\":mailto:ana@rusd.example.org\r\n", "her email in the partnership")

	// Another workspace with a meeting of the same id does not overwrite it.
	other := partnerkit.New()
	require.NoError(t, other.SetTimeZone("America/New_York"))
	other.Meetings = []agenda.Meeting{ws.Meetings[0]}
	buf.Reset()
	require.NoError(t, other.Calendar().Write(&buf, other.Meetings...))
	assert.NotContains(t, buf.String(), "rusd-lp-2026@")
	assert.Contains(t, buf.String(), "UID:2026-09-15-quarterly."+other.WorkspaceID+"@partnerkit")
}

func TestAssignIDsKeepsMeetingsInTheZone(t *testing.T) {
	ws := partnerkit.New()
	require.NoError(t, ws.SetTimeZone("America/Chicago"))
	ws.Meetings = []agenda.Meeting{agenda.Quarterly().At(time.Date(2027, 4, 21, 15, 30, 0, 0, ws.Location()))}
	ws.AssignIDs()
	assert.Equal(t, "America/Chicago", ws.Meetings[0].Start.Location().String())
	require.NoError(t, ws.Validate())
}
