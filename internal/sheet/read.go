package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
)

// MaxSize is the largest file, or file inside a .zip or workbook, Read reads:
// 256 MB, far more than any survey or inventory, and little enough for a
// browser tab.
const MaxSize = 256 << 20

// Options change what Read would otherwise find by itself.
type Options struct {
	// Encoding reads a text file as this encoding; "" detects it.
	Encoding Encoding
	// Delimiter separates the fields of a text file; 0 detects it.
	Delimiter rune
	// TextOnly refuses workbooks and .zip files: the data must be text.
	TextOnly bool
}

// Read reads every table of a file by its content, whatever its name: a
// workbook, a .zip holding CSV files or workbooks, or delimited text. A file
// it cannot read gives an *Error whose message names what the file is and
// what to save it as.
func Read(r io.Reader, o Options) (*Book, error) {
	if b, ok := r.(*bytes.Reader); ok && b.Len() <= MaxSize {
		data := make([]byte, b.Len()) // one allocation for an export in memory
		_, err := io.ReadFull(b, data)
		if err != nil {
			return nil, errorf(0, "the file could not be read: %v", err)
		}
		return ReadBytes(data, o)
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, errorf(0, "the file could not be read: %v", err)
	}
	return ReadBytes(data, o)
}

// ReadBytes is Read for a file already in memory.
func ReadBytes(data []byte, o Options) (*Book, error) {
	if len(data) > MaxSize {
		return nil, tooLarge("the file")
	}
	if len(data) == 0 {
		return nil, &Error{Message: "The file is empty: it holds no rows at all. Save or download it again; it needs a row of column headers, then one row per entry."}
	}
	if e := notSpreadsheet(data); e != nil {
		return nil, e
	}
	if isZip(data) {
		if o.TextOnly {
			return nil, &Error{Message: "This is a workbook or a .zip file, not CSV text; read it as a spreadsheet export instead."}
		}
		return readZip(data, o)
	}
	t, err := readText(data, o)
	if err != nil {
		return nil, err
	}
	return &Book{Tables: []*Table{t}}, nil
}

func tooLarge(what string) *Error {
	return errorf(0, "%s is larger than %d MB, more than a spreadsheet of survey responses or initiatives should be; split it, or remove what it does not need.", what, MaxSize>>20)
}

func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// saveAs is the advice given for every file that is not a spreadsheet.
const saveAs = "save or download the data as a CSV file (CSV UTF-8) or an Excel workbook (.xlsx), and import that file"

// notSpreadsheet recognises files that are not spreadsheets by their first
// bytes, and says what each is.
func notSpreadsheet(data []byte) *Error {
	is := func(p string) bool { return bytes.HasPrefix(data, []byte(p)) }
	image := func(kind string) *Error {
		return errorf(0, "This is an image (%s), not a spreadsheet: a picture of a table cannot be read. In the program that holds the data, %s.", kind, saveAs)
	}
	switch {
	case is("%PDF-"):
		return errorf(0, "This is a PDF document, not a spreadsheet: it holds no table that can be read. In the program that made it, %s.", saveAs)
	case is("\x89PNG"):
		return image("PNG")
	case is("\xff\xd8\xff"):
		return image("JPEG")
	case is("GIF87a"), is("GIF89a"):
		return image("GIF")
	case is("II*\x00"), is("MM\x00*"):
		return image("TIFF")
	case len(data) > 12 && is("RIFF") && string(data[8:12]) == "WEBP":
		return image("WebP")
	case len(data) > 12 && string(data[4:8]) == "ftyp" && (string(data[8:12]) == "heic" || string(data[8:12]) == "heix" || string(data[8:12]) == "mif1"):
		return image("HEIC")
	case is("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return oleFile(data)
	case is("\x1f\x8b"):
		return &Error{Message: "This is a compressed (gzip) file. Uncompress it first, then import the spreadsheet inside."}
	case is("{\\rtf"):
		return errorf(0, "This is a rich-text document, not a spreadsheet. If it holds a table, copy the table into a spreadsheet; then %s.", saveAs)
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data[:min(len(data), 4096)], []byte("\ufeff")), " \t\r\n")
	lower := bytes.ToLower(head[:min(len(head), 512)])
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")), bytes.HasPrefix(lower, []byte("<table")):
		return &Error{Message: "This is a web page (HTML), not a spreadsheet, even if its name ends in .xls. Open it in Excel and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", or download the data again as a CSV file."}
	case bytes.HasPrefix(lower, []byte("<?xml")):
		if bytes.Contains(data[:min(len(data), 8192)], []byte("urn:schemas-microsoft-com:office:spreadsheet")) {
			return &Error{Message: "This is an Excel 2003 XML spreadsheet, which cannot be read here. Open it in Excel and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", then import that file."}
		}
		return errorf(0, "This is an XML document, not a spreadsheet. In the program that made it, %s.", saveAs)
	case len(head) > 0 && (head[0] == '{' || head[0] == '[') && json.Valid(data):
		return &Error{File: "JSON", Message: "This is JSON data, not a spreadsheet."}
	}
	return nil
}

// oleFile names an Office 97–2003 file by the streams it holds.
func oleFile(data []byte) *Error {
	has := func(name string) bool {
		var u []byte
		for i := 0; i < len(name); i++ {
			u = append(u, name[i], 0)
		}
		return bytes.Contains(data, u)
	}
	switch {
	case has("EncryptedPackage"):
		return &Error{Message: "This workbook is protected by a password, so it cannot be read. Open it in Excel, remove the password (File, Info, Protect Workbook) or save a copy without one, and import that copy."}
	case has("Workbook"), has("Book"):
		return &Error{Message: "This is an Excel 97–2003 workbook (.xls), a format that cannot be read here. Open it in Excel and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", then import that file."}
	case has("WordDocument"):
		return errorf(0, "This is a Word 97–2003 document (.doc), not a spreadsheet. If it holds a table, copy the table into a spreadsheet; then %s.", saveAs)
	case has("PowerPoint Document"):
		return errorf(0, "This is a PowerPoint 97–2003 presentation (.ppt), not a spreadsheet. In the program that holds the data, %s.", saveAs)
	}
	return &Error{Message: "This is an Office 97–2003 file, a format that cannot be read here. Open it in its program and save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\", then import that file."}
}

// zipFiles indexes the files of a .zip by name.
type zipFiles map[string]*zip.File

func (z zipFiles) has(prefix string) bool {
	for name := range z {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// read returns the content of the named file, refusing one larger than
// MaxSize when uncompressed.
func (z zipFiles) read(name string) ([]byte, error) {
	f, ok := z[name]
	if !ok {
		return nil, errorf(0, "the part %q is missing", name)
	}
	return readZipFile(f)
}

func readZipFile(f *zip.File) ([]byte, error) {
	if f.Flags&1 != 0 {
		return nil, &Error{Message: "This .zip file is protected by a password, so what it holds cannot be read. Extract the file with its password and import that file."}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errorf(0, "%q inside the .zip file could not be opened (%v); download the file again", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxSize+1))
	if err != nil {
		return nil, errorf(0, "%q inside the .zip file is damaged (%v); download the file again", f.Name, err)
	}
	if len(data) > MaxSize {
		return nil, tooLarge(fmt.Sprintf("%q inside the file", f.Name))
	}
	return data, nil
}

// readZip reads a workbook, or the CSV files and workbooks inside a .zip
// such as the one Google Forms downloads, each as a table of the book.
func readZip(data []byte, o Options) (*Book, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, &Error{Message: "This is a .zip file (or a workbook) that is damaged or incomplete; download or save it again."}
	}
	files := make(zipFiles, len(zr.File))
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	switch {
	case files.has("xl/"):
		return readWorkbook(files)
	case files.has("word/"):
		return nil, errorf(0, "This is a Word document (.docx), not a spreadsheet. If it holds a table, copy the table into a spreadsheet; then %s.", saveAs)
	case files.has("ppt/"):
		return nil, errorf(0, "This is a PowerPoint presentation (.pptx), not a spreadsheet. In the program that holds the data, %s.", saveAs)
	case files.has("Index/") || files["Index.zip"] != nil:
		return nil, &Error{Message: "This is an Apple Numbers document, which cannot be read here. In Numbers, choose File, Export To, CSV or Excel, and import that file."}
	}
	if f := files["mimetype"]; f != nil {
		m, _ := readZipFile(f)
		if strings.HasPrefix(string(m), "application/vnd.oasis.opendocument.spreadsheet") {
			return nil, &Error{Message: "This is an OpenDocument spreadsheet (.ods), which cannot be read here. Open it and save it as \"Excel Workbook (.xlsx)\" or as CSV, then import that file."}
		}
		return nil, errorf(0, "This is an OpenDocument file, not a spreadsheet that can be read here. In the program that holds the data, %s.", saveAs)
	}
	// A .zip of exports: read each CSV file or workbook in it, by name.
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	book := &Book{}
	var others []string
	for _, name := range names {
		f := files[name]
		base := path.Base(name)
		if f.FileInfo().IsDir() || strings.HasPrefix(name, "__MACOSX/") || strings.HasPrefix(base, ".") {
			continue
		}
		ext := strings.ToLower(path.Ext(base))
		if ext != ".csv" && ext != ".tsv" && ext != ".txt" && ext != ".xlsx" {
			others = append(others, name)
			continue
		}
		member, err := readZipFile(f)
		if err != nil {
			return nil, err
		}
		var inner *Book
		if isZip(member) {
			inner, err = readZip(member, o)
		} else if e := notSpreadsheet(member); e != nil {
			err = e
		} else if len(member) == 0 {
			continue
		} else {
			var t *Table
			if t, err = readText(member, o); err == nil {
				inner = &Book{Tables: []*Table{t}}
			}
		}
		if err != nil {
			var se *Error
			if errors.As(err, &se) {
				return nil, &Error{Row: se.Row, Message: fmt.Sprintf("in %q inside the .zip file: %s", name, se.Message)}
			}
			return nil, err
		}
		for _, t := range inner.Tables {
			if t.Format.Member == "" {
				t.Format.Member = name
			}
			book.Tables = append(book.Tables, t)
		}
	}
	if len(book.Tables) == 0 {
		msg := "This .zip file holds no CSV file or workbook"
		if len(others) > 0 {
			if len(others) > 5 {
				others = append(others[:5], "…")
			}
			msg += " (it holds " + strings.Join(others, ", ") + ")"
		}
		return nil, errorf(0, "%s. Download the export again as CSV or as an Excel workbook, and import that file.", msg)
	}
	return book, nil
}
