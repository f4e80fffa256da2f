//go:build !js

package browsertest

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memoryBar is DESIGN.md's bar for the page's memory: what an iPad gives a tab.
const memoryBar = 150 << 20

// memory returns the app's WebAssembly memory and the page's JavaScript and
// DOM heaps in use, in bytes.
func (b *browser) memory() (wasm, js int64) {
	b.t.Helper()
	_, err := chromedp.Call(b.ctx, heapprofiler.CollectGarbage, cdp.Empty{})
	require.NoError(b.t, err)
	heap, err := chromedp.Call(b.ctx, runtime.GetHeapUsage, cdp.Empty{})
	require.NoError(b.t, err)
	return eval[int64](b, `window.pkMemory()`), int64(heap.UsedSize + heap.EmbedderHeapUsedSize)
}

// TestMemory measures the page's memory with the example district, and with
// 500 initiatives through the partnership editor, the review and its map,
// and holds it to 150 MB.
func TestMemory(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	w0, j0 := b.memory()
	b.click(`#pk-start-example`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	w1, j1 := b.memory()

	eval[bool](b, fmt.Sprintf(`localStorage.clear(), localStorage.setItem("partnerkit.workspace", %q), true`, bigWorkspace(t)))
	b.open(u)
	b.click(`#pk-nav-partnership`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-at-partnership-initiatives-10-edit`)))
	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	b.click(`#pk-map-show`)
	b.settled()
	w2, j2 := b.memory()
	mb := func(n int64) float64 { return float64(n) / (1 << 20) }
	t.Logf("memory (WebAssembly + JavaScript and DOM heaps, MiB): on Start %.1f + %.1f; the example %.1f + %.1f; 500 initiatives, editor, review and map %.1f + %.1f (bar %d)",
		mb(w0), mb(j0), mb(w1), mb(j1), mb(w2), mb(j2), memoryBar>>20)
	assert.LessOrEqual(t, w1+j1, int64(memoryBar), "the example")
	assert.LessOrEqual(t, w2+j2, int64(memoryBar), "500 initiatives")
}

// TestOutOfMemoryIsSaid gives the app's WebAssembly less memory than the
// example needs, as a phone can, and checks that the page says so in plain
// words instead of going blank.
func TestOutOfMemoryIsSaid(t *testing.T) {
	// 200 pages of 64 kB: 12.5 MiB, enough to start, not for the example.
	b := newBrowserFor(t, 60*time.Second, chromedp.Flag("js-flags", "--wasm-max-mem-pages=200"))
	b.open(fileURL(built.page))
	b.click(`#pk-start-example`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#app [role=alert]`)))
	msg := b.text(`#app [role=alert]`)
	assert.Contains(t, msg, "ran out of memory on this device")
	assert.Contains(t, msg, "reload this page")
	assert.Equal(t, 1, eval[int](b, `document.querySelectorAll("[role=alert]").length`), "one message")
	assert.Equal(t, "true", eval[string](b, `document.documentElement.getAttribute("data-pk-failed")`))
}
