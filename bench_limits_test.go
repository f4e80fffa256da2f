package partnerkit_test

import (
	"bytes"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
)

// adversarial are files made to cost Load as much as they can: each is
// refused, and the benchmarks report the peak of the heap while it is read.
func adversarial() map[string][]byte {
	const mb = 1 << 20
	list := func(item string, n int) string { return strings.TrimSuffix(strings.Repeat(item+",", n), ",") }
	head := `{"schemaVersion": 2, "workspaceId": "W1", `
	var wide strings.Builder
	wide.WriteString(head + `"partnership": {"name": "x", "district": {`)
	for i := 0; wide.Len() < mb; i++ {
		if i > 0 {
			wide.WriteByte(',')
		}
		wide.WriteString(`"k` + strconv.Itoa(i) + `": 1`)
	}
	wide.WriteString(`}}}`)
	return map[string][]byte{
		"deep-1MB":           []byte(head + `"partnership": ` + strings.Repeat("[", mb) + strings.Repeat("]", mb) + `}`),
		"wide-1MB":           []byte(wide.String()),
		"empty-meetings-8MB": []byte(head + `"meetings": [` + list("{}", 8*mb/3) + `]}`),
		"empty-demands-8MB":  []byte(head + `"partnership": {"name": "x", "initiatives": [` + list(`{"demands": [`+list("{}", 90_000)+`]}`, 8*mb/270_000) + `]}}`),
		"huge-number-1MB":    []byte(head + `"meetings": [{"id": "m", "sections": [{"minutes": ` + strings.Repeat("9", mb) + `}]}]}`),
		"wrong-roles-1MB":    []byte(head + `"partnership": {"name": "x", "people": [{"id": "p", "name": "n", "roles": [` + list("1", 99_000) + `]}]}}`),
	}
}

// peakHeap calls f and returns the most the heap held while it ran, above
// what it held before, sampled every 100 µs.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if h := read(); h > peak.Load() {
				peak.Store(h)
			}
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	if h := read(); h > peak.Load() {
		peak.Store(h)
	}
	close(done)
	<-stopped
	return max(peak.Load(), base) - base
}

// BenchmarkLoadAdversarial loads each adversarial file, and reports the
// heap's peak while one is read (peak-MB, measured after the timed loop) and
// that peak as a multiple of the file's size (peak/size).
func BenchmarkLoadAdversarial(b *testing.B) {
	files := adversarial()
	for _, name := range []string{"deep-1MB", "wide-1MB", "empty-meetings-8MB", "empty-demands-8MB", "huge-number-1MB", "wrong-roles-1MB"} {
		data := files[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := partnerkit.Load(bytes.NewReader(data)); err == nil {
					b.Fatal("an adversarial file was loaded")
				}
			}
			worst := peakHeap(func() { _, _ = partnerkit.Load(bytes.NewReader(data)) })
			b.ReportMetric(float64(worst)/(1<<20), "peak-MB")
			b.ReportMetric(float64(worst)/float64(len(data)), "peak/size")
		})
	}
}

// responses returns n valid responses of the ODST rubric, each by its own rater.
func responses(n int) []readiness.Response {
	out := make([]readiness.Response, n)
	for i := range out {
		out[i] = readiness.Response{Rater: "Rater " + strconv.Itoa(i), Team: []string{"District", "Partner"}[i%2],
			Ratings:  map[string]int{"alignment": 1 + i%4, "resources": 1 + i/4%4, "metrics": 1 + i/16%4, "communication": 1 + i/64%4},
			Concerns: map[string]string{"metrics": "Who reports the data?"}}
	}
	return out
}

// BenchmarkAddResponses30k gathers 30,000 responses into a round, as an
// export of a large survey would: in time linear in their number.
func BenchmarkAddResponses30k(b *testing.B) {
	rs := responses(30_000)
	b.ReportAllocs()
	for b.Loop() {
		ws := partnerkit.New()
		ws.Readiness = []readiness.Round{{ID: "r1", Title: "Spring"}}
		g, err := ws.Gather(0)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rs {
			if _, err := g.Add(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
