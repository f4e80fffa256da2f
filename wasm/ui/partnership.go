package ui

// partEditor is the partnership editor's state.
type partEditor struct{}

// handlePartnership handles the partnership editor's events ("part.*").
func (a *App) handlePartnership(ev Event) ([]Effect, bool) { return nil, false }

// revealPartnership makes the editor show the item at path (a path from the
// workspace's top, "partnership...."), say by opening that initiative.
func (a *App) revealPartnership(path string) {}

func (a *App) viewPartnership() *Node {
	return El("section", A("aria-labelledby", "pk-part-h"), El("h2", ID("pk-part-h"), "Partnership"))
}
