package main

import (
	"html"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

// firstScreens renders, with the page's own view code, what the page shows
// before its app has started: start, the Start screen of a device that keeps
// nothing yet, and opening, the frame and "Opening your workspace…" of a
// device that keeps a workspace (see ui.App.RenderOpening). The build writes
// them into the page as HTML, so that they show as soon as the browser has
// read the top of the file; the app draws the same screen over them.
func firstScreens() (start, opening string, err error) {
	cfg := ui.Config{
		Storage: store.NewMemory(0),
		// Nothing on the first screens depends on the day.
		Now: func() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) },
	}
	a := ui.Open(cfg)
	if start, err = nodeHTML(a.Render()); err != nil {
		return "", "", err
	}
	opening, err = nodeHTML(a.RenderOpening())
	return start, opening, err
}

// voidElements have no end tag.
var voidElements = map[string]bool{"input": true, "img": true, "br": true, "hr": true}

// nodeHTML writes a render tree as HTML, as the page's builder (pkBuild in
// boot.js) would make it: every text and attribute escaped, only the
// elements and attributes the page allows.
func nodeHTML(n *ui.Node) (string, error) {
	if err := n.Check(); err != nil {
		return "", err
	}
	var b strings.Builder
	writeNode(&b, n)
	return b.String(), nil
}

func writeNode(b *strings.Builder, n *ui.Node) {
	if n.Tag == "" {
		b.WriteString(html.EscapeString(n.Text))
		return
	}
	b.WriteString("<" + n.Tag)
	text := n.Text
	for _, a := range n.Attrs {
		if n.Tag == "textarea" && a.Name == "value" {
			text = a.Value // a text area's value is its content
			continue
		}
		b.WriteString(" " + a.Name + `="` + html.EscapeString(a.Value) + `"`)
	}
	b.WriteString(">")
	if voidElements[n.Tag] {
		return
	}
	if len(n.Children) == 0 {
		if n.Tag == "textarea" && strings.HasPrefix(text, "\n") {
			b.WriteString("\n") // the parser drops a text area's first newline
		}
		b.WriteString(html.EscapeString(text))
	}
	for _, c := range n.Children {
		writeNode(b, c)
	}
	b.WriteString("</" + n.Tag + ">")
}
