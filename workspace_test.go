package partnerkit_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

var update = flag.Bool("update", false, "rewrite golden files")

func load(t *testing.T, name string) *partnerkit.Workspace {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(t, err)
	defer f.Close()
	ws, err := partnerkit.Load(f)
	require.NoError(t, err)
	return ws
}

func TestSaveGolden(t *testing.T) {
	ws := load(t, "valid.json")
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	golden := filepath.Join("testdata", "valid.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

func TestSaveLoadSaveIsByteIdentical(t *testing.T) {
	for _, name := range []string{"valid.json", "full.json", "v1-full.json", "measures.json"} {
		t.Run(name, func(t *testing.T) {
			ws := load(t, name)
			var first, second bytes.Buffer
			require.NoError(t, ws.Save(&first))
			again, err := partnerkit.Load(bytes.NewReader(first.Bytes()))
			require.NoError(t, err)
			require.NoError(t, again.Save(&second))
			assert.Equal(t, first.String(), second.String())
			assert.Equal(t, ws, again)
		})
	}
}

func TestFullWorkspaceIsSavedAsWritten(t *testing.T) {
	// full.json holds every part of the format: a partnership, a readiness
	// round, a contract supplement and a meeting, as Save writes them.
	want, err := os.ReadFile(filepath.Join("testdata", "full.json"))
	require.NoError(t, err)
	ws := load(t, "full.json")
	require.Len(t, ws.Readiness, 1)
	require.NotNil(t, ws.Contract)
	require.Len(t, ws.Meetings, 1)
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	assert.Equal(t, string(want), buf.String())
	assert.NotEmpty(t, partnerkit.Review(ws))
}

func TestSaveKeepsUserTextAsTyped(t *testing.T) {
	ws := partnerkit.New()
	ws.Partnership = &partnership.Partnership{
		Name:     `<script>alert(1)</script> & "Sons"`,
		District: partnership.Org{ID: "d", Name: "Smith & Sons \"TA\" — ünïcode"},
	}
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	assert.Contains(t, buf.String(), `<script>alert(1)</script> & \"Sons\"`)
	back, err := partnerkit.Load(&buf)
	require.NoError(t, err)
	assert.Equal(t, ws.Partnership.Name, back.Partnership.Name)
	assert.Equal(t, ws.Partnership.District.Name, back.Partnership.District.Name)
}

func TestSaveWritesCurrentVersion(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, (&partnerkit.Workspace{}).Save(&buf))
	assert.Equal(t, "{\n  \"schemaVersion\": 2\n}\n", buf.String())
}

func TestLoadTenMistakes(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "ten-mistakes.json"))
	require.NoError(t, err)
	defer f.Close()
	_, err = partnerkit.Load(f)
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	want := []partnership.Problem{
		{Path: "partnership.name", Message: "name is required"},
		{Path: "partnership.partners[1].approach", Message: "approach must be one of co-design, consultancy, delivery"},
		{Path: "partnership.people[0].email", Message: "email must be an email address such as name@example.org"},
		{Path: "partnership.people[0].roles[0]", Message: "each entry of roles must be one of point-person, higher-authority, school-leader, liaison, manager, teacher-leader"},
		{Path: "partnership.initiatives[0].demands[0].hoursPerWeek", Message: "hoursPerWeek must be 0 or more"},
		{Path: "partnership.partners[1].id", Message: `id "rusd" is already used at district; every id must be different`},
		{Path: "partnership.people[0].org", Message: `there is no organization (the district or a partner) with id "nowhere"; use one of: rusd, lp`},
		{Path: "partnership.initiatives[0].priorities[0]", Message: `there is no priority with id "literacy"; use one of: portfolio`},
		{Path: "partnership.initiatives[0].demands[0].schools[0]", Message: `there is no school with id "lincoln"; use one of: hayes`},
		{Path: "partnership.initiatives[0].demands[0].end", Message: "end (2027-06-21) is before start (2027-07-02); the last day must be on or after the first"},
	}
	assert.ElementsMatch(t, want, ve.Problems)
	for _, p := range ve.Problems {
		assert.NotRegexp(t, `Partnership|Person|Initiative|oneof|gte|required_`, p.Message, "messages speak the user's language, not Go's")
	}
}

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name, input string
		path, msg   string
	}{
		{"unknown top-level field", `{"schemaVersion":1,"extra":true}`, "extra", `unknown field "extra"; allowed here: contract, lineage, meetings, observations, partnership, readiness, schemaVersion, timeZone, typed, workspaceId`},
		{"unknown nested field", `{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"partners":[{"id":"p","name":"P","colour":"red"}]}}`, "partnership.partners[0].colour", `unknown field "colour"`},
		{"case mismatch", `{"schemaVersion":1,"partnership":{"Name":"x","district":{"id":"d","name":"D"}}}`, "partnership.Name", `did you mean "name"?`},
		{"wrong type", `{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"capacity":[{"audience":"teachers","hoursPerWeek":"ten"}]}}`, "partnership.capacity[0].hoursPerWeek", `must be a number, not the text "ten"`},
		{"list expected", `{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"schools":{"id":"s"}}}`, "partnership.schools", "must be a list in [ ], not a group of fields"},
		{"syntax error", "{\n  \"schemaVersion\": 1,\n  \"partnership\": {,\n}", "", "the file is not valid JSON: line 3, column 19"},
		{"not an object", `[1,2]`, "", "the file must hold one JSON object"},
		{"empty", ``, "", "the file is empty or ends too early"},
		{"two values", `{"schemaVersion":1} {}`, "", "more than one JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := partnerkit.Load(strings.NewReader(tt.input))
			var ve *partnership.ValidationError
			require.ErrorAs(t, err, &ve)
			require.NotEmpty(t, ve.Problems)
			assert.Equal(t, tt.path, ve.Problems[0].Path)
			assert.Contains(t, ve.Problems[0].Message, tt.msg)
			// A name the file has where nothing of that name is kept is
			// marked as such, for a page to say in words.
			unknown := strings.Contains(tt.msg, "unknown field") || strings.Contains(tt.msg, "did you mean")
			assert.Equal(t, unknown, ve.Problems[0].Unknown)
		})
	}
}

func TestLoadVersion(t *testing.T) {
	tests := []struct {
		name, input string
		found       int
		msg         string
	}{
		{"newer", `{"schemaVersion":7}`, 7, "written by a newer partnerkit (file format version 7); this build reads versions 1 to 2"},
		{"missing", `{"partnership":null}`, 0, "does not say which version"},
		{"not a number", `{"schemaVersion":"one"}`, 0, "does not say which version"},
		{"zero", `{"schemaVersion":0}`, 0, "does not say which version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := partnerkit.Load(strings.NewReader(tt.input))
			var ve *partnerkit.VersionError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.found, ve.Found)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

func TestLoadTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte(" "), partnerkit.MaxFileSize+1)
	_, err := partnerkit.Load(bytes.NewReader(big))
	require.ErrorIs(t, err, partnerkit.ErrTooLarge)
	assert.Contains(t, err.Error(), "larger than 64 MiB")
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk unplugged") }

func TestLoadReadError(t *testing.T) {
	_, err := partnerkit.Load(failingReader{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk unplugged")
}

func TestDecodeKeepsDrafts(t *testing.T) {
	draft := `{"schemaVersion":1,"partnership":{"name":"","district":{"id":"","name":""}}}`
	ws, err := partnerkit.Decode(strings.NewReader(draft))
	require.NoError(t, err, "an unfinished draft must reopen")
	require.NotNil(t, ws.Partnership)
	err = ws.Validate()
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Problems, 3)
	_, err = partnerkit.Load(strings.NewReader(draft))
	require.ErrorAs(t, err, &ve)
}

func TestReviewTurnsProblemsIntoFindings(t *testing.T) {
	ws, err := partnerkit.Decode(strings.NewReader(`{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"partners":[{"id":"p","name":"P","approach":"cooking"}]}}`))
	require.NoError(t, err)
	var invalid []partnership.Finding
	for _, f := range partnerkit.Review(ws) {
		if f.Rule == "workspace.invalid" {
			invalid = append(invalid, f)
		}
	}
	require.Len(t, invalid, 1)
	assert.Equal(t, partnership.Critical, invalid[0].Severity)
	assert.Equal(t, "partnership.partners[0].approach", invalid[0].Path)
	assert.Nil(t, partnerkit.Review(nil))
}

func TestTypedTextIsKept(t *testing.T) {
	ws := partnerkit.New()
	ws.Typed = map[string]string{"partnership.capacity[0].hoursPerWeek": "7,5 h"}
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	back, err := partnerkit.Load(&buf)
	require.NoError(t, err)
	assert.Equal(t, ws.Typed, back.Typed)

	ws.Typed = map[string]string{"": "x", "a": strings.Repeat("x", 4001)}
	err = ws.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "typed")
}

func TestVersion1FileLoadsUnchanged(t *testing.T) {
	// A version 1 file knows nothing of measures' numbers or observations:
	// it loads as it is, and saves as version 2 with nothing else changed.
	v1 := `{
  "schemaVersion": 1,
  "contract": {
    "district": {"name": "Riverside Unified"},
    "partner": {"name": "Learning Partners"},
    "practices": {"alignment": {}, "personnel": {}, "schedule": {}, "liaisons": {}, "outcomes": {}, "meetings": {}},
    "appendix": {
      "priority": {}, "investment": {}, "schedule": {"assurance": {"givenBy": {}}},
      "contacts": {"districtLiaison": {}, "partnerLiaison": {}, "districtManager": {}, "partnerManager": {}},
      "measures": [{"id": "att", "name": "Teachers at PD", "interim": {"target": "40", "due": "2027-01-29"}, "final": {"target": "60", "due": "2027-06-11"}}],
      "dataPlan": {}, "meetings": {}
    },
    "session": {}
  }
}`
	ws, err := partnerkit.Load(strings.NewReader(v1))
	require.NoError(t, err)
	m := ws.Contract.Appendix.Measures[0]
	assert.Equal(t, "40", m.Interim.Target)
	assert.Nil(t, m.Interim.Value)
	assert.True(t, m.Baseline.IsZero())
	assert.Empty(t, ws.Observations)
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	assert.Contains(t, buf.String(), `"schemaVersion": 2`)
	assert.NotContains(t, buf.String(), "baseline")
	assert.NotContains(t, buf.String(), "observations")
	assert.NotContains(t, buf.String(), `"value"`)
}

func TestLoadChecksObservations(t *testing.T) {
	file := `{"schemaVersion": 2, "workspaceId": "w1", "observations": [
		{"id": "o1", "measure": "att", "date": "2027-01-20", "value": 25},
		{"id": "o1", "measure": "att", "date": "20 January", "value": 16},
		{"id": "o3", "measure": "att", "date": "2027-02-06"},
		{"id": "o4", "measure": "att", "date": "2027-02-06", "value": "sixteen"}
	]}`
	_, err := partnerkit.Load(strings.NewReader(file))
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []partnership.Problem{{Path: "observations[3].value", Message: `must be a number, not the text "sixteen"`}}, ve.Problems, "the shape first")

	file = strings.Replace(file, `"value": "sixteen"`, `"value": 16`, 1)
	_, err = partnerkit.Load(strings.NewReader(file))
	require.ErrorAs(t, err, &ve)
	assert.ElementsMatch(t, []partnership.Problem{
		{Path: "observations[1].date", Message: "date must be a date written as YYYY-MM-DD, such as 2026-09-01"},
		{Path: "observations[1].id", Message: `id "o1" is already used by observation 1; every observation needs its own id`},
		{Path: "observations[2].value", Message: "value is required: the figure for this date, such as 25 (0 is a figure too)"},
	}, ve.Problems)
}

// measures.json is full.json with what version 2 added for monitoring: the
// numbers of a measure, observations, and the day an action item was done.
func TestMeasuresAreSavedAsWritten(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("testdata", "measures.json"))
	require.NoError(t, err)
	ws := load(t, "measures.json")
	require.Len(t, ws.Observations, 2)
	assert.Equal(t, 0.0, *ws.Observations[0].Value, "0 is a value")
	m := ws.Contract.Appendix.Measures[0]
	assert.Equal(t, 12.5, *m.Baseline.Value)
	assert.Equal(t, 40.0, *m.Interim.Value)
	assert.Equal(t, partnership.Date("2026-06-30"), ws.Meetings[0].Actions[0].DoneOn)
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	assert.Equal(t, string(want), buf.String())
}

func TestReviewFollowsTheMeasures(t *testing.T) {
	ws := load(t, "measures.json")
	var rules []string
	for _, f := range partnerkit.Review(ws) {
		if strings.HasPrefix(f.Rule, "progress.") {
			rules = append(rules, f.Rule+" "+f.Path)
		}
	}
	// 31.5% on January 22, 2027, where the line from 12.5% on September 30, 2026 to 40%
	// by January 29, 2027 passes 38.4%; and the coaching measure has no numbers.
	assert.Equal(t, []string{"progress.behind contract.appendix.measures[0]", "progress.not-measurable contract.appendix.measures[1]"}, rules)

	tl := partnerkit.OverTime(ws, time.Time{})
	assert.Equal(t, partnership.Date("2027-01-22"), tl.AsOf, "the latest observation, later than the closed meeting")
	require.Len(t, tl.Measures, 2)
	assert.Len(t, tl.Measures[0].Points, 2)
	assert.NotEmpty(t, tl.Quarters)
	assert.Empty(t, partnerkit.OverTime(nil, time.Time{}).Quarters)
}

// DecodeProgress tells how far it is as it reads a large file, in order,
// every 64 KiB or so, and reads what Decode reads.
func TestDecodeProgress(t *testing.T) {
	var file bytes.Buffer
	require.NoError(t, benchWorkspace(2000).Save(&file))
	size := int64(file.Len())
	var dones []int64
	ws, err := partnerkit.DecodeProgress(bytes.NewReader(file.Bytes()), func(done, total int64) {
		assert.Equal(t, size, total)
		dones = append(dones, done)
	})
	require.NoError(t, err)
	want, err := partnerkit.Decode(bytes.NewReader(file.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, want, ws)
	require.GreaterOrEqual(t, len(dones), int(size/(64<<10)), "%d bytes", size)
	assert.True(t, slices.IsSorted(dones), "%v", dones)
	assert.Equal(t, size, dones[len(dones)-1], "the end is told")
	for i := 1; i < len(dones)-1; i++ {
		assert.Less(t, dones[i]-dones[i-1], int64(96<<10), "no long silence")
	}

	dones = nil
	_, err = partnerkit.DecodeProgress(strings.NewReader(`{"schemaVersion": 1}`), func(done, total int64) { dones = append(dones, done) })
	require.NoError(t, err)
	assert.Equal(t, int64(20), dones[len(dones)-1], "an older file is told of at its end")
}
