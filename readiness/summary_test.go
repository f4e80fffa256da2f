package readiness

import (
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func resp(rater, team string, ratings map[string]int, concerns map[string]string) Response {
	return Response{Rater: rater, Team: team, Ratings: ratings, Concerns: concerns}
}

func TestSummarize(t *testing.T) {
	rs := []Response{
		resp("Ana", "District", map[string]int{"alignment": 4, "resources": 2, "metrics": 1}, map[string]string{"metrics": "No baseline.", "resources": "  "}),
		resp("Ben", "Partner", map[string]int{"alignment": 3, "resources": 3, "metrics": 3}, nil),
		resp("Cy", " district ", map[string]int{"alignment": 3, "resources": 3, "metrics": 4}, map[string]string{"metrics": "Who reports?"}),
		resp("Dee", "District", map[string]int{"alignment": 4, "resources": 2}, nil),
	}
	rep, err := Summarize(ODST(), rs)
	require.NoError(t, err)
	assert.Equal(t, Note, rep.Note)
	require.Len(t, rep.Teams, 2)
	d := rep.Teams[0]
	assert.Equal(t, "District", d.Team)
	assert.Equal(t, 3, d.Raters)

	al, _ := d.Category("alignment")
	assert.Equal(t, 3, al.N)
	assert.InDelta(t, 11.0/3, al.Mean, 1e-9)
	assert.Equal(t, 3, al.Min)
	assert.Equal(t, 4, al.Max)
	assert.True(t, al.Consensus)
	assert.Equal(t, []LevelCount{{1, 0}, {2, 0}, {3, 1}, {4, 2}}, al.Counts)
	assert.Equal(t, []Rating{{"Ana", 4}, {"Cy", 3}, {"Dee", 4}}, al.Ratings)

	m, _ := d.Category("metrics")
	assert.Equal(t, 2, m.N, "Dee left metrics unrated")
	assert.False(t, m.Consensus, "1 and 4 are three levels apart")
	assert.Equal(t, 3, m.Spread())
	assert.Equal(t, []Concern{{"Ana", "No baseline."}, {"Cy", "Who reports?"}}, m.Concerns)

	r, _ := d.Category("resources")
	assert.Empty(t, r.Concerns, "a blank concern is not a concern")
	assert.True(t, r.Consensus)

	c, _ := d.Category("communication")
	assert.Zero(t, c.N)
	assert.False(t, c.Consensus, "nobody rated it")
	assert.Nil(t, c.Ratings)

	assert.Equal(t, []string{"resources", "metrics", "alignment", "communication"}, d.DiscussFirst)
	assert.Equal(t, []string{"alignment", "resources", "metrics", "communication"}, rep.Teams[1].DiscussFirst, "ties keep rubric order")
}

func TestConsensus(t *testing.T) {
	two := Rubric{ID: "yn", Title: "Two levels", Scale: Scale{Levels: []Level{{Value: 1, Descriptor: "no"}, {Value: 2, Descriptor: "yes"}}},
		Categories: []Category{{ID: "x", Title: "X"}}}
	tests := []struct {
		name   string
		rb     Rubric
		levels []int
		want   bool
	}{
		{"one rating", ODST(), []int{2}, true},
		{"all the same", ODST(), []int{3, 3, 3, 3, 3}, true},
		{"one level apart", ODST(), []int{3, 4, 4, 3}, true},
		{"lowest two levels", ODST(), []int{1, 2}, true},
		{"two levels apart", ODST(), []int{2, 4}, false},
		{"lowest and highest", ODST(), []int{1, 4}, false},
		{"lowest and highest of a two-level scale", two, []int{1, 2}, false},
		{"same on a two-level scale", two, []int{2, 2}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := tt.rb.Categories[0].ID
			var rs []Response
			for _, l := range tt.levels {
				rs = append(rs, resp("r", "T", map[string]int{id: l}, nil))
			}
			rep, err := Summarize(tt.rb, rs)
			require.NoError(t, err)
			assert.Equal(t, tt.want, rep.Teams[0].Categories[0].Consensus)
		})
	}
}

func TestSummarizeErrors(t *testing.T) {
	rs := []Response{
		resp("Ana", "District", map[string]int{"alignment": 5, "budget": 2}, nil),
		resp("Ben", "District", map[string]int{"metrics": 0}, map[string]string{"vibes": "x"}),
	}
	_, err := Summarize(ODST(), rs)
	ps := partnership.ProblemsOf(err)
	require.Len(t, ps, 4, "%v", err)
	assert.Equal(t, "responses[0].ratings.alignment", ps[0].Path)
	assert.Contains(t, ps[0].Message, `"Ana" rated "alignment" 5`)
	assert.Equal(t, "responses[0].ratings.budget", ps[1].Path)
	assert.Contains(t, ps[1].Message, "not a category")
	assert.Equal(t, "responses[1].ratings.metrics", ps[2].Path)
	assert.Contains(t, ps[2].Message, `"Ben"`)
	assert.Equal(t, "responses[1].concerns.vibes", ps[3].Path)

	_, err = Summarize(Rubric{}, nil)
	assert.ErrorContains(t, err, "rubric is not valid")
}

func TestSummarizeNoResponses(t *testing.T) {
	rep, err := Summarize(ODST(), nil)
	require.NoError(t, err)
	assert.Empty(t, rep.Teams)
	assert.Equal(t, Note, rep.Note)
}

func TestCompareTeams(t *testing.T) {
	rep, err := Summarize(ODST(), []Response{
		resp("Ana", "District", map[string]int{"metrics": 2}, nil),
		resp("Dee", "Partner", map[string]int{"metrics": 4, "alignment": 3}, nil),
	})
	require.NoError(t, err)
	tc, err := rep.CompareTeams("district", "PARTNER")
	require.NoError(t, err)
	assert.Equal(t, "District", tc.A)
	assert.Equal(t, "Partner", tc.B)
	assert.InDelta(t, 2.0, tc.Categories[2].Difference, 1e-9)
	assert.Zero(t, tc.Categories[0].Difference, "only one team rated alignment")
	_, err = rep.CompareTeams("District", "Board")
	assert.ErrorContains(t, err, `"Board"`)
}

func TestCompareRounds(t *testing.T) {
	spring := Round{ID: "spring", Title: "Spring", Responses: []Response{
		resp("Ana", "District", map[string]int{"metrics": 1, "alignment": 3, "resources": 2}, nil),
		resp("Ben", "District", map[string]int{"metrics": 2, "alignment": 3}, nil),
		resp("Old", "Board", map[string]int{"metrics": 2}, nil),
	}}
	fall := Round{ID: "fall", Title: "Fall", Responses: []Response{
		resp("Ana", "District", map[string]int{"metrics": 3, "alignment": 2, "communication": 4}, nil),
		resp("Ben", "district", map[string]int{"metrics": 3, "alignment": 3}, nil),
	}}
	cmp, err := Compare(spring, fall)
	require.NoError(t, err)
	assert.Equal(t, "spring", cmp.From)
	require.Len(t, cmp.Teams, 2)
	d := cmp.Teams[0]
	assert.Equal(t, "District", d.Team)
	var dirs []Direction
	for _, c := range d.Categories {
		dirs = append(dirs, c.Direction)
	}
	assert.Equal(t, []Direction{Down, Dropped, Up, Added}, dirs)
	assert.InDelta(t, 1.5, d.Categories[2].Change, 1e-9)
	assert.Equal(t, "Board", cmp.Teams[1].Team)
	assert.Equal(t, Dropped, cmp.Teams[1].Categories[2].Direction)

	custom := ODST()
	custom.ID = "other"
	_, err = Compare(spring, Round{ID: "x", Rubric: &custom})
	assert.ErrorIs(t, err, ErrDifferentRubrics)
}

func TestComparisonMarkdown(t *testing.T) {
	spring := Round{ID: "spring", Responses: []Response{
		resp("Ana", "District", map[string]int{"metrics": 1, "alignment": 3}, nil),
		resp("Ben", "District", map[string]int{"metrics": 2, "alignment": 3}, nil),
	}}
	fall := Round{ID: "fall", Responses: []Response{
		resp("Ana", "District", map[string]int{"metrics": 3, "alignment": 2, "resources": 3}, nil),
		resp("Ben", "District", map[string]int{"metrics": 3, "alignment": 3}, nil),
	}}
	c, err := Compare(spring, fall)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, c.WriteMarkdown(&b))
	assert.Contains(t, b.String(), "| Clear metrics established | 1.5 | 3.0 | up 1.5 | yes → yes |")
	assert.Contains(t, b.String(), "| Alignment of strategic priority and objectives | 3.0 | 2.5 | down 0.5 | yes → yes |")
	assert.Contains(t, b.String(), "| Appropriate and sufficient resources | – | 3.0 | rated only now | – → yes |")

	fall.Responses = append(fall.Responses, resp("Dee", "Partner", map[string]int{"metrics": 4}, nil))
	rep, err := fall.Summarize()
	require.NoError(t, err)
	tc, err := rep.CompareTeams("District", "Partner")
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, tc.WriteMarkdown(&b))
	assert.Contains(t, b.String(), "| Clear metrics established | 3.0 (2) | 4.0 (1) | +1.0 |")
	assert.Contains(t, b.String(), "| Alignment of strategic priority and objectives | 2.5 (2) | – (0) | – |")
}
