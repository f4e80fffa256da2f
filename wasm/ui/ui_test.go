package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fixedNow() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }

func newApp(t *testing.T) *App {
	t.Helper()
	return New(Config{Now: fixedNow, Storage: store.NewMemory(0)}, partnerkit.New(), nil)
}

// backups returns the texts of the backups the app keeps, newest first.
func backups(t *testing.T, a *App) []string {
	t.Helper()
	require.NotNil(t, a.save.store)
	kept, err := a.save.store.Backups()
	require.NoError(t, err)
	out := make([]string, len(kept))
	for i, b := range kept {
		out[i], err = a.save.store.ReadBackup(b)
		require.NoError(t, err)
	}
	return out
}

// onlyTheExamplesPartnership opens the built-in example and keeps only its
// partnership (without its time zone: times are then in UTC), so that a
// test can draft the other tools from nothing for the example's district.
func onlyTheExamplesPartnership(a *App) {
	a.Handle(Event{Action: "start.example"})
	a.ws.Contract, a.ws.Meetings, a.ws.Observations, a.ws.TimeZone = nil, nil, nil, ""
	a.touched("test.reset")
}

func TestCheckRefusesMarkupAndHandlers(t *testing.T) {
	tests := []struct {
		name string
		n    *Node
		ok   bool
	}{
		{"plain", El("p", A("class", "x"), "hello"), true},
		{"script tag", El("script", "alert(1)"), false},
		{"onclick", El("button", A("onclick", "alert(1)")), false},
		{"style", El("p", A("style", "color:red")), false},
		{"javascript href", El("a", A("href", "javascript:alert(1)")), false},
		{"page-local href", El("a", A("href", "#x")), true},
		{"data image", El("img", A("src", "data:image/svg+xml;base64,AAAA"), A("alt", "chart")), true},
		{"data html", El("img", A("src", "data:text/html,<script>")), false},
		{"aria", El("div", A("aria-live", "polite")), true},
		{"odd data name", El("div", A("data-x y", "1")), false},
		{"iframe", El("iframe"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.n.Check()
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
}

func TestCodeRoundTrip(t *testing.T) {
	r := readiness.Response{Rater: "Ana <img src=x onerror=alert(1)>", Team: "District",
		Ratings: map[string]int{"alignment": 3}, Concerns: map[string]string{"alignment": "time é"}}
	code, err := EncodeCode(r)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(code, CodePrefix))
	assert.NotContains(t, code[len(CodePrefix):], "+")
	assert.NotContains(t, code, "/")
	got, err := DecodeResponse("  " + code[:10] + "\n" + code[10:] + "\n")
	require.NoError(t, err)
	assert.Equal(t, r, got)
}

func TestDecodeResponseRejectsGarbage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "starts with"},
		{"hello", "starts with"},
		{"pk1.***", "a character a code cannot have"},
		{"pk1.AAAA", "cut short"},
		{"pk1.A", "cut short"},
	}
	for _, tt := range tests {
		_, err := DecodeResponse(tt.in)
		require.Error(t, err, tt.in)
		assert.Contains(t, err.Error(), tt.want)
	}
	notResponse, err := EncodeCode(map[string]any{"rater": "A", "team": "T", "color": "red"})
	require.NoError(t, err)
	_, err = DecodeResponse(notResponse)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "color")
	noRater, err := EncodeCode(map[string]any{"team": "T"})
	require.NoError(t, err)
	_, err = DecodeResponse(noRater)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rater")
}

func FuzzDecodeResponse(f *testing.F) {
	good, _ := EncodeCode(readiness.Response{Rater: "A", Team: "District", Ratings: map[string]int{"metrics": 2}})
	f.Add(good)
	f.Add("pk1.")
	f.Add("pk1.eJw")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := DecodeResponse(s)
		if err == nil {
			assert.NotEmpty(t, r.Rater)
		}
	})
}

func FuzzDecodeRubric(f *testing.F) {
	good, _ := EncodeCode(readiness.Rubric{ID: "x", Title: "X", Categories: []readiness.Category{{ID: "a", Title: "A"}}})
	f.Add(good)
	f.Add("pk1.AAAA")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := DecodeRubric(s)
		if err == nil {
			assert.NotEmpty(t, r.Categories)
		}
	})
}

func TestRestore(t *testing.T) {
	ws, n, aside := Restore("", false)
	require.NotNil(t, ws)
	assert.Nil(t, n)
	assert.False(t, aside)

	ws, n, aside = Restore(`{"schemaVersion": 1, "readiness": [{"id": "r1", "title": "Spring"}]}`, true)
	require.NotNil(t, ws)
	assert.Nil(t, n)
	assert.False(t, aside)
	require.Len(t, ws.Readiness, 1)
	assert.Equal(t, "Spring", ws.Readiness[0].Title)

	ws, n, aside = Restore(`{"schemaVersion": 1, "readiness": [{"id": "r1", "title": 5}]`, true)
	require.NotNil(t, ws)
	assert.Empty(t, ws.Readiness)
	require.NotNil(t, n)
	assert.True(t, aside)
	assert.Equal(t, "problem", n.Kind)
	assert.Contains(t, n.Text, "kept aside")
	assert.NotEmpty(t, n.Details)
}

func TestImportListsProblemsAndKeepsData(t *testing.T) {
	a := newApp(t)
	a.ws.Readiness = []readiness.Round{{ID: "r1", Title: "Spring"}}
	eff := a.Handle(Event{Action: "data.import", Files: []File{{Name: "bad.json",
		Data: []byte(`{"schemaVersion": 1, "readiness": [{"id": "r 2", "title": "", "colour": 1}]}`)}}})
	assert.Empty(t, eff)
	require.Len(t, a.ws.Readiness, 1, "the current data must stay")
	require.Len(t, a.notices, 1)
	assert.Equal(t, "problem", a.notices[0].Kind)
	details := strings.Join(a.notices[0].Details, "\n")
	assert.Contains(t, details, `Readiness rounds › round 1: this file has "colour", which partnerkit does not keep there`)
	assert.NotContains(t, details, "allowed here", "the file's own words stay in the file")
	assert.NotContains(t, details, "unknown field")

	eff = a.Handle(Event{Action: "data.import", Files: []File{{Name: "good.json",
		Data: []byte(`{"schemaVersion": 1, "readiness": [{"id": "r2", "title": "Autumn"}]}`)}}})
	assert.Equal(t, []Effect{Focus{ID: "pk-main"}}, eff)
	require.Len(t, a.ws.Readiness, 1)
	assert.Equal(t, "Autumn", a.ws.Readiness[0].Title, "another workspace opens as a new one")
	es, _, err := a.save.store.Entries()
	require.NoError(t, err)
	require.Len(t, es, 2)
	for _, e := range es {
		if e.ID != a.ws.WorkspaceID {
			saved, _, err := a.save.store.Load(e.ID)
			require.NoError(t, err)
			assert.Contains(t, saved, "Spring", "the workspace open before stays on the device")
		}
	}
}

func TestExportRoundTrips(t *testing.T) {
	a := newApp(t)
	a.ws.Readiness = []readiness.Round{{ID: "r1", Title: "Spring <script>x</script>"}}
	eff := a.Handle(Event{Action: "data.export"})
	require.Len(t, eff, 1)
	d := eff[0].(Download)
	assert.Equal(t, "partnerkit-2026-11-22.json", d.Name)
	b := newApp(t)
	b.Handle(Event{Action: "data.import", Files: []File{{Name: d.Name, Data: d.Data}}})
	assert.Equal(t, a.ws, b.ws)
	assert.True(t, a.ws.Current(), "the copy that left is stamped")
}

func TestDeleteNeedsConfirmation(t *testing.T) {
	a := newApp(t)
	a.ws.Readiness = []readiness.Round{{ID: "r1", Title: "Spring"}}
	a.Handle(Event{Action: "nav", Arg: "data"})
	eff := a.Handle(Event{Action: "data.delete"})
	assert.Equal(t, []Effect{Focus{ID: "pk-delete-confirm"}}, eff)
	require.Len(t, a.ws.Readiness, 1)
	require.NotNil(t, a.Render().Find("pk-delete-confirm"))
	a.Handle(Event{Action: "data.delete.cancel"})
	assert.Nil(t, a.Render().Find("pk-delete-confirm"))
	require.Len(t, a.ws.Readiness, 1)
	a.Handle(Event{Action: "rate.team", Value: "Partner leadership team"})
	a.Handle(Event{Action: "rate.name", Value: "Ana"})
	a.Handle(Event{Action: "data.delete"})
	eff = a.Handle(Event{Action: "data.delete.confirm"})
	assert.Empty(t, eff)
	assert.Empty(t, a.ws.Readiness)
	assert.Empty(t, a.Draft(), "the ratings being written are deleted too")
}

func TestParseLocation(t *testing.T) {
	tests := []struct {
		query, fragment, built string
		want                   Config
	}{
		{"", "", "", Config{}},
		{"view=rubric", "", "", Config{Embed: true}},
		{"view=rubric&parentOrigin=https://ta.example/path?x=1", "", "", Config{Embed: true, ParentOrigin: "https://ta.example"}},
		{"view=rubric", "parentOrigin=javascript:alert(1)", "", Config{Embed: true}},
		{"view=rubric", "parentOrigin=*", "", Config{Embed: true}},
		{"view=rubric", "parentOrigin=http://*", "", Config{Embed: true}},
		{"view=rubric", "parentOrigin=http://ta.example:99999", "", Config{Embed: true}},
		{"view=rubric", "parentOrigin=http://[::1]:8080/x", "", Config{Embed: true, ParentOrigin: "http://[::1]:8080"}},
		{"parentOrigin=https://ta.example", "", "", Config{}},
		{"view=rubric", "rubric=pk1.abc", "pk1.built", Config{Embed: true, Rubric: "pk1.abc"}},
		{"", "", "pk1.built", Config{Rubric: "pk1.built"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ParseLocation(tt.query, tt.fragment, tt.built), "%q %q", tt.query, tt.fragment)
	}
}

func TestNoticeTextStaysText(t *testing.T) {
	a := newApp(t)
	evil := `<img src=x onerror=alert(1)>`
	a.Handle(Event{Action: "data.import", Files: []File{{Name: evil, Data: []byte("{")}}})
	tree := a.Render()
	require.NoError(t, tree.Check())
	assert.Contains(t, tree.TextContent(), evil)
	tree.Walk(func(n *Node) bool {
		for _, at := range n.Attrs {
			assert.NotContains(t, at.Value, "onerror")
		}
		return true
	})
	_ = json.Valid
}

func FuzzParseLocation(f *testing.F) {
	f.Add("view=rubric&parentOrigin=https://ta.example", "rubric=pk1.abc")
	f.Fuzz(func(t *testing.T, query, fragment string) {
		cfg := ParseLocation(query, fragment, "")
		if cfg.ParentOrigin != "" {
			require.True(t, cfg.Embed, "a response is posted only from the embedded rubric")
			require.True(t, strings.HasPrefix(cfg.ParentOrigin, "https://") || strings.HasPrefix(cfg.ParentOrigin, "http://"), cfg.ParentOrigin)
			require.NotContains(t, cfg.ParentOrigin, "*")
		}
		// The app starts whatever the URL holds.
		a := New(cfg, nil, nil)
		require.NoError(t, a.Render().Check())
	})
}

func FuzzDecodeResponseFile(f *testing.F) {
	f.Add([]byte(`{"kind": "partnerkit.readiness.response", "rubric": "odst-readiness", "response": {"rater": "A", "team": "B", "ratings": {"metrics": 2}}}`))
	f.Add([]byte(`{"kind": "partnerkit.readiness.response", "response": {"rater": "", "team": 3}}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rf, err := DecodeResponseFile(data)
		if err == nil {
			assert.Equal(t, ResponseFileKind, rf.Kind)
			assert.NotEmpty(t, rf.Response.Rater)
		}
	})
}

// FuzzFindResponses pastes any text: finding codes in it never panics, and
// every code found whole holds a response with a rater.
func FuzzFindResponses(f *testing.F) {
	good, _ := EncodeCode(readiness.Response{Rater: "A", Team: "District", Ratings: map[string]int{"metrics": 2}})
	f.Add("Hi,\n" + good[:20] + "\n> " + good[20:] + "\nThanks")
	f.Add("pk1.pk1.=\n=\n>")
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range FindResponses(s) {
			assert.True(t, strings.HasPrefix(c.Code, CodePrefix))
			if c.Err == nil {
				assert.NotEmpty(t, c.Response.Rater)
			}
		}
	})
}

// A Dismiss names its notice, not its place: clicked twice (a double click,
// or clicks held while the page starts), it dismisses that notice only, and
// the other notice's Dismiss still works after it.
func TestDismissNamesItsNotice(t *testing.T) {
	a := newApp(t)
	a.notify(Notice{Kind: "info", Text: "first"})
	a.notify(Notice{Kind: "ok", Text: "second"})
	args := func() []string {
		var out []string
		a.Render().Find("pk-notices").Walk(func(n *Node) bool {
			if v, ok := n.Attr("data-on-click"); ok && v == "notice.dismiss" {
				out = append(out, attr(n, "data-arg"))
			}
			return true
		})
		return out
	}
	before := args()
	require.Len(t, before, 2)
	a.Handle(Event{Action: "notice.dismiss", Arg: before[0]})
	a.Handle(Event{Action: "notice.dismiss", Arg: before[0]})
	require.Len(t, a.notices, 1, "the second click on the same Dismiss does nothing more")
	assert.Equal(t, "second", a.notices[0].Text)
	assert.Equal(t, before[1:], args(), "the other notice keeps its Dismiss")
	a.Handle(Event{Action: "notice.dismiss", Arg: before[1]})
	assert.Empty(t, a.notices)
}
