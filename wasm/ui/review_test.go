package ui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

func TestReviewEmptyState(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	root := a.Render()
	require.NoError(t, root.Check())
	require.NotNil(t, root.Find("pk-review-empty"))
	assert.Contains(t, root.Find("pk-review-empty").TextContent(), "Nothing to review yet")
	assert.Nil(t, root.Find("pk-review-count"))
}

func TestReviewOfTheExampleCase(t *testing.T) {
	a := newApp(t)
	eff := a.Handle(Event{Action: "review.example"})
	assert.Contains(t, eff, Effect(Persist{}))
	require.NotNil(t, a.Workspace().Partnership)
	assert.Equal(t, ViewReview, a.view)

	root := a.Render()
	require.NoError(t, root.Check())
	text := root.TextContent()
	assert.Contains(t, text, "40 h demanded, 10 h available", "the summer PD conflict is listed with its evidence")
	assert.Contains(t, text, "Needs attention now")
	assert.Contains(t, text, "To discuss:")
	assert.Contains(t, text, "Standard resources.3")
	assert.Contains(t, root.Find("pk-review-count").TextContent(), "findings:")

	var maps int
	root.Walk(func(n *Node) bool {
		alt, _ := n.Attr("alt")
		src, _ := n.Attr("src")
		if n.Tag == "img" && alt != "" && strings.HasPrefix(src, "data:image/svg+xml;base64,") {
			maps++
		}
		return true
	})
	assert.Equal(t, 1, maps, "the map of initiatives is shown as an image")
}

func TestOpeningTheExampleKeepsYourDataAside(t *testing.T) {
	a := newApp(t)
	a.Workspace().Partnership = &partnership.Partnership{Name: "Ours", District: partnership.Org{ID: "d", Name: "Our district"}}
	eff := a.Handle(Event{Action: "review.example"})
	var kept bool
	for _, e := range eff {
		if k, ok := e.(KeepAside); ok {
			kept = true
			assert.Contains(t, k.Data, "Our district")
		}
	}
	assert.True(t, kept, "nothing the user typed is lost: the old workspace is kept aside")
}

func TestGroupFindings(t *testing.T) {
	fs := []partnership.Finding{
		{Rule: "a", Severity: partnership.Info, Standard: "metrics.1"},
		{Rule: "b", Severity: partnership.Critical, Standard: "alignment.2"},
		{Rule: "c", Severity: partnership.Warning},
		{Rule: "d", Severity: partnership.Critical, Standard: "metrics.2"},
	}
	g := GroupFindings(fs)
	require.Len(t, g, 3)
	assert.Equal(t, "alignment", g[0].Theme)
	assert.Equal(t, "metrics", g[1].Theme)
	assert.Equal(t, "d", g[1].BySeverity[0][0].Rule)
	assert.Equal(t, "a", g[1].BySeverity[2][0].Rule)
	assert.Equal(t, "", g[2].Theme)
	assert.Equal(t, "c", g[2].BySeverity[1][0].Rule)
}

func TestReviewShowsUserTextAsText(t *testing.T) {
	ws := partnerkit.New()
	ws.Partnership = &partnership.Partnership{Name: "x", District: partnership.Org{ID: "d", Name: `<img src=x onerror=alert(1)>`},
		Partners: []partnership.Partner{{ID: "p", Name: "<script>alert(1)</script>"}}}
	a := New(Config{Now: fixedNow}, ws, nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	root := a.Render()
	require.NoError(t, root.Check())
	assert.Contains(t, root.TextContent(), "<script>alert(1)</script>")
}
