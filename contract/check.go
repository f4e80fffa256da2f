package contract

import (
	"fmt"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// The rules of Check, with what makes each fire. Their IDs are stable;
// Rules returns each with its severity, standard, threshold and source.
const (
	// RuleLiaisonOrg (warning): a liaison or manager picked from the
	// partnership's people belongs to the other organisation (a district
	// liaison who works for a partner, say).
	RuleLiaisonOrg = "contract.liaison-org"
	// RulePersonUnknown (warning): a contact refers to a person ID the
	// partnership does not have.
	RulePersonUnknown = "contract.person-unknown"
	// RulePartyUnknown (warning): the district's or the partner's ID is not
	// the partnership's district or one of its partners.
	RulePartyUnknown = "contract.party-unknown"
	// RuleSchoolUnknown (warning): a school's ID is not a school of the
	// partnership.
	RuleSchoolUnknown = "contract.school-unknown"
	// RulePriorityUnknown (warning): appendix item 1 names a priority ID
	// that is not one of the partnership's strategic priorities.
	RulePriorityUnknown = "contract.priority-unknown"
	// RuleManagerNotHigherAuthority (warning): an overall manager is not a
	// higher authority in the partnership.
	RuleManagerNotHigherAuthority = "contract.manager-not-higher-authority"
	// RuleManagerIsLiaison (info): a party's overall manager is also its
	// liaison.
	RuleManagerIsLiaison = "contract.manager-is-liaison"
	// RuleMeasureNoData (warning): no data duty names a success measure, so
	// no one provides or reports its data.
	RuleMeasureNoData = "contract.measure-no-data"
	// RuleFinalBeforeInterim (warning): a measure's final date is on or
	// before its interim date.
	RuleFinalBeforeInterim = "contract.final-before-interim"
	// RuleMeasureMix (info): the success measures lack outputs, outcomes,
	// measures about students or measures about adults.
	RuleMeasureMix = "contract.measure-mix"
	// RuleCadence (warning, or info): the meeting plan is less often than
	// quarterly (twice-yearly, yearly), or leaves more than
	// MaxMeetingGapDays (100 days) between two planned dates; information
	// when it is quarterly, without the monthly contact between.
	RuleCadence = "contract.cadence"
	// RuleIncomplete (info): the supplement is not complete yet; one finding
	// for the whole supplement, listing every part that is not.
	RuleIncomplete = "contract.incomplete"
	// RulePracticeUnsupported (warning): a practice is marked done while an
	// appendix item that records its details is still incomplete.
	RulePracticeUnsupported = "contract.practice-unsupported"
	// RuleMeasureTiming (info): a measure's interim date is not between
	// December and February, or its final date not between May and July.
	RuleMeasureTiming = "contract.measure-timing"
	// RuleInitiativeUnknown (warning): a measure follows an initiative ID
	// that is not one of the partnership's initiatives.
	RuleInitiativeUnknown = "contract.initiative-unknown"
)

// MaxMeetingGapDays is the longest gap between two planned meetings that
// still counts as quarterly: three months and a little slack.
const MaxMeetingGapDays = 100

// Rules returns every rule of Check. Each call returns a new slice.
func Rules() []partnership.Rule {
	const appendix = Source
	return []partnership.Rule{
		{ID: RuleIncomplete, Title: "Supplement not complete", Severity: partnership.Info, Standard: "alignment.4",
			Trigger: "A practice, an appendix item, the parties or the drafting session still lack something (see Completeness). One finding for the supplement names every incomplete part, so the cross-checks are not buried.",
			Source:  appendix + ": completed jointly, with the school leader"},
		{ID: RuleMeasureNoData, Title: "A measure without a data duty", Severity: partnership.Warning, Standard: "metrics.2",
			Trigger: "A success measure that no data duty names: no one is to provide or report its data.",
			Source:  appendix + ", item 6"},
		{ID: RuleMeasureTiming, Title: "Checkpoints away from January and June", Severity: partnership.Info, Standard: "metrics.2",
			Trigger:   "A measure's interim checkpoint is not due around January, or its final checkpoint not around June.",
			Threshold: "interim due outside December to February, or final due outside May to July",
			Source:    appendix + ", item 5"},
		{ID: RuleFinalBeforeInterim, Title: "Final date before the interim date", Severity: partnership.Warning, Standard: "metrics.2",
			Trigger: "A measure's final checkpoint is due on or before its interim checkpoint.",
			Source:  appendix + ", item 5"},
		{ID: RuleMeasureMix, Title: "Measures of one kind only", Severity: partnership.Info, Standard: "metrics.1",
			Trigger: "The success measures lack outputs, outcomes, measures about students or measures about adults: the framework asks for all four.",
			Source:  appendix + ", item 5, and the metrics standards"},
		{ID: RuleCadence, Title: "Meetings less often than quarterly", Severity: partnership.Warning,
			Trigger:   "The meeting plan is twice-yearly or yearly, or two planned dates lie more than a quarter apart (a warning, communication.5); a quarterly plan gets a note that monthly contact is also asked for (info, communication.1).",
			Threshold: fmt.Sprintf("more than %d days between planned meetings", MaxMeetingGapDays),
			Source:    appendix + ", practice 6 and item 7"},
		{ID: RuleManagerIsLiaison, Title: "Manager is also the liaison", Severity: partnership.Info, Standard: "communication.2",
			Trigger: "A party's overall manager and its liaison are the same person, by ID or by name.",
			Source:  appendix + ", item 4"},
		{ID: RulePracticeUnsupported, Title: "Practice done, details missing", Severity: partnership.Warning,
			Trigger: "A practice is marked done while an appendix item that records its details is incomplete. The finding cites the practice's first standard.",
			Source:  appendix + ", practices 1–6 and the items that record them"},
		{ID: RulePartyUnknown, Title: "District or partner not in the partnership", Severity: partnership.Warning,
			Trigger: "With a partnership: the supplement's district ID is not its district, or its partner ID is none of its partners.",
			Source:  "partnerkit: the supplement refers to the partnership it belongs to"},
		{ID: RuleSchoolUnknown, Title: "School not in the partnership", Severity: partnership.Warning,
			Trigger: "With a partnership: a school's ID is none of its schools.",
			Source:  "partnerkit: the supplement refers to the partnership it belongs to"},
		{ID: RulePriorityUnknown, Title: "Priority not in the partnership", Severity: partnership.Warning, Standard: "alignment.1",
			Trigger: "With a partnership: appendix item 1 names a priority ID that is not one of its strategic priorities.",
			Source:  appendix + ", item 1"},
		{ID: RuleInitiativeUnknown, Title: "Measure follows an initiative not in the partnership", Severity: partnership.Warning, Standard: "metrics.1",
			Trigger: "With a partnership: a success measure names an initiative ID, as one whose work it follows, that is none of its initiatives.",
			Source:  "partnerkit: the supplement refers to the partnership it belongs to"},
		{ID: RulePersonUnknown, Title: "Person not in the partnership", Severity: partnership.Warning,
			Trigger: "With a partnership: a contact, data provider, reporter, school leader or session attendee refers to a person ID it does not have.",
			Source:  "partnerkit: the supplement refers to the partnership it belongs to"},
		{ID: RuleLiaisonOrg, Title: "Liaison or manager from the wrong side", Severity: partnership.Warning, Standard: "resources.5",
			Trigger: "With a partnership: a district liaison or manager who is not of the district, or a partner liaison or manager who is not of the partner.",
			Source:  appendix + ", item 4"},
		{ID: RuleManagerNotHigherAuthority, Title: "Manager without higher authority", Severity: partnership.Warning, Standard: "communication.2",
			Trigger: "With a partnership: an overall manager who does not hold the higher-authority role there, although managers attend the quarterly reviews.",
			Source:  appendix + ", item 4, and the communication standards"},
	}
}

// Check cross-checks the supplement and returns findings for the team to
// discuss; paths are relative to the supplement ("appendix.contacts.partnerManager").
// It judges the supplement as it prints: with the names the partnership
// knows filled in (see Resolved).
//
// Without a partnership (p nil) it checks the supplement on its own: whether
// it is complete (one finding, see Completeness), every measure has a data
// duty, a final date after its interim one, checkpoints around January and
// June, a mix of outputs and outcomes for students and adults, meetings at
// least quarterly, managers other than the liaisons, and no practice marked
// done whose details are missing. With a partnership it also checks that the
// parties, schools, priority, people and initiatives it refers to exist,
// that liaisons and managers belong to the right organisation, and that each
// manager is a higher authority of that organisation.
func Check(s *Supplement, p *partnership.Partnership) []partnership.Finding {
	if s == nil {
		return nil
	}
	c := &checker{s: s.Resolved(p), p: p}
	c.incomplete()
	c.measures()
	c.cadence()
	c.managerIsLiaison()
	c.practicesSupported()
	if p != nil {
		c.parties()
		c.people()
		c.initiatives()
	}
	partnership.SortFindings(c.out)
	return c.out
}

type checker struct {
	s   *Supplement
	p   *partnership.Partnership
	out []partnership.Finding
}

func (c *checker) add(f partnership.Finding) {
	// A message that ends with a name ending in a full stop ("Inc.") gets one stop.
	if strings.HasSuffix(f.Message, "..") && !strings.HasSuffix(f.Message, "...") {
		f.Message = strings.TrimSuffix(f.Message, ".")
	}
	c.out = append(c.out, f)
}

// incomplete is one summary finding when the supplement is not complete. It
// is one info finding rather than one per item on purpose: a fresh draft
// lacks all fourteen parts, and fourteen findings would bury the
// cross-checks that need discussion. Its evidence names every incomplete
// part; Completeness gives the field-by-field list a form shows.
func (c *checker) incomplete() {
	comp := c.s.Completeness()
	if comp.Complete {
		return
	}
	var evidence []string
	for _, it := range comp.Items {
		if it.Complete {
			continue
		}
		name := it.Title
		switch it.Group {
		case GroupPractice:
			name = fmt.Sprintf("practice %d, %s", it.Number, it.Title)
		case GroupAppendix:
			name = fmt.Sprintf("appendix item %d, %s", it.Number, it.Title)
		}
		gaps := "gaps"
		if len(it.Missing) == 1 {
			gaps = "gap"
		}
		evidence = append(evidence, fmt.Sprintf("%s: %d %s (%s)", name, len(it.Missing), gaps, it.Missing[0].Message))
	}
	c.add(partnership.Finding{
		Rule:     RuleIncomplete,
		Severity: partnership.Info,
		// The supplement is the implementation plan the district, partner and
		// school leader write together: the standard that stakeholders shape it.
		Standard: "alignment.4",
		Message:  "The contract supplement is not complete yet: " + comp.Summary() + ".",
		Evidence: evidence,
		Question: "When will district, partner and school leader meet to complete the supplement together?",
	})
}

func (c *checker) measures() {
	ms := c.s.Appendix.Measures
	covered := make(map[string]bool)
	for _, d := range c.s.Appendix.DataPlan.Duties {
		covered[d.Measure] = true
	}
	for i, m := range ms {
		at := fmt.Sprintf("appendix.measures[%d]", i)
		if (m.ID == "" || !covered[m.ID]) && (m.ID != "" || !blank(m.Name)) {
			c.add(partnership.Finding{
				Rule: RuleMeasureNoData, Severity: partnership.Warning, Standard: "metrics.2",
				Message:  fmt.Sprintf("Nobody is named to provide or report the data for measure %d (%s).", i+1, measureLabel(m)),
				Evidence: []string{"measure: " + measureLabel(m), fmt.Sprintf("data duties: %d", len(c.s.Appendix.DataPlan.Duties))},
				Question: "Who will provide this data, who will report on it, and by which date?",
				Path:     at,
			})
		}
		c.measureTiming(i, m)
		if finalNotAfterInterim(m) {
			c.add(partnership.Finding{
				Rule: RuleFinalBeforeInterim, Severity: partnership.Warning, Standard: "metrics.2",
				Message:  fmt.Sprintf("Measure %d (%s) has its final date on or before its interim date.", i+1, measureLabel(m)),
				Evidence: []string{"interim due: " + words.Day(m.Interim.Due), "final due: " + words.Day(m.Final.Due)},
				Question: "Were the dates swapped? The interim check usually comes around January and the final one around June.",
				Path:     at + ".final.due",
			})
		}
	}
	c.measureMix()
}

// measureMix notes a set of measures that lacks outputs, outcomes, student
// measures or adult measures: the standard asks for all four.
func (c *checker) measureMix() {
	ms := c.s.Appendix.Measures
	if len(ms) == 0 {
		return
	}
	has := map[string]bool{}
	for _, m := range ms {
		has[string(m.Kind)] = true
		has[string(m.Audience)] = true
	}
	var lacking []string
	for _, x := range []string{string(Output), string(Outcome), string(Students), string(Adults)} {
		if !has[x] {
			lacking = append(lacking, x)
		}
	}
	if len(lacking) == 0 {
		return
	}
	c.add(partnership.Finding{
		Rule: RuleMeasureMix, Severity: partnership.Info, Standard: "metrics.1",
		Message:  "The success measures do not cover " + words.JoinAnd(lacking) + ".",
		Evidence: []string{fmt.Sprintf("measures: %d", len(ms))},
		Question: "The framework asks for outputs and outcomes, for students and for adults. Is something missing, or is the gap deliberate?",
		Path:     "appendix.measures",
	})
}

func (c *checker) cadence() {
	m := c.s.Appendix.Meetings
	switch m.Cadence {
	case partnership.TwiceYearly, partnership.Yearly:
		c.add(partnership.Finding{
			Rule: RuleCadence, Severity: partnership.Warning, Standard: "communication.5",
			Message:  fmt.Sprintf("The parties plan to meet %s, less often than the quarterly reviews the framework asks for.", m.Cadence),
			Evidence: []string{"cadence: " + string(m.Cadence)},
			Question: "Can the district, partner and school meet at least every quarter, with informal contact in between every month?",
			Path:     "appendix.meetings.cadence",
		})
	case partnership.Quarterly:
		c.add(partnership.Finding{
			Rule: RuleCadence, Severity: partnership.Info, Standard: "communication.1",
			Message:  "The parties plan quarterly meetings; the framework also asks for informal contact at least monthly.",
			Evidence: []string{"cadence: quarterly"},
			Question: "How will the liaisons stay in touch between the quarterly meetings?",
			Path:     "appendix.meetings.cadence",
		})
	}
	// The planned dates, in order, must not leave a gap longer than a quarter.
	var prev time.Time
	var prevDate partnership.Date
	for i, d := range m.Dates {
		t, ok := d.Time()
		if !ok {
			continue
		}
		if !prev.IsZero() {
			if days := int(t.Sub(prev).Hours() / 24); days > MaxMeetingGapDays {
				c.add(partnership.Finding{
					Rule: RuleCadence, Severity: partnership.Warning, Standard: "communication.5",
					Message:  fmt.Sprintf("There are %d days between the planned meetings of %s and %s, more than a quarter.", days, prevDate, d),
					Evidence: []string{"meeting: " + string(prevDate), "next meeting: " + string(d)},
					Question: "Can a meeting be added in between so that progress is reviewed every quarter?",
					Path:     fmt.Sprintf("appendix.meetings.dates[%d]", i),
				})
			}
		}
		if t.After(prev) {
			prev, prevDate = t, d
		}
	}
}

// practicesSupported warns of a practice marked done while an appendix item
// that records its details is still incomplete: the document would affirm
// something it does not show.
func (c *checker) practicesSupported() {
	items := c.s.items()
	byNumber := make(map[int]Item)
	for _, it := range items {
		if it.Group == GroupAppendix {
			byNumber[it.Number] = it
		}
	}
	for _, p := range Practices() {
		if !c.s.Practices.Record(p.ID).IsDone() {
			continue
		}
		var open []string
		var evidence []string
		for _, n := range p.Appendix {
			it := byNumber[n]
			if it.Complete || len(it.Missing) == 0 {
				continue
			}
			open = append(open, fmt.Sprintf("%d (%s)", n, strings.ToLower(it.Title)))
			evidence = append(evidence, fmt.Sprintf("appendix item %d: %s", n, it.Missing[0].Message))
		}
		if len(open) == 0 {
			continue
		}
		word := "item"
		if len(open) > 1 {
			word = "items"
		}
		c.add(partnership.Finding{
			Rule: RulePracticeUnsupported, Severity: partnership.Warning, Standard: p.Standards[0],
			Message:  fmt.Sprintf("Practice %d (%s) is marked done, but appendix %s %s, where its details belong, is not complete.", p.Number, strings.ToLower(p.Title), word, words.JoinAnd(open)),
			Evidence: evidence,
			Question: "Is the practice really in place? If so, what should the appendix say about it?",
			Path:     "practices." + string(p.ID),
		})
	}
}

// managerIsLiaison notes a party whose overall manager is also its liaison:
// the framework asks for a point person and a person of higher authority.
func (c *checker) managerIsLiaison() {
	ct := c.s.Appendix.Contacts
	for _, x := range []struct {
		side             string
		liaison, manager Contact
		path             string
	}{
		{"district", ct.DistrictLiaison, ct.DistrictManager, "appendix.contacts.districtManager"},
		{"partner", ct.PartnerLiaison, ct.PartnerManager, "appendix.contacts.partnerManager"},
	} {
		if !samePerson(x.liaison, x.manager) {
			continue
		}
		c.add(partnership.Finding{
			Rule: RuleManagerIsLiaison, Severity: partnership.Info, Standard: "communication.2",
			Message:  fmt.Sprintf("The %s's liaison is also its overall manager.", x.side),
			Evidence: []string{"liaison and manager: " + x.manager.Label()},
			Question: "Is there someone with greater responsibility who can attend the quarterly reviews, so the work does not rest on one person?",
			Path:     x.path,
		})
	}
}

// samePerson reports whether two contacts name the same person, by
// partnership ID or else by typed name.
func samePerson(a, b Contact) bool {
	if a.Person != "" && b.Person != "" {
		return a.Person == b.Person
	}
	return !blank(a.Name) && strings.EqualFold(strings.TrimSpace(a.Name), strings.TrimSpace(b.Name))
}

func (c *checker) parties() {
	s, p := c.s, c.p
	if s.District.ID != "" && s.District.ID != p.District.ID {
		c.add(partnership.Finding{
			Rule: RulePartyUnknown, Severity: partnership.Warning,
			Message:  fmt.Sprintf("The supplement's district id %q is not the partnership's district (%q).", s.District.ID, p.District.ID),
			Evidence: []string{"supplement: " + s.District.ID, "partnership: " + p.District.ID},
			Question: "Does this supplement belong to this partnership?",
			Path:     "district.id",
		})
	}
	if s.Partner.ID != "" {
		if _, ok := p.Partner(s.Partner.ID); !ok {
			c.add(partnership.Finding{
				Rule: RulePartyUnknown, Severity: partnership.Warning,
				Message:  fmt.Sprintf("The supplement's partner id %q is not a partner of the partnership.", s.Partner.ID),
				Evidence: []string{"partner: " + s.Partner.ID},
				Question: "Should the partner be added to the partnership, or is the id mistyped?",
				Path:     "partner.id",
			})
		}
	}
	for i, sc := range s.Schools {
		if sc.ID == "" {
			continue
		}
		if _, ok := p.School(sc.ID); !ok {
			c.add(partnership.Finding{
				Rule: RuleSchoolUnknown, Severity: partnership.Warning,
				Message:  fmt.Sprintf("School %q is not a school of the partnership.", sc.ID),
				Evidence: []string{"school: " + sc.ID},
				Question: "Should the school be added to the partnership, or is the id mistyped?",
				Path:     fmt.Sprintf("schools[%d].id", i),
			})
		}
	}
	if id := s.Appendix.Priority.Priority; id != "" {
		found := false
		for _, pr := range p.Priorities {
			found = found || pr.ID == id
		}
		if !found {
			c.add(partnership.Finding{
				Rule: RulePriorityUnknown, Severity: partnership.Warning, Standard: "alignment.1",
				Message:  fmt.Sprintf("The priority %q is not one of the district's strategic priorities in the partnership.", id),
				Evidence: []string{"priority: " + id},
				Question: "Which of the district's strategic priorities does the partner's work serve?",
				Path:     "appendix.priority.priority",
			})
		}
	}
}

// initiatives checks that every initiative a measure follows is one of the
// partnership's.
func (c *checker) initiatives() {
	known := make(map[string]bool, len(c.p.Initiatives))
	for _, x := range c.p.Initiatives {
		known[x.ID] = true
	}
	for i, m := range c.s.Appendix.Measures {
		for j, id := range m.Initiatives {
			if known[id] {
				continue
			}
			c.add(partnership.Finding{
				Rule: RuleInitiativeUnknown, Severity: partnership.Warning, Standard: "metrics.1",
				Message:  fmt.Sprintf("Measure %d (%s) follows an initiative that is not among the partnership's initiatives (%q).", i+1, measureLabel(m), id),
				Evidence: []string{"measure: " + measureLabel(m), "initiative: " + id},
				Question: "Which of the partnership's initiatives does this measure follow?",
				Path:     fmt.Sprintf("appendix.measures[%d].initiatives[%d]", i, j),
			})
		}
	}
}

// namedContact is a contact with its path and what it is.
type namedContact struct {
	path, what string
	c          Contact
}

func (c *checker) contacts() []namedContact {
	s := c.s
	ct := s.Appendix.Contacts
	out := []namedContact{
		{"appendix.contacts.districtLiaison", "district liaison", ct.DistrictLiaison},
		{"appendix.contacts.partnerLiaison", "partner liaison", ct.PartnerLiaison},
		{"appendix.contacts.districtManager", "district manager", ct.DistrictManager},
		{"appendix.contacts.partnerManager", "partner manager", ct.PartnerManager},
		{"appendix.schedule.assurance.givenBy", "person giving the district's assurance", s.Appendix.Schedule.Assurance.GivenBy},
	}
	for i, x := range s.Appendix.Investment.SchoolLeaders {
		out = append(out, namedContact{fmt.Sprintf("appendix.investment.schoolLeaders[%d]", i), "school leader", x})
	}
	for i, d := range s.Appendix.DataPlan.Duties {
		at := fmt.Sprintf("appendix.dataPlan.duties[%d]", i)
		out = append(out, namedContact{at + ".provider", "data provider", d.Provider}, namedContact{at + ".reporter", "reporter", d.Reporter})
	}
	for i, a := range s.Session.Attendees {
		out = append(out, namedContact{fmt.Sprintf("session.attendees[%d]", i), "session attendee", attendeeContact(a)})
	}
	return out
}

func (c *checker) people() {
	p := c.p
	for _, x := range c.contacts() {
		if x.c.Person == "" {
			continue
		}
		if _, ok := p.Person(x.c.Person); !ok {
			c.add(partnership.Finding{
				Rule: RulePersonUnknown, Severity: partnership.Warning,
				Message:  fmt.Sprintf("The %s refers to person %q, who is not among the partnership's people.", x.what, x.c.Person),
				Evidence: []string{x.what + ": " + x.c.Person},
				Question: "Should this person be added to the partnership, or is the id mistyped?",
				Path:     x.path + ".person",
			})
		}
	}
	ct := c.s.Appendix.Contacts
	// The partner's own people are checked against its ID when the
	// partnership knows that partner; otherwise any partner will do.
	partnerOrg := c.s.Partner.ID
	if _, ok := p.Partner(partnerOrg); !ok {
		partnerOrg = ""
	}
	for _, x := range []struct {
		path, what string
		c          Contact
		district   bool
		manager    bool
	}{
		{"appendix.contacts.districtLiaison", "district liaison", ct.DistrictLiaison, true, false},
		{"appendix.contacts.partnerLiaison", "partner liaison", ct.PartnerLiaison, false, false},
		{"appendix.contacts.districtManager", "district manager", ct.DistrictManager, true, true},
		{"appendix.contacts.partnerManager", "partner manager", ct.PartnerManager, false, true},
	} {
		person, ok := p.Person(x.c.Person)
		if !ok {
			continue
		}
		wrong := p.IsDistrict(person.Org) != x.district
		if !x.district && partnerOrg != "" && person.Org != partnerOrg {
			wrong = true
		}
		if wrong {
			want := p.District.Name
			if !x.district {
				want = "the partner"
				if partnerOrg != "" {
					want = p.OrgName(partnerOrg)
				}
			}
			c.add(partnership.Finding{
				Rule: RuleLiaisonOrg, Severity: partnership.Warning, Standard: "resources.5",
				Message:  fmt.Sprintf("The %s, %s, belongs to %s rather than to %s.", x.what, person.Name, p.OrgName(person.Org), want),
				Evidence: []string{x.what + ": " + person.Name, "organization: " + p.OrgName(person.Org)},
				Question: fmt.Sprintf("Who at %s should hold this role?", want),
				Path:     x.path + ".person",
			})
		}
		if x.manager && !person.HasRole(partnership.HigherAuthority) {
			c.add(partnership.Finding{
				Rule: RuleManagerNotHigherAuthority, Severity: partnership.Warning, Standard: "communication.2",
				Message:  fmt.Sprintf("The %s, %s, is not listed in the partnership as a higher authority who attends the quarterly reviews.", x.what, person.Name),
				Evidence: []string{x.what + ": " + person.Name, "roles: " + rolesOf(person)},
				Question: fmt.Sprintf("Will %s attend the quarterly reviews with overall responsibility? If so, give them the higher-authority role in the partnership.", person.Name),
				Path:     x.path + ".person",
			})
		}
	}
}

func rolesOf(p partnership.Person) string {
	if len(p.Roles) == 0 {
		return "none"
	}
	rs := make([]string, len(p.Roles))
	for i, r := range p.Roles {
		rs[i] = string(r)
	}
	return strings.Join(rs, ", ")
}

// measureTiming notes a checkpoint far from the months the source suggests:
// interim results around January (December to February) and final ones
// around June (May to July).
func (c *checker) measureTiming(i int, m Measure) {
	at := fmt.Sprintf("appendix.measures[%d]", i)
	var evidence []string
	path := ""
	if t, ok := m.Interim.Due.Time(); ok && t.Month() > time.February && t.Month() < time.December {
		evidence = append(evidence, "interim due: "+words.Day(m.Interim.Due))
		path = at + ".interim.due"
	}
	if t, ok := m.Final.Due.Time(); ok && (t.Month() < time.May || t.Month() > time.July) {
		evidence = append(evidence, "final due: "+words.Day(m.Final.Due))
		if path == "" {
			path = at + ".final.due"
		}
	}
	if len(evidence) == 0 {
		return
	}
	c.add(partnership.Finding{
		Rule: RuleMeasureTiming, Severity: partnership.Info, Standard: "metrics.2",
		Message:  fmt.Sprintf("Measure %d (%s) is not checked around January and June, as the framework suggests for interim and final results.", i+1, measureLabel(m)),
		Evidence: evidence,
		Question: "Do these dates fit the school year? A mid-year reading in January leaves time to change course before June.",
		Path:     path,
	})
}
