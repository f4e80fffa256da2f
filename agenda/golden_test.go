package agenda_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./agenda -update to create %s", path)
	require.Equal(t, string(want), string(got), "%s differs; if the change is intended, run go test ./agenda -update", path)
}

// fixture decodes testdata/minutes.json, a closed quarterly review.
func fixture(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "minutes.json"))
	require.NoError(t, err)
	return data
}
