package partnership

import (
	"errors"
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
)

// Problem is one thing wrong with a model: where it is, as a JSON path such as
// "partners[1].approach" (empty for the whole document), and a sentence a
// non-programmer understands.
//
// A problem in a spreadsheet (a survey export, an initiative inventory) says
// where it is as a person sees the sheet instead: the sheet, the row as the
// spreadsheet numbers it (row 1 is the first row, the header), the column's
// letter and header, and the value found there. The message says what is
// allowed and how to fix it.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	// Sheet names the workbook's sheet, when the file has several.
	Sheet string `json:"sheet,omitempty"`
	// Row is the spreadsheet row, from 1; 0 for a problem of the whole file
	// or of a whole column.
	Row int `json:"row,omitempty"`
	// Column is the column's letter as a spreadsheet shows it ("C"), and
	// Header its header; both empty for a problem of a whole row or file.
	Column string `json:"column,omitempty"`
	Header string `json:"header,omitempty"`
	// Value is the cell's text, when the problem is with what a cell holds.
	Value string `json:"value,omitempty"`
	// Unknown is set when the problem is a name the file has where
	// partnerkit keeps nothing of that name: the last step of Path (a
	// mistyped name, or one another program wrote). The message lists the
	// names allowed there.
	Unknown bool `json:"unknown,omitempty"`
}

// String returns the problem as "path: message", or for a spreadsheet
// `row 4, column C ("Metrics"): message`.
func (p Problem) String() string {
	if where := p.Where(); where != "" {
		return where + ": " + p.Message
	}
	return p.Message
}

// Where says where the problem is: its JSON path, or its place in a
// spreadsheet (`sheet "Form1", row 4, column C ("Metrics")`); "" for the
// whole document.
func (p Problem) Where() string {
	if p.Path != "" {
		return p.Path
	}
	var parts []string
	if p.Sheet != "" {
		parts = append(parts, fmt.Sprintf("sheet %q", p.Sheet))
	}
	if p.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", p.Row))
	}
	switch {
	case p.Column != "" && p.Header != "":
		parts = append(parts, fmt.Sprintf("column %s (%q)", p.Column, p.Header))
	case p.Column != "":
		parts = append(parts, "column "+p.Column)
	}
	return strings.Join(parts, ", ")
}

// ValidationError lists every problem found in a model at once. Every package
// of partnerkit returns it for invalid input, so callers can branch on it with
// errors.As.
type ValidationError struct {
	// Problems are the first MaxProblems problems found.
	Problems []Problem
	// More counts the problems found beyond them.
	More int
}

// MaxProblems is how many problems a ValidationError lists: a file with
// thousands of mistakes lists the first ones and counts the others.
const MaxProblems = 100

// Error lists the problems, one per line after a count, and ends with how
// many more there are.
func (e *ValidationError) Error() string {
	if e.More == 0 {
		switch len(e.Problems) {
		case 0:
			return "no problems"
		case 1:
			return e.Problems[0].String()
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s problems:", schema.Thousands(len(e.Problems)+e.More))
	for _, p := range e.Problems {
		b.WriteString("\n- ")
		b.WriteString(p.String())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n- and %s more", schema.Thousands(e.More))
	}
	return b.String()
}

// Add records a problem at path. The message is formatted with fmt.Sprintf.
// Beyond MaxProblems, the problem is only counted, in More.
func (e *ValidationError) Add(path, format string, args ...any) {
	if len(e.Problems) >= MaxProblems {
		e.More++
		return
	}
	e.Problems = append(e.Problems, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// AddUnknown records that the file has a name where nothing of that name
// is kept, at the path that ends with it (see Problem.Unknown); it makes
// *ValidationError a schema.Unknowns.
func (e *ValidationError) AddUnknown(path, message string) {
	if len(e.Problems) >= MaxProblems {
		e.More++
		return
	}
	e.Problems = append(e.Problems, Problem{Path: path, Message: message, Unknown: true})
}

// Full reports whether the error lists MaxProblems problems already, so
// that a problem added now is only counted (see schema.Counter).
func (e *ValidationError) Full() bool { return len(e.Problems) >= MaxProblems }

// CountMore counts one more problem beyond those listed.
func (e *ValidationError) CountMore() { e.More++ }

// Append records problems as they are; beyond MaxProblems they are counted.
func (e *ValidationError) Append(ps ...Problem) {
	n := min(len(ps), max(MaxProblems-len(e.Problems), 0))
	e.Problems = append(e.Problems, ps[:n]...)
	e.More += len(ps) - n
}

// Err returns e when it holds a problem and nil otherwise, so a function can
// collect problems and end with "return v.Err()".
func (e *ValidationError) Err() error {
	if e == nil || len(e.Problems) == 0 && e.More == 0 {
		return nil
	}
	return e
}

// Include adds the problems err carries, each with prefix put in front of
// its path ("partnership" and "district.name" make
// "partnership.district.name"): those of a *ValidationError, and the count
// of those it only counted, or one problem at prefix with the error's text
// for any other error. A nil err adds nothing. A model that holds others
// validates them with it:
//
//	ve.Include("partnership", ws.Partnership.Validate())
func (e *ValidationError) Include(prefix string, err error) {
	for _, p := range ProblemsOf(err) {
		if len(e.Problems) >= MaxProblems {
			e.More++
			continue
		}
		p.Path = schema.Join(prefix, p.Path)
		e.Problems = append(e.Problems, p)
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		e.More += ve.More
	}
}

// ProblemsOf returns the problems an error carries: those of a
// *ValidationError, or one problem with the error's text for any other error.
func ProblemsOf(err error) []Problem {
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		return ve.Problems
	}
	return []Problem{{Message: err.Error()}}
}
