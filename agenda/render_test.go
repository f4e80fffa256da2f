package agenda_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/mdtest"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// before returns the fixture as it stood before the meeting: not closed, no
// notes, no record, only the carried action.
func before(t *testing.T) agenda.Meeting {
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	m.Closed = false
	m.Record = ""
	for i := range m.Sections {
		for j := range m.Sections[i].Questions {
			m.Sections[i].Questions[j].Notes = ""
		}
	}
	m.Actions = m.Actions[:1]
	return m
}

func TestRenderGolden(t *testing.T) {
	after, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	for name, m := range map[string]agenda.Meeting{"agenda": before(t), "minutes": after} {
		var md, h bytes.Buffer
		require.NoError(t, m.WriteMarkdown(&md))
		require.NoError(t, m.WriteHTML(&h))
		golden(t, name+".md", md.Bytes())
		golden(t, name+".html", h.Bytes())
	}
}

func TestMarkdownContent(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, before(t).WriteMarkdown(&b))
	md := b.String()
	assert.Contains(t, md, "# Quarterly partnership review\n")
	assert.Contains(t, md, "- **When:** Tuesday, September 15, 2026, 3:30–4:30 PM (UTC-04:00)\n")
	assert.Contains(t, md, "- **Time budget:** sections add up to 55 of 60 minutes\n")
	assert.Contains(t, md, "- [x] Bring the latest data")
	assert.Contains(t, md, "### 4. Ongoing communication and collaboration (15 min, 4:05–4:20 PM)\n")
	assert.Contains(t, md, "| 1 | Share the PD calendar with the partner | ana | July 1, 2026 | open | carried over from an earlier meeting |\n")
	assert.NotContains(t, md, "## Record")
	assert.Contains(t, md, `Hayes High School, room 12 \<library\> (in person)`)

	b.Reset()
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	require.NoError(t, m.WriteMarkdown(&b))
	md = b.String()
	assert.Contains(t, md, "# Minutes: Quarterly partnership review\n")
	assert.Contains(t, md, "## Present\n")
	assert.Contains(t, md, "   Still aligned with the portfolio priority.\\\n   Summer PD clashed with summer school.\n")
	assert.Contains(t, md, `Teachers have 10 h/week; the institute asks 30 \| too much.`)
	assert.Contains(t, md, "\\<script\\>alert('x')\\</script\\> stays text")
	assert.Contains(t, md, "| 3 | Report units submitted by school | — | October 1, 2026 | done | this meeting, Clear metrics established |\n")
	assert.Contains(t, md, "## Record\n\nMet in the library.\\\nAgreed to revisit")
	assert.Contains(t, md, "*No notes.*")
}

func TestMarkdownEscapesLineStarts(t *testing.T) {
	m := agenda.Quarterly().At(stamp)
	m.Sections = []agenda.Section{{Title: "# not a heading", Minutes: 60, Questions: []agenda.Question{{Text: "1. not a list", Notes: "- not a bullet\n> not a quote\n+ plus"}}}}
	var b bytes.Buffer
	require.NoError(t, m.WriteMarkdown(&b))
	md := b.String()
	assert.Contains(t, md, `### 1. \# not a heading (60 min, 12:00–1:00 PM)`)
	assert.Contains(t, md, `1. 1\. not a list`)
	assert.Contains(t, md, "   \\- not a bullet\\\n   \\> not a quote\\\n   \\+ plus\n")
}

func TestHTMLIsTextOnly(t *testing.T) {
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	m.Attendees[0].Name = `<img src=x onerror=alert(1)>`
	var b bytes.Buffer
	require.NoError(t, m.WriteHTML(&b))
	out := b.String()
	assert.NotContains(t, out, "<img")
	assert.NotContains(t, out, "<script")
	assert.Contains(t, out, "<td>&lt;img src=x onerror=alert(1)&gt;</td>")
	assert.Contains(t, out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; stays text")
	assert.Contains(t, out, "<title>Minutes: Quarterly partnership review</title>")
	assert.Contains(t, out, "@media print")
	assert.Equal(t, 1, strings.Count(out, "<table>\n<thead><tr><th>#</th>"), "one action table")
	assert.Equal(t, 4, strings.Count(out, `<td class="date">`), "all four actions in the minutes")
	assert.NotContains(t, out, "2026-06-09-quarterly", "no meeting id in print")
}

// TestMarkdownKeepsUserTextInert writes an agenda and minutes in which every
// text a user typed is markup in some Markdown dialect, renders them as
// GitHub does, and checks they make the same elements as with plain text.
func TestMarkdownKeepsUserTextInert(t *testing.T) {
	write := func(text string, closed bool) string {
		line := strings.ReplaceAll(text, "\n", " ")
		m := agenda.Quarterly().At(stamp)
		m.Title, m.Location, m.Record, m.Closed = line, line, text, closed
		m.Attendees = []partnership.Attendee{{Name: line, Side: partnership.DistrictSide}}
		m.Prep = []agenda.PrepItem{{Text: line}}
		m.Sections[0].Title = line
		m.Sections[0].Questions[0] = agenda.Question{Text: line, Notes: text}
		m.Actions = []agenda.Action{{ID: "a1", Text: line, Owner: line, Section: line, Due: "2026-10-01"}}
		var b strings.Builder
		require.NoError(t, m.WriteMarkdown(&b))
		return b.String()
	}
	for _, closed := range []bool{false, true} {
		benign, hostile := mdtest.Render(t, write(mdtest.Benign, closed)), mdtest.Render(t, write(mdtest.Hostile, closed))
		assert.Equal(t, mdtest.Tags(benign), mdtest.Tags(hostile), "closed: %v", closed)
		assert.Contains(t, mdtest.Text(hostile), strings.ReplaceAll(mdtest.Hostile, "\n", " "))
		assert.Contains(t, mdtest.Text(hostile), mdtest.Hostile, "notes and the record keep their lines")
	}
}
