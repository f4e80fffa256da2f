package schema_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// decode is schema.Decode with its problems in a *partnership.ValidationError.
func decode(data []byte, v any) error {
	ve := new(partnership.ValidationError)
	schema.Decode(data, v, ve)
	return ve.Err()
}

type inner struct {
	N     int            `json:"n"`
	U     uint8          `json:"u"`
	F     float64        `json:"f"`
	B     bool           `json:"b"`
	When  time.Time      `json:"when"`
	Tags  []string       `json:"tags"`
	Pairs map[string]int `json:"pairs"`
}

type Embedded struct {
	Shared string `json:"shared"`
}

type outer struct {
	Embedded
	Name   string  `json:"name"`
	Inner  *inner  `json:"inner"`
	List   []inner `json:"list"`
	Any    any     `json:"any"`
	Hidden string  `json:"-"`
}

func TestDecodeAcceptsWellFormedInput(t *testing.T) {
	var o outer
	err := decode([]byte(`{"shared":"s","name":"x","inner":{"n":-3,"u":255,"f":1.5,"b":true,"when":"2026-09-15T15:30:00-04:00","tags":["a"],"pairs":{"k":1}},"list":[],"any":{"z":[1]}}`), &o)
	require.NoError(t, err)
	assert.Equal(t, "s", o.Shared)
	assert.Equal(t, -3, o.Inner.N)
	assert.Equal(t, uint8(255), o.Inner.U)
	assert.Equal(t, 1, o.Inner.Pairs["k"])
	require.NoError(t, decode([]byte(`{"inner":null,"name":null}`), &o))
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, in string
		want     []partnership.Problem
	}{
		{"every problem at once", `{"name":1,"inner":{"n":1.5,"u":256,"f":"x","b":"yes","tags":"a","pairs":[]},"list":[{"n":"2"},{"zz":0}],"Hidden":"h"}`, []partnership.Problem{
			{Path: "Hidden", Message: `unknown field "Hidden"; allowed here: any, inner, list, name, shared`, Unknown: true},
			{Path: "inner.b", Message: `must be true or false, not the text "yes"`},
			{Path: "inner.f", Message: `must be a number, not the text "x"`},
			{Path: "inner.n", Message: "must be a whole number within range, not 1.5"},
			{Path: "inner.pairs", Message: "must be a group of named values in { }, not a list"},
			{Path: "inner.tags", Message: `must be a list in [ ], not the text "a"`},
			{Path: "inner.u", Message: "must be a whole number of zero or more within range, not 256"},
			{Path: "list[0].n", Message: `must be a whole number, not the text "2"`},
			{Path: "list[1].zz", Message: `unknown field "zz"; allowed here: b, f, n, pairs, tags, u, when`, Unknown: true},
			{Path: "name", Message: "must be text in quotes, not the number 1"},
		}},
		{"bad time", `{"inner":{"when":"yesterday"}}`, []partnership.Problem{
			{Path: "inner.when", Message: "must be a date and time such as 2026-09-15T15:30:00-04:00"},
		}},
		{"not an object", `"hello"`, []partnership.Problem{
			{Message: `the file must be a group of named fields in { }, not the text "hello"`},
		}},
		{"long text is shortened by characters", `{"inner":{"b":"ééééééééééééééééééééééééééééééééééé"}}`, []partnership.Problem{
			{Path: "inner.b", Message: `must be true or false, not the text "éééééééééééééééééééééééééééééé…"`},
		}},
		{"syntax", "{\n\"name\": \"x\",\n\"inner\": tru\n}", []partnership.Problem{
			{Message: "the file is not valid JSON: line 3, column 13: invalid character '\\n' in literal true (expecting 'e')"},
		}},
		{"trailing value", `{} []`, []partnership.Problem{
			{Message: "the file holds more than one JSON value; it must hold exactly one, starting with { and ending with }"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o outer
			err := decode([]byte(tt.in), &o)
			var ve *partnership.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.want, ve.Problems)
		})
	}
}

func TestDecodeNeedsAPointer(t *testing.T) {
	assert.Error(t, decode([]byte(`{}`), outer{}))
	assert.Error(t, decode([]byte(`{}`), nil))
}

// FuzzDecodePartnership checks that no input panics the decoder or Validate.
func FuzzDecodePartnership(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "workspace.json"))
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"name":"x","district":{"id":"d","name":"D"},"people":[{"id":"p","org":"d","roles":["x"]}]}`))
	f.Add([]byte(`{"initiatives":[{"demands":[{"start":"2026-02-30","end":"","hoursPerWeek":1e999}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ws struct {
			SchemaVersion int                      `json:"schemaVersion"`
			Partnership   *partnership.Partnership `json:"partnership"`
		}
		if err := decode(data, &ws); err != nil {
			require.NotEmpty(t, partnership.ProblemsOf(err))
			return
		}
		// What decodes without a problem decodes as encoding/json reads it.
		var plain struct {
			SchemaVersion int                      `json:"schemaVersion"`
			Partnership   *partnership.Partnership `json:"partnership"`
		}
		require.NoError(t, json.Unmarshal(data, &plain))
		require.Equal(t, plain, ws)
		if ws.Partnership != nil {
			_ = ws.Partnership.Validate()
		}
		var p partnership.Partnership
		if err := decode(data, &p); err == nil {
			_ = p.Validate()
		}
	})
}

// A name given twice is refused, wherever it is: in a struct, in a map and
// in a value of any shape; the problems found before it are not listed.
func TestDecodeRefusesANameGivenTwice(t *testing.T) {
	tests := []struct{ name, in, path, twice string }{
		{"a field", `{"name": 1, "list": [{"n": 1}, {"n": 2, "tags": [], "n": 3}]}`, "list[1]", "n"},
		{"a key of a map", `{"inner": {"pairs": {"a": 1, "b": 2, "a": 3}}}`, "inner.pairs", "a"},
		{"a name in any value", `{"any": {"x": [{"y": 1, "y": 2}]}}`, "any.x[0]", "y"},
		{"the same field at the top", "{\"name\": \"a\",\n\"Hidden\": 1,\n\"name\": \"b\"}", "", "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var o outer
			ve := new(partnership.ValidationError)
			assert.False(t, schema.Decode([]byte(tt.in), &o, ve))
			require.Len(t, ve.Problems, 1, "%v", ve.Problems)
			assert.Equal(t, tt.path, ve.Problems[0].Path)
			assert.Contains(t, ve.Problems[0].Message, `"`+tt.twice+`" is written twice in the same group`)
		})
	}
	var o outer
	require.NoError(t, decode([]byte(`{"list": [{"n": 1}, {"n": 1}], "inner": {"pairs": {"a": 1, "b": 1}}}`), &o), "the same name in two groups is fine")
}

// A list of many small records is read; a list of many more records than
// its text gives values for is refused at its start.
func TestDecodeReadsListsInProportionToTheirText(t *testing.T) {
	type small struct {
		N int `json:"n"`
	}
	var v struct {
		Records []small `json:"records"`
	}
	require.NoError(t, decode([]byte(`{"records": [`+strings.TrimSuffix(strings.Repeat(`{"n": 7},`, 50000), ",")+`]}`), &v))
	require.Len(t, v.Records, 50000)
	assert.Equal(t, 7, v.Records[49999].N)

	type large struct {
		Text [32]string `json:"text"`
	}
	var w struct {
		Name    string  `json:"name"`
		Records []large `json:"records"`
	}
	ve := new(partnership.ValidationError)
	assert.False(t, schema.Decode([]byte(`{"name": 5, "records": [`+strings.TrimSuffix(strings.Repeat("{},", 100000), ",")+`]}`), &w, ve))
	assert.Equal(t, []partnership.Problem{
		{Path: "name", Message: "must be text in quotes, not the number 5"},
	}, ve.Problems, "nothing is stored after the first problem, so nothing more is spent")
	ve = new(partnership.ValidationError)
	assert.False(t, schema.Decode([]byte(`{"records": [`+strings.TrimSuffix(strings.Repeat("{},", 100000), ",")+`], "name": 5}`), &w, ve))
	require.Len(t, ve.Problems, 1, "the reading stops at the flood")
	assert.Equal(t, "records", ve.Problems[0].Path)
	assert.Contains(t, ve.Problems[0].Message, "holds many more records than it gives values for")
	assert.Nil(t, w.Records)
}

// Check refuses what Parse refuses, and Member finds a value at the top of
// an object without reading the rest.
func TestCheckAndMember(t *testing.T) {
	for _, bad := range []string{`{"a": 1, "a": 2}`, `[1, 2`, `{} {}`, strings.Repeat("[", schema.MaxDepth+1) + strings.Repeat("]", schema.MaxDepth+1)} {
		_, want := parse(bad)
		ve := new(partnership.ValidationError)
		assert.False(t, schema.Check([]byte(bad), ve), bad)
		assert.Equal(t, want, ve.Problems, bad)
	}
	assert.True(t, schema.Check([]byte("\uFEFF"+`{"a": [1, {"b": null}]}`), new(partnership.ValidationError)))

	raw, object := schema.Member([]byte("\uFEFF"+`{"a": {"x": [1]}, "v": 2, "v": 3, "z": [`), "v")
	assert.True(t, object)
	assert.Equal(t, "2", string(raw))
	raw, object = schema.Member([]byte(`{"a": 1}`), "v")
	assert.True(t, object)
	assert.Nil(t, raw)
	_, object = schema.Member([]byte(`[{"v": 1}]`), "v")
	assert.False(t, object)
}

// A literal cut short is a syntax error, wherever it is read.
func TestDecodeRefusesALiteralCutShort(t *testing.T) {
	for _, in := range []string{`{"inner": {"b": t0`, `{"inner": nul}`, `{"any": [tru]}`, `{"inner": {"b": fals`} {
		var o outer
		ve := new(partnership.ValidationError)
		assert.False(t, schema.Decode([]byte(in), &o, ve), in)
		require.Len(t, ve.Problems, 1, in)
		assert.Regexp(t, `^the file (is not valid JSON: line 1|is empty or ends too early)`, ve.Problems[0].Message, in)
	}
}

// An extra field is asked about with its path and value, and passed over
// when it is known; progress is told of the bytes read, in order.
func TestDecodeWithOptions(t *testing.T) {
	var asked []string
	o := schema.Options{Extra: map[string]func(string, []byte) bool{
		"old": func(path string, value []byte) bool {
			asked = append(asked, path+"="+string(value))
			return string(value) == "true"
		},
	}}
	var v outer
	ve := new(partnership.ValidationError)
	assert.True(t, schema.DecodeWith([]byte(`{"list": [{"old": true}], "name": "x"}`), &v, ve, o))
	assert.Equal(t, "x", v.Name)
	assert.False(t, schema.DecodeWith([]byte(`{"list": [{"n": 1, "old": [1, 2]}], "new": 1}`), &v, ve, o))
	assert.Equal(t, []string{"list[0].old=true", "list[0].old=[1, 2]"}, asked)
	require.Len(t, ve.Problems, 2)
	assert.Equal(t, "list[0].old", ve.Problems[0].Path, "in the order of their paths")
	assert.Contains(t, ve.Problems[0].Message, `unknown field "old"`)

	doc := []byte(`{"tags": [` + strings.TrimSuffix(strings.Repeat(`"abcdefgh",`, 50000), ",") + `]}`)
	var dones []int64
	require.True(t, schema.DecodeWith(doc, &inner{}, new(partnership.ValidationError), schema.Options{Progress: func(done, total int64) {
		assert.Equal(t, int64(len(doc)), total)
		dones = append(dones, done)
	}}))
	assert.GreaterOrEqual(t, len(dones), len(doc)/(64<<10))
	assert.IsIncreasing(t, dones)
}
