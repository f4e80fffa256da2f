//go:build !js

package browsertest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Safari's engine is WebKit. On Linux it is driven by WebKitWebDriver
// (Debian's webkit2gtk-driver) over the W3C WebDriver protocol: JSON over
// HTTP, one session per driver. WebKitGTK draws on a display, so without one
// the tests start Xvfb.

// webdriver is one browser session of a W3C WebDriver server.
type webdriver struct {
	t      *testing.T
	name   string // the browser's name, for messages
	base   string // the session's URL
	client *http.Client
	group  int   // the process group of the driver and the browser it started
	hello  int64 // the web content process's memory with the hello-world page, in bytes
}

// findWebKit returns the paths of WebKitWebDriver and of the browser it
// drives (WebKitGTK's MiniBrowser), or "" for what is missing.
func findWebKit() (driver, browser string) {
	driver = os.Getenv("WEBKIT_DRIVER")
	if driver == "" {
		driver, _ = exec.LookPath("WebKitWebDriver")
	}
	browser = os.Getenv("WEBKIT_BROWSER")
	if browser == "" {
		for _, pattern := range []string{"/usr/lib/*/webkit2gtk-4.*/MiniBrowser", "/usr/libexec/webkit2gtk-4.*/MiniBrowser", "/usr/lib/webkit2gtk-4.*/MiniBrowser"} {
			if m, _ := filepath.Glob(pattern); len(m) > 0 {
				browser = m[len(m)-1]
				break
			}
		}
	}
	return driver, browser
}

// newWebKit starts WebKitWebDriver (and Xvfb when there is no display) and
// opens a session in MiniBrowser; all is stopped when the test ends. Without
// the driver the test is skipped, but under CI it fails.
func newWebKit(t *testing.T) *webdriver {
	t.Helper()
	driver, browser := findWebKit()
	display := os.Getenv("DISPLAY")
	xvfb, _ := exec.LookPath("Xvfb")
	missing := ""
	switch {
	case driver == "":
		missing = "no WebKitWebDriver found (set $WEBKIT_DRIVER or install webkit2gtk-driver)"
	case browser == "":
		missing = "no WebKitGTK MiniBrowser found (set $WEBKIT_BROWSER or install libwebkit2gtk-4.1-0)"
	case display == "" && os.Getenv("WAYLAND_DISPLAY") == "" && xvfb == "":
		missing = "no display and no Xvfb to make one (install xvfb)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(missing + "; CI must install it")
		}
		t.Skip(missing + "; skipping the WebKit tests")
	}
	needBrowser(t) // builds the page
	env := os.Environ()
	if display == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		env = append(env, "DISPLAY="+startXvfb(t, xvfb))
	}
	port := freePort(t)
	cmd := exec.Command(driver, "--port="+strconv.Itoa(port))
	cmd.Env = env
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	dieWithTest(cmd)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		stopGroup(cmd)
		if t.Failed() {
			t.Logf("WebKitWebDriver said:\n%s", logs.String())
		}
	})
	w := &webdriver{t: t, name: "WebKit", base: fmt.Sprintf("http://127.0.0.1:%d", port), client: &http.Client{Timeout: 60 * time.Second},
		group: cmd.Process.Pid}
	for i := 0; ; i++ {
		var status struct{ Ready bool }
		if err := w.try("GET", "/status", nil, &status); err == nil && status.Ready {
			break
		}
		require.Less(t, i, 100, "WebKitWebDriver did not start")
		time.Sleep(100 * time.Millisecond)
	}
	var session struct{ SessionID string }
	w.cmd("POST", "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"webkitgtk:browserOptions": map[string]any{"binary": browser, "args": []string{"--automation"}},
	}}}, &session)
	require.NotEmpty(t, session.SessionID)
	w.base += "/session/" + session.SessionID
	t.Cleanup(func() { _ = w.try("DELETE", "", nil, nil) })
	return w
}

// startXvfb starts a virtual display for the test and returns its name.
func startXvfb(t *testing.T, xvfb string) string {
	t.Helper()
	r, wr, err := os.Pipe()
	require.NoError(t, err)
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{wr}
	dieWithTest(cmd)
	require.NoError(t, cmd.Start())
	wr.Close()
	t.Cleanup(func() { stopGroup(cmd) })
	done := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		done <- strings.TrimSpace(line)
	}()
	select {
	case n := <-done:
		require.NotEmpty(t, n, "Xvfb did not say its display")
		return ":" + n
	case <-time.After(20 * time.Second):
		t.Fatal("Xvfb did not start")
		return ""
	}
}

// freePort returns a TCP port that nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// try sends a command and decodes the "value" of its answer into out.
func (w *webdriver) try(method, path string, body, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, w.base+path, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var answer struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		return fmt.Errorf("%s %s: %s: %w", method, path, resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, answer.Value)
	}
	if out != nil {
		return json.Unmarshal(answer.Value, out)
	}
	return nil
}

// cmd sends a command, failing the test when it fails.
func (w *webdriver) cmd(method, path string, body, out any) {
	w.t.Helper()
	require.NoError(w.t, w.try(method, path, body, out), "%s", w.name)
}

// script runs a script's body (it must return a value) and decodes the value.
func (w *webdriver) script(body string, out any) {
	w.t.Helper()
	w.cmd("POST", "/execute/sync", map[string]any{"script": body, "args": []any{}}, out)
}

// wdEval runs a script's body and returns its value.
func wdEval[T any](w *webdriver, body string) T {
	w.t.Helper()
	var v T
	w.script(body, &v)
	return v
}

// waitFor polls a script's body until it returns true.
func (w *webdriver) waitFor(body string) {
	w.t.Helper()
	for i := 0; i < 300; i++ {
		if wdEval[bool](w, body) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	w.t.Fatalf("%s: waited in vain for %s", w.name, body)
}

// open loads the page and waits until it is interactive.
func (w *webdriver) open(u string) {
	w.t.Helper()
	w.cmd("POST", "/url", map[string]any{"url": u}, nil)
	w.waitFor(`return document.documentElement.getAttribute("data-pk-ready") === "true"`)
}

// element waits for the element matching the CSS selector to be shown and
// returns its WebDriver reference.
func (w *webdriver) element(sel string) string {
	w.t.Helper()
	w.waitFor(fmt.Sprintf(`const el = document.querySelector(%q); return !!el && el.getClientRects().length > 0`, sel))
	var found map[string]string
	w.cmd("POST", "/element", map[string]any{"using": "css selector", "value": sel}, &found)
	for _, ref := range found {
		return ref
	}
	w.t.Fatalf("%s: no element %s", w.name, sel)
	return ""
}

// click clicks the element as a user would, through the driver.
func (w *webdriver) click(sel string) {
	w.t.Helper()
	w.cmd("POST", "/element/"+w.element(sel)+"/click", map[string]any{}, nil)
}

// typeIn types text into the field key by key, through the driver.
func (w *webdriver) typeIn(sel, text string) {
	w.t.Helper()
	w.cmd("POST", "/element/"+w.element(sel)+"/value", map[string]any{"text": text}, nil)
}

// set gives a field a value in one input event, as the browser's date and
// time pickers do, then a change event.
func (w *webdriver) set(sel, value string) {
	w.t.Helper()
	w.element(sel)
	w.script(fmt.Sprintf(`const el = document.querySelector(%q); el.focus(); el.value = %q;
el.dispatchEvent(new Event("input", {bubbles: true})); el.dispatchEvent(new Event("change", {bubbles: true})); return true`, sel, value), nil)
}

// text returns the text of the element matching the CSS selector.
func (w *webdriver) text(sel string) string {
	w.t.Helper()
	w.element(sel)
	return wdEval[string](w, fmt.Sprintf(`return document.querySelector(%q).textContent`, sel))
}

// TestWebKit runs the page's core flows in WebKit, Safari's engine, from
// file://: open, the example, rate and gather, the contract, a meeting,
// export and import, reload.
func TestWebKit(t *testing.T) {
	w := newWebKit(t)
	u := fileURL(built.page)

	// Open: the start screen, under the page's policy.
	w.open(u)
	assert.Contains(t, w.text(`#pk-main`), "Nothing leaves this device")
	assert.Contains(t, wdEval[string](w, `return document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`), "connect-src 'none'")
	marks := `return performance.getEntriesByType("mark").map(m => m.name + "=" + m.startTime.toFixed(0)).join(" ")`
	t.Logf("WebKit marks: %s", wdEval[string](w, marks))
	w.open(fileURL(built.hello))
	t.Logf("WebKit marks of the hello-world page: %s", wdEval[string](w, marks))
	w.open(u)

	// The example: its review, its findings counted once they are drawn, and
	// the map drawn.
	w.click(`#pk-start-example`)
	w.element(`#pk-review-counts`)
	assert.Contains(t, w.text(`#pk-review`), "40 h demanded, 10 h available")
	w.waitFor(`const m = document.getElementById("pk-map"); return !!m && m.complete && m.naturalWidth > 0`)

	// Rate and gather: a rater's code, pasted by the facilitator.
	w.click(`#pk-nav-rate`)
	w.click(`#pk-team-0`)
	w.typeIn(`#pk-rater`, "Ana <img src=x onerror=alert(1)>")
	for i := 0; i < 4; i++ {
		w.click(fmt.Sprintf(`#pk-level-%d-3`, i))
	}
	w.typeIn(`#pk-concern-0`, "Who reports the data?")
	w.click(`#pk-submit`)
	w.element(`#pk-code`)
	code := wdEval[string](w, `return document.getElementById("pk-code").value`)
	require.True(t, strings.HasPrefix(code, "pk1."), code)
	w.click(`#pk-nav-facilitate`)
	w.waitFor(`return !!document.getElementById("pk-round-new")`)
	if !wdEval[bool](w, `return document.getElementById("pk-round-new").closest("details").open`) {
		w.click(`details:has(#pk-round-new) > summary`) // the example has rounds already
	}
	w.click(`#pk-round-new`)
	w.typeIn(`#pk-paste`, code)
	w.click(`#pk-add-codes`)
	assert.Contains(t, w.text(`#pk-summary`), "Alignment of strategic priority and objectives3.0")
	assert.Contains(t, w.text(`#pk-main`), "Ana <img src=x onerror=alert(1)>", "the name is shown as text")
	assert.Zero(t, wdEval[int](w, `return document.querySelectorAll('#app img[src="x"]').length`))

	// The contract: typed in, a practice confirmed or not, the summary following.
	w.click(`#pk-nav-contract`)
	w.waitFor(`return !!document.getElementById("pk-contract-start") || !!document.getElementById("pk-contract-summary")`)
	if wdEval[bool](w, `return !!document.getElementById("pk-contract-start")`) {
		w.click(`#pk-contract-start`)
	}
	ref := at("contract.contractRef")
	// Cleared as a person does, with select-all and Backspace: the
	// driver's own clear fires no input event, so the page kept the value.
	w.typeIn(ref, "\uE009a\uE000\uE003")
	w.typeIn(ref, "Contract No. 2017-7")
	before := w.text(`#pk-contract-summary`)
	w.click(at("contract.practices.alignment.status"))
	w.waitFor(`return document.getElementById("pk-contract-summary").textContent !== ` + strconv.Quote(before))
	assert.Equal(t, "Contract No. 2017-7", wdEval[string](w, fmt.Sprintf(`return document.querySelector(%q).value`, ref)))

	// A meeting, planned and run live.
	w.click(`#pk-nav-meetings`)
	w.set(`#pk-meet-new-start`, "2027-09-14T15:30")
	w.click(`#pk-meet-create`)
	w.element(`article.pk-meeting`)
	meeting := wdEval[string](w, `return document.querySelector("article.pk-meeting").id`) // the example has meetings already
	require.True(t, strings.HasPrefix(meeting, "pk-at-meetings-"), meeting)
	w.click(`#pk-meet-live-toggle`)
	first := w.text(`#pk-live-clock`)
	w.waitFor(`return document.getElementById("pk-live-clock").textContent !== ` + strconv.Quote(first))
	w.typeIn(`#pk-live-action-text`, "Move the summer institute")
	w.click(`#pk-live-action-add`)
	w.click(`#pk-meet-close`)

	// Export, delete everything, import: the file brings it all back.
	w.script(`window.__pkDownloads = []; const made = URL.createObjectURL;
URL.createObjectURL = b => { b.text().then(s => window.__pkDownloads.push(s)); return made.call(URL, b) }; return true`, nil)
	w.click(`#pk-nav-data`)
	w.click(`#pk-export`)
	w.waitFor(`return window.__pkDownloads.length > 0`)
	exported := wdEval[string](w, `return window.__pkDownloads[0]`)
	assert.Contains(t, exported, `"schemaVersion": 2`)
	assert.Contains(t, exported, "Move the summer institute")
	file := filepath.Join(t.TempDir(), "partnerkit-export.json")
	require.NoError(t, os.WriteFile(file, []byte(exported), 0o644))
	w.click(`#pk-delete`)
	w.click(`#pk-delete-confirm`)
	w.waitFor(`return !document.getElementById("pk-delete-confirm")`)
	w.open(u)
	w.click(`#pk-nav-data`)
	w.cmd("POST", "/element/"+w.element(`#pk-import`)+"/value", map[string]any{"text": file}, nil)
	w.element(`.pk-notice-ok`)
	w.click(`#pk-nav-facilitate`)
	assert.Contains(t, w.text(`#pk-summary`), "Alignment of strategic priority and objectives3.0")

	// Reload: what was imported is kept on this device.
	w.waitFor(`return (` + currentJS + ` || "").includes("Move the summer institute")`)
	w.open(u)
	w.click(`#pk-nav-meetings`)
	index := strings.TrimPrefix(meeting, "pk-at-meetings-")
	w.click(`button[data-on-click="meeting.open"][data-arg="` + index + `"]`)
	assert.Contains(t, w.text(`#pk-main`), "This meeting was held and closed.")
	assert.Contains(t, wdEval[[]string](w, `return [...document.querySelectorAll("article.pk-meeting input")].map(i => i.value)`), "Move the summer institute")
	w.click(`#pk-nav-contract`)
	assert.Equal(t, "Contract No. 2017-7", wdEval[string](w, fmt.Sprintf(`return document.querySelector(%q).value`, at("contract.contractRef"))))

	// On a new device, the example shows as soon as it is asked for, from
	// the page itself; the app draws it over once it runs.
	wdEval[bool](w, `localStorage.clear(); return true`)
	w.cmd("POST", "/url", map[string]any{"url": u}, nil)
	exampleAtOnce(t, "WebKit", wdEval[map[string]bool](w, exampleAtOnceJS))
	w.waitFor(`return !!document.getElementById("pk-review-counts") && document.documentElement.getAttribute("data-pk-ready") === "true"`)
	assert.Contains(t, w.text(`#pk-review`), "40 h demanded, 10 h available")
}

// TestWebKitMemory measures the page's memory in WebKit, each time in a
// browser of its own (WebKit keeps what earlier pages compiled for a while):
// with the example district, and with 500 initiatives through the
// partnership editor, the review and its map.
func TestWebKitMemory(t *testing.T) {
	var hello int64
	t.Run("hello-world", func(t *testing.T) {
		w := newWebKit(t)
		w.open(fileURL(built.hello))
		hello, _ = webContentMemory(w.group)
		t.Logf("WebKit memory with the hello-world page: the web content process's private memory %.1f MiB", float64(hello)/(1<<20))
	})
	t.Run("example", func(t *testing.T) {
		w := newWebKit(t)
		u := fileURL(built.page) // built by newWebKit
		w.hello = hello
		w.open(u)
		w.click(`#pk-start-example`)
		w.element(`#pk-review-counts`)
		w.memory("the example")
	})
	t.Run("500 initiatives", func(t *testing.T) {
		w := newWebKit(t)
		u := fileURL(built.page) // built by newWebKit
		w.hello = hello
		w.open(u)
		w.script(fmt.Sprintf(`localStorage.clear(); localStorage.setItem("partnerkit.workspace", %q); return true`, bigWorkspace(t)), nil)
		w.open(u)
		w.click(`#pk-nav-partnership`)
		w.element(`#pk-at-partnership-initiatives-10-edit`)
		w.click(`#pk-nav-review`)
		w.element(`#pk-review-counts`)
		w.click(`#pk-map-show`)
		w.waitFor(`const m = document.getElementById("pk-map"); return !!m && m.complete && m.naturalWidth > 0`)
		w.memory("500 initiatives, editor, review and map (the page opened twice)")
	})
}

// memory logs the app's WebAssembly memory and the web content process's
// private memory, in all and over what it holds with the hello-world page,
// and holds the first to DESIGN.md's 150 MB.
func (w *webdriver) memory(what string) {
	w.t.Helper()
	wasm := wdEval[int64](w, `return window.pkMemory()`)
	mib := func(n int64) float64 { return float64(n) / (1 << 20) }
	if all, ok := webContentMemory(w.group); ok {
		w.t.Logf("%s memory with %s: WebAssembly %.1f MiB; the web content process's private memory (engine, JavaScript, DOM, compiled code, WebAssembly) %.1f MiB, %.1f MiB more than with the hello-world page (bar %d)",
			w.name, what, mib(wasm), mib(all), mib(all-w.hello), memoryBar>>20)
	} else {
		w.t.Logf("%s memory with %s: WebAssembly %.1f MiB (bar %d)", w.name, what, mib(wasm), memoryBar>>20)
	}
	assert.LessOrEqual(w.t, wasm, int64(memoryBar), "%s: %s", w.name, what)
}
