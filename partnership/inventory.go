package partnership

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/internal/words"
)

// InventoryField is what a column of an initiative inventory gives.
type InventoryField string

// The fields of an inventory.
const (
	FieldNone       InventoryField = ""
	FieldName       InventoryField = "name"
	FieldOwner      InventoryField = "owner"
	FieldPriorities InventoryField = "priorities"
	FieldAudience   InventoryField = "audience"
	FieldSchools    InventoryField = "schools"
	FieldStart      InventoryField = "start"
	FieldEnd        InventoryField = "end"
	FieldHours      InventoryField = "hours"
)

// InventoryFields returns every field in the order of the template.
func InventoryFields() []InventoryField {
	return []InventoryField{FieldNone, FieldName, FieldOwner, FieldPriorities, FieldAudience, FieldSchools, FieldStart, FieldEnd, FieldHours}
}

// Label names the field in plain words, as the template's header does.
func (f InventoryField) Label() string {
	switch f {
	case FieldNone:
		return "Not used"
	case FieldName:
		return "Initiative"
	case FieldOwner:
		return "Owner"
	case FieldPriorities:
		return "Priorities"
	case FieldAudience:
		return "Audience"
	case FieldSchools:
		return "Schools"
	case FieldStart:
		return "Start"
	case FieldEnd:
		return "End"
	case FieldHours:
		return "Hours a week"
	}
	return string(f)
}

// inventoryWords are the headers that name each field: a whole header
// (exact), or words a header holds.
func inventoryWords(f InventoryField) (exact, words []string) {
	switch f {
	case FieldName:
		return []string{"name", "title", "initiative name", "name of initiative", "initiative or program", "program name", "project name"},
			[]string{"initiative", "initiatives", "program", "programme", "project", "activity"}
	case FieldOwner:
		return []string{"lead", "who runs it", "owner organization", "owner organisation"},
			[]string{"owner", "owned by", "organization", "organisation", "run by", "led by", "lead organization", "provider"}
	case FieldPriorities:
		return []string{"goal", "goals"}, []string{"priorities", "priority", "strategic priorities", "strategic priority"}
	case FieldAudience:
		return []string{"who", "for whom", "staff group", "role group"}, []string{"audience", "participants", "who takes part"}
	case FieldSchools:
		return []string{"site", "sites", "campus", "campuses"}, []string{"schools", "school"}
	case FieldStart:
		return []string{"from", "begins", "first day", "date from"}, []string{"start", "starts", "start date", "begin", "begins on"}
	case FieldEnd:
		return []string{"to", "until", "last day", "date to", "finish"}, []string{"end", "ends", "end date", "ends on"}
	case FieldHours:
		return []string{"hrs", "time per week"}, []string{"hours", "hour", "hours a week", "hours per week", "weekly hours", "hrs week", "per week"}
	}
	return nil, nil
}

// fieldOf matches a normalized header to a field: an exact header first;
// then the words of a header, where the words of the initiative's name
// ("Program start date") give way to any other field's. It returns the
// fields a header names when it names more than one.
func fieldOf(n string) (InventoryField, []InventoryField) {
	for _, f := range InventoryFields()[1:] {
		if exact, words := inventoryWords(f); slices.Contains(exact, n) || slices.Contains(words, n) {
			return f, nil
		}
	}
	var found []InventoryField
	for _, f := range InventoryFields()[2:] {
		if _, words := inventoryWords(f); sheet.HasWord(n, words...) {
			found = append(found, f)
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return FieldNone, found
	}
	if _, words := inventoryWords(FieldName); sheet.HasWord(n, words...) {
		return FieldName, nil
	}
	return FieldNone, nil
}

// InventoryColumn is one column of an inventory and what it gives.
type InventoryColumn = sheet.Column[InventoryField]

// InventoryPlan says how an inventory is read: which column gives each
// field, and which are left out and why. Change it (SetField, or the
// fields directly) and read the inventory again with Initiatives.
type InventoryPlan struct {
	Source  SheetSource       `json:"source"`
	Columns []InventoryColumn `json:"columns"`
	// Owner is the organization that runs every initiative (the name or ID
	// of the district or a partner), for an inventory without an owner
	// column.
	Owner string `json:"owner,omitempty"`
}

// SetField gives column col the field; a column that gave it before is no
// longer used, and says so.
func (p *InventoryPlan) SetField(col int, f InventoryField) error {
	return sheet.SetField(p.Columns, col, f, InventoryFields(), "an inventory")
}

// Inventory is an initiative inventory read into memory, with the plan of
// how its columns give initiatives. OpenInventory makes one.
type Inventory struct {
	// Plan says which column gives what; the caller may change any of it.
	Plan InventoryPlan

	p        *Partnership
	rows     []sheet.Row // below the header
	sheet    string      // the sheet's name in problems, when the file has several
	workbook bool        // cells that are numbers may be date serial numbers
	date1904 bool
}

// ReadInventory reads a district's initiative inventory: a spreadsheet (any
// file readiness.ReadExport reads: CSV or tab-separated text in the
// encodings spreadsheets save, .xlsx, .zip) with a header row, then one row
// per initiative or one per time demand of an initiative, with its name,
// owner (the district's or a partner's name), priorities (by title),
// audience, schools (by name; several in a cell, separated by semicolons,
// commas or line breaks; "all" for all), start, end, and hours a week.
//
// Rows that give the same name are one initiative: each adds a time demand,
// and the priorities of all of them; the owner, where given, must be the
// same. Names resolve to the partnership's IDs; an unknown name is a problem
// that lists the known ones. Dates are read as ParseDate reads them
// (3/2/2027, March 2, 2027, 2027-03-02), or as the date serial numbers of
// a workbook. An
// initiative the partnership already has (by name) is refused: only new
// ones are added. Every problem is reported at once in a
// *ValidationError, each with its spreadsheet row, column and value. The
// initiatives get IDs made of their content (ContentID), so that the same
// inventory read in two copies of a workspace gives the same records.
func ReadInventory(r io.Reader, p *Partnership) ([]Initiative, error) {
	inv, err := OpenInventory(r, p, SheetOptions{})
	if err != nil {
		return nil, err
	}
	out, err := inv.Initiatives()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// OpenInventory reads an inventory (o chooses another encoding, delimiter
// or sheet than the content suggests) and plans how its columns give
// initiatives, by their headers: "Initiative", "Program" or "Name" for the
// name; "Owner" or "Organization"; "Priorities"; "Audience"; "Schools";
// "Start"; "End"; "Hours a week" (and the like). A header that names two
// fields ("Start and end dates") is not used. OpenInventory fails only for
// a file it cannot read as a table; the plan's and the cells' problems are
// reported by Initiatives.
func OpenInventory(r io.Reader, p *Partnership, o SheetOptions) (*Inventory, error) {
	if p == nil {
		return nil, errors.New("the partnership is missing")
	}
	book, tables, err := sheet.Open(r, o.Encoding, o.Delimiter, o.Sheet, false)
	if err != nil {
		return nil, sheetProblem(err)
	}
	inv, ok := sheet.Choose(tables, func(t *sheet.Table) *Inventory { return newInventory(book, t, p) }, func(inv *Inventory) bool {
		return slices.ContainsFunc(inv.Plan.Columns, func(c InventoryColumn) bool { return c.Field == FieldName }) && len(inv.rows) > 0
	})
	if !ok {
		return nil, sheetProblem(&sheet.Error{Message: "The file holds no rows: there are no headers and no initiatives. Start from the template, which has a column for each thing an initiative needs."})
	}
	return inv, nil
}

// sheetProblem turns what internal/sheet could not read into a problem.
func sheetProblem(err error) error {
	var se *sheet.Error
	if !errors.As(err, &se) {
		return &ValidationError{Problems: []Problem{{Message: err.Error()}}}
	}
	msg := se.Message
	if se.File == "JSON" {
		msg += " A partnerkit workspace file is opened from \"Your data\"; an inventory is a CSV file or an Excel workbook (.xlsx)."
	}
	return &ValidationError{Problems: []Problem{{Row: se.Row, Message: msg}}}
}

func newInventory(book *sheet.Book, t *sheet.Table, p *Partnership) *Inventory {
	inv := &Inventory{p: p, rows: t.Rows[1:], workbook: t.Format.Kind == sheet.Workbook, date1904: t.Format.Date1904}
	if len(book.Tables) > 1 {
		inv.sheet = t.Name()
	}
	width := 0
	for _, r := range t.Rows {
		width = max(width, len(r.Cells))
	}
	plan := InventoryPlan{Source: SheetSource(book.Source(t)), Columns: sheet.PlanColumns(t.Rows[0], width, fieldOf, "an initiative")}
	inv.Plan = plan
	return inv
}

// Rows returns the first n rows below the header as the file gives them,
// for a preview; n < 0 returns all.
func (inv *Inventory) Rows(n int) []SheetRow {
	if n < 0 || n > len(inv.rows) {
		n = len(inv.rows)
	}
	out := make([]SheetRow, n)
	for i, r := range inv.rows[:n] {
		out[i] = SheetRow{Row: r.Num, Cells: r.Cells}
	}
	return out
}

// Len returns how many rows below the header the inventory has.
func (inv *Inventory) Len() int { return len(inv.rows) }

// inventoryReader reads rows as a plan says.
type inventoryReader struct {
	inv   *Inventory
	col   map[InventoryField]int
	owner string // the ID of the owner of every initiative, from the plan
	ps    []Problem
}

func (rd *inventoryReader) problem(row int, f InventoryField, value, format string, args ...any) {
	p := Problem{Sheet: rd.inv.sheet, Row: row, Value: value, Message: fmt.Sprintf(format, args...)}
	if j, ok := rd.col[f]; ok && f != FieldNone {
		p.Column, p.Header = rd.inv.Plan.Columns[j].Letter, rd.inv.Plan.Columns[j].Header
	}
	rd.ps = append(rd.ps, p)
}

// Initiatives reads the initiatives as the plan says. When anything cannot
// be read exactly, it returns a *ValidationError listing every problem,
// along with the initiatives it could read, which are then not to be used
// as they are.
func (inv *Inventory) Initiatives() ([]Initiative, error) {
	rd := &inventoryReader{inv: inv}
	col, several, problems := sheet.Assign(inv.Plan.Columns, InventoryFields(), "an inventory")
	rd.col = col
	for _, m := range problems {
		rd.problem(0, FieldNone, "", "%s", m)
	}
	rd.checkPlan(several)
	if len(inv.rows) == 0 {
		rd.problem(0, FieldNone, "", "The file holds its header and no initiative below it. Add one row per initiative, or one per time it asks of an audience.")
	}
	if len(rd.ps) > 0 {
		return nil, &ValidationError{Problems: rd.ps}
	}
	return rd.read()
}

// checkPlan adds a problem for each field the inventory needs and lacks.
func (rd *inventoryReader) checkPlan(several map[InventoryField]bool) {
	_, hasName := rd.col[FieldName]
	if !hasName && !several[FieldName] {
		rd.problem(0, FieldNone, "", "No column names the initiatives. Add a column %q with each initiative's name, or choose the column that holds them.", FieldName.Label())
	}
	_, hasOwner := rd.col[FieldOwner]
	plan := strings.TrimSpace(rd.inv.Plan.Owner)
	switch {
	case plan != "" && hasOwner:
		rd.problem(0, FieldOwner, "", "Both this column and the owner given for every initiative (%q) say who runs them. Keep one of them.", plan)
	case plan != "":
		id, ok := rd.inv.p.orgByName(plan)
		if !ok {
			rd.problem(0, FieldNone, plan, "There is no organization %q in the partnership; use one of: %s.", plan, rd.inv.p.orgNames())
		}
		rd.owner = id
	case !hasOwner && !several[FieldOwner]:
		rd.problem(0, FieldNone, "", "No column says who runs each initiative. Add a column %q with the name of the district or of a partner (%s), or choose the column that says it; if one organization runs them all, give it for all of them.",
			FieldOwner.Label(), rd.inv.p.orgNames())
	}
	var given, missing []string
	for _, f := range []InventoryField{FieldAudience, FieldStart, FieldEnd, FieldHours} {
		if _, ok := rd.col[f]; ok || several[f] {
			given = append(given, strings.ToLower(f.Label()))
		} else {
			missing = append(missing, strconv.Quote(f.Label()))
		}
	}
	if _, ok := rd.col[FieldSchools]; ok && len(given) == 0 {
		given = append(given, "schools")
	}
	if len(given) > 0 && len(missing) > 0 {
		rd.problem(0, FieldNone, "", "The inventory gives the %s of the time initiatives ask, but has no column for %s: a time demand needs its audience, start, end and hours a week. Add the missing columns, or set the others to %q.",
			words.JoinAnd(given), words.JoinAnd(missing), FieldNone.Label())
	}
}

// key compares names as a person does: by their letters and digits, letter
// case, spaces and punctuation aside ("Data Coaches, LLC" is "data coaches
// llc").
func key(s string) string {
	if k := sheet.Normalize(s); k != "" {
		return k
	}
	return strings.TrimSpace(s)
}

// byKey finds the one ID whose name or ID has the key of s; two that do
// are as good as none.
func byKey[T any](s string, xs []T, names func(T) (id, name string)) (string, bool) {
	k, found := key(s), ""
	for _, x := range xs {
		id, name := names(x)
		if k == key(name) || k == key(id) {
			if found != "" && found != id {
				return "", false
			}
			found = id
		}
	}
	return found, found != ""
}

// read reads every row; the plan is known to be complete.
func (rd *inventoryReader) read() ([]Initiative, error) {
	inv, p := rd.inv, rd.inv.p
	existing := make(map[string]bool, len(p.Initiatives))
	ids := make(map[string]bool, len(p.Initiatives))
	for _, x := range p.Initiatives {
		existing[key(x.Name)] = true
		ids[x.ID] = true
	}
	type building struct {
		Initiative
		ownerRow int  // the row that gave the owner
		ownerBad bool // a row gave an owner that is not one
		refused  bool
	}
	var out []*building
	byName := make(map[string]*building)
	cell := func(r sheet.Row, f InventoryField) string {
		j, ok := rd.col[f]
		if !ok {
			return ""
		}
		return strings.TrimSpace(escape.FromCSVCell(strings.TrimSpace(r.Cell(j))))
	}
	for _, r := range inv.rows {
		name := cell(r, FieldName)
		if name == "" {
			rd.problem(r.Num, FieldName, "", "The initiative's name is empty. Give the name of the initiative this row is about, or delete the row.")
			continue
		}
		if utf8.RuneCountInString(name) > 200 {
			rd.problem(r.Num, FieldName, words.Shorten(name, 41), "The name is longer than 200 characters; shorten it.")
			continue
		}
		b := byName[key(name)]
		if b == nil {
			b = &building{Initiative: Initiative{Name: name}}
			byName[key(name)] = b
			out = append(out, b)
			if existing[key(name)] {
				b.refused = true
				rd.problem(r.Num, FieldName, name, "The partnership already has an initiative named %q; only new initiatives are added. Delete its rows here, or give it another name.", name)
			}
		}
		if b.refused {
			continue
		}
		owner := rd.owner
		if s := cell(r, FieldOwner); s != "" {
			id, ok := p.orgByName(s)
			switch {
			case !ok:
				b.ownerBad = true
				rd.problem(r.Num, FieldOwner, s, "There is no organization %q in the partnership; use one of: %s, or add it to the partnership first.", s, p.orgNames())
			case b.Owner != "" && b.Owner != id:
				rd.problem(r.Num, FieldOwner, s, "Row %d says %q runs %q, and this row says %q; an initiative has one owner. Make them the same.", b.ownerRow, p.OrgName(b.Owner), name, s)
			default:
				owner, b.ownerRow = id, r.Num
			}
		}
		if b.Owner == "" {
			b.Owner = owner
		}
		if s := cell(r, FieldPriorities); s != "" {
			for _, id := range rd.resolve(r.Num, FieldPriorities, s, p.priorityByName, "priority", p.priorityNames()) {
				if !slices.Contains(b.Priorities, id) {
					b.Priorities = append(b.Priorities, id)
				}
			}
		}
		if d, ok := rd.demand(r, cell); ok {
			d.ID = ContentID("demand", struct {
				Initiative string
				N          int
				Demand     Demand
			}{key(name), len(b.Demands), d})
			b.Demands = append(b.Demands, d)
		}
	}
	initiatives := make([]Initiative, 0, len(out))
	for _, b := range out {
		if b.refused {
			continue
		}
		if b.Owner == "" && !b.ownerBad {
			rows := rd.rowsOf(b.Name)
			rd.problem(rows, FieldOwner, "", "No row says who runs %q. Give the name of the district or of a partner (%s) in its owner cell.", b.Name, p.orgNames())
		}
		id := ContentID("initiative", struct{ Name, Owner string }{key(b.Name), b.Owner})
		for ids[id] {
			id = NewID("initiative")
		}
		ids[id] = true
		b.ID = id
		initiatives = append(initiatives, b.Initiative)
	}
	if len(rd.ps) > 0 {
		slices.SortStableFunc(rd.ps, func(a, b Problem) int {
			return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(len(a.Column), len(b.Column)), cmp.Compare(a.Column, b.Column))
		})
		return initiatives, &ValidationError{Problems: rd.ps}
	}
	return initiatives, nil
}

// rowsOf returns the first row that names the initiative.
func (rd *inventoryReader) rowsOf(name string) int {
	j := rd.col[FieldName]
	for _, r := range rd.inv.rows {
		if key(r.Cell(j)) == key(name) {
			return r.Num
		}
	}
	return 0
}

// demand reads the time demand of a row, if it gives one.
func (rd *inventoryReader) demand(r sheet.Row, cell func(sheet.Row, InventoryField) string) (Demand, bool) {
	audience, schools, start, end, hours := cell(r, FieldAudience), cell(r, FieldSchools), cell(r, FieldStart), cell(r, FieldEnd), cell(r, FieldHours)
	if audience == "" && schools == "" && start == "" && end == "" && hours == "" {
		return Demand{}, false
	}
	before := len(rd.ps)
	var d Demand
	need := func(f InventoryField, s string) bool {
		if s == "" {
			rd.problem(r.Num, f, "", "The %s is empty: a time an initiative asks needs its audience, start, end and hours a week. Fill it in, or empty the row's other time cells.", strings.ToLower(f.Label()))
		}
		return s != ""
	}
	if need(FieldAudience, audience) {
		if utf8.RuneCountInString(audience) > 100 {
			rd.problem(r.Num, FieldAudience, words.Shorten(audience, 41), "The audience is longer than 100 characters; name it in a few words, such as \"teachers\".")
		}
		d.Audience = audience
	}
	if schools != "" && !slices.Contains([]string{"all", "all schools", "every school", "district wide", "districtwide"}, sheet.Normalize(schools)) {
		d.Schools = rd.resolve(r.Num, FieldSchools, schools, rd.inv.p.schoolByName, "school", rd.inv.p.schoolNames()+` (or "all")`)
	}
	if need(FieldStart, start) {
		d.Start = rd.date(r.Num, FieldStart, start)
	}
	if need(FieldEnd, end) {
		d.End = rd.date(r.Num, FieldEnd, end)
	}
	if d.Start != "" && d.End != "" && d.End < d.Start { // both are YYYY-MM-DD
		rd.problem(r.Num, FieldEnd, end, "The end (%s) is before the start (%s); the last day must be on or after the first.", USDate(d.End), USDate(d.Start))
	}
	if need(FieldHours, hours) {
		d.HoursPerWeek = rd.hours(r.Num, hours)
	}
	return d, len(rd.ps) == before
}

// resolve reads a cell listing names (separated by semicolons or line
// breaks, or by commas when every part is a name) into IDs.
func (rd *inventoryReader) resolve(row int, f InventoryField, s string, byName func(string) (string, bool), what, known string) []string {
	var ids []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if id, ok := byName(part); ok {
			ids = append(ids, id)
			continue
		}
		pieces := strings.Split(part, ",")
		var sub []string
		for _, x := range pieces {
			if id, ok := byName(strings.TrimSpace(x)); ok {
				sub = append(sub, id)
			}
		}
		if len(pieces) > 1 && len(sub) == len(pieces) {
			ids = append(ids, sub...)
			continue
		}
		rd.problem(row, f, part, "There is no %s %q in the partnership; use one of: %s, separated by semicolons, or add it to the partnership first.", what, part, known)
	}
	return ids
}

// date reads a date as ParseCellDate does.
func (rd *inventoryReader) date(row int, f InventoryField, s string) Date {
	d, err := ParseCellDate(s, rd.inv.workbook, rd.inv.date1904)
	if err != nil {
		rd.problem(row, f, s, "%s.", err)
		return ""
	}
	return d
}

// hours reads the hours a week: a number from 0 to 168, with or without
// "h" or "hours" after it.
func (rd *inventoryReader) hours(row int, s string) float64 {
	n := strings.TrimSpace(strings.ToLower(s))
	for _, unit := range []string{"hours a week", "hours per week", "hours", "hour", "hrs", "hr", "h"} {
		if strings.HasSuffix(n, unit) {
			n = strings.TrimSpace(strings.TrimSuffix(n, unit))
			break
		}
	}
	v, err := strconv.ParseFloat(n, 64)
	switch {
	case strings.Contains(n, ","):
		rd.problem(row, FieldHours, s, "%q is not a number of hours: write it with a point, such as 2.5, from 0 to 168.", s)
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		rd.problem(row, FieldHours, s, "%q is not a number of hours; write a number from 0 to 168, such as 2 or 1.5.", s)
	case v < 0 || v > 168:
		rd.problem(row, FieldHours, s, "%s hours a week is not possible; write a number from 0 to 168.", sheet.FormatNumber(v))
	default:
		return v
	}
	return 0
}

// orgByName finds the district or a partner by its name or ID; "district"
// and "the district" name the district.
func (p *Partnership) orgByName(s string) (string, bool) {
	if k := key(s); k == "district" || k == "the district" {
		return p.District.ID, p.District.ID != ""
	}
	orgs := append([]Partner{{ID: p.District.ID, Name: p.District.Name}}, p.Partners...)
	return byKey(s, orgs, func(x Partner) (string, string) { return x.ID, x.Name })
}

func (p *Partnership) orgNames() string {
	names := []string{strconv.Quote(p.District.Name) + " (the district)"}
	for _, x := range p.Partners {
		names = append(names, strconv.Quote(x.Name))
	}
	return listNames(names)
}

func (p *Partnership) priorityByName(s string) (string, bool) {
	return byKey(s, p.Priorities, func(x Priority) (string, string) { return x.ID, x.Title })
}

func (p *Partnership) priorityNames() string {
	return quotedNames(p.Priorities, func(x Priority) string { return x.Title }, "none yet (add the district's priorities first)")
}

func (p *Partnership) schoolByName(s string) (string, bool) {
	return byKey(s, p.Schools, func(x School) (string, string) { return x.ID, x.Name })
}

func (p *Partnership) schoolNames() string {
	return quotedNames(p.Schools, func(x School) string { return x.Name }, "none yet (add the schools first)")
}

// quotedNames lists the names of xs in quotes for a message, or says none.
func quotedNames[T any](xs []T, name func(T) string, none string) string {
	if len(xs) == 0 {
		return none
	}
	names := make([]string, len(xs))
	for i, x := range xs {
		names[i] = strconv.Quote(name(x))
	}
	return listNames(names)
}

// listNames lists at most 20 names for a message.
func listNames(names []string) string {
	if len(names) > 20 {
		return strings.Join(names[:20], ", ") + fmt.Sprintf(" and %d more", len(names)-20)
	}
	return strings.Join(names, ", ")
}
