package partnerkit

import (
	"fmt"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/zone"
	"github.com/partnerkit/partnerkit/partnership"
)

// Location returns the workspace's time zone: TimeZone, or UTC when it is
// empty or not a zone (which Validate reports). The zones of the United
// States and its territories are built in, so this works the same in the
// browser and on a computer without a zone database; other zones need the
// system's.
func (ws *Workspace) Location() *time.Location {
	loc, err := zone.Load(ws.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// SetTimeZone makes name, an IANA name such as "America/Chicago", the
// workspace's time zone, and moves every meeting into it at the same
// instant: a meeting that was at 21:30 UTC is at 3:30 PM in Chicago in
// January. (Choosing a zone once more after a wrong choice therefore brings
// the meetings back to where they were.) It returns an error wrapping
// zone.ErrUnknown for a name that is not a time zone, and changes nothing
// then.
func (ws *Workspace) SetTimeZone(name string) error {
	loc, err := zone.Load(name)
	if err != nil {
		return fmt.Errorf("timeZone: %w", err)
	}
	ws.TimeZone = name
	for i := range ws.Meetings {
		if !ws.Meetings[i].Start.IsZero() {
			ws.Meetings[i].Start = ws.Meetings[i].Start.In(loc)
		}
	}
	return nil
}

// placeMeetings puts every meeting of a decoded workspace in its zone: by
// wall-clock time when the workspace has a zone, by instant in UTC when it
// has none. A zone that is not one leaves the meetings as the file gave
// them, for Validate to report.
func placeMeetings(ws *Workspace) {
	loc, err := zone.Load(ws.TimeZone)
	if err != nil {
		return
	}
	for i := range ws.Meetings {
		t := ws.Meetings[i].Start
		switch {
		case t.IsZero():
		case ws.TimeZone == "":
			ws.Meetings[i].Start = t.UTC()
		default:
			ws.Meetings[i].Start = agenda.WallClock(t, loc)
		}
	}
}

// zoneProblems checks the time zone, and that every meeting is in it: a
// meeting placed in another zone (by a program that built the workspace,
// since Decode places them all) would move when saved and read again.
func zoneProblems(ws *Workspace) []partnership.Problem {
	loc, err := zone.Load(ws.TimeZone)
	if err != nil {
		return []partnership.Problem{{
			Path:    "timeZone",
			Message: fmt.Sprintf("timeZone must be the name of a time zone such as America/Chicago or America/New_York, not %q", ws.TimeZone),
		}}
	}
	var out []partnership.Problem
	for i, m := range ws.Meetings {
		if m.Start.IsZero() || m.Start.Location().String() == loc.String() {
			continue
		}
		msg := fmt.Sprintf("start is in the time zone %q, not the workspace's %s; place it with Start.In(ws.Location())", m.Start.Location(), ws.TimeZone)
		if ws.TimeZone == "" {
			msg = fmt.Sprintf("start is in the time zone %q, but the workspace has no timeZone, so its times are in UTC; set timeZone", m.Start.Location())
		}
		out = append(out, partnership.Problem{Path: fmt.Sprintf("meetings[%d].start", i), Message: msg})
	}
	return out
}

// Calendar returns how the workspace's meetings are written to a calendar
// file (agenda.Calendar.Write): named after the partnership, each UID in
// the workspace's id, so that two workspaces' meetings never overwrite each
// other, and attendees invited at their e-mail in the partnership.
func (ws *Workspace) Calendar() agenda.Calendar {
	c := agenda.Calendar{Name: "Partnership meetings", Namespace: ws.WorkspaceID, People: ws.Partnership}
	if ws.Partnership != nil && ws.Partnership.Name != "" {
		c.Name = ws.Partnership.Name
	}
	return c
}
