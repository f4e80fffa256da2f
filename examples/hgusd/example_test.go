package main

import (
	"bytes"
	"fmt"
	"strings"
)

// The program prints the review of the case: here its first finding.
func Example() {
	var out bytes.Buffer
	if err := run(&out, nil); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(out.String(), "\n")
	fmt.Println(strings.Join(lines[:5], "\n"))
	// Output:
	// Aligned Partners Project in Hams Gulch Unified (a case from SCOPE, Beyond Alignment, 2020)
	// 34 findings: 5 critical, 23 warnings, 6 for information
	//
	// [critical] partnership.over-capacity at partnership.initiatives[0] (standard resources.3)
	//   Teachers at Hayes Middle School and Roosevelt High School are asked for 40 h a week in the week of July 10, 2017, more than the 10 h a week they have. 2 organizations ask for this time: Teaching TAO and Hams Gulch Unified School District.
}
