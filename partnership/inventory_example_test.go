package partnership_test

import (
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

func ExampleReadInventory() {
	p := &partnership.Partnership{
		Name:       "Riverside",
		District:   partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners:   []partnership.Partner{{ID: "lp", Name: "Learning Partners Inc."}},
		Schools:    []partnership.School{{ID: "hayes", Name: "Hayes Elementary"}, {ID: "lincoln", Name: "Lincoln Middle"}},
		Priorities: []partnership.Priority{{ID: "literacy", Title: "Early literacy"}},
	}
	sheet := "Program,Run by,Priorities,Audience,Schools,Start date,End date,Hours per week\n" +
		"PBL coaching,Learning Partners Inc.,Early literacy,teachers,Hayes Elementary; Lincoln Middle,9/1/2027,12/17/2027,2\n" +
		"PBL coaching,,,principals,all,9/15/2027,6/10/2028,1\n" +
		"Family nights,District,,,,,,\n"
	initiatives, err := partnership.ReadInventory(strings.NewReader(sheet), p)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range initiatives {
		fmt.Printf("%s, run by %s, serves %v\n", x.Name, x.Owner, x.Priorities)
		for _, d := range x.Demands {
			fmt.Printf("  %s at %v: %s to %s, %g h a week\n", d.Audience, d.Schools, d.Start, d.End, d.HoursPerWeek)
		}
	}

	_, err = partnership.ReadInventory(strings.NewReader("Initiative,Owner,Audience,Schools,Start,End,Hours\nTutoring,District,teachers,Hays,2027-09-01,2027-10-01,1\n"), p)
	fmt.Println(err)
	// Output:
	// PBL coaching, run by lp, serves [literacy]
	//   teachers at [hayes lincoln]: 2027-09-01 to 2027-12-17, 2 h a week
	//   principals at []: 2027-09-15 to 2028-06-10, 1 h a week
	// Family nights, run by rusd, serves []
	// row 2, column D ("Schools"): There is no school "Hays" in the partnership; use one of: "Hayes Elementary", "Lincoln Middle" (or "all"), separated by semicolons, or add it to the partnership first.
}
