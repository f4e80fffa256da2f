//go:build !js

package browsertest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTab opens another tab of the same browser (the same profile, the same
// storage), closed when the test ends.
func (b *browser) newTab() *browser {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	b.t.Cleanup(cancel)
	other := &browser{t: b.t, ctx: ctx}
	require.NoError(b.t, chromedp.Do(ctx))
	return other
}

// TestTwoTabsNeverOverwriteEachOther opens the same workspace in two tabs,
// and in a third a copy of the page saved in another folder (Chromium gives
// every file:// page one storage), and types in each, in a different part:
// each tab that learns of another's save stops saving and says so, merges
// its own changes into the newer version, and nothing typed is lost.
func TestTwoTabsNeverOverwriteEachOther(t *testing.T) {
	one := newBrowserFor(t, 4*time.Minute)
	u := fileURL(built.page)
	one.openExample(u)
	copied := filepath.Join(t.TempDir(), "another folder", "partnerkit.html")
	require.NoError(t, os.MkdirAll(filepath.Dir(copied), 0o755))
	data, err := os.ReadFile(built.page)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(copied, data, 0o644))
	two, three := one.newTab(), one.newTab()
	two.open(u)
	three.open(fileURL(copied))
	for _, b := range []*browser{one, two, three} {
		b.click(`#pk-nav-partnership`)
	}
	p := newPauses(t)
	one.human(at("partnership.name"), "Named in tab one", true, p)
	assert.Equal(t, "Named in tab one", one.saved(`ws.partnership.name`, "Named in tab one"))

	// The storage event reaches tab two, which says so; what it types is
	// not saved over tab one's, and merges into it.
	two.do(chromedp.WaitVisible(chromedp.CSS(`#pk-stale`)))
	assert.Contains(t, two.text(`#pk-stale`), "changed in another tab")
	two.human(at("partnership.district.name"), "District typed in tab two", true, p)
	two.settled()
	assert.Contains(t, two.text(`#pk-status`), "Not saved")
	assert.Equal(t, "Named in tab one", two.saved(`ws.partnership.name`, "Named in tab one"))
	two.click(`#pk-stale-merge`)
	two.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-stale`)))
	assert.Equal(t, "Named in tab one", two.value(at("partnership.name")))
	assert.Equal(t, "District typed in tab two", two.saved(`ws.partnership.district.name`, "District typed in tab two"))

	// The copy in the other folder learns of both, and merges as well.
	three.do(chromedp.WaitVisible(chromedp.CSS(`#pk-stale`)))
	three.human(at("partnership.partners[0].name"), "Partner typed in the copy", true, p)
	three.settled()
	three.click(`#pk-stale-merge`)
	three.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-stale`)))
	assert.Equal(t, "Partner typed in the copy", three.saved(`ws.partnership.partners[0].name`, "Partner typed in the copy"))
	assert.Equal(t, "Named in tab one", three.saved(`ws.partnership.name`, "Named in tab one"))
	assert.Equal(t, "District typed in tab two", three.saved(`ws.partnership.district.name`, "District typed in tab two"))

	// Tab one, with nothing unsaved, opens the newest version.
	one.do(chromedp.WaitVisible(chromedp.CSS(`#pk-stale`)))
	one.click(`#pk-stale-reload`)
	one.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-stale`)))
	assert.Equal(t, "Partner typed in the copy", one.value(at("partnership.partners[0].name")))
	assert.Equal(t, "District typed in tab two", one.value(at("partnership.district.name")))
	for _, b := range []*browser{one, two, three} {
		b.assertOffline(u, fileURL(copied))
	}
}
