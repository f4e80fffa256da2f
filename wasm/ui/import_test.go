package ui

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func exportFile(t *testing.T, name string) File {
	t.Helper()
	data, err := os.ReadFile("../../readiness/testdata/exports/" + name)
	require.NoError(t, err)
	return File{Name: name, Data: data}
}

func TestSurveyImportPreviewThenAdd(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	eff := a.Handle(Event{Action: "fac.csv", Files: []File{exportFile(t, "microsoft-forms.xlsx")}})
	assert.Equal(t, []Effect{Focus{ID: "pk-exp-h"}}, eff, "the preview takes the focus")
	assert.Empty(t, a.ws.Readiness, "nothing is added, not even a round, before the facilitator confirms")

	tree := a.Render()
	require.NoError(t, tree.Check())
	sec := tree.Find("pk-exp")
	require.NotNil(t, sec)
	assert.Contains(t, sec.TextContent(), `Read as an Excel workbook, sheet "Sheet1", laid out as Microsoft Forms exports it.`)
	cols := tree.Find("pk-exp-columns")
	assert.Contains(t, cols.TextContent(), `Not used: every cell says "anonymous".`)
	sel := tree.Find("pk-exp-role-6")
	require.NotNil(t, sel, "a select for the form's own name question")
	var selected string
	sel.Walk(func(m *Node) bool {
		if _, ok := m.Attr("selected"); ok {
			selected = m.TextContent()
		}
		return true
	})
	assert.Equal(t, "Rater's name", selected)
	rows := tree.Find("pk-exp-rows")
	require.NotNil(t, rows)
	assert.Contains(t, rows.TextContent(), "Zoë Müller")
	adds := tree.Find("pk-exp-adds")
	require.NotNil(t, adds)
	assert.Contains(t, adds.TextContent(), "District")
	assert.Contains(t, adds.TextContent(), "3.7 (3 ratings)", "alignment of the district: 4, 3, 4")
	assert.Nil(t, tree.Find("pk-exp-problems"))
	add := tree.Find("pk-exp-add")
	require.NotNil(t, add)
	assert.Equal(t, "Add 6 responses to a new round", add.TextContent())

	a.Handle(Event{Action: "exp.add"})
	require.Len(t, a.ws.Readiness, 1)
	assert.Len(t, a.ws.Readiness[0].Responses, 6)
	assert.Nil(t, a.fac.imp)
	assert.NotNil(t, a.Render().Find("pk-summary"), "the summary shows")
}

// A column whose header names two areas is not guessed: the preview lists
// the problem and adds nothing until the facilitator gives the column its
// area.
func TestSurveyImportChangeARole(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	a.Handle(Event{Action: "round.new"})
	a.Handle(Event{Action: "fac.csv", Files: []File{exportFile(t, "district-wording-two-areas.csv")}})
	tree := a.Render()
	probs := tree.Find("pk-exp-problems")
	require.NotNil(t, probs)
	assert.Contains(t, probs.TextContent(), `No column holds the ratings of "Ongoing communication and collaboration"`)
	assert.Nil(t, tree.Find("pk-exp-add"), "nothing can be added")
	a.Handle(Event{Action: "exp.add"})
	assert.Empty(t, a.ws.Readiness[0].Responses)

	a.Handle(Event{Action: "exp.role", Arg: "8", Value: "rating:communication"})
	a.Handle(Event{Action: "exp.role", Arg: "9", Value: "concern:communication"})
	tree = a.Render()
	require.NoError(t, tree.Check())
	assert.Nil(t, tree.Find("pk-exp-problems"))
	assert.Contains(t, tree.Find("pk-exp-columns").TextContent(), "As chosen.")
	require.NotNil(t, tree.Find("pk-exp-add"))
	assert.Equal(t, `Add 6 responses to "Readiness round 1"`, tree.Find("pk-exp-add").TextContent())
	a.Handle(Event{Action: "exp.add"})
	assert.Len(t, a.ws.Readiness[0].Responses, 6)
	assert.Equal(t, "Monthly meetings are not on the calendar yet.", a.ws.Readiness[0].Responses[5].Concerns["communication"])
}

// A keyboard user chooses a column's role with the arrow keys, and every
// key changes the select: the roles passed on the way take nothing from the
// columns that have them, and only the one chosen last moves a role.
func TestSurveyImportRoleByArrowKeys(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	a.Handle(Event{Action: "round.new"})
	a.Handle(Event{Action: "fac.csv", Files: []File{exportFile(t, "district-wording-two-areas.csv")}})
	before := slices.Clone(a.fac.imp.ex.Plan.Columns)
	arrow := func(col int, to string) {
		t.Helper()
		var values []string
		a.Render().Find("pk-exp-role-" + strconv.Itoa(col)).Walk(func(n *Node) bool {
			if n.Tag == "option" {
				v, _ := n.Attr("value")
				values = append(values, v)
			}
			return true
		})
		require.Contains(t, values, to)
		for _, v := range values[1:] { // from "Not used", one key at a time
			a.Handle(Event{Action: "exp.role", Arg: strconv.Itoa(col), Value: v})
			if v == to {
				return
			}
		}
	}
	arrow(8, "rating:communication")
	arrow(9, "concern:communication")
	after := a.fac.imp.ex.Plan.Columns
	for j := range before {
		if j == 8 || j == 9 {
			continue
		}
		assert.Equal(t, before[j], after[j], "column %s kept what it gives", before[j].Letter)
	}
	assert.Empty(t, a.fac.imp.problems)
	require.NotNil(t, a.Render().Find("pk-exp-add"))

	// Choosing a role another column has moves it, and choosing again gives it back.
	a.Handle(Event{Action: "exp.role", Arg: "8", Value: "rating:alignment"})
	assert.Equal(t, readiness.RoleNone, a.fac.imp.ex.Plan.Columns[2].Role)
	assert.Equal(t, "not used: column I now gives this", a.fac.imp.ex.Plan.Columns[2].Note)
	a.Handle(Event{Action: "exp.role", Arg: "8", Value: "rating:communication"})
	assert.Equal(t, before[2], a.fac.imp.ex.Plan.Columns[2])
	a.Handle(Event{Action: "exp.role", Arg: "8", Value: "rating:nope"})
	assert.Equal(t, "communication", a.fac.imp.ex.Plan.Columns[8].Category, "an unknown choice changes nothing")
}

// The same holds for the columns of an initiative inventory.
func TestInventoryImportFieldByArrowKeys(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	csv := "Initiative,Owner,Audience,Start,End,Hours a week,Where\nReading buddies,District,teachers,9/1/2027,12/17/2027,1,all\n"
	a.Handle(Event{Action: "part.inv.file", Files: []File{{Name: "list.csv", Data: []byte(csv)}}})
	require.NotNil(t, a.part.inv)
	before := slices.Clone(a.part.inv.inv.Plan.Columns)
	for _, f := range partnership.InventoryFields()[1:] {
		a.Handle(Event{Action: "part.inv.field", Arg: "6", Value: string(f)})
		if f == partnership.FieldSchools {
			break
		}
	}
	after := a.part.inv.inv.Plan.Columns
	assert.Equal(t, before[:6], after[:6], "the other columns kept their fields")
	assert.Equal(t, partnership.FieldSchools, after[6].Field)
	assert.Empty(t, a.part.inv.problems)
}

func TestSurveyImportTeamUnratedAndCancel(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	csv := "Your name,Metrics rating\nAna,2\nBen,3\n"
	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "quick.csv", Data: []byte(csv)}}})
	tree := a.Render()
	require.NotNil(t, tree.Find("pk-exp-team"), "an export without a team asks for the team of all")
	require.NotNil(t, tree.Find("pk-exp-unrated-alignment"))
	assert.Len(t, a.fac.imp.problems, 4)
	a.Handle(Event{Action: "exp.team", Value: "District"})
	for _, id := range []string{"alignment", "resources", "communication"} {
		a.Handle(Event{Action: "exp.unrated", Arg: id})
	}
	a.Handle(Event{Action: "exp.unrated", Arg: "nope"})
	assert.Empty(t, a.fac.imp.problems)
	require.NoError(t, a.Render().Check())
	a.Handle(Event{Action: "exp.unrated", Arg: "resources"})
	assert.Len(t, a.fac.imp.problems, 1, "toggled back")
	eff := a.Handle(Event{Action: "exp.cancel"})
	assert.Equal(t, []Effect{Focus{ID: "pk-csv"}}, eff)
	assert.Nil(t, a.fac.imp)
	assert.Empty(t, a.ws.Readiness)
}

func TestSurveyImportReadsAnotherWay(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	a.Handle(Event{Action: "fac.csv", Files: []File{exportFile(t, "excel-mac.csv")}})
	tree := a.Render()
	require.NotNil(t, tree.Find("pk-exp-encoding"), "a text file offers its characters")
	assert.Contains(t, tree.Find("pk-exp-rows").TextContent(), "Zoë Müller")
	a.Handle(Event{Action: "exp.encoding", Value: "Windows-1252"})
	require.NotNil(t, a.fac.imp)
	assert.Equal(t, "Windows-1252", a.fac.imp.ex.Plan.Source.Encoding)
	assert.NotEmpty(t, a.fac.imp.problems, "read as Windows text, the dashes of the ratings are no longer dashes")
	a.Handle(Event{Action: "exp.encoding", Value: "Mac OS Roman"})
	assert.Empty(t, a.fac.imp.problems)

	a.Handle(Event{Action: "fac.csv", Files: []File{exportFile(t, "two-sheets.xlsx")}})
	require.NotNil(t, a.Render().Find("pk-exp-sheet"))
	a.Handle(Event{Action: "exp.sheet", Value: "Summary"})
	assert.NotEmpty(t, a.fac.imp.problems)
	assert.Contains(t, problemText(a.fac.imp.problems[0]), `Sheet "Summary"`)
}

func TestInventoryImport(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	p := a.ws.Partnership
	before := len(p.Initiatives)

	eff := a.Handle(Event{Action: "part.inv.template", Arg: "xlsx"})
	require.Len(t, eff, 1)
	dl := eff[0].(Download)
	assert.Equal(t, "initiatives-template.xlsx", dl.Name)

	a.Handle(Event{Action: "part.inv.file", Files: []File{{Name: "template.xlsx", Data: dl.Data}}})
	require.NotNil(t, a.part.inv)
	assert.Len(t, p.Initiatives, before, "nothing is added before the confirmation")
	tree := a.Render()
	require.NoError(t, tree.Check())
	require.NotNil(t, tree.Find("pk-inv-columns"))
	adds := tree.Find("pk-inv-adds")
	require.NotNil(t, adds)
	assert.Contains(t, adds.TextContent(), "Coaching cycles (example)")
	require.NotNil(t, tree.Find("pk-inv-add"))

	a.Handle(Event{Action: "part.inv.add"})
	assert.Len(t, p.Initiatives, before+2)
	assert.Nil(t, a.part.inv)
	require.NotNil(t, a.Render().Find("pk-inv-undo"))
	a.Handle(Event{Action: "part.inv.undo"})
	assert.Len(t, p.Initiatives, before, "the import can be taken back")

	// A sheet without an owner column asks who runs them all.
	a.Handle(Event{Action: "part.inv.file", Files: []File{{Name: "list.csv", Data: []byte("Program\nReading buddies\n")}}})
	tree = a.Render()
	require.NotNil(t, tree.Find("pk-inv-owner"))
	require.NotNil(t, tree.Find("pk-inv-problems"))
	a.Handle(Event{Action: "part.inv.owner", Value: p.District.Name})
	assert.Empty(t, a.part.inv.problems)
	a.Handle(Event{Action: "part.inv.field", Arg: "0", Value: ""})
	assert.NotEmpty(t, a.part.inv.problems, "without its name column, nothing can be added")
	a.Handle(Event{Action: "part.inv.cancel"})
	assert.Nil(t, a.part.inv)

	a.Handle(Event{Action: "part.inv.file", Files: []File{{Name: "photo.png", Data: []byte("\x89PNG\r\n\x1a\n")}}})
	assert.Nil(t, a.part.inv)
	last := a.notices[len(a.notices)-1]
	assert.Contains(t, strings.Join(last.Details, " "), "This is an image (PNG)")
}

// The previews of the imports say nothing internal: no JSON path, no ID of
// the workspace, no role or field name in code, for a file read as it is
// and for one with problems in every column.
func TestImportPreviewsSayNothingInternal(t *testing.T) {
	a := exampleWithEverything(t)
	views := map[string]*Node{}
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	for _, f := range []string{"district-wording-two-areas.csv", "qualtrics.csv", "bad-cells.csv", "no-team-column.csv"} {
		a.Handle(Event{Action: "fac.csv", Files: []File{exportFile(t, f)}})
		require.NotNil(t, a.fac.imp, f)
		views["survey "+f] = a.Render()
	}
	a.Handle(Event{Action: "nav", Arg: string(ViewPartnership)})
	dl := a.Handle(Event{Action: "part.inv.template", Arg: "xlsx"})[0].(Download)
	a.Handle(Event{Action: "part.inv.file", Files: []File{{Name: "District list.xlsx", Data: dl.Data}}})
	views["inventory template"] = a.Render()
	bad, err := os.ReadFile("../../partnership/testdata/inventory/bad-inventory.csv")
	require.NoError(t, err)
	a.Handle(Event{Action: "part.inv.file", Files: []File{{Name: "bad.csv", Data: bad}}})
	require.NotNil(t, a.part.inv)
	views["inventory with problems"] = a.Render()
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	a.Handle(Event{Action: "progress.fig.file", Files: []File{{Name: "figures.csv", Data: []byte(figuresSheet)}}})
	require.NotNil(t, a.prog.fig)
	views["figures"] = a.Render()
	badFigures, err := os.ReadFile("../../progress/testdata/figures/bad-figures.csv")
	require.NoError(t, err)
	a.Handle(Event{Action: "progress.fig.file", Files: []File{{Name: "bad.csv", Data: badFigures}}})
	require.NotEmpty(t, a.prog.fig.problems)
	views["figures with problems"] = a.Render()

	internal := internalWords(t, a.ws)
	for _, r := range readiness.Roles()[1:] {
		internal = append(internal, string(r)+":")
	}
	for name, tree := range views {
		// The previews, not the documents drawn for print: the summary's
		// rubric says "significant concern:" as the rubric does.
		text := screenText(tree)
		for _, m := range pathLike.FindAllString(text, -1) {
			t.Errorf("%s: a path or ID is shown: %q in %q", name, m, around(text, m))
		}
		for _, w := range internal {
			if i := wordIndex(text, w); i >= 0 {
				t.Errorf("%s: %q is shown, in %q", name, w, around(text, w))
			}
		}
	}
}

func TestTakeOutRemovesOnlyWhatTheImportAdded(t *testing.T) {
	type rec struct{ ID, Name string }
	id := func(r rec) string { return r.ID }
	added := addedFrom("inventory.csv", []rec{{"b", ""}, {"d", ""}}, id)
	list, n := takeOut(added, []rec{{"a", "kept"}, {"b", ""}, {"c", "kept"}, {"d", ""}}, id)
	assert.Equal(t, 2, n)
	assert.Equal(t, []rec{{"a", "kept"}, {"c", "kept"}}, list)
	list, n = takeOut(added, list, id)
	assert.Equal(t, 0, n, "a second Undo takes out nothing more")
	assert.Len(t, list, 2)
}
