package ui

import (
	"bytes"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/progress"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// aMeasure starts a supplement with one measure of attendance, with a
// baseline of 52 teachers on July 13, 2017 and an interim target of 40 by
// January 31, 2018, typed in the contract form.
func aMeasure(t *testing.T) *App {
	t.Helper()
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	a.Handle(Event{Action: "contract.start"})
	a.Handle(Event{Action: "contract.add", Arg: "measure"})
	m := "contract.appendix.measures[0]"
	for path, v := range map[string]string{
		".name": "Teachers at the PD days", ".unit": "teachers", ".direction": "increase",
		".baseline.value": "52", ".baseline.date": "7/13/2017",
		".interim.target": "At least 40", ".interim.value": "40", ".interim.due": "1/31/2018",
	} {
		require.NotNil(t, edit(a, m+path, v), "%s is a field", path)
	}
	return a
}

func TestAMeasureGetsItsNumbersInTheContractForm(t *testing.T) {
	a := aMeasure(t)
	m := a.ws.Contract.Appendix.Measures[0]
	require.NotNil(t, m.Baseline.Value)
	assert.Equal(t, 52.0, *m.Baseline.Value)
	assert.Equal(t, "2017-07-13", string(m.Baseline.Date))
	require.NotNil(t, m.Interim.Value)
	assert.Equal(t, 40.0, *m.Interim.Value)
	assert.Nil(t, m.Final.Value, "a number not typed is none, not 0")
	assert.True(t, m.Numeric())

	path := "contract.appendix.measures[0].interim.value"
	tests := []struct {
		typed, shown, problem string
		want                  *float64
	}{
		{"4", "4", "", ptr(4)},
		{"4.", "4.", "", ptr(4)},
		{"0", "0", "", ptr(0)},
		{"forty", "forty", "Write a number", ptr(0)}, // not a number yet: kept as typed, the value as it was
		{"", "", "", nil},                            // nothing typed: no number
		{"1,250.5", "1,250.5", "", ptr(1250.5)},
	}
	for _, tt := range tests {
		edit(a, path, tt.typed)
		f, at, _ := a.model.field(path)
		text, prob := a.shown(f, at)
		assert.Equal(t, tt.shown, text, tt.typed)
		if tt.problem == "" {
			assert.Empty(t, prob, tt.typed)
		} else {
			assert.Contains(t, prob, tt.problem, tt.typed)
		}
		assert.Equal(t, tt.want, a.ws.Contract.Appendix.Measures[0].Interim.Value, tt.typed)
	}

	root := a.Render()
	require.NoError(t, root.Check())
	for _, p := range []string{"unit", "direction", "baseline.value", "baseline.date", "interim.value", "final.value"} {
		n := root.Find(FieldID("contract.appendix.measures[0]." + p))
		require.NotNil(t, n, p)
		got, _ := n.Attr("data-path")
		assert.Equal(t, "contract.appendix.measures[0]."+p, got)
	}
}

func ptr(v float64) *float64 { return &v }

// TestThreeFiguresShowTheChartAndTheFinding adds three figures to a measure
// the way the page does (a button, then typing), and finds the chart, the
// measure behind its line and the drop, beside the measure and in the review.
func TestThreeFiguresShowTheChartAndTheFinding(t *testing.T) {
	a := aMeasure(t)
	for i, fig := range []struct{ date, value, source string }{
		{"7/13/2017", "52", "Sign-in sheets"}, {"10/3/2017", "25", "Sign-in sheets"}, {"2/6/2018", "16", "<b>Sign-in</b> sheets"},
	} {
		eff := a.Handle(Event{Action: "progress.add", Arg: a.ws.Contract.Appendix.Measures[0].ID})
		at := "observations[" + strconv.Itoa(i) + "]"
		assert.Contains(t, eff, Effect(Focus{ID: FieldID(at + ".value")}), "the figure's value is focused")
		require.Equal(t, ViewProgress, a.view, "adding a figure in the contract form goes to where it is typed")
		assert.Equal(t, "2026-11-22", string(a.ws.Observations[i].Date), "the figure starts on today's date")
		require.NotNil(t, a.Render().Find(FieldID(at+".value")), "its value is on the page")
		edit(a, at+".date", fig.date)
		edit(a, at+".value", fig.value)
		edit(a, at+".source", fig.source)
	}
	require.NoError(t, a.ws.Validate())
	assert.Equal(t, 16.0, *a.ws.Observations[2].Value)

	root := a.Render()
	require.NoError(t, root.Check())
	sec := root.Find("pk-measure-" + a.ws.Contract.Appendix.Measures[0].ID)
	require.NotNil(t, sec)
	text := sec.TextContent()
	assert.Contains(t, text, "Target not met")
	assert.Contains(t, text, "Interim target not met, short by 24 teachers: 16 teachers on February 6, 2018, against 40 teachers")
	assert.Contains(t, text, "<b>Sign-in</b> sheets", "what was typed shows as text")
	assert.Contains(t, text, "from 25 teachers on October 3, 2017 to 16 teachers on February 6, 2018 (down 36%)", "the drop is found beside the measure")

	var img *Node
	sec.Walk(func(n *Node) bool {
		if n.Tag == "img" && img == nil {
			img = n
		}
		return true
	})
	require.NotNil(t, img, "the chart")
	src := attr(img, "src")
	require.True(t, strings.HasPrefix(src, "data:image/svg+xml;base64,"))
	svg, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, "data:image/svg+xml;base64,"))
	require.NoError(t, err)
	assert.Contains(t, string(svg), "&lt;b&gt;Sign-in&lt;/b&gt; sheets", "the chart keeps typed text inert")
	assert.Contains(t, attr(img, "alt"), "16 teachers")

	// Beside the measure in the contract form as well.
	a.Handle(Event{Action: "nav", Arg: string(ViewContract)})
	assert.Contains(t, a.Render().Find(FieldID("contract.appendix.measures[0]")).TextContent(), "Interim target not met, short by 24 teachers")

	// The pre-read prints and downloads, the way every tool's document does.
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	assert.Equal(t, []Effect{Print{}}, a.Handle(Event{Action: "print"}))
	printed := a.Render().Find("pk-print-doc")
	require.NotNil(t, printed, "the data pre-read is drawn for print")
	assert.Contains(t, printed.TextContent(), "Where each measure stands")
	assert.Contains(t, printed.TextContent(), "Teachers at the PD days")
	assert.Contains(t, a.PrintFooter(), "The partnership over time", "the pre-read names itself at the foot of each page")
	eff := a.Handle(Event{Action: "progress.html"})
	require.Len(t, eff, 1)
	dl := eff[0].(Download)
	assert.Equal(t, "partnership-over-time-2026-11-22.html", dl.Name)
	assert.Contains(t, string(dl.Data), "Teachers at the PD days")
	assert.NotContains(t, string(dl.Data), "<b>Sign-in")
	eff = a.Handle(Event{Action: "docx", Arg: "view"})
	require.Len(t, eff, 1)
	assert.True(t, bytes.HasPrefix(eff[0].(Download).Data, []byte("PK")), "a Word file is a zip")
	assert.True(t, strings.HasSuffix(eff[0].(Download).Name, ".docx"), eff[0].(Download).Name)
}

func TestRemovingAFigureKeepsTheOthersTyped(t *testing.T) {
	a := aMeasure(t)
	id := a.ws.Contract.Appendix.Measures[0].ID
	a.Handle(Event{Action: "progress.add", Arg: id})
	a.Handle(Event{Action: "progress.add", Arg: id})
	edit(a, "observations[0].value", "25")
	edit(a, "observations[1].value", "16.")
	second := a.ws.Observations[1].ID
	eff := a.Handle(Event{Action: "progress.remove", Arg: "0"})
	assert.Contains(t, eff, Effect(Persist{}))
	require.Len(t, a.ws.Observations, 1)
	assert.Equal(t, second, a.ws.Observations[0].ID)
	f, at, _ := a.model.field("observations[0].value")
	text, _ := a.shown(f, at)
	assert.Equal(t, "16.", text, "the text typed moves with its figure")
	a.Handle(Event{Action: "progress.remove", Arg: "0"})
	assert.Nil(t, a.ws.Observations)
	assert.Nil(t, a.Handle(Event{Action: "progress.remove", Arg: "3"}), "no such figure: nothing happens")
	assert.Nil(t, a.Handle(Event{Action: "progress.add", Arg: "no-such-measure"}))
}

func TestFigureOfARemovedMeasureIsShownNotDropped(t *testing.T) {
	a := aMeasure(t)
	a.ws.Observations = append(a.ws.Observations, progress.NewObservation("fig-1", "gone", "2017-10-03", 25))
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	root := a.Render()
	require.NoError(t, root.Check())
	sec := root.Find(FieldID("observations"))
	require.NotNil(t, sec)
	assert.Contains(t, sec.TextContent(), "belong to no measure")
	assert.NotNil(t, root.Find(FieldID("observations[0].measure")), "its measure can be chosen")
}

func TestOverTimeEmptyState(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	root := a.Render()
	require.NoError(t, root.Check())
	assert.Contains(t, root.Find("pk-progress").TextContent(), "No success measures yet")
	eff := a.Handle(Event{Action: "fix", Arg: "contract.appendix.measures"})
	assert.NotEmpty(t, eff)
	assert.Equal(t, ViewContract, a.view)
}

// TestTheExampleOverTime opens the example: its measures stand behind their
// lines with the study's figures, the quarters list its meetings by side,
// the quarterly meeting's metrics section shows the same data, and nothing
// internal shows.
func TestTheExampleOverTime(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	root := a.Render()
	require.NoError(t, root.Check())
	text := root.Find("pk-progress").TextContent()
	for _, want := range []string{
		"Teachers attending the partners' PD days", "16 teachers on February 6, 2018",
		"Project-based units submitted at Hayes Middle School", "3 units",
		"Not measurable yet", "Quarter by quarter", "district", "partner", "school",
		"fell by 25% or more (52 → 25 → 16 teachers) while the people taking part in Summer institute",
		"Quarterly partnership review, 12/12/2017: district 1, partner 2, school 0; nobody of the school side",
	} {
		assert.Contains(t, text, want)
	}
	for _, internal := range []string{"observations[", "contract.appendix", "pd-attendance", "obs-pd", "hayes-units"} {
		assert.NotContains(t, text, internal)
	}

	// The quarterly meeting's metrics section shows the same measures.
	a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
	a.Handle(Event{Action: "meeting.open", Arg: "0"})
	metrics := a.Render().Find("pk-metrics")
	require.NotNil(t, metrics, "the metrics section of the quarterly review")
	assert.Contains(t, metrics.TextContent(), "16 teachers on February 6, 2018")
	// A figure added there is typed there.
	a.Handle(Event{Action: "progress.add", Arg: "hayes-units"})
	assert.Equal(t, ViewMeetings, a.view)
	n := len(a.ws.Observations) - 1
	require.NotNil(t, a.Render().Find(FieldID("observations["+strconv.Itoa(n)+"].value")))
}

func BenchmarkRenderOverTime(b *testing.B) {
	a := New(Config{Now: fixedNow}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "nav", Arg: string(ViewProgress)})
	a.Render()
	b.ReportAllocs()
	for b.Loop() {
		a.Handle(Event{Action: "tick"})
		a.Render()
	}
}

// TestTheFigureBeingTypedIsKept types a new figure key by key: each key
// brings a table, a chart or a finding, and the input typed in stays the
// same element, so that it keeps its focus.
func TestTheFigureBeingTypedIsKept(t *testing.T) {
	for _, view := range []View{ViewProgress, ViewMeetings} {
		a := aMeasure(t)
		a.Handle(Event{Action: "nav", Arg: string(ViewMeetings)})
		a.Handle(Event{Action: "meeting.create"})
		a.Handle(Event{Action: "nav", Arg: string(view)})
		a.Handle(Event{Action: "progress.add", Arg: a.ws.Contract.Appendix.Measures[0].ID})
		id := FieldID("observations[0].value")
		old := a.Render()
		require.NotNil(t, old.Find(id), view)
		for _, typed := range []string{"1", "16", "16.", "16.5"} {
			edit(a, "observations[0].value", typed)
			next := a.Render()
			assert.True(t, Kept(old, next, id), "%s: after %q", view, typed)
			old = next
		}
	}
}
