//go:build !js

package browsertest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Typing the way people do: one key at a time, with the pauses of someone
// who thinks, looks up or is interrupted, then Tab to the next field.

// pauses draws the pause before each key. Most pauses of people typing are
// short; the long ones are those that matter here, as the page checks what
// was typed after 300 ms without a key and saves after 400 ms: each field
// gets one pause drawn from the whole range 50–800 ms, the others from
// 50–150 ms, which keeps a test that types into every field quick enough.
type pauses struct {
	r    *rand.Rand
	long int // the key before which the long pause falls
}

// newPauses returns the pauses of one test, from a seed it logs so that a
// failure can be replayed.
func newPauses(t *testing.T) *pauses {
	seed := uint64(time.Now().UnixNano())
	t.Logf("pauses drawn with seed %d", seed)
	return &pauses{r: rand.New(rand.NewPCG(seed, 13))}
}

// field starts a field of n keys.
func (p *pauses) field(n int) {
	p.long = p.r.IntN(max(n, 1))
}

// before returns the pause before key i of the field.
func (p *pauses) before(i int) time.Duration {
	if i == p.long {
		return time.Duration(50+p.r.IntN(751)) * time.Millisecond
	}
	return time.Duration(50+p.r.IntN(101)) * time.Millisecond
}

// human focuses the field as a click would, selects what it holds (when
// replace), and types text into it key by key with the pauses p gives. It
// fails the test when the focus leaves the field while typing.
func (b *browser) human(sel, text string, replace bool, p *pauses) {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(sel)))
	id := eval[string](b, fmt.Sprintf(`document.querySelector(%q).id`, sel))
	b.keys(sel, text, replace, p, func(typed string) {
		require.Equal(b.t, id, eval[string](b, `document.activeElement.id`), "typing %q into %s, the focus left the field after %q", text, sel, typed)
	})
}

// keys is human without its checks: it focuses the field, selects what it
// holds (when replace), types text key by key with the pauses p gives ("→"
// is the right arrow key), and calls after, when not nil, with what is
// typed so far after each key. A test that types into a hundred fields
// checks the focus and the text once each field is typed, as asking the
// page after every key would make it take many more minutes.
func (b *browser) keys(sel, text string, replace bool, p *pauses, after func(typed string)) {
	b.t.Helper()
	b.do(chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Focus(chromedp.CSS(sel)))
	if replace {
		b.do(chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	}
	keys := []rune(text)
	p.field(len(keys))
	for i, r := range keys {
		time.Sleep(p.before(i))
		k := string(r)
		switch r {
		case '\n':
			k = kb.Enter
		case '→':
			k = kb.ArrowRight
		}
		b.do(chromedp.KeyEvent(k))
		if after != nil {
			after(string(keys[:i+1]))
		}
	}
}

// tab moves on to the next field, as people do when they are done with one.
func (b *browser) tab() {
	b.t.Helper()
	b.do(chromedp.KeyEvent(kb.Tab))
}

// value returns the value of the field matching sel.
func (b *browser) value(sel string) string {
	b.t.Helper()
	return eval[string](b, fmt.Sprintf(`document.querySelector(%q).value`, sel))
}

// saved returns what expr, JavaScript over ws, the workspace saved on this
// device, gives as text, once it gives want or a few seconds have passed:
// the page saves after a pause.
func (b *browser) saved(expr, want string) string {
	b.t.Helper()
	read := `(() => { const ws = JSON.parse(` + currentJS + ` || "{}"); try { return String(` + expr + `) } catch (e) { return "" + e } })()`
	_, _ = chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](read+` === `+fmt.Sprintf("%q", want), chromedp.WithPollingTimeout(5*time.Second)))
	return eval[string](b, read)
}

// TestDecimalsTypedKeyByKeyAreKept types 9, a point and 5 into the hours a
// week teachers have, pausing between the keys long enough for the page to
// check and save: the field reads 9.5, and so does the saved workspace.
func TestDecimalsTypedKeyByKeyAreKept(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.openExample(u)
	b.click(`#pk-nav-partnership`)
	sel := at("partnership.capacity[0].hoursPerWeek")
	slow := &pauses{r: rand.New(rand.NewPCG(1, 2)), long: -1}
	b.human(sel, "9", true, slow)
	time.Sleep(700 * time.Millisecond) // the checks run and the page saves
	b.human(sel, ".", false, slow)
	time.Sleep(700 * time.Millisecond)
	assert.Equal(t, "9.", b.value(sel), "the point stays while the field has the focus")
	b.human(sel, "5", false, slow)
	assert.Equal(t, "9.5", b.value(sel))
	assert.Equal(t, "9.5", b.saved(`ws.partnership.capacity[0].hoursPerWeek`, "9.5"))
	b.tab()
	b.settled()
	assert.Equal(t, "9.5", b.value(sel), "and after the field lost the focus")
}

// TestKeystrokesSurviveABanner clears a partner's name, waits for the list
// of what to fill in next to appear above, then types a new name: every key
// lands in the field, which keeps the focus.
func TestKeystrokesSurviveABanner(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.openExample(u)
	b.click(`#pk-nav-partnership`)
	i := eval[int](b, `[...document.querySelectorAll('[data-path^="partnership.partners["][data-path$="].name"]')].findIndex(e => e.value === "Assessment TAO")`)
	require.GreaterOrEqual(t, i, 0)
	sel := at(fmt.Sprintf("partnership.partners[%d].name", i))
	p := newPauses(t)
	b.human(sel, "", true, p)
	b.do(chromedp.KeyEvent(kb.Backspace))
	time.Sleep(time.Second)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-part-next`)))
	b.human(sel, "Assessment partners", false, p)
	assert.Equal(t, "Assessment partners", b.value(sel))
	assert.Equal(t, "Assessment partners", b.saved(fmt.Sprintf(`ws.partnership.partners[%d].name`, i), "Assessment partners"))
}

// TestTheNextFieldGetsEveryKey fills the last missing value of a new
// workspace and goes straight on to the next field: the list of what to
// fill in next goes away above while the next field is typed in, and no key
// is lost. It runs several times, as the loss came in some runs only.
func TestTheNextFieldGetsEveryKey(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-start-new`)
	b.click(`#pk-part-start`)
	p := newPauses(t)
	b.human(at("partnership.name"), "Riverside", false, p)
	b.tab()
	b.human(at("partnership.district.name"), "Riverside Unified", false, p)
	for run, audience := range []string{"coaches", "counselors", "aides", "principals"} {
		b.click(`#pk-part-add-capacity`)
		who := fmt.Sprintf("partnership.capacity[%d]", run)
		time.Sleep(time.Second) // the missing audience is listed above
		b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-part-next`)))
		b.human(at(who+".audience"), audience, false, p)
		b.tab()
		b.human(at(who+".hoursPerWeek"), "12", false, &pauses{r: p.r, long: -1})
		assert.Equal(t, "12", b.value(at(who+".hoursPerWeek")), "run %d", run)
	}
	b.settled()
	assert.Equal(t, "12,12,12,12", b.saved(`ws.partnership.capacity.map(c => c.hoursPerWeek).join()`, "12,12,12,12"))
	assert.False(t, strings.Contains(b.text(`#pk-main`), "values need"), "nothing is left to correct")
}
