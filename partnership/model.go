package partnership

import (
	"time"
)

// Partnership is one district and the technical-assistance partners it works
// with: the organisations, schools and people, the district's strategic
// priorities, the initiatives that make demands on people's time, and how much
// time each audience has. Its JSON form is part of the workspace file format.
type Partnership struct {
	Name        string       `json:"name" validate:"required,max=200"`
	District    Org          `json:"district"`
	Partners    []Partner    `json:"partners,omitempty" validate:"dive"`
	Schools     []School     `json:"schools,omitempty" validate:"dive"`
	People      []Person     `json:"people,omitempty" validate:"dive"`
	Priorities  []Priority   `json:"priorities,omitempty" validate:"dive"`
	Initiatives []Initiative `json:"initiatives,omitempty" validate:"dive"`
	Capacity    []Capacity   `json:"capacity,omitempty" validate:"dive"`
	// Start is the first day of the partnership, when known.
	Start Date `json:"start,omitempty" validate:"omitempty,date"`
	// End is the last day of the partnership as agreed, when known. Check asks
	// what of the work the district carries on after it.
	End Date `json:"end,omitempty" validate:"omitempty,date"`
	// Context holds each organisation's answers to the district-context
	// diagnostic (Weiss's four I's; see FourIs), at most one entry per
	// organisation.
	Context []OrgContext `json:"context,omitempty" validate:"dive"`
}

// Org is an organisation taking part: the district, or the basis of a partner.
type Org struct {
	ID   string `json:"id" validate:"required,id"`
	Name string `json:"name" validate:"required,max=200"`
	// Stance is how the district takes part in technical assistance: a
	// passive receiver of services or an active partner (SCOPE, "Beyond
	// Alignment"); empty when not yet stated. Used for the district only.
	Stance Stance `json:"stance,omitempty" validate:"omitempty,oneof=receiver active-partner"`
	// Expects is the approach the district wants its partners to take
	// (co-design, consultancy or delivery); empty when not yet stated. Check
	// compares it with each partner's Approach. Used for the district only.
	Expects Approach `json:"expects,omitempty" validate:"omitempty,oneof=co-design consultancy delivery"`
}

// Approach is how a technical-assistance organisation works with a district,
// in the terms of the SCOPE study "Beyond Alignment".
type Approach string

// The three approaches of a TA organisation.
const (
	// CoDesign: partner and district design the work together.
	CoDesign Approach = "co-design"
	// Consultancy: the partner advises; the district decides and carries out.
	Consultancy Approach = "consultancy"
	// Delivery: the partner brings a ready programme and delivers it.
	Delivery Approach = "delivery"
)

// Approaches returns the three approaches with a plain description of each,
// paraphrased from SCOPE, "Beyond Alignment" (2019), on TA stances.
func Approaches() []ApproachInfo {
	const src = "SCOPE, Beyond Alignment (2019), TA organizations' approaches"
	return []ApproachInfo{
		{Approach: CoDesign, Title: "Co-design", Description: "The partner and the district shape the work together, and the district's own people build it with the partner.", Source: src},
		{Approach: Consultancy, Title: "Consultancy", Description: "The partner advises and coaches; the district decides what to do and does it.", Source: src},
		{Approach: Delivery, Title: "Delivery", Description: "The partner brings a ready-made program or service and runs it for the district.", Source: src},
	}
}

// ApproachInfo describes an approach for people choosing one.
type ApproachInfo struct {
	Approach    Approach `json:"approach"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Source      string   `json:"source"`
}

// Partner is a technical-assistance organisation working with the district.
type Partner struct {
	ID   string `json:"id" validate:"required,id"`
	Name string `json:"name" validate:"required,max=200"`
	// Approach is co-design, consultancy or delivery; empty when not yet stated.
	Approach Approach `json:"approach,omitempty" validate:"omitempty,oneof=co-design consultancy delivery"`
	// Services says in the partner's words what it provides.
	Services string `json:"services,omitempty" validate:"max=2000"`
}

// School is a school the partnership serves. The contract supplement names
// the schools its work serves with it too, where the ID is the school's in
// the partnership, or empty for a school only named.
type School struct {
	// ID is required in a partnership.
	ID string `json:"id,omitempty" validate:"omitempty,id"`
	// Name is required in a partnership.
	Name string `json:"name,omitempty" validate:"max=200"`
}

// Role is a part a person plays in the partnership.
type Role string

// The roles a person can hold.
const (
	PointPerson     Role = "point-person"
	HigherAuthority Role = "higher-authority"
	SchoolLeader    Role = "school-leader"
	Liaison         Role = "liaison"
	Manager         Role = "manager"
	TeacherLeader   Role = "teacher-leader"
)

// Roles returns every role in a fixed order.
func Roles() []Role {
	return []Role{PointPerson, HigherAuthority, SchoolLeader, Liaison, Manager, TeacherLeader}
}

// Person is someone who takes part, belonging to one organisation.
type Person struct {
	ID   string `json:"id" validate:"required,id"`
	Name string `json:"name" validate:"required,max=200"`
	// Org is the ID of the district or of a partner.
	Org   string `json:"org" validate:"required"`
	Email string `json:"email,omitempty" validate:"omitempty,email"`
	Roles []Role `json:"roles,omitempty" validate:"dive,oneof=point-person higher-authority school-leader liaison manager teacher-leader"`
	// Schools are the IDs of the schools the person works for, such as the
	// school a school leader leads; empty means the person is not tied to
	// one school (a school leader with no schools counts for every school).
	Schools []string `json:"schools,omitempty"`
}

// HasRole reports whether the person holds role r.
func (p Person) HasRole(r Role) bool {
	for _, x := range p.Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Priority is one of the district's strategic priorities.
type Priority struct {
	ID    string `json:"id" validate:"required,id"`
	Title string `json:"title" validate:"required,max=300"`
}

// Initiative is a programme or project that asks for people's time: the
// partner's work, and the district's other initiatives it competes with.
type Initiative struct {
	ID   string `json:"id" validate:"required,id"`
	Name string `json:"name" validate:"required,max=200"`
	// Owner is the ID of the organisation that runs it: the district or a partner.
	Owner string `json:"owner" validate:"required"`
	// Priorities are the IDs of the strategic priorities it serves.
	Priorities []string `json:"priorities,omitempty"`
	Demands    []Demand `json:"demands,omitempty" validate:"dive"`
}

// Demand is time an initiative asks of an audience between two dates.
type Demand struct {
	// ID names the demand within its initiative. A workspace file requires
	// it (see partnerkit.Workspace.Validate), so that copies can be merged;
	// NewID makes one.
	ID string `json:"id,omitempty" validate:"omitempty,id"`
	// Audience names who gives the time, such as "teachers" or "principals".
	Audience string `json:"audience" validate:"required,max=100"`
	// Schools are the IDs of the schools concerned; empty means all of them.
	Schools []string `json:"schools,omitempty"`
	Start   Date     `json:"start" validate:"required,date"`
	End     Date     `json:"end" validate:"required,date"`
	// HoursPerWeek is the time asked of each member of the audience.
	HoursPerWeek float64 `json:"hoursPerWeek" validate:"gte=0,lte=168"`
}

// Capacity is the time an audience has for partnership work each week.
type Capacity struct {
	Audience     string  `json:"audience" validate:"required,max=100"`
	HoursPerWeek float64 `json:"hoursPerWeek" validate:"gte=0,lte=168"`
}

// Date is a calendar date written as YYYY-MM-DD. It is kept as text so that
// what a person typed is never lost; Validate reports one that is not a date.
type Date string

// Time returns the date as midnight UTC, and false when it is not a valid date.
func (d Date) Time() (time.Time, bool) {
	// The checks read dates by the thousand: read the one form a Date
	// takes by hand, and leave anything else to time.Parse to judge.
	if s := string(d); len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		day, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && day >= 1 {
			t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
			if t.Day() == day { // not 2027-02-30, which time.Date would roll over
				return t, true
			}
			return time.Time{}, false
		}
	}
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

// digits reads s, made only of ASCII digits, as a number.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// DateOf returns the date of t, in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return Date(t.Format(time.DateOnly))
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return Date(b[:])
}
