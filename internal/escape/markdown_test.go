package escape_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/mdtest"
)

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Riverside Unified", "Riverside Unified"},
		{"  two\n lines\tand\r\nmore ", "two lines and more"},
		{"# not a heading", `\# not a heading`},
		{"- not a list", `\- not a list`},
		{"1. not a list", `1\. not a list`},
		{"2026) not a list", `2026\) not a list`},
		{"10 items. 2. fine", "10 items. 2. fine"},
		{"a *b* _c_ `d` ~e~", `a \*b\* \_c\_ \` + "`" + `d\` + "`" + ` \~e\~`},
		{"[link](x) ![img](y)", `\[link\](x) \!\[img\](y)`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"Smith & Sons | TA", `Smith \& Sons \| TA`},
		{"ana@rusd.example.org", `ana\@rusd.example.org`},
		{"see https://example.org or www.example.org", `see https\://example.org or www\.example.org`},
		{"C#", `C\#`},
		{"back\\slash", `back\\slash`},
		{"\u0007bell\u2028sep", "bellsep"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, escape.Markdown(tt.in), "%q", tt.in)
	}
}

func TestMarkdownLines(t *testing.T) {
	assert.Equal(t, "", escape.MarkdownLines(" \n\n ", "  "))
	assert.Equal(t, "first\\\n  \\- second\\\n  \\===", escape.MarkdownLines("first\n\n - second\r\n===\n", "  "))
}

// TestMarkdownRendersAsText renders inputs that are markup in one Markdown
// dialect or another and checks each shows as the same text.
func TestMarkdownRendersAsText(t *testing.T) {
	for _, in := range []string{
		"# heading", "## closing #", "===", "---", "***", "___", "- item", "+ item", "* item", "1. item", "1) item",
		"> quote", "```go", "~~~", "    code", "<div>x</div>", "<!-- c -->", "&amp; &#169; &copy;",
		"[a]: https://example.org", "[^1]", "- [ ] task", "a | b", "|---|---|", "~~gone~~", "**bold**", "_em_",
		"https://example.org/x?y=1", "http://a.b", "ftp://a.b", "www.example.org", "WWW.EXAMPLE.ORG", "(www.x.org)",
		"mailto:ana@x.org", "ana@x.org", "a.b-c+d@x.org", "<https://x.org>", "<ana@x.org>", "trailing\\",
		"line one\n# line two\n1. line three\n===\n    four\n> five\n| six |",
	} {
		checkRoundTrip(t, in)
	}
}

// FuzzMarkdown renders escaped text with goldmark in GitHub-flavoured mode,
// with automatic links, in every place the writers put user text, and checks
// that the HTML holds exactly the elements of the document around the text
// and shows the text as it is.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"", "plain", "# x", "1. x", "a@b.org", "www.x.org http://x.org", "x\ny\n\nz", "<b>&amp;</b>", "| a |\n|---|"} {
		f.Add(s)
	}
	f.Fuzz(checkRoundTrip)
}

// checkRoundTrip puts in, escaped, in a heading, a paragraph, a list item, a
// table cell and bold text, and in a paragraph and list items of several
// lines, renders the document and compares it with what it must show.
func checkRoundTrip(t *testing.T, in string) {
	line := escape.Line(in)
	lines := escape.Lines(in)
	if line == "" {
		assert.Empty(t, escape.Markdown(in))
		assert.Empty(t, escape.MarkdownLines(in, ""))
		return
	}
	doc := func(x string, ls []string) string {
		md := strings.Join(ls, "\n")
		return "# " + x + "\n\n" + x + "\n\n- " + x + "\n\n| h | g |\n|---|---|\n| " + x + " | b |\n\n**" + x + "**\n\n" +
			md + "\n\n- " + strings.Join(strings.Split(md, "\n"), "\n  ") + "\n\n1. " + strings.Join(strings.Split(md, "\n"), "\n   ") + "\n"
	}
	placeholder := make([]string, len(lines))
	for i := range placeholder {
		placeholder[i] = "x\\"
	}
	placeholder[len(placeholder)-1] = "x"
	wantTags, _ := render(t, doc("x", placeholder))

	escaped := escape.Markdown(in)
	gotTags, texts := render(t, doc(escaped, strings.Split(escape.MarkdownLines(in, ""), "\n")))
	require.Equal(t, wantTags, gotTags, "the elements of the document, for %q escaped as %q", in, escaped)
	joined := strings.Join(lines, "\n")
	assert.Equal(t, []string{line, line, line, "h", "g", line, "b", line, joined, joined, joined}, texts, "%q escaped as %q", in, escaped)
}

// render renders Markdown as GitHub does and returns the elements in
// document order and the text of each block that holds text.
func render(t *testing.T, md string) (tags []string, texts []string) {
	t.Helper()
	body := mdtest.Render(t, md)
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h1", "p", "li", "td", "th":
				if n.Data == "p" && n.FirstChild != nil && n.FirstChild.Type == html.ElementNode && n.FirstChild.Data == "strong" {
					break // the bold text's paragraph: its strong holds the text
				}
				texts = append(texts, strings.TrimSpace(mdtest.Text(n)))
			case "strong":
				texts = append(texts, mdtest.Text(n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	return mdtest.Tags(body), texts
}
