package partnership

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/internal/words"
)

// The rules of Check, with what makes each fire. Their IDs are stable:
// files, pages and tests refer to them. Rules returns each with its
// severity, the standard it serves, its threshold and its source.
const (
	// RuleOverCapacity (critical): for one audience at one school in one
	// week, Monday to Sunday, the hours per week of every demand covering
	// that week add up to more than the audience's capacity.
	RuleOverCapacity = "partnership.over-capacity"
	// RuleCompetingDemands (warning): two or more organisations ask the same
	// audience at the same school for time in the same week, even within its
	// capacity.
	RuleCompetingDemands = "partnership.competing-demands"
	// RuleNoPriorities (warning): the partnership has initiatives but names
	// no strategic priority.
	RuleNoPriorities = "partnership.no-priorities"
	// RuleInitiativeWithoutPriority (warning): an initiative serves none of
	// the strategic priorities.
	RuleInitiativeWithoutPriority = "partnership.initiative-without-priority"
	// RuleTooManyPriorities (warning): more than MaxPriorities (5)
	// strategic priorities.
	RuleTooManyPriorities = "partnership.too-many-priorities"
	// RulePriorityWithoutInitiative (warning): a strategic priority that no
	// initiative serves.
	RulePriorityWithoutInitiative = "partnership.priority-without-initiative"
	// RuleNoPointPerson (warning): the district or a partner names no point
	// person.
	RuleNoPointPerson = "partnership.no-point-person"
	// RuleNoHigherAuthority (warning): the district or a partner names no
	// person of higher authority.
	RuleNoHigherAuthority = "partnership.no-higher-authority"
	// RuleNoSchoolLeader (warning): a school, or the whole partnership when
	// it lists no schools, has no school leader among the people.
	RuleNoSchoolLeader = "partnership.no-school-leader"
	// RuleSinglePointOfFailure (warning): one person holds two or more of an
	// organisation's key roles (point person, higher authority, liaison,
	// manager) and no one else there holds any.
	RuleSinglePointOfFailure = "partnership.single-point-of-failure"
	// RuleApproachUnstated (warning): a partner has not stated whether it
	// co-designs, consults or delivers.
	RuleApproachUnstated = "partnership.approach-unstated"
	// RuleNoContinuation (warning): the partnership has an end date, and no
	// initiative the district runs for the partners' priorities goes on
	// after it.
	RuleNoContinuation = "partnership.no-continuation"
	// RuleNoEndDate (info): the partnership has partners but no end date.
	RuleNoEndDate = "partnership.no-end-date"
	// RuleYearlyRenewal (info): the partnership runs longer than
	// RenewalMonths (12 months).
	RuleYearlyRenewal = "partnership.yearly-renewal"
	// RuleInterestsUnstated (warning): an organisation has not stated its
	// interests, the first of the four I's.
	RuleInterestsUnstated = "partnership.interests-unstated"
	// RuleApproachMismatch (warning, or info): a partner's approach differs
	// from the one the district expects; a warning when they are at opposite
	// ends (delivery and co-design), information when one step apart.
	RuleApproachMismatch = "partnership.approach-mismatch"
	// RuleReceiverStance (warning): the district takes part as a passive
	// receiver of services.
	RuleReceiverStance = "partnership.receiver-stance"
	// RuleAudienceWithoutTime (warning): initiatives ask an audience for
	// time that has no time set in the partnership's capacity, so the time
	// checks cannot say whether it is asked too much; a slip such as
	// "teacher" for "teachers" does this unseen.
	RuleAudienceWithoutTime = "partnership.audience-without-time"
)

// MaxPriorities is the most strategic priorities Check accepts before it
// asks whether the district is trying to do too much at once: a team can
// rarely keep more than a handful in view. SCOPE ("Beyond Alignment") advises
// a district to name a few clearly defined instructional priorities and give
// them the time they need; WestEd ("Education Alliances") warns that too many
// goals make it unlikely that any one is fully reached.
const MaxPriorities = 5

// RenewalMonths is how long a partnership may run before Check suggests a
// yearly renewal: WestEd ("Education Alliances") describes an agreement
// signed anew each year, which also prompts the partners to review progress.
const RenewalMonths = 12

const (
	scopeSource  = "SCOPE, Beyond Alignment (Jaquith & Chavez, 2020)"
	westedSource = "WestEd, Education Alliances (Briggs, 2001)"
)

// Rules returns every rule of Check in the order Check applies them. Each
// call returns a new slice.
func Rules() []Rule {
	return []Rule{
		{ID: RuleOverCapacity, Title: "More time asked than people have", Severity: Critical, Standard: "resources.3",
			Trigger:   "For an audience at a school in a week (Monday to Sunday), the hours per week of every demand covering that week add up to more than the audience's capacity.",
			Threshold: "more than the audience's capacity, in hours a week",
			Source:    scopeSource + ": a summer PD that clashed with other district PD and summer school"},
		{ID: RuleCompetingDemands, Title: "Several organizations ask the same people", Severity: Warning, Standard: "alignment.2",
			Trigger:   "Two or more organizations (the district and partners) ask the same audience at the same school for time in the same week, even within its capacity.",
			Threshold: "two or more organizations in one week",
			Source:    scopeSource + ": TA organizations compete for educators' scarce time"},
		{ID: RuleNoPriorities, Title: "No strategic priorities", Severity: Warning, Standard: "alignment.1",
			Trigger: "The partnership has initiatives but names none of the district's strategic priorities.", Source: odstSource},
		{ID: RuleInitiativeWithoutPriority, Title: "Initiative serving no priority", Severity: Warning, Standard: "alignment.1",
			Trigger: "An initiative is linked to none of the district's strategic priorities.", Source: odstSource},
		{ID: RuleTooManyPriorities, Title: "More priorities than a team can hold", Severity: Warning, Standard: "alignment.1",
			Trigger:   "The district names more strategic priorities than a team can keep in view at once.",
			Threshold: fmt.Sprintf("more than %d strategic priorities", MaxPriorities),
			Source:    scopeSource + " (few, clearly defined priorities); " + westedSource + " (too many goals)"},
		{ID: RulePriorityWithoutInitiative, Title: "Priority with no initiative", Severity: Warning, Standard: "alignment.1",
			Trigger: "A strategic priority is served by no initiative, so no one's time is set aside for it.",
			Source:  scopeSource + ": allocate the time priorities need"},
		{ID: RuleNoPointPerson, Title: "No point person", Severity: Warning, Standard: "resources.5",
			Trigger: "The district or a partner names no point person.", Source: odstSource},
		{ID: RuleNoHigherAuthority, Title: "No higher authority", Severity: Warning, Standard: "communication.2",
			Trigger: "The district or a partner names no person of higher authority for the quarterly reviews.", Source: odstSource},
		{ID: RuleNoSchoolLeader, Title: "No school leader", Severity: Warning, Standard: "alignment.4",
			Trigger: "A school has no school leader among the people (or, when no schools are listed, the partnership has none at all).", Source: odstSource},
		{ID: RuleSinglePointOfFailure, Title: "One person holds every key role", Severity: Warning, Standard: "communication.2",
			Trigger:   "In one organization a single person holds every key role given (point person, higher authority, liaison, manager).",
			Threshold: "two or more key roles, all held by one person",
			Source:    westedSource + ": do not depend on one person"},
		{ID: RuleApproachUnstated, Title: "Partner's approach not stated", Severity: Warning, Standard: "alignment.4",
			Trigger: "A partner has not said whether it co-designs, consults or delivers.",
			Source:  scopeSource + ": know a TA organization's approach before deciding to work with it"},
		{ID: RuleNoContinuation, Title: "Nothing carries on after the partnership", Severity: Warning, Standard: "alignment.3",
			Trigger: "The partnership has an end date, and no initiative run by the district that serves the partners' priorities goes on after it.",
			Source:  scopeSource + ": plan for the capacity that must outlast the partnership"},
		{ID: RuleNoEndDate, Title: "No end date", Severity: Info, Standard: "alignment.3",
			Trigger: "The partnership has partners but no end date, so no one can plan for what follows it.", Source: odstSource + ", quarterly question 2"},
		{ID: RuleYearlyRenewal, Title: "Longer than a year", Severity: Info, Standard: "communication.4",
			Trigger:   "The partnership runs longer than a year: agree how the agreement is renewed and the work evaluated each year.",
			Threshold: fmt.Sprintf("longer than %d months", RenewalMonths),
			Source:    westedSource},
		{ID: RuleInterestsUnstated, Title: "Interests not stated", Severity: Warning, Standard: "alignment.1",
			Trigger: "An organization has not written down its interests in the district-context diagnostic.",
			Source:  fourIsSource},
		{ID: RuleApproachMismatch, Title: "Partner's approach differs from what the district expects", Severity: Warning, Standard: "alignment.4",
			Trigger:   "A partner's approach differs from the approach the district expects: a warning when they are at opposite ends (delivery against co-design), information when they are one step apart.",
			Threshold: "one step apart (info) or two (warning), in the order co-design, consultancy, delivery",
			Source:    scopeSource},
		{ID: RuleReceiverStance, Title: "District as passive receiver", Severity: Warning, Standard: "alignment.3",
			Trigger: "The district's stance is receiver: it secures dates and participants but does not shape the work.",
			Source:  scopeSource},
		{ID: RuleAudienceWithoutTime, Title: "Time asked of an audience with no time set", Severity: Warning, Standard: "resources.3",
			Trigger: "An initiative asks time of an audience (compared without regard to case or surrounding spaces) for which the partnership sets no hours a week, so the time checks cannot judge it.",
			Source:  scopeSource + ": initiatives competing for the same people's time"},
	}
}

// Check runs the coherence checks on a partnership and returns what the team
// should talk about, most severe first: time conflicts between initiatives
// (see Conflicts), alignment of initiatives with strategic priorities, roles,
// what carries on after the partnership, and the district-context diagnostic
// (see FourIs). Every finding names its rule, the standard it serves, its
// evidence and a question, and has the JSON path of what it concerns.
//
// Check never fails and never panics, whatever the partnership holds: values
// Validate would reject (a date that is not a date, a reference to nothing)
// are left out of the checks they would spoil.
func Check(p *Partnership) []Finding {
	if p == nil {
		return nil
	}
	c := &checker{p: p, names: newNames(p), rules: make(map[string]Rule)}
	for _, r := range Rules() {
		c.rules[r.ID] = r
	}
	c.timeConflicts()
	c.audiencesWithoutTime()
	c.alignment()
	c.roles()
	c.sustainability()
	c.context()
	SortFindings(c.out)
	return c.out
}

type checker struct {
	p *Partnership
	*names
	rules map[string]Rule
	out   []Finding
}

func (c *checker) add(rule, path, msg, question string, evidence ...string) {
	r := c.rules[rule]
	c.addSeverity(r.Severity, rule, path, msg, question, evidence...)
}

func (c *checker) addSeverity(sev Severity, rule, path, msg, question string, evidence ...string) {
	c.out = append(c.out, Finding{
		Rule: rule, Severity: sev, Standard: c.rules[rule].Standard,
		Message: msg, Evidence: evidence, Question: question, Path: path,
	})
}

// --- time --------------------------------------------------------------

func (c *checker) timeConflicts() {
	conflicts := Conflicts(c.p)
	c.out = slices.Grow(c.out, len(conflicts)+32)
	for _, k := range conflicts {
		who := c.who(k)
		evidence := make([]string, 1, 1+len(k.Shares))
		evidence[0] = c.summary(k, who)
		for _, sh := range k.Shares {
			evidence = append(evidence, c.runBy(sh.Initiative)+formatHours(sh.Hours)+" h a week")
		}
		path := "initiatives[" + strconv.Itoa(k.Shares[0].Initiative) + "]"
		when := weeksPhrase(k)
		owners := make([]string, len(k.Owners))
		for i, o := range k.Owners {
			owners[i] = c.orgName(o)
		}
		if k.Over() {
			msg := fmt.Sprintf("%s are asked for %s h a week %s, more than the %s h a week they have.",
				capitalize(who), formatHours(k.Demanded), when, formatHours(k.Available))
			if len(owners) > 1 {
				msg += fmt.Sprintf(" %d organizations ask for this time: %s.", len(owners), words.JoinAnd(owners))
			}
			c.add(RuleOverCapacity, path, msg,
				"Which of these can move, shrink or be dropped so that "+who+" can give their time to what matters most?",
				evidence...)
			continue
		}
		limit := "no capacity is given for them"
		if k.HasCapacity {
			limit = fmt.Sprintf("within the %s h a week they have", formatHours(k.Available))
		}
		msg := fmt.Sprintf("%d organizations (%s) ask %s for time %s: %s h a week in all, %s.",
			len(owners), words.JoinAnd(owners), who, when, formatHours(k.Demanded), limit)
		c.add(RuleCompetingDemands, path, msg,
			"Do these organizations know about each other's plans for the same people, and who makes sure the work fits together?",
			evidence...)
	}
}

// audiencesWithoutTime finds the audiences that initiatives ask for time
// and the capacity does not name, once each, at the first demand on them,
// with the audience of the capacity it may have been meant to be.
func (c *checker) audiencesWithoutTime() {
	p := c.p
	set := make(map[string]bool, len(p.Capacity))
	for _, cp := range p.Capacity {
		set[normAudience(cp.Audience)] = true
	}
	type unknown struct {
		name, path string
		inits      []string
	}
	var order []string
	found := map[string]*unknown{}
	for i, in := range p.Initiatives {
		for j, d := range in.Demands {
			k := normAudience(d.Audience)
			if k == "" || set[k] {
				continue
			}
			u := found[k]
			if u == nil {
				u = &unknown{name: strings.TrimSpace(d.Audience), path: "initiatives[" + strconv.Itoa(i) + "].demands[" + strconv.Itoa(j) + "].audience"}
				found[k] = u
				order = append(order, k)
			}
			if n := len(u.inits); n == 0 || u.inits[n-1] != c.initiativeName(i) {
				u.inits = append(u.inits, c.initiativeName(i))
			}
		}
	}
	for _, k := range order {
		u := found[k]
		msg := fmt.Sprintf("No time is set for %s, so partnerkit cannot tell whether the initiatives ask them for more than they have.", u.name)
		if near := nearAudience(p.Capacity, k); near != "" {
			msg = fmt.Sprintf("Initiatives ask time of %s, but the time people have is set for %s: if they are the same people, the time checks leave them out.", u.name, near)
		}
		evidence := make([]string, 0, min(len(u.inits), 10)+1)
		for i, name := range u.inits {
			if i == 10 {
				evidence = append(evidence, fmt.Sprintf("and %d more initiatives", len(u.inits)-10))
				break
			}
			evidence = append(evidence, "asked by: "+name)
		}
		c.add(RuleAudienceWithoutTime, u.path, msg,
			fmt.Sprintf("How many hours a week do %s have for this work, or which of the audiences already listed are they?", u.name), evidence...)
	}
}

// nearAudience returns an audience of the capacity that the audience k may
// have been meant to be: the same but for a plural s, or one held in the
// other ("K-3 teachers" and "teachers"); "" for none.
func nearAudience(cs []Capacity, k string) string {
	for _, cp := range cs {
		a := normAudience(cp.Audience)
		if a == "" {
			continue
		}
		if strings.TrimSuffix(a, "s") == strings.TrimSuffix(k, "s") || strings.Contains(k, a) || strings.Contains(a, k) {
			return strings.TrimSpace(cp.Audience)
		}
	}
	return ""
}

// ConflictSummary writes a conflict in one line: who, when, the hours asked
// and available, and the share of each initiative, such as
// "teachers at Hayes, week of June 19, 2017: 34.5 h demanded, 10 h available — Summer PBL institute 30 h, Summer school 4.5 h".
func ConflictSummary(p *Partnership, k Conflict) string {
	n := newNames(p)
	return n.summary(k, n.who(k))
}

// names looks up and remembers the names findings and maps show.
type names struct {
	p       *Partnership
	orgs    map[string]string
	schools map[string]string
	inits   []string // initiative names, filled as asked for
	runBys  []string // "name, run by owner: ", filled as asked for
}

func newNames(p *Partnership) *names {
	n := &names{p: p, orgs: make(map[string]string), schools: make(map[string]string)}
	if p == nil {
		return n
	}
	for i := len(p.Partners) - 1; i >= 0; i-- { // the first of equal IDs wins, as in OrgName
		n.orgs[p.Partners[i].ID] = p.Partners[i].Name
	}
	n.orgs[p.District.ID] = p.District.Name
	for i := len(p.Schools) - 1; i >= 0; i-- {
		if strings.TrimSpace(p.Schools[i].Name) != "" {
			n.schools[p.Schools[i].ID] = p.Schools[i].Name
		}
	}
	n.inits = make([]string, len(p.Initiatives))
	n.runBys = make([]string, len(p.Initiatives))
	return n
}

// orgName names an organisation for a message; one without a name yet, or
// an ID that names none, is described in words, never by its ID: a message
// is for people.
func (n *names) orgName(id string) string {
	if name := n.orgs[id]; strings.TrimSpace(name) != "" {
		return name
	}
	switch _, known := n.orgs[id]; {
	case n.p != nil && id == n.p.District.ID:
		return "the district"
	case known:
		return "a partner without a name"
	}
	return "an organization that is not in the partnership"
}

func (n *names) schoolName(id string) string {
	if name, ok := n.schools[id]; ok {
		return name
	}
	if n.p != nil {
		if _, ok := n.p.School(id); ok {
			return "a school without a name"
		}
	}
	return "a school that is not in the partnership"
}

func (n *names) initiativeName(i int) string {
	if n.inits[i] != "" {
		return n.inits[i]
	}
	in := n.p.Initiatives[i]
	name := in.Name
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("initiative %d (no name yet)", i+1)
	}
	n.inits[i] = name
	return name
}

// runBy returns "name, run by owner: " for initiative i.
func (n *names) runBy(i int) string {
	if n.runBys[i] == "" {
		n.runBys[i] = n.initiativeName(i) + ", run by " + n.orgName(n.p.Initiatives[i].Owner) + ": "
	}
	return n.runBys[i]
}

func (n *names) summary(k Conflict, who string) string {
	var b strings.Builder
	b.WriteString(who)
	if k.Weeks <= 1 {
		b.WriteString(", week of " + words.Day(k.From))
	} else {
		b.WriteString(", weeks of " + words.Day(k.From) + " to " + words.Day(k.To) + " (" + strconv.Itoa(k.Weeks) + " weeks)")
	}
	b.WriteString(": " + formatHours(k.Demanded) + " h demanded, ")
	if k.HasCapacity {
		b.WriteString(formatHours(k.Available) + " h available")
	} else {
		b.WriteString("no capacity given")
	}
	b.WriteString(" — ")
	for i, sh := range k.Shares {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n.initiativeName(sh.Initiative))
		b.WriteByte(' ')
		b.WriteString(formatHours(sh.Hours))
		b.WriteString(" h")
	}
	return b.String()
}

// who names the audience and the schools of a conflict: "teachers at Hayes".
func (n *names) who(k Conflict) string {
	if len(k.Schools) == 0 {
		return k.Audience + " across the district"
	}
	const shown = 4
	list := make([]string, 0, shown+1)
	for i, id := range k.Schools {
		if i == shown && len(k.Schools) > shown+1 {
			list = append(list, fmt.Sprintf("%d other schools", len(k.Schools)-shown))
			break
		}
		list = append(list, n.schoolName(id))
	}
	return k.Audience + " at " + words.JoinAnd(list)
}

func weeksPhrase(k Conflict) string {
	if k.Weeks <= 1 {
		return "in the week of " + words.Day(k.From)
	}
	return fmt.Sprintf("in each of the %d weeks from %s to %s", k.Weeks, words.Day(k.From), words.Day(k.To))
}

// --- alignment ---------------------------------------------------------

func (c *checker) alignment() {
	p := c.p
	if len(p.Priorities) == 0 {
		if len(p.Initiatives) > 0 {
			c.add(RuleNoPriorities, "priorities",
				fmt.Sprintf("The partnership lists %d initiatives but none of the district's strategic priorities, so no one can tell whether the work serves them.", len(p.Initiatives)),
				"Which strategic priorities of the district is this work meant to serve?",
				fmt.Sprintf("initiatives: %d; priorities: none", len(p.Initiatives)))
		}
		return
	}
	if n := len(p.Priorities); n > MaxPriorities {
		titles := make([]string, n)
		for i, pr := range p.Priorities {
			titles[i] = pr.Title
		}
		c.add(RuleTooManyPriorities, "priorities",
			fmt.Sprintf("The district names %d strategic priorities, more than %d: a team can rarely keep more than a handful in view at once, and SCOPE advises a few, clearly defined priorities with the time they need.", n, MaxPriorities),
			"Which few priorities matter most this year, and which can wait?",
			titles...)
	}
	known := make(map[string]bool, len(p.Priorities))
	for _, pr := range p.Priorities {
		known[pr.ID] = true
	}
	served := make(map[string][]string, len(p.Priorities))
	for i, in := range p.Initiatives {
		linked := false
		for _, id := range in.Priorities {
			if known[id] {
				linked = true
				served[id] = append(served[id], c.initiativeName(i))
			}
		}
		if !linked {
			c.add(RuleInitiativeWithoutPriority, fmt.Sprintf("initiatives[%d].priorities", i),
				fmt.Sprintf("“%s”, run by %s, serves none of the district's strategic priorities.", c.initiativeName(i), c.orgName(in.Owner)),
				"Which priority does this initiative serve? If none, should it still take people's time?",
				fmt.Sprintf("initiative: %s", c.initiativeName(i)))
		}
	}
	for i, pr := range p.Priorities {
		if len(served[pr.ID]) > 0 || pr.ID == "" {
			continue
		}
		title := pr.Title
		if strings.TrimSpace(title) == "" {
			title = fmt.Sprintf("priority %d (no title yet)", i+1)
		}
		c.add(RulePriorityWithoutInitiative, fmt.Sprintf("priorities[%d]", i),
			fmt.Sprintf("No initiative serves the priority “%s”, so no one's time is set aside for it.", title),
			"Is this still a priority? If it is, who works on it, and with what time?",
			fmt.Sprintf("priority: %s", title))
	}
}

// --- roles -------------------------------------------------------------

var keyRoles = []Role{PointPerson, HigherAuthority, Liaison, Manager}

func (c *checker) roles() {
	p := c.p
	byOrg := make(map[string][]int, 1+len(p.Partners))
	for i, x := range p.People {
		byOrg[x.Org] = append(byOrg[x.Org], i)
	}
	type org struct{ id, path string }
	orgs := []org{{p.District.ID, "district"}}
	for i, x := range p.Partners {
		orgs = append(orgs, org{x.ID, fmt.Sprintf("partners[%d]", i)})
	}
	for _, o := range orgs {
		if o.id == "" {
			continue
		}
		name := c.orgName(o.id)
		people := byOrg[o.id]
		holders := func(r Role) []string {
			var out []string
			for _, i := range people {
				if p.People[i].HasRole(r) {
					out = append(out, p.People[i].Name)
				}
			}
			return out
		}
		if len(holders(PointPerson)) == 0 {
			c.add(RuleNoPointPerson, o.path,
				fmt.Sprintf("%s names no point person to manage the work day to day.", name),
				fmt.Sprintf("Who at %s is the point person, and how much of their time is set aside for it?", name),
				c.peopleEvidence(name, people))
		}
		if len(holders(HigherAuthority)) == 0 {
			c.add(RuleNoHigherAuthority, o.path,
				fmt.Sprintf("%s names no person of higher authority to attend the quarterly reviews.", name),
				fmt.Sprintf("Who at %s can make decisions about the partnership and will come to the quarterly reviews?", name),
				c.peopleEvidence(name, people))
		}
		c.singlePoint(o.id, name, people)
	}
	for i, x := range p.Partners {
		if x.Approach == "" {
			c.add(RuleApproachUnstated, fmt.Sprintf("partners[%d].approach", i),
				fmt.Sprintf("%s has not said whether it co-designs the work with the district, consults, or delivers a ready program.", c.orgName(x.ID)),
				"How does this partner work: with the district designing alongside, consulting at set points, or delivering its own design? Is that what the district wants?",
				c.servicesEvidence(x))
		}
	}
	c.schoolLeaders()
}

func (c *checker) servicesEvidence(x Partner) string {
	if strings.TrimSpace(x.Services) == "" {
		return "services: not described"
	}
	return "services: " + x.Services
}

// peopleEvidence lists an organisation's people and their roles.
func (c *checker) peopleEvidence(org string, people []int) string {
	if len(people) == 0 {
		return "people listed for " + org + ": none"
	}
	parts := make([]string, len(people))
	for k, i := range people {
		x := c.p.People[i]
		parts[k] = x.Name + " (" + roleList(x.Roles) + ")"
	}
	return "people listed for " + org + ": " + strings.Join(parts, "; ")
}

// roleList writes roles in words: "point person, liaison", or "no roles".
func roleList(rs []Role) string {
	if len(rs) == 0 {
		return "no roles"
	}
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = strings.ReplaceAll(string(r), "-", " ")
	}
	return strings.Join(out, ", ")
}

// singlePoint reports one person holding every key role of an organisation.
func (c *checker) singlePoint(orgID, name string, people []int) {
	p := c.p
	holder := -1
	var held []string
	for _, r := range keyRoles {
		for _, i := range people {
			if !p.People[i].HasRole(r) {
				continue
			}
			if holder >= 0 && holder != i {
				return // someone else holds a key role too
			}
			holder = i
		}
		if holder >= 0 && p.People[holder].HasRole(r) {
			held = append(held, strings.ReplaceAll(string(r), "-", " "))
		}
	}
	if holder < 0 || len(held) < 2 {
		return
	}
	who := p.People[holder].Name
	c.add(RuleSinglePointOfFailure, fmt.Sprintf("people[%d].roles", holder),
		fmt.Sprintf("%s holds every key role at %s (%s): the partnership depends on one person.", who, name, strings.Join(held, ", ")),
		fmt.Sprintf("Who else at %s could share these roles, so the work goes on if %s is away or leaves?", name, who),
		fmt.Sprintf("%s: %s", who, strings.Join(held, ", ")))
}

func (c *checker) schoolLeaders() {
	p := c.p
	var leaders []Person
	for _, x := range p.People {
		if x.HasRole(SchoolLeader) {
			leaders = append(leaders, x)
		}
	}
	if len(p.Schools) == 0 {
		if len(leaders) == 0 && len(p.People) > 0 {
			c.add(RuleNoSchoolLeader, "people",
				"No one among the people is a school leader, so schools have no voice in the partnership.",
				"Which school leaders should take part from the start, and how?",
				c.leaderEvidence(leaders))
		}
		return
	}
	covered := make(map[string]bool, len(p.Schools))
	everywhere := false
	for _, l := range leaders {
		if len(l.Schools) == 0 {
			everywhere = true
		}
		for _, s := range l.Schools {
			covered[s] = true
		}
	}
	if everywhere {
		return
	}
	for i, s := range p.Schools {
		if covered[s.ID] {
			continue
		}
		name := s.Name
		if strings.TrimSpace(name) == "" {
			name = "a school without a name"
		}
		c.add(RuleNoSchoolLeader, fmt.Sprintf("schools[%d]", i),
			fmt.Sprintf("%s has no school leader among the people, so it has no voice in the partnership.", name),
			fmt.Sprintf("Who leads %s, and how will they take part in planning and reviewing the work?", name),
			c.leaderEvidence(leaders))
	}
}

func (c *checker) leaderEvidence(leaders []Person) string {
	if len(leaders) == 0 {
		return "school leaders listed: none"
	}
	parts := make([]string, len(leaders))
	for i, l := range leaders {
		schools := make([]string, len(l.Schools))
		for k, id := range l.Schools {
			schools[k] = c.schoolName(id)
		}
		parts[i] = l.Name + " (" + words.JoinAnd(schools) + ")"
	}
	return "school leaders listed: " + strings.Join(parts, "; ")
}

// --- sustainability ------------------------------------------------------

func (c *checker) sustainability() {
	p := c.p
	end, okEnd := p.End.Time()
	if p.End == "" {
		if len(p.Partners) > 0 {
			c.add(RuleNoEndDate, "end",
				"The partnership has no end date, so no one can plan what the district carries on by itself afterwards.",
				"When does the partnership end, and what will happen when it does?",
				fmt.Sprintf("partners: %d; end: not given", len(p.Partners)))
		}
	}
	if start, okStart := p.Start.Time(); okStart && okEnd && end.After(start.AddDate(0, RenewalMonths, 0)) {
		months := monthsBetween(start, end)
		c.add(RuleYearlyRenewal, "end",
			fmt.Sprintf("The partnership runs about %d months (%s to %s), longer than %d: lasting alliances renew their agreement each year and use the renewal to review progress.", months, words.Day(p.Start), words.Day(p.End), RenewalMonths),
			"When will the partners restate their commitment and evaluate the work together this year?",
			fmt.Sprintf("start: %s; end: %s", words.Day(p.Start), words.Day(p.End)))
	}
	if !okEnd {
		return
	}
	// The priorities the partners' work serves; with none, any district work counts.
	partnerPriorities := make(map[string]bool)
	var titles []string
	for _, in := range p.Initiatives {
		if p.IsDistrict(in.Owner) {
			continue
		}
		for _, id := range in.Priorities {
			if !partnerPriorities[id] {
				partnerPriorities[id] = true
				titles = append(titles, c.priorityTitle(id))
			}
		}
	}
	for _, in := range p.Initiatives {
		if !p.IsDistrict(in.Owner) {
			continue
		}
		relevant := len(partnerPriorities) == 0
		for _, id := range in.Priorities {
			relevant = relevant || partnerPriorities[id]
		}
		if !relevant {
			continue
		}
		for _, d := range in.Demands {
			if e, ok := d.End.Time(); ok && e.After(end) {
				return
			}
		}
	}
	msg := fmt.Sprintf("No initiative run by %s goes on after the partnership ends on %s", c.orgName(p.District.ID), words.Day(p.End))
	var evidence []string
	if len(titles) > 0 {
		msg += fmt.Sprintf(" to carry on the work on %s", words.JoinAnd(quoteAll(titles)))
		for _, t := range titles {
			evidence = append(evidence, "priority served by the partners: "+t)
		}
	}
	msg += ": the capacity the partnership builds has no plan to outlast it."
	evidence = append(evidence, "partnership ends: "+words.Day(p.End))
	c.add(RuleNoContinuation, "end", msg,
		"What will happen when the partnership ends? Who in the district keeps the work going, and with what time?",
		evidence...)
}

func (c *checker) priorityTitle(id string) string {
	for _, pr := range c.p.Priorities {
		if pr.ID == id && strings.TrimSpace(pr.Title) != "" {
			return pr.Title
		}
	}
	return "a priority without a title"
}

func monthsBetween(a, b time.Time) int {
	m := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() >= a.Day() {
		return m
	}
	return m - 1
}

// --- context -----------------------------------------------------------

var approachStep = map[Approach]int{CoDesign: 0, Consultancy: 1, Delivery: 2}

func (c *checker) context() {
	p := c.p
	ids := []string{p.District.ID}
	for _, x := range p.Partners {
		ids = append(ids, x.ID)
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		ctx, at := p.ContextOf(id)
		if strings.TrimSpace(ctx.Interests) != "" {
			continue
		}
		path, evidence := "context", "no context answers for "+c.orgName(id)
		if at >= 0 {
			path = fmt.Sprintf("context[%d].interests", at)
			evidence = fmt.Sprintf("context[%d].interests is empty", at)
		}
		name := c.orgName(id)
		c.add(RuleInterestsUnstated, path,
			fmt.Sprintf("%s has not stated its interests in the partnership: what it wants from the work for itself.", name),
			FourIs()[0].Question(p.IsDistrict(id)), evidence)
	}
	if p.District.Stance == Receiver {
		c.add(RuleReceiverStance, "district.stance",
			fmt.Sprintf("%s takes part as a receiver of services: it arranges dates and participants but does not shape the work, share what it knows, or plan how the learning will be supported afterwards.", c.orgName(p.District.ID)),
			"What does the district know that its partners need, which decisions should it take part in, and how will it support people to use what they learn?",
			"district stance: "+string(Receiver))
	}
	want, ok := approachStep[p.District.Expects]
	if !ok {
		return
	}
	for i, x := range p.Partners {
		got, ok := approachStep[x.Approach]
		if !ok || got == want {
			continue
		}
		sev := Info
		if got-want == 2 || want-got == 2 {
			sev = Warning
		}
		c.addSeverity(sev, RuleApproachMismatch, fmt.Sprintf("partners[%d].approach", i),
			fmt.Sprintf("%s works by %s, while %s expects %s.", c.orgName(x.ID), x.Approach, c.orgName(p.District.ID), p.District.Expects),
			"Can the partner and the district agree how they will work together before the work is designed?",
			fmt.Sprintf("%s approach: %s", c.orgName(x.ID), x.Approach),
			fmt.Sprintf("district expects: %s", p.District.Expects))
	}
}

// --- text --------------------------------------------------------------

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = "“" + x + "”"
	}
	return out
}

// capitalize upper-cases s's first letter when it is an ASCII lower-case letter.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
