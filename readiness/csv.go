package readiness

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/escape"
)

// CellError is one problem in a CSV file: a bad cell, or a header that cannot
// be read.
type CellError struct {
	// Line is the file's physical line, counted from 1 as encoding/csv counts
	// it; a quoted answer that spans lines starts on this line.
	Line int `json:"line"`
	// Column is the header of the column, or "" for a problem with the whole file.
	Column string `json:"column,omitempty"`
	// Message says what is wrong and what is allowed.
	Message string `json:"message"`

	col int // the column's position, to list a row's problems in reading order
}

// String returns the problem as `line 4, column "Metrics": message`.
func (e CellError) String() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Message)
	}
	return fmt.Sprintf("line %d, column %q: %s", e.Line, e.Column, e.Message)
}

// CSVError lists every problem ReadCSV found in a file, not only the first.
type CSVError struct {
	Problems []CellError
}

// maxListed is how many problems Error spells out; Problems keeps them all.
const maxListed = 50

// Error lists the problems, one per line after a count.
func (e *CSVError) Error() string {
	if len(e.Problems) == 1 {
		return "reading the survey file: " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "reading the survey file: %d problems:", len(e.Problems))
	for i, p := range e.Problems {
		if i == maxListed {
			fmt.Fprintf(&b, "\n- and %d more", len(e.Problems)-maxListed)
			break
		}
		b.WriteString("\n- ")
		b.WriteString(p.String())
	}
	return b.String()
}

// add records a problem in column j (-1 for the whole file) of header.
func (e *CSVError) add(line int, header []string, j int, format string, args ...any) {
	p := CellError{Line: line, Message: fmt.Sprintf(format, args...), col: j}
	if j >= 0 && j < len(header) {
		p.Column = header[j]
	}
	e.Problems = append(e.Problems, p)
}

// sort orders the problems by line, then column.
func (e *CSVError) sort() {
	slices.SortStableFunc(e.Problems, func(a, b CellError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.col, b.col))
	})
}

// columns says which column of a survey export holds what; -1 is none.
type columns struct {
	rater, email, team, submitted int
	rating, concern               []int // per category
}

// ReadCSV reads responses from a survey export: a Google Forms or Microsoft
// Forms CSV file, or one written by WriteCSV. The file may start with a
// byte-order mark, use CRLF line ends, and hold quoted answers that span
// lines. Columns are recognised by their header, ignoring letter case:
//
//   - a rating: the header contains a category's title or ID (as whole words);
//   - a concern: the header also contains "concern" (beside the title or ID);
//   - the rater: a header that contains "name"; without one, "email";
//   - the team: a header that contains "team" or "organization";
//   - when the response was submitted: "submitted", "timestamp" or "completion time".
//
// Other columns (ID, start time, e-mail when there is a name, and so on) are
// ignored. Fields are separated by commas, or by semicolons or tabs when the
// header row holds more of those than commas.
//
// A rating cell holds a level of the scale, alone or followed by its
// description ("3", "3 - Most items", "3 – Most items"), or a level's label;
// an empty cell leaves the category unrated. An empty name falls back to the
// e-mail address when there is one. Concerns, rater, team and time are kept as
// written, with surrounding spaces removed and without the apostrophe a
// spreadsheet (or WriteCSV) puts before a text that starts as a formula;
// an empty concern is left out.
//
// A bad cell or header is reported as a *CSVError that lists every problem
// found, each with its line, its column's header and what is allowed.
func ReadCSV(r io.Reader, rb Rubric) ([]Response, error) {
	if err := rb.usable(); err != nil {
		return nil, fmt.Errorf("the rubric is not valid: %w", err)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, err := br.Peek(3); err == nil && bytes.Equal(bom, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = separator(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var ce CSVError
	rec, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			ce.add(1, nil, -1, "the file is empty; it needs a header row naming the columns, then one row per response")
			return nil, &ce
		}
		return nil, csvSyntax(err)
	}
	header := append([]string(nil), rec...)
	headerLine, _ := cr.FieldPos(0)
	cols := planColumns(header, headerLine, rb, &ce)
	if len(ce.Problems) > 0 {
		return nil, &ce
	}

	nc := len(rb.Categories)
	var out []Response
	for {
		rec, err = cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			ce.Problems = append(ce.Problems, csvSyntax(err).Problems...)
			ce.sort()
			return nil, &ce
		}
		if blank(rec) {
			continue
		}
		line, _ := cr.FieldPos(0)
		cell := func(j int) (string, int) {
			if j < 0 || j >= len(rec) {
				return "", line
			}
			l, _ := cr.FieldPos(j)
			return strings.TrimSpace(escape.FromCSVCell(strings.TrimSpace(rec[j]))), l
		}
		var resp Response
		rater, l := cell(cols.rater)
		if rater == "" && cols.email >= 0 {
			rater, _ = cell(cols.email)
		}
		if rater == "" {
			col := cols.rater
			if col < 0 {
				col = cols.email
			}
			ce.add(l, header, col, "the rater's name is empty; every response needs the name of the person who rated")
		}
		resp.Rater = rater
		if cols.team >= 0 {
			team, l := cell(cols.team)
			if team == "" {
				ce.add(l, header, cols.team, "the team is empty; say which leadership team the rater belongs to, such as the district's or the partner's")
			}
			resp.Team = team
		}
		resp.Submitted, _ = cell(cols.submitted)
		for c := range nc {
			id := rb.Categories[c].ID
			if j := cols.rating[c]; j >= 0 {
				s, l := cell(j)
				if s != "" {
					v, ok := parseRating(s, rb.Scale)
					if !ok {
						ce.add(l, header, j, "%s is not a rating; allowed: %s (a number, optionally followed by \" - \" and its description), or empty for unrated",
							quoteCell(s), rb.Scale.Values())
					} else {
						if resp.Ratings == nil {
							resp.Ratings = make(map[string]int, nc)
						}
						resp.Ratings[id] = v
					}
				}
			}
			if j := cols.concern[c]; j >= 0 {
				if s, _ := cell(j); s != "" {
					if resp.Concerns == nil {
						resp.Concerns = make(map[string]string, nc)
					}
					resp.Concerns[id] = s
				}
			}
		}
		if len(ce.Problems) == 0 {
			out = append(out, resp)
		}
	}
	if len(ce.Problems) > 0 {
		ce.sort()
		return nil, &ce
	}
	return out, nil
}

// separator guesses the field separator from the header line: a comma,
// or a semicolon (spreadsheets saved in locales with a decimal comma) or a tab
// when the header holds more of them than commas.
func separator(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	var commas, semis, tabs int
	quoted := false
scan:
	for _, b := range head { // count outside quotes, up to the header's end
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			break scan
		case b == ',':
			commas++
		case b == ';':
			semis++
		case b == '\t':
			tabs++
		}
	}
	switch {
	case tabs > commas && tabs > semis:
		return '\t'
	case semis > commas:
		return ';'
	}
	return ','
}

// csvSyntax turns an encoding/csv error into a problem with its line.
func csvSyntax(err error) *CSVError {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			msg += `; a quote inside an answer must be doubled ("") and the whole answer put in quotes`
		}
		line := pe.Line
		if pe.StartLine > 0 && pe.StartLine < pe.Line {
			line = pe.StartLine
			msg = fmt.Sprintf("on line %d, %s (an answer in quotes that starts on line %d may be missing its closing quote)", pe.Line, msg, line)
		}
		return &CSVError{Problems: []CellError{{Line: line, Message: "the file is not valid CSV: " + msg, col: -1}}}
	}
	return &CSVError{Problems: []CellError{{Line: 1, Message: "the file could not be read: " + err.Error()}}}
}

// planColumns finds which column holds what, adding a problem for a header
// it cannot place and for a file it cannot use.
func planColumns(header []string, line int, rb Rubric, ce *CSVError) columns {
	nc := len(rb.Categories)
	cols := columns{rater: -1, email: -1, team: -1, submitted: -1, rating: make([]int, nc), concern: make([]int, nc)}
	for c := range nc {
		cols.rating[c], cols.concern[c] = -1, -1
	}
	names := make([]string, nc) // normalized titles and IDs
	ids := make([]string, nc)
	for c, cat := range rb.Categories {
		names[c], ids[c] = normalize(cat.Title), normalize(cat.ID)
	}
	take := func(slot *int, j int) {
		if *slot < 0 {
			*slot = j
		}
	}
	for j, h := range header {
		n := normalize(h)
		switch n {
		case "name", "full name", "your name":
			take(&cols.rater, j)
			continue
		case "team", "organization", "organisation", "your team":
			take(&cols.team, j)
			continue
		case "email", "email address", "e mail":
			take(&cols.email, j)
			continue
		case "timestamp", "submitted", "completion time":
			take(&cols.submitted, j)
			continue
		}
		c, rest, ambiguous := matchCategory(n, names, ids)
		if ambiguous != "" {
			ce.add(line, header, j, "the header matches more than one category (%s); rename the column so that it names one", ambiguous)
			continue
		}
		if c >= 0 {
			slot, what := &cols.rating[c], "rating"
			if hasWord(rest, "concern") || hasWord(rest, "concerns") {
				slot, what = &cols.concern[c], "concerns"
			}
			if *slot >= 0 {
				ce.add(line, header, j, "column %q already holds the %s of category %q; remove one of the two columns", header[*slot], what, rb.Categories[c].ID)
				continue
			}
			*slot = j
			continue
		}
		isTeam := hasWord(n, "team") || hasWord(n, "organization") || hasWord(n, "organisation")
		switch {
		case isTeam && strings.Contains(n, "name") && (hasWord(n, "member") || strings.Contains(n, "your name") || hasWord(n, "rater")):
			take(&cols.rater, j) // "Team member name"
		case isTeam:
			take(&cols.team, j) // "Which team are you on?", "Team name", "Organization"
		case strings.Contains(n, "email") || strings.Contains(n, "e mail"):
			take(&cols.email, j)
		case strings.Contains(n, "name"):
			take(&cols.rater, j)
		case hasWord(n, "timestamp") || hasWord(n, "submitted") || strings.Contains(n, "completion time"):
			take(&cols.submitted, j)
		}
	}
	rated := false
	for c := range nc {
		rated = rated || cols.rating[c] >= 0 || cols.concern[c] >= 0
	}
	if !rated {
		var b strings.Builder
		for c, cat := range rb.Categories {
			if c > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%q or %q", cat.Title, cat.ID)
		}
		ce.add(line, nil, -1, "no column holds a rating: a rating column's header must contain a category's title or id: %s", b.String())
	}
	if cols.rater < 0 && cols.email < 0 {
		ce.add(line, nil, -1, "no column says who rated: add a column whose header contains \"name\" (or \"email\")")
	}
	return cols
}

// matchCategory finds the category a normalized header names: the one with
// the longest title or ID found in it as whole words. It returns the header
// without the matched words, or the names of the categories that tie.
func matchCategory(h string, names, ids []string) (cat int, rest, ambiguous string) {
	cat, best, at := -1, 0, -1
	var tied []int
	for c := range names {
		for _, w := range [2]string{names[c], ids[c]} {
			i := wordIndex(h, w)
			if i < 0 || len(w) < best {
				continue
			}
			if len(w) == best && cat != c {
				tied = append(tied, c)
				continue
			}
			if len(w) > best {
				tied = tied[:0]
			}
			cat, best, at = c, len(w), i
		}
	}
	if cat < 0 {
		return -1, h, ""
	}
	if len(tied) > 0 {
		s := ids[cat]
		for _, t := range tied {
			s += ", " + ids[t]
		}
		return -1, h, s
	}
	return cat, h[:at] + " " + h[at+best:], ""
}

// wordIndex returns where w occurs in s as whole words, or -1.
func wordIndex(s, w string) int {
	if w == "" {
		return -1
	}
	for off := 0; off <= len(s)-len(w); {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(w)
		if (i == 0 || s[i-1] == ' ') && (end == len(s) || s[end] == ' ') {
			return i
		}
		off = i + 1
	}
	return -1
}

func hasWord(s, w string) bool { return wordIndex(s, w) >= 0 }

// normalize lowercases s and turns every run of characters other than
// letters and digits into one space, trimmed.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// parseRating reads a rating cell: a level alone or followed by a separator
// and words ("3", "3 - Most items", "3 – Most items", "3: Most"), or a level's
// label. It reports false for anything else, or a level off the scale.
func parseRating(s string, sc Scale) (int, bool) {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == 4 {
		for _, l := range sc.Levels {
			if l.Label != "" && strings.EqualFold(s, l.Label) {
				return l.Value, true
			}
		}
		return 0, false
	}
	v, _ := strconv.Atoi(s[:i])
	if !sc.Contains(v) {
		return 0, false
	}
	rest := strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	if rest == "" {
		return v, true
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch r {
	case '-', '–', '—', ':', ')', '.', '=':
	default:
		return 0, false
	}
	after := strings.TrimLeftFunc(rest[size:], unicode.IsSpace)
	if after != "" && after[0] >= '0' && after[0] <= '9' {
		return 0, false // "3-4" or "3.5" is not one level
	}
	return v, true
}

// quoteCell quotes a cell's text for a message, shortened if long.
func quoteCell(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// blank reports whether every cell of a record is empty.
func blank(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// WriteCSV writes responses as a CSV file that ReadCSV reads back to the same
// responses: a header row, then one row per response with the rater's name,
// team (left out when no response has one), submission time, a rating per
// category and a concern per category.
// Texts are written as they are, so ReadCSV gives them back unchanged when
// they have no surrounding spaces, except that a text a spreadsheet would
// run as a formula (it starts with = + - @ or a tab) gets a leading
// apostrophe (escape.CSVCell), which spreadsheets and ReadCSV take away.
func WriteCSV(w io.Writer, rb Rubric, responses []Response) error {
	cw := csv.NewWriter(w)
	nc := len(rb.Categories)
	teams := false // without any team, as ReadCSV gives for a file without a team column, leave the column out
	for _, r := range responses {
		teams = teams || r.Team != ""
	}
	row := make([]string, 0, 3+2*nc)
	row = append(row, "Name")
	if teams {
		row = append(row, "Team")
	}
	row = append(row, "Submitted")
	for _, c := range rb.Categories {
		row = append(row, escape.CSVCell(fmt.Sprintf("%s [%s]", c.Title, c.ID)))
	}
	for _, c := range rb.Categories {
		row = append(row, escape.CSVCell(fmt.Sprintf("Concerns: %s [%s]", c.Title, c.ID)))
	}
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("writing the survey file: %w", err)
	}
	var num [4]byte
	for _, r := range responses {
		row = append(row[:0], escape.CSVCell(r.Rater))
		if teams {
			row = append(row, escape.CSVCell(r.Team))
		}
		row = append(row, escape.CSVCell(r.Submitted))
		for _, c := range rb.Categories {
			if v, ok := r.Ratings[c.ID]; ok {
				row = append(row, string(strconv.AppendInt(num[:0], int64(v), 10)))
			} else {
				row = append(row, "")
			}
		}
		for _, c := range rb.Categories {
			row = append(row, escape.CSVCell(r.Concerns[c.ID]))
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("writing the survey file: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the survey file: %w", err)
	}
	return nil
}
