//go:build js && wasm

package dom

import (
	"encoding/json"
	"testing"

	"github.com/partnerkit/partnerkit/wasm/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuilderSpec checks the JSON the builder gets: every node in document
// order, as [tag, text, [name, value, ...], number of children], with every
// text as it is, however odd, and each node's place in the spec.
func TestBuilderSpec(t *testing.T) {
	odd := "quote \" backslash \\ tab \t newline \n nul \x00 bell \x07 line sep \u2028 emoji 🙂 script </script> bad \xff end"
	tree := ui.El("section", ui.ID("s"),
		ui.El("h2", "Title & more"),
		ui.El("p", ui.Class("a b"), ui.A("data-x", odd), odd),
		ui.El("ul", ui.El("li", "one"), ui.El("li")),
	)
	var spec []byte
	count := 0
	v := describe(tree, &spec, &count, &batch{})
	var got []any
	require.NoError(t, json.Unmarshal(append(append([]byte{'['}, spec...), ']'), &got), string(spec))
	clean := "quote \" backslash \\ tab \t newline \n nul \x00 bell \x07 line sep \u2028 emoji 🙂 script </script> bad \ufffd end"
	want := []any{
		[]any{"section", "", []any{"id", "s"}, 3.0},
		[]any{"h2", "", []any{}, 1.0},
		[]any{"", "Title & more", []any{}, 0.0},
		[]any{"p", "", []any{"class", "a b", "data-x", clean}, 1.0},
		[]any{"", clean, []any{}, 0.0},
		[]any{"ul", "", []any{}, 2.0},
		[]any{"li", "", []any{}, 1.0},
		[]any{"", "one", []any{}, 0.0},
		[]any{"li", "", []any{}, 0.0},
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 9, count)
	assert.Equal(t, []int{0, 1, 3, 5}, []int{v.idx, v.kids[0].idx, v.kids[1].idx, v.kids[2].idx})
	assert.Equal(t, []int{6, 8}, []int{v.kids[2].kids[0].idx, v.kids[2].kids[1].idx})
}
