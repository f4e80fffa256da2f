package partnerkit

import (
	"fmt"

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

// contractFindings runs the checks of the contract supplement: the
// cross-checks of contract.Check (against the partnership when there is
// one), and one summary finding when the supplement is not complete. Both
// see the supplement resolved against the partnership, as the page's form
// and the printed addendum do.
//
// Incompleteness is one info finding rather than one per item on purpose: a
// fresh draft lacks all fourteen parts, and fourteen findings would bury the
// cross-checks that need discussion. The finding's evidence names every
// incomplete part, and Completeness gives the field-by-field list a form shows.
func contractFindings(ws *Workspace) []partnership.Finding {
	s := ws.Contract
	if s == nil {
		return nil
	}
	// Judge the supplement as it prints, with the names the partnership
	// knows filled in: a liaison picked by ID is named, as the form shows.
	r := s.Resolved(ws.Partnership)
	out := contract.Check(r, ws.Partnership)
	for i := range out {
		out[i].Path = partnership.JoinPath("contract", out[i].Path)
	}
	c := r.Completeness()
	if c.Complete {
		return out
	}
	var evidence []string
	for _, it := range c.Items {
		if it.Complete {
			continue
		}
		name := it.Title
		switch it.Group {
		case contract.GroupPractice:
			name = fmt.Sprintf("practice %d, %s", it.Number, it.Title)
		case contract.GroupAppendix:
			name = fmt.Sprintf("appendix item %d, %s", it.Number, it.Title)
		}
		gaps := "gaps"
		if len(it.Missing) == 1 {
			gaps = "gap"
		}
		evidence = append(evidence, fmt.Sprintf("%s: %d %s (%s)", name, len(it.Missing), gaps, it.Missing[0].Message))
	}
	out = append(out, partnership.Finding{
		Rule:     contract.RuleIncomplete,
		Severity: partnership.Info,
		// The supplement is the implementation plan the district, partner and
		// school leader write together: the standard that stakeholders shape it.
		Standard: "alignment.4",
		Message:  "The contract supplement is not complete yet: " + c.Summary() + ".",
		Evidence: evidence,
		Question: "When will district, partner and school leader meet to complete the supplement together?",
		Path:     "contract",
	})
	return out
}
