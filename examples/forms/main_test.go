package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWritesTheThreeForms(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run([]string{"-dir", dir, "-district", "Riverside Unified", "-partner", "Learning Partners"}, &out))
	for _, name := range []string{"readiness-rating-form", "contract-supplement-form", "quarterly-agenda-form"} {
		page, err := os.ReadFile(filepath.Join(dir, name+".html"))
		require.NoError(t, err)
		assert.Contains(t, string(page), "Riverside Unified", name)
		word, err := os.ReadFile(filepath.Join(dir, name+".docx"))
		require.NoError(t, err)
		c := doctest.Read(t, word)
		assert.NotEmpty(t, c.Headings(), name)
		assert.Contains(t, c.Footers[0], "Riverside Unified", name)
	}
	assert.Equal(t, 6, bytes.Count(out.Bytes(), []byte("wrote ")))
	assert.Error(t, run([]string{"extra"}, &out))
}
