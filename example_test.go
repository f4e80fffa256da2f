package partnerkit_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
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
	// partnership.people[0].org: there is no organisation (the district or a partner) with id "rsud"; use one of: rusd, lp
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
