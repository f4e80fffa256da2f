package partnership

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Conflict is a run of consecutive weeks in which initiatives ask one
// audience at one or more schools for more time than it has, or in which two
// or more organisations ask the same audience for time in the same week.
// Within the run the same initiatives ask for the same hours every week.
//
// A week runs Monday to Sunday; a demand that covers any day of a week counts
// for that whole week.
type Conflict struct {
	// Audience is the audience as first written in the file ("teachers").
	Audience string `json:"audience"`
	// Schools are the IDs of the schools where the same conflict happens, in
	// the order of the partnership's schools; empty when the partnership has
	// no schools and the demands are district-wide.
	Schools []string `json:"schools,omitempty"`
	// From and To are the Mondays of the first and the last week.
	From Date `json:"from"`
	To   Date `json:"to"`
	// Weeks is the number of weeks from From to To.
	Weeks int `json:"weeks"`
	// Demanded is the time asked each week, in hours.
	Demanded float64 `json:"demanded"`
	// Available is the audience's capacity in hours a week; meaningful only
	// when HasCapacity is true.
	Available   float64 `json:"available"`
	HasCapacity bool    `json:"hasCapacity"`
	// Shares are the initiatives asking for time, most hours first.
	Shares []Share `json:"shares"`
	// Owners are the IDs of the organisations running those initiatives, in
	// the order of Shares.
	Owners []string `json:"owners"`
}

// Share is the time one initiative asks of the audience each week.
type Share struct {
	// Initiative is the index of the initiative in Partnership.Initiatives.
	Initiative int     `json:"initiative"`
	Hours      float64 `json:"hours"`
}

// Over reports whether more time is asked than the audience has.
func (c Conflict) Over() bool { return c.HasCapacity && c.Demanded > c.Available }

// Conflicts finds where initiatives compete for the same people's time: for
// every audience (compared without regard to case or surrounding spaces) at
// every school, and every week, it adds up the hours per week of the demands
// that cover that week. A demand with no schools applies at every school; it
// is counted district-wide instead when the partnership names no schools or
// no demand on that audience names one (an audience such as "district
// leaders" that is not tied to schools). Consecutive weeks with
// the same initiatives asking the same hours make one Conflict, and schools
// with exactly the same conflict are reported together.
//
// Demands whose dates are not valid, that end before they start, or whose
// hours are not more than 0 and at most 168 are left out: Validate reports
// them. Conflicts runs in O(n log n) for n demand-school pairs, plus the size
// of what it returns: it sorts the weeks where demands start and end and
// sweeps over them, never over every week.
func Conflicts(p *Partnership) []Conflict {
	if p == nil {
		return nil
	}
	s := newSweep(p)
	s.collect()
	s.run()
	return s.merge()
}

// centi is a number of hundredths of an hour: sums of them are exact.
type centi = int64

func toCenti(h float64) centi { return centi(math.Round(h * 100)) }

func fromCenti(c centi) float64 { return float64(c) / 100 }

// formatHours writes hours without trailing zeros: 30, 4.5, 0.25.
func formatHours(h float64) string { return strconv.FormatFloat(h, 'f', -1, 64) }

// weekOf returns the number of the week holding t, counted in Mondays from
// the Monday 1970-01-05.
func weekOf(t time.Time) int64 {
	return floorDiv(floorDiv(t.Unix(), 86400)-4, 7)
}

// mondayOf returns the Monday that starts week w.
func mondayOf(w int64) Date {
	return DateOf(time.Unix((w*7+4)*86400, 0).UTC())
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func normAudience(a string) string { return strings.ToLower(strings.TrimSpace(a)) }

// event is a demand starting (delta > 0) or ending (delta < 0) at the start
// of a week, for one audience at one school.
type event struct {
	key   int64 // audience index * (schools + 1) + school index + 1; 0 as school part means district-wide
	week  int64
	init  int32
	delta centi
}

// found is one run of weeks with a conflict at one key, before schools are merged.
type found struct {
	key, from, to int64
	sig           uint64
	total         centi
	n             int
	over          bool
	shares        []Share
	owners        []string
}

type sweep struct {
	p *Partnership

	audIndex map[string]int
	audName  []string
	capacity []centi // by audience index; -1 when not given
	bySchool []bool  // by audience index: some demand names schools
	schIndex map[string]int
	schID    []string
	stride   int64

	ownerOf []int32 // by initiative
	owners  []string

	events []event
	found  []found

	// sweep state, reused from key to key
	hours    []centi
	count    []int32
	pos      []int32
	active   []int32
	ownerCnt []int32
}

func newSweep(p *Partnership) *sweep {
	s := &sweep{p: p, audIndex: make(map[string]int), schIndex: make(map[string]int)}
	for _, x := range p.Schools {
		s.addSchool(x.ID)
	}
	ownerIndex := make(map[string]int32)
	s.ownerOf = make([]int32, len(p.Initiatives))
	for i, in := range p.Initiatives {
		o, ok := ownerIndex[in.Owner]
		if !ok {
			o = int32(len(s.owners))
			ownerIndex[in.Owner] = o
			s.owners = append(s.owners, in.Owner)
		}
		s.ownerOf[i] = o
		for _, d := range in.Demands {
			a := s.audience(d.Audience)
			for _, id := range d.Schools {
				s.addSchool(id)
				s.bySchool[a] = true
			}
		}
	}
	return s
}

func (s *sweep) addSchool(id string) {
	if _, ok := s.schIndex[id]; !ok {
		s.schIndex[id] = len(s.schID)
		s.schID = append(s.schID, id)
	}
}

func (s *sweep) audience(name string) int {
	k := normAudience(name)
	i, ok := s.audIndex[k]
	if !ok {
		i = len(s.audName)
		s.audIndex[k] = i
		s.audName = append(s.audName, strings.TrimSpace(name))
		s.capacity = append(s.capacity, -1)
		s.bySchool = append(s.bySchool, false)
	}
	return i
}

// collect turns every usable demand into start and end events.
func (s *sweep) collect() {
	p := s.p
	s.stride = int64(len(s.schID)) + 1
	stamp := make([]int, len(s.schID)) // demand serial that last used each school
	serial := 0
	// Size the events once: at most two for each demand at each school.
	n := 0
	for _, in := range p.Initiatives {
		for _, d := range in.Demands {
			switch {
			case len(d.Schools) > 0:
				n += 2 * len(d.Schools)
			case len(s.schID) == 0:
				n += 2
			default:
				n += 2 * len(s.schID)
			}
		}
	}
	s.events = make([]event, 0, n)
	for i, in := range p.Initiatives {
		for _, d := range in.Demands {
			if !(d.HoursPerWeek > 0 && d.HoursPerWeek <= 168) || normAudience(d.Audience) == "" {
				continue
			}
			st, ok1 := d.Start.Time()
			en, ok2 := d.End.Time()
			if !ok1 || !ok2 || en.Before(st) {
				continue
			}
			h := toCenti(d.HoursPerWeek)
			if h <= 0 {
				continue
			}
			a := int64(s.audience(d.Audience))
			from, to := weekOf(st), weekOf(en)+1
			add := func(school int64) {
				k := a*s.stride + school
				s.events = append(s.events,
					event{key: k, week: from, init: int32(i), delta: h},
					event{key: k, week: to, init: int32(i), delta: -h})
			}
			serial++
			switch {
			case len(d.Schools) > 0:
				for _, id := range d.Schools {
					x := s.schIndex[id]
					if stamp[x] == serial {
						continue // a school listed twice counts once
					}
					stamp[x] = serial
					add(int64(x) + 1)
				}
			case len(s.schID) == 0 || !s.bySchool[a]:
				add(0)
			default:
				for x := range s.schID {
					add(int64(x) + 1)
				}
			}
		}
	}
	for _, c := range p.Capacity {
		if !(c.HoursPerWeek >= 0 && c.HoursPerWeek <= 168) || normAudience(c.Audience) == "" {
			continue
		}
		if i, ok := s.audIndex[normAudience(c.Audience)]; ok && s.capacity[i] < 0 {
			s.capacity[i] = toCenti(c.HoursPerWeek)
		}
	}
}

// run sorts the events and sweeps over each key's weeks.
func (s *sweep) run() {
	slices.SortFunc(s.events, func(a, b event) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.week, b.week)
	})
	n := len(s.p.Initiatives)
	s.hours = make([]centi, n)
	s.count = make([]int32, n)
	s.pos = make([]int32, n)
	s.ownerCnt = make([]int32, len(s.owners))
	for lo := 0; lo < len(s.events); {
		hi := lo
		for hi < len(s.events) && s.events[hi].key == s.events[lo].key {
			hi++
		}
		s.sweepKey(s.events[lo:hi])
		lo = hi
	}
}

func (s *sweep) sweepKey(evs []event) {
	key := evs[0].key
	capc := s.capacity[key/s.stride]
	var (
		total    centi
		sig      uint64
		distinct int
		pending  *found
	)
	flush := func() {
		if pending != nil {
			s.found = append(s.found, *pending)
			pending = nil
		}
	}
	for lo := 0; lo < len(evs); {
		week := evs[lo].week
		hi := lo
		for ; hi < len(evs) && evs[hi].week == week; hi++ {
			e := evs[hi]
			i := e.init
			old := s.hours[i]
			if e.delta > 0 {
				if s.count[i] == 0 {
					s.pos[i] = int32(len(s.active))
					s.active = append(s.active, i)
					if s.ownerCnt[s.ownerOf[i]]++; s.ownerCnt[s.ownerOf[i]] == 1 {
						distinct++
					}
				}
				s.count[i]++
			} else {
				s.count[i]--
				if s.count[i] == 0 {
					last := s.active[len(s.active)-1]
					s.active[s.pos[i]] = last
					s.pos[last] = s.pos[i]
					s.active = s.active[:len(s.active)-1]
					if s.ownerCnt[s.ownerOf[i]]--; s.ownerCnt[s.ownerOf[i]] == 0 {
						distinct--
					}
				}
			}
			s.hours[i] += e.delta
			total += e.delta
			sig += mix(i, s.hours[i]) - mix(i, old)
		}
		lo = hi
		if len(s.active) == 0 || lo == len(evs) {
			flush()
			continue
		}
		end := evs[lo].week - 1 // the state holds until the next boundary
		over := capc >= 0 && total > capc
		if !over && distinct < 2 {
			flush()
			continue
		}
		if pending != nil && pending.to+1 == week && pending.sig == sig && pending.total == total &&
			pending.n == len(s.active) && pending.over == over && s.same(pending.shares) {
			pending.to = end
			continue
		}
		flush()
		pending = &found{key: key, from: week, to: end, sig: sig, total: total, n: len(s.active), over: over}
		s.snapshot(pending)
	}
	flush()
}

// same reports whether the initiatives active now ask exactly the hours of
// shares (the caller has checked that the counts are equal). The signature
// has already matched, so this costs no more than a new snapshot would.
func (s *sweep) same(shares []Share) bool {
	for _, sh := range shares {
		if s.count[sh.Initiative] == 0 || s.hours[sh.Initiative] != toCenti(sh.Hours) {
			return false
		}
	}
	return true
}

// snapshot records the initiatives active now, most hours first.
func (s *sweep) snapshot(f *found) {
	f.shares = make([]Share, len(s.active))
	for k, i := range s.active {
		f.shares[k] = Share{Initiative: int(i), Hours: fromCenti(s.hours[i])}
	}
	slices.SortFunc(f.shares, func(a, b Share) int {
		return cmp.Or(cmp.Compare(b.Hours, a.Hours), cmp.Compare(a.Initiative, b.Initiative))
	})
	seen := make(map[string]bool, len(f.shares))
	for _, sh := range f.shares {
		o := s.p.Initiatives[sh.Initiative].Owner
		if !seen[o] {
			seen[o] = true
			f.owners = append(f.owners, o)
		}
	}
}

// mix spreads one initiative's hours over 64 bits, so that the sum of mix
// over the active initiatives is a signature of the set and its hours that
// is updated in constant time; an initiative with no hours contributes
// nothing. Equal signatures are confirmed with same.
func mix(i int32, h centi) uint64 {
	if h == 0 {
		return 0
	}
	x := uint64(uint32(i))<<40 ^ uint64(h)
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// merge turns the runs found per key into Conflicts, joining schools where
// the same initiatives ask the same hours over the same weeks.
func (s *sweep) merge() []Conflict {
	type groupKey struct {
		aud      int64
		from, to int64
		sig      uint64
		total    centi
		n        int
	}
	index := make(map[groupKey]int, len(s.found))
	out := make([]Conflict, 0, len(s.found))
	for _, f := range s.found {
		aud := f.key / s.stride
		school := f.key%s.stride - 1
		gk := groupKey{aud: aud, from: f.from, to: f.to, sig: f.sig, total: f.total, n: f.n}
		if k, ok := index[gk]; ok && school >= 0 && sameShares(out[k].Shares, f.shares) {
			out[k].Schools = append(out[k].Schools, s.schID[school])
			continue
		}
		c := Conflict{
			Audience: s.audName[aud],
			From:     mondayOf(f.from),
			To:       mondayOf(f.to),
			Weeks:    int(f.to - f.from + 1),
			Demanded: fromCenti(f.total),
			Shares:   f.shares,
			Owners:   f.owners,
		}
		if capc := s.capacity[aud]; capc >= 0 {
			c.Available, c.HasCapacity = fromCenti(capc), true
		}
		if school >= 0 {
			c.Schools = []string{s.schID[school]}
		}
		index[gk] = len(out)
		out = append(out, c)
	}
	return out
}

func sameShares(a, b []Share) bool { return slices.Equal(a, b) }
