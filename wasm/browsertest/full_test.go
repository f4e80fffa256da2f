//go:build !js

package browsertest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
)

// fillStorage fills the page's storage to its quota with keys that are not
// partnerkit's, to the last character, and returns how many
// characters it added.
func (b *browser) fillStorage() int {
	b.t.Helper()
	return eval[int](b, `(() => {
  let n = 0, i = 0, chunk = 1 << 20;
  while (chunk >= 1) {
    try {
      localStorage.setItem("filler." + i, "x".repeat(chunk));
      i++; n += chunk;
    } catch (e) {
      chunk = chunk >> 1;
    }
  }
  return n;
})()`)
}

// TestAFullStorageLosesNothing keeps two workspaces, fills the storage to
// its quota, and types on: the page says nothing is saved, with "Download
// a copy now". Then it starts a new workspace, opens the example, opens a
// file of another workspace, and merges a colleague's copy of the open
// one: each is refused, says why, and offers the download, and the change
// typed stays on screen. What was saved before is all there; once there
// is room again the change is saved, and a reload shows it.
func TestAFullStorageLosesNothing(t *testing.T) {
	b := newBrowserFor(t, 4*time.Minute)
	u := fileURL(built.page)
	b.openExample(u)
	b.click(`#pk-nav-start`)
	b.click(`#pk-start-new`)
	b.click(`#pk-part-start`)
	p := newPauses(t)
	b.human(at("partnership.name"), "Riverside and partners", true, p)
	assert.Equal(t, "Riverside and partners", b.saved(`ws.partnership.name`, "Riverside and partners"))
	var ix struct {
		Current    string `json:"current"`
		Workspaces []struct {
			ID string `json:"id"`
		} `json:"workspaces"`
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](b, `localStorage.getItem("partnerkit.workspaces")`)), &ix))
	require.Len(t, ix.Workspaces, 2)
	before := eval[map[string]string](b, `Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith("partnerkit.ws.")).map(k => [k, localStorage.getItem(k)]))`)
	require.Len(t, before, 2)

	require.Greater(t, b.fillStorage(), 0)
	b.human(at("partnership.name"), ", renamed while full", false, p)
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-status").textContent.includes("Not saved")`))
	assert.Contains(t, b.text(`#pk-status`), "storage for this page is full")
	assert.Contains(t, b.text(`#pk-save-problem`), "Download a copy now")
	const typed = "Riverside and partners, renamed while full"

	// A colleague's copy of the open workspace, and a file of another one.
	dir := t.TempDir()
	writeFile := func(name string, ws *partnerkit.Workspace) string {
		t.Helper()
		var buf bytes.Buffer
		require.NoError(t, ws.Save(&buf))
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		return path
	}
	colleague, err := partnerkit.Decode(strings.NewReader(before["partnerkit.ws."+ix.Current]))
	require.NoError(t, err)
	colleague.Partnership.District.Name = "Riverside Unified, from a colleague"
	colleagueFile := writeFile("colleague.json", colleague)
	otherFile := writeFile("another.json", partnerkit.New())

	refused := func(what string) {
		t.Helper()
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-notices .pk-notice-problem`)))
		notice := b.text(`#pk-notices .pk-notice-problem`)
		assert.Contains(t, notice, "Nothing else was opened", what)
		assert.Contains(t, notice, "storage for this page is full", what)
		assert.Contains(t, notice, "Download a copy now", what)
		b.click(`#pk-nav-partnership`)
		assert.Equal(t, typed, b.value(at("partnership.name")), "%s: the change stays", what)
		b.click(`#pk-notices .pk-notice-problem button[data-on-click="notice.dismiss"]`)
		b.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-notices .pk-notice-problem`)))
	}
	b.click(`#pk-nav-start`)
	b.click(`#pk-start-new`)
	refused("start new")
	b.click(`#pk-nav-start`)
	b.click(`#pk-start-example`)
	refused("open the example")
	b.click(`#pk-nav-start`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-start-import`), []string{otherFile}))
	refused("open a file")
	b.click(`#pk-nav-data`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{colleagueFile}))
	b.click(`#pk-merge-confirm`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-notices .pk-notice-problem`)))
	notice := b.text(`#pk-notices .pk-notice-problem`)
	assert.Contains(t, notice, "Nothing was replaced")
	assert.Contains(t, notice, "storage for this page is full")
	assert.Contains(t, notice, "Download a copy now")
	b.click(`#pk-nav-partnership`)
	assert.Equal(t, typed, b.value(at("partnership.name")), "merge: the change stays")
	assert.NotEqual(t, "Riverside Unified, from a colleague", b.value(at("partnership.district.name")), "nothing was merged")

	after := eval[map[string]string](b, `Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith("partnerkit.ws.")).map(k => [k, localStorage.getItem(k)]))`)
	example := "partnerkit.ws." + casefileID(t)
	assert.Equal(t, before[example], after[example], "the other workspace is as it was")
	saved, err := partnerkit.Decode(strings.NewReader(after["partnerkit.ws."+ix.Current]))
	require.NoError(t, err, "the open workspace's last save that fitted is there")
	assert.True(t, strings.HasPrefix(saved.Partnership.Name, "Riverside and partners"), saved.Partnership.Name)

	// Room again: the change is saved, and is there after a reload.
	eval[bool](b, `Object.keys(localStorage).filter(k => k.startsWith("filler.")).forEach(k => localStorage.removeItem(k)), true`)
	b.human(at("partnership.name"), ".", false, p)
	assert.Equal(t, typed+".", b.saved(`ws.partnership.name`, typed+"."))
	b.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-save-problem`)))
	b.open(u)
	b.click(`#pk-nav-partnership`)
	assert.Equal(t, typed+".", b.value(at("partnership.name")))
	b.assertOffline(u)
}
