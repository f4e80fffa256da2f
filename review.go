package partnerkit

import (
	"time"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

// Review runs every check partnerkit has across the workspace and returns the
// findings, most severe first, each with its path from the top of the file.
// It composes the checks of the tools (partnership.Check, readiness.Check on
// the latest round with responses, contract.Check, agenda.CheckAll and
// progress.Check) and adds the rules that look across tools (see Rules). Problems that make the
// workspace invalid come back as critical findings with rule RuleInvalid and
// the path of the field, so an editor can show them beside the thing to fix.
//
// Review takes no clock, so the same file always gives the same review: an
// action item counts as overdue when a later meeting starts after its due
// date, and the measures' data (progress.Check) is judged as of the latest
// date the workspace records as past. ReviewAt also judges open items and
// the measures against today.
func Review(ws *Workspace) []partnership.Finding {
	return ReviewAt(ws, time.Time{})
}

// ReviewAt is Review with today's date: open action items past their due
// date on now are overdue even before another meeting is held, and data due
// by now is late. A zero now means no clock, as in Review.
func ReviewAt(ws *Workspace, now time.Time) []partnership.Finding {
	if ws == nil {
		return nil
	}
	var invalid []partnership.Finding
	for _, p := range partnership.ProblemsOf(ws.Validate()) {
		invalid = append(invalid, partnership.Finding{
			Rule:     RuleInvalid,
			Severity: partnership.Critical,
			Message:  p.Message,
			Path:     p.Path,
			Question: "Can this be corrected so the rest of the review can rely on it?",
		})
	}
	partnership.SortFindings(invalid)
	// Each tool returns its findings sorted, and the path put in front of
	// them keeps their order: merging the lists is enough, where sorting
	// them all again took a tenth of the review of a large partnership.
	return mergeFindings(invalid, partnershipFindings(ws), readinessFindings(ws), contractFindings(ws), meetingFindings(ws, now),
		progress.Check(progressData(ws), now))
}

// mergeFindings merges lists sorted by partnership.CompareFindings into one.
func mergeFindings(lists ...[]partnership.Finding) []partnership.Finding {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	out := make([]partnership.Finding, 0, n)
	for {
		best := -1
		for i, l := range lists {
			if len(l) > 0 && (best < 0 || partnership.CompareFindings(l[0], lists[best][0]) < 0) {
				best = i
			}
		}
		if best < 0 {
			return out
		}
		out = append(out, lists[best][0])
		lists[best] = lists[best][1:]
	}
}
