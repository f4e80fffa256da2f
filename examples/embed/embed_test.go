package embed_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The example rubric must be one partnerkit accepts.
func TestExampleRubric(t *testing.T) {
	data, err := os.ReadFile("rubric.json")
	require.NoError(t, err)
	rb, err := readiness.DecodeRubric(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Len(t, rb.Categories, 2)
	assert.Len(t, rb.Scale.Levels, 4)
}

// The snippet must show the rater view only and name one parent origin.
func TestSnippet(t *testing.T) {
	data, err := os.ReadFile("index.html")
	require.NoError(t, err)
	s := string(data)
	assert.Contains(t, s, `partnerkit.html?view=rubric&amp;parentOrigin=https://ta.example.org"`)
	assert.Contains(t, s, `event.origin !== "https://ta.example.org"`)
	assert.Contains(t, s, `title="Readiness for Partnership rubric"`)
	assert.False(t, strings.Contains(s, `"*"`), "never post to or accept any origin")
}
