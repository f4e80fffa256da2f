package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// The partnership editor's view: one section per part of the partnership,
// the findings of the checks beside what they concern, and the map of
// initiatives above the initiatives. Initiatives are listed one line each and
// edited one at a time, so that a partnership of hundreds stays quick.

// viewProblems lists the values of the wrong form, each leading to its field.
func (a *App) viewProblems(fs []partnership.Finding) *Node {
	if len(fs) == 0 {
		return nil
	}
	items := make([]*Node, len(fs))
	for i, f := range fs {
		items[i] = El("li", Key(f.Path+"\x00"+f.Message),
			El("button", A("type", "button"), Class("pk-link"), On("click", "fix"), Arg(f.Path), a.where(f.Path)+": "+f.Message))
	}
	return El("div", ID("pk-part-problems"), Class("pk-notice pk-notice-problem"),
		El("p", plural(len(fs), "value needs", "values need")+" correcting before the checks can rely on it:"),
		El("ul", items))
}

// listFirst is how many initiatives the list shows before "Show all".
const listFirst = 50

// partCtx is what the sections of the view share.
type partCtx struct {
	p        *partnership.Partnership
	fs       []partnership.Finding
	problems map[string]string
	raw      map[string]string
}

func (c partCtx) problem(path string) string { return c.problems[path] }

func (a *App) viewPartnership() *Node {
	head := El("h2", ID("pk-part-h"), "Partnership")
	p := a.ws.Partnership
	if p == nil {
		return El("section", ID("pk-part"), A("aria-labelledby", "pk-part-h"), head,
			El("p", Class("pk-empty"), "No partnership yet. Describe the district and its partners, the people who take part, the district's priorities, and the initiatives that ask for people's time: partnerkit then checks whether the initiatives fit in the time people have, and whether every role is covered."),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), ID("pk-part-start"), On("click", "part.start"), "Start a partnership"),
				El("button", A("type", "button"), Class("pk-secondary"), On("click", "nav"), Arg(string(ViewStart)), "Or open the example or a file")))
	}
	partFs, mapURL := a.partChecks()
	// A value of the wrong form shows beside its field and once in a list
	// of problems at the top, not again among the findings of its item.
	var invalid, others []partnership.Finding
	for _, f := range partFs {
		if f.Rule == "workspace.invalid" {
			invalid = append(invalid, f)
		} else {
			others = append(others, f)
		}
	}
	c := partCtx{p: p, fs: others, problems: a.part.problems, raw: a.part.raw}
	summary := "No findings: the checks found nothing to discuss."
	if len(partFs) > 0 {
		summary = plural(len(partFs), "finding", "findings") + " about the partnership: " + CountFindings(partFs) + ". Each is shown beside what it concerns."
	}
	var undo *Node
	if r := a.part.removed; r != nil {
		undo = El("p", Class("pk-undo"), "Removed "+r.name+". ",
			El("button", A("type", "button"), ID("pk-part-undo"), Class("pk-secondary"), On("click", "part.undo"), "Undo"))
	}
	return El("section", ID("pk-part"), A("aria-labelledby", "pk-part-h"), head,
		El("p", "Everything you type is saved on this device as you go. The checks run when you pause typing."),
		El("p", ID("pk-part-summary"), Class("pk-counts"), A("role", "status"), summary),
		undo,
		a.viewProblems(invalid),
		c.viewAbout(),
		c.viewPartners(),
		c.viewSchools(),
		c.viewPeople(),
		c.viewPriorities(),
		c.viewCapacity(),
		a.viewInitiatives(c, mapURL),
		c.viewContext(),
	)
}

// sectionNode is one part of the partnership, focusable so that a finding
// can lead to it.
func sectionNode(path, title, intro string, body ...any) *Node {
	id := FieldID(path)
	parts := []any{ID(id), A("tabindex", "-1"), Class("pk-part-section"), A("aria-labelledby", id+"-h"),
		El("h3", ID(id+"-h"), title)}
	if intro != "" {
		parts = append(parts, El("p", Class("pk-hint"), intro))
	}
	return El("section", append(parts, body...)...)
}

// listSection is a section holding a list of items, with what to say when
// it is empty and the button that adds one.
func listSection(path, title, intro, emptyText string, items []*Node, add *Node) *Node {
	var empty *Node
	if len(items) == 0 {
		empty = El("p", Class("pk-empty"), emptyText)
	}
	return sectionNode(path, title, intro, empty, items, add)
}

// itemNode is one item of a list (a partner, a person...), as a fieldset.
func itemNode(path, legend string, body ...any) *Node {
	return El("fieldset", append([]any{ID(FieldID(path)), A("tabindex", "-1"), Class("pk-item"), El("legend", legend)}, body...)...)
}

func addButton(id, label, arg string) *Node {
	return El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), ID(id), Class("pk-secondary"), On("click", "part.add"), Arg(arg), label))
}

func removeButton(label, arg string) *Node {
	return El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "part.remove"), Arg(arg), label))
}

func named(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func (c partCtx) viewAbout() *Node {
	p := c.p
	stances := []option{{"", "Not said yet"}, {string(partnership.Receiver), "Receives services"}, {string(partnership.ActivePartner), "An active partner in the work"}}
	approaches := approachOptions()
	return sectionNode("partnership", "The partnership and the district", "",
		field{path: "partnership.name", label: "Name of the partnership", value: p.Name, action: "part.set", arg: "name",
			hint: "Such as “Riverside Unified and Learning Partners, 2026–27”.", problem: c.problem("partnership.name")}.node(),
		field{path: "partnership.start", label: "First day", kind: "date", value: string(p.Start), action: "part.set", arg: "start", problem: c.problem("partnership.start")}.node(),
		field{path: "partnership.end", label: "Last day as agreed", kind: "date", value: string(p.End), action: "part.set", arg: "end",
			hint: "Knowing when it ends lets you plan what the district carries on by itself.", problem: c.problem("partnership.end")}.node(),
		findingsNode(append(findingsAt(c.fs, "partnership.start"), findingsAt(c.fs, "partnership.end")...)),
		itemNode("partnership.district", "The district",
			field{path: "partnership.district.name", label: "District name", value: p.District.Name, action: "part.set", arg: "district.name", problem: c.problem("partnership.district.name")}.node(),
			selectNode("partnership.district.stance", "How the district takes part", string(p.District.Stance), "part.set", "district.stance",
				"Does the district receive services, or shape the work as an active partner?", stances),
			selectNode("partnership.district.expects", "How the district wants its partners to work", string(p.District.Expects), "part.set", "district.expects", "", approaches),
			findingsNode(findingsUnder(c.fs, "partnership.district")),
		),
		findingsNode(append(findingsAt(c.fs, "partnership"), findingsAt(c.fs, "partnership.name")...)),
	)
}

func (c partCtx) viewPartners() *Node {
	p := c.p
	approaches := approachOptions()
	items := make([]*Node, 0, len(p.Partners))
	for i, pa := range p.Partners {
		at := fmt.Sprintf("partnership.partners[%d]", i)
		n := strconv.Itoa(i)
		items = append(items, itemNode(at, named(pa.Name, "New partner"),
			field{path: at + ".name", label: "Name", value: pa.Name, action: "part.set", arg: "partner.name|" + n, problem: c.problem(at + ".name")}.node(),
			selectNode(at+".approach", "How this partner works with the district", string(pa.Approach), "part.set", "partner.approach|"+n, "", approaches),
			field{path: at + ".services", label: "What it provides", kind: "textarea", value: pa.Services, action: "part.set", arg: "partner.services|" + n}.node(),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this partner", "partner|"+n),
		))
	}
	return listSection("partnership.partners", "Partners", "The organisations that support the district.", "No partners yet: add the technical-assistance organisations the district works with.", items,
		addButton("pk-part-add-partner", "Add a partner", "partner"))
}

func (c partCtx) viewSchools() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Schools))
	for i, s := range p.Schools {
		at := fmt.Sprintf("partnership.schools[%d]", i)
		n := strconv.Itoa(i)
		items = append(items, itemNode(at, named(s.Name, "New school"),
			field{path: at + ".name", label: "Name", value: s.Name, action: "part.set", arg: "school.name|" + n, problem: c.problem(at + ".name")}.node(),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this school", "school|"+n)))
	}
	return listSection("partnership.schools", "Schools", "", "No schools yet: add the schools the partnership serves, so that time can be checked school by school.", items,
		addButton("pk-part-add-school", "Add a school", "school"))
}

// orgOptions are the district and the partners, to pick an organisation.
func orgOptions(p *partnership.Partnership) []option {
	opts := []option{{p.District.ID, named(p.District.Name, "The district")}}
	for _, pa := range p.Partners {
		opts = append(opts, option{pa.ID, named(pa.Name, "A partner without a name")})
	}
	return opts
}

// roleLabels names the roles in plain words.
var roleLabels = map[partnership.Role]string{
	partnership.PointPerson:     "Point person: manages the work day to day",
	partnership.HigherAuthority: "Higher authority: can decide, attends the quarterly reviews",
	partnership.SchoolLeader:    "School leader",
	partnership.Liaison:         "Liaison",
	partnership.Manager:         "Overall manager",
	partnership.TeacherLeader:   "Teacher leader",
}

func (c partCtx) viewPeople() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.People))
	for i, pe := range p.People {
		at := fmt.Sprintf("partnership.people[%d]", i)
		n := strconv.Itoa(i)
		var roles []*Node
		for _, r := range partnership.Roles() {
			label := roleLabels[r]
			if label == "" {
				label = string(r)
			}
			roles = append(roles, checkNode(FieldID(at+".roles")+"-"+string(r), label, pe.HasRole(r), "part.toggle", "person.role|"+n+"="+string(r)))
		}
		var schools []*Node
		for _, s := range p.Schools {
			on := false
			for _, x := range pe.Schools {
				on = on || x == s.ID
			}
			schools = append(schools, checkNode(FieldID(at+".schools")+"-"+s.ID, named(s.Name, s.ID), on, "part.toggle", "person.school|"+n+"="+s.ID))
		}
		var schoolSet *Node
		if len(schools) > 0 {
			schoolSet = El("fieldset", El("legend", "Schools this person works for (none: all)"), schools)
		}
		items = append(items, itemNode(at, named(pe.Name, "New person"),
			field{path: at + ".name", label: "Name", value: pe.Name, action: "part.set", arg: "person.name|" + n, problem: c.problem(at + ".name")}.node(),
			selectNode(at+".org", "Works for", pe.Org, "part.set", "person.org|"+n, "", orgOptions(p)),
			field{path: at + ".email", label: "E-mail (optional)", kind: "email", value: pe.Email, action: "part.set", arg: "person.email|" + n, problem: c.problem(at + ".email")}.node(),
			El("fieldset", ID(FieldID(at+".roles")), A("tabindex", "-1"), El("legend", "Roles in the partnership"), roles),
			schoolSet,
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this person", "person|"+n)))
	}
	return listSection("partnership.people", "People", "Who takes part, for which organisation, and in what role.", "No people yet: add the point people, the people who can decide, the school leaders and the liaisons of each side.", items,
		addButton("pk-part-add-person", "Add a person", "person"))
}

func (c partCtx) viewPriorities() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Priorities))
	for i, pr := range p.Priorities {
		at := fmt.Sprintf("partnership.priorities[%d]", i)
		n := strconv.Itoa(i)
		items = append(items, itemNode(at, named(pr.Title, "New priority"),
			field{path: at + ".title", label: "The priority", value: pr.Title, action: "part.set", arg: "priority.title|" + n, problem: c.problem(at + ".title")}.node(),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this priority", "priority|"+n)))
	}
	return listSection("partnership.priorities", "The district's strategic priorities", "", "No priorities yet: add the district's strategic priorities, so that each initiative can say which it serves.", items,
		addButton("pk-part-add-priority", "Add a priority", "priority"))
}

func (c partCtx) hours(path, arg string, h float64) (string, string) {
	if raw, ok := c.raw[arg]; ok {
		return raw, "Hours must be a number, such as 2 or 1.5."
	}
	return strconv.FormatFloat(h, 'f', -1, 64), c.problem(path)
}

func (c partCtx) viewCapacity() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Capacity))
	for i, cp := range p.Capacity {
		at := fmt.Sprintf("partnership.capacity[%d]", i)
		n := strconv.Itoa(i)
		v, prob := c.hours(at+".hoursPerWeek", "capacity.hours|"+n, cp.HoursPerWeek)
		items = append(items, itemNode(at, named(cp.Audience, "New audience"),
			field{path: at + ".audience", label: "Who", value: cp.Audience, action: "part.set", arg: "capacity.audience|" + n,
				hint: "Such as teachers, principals or coaches: the same words the initiatives use.", problem: c.problem(at + ".audience")}.node(),
			field{path: at + ".hoursPerWeek", label: "Hours a week each has for this work", kind: "number", value: v, action: "part.set", arg: "capacity.hours|" + n, problem: prob}.node(),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove", "capacity|"+n)))
	}
	return listSection("partnership.capacity", "Time people have", "", "No time set yet: say how many hours a week teachers, principals and others can give, and partnerkit marks the weeks that ask more of them.", items,
		addButton("pk-part-add-capacity", "Add an audience", "capacity"))
}

func (a *App) viewInitiatives(c partCtx, mapURL string) *Node {
	p := c.p
	mapNode := a.showMapButton()
	if mapURL != "" && len(p.Initiatives) > 0 {
		mapNode = El("div", Class("pk-map-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "Map of initiatives, scrolls sideways"),
			El("img", ID("pk-part-map"), A("src", mapURL),
				A("alt", fmt.Sprintf("Map of the %d initiatives over time, by audience and school, with the weeks over capacity shaded.", len(p.Initiatives)))))
	}
	open := a.part.openInitiative()
	rows := make([]*Node, 0, min(len(p.Initiatives), listFirst+1))
	var more *Node
	for i, in := range p.Initiatives {
		if i >= listFirst && !a.part.all && i != open {
			continue
		}
		at := fmt.Sprintf("partnership.initiatives[%d]", i)
		n := a.part.perInit[i]
		label := "Edit"
		if i == open {
			label = "Editing"
		}
		rows = append(rows, El("tr", Key(in.ID+"#"+strconv.Itoa(i)),
			El("th", A("scope", "row"), named(in.Name, "(no name yet)")),
			El("td", p.OrgName(in.Owner)),
			El("td", strconv.Itoa(len(in.Demands))),
			El("td", strconv.Itoa(n)),
			El("td", El("button", A("type", "button"), Class("pk-secondary"), ID(FieldID(at)+"-edit"), On("click", "part.open"), Arg(strconv.Itoa(i)),
				A("aria-label", label+" "+named(in.Name, "the initiative without a name")), label))))
	}
	if len(p.Initiatives) > listFirst && !a.part.all {
		more = El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), ID("pk-part-all"), On("click", "part.all"),
			fmt.Sprintf("Show all %d initiatives (the first %d are listed)", len(p.Initiatives), listFirst)))
	}
	var table, editor *Node
	if len(rows) > 0 {
		table = El("table", ID("pk-part-initiatives"), A("tabindex", "-1"),
			El("caption", "Initiatives: choose one to edit"),
			El("thead", El("tr", El("th", A("scope", "col"), "Initiative"), El("th", A("scope", "col"), "Run by"),
				El("th", A("scope", "col"), "Demands"), El("th", A("scope", "col"), "Findings"), El("th", A("scope", "col"), "Edit"))),
			El("tbody", rows))
	} else {
		table = El("p", Class("pk-empty"), "No initiatives yet: add the partner's work and the district's other initiatives that ask for the same people's time.")
	}
	if open >= 0 && open < len(p.Initiatives) {
		editor = c.viewInitiative(open)
	}
	// The section shows the findings about the initiatives as a whole and
	// the critical ones about any initiative (time asked beyond what people
	// have); the open initiative shows all of its own.
	var other []partnership.Finding
	openAt := fmt.Sprintf("partnership.initiatives[%d]", open)
	for _, f := range findingsUnder(c.fs, "partnership.initiatives") {
		mine := open >= 0 && (f.Path == openAt || strings.HasPrefix(f.Path, openAt+"."))
		if f.Path == "partnership.initiatives" || f.Severity == partnership.Critical && !mine {
			other = append(other, f)
		}
	}
	return sectionNode("partnership.initiatives", "Initiatives and the time they ask for",
		"Each initiative asks an audience (teachers, principals...) for hours a week between two dates. The map shows them over time; shaded weeks ask more than people have.",
		mapNode, findingsNode(other), table, more, editor,
		addButton("pk-part-add-initiative", "Add an initiative", "initiative"))
}

func (c partCtx) viewInitiative(i int) *Node {
	p := c.p
	in := p.Initiatives[i]
	at := fmt.Sprintf("partnership.initiatives[%d]", i)
	n := strconv.Itoa(i)
	var prios []*Node
	for _, pr := range p.Priorities {
		on := false
		for _, x := range in.Priorities {
			on = on || x == pr.ID
		}
		prios = append(prios, checkNode(FieldID(at+".priorities")+"-"+pr.ID, named(pr.Title, pr.ID), on, "part.toggle", "init.priority|"+n+"="+pr.ID))
	}
	var prioSet *Node
	if len(prios) > 0 {
		prioSet = El("fieldset", ID(FieldID(at+".priorities")), A("tabindex", "-1"), El("legend", "Priorities it serves"), prios)
	}
	demands := make([]*Node, 0, len(in.Demands))
	for j, d := range in.Demands {
		dat := fmt.Sprintf("%s.demands[%d]", at, j)
		dn := n + "|" + strconv.Itoa(j)
		v, prob := c.hours(dat+".hoursPerWeek", "demand.hours|"+dn, d.HoursPerWeek)
		var schools []*Node
		for _, s := range p.Schools {
			on := false
			for _, x := range d.Schools {
				on = on || x == s.ID
			}
			schools = append(schools, checkNode(FieldID(dat+".schools")+"-"+s.ID, named(s.Name, s.ID), on, "part.toggle", "demand.school|"+dn+"="+s.ID))
		}
		var schoolSet *Node
		if len(schools) > 0 {
			schoolSet = El("fieldset", El("legend", "Schools (none ticked: all of them)"), schools)
		}
		demands = append(demands, itemNode(dat, fmt.Sprintf("Demand %d: %s", j+1, named(d.Audience, "who?")),
			field{path: dat + ".audience", label: "Who gives the time", value: d.Audience, action: "part.set", arg: "demand.audience|" + dn,
				hint: "Such as teachers or principals.", problem: c.problem(dat + ".audience")}.node(),
			field{path: dat + ".hoursPerWeek", label: "Hours a week asked of each", kind: "number", value: v, action: "part.set", arg: "demand.hours|" + dn, problem: prob}.node(),
			field{path: dat + ".start", label: "From", kind: "date", value: string(d.Start), action: "part.set", arg: "demand.start|" + dn, problem: c.problem(dat + ".start")}.node(),
			field{path: dat + ".end", label: "To", kind: "date", value: string(d.End), action: "part.set", arg: "demand.end|" + dn, problem: c.problem(dat + ".end")}.node(),
			schoolSet,
			findingsNode(findingsUnder(c.fs, dat)),
			removeButton("Remove this demand", "demand|"+dn)))
	}
	var own []partnership.Finding
	for _, f := range findingsUnder(c.fs, at) {
		if !(len(f.Path) > len(at)+8 && f.Path[len(at):len(at)+8] == ".demands") {
			own = append(own, f)
		}
	}
	return itemNode(at, "Editing: "+named(in.Name, "new initiative"),
		field{path: at + ".name", label: "Name", value: in.Name, action: "part.set", arg: "init.name|" + n, problem: c.problem(at + ".name")}.node(),
		selectNode(at+".owner", "Run by", in.Owner, "part.set", "init.owner|"+n, "", orgOptions(p)),
		prioSet,
		findingsNode(own),
		El("h4", "Time it asks for"),
		demands,
		El("div", Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-part-add-demand"), On("click", "part.add"), Arg("demand|"+n), "Add a demand on people's time"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "part.remove"), Arg("initiative|"+n), "Remove this initiative"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "part.open"), Arg("-1"), "Close")))
}

func (c partCtx) viewContext() *Node {
	p := c.p
	orgs := []struct{ id, name string }{{p.District.ID, named(p.District.Name, "The district")}}
	for _, pa := range p.Partners {
		orgs = append(orgs, struct{ id, name string }{pa.ID, named(pa.Name, "A partner")})
	}
	var sets []*Node
	for oi, o := range orgs {
		ctx, _ := p.ContextOf(o.id)
		var fields []*Node
		for fi, pr := range partnership.FourIs() {
			fields = append(fields, field{path: fmt.Sprintf("partnership.context.%s.%s", o.id, pr.Factor), label: pr.Title + ": " + pr.Question(oi == 0),
				kind: "textarea", value: ctx.Answer(pr.Factor), action: "part.set", arg: fmt.Sprintf("context|%d|%d", oi, fi), hint: pr.Meaning}.node())
		}
		sets = append(sets, El("fieldset", El("legend", o.name), fields))
	}
	return sectionNode("partnership.context", "What shapes the work: the four I's",
		"Each side answers for itself: its interests, ideologies, information and institutions. Talking them through early shows where the two sides may pull apart.",
		findingsNode(findingsUnder(c.fs, "partnership.context")), sets)
}
