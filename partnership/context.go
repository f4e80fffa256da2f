package partnership

import "fmt"

// Stance is how a district takes part in technical assistance, in the terms
// of the SCOPE study "Beyond Alignment": as a passive receiver of services
// that mostly secures dates, rooms and participants, or as an active partner
// that shares what it knows and takes part in the decisions.
type Stance string

// The two stances of a district.
const (
	// Receiver: the district receives services and arranges the logistics.
	Receiver Stance = "receiver"
	// ActivePartner: the district shares information and decides with its partners.
	ActivePartner Stance = "active-partner"
)

// Factor is one of Carol Weiss's four I's, the forces that shape how an
// organisation decides: interests, ideologies, information and institutions.
type Factor string

// The four I's, in Weiss's order.
const (
	Interests    Factor = "interests"
	Ideologies   Factor = "ideologies"
	Information  Factor = "information"
	Institutions Factor = "institutions"
)

const fourIsSource = "Weiss (1995), the four I's, as used by SCOPE, Beyond Alignment (Jaquith & Chavez, 2020), Appendix D"

// Prompt is one question of the district-context diagnostic: what to ask an
// organisation about one of the four I's.
type Prompt struct {
	Factor Factor `json:"factor"`
	Title  string `json:"title"`
	// Meaning says what the factor covers in a partnership.
	Meaning string `json:"meaning"`
	// District is the question put to the district.
	District string `json:"district"`
	// Partner is the question put to a technical-assistance partner.
	Partner string `json:"partner"`
	Source  string `json:"source"`
}

// Question returns the prompt's question for the district or for a partner.
func (pr Prompt) Question(district bool) string {
	if district {
		return pr.District
	}
	return pr.Partner
}

// FourIs returns the prompts of the district-context diagnostic that the
// SCOPE study called for but could not finish: Weiss's four I's, asked of
// every organisation in the partnership, the district included. The wording
// is our own. Each call returns a new slice that the caller may change.
func FourIs() []Prompt {
	return []Prompt{
		{
			Factor: Interests, Title: "Interests",
			Meaning:  "What the organization itself wants from the work.",
			District: "What does the district want this partnership to achieve for its students and staff, and by when?",
			Partner:  "What does your organization want from this work: for its offer, its growth, its other clients?",
			Source:   fourIsSource,
		},
		{
			Factor: Ideologies, Title: "Ideologies",
			Meaning:  "Values and beliefs, above all the stance toward technical assistance: co-design, consultancy or delivery.",
			District: "Does the district see its partners as providers of workshops, or as help to build its own capacity? Will it receive the work or shape it?",
			Partner:  "Do you co-design with the district, consult at chosen points, or deliver a program you have already designed?",
			Source:   fourIsSource,
		},
		{
			Factor: Information, Title: "Information",
			Meaning:  "What the organization knows, and shares, about what helps or hinders the work.",
			District: "What does the district know that its partners need: other initiatives and their dates, who will take part, what they already know?",
			Partner:  "What do you need to learn about the district and its schools before the work is designed, and how will you ask?",
			Source:   fourIsSource,
		},
		{
			Factor: Institutions, Title: "Institutions",
			Meaning:  "Structures, culture, routines and who decides.",
			District: "Who in the district decides about this work, and which calendars, contracts and routines constrain it?",
			Partner:  "Who in your organization decides, and what in your way of working (funding, products, staffing) shapes what you can offer?",
			Source:   fourIsSource,
		},
	}
}

// OrgContext holds one organisation's answers to the four I's. Answers are
// free text in the team's own words; an empty answer is not yet given.
type OrgContext struct {
	// Org is the ID of the district or of a partner.
	Org          string `json:"org" validate:"required"`
	Interests    string `json:"interests,omitempty" validate:"max=4000"`
	Ideologies   string `json:"ideologies,omitempty" validate:"max=4000"`
	Information  string `json:"information,omitempty" validate:"max=4000"`
	Institutions string `json:"institutions,omitempty" validate:"max=4000"`
}

// Answer returns the answer given for factor f.
func (c OrgContext) Answer(f Factor) string {
	switch f {
	case Interests:
		return c.Interests
	case Ideologies:
		return c.Ideologies
	case Information:
		return c.Information
	case Institutions:
		return c.Institutions
	}
	return ""
}

// ContextOf returns the context answers of one organisation and their index
// in p.Context, or -1 when the organisation has none yet.
func (p *Partnership) ContextOf(orgID string) (OrgContext, int) {
	for i, c := range p.Context {
		if c.Org == orgID {
			return c, i
		}
	}
	return OrgContext{Org: orgID}, -1
}

// ContextItem is one question of the diagnostic for one organisation, with
// the answer stored so far.
type ContextItem struct {
	Org      string `json:"org"`
	OrgName  string `json:"orgName"`
	Factor   Factor `json:"factor"`
	Title    string `json:"title"`
	Question string `json:"question"`
	Answer   string `json:"answer,omitempty"`
	// Path is where the answer is kept in the partnership ("context[1].interests"),
	// or empty when the organisation has no context entry yet.
	Path string `json:"path,omitempty"`
}

// ContextItems lists the diagnostic for every organisation, the district
// first and then each partner in file order, four questions each.
func (p *Partnership) ContextItems() []ContextItem {
	if p == nil {
		return nil
	}
	prompts := FourIs()
	orgs := make([]string, 0, 1+len(p.Partners))
	orgs = append(orgs, p.District.ID)
	for _, x := range p.Partners {
		orgs = append(orgs, x.ID)
	}
	out := make([]ContextItem, 0, len(orgs)*len(prompts))
	for k, id := range orgs {
		c, at := p.ContextOf(id)
		for _, pr := range prompts {
			it := ContextItem{
				Org: id, OrgName: p.OrgName(id), Factor: pr.Factor, Title: pr.Title,
				Question: pr.Question(k == 0), Answer: c.Answer(pr.Factor),
			}
			if at >= 0 {
				it.Path = fmt.Sprintf("context[%d].%s", at, pr.Factor)
			}
			out = append(out, it)
		}
	}
	return out
}
