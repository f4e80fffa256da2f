package ui

import (
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cset types v into the contract's field at path, below "contract.".
func cset(a *App, path, v string) { edit(a, "contract."+path, v) }

func appendixDone(a *App) string {
	return a.Render().Find("pk-contract-summary").TextContent()
}

// TestCompleteAContract drafts a supplement for the built-in example's
// partnership from nothing to complete, as a district leader would with the form.
func TestCompleteAContract(t *testing.T) {
	a := newApp(t)
	onlyTheExamplesPartnership(a)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	assert.Contains(t, a.Render().TextContent(), "No supplement yet")
	a.Handle(Event{Action: "contract.start"})
	s := a.ws.Contract
	require.NotNil(t, s)
	p := a.ws.Partnership
	assert.Equal(t, p.District.Name, s.District.Name)
	assert.Equal(t, p.Partners[0].ID, s.Partner.ID)
	assert.Contains(t, appendixDone(a), "0 of 7 appendix items complete")

	cset(a, "contractRef", "Contract No. 7 <script>alert(1)</script>")
	cset(a, "schoolYear", "2017–18")
	for _, pr := range contract.Practices() {
		tick(a, "contract.practices."+string(pr.ID)+".status", "")
		cset(a, "practices."+string(pr.ID)+".evidence", "Agreed at the session.")
	}
	cset(a, "appendix.priority.priority", p.Priorities[0].ID)
	assert.Equal(t, p.Priorities[0].Title, s.Appendix.Priority.Statement, "the statement comes from the partnership")
	cset(a, "appendix.priority.how", "Coaching teams to design projects.")
	cset(a, "appendix.investment.evidence", "The principals asked for it.")
	for _, pe := range p.People {
		if pe.HasRole("school-leader") {
			tick(a, "contract.appendix.investment.schoolLeaders", pe.ID)
			break
		}
	}
	a.Handle(Event{Action: "contract.add", Arg: "activity"})
	cset(a, "appendix.schedule.activities[0].what", "Coaching cycles")
	cset(a, "appendix.schedule.activities[0].who", "Grade 9 teachers")
	cset(a, "appendix.schedule.activities[0].when", "Tuesdays")
	cset(a, "appendix.schedule.activities[0].hours", "24")
	tick(a, "contract.appendix.schedule.assurance.withinResources", "")
	tick(a, "contract.appendix.schedule.assurance.withinBargainingAgreement", "")
	var district, partner []string
	for _, pe := range p.People {
		if p.IsDistrict(pe.Org) {
			district = append(district, pe.ID)
		} else if pe.Org == s.Partner.ID {
			partner = append(partner, pe.ID)
		}
	}
	require.NotEmpty(t, district)
	cset(a, "appendix.schedule.assurance.givenBy.person", district[0])
	cset(a, "appendix.schedule.assurance.date", "2017-08-20")
	cset(a, "appendix.contacts.districtLiaison.person", district[0])
	assert.Equal(t, a.ws.Partnership.People[indexOfPerson(a, district[0])].Name, s.Appendix.Contacts.DistrictLiaison.Name, "picked from the people")
	if len(partner) > 0 {
		cset(a, "appendix.contacts.partnerLiaison.person", partner[0])
		cset(a, "appendix.contacts.partnerManager.person", partner[len(partner)-1])
	}
	cset(a, "appendix.contacts.districtManager.person", district[len(district)-1])
	a.Handle(Event{Action: "contract.add", Arg: "measure"})
	a.Handle(Event{Action: "contract.add", Arg: "measure"})
	for i, m := range []struct{ name, kind, aud string }{{"Portfolios", "outcome", "students"}, {"Coaching cycles", "output", "adults"}} {
		n := string(rune('0' + i))
		cset(a, "appendix.measures["+n+"].name", m.name)
		cset(a, "appendix.measures["+n+"].kind", m.kind)
		cset(a, "appendix.measures["+n+"].audience", m.aud)
		cset(a, "appendix.measures["+n+"].interim.target", "half")
		cset(a, "appendix.measures["+n+"].interim.due", "2018-01-26")
		cset(a, "appendix.measures["+n+"].final.target", "all")
		cset(a, "appendix.measures["+n+"].final.due", "2018-06-08")
		a.Handle(Event{Action: "contract.add", Arg: "duty"})
		cset(a, "appendix.dataPlan.duties["+n+"].source", "Records")
		cset(a, "appendix.dataPlan.duties["+n+"].provider.person", district[0])
		cset(a, "appendix.dataPlan.duties["+n+"].reporter.person", district[0])
		cset(a, "appendix.dataPlan.duties["+n+"].due", "2018-06-15")
	}
	cset(a, "appendix.dataPlan.process", "From the platform.")
	cset(a, "appendix.meetings.cadence", "monthly")
	cset(a, "appendix.meetings.dates", "2017-09-12\n\n2017-12-12\n")
	assert.Len(t, s.Appendix.Meetings.Dates, 2)
	in := a.Render().Find(FieldID("contract.appendix.meetings.dates"))
	v, _ := in.Attr("value")
	assert.Equal(t, "2017-09-12\n\n2017-12-12\n", v, "the text area keeps what was typed")
	cset(a, "appendix.meetings.agenda", "Progress\nConflicts")
	cset(a, "appendix.meetings.conflict", "Liaisons first, then managers.")
	cset(a, "appendix.meetings.improvement", "One practice each quarter.")
	cset(a, "appendix.meetings.dissolution", "60 days' notice.")
	cset(a, "session.date", "2017-08-20")
	tick(a, "contract.session.attendees", district[0])

	comp := s.Resolved(p).Completeness()
	for _, it := range comp.Items {
		for _, m := range it.Missing {
			t.Logf("still missing: %s: %s (%s)", it.Title, m.Message, m.Path)
		}
	}
	assert.Equal(t, 7, comp.Appendix.Done)
	assert.Contains(t, appendixDone(a), "7 of 7 appendix items complete; 6 of 6 practices confirmed.")

	eff := a.Handle(Event{Action: "contract.html"})
	require.Len(t, eff, 1)
	d := eff[0].(Download)
	assert.Equal(t, "text/html", d.Type)
	assert.True(t, strings.HasSuffix(d.Name, ".html"), d.Name)
	assert.Contains(t, string(d.Data), "Contract No. 7 &lt;script&gt;")
	md := a.Handle(Event{Action: "contract.md"})[0].(Download)
	assert.Contains(t, string(md.Data), "Coaching cycles")

	a.Handle(Event{Action: "contract.preview"})
	pre := a.Render().Find("pk-contract-preview")
	require.NotNil(t, pre)
	assert.Contains(t, pre.TextContent(), "Contract No. 7 <script>alert(1)</script>", "the preview shows the text as text")
	assert.Equal(t, []Effect{Print{}}, a.Handle(Event{Action: "contract.print"}))
	require.NoError(t, a.Render().Check())
}

func indexOfPerson(a *App, id string) int {
	for i, pe := range a.ws.Partnership.People {
		if pe.ID == id {
			return i
		}
	}
	return -1
}

func TestContractKeepsWhatIsTyped(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.start"})
	cset(a, "session.minutes", "ninety")
	assert.Equal(t, contract.SessionMinutes, a.ws.Contract.Session.Minutes)
	n := a.Render().Find(FieldID("contract.session.minutes"))
	v, _ := n.Attr("value")
	assert.Equal(t, "ninety", v)
	cset(a, "session.date", "the 20th")
	assert.Contains(t, a.Render().Find(FieldID("contract.session.date")+"-problem").TextContent(), "3/2/2027")
	a.Handle(Event{Action: "contract.add", Arg: "measure"})
	eff := a.Handle(Event{Action: "contract.remove", Arg: "measure|0"})
	assert.Empty(t, a.ws.Contract.Appendix.Measures)
	assert.Contains(t, eff, Effect(Focus{ID: FieldID("contract.appendix.measures")}))
	require.NotNil(t, a.Render().Find(FieldID("contract.appendix.measures")), "the focus goes to something on the page")
	cset(a, "appendix.contacts.districtLiaison.name", "Ana Ruiz")
	assert.Equal(t, "Ana Ruiz", a.ws.Contract.Appendix.Contacts.DistrictLiaison.Name, "without a partnership, names are typed")
}

func TestMissingItemsLeadToTheirField(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.start"})
	var fixes []string
	a.Render().Find("pk-contract-progress").Walk(func(n *Node) bool {
		if v, ok := n.Attr("data-on-click"); ok && v == "fix" {
			arg, _ := n.Attr("data-arg")
			fixes = append(fixes, arg)
		}
		return true
	})
	require.NotEmpty(t, fixes)
	for _, path := range fixes {
		eff := a.Handle(Event{Action: "fix", Arg: path})
		ids := eff[0].(FocusFirst).IDs
		tree := a.Render()
		found := false
		for _, id := range ids[:len(ids)-1] { // not pk-main
			if tree.Find(id) != nil {
				found = true
				break
			}
		}
		assert.True(t, found, "nothing on the page for %s", path)
	}
}
