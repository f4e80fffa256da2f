package main

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

// screens are what the page shows before its app has started, rendered by
// the page's own view code.
type screens struct {
	// Start is the Start screen of a device that keeps nothing yet.
	Start string
	// Opening is the frame and "Opening your workspace…" of a device that
	// keeps a workspace (see ui.App.RenderOpening).
	Opening string
	// Example is the example district's first frame, as a click on "Open
	// the example district" on Start shows it: its review, with a line that
	// says it is checking the workspace (the findings come once the app
	// runs).
	Example string
	// ExampleID is the example's workspace ID: a device that keeps it opens
	// its own copy instead.
	ExampleID string
}

// firstScreens renders the screens. The build writes them into the page
// as HTML, so that they show as soon as the browser has read the top of the
// file, and the example as soon as it is asked for; the app draws the same
// screen over them. Nothing on them depends on the day, the time zone, the
// clock or what the browser can do (firstscreen_test.go).
func firstScreens() (screens, error) {
	return screensWith(ui.Config{Now: func() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) }})
}

// screensWith renders the screens on a device that keeps nothing yet, with
// cfg's clock and settings.
func screensWith(cfg ui.Config) (screens, error) {
	var s screens
	var err error
	cfg.Storage = store.NewMemory(0)
	a := ui.Open(cfg)
	if s.Start, err = nodeHTML(a.Render()); err != nil {
		return s, err
	}
	if s.Opening, err = nodeHTML(a.RenderOpening()); err != nil {
		return s, err
	}
	a.Handle(ui.Event{Action: ui.StartExample})
	if a.Workspace() == nil || a.Workspace().Partnership == nil {
		return s, fmt.Errorf("the example did not open")
	}
	s.ExampleID = a.Workspace().WorkspaceID
	s.Example, err = nodeHTML(a.Render())
	return s, err
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
