package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

// contractParts are the lists and groups of the contract form.
func contractParts() []Part {
	ps := []Part{
		{Path: "contract", Title: "The contract supplement"},
		{Path: "contract.district", Title: "The district"},
		{Path: "contract.partner", Title: "The partner"},
		{Path: "contract.practices", Title: "The six practices"},
		{Path: "contract.appendix", Title: "The alignment appendix"},
		{Path: "contract.appendix.priority", Title: "Strategic priority"},
		{Path: "contract.appendix.investment", Title: "School leaders' investment"},
		{Path: "contract.appendix.schedule", Title: "Schedule of activities"},
		{Path: "contract.appendix.schedule.activities", Noun: "activity", Name: nameAt("what")},
		{Path: "contract.appendix.schedule.assurance", Title: "The district's assurance"},
		{Path: "contract.appendix.contacts", Title: "Liaisons and managers"},
		{Path: "contract.appendix.measures", Title: "Success measures", Noun: "measure", Name: nameAt("name")},
		{Path: "contract.appendix.measures[].interim"},
		{Path: "contract.appendix.measures[].final"},
		{Path: "contract.appendix.dataPlan", Title: "Data plan"},
		{Path: "contract.appendix.dataPlan.duties", Noun: "data duty", Name: dutyName},
		{Path: "contract.appendix.meetings", Title: "Meetings"},
		{Path: "contract.session", Title: "Drafting session"},
	}
	for _, pr := range contract.Practices() {
		ps = append(ps, Part{Path: "contract.practices." + string(pr.ID), Title: fmt.Sprintf("Practice %d: %s", pr.Number, pr.Title)})
	}
	for _, c := range contacts {
		ps = append(ps, Part{Path: c.path, Title: c.label})
	}
	return ps
}

// contacts are the people the appendix names, each picked from the
// partnership's people of one side.
var contacts = []struct {
	path, label string
	partner     bool // of the partner's side, else the district's
}{
	{"contract.appendix.schedule.assurance.givenBy", "Given by", false},
	{"contract.appendix.contacts.districtLiaison", "District liaison", false},
	{"contract.appendix.contacts.partnerLiaison", "Partner liaison", true},
	{"contract.appendix.contacts.districtManager", "District overall manager", false},
	{"contract.appendix.contacts.partnerManager", "Partner overall manager", true},
}

// dutyName names a data duty by its measure.
func dutyName(a *App, at Loc) string {
	id := nameAt("measure")(a, at)
	if s := a.ws.Contract; s != nil && id != "" {
		for _, m := range s.Appendix.Measures {
			if m.ID == id && m.Name != "" {
				return "data for " + m.Name
			}
		}
	}
	return ""
}

// contractFields are the values the contract form edits.
func contractFields() []Field {
	choose := func(opts ...Option) func(*App, Loc) []Option {
		return func(*App, Loc) []Option { return opts }
	}
	fs := []Field{
		{Path: "contract.form", Label: "How it is attached to the contract", Words: "form", Kind: KindChoice,
			Options: choose(Option{string(contract.Addendum), "An addendum to the contract"}, Option{string(contract.MOU), "A memorandum of understanding that goes with it"})},
		{Path: "contract.contractRef", Label: "The contract it belongs to", Words: "the contract", Hint: "Such as “Contract No. 2026-114 for coaching services”."},
		{Path: "contract.schoolYear", Label: "School year", Hint: "Such as 2026–27."},
		{Path: "contract.district.name", Label: "The district", Words: "name"},
		{Path: "contract.partner.name", Label: "The partner", Words: "name"},
		{Path: "contract.partner.id", Label: "The partner", Words: "which partner", Kind: KindChoice, Options: func(a *App, _ Loc) []Option {
			var out []Option
			if p := a.ws.Partnership; p != nil {
				for _, pa := range p.Partners {
					out = append(out, Option{pa.ID, named(pa.Name, "a partner without a name")})
				}
			}
			return out
		}, Write: func(a *App, _ Loc, id string) bool {
			pa, ok := a.partnerOf(id)
			if ok {
				a.ws.Contract.Partner = contract.Party{ID: pa.ID, Name: pa.Name}
			}
			return ok
		}},
	}
	for _, pr := range contract.Practices() {
		at := "contract.practices." + string(pr.ID)
		fs = append(fs,
			Field{Path: at + ".status", Label: "Both sides confirm this practice", Words: "confirmed", Kind: KindCheck, On: string(partnership.Done), Off: string(partnership.Open)},
			Field{Path: at + ".evidence", Label: "How you know it holds", Words: "how you know", Kind: KindArea})
	}
	ap := "contract.appendix."
	fs = append(fs,
		Field{Path: ap + "priority.priority", Label: "The district's strategic priority", Words: "the priority", Kind: KindChoice, Options: func(a *App, _ Loc) []Option {
			out := []Option{{"", "Choose the district's priority"}}
			if p := a.ws.Partnership; p != nil {
				for _, pr := range p.Priorities {
					out = append(out, Option{pr.ID, named(pr.Title, "a priority without a title")})
				}
			}
			return out
		}, Write: func(a *App, _ Loc, id string) bool {
			it := &a.ws.Contract.Appendix.Priority
			it.Priority = id
			if p := a.ws.Partnership; p != nil && it.Statement == "" {
				for _, pr := range p.Priorities {
					if pr.ID == id {
						it.Statement = pr.Title
					}
				}
			}
			return true
		}},
		Field{Path: ap + "priority.statement", Label: "The priority in words", Words: "in words", Kind: KindArea},
		Field{Path: ap + "priority.how", Label: "How the partner's work serves it", Words: "how the work serves it", Kind: KindArea},
		Field{Path: ap + "investment.evidence", Label: "What shows the school leaders are invested", Words: "what shows it", Kind: KindArea},
		Field{Path: ap + "investment.schoolLeaders", Label: "The school leaders concerned", Words: "school leaders", Kind: KindSet,
			Options: func(a *App, _ Loc) []Option { return a.peopleOptions("", partnership.SchoolLeader) },
			Read: func(a *App, _ Loc) (string, bool) {
				if a.ws.Contract == nil {
					return "", false
				}
				return contactIDs(a.ws.Contract.Appendix.Investment.SchoolLeaders), true
			},
			Toggle: func(a *App, _ Loc, id string) bool {
				list := &a.ws.Contract.Appendix.Investment.SchoolLeaders
				if i := slices.IndexFunc(*list, func(c contract.Contact) bool { return c.Person == id }); i >= 0 {
					*list = slices.Delete(*list, i, i+1)
					return true
				}
				var c contract.Contact
				a.pick(&c, id)
				*list = append(*list, c)
				return true
			}},
		Field{Path: ap + "schedule.activities[].what", Label: "What"},
		Field{Path: ap + "schedule.activities[].who", Label: "Who takes part"},
		Field{Path: ap + "schedule.activities[].when", Label: "When", Hint: "Such as “Tuesdays after school, October to May”."},
		Field{Path: ap + "schedule.activities[].hours", Label: "Hours it asks of each, over the year", Words: "hours", Kind: KindNumber, Min: 0, Max: 10000, Example: "24"},
		Field{Path: ap + "schedule.assurance.withinResources", Label: "The schedule fits the district's resources", Words: "fits the resources", Kind: KindCheck},
		Field{Path: ap + "schedule.assurance.withinBargainingAgreement", Label: "The schedule fits the collective-bargaining agreement", Words: "fits the bargaining agreement", Kind: KindCheck},
		Field{Path: ap + "schedule.assurance.date", Label: "Date", Kind: KindDate},
		Field{Path: ap + "schedule.assurance.notes", Label: "Conditions or remarks", Words: "remarks", Kind: KindArea},
	)
	for _, c := range contacts {
		side := "district"
		if c.partner {
			side = "partner"
		}
		fs = append(fs,
			Field{Path: c.path + ".person", Label: c.label, Words: "person", Kind: KindChoice, Options: func(a *App, at Loc) []Option {
				return a.contactOptions(side, at)
			}, Write: pickAt},
			Field{Path: c.path + ".name", Label: c.label + ": name", Words: "name"},
			Field{Path: c.path + ".title", Label: c.label + ": position", Words: "position", Hint: "Such as Director of Curriculum."})
	}
	fs = append(fs,
		Field{Path: ap + "measures[].name", Label: "What is measured", Words: "what is measured", Hint: "Such as “Teachers completing a coaching cycle”."},
		Field{Path: ap + "measures[].kind", Label: "Kind", Kind: KindChoice,
			Options: choose(Option{"", "Choose"}, Option{string(contract.Output), "Output: what was delivered"}, Option{string(contract.Outcome), "Outcome: what changed"})},
		Field{Path: ap + "measures[].audience", Label: "About", Words: "about whom", Kind: KindChoice,
			Options: choose(Option{"", "Choose"}, Option{string(contract.Students), "Students"}, Option{string(contract.Adults), "Adults"})},
		Field{Path: ap + "measures[].interim.target", Label: "Interim target", Hint: "Around January, in the words you agree on."},
		Field{Path: ap + "measures[].interim.due", Label: "Interim target by", Words: "interim date", Kind: KindDate},
		Field{Path: ap + "measures[].final.target", Label: "Final target", Hint: "Around June."},
		Field{Path: ap + "measures[].final.due", Label: "Final target by", Words: "final date", Kind: KindDate},
	)
	fs = append(fs, measureFields(ap)...)
	fs = append(fs,
		Field{Path: ap + "dataPlan.process", Label: "How the data is collected", Words: "how the data is collected", Kind: KindArea},
		Field{Path: ap + "dataPlan.duties[].measure", Label: "Measure", Kind: KindChoice, Options: func(a *App, _ Loc) []Option {
			out := []Option{{"", "Choose a measure"}}
			for _, m := range a.ws.Contract.Appendix.Measures {
				out = append(out, Option{m.ID, named(m.Name, "a measure without a name")})
			}
			return out
		}},
		Field{Path: ap + "dataPlan.duties[].source", Label: "Where the data comes from", Words: "source"},
		Field{Path: ap + "dataPlan.duties[].provider.person", Label: "Who provides it", Words: "who provides it", Kind: KindChoice,
			Options: func(a *App, at Loc) []Option { return a.contactOptions("", at) }, Write: pickAt},
		Field{Path: ap + "dataPlan.duties[].provider.name", Label: "Who provides it", Words: "who provides it"},
		Field{Path: ap + "dataPlan.duties[].reporter.person", Label: "Who reports it", Words: "who reports it", Kind: KindChoice,
			Options: func(a *App, at Loc) []Option { return a.contactOptions("", at) }, Write: pickAt},
		Field{Path: ap + "dataPlan.duties[].reporter.name", Label: "Who reports it", Words: "who reports it"},
		Field{Path: ap + "dataPlan.duties[].due", Label: "Reported by", Words: "date", Kind: KindDate},
		Field{Path: ap + "meetings.cadence", Label: "How often you meet", Words: "how often", Kind: KindChoice,
			Hint: "The framework asks for contact at least monthly and a review every quarter.",
			Options: choose(Option{"", "Choose"}, Option{string(partnership.Weekly), "Weekly"}, Option{string(partnership.Monthly), "Monthly"}, Option{string(partnership.Quarterly), "Quarterly"},
				Option{string(partnership.TwiceYearly), "Twice a year"}, Option{string(partnership.Yearly), "Once a year"})},
		Field{Path: ap + "meetings.dates", Label: "Meeting dates, one a line (such as 3/2/2027)", Words: "dates", Kind: KindDates},
		Field{Path: ap + "meetings.agenda", Label: "Draft agenda, one item a line", Words: "agenda", Kind: KindLines},
		Field{Path: ap + "meetings.conflict", Label: "How conflicts are raised and resolved", Words: "conflicts", Kind: KindArea},
		Field{Path: ap + "meetings.improvement", Label: "How the partnership keeps improving", Words: "improvement", Kind: KindArea},
		Field{Path: ap + "meetings.dissolution", Label: "How it may end if it is not on track", Words: "how it may end", Kind: KindArea},
		Field{Path: "contract.session.date", Label: "Date", Kind: KindDate},
		Field{Path: "contract.session.minutes", Label: "Length in minutes", Words: "length", Kind: KindWhole, Min: 0, Max: 1440, Example: "90"},
		Field{Path: "contract.session.attendees", Label: "Who took part", Kind: KindSet,
			Options: func(a *App, _ Loc) []Option { return a.peopleOptions("", "") },
			Read: func(a *App, _ Loc) (string, bool) {
				if a.ws.Contract == nil {
					return "", false
				}
				var ids []string
				for _, at := range a.ws.Contract.Session.Attendees {
					ids = append(ids, at.Person)
				}
				return strings.Join(ids, "\n"), true
			},
			Toggle: toggleSessionAttendee},
	)
	return fs
}

// contactIDs lists the people picked as contacts, one a line.
func contactIDs(cs []contract.Contact) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = c.Person
	}
	return strings.Join(ids, "\n")
}

// toggleSessionAttendee adds a person of the partnership to the drafting
// session's attendees, or takes them off.
func toggleSessionAttendee(a *App, _ Loc, id string) bool {
	s := &a.ws.Contract.Session
	if i := slices.IndexFunc(s.Attendees, func(at partnership.Attendee) bool { return at.Person == id }); i >= 0 {
		s.Attendees = slices.Delete(s.Attendees, i, i+1)
		return true
	}
	at := partnership.Attendee{Person: id}
	if p := a.ws.Partnership; p != nil {
		if x, ok := p.Attendee(id); ok {
			at = x
		}
	}
	s.Attendees = append(s.Attendees, at)
	return true
}

// peopleOptions are the partnership's people of an organisation ("" for
// all), with a role when role is not "", by name and organisation.
func (a *App) peopleOptions(org string, role partnership.Role) []Option {
	p := a.ws.Partnership
	if p == nil {
		return nil
	}
	var out []Option
	for _, pe := range p.People {
		if org != "" && pe.Org != org || role != "" && !pe.HasRole(role) {
			continue
		}
		out = append(out, Option{pe.ID, named(pe.Name, "a person without a name") + " (" + named(p.OrgName(pe.Org), "an organization without a name") + ")"})
	}
	return out
}

// contactOptions are the people a contact at a place can be: the people of
// the district's side, of the partner's, or of both (side ""), and the one
// picked before when that is none of them, so that nothing is replaced unseen.
func (a *App) contactOptions(side string, at Loc) []Option {
	p, s := a.ws.Partnership, a.ws.Contract
	org := ""
	switch {
	case side == "district" && p != nil:
		org = p.District.ID
	case side == "partner":
		org = s.Partner.ID
	}
	people := a.peopleOptions(org, "")
	if len(people) == 0 {
		return []Option{{"", "No one to choose yet: add people to the partnership first"}}
	}
	out := append([]Option{{"", "Choose a person"}}, people...)
	if v, ok := a.model.value(a.ws, strings.TrimSuffix(at.Path, ".person")); ok {
		if ct, ok := v.Interface().(contract.Contact); ok && ct.Person != "" && !slices.ContainsFunc(out, func(o Option) bool { return o.Value == ct.Person }) {
			name := named(ct.Name, "someone")
			out = append(out, Option{ct.Person, name + " (not among the people of the partnership)"})
		}
	}
	return out
}

// pickAt is the Write of a contact's person: the person picked, with their
// name, and the position as it was.
func pickAt(a *App, at Loc, id string) bool {
	v, ok := a.model.value(a.ws, strings.TrimSuffix(at.Path, ".person"))
	if !ok {
		return false
	}
	c, ok := v.Addr().Interface().(*contract.Contact)
	if !ok {
		return false
	}
	a.pick(c, id)
	return true
}

// contractEditor is the contract form's state.
type contractEditor struct {
	preview bool // the addendum is shown as it will print
}

// handleContract handles the contract form's events ("contract.*").
func (a *App) handleContract(ev Event) ([]Effect, bool) {
	if !strings.HasPrefix(ev.Action, "contract.") {
		return nil, false
	}
	s := a.ws.Contract
	switch ev.Action {
	case "contract.start":
		if s == nil {
			a.ws.Contract = a.newSupplement()
			a.con = contractEditor{}
		}
		return []Effect{Persist{}, Focus{ID: FieldID("contract.contractRef")}}, true
	case "contract.preview":
		a.con.preview = !a.con.preview
		if a.con.preview {
			return []Effect{Focus{ID: "pk-contract-preview"}}, true
		}
		return []Effect{Focus{ID: "pk-contract-preview-toggle"}}, true
	case "contract.print":
		a.con.preview = true
		return []Effect{Print{}}, true
	case "contract.html", "contract.md":
		return a.contractDownload(ev.Action == "contract.html"), true
	}
	if s == nil {
		return nil, true
	}
	var eff []Effect
	switch ev.Action {
	case "contract.add":
		eff = addContractItem(s, ev.Arg)
	case "contract.remove":
		a.removeContractItem(s, ev.Arg)
		// The removed field had the focus: give it to the list's item.
		kind, _ := index(ev.Arg)
		eff = append(eff, Focus{ID: FieldID(map[string]string{
			"activity": "contract.appendix.schedule", "measure": "contract.appendix.measures", "duty": "contract.appendix.dataPlan",
		}[kind])})
	default:
		return nil, true
	}
	return append(eff, Persist{}), true
}

// newSupplement starts a draft between the district and the first partner
// of the partnership, when there is one.
func (a *App) newSupplement() *contract.Supplement {
	p := a.ws.Partnership
	if p == nil {
		return contract.New("", "")
	}
	var partner partnership.Partner
	if len(p.Partners) > 0 {
		partner = p.Partners[0]
	}
	s := contract.New(p.District.Name, partner.Name)
	s.District.ID, s.Partner.ID = p.District.ID, partner.ID
	for _, sc := range p.Schools {
		s.Schools = append(s.Schools, partnership.School{ID: sc.ID, Name: sc.Name})
	}
	return s
}

// revealContract needs to open nothing: every part of the form is always shown.
func (a *App) revealContract(path string) { a.con.preview = false }

// resolved is the supplement with the names the partnership knows filled in.
func (a *App) resolved() *contract.Supplement {
	if a.ws.Contract == nil {
		return nil
	}
	return a.ws.Contract.Resolved(a.ws.Partnership)
}

func (a *App) contractDownload(html bool) []Effect {
	s := a.resolved()
	if s == nil {
		return nil
	}
	var buf bytes.Buffer
	write, ext, typ := s.WriteMarkdown, ".md", "text/markdown"
	if html {
		write, ext, typ = s.WriteHTML, ".html", "text/html"
	}
	if err := write(&buf); err != nil {
		a.problem("The supplement could not be written.", err)
		return nil
	}
	who := "district"
	if strings.TrimSpace(s.District.Name) != "" {
		who = slug(s.District.Name)
	}
	name := "contract-supplement-" + who + "-" + a.cfg.Now().Format("2006-01-02") + ext
	return []Effect{Download{Name: name, Type: typ, Data: buf.Bytes()}}
}

// pick names a person of the partnership as the contact (or nobody, for "").
func (a *App) pick(c *contract.Contact, personID string) {
	title := c.Title
	*c = contract.Contact{Title: title}
	if personID == "" {
		return
	}
	c.Person = personID
	if p := a.ws.Partnership; p != nil {
		if pe, ok := p.Person(personID); ok {
			c.Name = pe.Name
		}
	}
}

func (a *App) partnerOf(id string) (partnership.Partner, bool) {
	if p := a.ws.Partnership; p != nil {
		return p.Partner(id)
	}
	return partnership.Partner{}, false
}

// addContractItem adds an empty activity, measure or data duty.
func addContractItem(s *contract.Supplement, what string) []Effect {
	ap := &s.Appendix
	var path string
	switch what {
	case "activity":
		id := newID("activity", func(id string) bool {
			return slices.ContainsFunc(ap.Schedule.Activities, func(a contract.Activity) bool { return a.ID == id })
		})
		ap.Schedule.Activities = append(ap.Schedule.Activities, contract.Activity{ID: id})
		path = "contract.appendix.schedule.activities[" + strconv.Itoa(len(ap.Schedule.Activities)-1) + "].what"
	case "measure":
		id := newID("measure", func(id string) bool {
			for _, m := range ap.Measures {
				if m.ID == id {
					return true
				}
			}
			return false
		})
		ap.Measures = append(ap.Measures, contract.Measure{ID: id})
		path = "contract.appendix.measures[" + strconv.Itoa(len(ap.Measures)-1) + "].name"
	case "duty":
		d := contract.DataDuty{ID: newID("duty", func(id string) bool {
			return slices.ContainsFunc(ap.DataPlan.Duties, func(d contract.DataDuty) bool { return d.ID == id })
		})}
		if n := len(ap.Measures); n > 0 {
			d.Measure = ap.Measures[min(len(ap.DataPlan.Duties), n-1)].ID
		}
		ap.DataPlan.Duties = append(ap.DataPlan.Duties, d)
		path = "contract.appendix.dataPlan.duties[" + strconv.Itoa(len(ap.DataPlan.Duties)-1) + "].source"
	default:
		return nil
	}
	return []Effect{Focus{ID: FieldID(path)}}
}

// removeContractItem removes an activity, measure or data duty.
func (a *App) removeContractItem(s *contract.Supplement, arg string) {
	field, ix := index(arg)
	if len(ix) != 1 {
		return
	}
	i, ap := ix[0], &s.Appendix
	switch {
	case field == "activity" && i < len(ap.Schedule.Activities):
		ap.Schedule.Activities = append(ap.Schedule.Activities[:i:i], ap.Schedule.Activities[i+1:]...)
		a.moved("contract.appendix.schedule.activities", i, -1)
	case field == "measure" && i < len(ap.Measures):
		ap.Measures = append(ap.Measures[:i:i], ap.Measures[i+1:]...)
		a.moved("contract.appendix.measures", i, -1)
	case field == "duty" && i < len(ap.DataPlan.Duties):
		ap.DataPlan.Duties = append(ap.DataPlan.Duties[:i:i], ap.DataPlan.Duties[i+1:]...)
		a.moved("contract.appendix.dataPlan.duties", i, -1)
	}
}
