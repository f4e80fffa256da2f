package schema_test

import (
	"encoding/json"
	"os"
	"path/filepath"
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
			{Path: "Hidden", Message: `unknown field "Hidden"; allowed here: any, inner, list, name, shared`},
			{Path: "inner.b", Message: `b must be true or false, not the text "yes"`},
			{Path: "inner.f", Message: `f must be a number, not the text "x"`},
			{Path: "inner.n", Message: "n must be a whole number within range, not 1.5"},
			{Path: "inner.pairs", Message: "pairs must be a group of named values in { }, not a list"},
			{Path: "inner.tags", Message: `tags must be a list in [ ], not the text "a"`},
			{Path: "inner.u", Message: "u must be a whole number of zero or more within range, not 256"},
			{Path: "list[0].n", Message: `n must be a whole number, not the text "2"`},
			{Path: "list[1].zz", Message: `unknown field "zz"; allowed here: b, f, n, pairs, tags, u, when`},
			{Path: "name", Message: "name must be text in quotes, not the number 1"},
		}},
		{"bad time", `{"inner":{"when":"yesterday"}}`, []partnership.Problem{
			{Path: "inner.when", Message: "when must be a date and time such as 2026-09-15T15:30:00-04:00"},
		}},
		{"not an object", `"hello"`, []partnership.Problem{
			{Message: `the file must be a group of named fields in { }, not the text "hello"`},
		}},
		{"long text is shortened by characters", `{"inner":{"b":"ééééééééééééééééééééééééééééééééééé"}}`, []partnership.Problem{
			{Path: "inner.b", Message: `b must be true or false, not the text "éééééééééééééééééééééééééééééé…"`},
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
