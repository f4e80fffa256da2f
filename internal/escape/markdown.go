package escape

import "strings"

// Markdown escapes user text for one line of a Markdown document, in any
// place inline text may go: a paragraph, a heading, a list item, a table
// cell, emphasis. The text is made a Line, and a backslash is put before
// every character that could start markup in CommonMark or in
// GitHub-flavoured Markdown with its extensions (tables, strikethrough, task
// lists and automatic links):
//
//   - everywhere: \ ` * _ [ ] < > | ~ & ! and #, which start emphasis, code,
//     links and images, raw HTML and autolinks, table cells, strikethrough,
//     entities, and a heading's closing sequence;
//   - at the start: - + = (lists, thematic breaks, setext underlines), and
//     the . or ) after leading digits (ordered lists);
//   - what would make an automatic link of an address: every @ (e-mail),
//     the : of "://" (web and FTP addresses) and the . of "www.".
//
// Rendered, the result shows exactly the Line of the text, and nothing else.
func Markdown(s string) string {
	return markdownLine(Line(s))
}

// MarkdownLines escapes user text of several lines for one block of a
// Markdown document, such as a paragraph or a list item, so that its line
// breaks stay inside that block: each line that is not blank is escaped as
// Markdown escapes one line, and the lines are joined by hard line breaks,
// every line after the first starting with indent (the list item's content
// column, such as "  " after "- "; "" for a paragraph). Blank lines are left
// out, since a blank line would end the block. Empty text gives "".
func MarkdownLines(s, indent string) string {
	lines := Lines(s)
	for i, l := range lines {
		lines[i] = markdownLine(l)
	}
	return strings.Join(lines, "\\\n"+indent)
}

// markdownSpecial are the characters escaped wherever they are.
const markdownSpecial = "\\`*_[]<>|~&!#@"

// markdownStart are the characters escaped at the start of a line.
const markdownStart = "-+="

// markdownLine escapes one Line.
func markdownLine(s string) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	digits := 0 // leading digits, which "." or ")" would make an ordered list
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(markdownSpecial, c) >= 0:
			b.WriteByte('\\')
		case i == 0 && strings.IndexByte(markdownStart, c) >= 0:
			b.WriteByte('\\')
		case (c == '.' || c == ')') && i > 0 && digits == i:
			b.WriteByte('\\')
		case c == ':' && strings.HasPrefix(s[i+1:], "//"):
			b.WriteByte('\\')
		case c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteByte('\\')
		}
		if c >= '0' && c <= '9' && digits == i {
			digits++
		}
		b.WriteByte(c)
	}
	return b.String()
}
