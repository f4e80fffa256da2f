package schema_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

func parse(data string) (any, []partnership.Problem) {
	ve := new(partnership.ValidationError)
	tree, ok := schema.Parse([]byte(data), ve)
	if ok && len(ve.Problems) > 0 {
		panic("ok with problems")
	}
	return tree, ve.Problems
}

func TestParseRefuses(t *testing.T) {
	tests := []struct {
		name, in, path, msg string
	}{
		{"a name twice", `{"a": 1, "b": 2, "a": 3}`, "", `"a" is written twice in the same group (line 1)`},
		{"a name twice, deeper", "{\"x\": [{}, {\"n\": 1,\n \"n\": 1}]}", "x[1]", `"n" is written twice in the same group (line 2)`},
		{"not UTF-8", "{\"a\": \"caf\xe9\"}", "", "the file is not UTF-8 text: line 1, column"},
		{"too deep", strings.Repeat("[", schema.MaxDepth+1) + strings.Repeat("]", schema.MaxDepth+1), strings.Repeat("[0]", schema.MaxDepth), "more than 64 deep"},
		{"too long", "[" + strings.TrimSuffix(strings.Repeat("0,", schema.MaxList+1), ",") + "]", "", "holds more than 100,000 entries"},
		{"two values", `{} {}`, "", "more than one JSON value"},
		{"empty", ``, "", "the file is empty or ends too early"},
		{"cut short", `{"a": [1, 2`, "", "the file is empty or ends too early"},
		{"syntax", "{\n \"a\": tru\n}", "", "the file is not valid JSON: line 2, column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, ps := parse(tt.in)
			assert.Nil(t, tree)
			require.Len(t, ps, 1)
			assert.Equal(t, tt.path, ps[0].Path)
			assert.Contains(t, ps[0].Message, tt.msg)
		})
	}
}

func TestParseReads(t *testing.T) {
	tree, ps := parse("\uFEFF" + `{"a": [1, 2.5, "x", true, null, {"b": []}], "c": {}}`)
	require.Empty(t, ps)
	assert.Equal(t, map[string]any{"a": []any{json.Number("1"), json.Number("2.5"), "x", true, nil, map[string]any{"b": []any{}}}, "c": map[string]any(nil)}, tree, "an empty object is a nil map")
	// The deepest nesting allowed is read.
	_, ps = parse(strings.Repeat("[", schema.MaxDepth) + strings.Repeat("]", schema.MaxDepth))
	assert.Empty(t, ps)
	// So is the longest list.
	_, ps = parse("[" + strings.TrimSuffix(strings.Repeat("0,", schema.MaxList), ",") + "]")
	assert.Empty(t, ps)
}

// A value quoted in a problem is cut short.
func TestProblemsQuoteValuesShort(t *testing.T) {
	var v struct {
		N int    `json:"n"`
		S string `json:"s"`
	}
	err := decode([]byte(`{"n": `+strings.Repeat("9", 100000)+`, "s": `+strings.Repeat("8", 100000)+`}`), &v)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 300, err.Error())
	assert.Contains(t, err.Error(), "not "+strings.Repeat("9", 30)+"…")
	assert.Equal(t, "abc", schema.Shorten("abc"))
	assert.Equal(t, strings.Repeat("é", 30)+"…", schema.Shorten(strings.Repeat("é", 31)))
}

// Store takes memory in proportion to the document: a list of empty
// records, each a large Go value, is refused before it is made.
func TestStoreRefusesAListOfEmptyRecords(t *testing.T) {
	type record struct {
		Text [64]string `json:"text"`
	}
	var v struct {
		Records []record `json:"records"`
	}
	err := decode([]byte(`{"records": [`+strings.TrimSuffix(strings.Repeat("{},", 20000), ",")+`]}`), &v)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "records: holds many more records than it gives values for")
	assert.Nil(t, v.Records)
	require.NoError(t, decode([]byte(`{"records": [{}, {}, {}]}`), &v), "a few are fine")
}

// However many problems there are, a Counter lists the first and counts
// the rest, and Store does not spell the rest out.
func TestStoreCountsWhatItDoesNotList(t *testing.T) {
	var v struct {
		Tags []string `json:"tags"`
	}
	ve := new(partnership.ValidationError)
	schema.Decode([]byte(`{"tags": [`+strings.TrimSuffix(strings.Repeat("1,", 5000), ",")+`]}`), &v, ve)
	assert.Len(t, ve.Problems, partnership.MaxProblems)
	assert.Equal(t, 5000-partnership.MaxProblems, ve.More)
}
