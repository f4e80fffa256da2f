package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// finishWork does the slices of the work eff starts, as the page does
// after each Yield, and returns the effects of the last slice.
func finishWork(t *testing.T, a *App, eff []Effect) []Effect {
	t.Helper()
	for i := 0; slices.Contains(eff, Effect(Yield{})); i++ {
		require.Less(t, i, 100_000, "the work never ends")
		eff = a.Handle(Event{Action: "task.step"})
	}
	return eff
}

// bigExport is a survey export of n responses, half from each team.
func bigExport(n int) []byte {
	var b strings.Builder
	b.WriteString("Your name,Team,Strategic alignment,Strategic alignment – comments,Resourcing,Resourcing – comments,Data and measures,Data and measures – comments,Ongoing communication,Ongoing communication – comments\n")
	for i := range n {
		fmt.Fprintf(&b, "Rater %d,%s,%d,,%d,Comment %d on resources,%d,,%d,\n", i, []string{"District", "Partner"}[i%2], 1+i%4, 1+i%3, i, 1+i%2, 4-i%4)
	}
	return []byte(b.String())
}

// taskLine is the progress line shown, or "".
func taskLine(a *App) string {
	if n := a.Render().Find("pk-task-line"); n != nil {
		return n.TextContent()
	}
	return ""
}

// A survey export of 30,000 responses is read, checked and added in
// slices, with a line that says how far the work is: what the user does
// between two slices is handled, the result then leaves the focus where
// the user is, and Cancel leaves the workspace as it was.
func TestABigSurveyIsImportedInSlices(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	eff := a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "big.csv", Data: bigExport(30_000)}}})
	require.Equal(t, []Effect{Yield{}}, eff, "the work goes on after the browser had its turn")
	assert.Equal(t, `Reading the rows of "big.csv"…`, taskLine(a))
	require.NotNil(t, a.Render().Find("pk-task-cancel"), "the work can be cancelled")

	a.Handle(Event{Action: "fac.paste", Value: "typed while it works"})
	assert.Equal(t, "typed while it works", a.fac.paste, "a keystroke between two slices is handled")
	require.Equal(t, []Effect{Yield{}}, a.Handle(Event{Action: "task.step"}))
	assert.Equal(t, "Checking 30,000 responses…", taskLine(a))
	assert.Nil(t, a.fac.imp, "no preview before the file is checked")
	eff = finishWork(t, a, []Effect{Yield{}})
	assert.Empty(t, eff, "the preview takes no focus from where the user typed meanwhile")
	assert.Empty(t, taskLine(a), "the line is gone once the work is done")
	require.Equal(t, "Add 30,000 responses to a new round", a.Render().Find("pk-exp-add").TextContent())

	require.Equal(t, []Effect{Yield{}}, a.Handle(Event{Action: "exp.add"}))
	require.Equal(t, []Effect{Yield{}}, a.Handle(Event{Action: "task.step"}))
	var done int
	_, err := fmt.Sscanf(strings.ReplaceAll(taskLine(a), ",", ""), "Adding %d of 30000 responses…", &done)
	require.NoError(t, err, taskLine(a))
	assert.Greater(t, done, 0)
	assert.Less(t, done, 30_000, "one slice adds part of the responses")
	assert.Empty(t, a.ws.Readiness, "nothing is in the workspace before the last slice")
	a.Handle(Event{Action: "task.cancel"})
	assert.Empty(t, a.ws.Readiness, "Cancel leaves the workspace as it was")
	assert.Empty(t, taskLine(a))
	assert.Equal(t, "Stopped. Nothing was changed.", a.notices[len(a.notices)-1].Text)
	assert.NotNil(t, a.fac.imp, "the preview stays, to add again")

	// Other work asked for while adding stops the adding, and says so.
	require.Equal(t, []Effect{Yield{}}, a.Handle(Event{Action: "exp.add"}))
	a.Handle(Event{Action: "task.step"})
	finishWork(t, a, a.Handle(Event{Action: "exp.team", Value: "District"}))
	assert.Empty(t, a.ws.Readiness, "the adding stopped before it changed anything")
	assert.Contains(t, a.notices[len(a.notices)-1].Text, "was stopped before it changed anything")
	finishWork(t, a, a.Handle(Event{Action: "exp.team", Value: ""}))

	eff = finishWork(t, a, a.Handle(Event{Action: "exp.add"}))
	assert.Contains(t, eff, Effect(Persist{}))
	assert.Contains(t, eff, Effect(Focus{ID: "pk-responses"}), "the user waited: the result takes the focus")
	require.Len(t, a.ws.Readiness, 1)
	assert.Len(t, a.ws.Readiness[0].Responses, 30_000)
	assert.Nil(t, a.fac.imp)
	assert.Contains(t, a.Render().Find("pk-summary").TextContent(), "and 14,980 more concerns: the printed summary and the downloaded report list them all",
		"the page lists 20 of a team's 15,000 concerns")
}

// While the browser reads a big file, the line says how far it is; Cancel
// then drops the file when it arrives.
func TestReadingABigFileCanBeCancelled(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	a.Handle(Event{Action: "file.reading", Arg: "fac.csv", Value: "40"})
	assert.Equal(t, "Reading your file… 40%", taskLine(a))
	assert.Equal(t, []Effect{Focus{ID: "pk-csv"}}, a.Handle(Event{Action: "task.cancel"}))
	assert.Empty(t, taskLine(a))
	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "big.csv", Data: bigExport(3)}}})
	assert.Nil(t, a.fac.imp, "the file read after Cancel is dropped")

	a.Handle(Event{Action: "file.reading", Arg: "fac.csv", Value: "90"})
	finishWork(t, a, a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "big.csv", Data: bigExport(3)}}}))
	assert.NotNil(t, a.fac.imp, "a file read to the end is read as usual")
	assert.Empty(t, taskLine(a))
}

// A big workspace file is read by a decoder that cannot stop between
// slices: it tells how far it is, and the page draws the line and lets the
// browser have a turn (Config.Pause) while it reads.
func TestABigWorkspaceFileSaysHowFarItIs(t *testing.T) {
	ws := partnerkit.New()
	ws.Readiness = []readiness.Round{{ID: "round-1", Title: "Autumn"}}
	for i := range 30_000 {
		ws.Readiness[0].Responses = append(ws.Readiness[0].Responses, readiness.Response{Rater: fmt.Sprintf("Rater %d", i), Team: "District",
			Ratings: map[string]int{"alignment": 1 + i%4, "resources": 2, "metrics": 3, "communication": 4}})
	}
	ws.AssignIDs()
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	a := newApp(t)
	var lines []string
	a.cfg.Pause = func() { lines = append(lines, taskLine(a)) }
	a.Handle(Event{Action: "nav", Arg: string(ViewData)})
	finishWork(t, a, a.Handle(Event{Action: "data.import", Files: []File{{Name: "big.json", Data: buf.Bytes()}}}))
	require.Len(t, a.ws.Readiness, 1)
	assert.Len(t, a.ws.Readiness[0].Responses, 30_000)
	require.NotEmpty(t, lines, "the page had turns while the file was read")
	for _, l := range lines {
		assert.Regexp(t, `^Reading "big.json"… \d+%$`, l)
	}
}
