package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// printed returns the part of the page that prints, or nil.
func printed(t *testing.T, a *App) *Node {
	t.Helper()
	root := a.Render()
	require.NoError(t, root.Check())
	return root.Find("pk-print-doc")
}

// headings lists the headings of a tree, as "h2 Agreement".
func headings(n *Node) []string {
	var out []string
	n.Walk(func(m *Node) bool {
		switch m.Tag {
		case "h1", "h2", "h3":
			out = append(out, m.Tag+" "+m.TextContent())
		}
		return true
	})
	return out
}

// internal matches what must not print: JSON paths, ids and rule names.
var internal = regexp.MustCompile(`\b(partnership|contract|meetings|readiness)(\.[a-z]|\[)|\[\d+\]|\b[a-z]+\.[a-z]+-[a-z-]+\b|(?i)scroll`)

// exampleToPrint is the built-in example, which has a supplement
// and meetings, with a meeting and a round of ratings by a named rater
// added.
func exampleToPrint(t *testing.T) *App {
	t.Helper()
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	meetings, rounds := len(a.ws.Meetings), len(a.ws.Readiness)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.start"})
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.create"})
	raters := newApp(t)
	code := rateAs(t, raters, "District leadership team", "Ana Ruiz", []int{4, 3, 2, 3}, "Summer clash")
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	a.Handle(Event{Action: "round.new"})
	a.Handle(Event{Action: "fac.paste", Value: code})
	a.Handle(Event{Action: "fac.addcodes"})
	require.NotNil(t, a.ws.Contract)
	require.Len(t, a.ws.Meetings, meetings+1)
	require.Len(t, a.ws.Readiness, rounds+1)
	return a
}

// Each tool prints its document: real headings, no control, no hint about
// scrolling, no path or id; the views without a document print as they are.
func TestEachToolPrintsItsDocument(t *testing.T) {
	a := exampleToPrint(t)
	for view, first := range map[View]string{
		ViewRate:        "h1 Readiness for Partnership: rating form",
		ViewFacilitate:  "h1 Readiness for Partnership: summary of ratings",
		ViewContract:    "h1 Contract Supplement",
		ViewMeetings:    "h1 Quarterly partnership review",
		ViewReview:      "h1 Meeting pre-read: " + a.ws.Partnership.Name,
		ViewPartnership: "h1 Meeting pre-read: " + a.ws.Partnership.Name,
		ViewProgress:    "h1 The partnership over time",
	} {
		t.Run(string(view), func(t *testing.T) {
			a.Handle(Event{Action: "nav", Arg: string(view)})
			p := printed(t, a)
			require.NotNil(t, p, "the view prints a document")
			h := headings(p)
			require.NotEmpty(t, h)
			assert.Equal(t, first, h[0])
			p.Walk(func(n *Node) bool {
				switch n.Tag {
				case "input", "select", "textarea", "button", "label":
					t.Errorf("<%s> in what prints", n.Tag)
				}
				return true
			})
			assert.Empty(t, internal.FindAllString(p.TextContent(), -1), "nothing internal prints")
			assert.Contains(t, a.PrintFooter(), "Aligned Partners Project", "the partnership's name is in the footer")
		})
	}
	for _, view := range []View{ViewStart, ViewData} {
		a.Handle(Event{Action: "nav", Arg: string(view)})
		assert.Nil(t, printed(t, a), view)
		assert.Equal(t, `""`, a.PrintFooter())
	}
}

func TestThePreReadPrintsCriticalFindingsFirst(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
	h := headings(printed(t, a))
	require.GreaterOrEqual(t, len(h), 2)
	assert.Equal(t, "h2 To talk about first", h[1])
}

func TestBlankFormsPrintAndDownload(t *testing.T) {
	a := newApp(t)
	for form, want := range map[string]string{
		blankRubric:   "h1 Readiness for Partnership: rating form",
		blankContract: "h1 Contract Supplement",
		blankAgenda:   "h1 Quarterly partnership review",
	} {
		a.Handle(Event{Action: "nav", Arg: string(ViewStart)})
		assert.Equal(t, []Effect{Print{}}, a.Handle(Event{Action: "print", Arg: form}))
		p := printed(t, a)
		require.NotNil(t, p, form)
		assert.Equal(t, want, headings(p)[0])
		var writeIns int
		p.Walk(func(n *Node) bool {
			if v, _ := n.Attr("class"); v == "write" {
				writeIns++
			}
			return true
		})
		assert.Positive(t, writeIns, "%s: lines to write on", form)

		eff := a.Handle(Event{Action: "docx", Arg: form})
		require.Len(t, eff, 1)
		d := eff[0].(Download)
		assert.True(t, strings.HasSuffix(d.Name, ".docx"), d.Name)
		c := doctest.Read(t, d.Data)
		assert.Equal(t, strings.TrimPrefix(want, "h"), c.Headings()[0])

		a.Handle(Event{Action: "notice.ok", Value: "x"})
		assert.Nil(t, printed(t, a), "any other event prints the view's own document again")
	}
}

func TestSummaryNamesOnlyWhenChosen(t *testing.T) {
	a := exampleToPrint(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	text := printed(t, a).TextContent()
	assert.Contains(t, text, "Summer clash")
	assert.NotContains(t, text, "Ana Ruiz", "no names by default")
	for _, action := range []string{"report.html", "report.md"} {
		d := a.Handle(Event{Action: action})[0].(Download)
		assert.NotContains(t, string(d.Data), "Ana Ruiz", action)
	}
	word := a.Handle(Event{Action: "docx", Arg: "view"})[0].(Download)
	assert.NotContains(t, strings.Join(doctest.Read(t, word.Data).Blocks, "\n"), "Ana Ruiz")

	a.Handle(Event{Action: "fac.names"})
	assert.Contains(t, printed(t, a).TextContent(), "Ana Ruiz", "names when chosen")
	d := a.Handle(Event{Action: "report.md"})[0].(Download)
	assert.Contains(t, string(d.Data), "Ana Ruiz")
	box := a.Render().Find("pk-names")
	require.NotNil(t, box)
	_, ticked := box.Attr("checked")
	assert.True(t, ticked)
}

func TestWordDownloadsOfEachTool(t *testing.T) {
	a := exampleToPrint(t)
	for view, heading := range map[View]string{
		ViewContract:    "1 Contract Supplement",
		ViewMeetings:    "1 Quarterly partnership review",
		ViewFacilitate:  "1 Readiness for Partnership: summary of ratings",
		ViewReview:      "1 Meeting pre-read: " + a.ws.Partnership.Name,
		ViewPartnership: "1 Meeting pre-read: " + a.ws.Partnership.Name,
	} {
		a.Handle(Event{Action: "nav", Arg: string(view)})
		if view == ViewPartnership {
			b := a.Render().Find("pk-part-docx")
			require.NotNil(t, b, "the Partnership tab offers the pre-read in Word")
			arg, _ := b.Attr("data-arg")
			assert.Equal(t, "view", arg)
		}
		eff := a.Handle(Event{Action: "docx", Arg: "view"})
		require.Len(t, eff, 1, view)
		d := eff[0].(Download)
		assert.Equal(t, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.Type)
		c := doctest.Read(t, d.Data)
		assert.Equal(t, heading, c.Headings()[0], view)
		assert.Contains(t, c.Footers[0], "Aligned Partners Project", "%s: the partnership in the footer", view)
	}
}

// The contract's preview is the document that prints, not a text dump.
func TestContractPreviewIsTheDocument(t *testing.T) {
	a := exampleToPrint(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.preview"})
	pre := a.Render().Find("pk-contract-preview")
	require.NotNil(t, pre)
	assert.Equal(t, headings(printed(t, a)), headings(pre))
	pre.Walk(func(n *Node) bool {
		assert.NotEqual(t, "pre", n.Tag)
		return true
	})
}

// The print is drawn again only when what it shows may have changed, and
// not at every key typed: it catches up when the page is about to print.
func TestPrintIsKeptUntilTheWorkspaceChanges(t *testing.T) {
	a := exampleToPrint(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	first := printed(t, a)
	a.Handle(Event{Action: "tick"})
	assert.Same(t, first, printed(t, a))
	a.Handle(Event{Action: "field", Path: "contract.contractRef", Value: "Contract No. 7"})
	assert.Same(t, first, printed(t, a), "typing does not draw the document again")
	assert.Empty(t, a.Handle(Event{Action: PrintSettle}))
	again := printed(t, a)
	assert.NotSame(t, first, again)
	assert.Contains(t, again.TextContent(), "Contract No. 7")

	a.Handle(Event{Action: "field", Path: "contract.contractRef", Value: "Contract No. 8"})
	assert.Equal(t, []Effect{Print{}}, a.Handle(Event{Action: "print", Arg: ""}))
	assert.Contains(t, printed(t, a).TextContent(), "Contract No. 8", "the print button prints what is typed")
	a.Handle(Event{Action: "field", Path: "contract.contractRef", Value: "Contract No. 9"})
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	require.NotNil(t, printed(t, a))
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	assert.Contains(t, printed(t, a).TextContent(), "Contract No. 9", "another view draws from the workspace as it is")
}

func TestSlugEndsAtAWholeWord(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Ana Ruiz", "ana-ruiz"},
		{"  <b>Ana</b>  Ruiz! ", "b-ana-b-ruiz"},
		{"", "rater"},
		{"Meeting pre-read: Aligned Partners Project in Hams Gulch", "meeting-pre-read-aligned-partners"},
		{"Readiness for Partnership: summary of ratings", "readiness-for-partnership-summary-of"},
		{"The partnership over time: Aligned Partners", "the-partnership-over-time-aligned"},
		{"Contract Supplement: Hams Gulch Unified School District", "contract-supplement-hams-gulch-unified"},
		{"Exactly forty letters long, not one more", "exactly-forty-letters-long-not-one-more"},
		{strings.Repeat("x", 50), strings.Repeat("x", 40)},
	} {
		got := slug(tc.name)
		assert.Equal(t, tc.want, got, tc.name)
		assert.LessOrEqual(t, len(got), 40)
	}
}

// Opening the example draws what shows first: its findings, and its
// pre-read, which only the printer sees, are drawn on the event asked for
// once the example shows, or on any event before it.
func TestTheExamplePrintsOnceShown(t *testing.T) {
	for _, next := range []Event{{Action: PrintSettle}, {Action: "print"}, {Action: "tick"}} {
		t.Run(next.Action, func(t *testing.T) {
			a := newApp(t)
			eff := a.Handle(Event{Action: "start.example"})
			assert.Contains(t, eff, Effect(AfterFrame{Action: PrintSettle}))
			assert.NotNil(t, a.Render().Find("pk-review-checking"), "the review shows, being checked")
			assert.Nil(t, printed(t, a), "its pre-read waits")
			a.Handle(next)
			assert.NotNil(t, a.Render().Find("pk-review-counts"))
			doc := printed(t, a)
			require.NotNil(t, doc)
			assert.Contains(t, doc.TextContent(), "To talk about first")
		})
	}
}
