package agenda

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// ErrNoMeetings is returned by WriteICS for no meetings at all: a calendar
// file without an event imports as nothing, which looks like a failure.
var ErrNoMeetings = errors.New("there are no meetings to put in a calendar: add a meeting first")

// Calendar says how WriteICS-style output is made. The zero value is ready
// to use; WriteICS uses it with the current time.
type Calendar struct {
	// Name is shown by calendar apps for the imported calendar, when set.
	Name string
	// Namespace is put in every UID, so that two workspaces whose meetings
	// share IDs do not overwrite each other in one calendar: use the
	// workspace's ID (partnerkit.Workspace.WorkspaceID). Empty means
	// "partnerkit".
	Namespace string
	// Stamp is the DTSTAMP of every event: when the calendar was made. Zero
	// means the current time.
	Stamp time.Time
	// People is the partnership whose people's e-mail addresses invite the
	// attendees that name a Person and give no Email; nil for none.
	People *partnership.Partnership
}

// WriteICS writes the meetings as an iCalendar file (RFC 5545) that Google
// Calendar, Outlook and Apple Calendar import. It returns ErrNoMeetings for
// no meetings; a meeting without a start or an ID cannot be placed in a
// calendar and is an error too.
//
// Each meeting is one VEVENT, with:
//   - a UID that stays the meeting's for good, in the calendar's Namespace,
//     and a SEQUENCE, the meeting's Revision, so that importing the meeting
//     again after a change updates its entry instead of adding one;
//   - DTSTART and DTEND as the time of day in the meeting's time zone,
//     "DTSTART;TZID=America/Chicago:20270420T153000", with a VTIMEZONE that
//     gives the zone's rules;
//   - SUMMARY, LOCATION and a DESCRIPTION holding the agenda;
//   - an ORGANIZER, the attendee marked Organizer, and one ATTENDEE for each
//     attendee with an e-mail address, who is asked to reply.
//
// Why a zone and not UTC: a meeting is held at 3:30 PM where the district
// is, and a calendar that knows its zone keeps it there when someone moves
// it to another date, and if the zone's rules change. Google Calendar keeps
// an event's zone as an IANA name, which the TZID is; Outlook reads the
// VTIMEZONE, and only the form it writes itself, one daylight and one
// standard rule each with a yearly RRULE, which is the form written here.
// A meeting the zone's current rule does not describe (one in a year whose
// rules were different, or at the repeated hour of the night clocks go
// back, which a time of day cannot tell apart) is written in UTC instead,
// which is exact; so is one in UTC or in a zone with no name.
func WriteICS(w io.Writer, ms ...Meeting) error {
	return Calendar{}.Write(w, ms...)
}

// Write writes the meetings as WriteICS does, with c's settings.
//
// The writer is our own, some two hundred lines that follow RFC 5545 for
// the few properties a meeting needs: CRLF line ends, TEXT escaping,
// quoted parameters, and folding at 75 octets without splitting a
// character. golang-ical, which the tests use to parse the output back,
// would bring net/http and crypto/tls into every program that imports this
// package, the browser page included, adding about 0.55 MB to a page that
// must stay under 4 MB.
func (c Calendar) Write(w io.Writer, ms ...Meeting) error {
	if len(ms) == 0 {
		return ErrNoMeetings
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
	}
	zones := icsZones(ms)

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
	for _, z := range zones.list {
		z.write(cw)
	}
	for _, m := range ms {
		end := m.End()
		if m.Minutes <= 0 {
			end = m.Start
		}
		cw.line("BEGIN", "VEVENT")
		cw.line("UID", c.uid(m))
		cw.line("DTSTAMP", icsUTC(stamp))
		cw.line("SEQUENCE", strconv.Itoa(max(m.Revision, 0)))
		zones.dateTime(cw, "DTSTART", m.Start)
		zones.dateTime(cw, "DTEND", end)
		cw.text("SUMMARY", m.Title)
		if m.Location != "" {
			cw.text("LOCATION", m.Location)
		}
		cw.text("DESCRIPTION", Description(m))
		if m.Cadence != "" {
			cw.text("CATEGORIES", string(m.Cadence))
		}
		c.people(cw, m)
		cw.line("END", "VEVENT")
	}
	cw.line("END", "VCALENDAR")
	if _, err := io.WriteString(w, cw.b.String()); err != nil {
		return fmt.Errorf("writing the calendar: %w", err)
	}
	return nil
}

// people writes the meeting's ORGANIZER and its ATTENDEEs: one for each
// attendee with an e-mail address, once per address. The organizer chairs
// the meeting and has accepted it; everyone else is a required participant
// asked to reply.
func (c Calendar) people(cw *icsWriter, m Meeting) {
	seen := map[string]bool{}
	for _, a := range m.Attendees {
		name, email := c.contact(a)
		if a.Organizer && email != "" {
			cw.param("ORGANIZER", calAddress(email), "CN", name)
			break
		}
	}
	for _, a := range m.Attendees {
		name, email := c.contact(a)
		key := strings.ToLower(email)
		if email == "" || seen[key] {
			continue
		}
		seen[key] = true
		if a.Organizer {
			cw.param("ATTENDEE", calAddress(email), "CN", name, "CUTYPE", "INDIVIDUAL", "ROLE", "CHAIR", "PARTSTAT", "ACCEPTED", "RSVP", "FALSE")
			continue
		}
		cw.param("ATTENDEE", calAddress(email), "CN", name, "CUTYPE", "INDIVIDUAL", "ROLE", "REQ-PARTICIPANT", "PARTSTAT", "NEEDS-ACTION", "RSVP", "TRUE")
	}
}

// Invites reports whether the calendar file invites the attendee: whether
// it knows an e-mail address for them.
func (c Calendar) Invites(a partnership.Attendee) bool {
	_, email := c.contact(a)
	return email != ""
}

// contact returns the attendee's name and where their invitation goes: as
// the meeting gives them, else as the partnership knows their person.
func (c Calendar) contact(a partnership.Attendee) (name, email string) {
	name, email = a.Name, strings.TrimSpace(a.Email)
	if c.People == nil || a.Person == "" {
		return name, email
	}
	if p, ok := c.People.Person(a.Person); ok {
		if name == "" {
			name = p.Name
		}
		if email == "" {
			email = strings.TrimSpace(p.Email)
		}
	}
	return name, email
}

// calAddress returns the mailto: URI of an e-mail address. Anything but the
// characters an address is made of is percent-encoded, so that even an
// address that failed validation cannot end the line or the property.
func calAddress(email string) string {
	var b strings.Builder
	b.WriteString("mailto:")
	for i := 0; i < len(email); i++ {
		ch := email[i]
		if ch < 0x80 && (ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte("@.!#$&'*+/=?^_`{|}~-", ch) >= 0) {
			b.WriteByte(ch)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", ch)
	}
	return b.String()
}

// Revise records a change to m for calendars. When what a calendar shows
// of m (title, time, length, place, attendees and their addresses, agenda,
// open actions) differs from what it shows of before, m.Revision becomes
// before.Revision+1; when it does not, before.Revision. Calling it again
// with the same before changes nothing, so an editor keeps before as the
// meeting stood when it was last written to a calendar (or opened), and
// revises against it after every change: each calendar file then carries a
// SEQUENCE that grows exactly when its content changed.
func (m *Meeting) Revise(before Meeting) {
	if calendarView(*m) == calendarView(before) {
		m.Revision = before.Revision
		return
	}
	m.Revision = before.Revision + 1
}

// calendarView is what a calendar entry shows of m, as one string.
func calendarView(m Meeting) string {
	var b strings.Builder
	b.WriteString(m.ID + "\x00" + m.Title + "\x00" + m.Location + "\x00" + string(m.Cadence) + "\x00")
	b.WriteString(m.Start.Format(time.RFC3339Nano) + "\x00" + m.Start.Location().String() + "\x00" + strconv.Itoa(m.Minutes) + "\x00")
	b.WriteString(Description(m) + "\x00")
	for _, a := range m.Attendees {
		b.WriteString(a.Name + "\x01" + a.Person + "\x01" + a.Email + "\x01" + strconv.FormatBool(a.Organizer) + "\x00")
	}
	return b.String()
}

// icsUTC writes t as an iCalendar UTC date-time, such as 20260915T193000Z.
func icsUTC(t time.Time) string {
	return t.UTC().Format("20060102T150405Z")
}

// icsLocal writes t's time of day as an iCalendar local date-time, such as
// 20270420T153000.
func icsLocal(t time.Time) string {
	return t.Format("20060102T150405")
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

// param writes a property with parameters given as name, value pairs. Each
// value is quoted; a parameter value can hold no line break, control
// character or double quote, and readers differ on backslashes, so those
// are dropped, or become ' and /.
func (cw *icsWriter) param(name, value string, params ...string) {
	var b strings.Builder
	b.WriteString(name)
	for i := 0; i+1 < len(params); i += 2 {
		v := strings.Map(func(r rune) rune {
			switch {
			case r == '"':
				return '\''
			case r == '\\':
				return '/'
			case r == '\n', r == '\t':
				return ' '
			case unicode.IsControl(r):
				return -1
			}
			return r
		}, icsText(params[i+1]))
		b.WriteString(";" + params[i] + "=")
		if strings.ContainsAny(v, ";:,") || v != strings.TrimSpace(v) || v == "" || params[i] == "CN" {
			b.WriteString(`"` + v + `"`)
		} else {
			b.WriteString(v)
		}
	}
	cw.fold(b.String() + ":" + value)
}

// line writes "NAME:value".
func (cw *icsWriter) line(name, value string) {
	cw.fold(name + ":" + value)
}

// fold writes a content line folded so that no line is longer than 75
// octets: a continuation line starts with one space, and a character is
// never split across lines.
func (cw *icsWriter) fold(l string) {
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

// trailingBackslashes counts the backslashes that end s.
func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
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
				due = "due " + words.Day(a.Due)
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
