package readiness

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestODST(t *testing.T) {
	rb := ODST()
	require.NoError(t, rb.Validate())
	var ids []string
	var items []int
	for _, c := range rb.Categories {
		ids = append(ids, c.ID)
		items = append(items, len(c.Items))
		assert.Equal(t, c.ID, c.Theme, "ODST categories are the framework's themes")
		assert.NotEmpty(t, c.Standards)
		assert.NotEmpty(t, c.Source)
	}
	assert.Equal(t, []string{"alignment", "resources", "metrics", "communication"}, ids)
	assert.Equal(t, []int{4, 4, 2, 6}, items)
	require.Len(t, rb.Scale.Levels, 4)
	for i, l := range rb.Scale.Levels {
		assert.Equal(t, i+1, l.Value)
		assert.NotEmpty(t, l.Descriptor)
		assert.NotEmpty(t, l.Label)
	}
	assert.Equal(t, "1–4", rb.Scale.String())

	// Each call returns fresh data.
	rb.Categories[0].Title = "changed"
	assert.NotEqual(t, "changed", ODST().Categories[0].Title)
}

func TestDecodeRubric(t *testing.T) {
	good := `{"id":"five","title":"Five-point readiness","scale":{"levels":[
		{"value":1,"descriptor":"a"},{"value":2,"descriptor":"b"},{"value":3,"descriptor":"c"},
		{"value":4,"descriptor":"d"},{"value":5,"descriptor":"e"}]},
		"categories":[{"id":"vision","title":"Shared vision","standards":["alignment.1"],
		"items":[{"id":"v1","text":"We agree on the goal."}]},{"id":"money","title":"Budget"}]}`
	rb, err := DecodeRubric(strings.NewReader(good))
	require.NoError(t, err)
	assert.Equal(t, 5, rb.Scale.Highest())
	assert.Len(t, rb.Categories, 2)

	tests := []struct {
		name, json string
		paths      []string
	}{
		{"unknown field", `{"id":"x","title":"X","scale":{"levels":[{"value":1,"descriptor":"a"},{"value":2,"descriptor":"b"}]},"categories":[{"id":"a","title":"A","colour":"red"}]}`,
			[]string{"categories[0].colour"}},
		{"gap in scale", `{"id":"x","title":"X","scale":{"levels":[{"value":1,"descriptor":"a"},{"value":3,"descriptor":"b"}]},"categories":[{"id":"a","title":"A"}]}`,
			[]string{"scale.levels[1].value"}},
		{"duplicate ids and unknown standard", `{"id":"x","title":"X","scale":{"levels":[{"value":1,"descriptor":"a"},{"value":2,"descriptor":"b"}]},"categories":[{"id":"a","title":"A","standards":["alignment.9"],"items":[{"id":"i","text":"t"}]},{"id":"a","title":"B","items":[{"id":"i","text":"t"}]}]}`,
			[]string{"categories[0].standards[0]", "categories[1].id", "categories[1].items[0].id"}},
		{"missing everything", `{}`, []string{"id", "title", "scale.levels", "categories"}},
		{"one level", `{"id":"x","title":"X","scale":{"levels":[{"value":1,"descriptor":"a"}]},"categories":[{"id":"a","title":"A"}]}`,
			[]string{"scale.levels"}},
		{"wrong type", `{"id":"x","title":"X","scale":{"levels":[{"value":"one","descriptor":"a"}]},"categories":[]}`,
			[]string{"scale.levels[0].value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeRubric(strings.NewReader(tt.json))
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "got %v", err)
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
				assert.NotContains(t, p.Message, "Rubric")
			}
			assert.ElementsMatch(t, tt.paths, paths, "%v", err)
		})
	}
}

func TestRubricJSONRoundTrip(t *testing.T) {
	data, err := json.Marshal(ODST())
	require.NoError(t, err)
	rb, err := DecodeRubric(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, ODST(), rb)
}

func TestValidateResponse(t *testing.T) {
	rb := ODST()
	require.NoError(t, rb.ValidateResponse(Response{Rater: "Ana", Team: "District", Ratings: map[string]int{"metrics": 2}}))
	err := rb.ValidateResponse(Response{Rater: "Ana", Team: "District",
		Ratings:  map[string]int{"metrics": 5, "budget": 3},
		Concerns: map[string]string{"vibes": "x"}})
	ps := partnership.ProblemsOf(err)
	require.Len(t, ps, 3)
	assert.Equal(t, "ratings.metrics", ps[0].Path)
	assert.Contains(t, ps[0].Message, `"Ana"`)
	assert.Contains(t, ps[0].Message, "1, 2, 3, 4")
	assert.Equal(t, "ratings.budget", ps[1].Path)
	assert.Equal(t, "concerns.vibes", ps[2].Path)
}

func TestRoundValidate(t *testing.T) {
	r := Round{ID: "spring", Title: "Spring", Responses: []Response{
		{Rater: "Ana", Team: "District", Ratings: map[string]int{"alignment": 3}},
		{Rater: "", Team: "District", Ratings: map[string]int{"metrics": 0}},
	}}
	ps := partnership.ProblemsOf(r.Validate())
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"responses[1].rater", "responses[1].ratings.metrics"}, paths)

	draft := Round{ID: "draft", Title: "Not started"}
	assert.NoError(t, draft.Validate())

	custom := Round{ID: "c", Title: "C", Rubric: &Rubric{ID: "c"}}
	ps = partnership.ProblemsOf(custom.Validate())
	require.NotEmpty(t, ps)
	assert.Equal(t, "rubric.title", ps[0].Path)
}

// TestFivePointRubric runs a custom 1–5 rubric through every step.
func TestFivePointRubric(t *testing.T) {
	rb, err := DecodeRubric(strings.NewReader(`{"id":"five","title":"Five-point readiness","scale":{"levels":[
		{"value":1,"label":"Strongly disagree","descriptor":"a"},{"value":2,"descriptor":"b"},{"value":3,"descriptor":"c"},
		{"value":4,"descriptor":"d"},{"value":5,"label":"Strongly agree","descriptor":"e"}]},
		"categories":[{"id":"vision","title":"Shared vision","standards":["alignment.1"]},{"id":"money","title":"Budget"}]}`))
	require.NoError(t, err)
	rs, err := ReadCSV(strings.NewReader("Name,Team,Shared vision,Budget,Budget concerns\nA,T,5 - Strongly agree,Strongly disagree,Too little\nB,T,4,2,\n"), rb)
	require.NoError(t, err)
	_, err = ReadCSV(strings.NewReader("Name,Team,Shared vision rating,Budget\nA,T,6,1\n"), rb)
	assert.ErrorContains(t, err, "Allowed: 1, 2, 3, 4, 5")

	rep, err := Summarize(rb, rs)
	require.NoError(t, err)
	v, _ := rep.Teams[0].Category("vision")
	assert.InDelta(t, 4.5, v.Mean, 1e-9)
	assert.True(t, v.Consensus)
	m, _ := rep.Teams[0].Category("money")
	assert.True(t, m.Consensus, "1 and 2 are one level apart, and 2 is not the highest level")
	var md bytes.Buffer
	require.NoError(t, rep.WriteMarkdown(&md))
	assert.Contains(t, md.String(), "| Budget | 2 | 1.5 | 1–2 | 1 | 1 | 0 | 0 | 0 | yes |")
}
