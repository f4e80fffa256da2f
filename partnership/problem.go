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
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String returns the problem as "path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
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
		e.Problems = append(e.Problems, Problem{Path: schema.Join(prefix, p.Path), Message: p.Message})
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
