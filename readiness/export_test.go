package readiness

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exportWant is what testdata/exports/NAME.want.json says NAME must read as.
type exportWant struct {
	Note      string     `json:"note"`
	Responses []Response `json:"responses"`
	Refused   []string   `json:"refused"`
}

// TestReadExportFixtures reads every export of testdata/exports (made by its
// make.go, one per survey tool's layout and encoding) and checks that each
// is read exactly as its .want.json says, or refused with every phrase it
// lists: the problem, and what would fix it.
func TestReadExportFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/exports/*")
	require.NoError(t, err)
	n := 0
	for _, path := range files {
		if strings.HasSuffix(path, ".want.json") || strings.HasSuffix(path, ".go") {
			continue
		}
		n++
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			wj, err := os.ReadFile(path + ".want.json")
			require.NoError(t, err, "every export needs its expectation")
			var want exportWant
			require.NoError(t, json.Unmarshal(wj, &want))
			rs, err := ReadExport(bytes.NewReader(data), ODST())
			if want.Refused == nil {
				require.NoError(t, err, want.Note)
				require.Equal(t, want.Responses, rs, want.Note)
				rep, err := Summarize(ODST(), rs)
				require.NoError(t, err)
				assert.Len(t, rep.Teams, 2)
				return
			}
			require.Error(t, err, want.Note)
			assert.Nil(t, rs, "a refused export gives no responses")
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "%T %v", err, err)
			for _, p := range ve.Problems {
				assert.NotEmpty(t, p.Message)
				assert.Empty(t, p.Path, "a spreadsheet's problem has a row and a column, not a JSON path")
			}
			for _, phrase := range want.Refused {
				assert.Contains(t, err.Error(), phrase, want.Note)
			}
		})
	}
	assert.GreaterOrEqual(t, n, 30, "the fixture set covers every layout and encoding")
}

// TestReadCSVSharesReadExport: the text exports read the same through
// ReadCSV, which refuses a workbook.
func TestReadCSVSharesReadExport(t *testing.T) {
	for _, name := range []string{"google-forms.csv", "qualtrics.tsv", "excel-mac.csv", "surveymonkey.csv"} {
		data := readFixture(t, "exports/"+name)
		a, err := ReadCSV(bytes.NewReader(data), ODST())
		require.NoError(t, err, name)
		b, err := ReadExport(bytes.NewReader(data), ODST())
		require.NoError(t, err, name)
		assert.Equal(t, b, a, name)
	}
	_, err := ReadCSV(bytes.NewReader(readFixture(t, "exports/microsoft-forms.xlsx")), ODST())
	assert.ErrorContains(t, err, "not CSV text")
}

func openFixture(t *testing.T, name string, o partnership.SheetOptions) *Export {
	t.Helper()
	ex, err := OpenExport(bytes.NewReader(readFixture(t, "exports/"+name)), ODST(), o)
	require.NoError(t, err)
	return ex
}

func column(t *testing.T, p Plan, header string) Column {
	t.Helper()
	for _, c := range p.Columns {
		if c.Header == header {
			return c
		}
	}
	t.Fatalf("no column %q", header)
	return Column{}
}

func TestExportPlan(t *testing.T) {
	ex := openFixture(t, "microsoft-forms-anonymous.csv", partnership.SheetOptions{})
	p := ex.Plan
	assert.Equal(t, "Microsoft Forms", p.Tool)
	assert.Equal(t, "a CSV file (Unicode (UTF-8), separated by commas)", p.Source.File)
	name := column(t, p, "Name")
	assert.Equal(t, RoleNone, name.Role, "the tool's Name says anonymous")
	assert.True(t, name.Metadata)
	assert.Equal(t, `not used: every cell says "anonymous"`, name.Note)
	rater := column(t, p, "Your name")
	assert.Equal(t, RoleRater, rater.Role)
	assert.False(t, rater.Metadata)
	assert.Equal(t, "G", rater.Letter)
	assert.Equal(t, Column{Index: 2, Letter: "C", Header: "Completion time", Role: RoleSubmitted, Metadata: true, Note: "when the response was submitted"}, column(t, p, "Completion time"))
	assert.Equal(t, RoleConcern, column(t, p, "Clear metrics established – your concerns").Role)

	grid := openFixture(t, "google-forms-grid.csv", partnership.SheetOptions{}).Plan
	c := column(t, grid, "Level of concern in each area [Appropriate and sufficient resources]")
	assert.Equal(t, RoleRating, c.Role, "the ODST scale is about concerns: a level of concern is a rating")
	assert.Equal(t, "resources", c.Category)
	assert.Equal(t, "its header speaks of both a level and concerns, and its cells hold ratings", c.Note)

	q := openFixture(t, "qualtrics.tsv", partnership.SheetOptions{}).Plan
	assert.Equal(t, 3, q.HeaderRows)
	assert.Equal(t, "UTF-16LE", q.Source.Encoding)
	assert.Equal(t, "\t", q.Source.Delimiter)
	assert.Equal(t, RoleNone, column(t, q, "Recipient Last Name").Role)
	assert.Equal(t, RoleSubmitted, column(t, q, "Recorded Date").Role, "the recorded date before the end date")
	assert.Equal(t, RoleNone, column(t, q, "End Date").Role)

	sm := openFixture(t, "surveymonkey.csv", partnership.SheetOptions{}).Plan
	assert.Equal(t, 2, sm.HeaderRows)
	c = column(t, sm, "How would you rate each area? / Clear metrics established")
	assert.Equal(t, Column{Index: 13, Letter: "N", Header: c.Header, Role: RoleRating, Category: "metrics", Note: "its header speaks of a rating"}, c)
	assert.Equal(t, RoleConcern, column(t, sm, "What are your concerns, if any, in each area? / Clear metrics established").Role)
	assert.Equal(t, "not used: every cell is empty", column(t, sm, "First Name").Note)

	two := openFixture(t, "two-sheets.xlsx", partnership.SheetOptions{}).Plan
	assert.Equal(t, "Responses", two.Source.Sheet)
	assert.Equal(t, []string{"Summary", "Responses"}, two.Source.Sheets)
}

// The plan can be changed: a column named in two areas' words is given its
// area, and the export then reads.
func TestExportOverride(t *testing.T) {
	ex := openFixture(t, "district-wording-two-areas.csv", partnership.SheetOptions{})
	_, err := ex.Responses()
	require.Error(t, err)
	comm := column(t, ex.Plan, "Communication about metrics")
	require.NoError(t, ex.Plan.SetRole(comm.Index, RoleRating, "communication"))
	require.NoError(t, ex.Plan.SetRole(comm.Index+1, RoleConcern, "communication"))
	got, err := ex.Responses()
	require.NoError(t, err)
	want, err := ReadExport(bytes.NewReader(readFixture(t, "exports/district-wording.csv")), ODST())
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// Choosing a second rating column for an area moves the role.
	strat := column(t, ex.Plan, "Strategic alignment")
	require.NoError(t, ex.Plan.SetRole(comm.Index, RoleRating, "alignment"))
	assert.Equal(t, RoleNone, ex.Plan.Columns[strat.Index].Role)
	assert.Equal(t, "not used: column I now gives this", ex.Plan.Columns[strat.Index].Note)
	require.Error(t, ex.Plan.SetRole(99, RoleTeam, ""))
	require.Error(t, ex.Plan.SetRole(1, RoleRating, ""))

	// An export without a team column reads when one team is given for all,
	// and one that leaves an area out when the area is to stay unrated.
	ex = openFixture(t, "no-team-column.csv", partnership.SheetOptions{})
	ex.Plan.Team = "District"
	rs, err := ex.Responses()
	require.NoError(t, err)
	require.Len(t, rs, 6)
	assert.Equal(t, "District", rs[5].Team)
	rs, err = ReadCSV(strings.NewReader("Name,Team,Metrics\nAna,District,3\n"), ODST())
	require.Error(t, err)
	assert.Nil(t, rs)
	ex, err = OpenExport(strings.NewReader("Name,Team,Metrics\nAna,District,3\n"), ODST(), partnership.SheetOptions{})
	require.NoError(t, err)
	ex.Plan.Unrated = []string{"alignment", "resources", "communication"}
	rs, err = ex.Responses()
	require.NoError(t, err)
	assert.Equal(t, []Response{{Rater: "Ana", Team: "District", Ratings: map[string]int{"metrics": 3}}}, rs)
}

// The file can be read another way: a Mac file taken as Windows text.
func TestExportSheetOptions(t *testing.T) {
	ex := openFixture(t, "excel-mac.csv", partnership.SheetOptions{})
	assert.Equal(t, "Mac OS Roman", ex.Plan.Source.Encoding)
	ex = openFixture(t, "excel-mac.csv", partnership.SheetOptions{Encoding: "Windows-1252"})
	rs, err := ex.Responses()
	require.Error(t, err, "the ratings' dashes are no longer dashes")
	assert.NotEqual(t, "Zoë Müller", rs[1].Rater)
	ex, err = OpenExport(strings.NewReader("Name;Team,Metrics\nAna;D,3\n"), ODST(), partnership.SheetOptions{Delimiter: ","})
	require.NoError(t, err)
	assert.Equal(t, "Name;Team", ex.Plan.Columns[0].Header)
	_, err = OpenExport(bytes.NewReader(readFixture(t, "exports/two-sheets.xlsx")), ODST(), partnership.SheetOptions{Sheet: "Nope"})
	assert.ErrorContains(t, err, `The file has no sheet "Nope"; it has "Summary", "Responses".`)
	ex = openFixture(t, "two-sheets.xlsx", partnership.SheetOptions{Sheet: "Summary"})
	_, err = ex.Responses()
	assert.ErrorContains(t, err, `sheet "Summary"`)
	_, err = OpenExport(strings.NewReader("a"), ODST(), partnership.SheetOptions{Encoding: "EBCDIC"})
	assert.ErrorContains(t, err, `"EBCDIC" is not an encoding`)
}

func TestExportRows(t *testing.T) {
	ex := openFixture(t, "qualtrics.csv", partnership.SheetOptions{})
	assert.Equal(t, 6, ex.Len())
	rows := ex.Rows(2)
	require.Len(t, rows, 2)
	assert.Equal(t, 4, rows[0].Row, "Qualtrics' responses start in row 4")
	assert.Equal(t, "Maria Rivera", rows[0].Cells[17])
	assert.Len(t, ex.Rows(-1), 6)
}

func TestExportPreview(t *testing.T) {
	ex := openFixture(t, "bad-cells.csv", partnership.SheetOptions{})
	rows := ex.Preview(3)
	require.Len(t, rows, 3)
	assert.Equal(t, 2, rows[0].Row)
	assert.Equal(t, "Maria Rivera", rows[0].Response.Rater)
	assert.Empty(t, rows[0].Problems)
	assert.Equal(t, 3, rows[1].Row)
	assert.Equal(t, "Zoë Müller", rows[1].Response.Rater, "a row with a problem keeps what could be read")
	assert.NotContains(t, rows[1].Response.Ratings, "alignment")
	require.Len(t, rows[1].Problems, 1)
	assert.Equal(t, "N/A", rows[1].Problems[0].Value)
	assert.Len(t, ex.Preview(100), 6)
	assert.Empty(t, ex.Preview(-1))
}

// A problem names the spreadsheet row, the column's letter and header, and
// the value, as values the page can show.
func TestExportProblemDetails(t *testing.T) {
	_, err := ReadExport(bytes.NewReader(readFixture(t, "exports/bad-cells.csv")), ODST())
	ps := partnership.ProblemsOf(err)
	require.Len(t, ps, 2)
	assert.Equal(t, partnership.Problem{Row: 3, Column: "C", Header: "Strategic alignment", Value: "N/A", Message: ps[0].Message}, ps[0])
	assert.Contains(t, ps[0].Message, "If the column holds concerns rather than ratings")
	assert.Equal(t, 6, ps[1].Row)
	assert.Equal(t, "3.5", ps[1].Value)
}
