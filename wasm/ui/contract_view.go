package ui

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// The contract form: the supplement's parts in the order of the document,
// each with the package's own guidance, what it still lacks, and the
// findings about it; a preview of the addendum as it prints.

// conCtx is what the parts of the form share.
type conCtx struct {
	a        *App
	s        *contract.Supplement
	p        *partnership.Partnership // nil without a partnership
	fs       []partnership.Finding
	problems map[string]string
	items    map[string]contract.Item // completeness items by path
}

func (c conCtx) problem(path string) string { return c.problems[path] }

func (a *App) viewContract() *Node {
	head := El("h2", ID("pk-contract-h"), "Contract supplement")
	s := a.ws.Contract
	if s == nil {
		return El("section", ID("pk-contract"), A("aria-labelledby", "pk-contract-h"), head,
			El("p", Class("pk-empty"), "No supplement yet. The contract supplement is an addendum to the district's contract with its partner (or a memorandum that goes with it). In it both sides confirm six practices of effective partnerships and fill in a seven-item appendix: the priority the work serves, the school leaders' commitment, the schedule, the liaisons and managers, the measures of success, the data plan and the meetings. The source suggests drafting it together in a 90-minute session with the school leader."),
			El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-contract-start"), On("click", "contract.start"), "Start the supplement")))
	}
	r := a.resolved()
	comp := r.Completeness()
	var fs []partnership.Finding
	for _, f := range a.reviewFindings() {
		if strings.HasPrefix(f.Path, "contract") && f.Rule != contract.RuleIncomplete {
			fs = append(fs, f)
		}
	}
	c := conCtx{a: a, s: s, p: a.ws.Partnership, fs: fs, problems: map[string]string{}, items: map[string]contract.Item{}}
	for _, it := range comp.Items {
		c.items["contract."+it.Path] = it
	}
	for _, pr := range partnership.ProblemsOf(s.Structure()) {
		c.problems[schema.Join("contract", pr.Path)] = pr.Message
	}
	cls := "pk-contract"
	if a.con.preview {
		cls += " pk-contract-previewing"
	}
	label := "Preview the addendum"
	if a.con.preview {
		label = "Back to the form"
	}
	return El("section", ID("pk-contract"), Class(cls), A("aria-labelledby", "pk-contract-h"), head,
		c.viewProgress(comp),
		El("div", Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), ID("pk-contract-preview-toggle"), Class("pk-secondary"), On("click", "contract.preview"), label),
			El("button", A("type", "button"), ID("pk-contract-print"), On("click", "contract.print"), "Print the addendum"),
			El("button", A("type", "button"), ID("pk-contract-html"), Class("pk-secondary"), On("click", "contract.html"), "Download (HTML, to print or sign)"),
			El("button", A("type", "button"), ID("pk-contract-md"), Class("pk-secondary"), On("click", "contract.md"), "Download (Markdown)")),
		c.viewPreview(r),
		El("div", ID("pk-contract-form"),
			c.viewParties(),
			c.viewPractices(),
			c.viewAppendix(),
			c.viewSession()))
}

// viewProgress says how far the supplement is and lists what is missing,
// each leading to its field.
func (c conCtx) viewProgress(comp contract.Completeness) *Node {
	var missing []*Node
	for _, it := range comp.Items {
		for _, m := range it.Missing {
			path := schema.Join("contract", firstOr(m.Path, it.Path))
			missing = append(missing, El("li", Key(it.Key+m.Path+m.Message),
				El("button", A("type", "button"), Class("pk-link"), On("click", "fix"), Arg(path), it.Title+": "+m.Message)))
		}
	}
	var list *Node
	if len(missing) > 0 {
		list = El("details", Class("pk-noprint"), El("summary", plural(len(missing), "thing", "things")+" still to fill in"), El("ul", missing))
	}
	ready := "Still a draft: what is missing is listed below, each leading to its place in the form."
	if comp.Complete {
		ready = "Complete: ready to print and sign."
	}
	return El("div", ID("pk-contract-progress"), Class("pk-progress"),
		El("p", ID("pk-contract-summary"), A("role", "status"), El("strong", fmt.Sprintf("%d of %d appendix items complete; %d of %d practices confirmed.",
			comp.Appendix.Done, comp.Appendix.Total, comp.Practices.Done, comp.Practices.Total)), " "+ready),
		list,
		findingsNode(findingsAt(c.fs, "contract")))
}

func (c conCtx) viewPreview(r *contract.Supplement) *Node {
	if !c.a.con.preview {
		return nil
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		return El("p", Class("pk-problem"), "The preview could not be drawn: "+err.Error())
	}
	return El("section", ID("pk-contract-preview"), A("tabindex", "-1"), A("aria-label", "The addendum as it prints"), Class("pk-preview"),
		El("pre", buf.String()))
}

// part is one part of the supplement: a section with the package's title
// and guidance, what it lacks, and the findings about it.
func (c conCtx) part(path, fallback string, body ...any) *Node {
	it, ok := c.items[path]
	title, guidance := fallback, ""
	if ok {
		title, guidance = it.Title, it.Guidance
		if it.Number > 0 && it.Group == contract.GroupAppendix {
			title = fmt.Sprintf("Appendix item %d: %s", it.Number, it.Title)
		}
	}
	state := El("p", Class("pk-state pk-state-todo"), "To do")
	if ok && it.Complete {
		state = El("p", Class("pk-state pk-state-done"), "Complete")
	}
	id := FieldID(path)
	parts := []any{ID(id), A("tabindex", "-1"), Class("pk-part-section"), A("aria-labelledby", id+"-h"),
		El("h3", ID(id+"-h"), title), state}
	if guidance != "" {
		parts = append(parts, El("p", Class("pk-hint"), guidance))
	}
	parts = append(parts, body...)
	parts = append(parts, findingsNode(findingsUnder(c.fs, path)))
	return El("section", parts...)
}

func (c conCtx) text(path, label, arg, value, hint string) *Node {
	return field{path: path, label: label, value: value, action: "contract.set", arg: arg, hint: hint, problem: c.problem(path)}.node()
}

func (c conCtx) area(path, label, arg, value, hint string) *Node {
	return field{path: path, label: label, kind: "textarea", value: value, action: "contract.set", arg: arg, hint: hint, problem: c.problem(path)}.node()
}

func (c conCtx) date(path, label, arg string, value partnership.Date) *Node {
	return field{path: path, label: label, kind: "date", value: string(value), action: "contract.set", arg: arg, problem: c.problem(path)}.node()
}

// person picks a contact among the partnership's people of one side (org
// "" for everyone), or lets the name be typed without a partnership.
func (c conCtx) person(path, label, key string, ct contract.Contact, org string) *Node {
	if c.p == nil {
		return El("div", ID(FieldID(path)), A("tabindex", "-1"), Class("pk-pair"),
			c.text(path+".name", label+": name", "name."+key, ct.Name, ""),
			c.text(path+".title", label+": position", "title."+key, ct.Title, "Such as Director of Curriculum."))
	}
	opts := []option{{"", "Choose a person"}}
	found := ct.Person == ""
	for _, pe := range c.p.People {
		if org != "" && pe.Org != org {
			continue
		}
		found = found || pe.ID == ct.Person
		opts = append(opts, option{pe.ID, named(pe.Name, pe.ID) + " (" + c.p.OrgName(pe.Org) + ")"})
	}
	if !found {
		opts = append(opts, option{ct.Person, ct.Label() + " (not among the people of the partnership)"})
	}
	hint := ""
	if len(opts) == 1 {
		hint = "No one to choose yet: add people to the partnership first."
	}
	return El("div", ID(FieldID(path)), A("tabindex", "-1"), Class("pk-pair"),
		selectNode(path+".person", label, ct.Person, "contract.set", "contact."+key, hint, opts),
		c.text(path+".title", label+": position", "title."+key, ct.Title, ""))
}

func (c conCtx) viewParties() *Node {
	s := c.s
	var partner *Node
	if c.p != nil && len(c.p.Partners) > 0 {
		opts := []option{}
		for _, pa := range c.p.Partners {
			opts = append(opts, option{pa.ID, named(pa.Name, pa.ID)})
		}
		partner = selectNode("contract.partner.id", "The partner", s.Partner.ID, "contract.set", "partner", "", opts)
	} else {
		partner = c.text("contract.partner.name", "The partner", "partner.name", s.Partner.Name, "")
	}
	return c.part("contract.district", "The agreement",
		selectNode("contract.form", "How it is attached to the contract", string(s.Form), "contract.set", "form", "",
			[]option{{string(contract.Addendum), "An addendum to the contract"}, {string(contract.MOU), "A memorandum of understanding that goes with it"}}),
		c.text("contract.contractRef", "The contract it belongs to", "contractRef", s.ContractRef, "Such as “Contract No. 2026-114 for coaching services”."),
		c.text("contract.schoolYear", "School year", "schoolYear", s.SchoolYear, "Such as 2026–27."),
		c.text("contract.district.name", "The district", "district.name", s.District.Name, ""),
		partner)
}

func (c conCtx) viewPractices() *Node {
	var sets []*Node
	for _, pr := range contract.Practices() {
		rec := c.s.Practices.Record(pr.ID)
		path := "contract.practices." + string(pr.ID)
		it := c.items[path]
		sets = append(sets, El("fieldset", ID(FieldID(path)), A("tabindex", "-1"), Class("pk-item"),
			El("legend", fmt.Sprintf("Practice %d: %s", pr.Number, pr.Title)),
			El("p", pr.Text),
			checkNode(FieldID(path+".status"), "Both sides confirm this practice", rec.IsDone(), "contract.toggle", "practice="+string(pr.ID)),
			c.area(path+".evidence", "How you know it holds", "evidence."+string(pr.ID), rec.Evidence, ""),
			missingNode(it),
			findingsNode(findingsUnder(c.fs, path))))
	}
	return El("section", ID(FieldID("contract.practices")), A("tabindex", "-1"), Class("pk-part-section"), A("aria-labelledby", "pk-practices-h"),
		El("h3", ID("pk-practices-h"), "The six practices"),
		El("p", Class("pk-hint"), "Both sides confirm each practice, and say how they know it holds."), sets)
}

// missingNode lists what a completeness item still lacks.
func missingNode(it contract.Item) *Node {
	if it.Complete || len(it.Missing) == 0 {
		return nil
	}
	var l []string
	for _, m := range it.Missing {
		l = append(l, m.Message)
	}
	return El("ul", Class("pk-missing"), A("aria-label", "Still missing"), lis(l))
}

func (c conCtx) viewAppendix() *Node {
	s, ap := c.s, &c.s.Appendix
	at := "contract.appendix."
	// 1. Priority
	var prio *Node
	if c.p != nil && len(c.p.Priorities) > 0 {
		opts := []option{{"", "Choose the district's priority"}}
		for _, pr := range c.p.Priorities {
			opts = append(opts, option{pr.ID, named(pr.Title, pr.ID)})
		}
		prio = selectNode(at+"priority.priority", "The district's strategic priority", ap.Priority.Priority, "contract.set", "priority", "", opts)
	}
	item1 := c.part(at+"priority", "Strategic priority", prio,
		c.area(at+"priority.statement", "The priority in words", "priority.statement", ap.Priority.Statement, ""),
		c.area(at+"priority.how", "How the partner's work serves it", "priority.how", ap.Priority.How, ""))
	// 2. Investment
	var leaders []*Node
	if c.p != nil {
		for _, pe := range c.p.People {
			if !pe.HasRole(partnership.SchoolLeader) {
				continue
			}
			on := false
			for _, l := range ap.Investment.SchoolLeaders {
				on = on || l.Person == pe.ID
			}
			leaders = append(leaders, checkNode(FieldID(at+"investment.schoolLeaders")+"-"+pe.ID, named(pe.Name, pe.ID), on, "contract.toggle", "leader="+pe.ID))
		}
	}
	var leaderSet *Node
	if len(leaders) > 0 {
		leaderSet = El("fieldset", ID(FieldID(at+"investment.schoolLeaders")), A("tabindex", "-1"), El("legend", "The school leaders concerned"), leaders)
	}
	item2 := c.part(at+"investment", "School leaders' investment",
		c.area(at+"investment.evidence", "What shows the school leaders are invested", "investment.evidence", ap.Investment.Evidence, ""), leaderSet)
	// 3. Schedule
	var acts []*Node
	for i, act := range ap.Schedule.Activities {
		p := fmt.Sprintf("%sschedule.activities[%d]", at, i)
		n := strconv.Itoa(i)
		hours, prob := strconv.FormatFloat(act.Hours, 'f', -1, 64), c.problem(p+".hours")
		if raw, ok := c.a.con.raw["activity.hours|"+n]; ok {
			hours, prob = raw, "Hours must be a number, such as 24."
		}
		acts = append(acts, El("fieldset", ID(FieldID(p)), A("tabindex", "-1"), Class("pk-item"), El("legend", fmt.Sprintf("Activity %d", i+1)),
			c.text(p+".what", "What", "activity.what|"+n, act.What, ""),
			c.text(p+".who", "Who takes part", "activity.who|"+n, act.Who, ""),
			c.text(p+".when", "When", "activity.when|"+n, act.When, "Such as “Tuesdays after school, October to May”."),
			field{path: p + ".hours", label: "Hours it asks of each, over the year", kind: "number", value: hours, action: "contract.set", arg: "activity.hours|" + n, problem: prob}.node(),
			conRemove("Remove this activity", "activity|"+n)))
	}
	as := ap.Schedule.Assurance
	item3 := c.part(at+"schedule", "Schedule of activities", acts,
		conAdd("pk-contract-add-activity", "Add an activity", "activity"),
		El("fieldset", ID(FieldID(at+"schedule.assurance")), A("tabindex", "-1"), El("legend", "The district's assurance"),
			checkNode(FieldID(at+"schedule.assurance.withinResources"), "The schedule fits the district's resources", as.WithinResources, "contract.toggle", "assurance.resources"),
			checkNode(FieldID(at+"schedule.assurance.withinBargainingAgreement"), "The schedule fits the collective-bargaining agreement", as.WithinBargainingAgreement, "contract.toggle", "assurance.bargaining"),
			c.person(at+"schedule.assurance.givenBy", "Given by", "assurance", as.GivenBy, c.districtID()),
			c.date(at+"schedule.assurance.date", "Date", "assurance.date", as.Date),
			c.area(at+"schedule.assurance.notes", "Conditions or remarks", "assurance.notes", as.Notes, "")))
	// 4. Contacts
	ct := ap.Contacts
	item4 := c.part(at+"contacts", "Liaisons and managers",
		c.person(at+"contacts.districtLiaison", "District liaison", "districtLiaison", ct.DistrictLiaison, c.districtID()),
		c.person(at+"contacts.partnerLiaison", "Partner liaison", "partnerLiaison", ct.PartnerLiaison, s.Partner.ID),
		c.person(at+"contacts.districtManager", "District overall manager", "districtManager", ct.DistrictManager, c.districtID()),
		c.person(at+"contacts.partnerManager", "Partner overall manager", "partnerManager", ct.PartnerManager, s.Partner.ID))
	// 5. Measures
	var ms []*Node
	for i, m := range ap.Measures {
		p := fmt.Sprintf("%smeasures[%d]", at, i)
		n := strconv.Itoa(i)
		ms = append(ms, El("fieldset", ID(FieldID(p)), A("tabindex", "-1"), Class("pk-item"), El("legend", "Measure "+strconv.Itoa(i+1)+": "+named(m.Name, "new")),
			c.text(p+".name", "What is measured", "measure.name|"+n, m.Name, "Such as “Teachers completing a coaching cycle”."),
			selectNode(p+".kind", "Kind", string(m.Kind), "contract.set", "measure.kind|"+n, "",
				[]option{{"", "Choose"}, {string(contract.Output), "Output: what was delivered"}, {string(contract.Outcome), "Outcome: what changed"}}),
			selectNode(p+".audience", "About", string(m.Audience), "contract.set", "measure.audience|"+n, "",
				[]option{{"", "Choose"}, {string(contract.Students), "Students"}, {string(contract.Adults), "Adults"}}),
			c.text(p+".interim.target", "Interim target", "measure.interim|"+n, m.Interim.Target, "Around January."),
			c.date(p+".interim.due", "Interim target by", "measure.interim.due|"+n, m.Interim.Due),
			c.text(p+".final.target", "Final target", "measure.final|"+n, m.Final.Target, "Around June."),
			c.date(p+".final.due", "Final target by", "measure.final.due|"+n, m.Final.Due),
			findingsNode(findingsUnder(c.fs, p)),
			conRemove("Remove this measure", "measure|"+n)))
	}
	item5 := c.part(at+"measures", "Success measures", ms, conAdd("pk-contract-add-measure", "Add a measure", "measure"))
	// 6. Data plan
	var duties []*Node
	for i, d := range ap.DataPlan.Duties {
		p := fmt.Sprintf("%sdataPlan.duties[%d]", at, i)
		n := strconv.Itoa(i)
		opts := []option{{"", "Choose a measure"}}
		for _, m := range ap.Measures {
			opts = append(opts, option{m.ID, named(m.Name, m.ID)})
		}
		duties = append(duties, El("fieldset", ID(FieldID(p)), A("tabindex", "-1"), Class("pk-item"), El("legend", fmt.Sprintf("Data for measure %d", i+1)),
			selectNode(p+".measure", "Measure", d.Measure, "contract.set", "duty.measure|"+n, "", opts),
			c.text(p+".source", "Where the data comes from", "duty.source|"+n, d.Source, ""),
			c.dutyPerson(p+".provider", "Who provides it", "duty.provider|"+n, d.Provider),
			c.dutyPerson(p+".reporter", "Who reports it", "duty.reporter|"+n, d.Reporter),
			c.date(p+".due", "Reported by", "duty.due|"+n, d.Due),
			conRemove("Remove", "duty|"+n)))
	}
	item6 := c.part(at+"dataPlan", "Data plan",
		c.area(at+"dataPlan.process", "How the data is collected", "dataPlan.process", ap.DataPlan.Process, ""),
		duties, conAdd("pk-contract-add-duty", "Add who provides and reports the data of a measure", "duty"))
	// 7. Meetings
	mp := ap.Meetings
	dates, agenda := joinDates(mp.Dates), strings.Join(mp.Agenda, "\n")
	if raw, ok := c.a.con.raw["meetings.dates"]; ok {
		dates = raw
	}
	if raw, ok := c.a.con.raw["meetings.agenda"]; ok {
		agenda = raw
	}
	item7 := c.part(at+"meetings", "Meetings",
		selectNode(at+"meetings.cadence", "How often you meet", string(mp.Cadence), "contract.set", "cadence", "The framework asks for contact at least monthly and a review every quarter.",
			[]option{{"", "Choose"}, {string(partnership.Weekly), "Weekly"}, {string(partnership.Monthly), "Monthly"}, {string(partnership.Quarterly), "Quarterly"},
				{string(partnership.TwiceYearly), "Twice a year"}, {string(partnership.Yearly), "Once a year"}}),
		field{path: at + "meetings.dates", label: "Meeting dates, one a line (YYYY-MM-DD)", kind: "textarea", value: dates, action: "contract.set", arg: "meetings.dates", problem: c.problemUnder(at + "meetings.dates")}.node(),
		field{path: at + "meetings.agenda", label: "Draft agenda, one item a line", kind: "textarea", value: agenda, action: "contract.set", arg: "meetings.agenda"}.node(),
		c.area(at+"meetings.conflict", "How conflicts are raised and resolved", "meetings.conflict", mp.Conflict, ""),
		c.area(at+"meetings.improvement", "How the partnership keeps improving", "meetings.improvement", mp.Improvement, ""),
		c.area(at+"meetings.dissolution", "How it may end if it is not on track", "meetings.dissolution", mp.Dissolution, ""))
	return El("section", ID(FieldID("contract.appendix")), A("tabindex", "-1"), Class("pk-part-section"), A("aria-labelledby", "pk-appendix-h"),
		El("h3", ID("pk-appendix-h"), "The alignment appendix"),
		item1, item2, item3, item4, item5, item6, item7)
}

// problemUnder joins the problems at path and under it (a list's entries).
func (c conCtx) problemUnder(path string) string {
	var out []string
	for p, m := range c.problems {
		if p == path || strings.HasPrefix(p, path+"[") {
			out = append(out, m)
		}
	}
	return strings.Join(out, "; ")
}

func (c conCtx) districtID() string {
	if c.p != nil {
		return c.p.District.ID
	}
	return ""
}

func (c conCtx) dutyPerson(path, label, arg string, ct contract.Contact) *Node {
	if c.p == nil {
		field, n, _ := strings.Cut(arg, "|")
		return c.text(path+".name", label, field+".name|"+n, ct.Name, "")
	}
	opts := []option{{"", "Choose a person"}}
	for _, pe := range c.p.People {
		opts = append(opts, option{pe.ID, named(pe.Name, pe.ID) + " (" + c.p.OrgName(pe.Org) + ")"})
	}
	return selectNode(path+".person", label, ct.Person, "contract.set", arg, "", opts)
}

func joinDates(ds []partnership.Date) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, "\n")
}

func conAdd(id, label, arg string) *Node {
	return El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), ID(id), Class("pk-secondary"), On("click", "contract.add"), Arg(arg), label))
}

func conRemove(label, arg string) *Node {
	return El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "contract.remove"), Arg(arg), label))
}

func (c conCtx) viewSession() *Node {
	ss := c.s.Session
	var people []*Node
	if c.p != nil {
		for _, pe := range c.p.People {
			on := false
			for _, at := range ss.Attendees {
				on = on || at.Person == pe.ID
			}
			people = append(people, checkNode(FieldID("contract.session.attendees")+"-"+pe.ID, named(pe.Name, pe.ID)+" ("+c.p.OrgName(pe.Org)+")", on, "contract.toggle", "attendee="+pe.ID))
		}
	}
	var set *Node
	if len(people) > 0 {
		set = El("fieldset", ID(FieldID("contract.session.attendees")), A("tabindex", "-1"), El("legend", "Who took part"), people)
	} else {
		set = El("p", Class("pk-hint"), "Add people to the partnership to record who took part.")
	}
	minutes := strconv.Itoa(ss.Minutes)
	prob := c.problem("contract.session.minutes")
	if raw, ok := c.a.con.raw["session.minutes"]; ok {
		minutes, prob = raw, "The length must be a number of minutes, such as 90."
	}
	return c.part("contract.session", "Drafting session",
		c.date("contract.session.date", "Date", "session.date", ss.Date),
		field{path: "contract.session.minutes", label: "Length in minutes", kind: "number", value: minutes, action: "contract.set", arg: "session.minutes", problem: prob}.node(),
		set)
}
