package document

import (
	"fmt"
	"io"

	"github.com/partnerkit/partnerkit/internal/docx"
	"github.com/partnerkit/partnerkit/internal/escape"
)

// WriteDOCX writes the document as a Word file (.docx) that opens, and can be
// edited, in Word, LibreOffice and Google Docs: Word's built-in styles for
// headings 1 to 3 and for lists, tables in the Table Grid style with their
// header row repeated on each page, US letter paper, and the footer with the
// page number on every page. Figures are left out: the documents say in
// words and tables what their figures show.
//
// Text stays text: it is XML-escaped, characters a Word file cannot hold are
// left out, and nothing typed becomes a field or a hyperlink.
func (d *Document) WriteDOCX(w io.Writer) error {
	x := docx.New(escape.Line(d.Title), escape.Line(d.Footer))
	for _, b := range d.Blocks {
		writeBlock(x, b, -1)
	}
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("document: writing the Word file: %w", err)
	}
	return nil
}

// writeBlock writes one block; level is the nesting level of the list item
// the block is inside, or -1 outside any list.
func writeBlock(x *docx.Document, b Block, level int) {
	switch b := b.(type) {
	case *Heading:
		x.Heading(b.Level, runs(b.Text)...)
	case *Paragraph:
		if level >= 0 {
			x.Continue(docx.ListContinue, level, runs(b.Text)...)
			return
		}
		style := docx.Normal
		switch b.Style {
		case Note:
			style = docx.Note
		case Hint:
			style = docx.Hint
		}
		x.Paragraph(style, runs(b.Text)...)
	case *List:
		l := x.NewList(b.Ordered, b.Start)
		for _, it := range b.Items {
			x.Item(l, level+1, runs(it.Text)...)
			for _, sub := range it.Blocks {
				writeBlock(x, sub, level+1)
			}
		}
	case *Table:
		t := docx.Table{}
		header := false
		for _, c := range b.Columns {
			t.Widths = append(t.Widths, c.Width)
			t.Align = append(t.Align, docx.Align(c.Align))
			header = header || c.Title != ""
		}
		if header {
			for _, c := range b.Columns {
				t.Header = append(t.Header, docx.Cell{Runs: []docx.Run{{Text: c.Title}}})
			}
		}
		for _, r := range b.Rows {
			row := docx.Row{Bold: r.Total, Lines: r.Lines}
			for _, c := range r.Cells {
				row.Cells = append(row.Cells, docx.Cell{Runs: runs(c)})
			}
			t.Rows = append(t.Rows, row)
		}
		x.Table(t)
	case *Lines:
		for i := range max(b.N, 1) {
			var label []docx.Run
			if i == 0 && b.Label != "" {
				label = []docx.Run{{Text: b.Label + ":"}}
			}
			if level >= 0 {
				x.Continue(docx.WriteIn, level, label...)
			} else {
				x.Paragraph(docx.WriteIn, label...)
			}
		}
	case *Figure:
		// A drawing in a Word file would need a picture of it as well; the
		// documents say in words and tables what their figures show.
	case *PageBreak:
		x.PageBreak()
	}
}

func runs(t Text) []docx.Run {
	out := make([]docx.Run, 0, len(t))
	for _, r := range t {
		out = append(out, docx.Run{Text: r.Text, Bold: r.Strong, Italic: r.Emph})
	}
	return out
}
