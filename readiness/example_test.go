package readiness_test

import (
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

func ExampleODST() {
	rb := readiness.ODST()
	for _, c := range rb.Categories {
		fmt.Printf("%-13s %d items  %s\n", c.ID, len(c.Items), c.Title)
	}
	fmt.Println("scale:", rb.Scale)
	// Output:
	// alignment     4 items  Alignment of strategic priority and objectives
	// resources     4 items  Appropriate and sufficient resources
	// metrics       2 items  Clear metrics established
	// communication 6 items  Ongoing communication and collaboration
	// scale: 1–4
}

func ExampleSummarize() {
	responses := []readiness.Response{
		{Rater: "Ana", Team: "District", Ratings: map[string]int{"alignment": 4, "metrics": 1}, Concerns: map[string]string{"metrics": "No baseline yet."}},
		{Rater: "Ben", Team: "District", Ratings: map[string]int{"alignment": 3, "metrics": 3}},
		{Rater: "Cy", Team: "District", Ratings: map[string]int{"alignment": 4, "metrics": 2}},
	}
	rep, err := readiness.Summarize(readiness.ODST(), responses)
	if err != nil {
		fmt.Println(err)
		return
	}
	team := rep.Teams[0]
	for _, c := range team.Categories {
		if c.N == 0 {
			fmt.Printf("%s: not rated\n", c.CategoryID)
			continue
		}
		fmt.Printf("%s: n=%d mean=%.2f range=%d-%d consensus=%t concerns=%d\n", c.CategoryID, c.N, c.Mean, c.Min, c.Max, c.Consensus, len(c.Concerns))
	}
	fmt.Println("discuss first:", team.DiscussFirst[0])
	// Output:
	// alignment: n=3 mean=3.67 range=3-4 consensus=true concerns=0
	// resources: not rated
	// metrics: n=3 mean=2.00 range=1-3 consensus=false concerns=1
	// communication: not rated
	// discuss first: metrics
}

func ExampleReadCSV() {
	export := "\ufeffTimestamp,Email address,Your name,Team,Alignment,Resourcing,Clear Metrics Established,Areas of concern: metrics,Communication\r\n" +
		"2027/03/02 9:14:05,ana@example.org,Ana Ruiz,District,3,2,2 – More than one significant concern,\"No baseline.\r\nWho reports?\",3\r\n" +
		"2027/03/02 9:40:51,ben@example.org,Ben Okafor,District,4,3,5,,3\r\n"
	_, err := readiness.ReadCSV(strings.NewReader(export), readiness.ODST())
	for _, p := range partnership.ProblemsOf(err) {
		first, _, _ := strings.Cut(p.Message, ". ")
		fmt.Printf("row %d, column %s (%s), %q: %s\n", p.Row, p.Column, p.Header, p.Value, first)
	}

	fixed := strings.Replace(export, ",5,", ",3 - Agreement on most items,", 1)
	responses, err := readiness.ReadCSV(strings.NewReader(fixed), readiness.ODST())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range responses {
		fmt.Printf("%s (%s): metrics %d, concern %q\n", r.Rater, r.Team, r.Ratings["metrics"], r.Concerns["metrics"])
	}
	// Output:
	// row 3, column G (Clear Metrics Established), "5": "5" is not a rating
	// Ana Ruiz (District): metrics 2, concern "No baseline.\nWho reports?"
	// Ben Okafor (District): metrics 3, concern ""
}

func ExampleOpenExport() {
	// A survey that asked for the metrics only, and a question that names
	// two areas.
	export := "Your name,Team,Communication about metrics\nAna Ruiz,District,2\nBen Okafor,District,3\n"
	ex, err := readiness.OpenExport(strings.NewReader(export), readiness.ODST(), partnership.SheetOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range ex.Plan.Columns {
		fmt.Printf("%s %q: %s %s (%s)\n", c.Letter, c.Header, c.Role.Label(), c.Category, c.Note)
	}
	_, err = ex.Responses()
	fmt.Println(len(partnership.ProblemsOf(err)), "problems")

	_ = ex.Plan.SetRole(2, readiness.RoleRating, "metrics")
	ex.Plan.Unrated = []string{"alignment", "resources", "communication"}
	responses, err := ex.Responses()
	for _, r := range responses {
		fmt.Printf("%s (%s): %v\n", r.Rater, r.Team, r.Ratings)
	}
	fmt.Println(err)
	// Output:
	// A "Your name": Rater's name  (the rater's name)
	// B "Team": Team  (the rater's team)
	// C "Communication about metrics": Not used  (not used: its header names more than one area ("Clear metrics established" and "Ongoing communication and collaboration"); choose the one it is about)
	// 4 problems
	// Ana Ruiz (District): map[metrics:2]
	// Ben Okafor (District): map[metrics:3]
	// <nil>
}

func ExampleReport_WriteMarkdown() {
	rep, _ := readiness.Summarize(readiness.ODST(), []readiness.Response{
		{Rater: "Dee", Team: "Partner", Ratings: map[string]int{"alignment": 3, "resources": 3, "metrics": 2, "communication": 4}},
	})
	var b strings.Builder
	_ = rep.WriteMarkdown(&b)
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "1. ") || strings.HasPrefix(line, "| Clear") {
			fmt.Println(line)
		}
	}
	// Output:
	// 1. Clear metrics established — mean 2.0, ratings 2
	// | Clear metrics established | 1 | 2.0 | 2 | 0 | 1 | 0 | 0 | yes |
}

func ExampleChart_WriteSVG() {
	rep, _ := readiness.Summarize(readiness.ODST(), []readiness.Response{
		{Rater: "Ana", Team: "District", Ratings: map[string]int{"metrics": 2}},
		{Rater: "Dee", Team: "Partner", Ratings: map[string]int{"metrics": 3}},
	})
	chart, _ := readiness.CategoryChart(rep, "metrics")
	chart.ID = "metrics-by-team"
	var b strings.Builder
	_ = chart.WriteSVG(&b)
	for _, line := range strings.Split(b.String(), "\n")[1:3] {
		fmt.Println(line)
	}
	// Output:
	// <title id="metrics-by-team-title">Clear metrics established: ratings by team</title>
	// <desc id="metrics-by-team-desc">Ratings on a scale of 1–4. District: 1 rating, all 2, mean 2.0. Partner: 1 rating, all 3, mean 3.0.</desc>
}

func ExampleCompare() {
	spring := readiness.Round{ID: "spring", Title: "Spring", Responses: []readiness.Response{
		{Rater: "Ana", Team: "District", Ratings: map[string]int{"metrics": 1, "alignment": 4}},
		{Rater: "Ben", Team: "District", Ratings: map[string]int{"metrics": 2, "alignment": 4}},
	}}
	fall := readiness.Round{ID: "fall", Title: "Fall", Responses: []readiness.Response{
		{Rater: "Ana", Team: "District", Ratings: map[string]int{"metrics": 3, "alignment": 3}},
		{Rater: "Ben", Team: "District", Ratings: map[string]int{"metrics": 3, "alignment": 4}},
	}}
	cmp, err := readiness.Compare(spring, fall)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cmp.Teams[0].Categories {
		fmt.Printf("%s: %s %+.1f\n", c.CategoryID, c.Direction, c.Change)
	}
	// Output:
	// alignment: down -0.5
	// resources: unrated +0.0
	// metrics: up +1.5
	// communication: unrated +0.0
}

// Check points out what the teams could talk about before they meet: it
// never says whether to go ahead.
func ExampleCheck() {
	round := readiness.Round{ID: "spring", Title: "Spring 2027", Responses: []readiness.Response{
		{Rater: "Ana Ruiz", Team: "District", Ratings: map[string]int{"alignment": 4, "metrics": 1}},
		{Rater: "Ben Okafor", Team: "District", Ratings: map[string]int{"alignment": 4, "metrics": 3}},
		{Rater: "Dee Park", Team: "Partner", Ratings: map[string]int{"alignment": 3, "metrics": 3}},
	}}
	for _, f := range readiness.Check(round) {
		fmt.Printf("%s (%s): %s\n", f.Rule, f.Standard, f.Message)
	}
	// Output:
	// readiness.few-raters (alignment.4): Only 1 person of the Partner rated in "Spring 2027". The tool asks every member of the leadership team to rate on their own, so the team can compare views.
	// readiness.low-mean (metrics.1): The District's ratings of "Clear metrics established" average 2.0 on a scale of 1–4: raters see significant concerns here.
	// readiness.no-consensus (metrics.1): The District rated "Clear metrics established" from 1 to 3: its members see this category differently.
}

// The report as one printable page, with a dot chart per team.
func ExampleReport_WriteHTML() {
	rep, err := readiness.Summarize(readiness.ODST(), []readiness.Response{
		{Rater: "Ana <b>Ruiz</b>", Team: "District", Ratings: map[string]int{"alignment": 4}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var page strings.Builder
	if err := rep.WriteHTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(page.String(), "Ruiz"), "(no names unless asked)")
	rep.Options.Names = true // the facilitator's own copy
	page.Reset()
	if err := rep.WriteHTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	out := page.String()
	fmt.Println(strings.Count(out, "<svg "), "chart")
	fmt.Println(strings.Contains(out, "Ana &lt;b&gt;Ruiz&lt;/b&gt;"), strings.Contains(out, "<b>Ruiz"))
	// Output:
	// false (no names unless asked)
	// 1 chart
	// true false
}

// A rubric of one's own is data: DecodeRubric reads it and says, by JSON
// path, what is wrong with it.
func ExampleDecodeRubric() {
	_, err := readiness.DecodeRubric(strings.NewReader(`{"id": "short", "title": "Short check",
		"scale": {"levels": [{"value": 1, "descriptor": "No"}, {"value": 3, "descriptor": "Yes"}]},
		"categories": [{"id": "money", "title": "Budget", "standards": ["money.1"]}]}`))
	for _, p := range partnership.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// scale.levels[1].value: value must be 2, one more than the level before it; levels are consecutive whole numbers, lowest first (such as 1, 2, 3, 4)
	// categories[0].standards[0]: there is no standard "money.1"; use an id such as alignment.1, resources.5, metrics.2 or communication.3
}
