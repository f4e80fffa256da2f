package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settle is what the page does after a pause in typing.
func settle(a *App) { a.Handle(Event{Action: "part.settle"}) }

// edit types value into the field at path, as the page's "field" action does.
func edit(a *App, path, value string) []Effect {
	return a.Handle(Event{Action: "field", Path: path, Value: value})
}

// tick turns an option of the field at path on or off.
func tick(a *App, path, option string) []Effect {
	return a.Handle(Event{Action: "field.toggle", Path: path, Arg: option})
}

func TestBuildAPartnershipFromNothing(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	assert.Contains(t, a.Render().TextContent(), "No partnership yet")
	eff := a.Handle(Event{Action: "part.start"})
	require.NotNil(t, a.ws.Partnership)
	assert.Contains(t, eff, Effect(Persist{}))
	p := a.ws.Partnership

	eff = edit(a, "partnership.name", "Riverside and Learning Partners <b>")
	assert.Equal(t, []Effect{Persist{}, Later{Action: "part.settle", After: settleAfter}}, eff)
	edit(a, "partnership.district.name", "Riverside Unified")
	a.Handle(Event{Action: "part.add", Arg: "partner"})
	edit(a, "partnership.partners[0].name", "Learning Partners")
	edit(a, "partnership.partners[0].approach", "co-design")
	a.Handle(Event{Action: "part.add", Arg: "capacity"})
	edit(a, "partnership.capacity[0].audience", "teachers")
	edit(a, "partnership.capacity[0].hoursPerWeek", "10")
	for i, name := range []string{"Summer PBL institute", "Summer school"} {
		a.Handle(Event{Action: "part.add", Arg: "initiative"})
		in := fmt.Sprintf("partnership.initiatives[%d]", i)
		edit(a, in+".name", name)
		a.Handle(Event{Action: "part.add", Arg: "demand|" + strconv.Itoa(i)})
		edit(a, in+".demands[0].audience", "teachers")
		edit(a, in+".demands[0].start", "2027-06-21")
		edit(a, in+".demands[0].end", "2027-07-16")
		edit(a, in+".demands[0].hoursPerWeek", "25")
	}
	assert.Equal(t, "Learning Partners", p.Partners[0].Name)
	assert.Equal(t, partnership.CoDesign, p.Partners[0].Approach)
	assert.Equal(t, 10.0, p.Capacity[0].HoursPerWeek)
	require.Len(t, p.Initiatives, 2)
	assert.Equal(t, "district", p.Initiatives[1].Owner)
	assert.Equal(t, 25.0, p.Initiatives[1].Demands[0].HoursPerWeek)
	assert.Equal(t, "teachers", p.Initiatives[1].Demands[0].Audience)

	settle(a)
	tree := a.Render()
	section := tree.Find(FieldID("partnership.initiatives"))
	require.NotNil(t, section)
	text := section.TextContent()
	assert.Contains(t, text, "50 h demanded, 10 h available", "the conflict appears beside the initiatives")
	assert.NotNil(t, tree.Find("pk-part-map"), "with the map")
	assert.Contains(t, tree.Find("pk-part-summary").TextContent(), "critical")
	name, _ := tree.Find(FieldID("partnership.name")).Attr("value")
	assert.Equal(t, "Riverside and Learning Partners <b>", name, "text stays text")
	require.NoError(t, tree.Check())
}

func TestFindingsWaitForAPause(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(3), nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	before := a.Render().Find("pk-part-summary").TextContent()
	a.Handle(Event{Action: "part.add", Arg: "capacity"})
	edit(a, "partnership.capacity[0].audience", "teachers")
	edit(a, "partnership.capacity[0].hoursPerWeek", "1")
	assert.Equal(t, before, a.Render().Find("pk-part-summary").TextContent(), "typing does not wait for the checks")
	settle(a)
	assert.Contains(t, a.Render().Find("pk-part-summary").TextContent(), "1 critical", "a pause runs them")
}

func TestTypedNumbersAreKept(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	a.Handle(Event{Action: "part.start"})
	a.Handle(Event{Action: "part.add", Arg: "capacity"})
	const hours = "partnership.capacity[0].hoursPerWeek"
	shown := func() (string, string) {
		tree := a.Render()
		in := tree.Find(FieldID(hours))
		require.NotNil(t, in)
		v, _ := in.Attr("value")
		return v, tree.Find(FieldID(hours) + "-problem").TextContent()
	}
	// Typed key by key, as people do: each step keeps what was typed.
	for _, step := range []struct {
		typed string
		value float64
	}{{"9", 9}, {"9.", 9}, {"9.5", 9.5}} {
		edit(a, hours, step.typed)
		assert.Equal(t, step.value, a.ws.Partnership.Capacity[0].HoursPerWeek, step.typed)
		v, prob := shown()
		assert.Equal(t, step.typed, v, "the field shows what was typed")
		assert.Empty(t, prob)
	}
	edit(a, hours, "7,5 h")
	assert.Equal(t, 9.5, a.ws.Partnership.Capacity[0].HoursPerWeek, "the last number stays until a new one is typed")
	v, prob := shown()
	assert.Equal(t, "7,5 h", v, "what was typed is shown as typed")
	assert.Contains(t, prob, "Write a number")
	edit(a, hours, "7,5")
	assert.Equal(t, 7.5, a.ws.Partnership.Capacity[0].HoursPerWeek)
	for _, odd := range []string{"NaN", "Inf", "1e309", "-1", "200"} {
		edit(a, hours, odd)
		assert.Equal(t, 7.5, a.ws.Partnership.Capacity[0].HoursPerWeek, "%s is not a number of hours", odd)
		_, err := Marshal(a.ws)
		require.NoError(t, err, "the workspace can still be saved after %s", odd)
	}
	edit(a, hours, "007")
	assert.Equal(t, 7.0, a.ws.Partnership.Capacity[0].HoursPerWeek)
	v, _ = shown()
	assert.Equal(t, "007", v)

	edit(a, "partnership.start", "next autumn")
	settle(a)
	assert.Equal(t, partnership.Date("next autumn"), a.ws.Partnership.Start, "a date that is not one yet is kept")
	assert.Contains(t, a.Render().Find(FieldID("partnership.start")+"-problem").TextContent(), "3/2/2027")
}

func TestRemoveAndUndoInThePartnership(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(3), nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	want := a.ws.Partnership.Initiatives[1]
	eff := a.Handle(Event{Action: "part.remove", Arg: "initiative|1"})
	require.Len(t, a.ws.Partnership.Initiatives, 2)
	assert.Contains(t, eff, Effect(Focus{ID: "pk-part-undo"}), "the focus goes to Undo, not to the page's top")
	assert.NotNil(t, a.Render().Find("pk-part-undo"))
	a.Handle(Event{Action: "part.undo"})
	require.Len(t, a.ws.Partnership.Initiatives, 3)
	assert.Equal(t, want, a.ws.Partnership.Initiatives[1])
	assert.Nil(t, a.Render().Find("pk-part-undo"))

	a.Handle(Event{Action: "part.remove", Arg: "demand|0|0"})
	a.Handle(Event{Action: "part.undo"})
	assert.Equal(t, bigWorkspace(3).Partnership.Initiatives[0].Demands, a.ws.Partnership.Initiatives[0].Demands)
}

func TestFixOpensTheInitiative(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(5), nil)
	eff := a.Handle(Event{Action: "fix", Arg: "partnership.initiatives[3].demands[0]"})
	assert.Equal(t, ViewPartnership, a.view)
	assert.Equal(t, 3, a.part.openInitiative())
	ids := eff[0].(FocusFirst).IDs
	tree := a.Render()
	assert.NotNil(t, tree.Find(ids[0]), "the demand's fieldset is on the page to be focused")
}

func TestPartnershipRolesAndSchools(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	a.Handle(Event{Action: "part.start"})
	a.Handle(Event{Action: "part.add", Arg: "school"})
	edit(a, "partnership.schools[0].name", "Hayes")
	a.Handle(Event{Action: "part.add", Arg: "person"})
	edit(a, "partnership.people[0].name", "Ana")
	tick(a, "partnership.people[0].roles", "point-person")
	tick(a, "partnership.people[0].roles", "liaison")
	tick(a, "partnership.people[0].roles", "point-person")
	school := a.ws.Partnership.Schools[0].ID
	tick(a, "partnership.people[0].schools", school)
	pe := a.ws.Partnership.People[0]
	assert.Equal(t, []partnership.Role{partnership.Liaison}, pe.Roles)
	assert.Equal(t, []string{school}, pe.Schools)
	assert.Equal(t, "district", pe.Org)
	liaison := a.Render().Find(FieldID("partnership.people[0].roles") + "-liaison")
	require.NotNil(t, liaison)
	_, checked := liaison.Attr("checked")
	assert.True(t, checked)
	point := a.Render().Find(FieldID("partnership.people[0].roles") + "-point-person")
	_, checked = point.Attr("checked")
	assert.False(t, checked)
	assert.True(t, strings.Contains(a.Render().TextContent(), "Hayes"))
}

// BenchmarkTypeInitiativeName types into the open initiative of a
// partnership of 500: the page's work for one keystroke, the checks left for
// the pause.
func BenchmarkTypeInitiativeName(b *testing.B) {
	a := New(Config{Now: fixedNow}, bigWorkspace(500), nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	a.Handle(Event{Action: "part.open", Arg: "250"})
	a.Render()
	for b.Loop() {
		edit(a, "partnership.initiatives[250].name", "Renamed")
		a.Render()
	}
}

func TestLongListsShowTheFirstInitiatives(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(120), nil)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	a.Handle(Event{Action: "part.open", Arg: "99"})
	rows := func() int {
		n := 0
		a.Render().Find("pk-part-initiatives").Walk(func(m *Node) bool {
			if m.Tag == "tr" {
				n++
			}
			return true
		})
		return n - 1 // the header
	}
	assert.Equal(t, listFirst+1, rows(), "the first ones and the one being edited")
	require.NotNil(t, a.Render().Find("pk-part-all"))
	a.Handle(Event{Action: "part.all"})
	assert.Equal(t, 120, rows())
	assert.Nil(t, a.Render().Find("pk-part-all"))
}

func TestProblemsAreListedOnceAndLeadToTheirField(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	a.Handle(Event{Action: "part.start"})
	edit(a, "partnership.start", "next autumn")
	settle(a)
	tree := a.Render()
	list := tree.Find("pk-part-problems")
	require.NotNil(t, list)
	assert.Contains(t, list.TextContent(), "YYYY-MM-DD")
	assert.Contains(t, tree.Find(FieldID("partnership.start")+"-problem").TextContent(), "3/2/2027", "beside the field, in the page's words")
	tree.Walk(func(n *Node) bool {
		if c, _ := n.Attr("class"); strings.Contains(c, "pk-beside") {
			assert.NotContains(t, n.TextContent(), "YYYY-MM-DD", "not again among the findings")
		}
		return true
	})
	eff := a.Handle(Event{Action: "fix", Arg: "partnership.start"})
	assert.Equal(t, FieldID("partnership.start"), eff[0].(FocusFirst).IDs[0])
}
