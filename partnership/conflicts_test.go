package partnership

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// twoSchools is a small partnership to add initiatives to.
func twoSchools() *Partnership {
	return &Partnership{
		Name:     "Test",
		District: Org{ID: "d", Name: "District"},
		Partners: []Partner{{ID: "p", Name: "Partner", Approach: CoDesign}},
		Schools:  []School{{ID: "a", Name: "Adams"}, {ID: "b", Name: "Baker"}},
		Capacity: []Capacity{{Audience: "teachers", HoursPerWeek: 10}},
	}
}

func demand(aud, start, end string, hours float64, schools ...string) Demand {
	return Demand{Audience: aud, Start: Date(start), End: Date(end), HoursPerWeek: hours, Schools: schools}
}

func initiative(id, owner string, ds ...Demand) Initiative {
	return Initiative{ID: id, Name: strings.ToUpper(id[:1]) + id[1:], Owner: owner, Demands: ds}
}

func TestWeekOf(t *testing.T) {
	for _, tc := range []struct {
		date, monday string
	}{
		{"2017-06-19", "2017-06-19"}, // a Monday
		{"2017-06-25", "2017-06-19"}, // the Sunday after
		{"2017-06-26", "2017-06-26"},
		{"1970-01-01", "1969-12-29"}, // a Thursday, before the first counted Monday
		{"1900-03-01", "1900-02-26"},
		{"0001-01-01", "0001-01-01"},
		{"9999-12-31", "9999-12-27"},
	} {
		d, ok := Date(tc.date).Time()
		require.True(t, ok, tc.date)
		assert.Equal(t, Date(tc.monday), mondayOf(weekOf(d)), tc.date)
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name        string
		initiatives []Initiative
		capacity    []Capacity
		schools     []School // replaces the two schools when set
		want        []string // ConflictSummary of each conflict, in order
		over        []bool
	}{
		{
			name: "within capacity and one owner is no conflict",
			initiatives: []Initiative{
				initiative("x", "d", demand("teachers", "2017-06-19", "2017-06-30", 6)),
				initiative("y", "d", demand("teachers", "2017-06-19", "2017-06-23", 4)),
			},
		},
		{
			name: "over capacity at both schools is reported once for both",
			initiatives: []Initiative{
				initiative("pbl", "p", demand("teachers", "2017-06-19", "2017-06-23", 30)),
				initiative("summer", "d", demand("teachers", "2017-06-19", "2017-07-28", 4)),
			},
			want: []string{"teachers across the district, week of June 19, 2017: 34 h demanded, 10 h available — Pbl 30 h, Summer 4 h"},
			over: []bool{true},
		},
		{
			name: "a district-wide demand counts at every school once any demand names schools, and equal conflicts share one report",
			initiatives: []Initiative{
				initiative("pbl", "p", demand("teachers", "2017-06-19", "2017-06-23", 30, "a", "b")),
				initiative("summer", "d", demand("teachers", "2017-06-19", "2017-07-28", 4)),
			},
			want: []string{"teachers at Adams and Baker, week of June 19, 2017: 34 h demanded, 10 h available — Pbl 30 h, Summer 4 h"},
			over: []bool{true},
		},
		{
			name: "a demand at one school counts only there",
			initiatives: []Initiative{
				initiative("pbl", "p", demand("teachers", "2017-06-19", "2017-06-23", 30, "a")),
				initiative("summer", "d", demand("teachers", "2017-06-19", "2017-07-28", 4)),
			},
			want: []string{"teachers at Adams, week of June 19, 2017: 34 h demanded, 10 h available — Pbl 30 h, Summer 4 h"},
			over: []bool{true},
		},
		{
			name: "consecutive weeks with the same demands make one conflict",
			initiatives: []Initiative{
				initiative("pd", "p", demand("teachers", "2017-06-19", "2017-07-28", 8, "b")),
				initiative("summer", "d", demand("teachers", "2017-06-21", "2017-07-26", 4, "b")),
			},
			want: []string{"teachers at Baker, weeks of June 19, 2017 to July 24, 2017 (6 weeks): 12 h demanded, 10 h available — Pd 8 h, Summer 4 h"},
			over: []bool{true},
		},
		{
			name: "a demand ending on Sunday does not reach the next week; one starting on Sunday counts for its week",
			initiatives: []Initiative{
				initiative("x", "p", demand("teachers", "2017-06-19", "2017-06-25", 8, "a")),
				initiative("y", "d", demand("teachers", "2017-06-25", "2017-07-02", 4, "a")),
			},
			want: []string{"teachers at Adams, week of June 19, 2017: 12 h demanded, 10 h available — X 8 h, Y 4 h"},
			over: []bool{true},
		},
		{
			name: "two owners within capacity is a competing conflict",
			initiatives: []Initiative{
				initiative("x", "p", demand("teachers", "2017-10-02", "2017-10-03", 7, "a")),
				initiative("y", "d", demand("teachers", "2017-09-04", "2017-10-27", 3, "a")),
			},
			want: []string{"teachers at Adams, week of October 2, 2017: 10 h demanded, 10 h available — X 7 h, Y 3 h"},
			over: []bool{false},
		},
		{
			name: "hours change mid-run split the run, and the evidence says each week's hours",
			initiatives: []Initiative{
				initiative("x", "d",
					demand("teachers", "2018-01-08", "2018-01-19", 6, "a"),
					demand("teachers", "2018-01-22", "2018-02-02", 8, "a")),
				initiative("y", "d", demand("teachers", "2018-01-08", "2018-02-02", 5, "a")),
			},
			want: []string{
				"teachers at Adams, weeks of January 8, 2018 to January 15, 2018 (2 weeks): 11 h demanded, 10 h available — X 6 h, Y 5 h",
				"teachers at Adams, weeks of January 22, 2018 to January 29, 2018 (2 weeks): 13 h demanded, 10 h available — X 8 h, Y 5 h",
			},
			over: []bool{true, true},
		},
		{
			name: "two demands of one initiative that abut with the same hours stay one run",
			initiatives: []Initiative{
				initiative("x", "d",
					demand("teachers", "2018-01-08", "2018-01-19", 6, "a"),
					demand("teachers", "2018-01-22", "2018-02-02", 6, "a")),
				initiative("y", "d", demand("teachers", "2018-01-08", "2018-02-02", 5, "a")),
			},
			want: []string{"teachers at Adams, weeks of January 8, 2018 to January 29, 2018 (4 weeks): 11 h demanded, 10 h available — X 6 h, Y 5 h"},
			over: []bool{true},
		},
		{
			name: "audiences compare without case or spaces",
			initiatives: []Initiative{
				initiative("x", "p", demand(" Teachers", "2017-06-19", "2017-06-23", 8, "a")),
				initiative("y", "d", demand("TEACHERS ", "2017-06-19", "2017-06-23", 4, "a")),
			},
			want: []string{"Teachers at Adams, week of June 19, 2017: 12 h demanded, 10 h available — X 8 h, Y 4 h"},
			over: []bool{true},
		},
		{
			name: "an audience without capacity only has competing conflicts",
			initiatives: []Initiative{
				initiative("x", "p", demand("coaches", "2017-06-19", "2017-06-23", 80)),
				initiative("y", "d", demand("coaches", "2017-06-19", "2017-06-23", 80)),
			},
			want: []string{"coaches across the district, week of June 19, 2017: 160 h demanded, no capacity given — X 80 h, Y 80 h"},
			over: []bool{false},
		},
		{
			name:    "no schools at all means district-wide",
			schools: []School{},
			initiatives: []Initiative{
				initiative("x", "p", demand("teachers", "2017-06-19", "2017-06-23", 8)),
				initiative("y", "d", demand("teachers", "2017-06-19", "2017-06-23", 4)),
			},
			want: []string{"teachers across the district, week of June 19, 2017: 12 h demanded, 10 h available — X 8 h, Y 4 h"},
			over: []bool{true},
		},
		{
			name: "invalid demands are left out, and a school listed twice counts once",
			initiatives: []Initiative{
				initiative("x", "p",
					demand("teachers", "2017-06-19", "2017-06-23", 8, "a", "a"),
					demand("teachers", "2017-06-31", "2017-07-02", 50, "a"), // no such date
					demand("teachers", "2017-07-02", "2017-06-19", 50, "a"), // ends before it starts
					demand("teachers", "2017-06-19", "2017-06-23", -5, "a"),
					demand("teachers", "2017-06-19", "2017-06-23", 500, "a"),
					demand("", "2017-06-19", "2017-06-23", 50, "a")),
				initiative("y", "d", demand("teachers", "2017-06-19", "2017-06-23", 4, "a")),
			},
			want: []string{"teachers at Adams, week of June 19, 2017: 12 h demanded, 10 h available — X 8 h, Y 4 h"},
			over: []bool{true},
		},
		{
			name:     "fractional hours add up exactly",
			capacity: []Capacity{{Audience: "teachers", HoursPerWeek: 0.3}},
			initiatives: []Initiative{
				initiative("x", "d", demand("teachers", "2017-06-19", "2017-06-23", 0.1, "a")),
				initiative("y", "d", demand("teachers", "2017-06-19", "2017-06-23", 0.2, "a")),
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := twoSchools()
			p.Initiatives = tc.initiatives
			if tc.capacity != nil {
				p.Capacity = tc.capacity
			}
			if tc.schools != nil {
				p.Schools = tc.schools
			}
			var got []string
			var over []bool
			for _, c := range Conflicts(p) {
				got = append(got, ConflictSummary(p, c))
				over = append(over, c.Over())
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.over, over)
		})
	}
}

// TestConflictsMatchesWeekByWeek compares the sweep with the obvious
// algorithm, walking every week, on random partnerships.
func TestConflictsMatchesWeekByWeek(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		p := randomPartnership(rng, 1+rng.IntN(12), 3)
		type cell struct {
			aud    string
			school string
			week   int64
		}
		type state struct {
			total  centi
			hours  map[int]centi
			owners map[string]bool
		}
		want := make(map[cell]*state)
		auds := make(map[string]bool) // audiences tied to schools
		for _, in := range p.Initiatives {
			for _, d := range in.Demands {
				if len(d.Schools) > 0 {
					auds[normAudience(d.Audience)] = true
				}
			}
		}
		for i, in := range p.Initiatives {
			for _, d := range in.Demands {
				st, _ := d.Start.Time()
				en, _ := d.End.Time()
				schools := slices.Compact(slices.Sorted(slices.Values(d.Schools)))
				if len(schools) == 0 {
					schools = []string{""}
					if auds[normAudience(d.Audience)] {
						schools = []string{"s0", "s1", "s2"}
					}
				}
				for _, s := range schools {
					for w := weekOf(st); w <= weekOf(en); w++ {
						k := cell{normAudience(d.Audience), s, w}
						if want[k] == nil {
							want[k] = &state{hours: map[int]centi{}, owners: map[string]bool{}}
						}
						want[k].total += toCenti(d.HoursPerWeek)
						want[k].hours[i] += toCenti(d.HoursPerWeek)
						want[k].owners[in.Owner] = true
					}
				}
			}
		}
		flagged := make(map[cell]bool)
		for k, st := range want {
			_, hasCap := map[string]bool{"teachers": true, "coaches": true}[k.aud]
			if hasCap && st.total > toCenti(10) || len(st.owners) >= 2 {
				flagged[k] = true
			}
		}
		got := make(map[cell]bool)
		conflicts := Conflicts(p)
		for _, c := range conflicts {
			from, _ := c.From.Time()
			to, _ := c.To.Time()
			require.Equal(t, int(weekOf(to)-weekOf(from)+1), c.Weeks)
			schools := c.Schools
			if len(schools) == 0 {
				schools = []string{""}
			}
			for _, s := range schools {
				for w := weekOf(from); w <= weekOf(to); w++ {
					k := cell{normAudience(c.Audience), s, w}
					st := want[k]
					_, hasCap := map[string]bool{"teachers": true, "coaches": true}[k.aud]
					assert.Equal(t, hasCap && st.total > toCenti(10), c.Over(), "round %d: %v", round, k)
					require.NotNil(t, st, "round %d: %v has no demand", round, k)
					assert.Equal(t, fromCenti(st.total), c.Demanded, "round %d: %v", round, k)
					shares := make(map[int]centi)
					for _, sh := range c.Shares {
						shares[sh.Initiative] = toCenti(sh.Hours)
					}
					assert.Equal(t, st.hours, shares, "round %d: %v", round, k)
					assert.False(t, got[k], "round %d: %v reported twice", round, k)
					got[k] = true
				}
			}
		}
		for k := range flagged {
			assert.True(t, got[k], "round %d: %v not reported (%+v)", round, k, want[k])
		}
		for k := range got {
			assert.True(t, flagged[k], "round %d: %v reported but not a conflict", round, k)
		}
		// Runs are as long as they can be: no run ends the week before
		// another with the same initiatives and hours starts.
		for i, a := range conflicts {
			for j, b := range conflicts {
				if i == j || normAudience(a.Audience) != normAudience(b.Audience) || addWeeks(a.To, 1) != b.From || !slices.Equal(a.Shares, b.Shares) {
					continue
				}
				for _, s := range a.Schools {
					assert.NotContains(t, b.Schools, s, "round %d: %v and %v could be one run", round, a, b)
				}
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}

// randomPartnership makes n initiatives with valid demands on a few
// audiences and schools over about a year; the teachers have 10 h a week.
func randomPartnership(rng *rand.Rand, n, schools int) *Partnership {
	p := &Partnership{
		Name:     "Random",
		District: Org{ID: "d", Name: "District"},
		Capacity: []Capacity{{Audience: "teachers", HoursPerWeek: 10}, {Audience: "coaches", HoursPerWeek: 10}},
	}
	for i := range 3 {
		p.Partners = append(p.Partners, Partner{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Partner %d", i), Approach: Consultancy})
	}
	for i := range schools {
		p.Schools = append(p.Schools, School{ID: fmt.Sprintf("s%d", i), Name: fmt.Sprintf("School %d", i)})
	}
	owners := []string{"d", "p0", "p1", "p2"}
	audiences := []string{"teachers", "Teachers ", "coaches", "principals"}
	base, _ := Date("2025-08-04").Time()
	for i := range n {
		in := Initiative{ID: fmt.Sprintf("i%d", i), Name: fmt.Sprintf("Initiative %d", i), Owner: owners[rng.IntN(len(owners))]}
		for range 1 + rng.IntN(3) {
			start := base.AddDate(0, 0, rng.IntN(120))
			end := start.AddDate(0, 0, rng.IntN(60))
			d := Demand{
				Audience:     audiences[rng.IntN(len(audiences))],
				Start:        DateOf(start),
				End:          DateOf(end),
				HoursPerWeek: float64(1+rng.IntN(16)) / 2,
			}
			for s := range schools {
				if rng.IntN(3) == 0 {
					d.Schools = append(d.Schools, fmt.Sprintf("s%d", s))
				}
			}
			in.Demands = append(in.Demands, d)
		}
		p.Initiatives = append(p.Initiatives, in)
	}
	return p
}
