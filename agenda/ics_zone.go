package agenda

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// icsZoneSet holds the time zones of a calendar's meetings, each with the
// yearly rule its VTIMEZONE gives.
type icsZoneSet struct {
	list   []*icsZone
	byName map[string]*icsZone
}

// icsZone is one time zone as a VTIMEZONE describes it: a standard
// observance and, for a zone with daylight saving time, a daylight one,
// each starting every year on the nth weekday of a month.
type icsZone struct {
	name        string
	loc         *time.Location
	observances []observance // the standard one first
}

// observance is one part of a zone's year: from its onset on, clocks are at
// offset from UTC (in seconds) and the zone is called abbr.
type observance struct {
	daylight bool
	abbr     string
	from, to int // the offsets before and after the onset
	// The onset: the week-th weekday of month (-1: the last), at clock (in
	// seconds after midnight, local time before the onset). A zone without
	// daylight saving time has one observance with no onset (month 0).
	month   time.Month
	week    int
	weekday time.Weekday
	clock   int
}

// icsZones returns the zones the meetings' starts and ends are in that a
// VTIMEZONE can describe: each named zone whose current yearly rule holds
// for the years the meetings are in. A meeting in UTC, in a zone without a
// name, or in one whose rules the VTIMEZONE would not give rightly for
// its dates is written in UTC.
func icsZones(ms []Meeting) icsZoneSet {
	type span struct {
		loc        *time.Location
		first, end int // years
	}
	spans := map[string]*span{}
	var order []string
	for _, m := range ms {
		name := m.Start.Location().String()
		if !tzidName(name) {
			continue
		}
		y0, y1 := m.Start.Year(), m.End().Year()
		s, ok := spans[name]
		if !ok {
			s = &span{loc: m.Start.Location(), first: y0, end: y1}
			spans[name] = s
			order = append(order, name)
		}
		s.first, s.end = min(s.first, y0), max(s.end, y1)
	}
	set := icsZoneSet{byName: map[string]*icsZone{}}
	for _, name := range order {
		s := spans[name]
		z, ok := zoneRule(name, s.loc, s.end)
		if !ok {
			continue
		}
		set.byName[name] = z
	}
	// Keep only the zones that serve at least one meeting as they are.
	used := map[string]bool{}
	for _, m := range ms {
		if z := set.byName[m.Start.Location().String()]; z != nil && z.describes(m.Start) && z.describes(m.End()) {
			used[z.name] = true
		}
	}
	for _, name := range order {
		if used[name] {
			set.list = append(set.list, set.byName[name])
		} else {
			delete(set.byName, name)
		}
	}
	return set
}

// tzidName reports whether a zone's name can stand as a TZID that calendar
// apps know: an IANA name such as America/Chicago, not "Local", "UTC" or a
// fixed offset's made-up name.
func tzidName(name string) bool {
	return strings.Contains(name, "/") && !strings.ContainsAny(name, " ;:,\"")
}

// dateTime writes a DTSTART or DTEND property: the time of day in its zone
// with a TZID when the calendar describes the zone rightly at t, else UTC.
func (s icsZoneSet) dateTime(cw *icsWriter, prop string, t time.Time) {
	if z := s.byName[t.Location().String()]; z != nil && z.describes(t) {
		cw.line(prop+";TZID="+z.name, icsLocal(t))
		return
	}
	cw.line(prop, icsUTC(t))
}

// zoneRule returns the yearly rule of loc as of year: its transitions that
// year, each read as the nth (or last) weekday of its month.
func zoneRule(name string, loc *time.Location, year int) (*icsZone, bool) {
	z := &icsZone{name: name, loc: loc}
	for _, end := range transitions(loc, year) {
		before := end.Add(-time.Second)
		_, from := before.Zone()
		abbr, to := end.Zone()
		local := end.Add(time.Duration(from) * time.Second).UTC() // the clock before the change
		week := (local.Day()-1)/7 + 1
		if local.AddDate(0, 0, 7).Month() != local.Month() && week >= 4 {
			week = -1 // the last such weekday of the month, as rules say it
		}
		z.observances = append(z.observances, observance{
			daylight: end.IsDST(), abbr: abbr, from: from, to: to,
			month: local.Month(), week: week, weekday: local.Weekday(),
			clock: local.Hour()*3600 + local.Minute()*60 + local.Second(),
		})
	}
	t := time.Date(year, time.January, 1, 0, 0, 0, 0, loc)
	switch len(z.observances) {
	case 0:
		abbr, off := t.Zone()
		z.observances = []observance{{abbr: abbr, from: off, to: off}}
		return z, true
	case 2:
		if z.observances[0].daylight == z.observances[1].daylight {
			return nil, false
		}
		if z.observances[0].daylight {
			z.observances[0], z.observances[1] = z.observances[1], z.observances[0]
		}
		return z, true
	}
	return nil, false // a zone whose year is not one daylight and one standard part
}

// transitions returns the instants in year at which loc changes its offset,
// its name or whether it is daylight saving time. (Time.ZoneBounds cannot
// be walked for this: past a zone's last listed transition, where its rule
// takes over, it reports the end of the year as a bound.) Zones change at
// most a few times a year, and never twice in a day: the year is stepped
// through a day at a time and each change found to the second.
func transitions(loc *time.Location, year int) []time.Time {
	same := func(a, b time.Time) bool {
		an, ao := a.Zone()
		bn, bo := b.Zone()
		return an == bn && ao == bo && a.IsDST() == b.IsDST()
	}
	var out []time.Time
	end := time.Date(year+1, time.January, 1, 0, 0, 0, 0, loc)
	for t := time.Date(year, time.January, 1, 0, 0, 0, 0, loc); t.Before(end); {
		next := t.Add(24 * time.Hour)
		if next.After(end) {
			next = end
		}
		if !same(t, next) {
			lo, hi := t, next // lo is as t is, hi is not
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
				if same(t, mid) {
					lo = mid
				} else {
					hi = mid
				}
			}
			out = append(out, hi.In(loc))
		}
		t = next
	}
	return out
}

// onset returns the local date and clock of the observance's onset in year,
// as a time in UTC that shows that local time.
func (o observance) onset(year int) time.Time {
	var d time.Time
	if o.week == -1 {
		last := time.Date(year, o.month+1, 0, 0, 0, 0, 0, time.UTC)
		d = last.AddDate(0, 0, -((int(last.Weekday()) - int(o.weekday) + 7) % 7))
	} else {
		first := time.Date(year, o.month, 1, 0, 0, 0, 0, time.UTC)
		d = first.AddDate(0, 0, (int(o.weekday)-int(first.Weekday())+7)%7+7*(o.week-1))
	}
	return d.Add(time.Duration(o.clock) * time.Second)
}

// offsetAt returns the offset the rule gives at instant t: the offset of the
// observance whose onset came last before t.
func (z *icsZone) offsetAt(t time.Time) int {
	if len(z.observances) == 1 {
		return z.observances[0].to
	}
	var best time.Time
	off := z.observances[0].to
	for _, o := range z.observances {
		for _, y := range []int{t.UTC().Year() - 1, t.UTC().Year()} {
			on := o.onset(y).Add(-time.Duration(o.from) * time.Second) // the instant of the onset
			if !on.After(t) && on.After(best) {
				best, off = on, o.to
			}
		}
	}
	return off
}

// describes reports whether a calendar that reads t's time of day with the
// VTIMEZONE's rule gets t: the rule gives t's offset, and t's time of day is
// not the second of two (RFC 5545 reads a repeated time of day as the first).
func (z *icsZone) describes(t time.Time) bool {
	_, off := t.Zone()
	if z.offsetAt(t) != off {
		return false
	}
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	offs := []int{}
	for _, o := range z.observances {
		offs = append(offs, o.to)
	}
	slices.Sort(offs)
	for _, o := range slices.Compact(offs) {
		c := wall.Add(-time.Duration(o) * time.Second)
		if z.offsetAt(c) == o && c.Before(t) {
			return false // an earlier instant shows the same time of day
		}
	}
	return true
}

// write writes the zone's VTIMEZONE.
func (z *icsZone) write(cw *icsWriter) {
	cw.line("BEGIN", "VTIMEZONE")
	cw.line("TZID", z.name)
	for _, o := range z.observances {
		kind := "STANDARD"
		if o.daylight {
			kind = "DAYLIGHT"
		}
		cw.line("BEGIN", kind)
		if o.month == 0 {
			cw.line("DTSTART", "19700101T000000")
		} else {
			// The first onset by the rule, in 1970: before any meeting.
			cw.line("DTSTART", icsLocal(o.onset(1970)))
			cw.line("RRULE", fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(o.month), o.week, strings.ToUpper(o.weekday.String()[:2])))
		}
		cw.line("TZOFFSETFROM", icsOffset(o.from))
		cw.line("TZOFFSETTO", icsOffset(o.to))
		if o.abbr != "" && !strings.ContainsAny(o.abbr, "+-0123456789") {
			cw.text("TZNAME", o.abbr)
		}
		cw.line("END", kind)
	}
	cw.line("END", "VTIMEZONE")
}

// icsOffset writes an offset from UTC in seconds as iCalendar does: -0500,
// or -045230 when it has seconds.
func icsOffset(sec int) string {
	sign := "+"
	if sec < 0 {
		sign, sec = "-", -sec
	}
	s := fmt.Sprintf("%s%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
