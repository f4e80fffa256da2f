package progress

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

// Point is one observation of a measure, placed in time.
type Point struct {
	Date  partnership.Date
	Value float64
	// Index is the observation's position in the list it came from, such as
	// the workspace's observations.
	Index int
	// Observation is that observation, with its source, note and who
	// recorded it; it points into the list, which must not change while
	// the series is in use.
	Observation *Observation
	day         int64
}

// Source returns where the value comes from, as recorded.
func (p Point) Source() string {
	if p.Observation == nil {
		return ""
	}
	return p.Observation.Source
}

// Target is a point of a measure's planned line: its baseline, or its
// interim or final target as a number with its date.
type Target struct {
	// Kind is "baseline", "interim" or "final".
	Kind  string
	Date  partnership.Date
	Value float64
	// Text is the target as the parties wrote it; empty for the baseline.
	Text string
	day  int64
}

// Label names the target for people: "the baseline", "the interim target",
// "the final target".
func (t Target) Label() string {
	if t.Kind == "baseline" {
		return "the baseline"
	}
	return "the " + t.Kind + " target"
}

// Series is one measure's data in time order beside its planned line.
type Series struct {
	Measure contract.Measure
	// Points are the measure's valid observations by date; observations of
	// the same date keep the order in which they were recorded, so the last
	// of them is the one that counts.
	Points []Point
	// Plan is the planned line: the baseline, then the interim and the final
	// target that have a value and a date, each later than the one before.
	// It is empty when the measure has no complete baseline: a line needs a
	// starting point.
	Plan []Target
}

// SeriesOf returns the series of measure m from a list of observations,
// such as the workspace's: the observations of m's ID whose date and value
// are valid. Observations of other measures are skipped.
func SeriesOf(m contract.Measure, obs []Observation) Series {
	s := Series{Measure: m}
	if m.ID != "" {
		for i := range obs {
			if obs[i].Measure == m.ID {
				s.add(i, &obs[i])
			}
		}
	}
	s.finish()
	return s
}

// add appends observation i when its date and value are valid.
func (s *Series) add(i int, o *Observation) {
	if o.Value == nil || math.IsNaN(*o.Value) || math.IsInf(*o.Value, 0) {
		return
	}
	d, ok := dayOf(o.Date)
	if !ok {
		return
	}
	s.Points = append(s.Points, Point{Date: o.Date, Value: *o.Value, Index: i, Observation: o, day: d})
}

// finish sorts the points and builds the plan.
func (s *Series) finish() {
	// Day, then position in the list: a total order, so the faster unstable
	// sort gives the same result as a stable one.
	slices.SortFunc(s.Points, func(a, b Point) int {
		if c := cmp.Compare(a.day, b.day); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	m := s.Measure
	b, ok := dayOf(m.Baseline.Date)
	if m.Baseline.Value == nil || !ok {
		return
	}
	s.Plan = append(s.Plan, Target{Kind: "baseline", Date: m.Baseline.Date, Value: *m.Baseline.Value, day: b})
	for _, c := range []struct {
		kind string
		cp   contract.Checkpoint
	}{{"interim", m.Interim}, {"final", m.Final}} {
		d, ok := dayOf(c.cp.Due)
		if c.cp.Value == nil || !ok || d <= s.Plan[len(s.Plan)-1].day {
			continue
		}
		s.Plan = append(s.Plan, Target{Kind: c.kind, Date: c.cp.Due, Value: *c.cp.Value, Text: c.cp.Target, day: d})
	}
	if len(s.Plan) < 2 {
		s.Plan = nil
	}
}

// Direction returns the way the measure should move: as stated, or else as
// its plan goes (up from the baseline to the first target that differs from
// it is increase). inferred is true when the direction was not stated; the
// direction is empty when it is neither stated nor to be read from the plan.
func (s Series) Direction() (d contract.Direction, inferred bool) {
	if s.Measure.Direction == contract.Increase || s.Measure.Direction == contract.Decrease {
		return s.Measure.Direction, false
	}
	for _, t := range s.Plan[min(1, len(s.Plan)):] {
		switch {
		case t.Value > s.Plan[0].Value:
			return contract.Increase, true
		case t.Value < s.Plan[0].Value:
			return contract.Decrease, true
		}
	}
	return "", false
}

// Expected returns the value the planned line passes on date d, and false
// when d is before the baseline or after the last target.
func (s Series) Expected(d partnership.Date) (float64, bool) {
	day, ok := dayOf(d)
	if !ok {
		return 0, false
	}
	v, _, ok := s.expected(day)
	return v, ok
}

// expected returns the line's value on day and the index in Plan of the
// target the segment leads to.
func (s Series) expected(day int64) (float64, int, bool) {
	if len(s.Plan) < 2 || day < s.Plan[0].day || day > s.Plan[len(s.Plan)-1].day {
		return 0, 0, false
	}
	for i := 1; i < len(s.Plan); i++ {
		a, b := s.Plan[i-1], s.Plan[i]
		if day <= b.day {
			f := float64(day-a.day) / float64(b.day-a.day)
			return a.Value + f*(b.Value-a.Value), i, true
		}
	}
	return 0, 0, false // not reached: day is at most the last target's
}

// latest returns the index of the last point on or before day, or -1.
func (s Series) latest(day int64) int {
	i, _ := slices.BinarySearchFunc(s.Points, day+1, func(p Point, d int64) int { return cmp.Compare(p.day, d) })
	return i - 1
}

// State is where a measure stands on a date.
type State string

// The states of a measure.
const (
	// NotMeasurable: the measure has no planned line (no complete baseline, or
	// no numeric target with a date), or no direction can be told.
	NotMeasurable State = "not-measurable"
	// NoData: no value recorded since the baseline.
	NoData State = "no-data"
	// OnTrack: the latest value is on or ahead of the planned line.
	OnTrack State = "on-track"
	// Behind: the latest value is behind the planned line by more than BehindShare.
	Behind State = "behind"
	// Met: after the last target's date, the latest value meets it.
	Met State = "met"
	// NotMet: after the last target's date, the latest value does not meet it.
	NotMet State = "not-met"
)

// Standing is where a measure stands on a date: its latest value by then
// against the planned line.
type Standing struct {
	State State
	// Latest is the last value recorded on or before the date; HasLatest
	// says whether there is one.
	Latest    Point
	HasLatest bool
	// Expected is the planned line's value on the latest value's date (or
	// the last target's value after it); HasExpected says whether there is one.
	Expected    float64
	HasExpected bool
	// Gap is how far the latest value is behind Expected, in the measure's
	// unit: positive when behind, negative when ahead.
	Gap float64
	// Toward is the target the line leads to at the latest value's date.
	Toward Target
}

// BehindShare is how far behind its planned line a value may be and still
// count as on track: 5% of the value the line expects, or of the change the
// line plans between its two targets when that is larger. So a count one
// short of a large expected figure, or of a small step of a long climb, is
// not called behind.
const BehindShare = 0.05

// StandingAt returns where the measure stands on date d, judging its latest
// value on or before d against the planned line.
func (s Series) StandingAt(d partnership.Date) Standing {
	day, ok := dayOf(d)
	if !ok {
		return Standing{State: NoData}
	}
	return s.standing(day)
}

func (s Series) standing(day int64) Standing {
	var st Standing
	if i := s.latest(day); i >= 0 {
		st.Latest, st.HasLatest = s.Points[i], true
	}
	dir, _ := s.Direction()
	switch {
	case len(s.Plan) < 2 || dir == "":
		st.State = NotMeasurable
		return st
	case !st.HasLatest || st.Latest.day < s.Plan[0].day:
		st.State = NoData
		st.HasLatest = st.HasLatest && st.Latest.day >= s.Plan[0].day
		return st
	}
	last := s.Plan[len(s.Plan)-1]
	if st.Latest.day > last.day {
		st.Expected, st.HasExpected, st.Toward = last.Value, true, last
		st.Gap = shortfall(dir, st.Latest.Value, last.Value)
		st.State = NotMet
		if st.Gap <= 0 {
			st.State = Met
		}
		return st
	}
	v, to, _ := s.expected(st.Latest.day)
	st.Expected, st.HasExpected, st.Toward = v, true, s.Plan[to]
	st.Gap = shortfall(dir, st.Latest.Value, v)
	st.State = OnTrack
	if behind(st.Gap, v, s.Plan[to].Value-s.Plan[to-1].Value) {
		st.State = Behind
	}
	return st
}

// shortfall is how far value v falls short of want in direction dir:
// positive when short, negative when beyond.
func shortfall(dir contract.Direction, v, want float64) float64 {
	if dir == contract.Decrease {
		return v - want
	}
	return want - v
}

// behind reports whether a shortfall counts as behind the expected value,
// on a segment of the line that plans the given change.
func behind(gap, expected, change float64) bool {
	return gap > 1e-9 && gap > BehindShare*math.Max(math.Abs(expected), math.Abs(change))
}

// met reports whether value v meets target want in direction dir.
func met(dir contract.Direction, v, want float64) bool {
	return shortfall(dir, v, want) <= 1e-9
}

// secondsPerDay turns Unix times into day numbers, counted from 1970-01-01.
const secondsPerDay = 86400

// dayOf returns the day number of a date, and false when it is not a date.
func dayOf(d partnership.Date) (int64, bool) {
	t, ok := d.Time()
	if !ok {
		return 0, false
	}
	return floorDiv(t.Unix(), secondsPerDay), true
}

// dateOfDay returns the date of a day number.
func dateOfDay(day int64) partnership.Date {
	return partnership.DateOf(time.Unix(day*secondsPerDay, 0).UTC())
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
