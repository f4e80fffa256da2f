package partnerkit_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	for _, name := range []string{"valid.json", "full.json", "v1-full.json"} {
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
		{"unknown top-level field", `{"schemaVersion":1,"extra":true}`, "extra", `unknown field "extra"; allowed here: contract, lineage, meetings, partnership, readiness, schemaVersion, timeZone, typed, workspaceId`},
		{"unknown nested field", `{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"partners":[{"id":"p","name":"P","colour":"red"}]}}`, "partnership.partners[0].colour", `unknown field "colour"`},
		{"case mismatch", `{"schemaVersion":1,"partnership":{"Name":"x","district":{"id":"d","name":"D"}}}`, "partnership.Name", `did you mean "name"?`},
		{"wrong type", `{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"capacity":[{"audience":"teachers","hoursPerWeek":"ten"}]}}`, "partnership.capacity[0].hoursPerWeek", `hoursPerWeek must be a number, not the text "ten"`},
		{"list expected", `{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D"},"schools":{"id":"s"}}}`, "partnership.schools", "schools must be a list in [ ], not a group of fields"},
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
