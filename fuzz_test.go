package partnerkit_test

import (
	"bytes"
	"os"
	"path/filepath"
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
