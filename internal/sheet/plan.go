package sheet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/words"
)

// Field is what a column of an import gives (an initiative's owner, a
// figure's date): a string kind whose zero value is "not used", with a
// label in plain words.
type Field interface {
	~string
	Label() string
}

// Column is one column of a spreadsheet an import reads, and what it
// gives.
type Column[F Field] struct {
	// Index is the column's place, from 0; Letter names it as a spreadsheet
	// does ("C").
	Index  int    `json:"index"`
	Letter string `json:"letter"`
	Header string `json:"header"`
	Field  F      `json:"field,omitempty"`
	// Note says why the column gives its field, or why it is not used.
	Note string `json:"note,omitempty"`
}

// Name names the column for a message: `C ("Start")`, or its letter alone
// when it has no header.
func (c Column[F]) Name() string {
	if c.Header == "" {
		return c.Letter
	}
	return fmt.Sprintf("%s (%q)", c.Letter, c.Header)
}

// PlanColumns plans width columns by the headers in row header: fieldOf
// matches a normalized header to a field, or returns the fields it names
// when it names several, which leaves the column unused. A field a second
// column's header names goes to both, for the reader to refuse. record
// names what a row gives ("an initiative"), for the note of a column that
// gives nothing of it.
func PlanColumns[F Field](header Row, width int, fieldOf func(string) (F, []F), record string) []Column[F] {
	cols := make([]Column[F], width)
	seen := make(map[F]int)
	for j := range cols {
		h := strings.TrimSpace(header.Cell(j))
		c := Column[F]{Index: j, Letter: ColumnName(j), Header: h}
		f, several := fieldOf(Normalize(h))
		switch {
		case h == "":
			c.Note = "not used: it has no header"
		case len(several) > 0:
			labels := make([]string, len(several))
			for i, x := range several {
				labels[i] = strconv.Quote(x.Label())
			}
			c.Note = "not used: its header names more than one field (" + words.JoinAnd(labels) + "); choose the one it gives"
		case f == "":
			c.Note = "not used: it is none of the fields of " + record
		default:
			c.Field, c.Note = f, "its header names "+strings.ToLower(f.Label())
			if k, dup := seen[f]; dup {
				c.Note = fmt.Sprintf("its header names %s, as column %s's does", strings.ToLower(f.Label()), cols[k].Letter)
			} else {
				seen[f] = j
			}
		}
		cols[j] = c
	}
	return cols
}

// SetField gives column col the field f, one of fields; a column that gave
// it before is no longer used, and says so. record names what a row gives
// ("an initiative"), for the error of a field that is none of fields.
func SetField[F Field](cols []Column[F], col int, f F, fields []F, record string) error {
	if col < 0 || col >= len(cols) {
		return fmt.Errorf("there is no column %d; the sheet has %d", col+1, len(cols))
	}
	if !slices.Contains(fields, f) {
		return fmt.Errorf("%q is not a field of %s", f, record)
	}
	c := &cols[col]
	if f != "" {
		for i := range cols {
			if o := &cols[i]; i != col && o.Field == f {
				o.Field, o.Note = "", fmt.Sprintf("not used: column %s now gives this", c.Letter)
			}
		}
	}
	c.Field, c.Note = f, "as chosen"
	return nil
}

// Assign says which column gives each field, and a sentence for each
// field given by more than one column (none of which then gives it) and
// each column whose field is none of fields. record names what a row gives
// ("an initiative").
func Assign[F Field](cols []Column[F], fields []F, record string) (col map[F]int, several map[F]bool, problems []string) {
	col = make(map[F]int)
	dup := make(map[F][]string)
	for j, c := range cols {
		switch {
		case c.Field == "":
		case !slices.Contains(fields, c.Field):
			problems = append(problems, fmt.Sprintf("Column %s: %q is not a field of %s.", c.Letter, c.Field, record))
		default:
			k, ok := col[c.Field]
			if !ok {
				col[c.Field] = j
				continue
			}
			if len(dup[c.Field]) == 0 {
				dup[c.Field] = append(dup[c.Field], cols[k].Name())
			}
			dup[c.Field] = append(dup[c.Field], c.Name())
		}
	}
	several = make(map[F]bool)
	var none F
	for _, f := range fields {
		if names := dup[f]; len(names) > 0 {
			delete(col, f)
			several[f] = true
			problems = append(problems, fmt.Sprintf("Columns %s could each give %s. Keep the one that does, and set the others to %q.",
				words.JoinAnd(names), strings.ToLower(f.Label()), none.Label()))
		}
	}
	return col, several, problems
}

// Choose returns what read makes of the first table with rows whose
// reading holds what is imported, else of the first table with rows; it
// reports false when no table has rows.
func Choose[T any](tables []*Table, read func(*Table) T, holds func(T) bool) (T, bool) {
	var first T
	found := false
	for _, t := range tables {
		if len(t.Rows) == 0 {
			continue
		}
		x := read(t)
		if holds(x) {
			return x, true
		}
		if !found {
			first, found = x, true
		}
	}
	return first, found
}
