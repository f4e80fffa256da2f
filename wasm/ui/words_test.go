package ui

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/partnerkit/partnerkit"
	"github.com/stretchr/testify/require"
)

// internalWords returns what must never be read on the page: the JSON
// names of the file format that are not words (hoursPerWeek, workspaceId),
// and the IDs of the workspace's records that are not words either
// (partner-1, 2027-01-20-quarterly).
func internalWords(t *testing.T, ws *partnerkit.Workspace) []string {
	seen := map[string]bool{}
	var names func(reflect.Type)
	names = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen["type:"+t.String()] {
			return
		}
		seen["type:"+t.String()] = true
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if strings.IndexFunc(name, unicode.IsUpper) > 0 {
				seen[name] = true
			}
			names(t.Field(i).Type)
		}
	}
	names(reflect.TypeOf(partnerkit.Workspace{}))
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	var tree any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &tree))
	var ids func(any, string)
	ids = func(v any, key string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				ids(x, k)
			}
		case []any:
			for _, x := range v {
				ids(x, key)
			}
		case string:
			if (key == "id" || key == "workspaceId" || key == "from" || key == "revision") && strings.ContainsAny(v, "0123456789-_") {
				seen[v] = true
			}
		}
	}
	ids(tree, "")
	var out []string
	for w := range seen {
		if !strings.HasPrefix(w, "type:") {
			out = append(out, w)
		}
	}
	return out
}

// pathLike matches what reads like a JSON path, a rule or a standard's ID.
var pathLike = regexp.MustCompile(`\b(partnership|contract|meetings|readiness|appendix|capacity|initiatives|demands|people|partners|schools|priorities|context|workspace|agenda|alignment|resources|metrics|communication)(\[\d+\]|\.[a-z0-9])|\[\d+\]`)

// visibleText is the text a user reads in a tree, on screen or printed,
// with the labels screen readers read out and the alternatives of images.
func visibleText(n *Node) string {
	return readText(n, true)
}

// screenText is visibleText without the document drawn for print.
func screenText(n *Node) string {
	return readText(n, false)
}

// readText is what a user reads of n, with or without what only prints.
func readText(n *Node, printed bool) string {
	var b strings.Builder
	n.Walk(func(m *Node) bool {
		if id, _ := m.Attr("id"); !printed && id == "pk-print-doc" {
			return false
		}
		if m.Tag == "" {
			b.WriteString(m.Text)
			b.WriteByte('\n')
			return true
		}
		for _, a := range []string{"aria-label", "alt", "title", "placeholder"} {
			if v, ok := m.Attr(a); ok {
				b.WriteString(v + "\n")
			}
		}
		if len(m.Children) == 0 && m.Text != "" {
			b.WriteString(m.Text + "\n")
		}
		return true
	})
	return b.String()
}

// everyView renders every view of the app, with each initiative and each
// meeting open in turn, live mode, the contract's preview: what a user can
// see of this workspace.
func everyView(a *App) map[string]*Node {
	out := map[string]*Node{}
	for _, v := range []View{ViewStart, ViewPartnership, ViewRate, ViewFacilitate, ViewContract, ViewMeetings, ViewReview, ViewData} {
		a.Handle(Event{Action: "nav", Arg: string(v)})
		out[string(v)] = a.Render()
	}
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	a.Handle(Event{Action: "map.show"})
	if p := a.ws.Partnership; p != nil {
		for i := range p.Initiatives {
			a.Handle(Event{Action: "part.open", Arg: itoa(i)})
			settle(a)
			out["initiative "+itoa(i)] = a.Render()
		}
	}
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.preview"})
	out["contract preview"] = a.Render()
	a.Handle(Event{Action: "contract.preview"})
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	for i := range a.ws.Meetings {
		a.Handle(Event{Action: "meeting.open", Arg: itoa(i)})
		out["meeting "+itoa(i)] = a.Render()
		a.Handle(Event{Action: "meeting.live"})
		out["meeting live "+itoa(i)] = a.Render()
		a.Handle(Event{Action: "meeting.live"})
	}
	return out
}

// TestNothingInternalIsShown walks every view of the example and of a
// workspace built from nothing, with every kind of item added and nothing
// typed, and fails on any JSON path, ID or name of the file format in what a
// user reads.
func TestNothingInternalIsShown(t *testing.T) {
	for name, a := range map[string]*App{"the example": exampleWithEverything(t), "a new workspace": newWithEverything(t)} {
		internal := internalWords(t, a.ws)
		for view, tree := range everyView(a) {
			text := visibleText(tree)
			for _, m := range pathLike.FindAllString(text, -1) {
				t.Errorf("%s, %s: a path or ID is shown: %q in %q", name, view, m, around(text, m))
			}
			for _, w := range internal {
				if i := wordIndex(text, w); i >= 0 {
					t.Errorf("%s, %s: %q is shown, in %q", name, view, w, around(text, w))
				}
			}
		}
	}
}

// wordIndex finds w in text as a whole word.
func wordIndex(text, w string) int {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return -1
		}
		j += i
		before, after := j == 0 || !wordChar(text[j-1]), j+len(w) == len(text) || !wordChar(text[j+len(w)])
		if before && after {
			return j
		}
		i = j + 1
	}
}

func wordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func around(text, w string) string {
	i := strings.Index(text, w)
	from, to := max(0, i-60), min(len(text), i+len(w)+60)
	return strings.ReplaceAll(text[from:to], "\n", " | ")
}

func itoa(i int) string { return string(rune('0'+i/10%10)) + string(rune('0'+i%10)) }

// exampleWithEverything is the example with a contract, a readiness round
// and a meeting with an action carried over.
func exampleWithEverything(t *testing.T) *App {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	addEverything(t, a)
	return a
}

// newWithEverything is a new workspace with one of every item, nothing typed.
func newWithEverything(t *testing.T) *App {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.new"})
	a.Handle(Event{Action: "part.start"})
	for _, what := range []string{"partner", "school", "person", "priority", "initiative", "capacity"} {
		a.Handle(Event{Action: "part.add", Arg: what})
	}
	a.Handle(Event{Action: "part.add", Arg: "demand|0"})
	addEverything(t, a)
	return a
}

func addEverything(t *testing.T, a *App) {
	raters := New(Config{Now: fixedNow}, nil, nil)
	code := rateAs(t, raters, "District leadership team", "Ana", []int{4, 3, 2, 3}, "Summer clash")
	for _, ev := range []Event{
		{Action: "nav", Arg: string(ViewFacilitate)}, {Action: "fac.paste", Value: code}, {Action: "fac.addcodes"},
		{Action: "contract.start"}, {Action: "contract.add", Arg: "activity"}, {Action: "contract.add", Arg: "measure"},
		{Action: "contract.add", Arg: "duty"}, {Action: "nav", Arg: string(ViewMeetings)}, {Action: "meeting.create"},
		{Action: "meeting.add", Arg: "action"}, {Action: "meeting.close"}, {Action: "meeting.next"},
	} {
		a.Handle(ev)
	}
}

// TestImportProblemsAreInPlainWords opens files that cannot be used: what
// is wrong is said with the page's words, not the file's paths.
func TestImportProblemsAreInPlainWords(t *testing.T) {
	for name, file := range map[string]string{
		"no version":    `{"readiness": []}`,
		"newer version": `{"schemaVersion": 99}`,
		"a wrong value": `{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "P", "district": {"id": "d", "name": "D"}, "partners": [{"id": "p", "name": "Q", "approach": "magic"}]}}`,
	} {
		a := newApp(t)
		a.Handle(Event{Action: "data.import", Files: []File{{Name: "x.json", Data: []byte(file)}}})
		require.NotEmpty(t, a.notices, name)
		n := a.notices[len(a.notices)-1]
		text := n.Text + " " + strings.Join(n.Details, " ")
		require.NotContains(t, text, "schemaVersion", name)
		require.Empty(t, pathLike.FindAllString(text, -1), "%s: %s", name, text)
	}
}
