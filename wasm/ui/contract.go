package ui

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

// contractParts are the lists and groups of the contract form.
func contractParts() []Part { return nil }

// contractFields are the values the contract form edits.
func contractFields() []Field { return nil }

// contractEditor is the contract form's state.
type contractEditor struct {
	preview bool              // the addendum is shown as it will print
	raw     map[string]string // numbers typed that are not numbers yet, by field
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
	case "contract.set":
		a.setContractField(s, ev.Arg, ev.Value)
	case "contract.toggle":
		a.toggleContractField(s, ev.Arg)
	case "contract.add":
		eff = addContractItem(s, ev.Arg)
	case "contract.remove":
		removeContractItem(s, ev.Arg)
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

// contact returns the contact an Arg such as "districtLiaison" names.
func contactOf(s *contract.Supplement, key string) *contract.Contact {
	c := &s.Appendix.Contacts
	switch key {
	case "districtLiaison":
		return &c.DistrictLiaison
	case "partnerLiaison":
		return &c.PartnerLiaison
	case "districtManager":
		return &c.DistrictManager
	case "partnerManager":
		return &c.PartnerManager
	case "assurance":
		return &s.Appendix.Schedule.Assurance.GivenBy
	}
	return nil
}

// textOf returns the text field an Arg names, or nil.
func textOf(s *contract.Supplement, field string, ix []int) *string {
	ap := &s.Appendix
	at := func(n int) bool { return len(ix) == 1 && ix[0] < n }
	switch field {
	case "contractRef":
		return &s.ContractRef
	case "schoolYear":
		return &s.SchoolYear
	case "district.name":
		return &s.District.Name
	case "partner.name":
		return &s.Partner.Name
	case "priority.statement":
		return &ap.Priority.Statement
	case "priority.how":
		return &ap.Priority.How
	case "investment.evidence":
		return &ap.Investment.Evidence
	case "assurance.notes":
		return &ap.Schedule.Assurance.Notes
	case "dataPlan.process":
		return &ap.DataPlan.Process
	case "meetings.conflict":
		return &ap.Meetings.Conflict
	case "meetings.improvement":
		return &ap.Meetings.Improvement
	case "meetings.dissolution":
		return &ap.Meetings.Dissolution
	case "activity.what", "activity.who", "activity.when":
		if at(len(ap.Schedule.Activities)) {
			act := &ap.Schedule.Activities[ix[0]]
			return map[string]*string{"activity.what": &act.What, "activity.who": &act.Who, "activity.when": &act.When}[field]
		}
	case "measure.name", "measure.interim", "measure.final":
		if at(len(ap.Measures)) {
			m := &ap.Measures[ix[0]]
			return map[string]*string{"measure.name": &m.Name, "measure.interim": &m.Interim.Target, "measure.final": &m.Final.Target}[field]
		}
	case "duty.source":
		if at(len(ap.DataPlan.Duties)) {
			return &ap.DataPlan.Duties[ix[0]].Source
		}
	}
	if strings.HasPrefix(field, "title.") {
		if c := contactOf(s, strings.TrimPrefix(field, "title.")); c != nil {
			return &c.Title
		}
	}
	if strings.HasPrefix(field, "evidence.") {
		if r := s.Practices.Record(contract.PracticeID(strings.TrimPrefix(field, "evidence."))); r != nil {
			return &r.Evidence
		}
	}
	return nil
}

// dateOf returns the date field an Arg names, or nil.
func dateOf(s *contract.Supplement, field string, ix []int) *partnership.Date {
	ap := &s.Appendix
	at := func(n int) bool { return len(ix) == 1 && ix[0] < n }
	switch field {
	case "assurance.date":
		return &ap.Schedule.Assurance.Date
	case "session.date":
		return &s.Session.Date
	case "measure.interim.due":
		if at(len(ap.Measures)) {
			return &ap.Measures[ix[0]].Interim.Due
		}
	case "measure.final.due":
		if at(len(ap.Measures)) {
			return &ap.Measures[ix[0]].Final.Due
		}
	case "duty.due":
		if at(len(ap.DataPlan.Duties)) {
			return &ap.DataPlan.Duties[ix[0]].Due
		}
	}
	return nil
}

// setContractField writes what was typed or chosen into the field Arg names.
func (a *App) setContractField(s *contract.Supplement, arg, v string) {
	field, ix := index(arg)
	if p := textOf(s, field, ix); p != nil {
		*p = v
		return
	}
	if d := dateOf(s, field, ix); d != nil {
		*d = partnership.Date(v)
		return
	}
	ap := &s.Appendix
	at := func(n int) bool { return len(ix) == 1 && ix[0] < n }
	switch field {
	case "form":
		s.Form = contract.Form(v)
	case "partner":
		if pa, ok := a.partnerOf(v); ok {
			s.Partner = contract.Party{ID: pa.ID, Name: pa.Name}
		}
	case "priority":
		ap.Priority.Priority = v
		if p := a.ws.Partnership; p != nil {
			for _, pr := range p.Priorities {
				if pr.ID == v && ap.Priority.Statement == "" {
					ap.Priority.Statement = pr.Title
				}
			}
		}
	case "cadence":
		ap.Meetings.Cadence = partnership.Cadence(v)
	case "meetings.dates":
		ap.Meetings.Dates = nil
		for _, l := range lines(v) {
			ap.Meetings.Dates = append(ap.Meetings.Dates, partnership.Date(l))
		}
		a.keepLines(arg, v)
	case "meetings.agenda":
		ap.Meetings.Agenda = lines(v)
		a.keepLines(arg, v)
	case "activity.hours":
		if at(len(ap.Schedule.Activities)) {
			a.conNumber(arg, v, func(f float64) { ap.Schedule.Activities[ix[0]].Hours = f })
		}
	case "session.minutes":
		a.conNumber(arg, v, func(f float64) { s.Session.Minutes = int(f) })
	case "measure.kind":
		if at(len(ap.Measures)) {
			ap.Measures[ix[0]].Kind = contract.Kind(v)
		}
	case "measure.audience":
		if at(len(ap.Measures)) {
			ap.Measures[ix[0]].Audience = contract.Audience(v)
		}
	case "duty.measure":
		if at(len(ap.DataPlan.Duties)) {
			ap.DataPlan.Duties[ix[0]].Measure = v
		}
	case "duty.provider.name", "duty.reporter.name":
		if at(len(ap.DataPlan.Duties)) {
			d := &ap.DataPlan.Duties[ix[0]]
			if field == "duty.provider.name" {
				d.Provider.Name = v
			} else {
				d.Reporter.Name = v
			}
		}
	case "duty.provider", "duty.reporter":
		if at(len(ap.DataPlan.Duties)) {
			d := &ap.DataPlan.Duties[ix[0]]
			c := &d.Provider
			if field == "duty.reporter" {
				c = &d.Reporter
			}
			a.pick(c, v)
		}
	}
	if strings.HasPrefix(field, "contact.") {
		if c := contactOf(s, strings.TrimPrefix(field, "contact.")); c != nil {
			a.pick(c, v)
		}
	}
	if strings.HasPrefix(field, "name.") {
		if c := contactOf(s, strings.TrimPrefix(field, "name.")); c != nil {
			c.Name = v
		}
	}
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

// keepLines keeps a text area's text as typed (blank lines and all) while
// it is being typed, so that the cursor does not jump.
func (a *App) keepLines(arg, v string) {
	if a.con.raw == nil {
		a.con.raw = map[string]string{}
	}
	a.con.raw[arg] = v
}

// conNumber sets a number, keeping text that is not a number yet as typed.
func (a *App) conNumber(arg, v string, set func(float64)) {
	if a.con.raw == nil {
		a.con.raw = map[string]string{}
	}
	f, ok := typedNumber(a.con.raw, arg, v)
	if ok && f < 0 {
		a.con.raw[arg], ok = v, false
	}
	if ok {
		set(f)
	}
}

// toggleContractField turns a checkbox on or off.
func (a *App) toggleContractField(s *contract.Supplement, arg string) {
	field, value, _ := strings.Cut(arg, "=")
	as := &s.Appendix.Schedule.Assurance
	switch field {
	case "practice":
		if r := s.Practices.Record(contract.PracticeID(value)); r != nil {
			if r.IsDone() {
				r.Status = partnership.Open
			} else {
				r.Status = partnership.Done
			}
		}
	case "assurance.resources":
		as.WithinResources = !as.WithinResources
	case "assurance.bargaining":
		as.WithinBargainingAgreement = !as.WithinBargainingAgreement
	case "leader":
		list := s.Appendix.Investment.SchoolLeaders
		for i, c := range list {
			if c.Person == value {
				s.Appendix.Investment.SchoolLeaders = append(list[:i:i], list[i+1:]...)
				return
			}
		}
		var c contract.Contact
		a.pick(&c, value)
		s.Appendix.Investment.SchoolLeaders = append(list, c)
	case "attendee":
		list := s.Session.Attendees
		for i, at := range list {
			if at.Person == value {
				s.Session.Attendees = append(list[:i:i], list[i+1:]...)
				return
			}
		}
		at := partnership.Attendee{Person: value}
		if p := a.ws.Partnership; p != nil {
			if x, ok := p.Attendee(value); ok {
				at = x
			}
		}
		s.Session.Attendees = append(list, at)
	}
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
func removeContractItem(s *contract.Supplement, arg string) {
	field, ix := index(arg)
	if len(ix) != 1 {
		return
	}
	i, ap := ix[0], &s.Appendix
	switch {
	case field == "activity" && i < len(ap.Schedule.Activities):
		ap.Schedule.Activities = append(ap.Schedule.Activities[:i:i], ap.Schedule.Activities[i+1:]...)
	case field == "measure" && i < len(ap.Measures):
		ap.Measures = append(ap.Measures[:i:i], ap.Measures[i+1:]...)
	case field == "duty" && i < len(ap.DataPlan.Duties):
		ap.DataPlan.Duties = append(ap.DataPlan.Duties[:i:i], ap.DataPlan.Duties[i+1:]...)
	}
}
