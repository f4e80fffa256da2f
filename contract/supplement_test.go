package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewStartsADraft(t *testing.T) {
	s := New("Riverside Unified", "Learning Partners Inc.")
	assert.Equal(t, "Riverside Unified", s.District.Name)
	assert.Equal(t, "Learning Partners Inc.", s.Partner.Name)
	assert.Equal(t, Addendum, s.Form)
	assert.Equal(t, SessionMinutes, s.Session.Minutes)
	for _, p := range Practices() {
		assert.Equal(t, partnership.Open, s.Practices.Record(p.ID).Status, p.ID)
	}
	assert.Empty(t, s.Structure(), "a new draft has no problem of form")

	c := s.Completeness()
	assert.False(t, c.Complete)
	assert.Equal(t, Count{Done: 0, Total: 7}, c.Appendix)
	assert.Equal(t, Count{Done: 0, Total: 6}, c.Practices)
	parties, ok := c.Item("parties")
	require.True(t, ok)
	assert.True(t, parties.Complete, "both names are given")

	var ve *partnership.ValidationError
	require.ErrorAs(t, s.Validate(), &ve)
	assert.Len(t, ve.Problems, countMissing(c))
}

func countMissing(c Completeness) int {
	n := 0
	for _, it := range c.Items {
		n += len(it.Missing)
	}
	return n
}

func TestCompleteFixture(t *testing.T) {
	s := load(t, "complete.json")
	require.NoError(t, s.Validate())
	c := s.Completeness()
	assert.True(t, c.Complete)
	assert.Equal(t, "7 of 7 appendix items complete; 6 of 6 practices confirmed", c.Summary())
	require.Len(t, c.Items, 1+6+7+1)
	keys := make([]string, len(c.Items))
	for i, it := range c.Items {
		keys[i] = it.Key
		assert.True(t, it.Complete, it.Key)
		assert.Empty(t, it.Missing, it.Key)
		assert.NotEmpty(t, it.Guidance, it.Key)
		for _, id := range it.Standards {
			_, ok := partnership.StandardByID(id)
			assert.True(t, ok, "%s cites unknown standard %s", it.Key, id)
		}
	}
	assert.Equal(t, []string{"parties", "practice.1", "practice.2", "practice.3", "practice.4", "practice.5", "practice.6",
		"appendix.1", "appendix.2", "appendix.3", "appendix.4", "appendix.5", "appendix.6", "appendix.7", "session"}, keys)
}

func TestCompletenessItemsHaveStablePaths(t *testing.T) {
	c := New("A", "B").Completeness()
	want := map[string]string{
		"practice.3": "practices.schedule",
		"appendix.1": "appendix.priority",
		"appendix.4": "appendix.contacts",
		"appendix.5": "appendix.measures",
		"appendix.6": "appendix.dataPlan",
		"appendix.7": "appendix.meetings",
		"session":    "session",
	}
	for key, path := range want {
		it, ok := c.Item(key)
		require.True(t, ok, key)
		assert.Equal(t, path, it.Path, key)
		for _, p := range it.Missing {
			assert.True(t, p.Path == path || strings.HasPrefix(p.Path, path+".") || strings.HasPrefix(p.Path, path+"["),
				"%s: gap %q lies outside the item's path %q", key, p.Path, path)
		}
	}
	// The JSON paths of the items exist in the JSON form of a supplement.
	data, err := json.Marshal(New("A", "B"))
	require.NoError(t, err)
	var tree map[string]any
	require.NoError(t, json.Unmarshal(data, &tree))
	for _, it := range c.Items {
		node := any(tree)
		for _, part := range strings.Split(it.Path, ".") {
			m, ok := node.(map[string]any)
			require.True(t, ok, it.Path)
			node, ok = m[part]
			if !ok && it.Key == "appendix.5" {
				break // an empty list is left out of the file
			}
			require.True(t, ok, "%s: %s is not in the JSON form", it.Key, it.Path)
		}
	}
}

// TestGaps removes one thing at a time from the complete fixture and checks
// that Validate names it by path, that Completeness puts it under the right
// item, and that both agree.
func TestGaps(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Supplement)
		item   string
		path   string
		says   string
	}{
		{"district name", func(s *Supplement) { s.District.Name = " " }, "parties", "district.name", "district's name"},
		{"school name", func(s *Supplement) { s.Schools[1].Name = "" }, "parties", "schools[1].name", "school 2"},
		{"practice pending", func(s *Supplement) { s.Practices.Schedule.Status = partnership.Open }, "practice.3", "practices.schedule.status", "not yet confirmed"},
		{"practice no status", func(s *Supplement) { s.Practices.Meetings.Status = "" }, "practice.6", "practices.meetings.status", "not yet confirmed"},
		{"practice evidence", func(s *Supplement) { s.Practices.Liaisons.Evidence = "" }, "practice.4", "practices.liaisons.evidence", "evidence"},
		{"priority", func(s *Supplement) { s.Appendix.Priority.Statement = "" }, "appendix.1", "appendix.priority.statement", "strategic priority"},
		{"priority how", func(s *Supplement) { s.Appendix.Priority.How = "" }, "appendix.1", "appendix.priority.how", "how the partner's work"},
		{"investment", func(s *Supplement) { s.Appendix.Investment.Evidence = "" }, "appendix.2", "appendix.investment.evidence", "school leaders are invested"},
		{"no activities", func(s *Supplement) { s.Appendix.Schedule.Activities = nil }, "appendix.3", "appendix.schedule.activities", "at least one activity"},
		{"activity hours", func(s *Supplement) { s.Appendix.Schedule.Activities[1].Hours = 0 }, "appendix.3", "appendix.schedule.activities[1].hours", "activity 2"},
		{"activity who", func(s *Supplement) { s.Appendix.Schedule.Activities[0].Who = "" }, "appendix.3", "appendix.schedule.activities[0].who", "who takes part"},
		{"assurance resources", func(s *Supplement) { s.Appendix.Schedule.Assurance.WithinResources = false }, "appendix.3", "appendix.schedule.assurance.withinResources", "resources"},
		{"assurance bargaining", func(s *Supplement) { s.Appendix.Schedule.Assurance.WithinBargainingAgreement = false }, "appendix.3", "appendix.schedule.assurance.withinBargainingAgreement", "collective-bargaining"},
		{"assurance by", func(s *Supplement) { s.Appendix.Schedule.Assurance.GivenBy = Contact{} }, "appendix.3", "appendix.schedule.assurance.givenBy", "who gives"},
		{"partner liaison", func(s *Supplement) { s.Appendix.Contacts.PartnerLiaison = Contact{} }, "appendix.4", "appendix.contacts.partnerLiaison", "partner's liaison"},
		{"district manager", func(s *Supplement) { s.Appendix.Contacts.DistrictManager = Contact{Title: "Superintendent"} }, "appendix.4", "appendix.contacts.districtManager", "quarterly meetings"},
		{"no measures", func(s *Supplement) { s.Appendix.Measures = nil; s.Appendix.DataPlan.Duties = nil }, "appendix.5", "appendix.measures", "at least one success measure"},
		{"measure kind", func(s *Supplement) { s.Appendix.Measures[0].Kind = "" }, "appendix.5", "appendix.measures[0].kind", "output"},
		{"measure audience", func(s *Supplement) { s.Appendix.Measures[1].Audience = "" }, "appendix.5", "appendix.measures[1].audience", "students or adults"},
		{"interim target", func(s *Supplement) { s.Appendix.Measures[0].Interim.Target = "" }, "appendix.5", "appendix.measures[0].interim.target", "January"},
		{"final date", func(s *Supplement) { s.Appendix.Measures[0].Final.Due = "" }, "appendix.5", "appendix.measures[0].final.due", "date of its final"},
		{"final before interim", func(s *Supplement) { s.Appendix.Measures[0].Final.Due = "2027-01-29" }, "appendix.5", "appendix.measures[0].final.due", "must come later"},
		{"measure id twice", func(s *Supplement) {
			s.Appendix.Measures[1].ID = "portfolios"
			s.Appendix.DataPlan.Duties[1].Measure = "portfolios"
		}, "appendix.5", "appendix.measures[1].id", "already used"},
		{"data process", func(s *Supplement) { s.Appendix.DataPlan.Process = "" }, "appendix.6", "appendix.dataPlan.process", "how the data"},
		{"measure without duty", func(s *Supplement) { s.Appendix.DataPlan.Duties = s.Appendix.DataPlan.Duties[:1] }, "appendix.6", "appendix.dataPlan.duties", "no data duty"},
		{"duty for unknown measure", func(s *Supplement) { s.Appendix.DataPlan.Duties[1].Measure = "attendance" }, "appendix.6", "appendix.dataPlan.duties[1].measure", "use one of: portfolios, coaching"},
		{"duty reporter", func(s *Supplement) { s.Appendix.DataPlan.Duties[0].Reporter = Contact{} }, "appendix.6", "appendix.dataPlan.duties[0].reporter", "reports"},
		{"duty date", func(s *Supplement) { s.Appendix.DataPlan.Duties[0].Due = "" }, "appendix.6", "appendix.dataPlan.duties[0].due", "date"},
		{"cadence", func(s *Supplement) { s.Appendix.Meetings.Cadence = "" }, "appendix.7", "appendix.meetings.cadence", "monthly or quarterly"},
		{"dates", func(s *Supplement) { s.Appendix.Meetings.Dates = nil }, "appendix.7", "appendix.meetings.dates", "dates"},
		{"agenda", func(s *Supplement) { s.Appendix.Meetings.Agenda = nil }, "appendix.7", "appendix.meetings.agenda", "agenda"},
		{"conflict", func(s *Supplement) { s.Appendix.Meetings.Conflict = "" }, "appendix.7", "appendix.meetings.conflict", "resolve conflict"},
		{"improvement", func(s *Supplement) { s.Appendix.Meetings.Improvement = "\n" }, "appendix.7", "appendix.meetings.improvement", "improving"},
		{"dissolution", func(s *Supplement) { s.Appendix.Meetings.Dissolution = "" }, "appendix.7", "appendix.meetings.dissolution", "ended"},
		{"session date", func(s *Supplement) { s.Session.Date = "" }, "session", "session.date", "drafting session"},
		{"session minutes", func(s *Supplement) { s.Session.Minutes = 0 }, "session", "session.minutes", "90"},
		{"no school leader", func(s *Supplement) { s.Session.Attendees[2].Roles = nil }, "session", "session.attendees", "school leader"},
		{"no partner", func(s *Supplement) { s.Session.Attendees = s.Session.Attendees[:3] }, "session", "session.attendees", "for the partner"},
		// Problems of form belong to the item of their path too.
		{"bad date", func(s *Supplement) { s.Appendix.Measures[1].Interim.Due = "15/01/2027" }, "appendix.5", "appendix.measures[1].interim.due", "YYYY-MM-DD"},
		{"bad cadence", func(s *Supplement) { s.Appendix.Meetings.Cadence = "daily" }, "appendix.7", "appendix.meetings.cadence", "weekly, monthly, quarterly"},
		{"bad status", func(s *Supplement) { s.Practices.Alignment.Status = "yes" }, "practice.1", "practices.alignment.status", "open, done"},
		{"bad person id", func(s *Supplement) { s.Appendix.Contacts.PartnerManager.Person = "Eli Stone" }, "appendix.4", "appendix.contacts.partnerManager.person", "identifier"},
		{"bad form", func(s *Supplement) { s.Form = "letter" }, "parties", "form", "addendum, mou"},
		{"bad side", func(s *Supplement) { s.Session.Attendees[0].Side = "board" }, "session", "session.attendees[0].side", "district, partner, school"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := load(t, "complete.json")
			tt.change(s)

			var ve *partnership.ValidationError
			require.ErrorAs(t, s.Validate(), &ve)
			found := false
			for _, p := range ve.Problems {
				if p.Path == tt.path && strings.Contains(p.Message, tt.says) {
					found = true
				}
			}
			assert.True(t, found, "want a problem at %s saying %q; got %v", tt.path, tt.says, ve.Problems)

			c := s.Completeness()
			assert.False(t, c.Complete)
			assert.Equal(t, len(ve.Problems), countMissing(c), "Completeness and Validate report the same problems")
			for _, it := range c.Items {
				assert.Equal(t, it.Key != tt.item, it.Complete, "item %s", it.Key)
			}
		})
	}
}

func TestMessagesAreForPeople(t *testing.T) {
	s := load(t, "draft.json")
	s.Appendix.Meetings.Cadence = "daily"
	s.Appendix.Measures[0].Interim.Due = "soon"
	goNames := regexp.MustCompile(`\b(Supplement|Appendix|PracticeRecord|Measure|Checkpoint|oneof|omitempty|required|dive)\b`)
	for _, p := range partnership.ProblemsOf(s.Validate()) {
		assert.NotRegexp(t, goNames, p.Message)
		assert.NotEmpty(t, p.Path, p.Message)
	}
}

func TestDecode(t *testing.T) {
	t.Run("draft", func(t *testing.T) {
		s := load(t, "draft.json")
		assert.Equal(t, "Riverside Unified", s.District.Name)
		c := s.Completeness()
		assert.Equal(t, Count{Done: 1, Total: 7}, c.Appendix)
		assert.Equal(t, Count{Done: 1, Total: 6}, c.Practices)
	})
	tests := []struct {
		name, json string
		paths      []string
	}{
		{"unknown field", `{"district":{"name":"A"},"partnr":{}}`, []string{"partnr"}},
		{"wrong type", `{"appendix":{"measures":{"id":"x"}}}`, []string{"appendix.measures"}},
		{"several at once", `{"form":"letter","appendix":{"meetings":{"cadence":"daily","dates":["2026-02-30"]}},"session":{"minutes":-5}}`,
			[]string{"form", "appendix.meetings.cadence", "appendix.meetings.dates[0]", "session.minutes"}},
		{"hours", `{"appendix":{"schedule":{"activities":[{"hours":-1}]}}}`, []string{"appendix.schedule.activities[0].hours"}},
		{"syntax", `{"district":`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tt.json))
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "got %v", err)
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
				assert.NotEmpty(t, p.Message)
			}
			if tt.paths != nil {
				assert.ElementsMatch(t, tt.paths, paths)
			}
		})
	}
}

func TestJSONRoundTrip(t *testing.T) {
	s := load(t, "complete.json")
	data, err := json.Marshal(s)
	require.NoError(t, err)
	back, err := Decode(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, s, back)
}

func TestConfirm(t *testing.T) {
	s := New("A", "B")
	require.NoError(t, s.Practices.Confirm(PracticeOutcomes, "See the appendix."))
	assert.Equal(t, PracticeRecord{Status: partnership.Done, Evidence: "See the appendix."}, s.Practices.Outcomes)
	err := s.Practices.Confirm("budget", "x")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "alignment, personnel, schedule, liaisons, outcomes, meetings")
	assert.Nil(t, s.Practices.Record("budget"))
}

func TestFrameworkData(t *testing.T) {
	ps := Practices()
	require.Len(t, ps, 6)
	for i, p := range ps {
		assert.Equal(t, i+1, p.Number)
		assert.Equal(t, "practice."+string(rune('1'+i)), p.Key)
		want := BeforeWork
		if p.Number > 4 {
			want = AtCommencement
		}
		assert.Equal(t, want, p.When, p.ID)
		assert.NotEmpty(t, p.Standards)
		for _, id := range p.Standards {
			_, ok := partnership.StandardByID(id)
			assert.True(t, ok, "practice %d cites unknown standard %s", p.Number, id)
		}
		assert.NotNil(t, (&PracticeRecords{}).Record(p.ID))
	}
	items := AppendixItems()
	require.Len(t, items, 7)
	for i, a := range items {
		assert.Equal(t, i+1, a.Number)
		assert.Equal(t, "appendix."+string(rune('1'+i)), a.Key)
		for _, id := range a.Standards {
			_, ok := partnership.StandardByID(id)
			assert.True(t, ok, "item %d cites unknown standard %s", a.Number, id)
		}
	}
	ps[0].Standards[0] = "changed"
	assert.Equal(t, "alignment.1", Practices()[0].Standards[0], "callers get their own copy")
}

func TestNilSupplement(t *testing.T) {
	var s *Supplement
	assert.Error(t, s.Validate())
	c := s.Completeness()
	assert.False(t, c.Complete)
	assert.Equal(t, 7, c.Appendix.Total)
	assert.Nil(t, Check(s, nil))
	assert.Nil(t, s.Structure())
}

func TestResolved(t *testing.T) {
	s := New("", "Typed Partner Name")
	s.District.ID, s.Partner.ID = "rusd", "dp"
	s.Schools = []partnership.School{{ID: "hayes"}, {ID: "lincoln", Name: "Lincoln MS"}}
	s.Appendix.Priority.Priority = "portfolio"
	s.Appendix.Contacts.DistrictManager = Contact{Person: "ben", Title: "Assistant Superintendent"}
	s.Appendix.Contacts.PartnerManager = Contact{Person: "eli", Name: "E. Stone"}
	s.Appendix.DataPlan.Duties = []DataDuty{{Provider: Contact{Person: "ana"}, Reporter: Contact{Person: "nobody"}}}
	s.Session.Attendees = []partnership.Attendee{{Person: "cy"}, {Person: "dee"}}
	before, err := json.Marshal(s)
	require.NoError(t, err)

	r := s.Resolved(riverside())
	assert.Equal(t, "Riverside Unified", r.District.Name)
	assert.Equal(t, "Typed Partner Name", r.Partner.Name, "typed text is kept")
	assert.Equal(t, "Hayes High School", r.Schools[0].Name)
	assert.Equal(t, "Lincoln MS", r.Schools[1].Name)
	assert.Equal(t, "Every graduate completes a graduation portfolio", r.Appendix.Priority.Statement)
	assert.Equal(t, Contact{Person: "ben", Name: "Ben Okafor", Title: "Assistant Superintendent"}, r.Appendix.Contacts.DistrictManager)
	assert.Equal(t, "E. Stone", r.Appendix.Contacts.PartnerManager.Name)
	assert.Equal(t, "Ana Ruiz", r.Appendix.DataPlan.Duties[0].Provider.Name)
	assert.Empty(t, r.Appendix.DataPlan.Duties[0].Reporter.Name, "an unknown person stays as it was")
	assert.Equal(t, partnership.Attendee{Person: "cy", Name: "Cy Lam", Side: partnership.SchoolSide, Roles: []partnership.Role{partnership.SchoolLeader}}, r.Session.Attendees[0])
	assert.Equal(t, partnership.Attendee{Person: "dee", Name: "Dee Park", Side: partnership.PartnerSide}, r.Session.Attendees[1])

	after, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after), "the original is not changed")
	assert.Equal(t, s, s.Resolved(nil))
	assert.Nil(t, (*Supplement)(nil).Resolved(riverside()))
}

func TestDecodeReadsPendingAsOpen(t *testing.T) {
	s, err := Decode(strings.NewReader(`{"district":{"name":"A"},"partner":{"name":"B"},"practices":{"alignment":{"status":"pending"},"personnel":{"status":"done"}}}`))
	require.NoError(t, err)
	assert.Equal(t, partnership.Open, s.Practices.Alignment.Status)
	assert.Equal(t, partnership.Done, s.Practices.Personnel.Status)
	_, err = Decode(strings.NewReader(`{"practices":{"alignment":{"status":1}}}`))
	assert.EqualError(t, err, "practices.alignment.status: must be text in quotes, not the number 1")
}

func TestMeasureNumbers(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	m := Measure{ID: "att", Unit: "teachers", Baseline: Baseline{Value: v(52), Date: "2017-07-13"}, Final: Checkpoint{Value: v(40), Due: "2018-06-15"}}
	assert.True(t, m.Numeric())
	m.Final.Due = ""
	assert.False(t, m.Numeric(), "a target needs its date")
	m.Interim = Checkpoint{Value: v(0), Due: "2018-01-31"}
	assert.True(t, m.Numeric(), "0 is a target")
	m.Baseline.Value = nil
	assert.False(t, m.Numeric())

	assert.Equal(t, "52 teachers", m.Format(52))
	for in, want := range map[float64]string{12.5: "12.5%", 1.0 / 3: "0.33%", -0.001: "0%", 1e6: "1000000%"} {
		assert.Equal(t, want, FormatValue(in, " % "))
	}
	assert.Equal(t, "7", FormatValue(7, ""))
}

func TestResolvedSharesNoNumbers(t *testing.T) {
	v := 40.0
	s := New("D", "P")
	s.Appendix.Measures = []Measure{{ID: "att", Initiatives: []string{"pd"}, Interim: Checkpoint{Value: &v}}}
	r := s.Resolved(nil)
	*r.Appendix.Measures[0].Interim.Value = 1
	r.Appendix.Measures[0].Initiatives[0] = "x"
	assert.Equal(t, 40.0, v)
	assert.Equal(t, "pd", s.Appendix.Measures[0].Initiatives[0])
}
