package ui

import (
	"fmt"
	"strconv"

	"github.com/partnerkit/partnerkit/internal/schema"
)

// Render returns the whole page as a render tree.
func (a *App) Render() *Node {
	if a.cfg.Embed {
		return El("div", ID("pk-root"), Class("pk pk-embed"),
			a.viewNotices(),
			El("div", ID("pk-main"), A("tabindex", "-1"), a.viewRate()),
		)
	}
	var body *Node
	switch {
	case a.Locked():
		body = a.viewUnlock()
	case a.view == ViewFacilitate:
		body = a.viewFacilitate()
	case a.view == ViewData:
		body = a.viewData()
	case a.view == ViewStart:
		body = a.viewStart()
	case a.view == ViewReview:
		body = a.viewReview()
	case a.view == ViewPartnership:
		body = a.viewPartnership()
	case a.view == ViewContract:
		body = a.viewContract()
	case a.view == ViewMeetings:
		body = a.viewMeetings()
	case a.view == ViewProgress:
		body = a.viewProgress()
	default:
		body = a.viewRate()
	}
	return a.frame(a.viewStatus(), body)
}

// frame is the page around a view's body: the header with the save status,
// the tabs, the warnings and notices; and after them what the view prints.
func (a *App) frame(status, body *Node) *Node {
	pr := a.viewPrint() // after the view, which may have made what it prints
	cls := "pk"
	if pr != nil {
		cls += " pk-has-print"
	}
	return El("div", ID("pk-root"), Class(cls),
		El("header", Class("pk-header"),
			El("h1", "partnerkit"),
			El("p", Class("pk-tagline"), "Partnerships between districts and their TA partners, on this device only: nothing you enter is sent anywhere."),
			status,
		),
		a.viewNav(),
		a.viewSaveProblem(),
		a.viewTask(),
		a.viewNotices(),
		El("div", ID("pk-main"), A("tabindex", "-1"), Class("pk-view"), body),
		pr,
	)
}

func (a *App) viewStatus() *Node {
	st := a.saveStatus()
	cls := "pk-status"
	if st.Problem {
		cls += " pk-status-problem"
	}
	text := st.Text
	var at *Node
	if st.At != "" {
		at = El("span", A("aria-hidden", "true"), " "+st.At)
	}
	status := El("p", ID("pk-status"), Class(cls), A("role", "status"), A("aria-live", "polite"), El("span", text), at)
	// When a copy was last kept, and after a day of changes in no copy a
	// reminder: quietly, beside the status, not read out on every save.
	var copied *Node
	if r := a.reminder(); r != "" {
		copied = El("p", ID("pk-copy-status"), Class("pk-hint pk-reminder pk-noprint"), El("span", ID("pk-reminder"), r))
	} else if c := a.copyStatus(); c != "" {
		copied = El("p", ID("pk-copy-status"), Class("pk-hint pk-noprint"), c)
	}
	return El("div", Class("pk-status-line"), status, copied)
}

var tabs = []struct {
	view  View
	label string
}{
	{ViewStart, "Start"},
	{ViewPartnership, "Partnership"},
	{ViewRate, "Rate readiness"},
	{ViewFacilitate, "Gather and summarize"},
	{ViewContract, "Contract"},
	{ViewMeetings, "Meetings"},
	{ViewProgress, "Over time"},
	{ViewReview, "Review"},
	{ViewData, "Your data"},
}

func (a *App) viewNav() *Node {
	if a.Locked() {
		return nil // nothing to go to until the data is open
	}
	items := make([]*Node, 0, len(tabs))
	for _, t := range tabs {
		b := El("button", A("type", "button"), ID("pk-nav-"+string(t.view)), On("click", "nav"), Arg(string(t.view)), t.label)
		if a.view == t.view {
			b.Attrs = append(b.Attrs, A("aria-current", "page"))
		}
		items = append(items, El("li", b))
	}
	return El("nav", A("aria-label", "Sections"), Class("pk-nav"), El("ul", items))
}

// maxDetails is how many of a notice's problems are listed (with one line
// more to count the others), so that a file with a million mistakes draws
// no million lines.
const maxDetails = 20

func (a *App) viewNotices() *Node {
	list := make([]*Node, 0, len(a.notices))
	for _, n := range a.notices {
		var details *Node
		if len(n.Details) > 0 {
			shown := n.Details[:min(len(n.Details), maxDetails+1)]
			lis := make([]*Node, len(shown), len(shown)+1)
			for j, d := range shown {
				lis[j] = El("li", d)
			}
			if more := len(n.Details) - len(shown); more > 0 {
				lis = append(lis, El("li", fmt.Sprintf("and %s more", schema.Thousands(more))))
			}
			details = El("ul", lis)
		}
		var export *Node
		if n.Export {
			export = El("div", Class("pk-actions"),
				El("button", A("type", "button"), On("click", "data.export"), "Download a copy now"))
		}
		list = append(list, El("div", Key("n"+strconv.Itoa(n.seq)), Class("pk-notice pk-notice-"+n.Kind),
			El("p", n.Text), details, export,
			El("button", A("type", "button"), On("click", "notice.dismiss"), Arg(strconv.Itoa(n.seq)), A("aria-label", "Dismiss this message"), "Dismiss"),
		))
	}
	return El("div", ID("pk-notices"), A("aria-live", "polite"), A("role", "region"), A("aria-label", "Messages"), list)
}

// viewDeleteAll asks to confirm "delete all data", or is nil.
func (a *App) viewDeleteAll() *Node {
	if !a.confirm {
		return nil
	}
	return El("div", Class("pk-confirm"), A("role", "alertdialog"), A("aria-labelledby", "pk-confirm-text"),
		El("p", ID("pk-confirm-text"), "Delete everything partnerkit keeps in this browser on this device: every workspace and every backup? This cannot be undone. Download your data first if you may need it."),
		El("button", A("type", "button"), ID("pk-delete-confirm"), Class("pk-danger"), On("click", "data.delete.confirm"), "Yes, delete everything"),
		" ",
		El("button", A("type", "button"), On("click", "data.delete.cancel"), "Cancel"),
	)
}

func (a *App) viewData() *Node {
	return El("section", A("aria-labelledby", "pk-data-h"),
		El("h2", ID("pk-data-h"), "Your data"),
		El("p", "partnerkit saves your work in this browser, on this device, as you type. It is never sent anywhere. The workspace open now is "+a.nameOf(a.ws)+"; your other workspaces are listed on Start."),
		a.viewMerge(),
		a.viewKeepCopy(),
		El("h3", "Open a file"),
		El("div", Class("pk-drop"), On("drop", "data.import"),
			El("label", A("for", "pk-import"), "Open a partnerkit .json file (or drop it here). A colleague's copy of this workspace is merged into yours after you see what it changes, or replaces yours if you choose; any other workspace opens as a new one. Nothing is replaced without a backup."),
			El("input", ID("pk-import"), A("type", "file"), A("accept", ".json,application/json"), On("change", "data.import")),
		),
		a.viewLock(),
		a.viewBackups(),
		El("h3", "Delete"),
		El("button", A("type", "button"), ID("pk-delete"), Class("pk-danger"), On("click", "data.delete"), "Delete all data on this device"),
		a.viewDeleteAll(),
	)
}
