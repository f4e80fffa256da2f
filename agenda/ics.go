package agenda

import (
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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
// rules, which would have to be written out with the zone's rules, and in the browser the Go
// runtime usually knows no zone names at all (a start read from JSON has a
// fixed offset). Calendar apps show the times in the viewer's own zone.
func WriteICS(w io.Writer, ms ...Meeting) error {
	return Calendar{}.Write(w, ms...)
}

// Write writes the meetings as WriteICS does, with c's settings.
//
// The writer is our own, some eighty lines that follow RFC 5545 for the few
// properties a meeting needs: CRLF line ends, TEXT escaping, and folding at
// 75 octets without splitting a character. golang-ical, which the tests use
// to parse the output back, would bring net/http and crypto/tls into every
// program that imports this package, the browser page included, adding
// about 0.55 MB to a page that must stay under 4 MB.
func (c Calendar) Write(w io.Writer, ms ...Meeting) error {
	stamp := c.Stamp
	if stamp.IsZero() {
		stamp = time.Now()
	}
	cw := &icsWriter{}
	cw.line("BEGIN", "VCALENDAR")
	cw.line("VERSION", "2.0")
	cw.line("PRODID", "-//partnerkit//partnerkit agenda//EN")
	cw.line("CALSCALE", "GREGORIAN")
	cw.line("METHOD", "PUBLISH")
	if c.Name != "" {
		cw.text("NAME", c.Name)
		cw.text("X-WR-CALNAME", c.Name)
	}
	for i, m := range ms {
		if m.Start.IsZero() {
			return fmt.Errorf("meeting %d (%q) has no start, so it cannot go in a calendar", i, m.Title)
		}
		if m.ID == "" {
			return fmt.Errorf("meeting %d (%q) has no id, which its calendar entry needs", i, m.Title)
		}
		end := m.End()
		if m.Minutes <= 0 {
			end = m.Start
		}
		cw.line("BEGIN", "VEVENT")
		cw.line("UID", c.uid(m))
		cw.line("DTSTAMP", icsTime(stamp))
		cw.line("DTSTART", icsTime(m.Start))
		cw.line("DTEND", icsTime(end))
		cw.text("SUMMARY", m.Title)
		if m.Location != "" {
			cw.text("LOCATION", m.Location)
		}
		cw.text("DESCRIPTION", Description(m))
		if m.Cadence != "" {
			cw.text("CATEGORIES", string(m.Cadence))
		}
		cw.line("END", "VEVENT")
	}
	cw.line("END", "VCALENDAR")
	if _, err := io.WriteString(w, cw.b.String()); err != nil {
		return fmt.Errorf("writing the calendar: %w", err)
	}
	return nil
}

// trailingBackslashes counts the backslashes that end s.
func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}

// icsTime writes t as an iCalendar UTC date-time, such as 20260915T193000Z.
func icsTime(t time.Time) string {
	return t.UTC().Format("20060102T150405Z")
}

// icsWriter builds iCalendar content lines.
type icsWriter struct {
	b strings.Builder
}

// text writes a property whose value is TEXT, escaped as RFC 5545 says.
func (cw *icsWriter) text(name, value string) {
	var b strings.Builder
	for _, r := range icsText(value) {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	cw.line(name, b.String())
}

// line writes "NAME:value", folded so that no line is longer than 75
// octets: a continuation line starts with one space, and a character is
// never split across lines.
func (cw *icsWriter) line(name, value string) {
	l := name + ":" + value
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		// Keep an escape such as "\," on one line: some readers unfold badly.
		if n := trailingBackslashes(l[:cut]); n%2 == 1 {
			cut--
		}
		cw.b.WriteString(l[:cut])
		cw.b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space takes one octet
	}
	cw.b.WriteString(l)
	cw.b.WriteString("\r\n")
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
// LF (which the writer escapes as \n) and other control characters, which
// RFC 5545 does not allow in text, are dropped.
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
