package partnerkit

import "github.com/partnerkit/partnerkit/partnership"

// Review runs every check partnerkit has across the workspace and returns the
// findings, most severe first. Problems that make the workspace invalid come
// back as critical findings with rule "workspace.invalid" and the path of the
// field, so an editor can show them beside the thing to fix.
func Review(ws *Workspace) []partnership.Finding {
	if ws == nil {
		return nil
	}
	var out []partnership.Finding
	for _, p := range partnership.ProblemsOf(ws.Validate()) {
		out = append(out, partnership.Finding{
			Rule:     "workspace.invalid",
			Severity: partnership.Critical,
			Message:  p.Message,
			Path:     p.Path,
			Question: "Can this be corrected so the rest of the review can rely on it?",
		})
	}
	out = append(out, partnershipFindings(ws)...)
	out = append(out, readinessFindings(ws)...)
	out = append(out, contractFindings(ws)...)
	out = append(out, meetingFindings(ws)...)
	partnership.SortFindings(out)
	return out
}
