package readiness

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// The rules of Check, with what makes each fire. Their IDs are stable; Rules
// returns each with its severity, standard, threshold and source. Every
// finding is something for the teams to talk about: none says whether to go
// ahead.
const (
	// RuleNoConsensus (warning): a team's ratings of a category differ by
	// more than one level, or run from the lowest level to the highest (see
	// CategorySummary.Consensus).
	RuleNoConsensus = "readiness.no-consensus"
	// RuleLowMean (warning): a team's mean for a category is at or below the
	// second level of the scale: 2 on the ODST 1–4 scale.
	RuleLowMean = "readiness.low-mean"
	// RuleFewRaters (warning): fewer than MinRaters (2) people of a team
	// rated.
	RuleFewRaters = "readiness.few-raters"
	// RuleSameRater (warning): one name answered more than once for a team,
	// so that person counts more than once in the summary. Names match
	// ignoring letter case and spacing.
	RuleSameRater = "readiness.same-rater"
)

// MinRaters is the fewest raters a team should have: the tool asks every
// member of a leadership team to rate on their own, so that the team can
// compare views, and one rater has no one to compare with.
const MinRaters = 2

const toolSource = "ODST, Standards for Effective Partnerships (2015), Readiness for Partnership Tool: its purpose and process"

// Rules returns every rule of Check, in the order Check applies them. Each
// call returns a new slice.
func Rules() []partnership.Rule {
	return []partnership.Rule{
		{ID: RuleFewRaters, Title: "Too few raters in a team", Severity: partnership.Warning, Standard: "alignment.4",
			Trigger:   "Fewer people of a leadership team rated than the tool asks: each member rates on their own, so the team can compare views.",
			Threshold: fmt.Sprintf("fewer than %d raters in a team", MinRaters),
			Source:    toolSource},
		{ID: RuleNoConsensus, Title: "A team sees a category differently", Severity: partnership.Warning,
			Trigger:   "Two or more members of a team rated a category, and their ratings differ by more than one level or run from the lowest level of the scale to the highest. The finding cites the category's first standard.",
			Threshold: "ratings more than one level apart, or both ends of the scale",
			Source:    toolSource + "; the team looks for consensus before the teams meet"},
		{ID: RuleLowMean, Title: "A category with significant concerns", Severity: partnership.Warning,
			Trigger:   "A team's mean rating of a category is at or below the second level of the scale, where raters see more than one significant concern. The finding cites the category's first standard.",
			Threshold: "a mean at or below the second level of the scale (2 on the ODST scale of 1–4)",
			Source:    toolSource + ", rating scale"},
		{ID: RuleSameRater, Title: "Someone answered twice", Severity: partnership.Warning, Standard: "alignment.4",
			Trigger:   "The same name (ignoring letter case and spacing) answered more than once for the same team, so the summary counts that person more than once.",
			Threshold: "two or more responses with one name in a team",
			Source:    toolSource + ": each member rates once, on their own"},
	}
}

// Check looks at a round of responses the way the teams would before they
// meet, and returns what they could talk about: a team with too few raters,
// a category a team sees differently, a category rated low, and someone who
// answered twice. Paths are relative to the round: "" for the round itself,
// "responses[3]" for a response.
//
// Check judges what the round holds and never decides whether to go ahead:
// the source sets no threshold for that. A round whose ratings Summarize
// refuses (see Round.Validate) gives no findings but those about raters.
func Check(r Round) []partnership.Finding {
	var out []partnership.Finding
	rb := r.RubricOrODST()
	rep, err := Summarize(rb, r.Responses)
	if err == nil {
		out = append(out, checkReport(r, rb, rep)...)
	}
	out = append(out, sameRater(r)...)
	partnership.SortFindings(out)
	return out
}

func checkReport(r Round, rb Rubric, rep Report) []partnership.Finding {
	low := rb.Scale.Lowest() + 1
	var out []partnership.Finding
	for _, t := range rep.Teams {
		team := t.Team
		if team == "" {
			team = "responses without a team"
		}
		if t.Raters < MinRaters {
			out = append(out, partnership.Finding{
				Rule:     RuleFewRaters,
				Severity: partnership.Warning,
				Standard: "alignment.4",
				Message: fmt.Sprintf("Only %s of the %s rated in %q. The tool asks every member of the leadership team to rate on their own, so the team can compare views.",
					words.Count(t.Raters, "person", "people"), team, r.Title),
				Evidence: raterNames(r.Responses, t.Team),
				Question: fmt.Sprintf("Who else in the %s should rate before the team meets?", team),
			})
		}
		for _, c := range t.Categories {
			std := firstStandard(rb, c.CategoryID)
			if c.N >= 2 && !c.Consensus {
				out = append(out, partnership.Finding{
					Rule:     RuleNoConsensus,
					Severity: partnership.Warning,
					Standard: std,
					Message: fmt.Sprintf("The %s rated %q from %d to %d: its members see this category differently.",
						team, c.Title, c.Min, c.Max),
					Evidence: ratingEvidence(c),
					Question: fmt.Sprintf("What do those who rated %q %d see that those who rated it %d do not, and the other way round?", c.Title, c.Min, c.Max),
				})
			}
			if c.N >= 1 && c.Mean <= float64(low) {
				out = append(out, partnership.Finding{
					Rule:     RuleLowMean,
					Severity: partnership.Warning,
					Standard: std,
					Message: fmt.Sprintf("The %s's ratings of %q average %s on a scale of %s: raters see significant concerns here.",
						team, c.Title, FormatMean(c.Mean), rb.Scale),
					Evidence: append(ratingEvidence(c), concernEvidence(c.Concerns)...),
					Question: fmt.Sprintf("Which items of %q raise the concerns, and what could the district and the partner do about them together?", c.Title),
				})
			}
		}
	}
	return out
}

// firstStandard returns the standard findings about a category cite: its
// first standard, or the first of its theme for a custom category that names
// only its theme.
func firstStandard(rb Rubric, categoryID string) string {
	cat, _, _ := rb.Category(categoryID)
	if len(cat.Standards) > 0 {
		return cat.Standards[0]
	}
	if ss := partnership.StandardsOf(cat.Theme); len(ss) > 0 {
		return ss[0].ID
	}
	return ""
}

// sameRater finds a name that answered more than once for the same team: a
// response submitted twice, or two people who gave the same name. Both count
// in the summary; only the team knows which should.
func sameRater(round Round) []partnership.Finding {
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
			Rule:     RuleSameRater,
			Severity: partnership.Warning,
			Standard: "alignment.4",
			Message: fmt.Sprintf("%s answered %d times for the %s in %q, so the summary counts that person %d times.",
				first.Rater, len(idx), team, round.Title, len(idx)),
			Evidence: ev,
			Question: "Is this one person who submitted twice? If so, which response should count: remove the other from the round.",
			Path:     fmt.Sprintf("responses[%d]", idx[len(idx)-1]),
		})
	}
	return out
}

// ratingEvidence is a category's ratings, lowest first, without who gave
// them: the review is read by both teams and printed as their pre-read, and
// who rated what is in the summary, when its names are asked for.
func ratingEvidence(c CategorySummary) []string {
	if len(c.Ratings) == 0 {
		return nil
	}
	levels := make([]int, len(c.Ratings))
	for i, r := range c.Ratings {
		levels[i] = r.Level
	}
	slices.Sort(levels)
	shown := make([]string, len(levels))
	for i, l := range levels {
		shown[i] = strconv.Itoa(l)
	}
	return []string{"ratings: " + words.JoinAnd(shown)}
}

// concernEvidence is the concerns written, without who wrote them, as
// ratingEvidence.
func concernEvidence(cs []Concern) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, fmt.Sprintf("concern: %q", words.Shorten(strings.TrimSpace(c.Text), 160)))
	}
	return out
}

func raterNames(rs []Response, team string) []string {
	var out []string
	for _, r := range rs {
		if strings.EqualFold(strings.TrimSpace(r.Team), team) {
			out = append(out, r.Rater)
		}
	}
	return out
}
