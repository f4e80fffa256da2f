package ui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
)

// roundTrips checks that what the page would save of a's workspace now,
// exported and imported into a new page, is the same workspace to the byte,
// and that the import says so without refusing it.
func roundTrips(t *testing.T, a *App, after string) {
	t.Helper()
	saved, err := Marshal(a.ws)
	require.NoError(t, err, "after %s", after)
	eff := a.Handle(Event{Action: "data.export"})
	require.NotEmpty(t, eff, "after %s: the export", after)
	file := eff[0].(Download).Data
	exported, err := partnerkit.Decode(bytes.NewReader(file))
	require.NoError(t, err, "after %s: the export reads back", after)
	before, err := partnerkit.Decode(bytes.NewReader(saved))
	require.NoError(t, err)
	exported.Lineage = before.Lineage // the export stamps the copy it is
	same, err := Marshal(exported)
	require.NoError(t, err)
	require.Equal(t, string(saved), string(same), "after %s: the export is what autosave keeps", after)
	b := newApp(t)
	b.Handle(Event{Action: "data.import", Files: []File{{Name: "export.json", Data: file}}})
	back, err := Marshal(b.ws)
	require.NoError(t, err)
	require.Equal(t, string(file), string(back), "after %s: the import reads back the export", after)
	restored, n, aside := Restore(string(saved), true)
	require.False(t, aside, "after %s: %v", after, n)
	again, err := Marshal(restored)
	require.NoError(t, err)
	require.Equal(t, string(saved), string(again), "after %s: a reload reads back the save", after)
}

// FuzzDraftsRoundTrip plays FuzzEvents' sequences of events, and after
// each checks that every state the page can autosave exports and imports
// back identically.
func FuzzDraftsRoundTrip(f *testing.F) {
	addEventSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		playEvents(data, nil, func(a *App, ev Event) {
			if readOnly[ev.Action] {
				return
			}
			var buf bytes.Buffer
			buf.WriteString(ev.Action + " " + ev.Path + " " + ev.Arg + " " + ev.Value)
			roundTrips(t, a, buf.String())
		})
	})
}

// TestHalfDoneStatesRoundTrip takes the page through ordinary half-done
// states, as people leave them, and exports and imports each back: none is
// refused, and each comes back to the byte.
func TestHalfDoneStatesRoundTrip(t *testing.T) {
	long := strings.Repeat("n", 201)
	tests := []struct {
		name string
		do   func(a *App)
	}{
		{"a blank initiative", func(a *App) { a.Handle(Event{Action: "part.add", Arg: "initiative"}) }},
		{"a blank person", func(a *App) { a.Handle(Event{Action: "part.add", Arg: "person"}) }},
		{"a demand without dates", func(a *App) {
			a.Handle(Event{Action: "part.add", Arg: "demand|0"})
			n := len(a.ws.Partnership.Initiatives[0].Demands) - 1
			edit(a, fmt.Sprintf("partnership.initiatives[0].demands[%d].start", n), "")
		}},
		{"a name of 201 characters", func(a *App) { edit(a, "partnership.partners[0].name", long) }},
		{"a half-typed e-mail", func(a *App) { edit(a, "partnership.people[0].email", "ana.ruiz@") }},
		{"a blank partner", func(a *App) { a.Handle(Event{Action: "part.add", Arg: "partner"}) }},
		{"a blank school", func(a *App) { a.Handle(Event{Action: "part.add", Arg: "school"}) }},
		{"a figure without its value", func(a *App) { a.Handle(Event{Action: "progress.add", Arg: "pd-attendance"}) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newApp(t)
			a.Handle(Event{Action: "start.example"})
			before, err := Marshal(a.ws)
			require.NoError(t, err)
			tt.do(a)
			after, err := Marshal(a.ws)
			require.NoError(t, err)
			require.NotEqual(t, string(before), string(after), "the state is one the page keeps")
			require.Error(t, a.ws.Validate(), "the state is not finished")
			roundTrips(t, a, tt.name)
			b := newApp(t)
			b.Handle(Event{Action: "data.import", Files: []File{{Name: "export.json", Data: after}}})
			notice := b.Render().Find("pk-notices").TextContent()
			assert.Contains(t, notice, "not finished yet", "the import says what it holds")
			assert.NotContains(t, notice, "was not imported")
		})
	}
}
