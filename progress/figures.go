package progress

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// FigureField is what a column of a spreadsheet of figures gives.
type FigureField string

// The fields of a figure, as the columns of a spreadsheet give them.
const (
	FigureNone       FigureField = ""
	FigureMeasure    FigureField = "measure"
	FigureDate       FigureField = "date"
	FigureValue      FigureField = "value"
	FigureSource     FigureField = "source"
	FigureNote       FigureField = "note"
	FigureRecordedBy FigureField = "recordedBy"
)

// FigureFields returns every field, FigureNone first.
func FigureFields() []FigureField {
	return []FigureField{FigureNone, FigureMeasure, FigureDate, FigureValue, FigureSource, FigureNote, FigureRecordedBy}
}

// Label names the field in plain words.
func (f FigureField) Label() string {
	switch f {
	case FigureNone:
		return "Not used"
	case FigureMeasure:
		return "Measure"
	case FigureDate:
		return "Date"
	case FigureValue:
		return "Value"
	case FigureSource:
		return "Source"
	case FigureNote:
		return "Note"
	case FigureRecordedBy:
		return "Recorded by"
	}
	return string(f)
}

// figureWords are the headers that name each field: a whole header (exact),
// or words a header holds.
func figureWords(f FigureField) (exact, words []string) {
	switch f {
	case FigureMeasure:
		return []string{"success measure", "measure name", "what"}, []string{"measure", "measures", "indicator", "metric"}
	case FigureDate:
		return []string{"as of", "day", "when", "for"}, []string{"date", "as of"}
	case FigureValue:
		return []string{"number", "count", "result", "amount", "total", "n"}, []string{"value", "figure"}
	case FigureSource:
		return []string{"from", "where from"}, []string{"source", "data source"}
	case FigureNote:
		return []string{"remarks"}, []string{"note", "notes", "comment", "comments"}
	case FigureRecordedBy:
		return []string{"by", "who entered it", "entered by", "recorded by"}, nil
	}
	return nil, nil
}

// figureFieldOf matches a normalized header to a field: an exact header
// first, then the words of a header. It returns the fields a header names
// when it names more than one.
func figureFieldOf(n string) (FigureField, []FigureField) {
	for _, f := range FigureFields()[1:] {
		if exact, _ := figureWords(f); slices.Contains(exact, n) {
			return f, nil
		}
	}
	var found []FigureField
	for _, f := range FigureFields()[1:] {
		if _, ws := figureWords(f); sheet.HasWord(n, ws...) {
			found = append(found, f)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return FigureNone, found
}

// FigureColumn is one column of a spreadsheet of figures and what it
// gives.
type FigureColumn = sheet.Column[FigureField]

// FigurePlan says how a spreadsheet of figures is read: which column gives
// each field, and which are left out and why. Change it (SetField, or the
// fields directly) and read the figures again with Figures.Observations.
type FigurePlan struct {
	Source  partnership.SheetSource `json:"source"`
	Columns []FigureColumn          `json:"columns"`
	// Measure is the measure (its name or ID) of every figure, for a
	// spreadsheet without a measure column.
	Measure string `json:"measure,omitempty"`
}

// SetField gives column col the field; a column that gave it before is no
// longer used, and says so.
func (p *FigurePlan) SetField(col int, f FigureField) error {
	return sheet.SetField(p.Columns, col, f, FigureFields(), "a figure")
}

// Figures is a spreadsheet of the figures of success measures read into
// memory, with the plan of how its columns give observations. OpenFigures
// makes one.
type Figures struct {
	// Plan says which column gives what; the caller may change any of it.
	Plan FigurePlan

	measures []contract.Measure
	have     []Observation
	rows     []sheet.Row // below the header
	sheet    string      // the sheet's name in problems, when the file has several
	workbook bool        // cells that are numbers may be date serial numbers
	date1904 bool
}

// ReadFigures reads the figures of a contract supplement's success measures
// from a spreadsheet (any file readiness.ReadExport reads: CSV or
// tab-separated text in the encodings spreadsheets save, .xlsx, .zip) with a
// header row, then one row per figure: the measure (by its name or ID), the
// date the figure describes, its value, and where it comes from, a note and
// who recorded it where the sheet has them. Columns are matched by their
// headers as OpenFigures says; other columns are left out (the plan says
// which).
//
// A date is read as partnership.ParseCellDate reads it (3/2/2027, March 2,
// 2027, 2027-03-02, or a workbook's serial number). A value is a number
// written with a point for decimals, "%" after it for a measure in percent;
// "1,200" is refused rather than read one way or the other. A figure of a
// measure and date that the file gives twice, or that have already holds,
// is refused: only new figures are added. Every problem is reported at once
// in a *partnership.ValidationError, each with its spreadsheet row (row 1 is
// the header), column and value. The observations get IDs made of their
// measure and date (partnership.ContentID), so that the same spreadsheet
// read in two copies of a workspace gives the same records.
func ReadFigures(r io.Reader, measures []contract.Measure, have []Observation) ([]Observation, error) {
	fs, err := OpenFigures(r, measures, have, partnership.SheetOptions{})
	if err != nil {
		return nil, err
	}
	out, err := fs.Observations()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// OpenFigures reads a spreadsheet of figures (o chooses another encoding,
// delimiter or sheet than the content suggests) and plans how its columns
// give observations, by their headers: "Measure" (or "Indicator",
// "Metric"), "Date" (or "As of"), "Value" (or "Figure", "Number", "Count"),
// "Source", "Note" (or "Comments") and "Recorded by". A header that names two
// fields ("Measure value") is not used. OpenFigures fails only for a file it
// cannot read as a table; the plan's and the cells' problems are reported by
// Observations.
func OpenFigures(r io.Reader, measures []contract.Measure, have []Observation, o partnership.SheetOptions) (*Figures, error) {
	book, tables, err := sheet.Open(r, o.Encoding, o.Delimiter, o.Sheet, false)
	if err != nil {
		return nil, figureSheetProblem(err)
	}
	fs, ok := sheet.Choose(tables, func(t *sheet.Table) *Figures { return newFigures(book, t, measures, have) }, func(fs *Figures) bool {
		return fs.gives(FigureValue) && len(fs.rows) > 0
	})
	if !ok {
		return nil, figureSheetProblem(&sheet.Error{Message: "The file holds no rows: there are no headers and no figures. Write a header row (Measure, Date, Value), then one row per figure."})
	}
	return fs, nil
}

// figureSheetProblem turns what internal/sheet could not read into a
// problem.
func figureSheetProblem(err error) error {
	var se *sheet.Error
	if !errors.As(err, &se) {
		return &partnership.ValidationError{Problems: []partnership.Problem{{Message: err.Error()}}}
	}
	msg := se.Message
	if se.File == "JSON" {
		msg += ` A partnerkit workspace file is opened from "Your data"; figures come in a CSV file or an Excel workbook (.xlsx).`
	}
	return &partnership.ValidationError{Problems: []partnership.Problem{{Row: se.Row, Message: msg}}}
}

func newFigures(book *sheet.Book, t *sheet.Table, measures []contract.Measure, have []Observation) *Figures {
	fs := &Figures{measures: measures, have: have, rows: t.Rows[1:], workbook: t.Format.Kind == sheet.Workbook, date1904: t.Format.Date1904}
	if len(book.Tables) > 1 {
		fs.sheet = t.Name()
	}
	width := 0
	for _, r := range t.Rows {
		width = max(width, len(r.Cells))
	}
	plan := FigurePlan{Source: partnership.SheetSource(book.Source(t)), Columns: sheet.PlanColumns(t.Rows[0], width, figureFieldOf, "a figure")}
	fs.Plan = plan
	return fs
}

// gives reports whether a column of the plan gives f.
func (fs *Figures) gives(f FigureField) bool {
	return slices.ContainsFunc(fs.Plan.Columns, func(c FigureColumn) bool { return c.Field == f })
}

// Rows returns the first n rows below the header as the file gives them,
// for a preview; n < 0 returns all.
func (fs *Figures) Rows(n int) []partnership.SheetRow {
	if n < 0 || n > len(fs.rows) {
		n = len(fs.rows)
	}
	out := make([]partnership.SheetRow, n)
	for i, r := range fs.rows[:n] {
		out[i] = partnership.SheetRow{Row: r.Num, Cells: r.Cells}
	}
	return out
}

// Len returns how many rows below the header the spreadsheet has.
func (fs *Figures) Len() int { return len(fs.rows) }

// figureReader reads rows as a plan says.
type figureReader struct {
	fs      *Figures
	col     map[FigureField]int
	measure string // the ID of every figure's measure, from the plan
	ps      []partnership.Problem
}

func (rd *figureReader) problem(row int, f FigureField, value, format string, args ...any) {
	p := partnership.Problem{Sheet: rd.fs.sheet, Row: row, Value: value, Message: fmt.Sprintf(format, args...)}
	if j, ok := rd.col[f]; ok && f != FigureNone {
		p.Column, p.Header = rd.fs.Plan.Columns[j].Letter, rd.fs.Plan.Columns[j].Header
	}
	rd.ps = append(rd.ps, p)
}

// Observations reads the figures as the plan says. When anything cannot be
// read exactly, it returns a *partnership.ValidationError listing every
// problem and no observation.
func (fs *Figures) Observations() ([]Observation, error) {
	rd := &figureReader{fs: fs}
	col, several, problems := sheet.Assign(fs.Plan.Columns, FigureFields(), "a figure")
	rd.col = col
	for _, m := range problems {
		rd.problem(0, FigureNone, "", "%s", m)
	}
	rd.checkPlan(several)
	if len(fs.rows) == 0 {
		rd.problem(0, FigureNone, "", "The file holds its header and no figure below it. Add one row per figure: its measure, its date and its value.")
	}
	if len(rd.ps) > 0 {
		return nil, &partnership.ValidationError{Problems: rd.ps}
	}
	return rd.read()
}

// checkPlan adds a problem for each field a figure needs and the plan
// lacks.
func (rd *figureReader) checkPlan(several map[FigureField]bool) {
	_, hasMeasure := rd.col[FigureMeasure]
	switch {
	case len(rd.fs.measures) == 0:
		rd.problem(0, FigureNone, "", "The contract supplement has no success measure yet: add the measures first, then their figures.")
	case hasMeasure || several[FigureMeasure]:
	case rd.fs.Plan.Measure != "":
		if id, ok := rd.measureByName(rd.fs.Plan.Measure); ok {
			rd.measure = id
		} else {
			rd.problem(0, FigureNone, rd.fs.Plan.Measure, "%q is not a success measure of the contract supplement; the measures are %s.", rd.fs.Plan.Measure, rd.measureNames())
		}
	default:
		rd.problem(0, FigureNone, "", "No column says which measure each figure is of. Add a column %q with the measure's name (%s), or choose the measure of every figure.", FigureMeasure.Label(), rd.measureNames())
	}
	if _, ok := rd.col[FigureDate]; !ok && !several[FigureDate] {
		rd.problem(0, FigureNone, "", "No column gives the date of each figure. Add a column %q with the day each figure describes, such as 3/2/2027.", FigureDate.Label())
	}
	if _, ok := rd.col[FigureValue]; !ok && !several[FigureValue] {
		rd.problem(0, FigureNone, "", "No column gives the figures themselves. Add a column %q with each figure, such as 25.", FigureValue.Label())
	}
}

// measureByName finds a measure by its ID, or by its name in any letter
// case and punctuation.
func (rd *figureReader) measureByName(s string) (string, bool) {
	t := strings.TrimSpace(s)
	for _, m := range rd.fs.measures {
		if m.ID != "" && m.ID == t {
			return m.ID, true
		}
	}
	n := sheet.Normalize(t)
	found := ""
	for _, m := range rd.fs.measures {
		if n != "" && sheet.Normalize(m.Name) == n {
			if found != "" && found != m.ID {
				return "", false // two measures of one name: neither is guessed
			}
			found = m.ID
		}
	}
	return found, found != ""
}

// measureNames lists the measures' names for a message.
func (rd *figureReader) measureNames() string {
	if len(rd.fs.measures) == 0 {
		return "none yet"
	}
	names := make([]string, 0, len(rd.fs.measures))
	nameless := 0
	for _, m := range rd.fs.measures {
		if strings.TrimSpace(m.Name) == "" {
			nameless++
			continue
		}
		names = append(names, strconv.Quote(m.Name))
	}
	if nameless > 0 {
		names = append(names, words.Count(nameless, "measure without a name (give it one in the contract)", "measures without a name (give them one in the contract)"))
	}
	return words.JoinAnd(names)
}

// figureKey is what makes two figures the same one.
type figureKey struct {
	Measure string           `json:"measure"`
	Date    partnership.Date `json:"date"`
}

func (rd *figureReader) read() ([]Observation, error) {
	fs := rd.fs
	cell := func(r sheet.Row, f FigureField) string {
		if j, ok := rd.col[f]; ok {
			return strings.TrimSpace(r.Cell(j))
		}
		return ""
	}
	had := make(map[figureKey]bool, len(fs.have))
	for _, o := range fs.have {
		had[figureKey{o.Measure, o.Date}] = true
	}
	rowOf := make(map[figureKey]int)
	var out []Observation
	for _, r := range fs.rows {
		if r.Blank() {
			continue
		}
		o := Observation{Measure: rd.measure}
		ok := true
		if _, has := rd.col[FigureMeasure]; has {
			s := cell(r, FigureMeasure)
			id, found := rd.measureByName(s)
			switch {
			case s == "":
				rd.problem(r.Num, FigureMeasure, s, "The measure is empty: write which measure the figure is of (%s).", rd.measureNames())
				ok = false
			case !found:
				rd.problem(r.Num, FigureMeasure, s, "%q is not a success measure of the contract supplement; the measures are %s.", s, rd.measureNames())
				ok = false
			}
			o.Measure = id
		}
		if s := cell(r, FigureDate); s == "" {
			rd.problem(r.Num, FigureDate, s, "The date is empty: write the day the figure describes, such as 3/2/2027.")
			ok = false
		} else if d, err := partnership.ParseCellDate(s, fs.workbook, fs.date1904); err != nil {
			rd.problem(r.Num, FigureDate, s, "%s.", err)
			ok = false
		} else {
			o.Date = d
		}
		if v, good := rd.value(r.Num, cell(r, FigureValue), o.Measure); good {
			o.Value = &v
		} else {
			ok = false
		}
		for _, t := range []struct {
			f   FigureField
			to  *string
			max int
		}{{FigureSource, &o.Source, 1000}, {FigureNote, &o.Note, 2000}, {FigureRecordedBy, &o.RecordedBy, 200}} {
			s := cell(r, t.f)
			if utf8.RuneCountInString(s) > t.max {
				rd.problem(r.Num, t.f, words.Shorten(s, 40), "The %s is longer than %d characters; shorten it.", strings.ToLower(t.f.Label()), t.max)
				ok = false
			}
			*t.to = s
		}
		if !ok {
			continue
		}
		k := figureKey{o.Measure, o.Date}
		switch {
		case had[k]:
			rd.problem(r.Num, FigureDate, cell(r, FigureDate), "The measure %s already has a figure for %s; only new figures are added. Change that figure where it is, or delete this row.", rd.measureName(o.Measure), partnership.USDate(o.Date))
			continue
		case rowOf[k] > 0:
			rd.problem(r.Num, FigureDate, cell(r, FigureDate), "Row %d already gives the measure %s a figure for %s; keep one of the two rows.", rowOf[k], rd.measureName(o.Measure), partnership.USDate(o.Date))
			continue
		}
		rowOf[k] = r.Num
		o.ID = partnership.ContentID("figure", k)
		out = append(out, o)
	}
	if len(rd.ps) > 0 {
		return nil, &partnership.ValidationError{Problems: rd.ps}
	}
	if len(out) == 0 {
		return nil, &partnership.ValidationError{Problems: []partnership.Problem{{Message: "Every row below the header is empty: the file holds no figure. Add one row per figure: its measure, its date and its value."}}}
	}
	return out, nil
}

// measureName names the measure with the ID id for a message: its name in
// quotes, or says it has none.
func (rd *figureReader) measureName(id string) string {
	for _, m := range rd.fs.measures {
		if m.ID == id && strings.TrimSpace(m.Name) != "" {
			return strconv.Quote(m.Name)
		}
	}
	return "without a name"
}

// value reads a figure: a number with a point for decimals, and "%" after
// it for a measure counted in percent.
func (rd *figureReader) value(row int, s, measure string) (float64, bool) {
	n := s
	if t, pct := strings.CutSuffix(n, "%"); pct {
		if measure != "" && !rd.inPercent(measure) {
			rd.problem(row, FigureValue, s, "%q is a percentage, but the measure %s counts %s; write the figure in its unit, such as 25.", s, rd.measureName(measure), rd.unit(measure))
			return 0, false
		}
		n = strings.TrimSpace(t)
	}
	v, err := strconv.ParseFloat(n, 64)
	switch {
	case s == "":
		rd.problem(row, FigureValue, s, "The figure is empty: write it, such as 25 (0 is a figure too), or delete the row.")
	case strings.Contains(n, ","):
		rd.problem(row, FigureValue, s, "%q could be read two ways: write it without the comma (1200), and with a point for decimals (2.5).", s)
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		rd.problem(row, FigureValue, s, "%q is not a number; write the figure as a number, such as 25 or 2.5.", s)
	default:
		return v, true
	}
	return 0, false
}

func (rd *figureReader) unit(id string) string {
	for _, m := range rd.fs.measures {
		if m.ID == id && m.Unit != "" {
			return strconv.Quote(m.Unit)
		}
	}
	return "no unit given"
}

func (rd *figureReader) inPercent(id string) bool {
	for _, m := range rd.fs.measures {
		if m.ID == id {
			u := sheet.Normalize(m.Unit)
			return strings.TrimSpace(m.Unit) == "%" || sheet.HasWord(u, "percent", "percentage", "per cent")
		}
	}
	return false
}
