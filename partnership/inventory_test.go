package partnership

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func inventoryPartnership() *Partnership {
	return &Partnership{
		Name:     "Riverside and partners",
		District: Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []Partner{{ID: "lp", Name: "Learning Partners Inc."}, {ID: "dc", Name: "Data Coaches, LLC"}},
		Schools: []School{{ID: "hayes", Name: "Hayes Elementary"}, {ID: "lincoln", Name: "Lincoln Middle"},
			{ID: "king", Name: "King, Martin Luther Jr. High"}},
		Priorities:  []Priority{{ID: "literacy", Title: "Early literacy"}, {ID: "math", Title: "Middle-school math"}},
		Capacity:    []Capacity{{Audience: "teachers", HoursPerWeek: 3}, {Audience: "principals", HoursPerWeek: 2}},
		Initiatives: []Initiative{{ID: "summer", Name: "Summer school", Owner: "rusd"}},
		Start:       "2027-08-15",
	}
}

// withoutIDs checks that every initiative and demand has an ID, and blanks
// them for comparing.
func withoutIDs(t *testing.T, in []Initiative) []Initiative {
	t.Helper()
	out := make([]Initiative, len(in))
	for i, x := range in {
		assert.True(t, strings.HasPrefix(x.ID, "initiative-"), x.ID)
		x.ID = ""
		x.Demands = append([]Demand(nil), x.Demands...)
		for j := range x.Demands {
			assert.True(t, strings.HasPrefix(x.Demands[j].ID, "demand-"), x.Demands[j].ID)
			x.Demands[j].ID = ""
		}
		out[i] = x
	}
	return out
}

func readInventoryFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/inventory/" + name)
	require.NoError(t, err)
	return data
}

func TestReadInventory(t *testing.T) {
	p := inventoryPartnership()
	got, err := ReadInventory(bytes.NewReader(readInventoryFile(t, "district-inventory.csv")), p)
	require.NoError(t, err)
	assert.Equal(t, []Initiative{
		{Name: "PBL coaching", Owner: "lp", Priorities: []string{"literacy", "math"}, Demands: []Demand{
			{Audience: "teachers", Schools: []string{"hayes", "lincoln"}, Start: "2027-09-01", End: "2027-12-17", HoursPerWeek: 2},
			{Audience: "principals", Start: "2027-09-15", End: "2028-06-10", HoursPerWeek: 1},
		}},
		{Name: "Data teams", Owner: "dc", Priorities: []string{"math"}, Demands: []Demand{
			{Audience: "teachers", Schools: []string{"king"}, Start: "2027-10-01", End: "2028-05-28", HoursPerWeek: 1.5},
		}},
		{Name: "Literacy walkthroughs", Owner: "rusd", Priorities: []string{"literacy"}, Demands: []Demand{
			{Audience: "teacher leaders", Schools: []string{"hayes", "lincoln"}, Start: "2028-01-10", End: "2028-03-31", HoursPerWeek: 0.5},
		}},
		{Name: "Family nights", Owner: "rusd"},
	}, withoutIDs(t, got))

	// What is read can join the partnership.
	p.Initiatives = append(p.Initiatives, got...)
	require.NoError(t, p.Validate())

	again, err := ReadInventory(bytes.NewReader(readInventoryFile(t, "district-inventory.csv")), inventoryPartnership())
	require.NoError(t, err)
	assert.Equal(t, got, again, "the same inventory gives the same IDs")
}

func TestInventoryPlan(t *testing.T) {
	inv, err := OpenInventory(bytes.NewReader(readInventoryFile(t, "district-inventory.csv")), inventoryPartnership(), SheetOptions{})
	require.NoError(t, err)
	var fields []InventoryField
	for _, c := range inv.Plan.Columns {
		fields = append(fields, c.Field)
	}
	assert.Equal(t, []InventoryField{FieldName, FieldOwner, FieldPriorities, FieldAudience, FieldSchools, FieldStart, FieldEnd, FieldHours, FieldNone}, fields)
	assert.Equal(t, "not used: it is none of the fields of an initiative", inv.Plan.Columns[8].Note)
	assert.Equal(t, 5, inv.Len())
	assert.Equal(t, 2, inv.Rows(1)[0].Row)

	for header, want := range map[string]InventoryField{
		"Initiative name": FieldName, "Program start date": FieldStart, "Owner organization": FieldOwner, "Who": FieldAudience,
		"Hours/week": FieldHours, "Schools served": FieldSchools, "To": FieldEnd, "Comments": FieldNone, "Start and end dates": FieldNone,
	} {
		f, _ := fieldOf(sheet.Normalize(header))
		assert.Equal(t, want, f, header)
	}
}

func TestReadInventoryRefuses(t *testing.T) {
	_, err := ReadInventory(bytes.NewReader(readInventoryFile(t, "bad-inventory.csv")), inventoryPartnership())
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.String())
	}
	want := []string{
		`row 2, column B ("Owner"): There is no organization "Learning Partner" in the partnership; use one of: "Riverside Unified" (the district), "Learning Partners Inc.", "Data Coaches, LLC", or add it to the partnership first.`,
		`row 2, column E ("Schools"): There is no school "Hays" in the partnership; use one of: "Hayes Elementary", "Lincoln Middle", "King, Martin Luther Jr. High" (or "all"), separated by semicolons, or add it to the partnership first.`,
		`row 2, column F ("Start"): "9/1/27" is not a date with its year in full; write it as 3/2/2027 (month/day/year), March 2, 2027 or 2027-03-02.`,
		`row 2, column H ("Hours a week"): "2,5" is not a number of hours: write it with a point, such as 2.5, from 0 to 168.`,
		`row 3, column B ("Owner"): There is no organization "Data Coach LLC" in the partnership; use one of: "Riverside Unified" (the district), "Learning Partners Inc.", "Data Coaches, LLC", or add it to the partnership first.`,
		`row 3, column C ("Priorities"): There is no priority "Arts" in the partnership; use one of: "Early literacy", "Middle-school math", separated by semicolons, or add it to the partnership first.`,
		`row 3, column G ("End"): The end (8/1/2027) is before the start (9/1/2027); the last day must be on or after the first.`,
		`row 3, column H ("Hours a week"): 200 hours a week is not possible; write a number from 0 to 168.`,
		`row 4, column A ("Initiative"): The partnership already has an initiative named "Summer school"; only new initiatives are added. Delete its rows here, or give it another name.`,
		`row 5, column A ("Initiative"): The initiative's name is empty. Give the name of the initiative this row is about, or delete the row.`,
		`row 6, column B ("Owner"): No row says who runs "Data teams". Give the name of the district or of a partner ("Riverside Unified" (the district), "Learning Partners Inc.", "Data Coaches, LLC") in its owner cell.`,
		`row 6, column F ("Start"): "2027-02-30" is not a date of the calendar; write it as 3/2/2027 (month/day/year), March 2, 2027 or 2027-03-02.`,
		`row 6, column G ("End"): The end is empty: a time an initiative asks needs its audience, start, end and hours a week. Fill it in, or empty the row's other time cells.`,
		`row 6, column H ("Hours a week"): "x" is not a number of hours; write a number from 0 to 168, such as 2 or 1.5.`,
	}
	assert.Equal(t, want, got)
	assert.Equal(t, "Learning Partner", ve.Problems[0].Value)
}

func TestReadInventoryPlanProblems(t *testing.T) {
	p := inventoryPartnership()
	for name, tc := range map[string]struct{ csv, want string }{
		"no name column":    {"Owner,Audience\nDistrict,teachers\n", `No column names the initiatives. Add a column "Initiative"`},
		"no owner column":   {"Initiative\nCoaching\n", `No column says who runs each initiative. Add a column "Owner" with the name of the district or of a partner ("Riverside Unified" (the district)`},
		"demand incomplete": {"Initiative,Owner,Audience,Hours\nCoaching,District,teachers,2\n", `The inventory gives the audience and hours a week of the time initiatives ask, but has no column for "Start" and "End"`},
		"two name columns":  {"Initiative,Program,Owner\nA,B,District\n", `Columns A ("Initiative") and B ("Program") could each give initiative.`},
		"header only":       {"Initiative,Owner\n", "The file holds its header and no initiative below it."},
		"a PDF":             {"%PDF-1.4\n", "This is a PDF document"},
		"a workspace":       {`{"schemaVersion":2}`, `opened from "Your data"`},
		"two fields named":  {"Initiative,Owner,Start and end dates\nA,District,2027\n", ""},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadInventory(strings.NewReader(tc.csv), p)
			if tc.want == "" {
				require.NoError(t, err, "a column that names two fields is left out")
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// The plan can be changed: one owner for all, a column chosen for a field.
func TestInventoryOverride(t *testing.T) {
	inv, err := OpenInventory(strings.NewReader("Initiative,Who leads it,Hours\nCoaching,Learning Partners,2\n"), inventoryPartnership(), SheetOptions{})
	require.NoError(t, err)
	_, err = inv.Initiatives()
	require.Error(t, err)
	require.NoError(t, inv.Plan.SetField(1, FieldOwner))
	require.NoError(t, inv.Plan.SetField(2, FieldNone))
	_, err = inv.Initiatives()
	assert.ErrorContains(t, err, `There is no organization "Learning Partners"`, "the partner is called Learning Partners Inc.")

	inv, err = OpenInventory(strings.NewReader("Initiative\nCoaching\nData teams\n"), inventoryPartnership(), SheetOptions{})
	require.NoError(t, err)
	inv.Plan.Owner = "Learning Partners Inc."
	got, err := inv.Initiatives()
	require.NoError(t, err)
	assert.Equal(t, []Initiative{{Name: "Coaching", Owner: "lp"}, {Name: "Data teams", Owner: "lp"}}, withoutIDs(t, got))
	require.Error(t, inv.Plan.SetField(5, FieldName))
	require.Error(t, inv.Plan.SetField(0, "colour"))
}

// Dates are read as ParseDate reads them, with the midnight a spreadsheet
// may write after them; a cell that is not a date says how to write one.
func TestReadInventoryDates(t *testing.T) {
	p := inventoryPartnership()
	for _, tc := range []struct{ cell, want, problem string }{
		{"2027-03-02", "2027-03-02", ""},
		{"3/2/2027", "2027-03-02", ""},
		{"03/02/2027", "2027-03-02", ""},
		{"March 2, 2027", "2027-03-02", ""},
		{"Mar 2 2027", "2027-03-02", ""},
		{"3/2/2027 0:00", "2027-03-02", ""},
		{"2027-03-02 00:00:00", "2027-03-02", ""},
		{"3/2/2027 9:30", "", `"3/2/2027 9:30" is not a date; write it as 3/2/2027 (month/day/year), March 2, 2027 or 2027-03-02.`},
		{"3/2/27", "", `"3/2/27" is not a date with its year in full; write it as 3/2/2027`},
		{"2/30/2027", "", `"2/30/2027" is not a date of the calendar`},
		{"13/2/2027", "", `"13/2/2027" is not a date of the calendar`},
		{"46448", "", `"46448" is not a date;`},
	} {
		t.Run(tc.cell, func(t *testing.T) {
			csv := "Initiative,Owner,Audience,Start,End,Hours\nCoaching,District,teachers,\"" + tc.cell + "\",12/31/2027,1\n"
			got, err := ReadInventory(strings.NewReader(csv), p)
			if tc.problem != "" {
				var ve *ValidationError
				require.ErrorAs(t, err, &ve)
				require.Len(t, ve.Problems, 1)
				assert.Equal(t, 2, ve.Problems[0].Row)
				assert.Equal(t, "D", ve.Problems[0].Column)
				assert.Equal(t, tc.cell, ve.Problems[0].Value)
				assert.Contains(t, ve.Problems[0].Message, tc.problem)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, Date(tc.want), got[0].Demands[0].Start)
			assert.Equal(t, Date("2027-12-31"), got[0].Demands[0].End)
		})
	}
}

// A workbook's dates are serial numbers: shown as dates, or plain numbers.
func TestReadInventoryWorkbook(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteWorkbook(&buf, "Initiatives", [][]sheet.Cell{
		{sheet.TextCell("Initiative"), sheet.TextCell("Owner"), sheet.TextCell("Audience"), sheet.TextCell("Start"), sheet.TextCell("End"), sheet.TextCell("Hours a week")},
		{sheet.TextCell("Coaching"), sheet.TextCell("District"), sheet.TextCell("teachers"), sheet.DateCell("2027-03-02"), sheet.NumberCell(46510), sheet.NumberCell(2.5)},
	}))
	got, err := ReadInventory(&buf, inventoryPartnership())
	require.NoError(t, err)
	assert.Equal(t, []Initiative{{Name: "Coaching", Owner: "rusd", Demands: []Demand{{Audience: "teachers", Start: "2027-03-02", End: "2027-05-03", HoursPerWeek: 2.5}}}},
		withoutIDs(t, got))
	_, err = ReadInventory(strings.NewReader("Initiative,Owner,Audience,Start,End,Hours\nA,District,teachers,46448,46510,1\n"), inventoryPartnership())
	assert.ErrorContains(t, err, `"46448" is not a date`, "a number is a date only in a workbook")
}

func TestInventoryTemplate(t *testing.T) {
	p := inventoryPartnership()
	var csvBuf, xlsxBuf bytes.Buffer
	require.NoError(t, WriteInventoryTemplate(&csvBuf, p))
	require.NoError(t, WriteInventoryTemplateXLSX(&xlsxBuf, p))
	assert.True(t, strings.HasPrefix(csvBuf.String(), "\ufeffInitiative,Owner,Priorities,Audience,Schools,Start,End,Hours a week\r\n"))
	assert.Contains(t, csvBuf.String(), "Coaching cycles (example),Learning Partners Inc.,Early literacy,teachers,Hayes Elementary; Lincoln Middle,2027-08-15,2027-11-14,2\r\n")
	want := []Initiative{
		{Name: "Coaching cycles (example)", Owner: "lp", Priorities: []string{"literacy"}, Demands: []Demand{
			{Audience: "teachers", Schools: []string{"hayes", "lincoln"}, Start: "2027-08-15", End: "2027-11-14", HoursPerWeek: 2},
			{Audience: "principals", Start: "2027-09-15", End: "2028-01-14", HoursPerWeek: 1}}},
		{Name: "Summer institute (example)", Owner: "rusd", Priorities: []string{"math"}, Demands: []Demand{
			{Audience: "teachers", Start: "2028-06-15", End: "2028-06-19", HoursPerWeek: 30}}},
	}
	for name, data := range map[string][]byte{"csv": csvBuf.Bytes(), "xlsx": xlsxBuf.Bytes()} {
		got, err := ReadInventory(bytes.NewReader(data), p)
		require.NoError(t, err, name)
		assert.Equal(t, want, withoutIDs(t, got), name)
	}
	_, err := OpenInventory(bytes.NewReader(xlsxBuf.Bytes()), p, SheetOptions{Sheet: "Nope"})
	assert.ErrorContains(t, err, `The file has no sheet "Nope"; it has "Initiatives".`)
	inv, err := OpenInventory(bytes.NewReader(csvBuf.Bytes()), p, SheetOptions{Delimiter: ";"})
	require.NoError(t, err)
	assert.Equal(t, "Initiative,Owner,Priorities,Audience,Schools,Start,End,Hours a week", inv.Plan.Columns[0].Header, "read with semicolons, the template's header is one cell")

	// A name that a spreadsheet would run as a formula is written as text and
	// reads back as it is.
	odd := inventoryPartnership()
	odd.Partners[0].Name = "=HYPERLINK(\"http://example.com\")"
	var oddBuf bytes.Buffer
	require.NoError(t, WriteInventoryTemplate(&oddBuf, odd))
	assert.Contains(t, oddBuf.String(), `"'=HYPERLINK(""http://example.com"")"`)
	back, err := ReadInventory(&oddBuf, odd)
	require.NoError(t, err)
	assert.Equal(t, odd.Partners[0].ID, back[0].Owner)

	// An empty partnership still gets a template that reads.
	empty := &Partnership{Name: "New", District: Org{ID: "d", Name: "Dale County Schools"}}
	var b bytes.Buffer
	require.NoError(t, WriteInventoryTemplate(&b, empty))
	got, err := ReadInventory(&b, empty)
	require.NoError(t, err)
	assert.Len(t, got, 2)
}

// FuzzReadInventory checks that no file makes ReadInventory panic, that it
// refuses with problems of a spreadsheet or gives initiatives that join the
// partnership and validate, and that it reads the same again.
func FuzzReadInventory(f *testing.F) {
	p := inventoryPartnership()
	f.Add(readInventoryFile(f, "district-inventory.csv"))
	f.Add(readInventoryFile(f, "bad-inventory.csv"))
	var b bytes.Buffer
	require.NoError(f, WriteInventoryTemplateXLSX(&b, p))
	f.Add(b.Bytes())
	f.Add([]byte("Initiative;Owner;Schools\nA;District;all\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadInventory(bytes.NewReader(data), p)
		if err != nil {
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "%T %v", err, err)
			require.NotEmpty(t, ve.Problems)
			for _, pr := range ve.Problems {
				require.NotEmpty(t, pr.Message)
				require.Empty(t, pr.Path)
			}
			return
		}
		q := *p
		q.Initiatives = append(append([]Initiative(nil), p.Initiatives...), got...)
		require.NoError(t, q.Validate())
		again, err := ReadInventory(bytes.NewReader(data), p)
		require.NoError(t, err)
		require.Equal(t, got, again)
	})
}
