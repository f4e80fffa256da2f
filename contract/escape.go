package contract

import (
	"strings"
	"unicode"
)

// clean removes the characters a document must not carry from user text:
// control characters other than newline and tab (tab becomes a space), and
// the Unicode replacement for invalid UTF-8 is kept as is. Carriage returns
// become newlines.
func clean(s string) string {
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

// oneLine is clean text on a single line: runs of white space, newlines
// included, become one space, and the ends are trimmed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// paragraphs splits clean text into its non-empty lines, each on one line.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(clean(s), "\n") {
		if l = oneLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// mdSpecial are the characters that can start inline Markdown anywhere in a
// line: emphasis, code, links and images, raw HTML and autolinks, entities,
// table cells, strikethrough, and the backslash itself.
const mdSpecial = "\\`*_[]<>|~&"

// mdLineStart are the characters that start a block when they begin a line:
// headings, list items, block quotes, thematic breaks and setext underlines.
const mdLineStart = "#-+=>"

// mdInline escapes user text for Markdown, on one line, so that it renders
// as the same text and never as markup: every character that could start
// inline markup is backslash-escaped, so is the first character when it
// could start a block, and so are the characters that would make an
// automatic link of an address ("@", the ":" of "://", the "." of "www.").
func mdInline(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
		case i == 0 && strings.ContainsRune(mdLineStart, r):
			b.WriteByte('\\')
		case (r == '.' || r == ')') && i > 0 && allDigits(s[:i]):
			b.WriteByte('\\') // "1." or "1)" at the start would be an ordered list
		case r == '@', r == ':' && strings.HasPrefix(s[i+1:], "//"), r == '.' && afterWWW(s, i):
			b.WriteByte('\\') // GitHub-flavoured Markdown turns e-mail addresses, URLs and www. into links
		}
		b.WriteRune(r)
	}
	return b.String()
}

// afterWWW reports whether s[i] is the dot of a word "www.".
func afterWWW(s string, i int) bool {
	if i < 3 || !strings.EqualFold(s[i-3:i], "www") {
		return false
	}
	if i == 3 {
		return true
	}
	c := s[i-4]
	return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// mdBlock escapes multi-line user text for Markdown: each line becomes its
// own paragraph, escaped as mdInline does. Empty text gives "".
func mdBlock(s string) string {
	ps := paragraphs(s)
	for i, p := range ps {
		ps[i] = mdInline(p)
	}
	return strings.Join(ps, "\n\n")
}

// wrap breaks clean text into lines of at most width runes where it can,
// each line after the first starting with indent. Each line of the input
// starts a new line of the output.
func wrap(s string, width int, indent string) string {
	var lines []string
	for _, p := range paragraphs(s) {
		line := ""
		for _, w := range strings.Fields(p) {
			switch {
			case line == "":
				line = w
			case len([]rune(line))+1+len([]rune(w)) > width:
				lines = append(lines, line)
				line = w
			default:
				line += " " + w
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"+indent)
}
