package partnership

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// healthy returns a partnership on which Check finds nothing.
func healthy() *Partnership {
	return &Partnership{
		Name:     "Healthy",
		District: Org{ID: "d", Name: "District", Stance: ActivePartner, Expects: CoDesign},
		Partners: []Partner{{ID: "p", Name: "Partner", Approach: CoDesign}},
		Schools:  []School{{ID: "a", Name: "Adams"}, {ID: "b", Name: "Baker"}},
		People: []Person{
			{ID: "d1", Name: "Dana", Org: "d", Roles: []Role{PointPerson, Liaison}},
			{ID: "d2", Name: "Dev", Org: "d", Roles: []Role{HigherAuthority, Manager}},
			{ID: "p1", Name: "Pat", Org: "p", Roles: []Role{PointPerson}},
			{ID: "p2", Name: "Pia", Org: "p", Roles: []Role{HigherAuthority}},
			{ID: "sa", Name: "Sam", Org: "d", Roles: []Role{SchoolLeader}, Schools: []string{"a"}},
			{ID: "sb", Name: "Sue", Org: "d", Roles: []Role{SchoolLeader}, Schools: []string{"b"}},
		},
		Priorities: []Priority{{ID: "lit", Title: "Literacy"}},
		Initiatives: []Initiative{
			{ID: "coach", Name: "Coaching", Owner: "p", Priorities: []string{"lit"},
				Demands: []Demand{demand("teachers", "2026-09-07", "2027-06-11", 2)}},
			{ID: "plc", Name: "Literacy PLCs", Owner: "d", Priorities: []string{"lit"},
				Demands: []Demand{demand("teachers", "2027-09-06", "2028-06-09", 2)}},
		},
		Capacity: []Capacity{{Audience: "teachers", HoursPerWeek: 10}},
		Start:    "2026-09-01",
		End:      "2027-06-30",
		Context: []OrgContext{
			{Org: "d", Interests: "Reading at grade level by grade 3."},
			{Org: "p", Interests: "Learn how its coaching works in a rural district."},
		},
	}
}

func TestCheckHealthyFindsNothing(t *testing.T) {
	p := healthy()
	require.NoError(t, p.Validate())
	assert.Empty(t, Check(p))
}

func TestCheckRules(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *Partnership)
		rule   string
		sev    Severity
		path   string
		text   string // in the message
	}{
		{"over capacity", func(p *Partnership) {
			p.Initiatives[0].Demands[0].HoursPerWeek = 12
		}, RuleOverCapacity, Critical, "initiatives[0]", "asked for 12 h a week in each of the 40 weeks from September 7, 2026 to June 7, 2027, more than the 10 h a week they have"},
		{"two owners in the same week", func(p *Partnership) {
			p.Initiatives[1].Demands[0].Start = "2027-06-07"
		}, RuleCompetingDemands, Warning, "initiatives[0]", "2 organizations (Partner and District) ask teachers across the district for time in the week of June 7, 2027: 4 h a week in all, within the 10 h a week they have"},
		{"no priorities", func(p *Partnership) {
			p.Priorities = nil
			p.Initiatives[0].Priorities, p.Initiatives[1].Priorities = nil, nil
		}, RuleNoPriorities, Warning, "priorities", "lists 2 initiatives but none of the district's strategic priorities"},
		{"initiative without priority", func(p *Partnership) {
			p.Initiatives[1].Priorities = nil
		}, RuleInitiativeWithoutPriority, Warning, "initiatives[1].priorities", "“Literacy PLCs”, run by District, serves none"},
		{"initiative linked only to a priority that does not exist", func(p *Partnership) {
			p.Initiatives[1].Priorities = []string{"nope"}
		}, RuleInitiativeWithoutPriority, Warning, "initiatives[1].priorities", "serves none"},
		{"too many priorities", func(p *Partnership) {
			for i := range MaxPriorities {
				p.Priorities = append(p.Priorities, Priority{ID: fmt.Sprintf("x%d", i), Title: fmt.Sprintf("X%d", i)})
				p.Initiatives[0].Priorities = append(p.Initiatives[0].Priorities, fmt.Sprintf("x%d", i))
			}
		}, RuleTooManyPriorities, Warning, "priorities", "names 6 strategic priorities, more than 5"},
		{"priority without initiative", func(p *Partnership) {
			p.Priorities = append(p.Priorities, Priority{ID: "math", Title: "Math"})
		}, RulePriorityWithoutInitiative, Warning, "priorities[1]", "No initiative serves the priority “Math”"},
		{"no point person", func(p *Partnership) {
			p.People[2].Roles = nil
		}, RuleNoPointPerson, Warning, "partners[0]", "Partner names no point person"},
		{"no higher authority", func(p *Partnership) {
			p.People[1].Roles = []Role{Manager}
		}, RuleNoHigherAuthority, Warning, "district", "District names no person of higher authority"},
		{"a school without a leader", func(p *Partnership) {
			p.People[5].Schools = []string{"a"}
		}, RuleNoSchoolLeader, Warning, "schools[1]", "Baker has no school leader"},
		{"no school leader in a partnership without schools", func(p *Partnership) {
			p.Schools = nil
			p.People = p.People[:4]
		}, RuleNoSchoolLeader, Warning, "people", "No one among the people is a school leader"},
		{"one person holds every key role", func(p *Partnership) {
			p.People[3].Org = "d"
			p.People[2].Roles = []Role{PointPerson, HigherAuthority}
		}, RuleSinglePointOfFailure, Warning, "people[2].roles", "Pat holds every key role at Partner (point person, higher authority)"},
		{"partner without an approach", func(p *Partnership) {
			p.Partners[0].Approach = ""
		}, RuleApproachUnstated, Warning, "partners[0].approach", "Partner has not said whether it co-designs"},
		{"nothing carries on after the end", func(p *Partnership) {
			p.Initiatives[1].Demands[0].End = "2027-06-30"
			p.Initiatives[1].Demands[0].Start = "2026-09-07"
		}, RuleNoContinuation, Warning, "end", "No initiative run by District goes on after the partnership ends on June 30, 2027 to carry on the work on “Literacy”"},
		{"district work on other priorities does not carry on the partnership's", func(p *Partnership) {
			p.Priorities = append(p.Priorities, Priority{ID: "math", Title: "Math"})
			p.Initiatives[1].Priorities = []string{"math"}
		}, RuleNoContinuation, Warning, "end", "to carry on the work on “Literacy”"},
		{"no end date", func(p *Partnership) {
			p.End = ""
		}, RuleNoEndDate, Info, "end", "has no end date"},
		{"longer than a year", func(p *Partnership) {
			p.End = "2027-09-02"
			p.Initiatives[1].Demands[0].End = "2028-09-01"
		}, RuleYearlyRenewal, Info, "end", "runs about 12 months (September 1, 2026 to September 2, 2027), longer than 12"},
		{"district interests unstated", func(p *Partnership) {
			p.Context[0].Interests = "  "
		}, RuleInterestsUnstated, Warning, "context[0].interests", "District has not stated its interests"},
		{"partner with no context at all", func(p *Partnership) {
			p.Context = p.Context[:1]
		}, RuleInterestsUnstated, Warning, "context", "Partner has not stated its interests"},
		{"delivery against co-design", func(p *Partnership) {
			p.Partners[0].Approach = Delivery
		}, RuleApproachMismatch, Warning, "partners[0].approach", "Partner works by delivery, while District expects co-design"},
		{"one step apart", func(p *Partnership) {
			p.Partners[0].Approach = Consultancy
		}, RuleApproachMismatch, Info, "partners[0].approach", "Partner works by consultancy, while District expects co-design"},
		{"receiver stance", func(p *Partnership) {
			p.District.Stance = Receiver
		}, RuleReceiverStance, Warning, "district.stance", "District takes part as a receiver of services"},
		{"a slip in an audience's name", func(p *Partnership) {
			p.Initiatives[1].Demands[0].Audience = "Teacher "
		}, RuleAudienceWithoutTime, Warning, "initiatives[1].demands[0].audience", "Initiatives ask time of Teacher, but the time people have is set for teachers"},
		{"an audience with no time set", func(p *Partnership) {
			p.Initiatives[0].Demands[0].Audience = "coaches"
		}, RuleAudienceWithoutTime, Warning, "initiatives[0].demands[0].audience", "No time is set for coaches"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := healthy()
			tc.change(p)
			var got []Finding
			for _, f := range Check(p) {
				if f.Rule == tc.rule {
					got = append(got, f)
				}
			}
			require.Len(t, got, 1, "findings: %+v", Check(p))
			f := got[0]
			assert.Equal(t, tc.sev, f.Severity)
			assert.Equal(t, tc.path, f.Path)
			assert.Contains(t, f.Message, tc.text)
			assertExplained(t, f)
		})
	}
}

// assertExplained checks what every finding of Check must carry.
func assertExplained(t *testing.T, f Finding) {
	t.Helper()
	assert.NotZero(t, f.Severity.Rank(), "severity of %s", f.Rule)
	assert.NotEmpty(t, f.Message, f.Rule)
	assert.NotEmpty(t, f.Question, f.Rule)
	assert.NotEmpty(t, f.Evidence, f.Rule)
	assert.NotEmpty(t, f.Path, f.Rule)
	_, ok := StandardByID(f.Standard)
	assert.True(t, ok, "standard %q of %s", f.Standard, f.Rule)
	assert.True(t, strings.HasSuffix(f.Question, "?"), "question of %s: %q", f.Rule, f.Question)
}

func TestRulesAreDocumented(t *testing.T) {
	seen := make(map[string]bool)
	for _, r := range Rules() {
		assert.False(t, seen[r.ID], "rule %s listed twice", r.ID)
		seen[r.ID] = true
		assert.True(t, strings.HasPrefix(r.ID, "partnership."), r.ID)
		assert.NotEmpty(t, r.Title, r.ID)
		assert.NotEmpty(t, r.Trigger, r.ID)
		assert.NotEmpty(t, r.Source, r.ID)
		_, ok := StandardByID(r.Standard)
		assert.True(t, ok, "standard of %s", r.ID)
	}
	assert.Contains(t, fmt.Sprint(Rules()), "more than 5 strategic priorities")
	assert.Len(t, seen, 18)
}

func TestCheckFindingsAreSortedAndComplete(t *testing.T) {
	p := healthy()
	p.District.Stance = Receiver
	p.Partners[0].Approach = Delivery
	p.Initiatives[0].Demands[0].HoursPerWeek = 12
	p.Context = nil
	fs := Check(p)
	require.NotEmpty(t, fs)
	for i, f := range fs {
		assertExplained(t, f)
		if i > 0 {
			assert.GreaterOrEqual(t, fs[i-1].Severity.Rank(), f.Severity.Rank())
		}
	}
}

func TestCheckNilAndEmpty(t *testing.T) {
	assert.Nil(t, Check(nil))
	assert.Nil(t, Conflicts(nil))
	fs := Check(&Partnership{})
	assert.Empty(t, fs, "an empty draft has no organizations to judge yet")
}

func TestCheckSkipsWhatValidateRejects(t *testing.T) {
	p := healthy()
	p.End = "2027-02-30"
	p.Start = "soon"
	p.Initiatives[0].Owner = "ghost"
	p.Initiatives[0].Demands[0].Start = "2026-13-01"
	p.Initiatives[0].Demands[0].HoursPerWeek = 50
	p.People[0].Org = "nobody"
	p.People[0].Schools = []string{"nowhere"}
	p.Context = append(p.Context, OrgContext{Org: "ghost"})
	require.Error(t, p.Validate())
	fs := Check(p)
	rules := make(map[string]string)
	for _, f := range fs {
		rules[f.Rule] = f.Path
	}
	assert.NotContains(t, rules, RuleOverCapacity, "a demand with a bad date is left out")
	assert.NotContains(t, rules, RuleYearlyRenewal, "bad dates are not compared")
	assert.Equal(t, "district", rules[RuleNoPointPerson], "the rest is still checked")
}

func TestValidateCoherenceFields(t *testing.T) {
	p := healthy()
	p.End = "2026-08-01"
	p.District.Stance = "passive"
	p.District.Expects = "magic"
	p.People[4].Schools = []string{"zz"}
	p.Context = append(p.Context, OrgContext{Org: "p"}, OrgContext{Org: "q"}, OrgContext{})
	p.Context[0].Ideologies = strings.Repeat("x", 4001)
	var ve *ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	var got []string
	for _, pr := range ve.Problems {
		got = append(got, pr.String())
	}
	assert.ElementsMatch(t, []string{
		"district.stance: stance must be one of receiver, active-partner",
		"district.expects: expects must be one of co-design, consultancy, delivery",
		"context[0].ideologies: ideologies must be at most 4000 characters long",
		"context[4].org: org is required",
		"end: end (2026-08-01) is before start (2026-09-01); the last day must be on or after the first",
		`people[4].schools[0]: there is no school with id "zz"; use one of: a, b`,
		`context[2].org: the answers for "p" are already given at context[1]; give each organization once`,
		`context[3].org: there is no organization (the district or a partner) with id "q"; use one of: d, p`,
	}, got)
}

func TestCheckOrderMatchesSortFindings(t *testing.T) {
	p := benchPartnership(300)
	fs := Check(p)
	require.Greater(t, len(fs), 100)
	want := slices.Clone(fs)
	SortFindings(want)
	key := func(f Finding) string { return fmt.Sprint(f.Severity, f.Rule, f.Path, f.Message) }
	for i := range fs {
		require.Equal(t, key(want[i]), key(fs[i]), "finding %d", i)
	}
}
