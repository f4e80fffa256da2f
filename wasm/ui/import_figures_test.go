package ui

import (
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/progress"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// figuresSheet holds two new figures of the example's measures.
const figuresSheet = "Measure,Date,Value,Source\n" +
	"Roosevelt seniors with a portfolio project chosen,10/20/2017,31,Advisory lists\n" +
	"Roosevelt seniors with a portfolio project chosen,1/26/2018,44,Advisory lists\n"

func TestFigureImport(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	before := len(a.ws.Observations)
	require.NotNil(t, a.Render().Find("pk-fig-file"))

	eff := a.Handle(Event{Action: "progress.fig.file", Files: []File{{Name: "portfolios.csv", Data: []byte(figuresSheet)}}})
	assert.Equal(t, []Effect{Focus{ID: "pk-fig-h"}}, eff, "the preview takes the focus")
	assert.Len(t, a.ws.Observations, before, "nothing is added before the confirmation")
	tree := a.Render()
	require.NoError(t, tree.Check())
	require.NotNil(t, tree.Find("pk-fig-columns"))
	assert.Contains(t, tree.Find("pk-fig-rows").TextContent(), "10/20/2017")
	adds := tree.Find("pk-fig-adds")
	require.NotNil(t, adds)
	assert.Contains(t, adds.TextContent(), "Jan 26, 2018")
	require.NotNil(t, tree.Find("pk-fig-add"))
	assert.Equal(t, "Add 2 figures", tree.Find("pk-fig-add").TextContent())

	a.Handle(Event{Action: "progress.fig.add"})
	require.Len(t, a.ws.Observations, before+2)
	assert.Equal(t, "roosevelt-portfolios", a.ws.Observations[before].Measure)
	assert.Equal(t, 44.0, *a.ws.Observations[before+1].Value)
	assert.Nil(t, a.prog.fig)
	tree = a.Render()
	require.NotNil(t, tree.Find("pk-fig-undo"))
	assert.Contains(t, tree.Find("pk-progress").TextContent(), "Advisory lists", "the figures show with their measure")

	// The same sheet again adds nothing: its figures are there.
	a.Handle(Event{Action: "progress.fig.file", Files: []File{{Name: "portfolios.csv", Data: []byte(figuresSheet)}}})
	require.NotNil(t, a.prog.fig)
	require.Len(t, a.prog.fig.problems, 2)
	assert.Contains(t, a.prog.fig.problems[0].Message, "already has a figure for 10/20/2017")
	assert.Nil(t, a.Render().Find("pk-fig-add"))
	a.Handle(Event{Action: "progress.fig.cancel"})
	assert.Nil(t, a.prog.fig)

	a.Handle(Event{Action: "progress.fig.undo"})
	assert.Len(t, a.ws.Observations, before, "the import can be taken back")

	// A sheet of one measure asks which measure; a column's field can change.
	a.Handle(Event{Action: "progress.fig.file", Files: []File{{Name: "one.csv", Data: []byte("As of,Count,Where from\n4/6/2018,50,Advisory lists\n")}}})
	tree = a.Render()
	require.NotNil(t, tree.Find("pk-fig-measure"))
	require.NotNil(t, tree.Find("pk-fig-problems"))
	a.Handle(Event{Action: "progress.fig.measure", Value: "roosevelt-portfolios"})
	assert.Empty(t, a.prog.fig.problems)
	a.Handle(Event{Action: "progress.fig.field", Arg: "1", Value: string(progress.FigureNote)})
	assert.NotEmpty(t, a.prog.fig.problems, "without its figures, nothing can be added")
	a.Handle(Event{Action: "progress.fig.field", Arg: "1", Value: string(progress.FigureValue)})
	assert.Empty(t, a.prog.fig.problems)
	a.Handle(Event{Action: "progress.fig.add"})
	assert.Len(t, a.ws.Observations, before+1)

	a.Handle(Event{Action: "progress.fig.file", Files: []File{{Name: "photo.png", Data: []byte("\x89PNG\r\n\x1a\n")}}})
	assert.Nil(t, a.prog.fig)
	last := a.notices[len(a.notices)-1]
	assert.Contains(t, strings.Join(last.Details, " "), "This is an image (PNG)")
}
