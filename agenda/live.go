package agenda

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/partnership"
)

// ErrNoSuchAction is returned for an action ID the meeting does not hold.
var ErrNoSuchAction = errors.New("no such action item")

// IndexError is returned for a section or question number that the meeting
// does not have.
type IndexError struct {
	// What is "section" or "question".
	What  string
	Index int
	// Len is how many there are.
	Len int
}

// Error says which number was asked for and which exist.
func (e *IndexError) Error() string {
	if e.Len == 0 {
		return fmt.Sprintf("there is no %s %d: there are none", e.What, e.Index)
	}
	return fmt.Sprintf("there is no %s %d: choose 0 to %d", e.What, e.Index, e.Len-1)
}

// Slot is a section's planned place in time.
type Slot struct {
	Section    int
	Start, End time.Time
}

// Timeline returns when each section is planned to begin and end, one after
// another from the meeting's start.
func (m Meeting) Timeline() []Slot {
	out := make([]Slot, len(m.Sections))
	t := m.Start
	for i, s := range m.Sections {
		end := t.Add(time.Duration(s.Minutes) * time.Minute)
		out[i] = Slot{Section: i, Start: t, End: end}
		t = end
	}
	return out
}

// Remaining returns the time left in section i when it began at since and
// it is now now; it is negative once the section runs over. A live meeting
// keeps its own "since" for the section under way, because sections rarely
// start exactly on plan.
func (m Meeting) Remaining(i int, since, now time.Time) (time.Duration, error) {
	if i < 0 || i >= len(m.Sections) {
		return 0, &IndexError{What: "section", Index: i, Len: len(m.Sections)}
	}
	return since.Add(time.Duration(m.Sections[i].Minutes) * time.Minute).Sub(now), nil
}

// Countdown formats a remaining time as minutes and seconds, "4:05", with a
// minus sign when it has run over, "-1:30". Parts of a second are dropped
// towards zero.
func Countdown(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign = "-"
		d = -d
	}
	s := int64(d / time.Second)
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// Note adds a note taken during the meeting: to question q of section s, or,
// when q is -1, to the meeting's record, headed by the section's title. The
// text is kept as typed; it goes on a new line after earlier notes. A note of
// spaces only is ignored.
func (m *Meeting) Note(s, q int, text string) error {
	if s < 0 || s >= len(m.Sections) {
		return &IndexError{What: "section", Index: s, Len: len(m.Sections)}
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	sec := &m.Sections[s]
	if q == -1 {
		m.Record = appendLine(m.Record, sec.Title+": "+text)
		return nil
	}
	if q < 0 || q >= len(sec.Questions) {
		return &IndexError{What: "question", Index: q, Len: len(sec.Questions)}
	}
	sec.Questions[q].Notes = appendLine(sec.Questions[q].Notes, text)
	return nil
}

func appendLine(notes, text string) string {
	if notes == "" {
		return text
	}
	return strings.TrimRight(notes, "\n") + "\n" + text
}

// AddAction adds an action item raised at this meeting and returns it as
// stored: an empty ID gets a new one made of the meeting's ID and random
// letters ("2026-09-15-quarterly.a-7k2q9x4m1d"), so that actions added to
// the same meeting in two copies of a workspace stay two actions when the
// copies are merged; an empty status becomes open.
func (m *Meeting) AddAction(a Action) Action {
	if a.ID == "" {
		a.ID = m.nextActionID()
	}
	if a.Status == "" {
		a.Status = partnership.Open
	}
	m.Actions = append(m.Actions, a)
	return a
}

// nextActionID returns an action ID not used in the meeting yet. IDs are
// made of the meeting's ID so that they stay unique when carried over.
func (m *Meeting) nextActionID() string {
	base := m.ID
	if base == "" {
		base = "action"
	}
	for {
		id := partnership.NewID(base + ".a")
		if _, ok := m.action(id); !ok {
			return id
		}
	}
}

func (m *Meeting) action(id string) (int, bool) {
	for i, a := range m.Actions {
		if a.ID == id {
			return i, true
		}
	}
	return -1, false
}

// SetStatus marks action item id open or done. Reopening an item clears the
// day it was done. It returns an error wrapping ErrNoSuchAction for an
// unknown ID.
func (m *Meeting) SetStatus(id string, s partnership.Status) error {
	if s != partnership.Open && s != partnership.Done {
		return fmt.Errorf("status must be %s or %s, not %q", partnership.Open, partnership.Done, s)
	}
	i, ok := m.action(id)
	if !ok {
		return fmt.Errorf("action item %q: %w", id, ErrNoSuchAction)
	}
	m.Actions[i].Status = s
	if s == partnership.Open {
		m.Actions[i].DoneOn = ""
	}
	return nil
}

// Close marks the meeting as held. Check then expects a record and new
// action items.
func (m *Meeting) Close() { m.Closed = true }

// Next returns the meeting that follows m, starting at start: the same
// title, cadence, length, place, attendees, sections and questions (without
// their notes) and preparation list (not done yet), with m's open action
// items carried over first, as Carry does. Done items, notes and the record
// stay with m. The new meeting's ID comes from IDFor and differs from m's;
// check it against the other meetings of the workspace, and choose another
// with IDFor(start, cadence, taken...) if it is used.
func Next(m Meeting, start time.Time) Meeting {
	next := m.clone()
	next.Start = start
	next.ID = IDFor(start, m.Cadence, m.ID)
	next.Record = ""
	next.Closed = false
	for i := range next.Sections {
		for j := range next.Sections[i].Questions {
			next.Sections[i].Questions[j].Notes = ""
		}
	}
	for i := range next.Prep {
		next.Prep[i].Done = false
	}
	next.Actions = nil
	return Carry(m, next)
}

// Carry returns next with the open action items of prev put first, for a
// meeting that was planned ahead, such as one from Schedule, or one of a
// different cadence (Carry(q3, agenda.Monthly().At(start))). Carried items
// keep their IDs and say in From which meeting raised them; an item next
// already holds is left as next has it. prev and next are not changed.
func Carry(prev, next Meeting) Meeting {
	out := next.clone()
	var carried []Action
	for _, a := range prev.Actions {
		if !a.IsOpen() {
			continue
		}
		if _, ok := out.action(a.ID); ok {
			continue
		}
		if a.From == "" {
			a.From = prev.ID
		}
		a.Status = partnership.Open
		carried = append(carried, a)
	}
	if len(carried) > 0 {
		out.Actions = append(carried, out.Actions...)
	}
	return out
}

// Carried reports whether action a came from an earlier meeting than m.
func (m Meeting) Carried(a Action) bool { return a.From != "" && a.From != m.ID }

// Due returns the open action items due on or before day d, in order.
func (m Meeting) Due(d partnership.Date) []Action {
	var out []Action
	for _, a := range m.Actions {
		if a.IsOpen() && a.Due != "" && a.Due <= d {
			out = append(out, a)
		}
	}
	return out
}
