// Package docx writes Word documents (.docx, WordprocessingML as in ECMA-376)
// with the standard library alone: a zip archive of a few XML parts. It knows
// what partnerkit's documents need and nothing more: the built-in heading
// styles 1 to 3, paragraphs in a handful of named styles, bulleted and
// numbered lists, tables with a repeated header row, page breaks, and a footer
// with a line of text and the page number, on US letter paper.
//
// Every string it is given is text. It is XML-escaped, the characters XML
// forbids are left out, and nothing is ever made into a field, a hyperlink or
// markup: the only fields in a file are the page numbers of the footer.
//
// The output is deterministic: the same calls give the same bytes.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/escape"
)

// Style names a paragraph style of the documents this package writes.
type Style string

// The paragraph styles. Their names in Word are the built-in ones where Word
// has one ("Heading 1", "List Bullet"), so that a document's outline,
// navigation pane and table of contents work as people expect.
const (
	Normal     Style = "Normal"
	Heading1   Style = "Heading1"
	Heading2   Style = "Heading2"
	Heading3   Style = "Heading3"
	ListBullet Style = "ListBullet"
	ListNumber Style = "ListNumber"
	// ListContinue is a paragraph inside a list item, after its first.
	ListContinue Style = "ListContinue"
	// Note is a boxed paragraph, for a remark the reader must not miss.
	Note Style = "Note"
	// Hint is a small paragraph, for sources and explanations.
	Hint Style = "Hint"
	// WriteIn is an empty line with a rule under it, to write on by hand.
	WriteIn Style = "WriteIn"
)

// Run is a piece of text in one format. Line breaks in Text become line
// breaks in the paragraph, tabs become tabs.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
}

// Align is the horizontal alignment of a table column.
type Align int

// The alignments.
const (
	Left Align = iota
	Right
	Center
)

// Cell is one cell of a table.
type Cell struct {
	Runs []Run
}

// Row is one row of a table.
type Row struct {
	Cells []Cell
	// Bold sets the whole row in bold, as a total row.
	Bold bool
	// Lines is the least height of the row in lines of text, to leave space
	// to write in by hand; 0 is as high as its text.
	Lines int
}

// Table is a table across the width of the text.
type Table struct {
	// Widths are the relative widths of the columns; nil makes them equal.
	Widths []int
	// Align is the alignment of each column; missing ones are Left.
	Align []Align
	// Header is the header row, repeated at the top of every page the table
	// runs onto; nil for a table without one.
	Header []Cell
	Rows   []Row
}

// Letter paper, one-inch margins, in twentieths of a point.
const (
	pageWidth   = 12240
	pageHeight  = 15840
	margin      = 1440
	textWidth   = pageWidth - 2*margin
	maxListNest = 3
)

// Document is a Word document being written. Its zero value is not usable;
// call New.
type Document struct {
	title, footer string
	body          bytes.Buffer
	// lists holds, per numbering instance, whether it is ordered and its
	// first number; instance n+1 is lists[n].
	lists []list
	// bullets is the one numbering instance every bulleted list shares.
	bullets int
}

type list struct {
	ordered bool
	start   int
}

// New starts a document. Title is the document's title in its properties
// (what Word shows in File › Info); footer is the text printed at the foot
// of every page, before the page number. Either may be empty.
func New(title, footer string) *Document {
	return &Document{title: title, footer: footer}
}

// Heading adds a heading of level 1 to 3 (a lower or higher level is taken
// as the nearest of these).
func (d *Document) Heading(level int, runs ...Run) {
	style := Heading1
	switch {
	case level == 2:
		style = Heading2
	case level >= 3:
		style = Heading3
	}
	d.Paragraph(style, runs...)
}

// Paragraph adds a paragraph in the given style.
func (d *Document) Paragraph(style Style, runs ...Run) {
	d.paragraph(style, "", runs)
}

// List is a list of the document, as returned by NewList.
type List struct{ num int }

// NewList starts a list: a numbered one that counts from start (1 when start
// is less than 1), or a bulleted one.
func (d *Document) NewList(ordered bool, start int) List {
	if !ordered {
		if d.bullets == 0 {
			d.lists = append(d.lists, list{})
			d.bullets = len(d.lists)
		}
		return List{d.bullets}
	}
	d.lists = append(d.lists, list{ordered: true, start: max(start, 1)})
	return List{len(d.lists)}
}

// Item adds an item to a list at a nesting level from 0 (outermost) to 2.
func (d *Document) Item(l List, level int, runs ...Run) {
	if l.num < 1 || l.num > len(d.lists) {
		d.Paragraph(Normal, runs...)
		return
	}
	style := ListBullet
	if d.lists[l.num-1].ordered {
		style = ListNumber
	}
	level = min(max(level, 0), maxListNest-1)
	d.paragraph(style, `<w:numPr><w:ilvl w:val="`+strconv.Itoa(level)+`"/><w:numId w:val="`+strconv.Itoa(l.num)+`"/></w:numPr>`, runs)
}

// Continue adds a paragraph inside a list item, indented to its text, at
// the item's nesting level: a ListContinue paragraph, or one in another
// style such as WriteIn.
func (d *Document) Continue(style Style, level int, runs ...Run) {
	level = min(max(level, 0), maxListNest-1)
	d.paragraph(style, `<w:ind w:left="`+strconv.Itoa(360*(level+1)+360)+`"/>`, runs)
}

// PageBreak starts a new page.
func (d *Document) PageBreak() {
	d.body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
}

func (d *Document) paragraph(style Style, props string, runs []Run) {
	b := &d.body
	b.WriteString(`<w:p><w:pPr>`)
	if style != Normal && style != "" {
		b.WriteString(`<w:pStyle w:val="` + string(style) + `"/>`)
	}
	b.WriteString(props)
	b.WriteString(`</w:pPr>`)
	writeRuns(b, runs, false)
	b.WriteString(`</w:p>`)
}

// Table adds a table. Cells beyond the number of columns are left out; rows
// with fewer cells are filled with empty ones.
func (d *Document) Table(t Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r.Cells))
	}
	if cols == 0 {
		return
	}
	widths := columnWidths(t.Widths, cols)
	b := &d.body
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	if t.Header != nil {
		d.row(t, widths, Row{Cells: t.Header, Bold: true}, true)
	}
	for _, r := range t.Rows {
		d.row(t, widths, r, false)
	}
	b.WriteString(`</w:tbl>`)
	// Word needs a paragraph between two tables, and after a table that ends
	// a cell or the document; a small empty one also spaces the table from
	// what follows.
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>`)
}

func (d *Document) row(t Table, widths []int, r Row, header bool) {
	b := &d.body
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
	if header {
		b.WriteString(`<w:tblHeader/>`)
	}
	if r.Lines > 0 {
		b.WriteString(`<w:trHeight w:val="` + strconv.Itoa(r.Lines*360) + `" w:hRule="atLeast"/>`)
	}
	b.WriteString(`</w:trPr>`)
	for i, w := range widths {
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/>`)
		if header {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>`)
		}
		b.WriteString(`</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>`)
		if i < len(t.Align) {
			switch t.Align[i] {
			case Right:
				b.WriteString(`<w:jc w:val="right"/>`)
			case Center:
				b.WriteString(`<w:jc w:val="center"/>`)
			}
		}
		b.WriteString(`</w:pPr>`)
		if i < len(r.Cells) {
			writeRuns(b, r.Cells[i].Runs, r.Bold)
		}
		b.WriteString(`</w:p></w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

// columnWidths shares the text width among the columns in proportion to
// the given weights.
func columnWidths(weights []int, cols int) []int {
	out := make([]int, cols)
	total := 0
	for i := range out {
		w := 1
		if i < len(weights) && weights[i] > 0 {
			w = weights[i]
		}
		out[i] = w
		total += w
	}
	used := 0
	for i := range out {
		out[i] = out[i] * textWidth / total
		used += out[i]
	}
	out[cols-1] += textWidth - used
	return out
}

// writeRuns writes runs as w:r elements: line breaks and tabs as their own
// elements, the rest as escaped text.
func writeRuns(b *bytes.Buffer, runs []Run, bold bool) {
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		b.WriteString(`<w:r>`)
		if r.Bold || bold || r.Italic {
			b.WriteString(`<w:rPr>`)
			if r.Bold || bold {
				b.WriteString(`<w:b/>`)
			}
			if r.Italic {
				b.WriteString(`<w:i/>`)
			}
			b.WriteString(`</w:rPr>`)
		}
		text := strings.ReplaceAll(r.Text, "\r\n", "\n")
		start := 0
		flush := func(end int) {
			if end > start {
				b.WriteString(`<w:t xml:space="preserve">`)
				writeText(b, text[start:end])
				b.WriteString(`</w:t>`)
			}
		}
		for i, c := range text {
			switch c {
			case '\n', '\r', '\v', '\f', '\u2028', '\u2029':
				flush(i)
				b.WriteString(`<w:br/>`)
				start = i + utf8.RuneLen(c)
			case '\t':
				flush(i)
				b.WriteString(`<w:tab/>`)
				start = i + 1
			}
		}
		flush(len(text))
		b.WriteString(`</w:r>`)
	}
}

// writeText writes s as XML character data, leaving out every character XML
// 1.0 forbids or Word would trip over: control characters (other than those
// writeRuns has already taken), unpaired surrogates, U+FFFE and U+FFFF.
// Invalid UTF-8 becomes U+FFFD.
func writeText(b *bytes.Buffer, s string) {
	b.WriteString(escape.XML(Clean(s)))
}

// Clean returns s without the characters a Word document cannot hold:
// control characters other than tab and line feed, U+FFFE and U+FFFF; byte
// sequences that are not UTF-8 become U+FFFD.
func Clean(s string) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if ok && forbidden(r) {
			ok = false
		}
	}
	if ok {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for _, r := range s {
		if r == '\t' || r == '\n' || !forbidden(r) {
			out.WriteRune(r)
		}
	}
	return out.String()
}

func forbidden(r rune) bool {
	return unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF)
}

// WriteTo writes the document as a .docx file.
func (d *Document) WriteTo(w io.Writer) (int64, error) {
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", d.core()},
		{"docProps/app.xml", appProps},
		{"word/document.xml", d.document()},
		{"word/styles.xml", styles()},
		{"word/numbering.xml", d.numbering()},
		{"word/settings.xml", settings},
		{"word/footer1.xml", d.footerPart()},
		{"word/_rels/document.xml.rels", documentRels},
	}
	// A fixed time keeps the output the same from run to run.
	modified := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range parts {
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return 0, fmt.Errorf("docx: %w", err)
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return 0, fmt.Errorf("docx: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return 0, fmt.Errorf("docx: %w", err)
	}
	n, err := w.Write(out.Bytes())
	if err != nil {
		return int64(n), fmt.Errorf("docx: writing the document: %w", err)
	}
	return int64(n), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func (d *Document) document() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document ` + nsW + `><w:body>`)
	b.Write(d.body.Bytes())
	b.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>`)
	b.WriteString(`<w:pgSz w:w="` + strconv.Itoa(pageWidth) + `" w:h="` + strconv.Itoa(pageHeight) + `"/>`)
	m := strconv.Itoa(margin)
	b.WriteString(`<w:pgMar w:top="` + m + `" w:right="` + m + `" w:bottom="` + m + `" w:left="` + m + `" w:header="720" w:footer="720" w:gutter="0"/>`)
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

func (d *Document) footerPart() string {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<w:ftr ` + nsW + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>`)
	writeRuns(&b, []Run{{Text: strings.Join(strings.Fields(Clean(d.footer)), " ")}}, false)
	if d.footer != "" {
		b.WriteString(`<w:r><w:tab/></w:r>`)
	}
	b.WriteString(`<w:r><w:t xml:space="preserve">Page </w:t></w:r>`)
	b.WriteString(`<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.WriteString(`<w:r><w:t xml:space="preserve"> of </w:t></w:r>`)
	b.WriteString(`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>`)
	b.WriteString(`</w:p></w:ftr>`)
	return b.String()
}

func (d *Document) core() string {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	if t := strings.Join(strings.Fields(Clean(d.title)), " "); t != "" {
		b.WriteString(`<dc:title>`)
		writeText(&b, t)
		b.WriteString(`</dc:title>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.String()
}

// numbering writes the two list definitions (bullets; numbers "1.", "a.",
// "i.") and one instance per list, each numbered list restarting at its start.
func (d *Document) numbering() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:numbering ` + nsW + `>`)
	abstract := func(id int, formats, texts []string) {
		b.WriteString(`<w:abstractNum w:abstractNumId="` + strconv.Itoa(id) + `"><w:multiLevelType w:val="hybridMultilevel"/>`)
		for l := range maxListNest {
			left := strconv.Itoa(360*(l+1) + 360)
			b.WriteString(`<w:lvl w:ilvl="` + strconv.Itoa(l) + `"><w:start w:val="1"/><w:numFmt w:val="` + formats[l] + `"/><w:lvlText w:val="` + texts[l] + `"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` + left + `" w:hanging="360"/></w:pPr></w:lvl>`)
		}
		b.WriteString(`</w:abstractNum>`)
	}
	abstract(0, []string{"bullet", "bullet", "bullet"}, []string{"•", "◦", "▪"})
	abstract(1, []string{"decimal", "lowerLetter", "lowerRoman"}, []string{"%1.", "%2.", "%3."})
	for i, l := range d.lists {
		id := strconv.Itoa(i + 1)
		if !l.ordered {
			b.WriteString(`<w:num w:numId="` + id + `"><w:abstractNumId w:val="0"/></w:num>`)
			continue
		}
		b.WriteString(`<w:num w:numId="` + id + `"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="` + strconv.Itoa(l.start) + `"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.String()
}

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>partnerkit</Application></Properties>`

// settings asks for the current compatibility mode, so Word does not open
// the file in "compatibility mode".
const settings = xmlHeader + `<w:settings ` + nsW + `><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// styles defines every style the document uses. The headings, lists, footer
// and table grid carry Word's built-in names, in the lower case Word stores
// them in ("heading 1"); Word shows them as "Heading 1".
func styles() string {
	return xmlHeader + `<w:styles ` + nsW + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		heading(1, 32, 360) + heading(2, 26, 280) + heading(3, 23, 200) +
		`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:contextualSpacing/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:contextualSpacing/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="ListContinue"><w:name w:val="List Continue"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:top w:val="single" w:sz="8" w:space="4" w:color="7F7F7F"/><w:left w:val="single" w:sz="8" w:space="4" w:color="7F7F7F"/><w:bottom w:val="single" w:sz="8" w:space="4" w:color="7F7F7F"/><w:right w:val="single" w:sz="8" w:space="4" w:color="7F7F7F"/></w:pBdr><w:spacing w:before="120" w:after="240"/><w:ind w:left="120" w:right="120"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="Hint"><w:name w:val="Hint"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="WriteIn"><w:name w:val="Write-in line"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="7F7F7F"/></w:pBdr><w:spacing w:before="240" w:after="0"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="right" w:pos="` + strconv.Itoa(textWidth) + `"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>` +
		`</w:tblBorders></w:tblPr></w:style>` +
		`</w:styles>`
}

// heading defines the built-in heading style of a level: size in half
// points, space before in twentieths of a point.
func heading(level, size, before int) string {
	n := strconv.Itoa(level)
	return `<w:style w:type="paragraph" w:styleId="Heading` + n + `"><w:name w:val="heading ` + n + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="` + strconv.Itoa(before) + `" w:after="120"/><w:outlineLvl w:val="` + strconv.Itoa(level-1) + `"/></w:pPr>` +
		`<w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="` + strconv.Itoa(size) + `"/><w:szCs w:val="` + strconv.Itoa(size) + `"/></w:rPr></w:style>`
}
