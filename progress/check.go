package progress

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// The rules of Check, with what makes each fire. Their IDs are stable;
// Rules returns each with its severity, standard, threshold and source.
const (
	// RuleNoData (warning): the date of a data duty in the supplement's data
	// plan has passed and no value of its measure is recorded; the finding
	// names who provides the data.
	RuleNoData = "progress.no-data"
	// RuleBehind (warning): the latest value of a measure is behind the
	// straight line from its baseline to its interim target, or from the
	// interim to the final target, by more than BehindShare (5%) of what the
	// line expects on that date, or of the change it plans between the two
	// targets when that is larger.
	RuleBehind = "progress.behind"
	// RuleCheckpointMissed (critical): the date of a measure's interim or
	// final target has passed and the latest value recorded by then does not
	// meet it, or there is none; a missed interim target is a warning, a
	// missed final target critical.
	RuleCheckpointMissed = "progress.checkpoint-missed"
	// RuleDrop (warning): a value is DropShare (25%) or more below the value
	// of the day before it (above it, for a measure where lower is better).
	RuleDrop = "progress.drop"
	// RuleNotMeasurable (info): a measure has no baseline value and date, no
	// target given as a number with its date, or no direction that is stated
	// or can be read from its targets.
	RuleNotMeasurable = "progress.not-measurable"
	// RuleStale (info): the latest value of a measure is more than StaleDays
	// (100 days) old while its last target is still ahead.
	RuleStale = "progress.stale"
	// RuleSameDate (info): two or more different values of one measure are
	// recorded for the same date; the one recorded last counts.
	RuleSameDate = "progress.same-date"
	// RuleUnknownMeasure (warning): values are recorded for a measure the
	// contract supplement does not have, perhaps one removed or renamed.
	RuleUnknownMeasure = "progress.unknown-measure"
	// RuleDropOverCapacity (warning): a measure dropped by DropShare (25%)
	// or more between two values while an initiative it follows was part of
	// a week in which an audience was asked for more hours than it has.
	RuleDropOverCapacity = "progress.drop-over-capacity"
)

// DropShare is the fall from one value to the next (a rise, for a measure
// where lower is better) that Check points out: a quarter of the earlier value.
const DropShare = 0.25

// StaleDays is how old the latest value may be before Check asks for a new
// one: a quarter and a little slack, since the framework asks for measures
// that can be taken at least quarterly.
const StaleDays = 100

// Data is what progress reads: the parts of a workspace that say how a
// partnership went over time. Any part may be missing.
type Data struct {
	Partnership *partnership.Partnership
	Readiness   []readiness.Round
	// Contract should be resolved against the partnership
	// (contract.Supplement.Resolved), so that findings name people.
	Contract     *contract.Supplement
	Meetings     []agenda.Meeting
	Observations []Observation
}

// LatestDate returns the latest date the data records as past: the latest
// observation, closed meeting or readiness round. It is the date Check and
// OverTime judge against when they are given none, so that the same file
// always gives the same answers; it is zero when the data holds no date.
func (d Data) LatestDate() time.Time {
	var best int64
	found := false
	see := func(date partnership.Date) {
		if day, ok := dayOf(date); ok && (!found || day > best) {
			best, found = day, true
		}
	}
	for _, o := range d.Observations {
		see(o.Date)
	}
	for _, m := range d.Meetings {
		if m.Closed && !m.Start.IsZero() {
			see(partnership.DateOf(m.Start))
		}
	}
	for _, r := range d.Readiness {
		see(partnership.Date(r.Date))
	}
	if !found {
		return time.Time{}
	}
	return time.Unix(best*secondsPerDay, 0).UTC()
}

// asOfDay returns the day number of asOf (its date in its own location), or
// of the data's latest date when asOf is zero; false when there is neither.
func (d Data) asOfDay(asOf time.Time) (int64, bool) {
	if asOf.IsZero() {
		asOf = d.LatestDate()
		if asOf.IsZero() {
			return 0, false
		}
	}
	return dayOf(partnership.DateOf(asOf))
}

// Rules returns every rule of Check. Each call returns a new slice.
func Rules() []partnership.Rule {
	pct := func(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + "%" }
	return []partnership.Rule{
		{ID: RuleNoData, Title: "Data not in when it was due", Severity: partnership.Warning, Standard: "metrics.2",
			Trigger: "The date of a data duty in the supplement's data plan has passed and no value of its measure is recorded. The finding names who provides the data and who reports on it.",
			Source:  odstSource + ", Contract Supplement appendix item 6 and quarterly question 4"},
		{ID: RuleBehind, Title: "Behind the planned line", Severity: partnership.Warning, Standard: "communication.3",
			Trigger:   "The latest value of a measure is behind the straight line from its baseline to its interim target, or from the interim to the final target, on that value's date. The finding says by how much, with the dates and values, and what the parties agreed to do when measures are not on track.",
			Threshold: "behind by more than " + pct(BehindShare) + " of the value the line expects, or of the change it plans when that is larger",
			Source:    odstSource + ", appendix item 5, quarterly question 5, and the protocol for benchmarks and outcomes not on track"},
		{ID: RuleCheckpointMissed, Title: "Checkpoint passed, target not met", Severity: partnership.Critical, Standard: "communication.3",
			Trigger: "The date of a measure's interim or final target has passed and the latest value recorded by that date does not meet it, or none is recorded. A missed interim target is a warning, a missed final target critical.",
			Source:  odstSource + ", appendix item 5: interim and final measures (January and June)"},
		{ID: RuleDrop, Title: "A sharp drop from one value to the next", Severity: partnership.Warning, Standard: "metrics.2",
			Trigger:   "A value is well below the value of the day before it (well above it, for a measure where lower is better): an early indicator to look into.",
			Threshold: pct(DropShare) + " or more of the earlier value",
			Source:    scopeSource + ": PD attendance fell from 52 to 25 to 16, and units submitted at Hayes from 13 to 3, as other initiatives took teachers' time"},
		{ID: RuleNotMeasurable, Title: "A measure without numbers", Severity: partnership.Info, Standard: "metrics.1",
			Trigger: "A measure has no baseline value and date, no target given as a number with its date, or no direction that is stated or can be read from its targets, so its progress cannot be followed.",
			Source:  odstSource + ": clear metrics, measurable at least quarterly"},
		{ID: RuleStale, Title: "No recent value", Severity: partnership.Info, Standard: "metrics.2",
			Trigger:   "The latest value of a measure is old while its last target is still ahead.",
			Threshold: fmt.Sprintf("more than %d days old", StaleDays),
			Source:    odstSource + ": measures taken at least quarterly"},
		{ID: RuleSameDate, Title: "Two values for one date", Severity: partnership.Info, Standard: "metrics.2",
			Trigger: "Two or more different values of one measure are recorded for the same date; the one recorded last counts.",
			Source:  odstSource + ": agree how the data is collected and reported"},
		{ID: RuleUnknownMeasure, Title: "Data for a measure not in the supplement", Severity: partnership.Warning, Standard: "metrics.1",
			Trigger: "Values are recorded for a measure ID that none of the supplement's measures has, perhaps one removed or renamed. One finding per measure ID.",
			Source:  odstSource + ", appendix item 5"},
		{ID: RuleDropOverCapacity, Title: "A measure fell while its people were over capacity", Severity: partnership.Warning, Standard: "resources.3",
			Trigger:   "A measure that follows initiatives of the partnership dropped between two values, and one of those initiatives was part of a week, overlapping that stretch, in which an audience was asked for more hours than it has.",
			Threshold: "a drop of " + pct(DropShare) + " or more",
			Source:    scopeSource + ": the summer PD clashed with other district PD and summer school, and district initiatives took the Hayes planning time"},
	}
}

const (
	odstSource  = "ODST, Standards for Effective Partnerships (2015)"
	scopeSource = "SCOPE, Beyond Alignment (Jaquith & Chavez, 2020)"
)

// Check follows every measure of the contract supplement against its data
// and returns what the team could talk about, most severe first: data not in
// when a duty said (with who provides it), values behind the planned line
// (by how much, with the dates and values), checkpoints passed with the
// target not met, sharp drops, measures without numbers, old data, two
// values for one date, data of unknown measures, and, with a partnership,
// drops while the people of a measure's initiatives were over capacity.
//
// Check judges against asOf, a date (in asOf's own location); a zero asOf
// means the data's LatestDate, so that a file gives the same findings every
// day. Paths are those of the workspace file: "contract.appendix.measures[1]",
// "observations[12]". Check never decides anything: each finding on a measure
// not on track points to the protocol the parties agreed for that case.
//
// Check never fails and never panics: observations Validate rejects are left
// out. It runs in O(n log n) for n observations.
func Check(d Data, asOf time.Time) []partnership.Finding {
	c := &checker{d: d, rules: make(map[string]partnership.Rule)}
	for _, r := range Rules() {
		c.rules[r.ID] = r
	}
	c.today, c.hasToday = d.asOfDay(asOf)
	var ms []contract.Measure
	if d.Contract != nil {
		ms = d.Contract.Appendix.Measures
	}
	series, unknown := group(ms, d.Observations)
	for i := range series {
		c.measure(i, &series[i])
	}
	c.unknown(unknown)
	partnership.SortFindings(c.out)
	return c.out
}

type checker struct {
	d        Data
	rules    map[string]partnership.Rule
	today    int64
	hasToday bool
	out      []partnership.Finding
	// conflicts are the partnership's over-capacity weeks, computed when first needed.
	conflicts     []partnership.Conflict
	haveConflicts bool
}

func (c *checker) add(rule string, sev partnership.Severity, path, msg, question string, evidence ...string) {
	if sev == "" {
		sev = c.rules[rule].Severity
	}
	c.out = append(c.out, partnership.Finding{
		Rule: rule, Severity: sev, Standard: c.rules[rule].Standard,
		Message: msg, Evidence: evidence, Question: question, Path: path,
	})
}

// measure runs every rule on one measure's series.
func (c *checker) measure(i int, s *Series) {
	m := s.Measure
	if m.ID == "" && strings.TrimSpace(m.Name) == "" {
		return // an empty row of the form: nothing to follow yet
	}
	at := fmt.Sprintf("contract.appendix.measures[%d]", i)
	pts := s.Points
	if c.hasToday {
		pts = pts[:s.latest(c.today)+1] // what is recorded as of today
	}
	c.notMeasurable(at, s)
	c.noData(s, pts)
	c.sameDate(s, pts)
	dir, _ := s.Direction()
	if dir == "" {
		return
	}
	drops := c.drop(s, pts, dir)
	c.dropOverCapacity(at, s, pts, drops)
	if len(s.Plan) < 2 {
		return
	}
	c.checkpoints(at, s, dir)
	c.behind(at, s, pts)
	c.stale(at, s, pts)
}

// name returns the measure's name in quotes, for messages, or says it has
// none.
func name(m contract.Measure) string {
	if n := strings.TrimSpace(m.Name); n != "" {
		return "“" + n + "”"
	}
	return "a measure that has no name" // its ID means nothing to a reader
}

func (c *checker) notMeasurable(at string, s *Series) {
	m := s.Measure
	var missing []string
	if m.Baseline.Value == nil {
		missing = append(missing, "a baseline value")
	}
	if _, ok := dayOf(m.Baseline.Date); !ok {
		missing = append(missing, "the date of the baseline")
	}
	hasTarget := false
	for _, cp := range []contract.Checkpoint{m.Interim, m.Final} {
		_, ok := dayOf(cp.Due)
		hasTarget = hasTarget || cp.Value != nil && ok
	}
	if !hasTarget {
		missing = append(missing, "an interim or final target given as a number, with its date")
	}
	if len(missing) == 0 && len(s.Plan) < 2 {
		missing = append(missing, "a target dated after the baseline")
	}
	if dir, _ := s.Direction(); dir == "" && len(missing) == 0 {
		missing = append(missing, "a direction: whether higher or lower is better")
	}
	if len(missing) == 0 {
		return
	}
	evidence := make([]string, len(missing))
	for k, x := range missing {
		evidence[k] = "missing: " + x
	}
	c.add(RuleNotMeasurable, "", at,
		fmt.Sprintf("The progress of %s cannot be followed in numbers yet: it lacks %s.", name(m), words.JoinAnd(missing)),
		"Which number would show progress on this measure, where does it stand today, and what value do we expect by January and by June?",
		evidence...)
}

// noData reports each data duty of the measure whose date has passed with no
// value of the measure recorded.
func (c *checker) noData(s *Series, pts []Point) {
	if !c.hasToday || len(pts) > 0 || s.Measure.ID == "" || c.d.Contract == nil {
		return
	}
	for j, duty := range c.d.Contract.Appendix.DataPlan.Duties {
		due, ok := dayOf(duty.Due)
		if duty.Measure != s.Measure.ID || !ok || due >= c.today {
			continue
		}
		provider := strings.TrimSpace(duty.Provider.Label())
		msg := fmt.Sprintf("No value of %s is recorded, and its data was due by %s", name(s.Measure), words.Day(duty.Due))
		question := "Is the data late, or kept somewhere else? Who will provide it, and by when?"
		evidence := []string{"data due: " + words.Day(duty.Due), "as of: " + words.Day(dateOfDay(c.today))}
		if provider != "" {
			msg += " from " + provider
			question = fmt.Sprintf("Is the data late, or kept somewhere else? When can %s provide it, and does the data plan still fit?", provider)
			evidence = append(evidence, "provides the data: "+provider)
		} else {
			evidence = append(evidence, "provides the data: nobody named")
		}
		if r := strings.TrimSpace(duty.Reporter.Label()); r != "" {
			evidence = append(evidence, "reports on it: "+r)
		}
		if src := strings.TrimSpace(duty.Source); src != "" {
			evidence = append(evidence, "source: "+src)
		}
		c.add(RuleNoData, "", fmt.Sprintf("contract.appendix.dataPlan.duties[%d]", j), msg+".", question, evidence...)
	}
}

// sameDate reports values of one date that differ.
func (c *checker) sameDate(s *Series, pts []Point) {
	for i := 0; i < len(pts); {
		j := i + 1
		differ := false
		for j < len(pts) && pts[j].day == pts[i].day {
			differ = differ || pts[j].Value != pts[i].Value
			j++
		}
		if differ {
			var values, evidence []string
			for _, p := range pts[i:j] {
				values = append(values, s.Measure.Format(p.Value))
				evidence = append(evidence, describePoint(s.Measure, p))
			}
			last := pts[j-1]
			c.add(RuleSameDate, "", fmt.Sprintf("observations[%d]", last.Index),
				fmt.Sprintf("%s has %d different values for %s: %s; the one recorded last, %s, counts.",
					capitalize(name(s.Measure)), j-i, words.Day(pts[i].Date), words.JoinAnd(values), s.Measure.Format(last.Value)),
				"Which figure is right? Correct or remove the other, so that everyone reads the same number.",
				evidence...)
		}
		i = j
	}
}

// step is a move from one day's value to the next.
type step struct{ from, to Point }

// distinct returns the points with one per day: the last recorded of each.
func distinct(pts []Point) []Point {
	out := make([]Point, 0, len(pts))
	for _, p := range pts {
		if n := len(out); n > 0 && out[n-1].day == p.day {
			out[n-1] = p
			continue
		}
		out = append(out, p)
	}
	return out
}

// drop reports the moves the wrong way by DropShare or more between
// consecutive days' values, in one finding per measure, and returns them.
func (c *checker) drop(s *Series, pts []Point, dir contract.Direction) []step {
	days := distinct(pts)
	var drops []step
	for k := 1; k < len(days); k++ {
		a, b := days[k-1], days[k]
		if a.Value == 0 {
			continue // no share of nothing
		}
		if change := shortfall(dir, b.Value, a.Value) / math.Abs(a.Value); change >= DropShare-1e-9 {
			drops = append(drops, step{a, b})
		}
	}
	if len(drops) == 0 {
		return nil
	}
	m := s.Measure
	verb, word := "fell", "down"
	if dir == contract.Decrease {
		verb, word = "rose", "up"
	}
	// The message tells the latest few drops, the evidence up to ten: a long
	// record of ups and downs needs a chart, not a paragraph.
	const told, listed = 3, 10
	var parts []string
	if n := len(drops) - told; n > 0 {
		parts = append(parts, words.Count(n, "earlier drop", "earlier drops"))
	}
	for _, st := range drops[max(0, len(drops)-told):] {
		share := math.Abs(st.to.Value-st.from.Value) / math.Abs(st.from.Value)
		parts = append(parts, fmt.Sprintf("from %s on %s to %s on %s (%s %s%%)",
			m.Format(st.from.Value), words.Day(st.from.Date), m.Format(st.to.Value), words.Day(st.to.Date), word, strconv.Itoa(int(math.Round(share*100)))))
	}
	evidence := make([]string, 0, min(len(drops), listed)+3)
	if n := len(drops) - listed; n > 0 {
		evidence = append(evidence, words.Count(n, "earlier drop is", "earlier drops are")+" not listed here")
	}
	for _, st := range drops[max(0, len(drops)-listed):] {
		evidence = append(evidence, m.Format(st.from.Value)+" on "+words.Day(st.from.Date)+" → "+m.Format(st.to.Value)+" on "+words.Day(st.to.Date))
	}
	evidence = append(evidence, "all values: "+chain(m, days))
	evidence = append(evidence, c.protocol())
	last := drops[len(drops)-1]
	c.add(RuleDrop, "", fmt.Sprintf("observations[%d]", last.to.Index),
		fmt.Sprintf("%s %s by %s%% or more from one value to the next: %s.",
			capitalize(name(m)), verb, strconv.Itoa(int(DropShare*100)), strings.Join(parts, "; then ")),
		"What are these early indicators telling us, and what got in the way? What have we agreed to do when a measure is not on track?",
		evidence...)
	return drops
}

// dropOverCapacity sets the measure's drops beside the weeks in which the
// initiatives it follows asked an audience for more time than it has.
func (c *checker) dropOverCapacity(at string, s *Series, pts []Point, drops []step) {
	p := c.d.Partnership
	if len(drops) == 0 || p == nil || len(s.Measure.Initiatives) == 0 {
		return
	}
	follows := make(map[int]bool)
	for i, x := range p.Initiatives {
		if slices.Contains(s.Measure.Initiatives, x.ID) {
			follows[i] = true
		}
	}
	if len(follows) == 0 {
		return
	}
	if !c.haveConflicts {
		for _, k := range partnership.Conflicts(p) {
			if k.Over() {
				c.conflicts = append(c.conflicts, k)
			}
		}
		c.haveConflicts = true
	}
	var evidence []string
	var inits []string
	seenInit := make(map[int]bool)
	for _, k := range c.conflicts {
		from, ok1 := dayOf(k.From)
		to, ok2 := dayOf(k.To)
		if !ok1 || !ok2 {
			continue
		}
		to += 6 // the last week runs to Sunday
		involved := false
		for _, sh := range k.Shares {
			if follows[sh.Initiative] {
				involved = true
				if !seenInit[sh.Initiative] {
					seenInit[sh.Initiative] = true
					inits = append(inits, p.Initiatives[sh.Initiative].Name)
				}
			}
		}
		if !involved {
			continue
		}
		for _, st := range drops {
			if from <= st.to.day && to >= st.from.day {
				evidence = append(evidence, partnership.ConflictSummary(p, k))
				break
			}
		}
	}
	if len(evidence) == 0 {
		return
	}
	m := s.Measure
	when := "in a week"
	if len(evidence) > 1 {
		when = "in " + strconv.Itoa(len(evidence)) + " stretches of weeks"
	}
	values := chain(m, distinct(pts))
	evidence = append([]string{"values: " + values}, evidence...)
	c.add(RuleDropOverCapacity, "", at,
		fmt.Sprintf("%s fell by %s%% or more (%s) while the people taking part in %s were asked for more hours than they have, %s.",
			capitalize(name(m)), strconv.Itoa(int(DropShare*100)), values, words.JoinAnd(inits), when),
		"Did the competing demands on the same people's time hold this measure back? What can move, shrink or be dropped so that the work gets the time it needs?",
		evidence...)
}

// checkpoints reports each checkpoint whose date has passed with its target
// not met by the latest value recorded by then.
func (c *checker) checkpoints(at string, s *Series, dir contract.Direction) {
	if !c.hasToday {
		return
	}
	m := s.Measure
	for _, t := range s.Plan[1:] {
		if t.day >= c.today {
			continue
		}
		sev := partnership.Warning
		if t.Kind == "final" {
			sev = partnership.Critical
		}
		path := at + "." + t.Kind
		evidence := []string{describeTarget(m, s.Plan[0]), describeTarget(m, t)}
		if note := directionNote(s); note != "" {
			evidence = append(evidence, note)
		}
		i := s.latest(t.day)
		if i < 0 || s.Points[i].day < s.Plan[0].day {
			c.add(RuleCheckpointMissed, sev, path,
				fmt.Sprintf("The date of %s of %s (%s by %s) has passed, and no value was recorded by then, so nobody can tell whether it was met.",
					t.Label(), name(m), m.Format(t.Value), words.Day(t.Date)),
				"Where is the data for this checkpoint? What have we agreed to do when a measure cannot be judged or is not on track?",
				append(evidence, c.protocol())...)
			continue
		}
		v := s.Points[i]
		if met(dir, v.Value, t.Value) {
			continue
		}
		evidence = append(evidence, "value by then: "+describePoint(m, v),
			"short of the target by "+gap(m, math.Abs(v.Value-t.Value)), c.protocol())
		c.add(RuleCheckpointMissed, sev, path,
			fmt.Sprintf("%s of %s (%s by %s) was not met: the latest value by then was %s, on %s.",
				capitalize(t.Label()), name(m), m.Format(t.Value), words.Day(t.Date), m.Format(v.Value), words.Day(v.Date)),
			"What got in the way, and what does our agreed protocol for measures not on track ask of us now?",
			evidence...)
	}
}

// behind reports a latest value behind the planned line.
func (c *checker) behind(at string, s *Series, pts []Point) {
	if len(pts) == 0 {
		return
	}
	day := pts[len(pts)-1].day
	st := s.standing(day)
	if st.State != Behind {
		return
	}
	m := s.Measure
	from := s.Plan[0]
	for k := 1; k < len(s.Plan); k++ {
		if s.Plan[k].Kind == st.Toward.Kind {
			from = s.Plan[k-1]
		}
	}
	l := st.Latest
	share := ""
	if st.Expected != 0 {
		share = fmt.Sprintf(", %s%% short", strconv.Itoa(int(math.Round(st.Gap/math.Abs(st.Expected)*100))))
	}
	evidence := []string{
		"latest value: " + describePoint(m, l),
		"expected on the line that day: " + m.Format(st.Expected),
		fmt.Sprintf("behind by: %s%s", gap(m, st.Gap), share),
		describeTarget(m, from), describeTarget(m, st.Toward),
	}
	if note := directionNote(s); note != "" {
		evidence = append(evidence, note)
	}
	c.add(RuleBehind, "", at,
		fmt.Sprintf("%s is behind its planned line by %s: it was %s on %s, where the straight line from %s (%s on %s) to %s (%s by %s) passes %s.",
			capitalize(name(m)), gap(m, st.Gap), m.Format(l.Value), words.Day(l.Date),
			from.Label(), m.Format(from.Value), words.Day(from.Date), st.Toward.Label(), m.Format(st.Toward.Value), words.Day(st.Toward.Date), m.Format(st.Expected)),
		"What are the early indicators telling us? What would bring the measure back on track, and what have we agreed to do when it is not?",
		append(evidence, c.protocol())...)
}

// stale reports a latest value older than StaleDays while a target is ahead.
func (c *checker) stale(at string, s *Series, pts []Point) {
	if !c.hasToday || len(pts) == 0 || s.Plan[len(s.Plan)-1].day < c.today {
		return
	}
	l := pts[len(pts)-1]
	age := c.today - l.day
	if age <= StaleDays {
		return
	}
	c.add(RuleStale, "", at,
		fmt.Sprintf("The latest value of %s is from %s, %d days before %s.", name(s.Measure), words.Day(l.Date), age, words.Day(dateOfDay(c.today))),
		"Are we collecting the right data in a timely fashion? Who can provide a current figure before the next quarterly meeting?",
		"latest value: "+describePoint(s.Measure, l))
}

// unknown reports observations of measures the supplement does not have, one
// finding per measure ID.
func (c *checker) unknown(byMeasure map[string][]int) {
	ids := make([]string, 0, len(byMeasure))
	for id := range byMeasure {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		idx := byMeasure[id]
		first := c.d.Observations[idx[0]]
		where := "a measure the contract supplement does not have"
		if c.d.Contract == nil {
			where = "a measure, but there is no contract supplement with its measures yet"
		}
		c.add(RuleUnknownMeasure, "", fmt.Sprintf("observations[%d].measure", idx[0]),
			fmt.Sprintf("%s recorded for %s (%q).", words.Count(len(idx), "value is", "values are"), where, id),
			"Was the measure removed or given another id? Should these values move to another measure, or be removed?",
			fmt.Sprintf("first of them: %s on %s", formatMaybe(first.Value), words.Day(first.Date)))
	}
}

// protocol is the evidence line that points to what the parties agreed to
// do when benchmarks and outcomes are not on track.
func (c *checker) protocol() string {
	if c.d.Contract != nil {
		mp := c.d.Contract.Appendix.Meetings
		if t := strings.TrimSpace(mp.Dissolution); t != "" {
			return "agreed for measures not on track: " + words.Shorten(t, 300)
		}
		if t := strings.TrimSpace(mp.Conflict); t != "" {
			return "agreed for resolving conflict: " + words.Shorten(t, 300) + " (nothing is written yet for measures not on track)"
		}
	}
	return "the supplement does not say yet what the parties do when measures are not on track (appendix item 7)"
}

// gap writes a difference of two values of the measure: in percentage
// points for a measure in %, so that it is not read as a share.
func gap(m contract.Measure, v float64) string {
	if strings.TrimSpace(m.Unit) == "%" {
		return contract.FormatValue(v, "") + " percentage points"
	}
	return m.Format(v)
}

// directionNote says, for evidence, that the direction was read from the
// targets rather than stated; it is empty when the direction was stated.
func directionNote(s *Series) string {
	dir, inferred := s.Direction()
	if !inferred {
		return ""
	}
	word := "higher"
	if dir == contract.Decrease {
		word = "lower"
	}
	return "direction: not stated; read from the targets as " + word + " is better"
}

// describePoint writes a value with its date and source.
func describePoint(m contract.Measure, p Point) string {
	s := m.Format(p.Value) + " on " + words.Day(p.Date)
	if src := strings.TrimSpace(p.Source()); src != "" {
		s += " (" + words.Shorten(src, 200) + ")"
	}
	return s
}

// describeTarget writes a point of the plan: "interim target: 40 teachers by January 31, 2018".
func describeTarget(m contract.Measure, t Target) string {
	if t.Kind == "baseline" {
		return "baseline: " + m.Format(t.Value) + " on " + words.Day(t.Date)
	}
	s := t.Kind + " target: " + m.Format(t.Value) + " by " + words.Day(t.Date)
	if txt := strings.TrimSpace(t.Text); txt != "" {
		s += " (" + words.Shorten(txt, 200) + ")"
	}
	return s
}

// chain writes values in order: "52 → 25 → 16 teachers". More than eight
// values show the first three and the last four.
func chain(m contract.Measure, pts []Point) string {
	if len(pts) == 0 {
		return ""
	}
	nums := make([]string, 0, min(len(pts), 8))
	for k, p := range pts {
		if len(pts) > 8 && k == 3 {
			nums = append(nums, "…")
		}
		if len(pts) > 8 && k >= 3 && k < len(pts)-4 {
			continue
		}
		nums = append(nums, contract.FormatValue(p.Value, ""))
	}
	last := m.Format(pts[len(pts)-1].Value)
	nums[len(nums)-1] = last
	return strings.Join(nums, " → ")
}

func formatMaybe(v *float64) string {
	if v == nil {
		return "no value"
	}
	return contract.FormatValue(*v, "")
}

// capitalize makes the first letter upper case, after an opening quote.
func capitalize(s string) string {
	for i, r := range s {
		if r == '“' {
			continue
		}
		if r >= 'a' && r <= 'z' {
			return s[:i] + string(r-'a'+'A') + s[i+1:]
		}
		return s
	}
	return s
}
