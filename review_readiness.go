package partnerkit

import (
	"fmt"
	"github.com/partnerkit/partnerkit/contract"
	"math"
	"strings"
	"unicode"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// Rule IDs of the readiness checks, and their severities:
//
//   - readiness.no-consensus (warning): a team's ratings of a category differ
//     by more than one level, or span the whole scale.
//   - readiness.low-mean (warning): a team's mean for a category is at or
//     below the second level of the scale (2 on the ODST 1–4 scale).
//   - readiness.few-raters (warning): fewer than two people of a team rated.
//   - readiness.same-rater (warning): one name answered more than once for
//     a team, so that person counts twice in the summary.
//   - readiness.concern-not-in-contract (info): a concern names a person of
//     the partnership or speaks of schedules and time, which the contract
//     supplement is where to settle.
//
// Every finding is something to talk about; none says whether to go ahead.
const (
	ruleReadinessNoConsensus = "readiness.no-consensus"
	ruleReadinessLowMean     = "readiness.low-mean"
	ruleReadinessFewRaters   = "readiness.few-raters"
	ruleReadinessSameRater   = "readiness.same-rater"
	ruleReadinessConcern     = "readiness.concern-not-in-contract"
)

// readinessProblems validates the readiness rounds: each round's own fields,
// its custom rubric, and every response against the round's rubric (rater and
// team given, ratings on the scale and of the rubric's categories), with paths
// such as "readiness[0].responses[3].ratings.metrics". Round IDs must differ.
// A round being filled in — no responses yet, categories left unrated — is
// valid.
func readinessProblems(ws *Workspace) []partnership.Problem {
	var out []partnership.Problem
	seen := make(map[string]int)
	for i := range ws.Readiness {
		at := fmt.Sprintf("readiness[%d]", i)
		out = append(out, partnership.Prefix(at, partnership.ProblemsOf(ws.Readiness[i].Validate()))...)
		id := ws.Readiness[i].ID
		if id == "" {
			continue
		}
		if j, dup := seen[id]; dup {
			out = append(out, partnership.Problem{Path: at + ".id",
				Message: fmt.Sprintf("id %q is already used at readiness[%d]; every round needs its own id", id, j)})
			continue
		}
		seen[id] = i
	}
	return out
}

// readinessFindings runs the readiness checks on the most recent round that
// has responses (the last such in the list): earlier rounds are history, and
// readiness.Compare shows how they moved. A round that does not validate is
// left to Validate's problems.
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
	round := &ws.Readiness[ri]
	rb := round.RubricOrODST()
	rep, err := readiness.Summarize(rb, round.Responses)
	if err != nil {
		return nil
	}
	at := fmt.Sprintf("readiness[%d]", ri)
	low := rb.Scale.Lowest() + 1
	var out []partnership.Finding
	for _, t := range rep.Teams {
		if t.Team == "" {
			t.Team = "responses without a team"
		}
		if t.Raters < 2 {
			out = append(out, partnership.Finding{
				Rule:     ruleReadinessFewRaters,
				Severity: partnership.Warning,
				Standard: "alignment.4",
				Message: fmt.Sprintf("Only %s of the %s rated in %q. The tool asks every member of the leadership team to rate on their own, so the team can compare views.",
					readinessPlural(t.Raters, "person", "people"), t.Team, round.Title),
				Evidence: readinessRaterNames(round.Responses, t.Team),
				Question: fmt.Sprintf("Who else in the %s should rate before the team meets?", t.Team),
				Path:     at,
			})
		}
		for _, c := range t.Categories {
			cat, _, _ := rb.Category(c.CategoryID)
			std := ""
			if len(cat.Standards) > 0 {
				std = cat.Standards[0]
			} else if ss := partnership.StandardsOf(cat.Theme); len(ss) > 0 {
				std = ss[0].ID // a custom category that names only its theme
			}
			if c.N >= 2 && !c.Consensus {
				out = append(out, partnership.Finding{
					Rule:     ruleReadinessNoConsensus,
					Severity: partnership.Warning,
					Standard: std,
					Message: fmt.Sprintf("The %s rated %q from %d to %d: its members see this category differently.",
						t.Team, c.Title, c.Min, c.Max),
					Evidence: readinessRatingEvidence(c),
					Question: fmt.Sprintf("What do those who rated %q %d see that those who rated it %d do not, and the other way round?", c.Title, c.Min, c.Max),
					Path:     at,
				})
			}
			if c.N >= 1 && c.Mean <= float64(low) {
				out = append(out, partnership.Finding{
					Rule:     ruleReadinessLowMean,
					Severity: partnership.Warning,
					Standard: std,
					Message: fmt.Sprintf("The %s's ratings of %q average %.1f on a scale of %s: raters see significant concerns here.",
						t.Team, c.Title, math.Round(c.Mean*10)/10, rb.Scale),
					Evidence: append(readinessRatingEvidence(c), readinessConcernEvidence(c.Concerns)...),
					Question: fmt.Sprintf("Which items of %q raise the concerns, and what could the district and the partner do about them together?", c.Title),
					Path:     at,
				})
			}
		}
	}
	out = append(out, readinessSameRater(round, at)...)
	out = append(out, readinessConcernFindings(ws, ri, rb)...)
	return out
}

// readinessSameRater finds a name that answered more than once for the same
// team: a response submitted twice, or two people who gave the same name.
// Both count in the summary; only the team knows which should.
func readinessSameRater(round *readiness.Round, at string) []partnership.Finding {
	type key struct{ team, rater string }
	seen := map[key][]int{}
	var order []key
	for i, r := range round.Responses {
		k := key{strings.ToLower(strings.TrimSpace(r.Team)), strings.ToLower(strings.Join(strings.Fields(r.Rater), " "))}
		if k.rater == "" {
			continue
		}
		if len(seen[k]) == 0 {
			order = append(order, k)
		}
		seen[k] = append(seen[k], i)
	}
	var out []partnership.Finding
	for _, k := range order {
		idx := seen[k]
		if len(idx) < 2 {
			continue
		}
		first := round.Responses[idx[0]]
		team := first.Team
		if team == "" {
			team = "responses without a team"
		}
		ev := make([]string, len(idx))
		for j, i := range idx {
			r := round.Responses[i]
			when := r.Submitted
			if when == "" {
				when = "no time given"
			}
			ev[j] = fmt.Sprintf("response %d: %s, submitted %s", i+1, r.Rater, when)
		}
		out = append(out, partnership.Finding{
			Rule:     ruleReadinessSameRater,
			Severity: partnership.Warning,
			Standard: "alignment.4",
			Message: fmt.Sprintf("%s answered %d times for the %s in %q, so the summary counts that person %d times.",
				first.Rater, len(idx), team, round.Title, len(idx)),
			Evidence: ev,
			Question: "Is this one person who submitted twice? If so, which response should count: remove the other from the round.",
			Path:     fmt.Sprintf("%s.responses[%d]", at, idx[len(idx)-1]),
		})
	}
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
				Rule:     ruleReadinessConcern,
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

func readinessRatingEvidence(c readiness.CategorySummary) []string {
	out := make([]string, 0, len(c.Ratings))
	for _, r := range c.Ratings {
		out = append(out, fmt.Sprintf("%s: %d", r.Rater, r.Level))
	}
	return out
}

func readinessConcernEvidence(cs []readiness.Concern) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s: %q", c.Rater, readinessShorten(strings.TrimSpace(c.Text), 160)))
	}
	return out
}

func readinessRaterNames(rs []readiness.Response, team string) []string {
	var out []string
	for _, r := range rs {
		if strings.EqualFold(strings.TrimSpace(r.Team), team) {
			out = append(out, r.Rater)
		}
	}
	return out
}

func readinessPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
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
			add(at.Contact())
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
