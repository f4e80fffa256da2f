// Package contract is the Contract Supplement, the second tool of the ODST
// Standards for Effective Partnerships: an addendum or memorandum of
// understanding that a district and a partner attach to their contract. In it
// both parties adopt the framework as non-binding guidance, confirm six
// practices, and fill in a seven-item alignment appendix (strategic priority,
// school-leader investment, schedule of activities, liaisons and managers,
// success measures, data plan, meetings), jointly, in a 90-minute session
// with the school leader.
//
// New starts a draft. Completeness says, item by item, what a draft still
// lacks and never fails; Validate is the strict check for the final document.
// Check compares the supplement with the partnership it belongs to.
// WriteMarkdown, WriteHTML and WriteText print the addendum, with every
// value a user typed shown as text.
//
// Source: ODST, Standards for Effective Partnerships (2015), "Contract
// Supplement" and Appendix A, "Contract Supplement Alignment". The wording
// of this package is our own.
package contract

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// Source names where the Contract Supplement comes from.
const Source = "ODST, Standards for Effective Partnerships (2015), Contract Supplement and Appendix A, Contract Supplement Alignment"

// SessionMinutes is the length of the drafting session the source suggests.
const SessionMinutes = 90

// Form says how the supplement is attached to the contract.
type Form string

// The two forms a supplement can take.
const (
	// Addendum: the supplement is added to the contract itself.
	Addendum Form = "addendum"
	// MOU: the supplement is a memorandum of understanding that goes with the contract.
	MOU Form = "mou"
)

// Supplement is the Contract Supplement. Its JSON form is the "contract" of a
// partnerkit workspace file. Every field may be empty in a draft; Validate
// says what the final document needs, Completeness what a draft still lacks.
type Supplement struct {
	// Form is addendum (the default) or mou.
	Form Form `json:"form,omitempty" validate:"omitempty,oneof=addendum mou"`
	// ContractRef names the contract the supplement belongs to, such as "Contract No. 2026-114".
	ContractRef string `json:"contractRef,omitempty" validate:"max=300"`
	// SchoolYear is the school year the work covers, such as "2026–27".
	SchoolYear string `json:"schoolYear,omitempty" validate:"max=40"`
	// District is the school district.
	District Party `json:"district"`
	// Partner is the technical-assistance partner.
	Partner Party `json:"partner"`
	// Schools are the schools the work serves: by their ID in the
	// partnership, or by name only.
	Schools []partnership.School `json:"schools,omitempty" validate:"dive"`
	// Practices are the six practices both parties confirm.
	Practices PracticeRecords `json:"practices"`
	// Appendix is the seven-item alignment appendix.
	Appendix Appendix `json:"appendix"`
	// Session is the meeting in which the parties drafted the supplement.
	Session Session `json:"session"`
}

// Party is the district or the partner: its name as printed, and its ID in
// the partnership when there is one.
type Party struct {
	ID   string `json:"id,omitempty" validate:"omitempty,id"`
	Name string `json:"name" validate:"max=200"`
}

// Contact is a person named in the supplement. Person is the person's ID in
// the partnership, when there is one; Name is the name as typed, used when
// there is no partnership and printed in preference to the ID.
type Contact struct {
	Person string `json:"person,omitempty" validate:"omitempty,id"`
	Name   string `json:"name,omitempty" validate:"max=200"`
	// Title is the person's position, such as "Director of Curriculum".
	Title string `json:"title,omitempty" validate:"max=200"`
}

// IsZero reports whether the contact names nobody.
func (c Contact) IsZero() bool { return c.Person == "" && c.Name == "" }

// Label returns the name to print: the typed name, or else the person ID.
func (c Contact) Label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Person
}

// PracticeRecord is where the parties stand on one practice.
type PracticeRecord struct {
	// Status is open until the parties confirm the practice, then done;
	// empty counts as open.
	Status partnership.Status `json:"status,omitempty" validate:"omitempty,oneof=open done"`
	// Evidence says how the parties know the practice holds.
	Evidence string `json:"evidence,omitempty" validate:"max=4000"`
}

// IsDone reports whether the practice is confirmed.
func (r PracticeRecord) IsDone() bool { return r.Status == partnership.Done }

// PracticeRecords holds the six practices, one field each, so every practice
// has a fixed JSON path such as "practices.schedule".
type PracticeRecords struct {
	Alignment PracticeRecord `json:"alignment"`
	Personnel PracticeRecord `json:"personnel"`
	Schedule  PracticeRecord `json:"schedule"`
	Liaisons  PracticeRecord `json:"liaisons"`
	Outcomes  PracticeRecord `json:"outcomes"`
	Meetings  PracticeRecord `json:"meetings"`
}

// Record returns the record of the practice with the given ID ("schedule"),
// or nil when there is no such practice.
func (p *PracticeRecords) Record(id PracticeID) *PracticeRecord {
	switch id {
	case PracticeAlignment:
		return &p.Alignment
	case PracticePersonnel:
		return &p.Personnel
	case PracticeSchedule:
		return &p.Schedule
	case PracticeLiaisons:
		return &p.Liaisons
	case PracticeOutcomes:
		return &p.Outcomes
	case PracticeMeetings:
		return &p.Meetings
	}
	return nil
}

// Confirm marks a practice done with the evidence for it. It returns an error
// for an unknown practice ID.
func (p *PracticeRecords) Confirm(id PracticeID, evidence string) error {
	r := p.Record(id)
	if r == nil {
		return fmt.Errorf("contract: there is no practice %q; the practices are %s", id, practiceIDList())
	}
	r.Status = partnership.Done
	r.Evidence = evidence
	return nil
}

// Appendix is the alignment appendix: seven items, each a field with a fixed
// JSON path (see AppendixItems).
type Appendix struct {
	// Priority is item 1: the strategic priority and how the work serves it.
	Priority PriorityItem `json:"priority"`
	// Investment is item 2: evidence that school leaders are invested.
	Investment InvestmentItem `json:"investment"`
	// Schedule is item 3: the activities, and the district's assurance they are feasible.
	Schedule ScheduleItem `json:"schedule"`
	// Contacts is item 4: liaisons and overall managers.
	Contacts Contacts `json:"contacts"`
	// Measures is item 5: the interim and final success measures.
	Measures []Measure `json:"measures,omitempty" validate:"dive"`
	// DataPlan is item 6: how the data is collected, provided and reported.
	DataPlan DataPlan `json:"dataPlan"`
	// Meetings is item 7: the meeting schedule and draft agenda.
	Meetings MeetingPlan `json:"meetings"`
}

// PriorityItem is appendix item 1.
type PriorityItem struct {
	// Priority is the ID of the priority in the partnership, when there is one.
	Priority string `json:"priority,omitempty" validate:"omitempty,id"`
	// Statement is the district's strategic priority in words.
	Statement string `json:"statement,omitempty" validate:"max=1000"`
	// How says how the partner's work serves the priority.
	How string `json:"how,omitempty" validate:"max=4000"`
}

// InvestmentItem is appendix item 2.
type InvestmentItem struct {
	// Evidence shows that the school leaders are invested in the partnership.
	Evidence string `json:"evidence,omitempty" validate:"max=4000"`
	// SchoolLeaders are the school leaders concerned.
	SchoolLeaders []Contact `json:"schoolLeaders,omitempty" validate:"dive"`
}

// ScheduleItem is appendix item 3.
type ScheduleItem struct {
	Activities []Activity `json:"activities,omitempty" validate:"dive"`
	Assurance  Assurance  `json:"assurance"`
}

// Activity is one line of the schedule of activities.
type Activity struct {
	// ID names the activity. A workspace file requires it (see
	// partnerkit.Workspace.Validate), so that copies can be merged;
	// partnership.NewID makes one.
	ID string `json:"id,omitempty" validate:"omitempty,id"`
	// What the activity is, such as "Coaching cycles with grade 9 teams".
	What string `json:"what,omitempty" validate:"max=500"`
	// Who takes part, such as "Grade 9 teachers, Hayes High School".
	Who string `json:"who,omitempty" validate:"max=500"`
	// When it happens, such as "Tuesdays after school, October to May".
	When string `json:"when,omitempty" validate:"max=500"`
	// Hours is the time it asks of each participant over the year.
	Hours float64 `json:"hours,omitempty" validate:"gte=0,lte=10000"`
}

// Assurance is the district's statement that the schedule is feasible.
type Assurance struct {
	// WithinResources: the schedule fits the district's resources.
	WithinResources bool `json:"withinResources,omitempty"`
	// WithinBargainingAgreement: the schedule fits the collective-bargaining agreement.
	WithinBargainingAgreement bool `json:"withinBargainingAgreement,omitempty"`
	// GivenBy is who gives the assurance for the district.
	GivenBy Contact `json:"givenBy"`
	// Date is when it was given.
	Date partnership.Date `json:"date,omitempty" validate:"omitempty,date"`
	// Notes are any conditions or remarks.
	Notes string `json:"notes,omitempty" validate:"max=2000"`
}

// Contacts is appendix item 4: a liaison and an overall manager from each
// party. The managers attend the quarterly meetings.
type Contacts struct {
	DistrictLiaison Contact `json:"districtLiaison"`
	PartnerLiaison  Contact `json:"partnerLiaison"`
	DistrictManager Contact `json:"districtManager"`
	PartnerManager  Contact `json:"partnerManager"`
}

// Kind says whether a measure counts what was done or what changed.
type Kind string

// The two kinds of measure.
const (
	// Output: what was delivered, such as coaching sessions held.
	Output Kind = "output"
	// Outcome: what changed, such as the share of students passing.
	Outcome Kind = "outcome"
)

// Audience says whom a measure is about.
type Audience string

// The two audiences of a measure.
const (
	Students Audience = "students"
	Adults   Audience = "adults"
)

// Direction says which way a measure should move.
type Direction string

// The two directions of a measure.
const (
	// Increase: higher is better, such as teachers attending.
	Increase Direction = "increase"
	// Decrease: lower is better, such as students chronically absent.
	Decrease Direction = "decrease"
)

// Measure is one success measure, with an interim checkpoint (around
// January) and a final one (around June). A measure becomes measurable with
// numbers: a unit, a baseline, a direction and a numeric value on each
// checkpoint; the progress package then follows it against the data recorded
// over time.
type Measure struct {
	// ID names the measure so that the data plan and the recorded data can
	// refer to it. A workspace file requires it (see
	// partnerkit.Workspace.Validate).
	ID string `json:"id,omitempty" validate:"omitempty,id"`
	// Name says what is measured.
	Name     string   `json:"name,omitempty" validate:"max=500"`
	Kind     Kind     `json:"kind,omitempty" validate:"omitempty,oneof=output outcome"`
	Audience Audience `json:"audience,omitempty" validate:"omitempty,oneof=students adults"`
	// Unit is what the numbers count, such as "teachers" or "%".
	Unit string `json:"unit,omitempty" validate:"max=100"`
	// Direction is increase (higher is better) or decrease (lower is better).
	Direction Direction `json:"direction,omitempty" validate:"omitempty,oneof=increase decrease"`
	// Baseline is where the measure stood when the work began.
	Baseline Baseline   `json:"baseline,omitzero"`
	Interim  Checkpoint `json:"interim"`
	Final    Checkpoint `json:"final"`
	// Initiatives are the IDs of the partnership's initiatives whose work the
	// measure follows, so that a review can set its data beside the time
	// those initiatives ask of people.
	Initiatives []string `json:"initiatives,omitempty" validate:"dive,id"`
}

// Baseline is the value of a measure at a date before the work had effect.
type Baseline struct {
	// Value is nil when no baseline is known; 0 is a value.
	Value *float64         `json:"value,omitempty"`
	Date  partnership.Date `json:"date,omitempty" validate:"omitempty,date"`
}

// IsZero reports whether the baseline holds neither a value nor a date.
func (b Baseline) IsZero() bool { return b.Value == nil && b.Date == "" }

// Checkpoint is a target and the date by which it is to be met: the target
// in words, as the parties agreed it, and as a number.
type Checkpoint struct {
	Target string `json:"target,omitempty" validate:"max=500"`
	// Value is the target as a number in the measure's unit; nil when the
	// target is not numeric, while 0 is a value.
	Value *float64         `json:"value,omitempty"`
	Due   partnership.Date `json:"due,omitempty" validate:"omitempty,date"`
}

// Numeric reports whether the measure has what progress needs to draw its
// planned line: a baseline with value and date, and a numeric target with a
// date at the interim or the final checkpoint.
func (m Measure) Numeric() bool {
	if m.Baseline.Value == nil || m.Baseline.Date == "" {
		return false
	}
	return m.Interim.Value != nil && m.Interim.Due != "" || m.Final.Value != nil && m.Final.Due != ""
}

// Format writes a value of the measure with its unit: "52 teachers", "40%".
func (m Measure) Format(v float64) string { return FormatValue(v, m.Unit) }

// FormatValue writes v as people write numbers, without trailing zeros and
// with at most two decimals, followed by the unit when there is one: "52
// teachers", "12.5 hours", "40%".
func FormatValue(v float64, unit string) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if s == "-0" {
		s = "0"
	}
	unit = strings.TrimSpace(unit)
	switch {
	case unit == "":
		return s
	case unit == "%":
		return s + "%"
	}
	return s + " " + unit
}

// clone returns a copy of the measure that shares no memory with m.
func (m Measure) clone() Measure {
	m.Baseline.Value = cloneValue(m.Baseline.Value)
	m.Interim.Value = cloneValue(m.Interim.Value)
	m.Final.Value = cloneValue(m.Final.Value)
	m.Initiatives = slices.Clone(m.Initiatives)
	return m
}

func cloneValue(v *float64) *float64 {
	if v == nil {
		return nil
	}
	x := *v
	return &x
}

// DataPlan is appendix item 6.
type DataPlan struct {
	// Process describes how the data is collected.
	Process string `json:"process,omitempty" validate:"max=4000"`
	// Duties say, for each measure, who provides the data and who reports it by when.
	Duties []DataDuty `json:"duties,omitempty" validate:"dive"`
}

// DataDuty is who provides and who reports the data of one measure.
type DataDuty struct {
	// ID names the duty. A workspace file requires it (see
	// partnerkit.Workspace.Validate), so that copies can be merged;
	// partnership.NewID makes one.
	ID string `json:"id,omitempty" validate:"omitempty,id"`
	// Measure is the ID of the measure.
	Measure string `json:"measure,omitempty" validate:"omitempty,id"`
	// Source says where the data comes from, such as "the district's student information system".
	Source   string           `json:"source,omitempty" validate:"max=500"`
	Provider Contact          `json:"provider"`
	Reporter Contact          `json:"reporter"`
	Due      partnership.Date `json:"due,omitempty" validate:"omitempty,date"`
}

// MeetingPlan is appendix item 7.
type MeetingPlan struct {
	// Cadence is how often the parties plan to meet, from weekly to
	// yearly; the framework asks for at least quarterly reviews.
	Cadence partnership.Cadence `json:"cadence,omitempty" validate:"omitempty,oneof=weekly monthly quarterly twice-yearly yearly"`
	// Dates are the planned meeting dates.
	Dates []partnership.Date `json:"dates,omitempty" validate:"dive,omitempty,date"`
	// Agenda lists the items of the draft agenda.
	Agenda []string `json:"agenda,omitempty" validate:"dive,max=500"`
	// Conflict is the means of identifying and resolving conflict.
	Conflict string `json:"conflict,omitempty" validate:"max=4000"`
	// Improvement is the means of ongoing improvement.
	Improvement string `json:"improvement,omitempty" validate:"max=4000"`
	// Dissolution is how the partnership may be ended if it is not on track.
	Dissolution string `json:"dissolution,omitempty" validate:"max=4000"`
}

// Session is the joint drafting meeting.
type Session struct {
	Date partnership.Date `json:"date,omitempty" validate:"omitempty,date"`
	// Minutes is its length; the source suggests 90.
	Minutes int `json:"minutes,omitempty" validate:"gte=0,lte=1440"`
	// Attendees are who took part: each by name or as a person of the
	// partnership, with the side they take part for (district or partner),
	// and the school-leader role for a school leader.
	Attendees []partnership.Attendee `json:"attendees,omitempty" validate:"dive"`
}

// attendeeContact is an attendee as a contact.
func attendeeContact(a partnership.Attendee) Contact {
	return Contact{Person: a.Person, Name: a.Name, Title: a.Title}
}

// New starts a draft supplement between a district and a partner, as an
// addendum, with every practice open and a 90-minute drafting session.
func New(district, partner string) *Supplement {
	s := &Supplement{
		Form:     Addendum,
		District: Party{Name: district},
		Partner:  Party{Name: partner},
		Session:  Session{Minutes: SessionMinutes},
	}
	for _, p := range Practices() {
		s.Practices.Record(p.ID).Status = partnership.Open
	}
	return s
}

// Decode reads a supplement from JSON. Like a workspace file it is strict
// about structure: an unknown field, a value of the wrong type or a value of
// the wrong form (a date that is not YYYY-MM-DD, a kind that is not output or
// outcome) is a *partnership.ValidationError naming each place by JSON path.
// A draft that is merely incomplete decodes without error; use Completeness
// or Validate for what it lacks. An error reading r is returned wrapped.
func Decode(r io.Reader) (*Supplement, error) {
	s := new(Supplement)
	ve := new(partnership.ValidationError)
	if err := schema.Read(r, s, ve); err != nil {
		return nil, fmt.Errorf("reading the supplement: %w", err)
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	if err := s.Structure(); err != nil {
		return nil, err
	}
	return s, nil
}

// Structure checks the form of the supplement's values: values that are not
// of the allowed kind (a date that is not a date, an unknown cadence, a text
// that is too long). It returns a *partnership.ValidationError naming each by
// JSON path, or nil. It does not ask for anything to be filled in, so a draft
// has no structural problems.
func (s *Supplement) Structure() error {
	if s == nil {
		return nil
	}
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", s)
	return ve.Err()
}
