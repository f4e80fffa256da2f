package ui

// contractEditor is the contract form's state.
type contractEditor struct{}

// handleContract handles the contract form's events ("contract.*").
func (a *App) handleContract(ev Event) ([]Effect, bool) { return nil, false }

// revealContract makes the form show the item at path ("contract....").
func (a *App) revealContract(path string) {}

func (a *App) viewContract() *Node {
	return El("section", A("aria-labelledby", "pk-contract-h"), El("h2", ID("pk-contract-h"), "Contract"))
}
