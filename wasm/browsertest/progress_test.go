//go:build !js

package browsertest

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestThreeFiguresMakeAChartAndAFinding is a district leader following one
// measure: typed into the contract form key by key, with where it stood at
// the start and its January target as figures; then three figures added in
// Over time the way people do (the button, the figure typed key by key with
// pauses, Tab on), and the chart and the drop appear beside the measure. The
// data pre-read prints with no control on it, and downloads.
func TestThreeFiguresMakeAChartAndAFinding(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	p := newPauses(t)
	b.open(u)
	b.click(`#pk-nav-contract`)
	b.click(`#pk-contract-start`)
	b.click(`#pk-contract-add-measure`)
	m := "contract.appendix.measures[0]"
	b.human(at(m+".name"), "Teachers at the PD days", false, p)
	b.tab()
	b.human(at(m+".unit"), "teachers", false, p)
	b.tab()
	b.choose(at(m+".direction"), "increase")
	b.human(at(m+".baseline.value"), "52", false, p)
	b.tab()
	b.fill(at(m+".baseline.date"), "2017-07-13") // date fields take no key presses in headless Chromium
	b.human(at(m+".interim.value"), "40", false, p)
	b.tab()
	b.fill(at(m+".interim.due"), "2018-01-31")
	b.settled()
	assert.Equal(t, "52", b.saved(`ws.contract.appendix.measures[0].baseline.value`, "52"))

	b.click(`#pk-nav-progress`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`[id^="pk-progress-add-"]`)))
	add := "#" + eval[string](b, `document.querySelector('[id^="pk-progress-add-"]').id`)
	id := strings.TrimPrefix(add, "#pk-progress-add-")
	require.NotEmpty(t, id)
	for i, fig := range []struct{ date, value, source string }{
		{"2017-07-13", "52", "Sign-in sheets"},
		{"2017-10-03", "25", "Sign-in sheets"},
		{"2018-02-06", "16", `Sign-in sheets <img src=x onerror="window.__pwned=1">`},
	} {
		b.click(add)
		at0 := "observations[" + strconv.Itoa(i) + "]"
		b.do(chromedp.WaitVisible(chromedp.CSS(at(at0 + ".value"))))
		require.Equal(t, strings.TrimPrefix(at(at0+".value"), "#"), eval[string](b, `document.activeElement.id`), "the new figure's value is focused")
		b.human(at(at0+".value"), fig.value, false, p)
		b.tab()
		b.human(at(at0+".source"), fig.source, false, p)
		b.tab()
		b.fill(at(at0+".date"), fig.date)
	}
	b.settled()
	assert.Equal(t, "52,25,16", b.saved(`ws.observations.map(o => o.value).join(",")`, "52,25,16"))
	assert.Equal(t, "2017-07-13,2017-10-03,2018-02-06", b.saved(`ws.observations.map(o => o.date).join(",")`, "2017-07-13,2017-10-03,2018-02-06"))

	card := `#pk-measure-` + id
	text := b.text(card)
	assert.Contains(t, text, "16 teachers on February 6, 2018")
	assert.Contains(t, text, "from 25 teachers on October 3, 2017 to 16 teachers on February 6, 2018 (down 36%)", "the drop is found")
	assert.Contains(t, text, `Sign-in sheets <img src=x onerror="window.__pwned=1">`, "typed text shows as text")
	src := eval[string](b, `document.querySelector("`+card+` img.pk-chart").getAttribute("src")`)
	assert.True(t, strings.HasPrefix(src, "data:image/svg+xml;base64,"), "the chart")
	assert.True(t, eval[bool](b, `(() => { const i = document.querySelector("`+card+` img.pk-chart"); return i.complete && i.naturalWidth > 0 })()`), "the chart is drawn")
	assert.Contains(t, eval[string](b, `document.querySelector("`+card+` img.pk-chart").alt`), "16 teachers")
	b.audit(axeSource(t), "a measure with three figures")

	// Print: the dialog opens on the data pre-read, with no control on it.
	eval[bool](b, `window.__printed = 0; window.print = () => { window.__printed = document.querySelector("#pk-print-doc figure img") ? 1 : -1 }; true`)
	b.click(`#pk-progress-print`)
	b.do(chromedp.Poll[chromedp.Void](`window.__printed !== 0`))
	assert.Equal(t, 1, eval[int](b, `window.__printed`), "the pre-read and its chart are drawn when the dialog opens")
	v := b.inPrint()
	assert.Empty(t, v.Controls, "no control prints")
	assert.Equal(t, 1, v.PrintDocs, "the data pre-read prints")
	assert.Contains(t, v.Headings, "h2 Quarter by quarter", "the quarters print")
	assert.Contains(t, v.Text, "16 teachers", "the figures print")
	assert.Contains(t, v.Text, `Sign-in sheets <img src=x onerror="window.__pwned=1">`, "typed text prints as text")
	assert.NotContains(t, v.Text, "observations[")
	assert.NotContains(t, v.Text, id)
	assert.LessOrEqual(t, v.Widest, float64(letterWidth), "the chart fits the width of the page")

	b.click(`#pk-progress-html`)
	html, err := os.ReadFile(b.waitFile(dl, "partnership-over-time-*.html"))
	require.NoError(t, err)
	assert.Contains(t, string(html), "Teachers at the PD days")
	assert.NotContains(t, string(html), `<img src=x`)
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	b.assertOffline(u)
}
