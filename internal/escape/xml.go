package escape

import (
	"strings"
	"unicode/utf8"
)

// XML escapes text for XML 1.0, as character data or as a quoted attribute
// value (SVG, a Word document's XML; HTML reads it the same way), as
// encoding/xml's EscapeText does, without making the page carry
// encoding/xml: & < > " ' become references; tab, newline and carriage
// return become character references, so that an attribute keeps them; and
// the characters XML forbids (control characters other than those three,
// unpaired surrogates, U+FFFE and U+FFFF) and bytes that are not UTF-8
// become U+FFFD, so that what cannot be written is seen to be missing.
// Whatever s holds, the result parses as the text XMLText(s).
func XML(s string) string {
	plain := true // most names need no escaping: return them as they are
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s { // a byte that is not UTF-8 comes as utf8.RuneError, U+FFFD
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if !xmlChar(r) {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// XMLText is the text an XML parser reads back from XML(s): s with U+FFFD
// for each character XML forbids and for each byte that is not UTF-8.
func XMLText(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !xmlChar(r) }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !xmlChar(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// xmlChar reports whether XML 1.0 allows r in a document (its production
// Char).
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune
}

// ID makes s safe as an element id in XML or HTML: letters, digits, '-' and
// '_' are kept and every other character becomes '-'. An empty s gives
// fallback.
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
