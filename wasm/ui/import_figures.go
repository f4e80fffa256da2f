package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

// The import of the measures' figures from a spreadsheet, in the view over
// time: like the other imports, it shows what each column gives, the first
// rows, the figures it would add and every problem, and adds nothing until
// asked.

// figureImport is a spreadsheet of figures being checked before its figures
// are added.
type figureImport struct {
	sheetImport
	fs       *progress.Figures
	read     []progress.FigureColumn // as the file was read, before any choice
	chosen   choices
	figures  []progress.Observation
	problems []partnership.Problem
}

// choose gives column col the field value, as surveyImport.choose does.
func (s *figureImport) choose(col int, value string) bool {
	cols, chosen, ok := chooseField(s.read, s.chosen, col, value, progress.FigureFields())
	if ok {
		s.fs.Plan.Columns, s.chosen = cols, chosen
	}
	return ok
}

func (s *figureImport) refresh() {
	s.figures, s.problems = nil, nil
	obs, err := s.fs.Observations()
	if err != nil {
		s.problems = partnership.ProblemsOf(err)
		return
	}
	s.figures = obs
}

// handleFigureImport handles the import of figures ("progress.fig.*").
func (a *App) handleFigureImport(ev Event) []Effect {
	e := &a.prog
	switch ev.Action {
	case "progress.fig.file":
		if len(ev.Files) == 0 {
			return nil
		}
		f := ev.Files[0]
		if f.Err != "" {
			a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("%q could not be read: %s", f.Name, f.Err)})
			return nil
		}
		return a.reopenFigures(sheetImport{name: f.Name, data: f.Data})
	case "progress.fig.undo":
		if e.figAdded == nil {
			return nil
		}
		var n int
		a.ws.Observations, n = takeOut(e.figAdded, a.ws.Observations, func(o progress.Observation) string { return o.ID })
		if len(a.ws.Observations) == 0 {
			a.ws.Observations = nil
		}
		a.notify(Notice{Kind: "ok", Text: fmt.Sprintf("Took out the %s added from %q.", plural(n, "figure", "figures"), e.figAdded.name)})
		e.figAdded, e.entering = nil, -1
		return []Effect{Persist{}, Focus{ID: "pk-fig-file"}}
	}
	s := e.fig
	if s == nil {
		return nil
	}
	switch ev.Action {
	case "progress.fig.field":
		if j, err := strconv.Atoi(ev.Arg); err == nil && s.choose(j, ev.Value) {
			s.refresh()
		}
	case "progress.fig.measure":
		s.fs.Plan.Measure = ev.Value
		s.refresh()
	case "progress.fig.encoding", "progress.fig.delimiter", "progress.fig.sheet":
		return a.reopenFigures(s.readAs(strings.TrimPrefix(ev.Action, "progress.fig."), ev.Value))
	case "progress.fig.cancel":
		e.fig = nil
		return []Effect{Focus{ID: "pk-fig-file"}}
	case "progress.fig.add":
		if len(s.problems) > 0 || len(s.figures) == 0 {
			return []Effect{Focus{ID: "pk-fig-problems"}}
		}
		added := addedFrom(s.name, s.figures, func(o progress.Observation) string { return o.ID })
		a.ws.Observations = append(a.ws.Observations, s.figures...)
		a.notify(Notice{Kind: "ok", Text: fmt.Sprintf("Added %s from %q.", plural(len(s.figures), "figure", "figures"), s.name)})
		e.fig, e.figAdded, e.entering = nil, added, -1
		return []Effect{Persist{}, Focus{ID: "pk-fig-undo"}}
	}
	return nil
}

// reopenFigures reads the file as its options say, for its preview.
func (a *App) reopenFigures(si sheetImport) []Effect {
	var s *figureImport
	return a.readSheet(si, "a spreadsheet", "pk-fig-file", "pk-fig-h", func() error {
		fs, err := progress.OpenFigures(bytes.NewReader(si.data), a.measures(), a.ws.Observations, si.opts)
		if err != nil {
			a.prog.fig = nil
			return err
		}
		s = &figureImport{sheetImport: si, fs: fs, read: slices.Clone(fs.Plan.Columns)}
		return nil
	}, steady("Checking the figures…"), func() {
		s.refresh()
		a.prog.fig = s
	})
}

// viewFigureImport draws the import of figures: the file picker, and the
// preview of a file chosen.
func (a *App) viewFigureImport() *Node {
	var undo *Node
	if ad := a.prog.figAdded; ad != nil {
		undo = El("p", Key("fig-undo"), Class("pk-undo"), fmt.Sprintf("Added %s from %q. ", plural(len(ad.ids), "figure", "figures"), ad.name),
			El("button", A("type", "button"), ID("pk-fig-undo"), Class("pk-secondary"), On("click", "progress.fig.undo"), "Undo the import"))
	}
	return El("section", ID("pk-fig"), Class("pk-import pk-noprint"), A("aria-labelledby", "pk-fig-title"),
		El("h3", ID("pk-fig-title"), "Import figures from a spreadsheet"),
		El("p", Class("pk-hint"), "One row per figure, with a column for the measure (its name, as in the contract), the date the figure describes, and the figure; columns for where it comes from, a note and who recorded it are read too. A sheet of one measure needs no measure column: you choose the measure."),
		El("div", Class("pk-drop"), On("drop", "progress.fig.file"),
			El("label", A("for", "pk-fig-file"), "Import the spreadsheet (choose it, or drop it here)"),
			El("input", ID("pk-fig-file"), A("type", "file"), A("accept", importAccept), On("change", "progress.fig.file"))),
		undo,
		a.viewFigurePreview(),
	)
}

func (a *App) viewFigurePreview() *Node {
	s := a.prog.fig
	if s == nil {
		return nil
	}
	plan := &s.fs.Plan
	var measure *Node
	hasMeasure := slices.ContainsFunc(plan.Columns, func(c progress.FigureColumn) bool { return c.Field == progress.FigureMeasure })
	if !hasMeasure || plan.Measure != "" {
		opts := []*Node{optionNode("", "(none: the sheet says it)", plan.Measure)}
		for _, m := range a.measures() {
			opts = append(opts, optionNode(m.ID, named(m.Name, "a measure without a name"), plan.Measure))
		}
		measure = El("div", Key("measure"), El("label", A("for", "pk-fig-measure"), "The measure of every figure, for a sheet without a measure column"),
			El("select", ID("pk-fig-measure"), On("change", "progress.fig.measure"), opts))
	}
	return El("div", Key("fig-preview"),
		El("h4", ID("pk-fig-h"), A("tabindex", "-1"), fmt.Sprintf("Check the import of %q", s.name)),
		El("p", "Read as "+plan.Source.File+". Check what each column gives; nothing is added until you choose to add the figures."),
		s.sourceChoices(plan.Source, "pk-fig", "progress.fig"),
		viewColumnFields("pk-fig", "progress.fig.field", plan.Columns, progress.FigureFields()),
		measure,
		viewSheetRows("pk-fig-rows", s.fs.Rows(previewRows), s.fs.Len(), usedColumns(plan.Columns)),
		a.viewFiguresAdded(s.figures),
		viewImportProblems("pk-fig-problems", s.problems, "figures"),
		El("div", Class("pk-actions"), addOrNot(s.problems, len(s.figures), "pk-fig-add", "progress.fig.add",
			"Add "+plural(len(s.figures), "figure", "figures")),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-fig-cancel"), On("click", "progress.fig.cancel"), "Cancel the import")),
	)
}

// viewFiguresAdded lists the figures an import would add, by measure.
func (a *App) viewFiguresAdded(obs []progress.Observation) *Node {
	if len(obs) == 0 {
		return nil
	}
	rows := make([]*Node, len(obs))
	for i, o := range obs {
		m, _ := a.measureByID(o.Measure)
		value := sheet.FormatNumber(*o.Value)
		if u := strings.TrimSpace(m.Unit); u != "" {
			value += " " + u
		}
		rows[i] = El("tr", Key("fig-"+strconv.Itoa(i)),
			El("th", A("scope", "row"), named(m.Name, "a measure without a name")), El("td", usDate(o.Date)), El("td", value), El("td", o.Source))
	}
	return El("table", ID("pk-fig-adds"), Key("adds"),
		El("caption", "What would be added"),
		El("thead", El("tr", El("th", A("scope", "col"), "Measure"), El("th", A("scope", "col"), "Date"),
			El("th", A("scope", "col"), "Figure"), El("th", A("scope", "col"), "Where it comes from"))),
		El("tbody", rows))
}

// measures are the contract supplement's success measures.
func (a *App) measures() []contract.Measure {
	if s := a.ws.Contract; s != nil {
		return s.Appendix.Measures
	}
	return nil
}
