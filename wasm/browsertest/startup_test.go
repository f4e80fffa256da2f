//go:build !js

package browsertest

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// measureStartup is run by the browser in every document before the page's
// own scripts. It starts from an empty storage (a new device), watches the
// document for the page's first button, clicks it as soon as it is drawn (as
// an eager user would), and notes the times in window.__pkTimes: content,
// the first frame after the button appeared (the browser paints then);
// usable, the first frame after what the click asks for is shown; checked,
// live, the first frame after the app itself drew it (on partnerkit's page
// the example's first frame comes with the page, and the app draws it over
// once it runs: from then on its controls work); checked, the first frame
// after all of it is. On the hello-world page the button is
// "hello", which says "clicked" once clicked; on partnerkit's it is "Open the
// example district", which shows the example's review: at once, with a line
// that says it is checking the workspace, and the findings in a frame that
// follows, where that line counts them.
const measureStartup = `(() => {
  try { localStorage.clear(); } catch (e) {}
  const hello = location.pathname.endsWith("/hello.html");
  const button = hello ? "#hello-button" : "#pk-start-example";
  const checked = hello ? () => document.getElementById("hello-button")?.textContent === "clicked"
                        : () => !!document.getElementById("pk-review-counts");
  const shown = hello ? checked : () => checked() || !!document.getElementById("pk-review-checking");
  const times = window.__pkTimes = {};
  function check() {
    if (times.seen === undefined) {
      const b = document.querySelector(button);
      if (!b) return;
      times.seen = performance.now();
      // The click comes in a task after the frame, as a person's would.
      requestAnimationFrame(() => { times.content = performance.now(); setTimeout(() => b.click(), 0); });
    }
    if (times.shown === undefined && shown()) {
      times.shown = performance.now();
      requestAnimationFrame(() => { times.usable = performance.now(); });
    }
    if (times.liveAt === undefined && (hello ? checked() : performance.getEntriesByName("pk-first-patched").length > 0 && shown())) {
      times.liveAt = performance.now();
      requestAnimationFrame(() => { times.live = performance.now(); });
    }
    if (times.checkedAt === undefined && checked()) {
      times.checkedAt = performance.now();
      requestAnimationFrame(() => { times.checked = performance.now(); });
      observer.disconnect();
    }
  }
  const observer = new MutationObserver(check);
  observer.observe(document, {childList: true, subtree: true, characterData: true});
})()`

// startupRun is one page's start-up, in milliseconds from navigation.
type startupRun struct {
	Content, Usable, Live, Checked float64
	Marks                          string
}

// TestStartupAgainstHelloWorld measures partnerkit's start-up against a
// hello-world Go page built the same way, in the same browser, alternating
// the two so that both see the same load on the machine: the time to first
// content (the first button drawn) and to usable (a click on that button
// shows what it asks for). It logs the medians and their ratios to the bars
// of DESIGN.md (content 1.2, usable 1.8) and asserts them: the first
// screen, and the example's first frame, come with the file, so they show
// about when hello-world's button does, on any machine, however large the
// app. It logs too when the app itself has drawn the example (live: its
// controls work from then on; a click before is held and done then). It asserts too what must hold anywhere: a click
// made as soon as the button shows is not lost, and the page's start-up
// goes through its phases in order.
func TestStartupAgainstHelloWorld(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: measureStartup})
	require.NoError(t, err)
	const runs = 7
	measure := func(path string) startupRun {
		done := chromedp.Poll[chromedp.Void](`window.__pkTimes && window.__pkTimes.checked !== undefined && window.__pkTimes.usable !== undefined && window.__pkTimes.live !== undefined && window.__pkTimes.content !== undefined`,
			chromedp.WithPollingTimeout(20*time.Second))
		b.do(chromedp.Navigate(fileURL(path)))
		if err := chromedp.Do(b.ctx, done); err != nil {
			// Seen once on a loaded machine, for the hello-world page: a load
			// whose click never came. It is logged, and measured again.
			t.Logf("%s: not done in 20 s (%v): times %s, marks %s", path, err, eval[string](b, `JSON.stringify(window.__pkTimes)`),
				eval[string](b, `performance.getEntriesByType("mark").map(m => m.name + "=" + m.startTime.toFixed(0)).join(" ")`))
			b.do(chromedp.Navigate(fileURL(path)), done)
		}
		r := eval[startupRun](b, `({content: window.__pkTimes.content, usable: window.__pkTimes.usable, live: window.__pkTimes.live, checked: window.__pkTimes.checked,
marks: performance.getEntriesByType("mark").map(m => m.name + "=" + m.startTime.toFixed(0)).join(" ")})`)
		require.Positive(t, r.Content, path)
		require.GreaterOrEqual(t, r.Usable, r.Content, "%s: usable before its content was drawn", path)
		require.GreaterOrEqual(t, r.Checked, r.Usable, "%s: checked before it was shown", path)
		return r
	}
	var hello, app []startupRun
	for i := 0; i < runs; i++ {
		// Each goes first in every other pair: the page loaded second may
		// pay for what the browser still does for the first.
		if i%2 == 0 {
			hello = append(hello, measure(built.hello))
			app = append(app, measure(built.page))
		} else {
			app = append(app, measure(built.page))
			hello = append(hello, measure(built.hello))
		}
	}
	median := func(rs []startupRun, f func(startupRun) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	content := func(r startupRun) float64 { return r.Content }
	usable := func(r startupRun) float64 { return r.Usable }
	hc, ac := median(hello, content), median(app, content)
	hu, au := median(hello, usable), median(app, usable)
	t.Logf("from file://, median of %d runs each, alternating:", runs)
	t.Logf("  first content: hello-world %.0f ms, partnerkit %.0f ms, ratio %.2f (bar 1.2)", hc, ac, ac/hc)
	t.Logf("  usable:        hello-world %.0f ms, partnerkit %.0f ms, ratio %.2f (bar 1.8)", hu, au, au/hu)
	live := func(r startupRun) float64 { return r.Live }
	t.Logf("  live:          hello-world %.0f ms, partnerkit %.0f ms, ratio %.2f (the app drew it: its controls work)", median(hello, live), median(app, live), median(app, live)/median(hello, live))
	checked := func(r startupRun) float64 { return r.Checked }
	t.Logf("  checked:       partnerkit %.0f ms, ratio to hello-world's usable %.2f (the example's findings drawn too)", median(app, checked), median(app, checked)/hu)
	t.Logf("  each run, content/usable: hello-world %s; partnerkit %s", each(hello), each(app))
	assert.LessOrEqual(t, ac/hc, 1.2, "first content within 1.2 times hello-world's (DESIGN.md)")
	// The example's first frame comes with the page: a click shows it
	// whatever the size of the app.
	assert.LessOrEqual(t, au/hu, 1.8, "usable within 1.8 times hello-world's (DESIGN.md)")
	// What the app costs once it runs: it opens the example and draws it
	// over the frame the page showed.
	click := func(r startupRun) float64 { return r.Live - marks(r.Marks)["pk-interactive"] }
	t.Logf("  from interactive to live (the app opens the example): hello-world %.0f ms, partnerkit %.0f ms", median(hello, click), median(app, click))
	t.Logf("  hello-world marks (last run): %s", hello[runs-1].Marks)
	t.Logf("  partnerkit marks (last run):  %s", app[runs-1].Marks)
	t.Logf("  partnerkit phases, median: %s", phases(app))

	// The start-up's phases, in the order they happen; the app is
	// decompressed and compiled beside the page, not on its thread.
	order := []string{"pk-decode-start", "pk-decode-end", "pk-instantiate-end", "pk-go-start", "pk-interactive"}
	for _, r := range app {
		at := marks(r.Marks)
		assert.Contains(t, at, "pk-compiled-beside", "compiled in a worker: %s", r.Marks)
		assert.NotContains(t, at, "pk-compiled-here", r.Marks)
		for i, name := range order {
			require.Contains(t, at, name, "mark %s missing: %s", name, r.Marks)
			if i > 0 {
				assert.LessOrEqual(t, at[order[i-1]], at[name], "%s after %s: %s", order[i-1], name, r.Marks)
			}
		}
	}
}

// each lists the runs' times.
func each(rs []startupRun) string {
	var out []string
	for _, r := range rs {
		out = append(out, fmt.Sprintf("%.0f/%.0f", r.Content, r.Usable))
	}
	return strings.Join(out, " ")
}

// marks reads "name=ms name=ms ..." into a map.
func marks(s string) map[string]float64 {
	out := map[string]float64{}
	for _, f := range strings.Fields(s) {
		var v float64
		name, ms, ok := strings.Cut(f, "=")
		if _, err := fmt.Sscan(ms, &v); ok && err == nil {
			out[name] = v
		}
	}
	return out
}

// phases returns the median of each mark over the runs, in order of time.
func phases(rs []startupRun) string {
	all := map[string][]float64{}
	for _, r := range rs {
		for name, v := range marks(r.Marks) {
			all[name] = append(all[name], v)
		}
	}
	type phase struct {
		name string
		ms   float64
	}
	var ps []phase
	for name, vs := range all {
		slices.Sort(vs)
		ps = append(ps, phase{name, vs[len(vs)/2]})
	}
	slices.SortFunc(ps, func(a, b phase) int {
		if a.ms != b.ms {
			if a.ms < b.ms {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s=%.0f", p.name, p.ms))
	}
	return strings.Join(out, " ")
}

// beforeReady is run in every document before the page's scripts: when the
// first screen's element shows, it notes its text and whether the app was
// ready yet, in window.__pkBefore.
const beforeReady = `(() => {
  const seen = window.__pkBefore = {};
  const observer = new MutationObserver(() => {
    for (const id of ["pk-start-example", "pk-opening-name"]) {
      const el = document.getElementById(id);
      if (el && seen[id] === undefined) {
        seen[id] = {text: el.textContent, ready: document.documentElement.getAttribute("data-pk-ready") === "true",
          loader: (document.getElementById("pk-loader") || {}).textContent || ""};
      }
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})()`

// TestFirstScreenBeforeTheApp checks that the page shows its first screen
// before its app runs: the Start screen on a new device, and on a device
// that keeps a workspace, the frame and "Opening …" with the workspace's
// name, as text.
func TestFirstScreenBeforeTheApp(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: beforeReady})
	require.NoError(t, err)
	type seen struct {
		Text, Loader string
		Ready        bool
	}
	u := fileURL(built.page)
	b.open(u)
	start := eval[seen](b, `window.__pkBefore["pk-start-example"]`)
	assert.Equal(t, "Open the example district", start.Text)
	assert.False(t, start.Ready, "the Start screen shows before the app is ready")
	assert.Contains(t, start.Loader, "Getting partnerkit ready")
	assert.Equal(t, "Start", b.text(`#pk-main h2`), "the app draws the same screen")
	assert.Zero(t, eval[int](b, `document.querySelectorAll("#pk-loader").length`), "the progress line goes once the app runs")

	eval[bool](b, `localStorage.setItem("partnerkit.workspace", JSON.stringify({schemaVersion: 2,
partnership: {name: "Riverside <img src=x onerror=window.__pwned=1>", district: {name: "Riverside"}}})), true`)
	b.open(u)
	opening := eval[seen](b, `window.__pkBefore["pk-opening-name"]`)
	assert.Equal(t, "Riverside <img src=x onerror=window.__pwned=1>", opening.Text, "the name, as text")
	assert.False(t, opening.Ready)
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	assert.NotContains(t, b.text(`#pk-main`), "Opening your workspace", "the app replaces it")

	// The list of the device's workspaces names the one open.
	eval[bool](b, `localStorage.clear(), localStorage.setItem("partnerkit.workspaces", JSON.stringify({current: "w2",
workspaces: [{id: "w1", name: "Lakeside"}, {id: "w2", name: "Hillside & <b>Valley</b>"}]})),
localStorage.setItem("partnerkit.ws.w2", JSON.stringify({schemaVersion: 2, partnership: {name: "Hillside & <b>Valley</b>", district: {name: "Hillside"}}})), true`)
	b.open(u)
	opening = eval[seen](b, `window.__pkBefore["pk-opening-name"]`)
	assert.Equal(t, "Hillside & <b>Valley</b>", opening.Text)
	assert.False(t, opening.Ready)
	b.assertOffline(u)
}

// TestLoaderExplainsWhatToDo makes the browser refuse to run the app in the
// ways it can and checks that the page says what to do in plain words.
func TestLoaderExplainsWhatToDo(t *testing.T) {
	for _, c := range []struct{ name, script, want string }{
		{"no WebAssembly", `delete window.WebAssembly`, "too old to run partnerkit"},
		{"out of memory", `(() => { const no = () => Promise.reject(new RangeError("WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance"));
WebAssembly.instantiateStreaming = no; WebAssembly.instantiate = no })()`, "did not give partnerkit enough memory"},
		{"blocked", `(() => { const no = () => Promise.reject(new WebAssembly.CompileError("WebAssembly.instantiateStreaming(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script"));
WebAssembly.instantiateStreaming = no; WebAssembly.instantiate = no })()`, "blocked partnerkit"},
		{"anything else", `(() => { const no = () => Promise.reject(new TypeError("wasm function signature contains illegal type"));
WebAssembly.instantiateStreaming = no; WebAssembly.instantiate = no })()`, "could not start in this browser"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := newBrowser(t)
			_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: c.script})
			require.NoError(t, err)
			b.do(chromedp.Navigate(fileURL(built.page)), chromedp.WaitVisible(chromedp.CSS(`#app [role=alert]`)))
			msg := b.text(`#app [role=alert]`)
			assert.Contains(t, msg, c.want)
			assert.NotContains(t, msg, "wasm", "no technical words")
			assert.NotContains(t, msg, "Error", "no error names")
			assert.Equal(t, "true", eval[string](b, `document.documentElement.getAttribute("data-pk-failed")`))
			assert.Equal(t, 1, eval[int](b, `document.querySelectorAll("[role=alert]").length`), "one message")
		})
	}
}

// TestStartsWhereTheBrowserLacksAPart checks that the page still starts
// where the browser lacks what the start-up uses when it can: a worker
// (none at all, one it refuses to make, or one that fails once started),
// where the page's thread compiles the app itself; the native base64
// decoder, where atob reads the text.
func TestStartsWhereTheBrowserLacksAPart(t *testing.T) {
	for _, c := range []struct{ name, script, compiled string }{
		{"no workers", `delete window.Worker`, "pk-compiled-here"},
		{"worker refused", `window.Worker = function () { throw new DOMException("Access to the script is denied", "SecurityError"); }`, "pk-compiled-here"},
		{"worker fails", `(() => { const W = window.Worker; window.Worker = function () {
  return new W(URL.createObjectURL(new Blob(["throw new Error('no room')"], {type: "text/javascript"}))); }; })()`, "pk-compiled-here"},
		{"worker cannot compile", `(() => { const W = window.Worker; window.Worker = function () {
  return new W(URL.createObjectURL(new Blob(["onmessage = e => e.data === null && postMessage('cannot compile here')"], {type: "text/javascript"}))); }; })()`, "pk-compiled-here"},
		{"no native base64 decoder", `delete Uint8Array.fromBase64`, "pk-compiled-beside"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := newBrowser(t)
			_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: c.script})
			require.NoError(t, err)
			u := fileURL(built.page)
			b.open(u)
			b.click(`#pk-start-example`)
			b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
			assert.Contains(t, eval[string](b, `document.getElementById("pk-review").textContent`), "40 h demanded, 10 h available")
			at := marks(eval[string](b, `performance.getEntriesByType("mark").map(m => m.name + "=" + m.startTime.toFixed(0)).join(" ")`))
			assert.Contains(t, at, c.compiled)
			assert.Len(t, slices.DeleteFunc(slices.Collect(maps.Keys(at)), func(m string) bool { return !strings.HasPrefix(m, "pk-compiled-") }), 1, "compiled once")
			assert.Zero(t, eval[int](b, `document.querySelectorAll("[role=alert]").length`), "no message")
			b.assertOffline(u)
		})
	}
}
