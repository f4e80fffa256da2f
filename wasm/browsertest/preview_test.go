//go:build !js

package browsertest

import (
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// holdTheApp keeps the app from running until the test calls
// window.__pkRelease(): the page shows what comes with the file, and the
// person uses it, as on a slow device.
const holdTheApp = `(() => {
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  let release;
  const gate = new Promise(r => { release = r; });
  window.__pkRelease = release;
  WebAssembly.instantiate = (...args) => gate.then(() => instantiate(...args));
})()`

// exampleAtOnceJS, run by a WebDriver as soon as the page has loaded,
// clicks "Open the example district" and says whether the app was running
// (ready) and whether the example shows (shown).
const exampleAtOnceJS = `const ready = document.documentElement.getAttribute("data-pk-ready") === "true";
document.getElementById("pk-start-example").click();
return {ready, shown: !!document.getElementById("pk-review-checking") || !!document.getElementById("pk-review-counts")}`

// exampleAtOnce checks what exampleAtOnceJS saw in the browser named: the
// example shows at once, before the app runs.
func exampleAtOnce(t *testing.T, browser string, seen map[string]bool) {
	t.Helper()
	t.Logf("%s: the example asked for before the app ran: %v", browser, !seen["ready"])
	assert.True(t, seen["shown"] || seen["ready"], "%s: the example shows at once before the app runs", browser)
}

// TestTheExampleShowsBeforeTheAppRuns clicks "Open the example district"
// before the app runs, as an eager person on a slow device would: the
// example shows at once from the page itself, keyboard and clicks on it
// are not lost, and once the app runs it is the app's example, saved on the
// device, with the focus where the person left it. A device that keeps
// the example already waits for the app, which opens its own copy.
func TestTheExampleShowsBeforeTheAppRuns(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdTheApp})
	require.NoError(t, err)
	u := fileURL(built.page)
	ready := func() bool { return eval[bool](b, `document.documentElement.getAttribute("data-pk-ready") === "true"`) }
	waitReady := func() {
		b.do(chromedp.WaitReady(chromedp.CSS(`html[data-pk-ready="true"]`)))
	}

	// Shown at once, then the app's.
	{
		b.do(chromedp.Navigate(u), chromedp.Click(chromedp.CSS(`#pk-start-example`), chromedp.NodeVisible))
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-checking`)))
		require.False(t, ready(), "shown before the app runs")
		assert.Contains(t, b.text(`#pk-notices`), "Opened the example: Aligned Partners Project")
		assert.Equal(t, "pk-main", eval[string](b, `document.activeElement.id`), "the focus where the app puts it")
		assert.True(t, eval[bool](b, `!!document.getElementById("pk-map")`), "with its map")
		// What the app draws over it is the same: its sections, its notices,
		// its map.
		same := `[document.querySelector("nav.pk-nav").outerHTML, document.getElementById("pk-notices").outerHTML,
document.getElementById("pk-map").getAttribute("src"), document.querySelector("#pk-main h2").textContent]`
		before := eval[[]string](b, same)
		// The person tabs on to the Review tab's first button.
		for i := 0; i < 3 && eval[string](b, `document.activeElement.getAttribute("data-on-click") || ""`) == ""; i++ {
			b.tab()
		}
		focused := eval[string](b, `document.activeElement.getAttribute("data-on-click") + " " + (document.activeElement.getAttribute("data-arg") || "")`)
		require.NotEqual(t, "null ", focused, "tabbing reaches a control of the example")
		eval[bool](b, `window.__pkRelease(), true`)
		waitReady()
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
		assert.Equal(t, focused, eval[string](b, `document.activeElement.getAttribute("data-on-click") + " " + (document.activeElement.getAttribute("data-arg") || "")`),
			"the focus stays on the control the person tabbed to")
		assert.Zero(t, eval[int](b, `document.querySelectorAll("#pk-review-checking").length`), "the findings replace the line that says it is checking")
		assert.Equal(t, before, eval[[]string](b, same), "the app draws what the page showed")
		assert.Contains(t, b.text(`#pk-notices`), "Opened the example: Aligned Partners Project", "the app's own notice, the same")
		assert.Equal(t, 1, eval[int](b, `document.querySelectorAll("#pk-main").length`))
		b.do(chromedp.Poll[chromedp.Void](`Object.keys(localStorage).some(k => (localStorage.getItem(k) || "").includes("Aligned Partners Project"))`))
	}

	// A click on it is done once the app runs.
	{
		eval[bool](b, `localStorage.clear(), true`)
		b.do(chromedp.Navigate(u), chromedp.Click(chromedp.CSS(`#pk-start-example`), chromedp.NodeVisible))
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-checking`)))
		b.do(chromedp.Click(chromedp.CSS(`#pk-nav-partnership`), chromedp.NodeVisible))
		require.False(t, ready())
		assert.Equal(t, "true", eval[string](b, `document.getElementById("pk-nav-partnership").getAttribute("aria-busy")`), "the control says it is getting ready")
		assert.Contains(t, b.text(`#pk-review-checking`), "Getting ready", "said where the frame says it is checking")
		eval[bool](b, `window.__pkRelease(), true`)
		waitReady()
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-nav-partnership[aria-current="page"]`)))
		assert.Contains(t, b.text(`#pk-main`), "Hams Gulch", "the example's partnership")
		b.do(chromedp.Poll[chromedp.Void](`!!localStorage.getItem(document.getElementById("app").getAttribute("data-pk-index"))`))
	}

	// A device that keeps the example opens its own.
	{
		// The example is kept (above), but not open: Start lists it.
		eval[bool](b, `(() => { const k = document.getElementById("app").getAttribute("data-pk-index"), ix = JSON.parse(localStorage.getItem(k));
ix.current = ""; localStorage.setItem(k, JSON.stringify(ix)); return true })()`)
		b.do(chromedp.Navigate(u), chromedp.Click(chromedp.CSS(`#pk-start-example`), chromedp.NodeVisible))
		assert.Zero(t, eval[int](b, `document.querySelectorAll("#pk-review-checking").length`), "nothing shown that the device may not keep")
		assert.Equal(t, "true", eval[string](b, `document.getElementById("pk-start-example").getAttribute("aria-busy")`))
		eval[bool](b, `window.__pkRelease(), true`)
		waitReady()
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-nav-review[aria-current="page"]`)))
		assert.NotContains(t, b.text(`#pk-notices`), "as a workspace of its own", "its own copy, not a new one")
	}
	b.assertOffline(u)
}

// TestTheExampleFrameKeepsPlaceAndIntent uses the example's frame before the
// app runs the ways a person does, and checks that the app taking over
// changes none of it: the page does not move, the focus stays where it was
// (or nowhere, if the person clicked on text), and a Dismiss clicked twice
// dismisses its notice only.
func TestTheExampleFrameKeepsPlaceAndIntent(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdTheApp})
	require.NoError(t, err)
	u := fileURL(built.page)
	type place struct {
		ScrollY, HeadingTop float64
		Focus               string
	}
	where := func() place {
		return eval[place](b, `({scrollY: window.scrollY, headingTop: document.getElementById("pk-review-h").getBoundingClientRect().top,
focus: document.activeElement.id || document.activeElement.className || document.activeElement.tagName})`)
	}
	// frame opens the page on a new device and clicks the example before
	// the app runs; takeOver lets the app run and waits until it has drawn
	// the example's findings and saved it.
	frame := func() {
		b.do(chromedp.Navigate(u), chromedp.Click(chromedp.CSS(`#pk-start-example`), chromedp.NodeVisible))
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-checking`)))
		require.False(t, eval[bool](b, `document.documentElement.hasAttribute("data-pk-ready")`))
	}
	takeOver := func() {
		eval[bool](b, `window.__pkRelease(), true`)
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
		b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-status").textContent.startsWith("Saved")`))
		eval[bool](b, `localStorage.clear(), true`) // a new device again for the next frame
	}

	// Scrolled down, the focus on the map's scrolling area (no id, no action).
	frame()
	assert.Zero(t, eval[int](b, `document.querySelectorAll("#pk-loader").length`), "no progress line above the frame to vanish")
	eval[bool](b, `document.querySelector(".pk-map-scroll").focus({preventScroll: true}), window.scrollTo(0, 160), true`)
	before := where()
	require.Equal(t, "pk-map-scroll", before.Focus)
	require.Positive(t, before.ScrollY)
	takeOver()
	after := where()
	assert.Equal(t, before.Focus, after.Focus, "the focus stays on the map's scrolling area")
	assert.Equal(t, before.ScrollY, after.ScrollY, "the page does not move")
	assert.InDelta(t, before.HeadingTop, after.HeadingTop, 1)

	// The focus moved nowhere (a click on text) stays nowhere.
	frame()
	eval[bool](b, `document.getElementById("pk-map-download").focus({preventScroll: true}), true`)
	b.click(`.pk-tagline`) // at the top of the page, in sight
	b.do(chromedp.Poll[chromedp.Void](`document.activeElement === document.body && window.scrollY === 0`))
	takeOver()
	assert.NotEqual(t, "pk-map-download", where().Focus, "a focus the person left is not brought back")
	assert.Zero(t, where().ScrollY, "nor does the page scroll to it")

	// Dismiss clicked twice on the first notice, which does not go away
	// before the app runs: it shows that it is getting ready.
	frame()
	first := `#pk-notices > :first-child button[data-on-click="notice.dismiss"]`
	b.click(first)
	assert.Equal(t, "true", eval[string](b, `document.querySelector('`+first+`').getAttribute("aria-busy")`))
	b.click(first)
	takeOver()
	b.do(chromedp.Poll[chromedp.Void](`document.querySelectorAll("#pk-notices .pk-notice").length < 2`))
	assert.Equal(t, []string{"ok"}, eval[[]string](b, `[...document.querySelectorAll("#pk-notices .pk-notice")].map(n => n.className.replace("pk-notice pk-notice-", ""))`),
		"only the notice clicked is dismissed")
	assert.Contains(t, b.text(`#pk-notices`), "Opened the example")
	b.assertOffline(u)
}
