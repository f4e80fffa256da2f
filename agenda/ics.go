package agenda

import (
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"
)

// Calendar says how WriteICS-style output is made. The zero value is ready
// to use; WriteICS uses it with the current time.
type Calendar struct {
	// Name is shown by calendar apps for the imported calendar, when set.
	Name string
	// Namespace is put in every UID, so that two partnerships whose
	// meetings share IDs do not overwrite each other in one calendar; use
	// the partnership's or the district's ID. Empty means "partnerkit".
	Namespace string
	// Stamp is the DTSTAMP of every event: when the calendar was made. Zero
	// means the current time.
	Stamp time.Time
}

// WriteICS writes the meetings as an iCalendar file (RFC 5545) that Google
// Calendar, Outlook and Apple Calendar import: one VEVENT per meeting with a
// UID that stays the same for the meeting (so importing again updates it),
// DTSTART and DTEND, SUMMARY, LOCATION and a DESCRIPTION holding the agenda.
// A meeting without a start or an ID cannot be placed in a calendar and is
// an error.
//
// Times are written in UTC ("DTSTART:20260915T193000Z"). Each meeting is a
// single event, not a recurrence, so UTC is exact however the meeting's zone
// shifts for daylight saving, and it is the form both Google Calendar and
// Outlook read without a VTIMEZONE. A TZID needs a VTIMEZONE with the zone's
// rules, which golang-ical does not generate, and in the browser the Go
// runtime usually knows no zone names at all (a start read from JSON has a
// fixed offset). Calendar apps show the times in the viewer's own zone.
func WriteICS(w io.Writer, ms ...Meeting) error {
	return Calendar{}.Write(w, ms...)
}

// Write writes the meetings as WriteICS does, with c's settings.
func (c Calendar) Write(w io.Writer, ms ...Meeting) error {
	cal := ics.NewCalendarFor("partnerkit")
	cal.SetProductId("-//partnerkit//partnerkit agenda//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	if c.Name != "" {
		cal.SetName(icsText(c.Name))
		cal.SetXWRCalName(icsText(c.Name))
	}
	stamp := c.Stamp
	if stamp.IsZero() {
		stamp = time.Now()
	}
	for i, m := range ms {
		if m.Start.IsZero() {
			return fmt.Errorf("meeting %d (%q) has no start, so it cannot go in a calendar", i, m.Title)
		}
		if m.ID == "" {
			return fmt.Errorf("meeting %d (%q) has no id, which its calendar entry needs", i, m.Title)
		}
		e := cal.AddEvent(c.uid(m))
		e.SetDtStampTime(stamp)
		e.SetStartAt(m.Start)
		end := m.End()
		if m.Minutes <= 0 {
			end = m.Start
		}
		e.SetEndAt(end)
		e.SetSummary(icsText(m.Title))
		if m.Location != "" {
			e.SetLocation(icsText(m.Location))
		}
		e.SetDescription(icsText(Description(m)))
		e.AddCategory(string(m.Cadence))
	}
	// RFC 5545 ends lines with CRLF; golang-ical writes LF unless told.
	if err := cal.SerializeTo(w, ics.WithNewLine("\r\n")); err != nil {
		return fmt.Errorf("writing the calendar: %w", err)
	}
	return nil
}

// uid returns the meeting's UID: its ID in the calendar's namespace. IDs are
// made of letters, digits, '.', '-' and '_'; anything else (in a meeting
// that failed validation) is replaced, with a hash of the original kept so
// that different IDs stay different.
func (c Calendar) uid(m Meeting) string {
	ns := c.Namespace
	if ns == "" {
		ns = "partnerkit"
	}
	return safeUID(m.ID) + "." + safeUID(ns) + "@partnerkit"
}

func safeUID(s string) string {
	clean := strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, s)
	if clean == s {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%s-%08x", clean, h.Sum32())
}

// icsText makes text safe for an iCalendar TEXT value: line breaks become
// LF (which golang-ical writes as \n) and other control characters, which
// RFC 5545 does not allow in text, are dropped. golang-ical escapes
// backslashes, commas and semicolons itself.
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// Description returns the agenda as plain text, as a calendar entry's
// description shows it: the sections with their minutes and questions, the
// preparation, and the open action items.
func Description(m Meeting) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %d minutes", m.Title, m.Minutes)
	if m.InPerson {
		b.WriteString(", in person")
	}
	b.WriteString(".\n")
	for i, s := range m.Sections {
		fmt.Fprintf(&b, "\n%d. %s (%d min)\n", i+1, s.Title, s.Minutes)
		for _, q := range s.Questions {
			fmt.Fprintf(&b, "- %s\n", q.Text)
		}
	}
	if len(m.Prep) > 0 {
		b.WriteString("\nPrepare:\n")
		for _, p := range m.Prep {
			fmt.Fprintf(&b, "- %s\n", p.Text)
		}
	}
	var open []Action
	for _, a := range m.Actions {
		if a.IsOpen() {
			open = append(open, a)
		}
	}
	if len(open) > 0 {
		b.WriteString("\nOpen action items:\n")
		for _, a := range open {
			due := "no due date"
			if a.Due != "" {
				due = "due " + string(a.Due)
			}
			fmt.Fprintf(&b, "- %s (%s, %s)\n", a.Text, orDash(a.Owner, "no owner"), due)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func orDash(s, none string) string {
	if strings.TrimSpace(s) == "" {
		return none
	}
	return s
}
