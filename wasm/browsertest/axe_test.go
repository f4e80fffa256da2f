//go:build !js

package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// axeSource returns axe-core, installed beside this file by "npm ci".
func axeSource(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	p := filepath.Join(filepath.Dir(file), "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is missing (%v): run npm ci in wasm/browsertest", err)
		}
		t.Skipf("axe-core is missing (%v): run npm ci in wasm/browsertest", err)
	}
	return string(src)
}

// audit runs axe-core on the page and fails on every serious or critical
// violation.
func (b *browser) audit(axe, where string) {
	b.t.Helper()
	if !eval[bool](b, `typeof window.axe === "object"`) {
		eval[bool](b, axe+";true")
	}
	res := eval[struct {
		Found  []string
		Passes int
	}](b, `axe.run(document).then(r => ({passes: r.passes.length, found: r.violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => v.impact + " " + v.id + ": " + v.help + " at " + v.nodes.map(n => n.target.join(" ")).join(", "))}))`)
	require.Positive(b.t, res.Passes, "axe-core checked nothing in %s", where)
	assert.Empty(b.t, res.Found, "accessibility problems in %s:\n%s", where, strings.Join(res.Found, "\n"))
}

func TestAccessibility(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	u := fileURL(built.page)
	b.open(u)
	b.audit(axe, "the start screen")
	b.click(`#pk-nav-rate`)
	b.audit(axe, "the rater view")
	b.click(`#pk-submit`) // with nothing filled in: the problems are listed
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-rate-problems`)))
	b.audit(axe, "the rater view listing problems")
	code := b.rate(rater{"Ana", []int{4, 3, 2, 3}, "Time"})
	b.click(`#pk-team-0`)
	b.typeIn(`#pk-rater`, "Ben")
	for i := 0; i < 4; i++ {
		b.click(fmt.Sprintf(`#pk-level-%d-3`, i))
	}
	b.click(`#pk-submit`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-code`)))
	b.audit(axe, "the submitted view")
	b.click(`#pk-nav-facilitate`)
	b.audit(axe, "the facilitator view without rounds")
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, code)
	b.click(`#pk-add-codes`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	b.audit(axe, "the facilitator view with a summary")
	b.click(`#pk-nav-data`)
	b.click(`#pk-delete`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-delete-confirm`)))
	b.audit(axe, "the data view asking to confirm")
	b.open(u + "?view=rubric")
	b.audit(axe, "the embedded rubric")
}

// TestKeyboard rates and submits with the keyboard alone.
func TestKeyboard(t *testing.T) {
	b := newBrowser(t)
	b.open(fileURL(built.page))
	b.click(`#pk-nav-rate`)
	eval[bool](b, `document.getElementById("pk-team-0").focus(), true`)
	b.do(chromedp.KeyEvent(" "))
	require.True(t, eval[bool](b, `document.getElementById("pk-team-0").checked`))
	b.do(chromedp.KeyEvent("\t"))
	require.Equal(t, "pk-rater", eval[string](b, `document.activeElement.id`), "Tab moves from the team to the name")
	b.do(chromedp.KeyEvent("Kim"))
	// Tab to the first rating group and pick a level with the arrow keys.
	for i := 0; i < 10 && !strings.HasPrefix(eval[string](b, `document.activeElement.id`), "pk-level-0-"); i++ {
		b.do(chromedp.KeyEvent("\t"))
	}
	require.True(t, strings.HasPrefix(eval[string](b, `document.activeElement.id`), "pk-level-0-"))
	outline := eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`)
	assert.NotEqual(t, "none", outline, "the focused control shows where focus is")
	b.do(chromedp.KeyEvent(" "))
	assert.Equal(t, "Kim", eval[string](b, `document.getElementById("pk-rater").value`))
	assert.True(t, eval[bool](b, `[...document.querySelectorAll('input[name="pk-level-0"]')].some(r => r.checked)`))
}
