package contract

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/mdtest"
	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// load decodes a fixture from testdata.
func load(t testing.TB, name string) *Supplement {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	s, err := Decode(bytes.NewReader(data))
	require.NoError(t, err)
	return s
}

func TestGolden(t *testing.T) {
	formats := []struct {
		ext   string
		write func(*Supplement, io.Writer) error
	}{
		{"md", (*Supplement).WriteMarkdown},
		{"html", (*Supplement).WriteHTML},
		{"txt", (*Supplement).WriteText},
	}
	for _, fixture := range []string{"complete", "draft"} {
		s := load(t, fixture+".json")
		for _, f := range formats {
			t.Run(fixture+"."+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, f.write(s, &b))
				golden := filepath.Join("testdata", fixture+".golden."+f.ext)
				if *update {
					require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
				}
				want, err := os.ReadFile(golden)
				require.NoError(t, err, "run go test ./contract -update to create the golden files")
				assert.Equal(t, string(want), b.String())
			})
		}
	}
}

const (
	hostileScript  = "<script>alert(1)</script>"
	hostileQuotes  = `Smith & Sons "TA"`
	hostileMarkup  = "[Learning](https://evil.example) *Partners* #1"
	hostileComment = "--><!-- x"
)

func TestHostileNamesPrintAsText(t *testing.T) {
	s := load(t, "complete.json")
	s.District.Name = "Riverside " + hostileScript
	s.Partner.Name = hostileQuotes
	s.Schools[0].Name = hostileMarkup
	s.Appendix.Meetings.Agenda = append(s.Appendix.Meetings.Agenda, hostileComment, "<img src=x onerror=alert(2)>")

	t.Run("html", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, s.WriteHTML(&b))
		out := b.String()
		requireWellFormed(t, out)
		assert.NotContains(t, out, "<script")
		assert.NotContains(t, out, "<img")
		assert.Contains(t, out, "Riverside &lt;script&gt;alert(1)&lt;/script&gt;")
		assert.Contains(t, out, "Smith &amp; Sons &#34;TA&#34;")
		text := htmlText(t, out)
		for _, want := range []string{"Riverside " + hostileScript, hostileQuotes, hostileMarkup, hostileComment} {
			assert.Contains(t, text, want, "the page must show the typed text")
		}
	})
	t.Run("markdown", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, s.WriteMarkdown(&b))
		out := b.String()
		assert.Contains(t, out, `Riverside \<script\>alert(1)\</script\>`)
		assert.Contains(t, out, `Smith \& Sons "TA"`)
		assert.Contains(t, out, `\[Learning\](https\://evil.example) \*Partners\* \#1`)
		assert.NotRegexp(t, regexp.MustCompile(`(^|[^\\])<(script|img)`), out, "raw HTML in Markdown would run in many renderers")
		assert.NotRegexp(t, regexp.MustCompile(`(^|[^\\])\[Learning\]`), out)

		// What a Markdown renderer makes of it: the same text, no links, no HTML.
		page := renderMarkdown(t, out)
		requireWellFormed(t, page)
		assert.NotContains(t, page, "<a ")
		text := htmlText(t, page)
		for _, want := range []string{"Riverside " + hostileScript, hostileQuotes, hostileMarkup, hostileComment} {
			assert.Contains(t, text, want, "the rendered Markdown must show the typed text")
		}
	})
	t.Run("text", func(t *testing.T) {
		var b bytes.Buffer
		require.NoError(t, s.WriteText(&b))
		out := b.String()
		for _, want := range []string{"Riverside " + hostileScript, hostileQuotes, hostileMarkup, hostileComment} {
			assert.Contains(t, out, want, "plain text shows names literally")
		}
	})
}

func TestTextDropsControlCharacters(t *testing.T) {
	s := New("Dist\x1b[31mrict\x00", "Partner\u2028Name")
	var b bytes.Buffer
	require.NoError(t, s.WriteText(&b))
	assert.NotContains(t, b.String(), "\x1b")
	assert.NotContains(t, b.String(), "\x00")
	assert.Contains(t, b.String(), "Dist[31mrict")
	assert.Contains(t, b.String(), "PartnerName")
}

func TestAddendumLanguage(t *testing.T) {
	for _, form := range []Form{Addendum, MOU} {
		s := load(t, "complete.json")
		s.Form = form
		var md, txt, page bytes.Buffer
		require.NoError(t, s.WriteMarkdown(&md))
		require.NoError(t, s.WriteText(&txt))
		require.NoError(t, s.WriteHTML(&page))
		for name, out := range map[string]string{"markdown": md.String(), "text": txt.String(), "html": htmlText(t, page.String())} {
			flat := strings.Join(strings.Fields(out), " ")
			assert.Contains(t, flat, "non-binding", name)
			assert.Contains(t, flat, "Contract No. 2026-114 for coaching services", name)
			assert.NotContains(t, flat, "Draft, not ready to sign", name)
			assert.NotContains(t, flat, "NOT READY TO SIGN", name)
			assert.Equal(t, 2, strings.Count(flat, "Signature")-strings.Count(flat, "Signatures"), name+": a signature line for each party")
			if form == MOU {
				assert.Contains(t, flat, "memorandum of understanding", name)
			} else {
				assert.Contains(t, flat, "addendum to the contract", name)
			}
		}
	}
}

func TestDraftIsMarked(t *testing.T) {
	s := load(t, "draft.json")
	var md, txt, page bytes.Buffer
	require.NoError(t, s.WriteMarkdown(&md))
	require.NoError(t, s.WriteText(&txt))
	require.NoError(t, s.WriteHTML(&page))
	summary := s.Completeness().Summary()
	assert.Contains(t, md.String(), "Draft, not ready to sign")
	assert.Contains(t, txt.String(), "DRAFT, NOT READY TO SIGN")
	assert.Contains(t, page.String(), "Draft, not ready to sign")
	for _, out := range []string{md.String(), strings.Join(strings.Fields(txt.String()), " "), page.String()} {
		assert.Contains(t, out, summary)
		assert.Contains(t, strings.ToLower(out), "still to complete", "the list of what is missing")
	}
}

func TestRenderNil(t *testing.T) {
	var s *Supplement
	var b bytes.Buffer
	require.NoError(t, s.WriteHTML(&b))
	requireWellFormed(t, b.String())
	assert.Contains(t, b.String(), placeholderDistrict)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorIsWrapped(t *testing.T) {
	err := New("A", "B").WriteMarkdown(failWriter{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full")
	assert.Contains(t, err.Error(), "Markdown")
}

// unescapeMarkdown undoes CommonMark backslash escapes of ASCII punctuation.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestWrap(t *testing.T) {
	assert.Equal(t, "aaa bbb\n  ccc", wrap("aaa bbb ccc", 7, "  "))
	assert.Equal(t, "one\n  two", wrap("one\ntwo", 70, "  "))
	assert.Equal(t, "averyveryverylongword\n  x", wrap("averyveryverylongword x", 5, "  "))
}

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// requireWellFormed checks that every element of an HTML document is closed
// in order and that the document has no script and no external resource.
func requireWellFormed(t testing.TB, doc string) {
	t.Helper()
	require.NoError(t, wellFormed(doc))
}

func wellFormed(doc string) error {
	z := html.NewTokenizer(strings.NewReader(doc))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(open) > 0 {
				return fmt.Errorf("elements left open: %v", open)
			}
			return nil
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if tag == "script" || tag == "iframe" || tag == "object" {
				return fmt.Errorf("the document contains a <%s> element", tag)
			}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if bytes.HasPrefix(k, []byte("on")) || bytes.Equal(k, []byte("src")) || bytes.Equal(k, []byte("href")) && !bytes.HasPrefix(v, []byte("#")) {
					return fmt.Errorf("<%s> has attribute %s=%q", tag, k, v)
				}
			}
			if !voidElements[tag] {
				open = append(open, tag)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if len(open) == 0 || open[len(open)-1] != tag {
				return fmt.Errorf("</%s> closes nothing open (open: %v)", tag, open)
			}
			open = open[:len(open)-1]
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				return fmt.Errorf("<%s/> is not a void element", name)
			}
		}
	}
}

// htmlText returns the text a browser shows for the document's body.
func htmlText(t testing.TB, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	require.NoError(t, err)
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return b.String()
}

func BenchmarkWriteHTML(b *testing.B) {
	s := load(b, "complete.json")
	b.ReportAllocs()
	for b.Loop() {
		if err := s.WriteHTML(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompleteness(b *testing.B) {
	s := load(b, "complete.json")
	b.ReportAllocs()
	for b.Loop() {
		if !s.Completeness().Complete {
			b.Fatal("the fixture is complete")
		}
	}
}

// renderMarkdown renders a Markdown document as GitHub does (see mdtest) and
// returns the HTML page it makes.
func renderMarkdown(t testing.TB, md string) string {
	t.Helper()
	var b strings.Builder
	for c := mdtest.Render(t, md).FirstChild; c != nil; c = c.NextSibling {
		require.NoError(t, html.Render(&b, c))
	}
	return "<!DOCTYPE html><html><head><title>t</title></head><body>" + b.String() + "</body></html>"
}

// TestMarkdownKeepsUserTextInert fills every kind of field with text that is
// markup in some Markdown dialect, renders the document as GitHub does, and
// checks it makes the same elements as with plain text.
func TestMarkdownKeepsUserTextInert(t *testing.T) {
	write := func(text string) string {
		line := strings.ReplaceAll(text, "\n", " ")
		s := load(t, "complete.json")
		s.District.Name, s.Partner.Name, s.ContractRef = line, line, line
		s.Schools[0].Name = line
		s.Practices.Alignment.Evidence = text
		s.Appendix.Priority.Statement, s.Appendix.Priority.How = line, text
		s.Appendix.Investment.Evidence = text
		s.Appendix.Schedule.Activities[0] = Activity{What: line, Who: line, When: line, Hours: 2}
		s.Appendix.Schedule.Assurance.Notes = text
		s.Appendix.Contacts.PartnerLiaison = Contact{Name: line, Title: line}
		s.Appendix.Measures[0].Name = line
		s.Appendix.Measures[0].Interim.Target = line
		s.Appendix.DataPlan.Process = text
		s.Appendix.DataPlan.Duties[0].Source = line
		s.Appendix.Meetings.Agenda = []string{line, line}
		s.Appendix.Meetings.Conflict, s.Appendix.Meetings.Improvement, s.Appendix.Meetings.Dissolution = text, text, text
		s.Session.Attendees[0].Name = line
		var b strings.Builder
		require.NoError(t, s.WriteMarkdown(&b))
		return b.String()
	}
	benign, hostile := mdtest.Render(t, write(mdtest.Benign)), mdtest.Render(t, write(mdtest.Hostile))
	assert.Equal(t, mdtest.Tags(benign), mdtest.Tags(hostile))
	assert.Contains(t, mdtest.Text(hostile), strings.ReplaceAll(mdtest.Hostile, "\n", " "))
}
