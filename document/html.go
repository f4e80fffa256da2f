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
	bw.WriteString(":root { --pk-footer: " + escape.CSSString(d.Footer) + "; }\n</style>\n</head>\n<body>\n<main class=\"pk-doc\">\n")
	for _, e := range d.Elements() {
		writeElement(bw, e, "main")
	}
	bw.WriteString("</main>\n</body>\n</html>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("document: writing the HTML page: %w", err)
	}
	return nil
}

// Stylesheet is the style of a printed document, for the elements Elements
// makes inside an element of class "pk-doc". The browser page prints its
// documents with it too, so a document prints the same from the page and
// from a file. The footer's text is the custom property --pk-footer, a CSS
// string (see the page's and WriteHTML's :root).
const Stylesheet = `@page { size: letter; margin: 0.75in 0.75in 0.9in;
  @bottom-left { content: var(--pk-footer, ""); font: 9pt Georgia, serif; color: #444; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Georgia, serif; color: #444; } }
.pk-doc { font: 11pt/1.4 Georgia, "Times New Roman", serif; color: #111; background: #fff; max-width: 7in; margin: 2em auto; padding: 0 1em; }
.pk-doc h1, .pk-doc h2, .pk-doc h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; color: #1f3864; break-after: avoid; page-break-after: avoid; }
.pk-doc h1 { font-size: 18pt; margin: 0 0 .4em; }
.pk-doc h2 { font-size: 13pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; padding-bottom: .1em; }
.pk-doc h3 { font-size: 11.5pt; margin: 1.1em 0 .3em; }
.pk-doc p { margin: .3em 0 .5em; }
.pk-doc p, .pk-doc li, .pk-doc td { white-space: pre-line; }
.pk-doc ul, .pk-doc ol { white-space: normal; }
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
.pk-doc tr.lines-1 td { height: 1.6em; } .pk-doc tr.lines-2 td { height: 3.1em; } .pk-doc tr.lines-3 td { height: 4.6em; } .pk-doc tr.lines-4 td { height: 6.1em; }
.pk-doc .w-5 { width: 5%; } .pk-doc .w-10 { width: 10%; } .pk-doc .w-15 { width: 15%; } .pk-doc .w-20 { width: 20%; } .pk-doc .w-25 { width: 25%; } .pk-doc .w-30 { width: 30%; } .pk-doc .w-35 { width: 35%; } .pk-doc .w-40 { width: 40%; } .pk-doc .w-45 { width: 45%; } .pk-doc .w-50 { width: 50%; } .pk-doc .w-55 { width: 55%; } .pk-doc .w-60 { width: 60%; } .pk-doc .w-65 { width: 65%; } .pk-doc .w-70 { width: 70%; } .pk-doc .w-75 { width: 75%; } .pk-doc .w-80 { width: 80%; } .pk-doc .w-85 { width: 85%; } .pk-doc .w-90 { width: 90%; } .pk-doc .w-95 { width: 95%; } .pk-doc .w-100 { width: 100%; }
.pk-doc .write { border-bottom: 1px solid #7f7f7f; min-height: 1.6em; margin: .5em 0 0; padding-top: .4em; }
.pk-doc figure { margin: .6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
.pk-doc figure img { display: block; max-width: 100%; height: auto; }
.pk-doc figcaption { font-size: 9pt; color: #404040; }
.pk-doc .page-break { border: 0; border-top: 1px dashed #bbb; margin: 2em 0; }
@media print {
  .pk-doc { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.3; }
  .pk-doc li { margin: .05em 0; } .pk-doc li > p { margin: .05em 0; } .pk-doc ul, .pk-doc ol { margin: .2em 0 .4em; }
  .pk-doc .page-break { border: 0; margin: 0; break-after: page; page-break-after: always; }
  .pk-doc tr, .pk-doc li, .pk-doc .note { break-inside: avoid; page-break-inside: avoid; }
  .pk-doc thead { display: table-header-group; }
}
`

// maxLines is the tallest write-in row the stylesheet has a class for.
const maxLines = 4

// Element is an HTML element of a document as WriteHTML writes it, or a
// text node when Tag is empty. A page that draws a document itself builds
// its elements from these, setting text as text, and so shows exactly what
// WriteHTML prints. Attribute values are plain values, not yet escaped.
type Element struct {
	Tag      string
	Attrs    []Attr
	Text     string
	Children []Element
}

// Attr is an attribute of an Element.
type Attr struct{ Name, Value string }

// el returns an element with attributes and children.
func el(tag string, attrs []Attr, children ...Element) Element {
	return Element{Tag: tag, Attrs: attrs, Children: children}
}

func class(c string) []Attr {
	if c == "" {
		return nil
	}
	return []Attr{{"class", c}}
}

// Elements returns the document's body as HTML elements, block by block:
// h1 to h3; p (of class "note" or "hint"); ul and ol (with start) of li;
// table with thead, tbody and rows of th and td (class "w-N" on the
// header cells for a column's share of the width, N a multiple of 5, "right" or "center" for
// its alignment; rows of class "total" or "lines-N"); p of class "write"
// for lines to write on; figure with img and figcaption; hr of class
// "page-break". Text keeps its line breaks as newline characters, which
// the stylesheet shows as breaks.
func (d *Document) Elements() []Element {
	out := make([]Element, 0, len(d.Blocks))
	for _, b := range d.Blocks {
		out = append(out, blockElements(b)...)
	}
	return out
}

func blockElements(b Block) []Element {
	switch b := b.(type) {
	case *Heading:
		return []Element{el("h"+strconv.Itoa(min(max(b.Level, 1), 3)), nil, textElements(b.Text)...)}
	case *Paragraph:
		c := ""
		switch b.Style {
		case Note:
			c = "note"
		case Hint:
			c = "hint"
		}
		return []Element{el("p", class(c), textElements(b.Text)...)}
	case *List:
		tag := "ul"
		var attrs []Attr
		if b.Ordered {
			tag = "ol"
			if b.Start > 1 {
				attrs = []Attr{{"start", strconv.Itoa(b.Start)}}
			}
		}
		items := make([]Element, 0, len(b.Items))
		for _, it := range b.Items {
			li := el("li", nil, textElements(it.Text)...)
			for _, sub := range it.Blocks {
				li.Children = append(li.Children, blockElements(sub)...)
			}
			items = append(items, li)
		}
		return []Element{el(tag, attrs, items...)}
	case *Table:
		return []Element{tableElement(b)}
	case *Lines:
		out := make([]Element, max(b.N, 1))
		for i := range out {
			out[i] = el("p", class("write"))
			if i == 0 && b.Label != "" {
				out[i].Children = []Element{{Text: b.Label + ":"}}
			}
		}
		return out
	case *Figure:
		caption := escape.Line(b.Caption)
		return []Element{el("figure", nil,
			el("img", []Attr{{"alt", caption}, {"src", "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(b.SVG))}}),
			el("figcaption", nil, Element{Text: b.Caption}))}
	case *PageBreak:
		return []Element{el("hr", class("page-break"))}
	}
	return nil
}

func tableElement(t *Table) Element {
	header := false
	total := 0
	for _, c := range t.Columns {
		header = header || c.Title != ""
		total += max(c.Width, 1)
	}
	cols := len(t.Columns)
	for _, r := range t.Rows {
		cols = max(cols, len(r.Cells))
	}
	align := func(i int) string {
		if i < len(t.Columns) {
			switch t.Columns[i].Align {
			case Right:
				return "right"
			case Center:
				return "center"
			}
		}
		return ""
	}
	table := el("table", nil)
	if header {
		row := el("tr", nil)
		for i, c := range t.Columns {
			share := 5 * ((100*max(c.Width, 1)/max(total, 1) + 2) / 5)
			cl := strings.TrimSpace("w-" + strconv.Itoa(min(max(share, 5), 100)) + " " + align(i))
			row.Children = append(row.Children, el("th", []Attr{{"scope", "col"}, {"class", cl}}, Element{Text: c.Title}))
		}
		table.Children = append(table.Children, el("thead", nil, row))
	}
	body := el("tbody", nil)
	for _, r := range t.Rows {
		c := ""
		switch {
		case r.Total:
			c = "total"
		case r.Lines > 0:
			c = "lines-" + strconv.Itoa(min(r.Lines, maxLines))
		}
		row := el("tr", class(c))
		for i := range cols {
			cell := el("td", class(align(i)))
			if i < len(r.Cells) {
				cell.Children = textElements(r.Cells[i])
			}
			row.Children = append(row.Children, cell)
		}
		body.Children = append(body.Children, row)
	}
	table.Children = append(table.Children, body)
	return table
}

// textElements returns text as text nodes, in strong and em where it is
// so formatted.
func textElements(t Text) []Element {
	out := make([]Element, 0, len(t))
	for _, r := range t {
		if r.Text == "" {
			continue
		}
		e := Element{Text: strings.ReplaceAll(r.Text, "\r\n", "\n")}
		if r.Emph {
			e = el("em", nil, e)
		}
		if r.Strong {
			e = el("strong", nil, e)
		}
		out = append(out, e)
	}
	return out
}

// voidTags are the elements without an end tag.
var voidTags = map[string]bool{"img": true, "hr": true, "br": true}

// writeElement writes an element as HTML, escaping its text and values. A
// newline follows it to make the source readable, but not inside the
// elements that show their newlines.
func writeElement(w *bufio.Writer, e Element, parent string) {
	if e.Tag == "" {
		w.WriteString(esc(e.Text))
		return
	}
	w.WriteString("<" + e.Tag)
	for _, a := range e.Attrs {
		w.WriteString(" " + a.Name + `="` + esc(a.Value) + `"`)
	}
	w.WriteString(">")
	if voidTags[e.Tag] {
		if parent == "main" || parent == "figure" {
			w.WriteString("\n")
		}
		return
	}
	for _, c := range e.Children {
		writeElement(w, c, e.Tag)
	}
	w.WriteString("</" + e.Tag + ">")
	switch parent {
	case "main", "table", "thead", "tbody", "tr", "ul", "ol", "figure":
		w.WriteString("\n")
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
