package findingdoc

import (
	"testing"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestItem(t *testing.T) {
	f := partnership.Finding{Message: "Two\nlines", Evidence: []string{"a", "b", "c"}, Question: "Why?", Standard: "metrics.2"}
	tests := []struct {
		name     string
		max      int
		standard bool
		blocks   int
		last     string
	}{
		{"all evidence", 3, false, 2, "c"},
		{"two of three", 2, false, 2, "and 1 more"},
		{"with the standard", 3, true, 3, "c"},
		{"none", 0, false, 2, "and 3 more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := Item(f, tt.max, tt.standard)
			require.Len(t, it.Blocks, tt.blocks)
			assert.Equal(t, document.Text{document.Strong("Two lines")}, it.Text, "one line")
			l, ok := it.Blocks[0].(*document.List)
			require.True(t, ok)
			assert.Equal(t, tt.last, l.Items[len(l.Items)-1].Text.String())
		})
	}
	assert.Empty(t, Item(partnership.Finding{Message: "m"}, 3, true).Blocks, "nothing more to say")
}
