package document_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const hostile = `<script>alert(1)</script> "quotes" & </style> \ { PAGE } https://evil.example`

// sample is a document with one block of each kind, holding hostile text.
func sample() *document.Document {
	d := &document.Document{Title: "Title " + hostile, Footer: "Footer " + hostile}
	d.Heading(1, "Heading "+hostile)
	d.Para(document.Plain("plain "), document.Strong("strong"), document.Emph(" emph"), document.Plain("\nsecond line"))
	d.Styled(document.Note, document.Plain("a note"))
	d.Styled(document.Hint, document.Plain("a hint"))
	d.Add(&document.List{Ordered: true, Start: 3, Items: []document.Item{
		{Text: document.T("three"), Blocks: []document.Block{
			&document.Paragraph{Text: document.T("inside three")},
			document.Bullets("three a", "three b"),
			&document.Lines{N: 2},
		}},
		{Text: document.T("four " + hostile)},
	}})
	d.Add(&document.Table{
		Columns: []document.Column{{Title: "What", Width: 3}, {Title: "Hours", Align: document.Right}},
		Rows: []document.Row{
			{Cells: []document.Text{document.T("Coaching " + hostile), document.T("24")}},
			{Cells: []document.Text{document.T("Total"), document.T("24")}, Total: true},
			{Lines: 3},
		},
	})
	d.Add(&document.PageBreak{})
	d.Heading(2, "Signatures")
	d.Add(&document.Lines{Label: "Signature", N: 1})
	d.Add(&document.Figure{SVG: `<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>`, Caption: "A figure " + hostile})
	return d
}

func TestHTML(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sample().WriteHTML(&b))
	out := b.String()
	assert.NotContains(t, out, "<script")
	assert.Equal(t, 1, strings.Count(out, "</style>"), "typed text cannot close the style element")
	assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt; &#34;quotes&#34; &amp;")
	assert.Contains(t, out, `<ol start="3">`)
	assert.Contains(t, out, `<th scope="col" class="w-75">What</th>`)
	assert.Contains(t, out, `<th scope="col" class="w-25 right">Hours</th>`)
	assert.Contains(t, out, `<tr class="lines-3">`)
	assert.Contains(t, out, `<tr class="total">`)
	assert.Contains(t, out, `<p class="write">Signature:</p>`)
	assert.Contains(t, out, `<hr class="page-break">`)
	assert.Contains(t, out, `src="data:image/svg+xml;base64,`)
	assert.Contains(t, out, "size: letter")
	assert.Contains(t, out, `counter(page)`)
	assert.Contains(t, out, `:root { --pk-footer: "Footer \3c script\3e alert\28 1\29 \3c \2f script\3e  \22 quotes\22  \26  \3c \2f style\3e  \5c  \7b  PAGE \7d  https\3a \2f \2f evil\2e example"; }`)
	assert.Contains(t, out, "<p>plain <strong>strong</strong><em> emph</em>\nsecond line</p>", "a line break is kept, and shown by the stylesheet")
	assert.NotContains(t, out, "style=", "no inline styles: the page draws the same elements under its security policy")
	blocks := doctest.HTMLBlocks(t, out)
	assert.Equal(t, "Heading "+hostile, blocks[0])
}

func TestWordAndHTMLSayTheSame(t *testing.T) {
	d := sample()
	var page, word bytes.Buffer
	require.NoError(t, d.WriteHTML(&page))
	require.NoError(t, d.WriteDOCX(&word))
	doctest.SameWords(t, doctest.Words(doctest.HTMLBlocks(t, page.String())), doctest.Words(doctest.Read(t, word.Bytes()).Blocks), "Word and HTML")
}

func TestDOCX(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sample().WriteDOCX(&b))
	c := doctest.Read(t, b.Bytes())
	assert.Equal(t, []string{
		"[Heading1] Heading " + hostile,
		"plain strong emph⏎second line",
		"[Note] a note",
		"[Hint] a hint",
		"[ListNumber] three",
		"[ListContinue] inside three",
		"[ListBullet] three a",
		"[ListBullet] three b",
		"[WriteIn] ",
		"[WriteIn] ",
		"[ListNumber] four " + hostile,
		"| What | Hours |",
		"| Coaching " + hostile + " | 24 |",
		"| Total | 24 |",
		"|  |  |",
		"",
		"[page break]",
		"[Heading2] Signatures",
		"[WriteIn] Signature:",
	}, c.Outline)
	assert.Equal(t, []string{"Footer " + hostile + "\tPage 1 of 1"}, c.Footers)
	doc := doctest.Parts(t, b.Bytes())["word/document.xml"]
	assert.Contains(t, doc, `<w:numPr><w:ilvl w:val="1"/>`, "a list inside a list is nested")
}

func TestDOCXInPythonDocx(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sample().WriteDOCX(&b))
	c := doctest.PythonDocx(t, b.Bytes())
	assert.Equal(t, []string{"1 Heading " + hostile, "2 Signatures"}, c.Headings())
	require.Len(t, c.Tables, 1)
	assert.Equal(t, []string{"Coaching " + hostile, "24"}, c.Tables[0][1])
}

func TestEmptyDocument(t *testing.T) {
	var d document.Document
	var page, word bytes.Buffer
	require.NoError(t, d.WriteHTML(&page))
	require.NoError(t, d.WriteDOCX(&word))
	assert.Contains(t, page.String(), "<main class=\"pk-doc\">")
	assert.Empty(t, doctest.Read(t, word.Bytes()).Blocks)
}

func Example() {
	d := &document.Document{Title: "Agenda", Footer: "Riverside Unified and Learning Partners"}
	d.Heading(1, "Quarterly review")
	d.Para(document.Strong("When:"), document.Plain(" Tuesday, September 15, 2026"))
	d.Add(document.Numbered(1, "Are we still aligned?", "Do we have the time we need?"))
	d.Add(&document.Lines{Label: "Notes", N: 3})
	f, err := os.CreateTemp("", "agenda-*.docx")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	fmt.Println(d.WriteDOCX(f))
	// Output: <nil>
}
