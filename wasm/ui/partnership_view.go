package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit"
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
	form
	p  *partnership.Partnership
	fs []partnership.Finding
}

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
	c := partCtx{form: form{a: a, problems: a.part.problems}, p: p, fs: others}
	summary := "No findings: the checks found nothing to discuss."
	if len(a.part.next) > 0 {
		summary = "Nothing to discuss yet: the checks say more as the partnership fills in."
	}
	if len(partFs) > 0 {
		summary = "About the partnership, " + partnerkit.CountFindings(partFs) + ". Each is shown beside what it concerns."
	}
	var undo *Node
	if r := a.part.removed; r != nil {
		undo = El("p", Key("pk-undo"), Class("pk-undo"), "Removed "+r.name+". ",
			El("button", A("type", "button"), ID("pk-part-undo"), Class("pk-secondary"), On("click", "part.undo"), "Undo"))
	}
	return El("section", ID("pk-part"), A("aria-labelledby", "pk-part-h"), head,
		El("p", "Everything you type is saved on this device as you go. The checks run when you pause typing."),
		El("p", ID("pk-part-summary"), Class("pk-counts"), A("role", "status"), summary),
		El("div", Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), ID("pk-part-print"), Class("pk-secondary"), On("click", "review.print"), "Print as a meeting pre-read"),
			El("button", A("type", "button"), ID("pk-part-docx"), Class("pk-secondary"), On("click", "docx"), Arg("view"), "Download the pre-read (Word)")),
		a.viewNext("pk-part-next", a.part.next),
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
	return sectionNode("partnership", "The partnership and the district", "",
		c.input("partnership.name"),
		c.input("partnership.start"),
		c.input("partnership.end"),
		findingsNode(append(findingsAt(c.fs, "partnership.start"), findingsAt(c.fs, "partnership.end")...)),
		itemNode("partnership.district", "The district",
			c.input("partnership.district.name"),
			c.input("partnership.district.stance"),
			c.input("partnership.district.expects"),
			findingsNode(findingsUnder(c.fs, "partnership.district")),
		),
		findingsNode(append(findingsAt(c.fs, "partnership"), findingsAt(c.fs, "partnership.name")...)),
	)
}

func (c partCtx) viewPartners() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Partners))
	for i, pa := range p.Partners {
		at := fmt.Sprintf("partnership.partners[%d]", i)
		items = append(items, itemNode(at, named(pa.Name, "New partner"),
			c.input(at+".name"),
			c.input(at+".approach"),
			c.input(at+".services"),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this partner", "partner|"+strconv.Itoa(i)),
		))
	}
	return listSection("partnership.partners", "Partners", "The organizations that support the district.", "No partners yet: add the technical-assistance organizations the district works with.", items,
		addButton("pk-part-add-partner", "Add a partner", "partner"))
}

func (c partCtx) viewSchools() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Schools))
	for i, s := range p.Schools {
		at := fmt.Sprintf("partnership.schools[%d]", i)
		items = append(items, itemNode(at, named(s.Name, "New school"),
			c.input(at+".name"),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this school", "school|"+strconv.Itoa(i))))
	}
	return listSection("partnership.schools", "Schools", "", "No schools yet: add the schools the partnership serves, so that time can be checked school by school.", items,
		addButton("pk-part-add-school", "Add a school", "school"))
}

// orgOptions are the district and the partners, to pick an organisation.
func orgOptions(p *partnership.Partnership) []Option {
	opts := []Option{{p.District.ID, named(p.District.Name, "The district")}}
	for _, pa := range p.Partners {
		opts = append(opts, Option{pa.ID, named(pa.Name, "A partner without a name")})
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
		items = append(items, itemNode(at, named(pe.Name, "New person"),
			c.input(at+".name"),
			c.input(at+".org"),
			c.input(at+".email"),
			c.input(at+".roles"),
			c.input(at+".schools"),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this person", "person|"+strconv.Itoa(i))))
	}
	return listSection("partnership.people", "People", "Who takes part, for which organization, and in what role.", "No people yet: add the point people, the people who can decide, the school leaders and the liaisons of each side.", items,
		addButton("pk-part-add-person", "Add a person", "person"))
}

func (c partCtx) viewPriorities() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Priorities))
	for i, pr := range p.Priorities {
		at := fmt.Sprintf("partnership.priorities[%d]", i)
		items = append(items, itemNode(at, named(pr.Title, "New priority"),
			c.input(at+".title"),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove this priority", "priority|"+strconv.Itoa(i))))
	}
	return listSection("partnership.priorities", "The district's strategic priorities", "", "No priorities yet: add the district's strategic priorities, so that each initiative can say which it serves.", items,
		addButton("pk-part-add-priority", "Add a priority", "priority"))
}

func (c partCtx) viewCapacity() *Node {
	p := c.p
	items := make([]*Node, 0, len(p.Capacity))
	for i, cp := range p.Capacity {
		at := fmt.Sprintf("partnership.capacity[%d]", i)
		items = append(items, itemNode(at, named(cp.Audience, "New audience"),
			c.input(at+".audience"),
			c.input(at+".hoursPerWeek"),
			findingsNode(findingsUnder(c.fs, at)),
			removeButton("Remove", "capacity|"+strconv.Itoa(i))))
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
		addButton("pk-part-add-initiative", "Add an initiative", "initiative"),
		a.viewInventoryImport(p))
}

func (c partCtx) viewInitiative(i int) *Node {
	p := c.p
	in := p.Initiatives[i]
	at := fmt.Sprintf("partnership.initiatives[%d]", i)
	n := strconv.Itoa(i)
	demands := make([]*Node, 0, len(in.Demands))
	for j, d := range in.Demands {
		dat := fmt.Sprintf("%s.demands[%d]", at, j)
		demands = append(demands, itemNode(dat, fmt.Sprintf("Demand %d: %s", j+1, named(d.Audience, "who?")),
			c.input(dat+".audience"),
			c.input(dat+".hoursPerWeek"),
			c.input(dat+".start"),
			c.input(dat+".end"),
			c.input(dat+".schools"),
			findingsNode(findingsUnder(c.fs, dat)),
			removeButton("Remove this demand", "demand|"+n+"|"+strconv.Itoa(j))))
	}
	var own []partnership.Finding
	for _, f := range findingsUnder(c.fs, at) {
		if !hasPrefixPath(f.Path, at+".demands") {
			own = append(own, f)
		}
	}
	return itemNode(at, "Editing: "+named(in.Name, "new initiative"),
		c.input(at+".name"),
		c.input(at+".owner"),
		c.input(at+".priorities"),
		findingsNode(own),
		El("h4", "Time it asks for"),
		demands,
		El("div", Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-part-add-demand"), On("click", "part.add"), Arg("demand|"+n), "Add a demand on people's time"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "part.remove"), Arg("initiative|"+n), "Remove this initiative"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "part.open"), Arg("-1"), "Close")))
}

func (c partCtx) viewContext() *Node {
	var sets []*Node
	for _, s := range c.a.contextSlots() {
		at := fmt.Sprintf("partnership.context[%d]", s.index)
		var fields []*Node
		for _, pr := range partnership.FourIs() {
			fields = append(fields, c.input(at+"."+string(pr.Factor)))
		}
		sets = append(sets, El("fieldset", ID(FieldID(at)), A("tabindex", "-1"), El("legend", s.name), fields))
	}
	return sectionNode("partnership.context", "What shapes the work: the four I's",
		"Each side answers for itself: its interests, ideologies, information and institutions. Talking them through early shows where the two sides may pull apart.",
		findingsNode(findingsUnder(c.fs, "partnership.context")), sets)
}
