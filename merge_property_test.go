package partnerkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// The property tests draw a random valid workspace (the base), edit two
// copies of it with random edit scripts, as two people would in the page,
// and merge them.

// words are few, so that two scripts often write the same value.
var drawnWords = []string{"Alder", "Birch", "Cedar", "Dogwood", "Elm"}

func drawWord(t *rapid.T, label string) string {
	return rapid.SampledFrom(drawnWords).Draw(t, label)
}

// ids draws IDs unique across the whole test: side is "b", "m" or "t".
type ids struct {
	side string
	n    int
}

func (g *ids) next(prefix string) string {
	g.n++
	return fmt.Sprintf("%s-%s%d", prefix, g.side, g.n)
}

func drawDate(t *rapid.T, label string) partnership.Date {
	d := rapid.IntRange(0, 300).Draw(t, label)
	return partnership.DateOf(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d))
}

// drawWorkspace draws a valid workspace with some of everything.
func drawWorkspace(t *rapid.T) *Workspace {
	g := &ids{side: "b"}
	ws := New()
	ws.WorkspaceID = "ws-property"
	p := &partnership.Partnership{Name: "Partnership", District: partnership.Org{ID: "district", Name: "District"}}
	ws.Partnership = p
	for range rapid.IntRange(0, 3).Draw(t, "partners") {
		p.Partners = append(p.Partners, partnership.Partner{ID: g.next("partner"), Name: drawWord(t, "partner name")})
	}
	for range rapid.IntRange(0, 3).Draw(t, "schools") {
		p.Schools = append(p.Schools, partnership.School{ID: g.next("school"), Name: drawWord(t, "school name")})
	}
	for range rapid.IntRange(0, 3).Draw(t, "priorities") {
		p.Priorities = append(p.Priorities, partnership.Priority{ID: g.next("priority"), Title: drawWord(t, "priority title")})
	}
	for range rapid.IntRange(0, 4).Draw(t, "people") {
		addPerson(t, g, p)
	}
	for range rapid.IntRange(0, 3).Draw(t, "initiatives") {
		addInitiative(t, g, p)
	}
	if rapid.Bool().Draw(t, "capacity") {
		p.Capacity = append(p.Capacity, partnership.Capacity{Audience: "teachers", HoursPerWeek: 10})
	}
	if rapid.Bool().Draw(t, "readiness") {
		r := readiness.Round{ID: g.next("round"), Title: "Spring"}
		for range rapid.IntRange(0, 3).Draw(t, "responses") {
			r.Responses = append(r.Responses, drawResponse(t, g))
		}
		ws.Readiness = append(ws.Readiness, r)
	}
	if rapid.Bool().Draw(t, "contract") {
		c := contract.New("District", "Partner")
		ap := &c.Appendix
		for range rapid.IntRange(0, 2).Draw(t, "activities") {
			ap.Schedule.Activities = append(ap.Schedule.Activities, contract.Activity{ID: g.next("activity"), What: drawWord(t, "what")})
		}
		for range rapid.IntRange(0, 2).Draw(t, "measures") {
			m := contract.Measure{ID: g.next("measure"), Name: drawWord(t, "measure")}
			ap.Measures = append(ap.Measures, m)
			ap.DataPlan.Duties = append(ap.DataPlan.Duties, contract.DataDuty{ID: g.next("duty"), Measure: m.ID})
		}
		ws.Contract = c
	}
	for range rapid.IntRange(0, 2).Draw(t, "meetings") {
		start := time.Date(2026, 9, 15, 15, 30, 0, 0, time.UTC).AddDate(0, 3*len(ws.Meetings), 0)
		m := agenda.Quarterly().At(start)
		for range rapid.IntRange(0, 2).Draw(t, "actions") {
			m.AddAction(agenda.Action{ID: g.next("action"), Text: drawWord(t, "action")})
		}
		ws.Meetings = append(ws.Meetings, m)
	}
	require.NoError(t, ws.Validate())
	return reloaded(t, ws)
}

func addPerson(t *rapid.T, g *ids, p *partnership.Partnership) {
	orgs := []string{p.District.ID}
	for _, x := range p.Partners {
		orgs = append(orgs, x.ID)
	}
	pe := partnership.Person{ID: g.next("person"), Name: drawWord(t, "person name"), Org: rapid.SampledFrom(orgs).Draw(t, "org")}
	for _, s := range p.Schools {
		if rapid.Bool().Draw(t, "works at") {
			pe.Schools = append(pe.Schools, s.ID)
		}
	}
	p.People = append(p.People, pe)
}

func addInitiative(t *rapid.T, g *ids, p *partnership.Partnership) {
	in := partnership.Initiative{ID: g.next("initiative"), Name: drawWord(t, "initiative name"), Owner: p.District.ID}
	for _, pr := range p.Priorities {
		if rapid.Bool().Draw(t, "serves") {
			in.Priorities = append(in.Priorities, pr.ID)
		}
	}
	for range rapid.IntRange(0, 2).Draw(t, "demands") {
		in.Demands = append(in.Demands, drawDemand(t, g))
	}
	p.Initiatives = append(p.Initiatives, in)
}

func drawDemand(t *rapid.T, g *ids) partnership.Demand {
	start := drawDate(t, "start")
	end, _ := start.Time()
	return partnership.Demand{ID: g.next("demand"), Audience: "teachers", Start: start,
		End: partnership.DateOf(end.AddDate(0, 0, rapid.IntRange(0, 60).Draw(t, "days"))), HoursPerWeek: float64(rapid.IntRange(0, 20).Draw(t, "hours"))}
}

func drawResponse(t *rapid.T, g *ids) readiness.Response {
	return readiness.Response{ID: g.next("response"), Rater: drawWord(t, "rater"), Team: "District leadership team",
		Ratings: map[string]int{"alignment": rapid.IntRange(1, 4).Draw(t, "rating")}}
}

// reloaded saves and loads the workspace, as the page stores it.
func reloaded(t require.TestingT, ws *Workspace) *Workspace {
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	out, err := Load(&buf)
	require.NoError(t, err, "%s", buf.String())
	return out
}

// edit applies a random edit script to a copy of ws, keeping it valid as
// the page keeps a workspace: the references of what it deletes go too.
func edit(t *rapid.T, ws *Workspace, side string) *Workspace {
	ws = reloaded(t, ws)
	g := &ids{side: side}
	p := ws.Partnership
	steps := rapid.IntRange(0, 6).Draw(t, side+" edits")
	for range steps {
		switch rapid.IntRange(0, 13).Draw(t, side+" edit") {
		case 0:
			p.Name = drawWord(t, "name")
		case 1:
			p.Partners = append(p.Partners, partnership.Partner{ID: g.next("partner"), Name: drawWord(t, "partner name")})
		case 2:
			if len(p.Partners) > 0 {
				i := rapid.IntRange(0, len(p.Partners)-1).Draw(t, "partner")
				p.Partners[i].Name = drawWord(t, "partner name")
				p.Partners[i].Approach = rapid.SampledFrom([]partnership.Approach{"", partnership.CoDesign, partnership.Delivery}).Draw(t, "approach")
			}
		case 3:
			if len(p.Schools) > 0 { // delete a school, and every mention of it
				i := rapid.IntRange(0, len(p.Schools)-1).Draw(t, "school")
				id := p.Schools[i].ID
				p.Schools = slices.Delete(p.Schools, i, i+1)
				for k := range p.People {
					p.People[k].Schools = slices.DeleteFunc(p.People[k].Schools, func(s string) bool { return s == id })
				}
				for k := range p.Initiatives {
					for j := range p.Initiatives[k].Demands {
						d := &p.Initiatives[k].Demands[j]
						d.Schools = slices.DeleteFunc(d.Schools, func(s string) bool { return s == id })
					}
				}
			}
		case 4:
			p.Schools = append(p.Schools, partnership.School{ID: g.next("school"), Name: drawWord(t, "school name")})
		case 5:
			addPerson(t, g, p)
		case 6:
			if len(p.People) > 0 {
				i := rapid.IntRange(0, len(p.People)-1).Draw(t, "person")
				pe := &p.People[i]
				switch rapid.IntRange(0, 2).Draw(t, "person edit") {
				case 0:
					pe.Name = drawWord(t, "person name")
				case 1:
					r := rapid.SampledFrom(partnership.Roles()).Draw(t, "role")
					if pe.HasRole(r) {
						pe.Roles = slices.DeleteFunc(pe.Roles, func(x partnership.Role) bool { return x == r })
					} else {
						pe.Roles = append(pe.Roles, r)
					}
				case 2:
					p.People = slices.Delete(p.People, i, i+1)
				}
			}
		case 7:
			addInitiative(t, g, p)
		case 8:
			if len(p.Initiatives) > 0 {
				in := &p.Initiatives[rapid.IntRange(0, len(p.Initiatives)-1).Draw(t, "initiative")]
				switch rapid.IntRange(0, 3).Draw(t, "initiative edit") {
				case 0:
					in.Name = drawWord(t, "initiative name")
				case 1:
					in.Demands = append(in.Demands, drawDemand(t, g))
				case 2:
					if len(in.Demands) > 0 {
						d := &in.Demands[rapid.IntRange(0, len(in.Demands)-1).Draw(t, "demand")]
						if rapid.Bool().Draw(t, "move start") {
							d.Start = drawDate(t, "start")
							if e, _ := d.End.Time(); !e.IsZero() {
								if s, _ := d.Start.Time(); s.After(e) {
									d.Start = d.End
								}
							}
						} else {
							d.End = drawDate(t, "end")
							if s, _ := d.Start.Time(); !s.IsZero() {
								if e, _ := d.End.Time(); e.Before(s) {
									d.End = d.Start
								}
							}
						}
					}
				case 3:
					if len(in.Demands) > 0 {
						i := rapid.IntRange(0, len(in.Demands)-1).Draw(t, "demand")
						in.Demands = slices.Delete(in.Demands, i, i+1)
					}
				}
			}
		case 9:
			if len(p.Partners) > 1 { // reorder
				p.Partners[0], p.Partners[1] = p.Partners[1], p.Partners[0]
			}
		case 10:
			if len(ws.Readiness) > 0 {
				r := &ws.Readiness[0]
				if len(r.Responses) > 0 && rapid.Bool().Draw(t, "remove response") {
					i := rapid.IntRange(0, len(r.Responses)-1).Draw(t, "response")
					r.Responses = slices.Delete(r.Responses, i, i+1)
				} else {
					r.Responses = append(r.Responses, drawResponse(t, g))
				}
			}
		case 11:
			if c := ws.Contract; c != nil {
				ap := &c.Appendix
				switch rapid.IntRange(0, 2).Draw(t, "contract edit") {
				case 0:
					ap.Schedule.Activities = append(ap.Schedule.Activities, contract.Activity{ID: g.next("activity"), What: drawWord(t, "what")})
				case 1:
					if len(ap.Schedule.Activities) > 0 {
						a := &ap.Schedule.Activities[rapid.IntRange(0, len(ap.Schedule.Activities)-1).Draw(t, "activity")]
						a.When = drawWord(t, "when")
					}
				case 2:
					ap.Schedule.Assurance.Notes = drawWord(t, "notes")
				}
			}
		case 12:
			if len(ws.Meetings) > 0 {
				m := &ws.Meetings[rapid.IntRange(0, len(ws.Meetings)-1).Draw(t, "meeting")]
				switch rapid.IntRange(0, 3).Draw(t, "meeting edit") {
				case 0:
					m.AddAction(agenda.Action{ID: g.next("action"), Text: drawWord(t, "action")})
				case 1:
					if len(m.Actions) > 0 {
						i := rapid.IntRange(0, len(m.Actions)-1).Draw(t, "action")
						m.Actions = slices.Delete(m.Actions, i, i+1)
					}
				case 2:
					m.Sections[0].Questions[0].Notes = drawWord(t, "notes")
				case 3:
					m.Location = drawWord(t, "location")
				}
			}
		case 13:
			if len(p.Priorities) > 0 { // delete a priority and its mentions
				i := rapid.IntRange(0, len(p.Priorities)-1).Draw(t, "priority")
				id := p.Priorities[i].ID
				p.Priorities = slices.Delete(p.Priorities, i, i+1)
				for k := range p.Initiatives {
					p.Initiatives[k].Priorities = slices.DeleteFunc(p.Initiatives[k].Priorities, func(s string) bool { return s == id })
				}
			}
		}
	}
	// A person whose organisation is gone goes too, as the page asks.
	require.NoError(t, ws.Validate(), "the %s edit script keeps the workspace valid", side)
	return reloaded(t, ws)
}

// leaves flattens a workspace into its values, each under a path that
// names records by key rather than by index ("partnership.people[#ana].name")
// and plain-value lists by member ("…roles{liaison}"), as Merge matches them.
func leaves(t require.TestingT, ws *Workspace) map[string]string {
	doc, err := toTree(ws)
	require.NoError(t, err)
	for _, k := range metaKeys {
		delete(doc, k)
	}
	out := map[string]string{}
	var walk func(v any, path, pattern string)
	walk = func(v any, path, pattern string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(e, joinKey(path, k), joinKey(pattern, k))
			}
		case []any:
			if keyOf, _ := recordKey(pattern+"[]", x); keyOf != nil {
				for _, e := range x {
					walk(e, path+"[#"+keyOf(e)+"]", pattern+"[]")
				}
				return
			}
			if scalarSet(x) && len(x) > 0 {
				for _, e := range x {
					out[fmt.Sprintf("%s{%v}", path, e)] = "true"
				}
				return
			}
			for i, e := range x {
				walk(e, fmt.Sprintf("%s[%d]", path, i), pattern+"[]")
			}
		default:
			data, _ := json.Marshal(x)
			out[path] = string(data)
		}
	}
	walk(doc, "", "")
	return out
}

// related reports whether one of the paths lies within the other.
func related(a, b string) bool {
	within := func(x, y string) bool {
		return x == y || strings.HasPrefix(x, y+".") || strings.HasPrefix(x, y+"[") || strings.HasPrefix(x, y+"{")
	}
	return within(a, b) || within(b, a)
}

// conflictPaths returns the conflicts' paths with records named by key.
func conflictPaths(t require.TestingT, merged *Workspace, cs []Conflict) []string {
	doc, err := toTree(merged)
	require.NoError(t, err)
	var out []string
	for _, c := range cs {
		out = append(out, canonical(doc, c.Path))
	}
	slices.Sort(out)
	return out
}

func TestMergeProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := drawWorkspace(t)
		mine := edit(t, base, "m")
		theirs := edit(t, base, "t")

		// Merging a workspace with itself changes nothing.
		for _, x := range []*Workspace{base, mine} {
			same, cs := Merge(x, x, x)
			require.Empty(t, cs)
			require.Equal(t, saved(t, x), saved(t, same))
		}

		merged, cs := Merge(base, mine, theirs)

		// The result validates and saves to bytes that load again.
		require.NoError(t, merged.Validate())
		again := reloaded(t, merged)
		require.Equal(t, saved(t, merged), saved(t, again))

		// Every change of either side that no conflict names is in the result.
		paths := conflictPaths(t, merged, cs)
		lb, lm, lt, lr := leaves(t, base), leaves(t, mine), leaves(t, theirs), leaves(t, merged)
		for _, side := range []map[string]string{lm, lt} {
			keys := map[string]bool{}
			for k := range side {
				keys[k] = true
			}
			for k := range lb {
				keys[k] = true
			}
			for k := range keys {
				if side[k] == lb[k] || slices.ContainsFunc(paths, func(p string) bool { return related(p, k) }) {
					continue
				}
				require.Equal(t, side[k], lr[k], "%s: a change no conflict names is lost (conflicts: %v)", k, paths)
			}
		}

		// Swapping the sides gives the same records and the same conflicts.
		swapped, cs2 := Merge(base, theirs, mine)
		require.Equal(t, records(t, merged), records(t, swapped))
		require.Equal(t, paths, conflictPaths(t, swapped, cs2))

		// Choosing theirs everywhere also validates, or says why not.
		var choices []Choice
		for _, c := range cs {
			choices = append(choices, Choice{Conflict: c, Take: Theirs})
		}
		if res, err := Resolve(merged, choices...); err == nil {
			require.NoError(t, res.Validate())
		}
	})
}

func TestMergeWithoutBaseLosesNothing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := drawWorkspace(t)
		mine, theirs := edit(t, base, "m"), edit(t, base, "t")
		merged, cs := Merge(nil, mine, theirs)
		require.NoError(t, merged.Validate())
		paths := conflictPaths(t, merged, cs)
		lr := leaves(t, merged)
		// Nothing is deleted: every value of either side is in the result,
		// unless a conflict names it.
		for _, side := range []map[string]string{leaves(t, mine), leaves(t, theirs)} {
			for k, v := range side {
				if slices.ContainsFunc(paths, func(p string) bool { return related(p, k) }) {
					continue
				}
				require.Equal(t, v, lr[k], "%s is lost", k)
			}
		}
	})
}

func saved(t require.TestingT, ws *Workspace) string {
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	return buf.String()
}

// records lists every record of the workspace by its key path.
func records(t require.TestingT, ws *Workspace) []string {
	var out []string
	for k := range leaves(t, ws) {
		for i := strings.Index(k, "[#"); i >= 0; {
			j := strings.Index(k[i:], "]")
			out = append(out, k[:i+j+1])
			n := strings.Index(k[i+j+1:], "[#")
			if n < 0 {
				break
			}
			i = i + j + 1 + n
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
