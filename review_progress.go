package partnerkit

import (
	"time"

	"github.com/partnerkit/partnerkit/progress"
)

// progressData is what the progress package reads from the workspace, with
// the supplement resolved against the partnership so that findings name the
// people who provide the data.
func progressData(ws *Workspace) progress.Data {
	return progress.Data{
		Partnership:  ws.Partnership,
		Readiness:    ws.Readiness,
		Contract:     ws.Contract.Resolved(ws.Partnership),
		Meetings:     ws.Meetings,
		Observations: ws.Observations,
	}
}

// OverTime returns the partnership over time, quarter by quarter, as of now
// (see progress.OverTime): the readiness means of each round, the measures
// against their targets, the action items closed on time and the meetings'
// attendance by side. A zero now means the latest date the workspace records
// as past, so that the same file gives the same timeline. Its WriteHTML
// prints it as the quarterly meeting's data pre-read.
func OverTime(ws *Workspace, now time.Time) progress.Timeline {
	if ws == nil {
		return progress.OverTime(progress.Data{}, now)
	}
	return progress.OverTime(progressData(ws), now)
}
