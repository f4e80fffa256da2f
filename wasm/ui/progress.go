package ui

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

// The figures recorded for the success measures (the workspace's
// observations) and the view of the partnership over time: where each
// measure stands against the line from its baseline to its targets, its
// chart, and quarter by quarter what the quarterly meeting looks at.

// progressParts are the lists the figures sit in.
func progressParts() []Part {
	return []Part{
		{Path: "observations", Title: "Figures recorded", Noun: "figure", Name: figureName},
	}
}

// figureName names a figure by its measure and its date: "PD attendance on 10/3/2017".
func figureName(a *App, at Loc) string {
	i := at.at(0)
	if i < 0 || i >= len(a.ws.Observations) {
		return ""
	}
	o := a.ws.Observations[i]
	name := ""
	if m, ok := a.measureByID(o.Measure); ok {
		name = m.Name
	}
	if name == "" || o.Date == "" {
		return name
	}
	return name + " on " + partnership.USDate(o.Date)
}

// progressFields are the values of a figure.
func progressFields() []Field {
	return []Field{
		{Path: "observations[].measure", Label: "Measure", Kind: KindChoice, Options: func(a *App, _ Loc) []Option {
			out := []Option{{"", "Choose a measure"}}
			if s := a.ws.Contract; s != nil {
				for _, m := range s.Appendix.Measures {
					out = append(out, Option{m.ID, named(m.Name, "a measure without a name")})
				}
			}
			return out
		},
			Write: func(a *App, at Loc, text string) bool {
				i := at.at(0)
				if i < 0 || i >= len(a.ws.Observations) {
					return false
				}
				// A figure given its measure here stays in this list until
				// the view is left, so the list chosen in (with the arrow
				// keys perhaps) is not taken from under the focus.
				if a.prog.placing == nil {
					a.prog.placing = map[string]bool{}
				}
				a.prog.placing[a.ws.Observations[i].ID] = true
				a.ws.Observations[i].Measure = text
				return true
			}},
		{Path: "observations[].date", Label: "Date the figure describes", Words: "date", Kind: KindDate,
			Hint: "The day it was counted or measured, not the day you type it in."},
		{Path: "observations[].value", Label: "Figure", Words: "figure", Kind: KindNumber, Example: "25 or 12.5",
			HintAt: func(a *App, at Loc) string {
				if m, ok := a.measureOfFigure(at); ok && strings.TrimSpace(m.Unit) != "" {
					return "In " + m.Unit + "."
				}
				return ""
			},
			Read: readOptional, Write: writeOptional},
		{Path: "observations[].source", Label: "Where the figure comes from", Words: "source", Hint: "Such as “sign-in sheets” or “the district's October report”, so anyone can trace it."},
		{Path: "observations[].recordedBy", Label: "Recorded by", Words: "recorded by"},
		{Path: "observations[].note", Label: "Note", Kind: KindArea, Hint: "Anything the figure needs to be read right."},
	}
}

// measureFields are the numbers of a success measure, declared with the
// contract form's fields: its unit, direction, baseline and numeric targets,
// and the initiatives whose work it follows.
func measureFields(ap string) []Field {
	return []Field{
		{Path: ap + "measures[].unit", Label: "Counted in", Words: "unit", Hint: "What the figures count, such as “teachers” or “%”."},
		{Path: ap + "measures[].direction", Label: "Which way is better", Words: "direction", Kind: KindChoice,
			Options: func(*App, Loc) []Option {
				return []Option{{"", "Choose"}, {string(contract.Increase), "Higher is better"}, {string(contract.Decrease), "Lower is better"}}
			}},
		{Path: ap + "measures[].baseline.value", Label: "Where it stood at the start", Words: "baseline", Kind: KindNumber, Example: "52",
			Hint: "The figure before the work began; leave it empty when it is not known yet.", Read: readOptional, Write: writeOptional},
		{Path: ap + "measures[].baseline.date", Label: "Date of that figure", Words: "baseline date", Kind: KindDate},
		{Path: ap + "measures[].interim.value", Label: "Interim target as a figure", Words: "interim figure", Kind: KindNumber, Example: "45",
			Hint: "So that progress can be followed; the target in words stays as agreed.", Read: readOptional, Write: writeOptional},
		{Path: ap + "measures[].final.value", Label: "Final target as a figure", Words: "final figure", Kind: KindNumber, Example: "60",
			Read: readOptional, Write: writeOptional},
		{Path: ap + "measures[].initiatives", Label: "The initiatives whose work it follows", Words: "initiatives", Kind: KindSet,
			Hint: "The review sets the measure's figures beside the time these initiatives ask of people.",
			Options: func(a *App, _ Loc) []Option {
				var out []Option
				if p := a.ws.Partnership; p != nil {
					for _, in := range p.Initiatives {
						out = append(out, Option{in.ID, named(in.Name, "an initiative without a name")})
					}
				}
				return out
			}},
	}
}

// optionalSlot returns the pointer the number at path is kept in (a
// *float64 that is nil when there is no number), ready to be set.
func (a *App) optionalSlot(path string) (reflect.Value, bool) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return reflect.Value{}, false
	}
	parent, ok := a.model.value(a.ws, path[:i])
	if !ok || parent.Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	j, ok := a.model.names.index(parent.Type(), path[i+1:])
	if !ok {
		return reflect.Value{}, false
	}
	v := parent.Field(j)
	if v.Kind() != reflect.Pointer || v.Type().Elem().Kind() != reflect.Float64 || !v.CanSet() {
		return reflect.Value{}, false
	}
	return v, true
}

// readOptional is the Read of a number that may be missing: empty when it is.
func readOptional(a *App, at Loc) (string, bool) {
	v, ok := a.optionalSlot(at.Path)
	if !ok {
		return "", false
	}
	if v.IsNil() {
		return "", true
	}
	return fmtNumber(v.Elem().Float()), true
}

// writeOptional is the Write of a number that may be missing: nothing typed
// takes the number away (0 is a number), text that is not a number yet is
// kept as typed with the number left as it was.
func writeOptional(a *App, at Loc, text string) bool {
	v, ok := a.optionalSlot(at.Path)
	f, _, found := a.model.field(at.Path)
	if !ok || !found {
		return false
	}
	if strings.TrimSpace(text) == "" {
		v.SetZero()
		delete(a.ws.Typed, at.Path)
		if len(a.ws.Typed) == 0 {
			a.ws.Typed = nil
		}
		return true
	}
	x, prob := a.parse(f, text)
	a.keep(f, at.Path, text, x, prob)
	if prob != "" {
		return true
	}
	n := x.(float64)
	v.Set(reflect.ValueOf(&n))
	return true
}

// measureByID returns the supplement's measure with that ID.
func (a *App) measureByID(id string) (contract.Measure, bool) {
	if s := a.ws.Contract; s != nil && id != "" {
		for _, m := range s.Appendix.Measures {
			if m.ID == id {
				return m, true
			}
		}
	}
	return contract.Measure{}, false
}

// measureOfFigure returns the measure of the figure at a place.
func (a *App) measureOfFigure(at Loc) (contract.Measure, bool) {
	i := at.at(0)
	if i < 0 || i >= len(a.ws.Observations) {
		return contract.Measure{}, false
	}
	return a.measureByID(a.ws.Observations[i].Measure)
}

// progressEditor is the state of the view over time.
type progressEditor struct {
	// entering is the index of the figure just added with "Add a figure",
	// which the meeting's metrics section shows the inputs of; -1 for none.
	entering int
	// placing are the figures of no measure given one since the view was
	// opened, by id: they stay where they were chosen until it is left.
	placing  map[string]bool
	fig      *figureImport // the spreadsheet of figures being checked before it is added
	figAdded *importAdded  // what the last import of figures added, for Undo
}

// handleProgress handles the figures' and the view's events ("progress.*").
func (a *App) handleProgress(ev Event) ([]Effect, bool) {
	if strings.HasPrefix(ev.Action, "progress.fig.") {
		return a.handleFigureImport(ev), true
	}
	switch ev.Action {
	case "progress.add":
		m, ok := a.measureByID(ev.Arg)
		if !ok {
			return nil, true
		}
		id := newID("figure", func(id string) bool {
			return slices.ContainsFunc(a.ws.Observations, func(o progress.Observation) bool { return o.ID == id })
		})
		today := partnership.Date(a.cfg.Now().In(a.ws.Location()).Format(time.DateOnly))
		a.ws.Observations = append(a.ws.Observations, progress.Observation{ID: id, Measure: m.ID, Date: today})
		i := len(a.ws.Observations) - 1
		a.prog.entering = i
		if a.view != ViewMeetings { // the meeting shows the figure being added in its metrics section
			a.view = ViewProgress
		}
		return []Effect{Persist{}, Focus{ID: FieldID("observations[" + strconv.Itoa(i) + "].value")}}, true
	case "progress.remove":
		i, err := strconv.Atoi(ev.Arg)
		if err != nil || i < 0 || i >= len(a.ws.Observations) {
			return nil, true
		}
		measure := a.ws.Observations[i].Measure
		a.ws.Observations = slices.Delete(a.ws.Observations, i, i+1)
		if len(a.ws.Observations) == 0 {
			a.ws.Observations = nil
		}
		a.moved("observations", i, -1)
		switch {
		case a.prog.entering == i:
			a.prog.entering = -1
		case a.prog.entering > i:
			a.prog.entering--
		}
		return []Effect{Persist{}, FocusFirst{IDs: []string{"pk-progress-add-" + measure, "pk-main"}}}, true
	case "progress.html":
		return a.downloadPreRead(), true
	}
	return nil, false
}

// downloadPreRead downloads the data pre-read as a page to print. Printing
// it and its Word file go the way of every tool's document (print.go).
func (a *App) downloadPreRead() []Effect {
	var buf bytes.Buffer
	if err := a.timeline().WriteHTML(&buf); err != nil {
		a.problem("The data pre-read could not be written.", err)
		return nil
	}
	return []Effect{Download{Name: "partnership-over-time-" + a.cfg.Now().Format(time.DateOnly) + ".html", Type: "text/html", Data: buf.Bytes()}}
}

// timeline returns the partnership over time as of today, computed again
// only when the workspace or the day changed.
func (a *App) timeline() *progress.Timeline {
	now := a.cfg.Now()
	day := now.Format(time.DateOnly)
	if a.cache.timelineRev != a.rev+1 || a.cache.timelineDay != day {
		t := partnerkit.OverTime(a.ws, now)
		a.cache.timeline = &t
		a.cache.timelineRev, a.cache.timelineDay = a.rev+1, day
	}
	return a.cache.timeline
}

// chart returns the chart of a measure's series as a data: URL for an
// <img>, which cannot run scripts or load anything; "" when it could not be
// drawn. Charts are kept by what they show, so that typing elsewhere draws
// none again.
func (a *App) chart(s progress.Series, i int) string {
	id := "pk-chart-" + strconv.Itoa(i)
	key := chartKey(s, id)
	if url, ok := a.cache.charts[key]; ok {
		return url
	}
	var buf bytes.Buffer
	if err := progress.WriteSVG(&buf, s, progress.ChartOptions{ID: id}); err != nil {
		return ""
	}
	if a.cache.charts == nil || len(a.cache.charts) >= maxCharts {
		a.cache.charts = map[string]string{}
	}
	a.cache.charts[key] = svgURL(buf.Bytes())
	return a.cache.charts[key]
}

// maxCharts is how many drawn charts are kept before they are all let go.
const maxCharts = 64

// chartKey is everything a chart shows: the measure's name, unit and plan,
// and each point with its source.
func chartKey(s progress.Series, id string) string {
	m := s.Measure
	b := make([]byte, 0, 128+32*len(s.Points))
	b = append(b, id...)
	for _, t := range []string{m.Name, m.Unit, string(m.Direction)} {
		b = append(b, 0)
		b = append(b, t...)
	}
	for _, t := range s.Plan {
		b = append(b, 0)
		b = append(b, t.Kind...)
		b = append(b, t.Date...)
		b = strconv.AppendFloat(b, t.Value, 'g', -1, 64)
		b = append(b, t.Text...)
	}
	for _, p := range s.Points {
		b = append(b, 1)
		b = append(b, p.Date...)
		b = strconv.AppendFloat(b, p.Value, 'g', -1, 64)
		b = append(b, p.Source()...)
	}
	return string(b)
}

// today is the date findings and standings are judged on, as the review does.
func (a *App) today() partnership.Date {
	return partnership.Date(a.cfg.Now().Format(time.DateOnly))
}
