package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readText reads delimited text: it finds the encoding (a byte-order mark,
// or UTF-8 when the bytes are valid UTF-8, else Mac OS Roman for a file with
// only old Mac line ends, else Windows-1252, as Excel saves "CSV"), the line
// ends (CRLF, LF, or CR alone), Excel's "sep=" line, and the delimiter (the
// one of comma, semicolon and tab the header row holds most of).
func readText(data []byte, o Options) (*Table, error) {
	text, enc, err := decode(data, o.Encoding)
	if err != nil {
		return nil, err
	}
	text = bytes.TrimPrefix(text, []byte("\ufeff"))
	if bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') >= 0 {
		text = bytes.ReplaceAll(text, []byte("\r"), []byte("\n")) // old Mac line ends
	}
	delim := o.Delimiter
	if d, rest, ok := sepLine(text); ok {
		// Excel's "sep=;" line names the delimiter and is not shown as a row.
		text = rest
		if delim == 0 {
			delim = d
		}
	}
	if delim == 0 {
		delim = detectDelimiter(text)
	}
	if delim == '"' || delim == '\r' || delim == '\n' || !utf8.ValidRune(delim) || delim == utf8.RuneError {
		return nil, errorf(0, "%q cannot separate the fields of a text file", delim)
	}
	rows, err := parseDelimited(text, delim)
	if err != nil {
		return nil, err
	}
	return &Table{Format: Format{Kind: Text, Encoding: enc, Delimiter: delim}, Rows: rows}, nil
}

// decode returns the text of data in UTF-8 and the encoding it was read in.
func decode(data []byte, want Encoding) ([]byte, Encoding, error) {
	var bom Encoding
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		bom = UTF8
	case bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")):
		return nil, "", &Error{Message: "This text file is saved as UTF-32, which cannot be read here. Save it as \"CSV UTF-8\" and import that file."}
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		bom = UTF16LE
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		bom = UTF16BE
	}
	enc := want
	if enc == "" {
		enc = bom
	}
	if bom != "" && bom == enc {
		data = data[len(bomOf(bom)):]
	}
	if enc == "" {
		switch {
		case bytes.IndexByte(data, 0) >= 0:
			if looksUTF16(data) {
				return nil, "", &Error{Message: "This text file is saved as Unicode (UTF-16) without the mark at its start that says how to read it. Open it in a spreadsheet and save it as \"CSV UTF-8\", then import that file."}
			}
			return nil, "", errorf(0, "This file is neither text nor a workbook that can be read here. In the program that made it, %s.", saveAs)
		case utf8.Valid(data):
			enc = UTF8
		case bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0:
			enc = MacRoman // a "CSV" of Excel for Mac before 2016: Mac characters, CR line ends
		default:
			enc = Windows1252 // Excel's "CSV (Comma delimited)" on Windows
		}
	}
	switch enc {
	case UTF8:
		if !utf8.Valid(data) {
			i := 0
			for i < len(data) {
				r, size := utf8.DecodeRune(data[i:])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				i += size
			}
			return nil, "", errorf(0, "The text is not valid UTF-8 (on line %d of the file). It may be saved with other characters: choose how the text was saved, or save it as \"CSV UTF-8\".", lineAt(data, i))
		}
		return data, enc, nil
	case Windows1252:
		s, bad := decodeSingleByte(data, &windows1252)
		if bad >= 0 {
			return nil, "", errorf(0, "Byte 0x%02X on line %d of the file is not a Windows Western character: the file is saved with other characters. Choose how the text was saved, or save it as \"CSV UTF-8\".", data[bad], lineAt(data, bad))
		}
		return s, enc, nil
	case MacRoman:
		s, _ := decodeSingleByte(data, &macRoman)
		return s, enc, nil
	case UTF16LE, UTF16BE:
		return decodeUTF16(data, enc)
	}
	return nil, "", errorf(0, "%q is not an encoding that can be read; use one of %v", enc, Encodings())
}

func bomOf(e Encoding) string {
	switch e {
	case UTF8:
		return "\xef\xbb\xbf"
	case UTF16LE:
		return "\xff\xfe"
	case UTF16BE:
		return "\xfe\xff"
	}
	return ""
}

// lineAt returns the line of the file that byte i is on, from 1.
func lineAt(data []byte, i int) int {
	i = min(i, len(data))
	if n := bytes.Count(data[:i], []byte("\n")); n > 0 || bytes.IndexByte(data, '\n') >= 0 {
		return n + 1
	}
	return bytes.Count(data[:i], []byte("\r")) + 1
}

// looksUTF16 reports whether text holds the zero bytes of mostly-ASCII
// UTF-16 at every other position.
func looksUTF16(data []byte) bool {
	n := min(len(data), 2048) &^ 1
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	return pairs > 0 && (odd*10 > pairs*7 && even*10 < pairs || even*10 > pairs*7 && odd*10 < pairs)
}

func decodeUTF16(data []byte, enc Encoding) ([]byte, Encoding, error) {
	if len(data)%2 != 0 {
		return nil, "", &Error{Message: "The Unicode (UTF-16) text ends in the middle of a character: the file is incomplete. Save or download it again."}
	}
	unit := func(i int) rune {
		if enc == UTF16LE {
			return rune(data[i]) | rune(data[i+1])<<8
		}
		return rune(data[i])<<8 | rune(data[i+1])
	}
	b := make([]byte, 0, len(data)/2+len(data)/8)
	line := 1
	for i := 0; i < len(data); i += 2 {
		r := unit(i)
		switch {
		case r == 0:
			return nil, "", errorf(0, "The Unicode (UTF-16) text holds an empty character on line %d: the file is damaged, or saved another way. Save it as \"CSV UTF-8\" and import that file.", line)
		case r >= 0xd800 && r < 0xdc00:
			if i+3 < len(data) {
				if r2 := unit(i + 2); r2 >= 0xdc00 && r2 < 0xe000 {
					b = utf8.AppendRune(b, 0x10000+(r-0xd800)<<10+(r2-0xdc00))
					i += 2
					continue
				}
			}
			fallthrough
		case r >= 0xdc00 && r < 0xe000:
			return nil, "", errorf(0, "The Unicode (UTF-16) text holds a broken character on line %d: the file is damaged. Save or download it again.", line)
		case r == '\n':
			line++
		}
		b = utf8.AppendRune(b, r)
	}
	return b, enc, nil
}

// decodeSingleByte decodes text in a code page whose upper half is table;
// it returns the index of the first byte the code page lacks, or -1.
func decodeSingleByte(data []byte, table *[128]rune) ([]byte, int) {
	b := make([]byte, 0, len(data)+len(data)/8)
	for i, c := range data {
		if c < 0x80 {
			b = append(b, c)
			continue
		}
		r := table[c-0x80]
		if r == 0 {
			return nil, i
		}
		b = utf8.AppendRune(b, r)
	}
	return b, -1
}

// sepLine reads Excel's first line "sep=;" (possibly in quotes), which names
// the delimiter.
func sepLine(text []byte) (rune, []byte, bool) {
	line, rest, ok := bytes.Cut(text, []byte("\n"))
	if !ok {
		return 0, nil, false
	}
	line = bytes.Trim(bytes.TrimSuffix(line, []byte("\r")), `"`)
	if !bytes.HasPrefix(bytes.ToLower(line), []byte("sep=")) {
		return 0, nil, false
	}
	r, size := utf8.DecodeRune(line[4:])
	if size == 0 || 4+size != len(line) {
		return 0, nil, false
	}
	return r, rest, true
}

// detectDelimiter chooses comma, or a semicolon (spreadsheets saved where a
// comma marks decimals) or a tab when the header row holds more of them than
// commas, counting outside quotes.
func detectDelimiter(text []byte) rune {
	var commas, semis, tabs int
	quoted := false
scan:
	for i := 0; i < len(text); i++ {
		switch b := text[i]; {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			break scan
		case b == ',':
			commas++
		case b == ';':
			semis++
		case b == '\t':
			tabs++
		}
	}
	switch {
	case tabs > commas && tabs >= semis:
		return '\t'
	case semis > commas:
		return ';'
	}
	return ','
}

// parseDelimited splits the text into rows, numbering them as a spreadsheet
// does: a cell in quotes that spans lines is one row, a blank line is a row
// of its own.
func parseDelimited(text []byte, delim rune) ([]Row, error) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	var rows []Row
	row := 0     // the spreadsheet row of the last record read
	endLine := 0 // the line of the text that record ends on
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, syntaxError(err, row, endLine)
		}
		line, _ := cr.FieldPos(0)
		row += line - endLine
		endLine = line
		for _, f := range rec {
			endLine += strings.Count(f, "\n")
		}
		r := Row{Num: row, Cells: rec}
		if !r.Blank() {
			rows = append(rows, r)
		}
	}
}

// syntaxError says what is wrong with the quotes of a row, in the row a
// spreadsheet would show.
func syntaxError(err error, row, endLine int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return errorf(0, "the file could not be read: %v", err)
	}
	at := row + max(pe.StartLine-endLine, 1)
	var msg string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = "a cell that does not start with a quote mark holds one; put the whole cell in quotes and double each quote mark inside it (\"\")"
	case errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine < pe.Line:
		msg = fmt.Sprintf("a cell in quotes that starts in this row does not seem to end (the text runs on for %d more lines); add its closing quote mark, and double each quote mark inside it (\"\")", pe.Line-pe.StartLine)
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = "a quote mark inside a cell in quotes must be doubled (\"\"), and the cell must end with a quote mark"
	default:
		msg = pe.Err.Error()
	}
	return errorf(at, "The file is not valid CSV: %s.", msg)
}
