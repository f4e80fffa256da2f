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
	m, err := agenda.Decode(fixture(t))
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
		"3 1. Alignment of strategic priority and objectives (10 min, 15:30–15:40)",
		"3 2. Appropriate and sufficient resources (10 min, 15:40–15:50)",
		"3 3. Clear metrics established (15 min, 15:50–16:05)",
		"3 4. Ongoing communication and collaboration (15 min, 16:05–16:20)",
		"3 5. Wrap-up (5 min, 16:20–16:25)",
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
