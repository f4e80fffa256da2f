package ui

type rater struct{}

func (r *rater) reset() {}

type facilitator struct{ round int }

func (a *App) initRubric() {}

func (a *App) handleRate(ev Event) ([]Effect, bool)       { return nil, false }
func (a *App) handleFacilitate(ev Event) ([]Effect, bool) { return nil, false }
func (a *App) viewRate() *Node                            { return El("p", "Rating is coming.") }
func (a *App) viewFacilitate() *Node                      { return El("p", "Facilitating is coming.") }
