package partnerkit_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func example(t testing.TB) *partnerkit.Workspace {
	t.Helper()
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	require.NoError(t, err)
	return ws
}

// The pre-read starts with the critical findings, all of them and only
// them, before anything grouped by theme.
func TestPreReadCriticalFirst(t *testing.T) {
	ws := example(t)
	d := partnerkit.PreRead{Workspace: ws}.Document()
	var headings []string
	var first *document.List
	for i, b := range d.Blocks {
		if h, ok := b.(*document.Heading); ok {
			headings = append(headings, h.Text.String())
			if h.Text.String() == "To talk about first" {
				first = d.Blocks[i+1].(*document.List)
			}
		}
	}
	require.GreaterOrEqual(t, len(headings), 3)
	assert.Equal(t, "Meeting pre-read: "+ws.Partnership.Name, headings[0])
	assert.Equal(t, "To talk about first", headings[1], "the first part is what to talk about first")
	require.NotNil(t, first)
	var critical []string
	for _, f := range partnerkit.Review(ws) {
		if f.Severity == partnership.Critical {
			critical = append(critical, f.Message)
		}
	}
	require.NotEmpty(t, critical, "the example has critical findings")
	var listed []string
	for _, it := range first.Items {
		listed = append(listed, it.Text.String())
	}
	assert.Equal(t, critical, listed)
	assert.True(t, first.Ordered)
	for _, h := range headings[2:] {
		assert.NotEqual(t, "Needs attention now", h)
	}
	assert.Contains(t, headings, "Alignment of strategic priority and objectives")
	assert.Contains(t, headings, "Worth a look (7)")
}

// A pre-read names no field, path or id: only what people read.
func TestPreReadHasNothingInternal(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, partnerkit.PreRead{Workspace: example(t), Map: true}.WriteHTML(&b))
	text := strings.Join(doctest.HTMLBlocks(t, b.String()), "\n")
	for _, internal := range []*regexp.Regexp{
		regexp.MustCompile(`partnership\.[a-z]|contract\.[a-z]|meetings\[|readiness\[|\[\d+\]`),
		regexp.MustCompile(`\b(alignment|resources|metrics|communication)\.\d\b`),
		regexp.MustCompile(`(?i)scroll`),
		regexp.MustCompile(`\b[a-z]+-[a-z]+\.[a-z-]+\b`), // rule ids such as partnership.over-capacity
	} {
		assert.Empty(t, internal.FindAllString(text, -1))
	}
	assert.Contains(t, b.String(), `<figure><img alt="Each row is one of the`)
}

func TestPreReadFormatsSayTheSame(t *testing.T) {
	p := partnerkit.PreRead{Workspace: example(t), Now: time.Date(2018, 2, 6, 9, 0, 0, 0, time.UTC)}
	var page, word bytes.Buffer
	require.NoError(t, p.WriteHTML(&page))
	require.NoError(t, p.WriteDOCX(&word))
	assert.Contains(t, page.String(), "As of February 6, 2018: 31 findings: 5 critical, 20 warnings, 6 for information.")
	doctest.SameWords(t, doctest.Words(doctest.HTMLBlocks(t, page.String())), doctest.Words(doctest.Read(t, word.Bytes()).Blocks), "Word and HTML")
	doctest.Golden(t, filepath.Join("testdata", "preread.docx.txt"), word.Bytes(), *update)
}

func TestPreReadOpensInPythonDocx(t *testing.T) {
	var word bytes.Buffer
	require.NoError(t, partnerkit.PreRead{Workspace: example(t)}.WriteDOCX(&word))
	c := doctest.PythonDocx(t, word.Bytes())
	h := c.Headings()
	require.GreaterOrEqual(t, len(h), 2)
	assert.Equal(t, "2 To talk about first", h[1])
	assert.Contains(t, h, "3 Worth a look (7)")
}

func TestPreReadOfNothing(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, partnerkit.PreRead{}.WriteHTML(&b))
	assert.Contains(t, b.String(), "Every check passed")
}

func TestCountFindings(t *testing.T) {
	assert.Equal(t, "0 findings: 0 critical, 0 warnings, 0 for information", partnerkit.CountFindings(nil))
	assert.Equal(t, "1 finding: 0 critical, 1 warning, 0 for information", partnerkit.CountFindings([]partnership.Finding{{Severity: partnership.Warning}}))
}

func TestPreReadUsesTheFindingsGiven(t *testing.T) {
	fs := []partnership.Finding{{Rule: "x", Severity: partnership.Critical, Message: "Only this one", Question: "Shall we?"}}
	var b bytes.Buffer
	require.NoError(t, partnerkit.PreRead{Workspace: example(t), Findings: fs}.WriteHTML(&b))
	assert.Contains(t, b.String(), "1 finding: 1 critical, 0 warnings, 0 for information.")
	assert.Contains(t, b.String(), "Only this one")
}
