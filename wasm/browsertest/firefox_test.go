//go:build !js

package browsertest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
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

// The page must work in Firefox as well as in Chromium. chromedp speaks only
// Chromium's protocol, so these tests drive Firefox through Marionette, the
// protocol Firefox has built in (no driver program needed): messages are
// "length:JSON" over TCP, each command [0, id, name, params] answered by
// [1, id, error, result].

// findFirefox returns the path of Firefox, or "".
func findFirefox() string {
	if c := os.Getenv("FIREFOX"); c != "" {
		return c
	}
	for _, name := range []string{"firefox-esr", "firefox"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// firefox is one headless Firefox with a fresh profile.
type firefox struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
	id   int
}

// newFirefox starts Firefox with an empty profile; it is stopped when the
// test ends. Without Firefox the test is skipped, but under CI it fails.
func newFirefox(t *testing.T) *firefox {
	t.Helper()
	bin := findFirefox()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Firefox found (looked for $FIREFOX, firefox-esr, firefox on PATH); CI must install it")
		}
		t.Skip("no Firefox found (set $FIREFOX or install firefox-esr); skipping the Firefox tests")
	}
	needBrowser(t) // builds the page
	profile := t.TempDir()
	prefs := []string{
		`user_pref("marionette.port", 0);`, // any free port, written to MarionetteActivePort
		`user_pref("browser.shell.checkDefaultBrowser", false);`,
		`user_pref("datareporting.policy.dataSubmissionEnabled", false);`,
		`user_pref("browser.safebrowsing.update.enabled", false);`,
		`user_pref("app.update.disabledForTesting", true);`,
		`user_pref("network.captive-portal-service.enabled", false);`,
	}
	require.NoError(t, os.WriteFile(filepath.Join(profile, "user.js"), []byte(strings.Join(prefs, "\n")+"\n"), 0o644))
	cmd := exec.Command(bin, "--headless", "--marionette", "--no-remote", "--profile", profile)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })

	var port int
	for i := 0; i < 300 && port == 0; i++ {
		if b, err := os.ReadFile(filepath.Join(profile, "MarionetteActivePort")); err == nil {
			port, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
		if port == 0 {
			time.Sleep(100 * time.Millisecond)
		}
	}
	require.NotZero(t, port, "Firefox did not open its Marionette port")
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), 10*time.Second)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	f := &firefox{t: t, conn: conn, r: bufio.NewReader(conn)}
	var hello map[string]any
	require.NoError(t, f.read(&hello))
	f.call("WebDriver:NewSession", map[string]any{"capabilities": map[string]any{}}, nil)
	return f
}

// read reads one message.
func (f *firefox) read(v any) error {
	_ = f.conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	n, err := f.r.ReadString(':')
	if err != nil {
		return err
	}
	size, err := strconv.Atoi(strings.TrimSuffix(n, ":"))
	if err != nil {
		return err
	}
	buf := make([]byte, size)
	if _, err := io.ReadFull(f.r, buf); err != nil {
		return err
	}
	return json.Unmarshal(buf, v)
}

// call sends a command and decodes its result into out (when not nil).
func (f *firefox) call(name string, params, out any) {
	f.t.Helper()
	f.id++
	msg, err := json.Marshal([]any{0, f.id, name, params})
	require.NoError(f.t, err)
	_, err = fmt.Fprintf(f.conn, "%d:%s", len(msg), msg)
	require.NoError(f.t, err)
	var reply [4]json.RawMessage
	require.NoError(f.t, f.read(&reply))
	if string(reply[2]) != "null" {
		f.t.Fatalf("Firefox: %s: %s", name, reply[2])
	}
	if out != nil {
		require.NoError(f.t, json.Unmarshal(reply[3], out))
	}
}

// eval runs a script's body (it must return a value) and returns the value.
func ffEval[T any](f *firefox, body string) T {
	f.t.Helper()
	var res struct{ Value T }
	f.call("WebDriver:ExecuteScript", map[string]any{"script": body, "args": []any{}}, &res)
	return res.Value
}

// waitFor polls a script's body until it returns true.
func (f *firefox) waitFor(body string) {
	f.t.Helper()
	for i := 0; i < 200; i++ {
		if ffEval[bool](f, body) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	f.t.Fatalf("Firefox: waited in vain for %s", body)
}

// open loads the page and waits until it is interactive.
func (f *firefox) open(u string) {
	f.t.Helper()
	f.call("WebDriver:Navigate", map[string]any{"url": u}, nil)
	f.waitFor(`return document.documentElement.getAttribute("data-pk-ready") === "true"`)
}

// TestFirefox runs the core of the page in Firefox from file://: the start
// screen, the example's review, a rater's response and its code added by
// the facilitator, and a reload that keeps everything.
func TestFirefox(t *testing.T) {
	f := newFirefox(t)
	u := fileURL(built.page)
	f.open(u)
	assert.Contains(t, ffEval[string](f, `return document.getElementById("pk-main").textContent`), "Nothing leaves this device")
	assert.Contains(t, ffEval[string](f, `return document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`), "connect-src 'none'")

	ffEval[bool](f, `document.getElementById("pk-start-example").click(); return true`)
	f.waitFor(`return !!document.getElementById("pk-review-counts")`)
	assert.Contains(t, ffEval[string](f, `return document.getElementById("pk-review").textContent`), "40 h demanded, 10 h available")
	f.waitFor(`const m = document.getElementById("pk-map"); return !!m && m.complete && m.naturalWidth > 0`)

	// A rater submits; the facilitator pastes the code.
	ffEval[bool](f, `document.getElementById("pk-nav-rate").click(); return true`)
	f.waitFor(`return !!document.getElementById("pk-rater")`)
	ffEval[bool](f, `const d = document;
d.getElementById("pk-team-0").click();
const name = d.getElementById("pk-rater"); name.value = "Ana <img src=x onerror=alert(1)>"; name.dispatchEvent(new Event("input", {bubbles: true}));
for (let i = 0; i < 4; i++) d.getElementById("pk-level-" + i + "-3").click();
d.getElementById("pk-submit").click(); return true`)
	f.waitFor(`return !!document.getElementById("pk-code") && document.getElementById("pk-code").value.startsWith("pk1.")`)
	code := ffEval[string](f, `return document.getElementById("pk-code").value`)
	ffEval[bool](f, `document.getElementById("pk-nav-facilitate").click(); return true`)
	f.waitFor(`return !!document.getElementById("pk-round-new")`)
	ffEval[bool](f, `document.getElementById("pk-round-new").click(); return true`)
	f.waitFor(`return !!document.getElementById("pk-paste")`)
	ffEval[bool](f, fmt.Sprintf(`const p = document.getElementById("pk-paste"); p.value = %q; p.dispatchEvent(new Event("input", {bubbles: true}));
document.getElementById("pk-add-codes").click(); return true`, code))
	f.waitFor(`return !!document.getElementById("pk-summary")`)
	assert.Contains(t, ffEval[string](f, `return document.getElementById("pk-summary").textContent`), "Alignment of strategic priority and objectives3.0")
	assert.Contains(t, ffEval[string](f, `return document.getElementById("pk-main").textContent`), "Ana <img src=x onerror=alert(1)>", "the name is shown as text")
	assert.Zero(t, ffEval[int](f, `return document.querySelectorAll('#app img[src="x"]').length`))

	// Saved on this device: a reload brings it back.
	f.waitFor(`return (` + currentJS + ` || "").includes("Ana <img")`)
	f.open(u)
	f.waitFor(`return !!document.getElementById("pk-summary")`)
	assert.Contains(t, ffEval[string](f, `return document.getElementById("pk-main").textContent`), "Ana <img src=x onerror=alert(1)>")
	t.Logf("Firefox marks: %s", ffEval[string](f, `return performance.getEntriesByType("mark").map(m => m.name + "=" + m.startTime.toFixed(0)).join(" ")`))

	// On a new device, the example shows as soon as it is asked for, from
	// the page itself; the app draws it over once it runs.
	ffEval[bool](f, `localStorage.clear(); return true`)
	f.call("WebDriver:Navigate", map[string]any{"url": u}, nil)
	exampleAtOnce(t, "Firefox", ffEval[map[string]bool](f, exampleAtOnceJS))
	f.waitFor(`return !!document.getElementById("pk-review-counts") && document.documentElement.getAttribute("data-pk-ready") === "true"`)
	assert.Contains(t, ffEval[string](f, `return document.getElementById("pk-review").textContent`), "40 h demanded, 10 h available")
}
