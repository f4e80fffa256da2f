package agenda

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// The rules of Check, CheckWith and CheckAll, with what makes each fire.
// Their IDs are stable; Rules returns each with its severity, standard,
// threshold and source.
const (
	// RuleTimeBudget (warning): the sections' minutes do not add up to the
	// meeting's length, such as the source's sample agenda: 55 of 60 minutes.
	RuleTimeBudget = "agenda.time-budget"
	// RuleMissingSide (warning): no one from the district, the partner or
	// the school is on the list of attendees.
	RuleMissingSide = "agenda.missing-side"
	// RuleHigherAuthority (warning): a quarterly review without a person of
	// higher authority from the district, or from the partner.
	RuleHigherAuthority = "agenda.higher-authority"
	// RuleInPerson (warning): a quarterly review not planned in person.
	RuleInPerson = "agenda.in-person"
	// RuleActionOwner (warning): an open action item without an owner.
	RuleActionOwner = "agenda.action-owner"
	// RuleActionDue (warning): an open action item without a due date.
	RuleActionDue = "agenda.action-due"
	// RuleNoRecord (warning): a meeting that took place has no record and
	// no notes on any question.
	RuleNoRecord = "agenda.no-record"
	// RuleNoWrapUpActions (warning): a meeting that took place raised no
	// action item of its own.
	RuleNoWrapUpActions = "agenda.no-wrap-up-actions"
	// RuleOverdue (warning): an open action item due before the meeting's
	// day (with CheckWith, before today).
	RuleOverdue = "agenda.overdue"
	// RuleUnknownPerson (warning, or info): an attendee names a person ID
	// the partnership does not have (warning), or an action's owner is none
	// of its people or the meeting's attendees (info).
	RuleUnknownPerson = "agenda.unknown-person"
	// RuleCadenceQuarterly (warning): a calendar quarter, among those the
	// meetings span, without a quarterly review.
	RuleCadenceQuarterly = "agenda.cadence-quarterly"
	// RuleCadenceMonthly (info): a calendar month, among those the meetings
	// span, without any meeting.
	RuleCadenceMonthly = "agenda.cadence-monthly"
)

// Rules returns every rule of Check, CheckWith and CheckAll. Each call
// returns a new slice.
func Rules() []partnership.Rule {
	return []partnership.Rule{
		{ID: RuleTimeBudget, Title: "Minutes that do not add up", Severity: partnership.Warning,
			Trigger:   "The sections' minutes add up to more or less than the meeting's length. It cites communication.5 for a quarterly review, communication.1 for other meetings.",
			Threshold: "any difference, in minutes",
			Source:    Source + ": the 60-minute review and its sample agenda, which adds up to 55"},
		{ID: RuleMissingSide, Title: "A side not represented", Severity: partnership.Warning, Standard: "communication.1",
			Trigger: "No attendee speaks for the district, the partner or the school: each is to be present at every meeting.",
			Source:  Source},
		{ID: RuleHigherAuthority, Title: "No higher authority at a quarterly review", Severity: partnership.Warning, Standard: "communication.2",
			Trigger: "A quarterly review without an attendee of higher authority from the district, or from the partner (an attendee's own roles, or the roles of the person they name in the partnership).",
			Source:  Source + ", and the communication standards"},
		{ID: RuleInPerson, Title: "Quarterly review not in person", Severity: partnership.Warning, Standard: "communication.5",
			Trigger: "A quarterly review that is not planned in person.",
			Source:  Source},
		{ID: RuleActionOwner, Title: "Action without an owner", Severity: partnership.Warning, Standard: "communication.4",
			Trigger: "An open action item has no owner.",
			Source:  Source + ", monitoring question 9"},
		{ID: RuleActionDue, Title: "Action without a due date", Severity: partnership.Warning, Standard: "communication.4",
			Trigger: "An open action item has no due date.",
			Source:  Source + ", monitoring question 9"},
		{ID: RuleOverdue, Title: "Action past its date", Severity: partnership.Warning, Standard: "communication.4",
			Trigger:   "An action item is still open after its due date: compared with the meeting's own day by Check, with today by CheckWith when given a time. An item carried into later meetings is reported at the latest one only.",
			Threshold: "a due date before the day compared with",
			Source:    Source + ", monitoring question 9"},
		{ID: RuleNoRecord, Title: "No record of the conversation", Severity: partnership.Warning, Standard: "communication.5",
			Trigger: "A meeting has taken place (it is closed, or with a time given, it has ended) and there is neither a record nor notes on any question.",
			Source:  Source + ": a record of the conversation at every meeting"},
		{ID: RuleNoWrapUpActions, Title: "No new action items", Severity: partnership.Warning, Standard: "communication.4",
			Trigger: "A meeting has taken place and raised no action item of its own: every item it holds was carried over, or it holds none.",
			Source:  Source + ": clear action items at every meeting"},
		{ID: RuleUnknownPerson, Title: "Someone not in the partnership", Severity: partnership.Warning, Standard: "communication.2",
			Trigger: "With a partnership: an attendee names a person ID it does not have (a warning), or an action's owner is none of its people, by ID or name, nor an attendee (information).",
			Source:  "partnerkit: meetings refer to the partnership's people"},
		{ID: RuleCadenceQuarterly, Title: "A quarter without a quarterly review", Severity: partnership.Warning, Standard: "communication.5",
			Trigger:   "Among the calendar quarters from the first meeting's to the one before the last meeting's (or before today's), one holds no quarterly review. A run of such quarters is one finding.",
			Threshold: "a calendar quarter without one",
			Source:    Source + ", and the communication standards: formal review every quarter"},
		{ID: RuleCadenceMonthly, Title: "A month without a meeting", Severity: partnership.Info, Standard: "communication.1",
			Trigger:   "Among the calendar months the meetings span (up to the month before today's, when given), one holds no meeting of any kind. A run of such months is one finding.",
			Threshold: "a calendar month without one",
			Source:    Source + ", and the communication standards: at least monthly contact"},
	}
}

// Check returns what is missing from one meeting, with paths relative to the
// meeting ("actions[0].owner"): the sections' minutes against the meeting's
// length; district, partner and school each represented; for a quarterly
// review, a higher authority from district and from partner, and meeting in
// person; an owner and a due date for every action item; once the meeting is
// closed, a record and new action items; and open action items already past
// due when the meeting starts.
//
// Check is deterministic: it compares due dates with the meeting's own start
// date, so an item carried over from an earlier meeting and not done by the
// day of this one is overdue. CheckWith compares with another day, such as
// today, and resolves people against a partnership.
func Check(m Meeting) []partnership.Finding {
	return CheckWith(m, nil, time.Time{})
}

// CheckWith is Check with a partnership and a reference time. When p is not
// nil, attendees' person IDs and action owners must name its people, and a
// person's roles in the partnership count as the attendee's. When now is not
// zero, open items due before now's date are overdue, and a meeting whose end
// is before now counts as held even if it is not closed.
func CheckWith(m Meeting, p *partnership.Partnership, now time.Time) []partnership.Finding {
	c := checker{m: m, p: p, now: now}
	c.timeBudget()
	c.attendance()
	c.actions()
	c.afterwards()
	c.people()
	partnership.SortFindings(c.out)
	return c.out
}

type checker struct {
	m   Meeting
	p   *partnership.Partnership
	now time.Time
	out []partnership.Finding
}

func (c *checker) add(f partnership.Finding) { c.out = append(c.out, f) }

// standard returns the standard a meeting of this cadence serves: the formal
// quarterly communication, or the at-least-monthly contact.
func (c *checker) standard() string {
	if c.m.Cadence == partnership.Quarterly {
		return "communication.5"
	}
	return "communication.1"
}

func (c *checker) timeBudget() {
	m := c.m
	planned := m.Planned()
	if planned == m.Minutes || len(m.Sections) == 0 {
		return
	}
	ev := make([]string, 0, len(m.Sections)+1)
	for _, s := range m.Sections {
		ev = append(ev, fmt.Sprintf("%s: %d min", s.Title, s.Minutes))
	}
	ev = append(ev, fmt.Sprintf("meeting: %d min", m.Minutes))
	msg := fmt.Sprintf("Sections add up to %d of %d minutes", planned, m.Minutes)
	q := fmt.Sprintf("Which section gets the %d spare minutes, or should the meeting be shorter?", m.Minutes-planned)
	if planned > m.Minutes {
		msg += fmt.Sprintf(", %d more than the meeting has", planned-m.Minutes)
		q = fmt.Sprintf("Which sections give up %d minutes, or should the meeting be longer?", planned-m.Minutes)
	}
	c.add(partnership.Finding{
		Rule: RuleTimeBudget, Severity: partnership.Warning, Standard: c.standard(),
		Message: msg, Evidence: ev, Question: q, Path: "minutes",
	})
}

// roles returns an attendee's roles, with the roles of the person they name
// in the partnership.
func (c *checker) roles(a partnership.Attendee) []partnership.Role {
	rs := a.Roles
	if c.p != nil && a.Person != "" {
		if per, ok := c.p.Person(a.Person); ok {
			rs = append(slices.Clip(rs), per.Roles...)
		}
	}
	return rs
}

func (c *checker) attendance() {
	m := c.m
	present := map[partnership.Side][]string{}
	authority := map[partnership.Side][]string{}
	for _, a := range m.Attendees {
		present[a.Side] = append(present[a.Side], a.Name)
		if slices.Contains(c.roles(a), partnership.HigherAuthority) {
			authority[a.Side] = append(authority[a.Side], a.Name)
		}
	}
	for _, s := range partnership.Sides() {
		if len(present[s]) > 0 {
			continue
		}
		c.add(partnership.Finding{
			Rule: RuleMissingSide, Severity: partnership.Warning, Standard: "communication.1",
			Message:  fmt.Sprintf("No one from the %s is on the list of attendees", sideName(s)),
			Evidence: attendeeEvidence(m),
			Question: fmt.Sprintf("Who will speak for the %s at this meeting?", sideName(s)),
			Path:     "attendees",
		})
	}
	if m.Cadence != partnership.Quarterly {
		return
	}
	for _, s := range []partnership.Side{partnership.DistrictSide, partnership.PartnerSide} {
		if len(authority[s]) > 0 {
			continue
		}
		ev := present[s]
		if len(ev) == 0 {
			ev = []string{"no " + sideName(s) + " attendee"}
		}
		c.add(partnership.Finding{
			Rule: RuleHigherAuthority, Severity: partnership.Warning, Standard: "communication.2",
			Message:  fmt.Sprintf("No one with higher authority from the %s attends this quarterly review", sideName(s)),
			Evidence: ev,
			Question: fmt.Sprintf("Which %s leader with overall responsibility for the work can attend?", sideName(s)),
			Path:     "attendees",
		})
	}
	if !m.InPerson {
		ev := []string{"inPerson: false"}
		if m.Location != "" {
			ev = append(ev, "location: "+m.Location)
		}
		c.add(partnership.Finding{
			Rule: RuleInPerson, Severity: partnership.Warning, Standard: "communication.5",
			Message:  "This quarterly review is not planned in person",
			Evidence: ev,
			Question: "Can district, partner and school meet face to face for the quarterly review?",
			Path:     "inPerson",
		})
	}
}

func attendeeEvidence(m Meeting) []string {
	if len(m.Attendees) == 0 {
		return []string{"no attendees yet"}
	}
	ev := make([]string, 0, len(m.Attendees))
	for _, a := range m.Attendees {
		ev = append(ev, fmt.Sprintf("%s (%s)", a.Name, a.Side))
	}
	return ev
}

// sideName names a side in a sentence.
func sideName(s partnership.Side) string {
	switch s {
	case partnership.DistrictSide, partnership.PartnerSide, partnership.SchoolSide:
		return string(s)
	}
	return fmt.Sprintf("%q side", string(s))
}

// reference returns the day open items are compared with, and false when
// there is none.
func (c *checker) reference() (partnership.Date, bool) {
	switch {
	case !c.now.IsZero():
		return partnership.DateOf(c.now), true
	case !c.m.Start.IsZero():
		return partnership.DateOf(c.m.Start), true
	}
	return "", false
}

func (c *checker) actions() {
	ref, hasRef := c.reference()
	for i, a := range c.m.Actions {
		at := fmt.Sprintf("actions[%d]", i)
		if !a.IsOpen() {
			continue // a done item needs no owner, date or reminder any more
		}
		if strings.TrimSpace(a.Owner) == "" {
			c.add(partnership.Finding{
				Rule: RuleActionOwner, Severity: partnership.Warning, Standard: "communication.4",
				Message:  fmt.Sprintf("Action item %q has no owner", short(a.Text)),
				Evidence: actionEvidence(a),
				Question: "Who will see this action through?",
				Path:     at + ".owner",
			})
		}
		if a.Due == "" {
			c.add(partnership.Finding{
				Rule: RuleActionDue, Severity: partnership.Warning, Standard: "communication.4",
				Message:  fmt.Sprintf("Action item %q has no due date", short(a.Text)),
				Evidence: actionEvidence(a),
				Question: "By when will this action be done?",
				Path:     at + ".due",
			})
		}
		if !hasRef {
			continue
		}
		if _, ok := a.Due.Time(); !ok || a.Due >= ref {
			continue // YYYY-MM-DD dates compare as text
		}
		ev := []string{"due " + words.Day(a.Due), "compared with " + words.Day(ref)}
		if a.Owner != "" {
			ev = append(ev, "owner "+c.ownerName(a.Owner))
		}
		if a.From != "" && a.From != c.m.ID {
			ev = append(ev, "carried over from an earlier meeting")
		}
		c.add(partnership.Finding{
			Rule: RuleOverdue, Severity: partnership.Warning, Standard: "communication.4",
			Message:  fmt.Sprintf("Action item %q is still open and was due %s", short(a.Text), words.Day(a.Due)),
			Evidence: ev,
			Question: "What is holding this action up, and what is a realistic new date?",
			Path:     at,
		})
	}
}

// held reports whether the meeting has taken place.
func (c *checker) held() bool {
	if c.m.Closed {
		return true
	}
	return !c.now.IsZero() && !c.m.Start.IsZero() && c.now.After(c.m.End())
}

func (c *checker) afterwards() {
	if !c.held() {
		return
	}
	m := c.m
	if strings.TrimSpace(m.Record) == "" && !hasNotes(m) {
		c.add(partnership.Finding{
			Rule: RuleNoRecord, Severity: partnership.Warning, Standard: "communication.5",
			Message:  "The meeting has taken place but there is no record of the conversation",
			Evidence: []string{"meeting: " + m.Title + " on " + partnership.USDate(partnership.DateOf(m.Start))},
			Question: "Who will write up what was said, so that those absent and the next meeting can rely on it?",
			Path:     "record",
		})
	}
	for _, a := range m.Actions {
		if a.From == "" || a.From == m.ID {
			return
		}
	}
	ev := []string{"no action items raised at this meeting"}
	if n := len(m.Actions); n > 0 {
		ev = []string{fmt.Sprintf("%d action items, all carried over from earlier meetings", n)}
	}
	path := "actions"
	if w := m.WrapUp(); w >= 0 {
		path = fmt.Sprintf("sections[%d]", w)
	}
	c.add(partnership.Finding{
		Rule: RuleNoWrapUpActions, Severity: partnership.Warning, Standard: "communication.4",
		Message:  "The meeting ended without new action items",
		Evidence: ev,
		Question: "What are the next steps agreed at this meeting, and who owns each one by when?",
		Path:     path,
	})
}

// hasNotes reports whether any question has notes.
func hasNotes(m Meeting) bool {
	for _, s := range m.Sections {
		for _, q := range s.Questions {
			if strings.TrimSpace(q.Notes) != "" {
				return true
			}
		}
	}
	return false
}

func (c *checker) people() {
	p := c.p
	if p == nil {
		return
	}
	for i, a := range c.m.Attendees {
		if a.Person == "" {
			continue
		}
		if _, ok := p.Person(a.Person); ok {
			continue
		}
		c.add(partnership.Finding{
			Rule: RuleUnknownPerson, Severity: partnership.Warning, Standard: "communication.2",
			Message:  fmt.Sprintf("Attendee %s names person %q, who is not among the partnership's people", a.Name, a.Person),
			Evidence: []string{"known people: " + peopleList(p)},
			Question: "Is this person missing from the partnership, or is the id mistyped?",
			Path:     fmt.Sprintf("attendees[%d].person", i),
		})
	}
	for i, a := range c.m.Actions {
		owner := strings.TrimSpace(a.Owner)
		if owner == "" || c.resolves(owner) {
			continue
		}
		c.add(partnership.Finding{
			Rule: RuleUnknownPerson, Severity: partnership.Info, Standard: "communication.2",
			Message:  fmt.Sprintf("The owner of action item %q, %q, is not one of the partnership's people or this meeting's attendees", short(a.Text), owner),
			Evidence: []string{"known people: " + peopleList(p)},
			Question: "Should this owner be added to the partnership's people, so their actions can be followed up?",
			Path:     fmt.Sprintf("actions[%d].owner", i),
		})
	}
}

// resolves reports whether an owner names a person of the partnership, by
// ID or by name, or an attendee of the meeting by name.
func (c *checker) resolves(owner string) bool {
	if _, ok := c.p.Person(owner); ok {
		return true
	}
	for _, per := range c.p.People {
		if strings.EqualFold(per.Name, owner) {
			return true
		}
	}
	for _, a := range c.m.Attendees {
		if strings.EqualFold(a.Name, owner) || a.Person == owner && a.Person != "" {
			return true
		}
	}
	return false
}

func peopleList(p *partnership.Partnership) string {
	if len(p.People) == 0 {
		return "none yet"
	}
	names := make([]string, 0, len(p.People))
	for _, x := range p.People {
		if strings.TrimSpace(x.Name) == "" {
			names = append(names, "a person without a name")
			continue
		}
		names = append(names, x.Name)
	}
	return strings.Join(names, ", ")
}

// ownerName is the name of an action's owner: the owner as written, or the
// name of the person of the partnership whose ID it is.
func (c *checker) ownerName(owner string) string {
	if c.p != nil {
		if x, ok := c.p.Person(owner); ok && strings.TrimSpace(x.Name) != "" {
			return x.Name
		}
	}
	return owner
}

// short shortens text for a message, keeping whole runes.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// actionEvidence says which action item a finding is about, in the words of
// the meeting: its text and its section, never its ID.
func actionEvidence(a Action) []string {
	ev := "action item: " + short(a.Text)
	if a.Section != "" {
		ev += " (" + a.Section + ")"
	}
	return []string{ev}
}
