package readiness

import (
	"slices"
	"strings"

	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/partnership"
)

// Synonyms returns the words a survey may use for a theme of the framework
// in place of its category's title or id, such as "resourcing" for
// resources or "data and measures" for metrics. A column whose header holds
// one of them (as whole words, in any letter case) is matched to the
// rubric's category of that theme. The lists come from the wording of
// district surveys; a word that could name two themes ("data", "time",
// "planning") is on none of them. The result is a fresh list the caller may
// change.
//
//   - alignment: alignment, aligned, strategic alignment, strategic priority,
//     strategic priorities, priorities and objectives, strategic fit, fit
//     with strategy, strategy
//   - resources: resources, resource, resourcing, sufficient resources,
//     staffing, funding, capacity
//   - metrics: metrics, metric, measures, measure, measurement, measurements,
//     data and measures, data and metrics, indicators, outcome measures,
//     success measures, evaluation
//   - communication: communication, communications, collaboration,
//     communication and collaboration, ongoing communication, working
//     together
func Synonyms(theme string) []string {
	switch theme {
	case partnership.ThemeAlignment:
		return []string{"alignment", "aligned", "strategic alignment", "strategic priority", "strategic priorities",
			"priorities and objectives", "strategic fit", "fit with strategy", "strategy"}
	case partnership.ThemeResources:
		return []string{"resources", "resource", "resourcing", "sufficient resources", "staffing", "funding", "capacity"}
	case partnership.ThemeMetrics:
		return []string{"metrics", "metric", "measures", "measure", "measurement", "measurements", "data and measures",
			"data and metrics", "indicators", "outcome measures", "success measures", "evaluation"}
	case partnership.ThemeCommunication:
		return []string{"communication", "communications", "collaboration", "communication and collaboration",
			"ongoing communication", "working together"}
	}
	return nil
}

// areaNames holds, for each category of a rubric, the normalized phrases
// that name it in a header: its title, its id, and its theme's synonyms.
type areaNames [][]string

func newAreaNames(rb Rubric) areaNames {
	out := make(areaNames, len(rb.Categories))
	for c, cat := range rb.Categories {
		names := []string{sheet.Normalize(cat.Title), sheet.Normalize(cat.ID)}
		for _, s := range Synonyms(cat.Theme) {
			names = append(names, sheet.Normalize(s))
		}
		slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
		out[c] = slices.Compact(names)
	}
	return out
}

// match returns the categories a normalized header text names. Where two
// phrases overlap ("data quality" and "data"), the longer one counts; the
// categories of the phrases left are returned in the order of the rubric.
func (a areaNames) match(h string) []int {
	if h == "" {
		return nil
	}
	type hit struct{ cat, start, end int }
	var hits []hit
	for c, names := range a {
		for _, w := range names {
			for off := 0; ; {
				i := sheet.WordIndex(h[off:], w)
				if i < 0 {
					break
				}
				hits = append(hits, hit{c, off + i, off + i + len(w)})
				off += i + len(w)
				if off >= len(h) {
					break
				}
			}
		}
	}
	if len(hits) == 0 {
		return nil
	}
	slices.SortStableFunc(hits, func(x, y hit) int { return (y.end - y.start) - (x.end - x.start) })
	var kept []hit
	var cats []int
	for _, x := range hits {
		overlaps := false
		for _, k := range kept {
			if x.start < k.end && k.start < x.end {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		kept = append(kept, x)
		if !slices.Contains(cats, x.cat) {
			cats = append(cats, x.cat)
		}
	}
	slices.Sort(cats)
	return cats
}

// strip removes from the normalized h every phrase that names category c,
// leaving the words about what the column holds ("rating", "concerns").
func (a areaNames) strip(h string, c int) string {
	for _, w := range a[c] {
		for {
			i := sheet.WordIndex(h, w)
			if i < 0 {
				break
			}
			h = h[:i] + h[i+len(w):]
		}
	}
	return strings.Join(strings.Fields(h), " ")
}

// The words that say a column holds a rating, or a rater's concerns.
var (
	ratingWords  = []string{"rating", "ratings", "rate", "rated", "level", "levels", "score", "scale", "readiness", "how ready", "1 4"}
	concernWords = []string{"concern", "concerns", "comment", "comments", "note", "notes", "explain", "explanation", "why", "describe", "issues"}
)
