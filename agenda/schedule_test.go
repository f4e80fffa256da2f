package agenda_test

import (
	"fmt"
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
	_, err := agenda.Schedule(agenda.Year{First: "2026-13-01", Last: "2026-01-01", Week: 7, Clock: "half past three", Holidays: []partnership.Date{"soon"}})
	var paths []string
	for _, p := range partnership.ProblemsOf(err) {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"first", "week", "clock", "holidays[0]"}, paths)

	_, err = agenda.Schedule(agenda.Year{First: "2027-01-01", Last: "2026-01-01"})
	assert.EqualError(t, err, "last: last (2026-01-01) is before first (2027-01-01)")
}

// zones are the zones of the daylight-saving tests: four that change their
// clocks, and Arizona and Hawaii, which do not.
var zones = []string{"America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "Pacific/Honolulu"}

func TestNextKeepsTheTimeOfDayAcrossDaylightSaving(t *testing.T) {
	tests := []struct {
		cadence partnership.Cadence
		start   string // in each zone
		want    string
	}{
		// Winter to spring, over the second Sunday of March.
		{partnership.Quarterly, "2027-01-20 15:30", "2027-04-21 15:30"}, // third Wednesday to third Wednesday
		{partnership.Monthly, "2027-02-24 15:30", "2027-03-24 15:30"},   // the fourth Wednesday
		{partnership.Monthly, "2026-09-30 15:30", "2026-10-28 15:30"},   // the fifth: the last
		{partnership.Weekly, "2027-03-10 15:30", "2027-03-17 15:30"},
		// Summer to autumn, over the first Sunday of November.
		{partnership.Quarterly, "2026-09-08 15:30", "2026-12-08 15:30"},
		{partnership.Monthly, "2026-10-13 15:30", "2026-11-10 15:30"},
		{partnership.Weekly, "2026-10-28 08:00", "2026-11-04 08:00"},
		// On the very day the clocks change.
		{partnership.Weekly, "2027-03-07 15:30", "2027-03-14 15:30"},
		{partnership.Weekly, "2026-10-25 15:30", "2026-11-01 15:30"},
	}
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		for _, tt := range tests {
			start, err := time.ParseInLocation("2006-01-02 15:04", tt.start, loc)
			require.NoError(t, err)
			m := agenda.Template(tt.cadence).At(start)
			if tt.cadence == partnership.Weekly {
				m.Cadence = partnership.Weekly
			}
			got := agenda.NextStart(m)
			next := agenda.Next(m, got)
			assert.Equal(t, tt.want, next.Start.Format("2006-01-02 15:04"), "%s, %s %s", name, tt.cadence, tt.start)
			assert.Equal(t, name, next.Start.Location().String())
			_, wantOff := time.Date(next.Start.Year(), next.Start.Month(), next.Start.Day(), 12, 0, 0, 0, loc).Zone()
			_, off := next.Start.Zone()
			assert.Equal(t, wantOff, off, "%s: the offset of that day, not of the meeting before", name)
		}
	}
}

// The issue's own case: Wednesday 20 January 2027 at 3:30 PM in Chicago.
func TestNextStartInChicagoStaysAtHalfPastThree(t *testing.T) {
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	jan := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, chi))
	next := agenda.Next(jan, agenda.NextStart(jan))
	assert.Equal(t, "2027-04-21T15:30:00-05:00 CDT", next.Start.Format(time.RFC3339+" MST"))
	assert.Equal(t, "20:30", next.Start.UTC().Format("15:04"), "not 21:30, which is 4:30 PM CDT")
	// January's offset carried into April was the bug.
	wrong := time.Date(2027, 4, 21, 15, 30, 0, 0, time.FixedZone("", -6*3600))
	assert.False(t, next.Start.Equal(wrong))
}

func TestNextStartFollowsThePlan(t *testing.T) {
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	q := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, chi))
	plan := []partnership.Date{"2027-05-05", "2027-02-17", "not a date", "2027-01-20", "2027-04-14"}
	// February is a monthly check-in of the plan, too soon for the next
	// review; 14 April is within two weeks of three months on.
	assert.Equal(t, "2027-04-14 15:30 CDT", agenda.NextStart(q, plan...).Format("2006-01-02 15:04 MST"))
	m := agenda.Monthly().At(q.Start)
	assert.Equal(t, "2027-02-17 15:30 CST", agenda.NextStart(m, plan...).Format("2006-01-02 15:04 MST"))
	assert.Equal(t, "2027-02-17 15:30 CST", agenda.NextStart(m).Format("2006-01-02 15:04 MST"), "no plan: the third Wednesday")
}

func TestScheduleKeepsTheTimeOfDayAllYear(t *testing.T) {
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		ms, err := agenda.Schedule(agenda.Year{First: "2026-08-01", Last: "2027-07-31", Weekday: time.Sunday, Week: 1, Clock: "15:30", Location: loc})
		require.NoError(t, err)
		require.Len(t, ms, 12)
		abbrs := map[string]bool{}
		for _, m := range ms {
			assert.Equal(t, "15:30", m.Start.Format("15:04"), "%s %s", name, m.ID)
			assert.Equal(t, name, m.Start.Location().String())
			abbr, _ := m.Start.Zone()
			abbrs[abbr] = true
		}
		// 1 November 2026 is the first Sunday and the day clocks go back.
		nov := ms[3]
		require.Equal(t, "2026-11-01", nov.Start.Format(time.DateOnly))
		_, off := nov.Start.Zone()
		_, noon := time.Date(2026, 11, 1, 12, 0, 0, 0, loc).Zone()
		assert.Equal(t, noon, off, name)
		switch name {
		case "America/Phoenix", "Pacific/Honolulu":
			assert.Len(t, abbrs, 1, "%s keeps one offset all year", name)
		default:
			assert.Len(t, abbrs, 2, "%s: standard and daylight time", name)
		}
	}
}

func TestScheduleTakesTheMeetingsAlreadyMade(t *testing.T) {
	y := schoolYear(t)
	made := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, y.Location)) // September's, on another day
	made.Attendees = []partnership.Attendee{{Name: "Ana Ruiz", Side: partnership.DistrictSide}}
	clash := agenda.Monthly().At(time.Date(2026, 8, 20, 15, 30, 0, 0, y.Location)) // before the year
	clash.ID = "2026-10-13-monthly"                                                // the id October's new meeting would get
	y.Meetings = []agenda.Meeting{made, clash}
	y.Attendees = []partnership.Attendee{{Name: "Dee Park", Side: partnership.PartnerSide, Email: "dee@lp.example.org"}}
	ms, err := agenda.Schedule(y)
	require.NoError(t, err)
	require.Len(t, ms, 10)
	assert.Equal(t, made, ms[0], "September's meeting is the one made, as it is")
	ids := map[string]bool{}
	for _, m := range ms {
		assert.False(t, ids[m.ID], "ids differ: %s", m.ID)
		ids[m.ID] = true
		assert.NotEqual(t, "2026-08-20", m.Start.Format(time.DateOnly), "a meeting before the year stays out")
	}
	assert.Equal(t, "2026-10-13-monthly-2", ms[1].ID)
	assert.Equal(t, y.Attendees, ms[1].Attendees, "new meetings invite the attendees given")
}

func TestWallClock(t *testing.T) {
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	tests := []struct {
		in   time.Time
		want string
	}{
		{time.Date(2027, 4, 21, 15, 30, 0, 0, time.UTC), "2027-04-21T15:30:00-05:00"},
		{time.Date(2027, 1, 20, 15, 30, 0, 0, time.FixedZone("", -5*3600)), "2027-01-20T15:30:00-06:00"},
		// Skipped by the clocks: on by the hour skipped.
		{time.Date(2027, 3, 14, 2, 30, 0, 0, time.UTC), "2027-03-14T03:30:00-05:00"},
		// Twice: the first, unless t is the second.
		{time.Date(2027, 11, 7, 1, 30, 0, 0, time.UTC), "2027-11-07T01:30:00-05:00"},
		{time.Date(2027, 11, 7, 1, 30, 0, 0, time.FixedZone("", -6*3600)), "2027-11-07T01:30:00-06:00"},
	}
	for _, tt := range tests {
		got := agenda.WallClock(tt.in, chi)
		assert.Equal(t, tt.want, got.Format(time.RFC3339), "%s", tt.in)
		assert.Equal(t, chi, got.Location())
	}
}

func ExampleNextStart() {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		panic(err)
	}
	jan := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, chicago))
	next := agenda.Next(jan, agenda.NextStart(jan))
	fmt.Println(jan.Start.Format("Mon Jan 2 2006, 3:04 PM MST"))
	fmt.Println(next.Start.Format("Mon Jan 2 2006, 3:04 PM MST"))
	// Output:
	// Wed Jan 20 2027, 3:30 PM CST
	// Wed Apr 21 2027, 3:30 PM CDT
}

func TestParseClock(t *testing.T) {
	for in, want := range map[string]string{
		"3:30 PM": "15:30", "3:30pm": "15:30", "3:30 p.m.": "15:30", " 3:30 P.M. ": "15:30", "3 PM": "15:00",
		"3pm": "15:00", "3:30p": "15:30", "12:15 AM": "00:15", "12 noon pm": "", "12:00 PM": "12:00", "12 am": "00:00",
		"15:30": "15:30", "07:05": "07:05", "0:00": "00:00", "23:59": "23:59", "9:05 am": "09:05",
		"24:00": "", "13:00 PM": "", "0:30 AM": "", "3:5 PM": "", "3:60": "", "15": "", "": "", "3.30 PM": "", "noon": "", "3:30 XM": "",
	} {
		h, m, err := agenda.ParseClock(in)
		if want == "" {
			assert.Error(t, err, in)
			if err != nil {
				assert.Contains(t, err.Error(), "write it as 3:30 PM or 15:30")
			}
			continue
		}
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, fmt.Sprintf("%02d:%02d", h, m), in)
		}
	}
	ms, err := agenda.Schedule(agenda.Year{First: "2026-09-01", Last: "2026-09-30", Weekday: time.Tuesday, Clock: "4 PM"})
	require.NoError(t, err)
	assert.Equal(t, "16:00", ms[0].Start.Format("15:04"))
}
