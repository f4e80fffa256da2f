package partnerkit_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

// benchWorkspace returns a workspace whose partnership has n initiatives,
// shaped like partnership's own benchmark district: one school for every 25
// initiatives, twenty partners, five audiences of 10 hours a week, twelve
// priorities, and one to three demands per initiative over three school years.
func benchWorkspace(n int) *partnerkit.Workspace {
	rng := rand.New(rand.NewPCG(uint64(n), 42))
	schools := max(n/25, 4)
	p := &partnership.Partnership{Name: "Bench", District: partnership.Org{ID: "d", Name: "District", Expects: partnership.CoDesign}}
	for i := range 20 {
		p.Partners = append(p.Partners, partnership.Partner{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Partner %d", i), Approach: partnership.Delivery})
	}
	for i := range schools {
		p.Schools = append(p.Schools, partnership.School{ID: fmt.Sprintf("s%d", i), Name: fmt.Sprintf("School %d", i)})
	}
	audiences := []string{"teachers", "principals", "coaches", "counselors", "aides"}
	for _, a := range audiences {
		p.Capacity = append(p.Capacity, partnership.Capacity{Audience: a, HoursPerWeek: 10})
	}
	for i := range 12 {
		p.Priorities = append(p.Priorities, partnership.Priority{ID: fmt.Sprintf("pr%d", i), Title: fmt.Sprintf("Priority %d", i)})
	}
	base, _ := partnership.Date("2024-08-05").Time()
	for i := range n {
		owner := "d"
		if i >= 20 && rng.IntN(3) > 0 {
			owner = fmt.Sprintf("p%d", rng.IntN(20))
		}
		in := partnership.Initiative{ID: fmt.Sprintf("i%d", i), Name: fmt.Sprintf("Initiative %d", i), Owner: owner,
			Priorities: []string{fmt.Sprintf("pr%d", rng.IntN(12))}}
		for range 1 + rng.IntN(3) {
			start := base.AddDate(0, 0, rng.IntN(3*365))
			d := partnership.Demand{
				Audience:     audiences[rng.IntN(len(audiences))],
				Start:        partnership.DateOf(start),
				End:          partnership.DateOf(start.AddDate(0, 0, 7*rng.IntN(12)+rng.IntN(5))),
				HoursPerWeek: float64(1 + rng.IntN(4)),
			}
			if i >= 20 {
				for range 1 + rng.IntN(3) {
					d.Schools = append(d.Schools, fmt.Sprintf("s%d", rng.IntN(schools)))
				}
			}
			in.Demands = append(in.Demands, d)
		}
		p.Initiatives = append(p.Initiatives, in)
	}
	ws := partnerkit.New()
	ws.Partnership = p
	ws.AssignIDs()
	return ws
}

// BenchmarkLoad10k loads a workspace of 10,000 initiatives, and reports the
// heap's peak while it is read, as BenchmarkLoadAdversarial does.
func BenchmarkLoad10k(b *testing.B) {
	var file bytes.Buffer
	if err := benchWorkspace(10_000).Save(&file); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(file.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := partnerkit.Load(bytes.NewReader(file.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	peak := peakHeap(func() { _, _ = partnerkit.Load(bytes.NewReader(file.Bytes())) })
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(peak)/float64(file.Len()), "peak/size")
}

func BenchmarkReview10k(b *testing.B) {
	ws := benchWorkspace(10_000)
	b.ReportAllocs()
	var findings int
	for b.Loop() {
		findings = len(partnerkit.Review(ws))
	}
	b.ReportMetric(float64(findings), "findings")
}

// BenchmarkMerge10k merges two copies of a workspace of 10,000 initiatives
// in which each side changed a hundred initiatives and added ten.
func BenchmarkMerge10k(b *testing.B) {
	base := benchWorkspace(10_000)
	mine, theirs := reload(b, base), reload(b, base)
	for i := range 100 {
		mine.Partnership.Initiatives[i*7].Name += " (district)"
		theirs.Partnership.Initiatives[i*11+3].Demands[0].HoursPerWeek++
	}
	for i := range 10 {
		mine.Partnership.Initiatives = append(mine.Partnership.Initiatives, partnership.Initiative{ID: fmt.Sprintf("m%d", i), Name: "New", Owner: "d"})
		theirs.Partnership.Initiatives = append(theirs.Partnership.Initiatives, partnership.Initiative{ID: fmt.Sprintf("t%d", i), Name: "New", Owner: "d"})
	}
	b.ReportAllocs()
	var conflicts int
	for b.Loop() {
		_, cs := partnerkit.Merge(base, mine, theirs)
		conflicts = len(cs)
	}
	b.ReportMetric(float64(conflicts), "conflicts")
}

// BenchmarkMergeSelf10k merges a workspace of 10,000 initiatives with
// itself: the cost of a merge that finds nothing to do.
func BenchmarkMergeSelf10k(b *testing.B) {
	ws := benchWorkspace(10_000)
	b.ReportAllocs()
	for b.Loop() {
		partnerkit.Merge(ws, ws, ws)
	}
}

func reload(b *testing.B, ws *partnerkit.Workspace) *partnerkit.Workspace {
	var buf bytes.Buffer
	if err := ws.Save(&buf); err != nil {
		b.Fatal(err)
	}
	out, err := partnerkit.Load(&buf)
	if err != nil {
		b.Fatal(err)
	}
	return out
}
