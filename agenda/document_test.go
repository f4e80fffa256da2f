package agenda_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func word(t testing.TB, m agenda.Meeting) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, m.WriteDOCX(&b))
	return b.Bytes()
}

func minutes(t *testing.T) agenda.Meeting {
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	return m
}

// The Word file, the HTML page and the Markdown of a meeting say the same
// things, before the meeting (the agenda) and after it (the minutes).
func TestFormatsSayTheSame(t *testing.T) {
	for name, m := range map[string]agenda.Meeting{"agenda": before(t), "minutes": minutes(t)} {
		t.Run(name, func(t *testing.T) {
			var page, md bytes.Buffer
			require.NoError(t, m.WriteHTML(&page))
			require.NoError(t, m.WriteMarkdown(&md))
			fromHTML := doctest.Words(doctest.HTMLBlocks(t, page.String()))
			doctest.SameWords(t, fromHTML, doctest.Words(doctest.Read(t, word(t, m)).Blocks), "Word and HTML")
			doctest.SameWords(t, fromHTML, doctest.Words(doctest.MarkdownBlocks(t, md.String())), "Markdown and HTML")
		})
	}
}

func TestDOCXGolden(t *testing.T) {
	for name, m := range map[string]agenda.Meeting{"agenda": before(t), "minutes": minutes(t)} {
		t.Run(name, func(t *testing.T) {
			doctest.Golden(t, filepath.Join("testdata", name+".docx.txt"), word(t, m), *update)
		})
	}
}

func TestDOCXOpensInPythonDocx(t *testing.T) {
	c := doctest.PythonDocx(t, word(t, minutes(t)))
	assert.Equal(t, []string{
		"1 Minutes: Quarterly partnership review", "2 Present", "2 Agenda",
		"3 1. Alignment of strategic priority and objectives (10 min, 3:30–3:40 PM)",
		"3 2. Appropriate and sufficient resources (10 min, 3:40–3:50 PM)",
		"3 3. Clear metrics established (15 min, 3:50–4:05 PM)",
		"3 4. Ongoing communication and collaboration (15 min, 4:05–4:20 PM)",
		"3 5. Wrap-up (5 min, 4:20–4:25 PM)",
		"2 Record", "2 Action items",
	}, c.Headings())
	require.Len(t, c.Tables, 2, "attendees and actions")
	assert.Equal(t, []string{"Name", "Side", "Roles"}, c.Tables[0][0])
	assert.Equal(t, []string{"#", "Action", "Owner", "Due", "Status", "Raised"}, c.Tables[1][0])
	assert.Len(t, c.Tables[1], 5, "the header and four actions")
	var notes string
	for _, p := range c.Paragraphs {
		notes += p.Text + "\n"
	}
	assert.Contains(t, notes, "Still aligned with the portfolio priority.\nSummer PD clashed with summer school.", "notes keep their lines")
	assert.Contains(t, notes, "<script>alert('x')</script> stays text")
}

func TestDOCXHasNoIDs(t *testing.T) {
	for _, m := range []agenda.Meeting{before(t), minutes(t)} {
		text := strings.Join(doctest.Read(t, word(t, m)).Blocks, "\n")
		assert.NotContains(t, text, "2026-06-09-quarterly")
		assert.NotContains(t, text, ".a1")
	}
}

func TestBlankForm(t *testing.T) {
	f := agenda.BlankForm{Meeting: agenda.Quarterly(), Partnership: "Riverside Unified and Learning Partners"}
	var page, word bytes.Buffer
	require.NoError(t, f.WriteHTML(&page))
	require.NoError(t, f.WriteDOCX(&word))
	doctest.SameWords(t, doctest.Words(doctest.HTMLBlocks(t, page.String())), doctest.Words(doctest.Read(t, word.Bytes()).Blocks), "Word and HTML")
	doctest.Golden(t, filepath.Join("testdata", "blank-form.docx.txt"), word.Bytes(), *update)
	c := doctest.PythonDocx(t, word.Bytes())
	assert.Equal(t, []string{
		"1 Quarterly partnership review", "2 Preparation", "2 Present", "2 Agenda",
		"3 1. Alignment of strategic priority and objectives (10 min)",
		"3 2. Appropriate and sufficient resources (10 min)",
		"3 3. Clear metrics established (15 min)",
		"3 4. Ongoing communication and collaboration (20 min)",
		"3 5. Wrap-up (5 min)",
		"2 Action steps",
	}, c.Headings())
	require.Len(t, c.Tables, 2, "who is present, and the action steps")
	var questions []string
	notes := 0
	for _, p := range c.Paragraphs {
		if p.Style == "List Number" {
			questions = append(questions, p.Text)
		}
		if p.Text == "Notes and action steps:" {
			notes++
		}
	}
	var want []string
	for _, q := range agenda.MonitoringQuestions() {
		want = append(want, q.Text)
	}
	assert.Equal(t, want, questions, "the nine monitoring questions")
	assert.Equal(t, 9, notes, "room for notes under each question")
	doc := doctest.Parts(t, word.Bytes())["word/numbering.xml"]
	assert.Contains(t, doc, `<w:startOverride w:val="3"/>`, "the questions are numbered through, 1 to 9, as in the source")
}
