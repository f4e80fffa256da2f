package escape

import (
	"strconv"
	"strings"
)

// CSSString quotes user text as a CSS string, safe anywhere CSS takes one
// (a content property, a custom property's value), inside a style element
// too: the text is made a Line, and every character but ASCII letters,
// digits and spaces is written as a hexadecimal escape, so that no quote,
// backslash, angle bracket or brace the user typed can end the string, the
// rule or the element.
func CSSString(s string) string {
	s = Line(s)
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		default:
			b.WriteByte('\\')
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteByte(' ')
		}
	}
	b.WriteByte('"')
	return b.String()
}
