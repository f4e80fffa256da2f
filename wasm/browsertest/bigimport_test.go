//go:build !js

package browsertest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bigExport writes a survey export of n responses, half from each team.
func bigExport(t *testing.T, dir string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Your name,Team,Strategic alignment,Strategic alignment – comments,Resourcing,Resourcing – comments,Data and measures,Data and measures – comments,Ongoing communication,Ongoing communication – comments\n")
	for i := range n {
		fmt.Fprintf(&b, "Rater %d,%s,%d,,%d,Comment %d on resources,%d,,%d,\n", i, []string{"District", "Partner"}[i%2], 1+i%4, 1+i%3, i, 1+i%2, 4-i%4)
	}
	path := filepath.Join(dir, "big-export.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

// bigWorkspaceFile writes a workspace file of one round of responses, of at
// least size bytes.
func bigWorkspaceFile(t *testing.T, dir string, size int) string {
	t.Helper()
	ws := partnerkit.New()
	ws.Readiness = []readiness.Round{{ID: "round-1", Title: "Autumn"}}
	var buf bytes.Buffer
	for i := 0; buf.Len() < size; i++ {
		ws.Readiness[0].Responses = append(ws.Readiness[0].Responses, readiness.Response{Rater: fmt.Sprintf("Rater %d", i), Team: []string{"District", "Partner"}[i%2],
			Ratings:  map[string]int{"alignment": 1 + i%4, "resources": 1 + i%3, "metrics": 1 + i%2, "communication": 4 - i%4},
			Concerns: map[string]string{"resources": fmt.Sprintf("Comment %d on resources", i)}})
		if i%1000 == 999 {
			ws.AssignIDs()
			buf.Reset()
			require.NoError(t, ws.Save(&buf))
		}
	}
	path := filepath.Join(dir, "big-workspace.json")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

// watchFrames starts recording the page's long tasks, the gaps between its
// frames and the progress lines it shows.
func (b *browser) watchFrames() {
	b.t.Helper()
	eval[bool](b, `(window.__pkLong = [], window.__pkGap = 0, window.__pkObs && window.__pkObs.disconnect(),
window.__pkObs = new PerformanceObserver(l => { for (const e of l.getEntries()) window.__pkLong.push(e.duration) }), window.__pkObs.observe({type: "longtask"}),
window.__pkLines = [], window.__pkLineObs && window.__pkLineObs.disconnect(),
window.__pkLineObs = new MutationObserver(() => { const l = (document.querySelector("#pk-task-line") || {}).textContent || "";
  if (l && window.__pkLines.at(-1) !== l) window.__pkLines.push(l) }), window.__pkLineObs.observe(document.body, {subtree: true, childList: true, characterData: true}),
(function frame(last) { requestAnimationFrame(now => { if (last) window.__pkGap = Math.max(window.__pkGap, now - last); frame(now) }) })(0), true)`)
}

// frames returns the longest task and the longest gap between two frames
// since watchFrames, in milliseconds.
func (b *browser) frames() (longest, gap float64) {
	b.t.Helper()
	long := eval[[]float64](b, `window.__pkLong`)
	sort.Float64s(long)
	if len(long) > 0 {
		longest = long[len(long)-1]
	}
	return longest, eval[float64](b, `window.__pkGap`)
}

// answer presses a key in the text field sel while the page works, and
// returns how long the browser took to take it: the key is sent when the
// browser's main thread is free.
func (b *browser) answer(sel string) time.Duration {
	b.t.Helper()
	start := time.Now()
	b.do(chromedp.SendKeys(chromedp.CSS(sel), "x"))
	return time.Since(start)
}

// lines returns every progress line shown since watchFrames, once the
// page has shown one that contains want.
func (b *browser) lines(want string) []string {
	b.t.Helper()
	b.do(chromedp.Poll[chromedp.Void](fmt.Sprintf(`window.__pkLines.some(l => l.includes(%q))`, want), chromedp.WithPollingTimeout(3*time.Minute)))
	return eval[[]string](b, `window.__pkLines`)
}

// TestBigImportsStayResponsive imports a survey export of 30,000
// responses, then opens a big workspace file: while the page works, a line
// says how far it is and a keystroke is taken; the longest task and the
// longest gap between frames are reported.
func TestBigImportsStayResponsive(t *testing.T) {
	b := newBrowserFor(t, 10*time.Minute)
	u := fileURL(built.page)
	b.open(u)
	dir := t.TempDir()
	file := bigExport(t, dir, 30_000)
	b.click(`#pk-nav-facilitate`)

	b.watchFrames()
	start := time.Now()
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-csv`), []string{file}))
	b.lines("Reading the rows")
	key := b.answer(`#pk-paste`)
	seen := b.lines("Checking 30,000 responses…")
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-exp-add`)))
	took := time.Since(start)
	longest, gap := b.frames()
	t.Logf("reading and checking 30,000 responses: %v; lines %q; a key taken in %v; longest task %.0f ms, longest gap between frames %.0f ms",
		took.Round(time.Millisecond), seen, key.Round(time.Millisecond), longest, gap)
	assert.Equal(t, "x", b.value(`#pk-paste`), "the key pressed while the page worked was taken")

	b.watchFrames()
	start = time.Now()
	b.click(`#pk-exp-add`)
	b.lines("Adding 0 of 30,000")
	key = b.answer(`#pk-paste`)
	seen = b.lines("Adding")
	addLongest, addGap := b.frames()
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	took = time.Since(start)
	longest, gap = b.frames()
	t.Logf("adding 30,000 responses: %v; lines %q; a key taken in %v; while adding: longest task %.0f ms, longest gap %.0f ms; to the summary drawn: longest task %.0f ms, gap %.0f ms",
		took.Round(time.Millisecond), seen, key.Round(time.Millisecond), addLongest, addGap, longest, gap)
	assert.Equal(t, "xx", b.value(`#pk-paste`))
	assert.Contains(t, b.text(`#pk-notices`), "Added 30,000 responses")
	assert.GreaterOrEqual(t, len(seen), 3, "adding runs in slices, each saying how far it is")
	b.assertOffline(u)
}

// TestABigWorkspaceFileOpensInSlices opens a workspace file about as big as
// the browser keeps: a line says how far it is, and a key is taken while
// it works.
func TestABigWorkspaceFileOpensInSlices(t *testing.T) {
	b := newBrowserFor(t, 10*time.Minute)
	u := fileURL(built.page)
	b.open(u)
	file := bigWorkspaceFile(t, t.TempDir(), bigWorkspaceSize)
	info, err := os.Stat(file)
	require.NoError(t, err)
	b.click(`#pk-nav-data`)
	b.watchFrames()
	start := time.Now()
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-import`), []string{file}))
	b.lines("Reading \"big-workspace.json\"")
	start2 := time.Now()
	b.do(chromedp.KeyEvent(kb.Tab))
	key := time.Since(start2)
	seen := b.lines("Opening")
	b.do(chromedp.Poll[chromedp.Void](`!document.querySelector("#pk-task-line")`, chromedp.WithPollingTimeout(5*time.Minute)))
	took := time.Since(start)
	longest, gap := b.frames()
	assert.Contains(t, b.text(`#pk-notices`), `Opened "big-workspace.json" as a workspace of its own.`)
	assert.True(t, slices.ContainsFunc(seen, func(l string) bool {
		return strings.HasPrefix(l, `Reading "big-workspace.json"… `) && strings.HasSuffix(l, "%")
	}),
		"the line says how far the file is read: %q", seen)
	t.Logf("opening a workspace file of %.1f MB: %v; %d lines, from %q to %q; a key taken in %v; longest task %.0f ms, longest gap between frames %.0f ms",
		float64(info.Size())/1e6, took.Round(time.Millisecond), len(seen), seen[0], seen[len(seen)-1], key.Round(time.Millisecond), longest, gap)
	b.assertOffline(u)
}

// bigWorkspaceSize is the size of the big workspace file opened: close to
// the most a browser keeps for a page (Chromium's localStorage holds 5
// million characters per origin), far below what a workspace file may be
// (partnerkit.MaxFileSize).
const bigWorkspaceSize = 4 << 20
