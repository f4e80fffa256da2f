//go:build !js

package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/wasm/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryFieldKeyByKey types into every field of every editor, as the
// field model declares them, the way a person does: it goes to the field,
// types a value key by key with pauses of 50–800 ms (a choice with the arrow
// keys, a checkbox with the space bar) and tabs on. At the end it exports the
// workspace and checks that each field holds exactly what was typed, and
// that the page shows it so after a reload. It runs on the example, with
// its contract and a meeting, and on a workspace built from nothing, side
// by side; each declared field is typed
// into in at least one of them (some fields are only drawn with a
// partnership, some only without one).
func TestEveryFieldKeyByKey(t *testing.T) {
	needBrowser(t)
	var mu sync.Mutex
	typed := map[string]bool{} // the declared fields typed into, by pattern
	t.Run("both", func(t *testing.T) {
		for _, w := range []struct {
			name  string
			start func(b *browser)
		}{
			{"the example", func(b *browser) {
				b.click(`#pk-start-example`)
				b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
				// Its contract and a meeting, were it without them.
				b.click(`#pk-nav-contract`)
				if eval[bool](b, `document.getElementById("pk-contract-start") !== null`) {
					b.click(`#pk-contract-start`)
				}
				b.click(`#pk-nav-meetings`)
				if eval[bool](b, `document.querySelector('button[data-on-click="meeting.open"]') === null`) {
					b.fill(`#pk-meet-new-start`, "2027-09-14T15:30")
					b.click(`#pk-meet-create`)
				}
				b.settled()
			}},
			{"a workspace built from nothing", (*browser).buildEverything},
		} {
			t.Run(w.name, func(t *testing.T) {
				t.Parallel()
				for _, p := range typeEveryField(t, w.start, nil) {
					mu.Lock()
					typed[p] = true
					mu.Unlock()
				}
			})
		}
	})
	if t.Failed() {
		return
	}
	// What only a workspace without a partnership draws (the names of the
	// contract's sides and people, typed as free text), and what only
	// figures of a removed measure draw.
	left := map[string]bool{}
	for _, p := range ui.New(ui.Config{}, nil, nil).DeclaredFields() {
		left[p] = !typed[p]
	}
	t.Run("a contract without a partnership", func(t *testing.T) {
		for _, p := range typeEveryField(t, func(b *browser) {
			b.click(`#pk-start-new`)
			b.click(`#pk-nav-contract`)
			b.click(`#pk-contract-start`)
			b.click(`#pk-contract-add-duty`)
			b.settled()
		}, left) {
			typed[p] = true
		}
	})
	// What only figures of a removed measure draw: the choice of their measure.
	t.Run("figures whose measure was removed", func(t *testing.T) {
		for _, p := range typeEveryField(t, func(b *browser) {
			b.click(`#pk-start-example`)
			b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
			b.click(`#pk-nav-contract`)
			b.click(`button[data-on-click="contract.remove"][data-arg="measure|0"]`)
			b.settled()
		}, left) {
			typed[p] = true
		}
	})
	for p, missing := range left {
		assert.True(t, !missing || typed[p], "%s was typed into in one workspace or another", p)
	}
}

// buildEverything starts a new workspace and adds one of every item the
// page edits, with the page's own buttons: the partnership's parts, an
// initiative with a demand, the contract with an activity, a measure and
// a duty, a meeting with an action, and a readiness round of a response
// sent as a code and one from a survey whose team names no side.
func (b *browser) buildEverything() {
	b.t.Helper()
	code := b.rate(rater{"Ana", []int{3, 2, 3, 4}, ""})
	b.click(`#pk-nav-facilitate`)
	b.click(`#pk-round-new`)
	b.paste(`#pk-paste`, code)
	b.click(`#pk-add-codes`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-summary`)))
	var survey bytes.Buffer
	require.NoError(b.t, readiness.Round{Responses: []readiness.Response{{Rater: "Ben", Team: "Central office", Submitted: "2027-01-12",
		Ratings: map[string]int{"alignment": 2, "resources": 3, "metrics": 2, "communication": 3}}}}.WriteCSV(&survey))
	file := filepath.Join(b.t.TempDir(), "survey.csv")
	require.NoError(b.t, os.WriteFile(file, survey.Bytes(), 0o644))
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-csv`), []string{file}))
	b.click(`#pk-exp-add`) // the export is shown as read, then added
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-responses").textContent.includes("Ben")`, chromedp.WithPollingTimeout(10*time.Second)))
	b.click(`#pk-nav-partnership`)
	b.click(`#pk-part-start`)
	for _, add := range []string{"partner", "school", "person", "priority", "capacity", "initiative", "demand"} {
		b.click(`#pk-part-add-` + add)
	}
	b.click(`#pk-nav-contract`)
	b.click(`#pk-contract-start`)
	for _, add := range []string{"activity", "measure", "duty"} {
		b.click(`#pk-contract-add-` + add)
	}
	b.click(`#pk-nav-meetings`)
	b.fill(`#pk-meet-new-start`, "2027-09-14T15:30")
	b.click(`#pk-meet-create`)
	b.click(`#pk-meet-add-action`)
	b.settled()
}

// entry is one field typed into: what it should hold at the end.
type entry struct {
	path string
	kind ui.Kind
	want string // what the field shows (ui.FieldInfo.Text)
}

// typeEveryField opens the page, lets start make the workspace, then types
// into one place of each field the model declares in it (of those in only,
// when only is not nil), and checks the exported file and the reloaded
// page. It returns the declared fields typed.
func typeEveryField(t *testing.T, start func(b *browser), only map[string]bool) []string {
	b := newBrowserFor(t, 10*time.Minute)
	u := fileURL(built.page)
	b.open(u)
	start(b)
	began := time.Now()
	p := newPauses(t)
	before, _ := b.export()
	var done []entry
	seen := map[string]bool{}
	for _, path := range pickPlaces(before, p.r) {
		if only != nil && !only[ui.Pattern(path)] {
			continue
		}
		info, ok := before.FieldAt(path)
		if !ok || !b.reach(path) {
			continue // drawn in the other workspace: a sentence stands for it here
		}
		e, ok := b.typeField(path, info.Kind, len(done), p)
		if !ok {
			continue
		}
		done = append(done, e)
		seen[ui.Pattern(path)] = true
	}
	b.settled()
	t.Logf("typed into %d fields in %s", len(done), time.Since(began).Round(time.Second))

	// The exported file holds exactly what was typed.
	after, file := b.export()
	for _, e := range done {
		info, ok := after.FieldAt(e.path)
		if assert.True(t, ok, "%s is in the exported file", e.path) {
			assert.Equal(t, e.want, shownAs(e.kind, info.Text), "%s in the exported file", e.path)
			assert.Empty(t, info.Problem, e.path)
		}
	}
	checkNumbers(t, file, done)

	// So does the page, opened again.
	b.open(u)
	for _, e := range done {
		if e.kind == ui.KindSet || e.kind == ui.KindCheck || !b.reach(e.path) {
			continue
		}
		assert.Equal(t, e.want, b.value(at(e.path)), "%s after a reload", e.path)
	}
	b.assertOffline(u)
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	return out
}

// pickPlaces returns, for each declared field, one of the places where the
// page draws it in the workspace (as a finding's link to it finds it: a
// team that names a side has no list to choose it from), drawn at random,
// in the order of the declarations; the
// time zone first, as a meeting's time is typed in the workspace's zone and
// changing the zone keeps each meeting at its moment, so that its time then
// reads differently.
func pickPlaces(a *ui.App, r *rand.Rand) []string {
	byPattern := map[string][]string{}
	var order []string
	for _, p := range a.FieldPaths() {
		a.Handle(ui.Event{Action: "fix", Arg: p})
		if n := a.Render().Find(ui.FieldID(p)); n == nil || n.Tag == "div" {
			continue // a sentence stands for it here
		}
		pat := ui.Pattern(p)
		if _, ok := byPattern[pat]; !ok {
			order = append(order, pat)
		}
		byPattern[pat] = append(byPattern[pat], p)
	}
	if i := slices.Index(order, "timeZone"); i > 0 {
		order = slices.Insert(slices.Delete(order, i, i+1), 0, "timeZone")
	}
	out := make([]string, 0, len(order))
	for _, pat := range order {
		places := byPattern[pat]
		out = append(out, places[r.IntN(len(places))])
	}
	return out
}

// export downloads the workspace from the data tab, as a user keeping a
// copy would, and returns it opened as the page would, and as it is.
func (b *browser) export() (*ui.App, []byte) {
	b.t.Helper()
	dl := b.allowDownloads()
	b.click(`#pk-nav-data`)
	b.click(`#pk-export`)
	data, err := os.ReadFile(b.waitFile(dl, "partnerkit-*.json"))
	require.NoError(b.t, err)
	ws, n, _ := ui.Restore(string(data), true)
	require.Nil(b.t, n, "the exported file opens")
	return ui.New(ui.Config{}, ws, nil), data
}

// reach goes to the field at path as a user would: to its tool's tab, then
// to its item (an initiative, a meeting), and reports whether the field is
// on the page as an input, a select, a text area or a set of checkboxes.
func (b *browser) reach(path string) bool {
	b.t.Helper()
	id := ui.FieldID(path)
	present := fmt.Sprintf(`(el => el !== null && el.tagName !== "DIV" && el.getClientRects().length > 0)(document.getElementById(%q))`, id)
	if eval[bool](b, present) {
		return true
	}
	tab := map[string]string{"partnership": "partnership", "contract": "contract", "meetings": "meetings", "timeZone": "meetings",
		"readiness": "facilitate", "observations": "progress"}
	name, _, _ := strings.Cut(path, ".")
	name, _, _ = strings.Cut(name, "[")
	require.Contains(b.t, tab, name, "which tab edits %s", path)
	b.click(`#pk-nav-` + tab[name])
	if eval[bool](b, present) {
		return true
	}
	var i int
	switch {
	case scan(path, "partnership.initiatives[%d]", &i):
		if eval[bool](b, `document.getElementById("pk-part-all") !== null`) {
			b.click(`#pk-part-all`)
		}
		b.click(at(fmt.Sprintf("partnership.initiatives[%d]", i)) + "-edit")
	case scan(path, "meetings[%d]", &i):
		b.click(fmt.Sprintf(`button[data-on-click="meeting.open"][data-arg="%d"]`, i))
	default:
		return false
	}
	return eval[bool](b, present)
}

// scan reads the index of a path that starts with format's item.
func scan(path, format string, i *int) bool {
	_, err := fmt.Sscanf(path, format, i)
	return err == nil
}

// typeField types a value into the field at path, as a person would for
// its kind, and tabs on. n numbers the value, so that each field gets its own.
func (b *browser) typeField(path string, kind ui.Kind, n int, p *pauses) (entry, bool) {
	b.t.Helper()
	sel := at(path)
	e := entry{path: path, kind: kind}
	switch kind {
	case ui.KindChoice:
		if !b.chooseByKeys(path, p, &e) {
			return e, false
		}
	case ui.KindSet, ui.KindCheck:
		box := sel
		if kind == ui.KindSet {
			boxes := eval[[]string](b, fmt.Sprintf(`[...document.querySelectorAll("%s input")].map(i => i.id)`, sel))
			if len(boxes) == 0 {
				return e, false
			}
			// Tick one that is not ticked yet, so that a list it adds to
			// (who comes to a meeting) grows at its end.
			unticked := eval[[]string](b, fmt.Sprintf(`[...document.querySelectorAll("%s input:not(:checked)")].map(i => i.id)`, sel))
			if len(unticked) > 0 {
				boxes = unticked
			}
			box = "#" + boxes[p.r.IntN(len(boxes))]
		}
		b.do(chromedp.ScrollIntoView(chromedp.CSS(box)), chromedp.Focus(chromedp.CSS(box)))
		was := eval[bool](b, fmt.Sprintf(`document.querySelector(%q).checked`, box))
		time.Sleep(p.before(0))
		b.do(chromedp.KeyEvent(" "))
		b.settled()
		require.NotEqual(b.t, was, eval[bool](b, fmt.Sprintf(`document.querySelector(%q).checked`, box)), "the space bar ticks %s", box)
		if kind == ui.KindCheck {
			e.want = strconv.FormatBool(eval[bool](b, fmt.Sprintf(`document.querySelector(%q).checked`, box)))
		} else {
			e.want = shownAs(kind, strings.Join(eval[[]string](b, fmt.Sprintf(`[...document.querySelectorAll("%s input:checked")].map(i => i.dataset.arg)`, sel)), "\n"))
		}
		b.tab()
		return e, true
	case ui.KindDate:
		// A date field takes the digits of the month, the day and the year,
		// as people in the US type them.
		m, d := 1+n%12, 1+n%28
		b.keys(sel, fmt.Sprintf("%02d%02d2027", m, d), false, p, nil)
		e.want = fmt.Sprintf("2027-%02d-%02d", m, d)
	case ui.KindDateTime:
		m, d := 1+n%12, 1+n%28
		// A year takes more than four digits: the arrow key moves on to the hour.
		b.keys(sel, fmt.Sprintf("%02d%02d2027→0330P", m, d), false, p, nil)
		e.want = fmt.Sprintf("2027-%02d-%02dT15:30", m, d)
	default:
		e.want = typedValue(kind, n)
		b.keys(sel, e.want, true, p, nil) // the focus and every key are checked once the field is typed
	}
	require.Equal(b.t, ui.FieldID(path), eval[string](b, `document.activeElement.id`), "typing into %s, the focus left it", path)
	assert.Equal(b.t, e.want, b.value(sel), "%s as typed, while it has the focus", path)
	b.tab()
	return e, true
}

// shownAs is a field's text as the test compares it: the options of a set
// in order, as the order they were ticked in is not the set's.
func shownAs(kind ui.Kind, text string) string {
	if kind != ui.KindSet {
		return text
	}
	lines := strings.Split(text, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// typedValue is the n-th value typed into a field of a kind that takes text.
func typedValue(kind ui.Kind, n int) string {
	switch kind {
	case ui.KindNumber:
		return []string{"9.5", "2,5", "9.", "007", "12"}[n%5]
	case ui.KindWhole:
		return []string{"45", "007", "90"}[n%3]
	case ui.KindEmail:
		return fmt.Sprintf("t%d@x.us", n)
	case ui.KindArea:
		return fmt.Sprintf("A%d,\nb", n)
	case ui.KindLines:
		return fmt.Sprintf("L%d\nM", n)
	case ui.KindDates:
		return fmt.Sprintf("3/%d/2027\n4/6/2027", 1+n%28)
	}
	return fmt.Sprintf("T%d's", n)
}

// chooseByKeys picks another of a select's choices with the arrow keys, one
// key at a time, as people do with a focused list: never the last choice
// that lets the user type a value of their own, and at most three keys away.
func (b *browser) chooseByKeys(path string, p *pauses, e *entry) bool {
	sel := at(path)
	b.do(chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Focus(chromedp.CSS(sel)))
	opts := eval[[]string](b, fmt.Sprintf(`[...document.querySelector(%q).options].map(o => o.value)`, sel))
	cur := eval[int](b, fmt.Sprintf(`document.querySelector(%q).selectedIndex`, sel))
	var near []string
	for i, v := range opts {
		if i != cur && v != "" && v != "\x00other" && i >= cur-3 && i <= cur+3 {
			near = append(near, v)
		}
	}
	if len(near) == 0 {
		return false
	}
	e.want = near[p.r.IntN(len(near))]
	p.field(4)
	for k := 0; k < 8 && b.value(sel) != e.want; k++ {
		// The list is read again before each key: a value that was none
		// of the choices leaves the list once another is chosen.
		now := eval[int](b, fmt.Sprintf(`document.querySelector(%q).selectedIndex`, sel))
		to := eval[int](b, fmt.Sprintf(`[...document.querySelector(%q).options].findIndex(o => o.value === %q)`, sel, e.want))
		time.Sleep(p.before(k))
		key := kb.ArrowDown
		if to < now {
			key = kb.ArrowUp
		}
		b.do(chromedp.KeyEvent(key))
		require.Equal(b.t, ui.FieldID(path), eval[string](b, `document.activeElement.id`), "choosing in %s, the focus left the list", path)
	}
	return true
}

// checkNumbers checks the numbers in the exported file: what was typed as a
// number is a number there, read as people mean it ("2,5" is 2.5, "9." is 9).
func checkNumbers(t *testing.T, data []byte, done []entry) {
	t.Helper()
	var file any
	require.NoError(t, json.Unmarshal(data, &file))
	for _, e := range done {
		var want float64
		switch e.kind {
		case ui.KindNumber:
			want, _ = ui.ParseDecimal(e.want)
		case ui.KindWhole:
			n, _ := ui.ParseWhole(e.want)
			want = float64(n)
		default:
			continue
		}
		assert.Equal(t, want, jsonAt(file, e.path), "%s in the file", e.path)
	}
}

// jsonAt returns the value at a JSON path such as "a.b[2].c" in a decoded
// file, or nil.
func jsonAt(v any, path string) any {
	for _, step := range strings.Split(strings.ReplaceAll(path, "[", ".["), ".") {
		if strings.HasPrefix(step, "[") {
			i, err := strconv.Atoi(strings.Trim(step, "[]"))
			list, ok := v.([]any)
			if err != nil || !ok || i >= len(list) {
				return nil
			}
			v = list[i]
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[step]
	}
	return v
}
