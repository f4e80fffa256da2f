package partnership_test

import (
	"fmt"

	"github.com/partnerkit/partnerkit/partnership"
)

func ExampleStandards() {
	for _, s := range partnership.Standards() {
		if s.Theme == partnership.ThemeMetrics {
			fmt.Println(s.ID, s.Text)
		}
	}
	// Output:
	// metrics.1 District, partner and school agree on clear measures of success: outputs and outcomes, for students and for adults.
	// metrics.2 The measures can be taken at least once a quarter.
}

func ExamplePartnership_Validate() {
	p := &partnership.Partnership{
		Name:     "Riverside and Learning Partners",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "lp", Name: "Learning Partners", Approach: "coaching"}},
		Initiatives: []partnership.Initiative{{
			ID: "pbl", Name: "Summer PBL", Owner: "lp",
			Demands: []partnership.Demand{{Audience: "teachers", Start: "2027-07-02", End: "2027-06-21", HoursPerWeek: 30}},
		}},
	}
	for _, problem := range partnership.ProblemsOf(p.Validate()) {
		fmt.Println(problem)
	}
	// Output:
	// partners[0].approach: approach must be one of co-design, consultancy, delivery
	// initiatives[0].demands[0].end: end (2027-06-21) is before start (2027-07-02); the last day must be on or after the first
}
