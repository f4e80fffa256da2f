//go:build !js

package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wordFile waits for the Word file the page downloads into dir, checks that
// its parts hold no markup typed in the page, and returns what python-docx
// reads in it. The file is moved away, so that the next download can be
// told apart.
func (b *browser) wordFile(dir string) doctest.Content {
	b.t.Helper()
	path := b.waitFile(dir, "*.docx")
	data, err := os.ReadFile(path)
	require.NoError(b.t, err)
	require.NoError(b.t, os.Rename(path, filepath.Join(b.t.TempDir(), filepath.Base(path))))
	for name, part := range doctest.Parts(b.t, data) {
		assert.NotContains(b.t, part, "<script", "%s of %s", name, filepath.Base(path))
		assert.NotContains(b.t, part, "<b>", "%s of %s", name, filepath.Base(path))
	}
	return doctest.PythonDocx(b.t, data)
}

// allText is every paragraph and table cell of a Word file, one a line.
func allText(c doctest.Content) string {
	var lines []string
	for _, p := range c.Paragraphs {
		lines = append(lines, p.Text)
	}
	for _, tbl := range c.Tables {
		for _, row := range tbl {
			lines = append(lines, strings.Join(row, " | "))
		}
	}
	return strings.Join(lines, "\n")
}

// TestWordFilesFromThePage downloads every tool's Word file from the page,
// and the blank forms, as a facilitator would before a meeting, and opens
// each with python-docx: real headings and tables, the text typed in the
// page kept as text, no rater's name in the summary, a long note in full.
func TestWordFilesFromThePage(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.openExample(u)
	const concern = "Summer clash <script>window.__pwned = 1</script>"
	code := b.rate(rater{"Ana <b>Ruiz</b>", []int{4, 3, 2, 3}, concern})

	// The blank rubric, for a paper session.
	b.click(`#pk-nav-rate`)
	b.click(`button[data-on-click="docx"][data-arg="blank.rubric"]`)
	form := b.wordFile(dl)
	require.NotEmpty(t, form.Headings())
	assert.Equal(t, "1 Readiness for Partnership: rating form", form.Headings()[0])
	assert.Contains(t, allText(form), "Rating (circle one)")

	// The summary, without the rater's name.
	b.click(`#pk-nav-facilitate`)
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, code)
	b.click(`button[data-on-click="fac.addcodes"]`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	b.click(`#pk-report-docx`)
	summary := b.wordFile(dl)
	assert.Equal(t, "1 Readiness for Partnership: summary of ratings", summary.Headings()[0])
	assert.NotEmpty(t, summary.Tables, "the ratings are a table")
	assert.Contains(t, allText(summary), concern, "the concern, as typed")
	assert.NotContains(t, allText(summary), "Ruiz", "no names unless chosen")

	// The supplement, with markup typed into it.
	b.click(`#pk-nav-contract`)
	b.typeIn(at("contract.contractRef"), " / No. 7 <script>window.__pwned = 2</script>")
	b.settled()
	b.click(`#pk-contract-docx`)
	supplement := b.wordFile(dl)
	assert.Equal(t, "1 Contract Supplement", supplement.Headings()[0])
	assert.Contains(t, supplement.Headings(), "2 Appendix: alignment")
	assert.GreaterOrEqual(t, len(supplement.Tables), 4, "activities, contacts, measures, data duties")
	assert.Contains(t, allText(supplement), "No. 7 <script>window.__pwned = 2</script>")
	b.click(`button[data-on-click="docx"][data-arg="blank.contract"]`)
	blank := b.wordFile(dl)
	assert.Equal(t, "1 Contract Supplement", blank.Headings()[0])
	assert.Contains(t, blank.Headings(), "2 Signatures")

	// A new meeting's agenda with a long note pasted into it: all of it is
	// in the Word file and in what prints.
	b.click(`#pk-nav-meetings`)
	b.click(`#pk-meet-create`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-meet-docx`)))
	notes := `#` + eval[string](b, `document.querySelector('article.pk-meeting textarea[data-path$=".sections[0].questions[0].notes"]').id`)
	long := strings.Repeat("The summer institute and the district's own PD asked the same teachers for the same weeks. ", 12)
	b.paste(notes, long)
	b.typeIn(notes, "Ask the principals.")
	b.settled()
	b.click(`#pk-meet-docx`)
	agenda := b.wordFile(dl)
	assert.Equal(t, "1 Quarterly partnership review", agenda.Headings()[0])
	assert.Contains(t, allText(agenda), long+"Ask the principals.")
	assert.Contains(t, b.inPrint().Text, "the same weeks. Ask the principals.", "a long note prints in full")
	b.click(`button[data-on-click="docx"][data-arg="blank.agenda"]`)
	blankAgenda := b.wordFile(dl)
	assert.Equal(t, "1 Quarterly partnership review", blankAgenda.Headings()[0])

	// The review's pre-read, the critical findings first.
	b.click(`#pk-nav-review`)
	b.click(`#pk-preread-docx`)
	preread := b.wordFile(dl)
	h := preread.Headings()
	require.GreaterOrEqual(t, len(h), 2)
	assert.True(t, strings.HasPrefix(h[0], "1 Meeting pre-read: "), h[0])
	assert.Equal(t, "2 To talk about first", h[1])
	require.NotEmpty(t, preread.Footers)
	assert.Contains(t, preread.Footers[0], "Aligned Partners Project")
	// The same pre-read from the Partnership tab.
	b.click(`#pk-nav-partnership`)
	b.click(`#pk-part-docx`)
	fromPartnership := b.wordFile(dl)
	assert.Equal(t, h, fromPartnership.Headings(), "the Partnership tab downloads the same pre-read")

	// The data pre-read of the partnership over time.
	b.click(`#pk-nav-progress`)
	b.click(`#pk-progress-docx`)
	data := b.wordFile(dl)
	h = data.Headings()
	require.NotEmpty(t, h)
	assert.Equal(t, "1 The partnership over time", h[0])
	assert.Contains(t, h, "2 Where each measure stands")
	assert.NotEmpty(t, data.Tables, "each measure's figures are a table")
	require.NotEmpty(t, data.Footers)
	assert.Contains(t, data.Footers[0], "Aligned Partners Project")

	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	b.assertOffline(u)
}
