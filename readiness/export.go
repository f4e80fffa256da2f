package readiness

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// Export is a survey export read into memory, with the Plan of how its
// columns give responses. OpenExport makes one; change its Plan and read it
// with Responses as many times as needed. An Export is not safe for use by
// several goroutines at once.
type Export struct {
	// Plan says which column gives what; the caller may change any of it.
	Plan Plan

	rb    Rubric
	names areaNames
	rows  []sheet.Row // the responses: the rows below the header rows
	first int         // the row the responses start in
	sheet string      // the sheet's name in problems, when the file has several
}

// ReadExport reads the responses of a survey export by its content,
// whatever the file is called:
//
//   - CSV or tab-separated text, in UTF-8 (with or without a byte-order
//     mark), UTF-16 with its byte-order mark (Excel's "Unicode Text",
//     Qualtrics' TSV), Windows-1252 (Excel's "CSV (Comma delimited)") or
//     Mac OS Roman (Excel for Mac's old "CSV", whose lines end in CR
//     alone); separated by commas, semicolons or tabs; with CRLF, LF or CR
//     line ends;
//   - an Excel workbook (.xlsx), from the first sheet that holds responses;
//   - the .zip file Google Forms downloads, from the CSV file inside;
//   - the layouts of Google Forms and Microsoft Forms (one header row),
//     SurveyMonkey (two: the question, then "Response" or the row of a
//     matrix) and Qualtrics (three: column names, questions, import ids).
//
// Columns are matched to what they give as OpenExport describes. When the
// export cannot be read exactly (no column for a category, two columns for
// one, a team without any rating, the same rater on every row, a cell that
// is not a rating), ReadExport refuses it with a *partnership.ValidationError
// that lists every problem at once, each with the spreadsheet row (row 1 is
// the first header row, as Excel shows it), the column's letter and header,
// the value, and what would fix it. A file that is not a survey export (a
// PDF, an image, an old .xls, an empty sheet) gets one problem that names
// what it is and what to save it as. Use OpenExport to see the plan and
// change it before reading.
func ReadExport(r io.Reader, rb Rubric) ([]Response, error) {
	return readAll(OpenExport(r, rb, partnership.SheetOptions{}))
}

// readAll reads every response of an export that opened, or none.
func readAll(ex *Export, err error) ([]Response, error) {
	if err != nil {
		return nil, err
	}
	rs, err := ex.Responses()
	if err != nil {
		return nil, err
	}
	return rs, nil
}

// OpenExport reads a survey export (any file ReadExport reads; o chooses
// another encoding, delimiter or sheet than the content suggests) and plans
// how its columns give responses:
//
//   - A column matches a category when its header names the category's
//     title, its id, or one of its theme's Synonyms, as whole words in any
//     letter case. The row of a grid ("Level of concern in each area
//     [Alignment]", "Rate each area - Metrics", SurveyMonkey's second header
//     row) is looked at first, then the question. A header that names two
//     categories ("Communication about metrics") is not used: choose its
//     category with SetRole.
//   - A category's column gives concerns when its header speaks of them
//     ("concern", "comment", "notes"...) and gives ratings when it speaks
//     of a rating ("rating", "level", "score"...). A header that speaks of
//     both ("Level of concern") or of neither ("Resourcing") gives ratings
//     when most of its cells are ratings, and concerns when they are text.
//   - The rater is the form's own question ("Your name", "What is your
//     name?", "Team member name"), before the columns the survey tool adds
//     (Microsoft Forms' "Name", Qualtrics' recipient names); a given name
//     and a family name are joined; an e-mail address stands in for an empty
//     name, or for the name when no column gives one. A column that holds
//     only "anonymous" or nothing is not used.
//   - The team is a question about the rater's team or organization
//     ("Which team are you on?", "Organization").
//   - When the response was submitted: "Completion time", "Timestamp",
//     "Submitted", "Recorded Date" or "End Date", in that order of preference.
//
// Every column's Note says why it has its role or why it is not used.
// OpenExport fails only for a file it cannot read as a table of responses;
// problems of the plan and of the cells are reported by Responses.
func OpenExport(r io.Reader, rb Rubric, o partnership.SheetOptions) (*Export, error) {
	return openExport(r, rb, o, false)
}

func openExport(r io.Reader, rb Rubric, o partnership.SheetOptions, textOnly bool) (*Export, error) {
	if err := rb.usable(); err != nil {
		return nil, fmt.Errorf("the rubric is not valid: %w", err)
	}
	book, tables, err := sheet.Open(r, o.Encoding, o.Delimiter, o.Sheet, textOnly)
	if err != nil {
		return nil, sheetError(err)
	}
	if ex, ok := sheet.Choose(tables, func(t *sheet.Table) *Export { return newExport(book, t, rb) }, (*Export).holdsResponses); ok {
		return ex, nil
	}
	switch {
	case len(book.Tables) > 1:
		return nil, fileProblem(fmt.Sprintf("Every sheet of this file is empty (%s). Check that the responses are there, or download the export again.", book.Names()))
	case book.Tables[0].Format.Kind == sheet.Workbook:
		return nil, fileProblem(fmt.Sprintf("The sheet %q is empty: the workbook holds no responses. Check that the responses are there, or download the export again.", book.Tables[0].Name()))
	}
	return nil, fileProblem("The file holds only empty rows: there are no headers and no responses. Download the export again.")
}

// fileProblem is an error of the whole file.
func fileProblem(msg string) error {
	return &partnership.ValidationError{Problems: []partnership.Problem{{Message: msg}}}
}

// sheetError turns what internal/sheet could not read into a problem.
func sheetError(err error) error {
	var se *sheet.Error
	if !errors.As(err, &se) {
		return fileProblem(err.Error())
	}
	msg := se.Message
	if se.File == "JSON" {
		msg += ` A rater's response file is added with "Open response files"; a survey export is a CSV file or an Excel workbook (.xlsx), downloaded from the survey tool.`
	}
	return &partnership.ValidationError{Problems: []partnership.Problem{{Row: se.Row, Message: msg}}}
}

// newExport plans the reading of table t, which has rows.
func newExport(book *sheet.Book, t *sheet.Table, rb Rubric) *Export {
	tool, headerRows := detectTool(t.Rows)
	ex := &Export{rb: rb, names: newAreaNames(rb), rows: t.Rows[headerRows:], first: t.Rows[headerRows-1].Num + 1}
	if len(book.Tables) > 1 {
		ex.sheet = t.Name()
	}
	ex.Plan = planTable(t, t.Rows[:headerRows+len(ex.rows)], rb, tool, headerRows)
	ex.Plan.Source = partnership.SheetSource(book.Source(t))
	return ex
}

// holdsResponses reports whether the table has responses and a column that
// gives ratings.
func (e *Export) holdsResponses() bool {
	if len(e.rows) == 0 {
		return false
	}
	for _, c := range e.Plan.Columns {
		if c.Role == RoleRating {
			return true
		}
	}
	return false
}

// Rows returns the first n response rows as the file gives them, for a
// preview; n < 0 returns all.
func (e *Export) Rows(n int) []partnership.SheetRow {
	if n < 0 || n > len(e.rows) {
		n = len(e.rows)
	}
	out := make([]partnership.SheetRow, n)
	for i, r := range e.rows[:n] {
		out[i] = partnership.SheetRow{Row: r.Num, Cells: r.Cells}
	}
	return out
}

// PreviewRow is one row of an export as the plan reads it: the response it
// gives, or the problems that keep it from giving one.
type PreviewRow struct {
	Row      int                   `json:"row"`
	Response Response              `json:"response"`
	Problems []partnership.Problem `json:"problems,omitempty"`
}

// Preview reads the first n response rows as the plan says, for a person
// to check before anything is added. A row with a problem keeps what could
// be read of it.
func (e *Export) Preview(n int) []PreviewRow {
	n = min(max(n, 0), len(e.rows))
	var ignored []partnership.Problem
	rd := e.reader(&ignored)
	out := make([]PreviewRow, n)
	for i, r := range e.rows[:n] {
		var ps []partnership.Problem
		resp, _ := rd.read(r, &ps)
		if len(ps) > 0 {
			resp = rd.partial
		}
		out[i] = PreviewRow{Row: r.Num, Response: resp, Problems: ps}
	}
	return out
}

// Len returns how many response rows the export has.
func (e *Export) Len() int { return len(e.rows) }

// Responses reads the responses as the Plan says. When anything cannot be
// read exactly, it returns a *partnership.ValidationError listing every
// problem (first those of the plan, then those of each row, by row and
// column) along with the responses it could read, which are then not to be
// used as they are.
func (e *Export) Responses() ([]Response, error) {
	if len(e.rows) == 0 {
		return nil, &partnership.ValidationError{Problems: []partnership.Problem{{Sheet: e.sheet, Message: fmt.Sprintf(
			"The file holds its header and no response: the responses would start in row %d. Download the export again once people have responded.", e.first)}}}
	}
	var planned, rowProblems []partnership.Problem
	rd := e.reader(&planned)
	out := make([]Response, 0, len(e.rows))
	for _, r := range e.rows {
		if resp, ok := rd.read(r, &rowProblems); ok {
			out = append(out, resp)
		}
	}
	rd.checkRaters(out, &planned)
	rd.checkTeams(out, &planned)
	if len(planned)+len(rowProblems) > 0 {
		return out, &partnership.ValidationError{Problems: slices.Concat(planned, rowProblems)}
	}
	return out, nil
}

// exportReader reads rows as a plan says, after checking it.
type exportReader struct {
	e                                     *Export
	rater, family, email, team, submitted int // columns; -1 for none
	rating, concern                       []int
	hint                                  []string // per category, for a cell that is not a rating
	competing                             []Role   // roles several columns claim: not missing, but not read
	competingRating                       []int    // categories whose ratings or concerns several columns claim
	raterTool                             bool     // the rater's column is the tool's, where "anonymous" means no name
	raterEmpty                            bool     // the rater's column is empty in every row
	teamValue                             string
	rows                                  []int    // the row of each response read
	partial                               Response // what could be read of the last row with a problem
}

// problem is a problem in row (0 for none) and column j (-1 for none).
func (e *Export) problem(row, j int, value, format string, args ...any) partnership.Problem {
	p := partnership.Problem{Sheet: e.sheet, Row: row, Value: value, Message: fmt.Sprintf(format, args...)}
	if j >= 0 && j < len(e.Plan.Columns) {
		p.Column, p.Header = e.Plan.Columns[j].Letter, e.Plan.Columns[j].Header
	}
	return p
}

// columnName names column j in a message: `C ("Your name")`.
func (e *Export) columnName(j int) string {
	c := e.Plan.Columns[j]
	if c.Header == "" {
		return c.Letter
	}
	return fmt.Sprintf("%s (%q)", c.Letter, words.Shorten(c.Header, 60))
}

// reader checks the plan, adding a problem for each thing it cannot read
// exactly, and returns what reads the rows.
func (e *Export) reader(ps *[]partnership.Problem) *exportReader {
	nc := len(e.rb.Categories)
	rd := &exportReader{e: e, rater: -1, family: -1, email: -1, team: -1, submitted: -1,
		rating: slices.Repeat([]int{-1}, nc), concern: slices.Repeat([]int{-1}, nc), teamValue: strings.TrimSpace(e.Plan.Team)}
	add := func(p partnership.Problem) { *ps = append(*ps, p) }
	type slot struct {
		role Role
		cat  int
	}
	taken := make(map[slot][]int)
	var order []slot
	for j, c := range e.Plan.Columns {
		s := slot{c.Role, -1}
		switch c.Role {
		case RoleNone:
			continue
		case RoleRater, RoleFamilyName, RoleEmail, RoleTeam, RoleSubmitted:
		case RoleRating, RoleConcern:
			_, i, ok := e.rb.Category(c.Category)
			if !ok {
				add(e.problem(0, j, "", "%q is not a category of this rubric; choose one of: %s.", c.Category, e.rb.categoryIDs()))
				continue
			}
			s.cat = i
		default:
			add(e.problem(0, j, "", "%q is not a role a column can have.", c.Role))
			continue
		}
		if len(taken[s]) == 0 {
			order = append(order, s)
		}
		taken[s] = append(taken[s], j)
	}
	for _, s := range order {
		js := taken[s]
		if len(js) > 1 {
			names := make([]string, len(js))
			for i, j := range js {
				names[i] = e.columnName(j)
			}
			what := strings.ToLower(s.role.Label())
			if s.cat >= 0 {
				what = fmt.Sprintf("the %s of %q", strings.ToLower(s.role.Label()), e.rb.Categories[s.cat].Title)
			} else {
				what = "the " + strings.TrimPrefix(what, "rater's ")
				if s.role == RoleRater || s.role == RoleFamilyName || s.role == RoleEmail {
					what = "the " + strings.ToLower(s.role.Label())
				}
			}
			add(e.problem(0, -1, "", "Columns %s could each give %s. Keep the one that does, and set the others to %q.",
				words.JoinAnd(names), what, RoleNone.Label()))
			rd.competing = append(rd.competing, s.role)
			if s.cat >= 0 {
				rd.competingRating = append(rd.competingRating, s.cat)
			}
			continue
		}
		j := js[0]
		switch s.role {
		case RoleRater:
			rd.rater, rd.raterTool = j, e.Plan.Columns[j].Metadata
		case RoleFamilyName:
			rd.family = j
		case RoleEmail:
			rd.email = j
		case RoleTeam:
			rd.team = j
		case RoleSubmitted:
			rd.submitted = j
		case RoleRating:
			rd.rating[s.cat] = j
		case RoleConcern:
			rd.concern[s.cat] = j
		}
	}
	rd.hint = make([]string, nc)
	for c, j := range rd.rating {
		if j < 0 {
			continue
		}
		if n := e.names.strip(sheet.Normalize(e.Plan.Columns[j].Header), c); !sheet.HasWord(n, ratingWords...) || sheet.HasWord(n, concernWords...) {
			rd.hint[c] = fmt.Sprintf(" If the column holds concerns rather than ratings, choose %q for it.", RoleConcern.Label())
		}
	}
	rd.checkMissing(add)
	return rd
}

// checkMissing adds a problem for each thing no column gives, and for a
// rater's column that names no one.
func (rd *exportReader) checkMissing(addProblem func(partnership.Problem)) {
	e := rd.e
	var later []partnership.Problem // after what a survey tool's layout explains
	add := func(p partnership.Problem) { later = append(later, p) }
	defer func() {
		for _, p := range later {
			addProblem(p)
		}
	}()
	p := &e.Plan
	hints := func(wanted func(Column) bool) string {
		var hs []string
		for j, c := range p.Columns {
			if c.Role == RoleNone && wanted(c) {
				hs = append(hs, fmt.Sprintf(" Column %s is not used: %s.", e.columnName(j), strings.TrimPrefix(c.Note, "not used: ")))
			}
		}
		return strings.Join(hs, "")
	}
	missing := false
	if rd.rater < 0 && !slices.Contains(rd.competing, RoleRater) {
		missing = true
		add(e.problem(0, -1, "", "No column says who rated. Add a question such as \"Your name\" to the form, or choose the column that holds the raters' names.%s",
			hints(func(c Column) bool { return strings.Contains(c.Note, "anonymous") || strings.Contains(c.Note, "name") })))
	} else {
		filled := 0
		for _, r := range e.rows {
			if v := strings.TrimSpace(r.Cell(rd.rater)); v != "" && !(rd.raterTool && strings.EqualFold(v, "anonymous")) {
				filled++
			}
		}
		if filled == 0 && len(e.rows) > 0 {
			rd.raterEmpty = true
			add(e.problem(0, rd.rater, "", "Column %s gives no rater's name in any row. Choose the column that holds the raters' names, or add them to this one.", e.columnName(rd.rater)))
		}
	}
	switch {
	case rd.team < 0 && rd.teamValue == "" && !slices.Contains(rd.competing, RoleTeam):
		missing = true
		add(e.problem(0, -1, "", "No column says which team each rater is on. Add a question such as \"Which team are you on?\" (the district's or the partner's leadership team) to the form, or choose the column that says it; if every response comes from one team, give that team for all of them."))
	case rd.team >= 0 && rd.teamValue != "":
		add(e.problem(0, rd.team, "", "Both column %s and the team given for every response (%q) say the team. Keep one of them.", e.columnName(rd.team), rd.teamValue))
	}
	for _, id := range p.Unrated {
		if _, _, ok := e.rb.Category(id); !ok {
			add(e.problem(0, -1, "", "%q is not a category of this rubric, so it cannot be left unrated; use one of: %s.", id, e.rb.categoryIDs()))
		}
	}
	for c, cat := range e.rb.Categories {
		if rd.rating[c] >= 0 || slices.Contains(p.Unrated, cat.ID) || slices.Contains(rd.competingRating, c) {
			continue
		}
		missing = true
		add(e.problem(0, -1, "", "No column holds the ratings of %q. Rename the question so that it names the area (%q, or %q), or choose the column that holds its ratings; if the survey did not ask about it, say to leave it unrated.%s%s",
			cat.Title, cat.Title, cat.ID, hints(func(col Column) bool {
				return slices.Contains(e.names.match(sheet.Normalize(col.Header)), c)
			}), rd.readAsConcerns(c)))
	}
	switch {
	case p.Tool == "SurveyMonkey" && p.HeaderRows == 1:
		var blank []string
		for j, c := range p.Columns {
			if strings.TrimSpace(c.Header) == "" && statsOf(e.rows, j, e.rb.Scale).filled > 0 {
				blank = append(blank, c.Letter)
			}
		}
		if len(blank) > 0 {
			addProblem(e.problem(0, -1, "", "Columns %s have answers but no header: this looks like a SurveyMonkey export whose second header row (the one that names each row of a matrix question and says \"Response\" under the others) was deleted. Download the export again and import it as it comes, or write above each of these columns what it holds.",
				words.JoinAnd(blank)))
		}
	case p.Tool == "Qualtrics" && p.HeaderRows == 1 && missing:
		addProblem(e.problem(0, -1, "", "This looks like a Qualtrics export whose header rows were changed: Qualtrics writes three (the column names, the questions, and the import ids). Export the responses again and import the file as it comes."))
	}
}

// readAsConcerns says which columns of category c give concerns because
// their cells hold text, for a category without ratings.
func (rd *exportReader) readAsConcerns(c int) string {
	e := rd.e
	var out string
	for j, col := range e.Plan.Columns {
		if col.Role == RoleConcern && col.Category == e.rb.Categories[c].ID && strings.Contains(col.Note, "cells hold text") {
			out += fmt.Sprintf(" Column %s is read as its concerns: %s; if it holds ratings, choose %q for it and correct the cells that are not ratings.", e.columnName(j), col.Note, RoleRating.Label())
		}
	}
	return out
}

// checkRaters refuses an export in which every response gives the same
// rater: its rater's column is not the raters' names.
func (rd *exportReader) checkRaters(out []Response, ps *[]partnership.Problem) {
	if len(out) < 2 || rd.rater < 0 {
		return
	}
	for _, r := range out[1:] {
		if r.Rater != out[0].Rater {
			return
		}
	}
	e := rd.e
	*ps = append(*ps, e.problem(0, rd.rater, out[0].Rater, "Every response (rows %d to %d) gives the same rater, %q, so the export cannot tell its raters apart. Check that this column holds the raters' names, or choose the column that does.",
		rd.rows[0], rd.rows[len(rd.rows)-1], out[0].Rater))
}

// checkTeams refuses a team none of whose responses gives a rating: its
// raters answered other columns than the ones read.
func (rd *exportReader) checkTeams(out []Response, ps *[]partnership.Problem) {
	if !slices.ContainsFunc(rd.rating, func(j int) bool { return j >= 0 }) || rd.team < 0 && rd.teamValue == "" {
		return // no ratings or no teams are read at all, which is said already
	}
	type team struct {
		name  string
		rated bool
		rows  []int
	}
	var teams []*team
	byName := make(map[string]*team)
	for i, r := range out {
		t := byName[r.Team]
		if t == nil {
			t = &team{name: r.Team}
			byName[r.Team] = t
			teams = append(teams, t)
		}
		t.rated = t.rated || len(r.Ratings) > 0
		if len(t.rows) < 6 {
			t.rows = append(t.rows, rd.rows[i])
		}
	}
	for _, t := range teams {
		if t.rated {
			continue
		}
		rows := make([]string, 0, 6)
		for k, n := range t.rows {
			if k == 5 {
				rows = append(rows, "…")
				break
			}
			rows = append(rows, strconv.Itoa(n))
		}
		where := "rows " + strings.Join(rows, ", ")
		if len(rows) == 1 {
			where = "row " + rows[0]
		}
		*ps = append(*ps, rd.e.problem(0, rd.team, t.name, "The team %q gives no rating at all: each of its responses (%s) leaves every area empty. Check that the columns read as ratings are the ones its raters answered (a second version of the form may have other questions), or delete its rows.",
			t.name, where))
	}
}

// read reads one row; it reports false when the row has a problem.
func (rd *exportReader) read(r sheet.Row, ps *[]partnership.Problem) (Response, bool) {
	e := rd.e
	before := len(*ps)
	// A text a spreadsheet would take for a formula may come with the
	// apostrophe that WriteCSV, or a spreadsheet, put before it.
	cell := func(j int) string { return strings.TrimSpace(escape.FromCSVCell(strings.TrimSpace(r.Cell(j)))) }
	var resp Response
	if rd.rater >= 0 {
		name := cell(rd.rater)
		if rd.raterTool && strings.EqualFold(name, "anonymous") {
			name = ""
		}
		if rd.family >= 0 {
			if f := cell(rd.family); f != "" {
				name = strings.TrimSpace(name + " " + f)
			}
		}
		if name == "" && rd.email >= 0 {
			if m := cell(rd.email); !strings.EqualFold(m, "anonymous") {
				name = m
			}
		}
		switch {
		case name == "" && !rd.raterEmpty:
			*ps = append(*ps, e.problem(r.Num, rd.rater, "", "The rater's name is empty; every response needs the name of the person who rated. Fill it in, or delete the row."))
		case utf8.RuneCountInString(name) > 200:
			*ps = append(*ps, e.problem(r.Num, rd.rater, words.Shorten(name, 40), "The rater's name is longer than 200 characters; shorten it."))
		}
		resp.Rater = name
	}
	switch {
	case rd.team >= 0:
		resp.Team = cell(rd.team)
		switch {
		case resp.Team == "":
			*ps = append(*ps, e.problem(r.Num, rd.team, "", "The team is empty; say which leadership team the rater is on (the district's or the partner's), or delete the row."))
		case utf8.RuneCountInString(resp.Team) > 200:
			*ps = append(*ps, e.problem(r.Num, rd.team, words.Shorten(resp.Team, 40), "The team is longer than 200 characters; shorten it."))
		}
	default:
		resp.Team = rd.teamValue
	}
	if rd.submitted >= 0 {
		resp.Submitted = cell(rd.submitted)
		if utf8.RuneCountInString(resp.Submitted) > 100 {
			*ps = append(*ps, e.problem(r.Num, rd.submitted, words.Shorten(resp.Submitted, 40), "This is not a time of submission (it is longer than 100 characters); choose the column that gives when each response was submitted, or none."))
		}
	}
	nc := len(e.rb.Categories)
	for c := range nc {
		if j := rd.rating[c]; j >= 0 {
			if s := cell(j); s != "" {
				v, ok := parseRating(s, e.rb.Scale)
				if !ok {
					*ps = append(*ps, e.problem(r.Num, j, s, "%s is not a rating. Allowed: %s (a number, alone or followed by \" - \" and its description), a level's name such as %q, or an empty cell for unrated.%s",
						strconv.Quote(words.Shorten(s, 41)), e.rb.Scale.Values(), e.rb.Scale.Levels[len(e.rb.Scale.Levels)-1].labelOrDescriptor(), rd.hint[c]))
				} else {
					if resp.Ratings == nil {
						resp.Ratings = make(map[string]int, nc)
					}
					resp.Ratings[e.rb.Categories[c].ID] = v
				}
			}
		}
		if j := rd.concern[c]; j >= 0 {
			if s := cell(j); s != "" {
				if resp.Concerns == nil {
					resp.Concerns = make(map[string]string, nc)
				}
				resp.Concerns[e.rb.Categories[c].ID] = s
			}
		}
	}
	if len(*ps) > before {
		rd.partial = resp
		return Response{}, false
	}
	rd.rows = append(rd.rows, r.Num)
	return resp, true
}
