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
// paths are relative to the response, and changes nothing then.
func (ws *Workspace) AddResponse(ri int, r readiness.Response) (readiness.Response, error) {
	if ri < 0 || ri >= len(ws.Readiness) {
		return readiness.Response{}, fmt.Errorf("there is no readiness round %d; the workspace has %d", ri, len(ws.Readiness))
	}
	round := &ws.Readiness[ri]
	if err := round.RubricOrODST().ValidateResponse(r); err != nil {
		return readiness.Response{}, err
	}
	if r.ID == "" {
		r.ID = partnership.ContentID("response", r)
	}
	for _, old := range round.Responses {
		same := old
		same.ID = r.ID
		if old.ID == r.ID || reflect.DeepEqual(same, r) {
			ve := new(partnership.ValidationError)
			ve.Add("", "the response of %s is already in this round, so it was not added again", r.Rater)
			return readiness.Response{}, ve
		}
	}
	round.Responses = append(round.Responses, r)
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
