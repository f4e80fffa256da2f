package readiness

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// Note is what every report says about itself: it supports a conversation and
// decides nothing. The source sets no threshold for a go/no-go decision.
const Note = "These ratings show where each team agrees and what it could talk about first. " +
	"They are not a score: there is no pass mark and no go/no-go decision here. " +
	"The teams decide together, after they have talked through the concerns."

// Report summarizes the responses of one or more teams to a rubric.
type Report struct {
	// Rubric is the rubric the responses answer.
	Rubric Rubric `json:"rubric"`
	// Teams are in the order their first response came in.
	Teams []TeamSummary `json:"teams"`
	// Note says what the report is for; it is always the constant Note.
	Note string `json:"note"`
	// Options say what the report's writers show. The zero value leaves the
	// raters' names out.
	Options ReportOptions `json:"-"`
}

// ReportOptions say what a written report shows: the Markdown, HTML and
// Word documents, the charts and the printable Document.
type ReportOptions struct {
	// Names shows who gave each rating and who wrote each concern. It is off
	// by default: a summary that is printed or passed on lists the concerns
	// without their authors, so that raters can be candid. Set it for the
	// facilitator's own copy.
	Names bool
}

// shown returns the report as its writers show it: without the raters'
// names unless the options ask for them. The report itself is not changed.
func (r Report) shown() Report {
	if r.Options.Names {
		return r
	}
	teams := make([]TeamSummary, len(r.Teams))
	for i, t := range r.Teams {
		cats := make([]CategorySummary, len(t.Categories))
		for j, c := range t.Categories {
			cats[j] = c.withoutNames()
		}
		t.Categories = cats
		teams[i] = t
	}
	r.Teams = teams
	return r
}

// withoutNames returns the summary with the raters' names left out of its
// ratings and concerns.
func (c CategorySummary) withoutNames() CategorySummary {
	if len(c.Ratings) > 0 {
		rs := make([]Rating, len(c.Ratings))
		for i, x := range c.Ratings {
			rs[i] = Rating{Level: x.Level}
		}
		c.Ratings = rs
	}
	if len(c.Concerns) > 0 {
		cs := make([]Concern, len(c.Concerns))
		for i, x := range c.Concerns {
			cs[i] = Concern{Text: x.Text}
		}
		c.Concerns = cs
	}
	return c
}

// TeamSummary summarizes one team's responses.
type TeamSummary struct {
	// Team is the team's name as its first response spelled it. Responses whose
	// team differs only in letter case or surrounding spaces count as one team.
	Team string `json:"team"`
	// Raters is the number of responses from the team.
	Raters int `json:"raters"`
	// Categories follow the rubric's order.
	Categories []CategorySummary `json:"categories"`
	// DiscussFirst lists every category ID in a suggested order of discussion:
	// lowest mean first, then widest spread, then rubric order; categories
	// nobody rated come last. It is an agenda, not a ranking of readiness.
	DiscussFirst []string `json:"discussFirst"`
}

// CategorySummary summarizes one team's ratings of one category.
type CategorySummary struct {
	CategoryID string `json:"categoryId"`
	Title      string `json:"title"`
	// N is the number of ratings given; raters may leave a category unrated.
	N int `json:"n"`
	// Mean, Min and Max describe the ratings; all three are 0 when N is 0.
	Mean float64 `json:"mean"`
	Min  int     `json:"min"`
	Max  int     `json:"max"`
	// Counts holds the number of ratings at each level of the scale, lowest first.
	Counts []LevelCount `json:"counts"`
	// Consensus is true when the ratings differ by at most one level and nobody
	// gave the lowest level while someone else gave the highest. It is false
	// when nobody rated the category.
	Consensus bool `json:"consensus"`
	// Ratings are the individual ratings, in input order.
	Ratings []Rating `json:"ratings,omitempty"`
	// Concerns are the concerns written about the category, in input order.
	Concerns []Concern `json:"concerns,omitempty"`
}

// Spread is the distance between the highest and the lowest rating.
func (c CategorySummary) Spread() int { return c.Max - c.Min }

// LevelCount is how many ratings a level received.
type LevelCount struct {
	Level int `json:"level"`
	Count int `json:"count"`
}

// Rating is one rater's rating of a category.
type Rating struct {
	Rater string `json:"rater"`
	Level int    `json:"level"`
}

// Concern is what one rater wrote about a category.
type Concern struct {
	Rater string `json:"rater"`
	Text  string `json:"text"`
}

// Team returns the summary of the named team; letter case and surrounding
// spaces do not matter.
func (r Report) Team(name string) (TeamSummary, bool) {
	name = strings.TrimSpace(name)
	for _, t := range r.Teams {
		if strings.EqualFold(t.Team, name) {
			return t, true
		}
	}
	return TeamSummary{}, false
}

// Category returns the team's summary of one category.
func (t TeamSummary) Category(id string) (CategorySummary, bool) {
	for _, c := range t.Categories {
		if c.CategoryID == id {
			return c, true
		}
	}
	return CategorySummary{}, false
}

// Summarize summarizes the responses per team and category. The rubric's scale
// must be consecutive levels (Rubric.Validate checks the rest), and every rating must be on its scale and of one of its categories;
// otherwise Summarize returns a *partnership.ValidationError naming, for each
// bad rating, the response ("responses[3].ratings.metrics"), the rater and the
// category. Unrated categories are fine.
//
// Summarize makes a fixed number of allocations whatever the number of
// responses (one slab each for ratings, concerns, counts and summaries, and
// two for what the first pass found), plus a few per team; its cost grows
// linearly with the number of responses.
func Summarize(rb Rubric, responses []Response) (Report, error) {
	if err := rb.usable(); err != nil {
		return Report{}, fmt.Errorf("the rubric is not valid: %w", err)
	}
	nc := len(rb.Categories)
	nl := len(rb.Scale.Levels)
	low := rb.Scale.Lowest()

	// Pass 1: find each response's team, check the ratings and count what to
	// keep, so that pass 2 can fill slabs allocated once.
	var (
		teams     teamIndex
		teamOf    = make([]int32, len(responses))
		given     = make([]int8, len(responses)*nc) // level - lowest + 1 per response*nc+category; 0 is unrated
		concerned = make([]bool, len(responses)*nc) // a concern with text per response*nc+category
		nRatings  []int                             // per team*nc+category
		nConcerns []int
		raters    []int // per team
		ve        partnership.ValidationError
	)
	for i := range responses {
		resp := &responses[i]
		t, added := teams.lookup(resp.Team)
		if added {
			nRatings = append(nRatings, make([]int, nc)...)
			nConcerns = append(nConcerns, make([]int, nc)...)
			raters = append(raters, 0)
		}
		teamOf[i] = int32(t)
		raters[t]++
		knownRatings, knownConcerns := 0, 0
		for c := range rb.Categories {
			id := rb.Categories[c].ID
			if v, ok := resp.Ratings[id]; ok {
				knownRatings++
				if rb.Scale.Contains(v) {
					nRatings[t*nc+c]++
					given[i*nc+c] = int8(v - low + 1)
				} else {
					ve.Add(fmt.Sprintf("responses[%d].ratings.%s", i, id),
						"%s rated %q %d, which is not on the scale; allowed: %s, or leave it out for unrated",
						raterName(resp.Rater), id, v, rb.Scale.Values())
				}
			}
			if text, ok := resp.Concerns[id]; ok {
				knownConcerns++
				if strings.TrimSpace(text) != "" {
					nConcerns[t*nc+c]++
					concerned[i*nc+c] = true
				}
			}
		}
		if knownRatings < len(resp.Ratings) || knownConcerns < len(resp.Concerns) {
			rb.checkUnknown(&ve, fmt.Sprintf("responses[%d]", i), resp)
		}
	}
	if err := ve.Err(); err != nil {
		return Report{}, err
	}

	// Pass 2: fill the slabs.
	nt := len(teams.names)
	start := make([]int, 2*nt*nc) // where each team*category's ratings and concerns begin
	var totalRatings, totalConcerns int
	for k := range nt * nc {
		start[k] = totalRatings
		totalRatings += nRatings[k]
		start[nt*nc+k] = totalConcerns
		totalConcerns += nConcerns[k]
	}
	ratingSlab := make([]Rating, totalRatings)
	concernSlab := make([]Concern, totalConcerns)
	fillR := slices.Clone(start[:nt*nc])
	fillC := slices.Clone(start[nt*nc:])
	countSlab := make([]LevelCount, nt*nc*nl)
	sums := make([]int, nt*nc)
	for i := range responses {
		resp := &responses[i]
		t := int(teamOf[i])
		for c := range rb.Categories {
			k := t*nc + c
			if g := int(given[i*nc+c]); g > 0 {
				v := g - 1 + low
				ratingSlab[fillR[k]] = Rating{Rater: resp.Rater, Level: v}
				fillR[k]++
				countSlab[k*nl+g-1].Count++
				sums[k] += v
			}
			if concerned[i*nc+c] {
				concernSlab[fillC[k]] = Concern{Rater: resp.Rater, Text: resp.Concerns[rb.Categories[c].ID]}
				fillC[k]++
			}
		}
	}

	rep := Report{Rubric: rb, Teams: make([]TeamSummary, nt), Note: Note}
	cats := make([]CategorySummary, nt*nc)
	order := make([]string, nt*nc)
	for t := range nt {
		ts := &rep.Teams[t]
		ts.Team = teams.names[t]
		ts.Raters = raters[t]
		ts.Categories = cats[t*nc : (t+1)*nc : (t+1)*nc]
		for c := range nc {
			k := t*nc + c
			cs := &ts.Categories[c]
			cs.CategoryID = rb.Categories[c].ID
			cs.Title = rb.Categories[c].Title
			cs.N = nRatings[k]
			cs.Counts = countSlab[k*nl : (k+1)*nl : (k+1)*nl]
			for l := range cs.Counts {
				cs.Counts[l].Level = rb.Scale.Levels[l].Value
			}
			if cs.N > 0 {
				cs.Ratings = ratingSlab[start[k] : start[k]+cs.N : start[k]+cs.N]
				cs.Mean = float64(sums[k]) / float64(cs.N)
				cs.Min, cs.Max = levelRange(cs.Counts)
				cs.Consensus = cs.Max-cs.Min <= 1 && !(cs.Min == rb.Scale.Lowest() && cs.Max == rb.Scale.Highest())
			}
			if n := nConcerns[k]; n > 0 {
				s := start[nt*nc+k]
				cs.Concerns = concernSlab[s : s+n : s+n]
			}
		}
		ts.DiscussFirst = order[t*nc : (t+1)*nc : (t+1)*nc]
		discussionOrder(ts.Categories, ts.DiscussFirst)
	}
	return rep, nil
}

// levelRange returns the lowest and highest level that has a rating.
func levelRange(counts []LevelCount) (lo, hi int) {
	first := true
	for _, lc := range counts {
		if lc.Count == 0 {
			continue
		}
		if first {
			lo, first = lc.Level, false
		}
		hi = lc.Level
	}
	return lo, hi
}

// discussionOrder writes into ids the category IDs in the order to discuss
// them: rated categories by lowest mean, then widest spread, then rubric
// order; then the unrated ones in rubric order.
func discussionOrder(cats []CategorySummary, ids []string) {
	var idx [64]int
	order := idx[:0]
	if len(cats) > len(idx) {
		order = make([]int, 0, len(cats))
	}
	for i := range cats {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ca, cb := &cats[a], &cats[b]
		if (ca.N == 0) != (cb.N == 0) {
			if ca.N == 0 {
				return 1
			}
			return -1
		}
		if ca.N == 0 {
			return 0
		}
		return cmp.Or(cmp.Compare(ca.Mean, cb.Mean), cmp.Compare(cb.Spread(), ca.Spread()))
	})
	for i, c := range order {
		ids[i] = cats[c].CategoryID
	}
}

// teamIndex gives each team a number in order of appearance. Names that
// differ only in letter case or surrounding spaces are one team; an exact
// spelling seen before is found without allocating.
type teamIndex struct {
	exact map[string]int
	fold  map[string]int
	names []string
}

func (ti *teamIndex) lookup(name string) (int, bool) {
	if t, ok := ti.exact[name]; ok {
		return t, false
	}
	if ti.exact == nil {
		ti.exact = make(map[string]int)
		ti.fold = make(map[string]int)
	}
	trimmed := strings.TrimSpace(name)
	key := strings.ToLower(trimmed)
	t, ok := ti.fold[key]
	if !ok {
		t = len(ti.names)
		ti.names = append(ti.names, trimmed)
		ti.fold[key] = t
	}
	ti.exact[name] = t
	return t, !ok
}
