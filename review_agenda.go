package partnerkit

import (
	"fmt"

	"github.com/partnerkit/partnerkit/partnership"
)

// meetingProblems validates the meetings.
func meetingProblems(ws *Workspace) []partnership.Problem {
	var out []partnership.Problem
	for i := range ws.Meetings {
		out = append(out, partnership.Prefix(fmt.Sprintf("meetings[%d]", i), partnership.ValidateStruct(&ws.Meetings[i]))...)
	}
	return out
}

// meetingFindings runs the checks of the meetings.
func meetingFindings(ws *Workspace) []partnership.Finding {
	return nil
}
