package agenda_test

import (
	"io"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
)

// history returns n monthly meetings, each carrying the open items of the
// one before and adding two, one of which is done at once.
func history(n int) []agenda.Meeting {
	ms := make([]agenda.Meeting, 0, n)
	m := agenda.Quarterly().At(time.Date(2020, 1, 14, 15, 30, 0, 0, time.UTC))
	for i := range n {
		if i > 0 {
			m = agenda.Next(ms[i-1], ms[i-1].Start.AddDate(0, 1, 0))
		}
		m.AddAction(agenda.Action{Text: "Keep going", Owner: "ana", Due: "2020-02-01"})
		done := m.AddAction(agenda.Action{Text: "Quick one", Owner: "ben", Due: "2020-02-01"})
		_ = m.SetStatus(done.ID, partnership.Done)
		m.Record = "r"
		m.Close()
		ms = append(ms, m)
	}
	return ms
}

func BenchmarkCheckAll(b *testing.B) {
	ms := history(120) // ten years of monthly meetings
	p := people()
	b.ReportAllocs()
	for b.Loop() {
		agenda.CheckAll(ms, p, time.Time{})
	}
}

func BenchmarkWriteICS(b *testing.B) {
	ms := history(120)
	b.ReportAllocs()
	for b.Loop() {
		_ = agenda.Calendar{Stamp: stamp}.Write(io.Discard, ms...)
	}
}

func BenchmarkWriteHTML(b *testing.B) {
	m := history(12)[11]
	b.ReportAllocs()
	for b.Loop() {
		_ = m.WriteHTML(io.Discard)
	}
}
