package partnerkit

import (
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// contractProblems checks the structure of the contract supplement: values
// of the wrong form (a date that is not a date, an unknown cadence). A draft
// is allowed in a workspace: what it still lacks is reported by Review, as a
// finding, and by the supplement's Completeness, not here.
func contractProblems(ve *partnership.ValidationError, ws *Workspace) {
	if ws.Contract != nil {
		ve.Include("contract", ws.Contract.Structure())
	}
}

// contractFindings runs contract.Check against the partnership, when there
// is one, and gives each finding its path from the top of the workspace.
func contractFindings(ws *Workspace) []partnership.Finding {
	if ws.Contract == nil {
		return nil
	}
	out := contract.Check(ws.Contract, ws.Partnership)
	for i := range out {
		out[i].Path = schema.Join("contract", out[i].Path)
	}
	return out
}
