// Package xmltext escapes user text for SVG and other XML documents, so that
// whatever was typed stays text and the document stays well-formed.
package xmltext

import (
	"strings"
	"unicode/utf8"
)

// Escape escapes text for use in XML content and in quoted attributes, as
// encoding/xml's EscapeText does (without making the page that draws
// charts and maps carry encoding/xml): bytes that are not UTF-8 and characters XML does not
// allow (most control characters) become U+FFFD, so the document stays
// well-formed whatever was typed.
func Escape(s string) string {
	plain := true // most names need no escaping: return them as they are
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // a byte that is not UTF-8 comes as utf8.RuneError, U+FFFD
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t':
			b.WriteString("&#x9;")
		case r == '\n':
			b.WriteString("&#xA;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= utf8.MaxRune:
			b.WriteRune(r)
		default:
			b.WriteRune(utf8.RuneError)
		}
	}
	return b.String()
}

// ID makes s safe as an element id: letters, digits, '-' and '_' are kept
// and every other character becomes '-'. An empty s gives fallback.
func ID(s, fallback string) string {
	if s == "" {
		return fallback
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}
