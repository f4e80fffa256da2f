package partnerkit

import (
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// partnershipFindings runs the coherence checks of the partnership
// (partnership.Check) and gives each finding its path from the top of the
// workspace file ("partnership.initiatives[2]"). It runs on drafts too:
// Check leaves out values Validate rejects, such as a date that is not a
// date, and never panics, so a half-finished partnership is still reviewed.
func partnershipFindings(ws *Workspace) []partnership.Finding {
	if ws == nil || ws.Partnership == nil {
		return nil
	}
	fs := partnership.Check(ws.Partnership)
	for i := range fs {
		fs[i].Path = schema.Join("partnership", fs[i].Path)
	}
	return fs
}
