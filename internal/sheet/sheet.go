// Package sheet reads the tables people keep in spreadsheets, whatever tool
// saved them: delimited text (CSV and TSV, in UTF-8, UTF-16, Windows-1252 or
// Mac OS Roman, separated by commas, semicolons or tabs, with any line ends),
// Excel workbooks (.xlsx), and the .zip files survey tools download. It
// tells a file it cannot read (a PDF, an image, an old .xls) by its content
// and says in one sentence what the file is and what to save it as.
//
// A Table keeps each row with its number as a spreadsheet shows it (row 1 is
// the first row), so that a problem can name the row a person sees. The
// package knows nothing of what the tables hold: readiness and partnership
// read surveys and inventories from its tables.
package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Kind is what sort of file a table came from.
type Kind int

// The kinds of file Read understands.
const (
	// Text is delimited text: CSV, TSV, Excel's "Unicode Text".
	Text Kind = iota
	// Workbook is an Excel workbook (.xlsx).
	Workbook
)

// Encoding is how the characters of a text file are written.
type Encoding string

// The encodings Read understands.
const (
	UTF8        Encoding = "UTF-8"
	UTF16LE     Encoding = "UTF-16LE"
	UTF16BE     Encoding = "UTF-16BE"
	Windows1252 Encoding = "Windows-1252"
	MacRoman    Encoding = "Mac OS Roman"
)

// Encodings returns the encodings Read understands, in the order a person
// would choose among them.
func Encodings() []Encoding {
	return []Encoding{UTF8, Windows1252, MacRoman, UTF16LE, UTF16BE}
}

// Describe says in plain words how text in the encoding was saved.
func (e Encoding) Describe() string {
	switch e {
	case UTF8:
		return "Unicode (UTF-8)"
	case UTF16LE:
		return "Unicode (UTF-16)"
	case UTF16BE:
		// Notepad's name for it; without it, the two look alike in a list.
		return "Unicode big endian (UTF-16)"
	case Windows1252:
		return "Windows Western characters"
	case MacRoman:
		return "Mac Western characters"
	}
	return string(e)
}

// Format says how a table was stored.
type Format struct {
	Kind Kind
	// Encoding and Delimiter are those of a text file.
	Encoding  Encoding
	Delimiter rune
	// Member is the name of the file inside a .zip the table came from.
	Member string
	// Sheet is the name of the workbook's sheet.
	Sheet string
	// Date1904 is true for a workbook whose date serial numbers count from
	// 1904 (old Excel for Mac), not from 1900.
	Date1904 bool
}

// Describe says in plain words what the table is, such as
// `an Excel workbook, sheet "Form1"` or
// `a CSV file (Windows Western characters, separated by semicolons)`.
func (f Format) Describe() string {
	var s string
	if f.Kind == Workbook {
		s = "an Excel workbook"
		if f.Sheet != "" {
			s += fmt.Sprintf(", sheet %q", f.Sheet)
		}
	} else {
		what := "a CSV file"
		if f.Delimiter == '\t' {
			what = "a tab-separated text file"
		}
		s = fmt.Sprintf("%s (%s, %s)", what, f.Encoding.Describe(), DelimiterName(f.Delimiter))
	}
	if f.Member != "" {
		s += fmt.Sprintf(", inside the .zip file as %q", f.Member)
	}
	return s
}

// DelimiterName says how the fields of a text file are separated.
func DelimiterName(r rune) string {
	switch r {
	case ',':
		return "separated by commas"
	case ';':
		return "separated by semicolons"
	case '\t':
		return "separated by tabs"
	}
	return fmt.Sprintf("separated by %q", r)
}

// Row is one row of a table with its number as the spreadsheet shows it.
// Cells holds the text of each cell as the file gives it; a row may have
// fewer cells than the table has columns.
type Row struct {
	Num   int
	Cells []string
}

// Cell returns the text of column j, or "" for a cell the row does not have.
func (r Row) Cell(j int) string {
	if j < 0 || j >= len(r.Cells) {
		return ""
	}
	return r.Cells[j]
}

// Blank reports whether every cell of the row is empty or spaces.
func (r Row) Blank() bool {
	for _, s := range r.Cells {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// Table is one sheet of a workbook, or the whole of a text file. Rows holds
// the rows that have a cell that is not empty, in order; a blank row is left
// out, but the numbers of the others stay those the spreadsheet shows.
type Table struct {
	Format Format
	Rows   []Row
}

// Name names the table for a person: the sheet, the file inside the .zip, or "".
func (t *Table) Name() string {
	if t.Format.Sheet != "" {
		return t.Format.Sheet
	}
	return t.Format.Member
}

// Book is what Read found in a file: its tables, in the file's order.
type Book struct {
	Tables []*Table
}

// Error is a file Read cannot read, with a sentence that says what the file
// is and what to do; Row is the spreadsheet row the problem is on, or 0 for
// the whole file.
type Error struct {
	Row     int
	Message string
	// File names a kind of file that is not a spreadsheet but that a caller
	// may want to say more about: "JSON".
	File string
}

func (e *Error) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("row %d: %s", e.Row, e.Message)
	}
	return e.Message
}

func errorf(row int, format string, args ...any) *Error {
	return &Error{Row: row, Message: fmt.Sprintf(format, args...)}
}

// ColumnName returns the letters a spreadsheet names column j (from 0) by:
// A, B, ... Z, AA, AB, ...
func ColumnName(j int) string {
	if j < 0 {
		return ""
	}
	var b [8]byte
	i := len(b)
	for j >= 0 {
		i--
		b[i] = byte('A' + j%26)
		j = j/26 - 1
	}
	return string(b[i:])
}

// Source says how a table was read, in the shape of partnership.SheetSource
// (a struct of the same fields, so that one converts to the other).
type Source struct {
	File      string
	Encoding  string
	Delimiter string
	Sheet     string
	Sheets    []string
}

// Source describes table t of the book.
func (b *Book) Source(t *Table) Source {
	s := Source{File: t.Format.Describe(), Sheet: t.Name()}
	if t.Format.Kind == Text {
		s.Encoding, s.Delimiter = string(t.Format.Encoding), string(t.Format.Delimiter)
	}
	if len(b.Tables) > 1 {
		for _, x := range b.Tables {
			s.Sheets = append(s.Sheets, x.Name())
		}
	}
	return s
}

// Table returns the table named name (a sheet, or a file inside a .zip).
func (b *Book) Table(name string) (*Table, bool) {
	for _, t := range b.Tables {
		if t.Name() == name {
			return t, true
		}
	}
	return nil, false
}

// Names lists the names of the book's tables, quoted, for a message.
func (b *Book) Names() string {
	names := make([]string, len(b.Tables))
	for i, t := range b.Tables {
		names[i] = strconv.Quote(t.Name())
	}
	return strings.Join(names, ", ")
}

// Open reads a file as Read does, with its encoding and delimiter chosen as
// ParseOptions reads them, and returns the book and the tables to look in:
// the one named sheet, or every table when sheet is "". Its errors are
// *Error values.
func Open(r io.Reader, encoding, delimiter, sheet string, textOnly bool) (*Book, []*Table, error) {
	o, err := ParseOptions(encoding, delimiter)
	if err != nil {
		return nil, nil, &Error{Message: err.Error()}
	}
	o.TextOnly = textOnly
	b, err := Read(r, o)
	if err != nil {
		return nil, nil, err
	}
	if sheet == "" {
		return b, b.Tables, nil
	}
	t, ok := b.Table(sheet)
	if !ok {
		return nil, nil, &Error{Message: fmt.Sprintf("The file has no sheet %q; it has %s.", sheet, b.Names())}
	}
	return b, []*Table{t}, nil
}

// ParseOptions reads an encoding and a delimiter as a person chooses them:
// an encoding's name ("" detects it) and ",", ";" or a tab ("" or "auto"
// detects it; "tab" and "\t" are a tab).
func ParseOptions(encoding, delimiter string) (Options, error) {
	var o Options
	if encoding != "" {
		found := false
		for _, e := range Encodings() {
			if strings.EqualFold(encoding, string(e)) {
				o.Encoding, found = e, true
			}
		}
		if !found {
			names := make([]string, 0, 5)
			for _, e := range Encodings() {
				names = append(names, string(e))
			}
			return o, fmt.Errorf("%q is not an encoding that can be read; use one of %s", encoding, strings.Join(names, ", "))
		}
	}
	switch strings.ToLower(delimiter) {
	case "", "auto":
	case ",", ";":
		o.Delimiter = rune(delimiter[0])
	case "\t", "tab":
		o.Delimiter = '\t'
	default:
		return o, fmt.Errorf("%q cannot separate the fields of a text file; use a comma, a semicolon or a tab", delimiter)
	}
	return o, nil
}
