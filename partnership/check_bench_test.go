package partnership

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchPartnership makes a district with n initiatives over three school
// years, shaped like a real one grown larger: one school for every 25
// initiatives, twenty partners, five audiences with 10 hours a week each, and
// twelve priorities. Each initiative asks one to three audiences for one to
// four hours a week for one to twelve weeks, at one to three schools; twenty
// district programmes (summer school, testing, a curriculum adoption…) ask
// every school. So each school sees the same density of demands whatever n is.
func benchPartnership(n int) *Partnership {
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	schools := max(n/25, 4)
	p := &Partnership{Name: "Bench", District: Org{ID: "d", Name: "District", Expects: CoDesign}}
	for i := range 20 {
		p.Partners = append(p.Partners, Partner{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Partner %d", i), Approach: Delivery})
	}
	for i := range schools {
		p.Schools = append(p.Schools, School{ID: fmt.Sprintf("s%d", i), Name: fmt.Sprintf("School %d", i)})
	}
	audiences := []string{"teachers", "principals", "coaches", "counselors", "aides"}
	for _, a := range audiences {
		p.Capacity = append(p.Capacity, Capacity{Audience: a, HoursPerWeek: 10})
	}
	for i := range 12 {
		p.Priorities = append(p.Priorities, Priority{ID: fmt.Sprintf("pr%d", i), Title: fmt.Sprintf("Priority %d", i)})
	}
	base, _ := Date("2024-08-05").Time()
	for i := range n {
		owner := "d"
		if i >= 20 && rng.IntN(3) > 0 {
			owner = fmt.Sprintf("p%d", rng.IntN(20))
		}
		in := Initiative{ID: fmt.Sprintf("i%d", i), Name: fmt.Sprintf("Initiative %d", i), Owner: owner,
			Priorities: []string{fmt.Sprintf("pr%d", rng.IntN(12))}}
		for range 1 + rng.IntN(3) {
			start := base.AddDate(0, 0, rng.IntN(3*365))
			d := Demand{
				Audience:     audiences[rng.IntN(len(audiences))],
				Start:        DateOf(start),
				End:          DateOf(start.AddDate(0, 0, 7*rng.IntN(12)+rng.IntN(5))),
				HoursPerWeek: float64(1 + rng.IntN(4)),
			}
			if i >= 20 { // the first twenty are district-wide programmes
				for range 1 + rng.IntN(3) {
					d.Schools = append(d.Schools, fmt.Sprintf("s%d", rng.IntN(schools)))
				}
			}
			in.Demands = append(in.Demands, d)
		}
		p.Initiatives = append(p.Initiatives, in)
	}
	return p
}

func benchmarkCheck(b *testing.B, n int) {
	p := benchPartnership(n)
	demands := 0
	for _, in := range p.Initiatives {
		demands += len(in.Demands)
	}
	b.ReportAllocs()
	b.ResetTimer()
	var findings int
	for b.Loop() {
		findings = len(Check(p))
	}
	b.ReportMetric(float64(demands), "demands")
	b.ReportMetric(float64(findings), "findings")
}

func BenchmarkCheck1k(b *testing.B)  { benchmarkCheck(b, 1_000) }
func BenchmarkCheck10k(b *testing.B) { benchmarkCheck(b, 10_000) }

func benchmarkConflicts(b *testing.B, n int) {
	p := benchPartnership(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Conflicts(p)
	}
}

func BenchmarkConflicts1k(b *testing.B)  { benchmarkConflicts(b, 1_000) }
func BenchmarkConflicts10k(b *testing.B) { benchmarkConflicts(b, 10_000) }
