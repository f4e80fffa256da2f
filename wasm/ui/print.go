package ui

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// Printing: every tool prints its document, the one the library writes
// (the addendum, the agenda or the minutes, the readiness summary, the
// review as a pre-read, a blank form), drawn from document.Elements into a
// part of the page that only the printer sees. The page's own controls,
// hints and paths never print.

// The blank forms a tool can print or download, by the Arg of their
// buttons.
const (
	blankRubric   = "blank.rubric"
	blankContract = "blank.contract"
	blankAgenda   = "blank.agenda"
)

// printer is what the page prints, beyond the view's own document.
type printer struct {
	// form is the blank form the last "print" asked for; "" is the view's
	// own document. Any other event sets it back.
	form string
	// key says what nodes holds, and nodes the document drawn for print:
	// drawn again only when the workspace, the view or a choice changes.
	key   string
	nodes *Node
	// footer is the text at the foot of each printed page.
	footer string
	// rev is the revision of the workspace the print follows. It catches up
	// when printing is asked for and on PrintSettle, which the page sends
	// before the browser prints and after a pause in typing, so that typing
	// in a long form does not draw its whole document again at every key.
	rev int
}

// PrintSettle is the event that brings what prints up to date with the
// workspace.
const PrintSettle = "print.settle"

// handlePrint handles "print" (the view's document, or the blank form of
// its Arg) and "docx" (the Word file of the view's document or of a blank
// form). Every other event forgets a blank form asked for.
func (a *App) handlePrint(ev Event) ([]Effect, bool) {
	switch ev.Action {
	case "print":
		a.printing.form, a.printing.rev = ev.Arg, a.rev
		return []Effect{Print{}}, true
	case "docx":
		return a.downloadDOCX(ev.Arg), true
	case PrintSettle:
		a.printing.rev = a.rev
		return nil, true
	}
	if ev.Action != "tick" {
		a.printing.form = ""
	}
	return nil, false
}

// partnershipName is the partnership's name, or "".
func (a *App) partnershipName() string {
	if p := a.ws.Partnership; p != nil {
		return escape.Line(p.Name)
	}
	return ""
}

// printDocument returns the document to print for the view, or the blank
// form asked for; nil when the view prints as it is (Start, Your data).
func (a *App) printDocument(form string) *document.Document {
	var d *document.Document
	switch form {
	case blankRubric:
		d = readiness.BlankForm{Rubric: a.rubric(), Partnership: a.partnershipName()}.Document()
	case blankContract:
		f := contract.BlankForm{}
		if s := a.resolved(); s != nil {
			f.District, f.Partner = s.District.Name, s.Partner.Name
		} else if p := a.ws.Partnership; p != nil {
			f.District = p.District.Name
			if len(p.Partners) > 0 {
				f.Partner = p.Partners[0].Name
			}
		}
		d = f.Document()
	case blankAgenda:
		m := agenda.Quarterly()
		if cur := a.currentMeeting(); cur != nil {
			m = *cur
		}
		d = agenda.BlankForm{Meeting: m, Partnership: a.partnershipName()}.Document()
	default:
		d = a.viewDocument()
	}
	if d == nil {
		return nil
	}
	if name := a.partnershipName(); name != "" && !strings.Contains(d.Footer, name) {
		d.Footer = name + " · " + d.Title
	}
	return d
}

// viewDocument is the view's own document.
func (a *App) viewDocument() *document.Document {
	switch a.view {
	case ViewRate:
		return readiness.BlankForm{Rubric: a.rubric(), Partnership: a.partnershipName()}.Document()
	case ViewFacilitate:
		r := a.currentRound()
		if r == nil || len(r.Responses) == 0 {
			return nil
		}
		rep, err := r.Summarize()
		if err != nil {
			return nil
		}
		rep.Options.Names = a.fac.names
		return rep.Document()
	case ViewContract:
		if s := a.resolved(); s != nil {
			return s.Document()
		}
		return a.printDocument(blankContract)
	case ViewMeetings:
		if m := a.currentMeeting(); m != nil {
			return m.Document()
		}
		return a.printDocument(blankAgenda)
	case ViewReview, ViewPartnership:
		return a.preRead().Document()
	case ViewProgress:
		return a.timeline().Document()
	}
	return nil
}

// preRead is the review as a pre-read, from the review the page shows.
func (a *App) preRead() partnerkit.PreRead {
	fs := a.reviewFindings()
	if fs == nil {
		fs = []partnership.Finding{} // reviewed: nothing found
	}
	return partnerkit.PreRead{Workspace: a.ws, Now: a.cfg.Now(), Findings: fs, Map: a.mapShown()}
}

// viewPrint is the part of the page that prints: the document drawn from
// its elements, or nil when the view prints as it is.
func (a *App) viewPrint() *Node {
	key := a.printKey()
	if key == "" {
		a.printing.key, a.printing.nodes, a.printing.footer = "", nil, ""
		return nil
	}
	if key != a.printing.key {
		a.printing.key, a.printing.nodes, a.printing.footer = key, nil, ""
		if d := a.printDocument(a.printing.form); d != nil {
			a.printing.nodes = El("div", ID("pk-print-doc"), Class("pk-doc pk-print"), A("aria-hidden", "true"), docNodes(d.Elements()))
			a.printing.footer = d.Footer
		}
	}
	return a.printing.nodes
}

// printKey names what the view prints: the view, the blank form asked for,
// the choices that change it, and the state of the workspace it is drawn
// from. "" means the view prints as it is.
func (a *App) printKey() string {
	if a.firstFrame {
		return ""
	}
	switch a.view {
	case ViewStart, ViewData:
		if a.printing.form == "" {
			return ""
		}
	}
	if a.cfg.Embed {
		return ""
	}
	rev := a.printing.rev
	if a.view == ViewPartnership && a.printing.form == "" {
		// The partnership's checks wait for a pause in typing; so does its print.
		rev = a.part.checks
	}
	return strings.Join([]string{string(a.view), a.printing.form, strconv.Itoa(rev), strconv.Itoa(a.fac.round),
		strconv.FormatBool(a.fac.names), strconv.Itoa(a.meet.open), strconv.FormatBool(a.meet.opened),
		strconv.FormatBool(a.mapShown()), a.cfg.Now().Format("2006-01-02")}, "|")
}

// PrintFooter is the text at the foot of every printed page, as a CSS
// string for the page's --pk-footer; "" when the view prints as it is.
func (a *App) PrintFooter() string {
	if a.printing.nodes == nil {
		return `""`
	}
	return escape.CSSString(a.printing.footer)
}

// docNodes draws a document's elements as nodes: the same elements, the
// text set as text.
func docNodes(els []document.Element) []*Node {
	out := make([]*Node, len(els))
	for i, e := range els {
		if e.Tag == "" {
			out[i] = &Node{Text: e.Text}
			continue
		}
		n := &Node{Tag: e.Tag}
		for _, at := range e.Attrs {
			n.Attrs = append(n.Attrs, Attr{at.Name, at.Value})
		}
		n.Children = docNodes(e.Children)
		out[i] = n
	}
	return out
}

// downloadDOCX writes the Word file of the view's document, or of the
// blank form named by what.
func (a *App) downloadDOCX(what string) []Effect {
	form := what
	if what == "view" {
		form = ""
	}
	d := a.printDocument(form)
	if d == nil {
		return nil
	}
	var buf bytes.Buffer
	if err := d.WriteDOCX(&buf); err != nil {
		a.problem("The Word file could not be written.", err)
		return nil
	}
	name := slug(d.Title)
	if name == "" {
		name = "partnerkit"
	}
	return []Effect{Download{Name: name + ".docx", Type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Data: buf.Bytes()}}
}

// blankButtons are the buttons to print a blank form and to download it as
// a Word file.
func blankButtons(form, what string) *Node {
	return El("div", Class("pk-actions pk-noprint pk-blank"),
		El("button", A("type", "button"), Class("pk-secondary"), On("click", "print"), Arg(form), "Print a blank "+what),
		El("button", A("type", "button"), Class("pk-secondary"), On("click", "docx"), Arg(form), "Download a blank "+what+" (Word)"))
}

// checkedIf is the checked attribute of a checkbox that is ticked, or nothing.
func checkedIf(on bool) any {
	if on {
		return A("checked", "")
	}
	return nil
}
