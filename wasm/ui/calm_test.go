package ui

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestACalmStart starts a partnership from nothing and presses each Add
// button once: nothing is critical, nothing is a finding yet, and the page
// says what to fill in next, each item leading to its field.
func TestACalmStart(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.new"})
	a.Handle(Event{Action: "part.start"})
	check := func(when string) {
		t.Helper()
		settle(a)
		tree := a.Render()
		summary := tree.Find("pk-part-summary").TextContent()
		assert.NotContains(t, summary, "critical", when)
		assert.Contains(t, summary, "Nothing to discuss yet", when)
		next := tree.Find("pk-part-next")
		require.NotNil(t, next, when)
		assert.Nil(t, tree.Find("pk-part-problems"), when)
		next.Walk(func(n *Node) bool {
			if arg, ok := n.Attr("data-arg"); ok {
				eff := a.Handle(Event{Action: "fix", Arg: arg})
				assert.NotNil(t, a.Render().Find(eff[0].(FocusFirst).IDs[0]), "%s leads to its place", arg)
			}
			return true
		})
		a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
		review := a.Render().Find("pk-review").TextContent()
		assert.NotContains(t, review, "Needs attention now", when)
		assert.Contains(t, review, "To fill in next", when)
		a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	}
	check("a new partnership")
	assert.Contains(t, a.Render().Find("pk-part-next").TextContent(), "Fill in: The partnership › name")
	for _, what := range []string{"partner", "school", "person", "priority", "initiative", "capacity"} {
		a.Handle(Event{Action: "part.add", Arg: what})
	}
	a.Handle(Event{Action: "part.add", Arg: "demand|0"})
	check("after each Add button once")

	// Once begun, a part's findings are findings again.
	edit(a, "partnership.name", "Riverside")
	edit(a, "partnership.district.name", "Riverside Unified")
	edit(a, "partnership.partners[0].name", "Learning Partners")
	settle(a)
	summary := a.Render().Find("pk-part-summary").TextContent()
	assert.Contains(t, summary, "finding", "the partner is named: that it says nothing of its approach is a finding")
	assert.False(t, strings.Contains(summary, "critical") && !strings.Contains(summary, "0 critical"), summary)
}
