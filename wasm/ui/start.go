package ui

import (
	"fmt"
)

func (a *App) viewStart() *Node {
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
		El("p", El("strong", "Nothing leaves this device: "), "your work is saved in this browser only and never sent anywhere. Download it as a file to keep a copy, move it, or send it to a colleague; a colleague's copy of the same workspace is merged into yours, not swapped in."),
		El("p", El("strong", "Lock it if others use this computer: "), "other pages opened from this computer's files can read what this browser keeps. On the Your data tab you can lock your work with a passphrase: it is then kept encrypted, and partnerkit asks for the passphrase when it opens. If the passphrase is lost, nobody can open the data, partnerkit included. Without a lock, partnerkit works as it does now."),
		El("h3", "Your workspaces"),
		El("p", "Each workspace holds one partnership. Keep one for each district you work with: they stay apart on this device."),
		a.viewWorkspaces(),
		El("h3", "Begin"),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-start-new"), On("click", "start.new"), "Start a new workspace"),
			El("button", A("type", "button"), ID("pk-start-example"), On("click", StartExample), "Open the example district"),
		),
		El("p", Class("pk-hint"), "The example is the Aligned Partners case of Hams Gulch Unified School District (from SCOPE, Beyond Alignment, 2020), with invented names for people. It opens as a workspace of its own."),
		El("div", Class("pk-drop"), On("drop", "data.import"),
			El("label", A("for", "pk-start-import"), "Or open a partnerkit .json file (or drop it here). A colleague's copy of a workspace you have is merged into yours after you see what it changes; any other workspace opens as a new one."),
			El("input", ID("pk-start-import"), A("type", "file"), A("accept", ".json,application/json"), On("change", "data.import")),
		),
		El("p", Class("pk-hint"), fmt.Sprintf("The workspace open now %s.", a.summary())),
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
