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
	require.NoError(t, os.WriteFile(path, []byte("Name,Team,Metrics rating,Alignment,Resources,Communication\nAna,District,7,1,1,1\nBen,District,x,2,2,2\n"), 0o644))
	err := run([]string{path}, new(bytes.Buffer))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `row 2, column C ("Metrics rating"): "7" is not a rating`)
	assert.Contains(t, err.Error(), `row 3, column C ("Metrics rating"): "x" is not a rating`)
	assert.True(t, strings.Contains(err.Error(), "2 problems"))
}

func TestRunWorkbookAndPlan(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"../../readiness/testdata/exports/microsoft-forms.xlsx"}, &out))
	assert.Contains(t, out.String(), "## District\n\n3 raters.")
	out.Reset()
	require.NoError(t, run([]string{"-plan", "../../readiness/testdata/exports/microsoft-forms.xlsx"}, &out))
	assert.Contains(t, out.String(), `an Excel workbook, sheet "Sheet1"`)
	assert.Contains(t, out.String(), `E   "Name"                                   Not used (not used: every cell says "anonymous")`)
}
