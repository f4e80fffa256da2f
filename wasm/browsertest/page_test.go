//go:build !js

package browsertest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpensFromFileWithoutRequests(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	assert.Contains(t, b.text("h1"), "partnerkit")
	csp := eval[string](b, `document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`)
	assert.Contains(t, csp, "connect-src 'none'")
	assert.Contains(t, csp, "default-src 'none'")
	assert.NotContains(t, csp, "unsafe-inline")
	b.assertOffline(u)
}

// TestInjectedScriptsDoNotRun checks the second line of defence: even a
// script that got into the document would not run, as the policy names the
// page's own scripts by hash.
func TestInjectedScriptsDoNotRun(t *testing.T) {
	b := newBrowser(t)
	b.open(fileURL(built.page))
	eval[bool](b, `(() => { const s = document.createElement("script"); s.textContent = "window.__pwned = 1"; document.body.append(s);
const d = document.createElement("div"); d.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__pwned = 2">'; document.body.append(d); return true })()`)
	b.do(chromedp.Poll[chromedp.Void](`window.__pkViolations.length >= 2`))
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	violations := eval[[]string](b, `window.__pkViolations`)
	assert.Contains(t, strings.Join(violations, "\n"), "script-src")
}

func TestPageSize(t *testing.T) {
	needBrowser(t)
	st, err := os.Stat(built.page)
	require.NoError(t, err)
	t.Logf("page size: %d bytes (%.2f MB); the bar is 6 MB", st.Size(), float64(st.Size())/1e6)
	assert.LessOrEqual(t, st.Size(), int64(6_000_000), "the page must stay within 6 MB (DESIGN.md's quality bar)")
}

func TestCorruptSaveIsKeptAside(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	const corrupt = `{"schemaVersion": 1, "readiness": [{"id": "r1", "title": "Spring"` // cut short
	eval[bool](b, fmt.Sprintf(`localStorage.setItem("partnerkit.workspace", %q), true`, corrupt))
	b.open(u)
	notice := b.text(".pk-notice-problem")
	assert.Contains(t, notice, "could not be read")
	assert.Contains(t, notice, "kept aside")
	kept := eval[[]string](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit.backup.")).map(k => localStorage.getItem(k))`)
	require.Equal(t, []string{corrupt}, kept, "the unreadable save must be kept as it was")
	current := eval[string](b, `localStorage.getItem("partnerkit.workspace")`)
	assert.Equal(t, corrupt, current, "nothing is saved over it before the user changes something")
	// The backup is offered for download on the data tab.
	b.click(`#pk-nav-data`)
	assert.Contains(t, b.text(`#pk-main`), "Backups kept on this device")
	b.assertOffline(u)
}

func TestDeleteAllData(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	eval[bool](b, `localStorage.setItem("partnerkit.workspace", '{"schemaVersion": 1, "readiness": [{"id": "r1", "title": "Spring"}]}'), true`)
	b.open(u)
	b.click(`#pk-nav-data`)
	b.click(`#pk-delete`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-delete-confirm`)))
	stillThere := eval[bool](b, currentJS+` !== null`)
	require.True(t, stillThere, "nothing is deleted before confirming")
	focused := eval[string](b, `document.activeElement.id`)
	assert.Equal(t, "pk-delete-confirm", focused, "focus moves to the confirmation")
	b.click(`#pk-delete-confirm`)
	b.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-delete-confirm`)))
	keys := eval[[]string](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit."))`)
	assert.Empty(t, keys)
	assert.True(t, strings.Contains(b.text(`#pk-notices`), "deleted"))
}

// TestUnsentRatingsSurviveClosing reloads right after typing, before the
// debounced save: the page saves when it is hidden.
func TestUnsentRatingsSurviveClosing(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-rate`)
	b.click(`#pk-team-1`)
	b.typeIn(`#pk-rater`, "Ana")
	b.click(`#pk-level-2-2`)
	b.typeIn(`#pk-concern-2`, "Who reports the data?")
	b.open(u)
	assert.Equal(t, "Ana", eval[string](b, `document.getElementById("pk-rater").value`))
	assert.Equal(t, "Who reports the data?", eval[string](b, `document.getElementById("pk-concern-2").value`))
	assert.True(t, eval[bool](b, `document.getElementById("pk-level-2-2").checked`))
	assert.True(t, eval[bool](b, `document.getElementById("pk-team-1").checked`))
}

// TestStorageRefusalsAreShown makes the browser refuse to store (a full
// quota, then storage turned off) and checks the page says so.
func TestStorageRefusalsAreShown(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-rate`)
	eval[bool](b, `Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError") }, true`)
	b.typeIn(`#pk-rater`, "Ana")
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-status").textContent.includes("Not saved")`))
	status := b.text(`#pk-status`)
	assert.Contains(t, status, "storage for this page is full")
	warning := b.text(`#pk-save-problem`)
	assert.Contains(t, warning, "not saved")
	assert.Contains(t, warning, "Download a copy now")

	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `Object.defineProperty(window, "localStorage", {get() { throw new DOMException("Access is denied.", "SecurityError") }})`})
	require.NoError(t, err)
	b.open(u)
	status = b.text(`#pk-status`)
	assert.Contains(t, status, "Not saved")
	assert.Contains(t, status, "does not let partnerkit keep data")
	assert.Contains(t, b.text(`#pk-save-problem`), "Download a copy now")
}
