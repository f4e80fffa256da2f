package partnership

import (
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
)

// Validate checks the partnership and returns a *ValidationError listing every
// problem at once: required fields, allowed values, and the rules that span
// fields (IDs used twice, references to organisations, schools or priorities
// that do not exist, a demand that ends before it starts). It returns nil when
// there is nothing wrong.
func (p *Partnership) Validate() error {
	if p == nil {
		return &ValidationError{Problems: []Problem{{Message: "the partnership is missing"}}}
	}
	ve := new(ValidationError)
	schema.Validate(ve, "", p)
	p.checkReferences(ve)
	return ve.Err()
}

// checkReferences adds the problems that validator tags cannot express.
func (p *Partnership) checkReferences(ve *ValidationError) {
	orgs := newIDSet(ve)
	orgs.add("district.id", p.District.ID)
	for i, x := range p.Partners {
		orgs.add(fmt.Sprintf("partners[%d].id", i), x.ID)
	}
	schools := newIDSet(ve)
	for i, x := range p.Schools {
		at := fmt.Sprintf("schools[%d]", i)
		if x.ID == "" {
			ve.Add(at+".id", "id is required")
		}
		if x.Name == "" {
			ve.Add(at+".name", "name is required")
		}
		schools.add(at+".id", x.ID)
	}
	people := newIDSet(ve)
	for i, x := range p.People {
		people.add(fmt.Sprintf("people[%d].id", i), x.ID)
		orgs.ref(fmt.Sprintf("people[%d].org", i), "organization (the district or a partner)", x.Org)
		for k, s := range x.Schools {
			schools.ref(fmt.Sprintf("people[%d].schools[%d]", i, k), "school", s)
		}
	}
	priorities := newIDSet(ve)
	for i, x := range p.Priorities {
		priorities.add(fmt.Sprintf("priorities[%d].id", i), x.ID)
	}
	initiatives := newIDSet(ve)
	for i, x := range p.Initiatives {
		at := fmt.Sprintf("initiatives[%d]", i)
		initiatives.add(at+".id", x.ID)
		orgs.ref(at+".owner", "organization (the district or a partner)", x.Owner)
		for j, pr := range x.Priorities {
			priorities.ref(fmt.Sprintf("%s.priorities[%d]", at, j), "priority", pr)
		}
		for j, d := range x.Demands {
			dat := fmt.Sprintf("%s.demands[%d]", at, j)
			for k, s := range d.Schools {
				schools.ref(fmt.Sprintf("%s.schools[%d]", dat, k), "school", s)
			}
			start, okStart := d.Start.Time()
			end, okEnd := d.End.Time()
			if okStart && okEnd && end.Before(start) {
				ve.Add(dat+".end", "end (%s) is before start (%s); the last day must be on or after the first", d.End, d.Start)
			}
		}
	}
	p.checkCoherenceFields(ve, orgs)
	seen := make(map[string]int)
	for i, c := range p.Capacity {
		key := strings.ToLower(strings.TrimSpace(c.Audience))
		if key == "" {
			continue
		}
		if j, dup := seen[key]; dup {
			ve.Add(fmt.Sprintf("capacity[%d].audience", i), "capacity for %q is already given at capacity[%d]; give each audience once", c.Audience, j)
			continue
		}
		seen[key] = i
	}
}

// idSet collects the IDs of one namespace and reports duplicates and
// references to IDs it does not hold.
type idSet struct {
	ve    *ValidationError
	where map[string]string
	order []string
}

func newIDSet(ve *ValidationError) *idSet {
	return &idSet{ve: ve, where: make(map[string]string)}
}

func (s *idSet) add(path, id string) {
	if id == "" {
		return // "required" already reported it
	}
	if first, dup := s.where[id]; dup {
		s.ve.Add(path, "id %q is already used at %s; every id must be different", id, first)
		return
	}
	s.where[id] = strings.TrimSuffix(path, ".id")
	s.order = append(s.order, id)
}

func (s *idSet) ref(path, what, id string) {
	if id == "" {
		return
	}
	if _, ok := s.where[id]; ok {
		return
	}
	if len(s.order) == 0 {
		s.ve.Add(path, "there is no %s with id %q; add it first", what, id)
		return
	}
	s.ve.Add(path, "there is no %s with id %q; use one of: %s", what, id, strings.Join(s.order, ", "))
}

// checkCoherenceFields checks the fields the coherence checks read: the
// partnership's dates and the context diagnostic.
func (p *Partnership) checkCoherenceFields(ve *ValidationError, orgs *idSet) {
	start, okStart := p.Start.Time()
	end, okEnd := p.End.Time()
	if okStart && okEnd && end.Before(start) {
		ve.Add("end", "end (%s) is before start (%s); the last day must be on or after the first", p.End, p.Start)
	}
	first := make(map[string]int)
	for i, c := range p.Context {
		at := fmt.Sprintf("context[%d].org", i)
		orgs.ref(at, "organization (the district or a partner)", c.Org)
		if c.Org == "" {
			continue
		}
		if j, dup := first[c.Org]; dup {
			ve.Add(at, "the answers for %q are already given at context[%d]; give each organization once", c.Org, j)
			continue
		}
		first[c.Org] = i
	}
}
