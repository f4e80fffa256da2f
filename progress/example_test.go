package progress_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

func value(v float64) *float64 { return &v }

// The PD attendance of the SCOPE case, against a target of keeping 40 of
// the 52 teachers of the summer institute.
func attendanceCase() progress.Data {
	s := contract.New("Hams Gulch Unified School District", "Teaching TAO")
	s.Appendix.Measures = []contract.Measure{{
		ID: "pd-attendance", Name: "Teachers at the partners' PD days", Unit: "teachers", Direction: contract.Increase,
		Baseline: contract.Baseline{Value: value(52), Date: "2017-07-13"},
		Interim:  contract.Checkpoint{Target: "At least 40 at the winter day", Value: value(40), Due: "2018-01-31"},
		Final:    contract.Checkpoint{Target: "At least 40 at the spring day", Value: value(40), Due: "2018-06-15"},
	}}
	return progress.Data{Contract: s, Observations: []progress.Observation{
		progress.NewObservation("o1", "pd-attendance", "2017-07-13", 52),
		progress.NewObservation("o2", "pd-attendance", "2017-10-03", 25),
		progress.NewObservation("o3", "pd-attendance", "2018-02-06", 16),
	}}
}

func ExampleCheck() {
	for _, f := range progress.Check(attendanceCase(), time.Time{}) {
		fmt.Printf("[%s] %s\n", f.Severity, f.Message)
	}
	// Output:
	// [warning] “Teachers at the partners' PD days” is behind its planned line by 24 teachers: it was 16 teachers on February 6, 2018, where the straight line from the interim target (40 teachers on January 31, 2018) to the final target (40 teachers by June 15, 2018) passes 40 teachers.
	// [warning] The interim target of “Teachers at the partners' PD days” (40 teachers by January 31, 2018) was not met: the latest value by then was 25 teachers, on October 3, 2017.
	// [warning] “Teachers at the partners' PD days” fell by 25% or more from one value to the next: from 52 teachers on July 13, 2017 to 25 teachers on October 3, 2017 (down 52%); then from 25 teachers on October 3, 2017 to 16 teachers on February 6, 2018 (down 36%).
}

func ExampleSeries_StandingAt() {
	d := attendanceCase()
	s := progress.SeriesOf(d.Contract.Appendix.Measures[0], d.Observations)
	for _, on := range []partnership.Date{"2017-10-31", "2018-03-01"} {
		fmt.Println(s.StandingAt(on).Text(s.Measure))
	}
	// Output:
	// Behind the planned line by 22.13 teachers: 25 teachers on October 3, 2017, where the line expected 47.13 teachers
	// Behind the planned line by 24 teachers: 16 teachers on February 6, 2018, where the line expected 40 teachers
}

func ExampleWriteSVG() {
	d := attendanceCase()
	s := progress.SeriesOf(d.Contract.Appendix.Measures[0], d.Observations)
	f, err := os.CreateTemp("", "attendance-*.svg")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := progress.WriteSVG(f, s, progress.ChartOptions{ID: "attendance"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Description())
	// Output: Planned: from a baseline of 52 teachers on July 13, 2017, then interim target of 40 teachers by January 31, 2018, then final target of 40 teachers by June 15, 2018; higher is better. 3 values recorded: 52 teachers on July 13, 2017, 25 teachers on October 3, 2017, 16 teachers on February 6, 2018. The latest is behind the planned line by 24 teachers.
}

func ExampleOverTime() {
	tl := progress.OverTime(attendanceCase(), time.Time{})
	for _, q := range tl.Quarters {
		fmt.Printf("%s: %s\n", q.Label, q.Measures[0].Standing.Text(tl.Measures[0].Measure))
	}
	// Output:
	// July to September 2017: On track: 52 teachers on July 13, 2017, where the planned line expected 52 teachers
	// October to December 2017: Behind the planned line by 22.13 teachers: 25 teachers on October 3, 2017, where the line expected 47.13 teachers
	// January to March 2018: Behind the planned line by 24 teachers: 16 teachers on February 6, 2018, where the line expected 40 teachers
}

func ExampleReadFigures() {
	measures := attendanceCase().Contract.Appendix.Measures
	sheet := "Measure,Date,Value,Source\n" +
		"Teachers at the partners' PD days,10/3/2017,25,Sign-in sheet\n" +
		"Teachers at the partners' PD days,2/6/2018,sixteen,Sign-in sheet\n"
	_, err := progress.ReadFigures(strings.NewReader(sheet), measures, nil)
	fmt.Println(err)
	obs, err := progress.ReadFigures(strings.NewReader(strings.Replace(sheet, "sixteen", "16", 1)), measures, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range obs {
		fmt.Println(o.Measure, o.Date, *o.Value, o.Source)
	}
	// Output:
	// row 3, column C ("Value"): "sixteen" is not a number; write the figure as a number, such as 25 or 2.5.
	// pd-attendance 2017-10-03 25 Sign-in sheet
	// pd-attendance 2018-02-06 16 Sign-in sheet
}
