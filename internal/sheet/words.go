package sheet

import (
	"strings"
	"unicode"
)

// Normalize prepares a header for matching: letters lowercased, every run of
// characters other than letters and digits one space, trimmed.
// "Which team are you on?" becomes "which team are you on".
func Normalize(s string) string {
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

// WordIndex returns where the phrase w occurs in s as whole words, or -1;
// both are normalized.
func WordIndex(s, w string) int {
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

// HasWord reports whether the normalized s holds one of the phrases as
// whole words.
func HasWord(s string, phrases ...string) bool {
	for _, p := range phrases {
		if WordIndex(s, p) >= 0 {
			return true
		}
	}
	return false
}
