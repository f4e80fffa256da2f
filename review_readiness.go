package partnerkit

import (
	"fmt"
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
//   - readiness.concern-not-in-contract (info): a concern names a person of
//     the partnership or speaks of schedules and time, which the contract
//     supplement is where to settle.
//
// Every finding is something to talk about; none says whether to go ahead.
const (
	ruleReadinessNoConsensus = "readiness.no-consensus"
	ruleReadinessLowMean     = "readiness.low-mean"
	ruleReadinessFewRaters   = "readiness.few-raters"
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
	out = append(out, readinessConcernFindings(ws, ri, rb)...)
	return out
}

// readinessScheduleWords are words that show a concern is about schedules or time.
var readinessScheduleWords = [...]string{
	"schedule", "schedules", "scheduled", "scheduling", "calendar", "timeline", "deadline", "deadlines",
	"date", "dates", "time", "hours", "hour", "week", "weeks", "weekly", "month", "months", "monthly",
	"summer", "semester", "term", "substitute", "substitutes", "release", "bargaining",
}

// readinessConcernFindings looks for concerns that name a person of the partnership or
// speak of schedules and time: the contract supplement is where such things
// are written down (who the liaisons and managers are; a schedule of
// activities the district confirms it can meet). The check looks only at
// whether a contract supplement exists: without one nothing is settled yet;
// with one, the finding asks the team to check that it covers the concern.
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
			std, what := "resources.3", "a schedule"
			if len(timeWords) == 0 {
				std, what = "resources.5", "people's part in the work"
			}
			msg := fmt.Sprintf("%s's concern about %q speaks of %s, and there is no contract supplement yet to settle it.", resp.Rater, cat.Title, what)
			if ws.Contract != nil {
				msg = fmt.Sprintf("%s's concern about %q speaks of %s; check that the contract supplement settles it.", resp.Rater, cat.Title, what)
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
