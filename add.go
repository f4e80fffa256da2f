package partnerkit

import (
	"fmt"
	"reflect"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// AddResponse adds a readiness response to the round at index ri, as every
// way of gathering responses should (a response code, a response file, a
// survey export), so that the workspace still loads once saved: the
// response must be valid for the round's rubric (Rubric.ValidateResponse: a
// rater and a team, ratings on the scale, categories of the rubric); it
// gets an ID made from its content when it has none (partnership.ContentID,
// so that the same response gathered into two copies of the workspace is
// one response when they are merged); and a response the round already
// holds, by ID or by content, is not added again.
//
// It returns the response as added, or a *partnership.ValidationError whose
// paths are relative to the response, and changes nothing then. To add
// many responses, use Gather: AddResponse reads the whole round each time.
func (ws *Workspace) AddResponse(ri int, r readiness.Response) (readiness.Response, error) {
	g, err := ws.Gather(ri)
	if err != nil {
		return readiness.Response{}, err
	}
	return g.Add(r)
}

// Gatherer adds responses to one round as AddResponse does, in time linear
// in their number: it knows the round's responses by ID and by rater and
// team, so that it compares a new response only with those of the same
// rater in the same team. Use it until the round is changed otherwise.
type Gatherer struct {
	round *readiness.Round
	rb    readiness.Rubric
	ids   map[string]bool
	by    map[[2]string][]int // indexes of the round's responses by team and rater
}

// Gather returns a Gatherer for the round at index ri.
func (ws *Workspace) Gather(ri int) (*Gatherer, error) {
	if ri < 0 || ri >= len(ws.Readiness) {
		return nil, fmt.Errorf("there is no readiness round %d; the workspace has %d", ri, len(ws.Readiness))
	}
	round := &ws.Readiness[ri]
	g := &Gatherer{round: round, rb: round.RubricOrODST(),
		ids: make(map[string]bool, len(round.Responses)), by: make(map[[2]string][]int, len(round.Responses))}
	for i, r := range round.Responses {
		g.index(i, r)
	}
	return g, nil
}

func (g *Gatherer) index(i int, r readiness.Response) {
	g.ids[r.ID] = true
	k := [2]string{r.Team, r.Rater}
	g.by[k] = append(g.by[k], i)
}

// Add adds a response to the round, as AddResponse does.
func (g *Gatherer) Add(r readiness.Response) (readiness.Response, error) {
	if err := g.rb.ValidateResponse(r); err != nil {
		return readiness.Response{}, err
	}
	if r.ID == "" {
		r.ID = partnership.ContentID("response", r)
	}
	same := g.ids[r.ID]
	for _, i := range g.by[[2]string{r.Team, r.Rater}] {
		if same {
			break
		}
		old := g.round.Responses[i]
		old.ID = r.ID
		same = reflect.DeepEqual(old, r)
	}
	if same {
		ve := new(partnership.ValidationError)
		ve.Add("", "the response of %s is already in this round, so it was not added again", r.Rater)
		return readiness.Response{}, ve
	}
	g.round.Responses = append(g.round.Responses, r)
	g.index(len(g.round.Responses)-1, r)
	return r, nil
}

// AddMeeting adds a meeting, as making one from a template (At), from the
// one before (agenda.Next) or from a school year's plan (agenda.Schedule)
// should, so that the workspace still loads once saved: the meeting must be
// valid (Meeting.Validate) and start in the workspace's time zone (see
// Location); an ID another meeting has is replaced by one agenda.IDFor makes
// from the start and cadence.
//
// It returns the meeting as added, or a *partnership.ValidationError whose
// paths are relative to the meeting, and changes nothing then.
func (ws *Workspace) AddMeeting(m agenda.Meeting) (agenda.Meeting, error) {
	taken := make([]string, len(ws.Meetings))
	for i, x := range ws.Meetings {
		taken[i] = x.ID
	}
	for _, id := range taken {
		if id == m.ID {
			m.ID = agenda.IDFor(m.Start, m.Cadence, taken...)
			break
		}
	}
	ve := new(partnership.ValidationError)
	ve.Include("", m.Validate())
	if loc := ws.Location(); !m.Start.IsZero() && m.Start.Location().String() != loc.String() {
		ve.Add("start", "start is in the time zone %q, not the workspace's %s; place it with Start.In(ws.Location())", m.Start.Location(), loc)
	}
	if err := ve.Err(); err != nil {
		return agenda.Meeting{}, err
	}
	ws.Meetings = append(ws.Meetings, m)
	return m, nil
}

// NextMeeting adds the meeting that follows meetings[i], as agenda.Next
// makes it: the same kind of meeting with the open action items carried
// over, starting on the next date the contract supplement's meeting plan
// gives, or else by its cadence (see agenda.NextStart), and added as
// AddMeeting adds one. It returns the meeting as added.
func (ws *Workspace) NextMeeting(i int) (agenda.Meeting, error) {
	if i < 0 || i >= len(ws.Meetings) {
		return agenda.Meeting{}, fmt.Errorf("there is no meeting %d; the workspace has %d", i, len(ws.Meetings))
	}
	m := ws.Meetings[i]
	var planned []partnership.Date
	if ws.Contract != nil {
		planned = ws.Contract.Appendix.Meetings.Dates
	}
	return ws.AddMeeting(agenda.Next(m, agenda.NextStart(m, planned...)))
}
