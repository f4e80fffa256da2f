package contract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/escape"
)

// FuzzDecode feeds arbitrary bytes to Decode. Nothing may panic; whatever
// decodes must check, review and print without error, with Completeness and
// Validate in agreement and the HTML well-formed.
func FuzzDecode(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(f, err)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"appendix":{"measures":[{"id":"a","interim":{"due":"2027-06-01"},"final":{"due":"2027-01-01"}}],"dataPlan":{"duties":[{"measure":"b"}]}}}`))
	f.Add([]byte(`{"district":{"name":"<script>alert(1)</script>"},"partner":{"name":"Smith & Sons \"TA\""}}`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(bytes.NewReader(data))
		if err != nil {
			assert.NotEmpty(t, partnership.ProblemsOf(err))
			return
		}
		c := s.Completeness()
		verr := s.Validate()
		assert.Equal(t, verr == nil, c.Complete)
		assert.Len(t, partnership.ProblemsOf(verr), countMissing(c))
		Check(s, nil)
		Check(s, riverside())
		var md, txt, page bytes.Buffer
		require.NoError(t, s.WriteMarkdown(&md))
		require.NoError(t, s.WriteText(&txt))
		require.NoError(t, s.WriteHTML(&page))
		require.NoError(t, wellFormed(page.String()))
	})
}

// FuzzRender puts arbitrary text in every kind of field and checks that each
// document shows it as text: the HTML stays well-formed and its visible text
// holds the value, the Markdown holds the escaped value, which unescapes to
// the value, and the plain text holds the value itself.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"<script>alert(1)</script>", `Smith & Sons "TA"`, "[x](javascript:alert(1))", "# title\n- item\n1. one",
		"--><!--", "]]>", "\\*not bold\\*", "`code` | cell", "&amp; &lt;", "{{.District}}", "\x00\x1b[2J", "   ", "é ü 中文 🙂",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		s := load(t, "complete.json")
		s.District.Name = text
		s.Partner.Name = "Partner " + text
		s.ContractRef = text
		s.Schools[0].Name = text
		s.Practices.Alignment.Evidence = text
		s.Appendix.Priority.How = text
		s.Appendix.Schedule.Activities[0].Who = text
		s.Appendix.Contacts.PartnerLiaison = Contact{Name: text, Title: text}
		s.Appendix.Measures[0].Name = text
		s.Appendix.Meetings.Agenda = []string{text}
		s.Appendix.Meetings.Conflict = text
		s.Session.Attendees[0].Name = text

		var page, md, txt bytes.Buffer
		require.NoError(t, s.WriteHTML(&page))
		require.NoError(t, s.WriteMarkdown(&md))
		require.NoError(t, s.WriteText(&txt))

		require.NoError(t, wellFormed(page.String()))
		want := escape.Line(text)
		if want == "" {
			return
		}
		assert.Contains(t, htmlText(t, page.String()), "Partner "+want)
		escaped := escape.Markdown("Partner " + text)
		assert.Contains(t, md.String(), escaped)
		assert.Equal(t, "Partner "+want, unescapeMarkdown(escaped))
		rendered := renderMarkdown(t, md.String())
		assert.NotContains(t, rendered, "<a ")
		assert.Contains(t, strings.Join(strings.Fields(htmlText(t, rendered)), " "), "Partner "+strings.Join(strings.Fields(want), " "))
		flat := strings.Join(strings.Fields(txt.String()), " ")
		assert.Contains(t, flat, "Partner "+want)
	})
}
