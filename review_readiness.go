package partnerkit

import (
	"fmt"

	"github.com/partnerkit/partnerkit/partnership"
)

// readinessProblems validates the readiness rounds.
func readinessProblems(ws *Workspace) []partnership.Problem {
	var out []partnership.Problem
	for i := range ws.Readiness {
		out = append(out, partnership.Prefix(fmt.Sprintf("readiness[%d]", i), partnership.ValidateStruct(&ws.Readiness[i]))...)
	}
	return out
}

// readinessFindings runs the checks of the readiness rounds.
func readinessFindings(ws *Workspace) []partnership.Finding {
	return nil
}
