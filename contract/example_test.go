package contract_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

// A complete supplement: the parties, the six practices, the seven appendix
// items and the drafting session.
func Example() {
	s := contract.New("Riverside Unified School District", "Learning Partners Inc.")
	for _, p := range contract.Practices() {
		_ = s.Practices.Confirm(p.ID, "Agreed at the drafting session of 2026-08-20.")
	}
	a := &s.Appendix
	a.Priority = contract.PriorityItem{Statement: "Every graduate completes a portfolio", How: "Coaching teacher teams to design portfolio projects."}
	a.Investment.Evidence = "The principal asked for the partnership and protects Tuesday planning time."
	a.Schedule.Activities = []contract.Activity{{What: "Coaching cycles", Who: "Grade 9 teachers", When: "Tuesdays, October to May", Hours: 24}}
	a.Schedule.Assurance = contract.Assurance{WithinResources: true, WithinBargainingAgreement: true, GivenBy: contract.Contact{Name: "Ben Okafor"}, Date: "2026-08-20"}
	a.Contacts = contract.Contacts{
		DistrictLiaison: contract.Contact{Name: "Ana Ruiz"}, PartnerLiaison: contract.Contact{Name: "Dee Park"},
		DistrictManager: contract.Contact{Name: "Ben Okafor"}, PartnerManager: contract.Contact{Name: "Eli Stone"},
	}
	a.Measures = []contract.Measure{{
		ID: "portfolios", Name: "Portfolios submitted", Kind: contract.Output, Audience: contract.Students,
		Interim: contract.Checkpoint{Target: "40%", Due: "2027-01-29"}, Final: contract.Checkpoint{Target: "90%", Due: "2027-06-11"},
	}}
	a.DataPlan = contract.DataPlan{Process: "Counts from the portfolio platform.", Duties: []contract.DataDuty{{
		Measure: "portfolios", Provider: contract.Contact{Name: "Ana Ruiz"}, Reporter: contract.Contact{Name: "Dee Park"}, Due: "2027-06-18",
	}}}
	a.Meetings = contract.MeetingPlan{
		Cadence: partnership.Monthly, Dates: []partnership.Date{"2026-09-15", "2026-10-13"},
		Agenda:   []string{"Progress on the measures", "Issues and conflicts", "What to improve"},
		Conflict: "Liaisons first, then the managers within two weeks.", Improvement: "Review one practice each quarter.",
		Dissolution: "Either party may end the work with 60 days' notice after a quarterly review.",
	}
	s.Session.Date = "2026-08-20"
	s.Session.Attendees = []partnership.Attendee{
		{Name: "Ana Ruiz", Side: partnership.DistrictSide}, {Name: "Cy Lam", Side: partnership.DistrictSide, Roles: []partnership.Role{partnership.SchoolLeader}},
		{Name: "Dee Park", Side: partnership.PartnerSide},
	}

	fmt.Println("problems:", s.Validate())
	fmt.Println(s.Completeness().Summary())
	if err := s.WriteHTML(io.Discard); err != nil { // or WriteMarkdown, WriteText
		fmt.Println(err)
	}
	// Output:
	// problems: <nil>
	// 7 of 7 appendix items complete; 6 of 6 practices confirmed
}

// Completeness tells what a draft still lacks, item by item, with the JSON
// path of each field to fill in.
func ExampleSupplement_Completeness() {
	s := contract.New("Riverside Unified", "Smith & Sons \"TA\"")
	s.Appendix.Contacts.DistrictLiaison = contract.Contact{Name: "Ana Ruiz"}
	s.Appendix.Contacts.PartnerLiaison = contract.Contact{Name: "Dee Park"}

	c := s.Completeness()
	fmt.Println(c.Summary())
	item, _ := c.Item("appendix.4")
	fmt.Println(item.Title, "complete:", item.Complete)
	for _, p := range item.Missing {
		fmt.Println("-", p)
	}
	// Output:
	// 0 of 7 appendix items complete; 0 of 6 practices confirmed; still to do: drafting session
	// Liaisons and managers complete: false
	// - appendix.contacts.districtManager: name the district's overall manager, who attends the quarterly meetings
	// - appendix.contacts.partnerManager: name the partner's overall manager, who attends the quarterly meetings
}

// Check compares the supplement with the partnership: here the partner's
// overall manager is not a person of higher authority, one measure has
// nobody to provide or report its data, and the draft is far from complete.
func ExampleCheck() {
	p := &partnership.Partnership{
		Name:     "Riverside 2026–27",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "lp", Name: "Learning Partners Inc."}},
		People: []partnership.Person{
			{ID: "eli", Name: "Eli Stone", Org: "lp", Roles: []partnership.Role{partnership.PointPerson}},
		},
	}
	s := contract.New("Riverside Unified", "Learning Partners Inc.")
	s.Partner.ID = "lp"
	s.Appendix.Contacts.PartnerManager = contract.Contact{Person: "eli"}
	s.Appendix.Measures = []contract.Measure{{ID: "attendance", Name: "PD attendance", Kind: contract.Output, Audience: contract.Adults}}
	s.Appendix.Meetings.Cadence = partnership.Monthly

	for _, f := range contract.Check(s, p) {
		fmt.Printf("%s %s (%s) at %q\n", f.Severity, f.Rule, f.Standard, f.Path)
	}
	// Output:
	// warning contract.manager-not-higher-authority (communication.2) at "appendix.contacts.partnerManager.person"
	// warning contract.measure-no-data (metrics.2) at "appendix.measures[0]"
	// info contract.incomplete (alignment.4) at ""
	// info contract.measure-mix (metrics.1) at "appendix.measures"
}

// Names are printed as text in every format: in Markdown the characters
// that would become markup are escaped.
func ExampleSupplement_WriteMarkdown() {
	s := contract.New("Riverside <script>alert(1)</script>", `Smith & Sons "TA"`)
	var b strings.Builder
	if err := s.WriteMarkdown(&b); err != nil {
		fmt.Println(err)
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[2])
	// Output:
	// # Contract Supplement
	// An addendum to the contract between **Riverside \<script\>alert(1)\</script\>** and **Smith \& Sons "TA"**.
}

// The addendum as one printable HTML page, with signature lines; a name a
// user typed stays text.
func ExampleSupplement_WriteHTML() {
	s := contract.New("Riverside Unified", `Smith & Sons <b>TA</b>`)
	var page strings.Builder
	if err := s.WriteHTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	out := page.String()
	fmt.Println(strings.Contains(out, "Smith &amp; Sons &lt;b&gt;TA&lt;/b&gt;"), strings.Contains(out, "<b>TA"))
	fmt.Println(strings.Contains(out, "<script"), strings.Contains(out, "@media print"))
	// Output:
	// true false
	// false true
}

// A supplement saved as JSON reads back with Decode, which is strict about
// the form of every value and accepts a draft.
func ExampleDecode() {
	s, err := contract.Decode(strings.NewReader(`{"district": {"name": "Riverside Unified"}, "partner": {"name": "Learning Partners"},
		"appendix": {"meetings": {"cadence": "monthly"}}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Appendix.Meetings.Cadence, "—", s.Completeness().Summary())

	_, err = contract.Decode(strings.NewReader(`{"appendix": {"meetings": {"cadence": "daily", "dates": ["15/09/2026"]}}}`))
	for _, p := range partnership.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// monthly — 0 of 7 appendix items complete; 0 of 6 practices confirmed; still to do: drafting session
	// appendix.meetings.cadence: cadence must be one of weekly, monthly, quarterly, twice-yearly, yearly
	// appendix.meetings.dates[0]: each entry of dates must be a date written as YYYY-MM-DD, such as 2026-09-01
}
