package readiness

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/mdtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create the golden file")
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update and review the diff", path)
}

func fixtureReport(t *testing.T) Report {
	t.Helper()
	rs, err := ReadCSV(bytes.NewReader(readFixture(t, "google-forms.csv")), ODST())
	require.NoError(t, err)
	rep, err := Summarize(ODST(), rs)
	require.NoError(t, err)
	return rep
}

func TestWriteMarkdown(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, fixtureReport(t).WriteMarkdown(&buf))
	out := buf.String()
	assert.Contains(t, out, Note)
	for _, want := range []string{
		"| Clear metrics established | 5 | 2.0 | 1–3 | 1 | 3 | 1 | 0 | no |",
		"| Clear metrics established | 5 | 2.6 | 2–3 | 0 | 2 | 3 | 0 | yes |",
		"1. Clear metrics established — mean 2.0, ratings 1–3, ratings differ, 3 concerns",
		"- Principal planning time is already taken by two district initiatives.\\\n  Who covers release time?",
	} {
		assert.True(t, strings.Contains(out, want), "the report lacks %q", want)
	}
	verdict := regexp.MustCompile(`(?i)\b(ready|not ready|pass|passed|fail|failed|go ahead|score)\b`)
	assert.Empty(t, verdict.FindAllString(strings.ReplaceAll(out, Note, ""), -1), "the report must not judge")
	golden(t, "report.md", buf.Bytes())
}

func TestWriteHTML(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, fixtureReport(t).WriteHTML(&buf))
	out := buf.String()
	assert.True(t, strings.Contains(out, Note))
	assert.False(t, strings.Contains(out, "<script"))
	assert.Equal(t, strings.Count(out, `xmlns="http://www.w3.org/2000/svg"`), strings.Count(out, "http"), "self-contained: nothing links out")
	assert.True(t, strings.Contains(out, "@media print"))
	assert.Equal(t, 2, strings.Count(out, "<svg "))
	golden(t, "report.html", buf.Bytes())
}

func TestWriteSVG(t *testing.T) {
	rep := fixtureReport(t)
	c, ok := TeamChart(rep, "district leadership team")
	require.True(t, ok)
	var buf bytes.Buffer
	require.NoError(t, c.WriteSVG(&buf))
	assertWellFormed(t, buf.Bytes())
	out := buf.String()
	assert.Contains(t, out, `role="img"`)
	assert.Contains(t, out, `aria-labelledby="chart-District-leadership-team-title chart-District-leadership-team-desc"`)
	assert.Contains(t, out, "<title>A rating: 4</title>")
	assert.NotContains(t, out, "Maria Rivera", "no names unless asked for")
	assert.Contains(t, out, "Clear metrics established: 5 ratings, from 1 to 3, mean 2.0.")
	golden(t, "team-chart.svg", buf.Bytes())

	c, ok = CategoryChart(rep, "metrics")
	require.True(t, ok)
	buf.Reset()
	require.NoError(t, c.WriteSVG(&buf))
	assertWellFormed(t, buf.Bytes())
	assert.Equal(t, 2, strings.Count(buf.String(), `<g class="row">`))
	golden(t, "category-chart.svg", buf.Bytes())

	_, ok = CategoryChart(rep, "nope")
	assert.False(t, ok)
	_, ok = TeamChart(rep, "nobody")
	assert.False(t, ok)
}

// A report leaves the raters' names out of every format unless its options
// ask for them, and asking puts them in every format.
func TestNamesOnlyWhenAsked(t *testing.T) {
	rep := fixtureReport(t)
	names := []string{"Maria Rivera", "Ben Okafor", "Cy Lam", "Jo Tan"}
	write := map[string]func(Report) string{
		"markdown": func(r Report) string {
			var b bytes.Buffer
			require.NoError(t, r.WriteMarkdown(&b))
			return b.String()
		},
		"html": func(r Report) string {
			var b bytes.Buffer
			require.NoError(t, r.WriteHTML(&b))
			return b.String()
		},
		"svg": func(r Report) string {
			c, ok := TeamChart(r, "district leadership team")
			require.True(t, ok)
			var b bytes.Buffer
			require.NoError(t, c.WriteSVG(&b))
			c, ok = CategoryChart(r, "metrics")
			require.True(t, ok)
			require.NoError(t, c.WriteSVG(&b))
			return b.String()
		},
		"docx": func(r Report) string {
			var b bytes.Buffer
			require.NoError(t, r.WriteDOCX(&b))
			return strings.Join(doctest.Read(t, b.Bytes()).Blocks, "\n")
		},
		"document": func(r Report) string {
			var b bytes.Buffer
			require.NoError(t, r.Document().WriteHTML(&b))
			return b.String()
		},
	}
	for format, w := range write {
		without := w(rep)
		for _, n := range names {
			assert.NotContains(t, without, n, "%s: no names by default", format)
		}
		if format != "svg" {
			assert.Contains(t, without, "Principal planning time is already taken", "%s: the concerns are all there", format)
		}
		with := rep
		with.Options.Names = true
		out := w(with)
		assert.Contains(t, out, "Ben Okafor", "%s: names when asked", format)
		assert.Contains(t, out, "Maria Rivera", "%s: names when asked", format)
	}
	require.NotEmpty(t, rep.Teams[0].Categories[1].Concerns)
	assert.Equal(t, "Maria Rivera", rep.Teams[0].Categories[1].Concerns[0].Rater, "writing leaves the report as it was")
}

func TestSVGManyRatings(t *testing.T) {
	var rs []Response
	for range 40 {
		rs = append(rs, resp("r", "T", map[string]int{"metrics": 3}, nil))
	}
	rep, err := Summarize(ODST(), rs)
	require.NoError(t, err)
	c, _ := CategoryChart(rep, "metrics")
	var buf bytes.Buffer
	require.NoError(t, c.WriteSVG(&buf))
	assertWellFormed(t, buf.Bytes())
	assert.Contains(t, buf.String(), "<title>40 ratings at 3</title>", "many ratings at one level become one dot with a count")
}

// TestReportsKeepMarkupAsText feeds markup through every writer.
func TestReportsKeepMarkupAsText(t *testing.T) {
	evil := `<script>alert("x")</script>`
	rep, err := Summarize(ODST(), []Response{
		resp(evil, evil, map[string]int{"metrics": 2}, map[string]string{"metrics": evil + " | *bold* [link](http://x)"}),
	})
	require.NoError(t, err)
	var md, h, svg bytes.Buffer
	require.NoError(t, rep.WriteMarkdown(&md))
	require.NoError(t, rep.WriteHTML(&h))
	c, _ := TeamChart(rep, evil)
	require.NoError(t, c.WriteSVG(&svg))
	assertWellFormed(t, svg.Bytes())
	for name, out := range map[string]string{"markdown": md.String(), "html": h.String(), "svg": svg.String()} {
		assert.NotContains(t, out, "<script>", name)
	}
	assert.Contains(t, md.String(), `\<script\>`)
	assert.Contains(t, md.String(), `\| \*bold\* \[link\]`)
	assert.Contains(t, h.String(), "&lt;script&gt;")
}

func assertWellFormed(t *testing.T, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err != nil {
			require.ErrorContains(t, err, "EOF")
			return
		}
	}
}

// TestWriteMarkdownKeepsUserTextInert writes a report in which every text a
// user gave is markup in some Markdown dialect, renders it as GitHub does,
// and checks it makes the same elements as a report of plain text.
func TestWriteMarkdownKeepsUserTextInert(t *testing.T) {
	write := func(text string) string {
		line := strings.ReplaceAll(text, "\n", " ")
		rb := Rubric{ID: "c", Title: line, Source: line, Scale: Scale{Levels: []Level{
			{Value: 1, Label: line, Descriptor: line}, {Value: 2, Descriptor: line},
		}}, Categories: []Category{{ID: "a", Title: line}, {ID: "b", Title: line}}}
		rep, err := Summarize(rb, []Response{
			{Rater: line, Team: line, Ratings: map[string]int{"a": 1, "b": 2}, Concerns: map[string]string{"a": text, "b": text}},
			{Rater: line, Team: line, Ratings: map[string]int{"a": 2}, Concerns: map[string]string{"a": text}},
		})
		require.NoError(t, err)
		var b strings.Builder
		require.NoError(t, rep.WriteMarkdown(&b))
		return b.String()
	}
	benign, hostile := mdtest.Render(t, write(mdtest.Benign)), mdtest.Render(t, write(mdtest.Hostile))
	assert.Equal(t, mdtest.Tags(benign), mdtest.Tags(hostile))
	assert.Contains(t, mdtest.Text(hostile), strings.ReplaceAll(mdtest.Hostile, "\n", " "), "one-line fields show as typed")
	assert.Contains(t, mdtest.Text(hostile), mdtest.Hostile, "a concern keeps its lines, in its own list item")
}

// TestCompareMarkdownKeepsUserTextInert does the same for the comparisons of
// two rounds and of two teams.
func TestCompareMarkdownKeepsUserTextInert(t *testing.T) {
	write := func(text string) string {
		line := strings.ReplaceAll(text, "\n", " ")
		rb := ODST()
		rb.Categories[0].Title = line
		a := Round{ID: "a", Title: line, Rubric: &rb, Responses: []Response{{Rater: "A", Team: line, Ratings: map[string]int{"alignment": 2}}, {Rater: "B", Team: "T", Ratings: map[string]int{"alignment": 3}}}}
		b := Round{ID: "b", Title: line, Rubric: &rb, Responses: []Response{{Rater: "A", Team: line, Ratings: map[string]int{"alignment": 3}}}}
		rc, err := Compare(a, b)
		require.NoError(t, err)
		var out strings.Builder
		require.NoError(t, rc.WriteMarkdown(&out))
		rep, err := a.Summarize()
		require.NoError(t, err)
		tc, err := rep.CompareTeams(line, "T")
		require.NoError(t, err)
		out.WriteString("\n\n")
		require.NoError(t, tc.WriteMarkdown(&out))
		return out.String()
	}
	benign, hostile := mdtest.Render(t, write(mdtest.Benign)), mdtest.Render(t, write(mdtest.Hostile))
	assert.Equal(t, mdtest.Tags(benign), mdtest.Tags(hostile))
	assert.Contains(t, mdtest.Text(hostile), strings.ReplaceAll(mdtest.Hostile, "\n", " "))
}

// A chart is well-formed XML whatever was typed: control characters in a
// rubric's, a team's or a rater's text are not passed into the SVG.
func TestSVGWithControlCharactersIsXML(t *testing.T) {
	odd := "Bell\x07 esc\x1b nul\x00 \uFFFE end"
	rb := ODST()
	rb.Categories[0].Title = odd
	rep, err := Summarize(rb, []Response{
		{Rater: odd, Team: odd, Ratings: map[string]int{rb.Categories[0].ID: 2}},
	})
	require.NoError(t, err)
	rep.Options.Names = true
	for _, c := range []func() (Chart, bool){
		func() (Chart, bool) { return TeamChart(rep, odd) },
		func() (Chart, bool) { return CategoryChart(rep, rb.Categories[0].ID) },
	} {
		chart, ok := c()
		require.True(t, ok)
		var buf bytes.Buffer
		require.NoError(t, chart.WriteSVG(&buf))
		assertWellFormed(t, buf.Bytes())
		assert.Contains(t, buf.String(), "Bell\uFFFD esc\uFFFD nul\uFFFD \uFFFD end", "what XML cannot hold is seen to be missing")
	}
}
