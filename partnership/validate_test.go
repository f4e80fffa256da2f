package partnership_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

func valid() *partnership.Partnership {
	return &partnership.Partnership{
		Name:     "Riverside and partners",
		District: partnership.Org{ID: "rusd", Name: "Riverside Unified"},
		Partners: []partnership.Partner{{ID: "lp", Name: "Learning Partners", Approach: partnership.CoDesign}},
		Schools:  []partnership.School{{ID: "hayes", Name: "Hayes High"}},
		People: []partnership.Person{
			{ID: "ana", Name: "Ana Ruiz", Org: "rusd", Email: "ana@example.org", Roles: []partnership.Role{partnership.PointPerson}},
		},
		Priorities: []partnership.Priority{{ID: "portfolio", Title: "Graduation portfolio"}},
		Initiatives: []partnership.Initiative{{
			ID: "pbl", Name: "Summer PBL", Owner: "lp", Priorities: []string{"portfolio"},
			Demands: []partnership.Demand{{Audience: "teachers", Schools: []string{"hayes"}, Start: "2027-06-21", End: "2027-06-21", HoursPerWeek: 30}},
		}},
		Capacity: []partnership.Capacity{{Audience: "teachers", HoursPerWeek: 10}},
	}
}

func TestValidateAcceptsAValidPartnership(t *testing.T) {
	require.NoError(t, valid().Validate())
}

func TestValidateProblems(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *partnership.Partnership)
		want   []partnership.Problem
	}{
		{"missing name", func(p *partnership.Partnership) { p.Name = "" },
			[]partnership.Problem{{Path: "name", Message: "name is required"}}},
		{"district id", func(p *partnership.Partnership) { p.District.ID = "has space"; p.People[0].Org = "has space" },
			[]partnership.Problem{{Path: "district.id", Message: "id must be a short identifier: letters, digits, '.', '-' or '_', starting with a letter or digit, at most 64 characters"}}},
		{"approach", func(p *partnership.Partnership) { p.Partners[0].Approach = "advice" },
			[]partnership.Problem{{Path: "partners[0].approach", Message: "approach must be one of co-design, consultancy, delivery"}}},
		{"email", func(p *partnership.Partnership) { p.People[0].Email = "ana" },
			[]partnership.Problem{{Path: "people[0].email", Message: "email must be an email address such as name@example.org"}}},
		{"role", func(p *partnership.Partnership) { p.People[0].Roles = append(p.People[0].Roles, "boss") },
			[]partnership.Problem{{Path: "people[0].roles[1]", Message: "each entry of roles must be one of point-person, higher-authority, school-leader, liaison, manager, teacher-leader"}}},
		{"person org", func(p *partnership.Partnership) { p.People[0].Org = "x" },
			[]partnership.Problem{{Path: "people[0].org", Message: `there is no organization (the district or a partner) with id "x"; use one of: rusd, lp`}}},
		{"owner missing", func(p *partnership.Partnership) { p.Initiatives[0].Owner = "" },
			[]partnership.Problem{{Path: "initiatives[0].owner", Message: "owner is required"}}},
		{"duplicate school", func(p *partnership.Partnership) {
			p.Schools = append(p.Schools, partnership.School{ID: "hayes", Name: "Hayes Two"})
		}, []partnership.Problem{{Path: "schools[1].id", Message: `id "hayes" is already used at schools[0]; every id must be different`}}},
		{"duplicate person", func(p *partnership.Partnership) {
			p.People = append(p.People, partnership.Person{ID: "ana", Name: "Ana B", Org: "lp"})
		}, []partnership.Problem{{Path: "people[1].id", Message: `id "ana" is already used at people[0]; every id must be different`}}},
		{"bad date", func(p *partnership.Partnership) { p.Initiatives[0].Demands[0].Start = "21/06/2027" },
			[]partnership.Problem{{Path: "initiatives[0].demands[0].start", Message: "start must be a date written as YYYY-MM-DD, such as 2026-09-01"}}},
		{"end before start", func(p *partnership.Partnership) { p.Initiatives[0].Demands[0].End = "2027-06-20" },
			[]partnership.Problem{{Path: "initiatives[0].demands[0].end", Message: "end (2027-06-20) is before start (2027-06-21); the last day must be on or after the first"}}},
		{"too many hours", func(p *partnership.Partnership) { p.Initiatives[0].Demands[0].HoursPerWeek = 200 },
			[]partnership.Problem{{Path: "initiatives[0].demands[0].hoursPerWeek", Message: "hoursPerWeek must be 168 or less"}}},
		{"negative capacity", func(p *partnership.Partnership) { p.Capacity[0].HoursPerWeek = -1 },
			[]partnership.Problem{{Path: "capacity[0].hoursPerWeek", Message: "hoursPerWeek must be 0 or more"}}},
		{"capacity twice", func(p *partnership.Partnership) {
			p.Capacity = append(p.Capacity, partnership.Capacity{Audience: " Teachers", HoursPerWeek: 3})
		}, []partnership.Problem{{Path: "capacity[1].audience", Message: `capacity for " Teachers" is already given at capacity[0]; give each audience once`}}},
		{"unknown school and priority", func(p *partnership.Partnership) {
			p.Initiatives[0].Priorities = []string{"portfolio", "math"}
			p.Initiatives[0].Demands[0].Schools = []string{"lincoln"}
		}, []partnership.Problem{
			{Path: "initiatives[0].priorities[1]", Message: `there is no priority with id "math"; use one of: portfolio`},
			{Path: "initiatives[0].demands[0].schools[0]", Message: `there is no school with id "lincoln"; use one of: hayes`},
		}},
		{"reference with nothing to refer to", func(p *partnership.Partnership) {
			p.Schools = nil
		}, []partnership.Problem{{Path: "initiatives[0].demands[0].schools[0]", Message: `there is no school with id "hayes"; add it first`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid()
			tt.change(p)
			err := p.Validate()
			var ve *partnership.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.want, ve.Problems)
		})
	}
}

func TestValidateNil(t *testing.T) {
	var p *partnership.Partnership
	assert.EqualError(t, p.Validate(), "the partnership is missing")
}

func TestValidationErrorText(t *testing.T) {
	ve := &partnership.ValidationError{}
	assert.NoError(t, ve.Err())
	ve.Add("a.b", "b is %s", "wrong")
	assert.EqualError(t, ve.Err(), "a.b: b is wrong")
	ve.Add("", "the file is odd")
	assert.EqualError(t, ve, "2 problems:\n- a.b: b is wrong\n- the file is odd")
}

func TestValidationErrorInclude(t *testing.T) {
	ve := &partnership.ValidationError{}
	ve.Include("partnership", &partnership.ValidationError{Problems: []partnership.Problem{{Path: "name", Message: "m"}, {Path: "[1].id", Message: "i"}, {Message: "n"}}})
	ve.Include("contract", nil)
	ve.Include("meetings[0]", errors.New("the file is odd"))
	assert.Equal(t, []partnership.Problem{
		{Path: "partnership.name", Message: "m"},
		{Path: "partnership[1].id", Message: "i"},
		{Path: "partnership", Message: "n"},
		{Path: "meetings[0]", Message: "the file is odd"},
	}, ve.Problems)
}

func TestLookupHelpers(t *testing.T) {
	p := valid()
	p.People = append(p.People, partnership.Person{ID: "dee", Name: "Dee", Org: "lp", Roles: []partnership.Role{partnership.HigherAuthority, partnership.PointPerson}})
	assert.Equal(t, "Learning Partners", p.OrgName("lp"))
	assert.Equal(t, "Riverside Unified", p.OrgName("rusd"))
	assert.Equal(t, "zz", p.OrgName("zz"))
	assert.True(t, p.IsDistrict("rusd"))
	assert.False(t, p.IsDistrict(""))
	_, ok := p.Partner("lp")
	assert.True(t, ok)
	pe, ok := p.Person("dee")
	require.True(t, ok)
	assert.True(t, pe.HasRole(partnership.HigherAuthority))
	_, ok = p.School("nope")
	assert.False(t, ok)
	assert.Len(t, p.PeopleOf("lp"), 1)
	assert.Len(t, p.PeopleWithRole("", partnership.PointPerson), 2)
	assert.Len(t, p.PeopleWithRole("rusd", partnership.HigherAuthority), 0)
}
