package readiness

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnerkit/partnerkit/internal/escape"
)

// Direction says how a category's mean moved from one round to the next.
type Direction string

// The ways a mean can move between two rounds.
const (
	Up   Direction = "up"
	Down Direction = "down"
	Same Direction = "same"
	// Added: rated in the later round only.
	Added Direction = "added"
	// Dropped: rated in the earlier round only.
	Dropped Direction = "dropped"
	// Unrated: rated in neither round.
	Unrated Direction = "unrated"
)

// RoundComparison shows, per team and category, how the ratings moved between
// two rounds of the same rubric.
type RoundComparison struct {
	// From and To are the IDs of the earlier and the later round.
	From string `json:"from"`
	To   string `json:"to"`
	// Teams are those of the later round, then those only in the earlier one.
	Teams []TeamChange `json:"teams"`
}

// TeamChange is how one team's ratings moved.
type TeamChange struct {
	Team       string           `json:"team"`
	Categories []CategoryChange `json:"categories"`
}

// CategoryChange is how one team's ratings of one category moved.
type CategoryChange struct {
	CategoryID string `json:"categoryId"`
	Title      string `json:"title"`
	// Before and After are the category's summaries in the two rounds.
	Before CategorySummary `json:"before"`
	After  CategorySummary `json:"after"`
	// Change is After.Mean - Before.Mean when both rounds rated it, else 0.
	Change    float64   `json:"change"`
	Direction Direction `json:"direction"`
}

// ErrDifferentRubrics is returned by Compare for rounds whose rubrics differ
// in ID, categories or scale: their ratings do not measure the same things.
var ErrDifferentRubrics = errors.New("the two rounds use different rubrics, so their ratings cannot be compared")

// Compare shows what moved, up or down, from round a to the later round b.
// Both must use the same rubric (same ID, category IDs and scale values).
func Compare(a, b Round) (RoundComparison, error) {
	ra, rb := a.RubricOrODST(), b.RubricOrODST()
	if !sameRubric(ra, rb) {
		return RoundComparison{}, fmt.Errorf("comparing %q with %q: %w", a.ID, b.ID, ErrDifferentRubrics)
	}
	before, err := Summarize(ra, a.Responses)
	if err != nil {
		return RoundComparison{}, fmt.Errorf("round %q: %w", a.ID, err)
	}
	after, err := Summarize(rb, b.Responses)
	if err != nil {
		return RoundComparison{}, fmt.Errorf("round %q: %w", b.ID, err)
	}
	out := RoundComparison{From: a.ID, To: b.ID}
	seen := make(map[int]bool)
	for _, t := range after.Teams {
		old, i := findTeam(before.Teams, t.Team)
		if i >= 0 {
			seen[i] = true
		}
		out.Teams = append(out.Teams, teamChange(rb, t.Team, old, t))
	}
	for i, t := range before.Teams {
		if !seen[i] {
			out.Teams = append(out.Teams, teamChange(rb, t.Team, t, TeamSummary{}))
		}
	}
	return out, nil
}

func findTeam(ts []TeamSummary, name string) (TeamSummary, int) {
	for i, t := range ts {
		if strings.EqualFold(t.Team, name) {
			return t, i
		}
	}
	return TeamSummary{}, -1
}

func teamChange(rb Rubric, team string, before, after TeamSummary) TeamChange {
	tc := TeamChange{Team: team, Categories: make([]CategoryChange, len(rb.Categories))}
	for i, c := range rb.Categories {
		b, _ := before.Category(c.ID)
		a, _ := after.Category(c.ID)
		cc := CategoryChange{CategoryID: c.ID, Title: c.Title, Before: b, After: a}
		switch {
		case a.N > 0 && b.N > 0:
			cc.Change = a.Mean - b.Mean
			switch {
			case cc.Change > 1e-9:
				cc.Direction = Up
			case cc.Change < -1e-9:
				cc.Direction = Down
			default:
				cc.Direction, cc.Change = Same, 0
			}
		case a.N > 0:
			cc.Direction = Added
		case b.N > 0:
			cc.Direction = Dropped
		default:
			cc.Direction = Unrated
		}
		tc.Categories[i] = cc
	}
	return tc
}

// sameRubric reports whether two rubrics measure the same things.
func sameRubric(a, b Rubric) bool {
	if a.ID != b.ID || len(a.Categories) != len(b.Categories) || len(a.Scale.Levels) != len(b.Scale.Levels) {
		return false
	}
	for i := range a.Categories {
		if a.Categories[i].ID != b.Categories[i].ID {
			return false
		}
	}
	return slices.EqualFunc(a.Scale.Levels, b.Scale.Levels, func(x, y Level) bool { return x.Value == y.Value })
}

// TeamComparison sets two teams' summaries side by side, category by
// category, without judging either. The source notes that comparing the
// district's and the partner's ratings is not necessary; it is offered for
// teams that want it.
type TeamComparison struct {
	// A and B are the two teams' names.
	A          string               `json:"a"`
	B          string               `json:"b"`
	Categories []CategoryComparison `json:"categories"`
}

// CategoryComparison sets two teams' summaries of one category side by side.
type CategoryComparison struct {
	CategoryID string          `json:"categoryId"`
	Title      string          `json:"title"`
	A          CategorySummary `json:"a"`
	B          CategorySummary `json:"b"`
	// Difference is B's mean minus A's when both rated the category, else 0.
	Difference float64 `json:"difference"`
}

// CompareTeams sets the summaries of teams a and b side by side.
func (r Report) CompareTeams(a, b string) (TeamComparison, error) {
	ta, ok := r.Team(a)
	if !ok {
		return TeamComparison{}, fmt.Errorf("there is no team %q in the report", a)
	}
	tb, ok := r.Team(b)
	if !ok {
		return TeamComparison{}, fmt.Errorf("there is no team %q in the report", b)
	}
	out := TeamComparison{A: ta.Team, B: tb.Team, Categories: make([]CategoryComparison, len(r.Rubric.Categories))}
	for i, c := range r.Rubric.Categories {
		ca, _ := ta.Category(c.ID)
		cb, _ := tb.Category(c.ID)
		cc := CategoryComparison{CategoryID: c.ID, Title: c.Title, A: ca, B: cb}
		if ca.N > 0 && cb.N > 0 {
			cc.Difference = cb.Mean - ca.Mean
		}
		out.Categories[i] = cc
	}
	return out, nil
}

// WriteMarkdown writes what moved between the two rounds: per team, each
// category's mean before and after, the change, and consensus before and after.
func (c RoundComparison) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# What moved from %s to %s\n\n", escape.Markdown(c.From), escape.Markdown(c.To))
	for _, t := range c.Teams {
		fmt.Fprintf(bw, "## %s\n\n| Category | Before | After | Change | Consensus |\n|---|--:|--:|---|---|\n", escape.Markdown(t.Team))
		for _, cc := range t.Categories {
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s → %s |\n", escape.Markdown(cc.Title), meanText(cc.Before), meanText(cc.After),
				changeText(cc), consensusText(cc.Before), consensusText(cc.After))
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

func changeText(cc CategoryChange) string {
	switch cc.Direction {
	case Up:
		return "up " + FormatMean(cc.Change)
	case Down:
		return "down " + FormatMean(-cc.Change)
	case Same:
		return "same"
	case Added:
		return "rated only now"
	case Dropped:
		return "rated only before"
	}
	return "not rated"
}

// WriteMarkdown writes the two teams' summaries side by side. It lists
// numbers only; the source notes that the teams need not compare ratings.
func (c TeamComparison) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	a, b := escape.Markdown(c.A), escape.Markdown(c.B)
	fmt.Fprintf(bw, "| Category | %s: mean (ratings) | %s: mean (ratings) | Difference |\n|---|--:|--:|--:|\n", a, b)
	for _, cc := range c.Categories {
		diff := "–"
		if cc.A.N > 0 && cc.B.N > 0 {
			diff = FormatDifference(cc.Difference)
		}
		fmt.Fprintf(bw, "| %s | %s (%d) | %s (%d) | %s |\n", escape.Markdown(cc.Title), meanText(cc.A), cc.A.N, meanText(cc.B), cc.B.N, diff)
	}
	return bw.Flush()
}
