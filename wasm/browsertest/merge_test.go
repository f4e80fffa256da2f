//go:build !js

package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// download clicks the Your data tab's download button and returns the file
// the browser saved, in a directory of its own.
func (b *browser) download() string {
	b.t.Helper()
	dir := b.allowDownloads()
	b.click(`#pk-nav-data`)
	b.click(`#pk-export`)
	return b.waitFile(dir, "partnerkit-*.json")
}

// openFile opens a workspace file from the Your data tab, and waits until
// the page has handled it: the browser reads the file on its own time, so
// the page is first seen to handle one more event (the count of
// measures changes).
func (b *browser) openFile(file string) {
	b.t.Helper()
	b.click(`#pk-nav-data`)
	b.settled()
	n := eval[int](b, `performance.getEntriesByName("pk-update").length`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{file}))
	b.do(chromedp.Poll[chromedp.Void](fmt.Sprintf(`performance.getEntriesByName("pk-update").length !== %d`, n), chromedp.WithPollingTimeout(20*time.Second)))
	b.settled()
}

// retype replaces what a field of the partnership holds, key by key.
func (b *browser) retype(path, text string, p *pauses) {
	b.t.Helper()
	b.human(at(path), text, true, p)
	b.tab()
}

// TestTwoCopiesMergeBothWays follows a district and its partner, each with
// a copy of the workspace on their own computer (two browser profiles).
// Each edits a part of its own and both change the same partner's name;
// they swap files both ways, merge, and settle the conflict once: no edit is
// lost, and both end with the same workspace.
func TestTwoCopiesMergeBothWays(t *testing.T) {
	// Two profiles typing key by key take longer than the usual minute.
	district, partner := newBrowserFor(t, 4*time.Minute), newBrowserFor(t, 4*time.Minute)
	u := fileURL(built.page)
	p := newPauses(t)

	// The district sends its copy; the partner opens it.
	district.openExample(u)
	sent := district.download()
	partner.open(u)
	partner.openFile(sent)
	assert.Contains(t, partner.text(`#pk-notices`), "as a workspace of its own")

	// Each edits its copy.
	district.click(`#pk-nav-partnership`)
	district.retype("partnership.schools[0].name", "Hayes Middle School (grades 6–8)", p)
	district.retype("partnership.partners[0].name", "Teaching TAO, district's spelling", p)
	district.saved(`ws.partnership.partners[0].name`, "Teaching TAO, district's spelling")
	partner.click(`#pk-nav-partnership`)
	partner.retype("partnership.people[0].name", "Morgan Reyes-Hill", p)
	partner.retype("partnership.partners[0].name", "Teaching TAO Inc.", p)
	partner.saved(`ws.partnership.partners[0].name`, "Teaching TAO Inc.")

	// The partner sends its copy back; the district merges it.
	back := partner.download()
	district.openFile(back)
	district.do(chromedp.WaitVisible(chromedp.CSS(`#pk-merge`)))
	district.audit(axeSource(t), "the merge preview")
	summary := district.text(`#pk-merge-summary`)
	assert.Contains(t, summary, "Their copy changes")
	assert.Contains(t, summary, "Morgan Reyes-Hill", "it names what it changes")
	assert.NotContains(t, summary, "partnership.", "no paths in what people read")
	conflict := district.text(`#pk-conflict-0`)
	assert.Contains(t, conflict, "Teaching TAO, district's spelling")
	assert.Contains(t, conflict, "Teaching TAO Inc.")
	assert.Zero(t, eval[int](district, `document.querySelectorAll(".pk-conflict").length - 1`), "one conflict")
	// Nothing changes before the user confirms.
	assert.Equal(t, "Teaching TAO, district's spelling", district.saved(`ws.partnership.partners[0].name`, "Teaching TAO, district's spelling"))
	district.click(`#pk-conflict-0-theirs`)
	district.click(`#pk-merge-confirm`)
	district.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-merge`)))
	assert.Contains(t, district.text(`#pk-notices`), "as a backup")
	district.saved(`ws.partnership.partners[0].name`, "Teaching TAO Inc.")
	for expr, want := range map[string]string{
		`ws.partnership.partners[0].name`: "Teaching TAO Inc.",
		`ws.partnership.schools[0].name`:  "Hayes Middle School (grades 6–8)",
		`ws.partnership.people[0].name`:   "Morgan Reyes-Hill",
	} {
		assert.Equal(t, want, district.saved(expr, want), expr)
	}
	// The version before is kept, and listed with its date.
	district.click(`#pk-nav-data`)
	assert.Contains(t, district.text(`#pk-backups`), "The workspace before a colleague's copy was merged into it")
	district.audit(axeSource(t), "Your data with a backup")

	// The district sends the merge; the partner, who did nothing since,
	// takes it with no conflict to settle.
	merged := district.download()
	partner.openFile(merged)
	partner.do(chromedp.WaitVisible(chromedp.CSS(`#pk-merge`)))
	assert.Zero(t, eval[int](partner, `document.querySelectorAll(".pk-conflict").length`), "a conflict is shown once, to one side")
	partner.click(`#pk-merge-confirm`)
	partner.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-merge`)))
	file, err := os.ReadFile(merged)
	require.NoError(t, err)
	want, err := json.Marshal(string(file))
	require.NoError(t, err)
	_, err = chromedp.Run(partner.ctx, chromedp.Poll[chromedp.Void](currentJS+` === `+string(want), chromedp.WithPollingTimeout(10*time.Second)))
	assert.NoError(t, err, "both copies hold the same workspace")
	district.assertOffline(u)
	partner.assertOffline(u)
}

// TestTwoWorkspacesStayApart keeps two districts on one device: each keeps
// its own data through a reload, and the list on Start shows both.
func TestTwoWorkspacesStayApart(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	p := newPauses(t)
	b.openExample(u)
	b.click(`#pk-nav-start`)
	b.click(`#pk-start-new`)
	b.click(`#pk-part-start`)
	b.human(at("partnership.name"), "Lakeview and partners", false, p)
	b.tab()
	b.saved(`ws.partnership.name`, "Lakeview and partners")

	b.open(u)
	b.click(`#pk-nav-start`)
	list := b.text(`#pk-workspaces`)
	b.audit(axeSource(t), "the list of workspaces")
	assert.Contains(t, list, "Lakeview and partners (open now)", "the workspace open last opens again")
	assert.Contains(t, list, "Aligned Partners Project in Hams Gulch Unified")

	// Open the example from the list; Lakeview is left as it was.
	eval[bool](b, `[...document.querySelectorAll("#pk-workspaces button.pk-link")].find(e => e.textContent.includes("Hams Gulch")).click(), true`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	b.open(u)
	b.click(`#pk-nav-start`)
	list = b.text(`#pk-workspaces`)
	assert.Contains(t, list, "Hams Gulch Unified (a case from SCOPE, Beyond Alignment, 2020) (open now)")
	assert.Contains(t, list, "Lakeview and partners")
	n := eval[int](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit.ws.")).length`)
	assert.Equal(t, 2, n, "each workspace under its own key")
	lake := eval[string](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit.ws.")).map(k => localStorage.getItem(k)).find(v => v.includes("Lakeview")) || ""`)
	assert.NotContains(t, lake, "Hams Gulch", "the workspaces stay apart")
	b.assertOffline(u)
}

// TestDeletedWorkspaceIsRestoredFromYourData renames a workspace from the
// list on Start, deletes it, and brings it back from the backups listed in
// Your data: nothing is taken away without a way back, through a reload.
func TestDeletedWorkspaceIsRestoredFromYourData(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	p := newPauses(t)
	b.openExample(u)
	b.click(`#pk-nav-start`)
	b.click(`#pk-workspaces button[data-on-click="ws.rename"]`)
	b.retype("partnership.name", "Hams Gulch, year two", p)
	b.click(`#pk-ws-rename-done`)
	b.saved(`ws.partnership.name`, "Hams Gulch, year two")
	assert.Contains(t, b.text(`#pk-workspaces`), "Hams Gulch, year two (open now)")

	b.click(`#pk-workspaces button[data-on-click="ws.delete"]`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-ws-delete-confirm`)))
	assert.Equal(t, "pk-ws-delete-confirm", eval[string](b, `document.activeElement.id`), "the focus moves to the question")
	b.do(chromedp.KeyEvent(kb.Enter))
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-ws-none`)))
	assert.Zero(t, eval[int](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit.ws.")).length`))

	b.open(u)
	b.click(`#pk-nav-data`)
	backups := b.text(`#pk-backups`)
	assert.Contains(t, backups, "Hams Gulch, year two")
	assert.Contains(t, backups, "A workspace deleted from this device")
	b.audit(axeSource(t), "Your data with a deleted workspace to restore")
	b.click(`#pk-backups button[data-on-click="data.restore"]`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
	assert.Contains(t, b.text(`#pk-notices`), "Restored “Hams Gulch, year two”")

	b.open(u)
	b.click(`#pk-nav-start`)
	assert.Contains(t, b.text(`#pk-workspaces`), "Hams Gulch, year two (open now)", "restored, and kept through a reload")
	b.assertOffline(u)
}
