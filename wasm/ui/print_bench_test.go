package ui

import (
	"testing"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// BenchmarkTypeInTheContract types a key into the example's supplement and
// draws the view, as the page does at every key: the printed document is
// not drawn again until a pause.
func BenchmarkTypeInTheContract(b *testing.B) {
	a := New(Config{Now: fixedNow, Storage: store.NewMemory(0)}, partnerkit.New(), nil)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	if a.Render().Find("pk-print-doc") == nil {
		b.Fatal("the contract view prints its document")
	}
	ref := ""
	b.ReportAllocs()
	for b.Loop() {
		if ref += "x"; len(ref) > 50 {
			ref = ""
		}
		a.Handle(Event{Action: "field", Path: "contract.contractRef", Value: ref})
		a.Render()
	}
}
