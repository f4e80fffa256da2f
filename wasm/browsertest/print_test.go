//go:build !js

package browsertest

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// letterWidth is the width of US letter paper in CSS pixels (8.5 in).
const letterWidth = 816

// printView says what a page shows in print media: the visible form
// controls, the text and how wide the content is.
type printView struct {
	Controls  []string `json:"controls"`
	Text      string   `json:"text"`
	Widest    float64  `json:"widest"`
	Headings  []string `json:"headings"`
	Footer    string   `json:"footer"`
	PrintDocs int      `json:"printDocs"`
	Scroll    float64  `json:"scroll"`
}

const printViewJS = `(() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const controls = [...document.querySelectorAll("input, select, textarea, button")].filter(shown).map(el => el.outerHTML.slice(0, 80));
  let widest = 0;
  for (const el of document.querySelectorAll("body *")) {
    if (!shown(el)) continue;
    widest = Math.max(widest, el.getBoundingClientRect().right);
  }
  return {controls, text: document.body.innerText, widest, footer: getComputedStyle(document.documentElement).getPropertyValue("--pk-footer"),
    headings: [...document.querySelectorAll("#pk-print-doc h1, #pk-print-doc h2, #pk-print-doc h3")].filter(shown).map(h => h.tagName.toLowerCase() + " " + h.textContent),
    printDocs: [...document.querySelectorAll("#pk-print-doc")].filter(shown).length, scroll: document.documentElement.scrollWidth};
})()`

// beforePrint tells the page that the browser is about to print, as
// printing from the browser's menu or with Ctrl+P does; the page's handler
// returns once what prints is drawn.
func (b *browser) beforePrint() {
	b.t.Helper()
	eval[bool](b, `window.dispatchEvent(new Event("beforeprint")), true`)
}

// inPrint returns what the page shows in print media on letter-wide paper,
// as the browser is about to print it.
func (b *browser) inPrint() printView {
	b.t.Helper()
	b.beforePrint()
	_, err := chromedp.Call(b.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: letterWidth, Height: 1056, DeviceScaleFactor: 1})
	require.NoError(b.t, err)
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(b.t, err)
	v := eval[printView](b, printViewJS)
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	require.NoError(b.t, err)
	_, err = chromedp.Call(b.ctx, emulation.ClearDeviceMetricsOverride, cdp.Empty{})
	require.NoError(b.t, err)
	return v
}

// pdfPages prints the page to PDF on letter paper and counts its pages.
func (b *browser) pdfPages() int {
	b.t.Helper()
	res, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{})
	require.NoError(b.t, err)
	m := regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type\s*/Pages\b`).FindSubmatch(res.Data)
	require.NotNil(b.t, m, "the PDF has a page tree")
	n := 0
	for _, d := range bytes.TrimSpace(append(m[1], m[2]...)) {
		n = n*10 + int(d-'0')
	}
	return n
}

// internalText matches what must not print: JSON paths, ids, rule names.
var internalText = regexp.MustCompile(`\b(partnership|contract|meetings|readiness)(\.[a-z]|\[)|\[\d+\]|\b[a-z]+\.[a-z]+-[a-z-]+\b|pk-[a-z]`)

// raterLine matches a line that gives a rater's rating or concern by name,
// as "Morgan Reyes: 2" or `Jordan Lee: "We count…"`.
var raterLine = regexp.MustCompile(`(?m)^[A-Z][a-z]+ [A-Z][a-z]+: ([1-4]$|")`)

// TestEveryToolPrintsItsDocument goes through every tool of the example
// district, as a facilitator would before a meeting, and looks at each in
// print media: only its document, without a control, a hint to scroll, a
// path or an id, as wide as a letter page at most, with the partnership's
// name for the footer.
func TestEveryToolPrintsItsDocument(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.openExample(u)
	code := b.rate(rater{"Ana Ruiz", []int{4, 3, 2, 3}, "Summer clash"})
	b.click(`#pk-nav-facilitate`)
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, code)
	b.click(`button[data-on-click="fac.addcodes"]`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	// The example has its supplement: a reference with markup is typed into it.
	b.click(`#pk-nav-contract`)
	b.typeIn(at("contract.contractRef"), " / Contract No. 7 <script>window.__pwned = 1</script>")
	b.click(`#pk-nav-meetings`)
	b.click(`#pk-meet-create`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-meet-print`)))
	b.settled()

	for _, tool := range []struct{ nav, first string }{
		{"rate", "h1 Readiness for Partnership: rating form"},
		{"facilitate", "h1 Readiness for Partnership: summary of ratings"},
		{"contract", "h1 Contract Supplement"},
		{"meetings", "h1 Quarterly partnership review"},
		{"review", "h1 Meeting pre-read: "},
		{"partnership", "h1 Meeting pre-read: "},
		{"progress", "h1 The partnership over time"},
	} {
		t.Run(tool.nav, func(t *testing.T) {
			b.t = t
			b.click(`#pk-nav-` + tool.nav)
			b.settled()
			v := b.inPrint()
			t.Logf("%s prints %d headings, %d characters, %.0f px wide", tool.nav, len(v.Headings), len(v.Text), v.Widest)
			assert.Equal(t, 1, v.PrintDocs, "the document prints")
			assert.Empty(t, v.Controls, "no form control prints")
			assert.NotContains(t, strings.ToLower(v.Text), "scroll")
			assert.Empty(t, internalText.FindAllString(v.Text, -1), "no path or id prints")
			assert.LessOrEqual(t, v.Widest, float64(letterWidth), "it fits the width of the page")
			assert.LessOrEqual(t, v.Scroll, float64(letterWidth), "nothing runs off the side of the page")
			require.NotEmpty(t, v.Headings)
			assert.True(t, strings.HasPrefix(v.Headings[0], tool.first), v.Headings[0])
			assert.Contains(t, v.Footer, "Aligned Partners Project", "the partnership's name for the footer")
			if tool.nav == "review" {
				require.GreaterOrEqual(t, len(v.Headings), 2)
				assert.Equal(t, "h2 To talk about first", v.Headings[1], "the critical findings come first")
				assert.Contains(t, v.Text, `concern: "We count the units teachers submit each quarter`, "the example's concerns")
				assert.Empty(t, raterLine.FindAllString(v.Text, -1), "not who rated what, nor who wrote which concern")
				t.Logf("the example's pre-read prints on %d letter pages", b.pdfPages())
			}
			if tool.nav == "facilitate" {
				assert.Contains(t, v.Text, "Summer clash")
				assert.NotContains(t, v.Text, "Ana Ruiz", "no names unless chosen")
			}
			if tool.nav == "progress" {
				assert.Contains(t, v.Headings, "h2 Where each measure stands", "the data pre-read")
				assert.Contains(t, v.Headings, "h2 Quarter by quarter")
				charts := eval[[]float64](b, `[...document.querySelectorAll("#pk-print-doc figure img")].map(i => i.naturalWidth)`)
				assert.NotEmpty(t, charts, "the measures' charts print")
				t.Logf("the example's data pre-read prints on %d letter pages", b.pdfPages())
			}
			if tool.nav == "contract" {
				assert.Contains(t, v.Text, "Contract No. 7 <script>")
				pages := b.pdfPages()
				t.Logf("the draft supplement prints on %d letter pages", pages)
				assert.GreaterOrEqual(t, pages, 3, "the agreement, the appendix and the signatures each start a page")
			}
		})
	}
	b.t = t
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))

	// The names, when chosen, print too.
	b.click(`#pk-nav-facilitate`)
	b.click(`#pk-names`)
	b.settled()
	assert.Contains(t, b.inPrint().Text, "Ana Ruiz")
	b.assertOffline(u)
}

// TestPrintABlankRubric prints the blank rating form from the rate view, as
// a facilitator preparing a paper session would.
func TestPrintABlankRubric(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-rate`)
	eval[bool](b, `window.__printed = 0; window.print = () => { window.__printed = document.querySelectorAll("#pk-print-doc p.write").length }; true`)
	b.click(`button[data-on-click="print"][data-arg="blank.rubric"]`)
	b.do(chromedp.Poll[chromedp.Void](`window.__printed !== 0`))
	assert.Equal(t, 3+4*4, eval[int](b, `window.__printed`), "name, team, date and four lines of concerns per area are on the page when the dialog opens")
	v := b.inPrint()
	assert.Empty(t, v.Controls)
	assert.Equal(t, "h1 Readiness for Partnership: rating form", v.Headings[0])
	assert.Contains(t, v.Text, "Rating (circle one)")
}
