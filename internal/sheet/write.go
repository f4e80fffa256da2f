package sheet

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Cell is one cell for WriteWorkbook: text, a number or a date.
type Cell struct {
	text   string
	number float64
	kind   uint8 // 0 text, 1 number, 2 date serial
}

// TextCell is a cell holding s as text.
func TextCell(s string) Cell { return Cell{text: s} }

// NumberCell is a cell holding a number.
func NumberCell(v float64) Cell { return Cell{number: v, kind: 1} }

// DateCell is a cell holding a date written as YYYY-MM-DD, stored as Excel
// stores dates (a serial number shown as a date), or as text when it is not
// such a date.
func DateCell(s string) Cell {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1901 {
		return TextCell(s)
	}
	days := t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	return Cell{number: days, kind: 2}
}

// WriteWorkbook writes rows as an .xlsx workbook of one sheet, the first row
// bold and frozen as the header, each column as wide as its longest cell.
func WriteWorkbook(w io.Writer, sheetName string, rows [][]Cell) error {
	zw := zip.NewWriter(w)
	part := func(name, content string) error {
		f, err := zw.Create(name)
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	const (
		head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
		main = `http://schemas.openxmlformats.org/spreadsheetml/2006/main`
		rel  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
		ct   = `application/vnd.openxmlformats-officedocument.spreadsheetml.`
	)
	var name strings.Builder
	_ = xml.EscapeText(&name, []byte(sheetName))
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="` + ct + `sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + ct + `worksheet+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="` + ct + `styles+xml"/></Types>`},
		{"_rels/.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", head + `<workbook xmlns="` + main + `" xmlns:r="` + rel + `"><sheets>` +
			`<sheet name="` + name.String() + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `/styles" Target="styles.xml"/></Relationships>`},
		{"xl/styles.xml", head + `<styleSheet xmlns="` + main + `">` +
			`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
			`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
			`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
			`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
			`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
			`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
			`<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
			`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
	}
	for _, p := range parts {
		if err := part(p.name, p.content); err != nil {
			return fmt.Errorf("writing the workbook: %w", err)
		}
	}
	f, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	b := bufio.NewWriter(f)
	b.WriteString(head + `<worksheet xmlns="` + main + `">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	if widths := columnWidths(rows); len(widths) > 0 {
		b.WriteString("<cols>")
		for j, wd := range widths {
			fmt.Fprintf(b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, j+1, j+1, wd)
		}
		b.WriteString("</cols>")
	}
	b.WriteString("<sheetData>")
	var num []byte
	for i, row := range rows {
		fmt.Fprintf(b, `<row r="%d">`, i+1)
		for j, c := range row {
			ref := ColumnName(j) + strconv.Itoa(i+1)
			switch {
			case c.kind == 0 && c.text == "":
				continue
			case c.kind == 0:
				style := ""
				if i == 0 {
					style = ` s="1"`
				}
				fmt.Fprintf(b, `<c r="%s" t="inlineStr"%s><is><t xml:space="preserve">`, ref, style)
				writeXMLText(b, c.text)
				b.WriteString("</t></is></c>")
			default:
				style := ""
				if c.kind == 2 {
					style = ` s="2"`
				}
				num = strconv.AppendFloat(num[:0], c.number, 'g', -1, 64)
				fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, style, num)
			}
		}
		b.WriteString("</row>")
	}
	b.WriteString("</sheetData></worksheet>")
	if err := b.Flush(); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// writeXMLText escapes s for an XML text node, writing a character XML
// cannot hold (a control character) as Excel does, _xHHHH_, and a literal
// "_x" as "_x005F_x" so that it reads back unchanged.
func writeXMLText(b *bufio.Writer, s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '_' && strings.HasPrefix(s[i:], "_x"):
			b.WriteString("_x005F_")
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0xfffe || r == 0xffff || r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, "_x%04X_", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// columnWidths sizes each column to its longest text, between 10 and 60
// characters.
func columnWidths(rows [][]Cell) []int {
	var w []int
	for _, row := range rows {
		for j, c := range row {
			for len(w) <= j {
				w = append(w, 10)
			}
			n := utf8.RuneCountInString(c.text) + 2
			if c.kind != 0 {
				n = 12
			}
			w[j] = max(w[j], min(n, 60))
		}
	}
	return w
}
