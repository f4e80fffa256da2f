package progress_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

// figureMeasures are the two measures of the SCOPE case the fixtures give
// figures of.
func figureMeasures() []contract.Measure {
	return []contract.Measure{
		{ID: "pd-attendance", Name: "Teachers at the partners' PD days", Unit: "teachers"},
		{ID: "units-taught", Name: "Units taught with the new curriculum", Unit: "units"},
		{ID: "share-trained", Name: "Teachers trained", Unit: "%"},
	}
}

func readFigureFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "figures", name))
	require.NoError(t, err)
	return data
}

// figureWorkbook is district-figures.csv as a workbook, its dates stored as
// Excel stores them and its figures as numbers.
func figureWorkbook(t testing.TB) []byte {
	t.Helper()
	rows := [][]sheet.Cell{
		{sheet.TextCell("Measure"), sheet.TextCell("Date"), sheet.TextCell("Value"), sheet.TextCell("Source")},
		{sheet.TextCell("Teachers at the partners' PD days"), sheet.DateCell("2017-10-03"), sheet.NumberCell(25), sheet.TextCell("Sign-in sheet")},
		{sheet.TextCell("Teachers at the partners' PD days"), sheet.DateCell("2018-02-06"), sheet.NumberCell(16), sheet.TextCell("Sign-in sheet")},
		{sheet.TextCell("units-taught"), sheet.DateCell("2017-10-03"), sheet.NumberCell(13), sheet.TextCell("Unit tracker")},
		{sheet.TextCell("Units taught with the new curriculum"), sheet.DateCell("2018-02-06"), sheet.NumberCell(3), sheet.TextCell("Unit tracker")},
	}
	var b bytes.Buffer
	require.NoError(t, sheet.WriteWorkbook(&b, "Figures", rows))
	return b.Bytes()
}

func TestReadFigures(t *testing.T) {
	type figure struct {
		measure string
		date    partnership.Date
		value   float64
		source  string
	}
	want := []figure{
		{"pd-attendance", "2017-10-03", 25, "Sign-in sheet"},
		{"pd-attendance", "2018-02-06", 16, "Sign-in sheet"},
		{"units-taught", "2017-10-03", 13, "Unit tracker"},
		{"units-taught", "2018-02-06", 3, "Unit tracker"},
	}
	for name, data := range map[string][]byte{
		"district-figures.csv": readFigureFile(t, "district-figures.csv"),
		"workbook":             figureWorkbook(t),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := progress.ReadFigures(bytes.NewReader(data), figureMeasures(), nil)
			require.NoError(t, err)
			var read []figure
			for _, o := range got {
				require.NotNil(t, o.Value)
				read = append(read, figure{o.Measure, o.Date, *o.Value, o.Source})
				assert.True(t, strings.HasPrefix(o.ID, "figure-"), o.ID)
			}
			assert.Equal(t, want, read)
			require.NoError(t, progress.Validate(got))
			again, err := progress.ReadFigures(bytes.NewReader(data), figureMeasures(), nil)
			require.NoError(t, err)
			assert.Equal(t, got, again, "the same file gives the same records")
		})
	}
	got, err := progress.ReadFigures(bytes.NewReader(readFigureFile(t, "district-figures.csv")), figureMeasures(), nil)
	require.NoError(t, err)
	assert.Equal(t, "Fall PD day", got[0].Note)
	assert.Equal(t, "Dana Whitfield", got[0].RecordedBy)
	assert.Equal(t, "Two schools paused, see minutes", got[3].Note)
}

func TestReadFiguresRefuses(t *testing.T) {
	have := []progress.Observation{progress.NewObservation("o1", "pd-attendance", "2017-07-13", 52)}
	_, err := progress.ReadFigures(bytes.NewReader(readFigureFile(t, "bad-figures.csv")), figureMeasures(), have)
	var ve *partnership.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`row 2, column B ("As of"): "10/3/17" is not a date with its year in full; write it as 3/2/2027 (month/day/year), March 2, 2027 or 2027-03-02.`,
		`row 3, column A ("Indicator"): "PD attendance" is not a success measure of the contract supplement; the measures are "Teachers at the partners' PD days", "Units taught with the new curriculum" and "Teachers trained".`,
		`row 3, column C ("Figure"): "twenty" is not a number; write the figure as a number, such as 25 or 2.5.`,
		`row 4, column B ("As of"): "2/30/2018" is not a date of the calendar; write it as 3/2/2027 (month/day/year), March 2, 2027 or 2027-03-02.`,
		`row 4, column C ("Figure"): "1,200" could be read two ways: write it without the comma (1200), and with a point for decimals (2.5).`,
		`row 5, column C ("Figure"): The figure is empty: write it, such as 25 (0 is a figure too), or delete the row.`,
		`row 6, column B ("As of"): The measure "Teachers at the partners' PD days" already has a figure for 7/13/2017; only new figures are added. Change that figure where it is, or delete this row.`,
		`row 7, column C ("Figure"): "40%" is a percentage, but the measure "Units taught with the new curriculum" counts "units"; write the figure in its unit, such as 25.`,
	}, got)
	for _, p := range ve.Problems {
		assert.NotZero(t, p.Row, p.String())
		assert.Empty(t, p.Path)
	}
}

func TestReadFiguresPlan(t *testing.T) {
	problems := func(t *testing.T, err error) []string {
		t.Helper()
		var ve *partnership.ValidationError
		require.True(t, errors.As(err, &ve), "%v", err)
		var out []string
		for _, p := range ve.Problems {
			out = append(out, p.String())
		}
		return out
	}
	t.Run("a sheet of one measure", func(t *testing.T) {
		data := []byte("Date,Value\n2017-10-03,25\n2018-02-06,16\n")
		fs, err := progress.OpenFigures(bytes.NewReader(data), figureMeasures(), nil, partnership.SheetOptions{})
		require.NoError(t, err)
		_, err = fs.Observations()
		assert.Equal(t, []string{`No column says which measure each figure is of. Add a column "Measure" with the measure's name ("Teachers at the partners' PD days", "Units taught with the new curriculum" and "Teachers trained"), or choose the measure of every figure.`}, problems(t, err))
		fs.Plan.Measure = "teachers at the partners PD days"
		got, err := fs.Observations()
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.Equal(t, "pd-attendance", got[1].Measure)
		assert.Equal(t, 16.0, *got[1].Value)
		fs.Plan.Measure = "Attendance"
		_, err = fs.Observations()
		assert.Contains(t, problems(t, err)[0], `"Attendance" is not a success measure`)
	})
	t.Run("columns missing, twice or unknown", func(t *testing.T) {
		data := []byte("Measure,Value,Figure,Start and end date,Comment\nunits-taught,3,3,2018-02-06,\n")
		fs, err := progress.OpenFigures(bytes.NewReader(data), figureMeasures(), nil, partnership.SheetOptions{})
		require.NoError(t, err)
		assert.Equal(t, progress.FigureValue, fs.Plan.Columns[1].Field)
		assert.Equal(t, "its header names value, as column B's does", fs.Plan.Columns[2].Note)
		assert.Equal(t, progress.FigureDate, fs.Plan.Columns[3].Field, "dates, twice, are one field")
		assert.Equal(t, progress.FigureNote, fs.Plan.Columns[4].Field)
		_, err = fs.Observations()
		assert.Equal(t, []string{`Columns B ("Value") and C ("Figure") could each give value. Keep the one that does, and set the others to "Not used".`}, problems(t, err))
		require.NoError(t, fs.Plan.SetField(2, progress.FigureValue))
		assert.Equal(t, progress.FigureNone, fs.Plan.Columns[1].Field, "the column that gave the value gives it no more")
		assert.Equal(t, "not used: column C now gives this", fs.Plan.Columns[1].Note)
		assert.Error(t, fs.Plan.SetField(9, progress.FigureValue))
		assert.Error(t, fs.Plan.SetField(1, "rating"))
		got, err := fs.Observations()
		require.NoError(t, err)
		assert.Equal(t, partnership.Date("2018-02-06"), got[0].Date)

		_, err = progress.ReadFigures(strings.NewReader("Measure value,When\nx,2018-02-06\n"), figureMeasures(), nil)
		assert.Equal(t, []string{
			`No column says which measure each figure is of. Add a column "Measure" with the measure's name ("Teachers at the partners' PD days", "Units taught with the new curriculum" and "Teachers trained"), or choose the measure of every figure.`,
			`No column gives the figures themselves. Add a column "Value" with each figure, such as 25.`,
		}, problems(t, err))
	})
	t.Run("two rows of one figure, and percent", func(t *testing.T) {
		data := []byte("Measure,Date,Value\nTeachers trained,3/2/2027,40%\nTeachers trained,2027-03-02,41 %\n")
		_, err := progress.ReadFigures(bytes.NewReader(data), figureMeasures(), nil)
		assert.Equal(t, []string{`row 3, column B ("Date"): Row 2 already gives the measure "Teachers trained" a figure for 3/2/2027; keep one of the two rows.`}, problems(t, err))
	})
	t.Run("nothing to read", func(t *testing.T) {
		_, err := progress.ReadFigures(strings.NewReader("Measure,Date,Value\n"), nil, nil)
		assert.Equal(t, []string{
			"The contract supplement has no success measure yet: add the measures first, then their figures.",
			"The file holds its header and no figure below it. Add one row per figure: its measure, its date and its value.",
		}, problems(t, err))
		_, err = progress.ReadFigures(strings.NewReader("%PDF-1.7\n"), figureMeasures(), nil)
		assert.Contains(t, problems(t, err)[0], "PDF")
	})
}

// FuzzReadFigures checks that no file makes ReadFigures panic, that it
// refuses with problems of a spreadsheet or gives observations that
// validate, and that it reads the same again.
func FuzzReadFigures(f *testing.F) {
	f.Add(readFigureFile(f, "district-figures.csv"))
	f.Add(readFigureFile(f, "bad-figures.csv"))
	f.Add(figureWorkbook(f))
	f.Add([]byte("Date;Value\n2017-10-03;25\n"))
	have := []progress.Observation{progress.NewObservation("o1", "pd-attendance", "2017-07-13", 52)}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := progress.ReadFigures(bytes.NewReader(data), figureMeasures(), have)
		if err != nil {
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "%T %v", err, err)
			require.NotEmpty(t, ve.Problems)
			for _, p := range ve.Problems {
				require.NotEmpty(t, p.Message)
				require.Empty(t, p.Path)
			}
			return
		}
		require.NotEmpty(t, got)
		require.NoError(t, progress.Validate(append(append([]progress.Observation(nil), have...), got...)))
		again, err := progress.ReadFigures(bytes.NewReader(data), figureMeasures(), have)
		require.NoError(t, err)
		require.Equal(t, got, again)
	})
}
