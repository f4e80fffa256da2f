package progress

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

func num64(v float64) *float64 { return &v }

// attendance is a measure where higher is better: 50 teachers on
// 2026-09-01, 60 by 2027-01-31, 80 by 2027-06-15. On 2026-11-01, 61 days
// into the 152 to the interim date, the line passes 54.01.
func attendance() contract.Measure {
	return contract.Measure{
		ID: "att", Name: "Teachers at the PD days", Kind: contract.Output, Audience: contract.Adults,
		Unit: "teachers", Direction: contract.Increase,
		Baseline: contract.Baseline{Value: num64(50), Date: "2026-09-01"},
		Interim:  contract.Checkpoint{Target: "Sixty at the winter day", Value: num64(60), Due: "2027-01-31"},
		Final:    contract.Checkpoint{Target: "Eighty by June", Value: num64(80), Due: "2027-06-15"},
	}
}

// absence is a measure where lower is better: 30% chronically absent on
// 2026-09-01, 25% by 2027-01-31, 20% by 2027-06-15. On 2026-11-01 the line
// passes 27.99%.
func absence() contract.Measure {
	return contract.Measure{
		ID: "abs", Name: "Students chronically absent", Kind: contract.Outcome, Audience: contract.Students,
		Unit: "%", Direction: contract.Decrease,
		Baseline: contract.Baseline{Value: num64(30), Date: "2026-09-01"},
		Interim:  contract.Checkpoint{Value: num64(25), Due: "2027-01-31"},
		Final:    contract.Checkpoint{Value: num64(20), Due: "2027-06-15"},
	}
}

func supplement(ms ...contract.Measure) *contract.Supplement {
	s := contract.New("Riverside Unified", "Learning Partners")
	s.Appendix.Measures = ms
	s.Appendix.Meetings.Dissolution = "If a measure is far off track at a quarterly meeting, the managers agree a recovery plan within 30 days."
	for _, m := range ms {
		s.Appendix.DataPlan.Duties = append(s.Appendix.DataPlan.Duties, contract.DataDuty{
			Measure: m.ID, Source: "Sign-in sheets", Provider: contract.Contact{Name: "Ana Ruiz"}, Reporter: contract.Contact{Name: "Dee Park"}, Due: "2026-10-15",
		})
	}
	return s
}

func obs(measure string, pairs ...any) []Observation {
	var out []Observation
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pairs[i+1]
		f, ok := v.(float64)
		if !ok {
			f = float64(v.(int))
		}
		out = append(out, NewObservation(fmt.Sprintf("%s-%d", measure, i/2+1), measure, partnership.Date(pairs[i].(string)), f))
	}
	return out
}

func day(s string) time.Time {
	t, ok := partnership.Date(s).Time()
	if !ok {
		panic(s)
	}
	return t
}

func TestCheckRules(t *testing.T) {
	noInterim := func(m contract.Measure) contract.Measure { m.Interim = contract.Checkpoint{}; return m }
	tests := []struct {
		name     string
		measures []contract.Measure
		obs      []Observation
		asOf     string
		rule     string // the finding expected, or "" for none at all
		sev      partnership.Severity
		path     string
		text     []string // in the message
		evidence []string // each in some line of evidence
		also     []string // other rules that fire as well
	}{
		{name: "on track", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-11-01", 55), asOf: "2026-11-15"},
		{name: "behind within the tolerance is on track", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-11-01", 52), asOf: "2026-11-15"},
		{name: "behind", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-11-01", 45), asOf: "2026-11-15",
			rule: RuleBehind, sev: partnership.Warning, path: "contract.appendix.measures[0]",
			text:     []string{"“Teachers at the PD days” is behind its planned line by 9.01 teachers", "45 teachers on November 1, 2026", "50 teachers on September 1, 2026", "60 teachers by January 31, 2027", "passes 54.01 teachers"},
			evidence: []string{"behind by: 9.01 teachers, 17% short", "agreed for measures not on track: If a measure is far off track"}},
		{name: "behind on the way to the final target", measures: []contract.Measure{attendance()}, obs: obs("att", "2027-01-20", 61, "2027-04-01", 62), asOf: "2027-04-05",
			rule: RuleBehind, path: "contract.appendix.measures[0]",
			text: []string{"by 6.89 teachers", "from the interim target (60 teachers on January 31, 2027) to the final target (80 teachers by June 15, 2027)"}},
		{name: "a small step short of a long climb is on track", measures: []contract.Measure{func() contract.Measure {
			m := attendance()
			m.Baseline.Value, m.Interim.Value = num64(0), num64(20)
			return m
		}()}, obs: obs("att", "2026-10-20", 6), asOf: "2026-10-25"},
		{name: "a single observation on track", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-09-20", 51), asOf: "2026-09-25"},
		{name: "a value before the baseline is not judged", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-08-01", 10), asOf: "2026-08-05"},
		{name: "no data past the due date, with who provides it", measures: []contract.Measure{attendance()}, asOf: "2026-11-01",
			rule: RuleNoData, sev: partnership.Warning, path: "contract.appendix.dataPlan.duties[0]",
			text:     []string{"No value of “Teachers at the PD days” is recorded", "due by October 15, 2026 from Ana Ruiz"},
			evidence: []string{"provides the data: Ana Ruiz", "reports on it: Dee Park", "source: Sign-in sheets"}},
		{name: "no data before the due date is fine", measures: []contract.Measure{attendance()}, asOf: "2026-10-15"},
		{name: "interim checkpoint missed", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-12-15", 57), asOf: "2027-02-10",
			rule: RuleCheckpointMissed, sev: partnership.Warning, path: "contract.appendix.measures[0].interim",
			text:     []string{"The interim target of “Teachers at the PD days” (60 teachers by January 31, 2027) was not met", "57 teachers, on December 15, 2026"},
			evidence: []string{"short of the target by 3 teachers", "agreed for measures not on track"}},
		{name: "interim checkpoint with no value by its date", measures: []contract.Measure{attendance()}, obs: obs("att", "2027-02-05", 61), asOf: "2027-02-10",
			rule: RuleCheckpointMissed, sev: partnership.Warning, path: "contract.appendix.measures[0].interim",
			text: []string{"no value was recorded by then"}},
		{name: "interim checkpoint met", measures: []contract.Measure{attendance()}, obs: obs("att", "2027-01-20", 61), asOf: "2027-02-10"},
		{name: "final checkpoint missed is critical", measures: []contract.Measure{attendance()}, obs: obs("att", "2027-01-20", 61, "2027-06-10", 70), asOf: "2027-06-20",
			rule: RuleCheckpointMissed, sev: partnership.Critical, path: "contract.appendix.measures[0].final",
			text: []string{"The final target", "80 teachers by June 15, 2027", "70 teachers, on June 10, 2027"}, also: []string{RuleBehind}},
		{name: "decrease: on track", measures: []contract.Measure{absence()}, obs: obs("abs", "2026-11-01", 27), asOf: "2026-11-15"},
		{name: "decrease: behind when above the line", measures: []contract.Measure{absence()}, obs: obs("abs", "2026-11-01", 31), asOf: "2026-11-15",
			rule: RuleBehind, path: "contract.appendix.measures[0]", text: []string{"behind its planned line by 3.01 percentage points", "31% on November 1, 2026"}},
		{name: "decrease: a rise is the drop to look into", measures: []contract.Measure{absence()}, obs: obs("abs", "2026-10-01", 24, "2026-11-01", 31), asOf: "2026-11-15",
			rule: RuleDrop, sev: partnership.Warning, path: "observations[1]",
			text: []string{"rose by 25% or more", "from 24% on October 1, 2026 to 31% on November 1, 2026 (up 29%)"}, also: []string{RuleBehind}},
		{name: "decrease: checkpoint missed when above the target", measures: []contract.Measure{absence()}, obs: obs("abs", "2027-01-10", 26), asOf: "2027-02-01",
			rule: RuleCheckpointMissed, path: "contract.appendix.measures[0].interim", text: []string{"26%"}},
		{name: "drop between consecutive values", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-10-01", 60, "2026-11-01", 44), asOf: "2026-11-15",
			rule: RuleDrop, path: "observations[1]",
			text:     []string{"fell by 25% or more from one value to the next: from 60 teachers on October 1, 2026 to 44 teachers on November 1, 2026 (down 27%)"},
			evidence: []string{"all values: 60 → 44 teachers"}, also: []string{RuleBehind}},
		{name: "a smaller fall is no drop", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-10-01", 60, "2026-11-01", 58), asOf: "2026-11-15"},
		{name: "two drops make one finding", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-09-15", 52, "2026-10-03", 25, "2026-11-06", 16), asOf: "2026-11-10",
			rule: RuleDrop, path: "observations[2]", text: []string{"from 52 teachers on September 15, 2026 to 25 teachers on October 3, 2026 (down 52%); then from 25 teachers on October 3, 2026 to 16 teachers on November 6, 2026 (down 36%)"},
			also: []string{RuleBehind}},
		{name: "identical dates: the value recorded last counts", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-11-01", 55, "2026-11-01", 45), asOf: "2026-11-15",
			rule: RuleSameDate, sev: partnership.Info, path: "observations[1]",
			text: []string{"has 2 different values for November 1, 2026: 55 teachers and 45 teachers; the one recorded last, 45 teachers, counts"}, also: []string{RuleBehind}},
		{name: "identical dates in the other order", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-11-01", 45, "2026-11-01", 55), asOf: "2026-11-15",
			rule: RuleSameDate, path: "observations[1]", text: []string{"the one recorded last, 55 teachers, counts"}},
		{name: "identical dates with the same value", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-11-01", 55, "2026-11-01", 55), asOf: "2026-11-15"},
		{name: "identical dates are not a drop", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-10-01", 55, "2026-10-01", 30, "2026-10-01", 56), asOf: "2026-10-05",
			rule: RuleSameDate, text: []string{"3 different values"}},
		{name: "no baseline", measures: []contract.Measure{func() contract.Measure { m := attendance(); m.Baseline = contract.Baseline{}; return m }()}, asOf: "2026-10-01",
			rule: RuleNotMeasurable, sev: partnership.Info, path: "contract.appendix.measures[0]",
			text: []string{"cannot be followed in numbers yet: it lacks a baseline value and the date of the baseline"}},
		{name: "no numeric target", measures: []contract.Measure{func() contract.Measure {
			m := attendance()
			m.Interim.Value, m.Final.Value = nil, nil
			return m
		}()}, obs: obs("att", "2026-10-01", 60, "2026-11-01", 20), asOf: "2026-11-02",
			rule: RuleNotMeasurable, text: []string{"an interim or final target given as a number, with its date"}, also: []string{RuleDrop}},
		{name: "no direction and a flat plan", measures: []contract.Measure{func() contract.Measure {
			m := noInterim(attendance())
			m.Direction = ""
			m.Final.Value = num64(50)
			return m
		}()}, asOf: "2026-09-02",
			rule: RuleNotMeasurable, text: []string{"a direction: whether higher or lower is better"}},
		{name: "a direction read from the targets is said so", measures: []contract.Measure{func() contract.Measure {
			m := attendance()
			m.Direction = ""
			return m
		}()}, obs: obs("att", "2026-11-01", 45), asOf: "2026-11-15",
			rule: RuleBehind, evidence: []string{"direction: not stated; read from the targets as higher is better"}},
		{name: "stale data", measures: []contract.Measure{attendance()}, obs: obs("att", "2026-09-15", 51), asOf: "2027-01-05",
			rule: RuleStale, sev: partnership.Info, path: "contract.appendix.measures[0]", text: []string{"The latest value of “Teachers at the PD days” is from September 15, 2026, 112 days before January 5, 2027"}},
		{name: "data of a measure the supplement lacks", measures: []contract.Measure{attendance()}, obs: append(obs("att", "2026-11-01", 55), obs("gone", "2026-11-02", 3, "2026-11-03", 4)...), asOf: "2026-11-15",
			rule: RuleUnknownMeasure, sev: partnership.Warning, path: "observations[1].measure", text: []string{"2 values are recorded for a measure the contract supplement does not have (\"gone\")"}},
		{name: "an empty row of the form is left alone", measures: []contract.Measure{{}}, asOf: "2026-11-15"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Data{Contract: supplement(tc.measures...), Observations: tc.obs}
			require.NoError(t, Validate(tc.obs))
			fs := Check(d, day(tc.asOf))
			rules := map[string]bool{}
			for _, f := range fs {
				rules[f.Rule] = true
				assert.NotContains(t, f.Message, "observations[", "no JSON path in what people read")
				assert.NotEmpty(t, f.Question)
				if f.Severity != partnership.Info {
					assert.NotEmpty(t, f.Standard)
				}
			}
			if tc.rule == "" {
				assert.Empty(t, fs)
				return
			}
			var got *partnership.Finding
			for i := range fs {
				if fs[i].Rule == tc.rule && (tc.path == "" || fs[i].Path == tc.path) {
					got = &fs[i]
					break
				}
			}
			require.NotNil(t, got, "want %s at %q in %+v", tc.rule, tc.path, fs)
			if tc.sev != "" {
				assert.Equal(t, tc.sev, got.Severity)
			}
			for _, s := range tc.text {
				assert.Contains(t, got.Message, s)
			}
			for _, s := range tc.evidence {
				assert.True(t, containsLine(got.Evidence, s), "%q in %q", s, got.Evidence)
			}
			want := map[string]bool{tc.rule: true}
			for _, r := range tc.also {
				want[r] = true
			}
			assert.Equal(t, want, rules, "the rules that fired")
		})
	}
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

func TestCheckWithoutDateUsesTheLatestInTheData(t *testing.T) {
	d := Data{
		Contract:     supplement(attendance()),
		Observations: obs("att", "2026-12-15", 57),
		Meetings:     []agenda.Meeting{{ID: "q2", Title: "Quarterly review", Cadence: partnership.Quarterly, Start: day("2027-02-10").Add(15 * time.Hour), Minutes: 60, Closed: true}},
	}
	assert.Equal(t, day("2027-02-10"), d.LatestDate())
	fs := Check(d, time.Time{})
	require.Len(t, fs, 1)
	assert.Equal(t, RuleCheckpointMissed, fs[0].Rule)

	d.Meetings[0].Closed = false // a planned meeting has not happened
	assert.Empty(t, Check(d, time.Time{}))
	assert.True(t, Data{}.LatestDate().IsZero())
}

func TestCheckJudgesTheDateWhereItIs(t *testing.T) {
	d := Data{Contract: supplement(attendance())}
	// 2026-10-16 01:00 in New York is still 2026-10-15 in Los Angeles: the duty is due that day.
	la, err := time.LoadLocation("America/Los_Angeles")
	require.NoError(t, err)
	assert.Empty(t, Check(d, time.Date(2026, 10, 15, 22, 0, 0, 0, la)))
	assert.NotEmpty(t, Check(d, time.Date(2026, 10, 16, 8, 0, 0, 0, la)))
}

func TestCheckIgnoresObservationsValidateRejects(t *testing.T) {
	bad := []Observation{
		{ID: "a", Measure: "att", Date: "2026-11-01"},                       // no value
		{ID: "b", Measure: "att", Date: "1 November", Value: num64(10)},     // not a date
		{ID: "c", Measure: "att", Date: "2026-11-01", Value: num64(55)},     // fine
		{ID: "d", Measure: "", Date: "2026-11-01", Value: num64(1)},         // no measure
		{ID: "e", Measure: "att", Date: "2026-02-30", Value: num64(999999)}, // no such day
	}
	require.Error(t, Validate(bad))
	fs := Check(Data{Contract: supplement(attendance()), Observations: bad}, day("2026-11-15"))
	assert.Empty(t, fs, "only the valid value counts, and it is on track")
}

func TestCheckWithoutSupplement(t *testing.T) {
	assert.Empty(t, Check(Data{}, time.Time{}))
	fs := Check(Data{Observations: obs("att", "2026-11-01", 55)}, time.Time{})
	require.Len(t, fs, 1)
	assert.Equal(t, RuleUnknownMeasure, fs[0].Rule)
	assert.Contains(t, fs[0].Message, "there is no contract supplement")
}

func TestCheckPointsToTheProtocol(t *testing.T) {
	s := supplement(attendance())
	d := Data{Contract: s, Observations: obs("att", "2026-11-01", 45)}
	f := onlyRule(t, Check(d, day("2026-11-15")), RuleBehind)
	assert.True(t, containsLine(f.Evidence, "agreed for measures not on track: If a measure is far off track"))

	s.Appendix.Meetings.Dissolution = ""
	s.Appendix.Meetings.Conflict = "Liaisons talk within a week."
	f = onlyRule(t, Check(d, day("2026-11-15")), RuleBehind)
	assert.True(t, containsLine(f.Evidence, "agreed for resolving conflict: Liaisons talk within a week. (nothing is written yet for measures not on track)"))

	s.Appendix.Meetings.Conflict = ""
	f = onlyRule(t, Check(d, day("2026-11-15")), RuleBehind)
	assert.True(t, containsLine(f.Evidence, "the supplement does not say yet what the parties do when measures are not on track"))
	for _, w := range []string{"end the partnership", "terminate", "dissolve"} {
		assert.NotContains(t, strings.ToLower(f.Message+f.Question), w, "a finding never decides")
	}
}

func onlyRule(t *testing.T, fs []partnership.Finding, rule string) partnership.Finding {
	t.Helper()
	for _, f := range fs {
		if f.Rule == rule {
			return f
		}
	}
	t.Fatalf("no %s in %+v", rule, fs)
	return partnership.Finding{}
}

func TestCheckSetsADropBesideTheWeeksOverCapacity(t *testing.T) {
	p := &partnership.Partnership{
		Name:     "Case",
		District: partnership.Org{ID: "d", Name: "District"},
		Partners: []partnership.Partner{{ID: "p", Name: "Partner"}},
		Initiatives: []partnership.Initiative{
			{ID: "pd", Name: "Follow-up days", Owner: "p", Demands: []partnership.Demand{{Audience: "teachers", Start: "2026-10-26", End: "2026-10-26", HoursPerWeek: 7}}},
			{ID: "math", Name: "Math adoption", Owner: "d", Demands: []partnership.Demand{{Audience: "teachers", Start: "2026-10-05", End: "2026-12-18", HoursPerWeek: 5}}},
		},
		Capacity: []partnership.Capacity{{Audience: "teachers", HoursPerWeek: 10}},
	}
	m := attendance()
	m.Initiatives = []string{"pd"}
	d := Data{Partnership: p, Contract: supplement(m), Observations: obs("att", "2026-10-01", 60, "2026-11-01", 40)}
	f := onlyRule(t, Check(d, day("2026-11-15")), RuleDropOverCapacity)
	assert.Equal(t, partnership.Warning, f.Severity)
	assert.Equal(t, "resources.3", f.Standard)
	assert.Equal(t, "contract.appendix.measures[0]", f.Path)
	assert.Contains(t, f.Message, "“Teachers at the PD days” fell by 25% or more (60 → 40 teachers) while the people taking part in Follow-up days were asked for more hours than they have, in a week.")
	assert.True(t, containsLine(f.Evidence, "week of October 26, 2026: 12 h demanded, 10 h available"), "%q", f.Evidence)

	// Without the link, or with the over-capacity week outside the fall, the two stay apart.
	d.Contract.Appendix.Measures[0].Initiatives = nil
	assert.False(t, hasRule(Check(d, day("2026-11-15")), RuleDropOverCapacity))
	d.Contract.Appendix.Measures[0].Initiatives = []string{"pd"}
	d.Observations = obs("att", "2026-11-02", 60, "2026-11-09", 40)
	assert.False(t, hasRule(Check(d, day("2026-11-15")), RuleDropOverCapacity))
}

func hasRule(fs []partnership.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

func TestRulesExplainEveryRule(t *testing.T) {
	rules := Rules()
	ids := map[string]bool{}
	for _, r := range rules {
		assert.False(t, ids[r.ID], "rule %s listed once", r.ID)
		ids[r.ID] = true
		assert.True(t, strings.HasPrefix(r.ID, "progress."), r.ID)
		assert.NotEmpty(t, r.Title, r.ID)
		assert.NotEmpty(t, r.Trigger, r.ID)
		assert.NotEmpty(t, r.Source, r.ID)
		assert.NotZero(t, r.Severity.Rank(), r.ID)
		_, ok := partnership.StandardByID(r.Standard)
		assert.True(t, ok, "%s serves a standard of the framework", r.ID)
	}
	for _, id := range []string{RuleNoData, RuleBehind, RuleCheckpointMissed, RuleDrop, RuleNotMeasurable, RuleStale, RuleSameDate, RuleUnknownMeasure, RuleDropOverCapacity} {
		assert.True(t, ids[id], id)
	}
	assert.Len(t, rules, 9)
	assert.Equal(t, "behind by more than 5% of the value the line expects, or of the change it plans when that is larger", rules[1].Threshold)
	assert.Equal(t, "25% or more of the earlier value", rules[3].Threshold)
}
