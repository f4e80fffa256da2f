//go:build !js

package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rater is one rater of the end-to-end test.
type rater struct {
	name    string
	levels  []int // per category of the ODST rubric, in order
	concern string
}

// rate fills in the rater view as a rater would and returns the response code.
func (b *browser) rate(r rater) string {
	b.t.Helper()
	b.click(`#pk-nav-rate`)
	b.click(`#pk-team-0`)
	b.typeIn(`#pk-rater`, r.name)
	for i, lv := range r.levels {
		b.click(fmt.Sprintf(`#pk-level-%d-%d`, i, lv))
	}
	if r.concern != "" {
		b.typeIn(`#pk-concern-0`, r.concern)
	}
	b.click(`#pk-submit`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-code`)))
	code := eval[string](b, `document.getElementById("pk-code").value`)
	require.True(b.t, strings.HasPrefix(code, "pk1."), code)
	focused := eval[string](b, `document.activeElement.id`)
	assert.Equal(b.t, "pk-code", focused, "focus moves to the code")
	b.click(`button[data-on-click="rate.new"]`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-rater`)))
	return code
}

// paste puts text into a field as a paste would, in one input event.
func (b *browser) paste(sel, text string) {
	b.t.Helper()
	eval[bool](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.focus(); el.value = %q;
el.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste"})); return true })()`, sel, text))
}

// means returns "area=mean" for every row of the summary's first team.
func (b *browser) means() []string {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	return eval[[]string](b, `[...document.querySelectorAll("#pk-summary .pk-team-table tbody tr")].map(tr => tr.querySelector("th").textContent + "=" + tr.querySelector(".pk-mean").textContent)`)
}

func TestThreeRatersAndAFacilitator(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	raters := []rater{
		{"Ana Ortiz", []int{4, 3, 2, 3}, "The schedule clashes with summer school."},
		{"Ben Cole", []int{3, 3, 2, 4}, ""},
		{"Chi Nguyen", []int{2, 3, 3, 4}, "Who is the partner's point person?"},
	}
	var codes []string
	for _, r := range raters {
		codes = append(codes, b.rate(r))
	}
	b.click(`#pk-nav-facilitate`)
	b.typeIn(`#pk-round-title`, "Spring readiness")
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, strings.Join(codes, "\n\n"))
	b.click(`#pk-add-codes`)
	want := []string{
		"Alignment of strategic priority and objectives=3.0",
		"Appropriate and sufficient resources=3.0",
		"Clear metrics established=2.3",
		"Ongoing communication and collaboration=3.7",
	}
	require.Equal(t, want, b.means())
	summary := b.text(`#pk-summary`)
	assert.Contains(t, summary, "The schedule clashes with summer school.")
	assert.Contains(t, summary, "Who is the partner's point person?")
	assert.Contains(t, summary, "District leadership team (3 raters)")
	assert.Contains(t, summary, "no pass mark")
	b.do(chromedp.Poll[chromedp.Void](`[...document.querySelectorAll("img.pk-chart")].every(i => i.complete)`))
	assert.True(t, eval[bool](b, `[...document.querySelectorAll("img.pk-chart")].every(i => i.naturalWidth > 100 && i.alt.length > 20)`),
		"the chart shows, with a text alternative")
	assert.Contains(t, b.text(`#pk-notices`), "Added 3 responses")

	// The same codes again are not added twice.
	b.paste(`#pk-paste`, codes[0])
	b.click(`#pk-add-codes`)
	assert.Contains(t, b.text(`#pk-notices`), "already in this round")
	require.Equal(t, want, b.means())

	// The page says it saved, then a reload keeps everything.
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-status").textContent.includes("Saved on this device.")`))
	assert.Equal(t, "polite", eval[string](b, `document.getElementById("pk-status").getAttribute("aria-live")`))
	b.open(u)
	require.Equal(t, want, b.means())
	assert.Contains(t, b.text(`#pk-resp-h`), "Spring readiness")
	b.assertOffline(u)
}

// TestCopyTheCode copies the response code, or, where the browser does not
// allow it, selects it for copying by hand.
func TestCopyTheCode(t *testing.T) {
	b := newBrowser(t)
	b.open(fileURL(built.page))
	b.click(`#pk-nav-rate`)
	b.click(`#pk-team-0`)
	b.typeIn(`#pk-rater`, "Ana")
	for i := 0; i < 4; i++ {
		b.click(fmt.Sprintf(`#pk-level-%d-3`, i))
	}
	b.click(`#pk-submit`)
	b.click(`button[data-on-click="rate.copy"]`)
	b.do(chromedp.Poll[chromedp.Void](`/Copied|Ctrl\+C/.test(document.getElementById("pk-notices").textContent)`))
	notices := b.text(`#pk-notices`)
	if strings.Contains(notices, "Ctrl+C") {
		assert.Equal(t, "pk-code", eval[string](b, `document.activeElement.id`))
		assert.True(t, eval[bool](b, `(() => { const c = document.getElementById("pk-code"); return c.selectionStart === 0 && c.selectionEnd === c.value.length })()`))
	} else {
		assert.Contains(t, notices, "Copied.")
	}
	t.Logf("copy: %s", notices)
}
