//go:build !js

package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// built holds the pages TestMain built.
var built struct {
	dir     string // temporary directory holding the pages
	page    string // partnerkit.html
	hello   string // the hello-world baseline, built the same way
	chrome  string // path of the browser, "" when not found
	buildEr error
}

// buildOnce builds the pages the first time a browser test needs them. It
// runs inside the tests, not before them, so that go test sees the source
// files noteSources opens.
var buildOnce sync.Once

func TestMain(m *testing.M) {
	built.chrome = findChrome()
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// build builds the app and the hello-world page into a temporary directory.
func build() {
	dir, err := os.MkdirTemp("", "partnerkit-browsertest-")
	if err != nil {
		built.buildEr = err
		return
	}
	built.dir = dir
	built.page = filepath.Join(dir, "partnerkit.html")
	built.hello = filepath.Join(dir, "hello.html")
	built.buildEr = buildPages()
}

// buildPages builds the app and the hello-world page with wasm/build.
func buildPages() error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if err := noteSources(root); err != nil {
		return err
	}
	for _, b := range [][]string{
		{"-o", built.page},
		{"-o", built.hello, "-pkg", "./wasm/browsertest/hello"},
	} {
		cmd := exec.Command("go", append([]string{"run", "./wasm/build"}, b...)...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go run ./wasm/build %v: %w\n%s", b, err, out)
		}
	}
	return nil
}

// noteSources opens every source file of the module, so that go test, which
// remembers the files a test opens, runs the browser tests again when the
// page's sources change instead of reusing a cached result.
func noteSources(root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "dist", "testdata":
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".tmpl", ".css", ".js", ".mod", ".sum":
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			return f.Close()
		}
		return nil
	})
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// findChrome returns the path of Chromium or Chrome, or "".
func findChrome() string {
	if c := os.Getenv("CHROME"); c != "" {
		return c
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// needBrowser skips the test when there is no browser, and fails it under CI.
func needBrowser(t *testing.T) {
	t.Helper()
	if built.chrome == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium found (looked for $CHROME, chromium, chromium-browser, google-chrome on PATH); CI must install it")
		}
		t.Skip("no Chromium found (set $CHROME or install chromium); skipping the browser tests")
	}
	buildOnce.Do(build)
	require.NoError(t, built.buildEr)
}

// browser is one headless Chromium with a fresh profile, recording every
// request the pages make.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	requests []string
	dialogs  []string
}

// currentJS is a JavaScript expression for the text of the workspace open
// on the device, as the page stores it: the list of workspaces names it.
const currentJS = `localStorage.getItem("partnerkit.ws." + (JSON.parse(localStorage.getItem("partnerkit.workspaces") || "{}").current || ""))`

// newBrowser starts Chromium with an empty profile; it is stopped when the
// test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	return newBrowserFor(t, 60*time.Second)
}

// newBrowserFor is newBrowser for a test that takes longer than a minute,
// with Chromium's command line flags added.
func newBrowserFor(t *testing.T, timeout time.Duration, flags ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	needBrowser(t)
	opts := append(append(flags, chromedp.DefaultExecAllocatorOptions[:]...),
		chromedp.ExecPath(built.chrome),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	b := &browser{t: t, ctx: ctx}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			b.mu.Lock()
			b.requests = append(b.requests, e.Request.URL)
			b.mu.Unlock()
		case *page.EventJavascriptDialogOpening:
			b.mu.Lock()
			b.dialogs = append(b.dialogs, e.Message)
			b.mu.Unlock()
			go func() {
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	}))
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	_, err = chromedp.Call(ctx, page.Enable, page.EnableParams{})
	require.NoError(t, err)
	// Record what the page's Content-Security-Policy blocks: a blocked
	// request is still a request the page tried to make.
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.__pkViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__pkViolations.push(e.violatedDirective + " " + e.blockedURI));`})
	require.NoError(t, err)
	return b
}

// do runs the steps in the page.
func (b *browser) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	require.NoError(b.t, chromedp.Do(b.ctx, steps...))
}

// fileURL returns the file:// URL of a built page.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// open loads the page at u and waits until the app is interactive.
func (b *browser) open(u string) {
	b.t.Helper()
	b.do(chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS(`html[data-pk-ready="true"]`)))
}

// eval evaluates a JavaScript expression in the page, awaiting a promise.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	require.NoError(b.t, err, expr)
	return v
}

// text returns the visible text of the first element matching the CSS selector.
func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	require.NoError(b.t, err, sel)
	return s
}

// click clicks the element matching the CSS selector.
func (b *browser) click(sel string) {
	b.t.Helper()
	b.do(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// typeIn types text into the field matching the CSS selector.
func (b *browser) typeIn(sel, text string) {
	b.t.Helper()
	b.do(chromedp.SendKeys(chromedp.CSS(sel), text, chromedp.NodeVisible))
}

// assertOffline checks that the page made no request but for loading itself.
func (b *browser) assertOffline(allowed ...string) {
	b.t.Helper()
	violations := eval[[]string](b, `window.__pkViolations || []`)
	require.Empty(b.t, violations, "the Content-Security-Policy blocked requests")
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, r := range b.requests {
		ok := strings.HasPrefix(r, "data:") || strings.HasPrefix(r, "blob:")
		for _, a := range allowed {
			ok = ok || strings.SplitN(r, "#", 2)[0] == strings.SplitN(a, "#", 2)[0]
		}
		require.True(b.t, ok, "the page requested %s", r)
	}
}
