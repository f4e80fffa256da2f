package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunBundledSurvey(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(nil, &out))
	md := out.String()
	assert.Contains(t, md, "## District leadership team\n\n5 raters.")
	assert.Contains(t, md, "## Partner leadership team\n\n5 raters.")
	assert.Contains(t, md, "1. Clear metrics established — mean 2.0")

	assert.NotContains(t, md, "Ben Okafor", "no names unless asked")
	out.Reset()
	require.NoError(t, run([]string{"-names"}, &out))
	assert.Contains(t, out.String(), "Ben Okafor")

	for _, f := range []string{"html", "docx", "svg", "json"} {
		out.Reset()
		require.NoError(t, run([]string{"-f", f}, &out), f)
		assert.NotEmpty(t, out.String(), f)
	}
	assert.Error(t, run([]string{"-f", "pdf"}, &out))
}

func TestRunBadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(path, []byte("Name,Team,Metrics\nAna,District,7\nBen,District,x\n"), 0o644))
	err := run([]string{path}, new(bytes.Buffer))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `line 2, column "Metrics"`)
	assert.Contains(t, err.Error(), `line 3, column "Metrics"`)
	assert.True(t, strings.Contains(err.Error(), "2 problems"))
}
