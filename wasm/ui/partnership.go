package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/partnership"
)

// settleAfter is how long the partnership editor waits after the last
// keystroke before it checks the partnership and redraws the map: for a large
// partnership that takes longer than a frame.
const settleAfter = 300 * time.Millisecond

// partEditor is the partnership editor's state.
type partEditor struct {
	all     bool             // list every initiative, not only the first ones
	open    int              // the initiative being edited, or -1 (set by part.open)
	opened  bool             // open was set (the zero value means none)
	removed *removal         // the last thing removed, for Undo
	inv     *inventoryImport // the inventory being checked before it is added
	added   *importAdded     // what the last inventory import added, for Undo
	// What the checks found and the map, as of the last pause in typing.
	checked  bool
	checks   int // counts the times the checks ran, so that the print follows them
	findings []partnership.Finding
	next     []partnership.Finding // what is not begun yet, to fill in next
	problems map[string]string     // validation problems by path from the top
	perInit  map[int]int           // how many findings each initiative has
	mapURL   string
}

// removal is something the user removed, kept so that it can be put back.
type removal struct {
	what  string // "partner", "school", ...
	list  string // the path of the list it was in
	index int
	name  string
	value any
}

// openInitiative returns the index of the initiative being edited, or -1.
func (e *partEditor) openInitiative() int {
	if !e.opened {
		return -1
	}
	return e.open
}

// handlePartnership handles the partnership editor's events ("part.*").
func (a *App) handlePartnership(ev Event) ([]Effect, bool) {
	if !strings.HasPrefix(ev.Action, "part.") {
		return nil, false
	}
	if strings.HasPrefix(ev.Action, "part.inv.") {
		return a.handleInventoryImport(ev), true
	}
	p := a.ws.Partnership
	switch ev.Action {
	case "part.start":
		if p == nil {
			a.ws.Partnership = &partnership.Partnership{District: partnership.Org{ID: "district"}}
			a.part = partEditor{}
		}
		return []Effect{Persist{}, Focus{ID: FieldID("partnership.name")}}, true
	case "part.settle":
		a.part.checked = false
		return nil, true
	case "part.all":
		a.part.all = true
		return []Effect{Focus{ID: "pk-part-initiatives"}}, true
	case "part.open":
		i, err := strconv.Atoi(ev.Arg)
		if err != nil || p == nil || i < 0 || i >= len(p.Initiatives) {
			a.part.opened = false
			return []Effect{Focus{ID: "pk-part-initiatives"}}, true
		}
		a.part.open, a.part.opened = i, true
		return []Effect{Focus{ID: FieldID(fmt.Sprintf("partnership.initiatives[%d].name", i))}}, true
	case "part.undo":
		if r := a.part.removed; r != nil && p != nil {
			a.part.removed = nil
			restore(p, r)
			a.moved(r.list, r.index, +1)
			a.part.checked = false
			a.notify(Notice{Kind: "ok", Text: "Put back " + r.name + "."})
			return []Effect{Persist{}}, true
		}
		return nil, true
	}
	if p == nil {
		return nil, true
	}
	var eff []Effect
	switch ev.Action {
	case "part.add":
		eff = a.addPartnershipItem(p, ev.Arg)
	case "part.remove":
		a.removePartnershipItem(p, ev.Arg)
		if a.part.removed != nil {
			eff = append(eff, Focus{ID: "pk-part-undo"}) // the removed field had the focus
		}
	default:
		return nil, true
	}
	return append(eff, Persist{}, Later{Action: "part.settle", After: settleAfter}), true
}

// revealPartnership opens the initiative the path names, if it names one.
func (a *App) revealPartnership(path string) {
	var i int
	if p := a.ws.Partnership; p != nil && scanIndex(path, "partnership.initiatives[%d]", &i) && i < len(p.Initiatives) {
		a.part.open, a.part.opened = i, true
	}
}

// partChecks returns the findings and the map as of the last pause in typing.
func (a *App) partChecks() ([]partnership.Finding, string) {
	if !a.part.checked {
		a.part.findings = a.findings("partnership")
		a.part.next = findingsUnder(a.toFill(), "partnership")
		a.part.mapURL = ""
		if a.mapShown() {
			a.part.mapURL = a.mapURL()
		}
		// The review has validated the workspace already: its problems are
		// its "workspace.invalid" findings, each with the path of its field.
		a.part.problems = map[string]string{}
		for _, f := range a.part.findings {
			if f.Rule == "workspace.invalid" {
				if prev := a.part.problems[f.Path]; prev != "" {
					a.part.problems[f.Path] = prev + "; " + f.Message
				} else {
					a.part.problems[f.Path] = f.Message
				}
			}
		}
		a.part.perInit = map[int]int{}
		for _, f := range a.part.findings {
			var i int
			if scanIndex(f.Path, "partnership.initiatives[%d]", &i) {
				a.part.perInit[i]++
			}
		}
		a.part.checked = true
		a.part.checks++
	}
	return a.part.findings, a.part.mapURL
}

// index reads the numbers of an Arg such as "demand|2|0".
func index(arg string) (field string, ix []int) {
	parts := strings.Split(arg, "|")
	for _, s := range parts[1:] {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return parts[0], nil
		}
		ix = append(ix, n)
	}
	return parts[0], ix
}

// partnershipParts are the lists and groups of the partnership editor.
func partnershipParts() []Part {
	return []Part{
		{Path: "partnership", Title: "The partnership"},
		{Path: "partnership.district", Title: "The district"},
		{Path: "partnership.partners", Title: "Partners", Noun: "partner", Name: nameAt("name")},
		{Path: "partnership.schools", Title: "Schools", Noun: "school", Name: nameAt("name")},
		{Path: "partnership.people", Title: "People", Noun: "person", Name: nameAt("name")},
		{Path: "partnership.priorities", Title: "The district's strategic priorities", Noun: "priority", Name: nameAt("title")},
		{Path: "partnership.capacity", Title: "Time people have", Noun: "audience", Name: nameAt("audience")},
		{Path: "partnership.initiatives", Title: "Initiatives", Noun: "initiative", Name: nameAt("name")},
		{Path: "partnership.initiatives[].demands", Noun: "demand", Name: func(a *App, at Loc) string {
			if who := nameAt("audience")(a, at); who != "" {
				return "demand " + strconv.Itoa(at.at(1)+1) + " on " + who
			}
			return ""
		}},
		{Path: "partnership.context", Title: "What shapes the work", Noun: "side", Name: func(a *App, at Loc) string {
			for _, s := range a.contextSlots() {
				if s.index == at.at(0) {
					return s.name
				}
			}
			return ""
		}},
	}
}

// partnershipFields are the values the partnership editor edits. Its checks
// and its map wait for a pause in typing (Settle).
func partnershipFields() []Field {
	stances := func(*App, Loc) []Option {
		return []Option{{"", "Not said yet"}, {string(partnership.Receiver), "Receives services"}, {string(partnership.ActivePartner), "An active partner in the work"}}
	}
	approaches := func(*App, Loc) []Option { return approachOptions() }
	orgs := func(a *App, _ Loc) []Option { return orgOptions(a.ws.Partnership) }
	schools := func(a *App, _ Loc) []Option {
		var out []Option
		for _, s := range a.ws.Partnership.Schools {
			out = append(out, Option{s.ID, named(s.Name, "a school without a name")})
		}
		return out
	}
	fs := []Field{
		{Path: "partnership.name", Label: "Name of the partnership", Words: "name", Hint: "Such as “Riverside Unified and Learning Partners, 2026–27”."},
		{Path: "partnership.start", Label: "First day", Kind: KindDate},
		{Path: "partnership.end", Label: "Last day as agreed", Kind: KindDate, Hint: "Knowing when it ends lets you plan what the district carries on by itself."},
		{Path: "partnership.district.name", Label: "District name", Words: "name", Write: renameSide},
		{Path: "partnership.district.stance", Label: "How the district takes part", Kind: KindChoice, Options: stances,
			Hint: "Does the district receive services, or shape the work as an active partner?"},
		{Path: "partnership.district.expects", Label: "How the district wants its partners to work", Words: "the approach it expects", Kind: KindChoice, Options: approaches},
		{Path: "partnership.partners[].name", Label: "Name", Write: renameSide},
		{Path: "partnership.partners[].approach", Label: "How this partner works with the district", Words: "approach", Kind: KindChoice, Options: approaches},
		{Path: "partnership.partners[].services", Label: "What it provides", Kind: KindArea},
		{Path: "partnership.schools[].name", Label: "Name"},
		{Path: "partnership.people[].name", Label: "Name"},
		{Path: "partnership.people[].org", Label: "Works for", Kind: KindChoice, Options: orgs},
		{Path: "partnership.people[].email", Label: "Email (optional)", Words: "email", Kind: KindEmail},
		{Path: "partnership.people[].roles", Label: "Roles in the partnership", Words: "roles", Kind: KindSet, Options: func(*App, Loc) []Option {
			var out []Option
			for _, r := range partnership.Roles() {
				out = append(out, Option{string(r), named(roleLabels[r], string(r))})
			}
			return out
		}},
		{Path: "partnership.people[].schools", Label: "Schools this person works for (none: all)", Words: "schools", Kind: KindSet, Options: schools},
		{Path: "partnership.priorities[].title", Label: "The priority", Words: "title"},
		{Path: "partnership.capacity[].audience", Label: "Who", Words: "who", Hint: "Such as teachers, principals or coaches: the initiatives choose among these."},
		{Path: "partnership.capacity[].hoursPerWeek", Label: "Hours a week each has for this work", Words: "hours a week", Kind: KindNumber, Min: 0, Max: 168, Example: "2 or 1.5"},
		{Path: "partnership.initiatives[].name", Label: "Name"},
		{Path: "partnership.initiatives[].owner", Label: "Run by", Kind: KindChoice, Options: orgs},
		{Path: "partnership.initiatives[].priorities", Label: "Priorities it serves", Kind: KindSet, Options: func(a *App, _ Loc) []Option {
			var out []Option
			for _, pr := range a.ws.Partnership.Priorities {
				out = append(out, Option{pr.ID, named(pr.Title, "a priority without a title")})
			}
			return out
		}},
		{Path: "partnership.initiatives[].demands[].audience", Label: "Who gives the time", Words: "who", Kind: KindChoice, Options: audienceOptions,
			Other: "Someone else: type who…", Hint: "The audiences of “Time people have”, whose time is checked."},
		{Path: "partnership.initiatives[].demands[].hoursPerWeek", Label: "Hours a week asked of each", Words: "hours a week", Kind: KindNumber, Min: 0, Max: 168, Example: "2 or 1.5"},
		{Path: "partnership.initiatives[].demands[].start", Label: "From", Kind: KindDate},
		{Path: "partnership.initiatives[].demands[].end", Label: "To", Kind: KindDate},
		{Path: "partnership.initiatives[].demands[].schools", Label: "Schools (none checked: all of them)", Words: "schools", Kind: KindSet, Options: schools},
	}
	for _, pr := range partnership.FourIs() {
		fs = append(fs, Field{Path: "partnership.context[]." + string(pr.Factor), Label: pr.Title, Words: strings.ToLower(pr.Title), Kind: KindArea, Hint: pr.Meaning,
			Read: readContext, Write: writeContext, LabelAt: func(a *App, at Loc) string {
				for _, s := range a.contextSlots() {
					if s.index == at.at(0) {
						return pr.Title + ": " + pr.Question(s.district) // each side is asked its own question
					}
				}
				return pr.Title
			}})
	}
	for i := range fs {
		fs[i].Settle = true
	}
	return fs
}

// audienceOptions are the audiences whose time is set, to choose who an
// initiative asks for time; an audience typed before that matches none is
// shown as it is, and the checks say so.
func audienceOptions(a *App, at Loc) []Option {
	opts := []Option{{"", "Choose who"}}
	seen := map[string]bool{}
	for _, c := range a.ws.Partnership.Capacity {
		k := strings.ToLower(strings.TrimSpace(c.Audience))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		opts = append(opts, Option{c.Audience, c.Audience})
	}
	if v, ok := a.model.value(a.ws, at.Path); ok {
		if cur := v.String(); cur != "" && !seen[strings.ToLower(strings.TrimSpace(cur))] {
			opts = append(opts, Option{cur, cur + " (no time set for them under “Time people have”)"})
		}
	}
	return opts
}

// slot is where one organisation's answers to the four I's are kept: its
// entry of the partnership's context, or the entry it gets when it answers.
type slot struct {
	org, name string
	index     int
	district  bool
}

// contextSlots are the district's and each partner's places in the
// partnership's context: the index of its entry, or for an organisation with
// none yet the index it will have, the next free ones in the organisations'
// order, so that a field's path never changes while it is being typed in.
func (a *App) contextSlots() []slot {
	p := a.ws.Partnership
	if p == nil {
		return nil
	}
	out := []slot{{org: p.District.ID, name: named(p.District.Name, "the district"), district: true}}
	for _, pa := range p.Partners {
		out = append(out, slot{org: pa.ID, name: named(pa.Name, "a partner without a name")})
	}
	next := len(p.Context)
	for i := range out {
		if _, at := p.ContextOf(out[i].org); at >= 0 {
			out[i].index = at
		} else {
			out[i].index = next
			next++
		}
	}
	return out
}

func readContext(a *App, at Loc) (string, bool) {
	p := a.ws.Partnership
	if p == nil {
		return "", false
	}
	if v, ok := a.model.value(a.ws, at.Path); ok {
		return v.String(), true
	}
	return "", at.at(0) >= len(p.Context)
}

// writeContext writes an answer to the four I's, first giving the
// organisations whose slots come before it their entries.
func writeContext(a *App, at Loc, text string) bool {
	p := a.ws.Partnership
	if p == nil {
		return false
	}
	n := at.at(0)
	for _, s := range a.contextSlots() {
		if s.index >= len(p.Context) && s.index <= n {
			p.Context = append(p.Context, partnership.OrgContext{Org: s.org})
		}
	}
	v, ok := a.model.value(a.ws, at.Path)
	if !ok {
		return false
	}
	v.SetString(text)
	return true
}

// renameSide writes the name of the district or of a partner, and the team
// of the readiness responses that named the side by its old name, so that
// the summary keeps the side's raters together.
func renameSide(a *App, at Loc, text string) bool {
	v, ok := a.model.value(a.ws, at.Path)
	if !ok {
		return false
	}
	old := v.String()
	v.SetString(text)
	if strings.TrimSpace(old) == "" {
		return true
	}
	for i := range a.ws.Readiness {
		for j := range a.ws.Readiness[i].Responses {
			r := &a.ws.Readiness[i].Responses[j]
			if r.Team == old {
				r.Team = text
			}
		}
	}
	return true
}

// newID returns a new random ID that no item of the list has yet, so that
// records added in two copies of a workspace stay apart when they are merged.
func newID(prefix string, taken func(string) bool) string {
	for {
		if id := partnership.NewID(prefix); !taken(id) {
			return id
		}
	}
}

// addPartnershipItem adds an empty item of the kind Arg names and moves the
// focus to its first field.
func (a *App) addPartnershipItem(p *partnership.Partnership, arg string) []Effect {
	field, ix := index(arg)
	var path string
	switch field {
	case "partner":
		id := newID("partner", func(s string) bool { _, ok := p.Partner(s); return ok || s == p.District.ID })
		p.Partners = append(p.Partners, partnership.Partner{ID: id})
		path = fmt.Sprintf("partnership.partners[%d].name", len(p.Partners)-1)
	case "school":
		id := newID("school", func(s string) bool { _, ok := p.School(s); return ok })
		p.Schools = append(p.Schools, partnership.School{ID: id})
		path = fmt.Sprintf("partnership.schools[%d].name", len(p.Schools)-1)
	case "person":
		id := newID("person", func(s string) bool { _, ok := p.Person(s); return ok })
		p.People = append(p.People, partnership.Person{ID: id, Org: p.District.ID})
		path = fmt.Sprintf("partnership.people[%d].name", len(p.People)-1)
	case "priority":
		id := newID("priority", func(s string) bool {
			for _, x := range p.Priorities {
				if x.ID == s {
					return true
				}
			}
			return false
		})
		p.Priorities = append(p.Priorities, partnership.Priority{ID: id})
		path = fmt.Sprintf("partnership.priorities[%d].title", len(p.Priorities)-1)
	case "initiative":
		id := newID("initiative", func(s string) bool {
			for _, x := range p.Initiatives {
				if x.ID == s {
					return true
				}
			}
			return false
		})
		p.Initiatives = append(p.Initiatives, partnership.Initiative{ID: id, Owner: p.District.ID})
		a.part.open, a.part.opened = len(p.Initiatives)-1, true
		path = fmt.Sprintf("partnership.initiatives[%d].name", len(p.Initiatives)-1)
	case "demand":
		if len(ix) != 1 || ix[0] >= len(p.Initiatives) {
			return nil
		}
		in := &p.Initiatives[ix[0]]
		id := newID("demand", func(s string) bool {
			return slices.ContainsFunc(in.Demands, func(d partnership.Demand) bool { return d.ID == s })
		})
		d := partnership.Demand{ID: id}
		if len(p.Capacity) > 0 {
			d.Audience = p.Capacity[0].Audience // chosen among the audiences whose time is set
		}
		in.Demands = append(in.Demands, d)
		path = fmt.Sprintf("partnership.initiatives[%d].demands[%d].audience", ix[0], len(in.Demands)-1)
	case "capacity":
		p.Capacity = append(p.Capacity, partnership.Capacity{})
		path = fmt.Sprintf("partnership.capacity[%d].audience", len(p.Capacity)-1)
	default:
		return nil
	}
	return []Effect{Focus{ID: FieldID(path)}}
}

// lists are the partnership's lists, by the name of one item.
var lists = map[string]string{"partner": "partners", "school": "schools", "person": "people", "priority": "priorities",
	"initiative": "initiatives", "capacity": "capacity"}

// removePartnershipItem removes the item Arg names, keeping it for Undo.
func (a *App) removePartnershipItem(p *partnership.Partnership, arg string) {
	field, ix := index(arg)
	if len(ix) == 0 {
		return
	}
	i := ix[0]
	r := &removal{what: field, index: i}
	switch {
	case field == "partner" && i < len(p.Partners):
		r.name, r.value = orUnnamed(p.Partners[i].Name, "the partner"), p.Partners[i]
		p.Partners = append(p.Partners[:i:i], p.Partners[i+1:]...)
	case field == "school" && i < len(p.Schools):
		r.name, r.value = orUnnamed(p.Schools[i].Name, "the school"), p.Schools[i]
		p.Schools = append(p.Schools[:i:i], p.Schools[i+1:]...)
	case field == "person" && i < len(p.People):
		r.name, r.value = orUnnamed(p.People[i].Name, "the person"), p.People[i]
		p.People = append(p.People[:i:i], p.People[i+1:]...)
	case field == "priority" && i < len(p.Priorities):
		r.name, r.value = orUnnamed(p.Priorities[i].Title, "the priority"), p.Priorities[i]
		p.Priorities = append(p.Priorities[:i:i], p.Priorities[i+1:]...)
	case field == "initiative" && i < len(p.Initiatives):
		r.name, r.value = orUnnamed(p.Initiatives[i].Name, "the initiative"), p.Initiatives[i]
		p.Initiatives = append(p.Initiatives[:i:i], p.Initiatives[i+1:]...)
		a.part.opened = false
	case field == "capacity" && i < len(p.Capacity):
		r.name, r.value = orUnnamed(p.Capacity[i].Audience, "the capacity"), p.Capacity[i]
		p.Capacity = append(p.Capacity[:i:i], p.Capacity[i+1:]...)
	case field == "demand" && len(ix) == 2 && i < len(p.Initiatives) && ix[1] < len(p.Initiatives[i].Demands):
		in := &p.Initiatives[i]
		r.index = ix[1]
		r.what = "demand|" + strconv.Itoa(i)
		r.list = fmt.Sprintf("partnership.initiatives[%d].demands", i)
		r.name, r.value = "the demand on "+orUnnamed(in.Demands[ix[1]].Audience, "an audience"), in.Demands[ix[1]]
		in.Demands = append(in.Demands[:ix[1]:ix[1]], in.Demands[ix[1]+1:]...)
	default:
		return
	}
	if r.list == "" {
		r.list = "partnership." + lists[field]
	}
	a.part.removed = r
	a.moved(r.list, r.index, -1) // what was typed stays with its item
	a.notify(Notice{Kind: "ok", Text: "Removed " + r.name + ". Use “Undo” in the partnership to put it back."})
}

func orUnnamed(name, what string) string {
	if strings.TrimSpace(name) == "" {
		return what + " without a name"
	}
	return "“" + name + "”"
}

// insert puts v back at i.
func insert[T any](list []T, i int, v T) []T {
	i = min(i, len(list))
	return append(list[:i], append([]T{v}, list[i:]...)...)
}

// restore puts a removed item back where it was.
func restore(p *partnership.Partnership, r *removal) {
	switch v := r.value.(type) {
	case partnership.Partner:
		p.Partners = insert(p.Partners, r.index, v)
	case partnership.School:
		p.Schools = insert(p.Schools, r.index, v)
	case partnership.Person:
		p.People = insert(p.People, r.index, v)
	case partnership.Priority:
		p.Priorities = insert(p.Priorities, r.index, v)
	case partnership.Initiative:
		p.Initiatives = insert(p.Initiatives, r.index, v)
	case partnership.Capacity:
		p.Capacity = insert(p.Capacity, r.index, v)
	case partnership.Demand:
		_, ix := index(r.what)
		if len(ix) == 1 && ix[0] < len(p.Initiatives) {
			in := &p.Initiatives[ix[0]]
			in.Demands = insert(in.Demands, r.index, v)
		}
	}
}
