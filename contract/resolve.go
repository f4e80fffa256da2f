package contract

import (
	"slices"

	"github.com/partnerkit/partnerkit/partnership"
)

// Resolved returns a copy of the supplement in which every name left empty
// is filled in from the partnership: the district and partner by their IDs,
// schools, the strategic priority's statement, and every person referred to
// by ID (with the person's name; the title stays as typed). Nothing typed is
// replaced, and s itself is not changed. Print the copy when the supplement
// refers to people by ID only, so that the document shows their names.
func (s *Supplement) Resolved(p *partnership.Partnership) *Supplement {
	if s == nil {
		return nil
	}
	out := *s
	out.Schools = slices.Clone(s.Schools)
	out.Appendix.Investment.SchoolLeaders = slices.Clone(s.Appendix.Investment.SchoolLeaders)
	out.Appendix.Measures = slices.Clone(s.Appendix.Measures)
	for i, m := range out.Appendix.Measures {
		out.Appendix.Measures[i] = m.clone()
	}
	out.Appendix.DataPlan.Duties = slices.Clone(s.Appendix.DataPlan.Duties)
	out.Appendix.Meetings.Dates = slices.Clone(s.Appendix.Meetings.Dates)
	out.Appendix.Meetings.Agenda = slices.Clone(s.Appendix.Meetings.Agenda)
	out.Appendix.Schedule.Activities = slices.Clone(s.Appendix.Schedule.Activities)
	out.Session.Attendees = slices.Clone(s.Session.Attendees)
	if p == nil {
		return &out
	}
	fill := func(name *string, value string) {
		if blank(*name) && value != "" {
			*name = value
		}
	}
	if out.District.ID != "" && out.District.ID == p.District.ID {
		fill(&out.District.Name, p.District.Name)
	}
	if x, ok := p.Partner(out.Partner.ID); ok {
		fill(&out.Partner.Name, x.Name)
	}
	for i := range out.Schools {
		if x, ok := p.School(out.Schools[i].ID); ok {
			fill(&out.Schools[i].Name, x.Name)
		}
	}
	for _, pr := range p.Priorities {
		if pr.ID == out.Appendix.Priority.Priority {
			fill(&out.Appendix.Priority.Statement, pr.Title)
		}
	}
	person := func(c *Contact) {
		if x, ok := p.Person(c.Person); ok {
			fill(&c.Name, x.Name)
		}
	}
	a := &out.Appendix
	for _, c := range []*Contact{&a.Contacts.DistrictLiaison, &a.Contacts.PartnerLiaison, &a.Contacts.DistrictManager, &a.Contacts.PartnerManager, &a.Schedule.Assurance.GivenBy} {
		person(c)
	}
	for i := range a.Investment.SchoolLeaders {
		person(&a.Investment.SchoolLeaders[i])
	}
	for i := range a.DataPlan.Duties {
		person(&a.DataPlan.Duties[i].Provider)
		person(&a.DataPlan.Duties[i].Reporter)
	}
	for i := range out.Session.Attendees {
		at := &out.Session.Attendees[i]
		if x, ok := p.Person(at.Person); ok {
			fill(&at.Name, x.Name)
			if at.Side == "" {
				at.Side = p.SideOf(x)
			}
			if x.HasRole(partnership.SchoolLeader) && !at.HasRole(partnership.SchoolLeader) {
				at.Roles = append(slices.Clip(at.Roles), partnership.SchoolLeader)
			}
		}
	}
	return &out
}
