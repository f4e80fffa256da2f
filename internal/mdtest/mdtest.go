// Package mdtest renders Markdown as GitHub does, for tests that check a
// writer keeps user text inert: CommonMark with GitHub's extensions (tables,
// strikethrough, task lists and automatic links of addresses), with raw HTML
// kept, so that any HTML that slipped through shows as elements.
package mdtest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Render renders md and returns the HTML nodes it makes, as children of a
// body element.
func Render(t testing.TB, md string) *html.Node {
	t.Helper()
	var b bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert([]byte(md), &b); err != nil {
		t.Fatalf("rendering Markdown: %v", err)
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(&b, body)
	if err != nil {
		t.Fatalf("parsing the rendered HTML: %v", err)
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return body
}

// Tags lists the elements of rendered Markdown in document order, and
// "<!---->" for a comment, which is what raw HTML left out would leave.
func Tags(n *html.Node) []string {
	var tags []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			tags = append(tags, n.Data)
		case html.CommentNode:
			tags = append(tags, "<!---->")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	return tags
}

// Text returns the text a node shows, with its descendants'.
func Text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(Text(c))
	}
	return b.String()
}

// Hostile is user text that is markup in one Markdown dialect or another: a
// writer given it in every field must make the same elements as with Benign,
// and show it as text.
const Hostile = "# <b>Riverside</b> *1.* [x](https://a.org) www.b.org ana@c.org | ~~x~~ `y` &amp;\n- item\n===\n1) two"

// Benign is plain text with as many lines as Hostile.
const Benign = "Riverside\nitem\nthree\nfour"
