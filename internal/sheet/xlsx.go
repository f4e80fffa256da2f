package sheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"
)

// The reader below reads what Excel, Microsoft Forms, Google Sheets and
// LibreOffice write in an .xlsx (Office Open XML, ECMA-376 part 1, §18):
// the workbook's sheets in order, shared and inline strings (rich text
// joined, phonetic guides left out, _xHHHH_ escapes decoded), numbers as
// Excel shows them by default (15 significant digits), booleans, errors,
// formulas by their last value, and cells whose number format is a date
// or a time as "2027-03-02" or "2027-03-02 09:14:05", in the 1900 or the
// 1904 date system. It reads through archive/zip and encoding/xml's token
// stream; see the commit that added it for why no library was used.

const (
	maxColumns = 16384   // XFD, as in Excel
	maxRows    = 1048576 // as in Excel
	// maxCells bounds the cells a workbook may hold, empty ones within each
	// row included, so that a small damaged or hostile file cannot take a
	// browser tab's memory: 8 million is 40 times a 10,000-row survey.
	maxCells = 8_000_000
)

// damaged is the error for a workbook part that cannot be read.
func damaged(part string, err error) *Error {
	if err != nil {
		return errorf(0, "This workbook is damaged: its part %q cannot be read (%v). Open it in Excel and save it again, or download it again.", part, err)
	}
	return errorf(0, "This workbook is damaged: its part %q is missing. Open it in Excel and save it again, or download it again.", part)
}

// get returns a part of the package, matching its name without regard to
// letter case when it is not found as written.
func (z zipFiles) get(name string) ([]byte, bool, error) {
	if _, ok := z[name]; !ok {
		for n := range z {
			if strings.EqualFold(n, name) {
				name = n
				break
			}
		}
	}
	if _, ok := z[name]; !ok {
		return nil, false, nil
	}
	data, err := z.read(name)
	return data, true, err
}

type relationship struct{ id, typ, target string }

// readRels reads the relationships of part; targets are resolved to part names.
func readRels(z zipFiles, part string) ([]relationship, error) {
	dir, file := path.Split(part)
	relsName := dir + "_rels/" + file + ".rels"
	data, ok, err := z.get(relsName)
	if err != nil || !ok {
		return nil, err
	}
	var out []relationship
	err = walkXML(data, func(t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			return nil
		}
		var r relationship
		external := false
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = a.Value
			case "TargetMode":
				external = a.Value == "External"
			}
		}
		if external {
			return nil
		}
		if strings.HasPrefix(r.target, "/") {
			r.target = path.Clean(r.target[1:])
		} else {
			r.target = path.Join(dir, r.target)
		}
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, damaged(relsName, err)
	}
	return out, nil
}

// walkXML calls f with every token of an XML document.
func walkXML(data []byte, f func(xml.Token) error) error {
	d := newTokens(data)
	for {
		t, err := d.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := f(t); err != nil {
			return err
		}
	}
}

// tokens reads the raw tokens of an XML document (names keep their prefix;
// only their local part matters here), checking what RawToken does not:
// that every element is closed, by its own name.
type tokens struct {
	d     *xml.Decoder
	open  []xml.Name
	ended bool
}

func newTokens(data []byte) *tokens {
	return &tokens{d: xml.NewDecoder(bytes.NewReader(data))}
}

func (t *tokens) next() (xml.Token, error) {
	tok, err := t.d.RawToken()
	if errors.Is(err, io.EOF) {
		if len(t.open) > 0 {
			return nil, fmt.Errorf("element <%s> is not closed", t.open[len(t.open)-1].Local)
		}
		if !t.ended {
			return nil, errors.New("no root element")
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, err
	}
	switch e := tok.(type) {
	case xml.StartElement:
		if t.ended && len(t.open) == 0 {
			return nil, errors.New("content after the root element")
		}
		t.open = append(t.open, e.Name)
	case xml.EndElement:
		if len(t.open) == 0 || t.open[len(t.open)-1] != e.Name {
			return nil, fmt.Errorf("element </%s> closes nothing", e.Name.Local)
		}
		t.open = t.open[:len(t.open)-1]
		t.ended = len(t.open) == 0
	}
	return tok, nil
}

type sheetEntry struct {
	name, rid string
	hidden    bool
}

// readWorkbook reads every worksheet of an .xlsx package, the visible ones
// first, each in the workbook's order.
func readWorkbook(z zipFiles) (*Book, error) {
	wbPart := "xl/workbook.xml"
	rootRels, err := readRels(z, "")
	if err != nil {
		return nil, err
	}
	for _, r := range rootRels {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			wbPart = r.target
		}
	}
	data, ok, err := z.get(wbPart)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, damaged(wbPart, nil)
	}
	var sheets []sheetEntry
	date1904 := false
	err = walkXML(data, func(t xml.Token) error {
		se, ok := t.(xml.StartElement)
		if !ok {
			return nil
		}
		switch se.Name.Local {
		case "workbookPr":
			for _, a := range se.Attr {
				if a.Name.Local == "date1904" {
					date1904 = a.Value == "1" || a.Value == "true"
				}
			}
		case "sheet":
			var s sheetEntry
			for _, a := range se.Attr {
				switch {
				case a.Name.Local == "name":
					s.name = a.Value
				case a.Name.Local == "id" && a.Name.Space != "":
					s.rid = a.Value
				case a.Name.Local == "state":
					s.hidden = a.Value != "visible"
				}
			}
			sheets = append(sheets, s)
		}
		return nil
	})
	if err != nil {
		return nil, damaged(wbPart, err)
	}
	rels, err := readRels(z, wbPart)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]relationship, len(rels))
	var sstPart, stylesPart string
	for _, r := range rels {
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			sstPart = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			stylesPart = r.target
		}
	}
	w := &workbook{date1904: date1904}
	if sstPart != "" {
		if w.strings, err = readSharedStrings(z, sstPart); err != nil {
			return nil, err
		}
	}
	if stylesPart != "" {
		if w.dates, err = readDateStyles(z, stylesPart); err != nil {
			return nil, err
		}
	}
	book := &Book{}
	var hidden []*Table
	for _, s := range sheets {
		r, ok := byID[s.rid]
		if !ok || !strings.HasSuffix(r.typ, "/worksheet") {
			continue // a chart sheet, a dialog sheet, or a sheet whose part is not there
		}
		data, ok, err := z.get(r.target)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, damaged(r.target, nil)
		}
		rows, err := w.readSheet(data)
		if err != nil {
			var se *Error
			if errors.As(err, &se) {
				return nil, err
			}
			return nil, errorf(0, "This workbook is damaged: its sheet %q cannot be read (%v). Open it in Excel and save it again, or download it again.", s.name, err)
		}
		t := &Table{Format: Format{Kind: Workbook, Sheet: s.name, Date1904: date1904}, Rows: rows}
		if s.hidden {
			hidden = append(hidden, t)
			continue
		}
		book.Tables = append(book.Tables, t)
	}
	book.Tables = append(book.Tables, hidden...)
	if len(book.Tables) == 0 {
		return nil, &Error{Message: "This workbook holds no sheet with cells (only charts, or nothing). Open it in Excel, check that the data is there, and save it again."}
	}
	return book, nil
}

// workbook is what reading a sheet needs from the rest of the package.
type workbook struct {
	strings  []string
	dates    []dateKind // by cell style (the index of a cellXfs entry)
	date1904 bool
	cells    int // cells allocated so far, for maxCells
}

// readSharedStrings reads the workbook's table of strings.
func readSharedStrings(z zipFiles, part string) ([]string, error) {
	data, ok, err := z.get(part)
	if err != nil || !ok {
		return nil, err
	}
	var out []string
	var b []byte
	inSI, inT, phonetic := false, false, 0
	err = walkXML(data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI, b = true, b[:0]
			case "t":
				inT = inSI && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cellString(b))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT {
				b = append(b, t...)
			}
		}
		return nil
	})
	if err != nil {
		return nil, damaged(part, err)
	}
	return out, nil
}

// cellString turns the text of a string cell into what a person sees:
// _xHHHH_ escapes decoded and CRLF line breaks made LF.
func cellString(b []byte) string {
	if bytes.IndexByte(b, '_') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '_' && i+6 < len(b) && b[i+1] == 'x' && b[i+6] == '_' {
			if v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16); err == nil {
				out.WriteRune(rune(v))
				i += 6
				continue
			}
		}
		out.WriteByte(b[i])
	}
	return strings.ReplaceAll(strings.ReplaceAll(out.String(), "\r\n", "\n"), "\r", "\n")
}

// dateKind is what a cell's number format shows a number as.
type dateKind uint8

const (
	notDate dateKind = iota
	dateOnly
	timeOnly
	dateTime
)

// readDateStyles reads which cell styles show numbers as dates or times.
func readDateStyles(z zipFiles, part string) ([]dateKind, error) {
	data, ok, err := z.get(part)
	if err != nil || !ok {
		return nil, err
	}
	custom := make(map[int]string)
	var xfs []int
	inCellXfs := false
	err = walkXML(data, func(t xml.Token) error {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				id, code := -1, ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "numFmtId":
						id, _ = strconv.Atoi(a.Value)
					case "formatCode":
						code = a.Value
					}
				}
				custom[id] = code
			case "cellXfs":
				inCellXfs = true
			case "xf":
				if inCellXfs {
					id := 0
					for _, a := range t.Attr {
						if a.Name.Local == "numFmtId" {
							id, _ = strconv.Atoi(a.Value)
						}
					}
					xfs = append(xfs, id)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inCellXfs = false
			}
		}
		return nil
	})
	if err != nil {
		return nil, damaged(part, err)
	}
	out := make([]dateKind, len(xfs))
	for i, id := range xfs {
		if code, ok := custom[id]; ok {
			out[i] = formatKind(code)
		} else {
			out[i] = builtinKind(id)
		}
	}
	return out, nil
}

// builtinKind classifies Excel's built-in number formats (ECMA-376 §18.8.30,
// and the East Asian date formats Excel also treats as dates).
func builtinKind(id int) dateKind {
	switch {
	case id >= 14 && id <= 17, id >= 27 && id <= 31, id >= 34 && id <= 36, id >= 50 && id <= 58:
		return dateOnly
	case id >= 18 && id <= 21, id == 45, id == 47, id == 32, id == 33:
		return timeOnly
	case id == 22:
		return dateTime
	}
	return notDate
}

// formatKind classifies a custom number format by the date and time codes
// in its first section, outside quoted text, escapes and [brackets].
func formatKind(code string) dateKind {
	var date, clock, month bool
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is shown as it is
		case c == ';':
			i = len(code)
		default:
			switch c | 0x20 {
			case 'y', 'd':
				date = true
			case 'm':
				month = true
			case 'h', 's':
				clock = true
			}
		}
	}
	if month && !clock {
		date = true // m alone is a month; with h or s it is minutes
	}
	switch {
	case date && clock:
		return dateTime
	case date:
		return dateOnly
	case clock:
		return timeOnly
	}
	return notDate
}

// readSheet reads the rows of a worksheet.
func (w *workbook) readSheet(data []byte) ([]Row, error) {
	d := newTokens(data)
	var (
		rows                []Row
		cur                 []string // cells of the row being read
		rowNum, lastRow     int
		col, lastCol        int
		typ                 string
		style               int
		value, inline       []byte
		inData, inV, inT    bool
		inIS, hasV, hasText bool
		phonetic            int
	)
	for {
		tok, err := d.next()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "sheetData":
				inData = true
			case !inData:
			case name == "row":
				rowNum = lastRow + 1
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						n, err := strconv.Atoi(a.Value)
						if err != nil || n < 1 {
							return nil, fmt.Errorf("row number %q", a.Value)
						}
						rowNum = n
					}
				}
				if rowNum <= lastRow || rowNum > maxRows {
					return nil, fmt.Errorf("row %d out of order", rowNum)
				}
				lastRow, lastCol, cur = rowNum, -1, cur[:0]
			case name == "c":
				col, typ, style = lastCol+1, "", 0
				value, inline, hasV, hasText = value[:0], inline[:0], false, false
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						c, ok := columnOf(a.Value)
						if !ok {
							return nil, fmt.Errorf("cell reference %q", a.Value)
						}
						col = c
					case "t":
						typ = a.Value
					case "s":
						style, _ = strconv.Atoi(a.Value)
					}
				}
				if col >= maxColumns {
					return nil, fmt.Errorf("cell beyond column %s", ColumnName(maxColumns-1))
				}
				lastCol = col
			case name == "v":
				inV, hasV = true, true
			case name == "is":
				inIS = true
			case name == "rPh":
				phonetic++
			case name == "t":
				inT = inIS && phonetic == 0
				hasText = hasText || inT
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "t":
				inT = false
			case "is":
				inIS = false
			case "rPh":
				phonetic--
			case "c":
				if !inData {
					break
				}
				text, err := w.cellText(typ, style, value, inline, hasV, hasText)
				if err != nil {
					return nil, err
				}
				if text != "" {
					for len(cur) <= col {
						cur = append(cur, "")
					}
					cur[col] = text
				}
			case "row":
				if !inData || len(cur) == 0 {
					break
				}
				r := Row{Num: rowNum, Cells: append([]string(nil), cur...)}
				if w.cells += len(cur); w.cells > maxCells {
					return nil, &Error{Message: fmt.Sprintf("This workbook holds more than %d million cells, more than a survey or an inventory should; remove the sheets and columns it does not need.", maxCells/1_000_000)}
				}
				if !r.Blank() {
					rows = append(rows, r)
				}
			}
		case xml.CharData:
			switch {
			case inV:
				value = append(value, t...)
			case inT:
				inline = append(inline, t...)
			}
		}
	}
}

// cellText is the text of one cell as Excel shows it by default.
func (w *workbook) cellText(typ string, style int, value, inline []byte, hasV, hasText bool) (string, error) {
	switch typ {
	case "inlineStr":
		if hasText {
			return cellString(inline), nil
		}
		return cellString(value), nil
	case "s":
		if !hasV {
			return "", nil
		}
		i, err := strconv.Atoi(string(bytes.TrimSpace(value)))
		if err != nil || i < 0 || i >= len(w.strings) {
			return "", fmt.Errorf("shared string %q", value)
		}
		return w.strings[i], nil
	case "str", "e":
		return cellString(value), nil
	case "b":
		switch string(value) {
		case "1", "true":
			return "TRUE", nil
		case "0", "false":
			return "FALSE", nil
		}
		return string(value), nil
	case "d":
		s := string(value)
		s = strings.TrimSuffix(strings.TrimSuffix(s, "Z"), ".000")
		s = strings.TrimSuffix(s, "T00:00:00")
		return strings.Replace(s, "T", " ", 1), nil
	}
	if !hasV || len(value) == 0 {
		return "", nil
	}
	s := string(bytes.TrimSpace(value))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s, nil // not a number after all: keep what the file says
	}
	if style >= 0 && style < len(w.dates) && w.dates[style] != notDate {
		if t, ok := serialText(v, w.dates[style], w.date1904); ok {
			return t, nil
		}
	}
	return FormatNumber(v), nil
}

// FormatNumber writes a number as Excel shows it by default: at most 15
// significant digits, without an exponent or trailing zeros.
func FormatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// SerialDate writes an Excel date serial number of a whole day as
// "2006-01-02"; it reports false for a number that is not a whole day of
// the years Excel knows.
func SerialDate(v float64, date1904 bool) (string, bool) {
	if v != math.Trunc(v) || v < 1 {
		return "", false
	}
	return serialText(v, dateOnly, date1904)
}

// serialText writes an Excel date serial number as "2006-01-02", a time as
// "15:04:05", or both; it reports false for a number that is no date.
func serialText(v float64, kind dateKind, date1904 bool) (string, bool) {
	if math.IsNaN(v) || v < 0 || v >= 2958466 {
		return "", false
	}
	secs := math.Round(v * 86400)
	days := int(secs / 86400)
	sod := int(secs) - days*86400
	clock := time.Duration(sod) * time.Second
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	case days == 60:
		return "", false // 1900-02-29, which Excel counts but which never was
	case days < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	}
	t = t.Add(clock)
	switch {
	case kind == timeOnly && days == 0:
		return t.Format("15:04:05"), true
	case sod == 0 && kind != timeOnly:
		return t.Format(time.DateOnly), true
	}
	return t.Format(time.DateTime), true
}

// columnOf reads the column of a cell reference such as "AB12" (from 0).
func columnOf(ref string) (int, bool) {
	col, i := 0, 0
	for i < len(ref) {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxColumns {
			return 0, false
		}
		i++
	}
	if i == 0 {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col - 1, true
}
