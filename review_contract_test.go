package partnerkit

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contractWorkspace is a workspace with a partnership and a complete
// supplement that agrees with it.
func contractWorkspace() *Workspace {
	ws := New()
	ws.Partnership = &partnership.Partnership{
		Name:     "Riverside 2026–27",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "lp", Name: "Learning Partners Inc."}},
		People: []partnership.Person{
			{ID: "ana", Name: "Ana Ruiz", Org: "rusd", Roles: []partnership.Role{partnership.Liaison}},
			{ID: "ben", Name: "Ben Okafor", Org: "rusd", Roles: []partnership.Role{partnership.HigherAuthority}},
			{ID: "cy", Name: "Cy Lam", Org: "rusd", Roles: []partnership.Role{partnership.SchoolLeader}},
			{ID: "dee", Name: "Dee Park", Org: "lp", Roles: []partnership.Role{partnership.Liaison}},
			{ID: "eli", Name: "Eli Stone", Org: "lp", Roles: []partnership.Role{partnership.HigherAuthority}},
		},
	}
	s := contract.New("Riverside Unified", "Learning Partners Inc.")
	s.District.ID, s.Partner.ID = "rusd", "lp"
	for _, p := range contract.Practices() {
		_ = s.Practices.Confirm(p.ID, "Agreed at the drafting session.")
	}
	a := &s.Appendix
	a.Priority = contract.PriorityItem{Statement: "Every graduate completes a portfolio", How: "Coaching teacher teams."}
	a.Investment.Evidence = "The principal protects planning time."
	a.Schedule.Activities = []contract.Activity{{What: "Coaching cycles", Who: "Grade 9 teachers", When: "Tuesdays", Hours: 24}}
	a.Schedule.Assurance = contract.Assurance{WithinResources: true, WithinBargainingAgreement: true, GivenBy: contract.Contact{Person: "ben"}, Date: "2026-08-20"}
	a.Contacts = contract.Contacts{
		DistrictLiaison: contract.Contact{Person: "ana"}, PartnerLiaison: contract.Contact{Person: "dee"},
		DistrictManager: contract.Contact{Person: "ben"}, PartnerManager: contract.Contact{Person: "eli"},
	}
	a.Measures = []contract.Measure{
		{ID: "portfolios", Name: "Portfolios", Kind: contract.Outcome, Audience: contract.Students,
			Interim: contract.Checkpoint{Target: "40%", Due: "2027-01-29"}, Final: contract.Checkpoint{Target: "90%", Due: "2027-06-11"}},
		{ID: "coaching", Name: "Coaching cycles", Kind: contract.Output, Audience: contract.Adults,
			Interim: contract.Checkpoint{Target: "12", Due: "2027-01-15"}, Final: contract.Checkpoint{Target: "24", Due: "2027-06-04"}},
	}
	a.DataPlan = contract.DataPlan{Process: "Platform export and coaching logs.", Duties: []contract.DataDuty{
		{Measure: "portfolios", Provider: contract.Contact{Person: "ana"}, Reporter: contract.Contact{Person: "dee"}, Due: "2027-06-18"},
		{Measure: "coaching", Provider: contract.Contact{Person: "dee"}, Reporter: contract.Contact{Person: "dee"}, Due: "2027-06-11"},
	}}
	a.Meetings = contract.MeetingPlan{Cadence: partnership.Monthly, Dates: []partnership.Date{"2026-09-15", "2026-10-13"},
		Agenda: []string{"Measures"}, Conflict: "Liaisons, then managers.", Improvement: "One change a quarter.", Dissolution: "60 days' notice."}
	s.Session.Date = "2026-08-20"
	s.Session.Attendees = []partnership.Attendee{
		{Person: "ana", Side: partnership.DistrictSide}, {Person: "cy", Side: partnership.DistrictSide, Roles: []partnership.Role{partnership.SchoolLeader}}, {Person: "dee", Side: partnership.PartnerSide},
	}
	ws.Contract = s
	ws.AssignIDs()
	return ws
}

// reload saves and loads the workspace, as an editor does.
func reload(t *testing.T, ws *Workspace) (*Workspace, error) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, ws.Save(&b))
	return Load(&b)
}

func contractRules(fs []partnership.Finding) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range fs {
		if strings.HasPrefix(f.Rule, "contract.") {
			out = append(out, f)
		}
	}
	return out
}

func TestReviewCompleteContract(t *testing.T) {
	ws, err := reload(t, contractWorkspace())
	require.NoError(t, err)
	require.NoError(t, ws.Contract.Validate())
	assert.Empty(t, contractRules(Review(ws)))
}

func TestDraftContractLoads(t *testing.T) {
	ws := New()
	ws.Contract = contract.New("Riverside Unified", "Learning Partners Inc.")
	ws, err := reload(t, ws)
	require.NoError(t, err, "a draft supplement must load")

	fs := contractRules(Review(ws))
	require.Len(t, fs, 1)
	f := fs[0]
	assert.Equal(t, contract.RuleIncomplete, f.Rule)
	assert.Equal(t, partnership.Info, f.Severity)
	assert.Equal(t, "contract", f.Path)
	assert.NotEmpty(t, f.Standard)
	assert.NotEmpty(t, f.Question)
	assert.Contains(t, f.Message, "0 of 7 appendix items complete")
	assert.Len(t, f.Evidence, 6+7+1, "one line per incomplete part: practices, appendix items, session")
	assert.Contains(t, f.Evidence[7], "appendix item 2, School-leader investment: 1 gap")
}

func TestContractProblemsOfForm(t *testing.T) {
	ws := New()
	ws.Contract = contract.New("A", "B")
	ws.Contract.Appendix.Meetings.Cadence = "daily"
	ws.Contract.Session.Date = "20 August"
	_, err := reload(t, ws)
	var ve *partnership.ValidationError
	require.True(t, errors.As(err, &ve), "got %v", err)
	var paths []string
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	assert.ElementsMatch(t, []string{"contract.appendix.meetings.cadence", "contract.session.date"}, paths)
}

func TestReviewContractCrossChecks(t *testing.T) {
	ws := contractWorkspace()
	ws.Contract.Appendix.Contacts.PartnerLiaison = contract.Contact{Person: "ana"}
	ws.Partnership.People[4].Roles = nil
	ws.Contract.Appendix.DataPlan.Duties = ws.Contract.Appendix.DataPlan.Duties[:1]
	ws.Contract.Appendix.Meetings.Cadence = partnership.TwiceYearly
	ws, err := reload(t, ws)
	require.NoError(t, err)

	got := map[string]partnership.Finding{}
	for _, f := range contractRules(Review(ws)) {
		got[f.Rule] = f
	}
	for rule, path := range map[string]string{
		contract.RuleLiaisonOrg:                "contract.appendix.contacts.partnerLiaison.person",
		contract.RuleManagerNotHigherAuthority: "contract.appendix.contacts.partnerManager.person",
		contract.RuleMeasureNoData:             "contract.appendix.measures[1]",
		contract.RuleCadence:                   "contract.appendix.meetings.cadence",
		contract.RulePracticeUnsupported:       "contract.practices.outcomes",
		contract.RuleIncomplete:                "contract",
	} {
		f, ok := got[rule]
		if assert.True(t, ok, "missing finding %s", rule) {
			assert.Equal(t, path, f.Path, rule)
			_, known := partnership.StandardByID(f.Standard)
			assert.True(t, known, "%s cites standard %q", rule, f.Standard)
			assert.NotEmpty(t, f.Evidence, rule)
			assert.NotEmpty(t, f.Question, rule)
		}
	}
	assert.Len(t, got, 6)
	assert.Equal(t, "The partner liaison, Ana Ruiz, belongs to Riverside Unified rather than to Learning Partners Inc.", got[contract.RuleLiaisonOrg].Message)
}

func TestContractSavesStably(t *testing.T) {
	draft := New()
	draft.Contract = contract.New("Smith & Sons \"TA\"", "<script>alert(1)</script>")
	for name, ws := range map[string]*Workspace{"complete": contractWorkspace(), "draft": draft} {
		var first, second bytes.Buffer
		require.NoError(t, ws.Save(&first), name)
		again, err := Load(bytes.NewReader(first.Bytes()))
		require.NoError(t, err, name)
		require.NoError(t, again.Save(&second), name)
		assert.Equal(t, first.String(), second.String(), name)
		assert.Equal(t, ws.Contract, again.Contract, name)
		assert.Contains(t, first.String(), `"appendix": {`, name)
	}
}

// TestContractReviewResolvesThePartnership leaves the priority's statement
// to the partnership, as the page's form does when the priority is picked:
// the review judges the supplement as it prints, with the statement filled
// in, and so agrees with the form that it is complete.
func TestContractReviewResolvesThePartnership(t *testing.T) {
	ws := loadFull(t)
	ws.Contract.Appendix.Priority.Statement = "" // picked by ID
	require.True(t, ws.Contract.Resolved(ws.Partnership).Completeness().Complete, "the form's view")
	for _, f := range Review(ws) {
		assert.NotEqual(t, contract.RuleIncomplete, f.Rule, "%s: %v", f.Message, f.Evidence)
		assert.NotEqual(t, contract.RulePracticeUnsupported, f.Rule, "%s: %v", f.Message, f.Evidence)
	}
}

func loadFull(t *testing.T) *Workspace {
	t.Helper()
	data, err := os.ReadFile("testdata/full.json")
	require.NoError(t, err)
	ws, err := Load(bytes.NewReader(data))
	require.NoError(t, err)
	return ws
}
