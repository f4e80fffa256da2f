package ui

import (
	"fmt"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// bigWorkspace returns a workspace with n initiatives, each with two demands,
// and a readiness round of 40 responses from two teams.
func bigWorkspace(n int) *partnerkit.Workspace {
	p := &partnership.Partnership{
		Name:     "Big district",
		District: partnership.Org{ID: "district", Name: "Big district"},
		Partners: []partnership.Partner{{ID: "ta", Name: "TA partner"}},
	}
	for i := 0; i < n; i++ {
		p.Initiatives = append(p.Initiatives, partnership.Initiative{
			ID: fmt.Sprintf("init-%d", i), Name: fmt.Sprintf("Initiative %d", i), Owner: "district",
			Demands: []partnership.Demand{
				{Audience: "teachers", Start: "2026-09-01", End: "2027-06-30", HoursPerWeek: 1.5},
				{Audience: "principals", Start: "2026-09-01", End: "2026-12-20", HoursPerWeek: 0.5},
			},
		})
	}
	ws := partnerkit.New()
	ws.Partnership = p
	round := readiness.Round{ID: "r1", Title: "Autumn"}
	for i := 0; i < 40; i++ {
		team := "Big district"
		if i%2 == 1 {
			team = "TA partner"
		}
		round.Responses = append(round.Responses, readiness.Response{
			Rater: fmt.Sprintf("Rater %d", i), Team: team,
			Ratings:  map[string]int{"alignment": 1 + i%4, "resources": 2 + i%3, "metrics": 1 + i%2, "communication": 4 - i%4},
			Concerns: map[string]string{"metrics": fmt.Sprintf("Concern %d about data", i)},
		})
	}
	ws.Readiness = []readiness.Round{round}
	ws.AssignIDs()
	return ws
}
