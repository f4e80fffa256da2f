package partnerkit

import "github.com/partnerkit/partnerkit/partnership"

// partnershipFindings runs the checks of the partnership model.
func partnershipFindings(ws *Workspace) []partnership.Finding {
	return nil
}
