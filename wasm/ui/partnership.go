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
	all     bool              // list every initiative, not only the first ones
	open    int               // the initiative being edited, or -1 (set by part.open)
	opened  bool              // open was set (the zero value means none)
	raw     map[string]string // numbers typed that are not numbers yet, by field
	removed *removal          // the last thing removed, for Undo
	// What the checks found and the map, as of the last pause in typing.
	checked  bool
	findings []partnership.Finding
	problems map[string]string // validation problems by path from the top
	perInit  map[int]int       // how many findings each initiative has
	mapURL   string
}

// removal is something the user removed, kept so that it can be put back.
type removal struct {
	what  string // "partner", "school", ...
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
	case "part.set":
		a.setPartnershipField(p, ev.Arg, ev.Value)
	case "part.toggle":
		a.togglePartnershipField(p, ev.Arg)
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
		a.part.findings = nil
		for _, f := range a.reviewFindings() {
			if strings.HasPrefix(f.Path, "partnership") {
				a.part.findings = append(a.part.findings, f)
			}
		}
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
	}
	return a.part.findings, a.part.mapURL
}

// index reads the numbers of an Arg such as "demand.hours|2|0".
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

// setPartnershipField writes what was typed into the field Arg names.
func (a *App) setPartnershipField(p *partnership.Partnership, arg, v string) {
	field, ix := index(arg)
	in := func(n int) bool { return len(ix) >= 1 && ix[0] < n }
	switch field {
	case "name":
		p.Name = v
	case "start":
		p.Start = partnership.Date(v)
	case "end":
		p.End = partnership.Date(v)
	case "district.name":
		p.District.Name = v
	case "district.stance":
		p.District.Stance = partnership.Stance(v)
	case "district.expects":
		p.District.Expects = partnership.Approach(v)
	case "partner.name":
		if in(len(p.Partners)) {
			p.Partners[ix[0]].Name = v
		}
	case "partner.approach":
		if in(len(p.Partners)) {
			p.Partners[ix[0]].Approach = partnership.Approach(v)
		}
	case "partner.services":
		if in(len(p.Partners)) {
			p.Partners[ix[0]].Services = v
		}
	case "school.name":
		if in(len(p.Schools)) {
			p.Schools[ix[0]].Name = v
		}
	case "person.name":
		if in(len(p.People)) {
			p.People[ix[0]].Name = v
		}
	case "person.org":
		if in(len(p.People)) {
			p.People[ix[0]].Org = v
		}
	case "person.email":
		if in(len(p.People)) {
			p.People[ix[0]].Email = v
		}
	case "priority.title":
		if in(len(p.Priorities)) {
			p.Priorities[ix[0]].Title = v
		}
	case "init.name":
		if in(len(p.Initiatives)) {
			p.Initiatives[ix[0]].Name = v
		}
	case "init.owner":
		if in(len(p.Initiatives)) {
			p.Initiatives[ix[0]].Owner = v
		}
	case "demand.audience", "demand.start", "demand.end", "demand.hours":
		if !in(len(p.Initiatives)) || len(ix) < 2 || ix[1] >= len(p.Initiatives[ix[0]].Demands) {
			return
		}
		d := &p.Initiatives[ix[0]].Demands[ix[1]]
		switch field {
		case "demand.audience":
			d.Audience = v
		case "demand.start":
			d.Start = partnership.Date(v)
		case "demand.end":
			d.End = partnership.Date(v)
		case "demand.hours":
			a.setHours(arg, v, &d.HoursPerWeek)
		}
	case "capacity.audience":
		if in(len(p.Capacity)) {
			p.Capacity[ix[0]].Audience = v
		}
	case "capacity.hours":
		if in(len(p.Capacity)) {
			a.setHours(arg, v, &p.Capacity[ix[0]].HoursPerWeek)
		}
	case "context":
		// "context|org index|factor index": org 0 is the district.
		if len(ix) == 2 && ix[0] <= len(p.Partners) && ix[1] < len(partnership.FourIs()) {
			org := p.District.ID
			if ix[0] > 0 {
				org = p.Partners[ix[0]-1].ID
			}
			setContext(p, org, partnership.FourIs()[ix[1]].Factor, v)
		}
	}
}

// setHours sets a number of hours, keeping text that is not a number yet as
// typed, to be shown with a problem beside the field.
func (a *App) setHours(arg, v string, h *float64) {
	if a.part.raw == nil {
		a.part.raw = map[string]string{}
	}
	if f, ok := typedNumber(a.part.raw, arg, v); ok {
		*h = f
	}
}

// setContext writes one answer of an organisation to the four I's.
func setContext(p *partnership.Partnership, org string, f partnership.Factor, v string) {
	_, i := p.ContextOf(org)
	if i < 0 {
		p.Context = append(p.Context, partnership.OrgContext{Org: org})
		i = len(p.Context) - 1
	}
	c := &p.Context[i]
	switch f {
	case partnership.Interests:
		c.Interests = v
	case partnership.Ideologies:
		c.Ideologies = v
	case partnership.Information:
		c.Information = v
	case partnership.Institutions:
		c.Institutions = v
	}
}

// togglePartnershipField turns a checkbox on or off: a person's role or
// school, an initiative's priority, a demand's school.
func (a *App) togglePartnershipField(p *partnership.Partnership, arg string) {
	field, ix := index(strings.SplitN(arg, "=", 2)[0])
	_, value, _ := strings.Cut(arg, "=")
	flip := func(list []string) []string {
		for i, x := range list {
			if x == value {
				return append(list[:i:i], list[i+1:]...)
			}
		}
		return append(list, value)
	}
	switch {
	case field == "person.role" && len(ix) == 1 && ix[0] < len(p.People):
		roles := make([]string, len(p.People[ix[0]].Roles))
		for i, r := range p.People[ix[0]].Roles {
			roles[i] = string(r)
		}
		roles = flip(roles)
		p.People[ix[0]].Roles = p.People[ix[0]].Roles[:0]
		for _, r := range roles {
			p.People[ix[0]].Roles = append(p.People[ix[0]].Roles, partnership.Role(r))
		}
	case field == "person.school" && len(ix) == 1 && ix[0] < len(p.People):
		p.People[ix[0]].Schools = flip(p.People[ix[0]].Schools)
	case field == "init.priority" && len(ix) == 1 && ix[0] < len(p.Initiatives):
		p.Initiatives[ix[0]].Priorities = flip(p.Initiatives[ix[0]].Priorities)
	case field == "demand.school" && len(ix) == 2 && ix[0] < len(p.Initiatives) && ix[1] < len(p.Initiatives[ix[0]].Demands):
		d := &p.Initiatives[ix[0]].Demands[ix[1]]
		d.Schools = flip(d.Schools)
	}
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
		in.Demands = append(in.Demands, partnership.Demand{ID: id, Audience: "teachers"})
		path = fmt.Sprintf("partnership.initiatives[%d].demands[%d].audience", ix[0], len(in.Demands)-1)
	case "capacity":
		p.Capacity = append(p.Capacity, partnership.Capacity{})
		path = fmt.Sprintf("partnership.capacity[%d].audience", len(p.Capacity)-1)
	default:
		return nil
	}
	return []Effect{Focus{ID: FieldID(path)}}
}

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
		r.name, r.value = "the demand on "+orUnnamed(in.Demands[ix[1]].Audience, "an audience"), in.Demands[ix[1]]
		in.Demands = append(in.Demands[:ix[1]:ix[1]], in.Demands[ix[1]+1:]...)
	default:
		return
	}
	a.part.removed = r
	a.part.raw = nil // the fields moved: what was typed belongs to other rows now
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
