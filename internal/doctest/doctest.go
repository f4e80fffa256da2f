// Package doctest reads back the documents partnerkit writes, for tests: the
// parts of a Word file and its paragraphs and tables, the text of an HTML
// page or of Markdown as a renderer shows it, and what python-docx (the
// Debian package python3-docx) makes of a Word file. Tests compare the
// formats of one document with it.
package doctest

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/partnerkit/partnerkit/internal/mdtest"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// Parts unzips a Word file and returns its parts by name. It fails the test
// when the file is not a zip archive or a part is not well-formed XML.
func Parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err, "a .docx file is a zip archive")
	out := make(map[string]string)
	for _, f := range z.File {
		r, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		require.NoError(t, r.Close())
		out[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err, "part %s is well-formed XML", f.Name)
			}
		}
	}
	return out
}

// Paragraph is a paragraph of a Word file: its style and its text.
type Paragraph struct {
	Style string `json:"style"`
	Text  string `json:"text"`
}

// Content is what a Word file holds, as read by encoding/xml or python-docx:
// the paragraphs outside tables, in order, and each table's rows of cells.
type Content struct {
	Paragraphs []Paragraph  `json:"paragraphs"`
	Tables     [][][]string `json:"tables"`
	// Blocks are the texts of the body in reading order (Read only).
	Blocks []string `json:"-"`
	// Outline is the body in order, one line per paragraph ("[Heading1]
	// Agreement") and per table row ("| What | Hours |") (Read only): the
	// structure golden files record.
	Outline []string `json:"-"`
	Footers []string `json:"footers"`
}

// Read reads the paragraphs and tables of word/document.xml. Its Blocks are
// the texts of the body in order, each paragraph and each table cell one
// block, the way a reader meets them.
func Read(t testing.TB, data []byte) Content {
	t.Helper()
	parts := Parts(t, data)
	doc, ok := parts["word/document.xml"]
	require.True(t, ok, "the file has word/document.xml")
	var c Content
	d := xml.NewDecoder(strings.NewReader(doc))
	var (
		depth  int // table nesting
		style  string
		text   strings.Builder
		inText bool
		row    []string
		table  [][]string
		inPara bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				depth++
				table = nil
			case "tr":
				row = nil
			case "p":
				inPara, style = true, ""
				text.Reset()
			case "pStyle":
				for _, a := range e.Attr {
					if a.Name.Local == "val" {
						style = a.Value
					}
				}
			case "t":
				inText = true
			case "br":
				page := false
				for _, a := range e.Attr {
					page = page || a.Name.Local == "type" && a.Value == "page"
				}
				switch {
				case page:
					text.WriteString("\f")
				case inPara:
					text.WriteString("\n")
				}
			case "tab":
				if inPara {
					text.WriteString("\t")
				}
			}
		case xml.CharData:
			if inText {
				text.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "p":
				inPara = false
				s := text.String()
				if depth > 0 {
					row = append(row, s)
				} else {
					c.Paragraphs = append(c.Paragraphs, Paragraph{Style: style, Text: s})
					line := s
					if s == "\f" {
						line = "[page break]"
					}
					if style != "" {
						line = "[" + style + "] " + s
					}
					c.Outline = append(c.Outline, strings.ReplaceAll(line, "\n", "⏎"))
				}
				if strings.TrimSpace(s) != "" {
					c.Blocks = append(c.Blocks, s)
				}
			case "tr":
				table = append(table, row)
				c.Outline = append(c.Outline, "| "+strings.ReplaceAll(strings.Join(row, " | "), "\n", "⏎")+" |")
			case "tbl":
				depth--
				c.Tables = append(c.Tables, table)
			}
		}
	}
	for name, part := range parts {
		if strings.HasPrefix(name, "word/footer") {
			c.Footers = append(c.Footers, xmlText(t, part))
		}
	}
	return c
}

// xmlText is the character data of the w:t elements of a part.
func xmlText(t testing.TB, part string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(part))
	var b strings.Builder
	in := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		require.NoError(t, err)
		switch e := tok.(type) {
		case xml.StartElement:
			in = e.Name.Local == "t"
			if e.Name.Local == "tab" {
				b.WriteString("\t")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				b.Write(e)
			}
		}
	}
}

// HTMLBlocks returns the text of an HTML page's body, block by block
// (headings, paragraphs, list items, table cells), in order. Scripts,
// styles, the head and figures (which a Word file leaves out) are left out.
func HTMLBlocks(t testing.TB, page string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	return blocks(root)
}

// blocks returns the text of the blocks under root, in order.
func blocks(root *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	block := map[string]bool{
		"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "li": true, "td": true, "th": true,
		"dt": true, "dd": true, "figcaption": true, "div": true, "section": true, "tr": true, "ul": true, "ol": true,
		"table": true, "blockquote": true, "hr": true, "br": false, "header": true, "footer": true, "main": true,
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			switch n.Data {
			case "head", "script", "style", "title", "svg", "figure":
				return
			case "br":
				cur.WriteString("\n")
				return
			}
			if block[n.Data] {
				flush()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if block[n.Data] {
				flush()
			}
			return
		case html.TextNode:
			cur.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// MarkdownBlocks renders Markdown as GitHub would (mdtest.Render) and
// returns its blocks as HTMLBlocks does.
func MarkdownBlocks(t testing.TB, md string) []string {
	t.Helper()
	return blocks(mdtest.Render(t, md))
}

// Words returns the words of texts, in order, in lower case, without
// punctuation: two formats of one document say the same things when their
// words are the same.
func Words(texts []string) []string {
	var out []string
	for _, s := range texts {
		out = append(out, strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})...)
	}
	return out
}

// Python is the interpreter that has python-docx: Debian's, not a
// virtual environment's.
const Python = "/usr/bin/python3"

// pythonScript prints, as JSON, the paragraphs (style name and text), the
// tables (rows of cell texts) and the footer texts of the Word file named
// by its first argument.
const pythonScript = `
import json, sys
import docx
d = docx.Document(sys.argv[1])
out = {
  "paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs],
  "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
  "footers": [p.text for s in d.sections for p in s.footer.paragraphs],
}
json.dump(out, sys.stdout)
`

// PythonDocx opens a Word file with python-docx and returns what it reads.
// When python-docx is not installed the test is skipped with a message
// saying so, except under CI=true, where it fails.
func PythonDocx(t testing.TB, data []byte) Content {
	t.Helper()
	if err := exec.Command(Python, "-c", "import docx").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python-docx is needed to check the Word files: install the Debian package python3-docx (%v)", err)
		}
		t.Skipf("python-docx is not installed (the Debian package python3-docx); skipping the check of the Word files: %v", err)
	}
	path := filepath.Join(t.TempDir(), "doc.docx")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	var stderr bytes.Buffer
	cmd := exec.Command(Python, "-c", pythonScript, path)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "python-docx could not open the file: %s", stderr.String())
	var c Content
	require.NoError(t, json.Unmarshal(out, &c))
	return c
}

// Headings returns the texts of the paragraphs in the heading styles, each
// prefixed with its level: "1 Contract Supplement".
func (c Content) Headings() []string {
	var out []string
	for _, p := range c.Paragraphs {
		for _, prefix := range []string{"Heading ", "Heading"} {
			if lvl, ok := strings.CutPrefix(p.Style, prefix); ok && len(lvl) == 1 && lvl >= "1" && lvl <= "9" {
				out = append(out, lvl+" "+p.Text)
				break
			}
		}
	}
	return out
}

// SameWords fails the test when two formats' words differ, showing where
// they part and the words around.
func SameWords(t testing.TB, want, got []string, what string) {
	t.Helper()
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	if i == len(want) && i == len(got) {
		return
	}
	around := func(ws []string) string {
		lo, hi := max(i-8, 0), min(i+8, len(ws))
		return strings.Join(ws[lo:i], " ") + " ⟦" + strings.Join(ws[i:hi], " ") + "⟧"
	}
	t.Errorf("%s: the words differ at word %d of %d/%d:\n want …%s…\n  got …%s…", what, i, len(want), len(got), around(want), around(got))
}

// Golden compares the outline of a Word file with the golden file at path,
// first rewriting the golden file when update is set.
func Golden(t testing.TB, path string, data []byte, update bool) {
	t.Helper()
	got := strings.Join(Read(t, data).Outline, "\n") + "\n"
	if update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run the test with -update to create %s", path)
	require.Equal(t, string(want), got, "the structure of the Word file (%s)", path)
}
