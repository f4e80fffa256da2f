//go:build !js

package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allowDownloads saves the page's downloads in a new directory.
func (b *browser) allowDownloads() string {
	b.t.Helper()
	dir := b.t.TempDir()
	_, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	require.NoError(b.t, err)
	return dir
}

// waitFile waits for a file matching pattern in dir and returns its path.
func (b *browser) waitFile(dir, pattern string) string {
	b.t.Helper()
	for i := 0; i < 100; i++ {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(m) > 0 && !strings.HasSuffix(m[0], ".crdownload") {
			if st, err := os.Stat(m[0]); err == nil && st.Size() > 0 {
				return m[0]
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	b.t.Fatalf("no download matching %s", pattern)
	return ""
}

func TestExportDeleteImport(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.open(u)
	code := b.rate(rater{"Ana", []int{4, 3, 2, 3}, "Time"})
	b.click(`#pk-nav-facilitate`)
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, code)
	b.click(`#pk-add-codes`)
	want := b.means()

	b.click(`#pk-nav-data`)
	b.click(`#pk-export`)
	file := b.waitFile(dl, "partnerkit-*.json")
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"schemaVersion": 2`)

	b.click(`#pk-delete`)
	b.click(`#pk-delete-confirm`)
	b.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-delete-confirm`)))
	b.open(u)
	b.click(`#pk-nav-data`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
	b.click(`#pk-nav-facilitate`)
	assert.Equal(t, want, b.means())

	// The report downloads, with Ana's concern and without her name.
	b.click(`button[data-on-click="report.md"]`)
	md, err := os.ReadFile(b.waitFile(dl, "readiness-*.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "- Time")
	assert.NotContains(t, string(md), "Ana")
	b.assertOffline(u)
}

func TestDropResponseFiles(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.open(u)
	b.rate(rater{"Ana", []int{4, 3, 2, 3}, ""})
	b.rate(rater{"Ben", []int{2, 3, 2, 1}, ""})
	ana, err := os.ReadFile(b.waitFile(dl, "readiness-response-ana.json"))
	require.NoError(t, err)
	ben, err := os.ReadFile(b.waitFile(dl, "readiness-response-ben.json"))
	require.NoError(t, err)
	b.click(`#pk-nav-facilitate`)
	eval[bool](b, fmt.Sprintf(`(() => { const dt = new DataTransfer();
dt.items.add(new File([%q], "ana.json", {type: "application/json"}));
dt.items.add(new File([%q], "ben.json", {type: "application/json"}));
document.querySelector('[data-on-drop="fac.files"]').dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
return true })()`, ana, ben))
	assert.Equal(t, []string{
		"Alignment of strategic priority and objectives=3.0",
		"Appropriate and sufficient resources=3.0",
		"Clear metrics established=2.0",
		"Ongoing communication and collaboration=2.0",
	}, b.means())
	assert.Contains(t, b.text(`#pk-notices`), "Added 2 responses")
}
