package sheet

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testField is a field of the plans below: a name or an age.
type testField string

func (f testField) Label() string {
	if f == "" {
		return "Not used"
	}
	return string(f)
}

func testFieldOf(n string) (testField, []testField) {
	switch n {
	case "name", "full name":
		return "name", nil
	case "age":
		return "age", nil
	case "name and age":
		return "", []testField{"name", "age"}
	}
	return "", nil
}

func TestPlanColumns(t *testing.T) {
	fields := []testField{"", "name", "age"}
	cols := PlanColumns(Row{Num: 1, Cells: []string{"Name", "Age", "Full name", "Name and age", "Shoe size"}}, 6, testFieldOf, "a person")
	require.Len(t, cols, 6)
	assert.Equal(t, Column[testField]{Index: 1, Letter: "B", Header: "Age", Field: "age", Note: "its header names age"}, cols[1])
	assert.Equal(t, "its header names name, as column A's does", cols[2].Note)
	assert.Equal(t, testField("name"), cols[2].Field, "both columns give it, for the reader to refuse")
	assert.Equal(t, `not used: its header names more than one field ("name" and "age"); choose the one it gives`, cols[3].Note)
	assert.Equal(t, "not used: it is none of the fields of a person", cols[4].Note)
	assert.Equal(t, "not used: it has no header", cols[5].Note)
	assert.Equal(t, `C ("Full name")`, cols[2].Name())
	assert.Equal(t, "F", cols[5].Name())

	col, several, problems := Assign(cols, fields, "a person")
	assert.Equal(t, map[testField]int{"age": 1}, col)
	assert.Equal(t, map[testField]bool{"name": true}, several)
	assert.Equal(t, []string{`Columns A ("Name") and C ("Full name") could each give name. Keep the one that does, and set the others to "Not used".`}, problems)

	require.NoError(t, SetField(cols, 2, "name", fields, "a person"))
	assert.Equal(t, testField(""), cols[0].Field)
	assert.Equal(t, "not used: column C now gives this", cols[0].Note)
	assert.Equal(t, "as chosen", cols[2].Note)
	col, several, problems = Assign(cols, fields, "a person")
	assert.Equal(t, map[testField]int{"name": 2, "age": 1}, col)
	assert.Empty(t, several)
	assert.Empty(t, problems)

	assert.EqualError(t, SetField(cols, 6, "name", fields, "a person"), "there is no column 7; the sheet has 6")
	assert.EqualError(t, SetField(cols, 0, "height", fields, "a person"), `"height" is not a field of a person`)
	cols[4].Field = "height"
	_, _, problems = Assign(cols, fields, "a person")
	assert.Equal(t, []string{`Column E: "height" is not a field of a person.`}, problems)
}

func TestChoose(t *testing.T) {
	empty, a, b := &Table{}, &Table{Rows: []Row{{Num: 1, Cells: []string{"a"}}}}, &Table{Rows: []Row{{Num: 1, Cells: []string{"b"}}}}
	first := func(t *Table) string { return t.Rows[0].Cells[0] }
	got, ok := Choose([]*Table{empty, a, b}, first, func(s string) bool { return s == "b" })
	assert.True(t, ok)
	assert.Equal(t, "b", got, "the first table that holds what is imported")
	got, ok = Choose([]*Table{empty, a, b}, first, func(string) bool { return false })
	assert.True(t, ok)
	assert.Equal(t, "a", got, "else the first table with rows")
	_, ok = Choose([]*Table{empty}, first, func(string) bool { return true })
	assert.False(t, ok, "no table has rows")
}
