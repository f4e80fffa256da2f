package partnership

import "slices"

// Cadence is how often meetings recur: the contract's plan for them, and
// the kind of each meeting of the agenda.
type Cadence string

// The cadences, most frequent first. The framework asks for at least
// monthly contact and a formal review every quarter.
const (
	Weekly      Cadence = "weekly"
	Monthly     Cadence = "monthly"
	Quarterly   Cadence = "quarterly"
	TwiceYearly Cadence = "twice-yearly"
	Yearly      Cadence = "yearly"
)

// Side is the party a person speaks for at a meeting. The source wants the
// district, the partner and the school represented at every meeting.
type Side string

// The three sides.
const (
	DistrictSide Side = "district"
	PartnerSide  Side = "partner"
	SchoolSide   Side = "school"
)

// Sides returns the three sides in a fixed order.
func Sides() []Side { return []Side{DistrictSide, PartnerSide, SchoolSide} }

// SideOf returns the side a person of the partnership speaks for: the
// school for a school leader of the district, the district for its other
// people, the partner for a partner's people, and "" for a person of an
// organisation the partnership does not have.
func (p *Partnership) SideOf(x Person) Side {
	switch {
	case p.IsDistrict(x.Org) && x.HasRole(SchoolLeader):
		return SchoolSide
	case p.IsDistrict(x.Org):
		return DistrictSide
	}
	if _, ok := p.Partner(x.Org); ok {
		return PartnerSide
	}
	return ""
}

// Attendee returns the person with the given ID as an attendee of a
// meeting: name, person ID, the side they speak for (see SideOf) and their
// roles in the partnership.
func (p *Partnership) Attendee(personID string) (Attendee, bool) {
	x, ok := p.Person(personID)
	if !ok {
		return Attendee{}, false
	}
	return Attendee{Name: x.Name, Person: x.ID, Side: p.SideOf(x), Roles: slices.Clone(x.Roles)}, true
}

// Status says whether something agreed on is done: an action item, or a
// practice of the contract supplement. The zero value counts as Open.
type Status string

// The two statuses.
const (
	Open Status = "open"
	Done Status = "done"
)

// UnmarshalText reads a status as written, and "pending", which files
// written before partnerkit had one status for every tool used for Open.
func (s *Status) UnmarshalText(text []byte) error {
	*s = Status(text)
	if *s == "pending" {
		*s = Open
	}
	return nil
}

// Attendee is someone expected at, or present at, a meeting: the drafting
// session of the contract supplement or a meeting of the agenda.
type Attendee struct {
	// Name is the name as typed; when Person is given and Name is empty, the
	// person's name in the partnership is meant.
	Name string `json:"name,omitempty" validate:"max=200"`
	// Person is the ID of a person of the partnership, when known.
	Person string `json:"person,omitempty" validate:"omitempty,id"`
	// Title is the person's position, such as "Principal, Hayes High School".
	Title string `json:"title,omitempty" validate:"max=200"`
	// Side is the party the attendee speaks for.
	Side Side `json:"side,omitempty" validate:"omitempty,oneof=district partner school"`
	// Roles are the attendee's roles at the meeting, such as school-leader;
	// the roles of the person named by Person count as well.
	Roles []Role `json:"roles,omitempty" validate:"dive,oneof=point-person higher-authority school-leader liaison manager teacher-leader"`
	// Email is where the attendee's invitation goes; empty means the e-mail
	// of the person named by Person, if any.
	Email string `json:"email,omitempty" validate:"omitempty,email"`
	// Organizer marks the attendee who leads the meeting and sends its
	// invitations: a calendar entry's organizer.
	Organizer bool `json:"organizer,omitempty"`
}

// HasRole reports whether the attendee is given role r.
func (a Attendee) HasRole(r Role) bool { return slices.Contains(a.Roles, r) }
