//go:build !js

package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/wasm/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// payloads are typed into every text field: they must show as text and run nothing.
var payloads = []string{
	`<img src=x onerror="window.__pwned=1;alert(1)">`,
	`<script>window.__pwned=2;alert(2)</script>`,
}

func TestUserTextIsNeverMarkup(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	name := payloads[0] + payloads[1]
	b.click(`#pk-nav-rate`)
	b.click(`#pk-team-1`)
	b.typeIn(`#pk-rater`, name)
	for i := 0; i < 4; i++ {
		b.click(fmt.Sprintf(`#pk-level-%d-3`, i))
		b.typeIn(fmt.Sprintf(`#pk-concern-%d`, i), payloads[i%2])
	}
	b.click(`#pk-submit`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-code`)))
	assert.Contains(t, b.text(`#pk-done-h`), name)
	code := eval[string](b, `document.getElementById("pk-code").value`)

	b.click(`#pk-nav-facilitate`)
	b.typeIn(`#pk-round-title`, payloads[1])
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, payloads[0]+"\n"+code)
	b.click(`#pk-add-codes`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	summary := b.text(`#pk-summary`)
	assert.Contains(t, summary, payloads[0])
	assert.Contains(t, summary, payloads[1])
	assert.Contains(t, b.text(`#pk-resp-h`), payloads[1])
	assert.Contains(t, b.text(`#pk-responses`), name)

	// A file whose name is markup.
	b.click(`#pk-nav-data`)
	dir := t.TempDir()
	evil := filepath.Join(dir, `<img src=x onerror=alert(3)>.json`)
	require.NoError(t, os.WriteFile(evil, []byte(`{"schemaVersion": 1, "readiness": [{"id": "x", "title": "<script>alert(4)</script>", "bad": 1}]}`), 0o644))
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{evil}))
	// Other problems may be shown already: wait for this file's.
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-notices").textContent.includes("<img src=x onerror=alert(3)>.json")`, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Contains(t, b.text(`#pk-notices`), `<img src=x onerror=alert(3)>.json`)

	// Nothing ran, and no element came from the text.
	pwned := eval[bool](b, `window.__pwned !== undefined`)
	assert.False(t, pwned, "a script from user text ran")
	b.mu.Lock()
	assert.Empty(t, b.dialogs, "a dialog opened")
	b.mu.Unlock()
	injected := eval[int](b, `document.querySelectorAll('#app img[src="x"], #app script').length`)
	assert.Zero(t, injected)
	handlers := eval[int](b, `[...document.querySelectorAll("#app *")].filter(el => [...el.attributes].some(a => a.name.startsWith("on"))).length`)
	assert.Zero(t, handlers, "no element has an event handler attribute")

	// After a reload, the saved text is still only text.
	b.open(u)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	assert.Contains(t, b.text(`#pk-summary`), payloads[0])
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	b.assertOffline(u)
}

// TestEmbeddedRubric embeds the page in an iframe of a host site, with a
// custom rubric in the fragment, and checks that a submitted response reaches
// the host with postMessage.
func TestEmbeddedRubric(t *testing.T) {
	b := newBrowser(t)
	rb := readiness.Rubric{
		ID: "ta-quick-check", Title: "Quick readiness check",
		Scale: readiness.Scale{Levels: []readiness.Level{
			{Value: 1, Label: "Not yet", Descriptor: "Much is still open."},
			{Value: 2, Label: "Partly", Descriptor: "Some is settled."},
			{Value: 3, Label: "Yes", Descriptor: "It is settled."},
		}},
		Categories: []readiness.Category{
			{ID: "goals", Title: "Shared goals", Items: []readiness.Item{{ID: "goals.a", Text: "We can name the goal together."}}},
			{ID: "time", Title: "Time for the work"},
		},
	}
	code, err := ui.EncodeCode(rb)
	require.NoError(t, err)
	page, err := os.ReadFile(built.page)
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/partnerkit.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(page)
		case "/host.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><title>TA site</title><h1>Our readiness check</h1>
<script>window.got = []; window.addEventListener("message", e => { if (e.origin === location.origin) window.got.push(e.data) });</script>
<iframe id="rubric" title="Readiness rubric" src="/partnerkit.html?view=rubric&parentOrigin=%s#rubric=%s" style="width:100%%;height:900px;border:0"></iframe>`,
				"http://"+r.Host, code)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	b.do(chromedp.Navigate(srv.URL + "/host.html"))
	frame := `document.getElementById("rubric").contentDocument`
	// Wait for the app inside the frame.
	b.do(chromedp.Poll[chromedp.Void](frame + `.documentElement.getAttribute("data-pk-ready") === "true"`))
	inFrame := func(js string) string { return eval[string](b, "(() => { const d = "+frame+"; "+js+" })()") }
	assert.Equal(t, "Quick readiness check", inFrame(`return d.querySelector("h2").textContent`))
	assert.Equal(t, "", inFrame(`return d.querySelector("nav") ? "nav" : ""`), "the embedded page shows only the rater view")
	assert.Contains(t, inFrame(`return d.body.textContent`), "We can name the goal together.")
	inFrame(`d.getElementById("pk-team-1").click();
const n = d.getElementById("pk-rater"); n.value = "Dee"; n.dispatchEvent(new Event("input", {bubbles: true}));
d.getElementById("pk-level-0-3").click(); d.getElementById("pk-level-1-2").click();
const c = d.getElementById("pk-concern-1"); c.value = "No release time yet"; c.dispatchEvent(new Event("input", {bubbles: true}));
return ""`)
	b.do(chromedp.Poll[chromedp.Void](frame + `.getElementById("pk-level-1-2").checked`))
	inFrame(`d.getElementById("pk-submit").click(); return ""`)
	b.do(chromedp.Poll[chromedp.Void](`window.got.some(m => m.type === "partnerkit.readiness.response")`))
	got := eval[map[string]any](b, `window.got.find(m => m.type === "partnerkit.readiness.response")`)
	height := eval[float64](b, `window.got.filter(m => m.type === "partnerkit.height").map(m => m.height).pop() || 0`)
	assert.Greater(t, height, 300.0, "the frame is told the page's height")
	assert.Equal(t, "partnerkit.readiness.response", got["type"])
	assert.Equal(t, "ta-quick-check", got["rubric"])
	resp := got["response"].(map[string]any)
	assert.Equal(t, "Dee", resp["rater"])
	assert.Equal(t, map[string]any{"goals": float64(3), "time": float64(2)}, resp["ratings"])
	assert.Equal(t, map[string]any{"time": "No release time yet"}, resp["concerns"])
	assert.True(t, strings.HasPrefix(got["code"].(string), "pk1."))
	// The embedded page stores nothing on the host's origin.
	keys := eval[[]string](b, `Object.keys(localStorage)`)
	assert.Empty(t, keys)
}
