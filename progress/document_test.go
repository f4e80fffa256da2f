package progress

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// preReadDOCX is the data pre-read of the history as a Word file.
func preReadDOCX(t *testing.T, d Data) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, OverTime(d, day("2027-03-15")).WriteDOCX(&b))
	return b.Bytes()
}

// The data pre-read opens in python-docx with its parts as headings, each
// measure's values as a table and the partnership in the footer.
func TestDOCXOpensInPythonDocx(t *testing.T) {
	d := history()
	c := doctest.PythonDocx(t, preReadDOCX(t, d))
	h := c.Headings()
	require.NotEmpty(t, h)
	assert.Equal(t, "1 The partnership over time", h[0])
	for _, want := range []string{"2 Where each measure stands", "2 What the data raises", "2 Quarter by quarter"} {
		assert.Contains(t, h, want)
	}
	require.NotEmpty(t, c.Tables, "the measures' values")
	assert.Equal(t, []string{"Date", "What", "Value"}, c.Tables[0][0])
	styles := map[string]bool{}
	for _, p := range c.Paragraphs {
		styles[p.Style] = true
	}
	assert.True(t, styles["List Number"], "the meeting's questions are a numbered list")
	require.NotEmpty(t, c.Footers)
	assert.Contains(t, c.Footers[0], "Riverside")
}

func TestDOCXGolden(t *testing.T) {
	doctest.Golden(t, filepath.Join("testdata", "preread.docx.txt"), preReadDOCX(t, history()), *update)
}

// What people typed stays text in every part of the Word file.
func TestDOCXKeepsTypedTextAsText(t *testing.T) {
	d := history()
	d.Contract.Appendix.Measures[0].Name = `<script>alert("x")</script> attendance`
	d.Meetings[0].Title = `<img src=x onerror=alert(1)> { HYPERLINK "https://evil.example" }` + "\x1b"
	data := preReadDOCX(t, d)
	for name, part := range doctest.Parts(t, data) {
		assert.NotContains(t, part, "<script", name)
		assert.NotContains(t, part, "<img", name)
		assert.NotContains(t, part, "\x1b", name)
		assert.NotContains(t, part, "hyperlink", name)
		if !strings.HasPrefix(name, "word/footer") {
			assert.NotContains(t, part, "fldSimple", name, "no field but the page number")
			assert.NotContains(t, part, "instrText", name)
		}
	}
	text := strings.Join(doctest.Read(t, data).Blocks, "\n")
	assert.Contains(t, text, `<script>alert("x")</script> attendance`)
	assert.Contains(t, text, `<img src=x onerror=alert(1)> { HYPERLINK "https://evil.example" }`)
}
