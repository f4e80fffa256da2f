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
