package escape

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean removes from user text the characters no document should carry:
// control characters other than newline and tab, and the Unicode line and
// paragraph separators. A tab becomes a space, a carriage return, alone or
// before a newline, becomes a newline, and bytes that are not UTF-8 become
// the replacement character U+FFFD.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
}

// isClean reports whether Clean would leave s as it is, without allocating.
func isClean(s string) bool {
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// Line is clean text on a single line: every run of white space, newlines
// included, becomes one space, and the ends are trimmed.
func Line(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// Lines splits clean text into its lines that are not blank, each made a
// Line.
func Lines(s string) []string {
	var out []string
	for l := range strings.SplitSeq(Clean(s), "\n") {
		if l = Line(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
