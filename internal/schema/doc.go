// Package schema is the plumbing every model of partnerkit shares to check a
// document against its Go type: strict JSON decoding that reports every
// unknown field and wrongly typed value by JSON path, validation from the
// models' validate tags with messages a non-programmer understands, and the
// joining of JSON paths.
//
// It reports problems to a Problems, such as *partnership.ValidationError,
// and knows nothing of the models themselves.
package schema

// Problems receives the problems found, each at a JSON path relative to the
// document ("partners[1].approach"; "" for the whole document), with a
// message formatted as fmt.Sprintf does. *partnership.ValidationError is one.
type Problems interface {
	Add(path, format string, args ...any)
}

// Unknowns is a Problems that keeps apart the problems of a name the
// document has where nothing of that name is kept (a mistyped name, or one
// another program wrote): Decode gives it those with AddUnknown, at the
// path that ends with the name, instead of with Add. A page can then say
// it in words, where the message names the names allowed there.
type Unknowns interface {
	Problems
	AddUnknown(path, message string)
}

// Counter is a Problems that keeps only so many problems, and counts the
// others, as *partnership.ValidationError does. Store asks it whether it is
// Full before spelling a problem out, and then only counts it: a file with
// a million mistakes costs no million messages.
type Counter interface {
	Problems
	// Full reports whether a problem added now would only be counted.
	Full() bool
	// CountMore counts one more problem, without spelling it out.
	CountMore()
}

// The limits of what Parse reads: no workspace nests deeper, nor has a list
// longer, and a file that does is refused before it takes the memory of a
// million values.
const (
	// MaxDepth is how deep objects and lists may nest.
	MaxDepth = 64
	// MaxList is the most entries a list may hold.
	MaxList = 100_000
)
