package partnerkit_test

import (
	"github.com/partnerkit/partnerkit/internal/schema"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

func TestUpgradeFromVersion1(t *testing.T) {
	// v1-full.json is the full workspace as version 1 wrote it; full.json,
	// what it becomes (see TestVersion1FixtureMigrates).
	ws := load(t, "v1-full.json")
	assert.Equal(t, partnerkit.SchemaVersion, ws.SchemaVersion)
	assert.True(t, schema.ValidID(ws.WorkspaceID), ws.WorkspaceID)
	for _, in := range ws.Partnership.Initiatives {
		for _, d := range in.Demands {
			assert.True(t, strings.HasPrefix(d.ID, "demand-"), d.ID)
		}
	}
	for _, r := range ws.Readiness {
		for _, resp := range r.Responses {
			assert.True(t, strings.HasPrefix(resp.ID, "response-"), resp.ID)
		}
	}
	ap := ws.Contract.Appendix
	for _, a := range ap.Schedule.Activities {
		assert.True(t, strings.HasPrefix(a.ID, "activity-"), a.ID)
	}
	for _, d := range ap.DataPlan.Duties {
		assert.True(t, strings.HasPrefix(d.ID, "duty-"), d.ID)
	}
	assert.Equal(t, "portfolios", ap.Measures[0].ID, "an ID the file has is kept")
}

func TestUpgradeGivesEveryCopyTheSameIDs(t *testing.T) {
	// Two copies of one version-1 file, upgraded on two machines, and one
	// of them edited first: the records they share get the same IDs.
	a := load(t, "v1-full.json")
	data, err := os.ReadFile(filepath.Join("testdata", "v1-full.json"))
	require.NoError(t, err)
	edited := strings.Replace(string(data), `"rater": "Maria Rivera"`, `"rater": "María Rivera"`, 1)
	require.NotEqual(t, string(data), edited)
	b, err := partnerkit.Load(strings.NewReader(edited))
	require.NoError(t, err)

	assert.Equal(t, a.Partnership.Initiatives[0].Demands[0].ID, b.Partnership.Initiatives[0].Demands[0].ID)
	assert.Equal(t, a.Contract.Appendix.Schedule.Activities, b.Contract.Appendix.Schedule.Activities)
	ra, rb := a.Readiness[0].Responses, b.Readiness[0].Responses
	assert.NotEqual(t, ra[0].ID, rb[0].ID, "the edited response is another record")
	assert.Equal(t, ra[1].ID, rb[1].ID)
}

func TestUpgradeSeparatesEqualRecords(t *testing.T) {
	file := `{"schemaVersion": 1, "partnership": {"name": "P", "district": {"id": "d", "name": "D"},
	  "initiatives": [{"id": "i", "name": "I", "owner": "d", "demands": [
	    {"audience": "teachers", "start": "2026-09-01", "end": "2026-09-30", "hoursPerWeek": 2},
	    {"audience": "teachers", "start": "2026-09-01", "end": "2026-09-30", "hoursPerWeek": 2}]},
	   {"id": "j", "name": "J", "owner": "d", "demands": [
	    {"audience": "teachers", "start": "2026-09-01", "end": "2026-09-30", "hoursPerWeek": 2}]}]}}`
	ws, err := partnerkit.Load(strings.NewReader(file))
	require.NoError(t, err)
	ds := ws.Partnership.Initiatives[0].Demands
	assert.NotEqual(t, ds[0].ID, ds[1].ID)
	assert.Equal(t, ds[0].ID+"-2", ds[1].ID)
	assert.NotEqual(t, ds[0].ID, ws.Partnership.Initiatives[1].Demands[0].ID, "the same demand of another initiative is another record")
}

func TestRecordIDsAreRequired(t *testing.T) {
	file := `{"schemaVersion": 2, "partnership": {"name": "P", "district": {"id": "d", "name": "D"},
	  "initiatives": [{"id": "i", "name": "I", "owner": "d", "demands": [
	    {"audience": "teachers", "start": "2026-09-01", "end": "2026-09-30", "hoursPerWeek": 2},
	    {"id": "x", "audience": "teachers", "start": "2026-09-01", "end": "2026-09-30", "hoursPerWeek": 2},
	    {"id": "x", "audience": "teachers", "start": "2026-09-01", "end": "2026-09-30", "hoursPerWeek": 2}]}]},
	  "readiness": [{"id": "r", "title": "R", "responses": [{"rater": "Ana", "team": "District"}]}],
	  "contract": {"district": {"name": "D"}, "partner": {"name": "P"}, "practices": {}, "session": {},
	    "appendix": {"priority": {}, "investment": {}, "schedule": {"activities": [{"what": "Coaching"}], "assurance": {"givenBy": {}}},
	      "contacts": {"districtLiaison": {}, "partnerLiaison": {}, "districtManager": {}, "partnerManager": {}},
	      "measures": [{"name": "Units"}], "dataPlan": {"duties": [{"measure": "m"}]}, "meetings": {}}},
	  "workspaceId": "not an id"}`
	_, err := partnerkit.Load(strings.NewReader(file))
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	assert.ElementsMatch(t, []string{
		"workspaceId",
		"partnership.initiatives[0].demands[0].id",
		"partnership.initiatives[0].demands[2].id",
		"readiness[0].responses[0].id",
		"contract.appendix.schedule.activities[0].id",
		"contract.appendix.measures[0].id",
		"contract.appendix.dataPlan.duties[0].id",
	}, paths)
	assert.Contains(t, err.Error(), `id "x" is already used at partnership.initiatives[0].demands[1]`)
}

// Version 1's schoolLeader flag of a session attendee becomes the
// school-leader role; anywhere else, or not a flag, it is an unknown field.
func TestSchoolLeaderFlagsBecomeRoles(t *testing.T) {
	ws, err := partnerkit.Decode(strings.NewReader(`{"schemaVersion": 1, "contract": {"session": {"attendees": [
  {"name": "Ana", "side": "school", "schoolLeader": true},
  {"name": "Bo", "side": "district", "schoolLeader": false, "roles": ["liaison"]}]}}}`))
	require.NoError(t, err)
	at := ws.Contract.Session.Attendees
	require.Len(t, at, 2)
	assert.Equal(t, []partnership.Role{"school-leader"}, at[0].Roles)
	assert.Equal(t, []partnership.Role{"liaison"}, at[1].Roles)

	for _, bad := range []struct{ file, path string }{
		{`{"schemaVersion": 1, "contract": {"session": {"attendees": [{"name": "Ana", "schoolLeader": "yes"}]}}}`, "contract.session.attendees[0].schoolLeader"},
		{`{"schemaVersion": 1, "meetings": [{"id": "m", "attendees": [{"name": "Ana", "schoolLeader": true}]}]}`, "meetings[0].attendees[0].schoolLeader"},
		{`{"schemaVersion": 2, "workspaceId": "W1", "contract": {"session": {"attendees": [{"name": "Ana", "schoolLeader": true}]}}}`, "contract.session.attendees[0].schoolLeader"},
	} {
		_, err := partnerkit.Decode(strings.NewReader(bad.file))
		ps := partnership.ProblemsOf(err)
		require.Len(t, ps, 1, bad.file)
		assert.Equal(t, bad.path, ps[0].Path, bad.file)
		assert.Contains(t, ps[0].Message, `unknown field "schoolLeader"`, bad.file)
	}
}
