package ui

import (
	"bytes"
	"fmt"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// The start screen's questions: what the user asked to replace the
// workspace with while it still holds data.
const (
	askNew     = "new"
	askExample = "example"
)

// handleStart handles the start screen's events.
func (a *App) handleStart(ev Event) ([]Effect, bool) {
	switch ev.Action {
	case "start.new":
		if a.empty() {
			a.view = ViewPartnership
			return []Effect{Focus{ID: "pk-main"}}, true
		}
		a.ask = askNew
		return []Effect{Focus{ID: "pk-start-confirm"}}, true
	case "start.example":
		if a.empty() {
			return a.openExample(), true
		}
		a.ask = askExample
		return []Effect{Focus{ID: "pk-start-confirm"}}, true
	case "start.cancel":
		a.ask = ""
		return []Effect{Focus{ID: "pk-start-" + ev.Arg}}, true
	case "start.confirm":
		ask := a.ask
		a.ask = ""
		switch ask {
		case askExample:
			return a.openExample(), true
		case askNew:
			kept, ok := a.replaceWorkspace(partnerkit.New(), store.BeforeNew, "start a new workspace")
			if !ok {
				return []Effect{Focus{ID: "pk-notices"}}, true
			}
			a.view = ViewPartnership
			a.notify(Notice{Kind: "ok", Text: "Started a new, empty workspace." + kept})
			return []Effect{Persist{}, Focus{ID: "pk-main"}}, true
		}
		return nil, true
	}
	return nil, false
}

// openExample replaces the workspace by the built-in example and shows its review.
func (a *App) openExample() []Effect {
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	if err != nil {
		a.problem("The built-in example could not be opened. Your data is unchanged.", err)
		return nil
	}
	kept, ok := a.replaceWorkspace(ws, store.BeforeExample, "open the example")
	if !ok {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.notify(Notice{Kind: "ok", Text: "Opened the example: " + ws.Partnership.Name + "." + kept})
	a.view = ViewReview
	return []Effect{Persist{}, Focus{ID: "pk-main"}}
}

// replaceWorkspace puts ws in place of the workspace, keeping the current one
// aside first when it holds anything (see keepAside); it replaces nothing
// when the current one could not be kept. It returns what to tell the user
// about the data replaced, and whether ws took its place.
func (a *App) replaceWorkspace(ws *partnerkit.Workspace, why store.Reason, replacing string) (string, bool) {
	kept, ok := a.keepAside(why, replacing)
	if !ok {
		return "", false
	}
	a.ws = ws
	a.zoneFromBrowser()
	a.fac = facilitator{round: len(ws.Readiness) - 1}
	a.part, a.con, a.meet = partEditor{}, contractEditor{}, meetingEditor{}
	a.other = nil
	a.mapTeams()
	return kept, true
}

func (a *App) viewStart() *Node {
	var confirm *Node
	if a.ask != "" {
		q, yes := "Open the example in place of the data on this device?", "Yes, open the example"
		if a.ask == askNew {
			q, yes = "Start a new, empty workspace in place of the data on this device?", "Yes, start a new workspace"
		}
		confirm = El("div", Class("pk-confirm"), A("role", "alertdialog"), A("aria-labelledby", "pk-start-confirm-text"),
			El("p", ID("pk-start-confirm-text"), q+" What you have now is kept aside on this device as a backup, and you can download it first to keep a copy."),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), Class("pk-secondary"), On("click", "data.export"), "Download my data first"),
				El("button", A("type", "button"), ID("pk-start-confirm"), On("click", "start.confirm"), yes),
				El("button", A("type", "button"), Class("pk-secondary"), On("click", "start.cancel"), Arg(a.ask), "Cancel"),
			),
		)
	}
	return El("section", A("aria-labelledby", "pk-start-h"),
		El("h2", ID("pk-start-h"), "Start"),
		El("p", "partnerkit helps a school district and the organizations that support it work as partners. It follows the Massachusetts ODST Standards for Effective Partnerships (2015) and offers its three tools:"),
		El("ul",
			El("li", El("strong", "Readiness rubric: "), "each team rates how ready it is to partner (the Rate readiness tab), and the facilitator sees where the teams agree and where to talk first (Gather and summarize)."),
			El("li", El("strong", "Contract supplement: "), "the agreement in writing: who does what, who to call, how progress is measured and shared (the Contract tab)."),
			El("li", El("strong", "Quarterly meeting agenda: "), "a review of progress every quarter, run with a timer, with action items carried from one meeting to the next and a calendar to send (the Meetings tab)."),
		),
		El("p", "On the Partnership tab you describe the district, its partners, the people and their roles, and the initiatives that ask for people's time; partnerkit draws them on a map over time."),
		El("p", "Coherence checks read all of it together and point out what needs a conversation: initiatives that ask the same people for more time than they have, priorities nobody serves, roles left empty, measures nobody reviews. See them on the Review tab."),
		El("p", El("strong", "Nothing leaves this device: "), "your work is saved in this browser only and never sent anywhere. Download it as a file to keep a copy or move it."),
		El("h3", "Begin"),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-start-new"), On("click", "start.new"), "Start a new workspace"),
			El("button", A("type", "button"), ID("pk-start-example"), On("click", "start.example"), "Open the example district"),
		),
		confirm,
		El("p", Class("pk-hint"), "The example is the Aligned Partners case of Hams Gulch Unified School District (from SCOPE, Beyond Alignment, 2020), with invented names for people."),
		El("div", Class("pk-drop"), On("drop", "data.import"),
			El("label", A("for", "pk-start-import"), "Or open a partnerkit .json file (or drop it here). It replaces what is on this device; the current data is kept as a backup."),
			El("input", ID("pk-start-import"), A("type", "file"), A("accept", ".json,application/json"), On("change", "data.import")),
		),
		El("p", Class("pk-hint"), fmt.Sprintf("The workspace on this device %s.", a.summary())),
	)
}

// summary says in a few words what the workspace holds.
func (a *App) summary() string {
	if a.empty() {
		return "is empty"
	}
	var parts []string
	if p := a.ws.Partnership; p != nil {
		parts = append(parts, "the partnership "+p.Name)
	}
	if n := len(a.ws.Readiness); n > 0 {
		parts = append(parts, plural(n, "readiness round", "readiness rounds"))
	}
	if a.ws.Contract != nil {
		parts = append(parts, "a contract supplement")
	}
	if n := len(a.ws.Meetings); n > 0 {
		parts = append(parts, plural(n, "meeting", "meetings"))
	}
	s := "holds "
	for i, p := range parts {
		switch {
		case i == 0:
		case i == len(parts)-1:
			s += " and "
		default:
			s += ", "
		}
		s += p
	}
	return s
}
