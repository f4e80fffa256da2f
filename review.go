package partnerkit

import (
	"time"

	"github.com/partnerkit/partnerkit/partnership"
)

// Review runs every check partnerkit has across the workspace and returns the
// findings, most severe first, each with its path from the top of the file.
// It composes the checks of the tools (partnership.Check, readiness.Check on
// the latest round with responses, contract.Check and agenda.CheckAll) and
// adds the rules that look across tools (see Rules). Problems that make the
// workspace invalid come back as critical findings with rule RuleInvalid and
// the path of the field, so an editor can show them beside the thing to fix.
//
// Review takes no clock, so the same file always gives the same review: an
// action item counts as overdue when a later meeting starts after its due
// date. ReviewAt also judges open items against today.
func Review(ws *Workspace) []partnership.Finding {
	return ReviewAt(ws, time.Time{})
}

// ReviewAt is Review with today's date: open action items past their due
// date on now are overdue even before another meeting is held. A zero now
// means no clock, as in Review.
func ReviewAt(ws *Workspace, now time.Time) []partnership.Finding {
	if ws == nil {
		return nil
	}
	var out []partnership.Finding
	for _, p := range partnership.ProblemsOf(ws.Validate()) {
		out = append(out, partnership.Finding{
			Rule:     RuleInvalid,
			Severity: partnership.Critical,
			Message:  p.Message,
			Path:     p.Path,
			Question: "Can this be corrected so the rest of the review can rely on it?",
		})
	}
	out = append(out, partnershipFindings(ws)...)
	out = append(out, readinessFindings(ws)...)
	out = append(out, contractFindings(ws)...)
	out = append(out, meetingFindings(ws, now)...)
	partnership.SortFindings(out)
	return out
}
