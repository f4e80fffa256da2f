package agenda_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

// only returns the findings of one rule.
func only(fs []partnership.Finding, rule string) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// rules returns the rule and path of each finding, "rule@path".
func rules(fs []partnership.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule+"@"+f.Path)
	}
	return out
}

// complete returns a quarterly review with nothing missing before it starts.
func complete(t testing.TB) agenda.Meeting {
	m := agenda.Quarterly().At(mustTime(t, "2026-09-15T15:30:00-04:00"))
	m.Location = "Hayes High School"
	m.Attendees = []partnership.Attendee{
		{Name: "Ana Ruiz", Person: "ana", Side: partnership.DistrictSide, Roles: []partnership.Role{partnership.PointPerson}},
		{Name: "Ben Okafor", Person: "ben", Side: partnership.DistrictSide, Roles: []partnership.Role{partnership.HigherAuthority}},
		{Name: "Dee Park", Person: "dee", Side: partnership.PartnerSide, Roles: []partnership.Role{partnership.PointPerson, partnership.HigherAuthority}},
		{Name: "Cy Lam", Person: "cy", Side: partnership.SchoolSide, Roles: []partnership.Role{partnership.SchoolLeader}},
	}
	return m
}

func people() *partnership.Partnership {
	return &partnership.Partnership{
		Name:     "Riverside",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "lp", Name: "Learning Partners"}},
		People: []partnership.Person{
			{ID: "ana", Name: "Ana Ruiz", Org: "rusd", Roles: []partnership.Role{partnership.PointPerson}},
			{ID: "ben", Name: "Ben Okafor", Org: "rusd", Roles: []partnership.Role{partnership.HigherAuthority}},
			{ID: "cy", Name: "Cy Lam", Org: "rusd", Roles: []partnership.Role{partnership.SchoolLeader}},
			{ID: "dee", Name: "Dee Park", Org: "lp", Roles: []partnership.Role{partnership.HigherAuthority}},
		},
	}
}

func TestCheckComplete(t *testing.T) {
	m := complete(t)
	require.NoError(t, m.Validate())
	assert.Empty(t, agenda.Check(m))
	assert.Empty(t, agenda.CheckWith(m, people(), time.Time{}))
}

func TestCheckRules(t *testing.T) {
	tests := []struct {
		name   string
		change func(*agenda.Meeting)
		now    time.Time
		want   []string
	}{
		{
			name:   "sample agenda prints 15 minutes for communication",
			change: func(m *agenda.Meeting) { m.Sections[3].Minutes = 15 },
			want:   []string{"agenda.time-budget@minutes"},
		},
		{
			name:   "sections longer than the meeting",
			change: func(m *agenda.Meeting) { m.Minutes = 45 },
			want:   []string{"agenda.time-budget@minutes"},
		},
		{
			name:   "no school",
			change: func(m *agenda.Meeting) { m.Attendees = m.Attendees[:3] },
			want:   []string{"agenda.missing-side@attendees"},
		},
		{
			name:   "nobody",
			change: func(m *agenda.Meeting) { m.Attendees = nil },
			want: []string{
				"agenda.higher-authority@attendees", "agenda.higher-authority@attendees",
				"agenda.missing-side@attendees", "agenda.missing-side@attendees", "agenda.missing-side@attendees",
			},
		},
		{
			name:   "no district authority",
			change: func(m *agenda.Meeting) { m.Attendees = append(m.Attendees[:1], m.Attendees[2:]...) },
			want:   []string{"agenda.higher-authority@attendees"},
		},
		{
			name: "monthly check-in needs no authority nor room",
			change: func(m *agenda.Meeting) {
				*m = agenda.Monthly().At(m.Start)
				m.Attendees = []partnership.Attendee{{Name: "A", Side: partnership.DistrictSide}, {Name: "B", Side: partnership.PartnerSide}, {Name: "C", Side: partnership.SchoolSide}}
			},
			want: []string{},
		},
		{
			name:   "quarterly online",
			change: func(m *agenda.Meeting) { m.InPerson = false },
			want:   []string{"agenda.in-person@inPerson"},
		},
		{
			name: "action without owner or date",
			change: func(m *agenda.Meeting) {
				m.AddAction(agenda.Action{Text: "Do it"})
			},
			want: []string{"agenda.action-due@actions[0].due", "agenda.action-owner@actions[0].owner"},
		},
		{
			name:   "closed without record or actions",
			change: func(m *agenda.Meeting) { m.Close() },
			want:   []string{"agenda.no-record@record", "agenda.no-wrap-up-actions@sections[4]"},
		},
		{
			name: "closed with notes and a new action",
			change: func(m *agenda.Meeting) {
				require.NoError(t, m.Note(0, 0, "Aligned."))
				m.AddAction(agenda.Action{Text: "Send data", Owner: "ana", Due: "2026-10-01"})
				m.Close()
			},
			want: []string{},
		},
		{
			name: "closed with only carried actions",
			change: func(m *agenda.Meeting) {
				m.Record = "Talked."
				m.Actions = []agenda.Action{{ID: "old.a1", Text: "Old", Owner: "ana", Due: "2026-12-01", From: "old"}}
				m.Close()
			},
			want: []string{"agenda.no-wrap-up-actions@sections[4]"},
		},
		{
			name: "not closed but over, by the clock",
			change: func(m *agenda.Meeting) {
				m.Record = "Talked."
			},
			now:  mustTime(t, "2026-09-16T09:00:00-04:00"),
			want: []string{"agenda.no-wrap-up-actions@sections[4]"},
		},
		{
			name: "carried item due before the meeting",
			change: func(m *agenda.Meeting) {
				m.Actions = []agenda.Action{
					{ID: "old.a1", Text: "Late", Owner: "ana", Due: "2026-09-14", From: "old"},
					{ID: "old.a2", Text: "On the day", Owner: "ana", Due: "2026-09-15", From: "old"},
					{ID: "old.a3", Text: "Late but done", Owner: "ana", Due: "2026-09-01", Status: partnership.Done, From: "old"},
				}
			},
			want: []string{"agenda.overdue@actions[0]"},
		},
		{
			name: "overdue by today's date",
			change: func(m *agenda.Meeting) {
				m.Actions = []agenda.Action{{ID: "x.a1", Text: "Soon", Owner: "ana", Due: "2026-09-20"}}
			},
			now:  mustTime(t, "2026-09-10T12:00:00Z"),
			want: []string{},
		},
		{
			name: "overdue after the due day",
			change: func(m *agenda.Meeting) {
				m.Actions = []agenda.Action{{ID: "x.a1", Text: "Soon", Owner: "ana", Due: "2026-09-20"}}
				m.Record = "r"
			},
			now:  mustTime(t, "2026-09-21T12:00:00Z"),
			want: []string{"agenda.overdue@actions[0]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := complete(t)
			tt.change(&m)
			assert.ElementsMatch(t, tt.want, rules(agenda.CheckWith(m, nil, tt.now)))
		})
	}
}

func TestCheckTimeBudgetMessage(t *testing.T) {
	m := complete(t)
	m.Sections[3].Minutes = 15
	fs := agenda.Check(m)
	require.Len(t, fs, 1)
	f := fs[0]
	assert.Equal(t, "Sections add up to 55 of 60 minutes", f.Message)
	assert.Equal(t, partnership.Warning, f.Severity)
	assert.Equal(t, "communication.5", f.Standard)
	assert.Contains(t, f.Evidence, "Ongoing communication and collaboration: 15 min")
	assert.Contains(t, f.Evidence, "meeting: 60 min")
	assert.Contains(t, f.Question, "5 spare minutes")

	m.Minutes = 50
	assert.Equal(t, "Sections add up to 55 of 50 minutes, 5 more than the meeting has", agenda.Check(m)[0].Message)
}

func TestCheckFindingsAreComplete(t *testing.T) {
	// Every finding has a standard that exists (or none), a message, evidence and a question.
	fs := agenda.CheckWith(agenda.Meeting{Cadence: partnership.Quarterly, Minutes: 60, Closed: true,
		Sections: []agenda.Section{{Title: "Only", Minutes: 5}},
		Actions:  []agenda.Action{{ID: "a", Text: "x", Owner: "nobody", Due: "2000-01-01"}},
	}, people(), mustTime(t, "2026-01-01T00:00:00Z"))
	require.NotEmpty(t, fs)
	for _, f := range fs {
		assert.NotEmpty(t, f.Message, f.Rule)
		assert.NotEmpty(t, f.Evidence, f.Rule)
		assert.NotEmpty(t, f.Question, f.Rule)
		assert.NotEmpty(t, f.Path, f.Rule)
		assert.NotZero(t, f.Severity.Rank(), f.Rule)
		if f.Standard != "" {
			_, ok := partnership.StandardByID(f.Standard)
			assert.True(t, ok, f.Standard)
		}
	}
}

func TestCheckWithPartnership(t *testing.T) {
	m := complete(t)
	// Ben's higher authority comes from the partnership, not the meeting.
	m.Attendees[1].Roles = nil
	assert.Len(t, only(agenda.Check(m), agenda.RuleHigherAuthority), 1)
	assert.Empty(t, agenda.CheckWith(m, people(), time.Time{}))

	m.Attendees[0].Person = "anna"
	m.AddAction(agenda.Action{Text: "By id", Owner: "ana", Due: "2026-10-01"})
	m.AddAction(agenda.Action{Text: "By name", Owner: "dee park", Due: "2026-10-01"})
	m.AddAction(agenda.Action{Text: "By attendee", Owner: "Ana Ruiz", Due: "2026-10-01"})
	m.AddAction(agenda.Action{Text: "Stranger", Owner: "Zed", Due: "2026-10-01"})
	fs := agenda.CheckWith(m, people(), time.Time{})
	assert.Equal(t, []string{"agenda.unknown-person@attendees[0].person", "agenda.unknown-person@actions[3].owner"}, rules(fs))
	assert.Contains(t, fs[0].Message, `"anna"`)
	assert.Contains(t, fs[1].Message, `"Zed"`)
}

func TestCheckFixtureGolden(t *testing.T) {
	m, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	fs := agenda.CheckWith(m, people(), time.Time{})
	out, err := json.MarshalIndent(fs, "", "  ")
	require.NoError(t, err)
	golden(t, "minutes.findings.json", append(out, '\n'))
}
