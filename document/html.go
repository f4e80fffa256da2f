package document

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/escape"
)

// WriteHTML writes the document as one self-contained HTML page, ready to
// print on US letter paper: real headings, page breaks where the document
// has them, the footer and the page number at the foot of every page (in
// browsers that print page margins), tables that fit the width of the page.
// It has no script and loads nothing; figures are inline images. Every text
// is HTML-escaped.
func (d *Document) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	bw.WriteString(esc(escape.Line(d.Title)))
	bw.WriteString("</title>\n<style>\n")
	bw.WriteString(Stylesheet)
	bw.WriteString("@page { @bottom-left { content: ")
	bw.WriteString(cssString(escape.Line(d.Footer)))
	bw.WriteString("; } }\n</style>\n</head>\n<body>\n<main class=\"pk-doc\">\n")
	d.writeBody(bw)
	bw.WriteString("</main>\n</body>\n</html>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("document: writing the HTML page: %w", err)
	}
	return nil
}

// Stylesheet is the style of a printed document: the page's own print view
// uses it too, so a document prints the same from the page and from a file.
// Its rules apply inside an element of class "pk-doc".
const Stylesheet = `@page { size: letter; margin: 0.75in 0.75in 0.9in;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Georgia, serif; color: #444; }
  @bottom-left { font: 9pt Georgia, serif; color: #444; } }
.pk-doc { font: 11pt/1.4 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 7in; margin: 2em auto; padding: 0 1em; }
.pk-doc h1, .pk-doc h2, .pk-doc h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; color: #1f3864; break-after: avoid; page-break-after: avoid; }
.pk-doc h1 { font-size: 18pt; margin: 0 0 .4em; }
.pk-doc h2 { font-size: 13pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; padding-bottom: .1em; }
.pk-doc h3 { font-size: 11.5pt; margin: 1.1em 0 .3em; }
.pk-doc p { margin: .3em 0 .5em; }
.pk-doc .note { border: 1.5px solid #666; padding: .4em .7em; margin: .6em 0 1em; }
.pk-doc .hint { font-size: 9pt; color: #404040; }
.pk-doc ul, .pk-doc ol { margin: .3em 0 .6em; padding-left: 1.6em; }
.pk-doc li { margin: .15em 0; }
.pk-doc li > p { margin: .15em 0; }
.pk-doc table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: 10pt; table-layout: fixed; }
.pk-doc th, .pk-doc td { border: 1px solid #808080; padding: .25em .4em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.pk-doc th { background: #e7e6e6; }
.pk-doc .right { text-align: right; } .pk-doc .center { text-align: center; }
.pk-doc tr.total td { font-weight: bold; }
.pk-doc .write { border-bottom: 1px solid #7f7f7f; min-height: 1.6em; margin: .5em 0 0; padding-top: .4em; }
.pk-doc figure { margin: .6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
.pk-doc figure img { display: block; max-width: 100%; height: auto; }
.pk-doc figcaption { font-size: 9pt; color: #404040; }
.pk-doc .page-break { border: 0; border-top: 1px dashed #bbb; margin: 2em 0; }
.pk-doc .lines { white-space: pre-wrap; }
@media print {
  .pk-doc { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.3; }
  .pk-doc li { margin: .05em 0; } .pk-doc li > p { margin: .05em 0; } .pk-doc ul, .pk-doc ol { margin: .2em 0 .4em; }
  .pk-doc .page-break { border: 0; margin: 0; break-after: page; page-break-after: always; }
  .pk-doc tr, .pk-doc li, .pk-doc .note { break-inside: avoid; page-break-inside: avoid; }
  .pk-doc thead { display: table-header-group; }
}
`

func (d *Document) writeBody(w *bufio.Writer) {
	for _, b := range d.Blocks {
		writeHTMLBlock(w, b)
	}
}

func writeHTMLBlock(w *bufio.Writer, b Block) {
	switch b := b.(type) {
	case *Heading:
		l := strconv.Itoa(min(max(b.Level, 1), 3))
		w.WriteString("<h" + l + ">")
		writeHTMLText(w, b.Text)
		w.WriteString("</h" + l + ">\n")
	case *Paragraph:
		switch b.Style {
		case Note:
			w.WriteString(`<p class="note">`)
		case Hint:
			w.WriteString(`<p class="hint">`)
		default:
			w.WriteString("<p>")
		}
		writeHTMLText(w, b.Text)
		w.WriteString("</p>\n")
	case *List:
		tag := "ul"
		if b.Ordered {
			tag = "ol"
		}
		w.WriteString("<" + tag)
		if b.Ordered && b.Start > 1 {
			w.WriteString(` start="` + strconv.Itoa(b.Start) + `"`)
		}
		w.WriteString(">\n")
		for _, it := range b.Items {
			w.WriteString("<li>")
			writeHTMLText(w, it.Text)
			for _, sub := range it.Blocks {
				writeHTMLBlock(w, sub)
			}
			w.WriteString("</li>\n")
		}
		w.WriteString("</" + tag + ">\n")
	case *Table:
		w.WriteString("<table>\n")
		header := false
		for _, c := range b.Columns {
			header = header || c.Title != ""
		}
		w.WriteString("<colgroup>")
		for _, c := range b.Columns {
			w.WriteString(`<col style="width:` + strconv.FormatFloat(100*float64(max(c.Width, 1))/float64(totalWidth(b.Columns)), 'f', 1, 64) + `%">`)
		}
		w.WriteString("</colgroup>\n")
		if header {
			w.WriteString("<thead><tr>")
			for _, c := range b.Columns {
				w.WriteString(`<th scope="col"` + alignClass(c.Align) + ">" + esc(c.Title) + "</th>")
			}
			w.WriteString("</tr></thead>\n")
		}
		w.WriteString("<tbody>\n")
		for _, r := range b.Rows {
			w.WriteString("<tr")
			if r.Total {
				w.WriteString(` class="total"`)
			}
			w.WriteString(">")
			for i := range max(len(b.Columns), len(r.Cells)) {
				align := Left
				if i < len(b.Columns) {
					align = b.Columns[i].Align
				}
				w.WriteString("<td" + alignClass(align))
				if r.Lines > 0 {
					w.WriteString(` style="height:` + strconv.FormatFloat(1.5*float64(r.Lines), 'f', 1, 64) + `em"`)
				}
				w.WriteString(">")
				if i < len(r.Cells) {
					writeHTMLText(w, r.Cells[i])
				}
				w.WriteString("</td>")
			}
			w.WriteString("</tr>\n")
		}
		w.WriteString("</tbody>\n</table>\n")
	case *Lines:
		for i := range max(b.N, 1) {
			w.WriteString(`<p class="write">`)
			if i == 0 && b.Label != "" {
				w.WriteString(esc(b.Label) + ":")
			}
			w.WriteString("</p>\n")
		}
	case *Figure:
		w.WriteString(`<figure><img alt="` + esc(escape.Line(b.Caption)) + `" src="data:image/svg+xml;base64,`)
		w.WriteString(base64.StdEncoding.EncodeToString([]byte(b.SVG)))
		w.WriteString(`"><figcaption>` + esc(b.Caption) + "</figcaption></figure>\n")
	case *PageBreak:
		w.WriteString(`<hr class="page-break">` + "\n")
	}
}

func totalWidth(cols []Column) int {
	t := 0
	for _, c := range cols {
		t += max(c.Width, 1)
	}
	return max(t, 1)
}

func alignClass(a Align) string {
	switch a {
	case Right:
		return ` class="right"`
	case Center:
		return ` class="center"`
	}
	return ""
}

// writeHTMLText writes text escaped, with its line breaks as <br>.
func writeHTMLText(w *bufio.Writer, t Text) {
	for _, r := range t {
		if r.Text == "" {
			continue
		}
		if r.Strong {
			w.WriteString("<strong>")
		}
		if r.Emph {
			w.WriteString("<em>")
		}
		lines := strings.Split(strings.ReplaceAll(r.Text, "\r\n", "\n"), "\n")
		for i, l := range lines {
			if i > 0 {
				w.WriteString("<br>")
			}
			w.WriteString(esc(l))
		}
		if r.Emph {
			w.WriteString("</em>")
		}
		if r.Strong {
			w.WriteString("</strong>")
		}
	}
}

// esc escapes text for HTML, leaving out control characters.
func esc(s string) string {
	return html.EscapeString(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s))
}

// cssString quotes text as a CSS string that is safe inside a <style>
// element: every character but letters, digits and spaces is written as a
// hexadecimal escape.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == ' ':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			fmt.Fprintf(&b, "\\%x ", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
