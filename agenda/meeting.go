// Package agenda runs the meetings of a partnership: the third tool of the
// ODST "Standards for Effective Partnerships" (2015), the quarterly meeting
// agenda, and the shorter check-ins built from the same questions.
//
// A Meeting is one meeting, its agenda before and its record after. Quarterly
// and Monthly return the built-in templates; At dates one; Check says what is
// missing (time, people, owners, due dates, the record); Next opens the
// following meeting with the open action items carried over; Schedule plans a
// school year; WriteICS exports meetings to a calendar; WriteMarkdown and
// WriteHTML print the agenda before the meeting and the minutes after it.
package agenda

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// Meeting is one meeting of the partnership: its agenda before, its record
// after. Its JSON form is an entry of the workspace's "meetings".
type Meeting struct {
	// ID identifies the meeting for good: calendar entries (the ICS UID) and
	// the action items raised in it are named after it.
	ID      string              `json:"id" validate:"required,id"`
	Title   string              `json:"title" validate:"required,max=200"`
	Cadence partnership.Cadence `json:"cadence" validate:"required,oneof=weekly monthly quarterly"`
	// Start is the date and time the meeting begins: a time of day in the
	// workspace's time zone, which Start's Location is (see WallClock).
	Start time.Time `json:"start" validate:"required"`
	// Minutes is the length of the meeting.
	Minutes  int    `json:"minutes" validate:"gt=0,lte=1440"`
	InPerson bool   `json:"inPerson"`
	Location string `json:"location,omitempty" validate:"max=500"`
	// Attendees are the people expected before the meeting and present
	// after it; each needs a name and a side.
	Attendees []partnership.Attendee `json:"attendees,omitempty" validate:"dive"`
	Sections  []Section              `json:"sections,omitempty" validate:"dive"`
	// Actions are the action items: those carried over from earlier meetings
	// first, then those raised in this one.
	Actions []Action `json:"actions,omitempty" validate:"dive"`
	// Prep is what to gather before the meeting.
	Prep []PrepItem `json:"prep,omitempty" validate:"dive"`
	// Record is the notes of the conversation as a whole.
	Record string `json:"record,omitempty"`
	// Closed is set when the meeting has taken place and its record is
	// complete; from then on Check looks for the record and the new actions.
	Closed bool `json:"closed,omitempty"`
	// Revision counts the changes to what a calendar shows of the meeting
	// since it was created; calendar files carry it (as SEQUENCE) so that a
	// calendar that imports the meeting again takes the change. Revise keeps
	// it.
	Revision int `json:"revision,omitempty" validate:"gte=0"`
}

// Section is one part of the agenda, given a number of minutes.
type Section struct {
	Title string `json:"title" validate:"required,max=200"`
	// Theme is the ID of the framework theme the section reviews, or empty
	// for a section such as the wrap-up that reviews none.
	Theme     string     `json:"theme,omitempty" validate:"omitempty,oneof=alignment resources metrics communication"`
	Minutes   int        `json:"minutes" validate:"gte=0,lte=1440"`
	Questions []Question `json:"questions,omitempty" validate:"dive"`
}

// Question is a monitoring question with the notes taken on it.
type Question struct {
	Text  string `json:"text" validate:"required,max=1000"`
	Notes string `json:"notes,omitempty"`
}

// Action is an action item: who does what by when.
type Action struct {
	// ID stays the same when the item is carried over to later meetings.
	ID    string           `json:"id" validate:"required,id"`
	Text  string           `json:"text" validate:"required,max=2000"`
	Owner string           `json:"owner,omitempty" validate:"max=200"`
	Due   partnership.Date `json:"due,omitempty" validate:"omitempty,date"`
	// Status is open or done; empty counts as open.
	Status partnership.Status `json:"status,omitempty" validate:"omitempty,oneof=open done"`
	// DoneOn is the day the item was done, when known; with it, a review of
	// the partnership over time can tell whether the item was closed on time.
	DoneOn partnership.Date `json:"doneOn,omitempty" validate:"omitempty,date"`
	// Section is the title of the section the item was raised in, or empty.
	Section string `json:"section,omitempty" validate:"max=200"`
	// From is the ID of the meeting that raised the item, set when Next
	// carries it over; empty means this meeting raised it.
	From string `json:"from,omitempty" validate:"omitempty,id"`
}

// IsOpen reports whether the item still has to be done.
func (a Action) IsOpen() bool { return a.Status != partnership.Done }

// PrepItem is one thing to prepare before the meeting.
type PrepItem struct {
	Text string `json:"text" validate:"required,max=1000"`
	Done bool   `json:"done,omitempty"`
}

// Decode reads one meeting from JSON: unknown fields and mistyped values are
// a *partnership.ValidationError naming each by JSON path, then Validate
// checks the values. A meeting that is well formed but not valid is
// returned along with Validate's *partnership.ValidationError, so that a
// draft can still be shown and corrected. An error reading r is returned
// wrapped.
func Decode(r io.Reader) (Meeting, error) {
	var m Meeting
	ve := new(partnership.ValidationError)
	if err := schema.Read(r, &m, ve); err != nil {
		return Meeting{}, fmt.Errorf("reading the meeting: %w", err)
	}
	if err := ve.Err(); err != nil {
		return Meeting{}, err
	}
	return m, m.Validate()
}

// Validate checks the meeting and returns a *partnership.ValidationError
// listing every problem by JSON path relative to the meeting
// ("actions[0].due"), or nil. It checks what must hold for the meeting to be
// stored (an ID, a start, known values, action IDs used once); what is merely
// missing for a good meeting, such as an owner, is for Check.
func (m Meeting) Validate() error {
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", &m)
	for i, a := range m.Attendees {
		if a.Name == "" {
			ve.Add(fmt.Sprintf("attendees[%d].name", i), "name is required")
		}
		if a.Side == "" {
			ve.Add(fmt.Sprintf("attendees[%d].side", i), "side is required")
		}
	}
	organizer := -1
	for i, a := range m.Attendees {
		if !a.Organizer {
			continue
		}
		if organizer >= 0 {
			ve.Add(fmt.Sprintf("attendees[%d].organizer", i), "only one attendee can be the organizer, and attendees[%d] is", organizer)
			continue
		}
		organizer = i
	}
	seen := make(map[string]int, len(m.Actions))
	for i, a := range m.Actions {
		if a.ID == "" {
			continue
		}
		if j, dup := seen[a.ID]; dup {
			ve.Add(fmt.Sprintf("actions[%d].id", i), "id %q is already used at actions[%d]; every action item needs its own id", a.ID, j)
			continue
		}
		seen[a.ID] = i
	}
	return ve.Err()
}

// End returns when the meeting is due to end: Start plus Minutes.
func (m Meeting) End() time.Time {
	return m.Start.Add(time.Duration(m.Minutes) * time.Minute)
}

// Planned returns the minutes the sections add up to.
func (m Meeting) Planned() int {
	n := 0
	for _, s := range m.Sections {
		n += s.Minutes
	}
	return n
}

// WrapUp returns the index of the wrap-up section (the last section without
// a theme), or -1 when there is none.
func (m Meeting) WrapUp() int {
	for i := len(m.Sections) - 1; i >= 0; i-- {
		if m.Sections[i].Theme == "" {
			return i
		}
	}
	return -1
}

// IDFor returns an ID for a meeting of cadence c that starts at start, such
// as "2026-09-15-quarterly", made different from every ID in taken by a
// numeric suffix when needed.
func IDFor(start time.Time, c partnership.Cadence, taken ...string) string {
	base := start.Format(time.DateOnly)
	if c != "" {
		base += "-" + string(c)
	}
	base = strings.ToLower(base)
	id := base
	for n := 2; slices.Contains(taken, id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// At returns a copy of the template m dated start: its ID is set with IDFor
// when empty, and its notes, actions and record are left as they are. Use it
// to turn Quarterly() or Monthly() into a meeting:
//
//	m := agenda.Quarterly().At(start)
func (m Meeting) At(start time.Time) Meeting {
	out := m.clone()
	out.Start = start
	if out.ID == "" {
		out.ID = IDFor(start, out.Cadence)
	}
	return out
}

// Clone returns a deep copy of m: changing one leaves the other as it was.
func (m Meeting) Clone() Meeting { return m.clone() }

// clone returns a deep copy of m, so that changing it leaves m as it was.
func (m Meeting) clone() Meeting {
	out := m
	out.Attendees = make([]partnership.Attendee, len(m.Attendees))
	for i, a := range m.Attendees {
		a.Roles = append([]partnership.Role(nil), a.Roles...)
		out.Attendees[i] = a
	}
	out.Sections = make([]Section, len(m.Sections))
	for i, s := range m.Sections {
		s.Questions = append([]Question(nil), s.Questions...)
		out.Sections[i] = s
	}
	out.Actions = append([]Action(nil), m.Actions...)
	out.Prep = append([]PrepItem(nil), m.Prep...)
	if len(out.Attendees) == 0 {
		out.Attendees = nil
	}
	if len(out.Sections) == 0 {
		out.Sections = nil
	}
	return out
}
