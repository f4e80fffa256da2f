package docx_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/partnerkit/partnerkit/internal/docx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sample writes a document with one of everything.
func sample(t testing.TB) []byte {
	t.Helper()
	d := docx.New("Contract <Supplement>", "Riverside & Partners")
	d.Heading(1, docx.Run{Text: "Contract Supplement"})
	d.Heading(2, docx.Run{Text: "Agreement"})
	d.Heading(3, docx.Run{Text: "Before the work begins"})
	d.Paragraph(docx.Normal, docx.Run{Text: "Between "}, docx.Run{Text: "Riverside", Bold: true}, docx.Run{Text: " and ", Italic: true})
	n := d.NewList(true, 5)
	d.Item(n, 0, docx.Run{Text: "five"})
	d.Item(n, 1, docx.Run{Text: "five a"})
	d.Continue(docx.ListContinue, 0, docx.Run{Text: "more about five"})
	b := d.NewList(false, 0)
	d.Item(b, 0, docx.Run{Text: "a bullet"})
	d.Table(docx.Table{
		Widths: []int{3, 1},
		Align:  []docx.Align{docx.Left, docx.Right},
		Header: []docx.Cell{{Runs: []docx.Run{{Text: "What"}}}, {Runs: []docx.Run{{Text: "Hours"}}}},
		Rows: []docx.Row{
			{Cells: []docx.Cell{{Runs: []docx.Run{{Text: "Coaching"}}}, {Runs: []docx.Run{{Text: "24"}}}}},
			{Cells: []docx.Cell{{Runs: []docx.Run{{Text: "Total"}}}, {Runs: []docx.Run{{Text: "24"}}}}, Bold: true},
			{Lines: 3},
		},
	})
	d.PageBreak()
	d.Paragraph(docx.WriteIn, docx.Run{Text: "Signature:"})
	var out bytes.Buffer
	_, err := d.WriteTo(&out)
	require.NoError(t, err)
	return out.Bytes()
}

func TestParts(t *testing.T) {
	parts := doctest.Parts(t, sample(t))
	for _, name := range []string{
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
		"word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footer1.xml", "word/_rels/document.xml.rels",
	} {
		assert.Contains(t, parts, name)
	}
	doc := parts["word/document.xml"]
	assert.Contains(t, doc, `<w:pgSz w:w="12240" w:h="15840"/>`, "US letter")
	assert.Contains(t, doc, `<w:pStyle w:val="Heading1"/>`)
	assert.Contains(t, doc, `<w:tblHeader/>`, "the header row repeats on each page")
	assert.Contains(t, doc, `<w:br w:type="page"/>`)
	assert.Contains(t, doc, `<w:jc w:val="right"/>`)
	assert.Contains(t, doc, `<w:trHeight w:val="1080" w:hRule="atLeast"/>`)
	assert.Contains(t, parts["word/styles.xml"], `<w:name w:val="heading 1"/>`)
	assert.Contains(t, parts["word/numbering.xml"], `<w:startOverride w:val="5"/>`, "a numbered list starts where asked")
	assert.Contains(t, parts["word/footer1.xml"], `Riverside &amp; Partners`)
	assert.Contains(t, parts["word/footer1.xml"], `w:instr=" PAGE "`)
	assert.Contains(t, parts["docProps/core.xml"], `<dc:title>Contract &lt;Supplement&gt;</dc:title>`)
	for name, part := range parts {
		if name != "word/footer1.xml" {
			assert.NotContains(t, part, "fldSimple", "only the footer has fields")
		}
		assert.NotContains(t, part, "hyperlink")
	}
}

func TestDeterministic(t *testing.T) {
	assert.Equal(t, sample(t), sample(t))
}

func TestContent(t *testing.T) {
	c := doctest.Read(t, sample(t))
	assert.Equal(t, []string{"1 Contract Supplement", "2 Agreement", "3 Before the work begins"}, c.Headings())
	require.Len(t, c.Tables, 1)
	assert.Equal(t, [][]string{{"What", "Hours"}, {"Coaching", "24"}, {"Total", "24"}, {"", ""}}, c.Tables[0])
	assert.Equal(t, []string{"Riverside & Partners\tPage 1 of 1"}, c.Footers)
}

// Typed text is text: markup, field syntax and links stay characters, and
// what XML forbids is left out.
func TestTextIsInert(t *testing.T) {
	hostile := "<w:fldSimple w:instr=\"HYPERLINK http://x\"/> { PAGE } ]]> &amp; \x00\x01\x1b\ufffe\uffff\x7f\u0085 https://example.org a@b.org \xff"
	d := docx.New(hostile, hostile)
	d.Paragraph(docx.Normal, docx.Run{Text: hostile})
	d.Table(docx.Table{Rows: []docx.Row{{Cells: []docx.Cell{{Runs: []docx.Run{{Text: hostile}}}}}}})
	var out bytes.Buffer
	_, err := d.WriteTo(&out)
	require.NoError(t, err)
	parts := doctest.Parts(t, out.Bytes()) // fails on XML that is not well-formed
	doc := parts["word/document.xml"]
	assert.NotContains(t, doc, "<w:fldSimple w:instr=\"HYPERLINK")
	assert.Contains(t, doc, "&lt;w:fldSimple w:instr=&#34;HYPERLINK http://x&#34;/&gt; { PAGE } ]]&gt; &amp;amp; ")
	for _, bad := range []string{"\x00", "\x01", "\x1b", "\ufffe", "\uffff", "\x7f", "\u0085", "\xff"} {
		for name, part := range parts {
			assert.NotContains(t, part, bad, "part %s", name)
		}
	}
	c := doctest.Read(t, out.Bytes())
	want := "<w:fldSimple w:instr=\"HYPERLINK http://x\"/> { PAGE } ]]> &amp;  https://example.org a@b.org \ufffd"
	assert.Equal(t, want, c.Paragraphs[0].Text)
	assert.Equal(t, want, c.Tables[0][0][0])
	assert.True(t, strings.HasPrefix(c.Footers[0], "<w:fldSimple"), c.Footers[0])
}

func TestLineBreaksAndTabs(t *testing.T) {
	d := docx.New("", "")
	d.Paragraph(docx.Normal, docx.Run{Text: "one\r\ntwo\nthree\tfour"})
	var out bytes.Buffer
	_, err := d.WriteTo(&out)
	require.NoError(t, err)
	doc := doctest.Parts(t, out.Bytes())["word/document.xml"]
	assert.Contains(t, doc, `<w:t xml:space="preserve">one</w:t><w:br/><w:t xml:space="preserve">two</w:t><w:br/><w:t xml:space="preserve">three</w:t><w:tab/><w:t xml:space="preserve">four</w:t>`)
	assert.Equal(t, "one\ntwo\nthree\tfour", doctest.Read(t, out.Bytes()).Paragraphs[0].Text)
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain":          "plain",
		"tab\tline\n":    "tab\tline\n",
		"a\x00b\x08c":    "abc",
		"\ufffe\uffffok": "ok",
		"bad \xc3":       "bad \ufffd",
		"":               "",
	} {
		assert.Equal(t, want, docx.Clean(in), "%q", in)
	}
}

func TestPythonDocxOpensIt(t *testing.T) {
	c := doctest.PythonDocx(t, sample(t))
	assert.Equal(t, []string{"1 Contract Supplement", "2 Agreement", "3 Before the work begins"}, c.Headings())
	styles := map[string]string{}
	for _, p := range c.Paragraphs {
		styles[p.Text] = p.Style
	}
	assert.Equal(t, "List Number", styles["five"])
	assert.Equal(t, "List Bullet", styles["a bullet"])
	assert.Equal(t, "Normal", styles["Between Riverside and "])
	require.Len(t, c.Tables, 1)
	assert.Equal(t, []string{"What", "Hours"}, c.Tables[0][0])
	// python-docx reads no text inside fields, hence no numbers.
	assert.Equal(t, []string{"Riverside & Partners\tPage  of "}, c.Footers)
}

func BenchmarkWrite(b *testing.B) {
	for b.Loop() {
		d := docx.New("t", "f")
		for range 200 {
			d.Paragraph(docx.Normal, docx.Run{Text: "A paragraph of some length & with <markup> to escape."})
		}
		var out bytes.Buffer
		if _, err := d.WriteTo(&out); err != nil {
			b.Fatal(err)
		}
	}
}
