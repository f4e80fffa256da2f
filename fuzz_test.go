package partnerkit_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
)

// FuzzLoad checks that no input panics Load, and that whatever Load accepts
// saves to bytes that load and save again to the very same bytes.
func FuzzLoad(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"schemaVersion":1}`))
	f.Add([]byte(`{"schemaVersion":1,"partnership":null,"readiness":[],"meetings":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := partnerkit.Load(bytes.NewReader(data))
		if err != nil {
			require.NotEmpty(t, err.Error())
			return
		}
		var first, second bytes.Buffer
		require.NoError(t, ws.Save(&first))
		again, err := partnerkit.Load(bytes.NewReader(first.Bytes()))
		require.NoError(t, err, "a saved workspace must load: %s", first.String())
		require.NoError(t, again.Save(&second))
		require.Equal(t, first.String(), second.String())
	})
}

// FuzzDecodeLineage checks that no input panics DecodeLineage, that what it
// accepts encodes and decodes to the same JSON, and that finding common
// ancestors ends, even for a history that goes round in a circle, and names
// only revisions both sides know.
func FuzzDecodeLineage(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "lineage", "*.json"))
	require.NoError(f, err)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"revision": "x", "parents": ["x"]}`))
	known, err := partnerkit.DecodeLineage(strings.NewReader(`{"revision": "e4a09c7b2d1f6a83c5b2", "parents": ["9a3c5e7f1b2d4a6c8e01"], "history": [{"id": "9a3c5e7f1b2d4a6c8e01"}]}`))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := partnerkit.DecodeLineage(bytes.NewReader(data))
		if err != nil {
			require.NotEmpty(t, err.Error())
			return
		}
		again, err := json.Marshal(l)
		require.NoError(t, err)
		back, err := partnerkit.DecodeLineage(bytes.NewReader(again))
		require.NoError(t, err, "%s", again)
		twice, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(again), string(twice))

		mine := &partnerkit.Workspace{Lineage: l}
		theirs := &partnerkit.Workspace{Lineage: known}
		for _, r := range partnerkit.CommonAncestors(mine, theirs) {
			require.True(t, l.Knows(r) && known.Knows(r), "%s is not known to both", r)
		}
		self := partnerkit.CommonAncestors(mine, mine)
		require.NotEmpty(t, self)
		require.Equal(t, l.Revision, self[0], "a lineage's best base with itself is its own revision")
	})
}
