package partnerkit_test

import (
	"bytes"
	"github.com/partnerkit/partnerkit/internal/schema"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

func TestStamp(t *testing.T) {
	ws := load(t, "valid.json")
	require.Nil(t, ws.Lineage)
	first := ws.Stamp()
	require.True(t, schema.ValidID(first), first)
	assert.Equal(t, first, ws.Revision())
	assert.True(t, ws.Current())
	assert.Equal(t, first, ws.Stamp(), "no change, no new revision")

	ws.Partnership.Name = "Renamed"
	assert.False(t, ws.Current())
	second := ws.Stamp()
	assert.NotEqual(t, first, second)
	assert.Equal(t, []string{first}, ws.Lineage.Parents)
	assert.Equal(t, []partnerkit.Revision{{ID: first}}, ws.Lineage.History)

	// The lineage is saved with the workspace and loads again.
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	back, err := partnerkit.Load(&buf)
	require.NoError(t, err)
	assert.Equal(t, ws.Lineage, back.Lineage)
	assert.True(t, back.Current())

	// The same content with the same history has the same revision anywhere.
	other := load(t, "valid.json")
	assert.Equal(t, first, other.Stamp())
}

func TestStampKeepsHistoryBounded(t *testing.T) {
	ws := load(t, "valid.json")
	var revs []string
	for i := range partnerkit.MaxHistory + 10 {
		ws.Partnership.Name = "Version " + string(rune('A'+i))
		revs = append(revs, ws.Stamp())
	}
	require.Len(t, ws.Lineage.History, partnerkit.MaxHistory)
	assert.Equal(t, revs[len(revs)-2], ws.Lineage.History[0].ID, "newest first")
	assert.Equal(t, revs[len(revs)-1-partnerkit.MaxHistory], ws.Lineage.History[partnerkit.MaxHistory-1].ID)
	require.NoError(t, ws.Validate())
}

func TestCommonAncestors(t *testing.T) {
	// The district sends its copy (a) to the partner; both edit; the partner
	// sends theirs back; the district merges.
	a := load(t, "valid.json")
	sent := a.Stamp()
	b := load(t, "valid.json")
	b.Lineage = a.Lineage
	a.Partnership.Name = "District's name"
	b.Partnership.District.Name = "Partner's spelling"
	a.Stamp()
	b.Stamp()
	assert.Equal(t, []string{sent}, partnerkit.CommonAncestors(a, b))
	assert.Equal(t, []string{sent}, partnerkit.CommonAncestors(b, a))

	// A later version the partner got from the district is the better base.
	b2 := load(t, "valid.json")
	b2.Partnership = a.Partnership
	b2.Lineage = a.Lineage
	later := b2.Revision()
	b2.Partnership = nil
	b2.Stamp()
	got := partnerkit.CommonAncestors(a, b2)
	require.Len(t, got, 2)
	assert.Equal(t, []string{later, sent}, got)

	assert.Empty(t, partnerkit.CommonAncestors(a, load(t, "valid.json")), "no lineage, nothing in common")
	assert.Empty(t, partnerkit.CommonAncestors(nil, a))
}

func TestLineageValidate(t *testing.T) {
	tests := []struct {
		name, json string
		paths      []string
	}{
		{"fine", `{"revision": "abc", "parents": ["p"], "history": [{"id": "p", "parents": ["q"]}, {"id": "q"}]}`, nil},
		{"bad ids", `{"revision": "no spaces", "parents": [""], "history": [{"id": "-x"}]}`, []string{"revision", "parents[0]", "history[0].id"}},
		{"twice", `{"revision": "a", "parents": ["p", "p"], "history": [{"id": "p"}, {"id": "p"}, {"id": "a"}]}`, []string{"parents[1]", "history[1].id", "history[2].id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := partnerkit.DecodeLineage(strings.NewReader(tt.json))
			var paths []string
			for _, p := range partnership.ProblemsOf(err) {
				paths = append(paths, p.Path)
			}
			assert.Equal(t, tt.paths, paths, "%v", err)
		})
	}
	_, err := partnerkit.DecodeLineage(strings.NewReader(`{"revision": "a", "extra": 1}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown field "extra"`)
}
