package ui

import (
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1.5", 1.5, true},
		{"1,5", 1.5, true},
		{"12,75", 12.75, true},
		{"9.", 9, true},
		{"9,", 9, true},
		{"007", 7, true},
		{".5", 0.5, true},
		{" 10 ", 10, true},
		{"-2.5", -2.5, true},
		{"+3", 3, true},
		{"1,250", 1250, true},
		{"1,250.5", 1250.5, true},
		{"1.250,5", 1250.5, true},
		{"0,250", 0.25, true},
		{"99999999999999999999", 1e20, true},
		{"", 0, false},
		{" ", 0, false},
		{".", 0, false},
		{"-", 0, false},
		{"NaN", 0, false},
		{"Inf", 0, false},
		{"1e3", 0, false},
		{"1e309", 0, false},
		{"0x10", 0, false},
		{"1.2.3", 0, false},
		{"1,2,3", 0, false},
		{"7,5 h", 0, false},
		{"1_000", 0, false},
		{"١٢", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseDecimal(tt.in)
		assert.Equal(t, tt.ok, ok, "%q", tt.in)
		if tt.ok {
			assert.Equal(t, tt.want, got, "%q", tt.in)
		}
	}
}

func TestParseWhole(t *testing.T) {
	for in, want := range map[string]int{"60": 60, "007": 7, " 5 ": 5, "+5": 5, "-3": -3} {
		got, ok := ParseWhole(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "7.5", "7,5", "1e3", "ten", "99999999999999999999999"} {
		_, ok := ParseWhole(in)
		assert.False(t, ok, in)
	}
}

// TestFieldsKeepWhatIsTyped types into a number field the way people do and
// checks, at each step, the value written, the text shown and the problem.
func TestFieldsKeepWhatIsTyped(t *testing.T) {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	const path = "partnership.capacity[0].hoursPerWeek"
	f, at, ok := a.model.field(path)
	require.True(t, ok)
	tests := []struct {
		typed   string
		value   float64 // what the workspace holds after it
		problem string  // part of the problem shown, "" for none
	}{
		{"1", 1, ""},
		{"1,", 1, ""},
		{"1,5", 1.5, ""},
		{"9.", 9, ""},
		{"007", 7, ""},
		{"", 7, "Write a number"},
		{"huge", 7, "Write a number"},
		{"1000", 7, "from 0 to 168"},
		{"-1", 7, "from 0 to 168"},
		{"NaN", 7, "Write a number"},
		{"12", 12, ""},
	}
	for _, tt := range tests {
		edit(a, path, tt.typed)
		assert.Equal(t, tt.value, a.ws.Partnership.Capacity[0].HoursPerWeek, "after %q", tt.typed)
		text, prob := a.shown(f, at)
		assert.Equal(t, tt.typed, text, "the field shows %q as typed", tt.typed)
		if tt.problem == "" {
			assert.Empty(t, prob, tt.typed)
		} else {
			assert.Contains(t, prob, tt.problem, tt.typed)
		}
	}
	// A value changed elsewhere (an undo, an import) shows as the value.
	a.ws.Partnership.Capacity[0].HoursPerWeek = 3
	text, _ := a.shown(f, at)
	assert.Equal(t, "3", text)
}

// everything returns apps whose workspaces have every kind of item the
// page edits: the example's partnership with a contract and a meeting, and a workspace
// with a contract and a meeting but no partnership.
func everything(t *testing.T) []*App {
	var out []*App
	for _, example := range []bool{true, false} {
		a := New(Config{Now: fixedNow}, nil, nil)
		if example {
			onlyTheExamplesPartnership(a)
		}
		for _, ev := range []Event{
			{Action: "contract.start"}, {Action: "contract.add", Arg: "activity"}, {Action: "contract.add", Arg: "measure"},
			{Action: "contract.add", Arg: "duty"}, {Action: "nav", Arg: string(ViewMeetings)}, {Action: "meeting.create"},
			{Action: "meeting.add", Arg: "action"},
		} {
			a.Handle(ev)
		}
		// A figure of the measure, and one of a measure the supplement does not have.
		a.Handle(Event{Action: "progress.add", Arg: a.ws.Contract.Appendix.Measures[0].ID})
		a.ws.Observations = append(a.ws.Observations, progress.NewObservation("figure-gone", "measure-gone", "2017-10-03", 25))
		// A round with a team that is none of the sides.
		a.ws.Readiness = append(a.ws.Readiness, readiness.Round{ID: "spring", Title: "Spring", Responses: []readiness.Response{
			{ID: "r1", Rater: "Ana", Team: "Central office", Ratings: map[string]int{"alignment": 3}}}})
		if p := a.ws.Partnership; p != nil && len(p.People) > 0 {
			a.Handle(Event{Action: "field.toggle", Path: "meetings[0].attendees", Arg: p.People[0].ID})
		}
		require.NotNil(t, a.ws.Contract)
		require.Len(t, a.ws.Meetings, 1)
		out = append(out, a)
	}
	return out
}

// TestEveryDeclaredFieldIsDrawnWithItsPath goes to every field of every
// editor, as a finding's link does, and checks that it is on the page with
// its path as data-path and its id; every declared field is drawn in one
// workspace or the other (some only with a partnership, some without).
func TestEveryDeclaredFieldIsDrawnWithItsPath(t *testing.T) {
	drawn := map[string]bool{}
	for _, a := range everything(t) {
		for _, p := range a.FieldPaths() {
			a.Handle(Event{Action: "fix", Arg: p})
			n := a.Render().Find(FieldID(p))
			if n == nil || n.Tag == "div" {
				continue // another field, or a sentence, stands for it in this workspace
			}
			drawn[Pattern(p)] = true
			if n.Tag == "fieldset" { // a set of checkboxes
				n.Walk(func(m *Node) bool {
					if m.Tag == "input" {
						got, _ := m.Attr("data-path")
						assert.Equal(t, p, got)
					}
					return true
				})
				continue
			}
			got, _ := n.Attr("data-path")
			assert.Equal(t, p, got, "data-path of %s", p)
		}
	}
	for _, f := range newModel().order {
		assert.True(t, drawn[f.Path], "%s is drawn", f.Path)
	}
}

// TestEveryWorkspaceInputHasItsPath walks every view and checks that each
// input, select and text area that edits the workspace says which value it
// edits with data-path.
func TestEveryWorkspaceInputHasItsPath(t *testing.T) {
	for _, a := range everything(t) {
		a.Handle(Event{Action: "part.open", Arg: "0"})
		for _, v := range []View{ViewPartnership, ViewContract, ViewMeetings, ViewProgress} {
			a.Handle(Event{Action: "nav", Arg: string(v)})
			a.Render().Walk(func(n *Node) bool {
				switch n.Tag {
				case "input", "select", "textarea":
					id, _ := n.Attr("id")
					if !strings.HasPrefix(id, "pk-at-") {
						return true // the page's own state: a new meeting's time, a quick action
					}
					path, ok := n.Attr("data-path")
					assert.True(t, ok, "input %s has a data-path", id)
					_, _, declared := a.model.field(path)
					assert.True(t, declared, "%s is a declared field", path)
				}
				return true
			})
		}
	}
}

// TestNothingMovesWhenABannerComes checks that the element a user types in
// stays the same element when a list of problems appears above it, or goes.
func TestNothingMovesWhenABannerComes(t *testing.T) {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	name := "partnership.partners[1].name"
	id := FieldID(name)
	before := a.Render()
	require.NotNil(t, before.Find(id))
	// A value of the wrong form above: the list of values to correct comes.
	edit(a, "partnership.start", "soon")
	settle(a)
	during := a.Render()
	require.NotNil(t, during.Find("pk-part-problems"), "the list of values to correct came")
	assert.True(t, Kept(before, during, id), "the field is the same element")
	edit(a, "partnership.start", "2016-08-01")
	settle(a)
	after := a.Render()
	require.Nil(t, after.Find("pk-part-problems"), "it went")
	assert.True(t, Kept(during, after, id), "the field is the same element")
	// The field emptied: what to fill in next comes above it.
	edit(a, name, "")
	settle(a)
	empty := a.Render()
	require.NotNil(t, empty.Find("pk-part-next"))
	assert.True(t, Kept(after, empty, id), "the field is the same element")
	a.Handle(Event{Action: "part.remove", Arg: "school|0"})
	assert.True(t, Kept(empty, a.Render(), id), "an undo banner above does not move it either")
}

func TestRemovingAnItemKeepsTypedTextWithItsItem(t *testing.T) {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	edit(a, "partnership.capacity[1].hoursPerWeek", "4,")
	a.Handle(Event{Action: "part.remove", Arg: "capacity|0"})
	f, at, _ := a.model.field("partnership.capacity[0].hoursPerWeek")
	text, _ := a.shown(f, at)
	assert.Equal(t, "4,", text, "the text typed moved up with its audience")
	a.Handle(Event{Action: "part.undo"})
	f, at, _ = a.model.field("partnership.capacity[1].hoursPerWeek")
	text, _ = a.shown(f, at)
	assert.Equal(t, "4,", text, "and back down")
}

// TestTypedTextSurvivesReloadAndExport saves the workspace as the page does,
// opens it again, and finds each field as it was typed.
func TestTypedTextSurvivesReloadAndExport(t *testing.T) {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	edit(a, "partnership.capacity[0].hoursPerWeek", "9.")
	edit(a, "partnership.capacity[1].hoursPerWeek", "7,5 h")
	data, err := Marshal(a.ws)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"partnership.capacity[0].hoursPerWeek": "9."`)
	ws, n, _ := Restore(string(data), true)
	require.Nil(t, n)
	b := New(Config{Now: fixedNow}, ws, nil)
	for path, want := range map[string]string{"partnership.capacity[0].hoursPerWeek": "9.", "partnership.capacity[1].hoursPerWeek": "7,5 h"} {
		f, at, _ := b.model.field(path)
		text, _ := b.shown(f, at)
		assert.Equal(t, want, text, path)
	}
	assert.Equal(t, 9.0, b.ws.Partnership.Capacity[0].HoursPerWeek)

	// Put back to a plain value, nothing is kept any more.
	edit(b, "partnership.capacity[0].hoursPerWeek", "9")
	edit(b, "partnership.capacity[1].hoursPerWeek", "7.5")
	assert.Nil(t, b.ws.Typed)
	// Removed with its item, the text goes too.
	edit(b, "partnership.capacity[1].hoursPerWeek", "x")
	b.Handle(Event{Action: "part.remove", Arg: "capacity|1"})
	assert.Nil(t, b.ws.Typed)
}

// TestFieldAtTellsWhatIsThere reads every declared field in a workspace
// with nothing begun, where there is nothing to read, and in workspaces
// with every kind of item, where each place has its value.
func TestFieldAtTellsWhatIsThere(t *testing.T) {
	empty := New(Config{Now: fixedNow}, nil, nil)
	for _, pattern := range empty.DeclaredFields() {
		path := strings.ReplaceAll(pattern, "[]", "[0]")
		_, ok := empty.FieldAt(path)
		assert.Equal(t, pattern == "timeZone", ok, "%s in a new workspace", path)
	}
	for _, a := range everything(t) {
		for _, p := range a.FieldPaths() {
			info, ok := a.FieldAt(p)
			f, at, _ := a.model.field(p)
			_, there := a.read(f, at) // a workspace without a partnership has no partnership.name
			require.Equal(t, there, ok, p)
			if ok {
				text, problem := a.shown(f, at)
				assert.Equal(t, FieldInfo{Path: p, Kind: f.Kind, Text: text, Problem: problem}, info)
			}
		}
	}
	a := everything(t)[0]
	edit(a, "partnership.capacity[0].hoursPerWeek", "9.")
	info, _ := a.FieldAt("partnership.capacity[0].hoursPerWeek")
	assert.Equal(t, FieldInfo{Path: "partnership.capacity[0].hoursPerWeek", Kind: KindNumber, Text: "9."}, info)
	_, ok := a.FieldAt("partnership.capacity[99].hoursPerWeek")
	assert.False(t, ok, "no such audience")
}
