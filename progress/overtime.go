package progress

import (
	"fmt"
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

// MaxQuarters is the most quarters OverTime lists: ten years, the most
// recent ones, so that a mistyped year cannot make the view endless.
const MaxQuarters = 40

// Timeline is the partnership over time: quarter by quarter, the readiness
// rounds held, where each measure stood against its targets, the share of
// action items closed on time and who attended the meetings. It is the data
// the quarterly meeting looks at under "Clear metrics established".
type Timeline struct {
	// Name is the partnership's name, or empty.
	Name string
	// AsOf is the date the timeline runs to; empty when the data holds no date.
	AsOf partnership.Date
	// Quarters run oldest first, calendar quarters (January to March, ...).
	Quarters []Quarter
	// Measures are the supplement's measures with all their data as of AsOf,
	// for their charts, and Standings says where each stands then.
	Measures  []Series
	Standings []Standing
	// Findings are Check's findings as of AsOf.
	Findings []partnership.Finding
	// Notes say what the timeline had to leave out and why.
	Notes []string
}

// Quarter is one calendar quarter of the timeline, or a run of quiet ones.
type Quarter struct {
	Start, End partnership.Date
	// Label names the quarter as people say it: "July to September 2017";
	// for a quiet run, "July 2016 to June 2017".
	Label string
	// Quiet marks a run of quarters in which nothing was recorded or due:
	// no round, meeting, value, target or action item. It has no other data.
	Quiet     bool
	Readiness []RoundMeans
	Measures  []MeasureQuarter
	Actions   ActionTally
	Meetings  []Attendance
}

// RoundMeans is a readiness round held in the quarter: each team's mean per
// category.
type RoundMeans struct {
	Title string
	Date  partnership.Date
	Teams []TeamMeans
}

// TeamMeans is one team's means in a readiness round.
type TeamMeans struct {
	Team   string
	Raters int
	Means  []CategoryMean
}

// CategoryMean is a team's mean rating of one category; N is 0 when nobody
// rated it.
type CategoryMean struct {
	Category, Title string
	N               int
	Mean            float64
}

// MeasureQuarter is where one measure stood at the end of the quarter (or on
// AsOf, in the current quarter), with the values recorded during it.
type MeasureQuarter struct {
	// Measure is the index of the measure in the supplement and in Timeline.Measures.
	Measure  int
	Name     string
	Standing Standing
	Values   []Point
}

// ActionTally counts the action items due in a quarter.
type ActionTally struct {
	// Due is the number of items due in the quarter.
	Due int
	// OnTime were done by their due date; Late after it; Open are not done.
	OnTime, Late, Open int
	// Unknown were done, but neither their done date nor the meetings tell
	// whether before or after their due date.
	Unknown int
}

// OnTimeShare is the share of the items due that were done on time, and
// false when no item was due.
func (a ActionTally) OnTimeShare() (float64, bool) {
	if a.Due == 0 {
		return 0, false
	}
	return float64(a.OnTime) / float64(a.Due), true
}

// Attendance is who attended a meeting, by side. For a meeting not closed
// yet the counts are of the people expected.
type Attendance struct {
	Title  string
	Date   partnership.Date
	Closed bool
	// District, Partner and School count the attendees of each side.
	District, Partner, School int
}

// Missing returns the sides with nobody at the meeting, in the order district,
// partner, school.
func (a Attendance) Missing() []partnership.Side {
	var out []partnership.Side
	for _, x := range []struct {
		side partnership.Side
		n    int
	}{{partnership.DistrictSide, a.District}, {partnership.PartnerSide, a.Partner}, {partnership.SchoolSide, a.School}} {
		if x.n == 0 {
			out = append(out, x.side)
		}
	}
	return out
}

// OverTime gathers the partnership over time as of asOf (its date in its
// own location); a zero asOf means the data's LatestDate. Quarters in which
// nothing is recorded or due are gathered into quiet runs, so that a long
// pause shows as one line, and the quarter of asOf always shows. Each readiness
// round goes in the quarter of its date, each meeting in the quarter it
// starts, each action item in the quarter it is due (an item carried from
// meeting to meeting counts once, as its latest meeting records it), and each
// measure has a row in every quarter with its standing at the quarter's end.
//
// Whether an item was done on time comes from its done date; without one,
// from the meetings: done at a meeting held by its due date is on time, open
// at a meeting held after it is late.
func OverTime(d Data, asOf time.Time) Timeline {
	var t Timeline
	if d.Partnership != nil {
		t.Name = d.Partnership.Name
	}
	today, ok := d.asOfDay(asOf)
	if !ok {
		t.Notes = append(t.Notes, "Nothing is dated yet: the timeline starts with the first readiness round, meeting or recorded value.")
		return t
	}
	t.AsOf = dateOfDay(today)
	var measures []contract.Measure
	if d.Contract != nil {
		measures = d.Contract.Appendix.Measures
	}
	series, _ := group(measures, d.Observations)
	t.Measures = series
	for i := range series {
		t.Standings = append(t.Standings, series[i].standing(today))
	}
	t.Findings = Check(d, asOf)

	first := today
	seen := func(date partnership.Date) {
		if day, ok := dayOf(date); ok && day < first {
			first = day
		}
	}
	rounds := d.roundsByDay(&t)
	actions := d.actionFates()
	d.eachDate(rounds, series, actions, seen)
	busy := d.eventDays(today, rounds, series, actions)
	var quiet []span
	flush := func() {
		if len(quiet) == 0 {
			return
		}
		a, b := quiet[0], quiet[len(quiet)-1]
		t.Quarters = append(t.Quarters, Quarter{Start: dateOfDay(a.start), End: dateOfDay(b.end), Quiet: true,
			Label: monthYear(a.start) + " to " + monthYear(b.end)})
		quiet = quiet[:0]
	}
	qs := quarters(first, today)
	for i, q := range qs {
		k, _ := slices.BinarySearch(busy, q.start)
		if (k == len(busy) || busy[k] > q.end) && i < len(qs)-1 {
			quiet = append(quiet, q)
			continue
		}
		flush()
		t.Quarters = append(t.Quarters, d.quarter(q, today, rounds, series, actions))
	}
	if len(t.Quarters) > MaxQuarters {
		t.Notes = append(t.Notes, fmt.Sprintf("Only the last %d quarters are shown; the data goes back to %s.", MaxQuarters, words.Day(dateOfDay(first))))
		t.Quarters = t.Quarters[len(t.Quarters)-MaxQuarters:]
	}
	return t
}

// eventDays returns, sorted, the days on which something is recorded or
// planned: readiness rounds, meetings held by today, values recorded by
// today, the baselines and targets, and action items' due dates. A quarter
// without any is quiet.
func (d Data) eventDays(today int64, rounds []readiness.Round, series []Series, actions []fate) []int64 {
	var days []int64
	add := func(date partnership.Date) {
		if day, ok := dayOf(date); ok && day <= today {
			days = append(days, day)
		}
	}
	d.eachDate(rounds, series, actions, add)
	slices.Sort(days)
	return days
}

// eachDate calls fn with every date the timeline places: readiness rounds,
// the starts of meetings, recorded values, the baselines and targets (each
// measure's plan runs oldest first, so its baseline is its earliest date),
// and action items' due dates.
func (d Data) eachDate(rounds []readiness.Round, series []Series, actions []fate, fn func(partnership.Date)) {
	for _, r := range rounds {
		fn(partnership.Date(r.Date))
	}
	for _, m := range d.Meetings {
		if !m.Start.IsZero() {
			fn(partnership.DateOf(m.Start))
		}
	}
	for _, s := range series {
		for _, p := range s.Points {
			fn(p.Date)
		}
		for _, t := range s.Plan {
			fn(t.Date)
		}
	}
	for _, a := range actions {
		fn(a.due)
	}
}

// monthYear writes the month of a day as "July 2016".
func monthYear(day int64) string {
	t := time.Unix(day*secondsPerDay, 0).UTC()
	return t.Month().String() + " " + strconv.Itoa(t.Year())
}

// span is a quarter as day numbers, both ends included.
type span struct {
	start, end int64
	label      string
}

func (s span) holds(day int64) bool { return day >= s.start && day <= s.end }

// quarters returns the calendar quarters from the one holding first to the
// one holding last.
func quarters(first, last int64) []span {
	t := time.Unix(first*secondsPerDay, 0).UTC()
	q := time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	var out []span
	for {
		next := q.AddDate(0, 3, 0)
		s := span{
			start: floorDiv(q.Unix(), secondsPerDay),
			end:   floorDiv(next.Unix(), secondsPerDay) - 1,
			label: fmt.Sprintf("%s to %s %d", q.Month(), next.AddDate(0, -1, 0).Month(), q.Year()),
		}
		if s.start > last {
			return out
		}
		out = append(out, s)
		q = next
	}
}

// roundsByDay returns the readiness rounds with a valid date, by date, and
// notes the others.
func (d Data) roundsByDay(t *Timeline) []readiness.Round {
	var out []readiness.Round
	for _, r := range d.Readiness {
		if _, ok := dayOf(partnership.Date(r.Date)); !ok {
			t.Notes = append(t.Notes, fmt.Sprintf("The readiness round %q has no date, so it is not placed in a quarter.", r.Title))
			continue
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b readiness.Round) int { return strings.Compare(a.Date, b.Date) })
	return out
}

// fate is what became of one action item: when it was due and whether it
// was done on time.
type fate struct {
	due   partnership.Date
	state int // fateOpen, fateOnTime, fateLate, fateUnknown
}

const (
	fateOpen = iota
	fateOnTime
	fateLate
	fateUnknown
)

// actionFates follows every action item across the meetings, by its ID, and
// says what became of it.
func (d Data) actionFates() []fate {
	type seen struct {
		last      agenda.Action
		openAfter bool // open at a closed meeting held after its due date
		doneBy    bool // done at the first meeting that has it done, held on or before its due date
		done      bool // done at some meeting
	}
	meetings := slices.Clone(d.Meetings)
	slices.SortStableFunc(meetings, func(a, b agenda.Meeting) int { return a.Start.Compare(b.Start) })
	byID := make(map[string]*seen)
	var order []string
	for _, m := range meetings {
		for _, a := range m.Actions {
			if a.ID == "" {
				continue
			}
			s := byID[a.ID]
			if s == nil {
				s = &seen{}
				byID[a.ID] = s
				order = append(order, a.ID)
			}
			s.last = a
			due, ok := dayOf(a.Due)
			start, _ := dayOf(partnership.DateOf(m.Start))
			if a.IsOpen() {
				s.openAfter = s.openAfter || ok && m.Closed && start > due
			} else if !s.done {
				s.done = true
				s.doneBy = ok && start <= due
			}
		}
	}
	out := make([]fate, 0, len(order))
	for _, id := range order {
		s := byID[id]
		a := s.last
		f := fate{due: a.Due}
		due, ok := dayOf(a.Due)
		switch {
		case !ok:
			continue // no due date: nothing to be on time for
		case a.IsOpen():
			f.state = fateOpen
		default:
			if done, ok := dayOf(a.DoneOn); ok {
				f.state = fateLate
				if done <= due {
					f.state = fateOnTime
				}
				break
			}
			switch {
			case s.openAfter:
				f.state = fateLate
			case s.doneBy:
				f.state = fateOnTime
			default:
				f.state = fateUnknown
			}
		}
		out = append(out, f)
	}
	return out
}

// quarter fills one quarter of the timeline.
func (d Data) quarter(q span, today int64, rounds []readiness.Round, series []Series, actions []fate) Quarter {
	out := Quarter{Start: dateOfDay(q.start), End: dateOfDay(q.end), Label: q.label}
	for _, r := range rounds {
		day, _ := dayOf(partnership.Date(r.Date))
		if !q.holds(day) {
			continue
		}
		rm := RoundMeans{Title: r.Title, Date: partnership.Date(r.Date)}
		if rep, err := r.Summarize(); err == nil {
			for _, tm := range rep.Teams {
				tmm := TeamMeans{Team: tm.Team, Raters: tm.Raters}
				for _, c := range tm.Categories {
					tmm.Means = append(tmm.Means, CategoryMean{Category: c.CategoryID, Title: c.Title, N: c.N, Mean: c.Mean})
				}
				rm.Teams = append(rm.Teams, tmm)
			}
		}
		out.Readiness = append(out.Readiness, rm)
	}
	end := min(q.end, today)
	for i := range series {
		s := &series[i]
		if s.Measure.ID == "" && strings.TrimSpace(s.Measure.Name) == "" {
			continue
		}
		mq := MeasureQuarter{Measure: i, Name: s.Measure.Name, Standing: s.standing(end)}
		for _, p := range s.Points {
			if q.holds(p.day) && p.day <= today {
				mq.Values = append(mq.Values, p)
			}
		}
		out.Measures = append(out.Measures, mq)
	}
	for _, a := range actions {
		day, _ := dayOf(a.due)
		if !q.holds(day) {
			continue
		}
		out.Actions.Due++
		switch a.state {
		case fateOnTime:
			out.Actions.OnTime++
		case fateLate:
			out.Actions.Late++
		case fateUnknown:
			out.Actions.Unknown++
		default:
			out.Actions.Open++
		}
	}
	meetings := slices.Clone(d.Meetings)
	slices.SortStableFunc(meetings, func(a, b agenda.Meeting) int { return a.Start.Compare(b.Start) })
	for _, m := range meetings {
		if m.Start.IsZero() {
			continue
		}
		date := partnership.DateOf(m.Start)
		day, _ := dayOf(date)
		if !q.holds(day) || day > today {
			continue
		}
		at := Attendance{Title: m.Title, Date: date, Closed: m.Closed}
		for _, a := range m.Attendees {
			switch a.Side {
			case partnership.DistrictSide:
				at.District++
			case partnership.PartnerSide:
				at.Partner++
			case partnership.SchoolSide:
				at.School++
			}
		}
		out.Meetings = append(out.Meetings, at)
	}
	return out
}

// group returns the series of every measure, in the supplement's order, with
// each observation put with its measure in one pass, and the indices of the
// observations whose measure the supplement lacks, by measure ID.
func group(ms []contract.Measure, obs []Observation) ([]Series, map[string][]int) {
	byID := make(map[string]int, len(ms))
	for i, m := range ms {
		if _, dup := byID[m.ID]; m.ID != "" && !dup {
			byID[m.ID] = i
		}
	}
	// Count first, so that all series share one allocation of points.
	counts := make([]int, len(ms))
	var unknown map[string][]int
	for i := range obs {
		o := &obs[i]
		if k, ok := byID[o.Measure]; ok {
			counts[k]++
			continue
		}
		if o.Measure == "" {
			continue
		}
		if unknown == nil {
			unknown = make(map[string][]int)
		}
		unknown[o.Measure] = append(unknown[o.Measure], i)
	}
	out := make([]Series, len(ms))
	slab := make([]Point, 0, len(obs))
	for i, m := range ms {
		n := len(slab)
		out[i].Measure = m
		out[i].Points = slab[n : n : n+counts[i]]
		slab = slab[:n+counts[i]]
	}
	for i := range obs {
		if k, ok := byID[obs[i].Measure]; ok {
			out[k].add(i, &obs[i])
		}
	}
	for i := range out {
		out[i].finish()
	}
	return out, unknown
}
