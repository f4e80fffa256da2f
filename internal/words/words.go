// Package words writes the small pieces of English that findings, reports
// and charts share: lists joined with "and", counts with their noun, text
// cut to a length.
package words

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// JoinAnd joins items as "a, b and c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Count writes n with its noun: "1 rating", "3 ratings".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Shorten cuts s to n characters, ending with an ellipsis when cut.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
