package readiness

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func reportDOCX(t testing.TB, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, r.WriteDOCX(&b))
	return b.Bytes()
}

// The Word file, the HTML page and the Markdown of a report say the same
// things, with names and without.
func TestFormatsSayTheSame(t *testing.T) {
	for _, names := range []bool{false, true} {
		r := fixtureReport(t)
		r.Options.Names = names
		var page, md bytes.Buffer
		require.NoError(t, r.WriteHTML(&page))
		require.NoError(t, r.WriteMarkdown(&md))
		fromHTML := doctest.Words(doctest.HTMLBlocks(t, page.String()))
		doctest.SameWords(t, fromHTML, doctest.Words(doctest.Read(t, reportDOCX(t, r)).Blocks), "Word and HTML")
		doctest.SameWords(t, fromHTML, doctest.Words(doctest.MarkdownBlocks(t, md.String())), "Markdown and HTML")
	}
}

func TestDOCXGolden(t *testing.T) {
	doctest.Golden(t, filepath.Join("testdata", "report.docx.txt"), reportDOCX(t, fixtureReport(t)), *update)
}

func TestDOCXOpensInPythonDocx(t *testing.T) {
	c := doctest.PythonDocx(t, reportDOCX(t, fixtureReport(t)))
	assert.Equal(t, []string{
		"1 Readiness for Partnership: summary of ratings", "2 Scale (1–4)",
		"2 District leadership team", "3 Suggested order of discussion", "3 Concerns",
		"2 Partner leadership team", "3 Suggested order of discussion", "3 Concerns",
	}, c.Headings())
	require.Len(t, c.Tables, 2, "one table per team")
	assert.Equal(t, []string{"Category", "Ratings", "Mean", "Range", "1", "2", "3", "4", "Consensus"}, c.Tables[0][0])
	assert.Equal(t, []string{"Clear metrics established", "5", "2.0", "1–3", "1", "3", "1", "0", "no"}, c.Tables[0][3])
	assert.Contains(t, c.Footers[0], "Readiness for Partnership: summary of ratings")
}

func TestEmptyReportDocument(t *testing.T) {
	r, err := Summarize(ODST(), nil)
	require.NoError(t, err)
	blocks := doctest.Read(t, reportDOCX(t, r)).Blocks
	assert.Contains(t, blocks, "No responses yet.")
}

func TestBlankForm(t *testing.T) {
	rb := ODST()
	f := BlankForm{Rubric: rb, Partnership: "Riverside Unified and Learning Partners"}
	var page, word bytes.Buffer
	require.NoError(t, f.WriteHTML(&page))
	require.NoError(t, f.WriteDOCX(&word))
	doctest.SameWords(t, doctest.Words(doctest.HTMLBlocks(t, page.String())), doctest.Words(doctest.Read(t, word.Bytes()).Blocks), "Word and HTML")
	doctest.Golden(t, filepath.Join("testdata", "blank-form.docx.txt"), word.Bytes(), *update)

	c := doctest.PythonDocx(t, word.Bytes())
	assert.Equal(t, []string{
		"1 Readiness for Partnership: rating form", "2 Rating scale",
		"2 1. Alignment of strategic priority and objectives", "2 2. Appropriate and sufficient resources",
		"2 3. Clear metrics established", "2 4. Ongoing communication and collaboration",
	}, c.Headings())
	require.Len(t, c.Tables, 1, "the scale")
	assert.Equal(t, []string{"4", "Agreement on all items. The parties probably agree and are aligned on every item to address."}, c.Tables[0][1])
	var text []string
	items, writeIns := 0, 0
	for _, p := range c.Paragraphs {
		text = append(text, p.Text)
		if p.Style == "List Bullet" {
			items++
		}
		if p.Style == "Write-in line" {
			writeIns++
		}
	}
	assert.Equal(t, 16, items, "the 16 items to address")
	assert.Equal(t, 3+4*4, writeIns, "name, team and date, and four lines of concerns per category")
	assert.Contains(t, text, "Rating (circle one):\u2003\u20031\u2003\u2003\u20032\u2003\u2003\u20033\u2003\u2003\u20034")
	for _, cat := range rb.Categories {
		for _, it := range cat.Items {
			assert.Contains(t, text, it.Text)
		}
	}
	assert.Contains(t, c.Footers[0], "Riverside Unified and Learning Partners")
}

func TestBlankFormForATeam(t *testing.T) {
	var word bytes.Buffer
	require.NoError(t, BlankForm{Rubric: ODST(), Team: "District leadership team"}.WriteDOCX(&word))
	c := doctest.Read(t, word.Bytes())
	assert.Contains(t, c.Blocks, "Team: District leadership team")
	assert.NotContains(t, c.Blocks, "Your team:")
}
