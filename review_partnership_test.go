package partnerkit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

func TestPartnershipFindingsHavePathsFromTheTop(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "valid.json"))
	require.NoError(t, err)
	ws, err := Load(strings.NewReader(string(data)))
	require.NoError(t, err)
	fs := partnershipFindings(ws)
	require.NotEmpty(t, fs)
	byRule := make(map[string]partnership.Finding)
	for _, f := range fs {
		assert.True(t, strings.HasPrefix(f.Path, "partnership."), f.Path)
		byRule[f.Rule] = f
	}
	over := byRule[partnership.RuleOverCapacity]
	assert.Equal(t, "partnership.initiatives[0]", over.Path)
	assert.Contains(t, over.Evidence, "teachers at Hayes High School, week of June 28, 2027: 34.5 h demanded, 10 h available — Summer PBL institute 30 h, Summer school 4.5 h")

	// Review gathers them with the rest, most severe first.
	all := Review(ws)
	assert.Subset(t, all, fs)
}

func TestPartnershipFindingsOnDrafts(t *testing.T) {
	assert.Nil(t, partnershipFindings(nil))
	assert.Nil(t, partnershipFindings(New()))

	ws := New()
	ws.Partnership = &partnership.Partnership{
		District: partnership.Org{ID: "d", Name: "District"},
		Partners: []partnership.Partner{{ID: "p", Name: "Partner"}},
		Initiatives: []partnership.Initiative{{ID: "x", Name: "X", Owner: "p", Demands: []partnership.Demand{
			{Audience: "teachers", Start: "2027-06-31", End: "2027-07-02", HoursPerWeek: 300},
		}}},
	}
	fs := Review(ws)
	rules := make(map[string][]string)
	for _, f := range fs {
		rules[f.Rule] = append(rules[f.Rule], f.Path)
	}
	assert.Contains(t, rules["workspace.invalid"], "partnership.name", "the draft is invalid")
	assert.Contains(t, rules["workspace.invalid"], "partnership.initiatives[0].demands[0].start")
	assert.Equal(t, []string{"partnership.partners[0].approach"}, rules[partnership.RuleApproachUnstated], "and still reviewed")
	assert.NotContains(t, rules, partnership.RuleOverCapacity, "the demand with a bad date is left out")
}
