package ui

import (
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
	form
	s     *contract.Supplement
	p     *partnership.Partnership // nil without a partnership
	fs    []partnership.Finding
	items map[string]contract.Item // completeness items by path
}

func (a *App) viewContract() *Node {
	head := El("h2", ID("pk-contract-h"), "Contract supplement")
	s := a.ws.Contract
	if s == nil {
		return El("section", ID("pk-contract"), A("aria-labelledby", "pk-contract-h"), head,
			El("p", Class("pk-empty"), "No supplement yet. The contract supplement is an addendum to the district's contract with its partner (or a memorandum that goes with it). In it both sides confirm six practices of effective partnerships and fill in a seven-item appendix: the priority the work serves, the school leaders' commitment, the schedule, the liaisons and managers, the measures of success, the data plan and the meetings. The source suggests drafting it together in a 90-minute session with the school leader."),
			El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-contract-start"), On("click", "contract.start"), "Start the supplement")),
			El("p", "Or fill it in on paper at the drafting session:"),
			blankButtons(blankContract, "supplement"))
	}
	r := a.resolved()
	comp := r.Completeness()
	var fs []partnership.Finding
	for _, f := range a.findings("contract") {
		if f.Rule != contract.RuleIncomplete { // the form says how far it is itself
			fs = append(fs, f)
		}
	}
	c := conCtx{form: form{a: a, problems: map[string]string{}}, s: s, p: a.ws.Partnership, fs: fs, items: map[string]contract.Item{}}
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
			El("button", A("type", "button"), ID("pk-contract-docx"), Class("pk-secondary"), On("click", "docx"), Arg("view"), "Download (Word, to edit)"),
			El("button", A("type", "button"), ID("pk-contract-html"), Class("pk-secondary"), On("click", "contract.html"), "Download (HTML, to print or sign)"),
			El("button", A("type", "button"), ID("pk-contract-md"), Class("pk-secondary"), On("click", "contract.md"), "Download (Markdown)")),
		blankButtons(blankContract, "supplement"),
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
	return El("section", ID("pk-contract-preview"), A("tabindex", "-1"), A("aria-label", "The addendum as it prints"), Class("pk-preview"),
		El("div", Class("pk-doc"), docNodes(r.Document().Elements())))
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

// person picks a contact among the partnership's people of its side, or
// lets the name be typed without a partnership; with its position.
func (c conCtx) person(path string) *Node {
	who := c.input(path + ".person")
	if c.p == nil {
		who = c.input(path + ".name")
	}
	return El("div", ID(FieldID(path)), A("tabindex", "-1"), Class("pk-pair"), who, c.input(path+".title"))
}

func (c conCtx) viewParties() *Node {
	partner := c.input("contract.partner.name")
	if c.p != nil && len(c.p.Partners) > 0 {
		partner = c.input("contract.partner.id")
	}
	return c.part("contract.district", "The agreement",
		c.input("contract.form"),
		c.input("contract.contractRef"),
		c.input("contract.schoolYear"),
		c.input("contract.district.name"),
		partner)
}

func (c conCtx) viewPractices() *Node {
	var sets []*Node
	for _, pr := range contract.Practices() {
		path := "contract.practices." + string(pr.ID)
		it := c.items[path]
		sets = append(sets, El("fieldset", ID(FieldID(path)), A("tabindex", "-1"), Class("pk-item"),
			El("legend", fmt.Sprintf("Practice %d: %s", pr.Number, pr.Title)),
			El("p", pr.Text),
			c.input(path+".status"),
			c.input(path+".evidence"),
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
	ap := &c.s.Appendix
	at := "contract.appendix."
	// 1. Priority
	var prio *Node
	if c.p != nil && len(c.p.Priorities) > 0 {
		prio = c.input(at + "priority.priority")
	}
	item1 := c.part(at+"priority", "Strategic priority", prio,
		c.input(at+"priority.statement"),
		c.input(at+"priority.how"))
	// 2. Investment
	item2 := c.part(at+"investment", "School leaders' investment",
		c.input(at+"investment.evidence"), c.input(at+"investment.schoolLeaders"))
	// 3. Schedule
	var acts []*Node
	for i := range ap.Schedule.Activities {
		p := fmt.Sprintf("%sschedule.activities[%d]", at, i)
		acts = append(acts, El("fieldset", ID(FieldID(p)), A("tabindex", "-1"), Class("pk-item"), El("legend", fmt.Sprintf("Activity %d", i+1)),
			c.input(p+".what"),
			c.input(p+".who"),
			c.input(p+".when"),
			c.input(p+".hours"),
			conRemove("Remove this activity", "activity|"+strconv.Itoa(i))))
	}
	item3 := c.part(at+"schedule", "Schedule of activities", acts,
		conAdd("pk-contract-add-activity", "Add an activity", "activity"),
		El("fieldset", ID(FieldID(at+"schedule.assurance")), A("tabindex", "-1"), El("legend", "The district's assurance"),
			c.input(at+"schedule.assurance.withinResources"),
			c.input(at+"schedule.assurance.withinBargainingAgreement"),
			c.person(at+"schedule.assurance.givenBy"),
			c.input(at+"schedule.assurance.date"),
			c.input(at+"schedule.assurance.notes")))
	// 4. Contacts
	item4 := c.part(at+"contacts", "Liaisons and managers",
		c.person(at+"contacts.districtLiaison"),
		c.person(at+"contacts.partnerLiaison"),
		c.person(at+"contacts.districtManager"),
		c.person(at+"contacts.partnerManager"))
	// 5. Measures
	var ms []*Node
	for i, m := range ap.Measures {
		p := fmt.Sprintf("%smeasures[%d]", at, i)
		ms = append(ms, El("fieldset", ID(FieldID(p)), A("tabindex", "-1"), Class("pk-item"), El("legend", "Measure "+strconv.Itoa(i+1)+": "+named(m.Name, "new")),
			c.input(p+".name"),
			c.input(p+".kind"),
			c.input(p+".audience"),
			El("div", Class("pk-pair"), c.input(p+".unit"), c.input(p+".direction")),
			El("div", Class("pk-pair"), c.input(p+".baseline.value"), c.input(p+".baseline.date")),
			c.input(p+".interim.target"),
			El("div", Class("pk-pair"), c.input(p+".interim.value"), c.input(p+".interim.due")),
			c.input(p+".final.target"),
			El("div", Class("pk-pair"), c.input(p+".final.value"), c.input(p+".final.due")),
			c.input(p+".initiatives"),
			c.a.measureChart(i, m),
			findingsNode(findingsUnder(c.fs, p)),
			conRemove("Remove this measure", "measure|"+strconv.Itoa(i))))
	}
	item5 := c.part(at+"measures", "Success measures", ms, conAdd("pk-contract-add-measure", "Add a measure", "measure"))
	// 6. Data plan
	var duties []*Node
	for i := range ap.DataPlan.Duties {
		p := fmt.Sprintf("%sdataPlan.duties[%d]", at, i)
		provider, reporter := c.input(p+".provider.person"), c.input(p+".reporter.person")
		if c.p == nil {
			provider, reporter = c.input(p+".provider.name"), c.input(p+".reporter.name")
		}
		duties = append(duties, El("fieldset", ID(FieldID(p)), A("tabindex", "-1"), Class("pk-item"), El("legend", fmt.Sprintf("Data for measure %d", i+1)),
			c.input(p+".measure"),
			c.input(p+".source"),
			provider,
			reporter,
			c.input(p+".due"),
			conRemove("Remove", "duty|"+strconv.Itoa(i))))
	}
	item6 := c.part(at+"dataPlan", "Data plan",
		c.input(at+"dataPlan.process"),
		duties, conAdd("pk-contract-add-duty", "Add who provides and reports the data of a measure", "duty"))
	// 7. Meetings
	c.problems[at+"meetings.dates"] = c.problemUnder(at + "meetings.dates")
	item7 := c.part(at+"meetings", "Meetings",
		c.input(at+"meetings.cadence"),
		c.input(at+"meetings.dates"),
		c.input(at+"meetings.agenda"),
		c.input(at+"meetings.conflict"),
		c.input(at+"meetings.improvement"),
		c.input(at+"meetings.dissolution"))
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

func conAdd(id, label, arg string) *Node {
	return El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), ID(id), Class("pk-secondary"), On("click", "contract.add"), Arg(arg), label))
}

func conRemove(label, arg string) *Node {
	return El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "contract.remove"), Arg(arg), label))
}

func (c conCtx) viewSession() *Node {
	set := c.input("contract.session.attendees")
	if set == nil {
		set = El("p", Class("pk-hint"), "Add people to the partnership to record who took part.")
	}
	return c.part("contract.session", "Drafting session",
		c.input("contract.session.date"),
		c.input("contract.session.minutes"),
		set)
}
