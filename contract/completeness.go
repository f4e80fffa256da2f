package contract

import (
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// Group says which part of the supplement a completeness item belongs to.
type Group string

// The four groups of completeness items, in document order.
const (
	GroupParties  Group = "parties"
	GroupPractice Group = "practice"
	GroupAppendix Group = "appendix"
	GroupSession  Group = "session"
)

// Item is one part of the supplement with what it still lacks.
type Item struct {
	// Key is stable: "parties", "practice.1" … "practice.6", "appendix.1" …
	// "appendix.7", "session".
	Key   string `json:"key"`
	Group Group  `json:"group"`
	// Number is the practice or appendix item number, 0 for the others.
	Number int    `json:"number,omitempty"`
	Title  string `json:"title"`
	// Guidance says in plain words what the part asks for, for a form to show.
	Guidance string `json:"guidance"`
	// Standards are the IDs of the framework standards the part serves.
	Standards []string `json:"standards,omitempty"`
	// Path is the JSON path of the part in the supplement, for a form to link to.
	Path     string `json:"path"`
	Complete bool   `json:"complete"`
	// Missing says what is missing or wrong, each with the JSON path of the
	// field to fill in; empty when the item is complete.
	Missing []partnership.Problem `json:"missing,omitempty"`
}

// Count is how many items of a group are complete.
type Count struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Completeness reports, for a draft, every part of the supplement as
// complete or what it lacks.
type Completeness struct {
	// Items are every part in document order: the parties, the six practices,
	// the seven appendix items, and the drafting session.
	Items []Item `json:"items"`
	// Practices counts the confirmed practices, out of 6.
	Practices Count `json:"practices"`
	// Appendix counts the complete appendix items, out of 7.
	Appendix Count `json:"appendix"`
	// Complete is true when every item is complete: Validate then returns nil.
	Complete bool `json:"complete"`
}

// Item returns the item with the given key.
func (c Completeness) Item(key string) (Item, bool) {
	for _, it := range c.Items {
		if it.Key == key {
			return it, true
		}
	}
	return Item{}, false
}

// Summary says in one line how far the supplement is, such as
// "5 of 7 appendix items complete; 6 of 6 practices confirmed; still to do: drafting session".
func (c Completeness) Summary() string {
	s := fmt.Sprintf("%d of %d appendix items complete; %d of %d practices confirmed", c.Appendix.Done, c.Appendix.Total, c.Practices.Done, c.Practices.Total)
	var other []string
	for _, it := range c.Items {
		if !it.Complete && (it.Group == GroupParties || it.Group == GroupSession) {
			other = append(other, strings.ToLower(it.Title))
		}
	}
	if len(other) > 0 {
		s += "; still to do: " + strings.Join(other, ", ")
	}
	return s
}

// Completeness reports what each part of the supplement still lacks. It never
// fails: a nil or empty supplement is simply incomplete everywhere. It
// reports the same problems as Validate, sorted into parts.
func (s *Supplement) Completeness() Completeness {
	if s == nil {
		s = &Supplement{}
	}
	items := s.items()
	for _, p := range partnership.ProblemsOf(s.Structure()) {
		i := itemIndexFor(items, p.Path)
		items[i].Missing = append(items[i].Missing, p)
	}
	c := Completeness{Items: items, Complete: true}
	for i := range c.Items {
		it := &c.Items[i]
		it.Complete = len(it.Missing) == 0
		c.Complete = c.Complete && it.Complete
		switch it.Group {
		case GroupPractice:
			c.Practices.Total++
			if it.Complete {
				c.Practices.Done++
			}
		case GroupAppendix:
			c.Appendix.Total++
			if it.Complete {
				c.Appendix.Done++
			}
		}
	}
	return c
}

// Validate is the strict check for the final document. It returns a
// *partnership.ValidationError with the JSON path and a plain sentence for
// every value of the wrong form and every gap, or nil when the supplement is
// ready to sign.
func (s *Supplement) Validate() error {
	if s == nil {
		return &partnership.ValidationError{Problems: []partnership.Problem{{Message: "the contract supplement is missing"}}}
	}
	ve := new(partnership.ValidationError)
	ve.Include("", s.Structure())
	for _, it := range s.items() {
		ve.Problems = append(ve.Problems, it.Missing...)
	}
	return ve.Err()
}

// itemIndexFor returns the index of the item a JSON path belongs to: the one
// whose path is the longest prefix of it, or the first item (the parties).
func itemIndexFor(items []Item, path string) int {
	best, bestLen := 0, -1
	for i, it := range items {
		for _, prefix := range itemPrefixes(it) {
			if (path == prefix || strings.HasPrefix(path, prefix+".") || strings.HasPrefix(path, prefix+"[")) && len(prefix) > bestLen {
				best, bestLen = i, len(prefix)
			}
		}
	}
	return best
}

// itemPrefixes lists the JSON paths that belong to an item.
func itemPrefixes(it Item) []string {
	if it.Group == GroupParties {
		return []string{"form", "contractRef", "schoolYear", "district", "partner", "schools"}
	}
	return []string{it.Path}
}

// items builds every completeness item with its gaps, but without the
// problems of form, which Completeness and Validate add.
func (s *Supplement) items() []Item {
	var out []Item
	g := &gaps{}
	s.partiesGaps(g)
	out = append(out, Item{Key: "parties", Group: GroupParties, Title: "Parties and schools", Path: "district", Missing: g.take(),
		Guidance: "Name the district and the partner as they will sign, and the schools the work serves."})
	for _, p := range Practices() {
		r := s.Practices.Record(p.ID)
		path := "practices." + string(p.ID)
		if !r.IsDone() {
			g.add(path+".status", "practice %d (%s) is not yet confirmed; mark it done when both parties agree it holds", p.Number, strings.ToLower(p.Title))
		}
		if strings.TrimSpace(r.Evidence) == "" {
			g.add(path+".evidence", "practice %d (%s) needs evidence: say how the parties know it holds", p.Number, strings.ToLower(p.Title))
		}
		out = append(out, Item{Key: p.Key, Group: GroupPractice, Number: p.Number, Title: p.Title, Path: path, Missing: g.take(),
			Guidance: p.Text, Standards: p.Standards})
	}
	checks := []func(*gaps){s.priorityGaps, s.investmentGaps, s.scheduleGaps, s.contactsGaps, s.measureGaps, s.dataGaps, s.meetingGaps}
	for i, a := range AppendixItems() {
		checks[i](g)
		out = append(out, Item{Key: a.Key, Group: GroupAppendix, Number: a.Number, Title: a.Title, Path: a.Path, Missing: g.take(),
			Guidance: a.Guidance, Standards: a.Standards})
	}
	s.sessionGaps(g)
	out = append(out, Item{Key: "session", Group: GroupSession, Title: "Drafting session", Path: "session", Missing: g.take(),
		Guidance:  "Record when district and partner met to draft the supplement together (about 90 minutes) and who took part; a school leader is expected.",
		Standards: []string{"alignment.4"}})
	return out
}

// gaps collects the problems of one item.
type gaps struct{ ps []partnership.Problem }

func (g *gaps) add(path, format string, args ...any) {
	g.ps = append(g.ps, partnership.Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (g *gaps) take() []partnership.Problem {
	out := g.ps
	g.ps = nil
	return out
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func (s *Supplement) partiesGaps(g *gaps) {
	if blank(s.District.Name) {
		g.add("district.name", "the district's name is required")
	}
	if blank(s.Partner.Name) {
		g.add("partner.name", "the partner's name is required")
	}
	for i, sc := range s.Schools {
		if blank(sc.Name) {
			g.add(fmt.Sprintf("schools[%d].name", i), "school %d needs a name", i+1)
		}
	}
}

func (s *Supplement) priorityGaps(g *gaps) {
	p := s.Appendix.Priority
	if blank(p.Statement) {
		g.add("appendix.priority.statement", "state the district's strategic priority that the partner's work serves")
	}
	if blank(p.How) {
		g.add("appendix.priority.how", "say how the partner's work serves the strategic priority")
	}
}

func (s *Supplement) investmentGaps(g *gaps) {
	inv := s.Appendix.Investment
	if blank(inv.Evidence) {
		g.add("appendix.investment.evidence", "give the evidence that the school leaders are invested in the partnership")
	}
	for i, c := range inv.SchoolLeaders {
		if c.IsZero() {
			g.add(fmt.Sprintf("appendix.investment.schoolLeaders[%d]", i), "school leader %d needs a name or a person from the partnership", i+1)
		}
	}
}

func (s *Supplement) scheduleGaps(g *gaps) {
	sch := s.Appendix.Schedule
	if len(sch.Activities) == 0 {
		g.add("appendix.schedule.activities", "list at least one activity of the schedule: what, who, when and how many hours")
	}
	for i, a := range sch.Activities {
		at := fmt.Sprintf("appendix.schedule.activities[%d]", i)
		if blank(a.What) {
			g.add(at+".what", "activity %d needs to say what it is", i+1)
		}
		if blank(a.Who) {
			g.add(at+".who", "activity %d needs to say who takes part", i+1)
		}
		if blank(a.When) {
			g.add(at+".when", "activity %d needs to say when it happens", i+1)
		}
		if a.Hours <= 0 {
			g.add(at+".hours", "activity %d needs the hours it asks of each participant, more than 0", i+1)
		}
	}
	as := sch.Assurance
	if !as.WithinResources {
		g.add("appendix.schedule.assurance.withinResources", "the district has not yet assured that the schedule is feasible within its resources")
	}
	if !as.WithinBargainingAgreement {
		g.add("appendix.schedule.assurance.withinBargainingAgreement", "the district has not yet assured that the schedule fits its collective-bargaining agreement")
	}
	if as.GivenBy.IsZero() {
		g.add("appendix.schedule.assurance.givenBy", "name who gives the district's assurance")
	}
	if as.Date == "" {
		g.add("appendix.schedule.assurance.date", "give the date of the district's assurance")
	}
}

func (s *Supplement) contactsGaps(g *gaps) {
	c := s.Appendix.Contacts
	for _, x := range []struct {
		path, what string
		c          Contact
	}{
		{"districtLiaison", "the district's liaison", c.DistrictLiaison},
		{"partnerLiaison", "the partner's liaison", c.PartnerLiaison},
		{"districtManager", "the district's overall manager, who attends the quarterly meetings", c.DistrictManager},
		{"partnerManager", "the partner's overall manager, who attends the quarterly meetings", c.PartnerManager},
	} {
		if x.c.IsZero() {
			g.add("appendix.contacts."+x.path, "name %s", x.what)
		}
	}
}

func (s *Supplement) measureGaps(g *gaps) {
	ms := s.Appendix.Measures
	if len(ms) == 0 {
		g.add("appendix.measures", "define at least one success measure with an interim and a final target")
	}
	seen := make(map[string]int)
	for i, m := range ms {
		at := fmt.Sprintf("appendix.measures[%d]", i)
		n := i + 1
		if m.ID == "" {
			g.add(at+".id", "measure %d needs a short id so that the data plan can refer to it", n)
		} else if j, dup := seen[m.ID]; dup {
			g.add(at+".id", "measure %d has the id %q, already used by measure %d; every measure needs its own id", n, m.ID, j+1)
		} else {
			seen[m.ID] = i
		}
		if blank(m.Name) {
			g.add(at+".name", "measure %d needs to say what is measured", n)
		}
		if m.Kind == "" {
			g.add(at+".kind", "measure %d needs a kind: output (what is delivered) or outcome (what changes)", n)
		}
		if m.Audience == "" {
			g.add(at+".audience", "measure %d needs an audience: students or adults", n)
		}
		if blank(m.Interim.Target) {
			g.add(at+".interim.target", "measure %d needs an interim target (around January)", n)
		}
		if m.Interim.Due == "" {
			g.add(at+".interim.due", "measure %d needs the date of its interim target", n)
		}
		if blank(m.Final.Target) {
			g.add(at+".final.target", "measure %d needs a final target (around June)", n)
		}
		if m.Final.Due == "" {
			g.add(at+".final.due", "measure %d needs the date of its final target", n)
		}
		if finalNotAfterInterim(m) {
			g.add(at+".final.due", "measure %d is due finally on %s, not after its interim date %s; the final date must come later", n, m.Final.Due, m.Interim.Due)
		}
	}
}

// finalNotAfterInterim reports whether both dates of a measure are valid and
// the final one is not after the interim one.
func finalNotAfterInterim(m Measure) bool {
	i, ok1 := m.Interim.Due.Time()
	f, ok2 := m.Final.Due.Time()
	return ok1 && ok2 && !f.After(i)
}

func (s *Supplement) dataGaps(g *gaps) {
	dp := s.Appendix.DataPlan
	if blank(dp.Process) {
		g.add("appendix.dataPlan.process", "describe how the data will be collected")
	}
	ids := make(map[string]bool)
	for _, m := range s.Appendix.Measures {
		if m.ID != "" {
			ids[m.ID] = true
		}
	}
	covered := make(map[string]bool)
	for i, d := range dp.Duties {
		at := fmt.Sprintf("appendix.dataPlan.duties[%d]", i)
		n := i + 1
		switch {
		case d.Measure == "":
			g.add(at+".measure", "data duty %d needs the id of the measure it is for", n)
		case !ids[d.Measure]:
			g.add(at+".measure", "data duty %d is for measure %q, which is not among the success measures%s", n, d.Measure, measureIDHint(s.Appendix.Measures))
		default:
			covered[d.Measure] = true
		}
		if d.Provider.IsZero() {
			g.add(at+".provider", "data duty %d needs the person who provides the data", n)
		}
		if d.Reporter.IsZero() {
			g.add(at+".reporter", "data duty %d needs the person who reports on it", n)
		}
		if d.Due == "" {
			g.add(at+".due", "data duty %d needs the date by which the report is due", n)
		}
	}
	for i, m := range s.Appendix.Measures {
		if m.ID != "" && !covered[m.ID] {
			g.add("appendix.dataPlan.duties", "measure %d (%s) has no data duty: say who provides its data and who reports on it by when", i+1, measureLabel(m))
		}
	}
}

func measureLabel(m Measure) string {
	if !blank(m.Name) {
		return m.Name
	}
	return "no name yet"
}

func measureIDHint(ms []Measure) string {
	var ids []string
	for _, m := range ms {
		if m.ID != "" {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) == 0 {
		return ""
	}
	return "; use one of: " + strings.Join(ids, ", ")
}

func (s *Supplement) meetingGaps(g *gaps) {
	m := s.Appendix.Meetings
	if m.Cadence == "" {
		g.add("appendix.meetings.cadence", "choose how often the parties meet: monthly or quarterly (weekly, twice-yearly and yearly are also allowed)")
	}
	if len(m.Dates) == 0 {
		g.add("appendix.meetings.dates", "give the dates of the planned meetings")
	}
	for i, d := range m.Dates {
		if d == "" {
			g.add(fmt.Sprintf("appendix.meetings.dates[%d]", i), "meeting date %d is empty", i+1)
		}
	}
	if len(m.Agenda) == 0 {
		g.add("appendix.meetings.agenda", "draft the meeting agenda: list at least one item")
	}
	for i, a := range m.Agenda {
		if blank(a) {
			g.add(fmt.Sprintf("appendix.meetings.agenda[%d]", i), "agenda item %d is empty", i+1)
		}
	}
	if blank(m.Conflict) {
		g.add("appendix.meetings.conflict", "describe how the parties will identify and resolve conflict")
	}
	if blank(m.Improvement) {
		g.add("appendix.meetings.improvement", "describe how the parties will keep improving the work")
	}
	if blank(m.Dissolution) {
		g.add("appendix.meetings.dissolution", "describe how the partnership may be ended if it is not on track")
	}
}

func (s *Supplement) sessionGaps(g *gaps) {
	ss := s.Session
	if ss.Date == "" {
		g.add("session.date", "give the date of the joint drafting session")
	}
	if ss.Minutes <= 0 {
		g.add("session.minutes", "give the length of the drafting session in minutes (the framework suggests %d)", SessionMinutes)
	}
	var district, partner, leader bool
	for i, a := range ss.Attendees {
		if a.Person == "" && blank(a.Name) {
			g.add(fmt.Sprintf("session.attendees[%d]", i), "attendee %d needs a name or a person from the partnership", i+1)
		}
		// A school is of the district: its leader takes part for it.
		district = district || a.Side == partnership.DistrictSide || a.Side == partnership.SchoolSide
		partner = partner || a.Side == partnership.PartnerSide
		leader = leader || a.HasRole(partnership.SchoolLeader) || a.Side == partnership.SchoolSide
	}
	if !district {
		g.add("session.attendees", "list who took part for the district")
	}
	if !partner {
		g.add("session.attendees", "list who took part for the partner")
	}
	if !leader {
		g.add("session.attendees", "a school leader is expected to take part in drafting the supplement; list one and mark them as school leader")
	}
}
