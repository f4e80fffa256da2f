//go:build !js

package browsertest

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExampleReview opens the built-in example from the start screen and
// reads its review, as a district leader would before a meeting.
func TestExampleReview(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-start`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-start-example`)))
	assert.Contains(t, b.text(`#pk-main`), "Nothing leaves this device")
	b.audit(axe, "the start view")

	b.click(`#pk-start-example`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	// The review has the focus and shows from its top, not from halfway
	// down its findings.
	assert.Equal(t, "pk-main", eval[string](b, `document.activeElement.id`))
	assert.True(t, eval[bool](b, `(r => r.top >= 0 && r.bottom <= innerHeight)(document.getElementById("pk-review-h").getBoundingClientRect())`),
		"the review's heading is in sight, at %v px of the window's %v", eval[float64](b, `document.getElementById("pk-review-h").getBoundingClientRect().top`), eval[float64](b, `innerHeight`))
	assert.Equal(t, "true", eval[string](b, `document.getElementById("pk-nav-review").getAttribute("aria-current") === "page" ? "true" : "false"`))
	assert.Contains(t, b.text(`#pk-review-counts`), "critical")
	// The groups of findings out of sight are drawn only as they come into
	// it: their text is all on the page, for the browser's search and for
	// screen readers, but not yet laid out.
	review := eval[string](b, `document.getElementById("pk-review").textContent`)
	assert.Contains(t, review, "40 h demanded, 10 h available")
	assert.Contains(t, review, "Needs attention now")
	assert.Contains(t, review, "Where: Initiatives › Summer institute")
	loaded := eval[bool](b, `(() => { const m = document.getElementById("pk-map"); return m.complete && m.naturalWidth > 0 })()`)
	assert.True(t, loaded, "the map of initiatives is drawn")
	b.audit(axe, "the review of the example")

	// Printed, it is the pre-read: the findings, critical first, and the map,
	// without the page's controls or its own view of the review.
	b.beforePrint()
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	shown := `(sel => { const el = document.querySelector(sel); return el !== null && el.getClientRects().length > 0 })`
	for _, sel := range []string{"#pk-print-doc", "#pk-print-doc figure img"} {
		assert.True(t, eval[bool](b, shown+`(`+strconv.Quote(sel)+`)`), "%s is printed", sel)
	}
	printed := eval[string](b, `document.getElementById("pk-print-doc").innerText`)
	assert.Contains(t, printed, "To talk about first")
	assert.Contains(t, printed, "40 h demanded, 10 h available")
	for _, sel := range []string{"#pk-print", "#pk-review-counts", ".pk-finding", "#pk-map", ".pk-nav", "#pk-notices .pk-notice"} {
		assert.False(t, eval[bool](b, shown+`(`+strconv.Quote(sel)+`)`), "%s is not printed", sel)
	}
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	require.NoError(t, err)

	// Opened again, the example is the same workspace of its own, not another.
	b.click(`#pk-nav-start`)
	b.click(`#pk-start-example`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	b.click(`#pk-nav-start`)
	assert.Equal(t, 1, eval[int](b, `document.querySelectorAll("#pk-workspaces tbody tr").length`))
	b.audit(axe, "the start view with the example in the list")

	b.assertOffline(u)
}

// TestReviewTextIsNeverMarkup opens, from the start screen, a workspace
// whose names are markup: the review and the map show them as text.
func TestReviewTextIsNeverMarkup(t *testing.T) {
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	require.NoError(t, err)
	ws.Partnership.Name = payloads[1]
	ws.Partnership.Initiatives[0].Name = payloads[0]
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	file := filepath.Join(t.TempDir(), "evil.json")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))

	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-start`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-start-import`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	assert.Contains(t, eval[string](b, `document.getElementById("pk-review").textContent`), payloads[0])
	assert.Contains(t, eval[string](b, `document.getElementById("pk-map").alt`), payloads[1])

	assert.False(t, eval[bool](b, `window.__pwned !== undefined`), "a script from user text ran")
	b.mu.Lock()
	assert.Empty(t, b.dialogs, "a dialog opened")
	b.mu.Unlock()
	// The only images are the map, on the page and in the pre-read that prints.
	assert.Equal(t, []string{"pk-map", "print"}, eval[[]string](b, `[...document.querySelectorAll("#app img, #app script")].map(e => e.id || (e.closest("#pk-print-doc") ? "print" : e.tagName))`))
	assert.Contains(t, eval[string](b, `document.getElementById("pk-print-doc").textContent`), payloads[1], "the name prints as text")
	assert.Zero(t, eval[int](b, `[...document.querySelectorAll("#app *")].filter(el => [...el.attributes].some(a => a.name.startsWith("on"))).length`))
	b.assertOffline(u)
}
