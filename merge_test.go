package partnerkit_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/readiness"
)

// copies returns the full workspace three times: the base and the two
// copies that the district and the partner go on to edit.
func copies(t *testing.T) (base, mine, theirs *partnerkit.Workspace) {
	t.Helper()
	return load(t, "full.json"), load(t, "full.json"), load(t, "full.json")
}

func savedString(t *testing.T, ws *partnerkit.Workspace) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	return buf.String()
}

func paths(cs []partnerkit.Conflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Path)
	}
	return out
}

func TestMergeSelf(t *testing.T) {
	for _, name := range []string{"valid.json", "full.json"} {
		ws := load(t, name)
		ws.Stamp()
		merged, cs := partnerkit.Merge(ws, ws, ws)
		assert.Empty(t, cs)
		assert.Equal(t, savedString(t, ws), savedString(t, merged), name)
		merged, cs = partnerkit.Merge(nil, ws, ws)
		assert.Empty(t, cs)
		assert.Equal(t, savedString(t, ws), savedString(t, merged), name)
	}
}

func TestMergeTakesEachSidesChanges(t *testing.T) {
	base, mine, theirs := copies(t)
	// The district names its liaison's title and adds a school; the partner
	// drafts the schedule and adds a partner person.
	mine.Contract.Appendix.Contacts.DistrictLiaison.Title = "Director of Portfolios"
	mine.Partnership.Schools = append(mine.Partnership.Schools, partnership.School{ID: "grant", Name: "Grant Elementary"})
	theirs.Contract.Appendix.Schedule.Activities[0].When = "Thursdays after school"
	theirs.Contract.Appendix.Schedule.Activities = append(theirs.Contract.Appendix.Schedule.Activities,
		contract.Activity{ID: "activity-new", What: "Data review", Hours: 6})
	theirs.Partnership.People = append(theirs.Partnership.People, partnership.Person{ID: "eli", Name: "Eli Stone", Org: "lp"})
	// Both delete what the other did not touch.
	mine.Meetings[0].Actions = slices.Delete(mine.Meetings[0].Actions, 3, 4)
	theirs.Partnership.Capacity = nil

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Empty(t, cs)
	require.NoError(t, merged.Validate())
	c := merged.Contract.Appendix
	assert.Equal(t, "Director of Portfolios", c.Contacts.DistrictLiaison.Title)
	assert.Equal(t, "Thursdays after school", c.Schedule.Activities[0].When)
	require.Len(t, c.Schedule.Activities, 3)
	assert.Equal(t, "Data review", c.Schedule.Activities[2].What)
	assert.Len(t, merged.Partnership.Schools, 3)
	assert.Len(t, merged.Partnership.People, 5)
	assert.Len(t, merged.Meetings[0].Actions, 3)
	assert.Empty(t, merged.Partnership.Capacity)

	assert.Equal(t, "adds 1 scheduled activity and 1 person, removes 1 entry of the time people have, and changes the contract's schedule",
		partnerkit.Summary(mine, merged))
	assert.Equal(t, "adds 1 school, removes 1 action, and changes the contract's liaisons and managers",
		partnerkit.Summary(theirs, merged))
}

func TestMergeConflict(t *testing.T) {
	base, mine, theirs := copies(t)
	mine.Contract.Appendix.Schedule.Activities[1].When = "June 21 to 25"
	theirs.Contract.Appendix.Schedule.Activities[1].When = "June 28 to July 2"
	theirs.Contract.Appendix.Schedule.Activities[1].Hours = 32

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Len(t, cs, 1)
	c := cs[0]
	assert.Equal(t, "contract.appendix.schedule.activities[1].when", c.Path)
	assert.Equal(t, partnerkit.BothChanged, c.Kind)
	assert.Equal(t, `"2027-06-21 to 2027-06-25"`, string(c.Base))
	assert.Equal(t, `"June 21 to 25"`, string(c.Mine))
	assert.Equal(t, `"June 28 to July 2"`, string(c.Theirs))
	assert.Equal(t, "The scheduled activity “Summer design institute”: when", c.What)
	a := merged.Contract.Appendix.Schedule.Activities[1]
	assert.Equal(t, "June 21 to 25", a.When, "mine until the user chooses")
	assert.Equal(t, 32.0, a.Hours, "the change only theirs made is taken")

	resolved, err := partnerkit.Resolve(merged, partnerkit.Choice{Conflict: c, Take: partnerkit.Theirs})
	require.NoError(t, err)
	assert.Equal(t, "June 28 to July 2", resolved.Contract.Appendix.Schedule.Activities[1].When)
	assert.Equal(t, "June 21 to 25", merged.Contract.Appendix.Schedule.Activities[1].When, "Resolve leaves its argument alone")
}

func TestMergeChangedAndDeleted(t *testing.T) {
	base, mine, theirs := copies(t)
	mine.Partnership.Partners[1].Services = "Data dashboards"
	theirs.Partnership.Partners = theirs.Partnership.Partners[:1]

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Len(t, cs, 1)
	assert.Equal(t, partnerkit.ChangedAndDeleted, cs[0].Kind)
	assert.Equal(t, "partnership.partners[1]", cs[0].Path)
	assert.Nil(t, cs[0].Theirs)
	require.Len(t, merged.Partnership.Partners, 2, "the changed partner is kept")

	// In the other direction too, the changed record is kept.
	merged, cs = partnerkit.Merge(base, theirs, mine)
	require.Len(t, cs, 1)
	require.Len(t, merged.Partnership.Partners, 2)
	assert.Equal(t, "Data dashboards", merged.Partnership.Partners[1].Services)
	deleted, err := partnerkit.Resolve(merged, partnerkit.Choice{Conflict: cs[0], Take: partnerkit.Mine})
	require.NoError(t, err)
	assert.Len(t, deleted.Partnership.Partners, 1)
}

func TestMergeKeepsWhatIsStillUsed(t *testing.T) {
	base, mine, theirs := copies(t)
	// The district closes Lincoln; the partner meanwhile adds a coach there.
	mine.Partnership.Schools = mine.Partnership.Schools[:1]
	mine.Contract.Schools = mine.Contract.Schools[:1]
	theirs.Partnership.People = append(theirs.Partnership.People,
		partnership.Person{ID: "fay", Name: "Fay Silva", Org: "lp", Schools: []string{"lincoln"}})

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.NoError(t, merged.Validate())
	require.Len(t, cs, 1)
	assert.Equal(t, partnerkit.DeletedButUsed, cs[0].Kind)
	assert.Equal(t, "partnership.schools[1]", cs[0].Path)
	assert.Equal(t, "The school “Lincoln Middle School”", cs[0].What)
	assert.Len(t, merged.Partnership.Schools, 2)

	_, err := partnerkit.Resolve(merged, partnerkit.Choice{Conflict: cs[0], Take: partnerkit.Mine})
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve, "deleting a school someone works at cannot stand")
	assert.Contains(t, err.Error(), `there is no school with id "lincoln"`)
}

func TestMergeNotValidTogether(t *testing.T) {
	base, mine, theirs := copies(t)
	// The demand runs 2027-06-28 to 07-30: the district moves its start into
	// August, the partner its end into early July. Each is fine alone.
	mine.Partnership.Initiatives[1].Demands[0].Start = "2027-07-20"
	theirs.Partnership.Initiatives[1].Demands[0].End = "2027-07-09"
	require.NoError(t, mine.Validate())
	require.NoError(t, theirs.Validate())

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.NoError(t, merged.Validate())
	require.NotEmpty(t, cs)
	for _, c := range cs {
		assert.Equal(t, partnerkit.NotValidTogether, c.Kind)
	}
	d := merged.Partnership.Initiatives[1].Demands[0]
	assert.Equal(t, partnership.Date("2027-07-20"), d.Start)
	assert.Equal(t, partnership.Date("2027-07-30"), d.End, "mine, with which my start is valid")

	swapped, cs2 := partnerkit.Merge(base, theirs, mine)
	require.NoError(t, swapped.Validate())
	assert.Equal(t, paths(cs), paths(cs2), "the same conflicts whichever copy is mine")
}

func TestMergeWithoutBase(t *testing.T) {
	_, mine, theirs := copies(t)
	// Two copies that share no known version: nothing is deleted, and only
	// what both filled in differently is a conflict.
	mine.Partnership.Partners = mine.Partnership.Partners[:1]
	mine.Contract.ContractRef = "Contract 2026-114"
	theirs.Contract.ContractRef = ""
	theirs.Contract.SchoolYear = "2027–28"
	mine.Meetings[0].Location = "Library"
	theirs.Meetings[0].Location = "Room 12"

	merged, cs := partnerkit.Merge(nil, mine, theirs)
	require.NoError(t, merged.Validate())
	assert.Equal(t, []string{"contract.schoolYear", "meetings[0].location"}, paths(cs))
	assert.Len(t, merged.Partnership.Partners, 2, "nothing is deleted without a base")
	assert.Equal(t, "Contract 2026-114", merged.Contract.ContractRef, "the side that is empty takes the other")
	assert.Equal(t, "Library", merged.Meetings[0].Location)
}

func TestMergeListsAndOrder(t *testing.T) {
	base, mine, theirs := copies(t)
	// The partner reorders the partners, the district adds one and gives a
	// person a role; the partner gives the same person another.
	theirs.Partnership.Partners[0], theirs.Partnership.Partners[1] = theirs.Partnership.Partners[1], theirs.Partnership.Partners[0]
	mine.Partnership.Partners = append(mine.Partnership.Partners, partnership.Partner{ID: "new", Name: "New Partner"})
	mine.Partnership.People[2].Roles = append(mine.Partnership.People[2].Roles, partnership.TeacherLeader)
	theirs.Partnership.People[2].Roles = append(theirs.Partnership.People[2].Roles, partnership.PointPerson)
	// Both change the teachers' capacity, which is known by its audience.
	mine.Partnership.Capacity[0].HoursPerWeek = 12
	theirs.Partnership.Capacity = append(theirs.Partnership.Capacity, partnership.Capacity{Audience: "principals", HoursPerWeek: 3})

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Empty(t, cs)
	var ids []string
	for _, p := range merged.Partnership.Partners {
		ids = append(ids, p.ID)
	}
	assert.Equal(t, []string{"dp", "new", "lp"}, ids, "theirs' order, with mine's addition after the partner it follows in mine")
	assert.Equal(t, []partnership.Role{partnership.SchoolLeader, partnership.TeacherLeader, partnership.PointPerson}, merged.Partnership.People[2].Roles)
	assert.Equal(t, []partnership.Capacity{{Audience: "teachers", HoursPerWeek: 12}, {Audience: "principals", HoursPerWeek: 3}}, merged.Partnership.Capacity)
}

func TestMergeNeedsNoCodeForNewLists(t *testing.T) {
	// A custom rubric's categories are records with ids that Merge has no
	// word for: they merge by id all the same.
	rb := readiness.ODST()
	rb.ID = "custom"
	base := load(t, "valid.json")
	base.Readiness = []readiness.Round{{ID: "r", Title: "R", Rubric: &rb}}
	mine, theirs := reloaded(t, base), reloaded(t, base)
	mine.Readiness[0].Rubric.Categories[0].Title = "Alignment, in our words"
	theirs.Readiness[0].Rubric.Categories = slices.Delete(theirs.Readiness[0].Rubric.Categories, 3, 4)
	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Empty(t, cs)
	cats := merged.Readiness[0].Rubric.Categories
	require.Len(t, cats, 3)
	assert.Equal(t, "Alignment, in our words", cats[0].Title)
}

func TestMergeLineage(t *testing.T) {
	// The district sends its file; the partner edits it and sends it back;
	// the district, which edited meanwhile, merges; then sends the merge,
	// and the partner, who did nothing since, takes it as it is.
	district := load(t, "full.json")
	sent := district.Stamp()
	partner := reloaded(t, district)
	partner.Contract.Appendix.Schedule.Activities[0].When = "Thursdays"
	partner.Stamp()
	district.Meetings[0].AddAction(agenda.Action{Text: "Send the calendar"})

	base := partnerkit.CommonAncestors(district, partner)
	require.Equal(t, []string{sent}, base)
	merged, cs := partnerkit.Merge(load(t, "full.json"), district, partner)
	require.Empty(t, cs)
	require.NotNil(t, merged.Lineage)
	assert.Len(t, merged.Lineage.Parents, 2)
	assert.True(t, merged.Lineage.Knows(partner.Revision()))
	assert.True(t, merged.Current())
	assert.Equal(t, district.WorkspaceID, merged.WorkspaceID)

	// Back at the partner's: their version is the base, and the merge is
	// taken as it is, lineage and all.
	require.Equal(t, partner.Revision(), partnerkit.CommonAncestors(partner, merged)[0])
	again, cs := partnerkit.Merge(partner, partner, merged)
	require.Empty(t, cs)
	assert.Equal(t, savedString(t, merged), savedString(t, again))
}

func TestResolveKeepsTheMergeRevision(t *testing.T) {
	base, mine, theirs := copies(t)
	mine.Stamp()
	theirs.Meetings[0].Record = "Theirs"
	theirs.Stamp()
	mine.Meetings[0].Record = "Mine"
	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Len(t, cs, 1)
	parents := merged.Lineage.Parents
	res, err := partnerkit.Resolve(merged, partnerkit.Choice{Conflict: cs[0], Take: partnerkit.Theirs})
	require.NoError(t, err)
	assert.Equal(t, parents, res.Lineage.Parents)
	assert.True(t, res.Current(), "the merge's revision is made of the resolved content")
	assert.NotEqual(t, merged.Revision(), res.Revision())
}

func TestConflictValuesAreJSON(t *testing.T) {
	base, mine, theirs := copies(t)
	mine.Partnership.Initiatives[0].Demands[0].HoursPerWeek = 12.5
	theirs.Partnership.Initiatives[0].Demands[0].HoursPerWeek = 20
	_, cs := partnerkit.Merge(base, mine, theirs)
	require.Len(t, cs, 1)
	var m, th float64
	require.NoError(t, json.Unmarshal(cs[0].Mine, &m))
	require.NoError(t, json.Unmarshal(cs[0].Value(partnerkit.Theirs), &th))
	assert.Equal(t, 12.5, m)
	assert.Equal(t, 20.0, th)
	assert.Equal(t, "The time demand “teachers” of the initiative “Summer PBL institute”: hours per week", cs[0].What)
}

func reloaded(t *testing.T, ws *partnerkit.Workspace) *partnerkit.Workspace {
	t.Helper()
	out, err := partnerkit.Load(bytes.NewBufferString(savedString(t, ws)))
	require.NoError(t, err)
	return out
}

// The values recorded for the measures merge like every other record, and a
// summary calls them what they are: one side records the January data, the
// other corrects a value recorded before.
func TestMergeRecordedValues(t *testing.T) {
	open := func() *partnerkit.Workspace {
		ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
		require.NoError(t, err)
		require.NotEmpty(t, ws.Observations)
		return ws
	}
	base, mine, theirs := open(), open(), open()
	mine.Observations = append(mine.Observations,
		progress.NewObservation("obs-jan-a", "pd-attendance", "2018-01-10", 31),
		progress.NewObservation("obs-jan-b", "pd-attendance", "2018-01-24", 28))
	fixed := 53.0
	theirs.Observations[0].Value = &fixed

	merged, cs := partnerkit.Merge(base, mine, theirs)
	require.Empty(t, cs)
	require.NoError(t, merged.Validate())
	require.Len(t, merged.Observations, len(base.Observations)+2)
	assert.InDelta(t, 53.0, *merged.Observations[0].Value, 0)
	assert.Equal(t, "adds 2 recorded values", partnerkit.Summary(theirs, merged))
	assert.Equal(t, "changes the recorded value of July 13, 2017", partnerkit.Summary(mine, merged))
}
