package partnerkit_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/readiness"
)

func ExampleLoad() {
	file := `{
	  "schemaVersion": 1,
	  "partnership": {
	    "name": "Riverside and Learning Partners",
	    "district": {"id": "rusd", "name": "Riverside Unified"},
	    "partners": [{"id": "lp", "name": "Learning Partners", "approach": "coaching"}],
	    "people": [{"id": "ana", "name": "Ana Ruiz", "org": "rsud"}]
	  }
	}`
	_, err := partnerkit.Load(strings.NewReader(file))
	for _, p := range partnership.ProblemsOf(err) {
		fmt.Println(p)
	}
	// Output:
	// partnership.partners[0].approach: approach must be one of co-design, consultancy, delivery
	// partnership.people[0].org: there is no organization (the district or a partner) with id "rsud"; use one of: rusd, lp
}

func ExampleWorkspace_Save() {
	ws := partnerkit.New()
	ws.WorkspaceID = "riverside-2026" // New makes a random one
	if err := ws.SetTimeZone("America/Chicago"); err != nil {
		fmt.Println(err)
	}
	ws.Partnership = &partnership.Partnership{
		Name:     "Riverside and Learning Partners",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
	}
	if err := ws.Save(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "schemaVersion": 2,
	//   "workspaceId": "riverside-2026",
	//   "timeZone": "America/Chicago",
	//   "partnership": {
	//     "name": "Riverside and Learning Partners",
	//     "district": {
	//       "id": "rusd",
	//       "name": "Riverside Unified"
	//     }
	//   }
	// }
}

// Review judges the whole workspace: the tools' checks, each path from the
// top of the file, and the rules across tools. Here a partner without a
// stated approach, one person holding every key role on each side, a
// readiness round where one team rated alone, and a concern about schedules
// no contract settles yet.
func ExampleReview() {
	file := `{
	  "schemaVersion": 2,
	  "workspaceId": "riverside-2026",
	  "timeZone": "America/Chicago",
	  "partnership": {
	    "name": "Riverside and Learning Partners",
	    "district": {"id": "rusd", "name": "Riverside Unified"},
	    "partners": [{"id": "lp", "name": "Learning Partners"}],
	    "people": [
	      {"id": "ana", "name": "Ana Ruiz", "org": "rusd", "roles": ["point-person", "higher-authority", "school-leader"]},
	      {"id": "dee", "name": "Dee Park", "org": "lp", "roles": ["point-person", "higher-authority"]}
	    ],
	    "context": [{"org": "rusd", "interests": "Portfolios"}, {"org": "lp", "interests": "A long partnership"}]
	  },
	  "readiness": [{"id": "spring", "title": "Spring", "responses": [
	    {"id": "r1", "rater": "Ana Ruiz", "team": "District", "ratings": {"resources": 3}, "concerns": {"resources": "The summer schedule is full."}},
	    {"id": "r2", "rater": "Ben Okafor", "team": "District", "ratings": {"resources": 3}},
	    {"id": "r3", "rater": "Dee Park", "team": "Partner", "ratings": {"resources": 4}}
	  ]}]
	}`
	ws, err := partnerkit.Load(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range partnerkit.Review(ws) {
		fmt.Printf("%-7s %-35s %s\n", f.Severity, f.Rule, f.Path)
	}
	// Output:
	// warning partnership.approach-unstated       partnership.partners[0].approach
	// warning partnership.single-point-of-failure partnership.people[0].roles
	// warning partnership.single-point-of-failure partnership.people[1].roles
	// warning readiness.few-raters                readiness[0]
	// info    partnership.no-end-date             partnership.end
	// info    readiness.concern-not-in-contract   readiness[0].responses[0].concerns.resources
}

// A draft that Load would refuse opens with Decode, and Validate lists what
// to correct.
func ExampleDecode() {
	file := `{"schemaVersion": 2, "workspaceId": "riverside-2026", "partnership": {"name": "", "district": {"id": "rusd", "name": "Riverside Unified"}}}`
	ws, err := partnerkit.Decode(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ws.Partnership.District.Name)
	fmt.Println(ws.Validate())
	// Output:
	// Riverside Unified
	// partnership.name: name is required
}

// Gathering responses goes through AddResponse, which refuses what the
// saved file could not hold: here a survey row without a team.
func ExampleWorkspace_AddResponse() {
	ws := partnerkit.New()
	ws.Readiness = []readiness.Round{{ID: "spring", Title: "Spring"}}
	for _, r := range []readiness.Response{
		{Rater: "Ana Ruiz", Team: "District", Ratings: map[string]int{"alignment": 4}},
		{Rater: "Ben Okafor", Ratings: map[string]int{"alignment": 3}},
	} {
		if _, err := ws.AddResponse(0, r); err != nil {
			fmt.Printf("%s: %v\n", r.Rater, err)
		}
	}
	fmt.Println(len(ws.Readiness[0].Responses), "response added")
	// Output:
	// Ben Okafor: team: team is required
	// 1 response added
}

// Every rule Review can report is in a catalogue: the tools' own, and the
// root's for the rules across tools.
func ExampleRules() {
	for _, r := range partnerkit.Rules() {
		fmt.Printf("%s (%s): %s\n", r.ID, r.Severity, r.Title)
	}
	n := len(partnership.Rules()) + len(readiness.Rules()) + len(contract.Rules()) + len(agenda.Rules()) + len(progress.Rules())
	fmt.Println(n, "rules in the tools' catalogues")
	// Output:
	// workspace.invalid (critical): Something in the file is not valid
	// readiness.concern-not-in-contract (info): A readiness concern the contract could settle
	// 58 rules in the tools' catalogues
}

// The district and the partner each edit a copy of the same workspace and
// send it to the other; each side merges the other's copy into its own.
func ExampleMerge() {
	open := func() *partnerkit.Workspace {
		f, err := os.Open("testdata/full.json")
		if err != nil {
			panic(err)
		}
		defer f.Close()
		ws, err := partnerkit.Load(f)
		if err != nil {
			panic(err)
		}
		return ws
	}
	base, mine, theirs := open(), open(), open()

	// The district names its liaison's title and moves the institute; the
	// partner adds two actions and moves the institute too, differently.
	mine.Contract.Appendix.Contacts.DistrictLiaison.Title = "Director of Portfolios"
	mine.Contract.Appendix.Schedule.Activities[1].When = "June 21 to 25"
	theirs.Contract.Appendix.Schedule.Activities[1].When = "June 28 to July 2"
	theirs.Contract.Appendix.Schedule.Activities[0].Hours = 30
	theirs.Meetings[0].AddAction(agenda.Action{Text: "Share the coaching calendar", Owner: "dee"})
	theirs.Meetings[0].AddAction(agenda.Action{Text: "Invite the grade 10 team", Owner: "dee"})

	merged, conflicts := partnerkit.Merge(base, mine, theirs)
	fmt.Println("Their copy " + partnerkit.Summary(mine, merged) + ".")
	for _, c := range conflicts {
		fmt.Printf("%s: yours %s, theirs %s\n", c.What, c.Mine, c.Theirs)
	}
	merged, err := partnerkit.Resolve(merged, partnerkit.Choice{Conflict: conflicts[0], Take: partnerkit.Theirs})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(merged.Contract.Appendix.Schedule.Activities[1].When)
	// Output:
	// Their copy adds 2 actions and changes the contract's schedule.
	// The scheduled activity “Summer design institute”: when: yours "June 21 to 25", theirs "June 28 to July 2"
	// June 28 to July 2
}

// A workspace file locked with a passphrase, as the page exports it, is
// read with LoadLocked and the passphrase.
func ExampleLoadLocked() {
	ws := partnerkit.New()
	ws.Readiness = []readiness.Round{{ID: "fall", Title: "Fall readiness"}}
	var plain bytes.Buffer
	_ = ws.Save(&plain)
	locked, _ := partnerkit.Lock(plain.Bytes(), "a long passphrase only we know")

	_, err := partnerkit.Load(bytes.NewReader(locked))
	fmt.Println(errors.Is(err, partnerkit.ErrLocked))
	back, err := partnerkit.LoadLocked(bytes.NewReader(locked), "a long passphrase only we know")
	fmt.Println(back.Readiness[0].Title, err)
	// Output:
	// true
	// Fall readiness <nil>
}
