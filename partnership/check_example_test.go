package partnership_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// summer is the clash the SCOPE study describes: a summer institute in the
// same weeks as summer school.
func summer() *partnership.Partnership {
	return &partnership.Partnership{
		Name:     "Hayes and the summer institute",
		District: partnership.Org{ID: "d", Name: "District", Stance: partnership.ActivePartner, Expects: partnership.CoDesign},
		Partners: []partnership.Partner{{ID: "t", Name: "Teaching Partner", Approach: partnership.Delivery}},
		Schools:  []partnership.School{{ID: "hayes", Name: "Hayes"}},
		People: []partnership.Person{
			{ID: "a", Name: "Ana", Org: "d", Roles: []partnership.Role{partnership.PointPerson}},
			{ID: "b", Name: "Ben", Org: "d", Roles: []partnership.Role{partnership.HigherAuthority}},
			{ID: "c", Name: "Cy", Org: "d", Roles: []partnership.Role{partnership.SchoolLeader}},
			{ID: "t1", Name: "Tess", Org: "t", Roles: []partnership.Role{partnership.PointPerson}},
			{ID: "t2", Name: "Theo", Org: "t", Roles: []partnership.Role{partnership.HigherAuthority}},
		},
		Priorities: []partnership.Priority{{ID: "pbl", Title: "Project-based learning"}},
		Initiatives: []partnership.Initiative{
			{ID: "pbl", Name: "Summer PBL institute", Owner: "t", Priorities: []string{"pbl"}, Demands: []partnership.Demand{
				{Audience: "teachers", Schools: []string{"hayes"}, Start: "2017-06-19", End: "2017-06-22", HoursPerWeek: 30}}},
			{ID: "summer", Name: "Summer school", Owner: "d", Priorities: []string{"pbl"}, Demands: []partnership.Demand{
				{Audience: "teachers", Start: "2017-06-19", End: "2017-07-28", HoursPerWeek: 4}}},
		},
		Capacity: []partnership.Capacity{{Audience: "teachers", HoursPerWeek: 10}},
		Start:    "2017-01-09",
		End:      "2017-12-22",
		Context: []partnership.OrgContext{
			{Org: "d", Interests: "Every graduate defends a portfolio."},
			{Org: "t", Interests: "Reuse its institute in other districts."},
		},
	}
}

func ExampleCheck() {
	for _, f := range partnership.Check(summer()) {
		fmt.Printf("%s %s (%s, standard %s)\n", f.Severity, f.Rule, f.Path, f.Standard)
		fmt.Println(" ", f.Message)
		fmt.Println("  evidence:", f.Evidence[0])
		fmt.Println("  question:", f.Question)
	}
	// Output:
	// critical partnership.over-capacity (initiatives[0], standard resources.3)
	//   Teachers at Hayes are asked for 34 h a week in the week of June 19, 2017, more than the 10 h a week they have. 2 organizations ask for this time: Teaching Partner and District.
	//   evidence: teachers at Hayes, week of June 19, 2017: 34 h demanded, 10 h available — Summer PBL institute 30 h, Summer school 4 h
	//   question: Which of these can move, shrink or be dropped so that teachers at Hayes can give their time to what matters most?
	// warning partnership.approach-mismatch (partners[0].approach, standard alignment.4)
	//   Teaching Partner works by delivery, while District expects co-design.
	//   evidence: Teaching Partner approach: delivery
	//   question: Can the partner and the district agree how they will work together before the work is designed?
	// warning partnership.no-continuation (end, standard alignment.3)
	//   No initiative run by District goes on after the partnership ends on December 22, 2017 to carry on the work on “Project-based learning”: the capacity the partnership builds has no plan to outlast it.
	//   evidence: priority served by the partners: Project-based learning
	//   question: What will happen when the partnership ends? Who in the district keeps the work going, and with what time?
}

func ExampleConflicts() {
	p := summer()
	for _, c := range partnership.Conflicts(p) {
		fmt.Println(partnership.ConflictSummary(p, c))
		fmt.Println("over capacity:", c.Over(), "- organizations:", strings.Join(c.Owners, ", "))
	}
	// Output:
	// teachers at Hayes, week of June 19, 2017: 34 h demanded, 10 h available — Summer PBL institute 30 h, Summer school 4 h
	// over capacity: true - organizations: t, d
}

func ExamplePartnership_WriteMap() {
	// The page puts the map in the document as it is; a Go program can
	// write it to a file. Here only its accessible title and description show.
	var b strings.Builder
	if err := summer().WriteMap(&b, partnership.MapOptions{ID: "summer"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "<title") || strings.HasPrefix(line, "<desc") {
			fmt.Println(line)
		}
	}
	// Output:
	// <title id="summer-title">Map of initiatives and the time they ask for: Hayes and the summer institute</title>
	// <desc id="summer-desc">2 initiatives asking time of 1 audience and school group, weeks of June 19, 2017 to July 24, 2017. Over capacity (1): teachers at Hayes, week of June 19, 2017: 34 h demanded, 10 h available — Summer PBL institute 30 h, Summer school 4 h.</desc>
}

func ExamplePartnership_ContextItems() {
	p := summer()
	for _, it := range p.ContextItems()[:4] {
		fmt.Printf("%s / %s: %s\n  answer: %q (%s)\n", it.OrgName, it.Title, it.Question, it.Answer, it.Path)
	}
	// Output:
	// District / Interests: What does the district want this partnership to achieve for its students and staff, and by when?
	//   answer: "Every graduate defends a portfolio." (context[0].interests)
	// District / Ideologies: Does the district see its partners as providers of workshops, or as help to build its own capacity? Will it receive the work or shape it?
	//   answer: "" (context[0].ideologies)
	// District / Information: What does the district know that its partners need: other initiatives and their dates, who will take part, what they already know?
	//   answer: "" (context[0].information)
	// District / Institutions: Who in the district decides about this work, and which calendars, contracts and routines constrain it?
	//   answer: "" (context[0].institutions)
}

// Rules explains every rule of Check: what fires it, its threshold, the
// standard it serves and where it comes from.
func ExampleRules() {
	for _, r := range partnership.Rules() {
		if r.Threshold != "" {
			fmt.Printf("%s (%s, %s): %s\n", r.ID, r.Severity, r.Standard, r.Threshold)
		}
	}
	// Output:
	// partnership.over-capacity (critical, resources.3): more than the audience's capacity, in hours a week
	// partnership.competing-demands (warning, alignment.2): two or more organizations in one week
	// partnership.too-many-priorities (warning, alignment.1): more than 5 strategic priorities
	// partnership.single-point-of-failure (warning, communication.2): two or more key roles, all held by one person
	// partnership.yearly-renewal (info, communication.4): longer than 12 months
	// partnership.approach-mismatch (warning, alignment.4): one step apart (info) or two (warning), in the order co-design, consultancy, delivery
}
