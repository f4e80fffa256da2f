// Package document is a printable document as data: headings, paragraphs,
// lists, tables, lines to write on by hand, figures and page breaks. Each of
// partnerkit's tools describes what it prints as a Document (the contract
// supplement, an agenda or the minutes, a readiness summary, the review
// pre-read, the blank forms), and the same Document is written as a Word
// file (WriteDOCX), as a page to print (WriteHTML), or drawn by the browser
// page, so every format says the same things.
//
// Every string in a Document is text. The writers escape it for their
// format: what a user typed never becomes markup, a link or a field.
package document

import (
	"strings"
)

// Document is a document to print or to hand around.
type Document struct {
	// Title is the document's name in its file properties and the browser's
	// title bar. The first block is usually a level-1 heading saying the same.
	Title string
	// Footer is printed at the foot of every page, beside the page number:
	// the partnership's name, or what the document is about.
	Footer string
	// Blocks are the document's content, in order.
	Blocks []Block
}

// Block is one part of a document: a *Heading, *Paragraph, *List, *Table,
// *Lines, *Figure or *PageBreak.
type Block interface{ block() }

// Heading is a heading of level 1 (the document's title), 2 (a part) or 3.
type Heading struct {
	Level int
	Text  Text
}

// Style is how a paragraph is set.
type Style int

// The paragraph styles.
const (
	// Body is an ordinary paragraph.
	Body Style = iota
	// Note is set apart in a box: a remark the reader must not miss.
	Note
	// Hint is set small: a source, an explanation, a caption.
	Hint
)

// Paragraph is a paragraph of text. Line breaks in its runs are kept.
type Paragraph struct {
	Style Style
	Text  Text
}

// List is a bulleted list, or a numbered one counting from Start.
type List struct {
	Ordered bool
	// Start is the number of the first item of a numbered list; 0 means 1.
	Start int
	Items []Item
}

// Item is an item of a list: its text, then any further paragraphs and
// lists inside it.
type Item struct {
	Text   Text
	Blocks []Block
}

// Align is the alignment of a table column.
type Align int

// The alignments of a column.
const (
	Left Align = iota
	Right
	Center
)

// Column is a column of a table.
type Column struct {
	// Title is the column's heading. A table whose columns have no titles
	// has no header row.
	Title string
	// Width is the column's width relative to the others; 0 counts as 1.
	Width int
	Align Align
}

// Row is a row of a table.
type Row struct {
	Cells []Text
	// Total marks a row that sums up the others; it is set in bold.
	Total bool
	// Lines leaves space in the row to write in by hand, in lines of text.
	Lines int
}

// Table is a table. Its header row repeats on every page it runs onto.
type Table struct {
	Columns []Column
	Rows    []Row
}

// Lines are lines to write on by hand, as in a blank form: the first one
// begins with Label ("Name", "Areas of concern"), N in all (at least one).
type Lines struct {
	Label string
	N     int
}

// Figure is a picture: an SVG drawing and the caption that says what it
// shows. A Word file leaves it out, so a figure must only show what the
// document also says in words or tables.
type Figure struct {
	// SVG is a complete SVG document whose text is already escaped, as
	// partnership.WriteMap and readiness.WriteSVG write it.
	SVG     string
	Caption string
}

// PageBreak starts a new page when the document is printed.
type PageBreak struct{}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Lines) block()     {}
func (*Figure) block()    {}
func (*PageBreak) block() {}

// Text is a piece of text made of runs, each plain, strong or emphasized.
type Text []Run

// Run is text in one format.
type Run struct {
	Text   string
	Strong bool
	Emph   bool
}

// Plain returns a run of plain text.
func Plain(s string) Run { return Run{Text: s} }

// Strong returns a run of strong (bold) text.
func Strong(s string) Run { return Run{Text: s, Strong: true} }

// Emph returns a run of emphasized (italic) text.
func Emph(s string) Run { return Run{Text: s, Emph: true} }

// T returns plain text.
func T(s string) Text { return Text{Plain(s)} }

// String returns the text without its formatting.
func (t Text) String() string {
	var b strings.Builder
	for _, r := range t {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Heading appends a heading.
func (d *Document) Heading(level int, text string) {
	d.Blocks = append(d.Blocks, &Heading{Level: level, Text: T(text)})
}

// Para appends a paragraph of body text.
func (d *Document) Para(runs ...Run) {
	d.Blocks = append(d.Blocks, &Paragraph{Text: runs})
}

// Styled appends a paragraph in a style.
func (d *Document) Styled(s Style, runs ...Run) {
	d.Blocks = append(d.Blocks, &Paragraph{Style: s, Text: runs})
}

// Add appends blocks.
func (d *Document) Add(b ...Block) {
	d.Blocks = append(d.Blocks, b...)
}

// Bullets returns a bulleted list of plain items.
func Bullets(items ...string) *List {
	l := &List{}
	for _, s := range items {
		l.Items = append(l.Items, Item{Text: T(s)})
	}
	return l
}

// Numbered returns a numbered list of plain items counting from start.
func Numbered(start int, items ...string) *List {
	l := Bullets(items...)
	l.Ordered, l.Start = true, start
	return l
}
