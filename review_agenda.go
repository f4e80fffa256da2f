package partnerkit

import (
	"fmt"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// meetingProblems validates the meetings: each meeting's own rules (an id,
// a start, known values, action ids used once) and meeting ids used once in
// the workspace. What is merely missing for a good meeting (attendees,
// owners, due dates, the record) is left to meetingFindings, so drafts load.
func meetingProblems(ve *partnership.ValidationError, ws *Workspace) {
	seen := make(map[string]int, len(ws.Meetings))
	for i, m := range ws.Meetings {
		at := fmt.Sprintf("meetings[%d]", i)
		ve.Include(at, m.Validate())
		if m.ID == "" {
			continue
		}
		if j, dup := seen[m.ID]; dup {
			ve.Add(at+".id", "id %q is already used at meetings[%d]; every meeting needs its own id", m.ID, j)
			continue
		}
		seen[m.ID] = i
	}
}

// meetingFindings checks every meeting with agenda.CheckAll: each meeting on
// its own (paths under "meetings[i]"), attendees and owners resolved against
// the partnership when there is one, and the cadence across meetings.
// With a zero now (Review), overdue items are judged against each meeting's
// own start, which keeps a review of the same file the same from day to day;
// ReviewAt passes today's date.
func meetingFindings(ws *Workspace, now time.Time) []partnership.Finding {
	if len(ws.Meetings) == 0 {
		return nil
	}
	fs := agenda.CheckAll(ws.Meetings, ws.Partnership, now)
	for i := range fs {
		fs[i].Path = schema.Join("meetings", fs[i].Path)
	}
	return fs
}
