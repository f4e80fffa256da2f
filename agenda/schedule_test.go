package agenda_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the schedule test uses America/New_York wherever it runs

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func schoolYear(t testing.TB) agenda.Year {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	return agenda.Year{
		First: "2026-09-01", Last: "2027-06-15",
		Weekday: time.Tuesday, Week: 2, Clock: "15:30", Location: ny,
		Holidays: []partnership.Date{"2026-11-10", "2026-12-08", "2026-12-15"},
		Place:    "Hayes High School",
	}
}

func TestSchedule(t *testing.T) {
	ms, err := agenda.Schedule(schoolYear(t))
	require.NoError(t, err)
	var got []string
	for _, m := range ms {
		got = append(got, m.Start.Format("2006-01-02 15:04 MST")+" "+string(m.Cadence))
		require.NoError(t, m.Validate(), m.ID)
		assert.Equal(t, m.Minutes, m.Planned(), m.ID)
	}
	assert.Equal(t, []string{
		"2026-09-08 15:30 EDT quarterly",
		"2026-10-13 15:30 EDT monthly",
		"2026-11-17 15:30 EST monthly",   // the 10th is a holiday: a week later
		"2026-12-01 15:30 EST quarterly", // the 8th and the 15th are holidays: a week earlier
		"2027-01-12 15:30 EST monthly",
		"2027-02-09 15:30 EST monthly",
		"2027-03-09 15:30 EST quarterly",
		"2027-04-13 15:30 EDT monthly",
		"2027-05-11 15:30 EDT monthly",
		"2027-06-08 15:30 EDT quarterly",
	}, got)
	assert.Equal(t, "2026-09-08-quarterly", ms[0].ID)
	assert.Equal(t, "Hayes High School", ms[0].Location)
	assert.True(t, ms[0].InPerson)

	// A year of the generated meetings satisfies the cadence checks.
	assert.Empty(t, only(agenda.CheckAll(ms, nil, time.Time{}), agenda.RuleCadenceQuarterly))
	assert.Empty(t, only(agenda.CheckAll(ms, nil, time.Time{}), agenda.RuleCadenceMonthly))
}

func TestScheduleOptions(t *testing.T) {
	y := schoolYear(t)
	y.Week = -1
	y.Holidays = nil
	y.QuarterlyMonths = []time.Month{time.October, time.January, time.April, time.June}
	y.Location = nil
	ms, err := agenda.Schedule(y)
	require.NoError(t, err)
	require.Equal(t, 10, len(ms))
	assert.Equal(t, "2026-09-29T15:30:00Z", ms[0].Start.Format(time.RFC3339))
	// The last Tuesday of June 2027, the 29th, is after the last day: two weeks earlier.
	assert.Equal(t, "2027-06-15T15:30:00Z", ms[9].Start.Format(time.RFC3339))
	var quarterly []string
	for _, m := range ms {
		if m.Cadence == partnership.Quarterly {
			quarterly = append(quarterly, m.Start.Month().String())
		}
	}
	assert.Equal(t, []string{"October", "January", "April", "June"}, quarterly)
}

func TestScheduleErrors(t *testing.T) {
	_, err := agenda.Schedule(agenda.Year{First: "2026-13-01", Last: "2026-01-01", Week: 7, Clock: "3pm", Holidays: []partnership.Date{"soon"}})
	var paths []string
	for _, p := range partnership.ProblemsOf(err) {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"first", "week", "clock", "holidays[0]"}, paths)

	_, err = agenda.Schedule(agenda.Year{First: "2027-01-01", Last: "2026-01-01"})
	assert.EqualError(t, err, "last: last (2026-01-01) is before first (2027-01-01)")
}
