package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadExample(t *testing.T) *partnerkit.Workspace {
	t.Helper()
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	require.NoError(t, err)
	return ws
}

func TestGroupFindingsForTheExample(t *testing.T) {
	ws := loadExample(t)
	fs := partnerkit.ReviewAt(ws, fixedNow())
	groups := GroupFindings(fs)
	require.NotEmpty(t, groups)

	// Every finding is in exactly one group, under its own theme and severity.
	n := 0
	for _, g := range groups {
		require.NotEmpty(t, g.Findings)
		for _, f := range g.Findings {
			assert.Equal(t, g.Severity, f.Severity)
			want := otherTheme
			if th, ok := partnership.ThemeByID(f.Theme()); ok {
				want = th.Title
			}
			assert.Equal(t, want, g.Theme, f.Rule)
		}
		n += len(g.Findings)
	}
	assert.Equal(t, len(fs), n)

	// Themes come in the framework's order, Other last; severities most severe first.
	rank := map[string]int{otherTheme: len(partnership.Themes())}
	for i, th := range partnership.Themes() {
		rank[th.Title] = i
	}
	for i := 1; i < len(groups); i++ {
		p, g := groups[i-1], groups[i]
		require.LessOrEqual(t, rank[p.Theme], rank[g.Theme])
		if p.Theme == g.Theme {
			require.Greater(t, p.Severity.Rank(), g.Severity.Rank())
		}
	}

	// The summer PD conflict is a critical resources finding with its evidence.
	res, _ := partnership.ThemeByID(partnership.ThemeResources)
	var summer *partnership.Finding
	for _, g := range groups {
		for i, f := range g.Findings {
			if f.Rule == "partnership.over-capacity" && strings.Contains(strings.Join(f.Evidence, "\n"), "40 h demanded, 10 h available") {
				require.Equal(t, res.Title, g.Theme)
				require.Equal(t, partnership.Critical, g.Severity)
				summer = &g.Findings[i]
			}
		}
	}
	require.NotNil(t, summer, "the summer PD over-capacity finding")
	assert.Contains(t, strings.Join(summer.Evidence, "\n"), "Summer institute: project-based teaching and performance assessment, run by Teaching TAO: 30 h a week")
}

func TestReviewViewShowsTheExample(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewStart)})
	eff := a.Handle(Event{Action: "start.example"})
	require.Contains(t, eff, Effect(Focus{ID: "pk-main"}))
	require.Contains(t, eff, Effect(Persist{}), "saved at the next pause, after it shows")
	assert.True(t, a.Dirty())
	require.True(t, a.Save())
	assert.False(t, a.Dirty(), "saved as a workspace of its own")
	assert.Empty(t, backups(t, a), "nothing is replaced, so nothing is kept aside")
	require.Equal(t, ViewReview, a.view)
	// The example shows at once, its map too, and says it is being checked;
	// the findings come with the event it asks for once it shows.
	require.Contains(t, eff, Effect(AfterFrame{Action: PrintSettle}))
	first := a.Render()
	require.NoError(t, first.Check())
	assert.Equal(t, "Checking the whole workspace…", first.Find("pk-review-checking").TextContent())
	assert.Nil(t, first.Find("pk-review-counts"))
	assert.NotNil(t, first.Find("pk-map"))
	assert.Empty(t, a.Handle(Event{Action: PrintSettle}))
	root := a.Render()
	require.NoError(t, root.Check())
	assert.Nil(t, root.Find("pk-review-checking"))
	fs := partnerkit.ReviewAt(a.ws, fixedNow())
	counts := root.Find("pk-review-counts")
	require.NotNil(t, counts)
	assert.Equal(t, partnerkit.CountFindings(fs), counts.TextContent())
	text := root.Find("pk-review").TextContent()
	assert.Contains(t, text, "40 h demanded, 10 h available")
	assert.Contains(t, text, "Needs attention now")
	assert.Contains(t, text, "To discuss: Which of these can move")
	s, _ := partnership.StandardByID("resources.3")
	assert.Contains(t, text, s.Text)
	assert.Contains(t, text, "Where: Initiatives › Summer institute")

	m := root.Find("pk-map")
	require.NotNil(t, m, "the map of initiatives")
	src, _ := m.Attr("src")
	require.True(t, strings.HasPrefix(src, "data:image/svg+xml;base64,"))
	svg, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, "data:image/svg+xml;base64,"))
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, a.ws.Partnership.WriteMap(&want, partnership.MapOptions{ID: "pk-review-map"}))
	assert.Equal(t, want.String(), string(svg))

	assert.Equal(t, []Effect{Print{}}, a.Handle(Event{Action: "review.print"}))
	assert.Equal(t, []Effect{Download{Name: "initiatives-map-2026-11-22.svg", Type: "image/svg+xml", Data: want.Bytes()}},
		a.Handle(Event{Action: "review.map"}))
}

func TestReviewTextStaysText(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: PrintSettle}) // sent once the example shows
	evil := `<img src=x onerror=alert(1)>`
	a.ws.Partnership.Initiatives[0].Name = evil
	root := a.Render()
	require.NoError(t, root.Check())
	found := false
	root.Walk(func(n *Node) bool {
		if n.Tag == "" && strings.Contains(n.Text, evil) {
			found = true
		}
		if n.Tag == "img" {
			// The only image is the map: on the page, and in the pre-read it prints.
			assert.True(t, attr(n, "id") == "pk-map" || strings.HasPrefix(attr(n, "alt"), "Each row is one of the"), attr(n, "alt"))
			assert.True(t, strings.HasPrefix(attr(n, "src"), "data:image/svg+xml;base64,"))
		}
		return true
	})
	assert.True(t, found, "the initiative's name appears as text")
}

func attr(n *Node, name string) string { v, _ := n.Attr(name); return v }

func TestWhereNamesTheThing(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	p := a.ws.Partnership
	tests := []struct{ path, want string }{
		{"partnership.initiatives[0].demands[0]", "Initiatives › Summer institute: project-based teaching and performance… › demand 1 on " + p.Initiatives[0].Demands[0].Audience},
		{"partnership.capacity[0].hoursPerWeek", "Time people have › " + p.Capacity[0].Audience + " › hours a week"},
		{"partnership.partners[0]", "Partners › " + p.Partners[0].Name},
		{"partnership.partners[9].name", "Partners › partner 10 › name"},
		{"partnership.initiatives[999]", "Initiatives › initiative 1000"},
		{"partnership.initiatives[-1]", "Initiatives › number"},
		{"partnership.name", "The partnership › name"},
		{"partnership.district", "The district"},
		{"partnership.context", "What shapes the work"},
		{"partnership.somethingNew", "The partnership › something new"},
		{"", "the workspace as a whole"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, a.where(tt.path), tt.path)
	}
}

func TestReviewEmptyState(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	root := a.Render()
	require.NoError(t, root.Check())
	e := root.Find("pk-review-empty")
	require.NotNil(t, e)
	assert.Contains(t, e.TextContent(), "Nothing to review yet")
	assert.Nil(t, root.Find("pk-map"))
}

func TestExampleOpensAsAWorkspaceOfItsOwn(t *testing.T) {
	a := newApp(t)
	a.ws.Partnership = &partnership.Partnership{Name: "Our own partnership", District: partnership.Org{ID: "d", Name: "Ours"}}
	a.saveNow()
	ours := a.ws.WorkspaceID

	require.Contains(t, a.Handle(Event{Action: "start.example"}), Effect(Persist{}))
	require.True(t, a.Save(), "the page saves at the next pause")
	assert.Equal(t, fixtureName(t), a.ws.Partnership.Name)
	assert.Equal(t, ViewReview, a.view)
	assert.NotEqual(t, ours, a.ws.WorkspaceID)
	es, _, err := a.save.store.Entries()
	require.NoError(t, err)
	require.Len(t, es, 2, "the example joins the list; nothing is replaced")
	assert.Empty(t, backups(t, a))
	saved, found, err := a.save.store.Load(ours)
	require.NoError(t, err)
	require.True(t, found)
	assert.Contains(t, saved, "Our own partnership")

	// Opened again, it is the same workspace, not a third one.
	example := a.ws.WorkspaceID
	a.Handle(Event{Action: "ws.open", Arg: ours})
	assert.Equal(t, "Our own partnership", a.ws.Partnership.Name)
	a.Handle(Event{Action: "start.example"})
	assert.Equal(t, example, a.ws.WorkspaceID)
	es, _, _ = a.save.store.Entries()
	assert.Len(t, es, 2)
}

func fixtureName(t *testing.T) string { return loadExample(t).Partnership.Name }

func TestStartNew(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.new"})
	assert.Equal(t, ViewPartnership, a.view, "a new workspace starts with the partnership")
	assert.Equal(t, ViewStart, newApp(t).view, "a new user lands on the start screen")

	a.Handle(Event{Action: "start.example"})
	example := a.ws.WorkspaceID
	a.Handle(Event{Action: "start.new"})
	assert.Nil(t, a.ws.Partnership, "a new, empty workspace")
	assert.NotEqual(t, example, a.ws.WorkspaceID)
	saved, found, err := a.save.store.Load(example)
	require.NoError(t, err)
	require.True(t, found, "the example stays on the device")
	assert.Contains(t, saved, fixtureName(t))
}

func TestStartViewExplains(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewStart)})
	root := a.Render()
	require.NoError(t, root.Check())
	text := root.TextContent()
	for _, s := range []string{"Readiness rubric", "Contract supplement", "Quarterly meeting agenda", "Coherence checks", "Nothing leaves this device"} {
		assert.Contains(t, text, s)
	}
	require.NotNil(t, root.Find("pk-start-import"))
	require.NotNil(t, root.Find("pk-start-example"))
}

func ExampleGroupFindings() {
	fs := []partnership.Finding{
		{Severity: partnership.Warning, Standard: "metrics.1", Message: "No measure is reviewed."},
		{Severity: partnership.Critical, Standard: "resources.3", Message: "Teachers are asked for 40 h a week."},
		{Severity: partnership.Info, Message: "The agreement has no end date."},
	}
	fmt.Println(partnerkit.CountFindings(fs))
	for _, g := range GroupFindings(fs) {
		fmt.Printf("%s, %s: %d\n", g.Theme, g.Severity, len(g.Findings))
	}
	// Output:
	// 3 findings: 1 critical, 1 warning, 1 for information
	// Appropriate and sufficient resources, critical: 1
	// Clear metrics established, warning: 1
	// Other, info: 1
}

// BenchmarkRenderReview draws the review view of a workspace with 500
// initiatives: after an event that changed nothing (a tab, a tick), and after
// a change, when the findings and the map are computed again.
func BenchmarkRenderReview(b *testing.B) {
	a := New(Config{Now: fixedNow}, bigWorkspace(500), nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			a.Handle(Event{Action: "tick"})
			a.Render()
		}
	})
	b.Run("changed", func(b *testing.B) {
		for b.Loop() {
			a.touched("edit")
			a.Render()
		}
	})
}

func TestReviewIsComputedAgainOnlyAfterAChange(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(3), nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	before := a.Render().Find("pk-review-counts").TextContent()
	src, _ := a.Render().Find("pk-map").Attr("src")
	// Behind the app's back, not by an event:
	a.ws.Partnership.Initiatives = a.ws.Partnership.Initiatives[:1]
	a.ws.Partnership.Initiatives[0].Name = "Renamed"
	a.ws.Partnership.End = "2027-06-30" // no longer "no end date"
	a.Handle(Event{Action: "tick"})
	assert.Equal(t, before, a.Render().Find("pk-review-counts").TextContent(), "a tick changes nothing")
	unchanged, _ := a.Render().Find("pk-map").Attr("src")
	assert.Equal(t, src, unchanged)
	a.Handle(Event{Action: "some.edit"})
	assert.NotEqual(t, before, a.Render().Find("pk-review-counts").TextContent(), "an edit computes the review again")
	again, _ := a.Render().Find("pk-map").Attr("src")
	assert.NotEqual(t, src, again, "and draws the map again")
}

func TestTheMapOfALargePartnershipIsDrawnOnRequest(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(bigMap+1), nil)
	for _, v := range []View{ViewReview, ViewPartnership} {
		a.Handle(Event{Action: "nav", Arg: string(v)})
		tree := a.Render()
		assert.Nil(t, tree.Find("pk-map"), v)
		assert.Nil(t, tree.Find("pk-part-map"), v)
		require.NotNil(t, tree.Find("pk-map-show"), v)
	}
	assert.Zero(t, a.cache.mapRev, "not even drawn")
	a.Handle(Event{Action: "map.show"})
	assert.NotNil(t, a.Render().Find("pk-part-map"))
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	assert.NotNil(t, a.Render().Find("pk-map"))
	assert.Nil(t, a.Render().Find("pk-map-show"))
	b := New(Config{Now: fixedNow}, bigWorkspace(bigMap), nil)
	b.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	assert.NotNil(t, b.Render().Find("pk-map"), "a map of up to a hundred initiatives shows at once")
}
