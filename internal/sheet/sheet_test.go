package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

func TestCodePagesMatchXText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table *[128]rune
		cm    *charmap.Charmap
	}{{"Windows-1252", &windows1252, charmap.Windows1252}, {"Mac OS Roman", &macRoman, charmap.Macintosh}} {
		for i, r := range tc.table {
			want := tc.cm.DecodeByte(byte(0x80 + i))
			if r == 0 {
				assert.Equal(t, utf8.RuneError, want, "%s 0x%02X is undefined", tc.name, 0x80+i)
				continue
			}
			assert.Equal(t, want, r, "%s 0x%02X", tc.name, 0x80+i)
		}
	}
}

func utf16Bytes(s string, le bool) []byte {
	var b []byte
	if le {
		b = []byte{0xff, 0xfe}
	} else {
		b = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if le {
			b = append(b, byte(u), byte(u>>8))
		} else {
			b = append(b, byte(u>>8), byte(u))
		}
	}
	return b
}

func readOne(t *testing.T, data []byte, o Options) *Table {
	t.Helper()
	b, err := ReadBytes(data, o)
	require.NoError(t, err)
	require.Len(t, b.Tables, 1)
	return b.Tables[0]
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		enc   Encoding
		delim rune
		rows  []Row
	}{
		{"UTF-8 with BOM, CRLF", []byte("\ufeffName,Team\r\nZoë,District\r\n"), UTF8, ',',
			[]Row{{1, []string{"Name", "Team"}}, {2, []string{"Zoë", "District"}}}},
		{"Windows-1252", []byte("Name;Rating\r\nZo\xeb;4 \x96 all\r\n"), Windows1252, ';',
			[]Row{{1, []string{"Name", "Rating"}}, {2, []string{"Zoë", "4 – all"}}}},
		{"old Mac: CR alone, Mac Roman", []byte("Name,Rating\rZo\x89,4 \xd0 all\r"), MacRoman, ',',
			[]Row{{1, []string{"Name", "Rating"}}, {2, []string{"Zoâ", "4 – all"}}}},
		{"UTF-16LE tabs", utf16Bytes("Name\tTeam\r\nZoë\t\"Dis\ttrict\"\r\n", true), UTF16LE, '\t',
			[]Row{{1, []string{"Name", "Team"}}, {2, []string{"Zoë", "Dis\ttrict"}}}},
		{"UTF-16BE", utf16Bytes("Name,Team\n😀,D\n", false), UTF16BE, ',',
			[]Row{{1, []string{"Name", "Team"}}, {2, []string{"😀", "D"}}}},
		{"sep line", []byte("sep=;\nA;B,C\n1;2\n"), UTF8, ';',
			[]Row{{1, []string{"A", "B,C"}}, {2, []string{"1", "2"}}}},
		{"rows as a spreadsheet numbers them", []byte("A,B\n\"two\nlines\",x\n\n,\nlast,y\n"), UTF8, ',',
			[]Row{{1, []string{"A", "B"}}, {2, []string{"two\nlines", "x"}}, {5, []string{"last", "y"}}}},
		{"quoted header delimiters do not count", []byte("Name,\"a; b; c\"\nA,1\n"), UTF8, ',',
			[]Row{{1, []string{"Name", "a; b; c"}}, {2, []string{"A", "1"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := readOne(t, tt.data, Options{})
			assert.Equal(t, tt.enc, tb.Format.Encoding)
			assert.Equal(t, tt.delim, tb.Format.Delimiter)
			assert.Equal(t, tt.rows, tb.Rows)
		})
	}
}

func TestReadTextOverride(t *testing.T) {
	data := []byte("Name\r\nZo\x89\r\n") // Mac Roman ë (0x89 is ‰ in Windows-1252)
	assert.Equal(t, "Zo‰", readOne(t, data, Options{}).Rows[1].Cells[0], "CRLF without UTF-8 reads as Windows")
	tb := readOne(t, data, Options{Encoding: MacRoman})
	assert.Equal(t, "Zoâ", tb.Rows[1].Cells[0])
	assert.Equal(t, MacRoman, tb.Format.Encoding)
	tb = readOne(t, []byte("a;b,c\n1;2,3\n"), Options{Delimiter: ','})
	assert.Equal(t, []string{"a;b", "c"}, tb.Rows[0].Cells)
}

func TestReadRefuses(t *testing.T) {
	ole := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 100)...)
	tests := []struct {
		name string
		data []byte
		o    Options
		want string
		row  int
	}{
		{"empty", nil, Options{}, "The file is empty", 0},
		{"PDF", []byte("%PDF-1.7\n..."), Options{}, "This is a PDF document", 0},
		{"PNG", []byte("\x89PNG\r\n\x1a\n...."), Options{}, "This is an image (PNG)", 0},
		{"JPEG", []byte("\xff\xd8\xff\xe0..JFIF"), Options{}, "This is an image (JPEG)", 0},
		{"xls", append(ole, []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00")...), Options{}, "Excel 97–2003 workbook (.xls)", 0},
		{"doc", append(ole, []byte("W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00")...), Options{}, "Word 97–2003 document", 0},
		{"protected", append(ole, utf16Bytes("EncryptedPackage", true)[2:]...), Options{}, "protected by a password", 0},
		{"HTML as .xls", []byte("\n<html><table><tr><td>1</td></tr></table></html>"), Options{}, "This is a web page (HTML)", 0},
		{"SpreadsheetML", []byte(`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`), Options{}, "Excel 2003 XML spreadsheet", 0},
		{"JSON", []byte(`{"rater":"A"}`), Options{}, "This is JSON data", 0},
		{"UTF-16 without BOM", []byte("N\x00a\x00m\x00e\x00,\x00T\x00\n\x00"), Options{}, "without the mark", 0},
		{"binary", []byte("\x00\x01\x02\x03\x00\x00\x00\x01\x02"), Options{}, "neither text nor a workbook", 0},
		{"bad UTF-8 when asked for", []byte("a\nb\xff\n"), Options{Encoding: UTF8}, "not valid UTF-8 (on line 2", 0},
		{"undefined Windows byte", []byte("a\r\nb\x81\r\n"), Options{}, "Byte 0x81 on line 2", 0},
		{"open quote", []byte("A,B\nx,\"never\nclosed\n"), Options{}, "does not seem to end", 2},
		{"bare quote", []byte("A,B\n\n5\" binder,x\n"), Options{}, "does not start with a quote mark", 3},
		{"broken zip", []byte("PK\x03\x04garbage"), Options{}, "damaged or incomplete", 0},
		{"workbook as text", mustWorkbook(t, [][]Cell{{TextCell("a")}}), Options{TextOnly: true}, "not CSV text", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes(tt.data, tt.o)
			var se *Error
			require.True(t, errors.As(err, &se), "%v", err)
			assert.Contains(t, se.Message, tt.want)
			assert.Equal(t, tt.row, se.Row, "%v", err)
		})
	}
}

func mustWorkbook(t testing.TB, rows [][]Cell) []byte {
	var buf bytes.Buffer
	require.NoError(t, WriteWorkbook(&buf, "Sheet & 1", rows))
	return buf.Bytes()
}

func TestWorkbookRoundTrip(t *testing.T) {
	data := mustWorkbook(t, [][]Cell{
		{TextCell("Name"), TextCell("Start"), TextCell("Hours")},
		{TextCell("Coaching <cycle> & _x0041_\nnext line"), DateCell("2027-03-02"), NumberCell(2.5)},
		{TextCell(""), TextCell("not a date"), NumberCell(0.1 + 0.2)},
	})
	tb := readOne(t, data, Options{})
	assert.Equal(t, Format{Kind: Workbook, Sheet: "Sheet & 1"}, tb.Format)
	for v, want := range map[float64]string{46448: "2027-03-02", 1: "1900-01-01", 59: "1900-02-28", 61: "1900-03-01"} {
		got, ok := SerialDate(v, false)
		assert.True(t, ok)
		assert.Equal(t, want, got, "%v", v)
	}
	got, _ := SerialDate(44986, true)
	assert.Equal(t, "2027-03-02", got, "1904 date system")
	for _, v := range []float64{0, 60, 2.5, -3, 3e6} {
		_, ok := SerialDate(v, false)
		assert.False(t, ok, "%v", v)
	}
	assert.Equal(t, []Row{
		{1, []string{"Name", "Start", "Hours"}},
		{2, []string{"Coaching <cycle> & _x0041_\nnext line", "2027-03-02", "2.5"}},
		{3, []string{"", "not a date", "0.3"}},
	}, tb.Rows)
}

// zipOf builds a .zip of the named parts.
func zipOf(t testing.TB, parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		f, err := zw.Create(parts[i])
		require.NoError(t, err)
		_, err = f.Write([]byte(parts[i+1]))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// A workbook as Excel and Microsoft Forms write it: shared strings with rich
// text and phonetic guides, styles with a date-time format, cells without
// references, a formula, a boolean, an error, a hidden sheet and a chart sheet.
func TestReadWorkbookAsExcelWritesIt(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const relNS = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	data := zipOf(t,
		"[Content_Types].xml", `<Types/>`,
		"_rels/.rels", `<Relationships><Relationship Id="rId1" Type="`+relNS+`/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<workbook `+ns+`><workbookPr date1904="false"/><sheets>`+
			`<sheet name="Hidden" sheetId="3" state="hidden" r:id="rId3"/>`+
			`<sheet name="Chart" sheetId="4" r:id="rId4"/>`+
			`<sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships>`+
			`<Relationship Id="rId1" Type="`+relNS+`/worksheet" Target="worksheets/sheet1.xml"/>`+
			`<Relationship Id="rId3" Type="`+relNS+`/worksheet" Target="worksheets/sheet3.xml"/>`+
			`<Relationship Id="rId4" Type="`+relNS+`/chartsheet" Target="chartsheets/sheet1.xml"/>`+
			`<Relationship Id="rId5" Type="`+relNS+`/sharedStrings" Target="sharedStrings.xml"/>`+
			`<Relationship Id="rId6" Type="`+relNS+`/styles" Target="styles.xml"/></Relationships>`,
		"xl/sharedStrings.xml", `<sst `+ns+`><si><t>Name</t></si><si><r><rPr><b/></rPr><t>Zo</t></r><r><t xml:space="preserve">ë </t></r><rPh><t>ZO</t></rPh></si>`+
			`<si><t>Line one_x000D_
line two</t></si><si><t>Completion time</t></si></sst>`,
		"xl/styles.xml", `<styleSheet `+ns+`><numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy\ h:mm;@"/></numFmts>`+
			`<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml", `<worksheet `+ns+`><dimension ref="A1:F3"/><sheetData>`+
			`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>3</v></c><c r="D1" t="inlineStr"><is><t>Rating</t></is></c></row>`+
			`<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>46448.385474537</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><f>1+2</f><v>3</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="s"><v>2</v></c></row>`+
			`<row r="4"><c r="A4" s="2"/></row>`+
			`</sheetData><mergeCells count="0"/></worksheet>`,
		"xl/worksheets/sheet3.xml", `<worksheet `+ns+`><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>secret</t></is></c></row></sheetData></worksheet>`,
		"xl/chartsheets/sheet1.xml", `<chartsheet/>`,
	)
	b, err := ReadBytes(data, Options{})
	require.NoError(t, err)
	require.Len(t, b.Tables, 2, "the chart sheet is left out")
	form := b.Tables[0]
	assert.Equal(t, "Form1", form.Name(), "visible sheets come first")
	assert.Equal(t, []Row{
		{1, []string{"Name", "Completion time", "", "Rating"}},
		{3, []string{"Zoë ", "2027-03-02 09:15:05", "TRUE", "3", "#N/A", "Line one\nline two"}},
	}, form.Rows)
	assert.Equal(t, "Hidden", b.Tables[1].Name())
}

func TestReadWorkbookDate1904(t *testing.T) {
	ns := `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	data := zipOf(t,
		"xl/workbook.xml", `<workbook `+ns+` xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/s.xml"/><Relationship Id="rId2" Type="x/styles" Target="styles.xml"/></Relationships>`,
		"xl/styles.xml", `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="20"/></cellXfs></styleSheet>`,
		"xl/worksheets/s.xml", `<worksheet><sheetData><row><c s="1"><v>44986</v></c><c s="2"><v>0.75</v></c><c><v>1E+20</v></c></row></sheetData></worksheet>`,
	)
	tb := readOne(t, data, Options{})
	assert.Equal(t, []string{"2027-03-02", "18:00:00", "100000000000000000000"}, tb.Rows[0].Cells)
}

func TestReadWorkbookRefusesDamage(t *testing.T) {
	ws := func(sheet string) []byte {
		return zipOf(t,
			"xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/s.xml"/></Relationships>`,
			"xl/worksheets/s.xml", sheet)
	}
	for name, data := range map[string][]byte{
		"broken XML":        ws(`<worksheet><sheetData><row><c><v>1</v></row>`),
		"shared string":     ws(`<worksheet><sheetData><row><c t="s"><v>7</v></c></row></sheetData></worksheet>`),
		"column too far":    ws(`<worksheet><sheetData><row><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`),
		"rows out of order": ws(`<worksheet><sheetData><row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row></sheetData></worksheet>`),
		"no workbook part":  zipOf(t, "xl/worksheets/s.xml", "<worksheet/>"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadBytes(data, Options{})
			var se *Error
			require.True(t, errors.As(err, &se), "%v", err)
			assert.Contains(t, se.Message, "This workbook is damaged")
		})
	}
}

func TestReadZip(t *testing.T) {
	data := zipOf(t, "__MACOSX/._Readiness.csv", "junk", "Readiness (Responses).csv", "Name,Team\nAna,District\n", "notes.pdf", "%PDF")
	tb := readOne(t, data, Options{})
	assert.Equal(t, "Readiness (Responses).csv", tb.Format.Member)
	assert.Equal(t, `a CSV file (Unicode (UTF-8), separated by commas), inside the .zip file as "Readiness (Responses).csv"`, tb.Format.Describe())
	assert.Equal(t, []string{"Ana", "District"}, tb.Rows[1].Cells)

	_, err := ReadBytes(zipOf(t, "a.pdf", "%PDF", "b.docx", "x"), Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "holds no CSV file or workbook (it holds a.pdf, b.docx)")

	_, err = ReadBytes(zipOf(t, "word/document.xml", "<w/>"), Options{})
	assert.ErrorContains(t, err, "Word document (.docx)")
	_, err = ReadBytes(zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"), Options{})
	assert.ErrorContains(t, err, "OpenDocument spreadsheet (.ods)")
	_, err = ReadBytes(zipOf(t, "x.csv", "A,\"B\n"), Options{})
	assert.ErrorContains(t, err, `in "x.csv" inside the .zip file`)
}

func TestColumnName(t *testing.T) {
	for j, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		assert.Equal(t, want, ColumnName(j))
		c, ok := columnOf(want + "12")
		assert.True(t, ok)
		assert.Equal(t, j, c)
	}
}

func TestFormatKind(t *testing.T) {
	for code, want := range map[string]dateKind{
		"m/d/yy h:mm": dateTime, "yyyy-mm-dd": dateOnly, "h:mm AM/PM": timeOnly, "mm:ss": timeOnly,
		"0.00": notDate, "General": notDate, `#,##0 "days"`: notDate, "[Red]0.0": notDate,
		`[$-409]mmmm d, yyyy;@`: dateOnly, "0.00E+00": notDate, `\d0`: notDate,
	} {
		assert.Equal(t, want, formatKind(code), code)
	}
}

func TestFormatNumber(t *testing.T) {
	for v, want := range map[float64]string{3: "3", 2.5: "2.5", 0.1 + 0.2: "0.3", -4: "-4", 1e-7: "0.0000001", 46448.25: "46448.25"} {
		assert.Equal(t, want, FormatNumber(v))
	}
}

// FuzzRead checks that no file makes Read panic, and that whatever it reads
// has rows numbered from 1 upwards and a problem is always an *Error.
func FuzzRead(f *testing.F) {
	f.Add([]byte("Name,Team\r\nZoë,\"a\nb\"\r\n"))
	f.Add(utf16Bytes("A\tB\n1\t2\n", true))
	f.Add([]byte("sep=;\nA;B\n"))
	f.Add([]byte("A\rB\r"))
	f.Add(mustWorkbook(f, [][]Cell{{TextCell("a"), DateCell("2027-01-01")}, {NumberCell(1)}}))
	f.Add(zipOf(f, "a.csv", "x,y\n1,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadBytes(data, Options{})
		if err != nil {
			var se *Error
			require.True(t, errors.As(err, &se), "%T %v", err, err)
			require.NotEmpty(t, se.Message)
			return
		}
		for _, tb := range b.Tables {
			last := 0
			for _, r := range tb.Rows {
				require.Greater(t, r.Num, last)
				last = r.Num
				require.False(t, r.Blank())
			}
			require.NotEmpty(t, strings.TrimSpace(tb.Format.Describe()))
		}
	})
}

// TestEncodingsDescribedApart holds each encoding a person can choose to a
// description of its own, so that a list of them has no two alike.
func TestEncodingsDescribedApart(t *testing.T) {
	seen := map[string]Encoding{}
	for _, e := range Encodings() {
		d := e.Describe()
		require.NotContains(t, seen, d, "%s and %s are both described as %q", seen[d], e, d)
		seen[d] = e
	}
}
