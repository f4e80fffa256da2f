package ui

import (
	"testing"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withTeams is a workspace of a district and one partner, with a round whose
// responses name their teams in the ways raters do.
func withTeams(teams ...string) *partnerkit.Workspace {
	ws := partnerkit.New()
	ws.Partnership = &partnership.Partnership{Name: "Riverside", District: partnership.Org{ID: "district", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "lp", Name: "Learning Partners"}}}
	r := readiness.Round{ID: "r1", Title: "Spring"}
	for i, t := range teams {
		r.Responses = append(r.Responses, readiness.Response{ID: "x" + string(rune('a'+i)), Rater: "Rater " + string(rune('A'+i)), Team: t,
			Ratings: map[string]int{"alignment": 3, "resources": 3, "metrics": 3, "communication": 3}})
	}
	ws.Readiness = []readiness.Round{r}
	return ws
}

func TestTeamsAreTheSides(t *testing.T) {
	ws := withTeams("District leadership team", "riverside  unified", "Partner leadership team", "Learning Partners", "Central office")
	a := New(Config{Now: fixedNow}, ws, nil)
	var teams []string
	for _, r := range a.ws.Readiness[0].Responses {
		teams = append(teams, r.Team)
	}
	assert.Equal(t, []string{"Riverside Unified", "Riverside Unified", "Learning Partners", "Learning Partners", "Central office"}, teams,
		"a team that names a side gets the side's name on load; one that names none stays as it is")
	require.NotEmpty(t, a.notices)
	assert.Contains(t, a.notices[len(a.notices)-1].Text, "3 readiness responses")

	// The facilitator is asked which side the fifth is, and says so.
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	ask := a.Render().Find("pk-teams")
	require.NotNil(t, ask)
	assert.Contains(t, ask.TextContent(), "“Central office” (1 rater) is none of the partnership's sides")
	before := a.Render()
	edit(a, "readiness[0].responses[4].team", "Riverside Unified")
	assert.Equal(t, "Riverside Unified", a.ws.Readiness[0].Responses[4].Team)
	// The list the facilitator chose in stays while they are on the page
	// (the arrow keys choose as they go), and says what was done.
	after := a.Render()
	id := FieldID("readiness[0].responses[4].team")
	assert.True(t, Kept(before, after, id), "the list chosen in is the same element")
	assert.Contains(t, after.Find("pk-teams").TextContent(), "“Central office” is now summarized with Riverside Unified.")
	assert.NotContains(t, after.Find("pk-teams").TextContent(), "need")
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	assert.Nil(t, a.Render().Find("pk-teams"), "nothing is left to ask")
	rep, err := a.ws.Readiness[0].Summarize()
	require.NoError(t, err)
	require.Len(t, rep.Teams, 2, "one team per side")
	assert.Equal(t, 3, rep.Teams[0].Raters)

	// Renaming the district takes its team along.
	edit(a, "partnership.district.name", "Riverside USD")
	assert.Equal(t, "Riverside USD", a.ws.Readiness[0].Responses[0].Team)
}

func TestRaterChoosesASide(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewRate)})
	tree := a.Render()
	assert.Contains(t, tree.Find("pk-team-0").TextContent()+labelOf(tree, "pk-team-0"), districtTeam, "on an empty device, the generic teams")

	b := New(Config{Now: fixedNow}, withTeams(), nil)
	b.Handle(Event{Action: "nav", Arg: string(ViewRate)})
	tree = b.Render()
	v, _ := tree.Find("pk-team-0").Attr("value")
	assert.Equal(t, "Riverside Unified", v)
	assert.Contains(t, labelOf(tree, "pk-team-1"), "Learning Partners (a partner's leadership team)")
	// A response from an empty device joins the district's side.
	b.Handle(Event{Action: "rate.team", Value: districtTeam})
	assert.True(t, mustAttr(b.Render().Find("pk-team-0"), "checked"))
}

func labelOf(tree *Node, id string) string {
	var text string
	tree.Walk(func(n *Node) bool {
		if v, ok := n.Attr("for"); ok && v == id && n.Tag == "label" {
			text = n.TextContent()
		}
		return true
	})
	return text
}

func mustAttr(n *Node, name string) bool {
	_, ok := n.Attr(name)
	return ok
}
