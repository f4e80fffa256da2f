package agenda

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// CheckAll checks a partnership's meetings together: each meeting with
// CheckWith, its paths starting with its index ("[2].actions[0].owner", so
// that a workspace puts "meetings" in front), and then the habits across
// meetings:
//
//   - every calendar quarter from the first meeting's up to the one before
//     the last meeting's (or before now's, when now is later) holds a
//     quarterly review: the last quarter may still get one;
//   - every calendar month in that span holds at least one meeting of any
//     cadence, the at-least-monthly contact of the source.
//
// A run of quarters or months without one is a single finding.
//
// An action item carried into later meetings is reported (overdue, no
// owner, no due date, an unknown owner) only at the latest meeting that
// holds it, where it is followed up. Meetings are compared by start, in
// their own time zones; ones without a start take no part in the cadence
// checks.
func CheckAll(ms []Meeting, p *partnership.Partnership, now time.Time) []partnership.Finding {
	var out []partnership.Finding
	latest := latestHolder(ms)
	for i, m := range ms {
		for _, f := range CheckWith(m, p, now) {
			if strings.HasPrefix(f.Path, "actions[") && !isLatest(ms, i, f.Path, latest) {
				continue
			}
			f.Path = schema.Join(fmt.Sprintf("[%d]", i), f.Path)
			out = append(out, f)
		}
	}
	out = append(out, cadence(ms, now)...)
	partnership.SortFindings(out)
	return out
}

// latestHolder maps each action ID to the index of the meeting with the
// latest start that holds it.
func latestHolder(ms []Meeting) map[string]int {
	out := make(map[string]int)
	for i, m := range ms {
		for _, a := range m.Actions {
			j, ok := out[a.ID]
			if !ok || ms[j].Start.Before(m.Start) {
				out[a.ID] = i
			}
		}
	}
	return out
}

// isLatest reports whether the action at path ("actions[3]") in meeting i
// is held by no later meeting.
func isLatest(ms []Meeting, i int, path string, latest map[string]int) bool {
	var k int
	if _, err := fmt.Sscanf(path, "actions[%d]", &k); err != nil || k < 0 || k >= len(ms[i].Actions) {
		return true
	}
	j, ok := latest[ms[i].Actions[k].ID]
	return !ok || j == i || !ms[i].Start.Before(ms[j].Start)
}

// period is a month or a quarter counted from year 0: year*12+month-1 for
// months, year*4+quarter-1 for quarters.
type period int

func monthOf(t time.Time) period   { return period(t.Year()*12 + int(t.Month()) - 1) }
func quarterOf(t time.Time) period { return period(t.Year()*4 + (int(t.Month())-1)/3) }

func monthName(p period) string {
	return fmt.Sprintf("%s %d", time.Month(int(p)%12+1), int(p)/12)
}

func quarterName(p period) string {
	q := int(p) % 4
	first := time.Month(q*3 + 1)
	last := first + 2
	return fmt.Sprintf("%d Q%d (%s–%s)", int(p)/4, q+1, first.String()[:3], last.String()[:3])
}

// cadence returns the findings about quarters without a quarterly review and
// months without any meeting.
func cadence(ms []Meeting, now time.Time) []partnership.Finding {
	idx := make([]int, 0, len(ms))
	for i, m := range ms {
		if !m.Start.IsZero() {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	slices.SortStableFunc(idx, func(a, b int) int { return ms[a].Start.Compare(ms[b].Start) })
	first, last := ms[idx[0]].Start, ms[idx[len(idx)-1]].Start

	var out []partnership.Finding
	months := map[period][]int{}
	quarters := map[period][]int{}
	for _, i := range idx {
		months[monthOf(ms[i].Start)] = append(months[monthOf(ms[i].Start)], i)
		quarters[quarterOf(ms[i].Start)] = append(quarters[quarterOf(ms[i].Start)], i)
	}

	// The quarter of the last meeting may still hold a review not yet
	// added; only the quarters before it are complete, or before now's.
	endQ := quarterOf(last) - 1
	if !now.IsZero() && quarterOf(now)-1 > endQ {
		endQ = quarterOf(now) - 1
	}
	for q := quarterOf(first); q <= endQ; q++ {
		if hasQuarterly(ms, quarters[q]) {
			continue
		}
		// One finding for a run of quarters without a review.
		to := q
		for to+1 <= endQ && !hasQuarterly(ms, quarters[to+1]) {
			to++
		}
		var held []string
		for p := q; p <= to && len(held) < 12; p++ {
			for _, i := range quarters[p] {
				held = append(held, describeMeeting(ms[i]))
			}
		}
		if len(held) == 0 {
			held = []string{"no meetings at all in that time"}
		}
		msg := fmt.Sprintf("There is no quarterly review in %s", quarterName(q))
		if to > q {
			msg = fmt.Sprintf("There is no quarterly review in the %d quarters from %s to %s", to-q+1, quarterName(q), quarterName(to))
		}
		out = append(out, partnership.Finding{
			Rule: RuleCadenceQuarterly, Severity: partnership.Warning, Standard: "communication.5",
			Message:  msg,
			Evidence: held,
			Question: "When will district, partner and school, with their leaders, review progress formally this quarter?",
			Path:     nextPath(ms, idx, to, quarterOf),
		})
		q = to
	}

	endM := monthOf(last)
	if !now.IsZero() && monthOf(now)-1 > endM {
		endM = monthOf(now) - 1
	}
	for mo := monthOf(first); mo <= endM; mo++ {
		if len(months[mo]) > 0 {
			continue
		}
		to := mo
		for to+1 <= endM && len(months[to+1]) == 0 {
			to++
		}
		msg := fmt.Sprintf("There is no meeting in %s", monthName(mo))
		if to > mo {
			msg = fmt.Sprintf("There is no meeting in the %d months from %s to %s", to-mo+1, monthName(mo), monthName(to))
		}
		out = append(out, partnership.Finding{
			Rule: RuleCadenceMonthly, Severity: partnership.Info, Standard: "communication.1",
			Message:  msg,
			Evidence: []string{"before: " + around(ms, idx, mo, true), "after: " + around(ms, idx, to, false)},
			Question: "Did district, partner and school stay in touch some other way, and should a check-in be added?",
			Path:     nextPath(ms, idx, to, monthOf),
		})
		mo = to
	}
	return out
}

// hasQuarterly reports whether one of the meetings at indexes is quarterly.
func hasQuarterly(ms []Meeting, indexes []int) bool {
	for _, i := range indexes {
		if ms[i].Cadence == partnership.Quarterly {
			return true
		}
	}
	return false
}

// describeMeeting names a meeting in evidence.
func describeMeeting(m Meeting) string {
	return fmt.Sprintf("%s (%s, %s)", m.Title, m.Cadence, words.Date(m.Start))
}

// nextPath returns the path of the first meeting after period p, or "".
func nextPath(ms []Meeting, idx []int, p period, of func(time.Time) period) string {
	for _, i := range idx {
		if of(ms[i].Start) > p {
			return fmt.Sprintf("[%d]", i)
		}
	}
	return ""
}

// around describes the last meeting before month mo, or the first after it.
func around(ms []Meeting, idx []int, mo period, before bool) string {
	var pick []string
	for _, i := range idx {
		m := monthOf(ms[i].Start)
		if before && m < mo {
			pick = []string{describeMeeting(ms[i])}
		}
		if !before && m > mo {
			return describeMeeting(ms[i])
		}
	}
	if len(pick) == 0 {
		return "none"
	}
	return strings.Join(pick, "")
}
