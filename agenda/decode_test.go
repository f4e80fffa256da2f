package agenda_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeRoundTrip(t *testing.T) {
	data := fixture(t)
	m, err := agenda.Decode(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, "2026-09-15-quarterly", m.ID)
	assert.Len(t, m.Sections[3].Questions, 3)
	assert.Len(t, m.Actions, 4)
	assert.Equal(t, "2026-09-15T19:30:00Z", m.Start.UTC().Format(time.RFC3339))
	_, off := m.Start.Zone()
	assert.Equal(t, -4*3600, off, "the zone offset is kept")

	out, err := json.Marshal(m)
	require.NoError(t, err)
	again, err := agenda.Decode(bytes.NewReader(out))
	require.NoError(t, err)
	assert.True(t, again.Start.Equal(m.Start))
	again.Start = m.Start
	assert.Equal(t, m, again, "nothing is lost in a round trip")
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []partnership.Problem
	}{
		{
			name: "unknown and mistyped fields",
			json: `{"id":"m1","title":"T","cadence":"quarterly","start":"2026-09-15T15:30:00-04:00","minutes":"60","sections":[{"title":"A","minutes":10,"questions":[{"txt":"q"}]}]}`,
			want: []partnership.Problem{
				{Path: "minutes", Message: `must be a whole number, not the text "60"`},
				{Path: "sections[0].questions[0].txt", Message: `unknown field "txt"; allowed here: notes, text`, Unknown: true},
			},
		},
		{
			name: "bad start",
			json: `{"id":"m1","title":"T","cadence":"quarterly","start":"15 Sept","minutes":60}`,
			want: []partnership.Problem{{Path: "start", Message: "must be a date and time such as 2026-09-15T15:30:00-04:00"}},
		},
		{
			name: "values",
			json: `{"id":"bad id","title":"","cadence":"yearly","start":"2026-09-15T15:30:00-04:00","minutes":0,
				"attendees":[{"name":"A","side":"parents","roles":["boss"]}],
				"sections":[{"title":"S","theme":"money","minutes":-5}],
				"actions":[{"id":"a1","text":"x","due":"next week","status":"later"},{"id":"a1","text":"y"}]}`,
			want: []partnership.Problem{
				{Path: "id", Message: "id must be a short identifier: letters, digits, '.', '-' or '_', starting with a letter or digit, at most 64 characters"},
				{Path: "title", Message: "title is required"},
				{Path: "cadence", Message: "cadence must be one of weekly, monthly, quarterly"},
				{Path: "minutes", Message: "minutes must be more than 0"},
				{Path: "attendees[0].side", Message: "side must be one of district, partner, school"},
				{Path: "attendees[0].roles[0]", Message: "each entry of roles must be one of point-person, higher-authority, school-leader, liaison, manager, teacher-leader"},
				{Path: "sections[0].theme", Message: "theme must be one of alignment, resources, metrics, communication"},
				{Path: "sections[0].minutes", Message: "minutes must be 0 or more"},
				{Path: "actions[0].due", Message: "due must be a date written as YYYY-MM-DD, such as 2026-09-01"},
				{Path: "actions[0].status", Message: "status must be one of open, done"},
				{Path: "actions[1].id", Message: `id "a1" is already used at actions[0]; every action item needs its own id`},
			},
		},
		{
			name: "missing start",
			json: `{"id":"m1","title":"T","cadence":"monthly","minutes":30}`,
			want: []partnership.Problem{{Path: "start", Message: "start is required"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := agenda.Decode(strings.NewReader(tt.json))
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "a *ValidationError, got %v", err)
			assert.Equal(t, tt.want, ve.Problems)
		})
	}
}

func TestDecodeKeepsDraft(t *testing.T) {
	// A draft with a value problem is still returned, so it can be corrected.
	m, err := agenda.Decode(strings.NewReader(`{"id":"m1","title":"T","cadence":"monthly","start":"2026-09-15T15:30:00Z","minutes":30,"record":"keep me","actions":[{"id":"a","text":"t","due":"soon"}]}`))
	require.Error(t, err)
	assert.Equal(t, "keep me", m.Record)
	assert.Equal(t, partnership.Date("soon"), m.Actions[0].Due)
}

// FuzzDecode feeds arbitrary bytes to Decode and everything that follows a
// decode: nothing may panic, and what decodes must survive a round trip.
//
// The seeds are whole meetings of a few kilobytes, which the fuzzer takes a
// long time to minimise; run it with a short minimisation time:
//
//	go test ./agenda -run '^$' -fuzz FuzzDecode -fuzztime 60s -fuzzminimizetime 2s
func FuzzDecode(f *testing.F) {
	f.Add(fixture(f))
	q, _ := json.Marshal(agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, time.FixedZone("", -4*3600))))
	f.Add(q)
	f.Add([]byte(`{"id":"m","title":"t","cadence":"weekly","start":"2026-01-01T00:00:00Z","minutes":1440,"sections":[{"title":"x","minutes":1440}]}`))
	f.Add([]byte(`{"start":"0001-01-01T00:00:00Z","minutes":-1,"actions":[{"due":"9999-12-31","status":"open"}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"sections":[{"questions":[{"notes":"\u0000\r\n"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := agenda.Decode(bytes.NewReader(data))
		_ = agenda.Check(m)
		_ = agenda.CheckWith(m, people(), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
		_ = agenda.CheckAll([]agenda.Meeting{m, agenda.Next(m, m.Start.Add(90*24*time.Hour))}, people(), time.Time{})
		_ = m.WriteMarkdown(io.Discard)
		_ = m.WriteHTML(io.Discard)
		_ = m.Timeline()
		if m.ID != "" && !m.Start.IsZero() {
			var buf bytes.Buffer
			require.NoError(t, agenda.Calendar{Stamp: stamp}.Write(&buf, m))
		}
		if err != nil {
			return
		}
		out, err := json.Marshal(m)
		require.NoError(t, err)
		again, err := agenda.Decode(bytes.NewReader(out))
		require.NoError(t, err, "%s", out)
		assert.True(t, again.Start.Equal(m.Start))
	})
}
