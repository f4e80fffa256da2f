package progress

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

// benchData makes a supplement of n measures with perMeasure observations
// each, spread over a school year and shuffled, with values around each
// measure's planned line so that every rule has work to do, as it would in
// a real district: every fifth measure runs behind, every tenth has a sharp
// drop, every seventh two values on one day, a third are measures where
// lower is better, and every measure has a data duty.
func benchData(measures, perMeasure int) Data {
	rng := rand.New(rand.NewPCG(uint64(measures), 7))
	s := contract.New("District", "Partner")
	s.Appendix.Meetings.Dissolution = "The managers agree a recovery plan."
	base, _ := partnership.Date("2026-08-31").Time()
	var obs []Observation
	for i := range measures {
		id := fmt.Sprintf("m%d", i)
		m := contract.Measure{
			ID: id, Name: fmt.Sprintf("Measure %d", i), Unit: "teachers", Direction: contract.Increase,
			Baseline: contract.Baseline{Value: num64(100), Date: "2026-09-01"},
			Interim:  contract.Checkpoint{Value: num64(150), Due: "2027-01-29"},
			Final:    contract.Checkpoint{Value: num64(200), Due: "2027-06-11"},
		}
		if i%3 == 0 {
			m.Direction = contract.Decrease
			m.Interim.Value, m.Final.Value = num64(80), num64(60)
		}
		s.Appendix.Measures = append(s.Appendix.Measures, m)
		s.Appendix.DataPlan.Duties = append(s.Appendix.DataPlan.Duties, contract.DataDuty{Measure: id, Provider: contract.Contact{Name: "Ana"}, Due: "2026-10-15"})
		series := SeriesOf(m, nil)
		for k := range perMeasure {
			d := partnership.DateOf(base.AddDate(0, 0, 1+k*280/perMeasure))
			want, _ := series.Expected(d)
			v := want * (0.95 + 0.1*rng.Float64())
			switch {
			case i%5 == 0:
				v = want * 0.7
			case i%10 == 1 && k == perMeasure/2:
				v = want * 0.5
			}
			obs = append(obs, NewObservation(fmt.Sprintf("o%d", len(obs)), id, d, v))
			if i%7 == 0 && k == perMeasure/3 {
				obs = append(obs, NewObservation(fmt.Sprintf("o%d", len(obs)), id, d, v+1))
			}
		}
	}
	rng.Shuffle(len(obs), func(i, j int) { obs[i], obs[j] = obs[j], obs[i] })
	return Data{Contract: s, Observations: obs}
}

// BenchmarkCheck checks 10, 100 and 1,000 measures with 100 observations
// each, and 1,000 measures with 10: the time per observation stays the same
// as the data grows, and the allocations follow the findings, not the
// observations.
func BenchmarkCheck(b *testing.B) {
	asOf := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, size := range []struct{ measures, each int }{{10, 100}, {100, 100}, {1000, 10}, {1000, 100}} {
		d := benchData(size.measures, size.each)
		n := size.measures
		b.Run(fmt.Sprintf("measures=%d/observations=%d", n, len(d.Observations)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Check(d, asOf)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(d.Observations)), "ns/observation")
		})
	}
}

// BenchmarkOverTime gathers the timeline of 1,000 measures with 100
// observations each.
func BenchmarkOverTime(b *testing.B) {
	d := benchData(1000, 100)
	asOf := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		_ = OverTime(d, asOf)
	}
}
