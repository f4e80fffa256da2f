package partnerkit

import (
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

// contractProblems checks the structure of the contract supplement: values
// of the wrong form (a date that is not a date, an unknown cadence). A draft
// is allowed in a workspace: what it still lacks is reported by Review, as a
// finding, and by the supplement's Completeness, not here.
func contractProblems(ws *Workspace) []partnership.Problem {
	if ws.Contract == nil {
		return nil
	}
	return partnership.Prefix("contract", ws.Contract.Structure())
}

// contractFindings runs contract.Check against the partnership, when there
// is one, and gives each finding its path from the top of the workspace.
func contractFindings(ws *Workspace) []partnership.Finding {
	if ws.Contract == nil {
		return nil
	}
	out := contract.Check(ws.Contract, ws.Partnership)
	for i := range out {
		out[i].Path = partnership.JoinPath("contract", out[i].Path)
	}
	return out
}
