package partnerkit

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// readinessProblems validates the readiness rounds: each round's own fields,
// its custom rubric, and every response against the round's rubric (rater and
// team given, ratings on the scale and of the rubric's categories), with paths
// such as "readiness[0].responses[3].ratings.metrics". Round IDs must differ.
// A round being filled in — no responses yet, categories left unrated — is
// valid.
func readinessProblems(ve *partnership.ValidationError, ws *Workspace) {
	seen := make(map[string]int)
	for i := range ws.Readiness {
		at := fmt.Sprintf("readiness[%d]", i)
		ve.Include(at, ws.Readiness[i].Validate())
		id := ws.Readiness[i].ID
		if id == "" {
			continue
		}
		if j, dup := seen[id]; dup {
			ve.Add(at+".id", "id %q is already used at readiness[%d]; every round needs its own id", id, j)
			continue
		}
		seen[id] = i
	}
}

// readinessFindings runs readiness.Check on the most recent round that has
// responses (the last such in the list), and the cross-tool check of its
// concerns against the contract supplement: earlier rounds are history, and
// readiness.Compare shows how they moved.
func readinessFindings(ws *Workspace) []partnership.Finding {
	ri := -1
	for i := len(ws.Readiness) - 1; i >= 0; i-- {
		if len(ws.Readiness[i].Responses) > 0 {
			ri = i
			break
		}
	}
	if ri < 0 {
		return nil
	}
	at := fmt.Sprintf("readiness[%d]", ri)
	out := readiness.Check(ws.Readiness[ri])
	for i := range out {
		out[i].Path = schema.Join(at, out[i].Path)
	}
	out = append(out, readinessConcernFindings(ws, ri, ws.Readiness[ri].RubricOrODST())...)
	partnership.SortFindings(out)
	return out
}

// readinessScheduleWords are words that show a concern is about schedules or time.
var readinessScheduleWords = [...]string{
	"schedule", "schedules", "scheduled", "scheduling", "calendar", "timeline", "deadline", "deadlines",
	"date", "dates", "time", "hours", "hour", "week", "weeks", "weekly", "month", "months", "monthly",
	"summer", "semester", "term", "substitute", "substitutes", "release", "bargaining",
}

// readinessConcernFindings looks for concerns that name a person of the
// partnership or speak of schedules and time: the contract supplement is
// where such things are written down (who the liaisons and managers are; a
// schedule of activities the district confirms it can meet). A concern is
// settled, and not reported, when the supplement names every person it
// mentions (as a contact, school leader, data provider, assurance giver,
// session attendee, or in an activity's "who") and, for schedule words, holds
// a schedule of activities with the district's assurance on resources and
// the bargaining agreement.
func readinessConcernFindings(ws *Workspace, ri int, rb readiness.Rubric) []partnership.Finding {
	var people []partnership.Person
	if ws.Partnership != nil {
		people = ws.Partnership.People
	}
	var out []partnership.Finding
	for j, resp := range ws.Readiness[ri].Responses {
		for _, cat := range rb.Categories {
			text := strings.TrimSpace(resp.Concerns[cat.ID])
			if text == "" {
				continue
			}
			words := readinessWords(text)
			var named, timeWords []string
			for _, p := range people {
				if readinessMentions(words, p.Name) {
					named = append(named, p.Name)
				}
			}
			for _, w := range readinessScheduleWords {
				if words[w] {
					timeWords = append(timeWords, w)
				}
			}
			if len(named) == 0 && len(timeWords) == 0 {
				continue
			}
			missing := contractMissing(ws.Contract, named, len(timeWords) > 0)
			if ws.Contract != nil && len(missing) == 0 {
				continue
			}
			std, what := "resources.3", "a schedule"
			if len(timeWords) == 0 {
				std, what = "resources.5", "people's part in the work"
			}
			msg := fmt.Sprintf("%s's concern about %q speaks of %s, and there is no contract supplement yet to settle it.", resp.Rater, cat.Title, what)
			if ws.Contract != nil {
				msg = fmt.Sprintf("%s's concern about %q speaks of %s, which the contract supplement does not settle yet: %s.", resp.Rater, cat.Title, what, strings.Join(missing, "; "))
			}
			ev := []string{fmt.Sprintf("%s (%s): %q", resp.Rater, resp.Team, readinessShorten(text, 160))}
			if len(named) > 0 {
				ev = append(ev, "names: "+strings.Join(named, ", "))
			}
			if len(timeWords) > 0 {
				ev = append(ev, "speaks of: "+strings.Join(timeWords, ", "))
			}
			out = append(out, partnership.Finding{
				Rule:     RuleConcernNotInContract,
				Severity: partnership.Info,
				Standard: std,
				Message:  msg,
				Evidence: ev,
				Question: "Should the contract supplement write this down: who takes part and with how much time, and a schedule the district confirms it can meet within existing obligations?",
				Path:     fmt.Sprintf("readiness[%d].responses[%d].concerns.%s", ri, j, cat.ID),
			})
		}
	}
	return out
}

// readinessWords returns the set of lower-case words of s.
func readinessWords(s string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}

// readinessMentions reports whether the words of a text name a person: every word of
// the full name, or the family name (the last word) when it has at least four
// letters, as in "Ms. Rivera".
func readinessMentions(words map[string]bool, name string) bool {
	parts := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(parts) == 0 {
		return false
	}
	last := parts[len(parts)-1]
	if len([]rune(last)) >= 4 && words[last] {
		return true
	}
	for _, p := range parts {
		if !words[p] {
			return false
		}
	}
	return len(parts) > 1
}

// readinessShorten cuts s to n characters, ending with an ellipsis when cut.
func readinessShorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// contractMissing says what a contract supplement lacks to settle a concern
// that names people or speaks of schedules; nothing when it settles it.
func contractMissing(s *contract.Supplement, named []string, schedule bool) []string {
	if s == nil {
		return []string{"there is no supplement"}
	}
	var out []string
	if len(named) > 0 {
		var text []string
		add := func(c contract.Contact) { text = append(text, c.Name, c.Person) }
		a := s.Appendix
		for _, c := range []contract.Contact{a.Contacts.DistrictLiaison, a.Contacts.PartnerLiaison, a.Contacts.DistrictManager, a.Contacts.PartnerManager, a.Schedule.Assurance.GivenBy} {
			add(c)
		}
		for _, c := range a.Investment.SchoolLeaders {
			add(c)
		}
		for _, d := range a.DataPlan.Duties {
			add(d.Provider)
			add(d.Reporter)
		}
		for _, at := range s.Session.Attendees {
			text = append(text, at.Name, at.Person)
		}
		for _, act := range a.Schedule.Activities {
			text = append(text, act.Who)
		}
		words := readinessWords(strings.Join(text, " "))
		for _, name := range named {
			if !readinessMentions(words, name) {
				out = append(out, name+" is not named in it")
			}
		}
	}
	if schedule {
		sch := s.Appendix.Schedule
		switch {
		case len(sch.Activities) == 0:
			out = append(out, "it has no schedule of activities")
		case !sch.Assurance.WithinResources || !sch.Assurance.WithinBargainingAgreement:
			out = append(out, "the district has not yet confirmed the schedule fits its resources and the bargaining agreement")
		}
	}
	return out
}
