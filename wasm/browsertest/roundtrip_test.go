//go:build !js

package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEverythingComesBackByteForByte imports a workspace that holds every
// tool's data, adds a rating typed in the page, exports it, deletes all data,
// imports the export and exports again: the two files are the same, byte for
// byte, and the page shows what it showed before.
func TestEverythingComesBackByteForByte(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	full, err := filepath.Abs("../../testdata/full.json")
	require.NoError(t, err)

	b.open(u)
	b.click(`#pk-nav-data`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{full}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
	// Something typed in the page, beside what was imported.
	code := b.rate(rater{"Zoë <b>Ortiz</b>", []int{4, 3, 2, 3}, "Summer & the PD \"clash\""})
	b.click(`#pk-nav-facilitate`)
	b.paste(`#pk-paste`, code)
	b.click(`#pk-add-codes`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	counts := b.text(`#pk-review-counts`)

	b.click(`#pk-nav-data`)
	b.click(`#pk-export`)
	first := b.waitFile(dl, "partnerkit-*.json")
	exported, err := os.ReadFile(first)
	require.NoError(t, err)
	assert.Contains(t, string(exported), `"rater": "Zoë <b>Ortiz</b>"`)
	assert.Contains(t, string(exported), `"alignment": "Summer & the PD \"clash\""`)
	// What is saved on this device (a moment later: saving waits for a pause) is the export.
	want, err := json.Marshal(string(exported))
	require.NoError(t, err)
	b.do(chromedp.Poll[chromedp.Void](currentJS+` === `+string(want), chromedp.WithPollingTimeout(10*time.Second)))

	b.click(`#pk-delete`)
	b.click(`#pk-delete-confirm`)
	b.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-delete-confirm`)))
	b.open(u)
	assert.Empty(t, eval[[]string](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit."))`))
	assert.Equal(t, "page", eval[string](b, `document.getElementById("pk-nav-start").getAttribute("aria-current")`),
		"with nothing on the device, the page starts afresh")

	// The download lands in the same directory: move the first one away.
	again := filepath.Join(t.TempDir(), "exported.json")
	require.NoError(t, os.Rename(first, again))
	b.click(`#pk-nav-data`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{again}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
	b.click(`#pk-export`)
	second, err := os.ReadFile(b.waitFile(dl, "partnerkit-*.json"))
	require.NoError(t, err)
	assert.Equal(t, string(exported), string(second), "export, delete, import, export gives the same file")

	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	assert.Equal(t, counts, b.text(`#pk-review-counts`))
	b.assertOffline(u)
}
