package partnership_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

func TestStandardsFollowTheSource(t *testing.T) {
	counts := map[string]int{}
	seen := map[string]bool{}
	for _, s := range partnership.Standards() {
		assert.False(t, seen[s.ID], "duplicate id %s", s.ID)
		seen[s.ID] = true
		counts[s.Theme]++
		assert.Equal(t, s.Theme+"."+strings.TrimPrefix(s.ID, s.Theme+"."), s.ID)
		assert.NotEmpty(t, s.Text)
		assert.Contains(t, s.Source, "ODST")
	}
	assert.Equal(t, map[string]int{"alignment": 4, "resources": 5, "metrics": 2, "communication": 5}, counts)
}

func TestThemes(t *testing.T) {
	themes := partnership.Themes()
	require.Len(t, themes, 4)
	var ids []string
	for _, th := range themes {
		ids = append(ids, th.ID)
	}
	assert.Equal(t, []string{"alignment", "resources", "metrics", "communication"}, ids)
	assert.Equal(t, partnership.Habit, themes[3].Kind)
	for _, th := range themes[:3] {
		assert.Equal(t, partnership.Condition, th.Kind)
	}
}

func TestLookups(t *testing.T) {
	s, ok := partnership.StandardByID("communication.2")
	require.True(t, ok)
	assert.Contains(t, s.Text, "higher authority")
	_, ok = partnership.StandardByID("communication.9")
	assert.False(t, ok)
	th, ok := partnership.ThemeByID("metrics")
	require.True(t, ok)
	assert.Equal(t, "Clear metrics established", th.Title)
	assert.Len(t, partnership.StandardsOf("resources"), 5)
	assert.Empty(t, partnership.StandardsOf("nope"))
	assert.Equal(t, "communication", partnership.Finding{Standard: "communication.2"}.Theme())
	assert.Empty(t, partnership.Finding{}.Theme())
}

func TestStandardsReturnsAFreshSlice(t *testing.T) {
	a := partnership.Standards()
	a[0].Text = "changed"
	assert.NotEqual(t, "changed", partnership.Standards()[0].Text)
}

func TestSortFindings(t *testing.T) {
	fs := []partnership.Finding{
		{Rule: "b", Severity: partnership.Info},
		{Rule: "a", Severity: partnership.Warning},
		{Rule: "c", Severity: partnership.Critical},
		{Rule: "a", Severity: partnership.Info, Path: "x"},
	}
	partnership.SortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Severity)+":"+f.Rule+f.Path)
	}
	assert.Equal(t, []string{"critical:c", "warning:a", "info:ax", "info:b"}, got)
}

func TestSortFindingsComparesNumbersByValue(t *testing.T) {
	fs := []partnership.Finding{
		{Rule: "r", Path: "initiatives[10]", Message: "m"},
		{Rule: "r", Path: "initiatives[2]", Message: "16 weeks from February 12, 2018"},
		{Rule: "r", Path: "initiatives[2]", Message: "4 weeks from January 8, 2018"},
		{Rule: "r", Path: "initiatives[2].demands[0]", Message: "m"},
		{Rule: "r", Path: "initiatives[1]", Message: "m"},
	}
	partnership.SortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+" "+f.Message)
	}
	assert.Equal(t, []string{
		"initiatives[1] m",
		"initiatives[2] 4 weeks from January 8, 2018",
		"initiatives[2] 16 weeks from February 12, 2018",
		"initiatives[2].demands[0] m",
		"initiatives[10] m",
	}, got)
}
