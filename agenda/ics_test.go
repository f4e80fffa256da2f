package agenda_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/zone"
	"github.com/partnerkit/partnerkit/partnership"
)

var stamp = time.Date(2026, 8, 20, 12, 0, 0, 0, time.UTC)

// parse parses a calendar back with golang-ical, checking the form RFC 5545
// asks for on the way: CRLF line ends, no line longer than 75 octets.
func parse(t *testing.T, out string) *ics.Calendar {
	t.Helper()
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		require.LessOrEqual(t, len(line), 75, "line %d: %q", i+1, line)
		require.NotContains(t, line, "\n", "line %d", i+1)
		require.True(t, utf8.ValidString(line), "line %d", i+1)
	}
	require.Equal(t, strings.Count(out, "\n"), strings.Count(out, "\r\n"), "every line ends with CRLF")
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	return cal
}

func write(t *testing.T, c agenda.Calendar, ms ...agenda.Meeting) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, c.Write(&buf, ms...))
	return buf.String()
}

// vtimezones returns the calendar's VTIMEZONEs by TZID, each as its lines.
func vtimezones(cal *ics.Calendar) map[string][]string {
	out := map[string][]string{}
	for _, c := range cal.Components {
		tz, ok := c.(*ics.VTimezone)
		if !ok {
			continue
		}
		id := tz.GetProperty(ics.ComponentPropertyTzid)
		if id == nil {
			continue
		}
		var lines []string
		for _, sub := range tz.Components {
			kind := "STANDARD"
			if _, ok := sub.(*ics.Daylight); ok {
				kind = "DAYLIGHT"
			}
			for _, p := range sub.UnknownPropertiesIANAProperties() {
				lines = append(lines, kind+" "+p.IANAToken+":"+p.Value)
			}
		}
		out[id.Value] = lines
	}
	return out
}

func TestWriteICSGolden(t *testing.T) {
	ms, err := agenda.Schedule(schoolYear(t))
	require.NoError(t, err)
	fixed, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	fixed.Start = fixed.Start.In(ms[0].Start.Location())
	fixed.Attendees[0].Email = "ana@rusd.example.org"
	fixed.Attendees[0].Organizer = true
	fixed.Revision = 2
	cal := agenda.Calendar{Name: "Riverside partnership, 2026–27", Namespace: "rusd-lp", Stamp: stamp}
	golden(t, "year.ics", []byte(write(t, cal, append(ms[:2:2], fixed)...)))
}

func TestWriteICSParsesBack(t *testing.T) {
	ms, err := agenda.Schedule(schoolYear(t))
	require.NoError(t, err)
	fixed, err := agenda.Decode(bytes.NewReader(fixture(t)))
	require.NoError(t, err)
	fixed.Title = `Review; with, "commas" \ and a very long title that needs folding across more than one line of the file`
	fixed.Location = "Room 12, Hayes; 2nd floor\r\nback entrance\x07"
	ms = append(ms, fixed)

	out := write(t, agenda.Calendar{Stamp: stamp, Namespace: "W1"}, ms...)
	assert.True(t, strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "starts with the calendar")
	assert.Contains(t, out, "\r\nMETHOD:PUBLISH\r\n")

	cal := parse(t, out)
	events := cal.Events()
	require.Len(t, events, len(ms))
	uids := map[string]bool{}
	for i, e := range events {
		m := ms[i]
		uid := e.Id()
		assert.Equal(t, m.ID+".W1@partnerkit", uid, "the meeting's id in the workspace's")
		assert.False(t, uids[uid], "UIDs differ")
		uids[uid] = true

		start, err := e.GetStartAt()
		require.NoError(t, err)
		assert.True(t, start.Equal(m.Start), "%s: %s vs %s", m.ID, start, m.Start)
		end, err := e.GetEndAt()
		require.NoError(t, err)
		assert.True(t, end.Equal(m.End()))
		st, err := e.GetDtStampTime()
		require.NoError(t, err)
		assert.True(t, st.Equal(stamp))
		assert.Equal(t, "0", e.GetProperty(ics.ComponentPropertySequence).Value)

		assert.Equal(t, m.Title, e.GetProperty(ics.ComponentPropertySummary).Value)
		desc := e.GetProperty(ics.ComponentPropertyDescription).Value
		assert.Equal(t, agenda.Description(m), desc)
		for _, s := range m.Sections {
			assert.Contains(t, desc, s.Title)
		}
	}
	// The year's meetings are in New York time, by TZID with its VTIMEZONE;
	// the fixture's start has a fixed offset, which names no zone: UTC.
	first := events[0].GetProperty(ics.ComponentPropertyDtStart)
	assert.Equal(t, []string{"America/New_York"}, first.ICalParameters["TZID"])
	assert.Equal(t, "20260908T153000", first.Value)
	last := events[len(events)-1]
	assert.Empty(t, last.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["TZID"])
	assert.Equal(t, "Room 12, Hayes; 2nd floor\nback entrance", last.GetProperty(ics.ComponentPropertyLocation).Value,
		"CR LF becomes a line break and control characters are dropped")
	assert.Contains(t, last.GetProperty(ics.ComponentPropertyDescription).Value, "Share the PD calendar with the partner (ana, due July 1, 2026)")
	assert.Contains(t, vtimezones(cal), "America/New_York")
	assert.Len(t, vtimezones(cal), 1, "one VTIMEZONE per zone used")

	// Writing again at another time changes only DTSTAMP: the UIDs are stable.
	again := write(t, agenda.Calendar{Stamp: stamp.Add(time.Hour), Namespace: "W1"}, ms...)
	assert.Equal(t, strings.ReplaceAll(out, "DTSTAMP:20260820T120000Z", "DTSTAMP:20260820T130000Z"), again, "only DTSTAMP differs")
}

// usZones are the zones the DST tests go through, with what a VTIMEZONE
// for them says: a daylight rule from the second Sunday of March and a
// standard one from the first Sunday of November, or one standard offset.
var usZones = []struct {
	name string
	want []string
}{
	{"America/New_York", dst("-0500", "-0400", "EST", "EDT")},
	{"America/Chicago", dst("-0600", "-0500", "CST", "CDT")},
	{"America/Denver", dst("-0700", "-0600", "MST", "MDT")},
	{"America/Phoenix", []string{"STANDARD DTSTART:19700101T000000", "STANDARD TZOFFSETFROM:-0700", "STANDARD TZOFFSETTO:-0700", "STANDARD TZNAME:MST"}},
	{"America/Los_Angeles", dst("-0800", "-0700", "PST", "PDT")},
	{"Pacific/Honolulu", []string{"STANDARD DTSTART:19700101T000000", "STANDARD TZOFFSETFROM:-1000", "STANDARD TZOFFSETTO:-1000", "STANDARD TZNAME:HST"}},
}

func dst(std, day, stdName, dayName string) []string {
	return []string{
		"STANDARD DTSTART:19701101T020000", "STANDARD RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
		"STANDARD TZOFFSETFROM:" + day, "STANDARD TZOFFSETTO:" + std, "STANDARD TZNAME:" + stdName,
		"DAYLIGHT DTSTART:19700308T020000", "DAYLIGHT RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
		"DAYLIGHT TZOFFSETFROM:" + std, "DAYLIGHT TZOFFSETTO:" + day, "DAYLIGHT TZNAME:" + dayName,
	}
}

func TestWriteICSInEveryUSZone(t *testing.T) {
	for _, z := range usZones {
		for _, from := range []string{"system", "built-in"} {
			t.Run(z.name+"/"+from, func(t *testing.T) {
				testZone(t, z.name, from, 2026, z.want)
				// Far past the zone's last listed change, where its rule takes over.
				testZone(t, z.name, from, 2045, z.want)
			})
		}
	}
}

// testZone writes a school year of meetings from September of year, in the
// zone name as loaded from the system's database or partnerkit's own, and
// checks the calendar: every meeting at 3:30 PM by TZID, read back at its
// instant, and the VTIMEZONE.
func testZone(t *testing.T, name, from string, year int, want []string) {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if from == "built-in" {
		loc, err = zone.Load(name)
	}
	require.NoError(t, err)
	// A year of meetings at 3:30 PM, across both changes of the clocks,
	// and one on the very day of each.
	ms, err := agenda.Schedule(agenda.Year{First: partnership.Date(fmt.Sprintf("%d-09-01", year)), Last: partnership.Date(fmt.Sprintf("%d-06-30", year+1)), Weekday: time.Wednesday, Week: 3, Location: loc})
	require.NoError(t, err)
	spring, fall := secondSunday(year+1, time.March), secondSunday(year, time.November).AddDate(0, 0, -7)
	for _, day := range []time.Time{time.Date(year+1, 3, spring.Day(), 15, 30, 0, 0, loc), time.Date(year, 11, fall.Day(), 15, 30, 0, 0, loc)} {
		m := agenda.Monthly().At(day)
		ms = append(ms, m)
	}
	cal := parse(t, write(t, agenda.Calendar{Stamp: stamp}, ms...))
	require.Len(t, cal.Events(), len(ms))
	for i, e := range cal.Events() {
		p := e.GetProperty(ics.ComponentPropertyDtStart)
		assert.Equal(t, []string{name}, p.ICalParameters["TZID"], ms[i].ID)
		assert.True(t, strings.HasSuffix(p.Value, "T153000"), "%s: %s", ms[i].ID, p.Value)
		start, err := e.GetStartAt()
		require.NoError(t, err)
		assert.True(t, start.Equal(ms[i].Start), "%s: %s, not %s", ms[i].ID, start, ms[i].Start)
		end := e.GetProperty(ics.ComponentPropertyDtEnd)
		assert.Equal(t, []string{name}, end.ICalParameters["TZID"])
	}
	assert.ElementsMatch(t, want, vtimezones(cal)[name])
}

// secondSunday returns the second Sunday of the month.
func secondSunday(year int, month time.Month) time.Time {
	d := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, (7-int(d.Weekday()))%7+7)
}

func TestWriteICSFallsBackToUTCWhereTheRuleDoesNotHold(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	old := agenda.Monthly().At(time.Date(2006, 3, 20, 15, 30, 0, 0, ny)) // EST: DST began on 2 April in 2006
	cur := agenda.Monthly().At(time.Date(2027, 3, 22, 15, 30, 0, 0, ny))
	second := agenda.Monthly().At(time.Date(2027, 11, 7, 1, 30, 0, 0, chi).Add(time.Hour)) // 1:30 AM CST, the second one
	require.Equal(t, "01:30 CST", second.Start.Format("15:04 MST"))
	second.Minutes = 20
	ms := []agenda.Meeting{old, cur, second}
	cal := parse(t, write(t, agenda.Calendar{Stamp: stamp}, ms...))
	want := []string{"DTSTART:20060320T203000Z", "DTSTART;TZID=America/New_York:20270322T153000", "DTSTART:20271107T073000Z"}
	for i, e := range cal.Events() {
		p := e.GetProperty(ics.ComponentPropertyDtStart)
		got := "DTSTART:" + p.Value
		if tz := p.ICalParameters["TZID"]; len(tz) > 0 {
			got = "DTSTART;TZID=" + tz[0] + ":" + p.Value
		}
		assert.Equal(t, want[i], got)
		start, err := e.GetStartAt()
		require.NoError(t, err)
		assert.True(t, start.Equal(ms[i].Start))
	}

	// With only 2006 in the calendar, the VTIMEZONE gives 2006's rule.
	cal = parse(t, write(t, agenda.Calendar{Stamp: stamp}, old))
	assert.Contains(t, vtimezones(cal)["America/New_York"], "DAYLIGHT RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU")
	assert.Contains(t, vtimezones(cal)["America/New_York"], "STANDARD RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
	assert.Equal(t, []string{"America/New_York"}, cal.Events()[0].GetProperty(ics.ComponentPropertyDtStart).ICalParameters["TZID"])
}

func TestWriteICSInvitesTheAttendees(t *testing.T) {
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	p := &partnership.Partnership{People: []partnership.Person{
		{ID: "ana", Name: "Ana Ruiz", Email: "ana@rusd.example.org"},
		{ID: "ben", Name: "Ben Okafor"},
		{ID: "dee", Name: "Dee Park", Email: "dee@lp.example.org"},
	}}
	m := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, chi))
	m.Attendees = []partnership.Attendee{
		{Name: "Ana Ruiz", Person: "ana", Side: partnership.DistrictSide, Organizer: true},
		{Name: "Ben Okafor", Person: "ben", Side: partnership.DistrictSide}, // no e-mail anywhere: not invited
		{Name: `Dee "DP" Park, Ph.D.; lead`, Person: "dee", Side: partnership.PartnerSide},
		{Name: "Cy Lam", Side: partnership.SchoolSide, Email: "cy@hayes.example.org"},
		{Name: "Cy again", Side: partnership.SchoolSide, Email: "CY@hayes.example.org"}, // the same address once
		{Name: "Eve", Side: partnership.SchoolSide, Email: "eve@x.org\r\nBEGIN:VEVENT"},
	}
	out := write(t, agenda.Calendar{Stamp: stamp, People: p}, m)
	assert.NotContains(t, out, "\r\nBEGIN:VEVENT\r\nBEGIN", "an address cannot start a property")
	assert.Equal(t, 1, strings.Count(out, "BEGIN:VEVENT"))
	cal := parse(t, out)
	e := cal.Events()[0]

	org := e.GetProperty(ics.ComponentPropertyOrganizer)
	require.NotNil(t, org)
	assert.Equal(t, "mailto:ana@rusd.example.org", org.Value)
	assert.Equal(t, []string{"Ana Ruiz"}, org.ICalParameters["CN"])

	type who struct{ email, cn, role, partstat, rsvp string }
	var got []who
	for _, a := range e.Attendees() {
		got = append(got, who{a.Email(), a.ICalParameters["CN"][0], a.ICalParameters["ROLE"][0], string(a.ParticipationStatus()), a.ICalParameters["RSVP"][0]})
	}
	assert.Equal(t, []who{
		{"ana@rusd.example.org", "Ana Ruiz", "CHAIR", "ACCEPTED", "FALSE"},
		{"dee@lp.example.org", `Dee 'DP' Park, Ph.D.; lead`, "REQ-PARTICIPANT", "NEEDS-ACTION", "TRUE"},
		{"cy@hayes.example.org", "Cy Lam", "REQ-PARTICIPANT", "NEEDS-ACTION", "TRUE"},
		{"eve@x.org%0D%0ABEGIN%3AVEVENT", "Eve", "REQ-PARTICIPANT", "NEEDS-ACTION", "TRUE"},
	}, got)

	// Without the partnership, only the meeting's own addresses are known,
	// and no organizer then.
	e = parse(t, write(t, agenda.Calendar{Stamp: stamp}, m)).Events()[0]
	assert.Nil(t, e.GetProperty(ics.ComponentPropertyOrganizer))
	assert.Len(t, e.Attendees(), 2)
}

func TestWriteICSSequenceGrowsWithEachChange(t *testing.T) {
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	m := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, chi))
	seq := func(m agenda.Meeting) string {
		return parse(t, write(t, agenda.Calendar{Stamp: stamp}, m)).Events()[0].GetProperty(ics.ComponentPropertySequence).Value
	}
	assert.Equal(t, "0", seq(m))

	exported := m // as the calendar last saw it
	m.Start = m.Start.Add(30 * time.Minute)
	m.Revise(exported)
	assert.Equal(t, 1, m.Revision)
	m.Location = "Room 12"
	m.Revise(exported)
	assert.Equal(t, 1, m.Revision, "one change for the calendar until it is written again")
	assert.Equal(t, "1", seq(m))

	exported = m
	m.Sections[0].Questions[0].Notes = "notes are not in the calendar"
	m.Revise(exported)
	assert.Equal(t, 1, m.Revision)
	m.AddAction(agenda.Action{Text: "Send the data"}) // the description lists open actions
	m.Revise(exported)
	assert.Equal(t, 2, m.Revision)
	m.Attendees = append(m.Attendees, partnership.Attendee{Name: "Ana", Side: partnership.DistrictSide, Email: "ana@x.org"})
	m.Revise(exported)
	assert.Equal(t, 2, m.Revision)
	assert.Equal(t, "2", seq(m))
	m.Actions = nil
	m.Attendees = nil
	m.Revise(exported)
	assert.Equal(t, 1, m.Revision, "back as the calendar saw it")
}

func TestWriteICSErrors(t *testing.T) {
	var buf bytes.Buffer
	err := agenda.WriteICS(&buf)
	assert.True(t, errors.Is(err, agenda.ErrNoMeetings))
	assert.EqualError(t, err, "there are no meetings to put in a calendar: add a meeting first")
	assert.Zero(t, buf.Len(), "nothing is written")
	assert.ErrorContains(t, agenda.WriteICS(&buf, agenda.Quarterly()), "has no start")
	m := agenda.Quarterly()
	m.Start = stamp
	assert.ErrorContains(t, agenda.WriteICS(&buf, m), "has no id")
	assert.Zero(t, buf.Len())
}

func TestWriteICSUnsafeID(t *testing.T) {
	a, b := agenda.Quarterly().At(stamp), agenda.Quarterly().At(stamp)
	a.ID, b.ID = "x y", "x@y"
	cal := parse(t, write(t, agenda.Calendar{Namespace: "ws 1\r\nX"}, a, b))
	require.Len(t, cal.Events(), 2)
	assert.NotEqual(t, cal.Events()[0].Id(), cal.Events()[1].Id())
	assert.NotContains(t, cal.Events()[0].Id(), " ")
	assert.True(t, strings.HasSuffix(cal.Events()[0].Id(), "@partnerkit"))
}

func TestWriteICSFoldsWithoutSplittingEscapesOrCharacters(t *testing.T) {
	m := agenda.Quarterly()
	m.ID = "m1"
	m.Start = stamp
	for _, title := range []string{
		strings.Repeat("x", 66) + `,,,,,,,,,,,,`,
		strings.Repeat("é", 40),
		strings.Repeat(`\`, 50),
		strings.Repeat("a", 67) + "日本語のタイトル",
	} {
		m.Title = title
		m.Attendees = []partnership.Attendee{{Name: title, Side: partnership.DistrictSide, Email: "a@b.org"}}
		out := write(t, agenda.Calendar{Stamp: stamp}, m)
		lines := strings.Split(out, "\r\n")
		for i, line := range lines {
			assert.LessOrEqual(t, len(line), 75)
			assert.True(t, utf8.ValidString(line), "line %d is valid UTF-8: %q", i, line)
			if i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") && !strings.HasPrefix(line, "ATTENDEE") {
				assert.Equal(t, 0, (len(line)-len(strings.TrimRight(line, `\`)))%2, "line %d ends inside an escape: %q", i, line)
			}
		}
		cal := parse(t, out)
		require.Len(t, cal.Events(), 1)
		assert.Equal(t, title, cal.Events()[0].GetProperty(ics.ComponentPropertySummary).Value)
		assert.Equal(t, strings.ReplaceAll(title, `\`, "/"), cal.Events()[0].Attendees()[0].ICalParameters["CN"][0])
	}
}

// FuzzWriteICS checks that whatever people type stays text in a calendar
// file: one event, every line within 75 octets, and what was typed read
// back as it was typed (less line-break and control characters).
func FuzzWriteICS(f *testing.F) {
	f.Add("Quarterly review", "Hayes, room 12", "Ana Ruiz", "ana@rusd.example.org", "W1")
	f.Add("x\r\nEND:VEVENT\r\nBEGIN:VEVENT", `a"b\c;d:e,f`, "Eve\"\r\nATTENDEE:mailto:x@y", "e@x.org\r\nBEGIN:VALARM", "ns\r\nUID:x")
	f.Add(strings.Repeat("é", 80), strings.Repeat(`\,`, 60), strings.Repeat("日本", 50), "", "")
	f.Add("\xff\xfe", "\x00\x07", "\t", "a@b", "::")
	chi, err := time.LoadLocation("America/Chicago")
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, title, place, name, email, ns string) {
		m := agenda.Quarterly().At(time.Date(2027, 1, 20, 15, 30, 0, 0, chi))
		m.Title, m.Location = title, place
		m.Attendees = []partnership.Attendee{{Name: name, Side: partnership.DistrictSide, Email: email, Organizer: true}}
		var buf bytes.Buffer
		require.NoError(t, agenda.Calendar{Stamp: stamp, Namespace: ns}.Write(&buf, m))
		out := buf.String()
		lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
		begins := 0
		for _, l := range lines {
			require.LessOrEqual(t, len(l), 75)
			require.True(t, utf8.ValidString(l))
			require.False(t, strings.ContainsAny(l, "\r\n"))
			if strings.HasPrefix(l, "BEGIN:V") {
				begins++
			}
		}
		require.Equal(t, 3, begins, "VCALENDAR, VTIMEZONE and one VEVENT: %q", out)
		cal, err := ics.ParseCalendar(strings.NewReader(out))
		require.NoError(t, err)
		require.Len(t, cal.Events(), 1)
		e := cal.Events()[0]
		typed := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.ToValidUTF8(title, "\uFFFD"))
		typed = strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
				return -1
			}
			return r
		}, typed)
		require.Equal(t, typed, e.GetProperty(ics.ComponentPropertySummary).Value)
		require.LessOrEqual(t, len(e.Attendees()), 1)
		start, err := e.GetStartAt()
		require.NoError(t, err)
		require.True(t, start.Equal(m.Start))
	})
}
