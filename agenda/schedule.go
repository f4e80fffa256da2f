package agenda

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/partnership"
)

// Year describes the meetings of a school year for Schedule: one meeting a
// month on the same weekday, a quarterly review in place of the monthly
// check-in once a calendar quarter, none on a holiday.
type Year struct {
	// First and Last are the first and last days meetings may be held.
	First, Last partnership.Date
	// Weekday is the day of the week meetings are held.
	Weekday time.Weekday
	// Week is which such weekday of the month: 1 for the first (the
	// default), up to 4; -1 for the last.
	Week int
	// Clock is the time of day, "3:30 PM" or "15:30" (see ParseClock); the
	// default is 3:30 PM.
	Clock string
	// Location is the time zone of the meetings, such as the workspace's
	// (partnerkit.Workspace.Location); nil means UTC.
	Location *time.Location
	// Holidays are days with no meeting. A meeting that falls on one, or
	// outside First to Last, moves to the same weekday one week later, one
	// earlier, two later or two earlier, the first of these that is in the
	// same month, in the year and not a holiday; failing all, the month has
	// no meeting.
	Holidays []partnership.Date
	// QuarterlyMonths are the months of the quarterly reviews. Empty means
	// the last month of each calendar quarter that has a meeting (for a
	// school year from September to June: September, December, March,
	// June).
	QuarterlyMonths []time.Month
	// Place is the location of the quarterly reviews, held in person.
	Place string
	// Attendees are invited to every meeting Schedule makes.
	Attendees []partnership.Attendee
	// Meetings are meetings already made, such as those of a workspace. A
	// month that holds one of them, from First to Last, gets no new meeting:
	// they take its place, as they are, so that a calendar of the year holds
	// each meeting once. New meetings get IDs none of them has.
	Meetings []Meeting
}

// Schedule returns the meetings of a school year, in date order: a
// quarterly review (Quarterly) in each quarterly month and a monthly
// check-in (Monthly) in every other month, each dated with At at the Clock
// time of day in Location, whatever the season (WallClock), with the
// meetings of y.Meetings from First to Last in place of new ones in their
// months. It returns a *partnership.ValidationError naming the field for a
// date that is not one, a last day before the first, or a week or clock out
// of range.
func Schedule(y Year) ([]Meeting, error) {
	ve := &partnership.ValidationError{}
	first, okF := y.First.Time()
	last, okL := y.Last.Time()
	if !okF {
		ve.Add("first", "first must be a date written as YYYY-MM-DD, such as 2026-09-01, not %q", y.First)
	}
	if !okL {
		ve.Add("last", "last must be a date written as YYYY-MM-DD, such as 2027-06-15, not %q", y.Last)
	}
	if okF && okL && last.Before(first) {
		ve.Add("last", "last (%s) is before first (%s)", y.Last, y.First)
	}
	if okF && okL && last.Sub(first) > 3*366*24*time.Hour {
		ve.Add("last", "a schedule may span at most three years")
	}
	week := y.Week
	if week == 0 {
		week = 1
	}
	if week < -1 || week > 4 {
		ve.Add("week", "week must be 1 to 4, or -1 for the last week of the month, not %d", y.Week)
	}
	if y.Weekday < time.Sunday || y.Weekday > time.Saturday {
		ve.Add("weekday", "weekday must be a day of the week")
	}
	clock := y.Clock
	if clock == "" {
		clock = "15:30"
	}
	hour, minute, err := ParseClock(clock)
	if err != nil {
		ve.Add("clock", "clock must be a time of day, such as 3:30 PM or 15:30, not %q", y.Clock)
	}
	for i, h := range y.Holidays {
		if _, ok := h.Time(); !ok {
			ve.Add(fmt.Sprintf("holidays[%d]", i), "each holiday must be a date written as YYYY-MM-DD, not %q", h)
		}
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	loc := y.Location
	if loc == nil {
		loc = time.UTC
	}
	holiday := make(map[partnership.Date]bool, len(y.Holidays))
	for _, h := range y.Holidays {
		holiday[h] = true
	}
	inYear := func(d time.Time) bool { return !d.Before(first) && !d.After(last) }

	var days []time.Time
	for mo := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !mo.After(last); mo = mo.AddDate(0, 1, 0) {
		d := nthWeekday(mo, y.Weekday, week)
		ok := inYear(d) && !holiday[partnership.DateOf(d)]
		for _, shift := range []int{7, -7, 14, -14} {
			if ok {
				break
			}
			alt := d.AddDate(0, 0, shift)
			ok = alt.Month() == mo.Month() && inYear(alt) && !holiday[partnership.DateOf(alt)]
			if ok {
				d = alt
			}
		}
		if ok {
			days = append(days, d)
		}
	}

	quarterly := make(map[int]bool) // index into days
	if len(y.QuarterlyMonths) > 0 {
		for i, d := range days {
			for _, m := range y.QuarterlyMonths {
				if d.Month() == m {
					quarterly[i] = true
				}
			}
		}
	} else {
		for i, d := range days {
			if i+1 == len(days) || quarterOf(days[i+1]) != quarterOf(d) {
				quarterly[i] = true
			}
		}
	}

	out := make([]Meeting, 0, len(days)+len(y.Meetings))
	held := map[period]bool{} // the months of the meetings already made, in loc
	var taken []string
	for _, m := range y.Meetings {
		taken = append(taken, m.ID)
		if m.Start.IsZero() {
			continue
		}
		d := m.Start.In(loc)
		if day := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC); inYear(day) {
			held[monthOf(d)] = true
			out = append(out, m)
		}
	}
	for i, d := range days {
		if held[monthOf(d)] {
			continue
		}
		start := WallClock(time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, time.UTC), loc)
		t := Monthly()
		if quarterly[i] {
			t = Quarterly()
			t.Location = y.Place
		}
		t.Attendees = y.Attendees
		t.ID = IDFor(start, t.Cadence, taken...)
		taken = append(taken, t.ID)
		out = append(out, t.At(start))
	}
	slices.SortStableFunc(out, func(a, b Meeting) int { return a.Start.Compare(b.Start) })
	return out, nil
}

// NextStart returns when the meeting after m begins: at m's time of day in
// m's time zone, whatever the season, on the first planned day after m's
// day (for a quarterly review, the first no sooner than two weeks before
// the same day three months on, so that the plan's monthly check-ins are
// passed over); with no such day, on the same weekday of the month (the
// third Wednesday, the last Tuesday) a quarter or a month later, or a week
// later, by m's cadence. planned are days in m's time zone, such as the
// meeting dates of a contract supplement; days that are not dates are
// passed over.
func NextStart(m Meeting, planned ...partnership.Date) time.Time {
	loc := m.Start.Location()
	day := partnership.DateOf(m.Start)
	at := func(d time.Time) time.Time {
		return WallClock(time.Date(d.Year(), d.Month(), d.Day(), m.Start.Hour(), m.Start.Minute(), 0, 0, time.UTC), loc)
	}
	soonest := m.Start.AddDate(0, 3, -14)
	for _, p := range slices.Sorted(slices.Values(planned)) {
		t, ok := p.Time()
		if !ok || p <= day {
			continue
		}
		start := at(t)
		if m.Cadence == partnership.Quarterly && start.Before(soonest) {
			continue // a monthly check-in of the plan, not the next review
		}
		return start
	}
	d := time.Date(m.Start.Year(), m.Start.Month(), m.Start.Day(), 0, 0, 0, 0, time.UTC)
	months := 1
	switch m.Cadence {
	case partnership.Weekly:
		return at(d.AddDate(0, 0, 7))
	case partnership.Quarterly:
		months = 3
	}
	week := (d.Day()-1)/7 + 1
	if week > 4 {
		week = -1
	}
	month := time.Date(d.Year(), d.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	return at(nthWeekday(month, d.Weekday(), week))
}

// nthWeekday returns the n-th weekday wd of the month that month's first day
// is in; n is 1 to 4, or -1 for the last.
func nthWeekday(month time.Time, wd time.Weekday, n int) time.Time {
	if n == -1 {
		last := month.AddDate(0, 1, -1)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	d := month.AddDate(0, 0, (int(wd)-int(month.Weekday())+7)%7)
	return d.AddDate(0, 0, 7*(n-1))
}

// WallClock returns the time whose date and time of day in loc are those
// of t (read in t's own zone): WallClock(15:30 on 20 April, Chicago) is
// 3:30 PM CDT however t's offset was written. It is how a meeting keeps its
// time of day when it is moved to another date, or read from a file.
//
// Twice a year the clock does not show each time once. A time of day that
// happens twice (1:30 AM the night clocks go back) is t itself when t is one
// of the two, else the first; one that does not happen (2:30 AM the night
// clocks go forward) moves on by the hour skipped, to 3:30 AM, as calendar
// apps do. (time.Date leaves both choices open.)
func WallClock(t time.Time, loc *time.Location) time.Time {
	y, mo, d := t.Date()
	wall := time.Date(y, mo, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	// Zone offsets change at most once in a day: the offsets a day before
	// and a day after are the only candidates.
	_, before := wall.Add(-24 * time.Hour).In(loc).Zone()
	_, after := wall.Add(24 * time.Hour).In(loc).Zone()
	var first time.Time
	for _, off := range []int{before, after} {
		c := wall.Add(-time.Duration(off) * time.Second).In(loc)
		if !sameWall(c, wall) {
			continue
		}
		if c.Equal(t) {
			return c
		}
		if first.IsZero() || c.Before(first) {
			first = c
		}
	}
	if !first.IsZero() {
		return first
	}
	return wall.Add(-time.Duration(before) * time.Second).In(loc)
}

// sameWall reports whether a and b show the same date and time of day.
func sameWall(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd && a.Hour() == b.Hour() && a.Minute() == b.Minute() &&
		a.Second() == b.Second() && a.Nanosecond() == b.Nanosecond()
}

// ParseClock reads a time of day as people type it: 3:30 PM, 3:30pm,
// 3:30 p.m., 3 PM, 12:15 AM (a quarter past midnight), or 15:30 on the
// 24-hour clock. It returns the hour (0 to 23) and the minute, or an error
// that says how to write the time.
func ParseClock(s string) (hour, minute int, err error) {
	t := strings.ToLower(strings.TrimSpace(s))
	bad := fmt.Errorf("%q is not a time of day; write it as 3:30 PM or 15:30", s)
	half := ""
	for _, suffix := range []struct{ text, half string }{{"a.m.", "am"}, {"p.m.", "pm"}, {"am", "am"}, {"pm", "pm"}, {"a", "am"}, {"p", "pm"}} {
		if rest, ok := strings.CutSuffix(t, suffix.text); ok {
			t, half = strings.TrimSpace(rest), suffix.half
			break
		}
	}
	hh, mm, hasMinutes := strings.Cut(t, ":")
	if !hasMinutes && half == "" {
		return 0, 0, bad // "15" alone could be anything
	}
	hour, ok := twoDigits(hh)
	if !ok {
		return 0, 0, bad
	}
	if hasMinutes {
		if minute, ok = twoDigits(mm); !ok || len(mm) != 2 || minute > 59 {
			return 0, 0, bad
		}
	}
	switch {
	case half == "" && hour > 23:
		return 0, 0, bad
	case half != "" && (hour < 1 || hour > 12):
		return 0, 0, bad
	case half == "am" && hour == 12:
		hour = 0
	case half == "pm" && hour < 12:
		hour += 12
	}
	return hour, minute, nil
}

// twoDigits reads one or two ASCII digits.
func twoDigits(s string) (int, bool) {
	if len(s) < 1 || len(s) > 2 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
