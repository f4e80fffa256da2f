//go:build !js

package browsertest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestACorruptSaveReloadedTenTimes reloads a page whose save cannot be read
// ten times: each time the page says so, the save is kept aside once and
// never saved over, and nothing else fills the storage.
func TestACorruptSaveReloadedTenTimes(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	const corrupt = `{"schemaVersion": 2, "partnership": {"name": "Half a file"`
	eval[bool](b, fmt.Sprintf(`localStorage.setItem("partnerkit.workspace", %q), true`, corrupt))
	for i := range 10 {
		b.open(u)
		notice := b.text(`.pk-notice-problem`)
		assert.Contains(t, notice, "could not be read", "reload %d", i+1)
		assert.Contains(t, notice, "kept aside", "reload %d", i+1)
		kept := eval[[]string](b, `Object.keys(localStorage).filter(k => k.startsWith("partnerkit.backup.")).map(k => localStorage.getItem(k))`)
		require.Equal(t, []string{corrupt}, kept, "reload %d: kept once, as it was", i+1)
		assert.Equal(t, corrupt, eval[string](b, `localStorage.getItem("partnerkit.workspace")`), "reload %d: not saved over", i+1)
	}
	b.assertOffline(u)
}
