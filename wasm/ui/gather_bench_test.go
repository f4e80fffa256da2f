package ui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/readiness"
)

// BenchmarkGatherSurvey30k adds a survey export of 30,000 responses in the
// facilitator's view, as the page does: reads it, draws its preview, adds
// the responses once confirmed, and draws the view.
func BenchmarkGatherSurvey30k(b *testing.B) {
	var csv bytes.Buffer
	rs := make([]readiness.Response, 30_000)
	for i := range rs {
		rs[i] = readiness.Response{Rater: fmt.Sprintf("Rater %d", i), Team: []string{"District", "Partner"}[i%2], Submitted: "2017-08-01",
			Ratings: map[string]int{"alignment": 1 + i%4, "resources": 1 + i/4%4, "metrics": 1 + i/16%4, "communication": 1 + i/64%4}}
	}
	if err := (readiness.Round{Responses: rs}).WriteCSV(&csv); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(csv.Len()))
	b.ReportAllocs()
	for b.Loop() {
		a := New(Config{Now: func() time.Time { return time.Date(2017, 9, 1, 9, 0, 0, 0, time.UTC) }}, nil, nil)
		a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
		a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "survey.csv", Data: csv.Bytes()}}})
		a.Render()
		a.Handle(Event{Action: "exp.add"})
		if len(a.ws.Readiness) != 1 || len(a.ws.Readiness[0].Responses) != 30_000 {
			b.Fatal("the responses were not all added")
		}
		a.Render()
	}
}
