package readiness

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

func rulesOf(fs []partnership.Finding, rule string) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestCheck(t *testing.T) {
	round := Round{ID: "spring", Title: "Spring 2027", Responses: []Response{
		resp("Ana Ruiz", "District", map[string]int{"alignment": 4, "metrics": 1, "resources": 2}, map[string]string{"resources": "The summer PD schedule clashes."}),
		resp("Ben Okafor", "District", map[string]int{"alignment": 4, "metrics": 3, "resources": 2}, map[string]string{"metrics": "We need Ms. Park's data team."}),
		resp("Cy Lam", "District", map[string]int{"alignment": 3, "metrics": 2, "resources": 3}, nil),
		resp("Dee Park", "Partner", map[string]int{"alignment": 3}, nil),
	}}
	fs := Check(round)

	nc := rulesOf(fs, RuleNoConsensus)
	require.Len(t, nc, 1, "only metrics (1 to 3) lacks consensus")
	assert.Equal(t, partnership.Warning, nc[0].Severity)
	assert.Equal(t, "metrics.1", nc[0].Standard)
	assert.Equal(t, []string{"ratings: 1, 2 and 3"}, nc[0].Evidence, "the ratings, not who gave them")
	assert.Empty(t, nc[0].Path, "the round itself")

	low := rulesOf(fs, RuleLowMean)
	require.Len(t, low, 1, "metrics averages 2.0; resources averages 2.3, above 2; the partner rated 3")
	assert.Contains(t, low[0].Message, `"Clear metrics established" average 2.0 on a scale of 1–4`)
	assert.Contains(t, low[0].Evidence, `concern: "We need Ms. Park's data team."`)
	assert.NotContains(t, strings.Join(low[0].Evidence, " "), "Okafor", "a concern, not who wrote it")

	few := rulesOf(fs, RuleFewRaters)
	require.Len(t, few, 1)
	assert.Contains(t, few[0].Message, "Only 1 person of the Partner rated")
	assert.Equal(t, []string{"Dee Park"}, few[0].Evidence)

	for _, f := range fs {
		for _, verdict := range []string{"not ready", "fail", "pass", "go ahead", "no-go"} {
			assert.NotContains(t, strings.ToLower(f.Message+f.Question), verdict)
		}
		assert.True(t, strings.HasSuffix(f.Question, "?") || strings.HasSuffix(f.Question, "round."), f.Question)
	}
}

func TestCheckNone(t *testing.T) {
	assert.Empty(t, Check(Round{ID: "a", Title: "Not started"}))
	assert.Empty(t, Check(Round{ID: "a", Title: "A", Responses: []Response{
		resp("Ana Ruiz", "District", map[string]int{"alignment": 4}, nil),
		resp("Ben Okafor", "District", map[string]int{"alignment": 3}, nil),
	}}))
}

func TestCheckCustomRubric(t *testing.T) {
	rb := Rubric{ID: "c", Title: "Custom", Scale: ODST().Scale, Categories: []Category{
		{ID: "money", Title: "Budget", Theme: "resources"},
		{ID: "vibes", Title: "How it feels"},
	}}
	fs := rulesOf(Check(Round{ID: "a", Title: "A", Rubric: &rb, Responses: []Response{
		resp("Ana Ruiz", "District", map[string]int{"money": 1, "vibes": 1}, nil),
		resp("Ben Okafor", "District", map[string]int{"money": 2, "vibes": 2}, nil),
	}}), RuleLowMean)
	require.Len(t, fs, 2)
	assert.Equal(t, "resources.1", fs[0].Standard, "a category's theme gives the standard when it names none")
	assert.Empty(t, fs[1].Standard, "a category without theme or standards cites none")
}

func TestCheckSameRater(t *testing.T) {
	all := map[string]int{"alignment": 3, "resources": 3, "metrics": 3, "communication": 3}
	tests := []struct {
		name      string
		responses []Response
		want      []string // messages
	}{
		{"different people", []Response{resp("Ana Ruiz", "District", all, nil), resp("Ben Okafor", "District", all, nil)}, nil},
		{"the same name in two teams", []Response{resp("Ana Ruiz", "District", all, nil), resp("Ana Ruiz", "Partner", all, nil)}, nil},
		{"submitted twice", []Response{
			resp("Ana Ruiz", "District", all, nil), resp("Ben Okafor", "District", all, nil), resp(" ana  ruiz", "district", all, nil),
		}, []string{`Ana Ruiz answered 2 times for the District in "Spring", so the summary counts that person 2 times.`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range rulesOf(Check(Round{ID: "spring", Title: "Spring", Responses: tc.responses}), RuleSameRater) {
				got = append(got, f.Message)
				assert.Equal(t, "responses[2]", f.Path, "the later response, the one to look at")
				assert.Len(t, f.Evidence, 2)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestResponseValidate(t *testing.T) {
	assert.NoError(t, resp("Ana Ruiz", "District", map[string]int{"anything": 9}, nil).Validate(), "ratings are for the rubric to judge")
	err := Response{Rater: "Ana Ruiz"}.Validate()
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []partnership.Problem{{Path: "team", Message: "team is required"}}, ve.Problems)
}

func TestFormatMeanAndDifference(t *testing.T) {
	for m, want := range map[float64]string{3: "3.0", 2.25: "2.3", 11.0 / 3: "3.7", 0: "0.0"} {
		assert.Equal(t, want, FormatMean(m), "%v", m)
	}
	for d, want := range map[float64]string{0.5: "+0.5", -1.25: "-1.3", -0.04: "+0.0", 0: "+0.0", 2: "+2.0"} {
		assert.Equal(t, want, FormatDifference(d), "%v", d)
	}
}
