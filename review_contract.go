package partnerkit

import "github.com/partnerkit/partnerkit/partnership"

// contractProblems checks the structure of the contract supplement. A draft
// is allowed in a workspace: completeness is reported by Review, not here.
func contractProblems(ws *Workspace) []partnership.Problem {
	return nil
}

// contractFindings runs the checks of the contract supplement.
func contractFindings(ws *Workspace) []partnership.Finding {
	return nil
}
