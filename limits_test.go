package partnerkit_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// problems returns the problems of Load's error.
func loadProblems(t *testing.T, data string) []partnership.Problem {
	t.Helper()
	_, err := partnerkit.Load(strings.NewReader(data))
	require.Error(t, err)
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	return ve.Problems
}

// A field given twice is refused, naming it: an unknown field hidden in the
// first of two "partnership" objects is not dropped by merging them.
func TestLoadRefusesDuplicateKeys(t *testing.T) {
	ps := loadProblems(t, `{"schemaVersion": 2, "workspaceId": "W1",
  "partnership": {"name": "Ours", "secret": "hidden"},
  "partnership": {"name": "Theirs"}}`)
	require.Len(t, ps, 1)
	assert.Equal(t, "", ps[0].Path)
	assert.Contains(t, ps[0].Message, `"partnership" is written twice`)
	assert.Contains(t, ps[0].Message, "line 3")

	ps = loadProblems(t, `{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "A", "district": {"name": "x", "name": "y"}}}`)
	require.Len(t, ps, 1)
	assert.Equal(t, "partnership.district", ps[0].Path)
	assert.Contains(t, ps[0].Message, `"name" is written twice`)
}

// Load reads a file that starts with the UTF-8 byte order mark, as editors
// on Windows write it and as the page accepts it.
func TestLoadAcceptsAByteOrderMark(t *testing.T) {
	ws, err := partnerkit.Load(strings.NewReader("\uFEFF" + `{"schemaVersion": 2, "workspaceId": "W1"}`))
	require.NoError(t, err)
	assert.Equal(t, "W1", ws.WorkspaceID)
}

// A value a million characters long is not repeated whole in the message.
func TestAHugeNumberIsNotEchoed(t *testing.T) {
	huge := strings.Repeat("9", 1<<20)
	for _, doc := range []string{
		`{"schemaVersion": 2, "workspaceId": "W1", "meetings": [{"id": "m", "sections": [{"minutes": ` + huge + `}]}]}`,
		`{"schemaVersion": 2, "workspaceId": "W1", "timeZone": ` + huge + `}`,
		`{"schemaVersion": ` + huge + `}`,
	} {
		_, err := partnerkit.Load(strings.NewReader(doc))
		require.Error(t, err)
		assert.Less(t, len(err.Error()), 1000, "%.300s", err.Error())
	}
}

func TestLoadRefusesDeepNesting(t *testing.T) {
	deep := `{"schemaVersion": 2, "partnership": ` + strings.Repeat(`[`, 100000) + strings.Repeat(`]`, 100000) + `}`
	ps := loadProblems(t, deep)
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].Message, fmt.Sprintf("more than %d deep", schema.MaxDepth))
}

func TestLoadRefusesListsLongerThanAnyWorkspaceNeeds(t *testing.T) {
	roles := strings.TrimSuffix(strings.Repeat(`"a",`, schema.MaxList+1), ",")
	ps := loadProblems(t, `{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "x", "people": [{"id": "p", "name": "n", "roles": [`+roles+`]}]}}`)
	require.Len(t, ps, 1)
	assert.Equal(t, "partnership.people[0].roles", ps[0].Path)
	assert.Contains(t, ps[0].Message, "more than 100,000 entries")
}

// However many problems a file has, a few are listed and the rest counted.
func TestProblemsAreCounted(t *testing.T) {
	roles := strings.TrimSuffix(strings.Repeat("1,", 2000), ",")
	_, err := partnerkit.Load(strings.NewReader(`{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "x", "people": [{"id": "p", "name": "n", "roles": [` + roles + `]}]}}`))
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Problems, partnership.MaxProblems)
	assert.Equal(t, 2000-partnership.MaxProblems, ve.More)
	assert.Contains(t, err.Error(), "2,000 problems")
	assert.True(t, strings.HasSuffix(err.Error(), "- and 1,900 more"), "%.100s", err.Error()[len(err.Error())-100:])
}

// allocated returns the bytes Load allocates to read data.
func allocated(data []byte) (uint64, error) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := partnerkit.Load(bytes.NewReader(data))
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, err
}

// Reading a file takes memory in proportion to its size, whatever it holds:
// a megabyte of empty meetings is refused without building a third of a
// million of them.
func TestLoadTakesMemoryInProportionToTheFile(t *testing.T) {
	const size = 1 << 20
	floods := map[string]string{
		"empty meetings": `{"schemaVersion": 2, "workspaceId": "W1", "meetings": [` + strings.TrimSuffix(strings.Repeat("{},", size/3), ",") + `]}`,
		"empty demands": `{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "x", "initiatives": [` +
			strings.TrimSuffix(strings.Repeat(`{"demands": [`+strings.TrimSuffix(strings.Repeat("{},", 30000), ",")+`]},`, size/90000), ",") + `]}}`,
		"wrong roles": `{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "x", "people": [{"id": "p", "name": "n", "roles": [` +
			strings.TrimSuffix(strings.Repeat("1,", 99000), ",") + `]}]}}`,
	}
	for name, doc := range floods {
		t.Run(name, func(t *testing.T) {
			n, err := allocated([]byte(doc))
			require.Error(t, err)
			ratio := float64(n) / float64(len(doc))
			t.Logf("%d bytes: %d allocated, %.1f times the file", len(doc), n, ratio)
			assert.Less(t, ratio, 64.0)
			var ve *partnership.ValidationError
			if errors.As(err, &ve) {
				assert.LessOrEqual(t, len(ve.Problems), partnership.MaxProblems)
			}
		})
	}
}

// No adversarial file takes more than eight times its size to be refused,
// counting every byte Load allocates, the copy of the file included; nor
// does the same file as version 1, which is upgraded only when it is right.
func TestAnAdversarialFileTakesAtMostEightTimesItsSize(t *testing.T) {
	files := adversarial()
	for name, data := range files {
		files[name+"-version-1"] = bytes.Replace(data, []byte(`{"schemaVersion": 2,`), []byte(`{"schemaVersion": 1,`), 1)
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			n, err := allocated(data)
			require.Error(t, err)
			ratio := float64(n) / float64(len(data))
			t.Logf("%d bytes: %d allocated, %.1f times the file", len(data), n, ratio)
			assert.LessOrEqual(t, ratio, 8.0)
		})
	}
}
