package contract

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func docx(t testing.TB, s *Supplement) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, s.WriteDOCX(&b))
	return b.Bytes()
}

// The Word file, the HTML page and the Markdown of one supplement say the
// same things, word for word.
func TestFormatsSayTheSame(t *testing.T) {
	for _, fixture := range []string{"complete", "draft"} {
		t.Run(fixture, func(t *testing.T) {
			s := load(t, fixture+".json")
			var page, md bytes.Buffer
			require.NoError(t, s.WriteHTML(&page))
			require.NoError(t, s.WriteMarkdown(&md))
			fromHTML := doctest.Words(doctest.HTMLBlocks(t, page.String()))
			doctest.SameWords(t, fromHTML, doctest.Words(doctest.Read(t, docx(t, s)).Blocks), "Word and HTML")
			doctest.SameWords(t, fromHTML, doctest.Words(doctest.MarkdownBlocks(t, md.String())), "Markdown and HTML")
			var fromModel bytes.Buffer
			require.NoError(t, s.Document().WriteHTML(&fromModel))
			doctest.SameWords(t, fromHTML, doctest.Words(doctest.HTMLBlocks(t, fromModel.String())), "the document's HTML and WriteHTML")
		})
	}
}

func TestDOCXGolden(t *testing.T) {
	for _, fixture := range []string{"complete", "draft"} {
		t.Run(fixture, func(t *testing.T) {
			doctest.Golden(t, filepath.Join("testdata", fixture+".golden.docx.txt"), docx(t, load(t, fixture+".json")), *update)
		})
	}
}

func TestDOCXOpensInPythonDocx(t *testing.T) {
	c := doctest.PythonDocx(t, docx(t, load(t, "complete.json")))
	assert.Equal(t, []string{
		"1 Contract Supplement", "2 Agreement", "3 Before the work begins", "3 As the work begins",
		"2 Appendix: alignment", "3 1. Strategic priority", "3 2. School-leader investment", "3 3. Schedule of activities",
		"3 4. Liaisons and managers", "3 5. Success measures", "3 6. Data plan", "3 7. Meetings and draft agenda",
		"2 Drafting session", "2 Signatures", "3 For Riverside Unified <script>alert(1)</script>", "3 For Smith & Sons \"TA\"",
	}, c.Headings())
	require.Len(t, c.Tables, 4, "activities, contacts, measures, data duties")
	assert.Equal(t, []string{"What", "Who", "When", "Hours"}, c.Tables[0][0])
	assert.Equal(t, []string{"Total", "", "", "54"}, c.Tables[0][len(c.Tables[0])-1])
	assert.Equal(t, []string{"District liaison", "Ana Ruiz, Portfolio Coordinator"}, c.Tables[1][1])
	require.NotEmpty(t, c.Footers)
	assert.Contains(t, c.Footers[0], "Riverside Unified <script>alert(1)</script> and Smith & Sons \"TA\"")
	styles := map[string]bool{}
	for _, p := range c.Paragraphs {
		styles[p.Style] = true
	}
	assert.True(t, styles["List Number"], "the practices are a numbered list")
	assert.True(t, styles["List Bullet"])
}

func TestDOCXKeepsHostileTextAsText(t *testing.T) {
	s := load(t, "complete.json")
	s.District.Name = "Riverside " + hostileScript
	s.Partner.Name = hostileQuotes
	s.Schools[0].Name = hostileMarkup
	s.Appendix.Priority.How = "{ HYPERLINK \"https://evil.example\" }\x00\x1b\ufffe and https://evil.example"
	s.Appendix.Meetings.Agenda = append(s.Appendix.Meetings.Agenda, hostileComment, "<img src=x onerror=alert(2)>")
	data := docx(t, s)
	parts := doctest.Parts(t, data)
	for name, part := range parts {
		assert.NotContains(t, part, "<script", name)
		assert.NotContains(t, part, "<img", name)
		assert.NotContains(t, part, "hyperlink", name)
		assert.NotContains(t, part, "\x1b", name)
		if name != "word/footer1.xml" {
			assert.NotContains(t, part, "fldSimple", name)
			assert.NotContains(t, part, "instrText", name)
		}
	}
	text := strings.Join(doctest.Read(t, data).Blocks, "\n")
	for _, want := range []string{"Riverside " + hostileScript, hostileQuotes, hostileMarkup, hostileComment, "{ HYPERLINK \"https://evil.example\" } and https://evil.example"} {
		assert.Contains(t, text, want)
	}
}

func TestDOCXWriteErrorIsReturned(t *testing.T) {
	err := New("A", "B").WriteDOCX(failWriter{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full")
}

func TestBlankForm(t *testing.T) {
	for name, f := range map[string]BlankForm{"blank": {}, "named": {District: "Riverside Unified", Partner: "Learning Partners"}} {
		t.Run(name, func(t *testing.T) {
			var page, word bytes.Buffer
			require.NoError(t, f.WriteHTML(&page))
			require.NoError(t, f.WriteDOCX(&word))
			doctest.SameWords(t, doctest.Words(doctest.HTMLBlocks(t, page.String())), doctest.Words(doctest.Read(t, word.Bytes()).Blocks), "Word and HTML")
			doctest.Golden(t, filepath.Join("testdata", "form-"+name+".docx.txt"), word.Bytes(), *update)
			c := doctest.PythonDocx(t, word.Bytes())
			h := c.Headings()
			for _, it := range AppendixItems() {
				assert.Contains(t, h, "3 "+itemTitle(it), "appendix item %d to fill in", it.Number)
			}
			assert.Contains(t, h, "2 Signatures")
			require.Len(t, c.Tables, 4, "activities, contacts, measures and data duties")
			assert.Equal(t, []string{"What", "Who", "When", "Hours"}, c.Tables[0][0])
			assert.Len(t, c.Tables[0], 7, "header, five empty rows, total")
			assert.Equal(t, []string{"Partner overall manager", "", ""}, c.Tables[1][4])
			var all []string
			for _, p := range c.Paragraphs {
				all = append(all, p.Text)
			}
			text := strings.Join(all, "\n")
			for _, p := range Practices() {
				assert.Contains(t, text, p.Text, "practice %d", p.Number)
			}
			assert.Equal(t, 6, strings.Count(text, "☐ Confirmed"))
			if name == "named" {
				assert.Contains(t, text, "Riverside Unified (the District) and Learning Partners (the Partner)")
				assert.Contains(t, h, "3 For Learning Partners")
			} else {
				assert.Contains(t, text, "[District name] (the District) and [Partner name] (the Partner)")
				assert.Contains(t, h, "3 For the partner")
				assert.Contains(t, text, "District:\nPartner:", "lines for the names")
			}
		})
	}
}
