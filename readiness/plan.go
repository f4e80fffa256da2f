package readiness

import (
	"fmt"
	"slices"
	"strings"

	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/partnership"
)

// Role is what a column of a survey export gives each response.
type Role string

// The roles a column can have.
const (
	// RoleNone: the column is not used.
	RoleNone Role = ""
	// RoleRater: the rater's name, or given name when a family name follows.
	RoleRater Role = "rater"
	// RoleFamilyName: the rater's family name, written after RoleRater's.
	RoleFamilyName Role = "family-name"
	// RoleEmail: the rater's e-mail address, used as the rater when the
	// name is empty.
	RoleEmail Role = "email"
	// RoleTeam: the leadership team the rater is on, as the survey gives it.
	RoleTeam Role = "team"
	// RoleSubmitted: when the response was submitted.
	RoleSubmitted Role = "submitted"
	// RoleRating: the rating of one category (Column.Category).
	RoleRating Role = "rating"
	// RoleConcern: the areas of concern of one category (Column.Category).
	RoleConcern Role = "concern"
)

// Roles returns every role in the order a person would choose among them.
func Roles() []Role {
	return []Role{RoleNone, RoleRater, RoleFamilyName, RoleEmail, RoleTeam, RoleSubmitted, RoleRating, RoleConcern}
}

// Label names the role in plain words.
func (r Role) Label() string {
	switch r {
	case RoleNone:
		return "Not used"
	case RoleRater:
		return "Rater's name"
	case RoleFamilyName:
		return "Rater's family name"
	case RoleEmail:
		return "Rater's e-mail (when the name is empty)"
	case RoleTeam:
		return "Team"
	case RoleSubmitted:
		return "When submitted"
	case RoleRating:
		return "Rating"
	case RoleConcern:
		return "Concerns"
	}
	return string(r)
}

// exclusive reports whether only one column may have the role (per
// category for ratings and concerns).
func (r Role) exclusive() bool { return r != RoleNone }

// Column is one column of an export and what it gives each response.
type Column struct {
	// Index is the column's place, from 0; Letter names it as a spreadsheet
	// does ("C").
	Index  int    `json:"index"`
	Letter string `json:"letter"`
	// Header is the column's header as the file gives it; the header rows
	// of Qualtrics and SurveyMonkey are joined with " / ".
	Header string `json:"header"`
	Role   Role   `json:"role,omitempty"`
	// Category is the ID of the category a rating or concern column is about.
	Category string `json:"category,omitempty"`
	// Metadata is true for a column the survey tool adds (a time, an ID,
	// the signed-in user's name), false for a question of the form.
	Metadata bool `json:"metadata,omitempty"`
	// Note says why the column has its role, or why it is not used.
	Note string `json:"note,omitempty"`
}

// Plan says how an export is read: which column gives each response its
// rater, team, submission time, and each category's rating and concerns,
// and which columns are left out and why. Change it (SetRole, or the fields
// directly) and read the export again with Export.Responses.
type Plan struct {
	// Source says how the file was read.
	Source partnership.SheetSource `json:"source"`
	// Tool names the survey tool whose layout the export has: "Google
	// Forms", "Microsoft Forms", "Qualtrics", "SurveyMonkey", or "".
	Tool string `json:"tool,omitempty"`
	// HeaderRows is how many rows at the top hold headers: 1, 2
	// (SurveyMonkey) or 3 (Qualtrics).
	HeaderRows int      `json:"headerRows"`
	Columns    []Column `json:"columns"`
	// Team is the team of every response, for an export without a team
	// column: set it when all the responses come from one team.
	Team string `json:"team,omitempty"`
	// Unrated lists the categories the export does not rate and that are
	// to be left unrated: set it to read an export that leaves some out.
	Unrated []string `json:"unrated,omitempty"`
}

// SetRole gives column col the role (and, for a rating or concern, the
// category by ID). A column that held the same role, of which there can be
// only one, is no longer used, and says so.
func (p *Plan) SetRole(col int, role Role, category string) error {
	if col < 0 || col >= len(p.Columns) {
		return fmt.Errorf("there is no column %d; the export has %d", col+1, len(p.Columns))
	}
	if role != RoleRating && role != RoleConcern {
		category = ""
	} else if category == "" {
		return fmt.Errorf("a %s column must say which category it is about", role)
	}
	c := &p.Columns[col]
	if role.exclusive() {
		for i := range p.Columns {
			o := &p.Columns[i]
			if i != col && o.Role == role && o.Category == category {
				o.Role, o.Category = RoleNone, ""
				o.Note = fmt.Sprintf("not used: column %s now gives this", c.Letter)
			}
		}
	}
	c.Role, c.Category = role, category
	c.Note = "as chosen"
	return nil
}

// header is what the header rows say of one column.
type header struct {
	text     string // as shown: the header rows joined
	question string // the question
	sub      string // the row of a grid or matrix, or what follows a " - "
	meta     bool   // Qualtrics says the survey tool adds it
}

// detectTool recognises the layouts of the survey tools by their header rows.
func detectTool(rows []sheet.Row) (tool string, headerRows int) {
	first := rows[0]
	next := func(k int) bool { return len(rows) > k && rows[k].Num == first.Num+k }
	has := func(r sheet.Row, names ...string) bool {
		for _, c := range r.Cells {
			if slices.Contains(names, sheet.Normalize(c)) {
				return true
			}
		}
		return false
	}
	if next(2) && slices.ContainsFunc(rows[2].Cells, func(c string) bool { return strings.HasPrefix(c, `{"ImportId"`) }) {
		return "Qualtrics", 3
	}
	if next(1) && strings.TrimSpace(rows[1].Cell(0)) == "" &&
		slices.ContainsFunc(rows[1].Cells, func(c string) bool { return isSurveyMonkeySub(c) }) {
		return "SurveyMonkey", 2
	}
	switch {
	case has(first, "respondent id") && has(first, "collector id"):
		return "SurveyMonkey", 1
	case has(first, "responseid", "response id") && has(first, "startdate", "start date"):
		return "Qualtrics", 1
	case has(first, "completion time") && has(first, "start time"):
		return "Microsoft Forms", 1
	case sheet.Normalize(first.Cell(0)) == "timestamp":
		return "Google Forms", 1
	}
	return "", 1
}

// isSurveyMonkeySub reports a sub-header SurveyMonkey writes under a
// question that has a single answer.
func isSurveyMonkeySub(s string) bool {
	s = strings.TrimSpace(s)
	return s == "Response" || s == "Open-Ended Response"
}

// readHeaders reads the header of each of width columns.
func readHeaders(rows []sheet.Row, tool string, headerRows, width int) []header {
	out := make([]header, width)
	last := ""
	for j := range out {
		h := &out[j]
		switch {
		case tool == "Qualtrics" && headerRows == 3:
			h.question = strings.TrimSpace(rows[1].Cell(j))
			if h.question == "" {
				h.question = strings.TrimSpace(rows[0].Cell(j))
			}
			id := importID(rows[2].Cell(j))
			h.meta = id != "" && !strings.HasPrefix(id, "QID")
			h.text = h.question
			h.question, h.sub = splitQuestion(h.question)
		case tool == "SurveyMonkey" && headerRows == 2:
			top, sub := strings.TrimSpace(rows[0].Cell(j)), strings.TrimSpace(rows[1].Cell(j))
			if top != "" {
				last = top
			} else if sub != "" {
				top = last // a matrix: its question heads the first of its columns
			}
			if isSurveyMonkeySub(sub) {
				sub = ""
			}
			h.question, h.sub, h.text = top, sub, top
			if sub != "" {
				h.text = strings.TrimSpace(top + " / " + sub)
			}
		default:
			h.text = strings.TrimSpace(rows[0].Cell(j))
			h.question, h.sub = splitQuestion(h.text)
		}
	}
	return out
}

// importID reads the ImportId of Qualtrics' third header row:
// {"ImportId":"QID3_1"}.
func importID(s string) string {
	_, rest, ok := strings.Cut(s, `"ImportId":"`)
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, `"`)
	return id
}

// splitQuestion splits a header into the question and the row of a grid:
// Google's "Question [Row]", or what follows the last " - " (Qualtrics,
// Microsoft Forms), " – ", " — " or ": ".
func splitQuestion(s string) (question, sub string) {
	if strings.HasSuffix(s, "]") {
		if i := strings.LastIndex(s, "["); i > 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	for _, sep := range []string{" - ", " – ", " — ", ": "} {
		if i := strings.LastIndex(s, sep); i > 0 {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
		}
	}
	return s, ""
}

// kind is what a header says a column is, before its cells are looked at.
type kind int

const (
	kindOther     kind = iota // a question about something else
	kindBlank                 // no header
	kindTool                  // the survey tool's own column, not needed
	kindSubmitted             // when the response was submitted
	kindName                  // the rater's name
	kindFirst                 // the rater's given name
	kindFamily                // the rater's family name
	kindEmail                 // the rater's e-mail address
	kindTeam                  // the rater's team
	kindArea                  // a category's rating or concerns
	kindAreas                 // more than one category
)

// toolColumn classifies the columns survey tools add by their header; rank
// orders the times of submission, most telling first.
func toolColumn(n string) (k kind, rank int, ok bool) {
	switch n {
	case "completion time", "timestamp":
		return kindSubmitted, 0, true
	case "submitted", "submitted at", "date submitted", "submission date", "submission time", "date of submission":
		return kindSubmitted, 1, true
	case "recorded date", "recordeddate":
		return kindSubmitted, 2, true
	case "end date", "enddate":
		return kindSubmitted, 3, true
	case "id", "respondent id", "collector id", "response id", "responseid", "start time", "start date", "startdate",
		"last modified time", "ip address", "ipaddress", "status", "progress", "duration in seconds", "duration",
		"finished", "distribution channel", "distributionchannel", "user language", "userlanguage", "location latitude",
		"locationlatitude", "location longitude", "locationlongitude", "external reference", "externalreference",
		"external data reference", "externaldatareference", "custom data 1", "custom data", "score", "total score",
		"total points", "quiz feedback", "grade posted time", "response type", "language":
		return kindTool, 0, true
	case "email", "email address", "e mail", "e mail address", "recipient email", "recipientemail":
		return kindEmail, 0, true
	case "name":
		return kindName, 0, true // Microsoft Forms: the signed-in user, or "anonymous"
	case "recipient first name", "recipientfirstname":
		return kindFirst, 0, true
	case "recipient last name", "recipientlastname":
		return kindFamily, 0, true
	}
	return kindOther, 0, false
}

// personOrTeam classifies a question about who rated and on which team.
func personOrTeam(n string) kind {
	team := sheet.HasWord(n, "team", "organization", "organisation", "district or partner", "partner or district", "which side")
	switch {
	case sheet.HasWord(n, "first name", "given name") && !sheet.HasWord(n, "last", "family", "full"):
		return kindFirst
	case sheet.HasWord(n, "last name", "family name", "surname") && !sheet.HasWord(n, "first", "full"):
		return kindFamily
	case sheet.HasWord(n, "email", "e mail"):
		return kindEmail
	case sheet.HasWord(n, "name", "names", "rater", "respondent", "who are you") &&
		!sheet.HasWord(n, "school", "organization", "organisation", "district", "partner", "initiative", "company", "agency", "program", "project", "form", "survey") &&
		(!team || sheet.HasWord(n, "member", "your name", "rater")):
		return kindName
	case team:
		return kindTeam
	}
	return kindOther
}

// cellStats counts what the cells of a column hold.
type cellStats struct {
	filled    int // cells that are not empty
	anonymous int // cells that say "anonymous"
	ratings   int // cells that are a rating of the scale
}

func statsOf(rows []sheet.Row, j int, sc Scale) cellStats {
	var s cellStats
	for _, r := range rows {
		v := strings.TrimSpace(r.Cell(j))
		if v == "" {
			continue
		}
		s.filled++
		if strings.EqualFold(v, "anonymous") {
			s.anonymous++
		}
		if _, ok := parseRating(v, sc); ok {
			s.ratings++
		}
	}
	return s
}

// useful reports whether the column says something of someone: a cell that
// is neither empty nor "anonymous".
func (s cellStats) useful() bool { return s.filled > s.anonymous }

// planTable plans how to read the responses of table t, whose first
// headerRows rows are headers and the rest responses.
func planTable(t *sheet.Table, rows []sheet.Row, rb Rubric, tool string, headerRows int) Plan {
	data := rows[headerRows:]
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	heads := readHeaders(rows, tool, headerRows, width)
	names := newAreaNames(rb)
	p := Plan{Tool: tool, HeaderRows: headerRows, Columns: make([]Column, width)}
	kinds := make([]kind, width)
	area := make([]int, width)
	ranks := make([]int, width)
	for j, h := range heads {
		c := &p.Columns[j]
		*c = Column{Index: j, Letter: sheet.ColumnName(j), Header: h.text, Metadata: h.meta}
		n := sheet.Normalize(h.text)
		k, rank, isTool := toolColumn(sheet.Normalize(h.question))
		if !isTool {
			k, rank, isTool = toolColumn(n)
		}
		switch {
		case n == "":
			kinds[j] = kindBlank
			continue
		case isTool:
			kinds[j], ranks[j], c.Metadata = k, rank, true
			continue
		}
		cats := names.match(sheet.Normalize(h.sub))
		if len(cats) == 0 {
			cats = names.match(sheet.Normalize(h.question))
		}
		if len(cats) == 0 {
			cats = names.match(n)
		}
		switch len(cats) {
		case 0:
			kinds[j] = personOrTeam(n)
			if tool == "SurveyMonkey" && (kinds[j] == kindFirst || kinds[j] == kindFamily) {
				c.Metadata = true // from the collector's contact list
			}
		case 1:
			kinds[j], area[j] = kindArea, cats[0]
		default:
			kinds[j] = kindAreas
			titles := make([]string, len(cats))
			for i, x := range cats {
				titles[i] = fmt.Sprintf("%q", rb.Categories[x].Title)
			}
			c.Note = "not used: its header names more than one area (" + strings.Join(titles, " and ") + "); choose the one it is about"
		}
	}
	stats := func(j int) cellStats { return statsOf(data, j, rb.Scale) }

	// The areas: a rating, or concerns, by the header's words and, where
	// they speak of both or of neither, by what the cells hold.
	for j, k := range kinds {
		if k != kindArea {
			continue
		}
		c := &p.Columns[j]
		c.Category = rb.Categories[area[j]].ID
		n := names.strip(sheet.Normalize(heads[j].text), area[j])
		rating, concern := sheet.HasWord(n, ratingWords...), sheet.HasWord(n, concernWords...)
		switch {
		case concern && !rating:
			c.Role, c.Note = RoleConcern, "its header speaks of concerns"
		case rating && !concern:
			c.Role, c.Note = RoleRating, "its header speaks of a rating"
		default:
			s := stats(j)
			words := "its header names the area only"
			if rating {
				words = "its header speaks of both a level and concerns"
			}
			switch {
			case s.filled == 0:
				c.Role, c.Note = RoleRating, words+", and every cell is empty"
			case s.ratings*2 >= s.filled:
				c.Role, c.Note = RoleRating, words+", and its cells hold ratings"
			default:
				c.Role, c.Note = RoleConcern, words+", and its cells hold text, not ratings"
			}
		}
	}

	// Who rated: the form's own question wins over the tool's columns, and
	// a column that holds only "anonymous" or nothing is left out.
	pick := func(want kind) (questions, tools []int) {
		for j, k := range kinds {
			if k != want {
				continue
			}
			c := &p.Columns[j]
			s := stats(j)
			switch {
			case s.filled == 0:
				c.Note = "not used: every cell is empty"
			case !s.useful():
				c.Note = `not used: every cell says "anonymous"`
			case c.Metadata:
				tools = append(tools, j)
			default:
				questions = append(questions, j)
			}
		}
		return questions, tools
	}
	assign := func(js []int, role Role, note string) {
		for _, j := range js {
			p.Columns[j].Role, p.Columns[j].Note = role, note
		}
	}
	preferQuestions := func(questions, tools []int, what string) []int {
		if len(questions) > 0 {
			for _, j := range tools {
				p.Columns[j].Note = fmt.Sprintf("not used: the form's own question %q gives %s", p.Columns[questions[0]].Header, what)
			}
			return questions
		}
		return tools
	}
	nq, nt := pick(kindName)
	rater := preferQuestions(nq, nt, "the rater's name")
	fq, ft := pick(kindFirst)
	sq, st := pick(kindFamily)
	first := preferQuestions(fq, ft, "the rater's given name")
	family := preferQuestions(sq, st, "the rater's family name")
	eq, et := pick(kindEmail)
	email := preferQuestions(eq, et, "the rater's e-mail")
	switch {
	case len(rater) > 0:
		assign(rater, RoleRater, "the rater's name")
		for _, j := range slices.Concat(first, family) {
			p.Columns[j].Note = fmt.Sprintf("not used: column %s gives the rater's whole name", p.Columns[rater[0]].Letter)
		}
		assign(email, RoleEmail, "the rater's e-mail, for a response whose name is empty")
	case len(first) > 0:
		assign(first, RoleRater, "the rater's given name")
		assign(family, RoleFamilyName, "the rater's family name, after the given name")
		assign(email, RoleEmail, "the rater's e-mail, for a response whose name is empty")
	default:
		for _, j := range family {
			p.Columns[j].Note = "not used: a family name alone does not say who rated"
		}
		assign(email, RoleRater, "the rater's e-mail, as no column gives a name")
	}
	tq, tt := pick(kindTeam)
	assign(preferQuestions(tq, tt, "the team"), RoleTeam, "the rater's team")

	// When submitted: the most telling of the tool's times.
	best := -1
	for j, k := range kinds {
		if k == kindSubmitted && stats(j).filled > 0 && (best < 0 || ranks[j] < ranks[best]) {
			best = j
		}
	}
	for j, k := range kinds {
		c := &p.Columns[j]
		switch {
		case j == best:
			c.Role, c.Note = RoleSubmitted, "when the response was submitted"
		case k == kindSubmitted || k == kindTool:
			if c.Note == "" {
				c.Note = "not used: the survey tool adds it, and it is not needed"
			}
		case k == kindBlank:
			if stats(j).filled > 0 {
				c.Note = "not used: it has no header"
			} else {
				c.Note = "not used: it has no header and is empty"
			}
		case k == kindOther && c.Note == "":
			c.Note = "not used: it is not about an area, the rater or the team"
		}
	}
	return p
}
