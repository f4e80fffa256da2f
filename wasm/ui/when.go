package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/internal/zone"
	"github.com/partnerkit/partnerkit/partnership"
)

// Times in the page: the workspace's time zone, chosen from the browser's
// on first use and changed here; dates and times typed the way people in
// the United States write them (3/2/2027, 3:30 PM) as well as the forms the
// browser's pickers give; and shown the same way, on the 12-hour clock
// unless the browser's locale keeps a 24-hour one.

// timeFields are the values of the workspace that say when: its time zone
// and who sends each meeting's invitations.
func timeFields() []Field {
	return []Field{
		{Path: "timeZone", Label: "Time zone of the meetings", Words: "time zone", Kind: KindChoice,
			Hint:    "Meetings keep their time of day in this zone all year, for everyone who opens the workspace. Changing it keeps each meeting at the same moment.",
			Options: func(a *App, _ Loc) []Option { return a.zoneOptions() },
			Write: func(a *App, at Loc, text string) bool {
				if text == "" {
					return false
				}
				if err := a.ws.SetTimeZone(text); err != nil {
					a.notify(Notice{Kind: "problem", Text: "That time zone is not one partnerkit knows. Choose one from the list."})
					return false
				}
				return true
			}},
		{Path: "meetings[].attendees[].organizer", Label: "Sends the invitations", Words: "who sends the invitations", Kind: KindCheck,
			LabelAt: func(a *App, at Loc) string {
				if x, ok := a.attendee(at); ok {
					return named(x.Name, "This attendee") + " sends the invitations"
				}
				return "Sends the invitations"
			},
			Toggle: func(a *App, at Loc, _ string) bool {
				m, j := at.at(0), at.at(1)
				if m < 0 || m >= len(a.ws.Meetings) || j < 0 || j >= len(a.ws.Meetings[m].Attendees) {
					return false
				}
				list := a.ws.Meetings[m].Attendees
				on := !list[j].Organizer
				for k := range list {
					list[k].Organizer = false // one organizer: the calendar entry has one
				}
				list[j].Organizer = on
				return true
			}},
	}
}

// attendee returns the attendee at a meetings[].attendees[] location.
func (a *App) attendee(at Loc) (partnership.Attendee, bool) {
	m, j := at.at(0), at.at(1)
	if m < 0 || m >= len(a.ws.Meetings) || j < 0 || j >= len(a.ws.Meetings[m].Attendees) {
		return partnership.Attendee{}, false
	}
	return a.ws.Meetings[m].Attendees[j], true
}

// zoneOptions are the time zones to choose from: the browser's first when
// it is not in the United States list, then those of the fifty states and
// the territories, east to west. A workspace with no zone yet asks for one.
func (a *App) zoneOptions() []Option {
	var out []Option
	if a.ws.TimeZone == "" {
		out = append(out, Option{"", "Choose the district's time zone"})
	}
	if tz := a.cfg.TimeZone; tz != "" && zone.Canonical(tz) == "" {
		if _, err := zone.Load(tz); err == nil {
			out = append(out, Option{tz, tz + " (this device's time zone)"})
		}
	}
	device := zone.Canonical(a.cfg.TimeZone)
	for _, z := range zone.US() {
		label := z.Label
		if z.Name == device {
			label += " (this device's time zone)"
		}
		out = append(out, Option{z.Name, label})
	}
	if c := zone.Canonical(a.ws.TimeZone); c != "" && c != a.ws.TimeZone {
		// The workspace names a zone by another of its names (US/Central):
		// that name is the one to show chosen.
		for i := range out {
			if out[i].Value == c {
				out[i].Value = a.ws.TimeZone
			}
		}
	}
	return out
}

// zoneFromBrowser gives a workspace without a time zone the browser's, with
// its meetings kept at the same instants (partnerkit.Workspace.SetTimeZone),
// and says so when it has meetings already, made before it had a zone.
func (a *App) zoneFromBrowser() {
	if a.ws.TimeZone != "" || a.cfg.TimeZone == "" {
		return
	}
	if err := a.ws.SetTimeZone(a.cfg.TimeZone); err != nil {
		return // a zone partnerkit does not know: the Meetings tab asks for one
	}
	if len(a.ws.Meetings) > 0 {
		a.notify(Notice{Kind: "ok", Text: "The meetings' times are now in " + a.zoneName() +
			", this device's time zone. If the district is in another one, choose it on the Meetings tab: each meeting keeps its moment."})
	}
}

// zoneName names the workspace's time zone in words.
func (a *App) zoneName() string {
	if c := zone.Canonical(a.ws.TimeZone); c != "" {
		for _, z := range zone.US() {
			if z.Name == c {
				return z.Label
			}
		}
	}
	if a.ws.TimeZone == "" {
		return "Coordinated Universal Time (UTC)"
	}
	return a.ws.TimeZone
}

// clock writes a time of day as the user's locale does: 3:30 PM, or 15:30
// on a 24-hour clock.
func (a *App) clock(t time.Time) string {
	if a.cfg.Clock24 {
		return t.Format("15:04")
	}
	return words.Clock(t)
}

// when writes a date and time as people in the United States do:
// "Wed, Jan 20, 2027, 3:30 PM", with the zone's abbreviation when the
// workspace's zone is not the device's, so nobody reads another zone's
// time as their own.
func (a *App) when(t time.Time) string {
	if t.IsZero() {
		return "no date yet"
	}
	s := t.Format("Mon, Jan 2, 2006") + ", " + a.clock(t)
	if !a.deviceZone(t.Location()) {
		abbr, _ := t.Zone()
		s += " " + abbr
	}
	return s
}

// day writes a date in full, as in "Wednesday, April 21, 2027".
func day(t time.Time) string { return t.Format("Monday, January 2, 2006") }

// deviceZone reports whether loc is the browser's time zone (or the page
// does not know the browser's).
func (a *App) deviceZone(loc *time.Location) bool {
	if a.cfg.TimeZone == "" {
		return true
	}
	name := loc.String()
	return name == a.cfg.TimeZone || zone.Canonical(name) != "" && zone.Canonical(name) == zone.Canonical(a.cfg.TimeZone)
}

// parseWhen reads a date and time typed in a field: the form the browser's
// picker gives (2027-03-02T15:30), or a date and a time as people write
// them, "3/2/2027 3:30 PM", "March 2, 2027, 3:30 pm", "2027-03-02 15:30".
// The time is a time of day in loc (see agenda.WallClock).
func parseWhen(text string, loc *time.Location) (time.Time, string) {
	const problem = "Choose a date and a time, or write them as 3/2/2027 3:30 PM."
	s := strings.TrimSpace(text)
	if t, err := time.ParseInLocation(localLayout, s, time.UTC); err == nil {
		return agenda.WallClock(t, loc), ""
	}
	// The time is the last one or two words ("3:30 PM", "15:30", "3pm").
	f := strings.Fields(strings.ReplaceAll(strings.Replace(s, "T", " ", 1), ",", " "))
	for n := 1; n <= 2 && n < len(f); n++ {
		h, m, err := agenda.ParseClock(strings.Join(f[len(f)-n:], " "))
		if err != nil {
			continue
		}
		d, err := partnership.ParseDate(strings.Join(f[:len(f)-n], " "))
		if err != nil {
			continue
		}
		t, _ := d.Time()
		return agenda.WallClock(time.Date(t.Year(), t.Month(), t.Day(), h, m, 0, 0, time.UTC), loc), ""
	}
	return time.Time{}, problem
}

// parseDay reads a date typed in a field: the form the browser's picker
// gives (2027-03-02) or one people write (3/2/2027, March 2, 2027). Nothing
// typed means no date.
func parseDay(text string) (partnership.Date, string) {
	if strings.TrimSpace(text) == "" {
		return "", ""
	}
	d, err := partnership.ParseDate(text)
	if err != nil {
		return "", "Choose a date, or write it as 3/2/2027."
	}
	return d, ""
}

// parseDays reads a list of dates, one a line, as parseDay does; the
// problem names the line that is not a date.
func parseDays(text string) ([]string, string) {
	var out []string
	for _, l := range lines(text) {
		d, prob := parseDay(l)
		if prob != "" {
			return nil, fmt.Sprintf("%q is not a date: write each date on its own line, as 3/2/2027.", l)
		}
		out = append(out, string(d))
	}
	return out, ""
}

// formatDays shows a list of dates one a line, as 3/2/2027.
func formatDays(ds []string) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = partnership.USDate(partnership.Date(d))
	}
	return strings.Join(out, "\n")
}
