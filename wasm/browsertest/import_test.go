//go:build !js

package browsertest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// workbookOf writes the rows of a CSV fixture as an .xlsx file in dir.
func workbookOf(t *testing.T, fixture, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "readiness", "testdata", "exports", fixture))
	require.NoError(t, err)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	cells := make([][]sheet.Cell, len(rows))
	for i, r := range rows {
		for _, v := range r {
			cells[i] = append(cells[i], sheet.TextCell(v))
		}
	}
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteWorkbook(&buf, "Responses", cells))
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// pick chooses the option of the select sel whose value is value as a
// keyboard user does: it focuses the select and presses the down or up
// arrow, one key at a time with a pause, until the option is chosen. Every
// key changes the select's value, and the page handles each change. It fails
// the test when the focus leaves the select.
func (b *browser) pick(sel, value string, p *pauses) {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Focus(chromedp.CSS(sel)))
	index := func() int {
		return eval[int](b, fmt.Sprintf(`document.querySelector(%q).selectedIndex`, sel))
	}
	target := eval[int](b, fmt.Sprintf(`[...document.querySelector(%q).options].findIndex(o => o.value === %q)`, sel, value))
	require.GreaterOrEqual(b.t, target, 0, "%s has no option %q", sel, value)
	steps := target - index()
	p.field(max(steps, -steps))
	for i := 0; index() != target; i++ {
		require.Less(b.t, i, 200, "the arrow keys do not reach %q in %s", value, sel)
		key := kb.ArrowDown
		if index() > target {
			key = kb.ArrowUp
		}
		time.Sleep(p.before(i))
		b.do(chromedp.KeyEvent(key))
		require.Equal(b.t, sel, "#"+eval[string](b, `document.activeElement.id`), "choosing %q in %s, the focus left the select", value, sel)
	}
	b.settled()
}

// TestImportASurveyWorkbook imports a survey's .xlsx in Gather and
// summarise, whose question "Communication about metrics" names two areas:
// the preview adds nothing until the facilitator gives the column its area
// with the arrow keys (passing the roles other columns have on the way),
// then the summary shows.
func TestImportASurveyWorkbook(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	file := workbookOf(t, "district-wording-two-areas.csv", t.TempDir(), "readiness-survey.xlsx")
	b.click(`#pk-nav-facilitate`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-csv`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-exp-problems`)))
	assert.Equal(t, "pk-exp-h", eval[string](b, `document.activeElement.id`), "the preview takes the focus")
	assert.Contains(t, b.text(`#pk-exp`), `Read as an Excel workbook, sheet "Responses"`)
	assert.Contains(t, b.text(`#pk-exp-problems`), `No column holds the ratings of "Ongoing communication and collaboration"`)
	assert.Contains(t, b.text(`#pk-exp-rows`), "Zoë Müller")
	assert.False(t, eval[bool](b, `!!document.querySelector("#pk-exp-add")`), "nothing can be added yet")
	assert.False(t, eval[bool](b, `!!document.querySelector("#pk-summary")`), "nothing was added")
	b.audit(axeSource(t), "the preview of a survey export")

	p := newPauses(t)
	b.pick(`#pk-exp-role-8`, "rating:communication", p)
	b.tab()
	assert.Equal(t, "pk-exp-role-9", eval[string](b, `document.activeElement.id`), "Tab goes on to the next column's role")
	b.pick(`#pk-exp-role-9`, "concern:communication", p)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-exp-add`)))
	assert.False(t, eval[bool](b, `!!document.querySelector("#pk-exp-problems")`))
	assert.Contains(t, b.text(`#pk-exp-adds`), "2.7 (3 ratings)", "the district's communication, as it would be added")
	assert.Equal(t, "Add 6 responses to a new round", b.text(`#pk-exp-add`))
	b.click(`#pk-exp-add`)
	require.Equal(t, []string{
		"Alignment of strategic priority and objectives=3.7",
		"Appropriate and sufficient resources=2.5",
		"Clear metrics established=1.7",
		"Ongoing communication and collaboration=2.7",
		"Alignment of strategic priority and objectives=2.7",
		"Appropriate and sufficient resources=3.3",
		"Clear metrics established=2.3",
		"Ongoing communication and collaboration=3.3",
	}, b.means(), "the district's averages, then the partner's")
	assert.Contains(t, b.text(`#pk-notices`), "Added 6 responses")
	assert.Contains(t, b.text(`#pk-summary`), "Monthly meetings are not on the calendar yet.")
	assert.False(t, eval[bool](b, `!!document.querySelector("#pk-exp")`), "the preview is closed")
	b.assertOffline(u)
}

// TestImportInitiatives downloads the inventory template in the
// partnership, imports it, checks the preview and adds the initiatives.
func TestImportInitiatives(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.openExample(u)
	b.click(`#pk-nav-partnership`)
	before := eval[int](b, `document.querySelectorAll("#pk-part-initiatives tbody tr").length`)
	b.click(`#pk-inv-template-xlsx`)
	file := b.waitFile(dl, "initiatives-template*.xlsx")
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-inv-file`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-inv-adds`)))
	assert.Contains(t, b.text(`#pk-inv-adds`), "Coaching cycles (example)")
	assert.Equal(t, before, eval[int](b, `document.querySelectorAll("#pk-part-initiatives tbody tr").length`), "nothing added yet")
	b.audit(axeSource(t), "the preview of an initiative inventory")
	b.click(`#pk-inv-add`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-inv-undo`)))
	assert.Contains(t, b.text(`#pk-part-initiatives`), "Coaching cycles (example)")
	assert.Contains(t, b.text(`#pk-notices`), "Added 2 initiatives")
	b.assertOffline(u)
}

// TestImportFigures imports a workbook of figures on the Over time tab
// whose "Count" column is read as a note until the facilitator gives it
// the figure with the arrow keys; then the figures are added and show with
// their measure.
func TestImportFigures(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.openExample(u)
	b.click(`#pk-nav-progress`)
	rows := [][]sheet.Cell{
		{sheet.TextCell("Measure"), sheet.TextCell("Date"), sheet.TextCell("Count (see notes)"), sheet.TextCell("Source")},
		{sheet.TextCell("Roosevelt seniors with a portfolio project chosen"), sheet.DateCell("2017-10-20"), sheet.NumberCell(31), sheet.TextCell("Advisory lists")},
		{sheet.TextCell("Roosevelt seniors with a portfolio project chosen"), sheet.DateCell("2018-01-26"), sheet.NumberCell(44), sheet.TextCell("Advisory lists")},
	}
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteWorkbook(&buf, "Figures", rows))
	file := filepath.Join(t.TempDir(), "portfolio figures.xlsx")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
	before := eval[int](b, `document.querySelectorAll("#pk-progress [data-path$='.value']").length`)

	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-fig-file`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-fig-problems`)))
	assert.Equal(t, "pk-fig-h", eval[string](b, `document.activeElement.id`), "the preview takes the focus")
	assert.Contains(t, b.text(`#pk-fig-problems`), "No column gives the figures themselves")
	assert.Contains(t, b.text(`#pk-fig-rows`), "Advisory lists")
	assert.False(t, eval[bool](b, `!!document.querySelector("#pk-fig-add")`), "nothing can be added yet")
	b.audit(axeSource(t), "the preview of a spreadsheet of figures")

	p := newPauses(t)
	b.pick(`#pk-fig-field-2`, "value", p)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-fig-add`)))
	assert.Contains(t, b.text(`#pk-fig-adds`), "Jan 26, 2018")
	assert.Equal(t, "Add 2 figures", b.text(`#pk-fig-add`))
	b.click(`#pk-fig-add`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-fig-undo`)))
	assert.Contains(t, b.text(`#pk-notices`), "Added 2 figures")
	assert.Equal(t, before+2, eval[int](b, `document.querySelectorAll("#pk-progress [data-path$='.value']").length`), "the two figures are there to edit")
	assert.Equal(t, "31,44", b.saved(`ws.observations.filter(o => o.measure === "roosevelt-portfolios").map(o => o.value).join(",")`, "31,44"))
	assert.False(t, eval[bool](b, `!!document.querySelector("#pk-fig-h")`), "the preview is closed")
	b.assertOffline(u)
}
