package partnership

// OrgName returns the name of the district or partner with the given ID, or
// the ID itself when there is none.
func (p *Partnership) OrgName(id string) string {
	if p.District.ID == id {
		return p.District.Name
	}
	for _, x := range p.Partners {
		if x.ID == id {
			return x.Name
		}
	}
	return id
}

// IsDistrict reports whether orgID is the district's ID.
func (p *Partnership) IsDistrict(orgID string) bool {
	return orgID != "" && p.District.ID == orgID
}

// Partner returns the partner with the given ID.
func (p *Partnership) Partner(id string) (Partner, bool) {
	for _, x := range p.Partners {
		if x.ID == id {
			return x, true
		}
	}
	return Partner{}, false
}

// Person returns the person with the given ID.
func (p *Partnership) Person(id string) (Person, bool) {
	for _, x := range p.People {
		if x.ID == id {
			return x, true
		}
	}
	return Person{}, false
}

// School returns the school with the given ID.
func (p *Partnership) School(id string) (School, bool) {
	for _, x := range p.Schools {
		if x.ID == id {
			return x, true
		}
	}
	return School{}, false
}

// PeopleOf returns the people of one organisation, in file order.
func (p *Partnership) PeopleOf(orgID string) []Person {
	var out []Person
	for _, x := range p.People {
		if x.Org == orgID {
			out = append(out, x)
		}
	}
	return out
}

// PeopleWithRole returns the people of one organisation who hold role r; an
// empty orgID means every organisation.
func (p *Partnership) PeopleWithRole(orgID string, r Role) []Person {
	var out []Person
	for _, x := range p.People {
		if (orgID == "" || x.Org == orgID) && x.HasRole(r) {
			out = append(out, x)
		}
	}
	return out
}
