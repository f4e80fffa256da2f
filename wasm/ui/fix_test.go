package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFieldID(t *testing.T) {
	for path, want := range map[string]string{
		"partnership.initiatives[2].demands[0].hoursPerWeek": "pk-at-partnership-initiatives-2-demands-0-hoursPerWeek",
		"contract.appendix.measures":                         "pk-at-contract-appendix-measures",
		"meetings[1]":                                        "pk-at-meetings-1",
	} {
		assert.Equal(t, want, FieldID(path), path)
	}
}

func TestFixGoesToTheField(t *testing.T) {
	for _, tc := range []struct {
		path string
		view View
		ids  []string
	}{
		{"partnership.initiatives[0].name", ViewPartnership, []string{"pk-at-partnership-initiatives-0-name", "pk-at-partnership-initiatives-0", "pk-at-partnership-initiatives", "pk-at-partnership", "pk-main"}},
		{"contract.appendix", ViewContract, []string{"pk-at-contract-appendix", "pk-at-contract", "pk-main"}},
		{"meetings[1].attendees", ViewMeetings, []string{"pk-at-meetings-1-attendees", "pk-at-meetings-1", "pk-at-meetings", "pk-main"}},
		{"readiness[0]", ViewFacilitate, []string{"pk-at-readiness-0", "pk-at-readiness", "pk-main"}},
	} {
		a := newApp(t)
		eff := a.Handle(Event{Action: "fix", Arg: tc.path})
		assert.Equal(t, tc.view, a.view, tc.path)
		assert.Equal(t, []Effect{FocusFirst{IDs: tc.ids}}, eff, tc.path)
	}
	a := newApp(t)
	assert.Nil(t, a.Handle(Event{Action: "fix", Arg: "somewhere.else"}))
	assert.Equal(t, ViewStart, a.view, "an unknown place changes nothing")
}

func TestEveryFindingLeadsToItsPlace(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: PrintSettle}) // sent once the example shows
	require.Equal(t, ViewReview, a.view)
	var fixes int
	a.Render().Walk(func(n *Node) bool {
		if v, ok := n.Attr("data-on-click"); ok && v == "fix" {
			fixes++
		}
		return true
	})
	assert.Positive(t, fixes)
	assert.Contains(t, a.Render().TextContent(), "Go to it in the partnership")
}
