package partnerkit

import (
	"fmt"

	"github.com/partnerkit/partnerkit/partnership"
)

// recordIDProblems checks the records that carry an ID since version 2 of
// the file format: each has one, different from the others of its list, so
// that Merge can tell which record of one copy is which record of another.
// (The records that always had IDs are checked by their own packages.)
func recordIDProblems(ve *partnership.ValidationError, ws *Workspace) {
	var ps []partnership.Problem
	if p := ws.Partnership; p != nil {
		for i, in := range p.Initiatives {
			ps = listIDs(ps, fmt.Sprintf("partnership.initiatives[%d].demands", i), "time demand of the initiative", len(in.Demands), func(j int) string { return in.Demands[j].ID })
		}
	}
	for i, r := range ws.Readiness {
		ps = listIDs(ps, fmt.Sprintf("readiness[%d].responses", i), "response of the round", len(r.Responses), func(j int) string { return r.Responses[j].ID })
	}
	if c := ws.Contract; c != nil {
		ap := &c.Appendix
		ps = listIDs(ps, "contract.appendix.schedule.activities", "activity", len(ap.Schedule.Activities), func(j int) string { return ap.Schedule.Activities[j].ID })
		ps = listIDs(ps, "contract.appendix.measures", "measure", len(ap.Measures), func(j int) string { return ap.Measures[j].ID })
		ps = listIDs(ps, "contract.appendix.dataPlan.duties", "data duty", len(ap.DataPlan.Duties), func(j int) string { return ap.DataPlan.Duties[j].ID })
	}
	ve.Append(ps...)
}

// listIDs adds a problem for every record of the list at path that has no ID
// or the ID of an earlier one.
func listIDs(ps []partnership.Problem, path, what string, n int, id func(int) string) []partnership.Problem {
	var seen map[string]int
	for j := range n {
		at := fmt.Sprintf("%s[%d].id", path, j)
		x := id(j)
		if x == "" {
			ps = append(ps, partnership.Problem{Path: at, Message: fmt.Sprintf("id is required: every %s has one, so that copies of the workspace can be merged", what)})
			continue
		}
		if seen == nil {
			seen = make(map[string]int, n)
		}
		if k, dup := seen[x]; dup {
			ps = append(ps, partnership.Problem{Path: at, Message: fmt.Sprintf("id %q is already used at %s[%d]; every %s needs its own id", x, path, k, what)})
			continue
		}
		seen[x] = j
	}
	return ps
}
