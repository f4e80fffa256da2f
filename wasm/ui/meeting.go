package ui

// meetingEditor is the meetings' state.
type meetingEditor struct{}

// handleMeetings handles the meetings' events ("meeting.*").
func (a *App) handleMeetings(ev Event) ([]Effect, bool) { return nil, false }

// revealMeetings makes the view show the item at path ("meetings[i]....").
func (a *App) revealMeetings(path string) {}

// Ticking reports whether the page should send a "tick" event every second,
// as it does while a meeting runs in live mode and its countdown shows.
func (a *App) Ticking() bool { return false }

func (a *App) viewMeetings() *Node {
	return El("section", A("aria-labelledby", "pk-meet-h"), El("h2", ID("pk-meet-h"), "Meetings"))
}
