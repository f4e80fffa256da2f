package contract

import (
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// riverside is the partnership the complete fixture belongs to.
func riverside() *partnership.Partnership {
	return &partnership.Partnership{
		Name:     "Riverside 2026–27",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "dp", Name: "Smith & Sons"}, {ID: "lp", Name: "Learning Partners"}},
		Schools:  []partnership.School{{ID: "hayes", Name: "Hayes High School"}, {ID: "lincoln", Name: "Lincoln Middle School"}},
		People: []partnership.Person{
			{ID: "ana", Name: "Ana Ruiz", Org: "rusd", Roles: []partnership.Role{partnership.PointPerson, partnership.Liaison}},
			{ID: "ben", Name: "Ben Okafor", Org: "rusd", Roles: []partnership.Role{partnership.HigherAuthority, partnership.Manager}},
			{ID: "cy", Name: "Cy Lam", Org: "rusd", Roles: []partnership.Role{partnership.SchoolLeader}},
			{ID: "dee", Name: "Dee Park", Org: "dp", Roles: []partnership.Role{partnership.PointPerson, partnership.Liaison}},
			{ID: "eli", Name: "Eli Stone", Org: "dp", Roles: []partnership.Role{partnership.HigherAuthority}},
			{ID: "lee", Name: "Lee Chen", Org: "lp", Roles: []partnership.Role{partnership.HigherAuthority}},
		},
		Priorities: []partnership.Priority{{ID: "portfolio", Title: "Every graduate completes a graduation portfolio"}},
	}
}

func TestCheckCleanSupplement(t *testing.T) {
	p := riverside()
	require.NoError(t, p.Validate())
	s := load(t, "complete.json")
	assert.Empty(t, Check(s, p))
	assert.Empty(t, Check(s, nil))
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name          string
		change        func(*Supplement, *partnership.Partnership)
		noPartnership bool
		also          []string // other rules the change fires as well
		rule          string
		severity      partnership.Severity
		standard      string
		path          string
	}{
		{name: "district liaison from the partner", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Contacts.DistrictLiaison = Contact{Person: "dee", Name: "Dee Park"}
		}, rule: RuleLiaisonOrg, severity: partnership.Warning, standard: "resources.5", path: "appendix.contacts.districtLiaison.person"},
		{name: "partner liaison from the district", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Contacts.PartnerLiaison = Contact{Person: "ana"}
		}, rule: RuleLiaisonOrg, severity: partnership.Warning, standard: "resources.5", path: "appendix.contacts.partnerLiaison.person"},
		{name: "partner manager from another partner", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Contacts.PartnerManager = Contact{Person: "lee"}
		}, rule: RuleLiaisonOrg, severity: partnership.Warning, standard: "resources.5", path: "appendix.contacts.partnerManager.person"},
		{name: "manager without higher authority", change: func(_ *Supplement, p *partnership.Partnership) {
			p.People[4].Roles = []partnership.Role{partnership.Manager}
		}, rule: RuleManagerNotHigherAuthority, severity: partnership.Warning, standard: "communication.2", path: "appendix.contacts.partnerManager.person"},
		{name: "unknown person", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.DataPlan.Duties[0].Provider.Person = "zoe"
		}, rule: RulePersonUnknown, severity: partnership.Warning, path: "appendix.dataPlan.duties[0].provider.person"},
		{name: "unknown attendee", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Session.Attendees[3].Person = "zoe"
		}, rule: RulePersonUnknown, severity: partnership.Warning, path: "session.attendees[3].person"},
		{name: "other district", change: func(s *Supplement, _ *partnership.Partnership) {
			s.District.ID = "elsewhere"
		}, rule: RulePartyUnknown, severity: partnership.Warning, path: "district.id"},
		{name: "unknown partner", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Partner.ID = "acme"
		}, rule: RulePartyUnknown, severity: partnership.Warning, path: "partner.id"},
		{name: "unknown school", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Schools[1].ID = "roosevelt"
		}, rule: RuleSchoolUnknown, severity: partnership.Warning, path: "schools[1].id"},
		{name: "unknown priority", change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Priority.Priority = "literacy"
		}, rule: RulePriorityUnknown, severity: partnership.Warning, standard: "alignment.1", path: "appendix.priority.priority"},
		{name: "measure follows an unknown initiative", change: func(s *Supplement, p *partnership.Partnership) {
			p.Initiatives = []partnership.Initiative{{ID: "coaching", Name: "Coaching", Owner: "dp"}}
			s.Appendix.Measures[1].Initiatives = []string{"coaching", "tutoring"}
		}, rule: RuleInitiativeUnknown, severity: partnership.Warning, standard: "metrics.1", path: "appendix.measures[1].initiatives[1]"},
		{name: "measure without data", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.DataPlan.Duties = s.Appendix.DataPlan.Duties[1:]
		}, also: []string{RulePracticeUnsupported, RuleIncomplete}, rule: RuleMeasureNoData, severity: partnership.Warning, standard: "metrics.2", path: "appendix.measures[0]"},
		{name: "final before interim", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Measures[1].Final.Due = "2027-01-01"
		}, also: []string{RulePracticeUnsupported, RuleMeasureTiming, RuleIncomplete}, rule: RuleFinalBeforeInterim, severity: partnership.Warning, standard: "metrics.2", path: "appendix.measures[1].final.due"},
		{name: "final on interim date", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Measures[1].Final.Due = s.Appendix.Measures[1].Interim.Due
		}, also: []string{RulePracticeUnsupported, RuleMeasureTiming, RuleIncomplete}, rule: RuleFinalBeforeInterim, severity: partnership.Warning, standard: "metrics.2", path: "appendix.measures[1].final.due"},
		{name: "no adult measure", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Measures[1].Audience = Students
		}, rule: RuleMeasureMix, severity: partnership.Info, standard: "metrics.1", path: "appendix.measures"},
		{name: "yearly meetings", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Meetings.Cadence = partnership.Yearly
		}, rule: RuleCadence, severity: partnership.Warning, standard: "communication.5", path: "appendix.meetings.cadence"},
		{name: "quarterly meetings", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Meetings.Cadence = partnership.Quarterly
		}, rule: RuleCadence, severity: partnership.Info, standard: "communication.1", path: "appendix.meetings.cadence"},
		{name: "gap between meetings", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Meetings.Dates = []partnership.Date{"2026-09-15", "2026-12-08", "2027-04-13"}
		}, rule: RuleCadence, severity: partnership.Warning, standard: "communication.5", path: "appendix.meetings.dates[2]"},
		{name: "practice done, appendix item open", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Contacts.PartnerManager = Contact{}
		}, also: []string{RuleIncomplete}, rule: RulePracticeUnsupported, severity: partnership.Warning, standard: "resources.5", path: "practices.liaisons"},
		{name: "pending practice, appendix item open", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Contacts.PartnerManager = Contact{}
			s.Practices.Liaisons.Status = partnership.Open
			s.Appendix.Meetings.Dates = []partnership.Date{"2026-09-15", "2027-01-15"}
		}, also: []string{RuleIncomplete}, rule: RuleCadence, severity: partnership.Warning, standard: "communication.5", path: "appendix.meetings.dates[1]"},
		{name: "interim in spring", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Measures[0].Interim.Due = "2027-04-01"
		}, rule: RuleMeasureTiming, severity: partnership.Info, standard: "metrics.2", path: "appendix.measures[0].interim.due"},
		{name: "final in autumn", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Measures[1].Final.Due = "2027-09-30"
		}, rule: RuleMeasureTiming, severity: partnership.Info, standard: "metrics.2", path: "appendix.measures[1].final.due"},
		{name: "manager is liaison", noPartnership: true, change: func(s *Supplement, _ *partnership.Partnership) {
			s.Appendix.Contacts.DistrictManager = Contact{Name: "ana ruiz "}
			s.Appendix.Contacts.DistrictLiaison = Contact{Name: "Ana Ruiz"}
		}, rule: RuleManagerIsLiaison, severity: partnership.Info, standard: "communication.2", path: "appendix.contacts.districtManager"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, p := load(t, "complete.json"), riverside()
			tt.change(s, p)
			fs := Check(s, p)
			var rules []string
			var f partnership.Finding
			for _, x := range fs {
				rules = append(rules, x.Rule)
				if x.Rule == tt.rule {
					f = x
				}
			}
			assert.ElementsMatch(t, append([]string{tt.rule}, tt.also...), rules, "%+v", fs)
			assert.Equal(t, tt.rule, f.Rule)
			assert.Equal(t, tt.severity, f.Severity)
			assert.Equal(t, tt.standard, f.Standard)
			assert.Equal(t, tt.path, f.Path)
			assert.NotEmpty(t, f.Message)
			assert.NotEmpty(t, f.Evidence)
			assert.NotEmpty(t, f.Question)
			if tt.standard != "" {
				_, ok := partnership.StandardByID(tt.standard)
				assert.True(t, ok)
			}
			without := Check(s, nil)
			if tt.noPartnership {
				assert.Equal(t, fs, without, "the check needs no partnership")
			} else {
				assert.Empty(t, without, "the check needs the partnership")
			}
		})
	}
}

func TestCheckMeetingDatesOutOfOrder(t *testing.T) {
	s := load(t, "complete.json")
	s.Appendix.Meetings.Dates = []partnership.Date{"2026-12-01", "2026-09-15", "2026-10-20", "not a date", "2027-02-20"}
	for _, f := range Check(s, nil) {
		assert.Equal(t, RuleIncomplete, f.Rule, "an earlier date listed later does not make a gap; only the date that is not one is a gap")
	}
}

func TestCheckIncomplete(t *testing.T) {
	s := load(t, "complete.json")
	s.Appendix.Contacts.PartnerManager = Contact{}
	s.Session.Minutes = 0
	var got []partnership.Finding
	for _, f := range Check(s, nil) {
		if f.Rule == RuleIncomplete {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1, "one finding for the whole supplement")
	f := got[0]
	assert.Equal(t, partnership.Info, f.Severity)
	assert.Equal(t, "alignment.4", f.Standard)
	assert.Empty(t, f.Path, "the supplement itself")
	assert.Equal(t, "The contract supplement is not complete yet: "+s.Completeness().Summary()+".", f.Message)
	assert.Equal(t, []string{
		"appendix item 4, Liaisons and managers: 1 gap (name the partner's overall manager, who attends the quarterly meetings)",
		"Drafting session: 1 gap (give the length of the drafting session in minutes (the framework suggests 90))",
	}, f.Evidence)

	// Judged as it prints: a manager picked by ID counts as named.
	s = load(t, "complete.json")
	s.Appendix.Contacts.PartnerManager = Contact{Person: "eli"}
	for _, f := range Check(s, riverside()) {
		assert.NotEqual(t, RuleIncomplete, f.Rule, "%v", f.Evidence)
	}
}

func TestCheckDraftDoesNotPanic(t *testing.T) {
	for _, s := range []*Supplement{New("", ""), {}, load(t, "draft.json")} {
		assert.NotPanics(t, func() {
			Check(s, riverside())
			Check(s, &partnership.Partnership{})
		})
	}
}
