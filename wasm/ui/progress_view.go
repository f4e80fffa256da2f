package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

// stateWords name where a measure stands, for the badge beside its name.
var stateWords = map[progress.State]string{
	progress.NotMeasurable: "Not measurable yet",
	progress.NoData:        "No figures yet",
	progress.OnTrack:       "On track",
	progress.Behind:        "Behind",
	progress.Met:           "Target met",
	progress.NotMet:        "Target not met",
}

// viewProgress is the partnership over time: each measure with its chart,
// its figures and a quick way to add one, then quarter by quarter what the
// quarterly meeting looks at. It prints as the data pre-read.
func (a *App) viewProgress() *Node {
	head := El("h2", ID("pk-progress-h"), "The partnership over time")
	t := a.timeline()
	s := a.ws.Contract
	if s == nil || len(s.Appendix.Measures) == 0 {
		return El("section", ID("pk-progress"), A("aria-labelledby", "pk-progress-h"), head,
			El("p", Class("pk-empty"), "No success measures yet. The contract supplement's appendix sets the measures the district and the partner agree on, with a target around January and one around June. Add them in the contract, with where each stood at the start and its targets as figures; then record the figures here as they come in, quarter by quarter, and see which measures are on track."),
			El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-progress-to-measures"), On("click", "fix"), Arg("contract.appendix.measures"), "Go to the contract's success measures")))
	}
	cards := make([]*Node, len(t.Measures))
	for i := range t.Measures {
		cards[i] = a.viewMeasure(i, true)
	}
	return El("section", ID("pk-progress"), A("aria-labelledby", "pk-progress-h"), head,
		El("p", "Each success measure of the contract supplement against the straight line from where it stood at the start to its January and June targets, with the figures recorded so far; then, quarter by quarter, the readiness ratings, the measures, the action items closed on time and who came to the meetings. Print it as the quarterly meeting's data pre-read."),
		El("p", Class("pk-hint"), progress.Note),
		El("div", Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), ID("pk-progress-print"), On("click", "print"), "Print the data pre-read"),
			El("button", A("type", "button"), ID("pk-progress-html"), Class("pk-secondary"), On("click", "progress.html"), "Download the pre-read (HTML, to print)"),
			El("button", A("type", "button"), ID("pk-progress-docx"), Class("pk-secondary"), On("click", "docx"), Arg("view"), "Download the pre-read (Word)")),
		El("p", ID("pk-progress-asof"), Class("pk-hint"), "As of "+usDay(t.AsOf)+"."),
		El("h3", "The measures"),
		cards,
		a.viewFigureImport(),
		a.viewUnknownFigures(),
		a.viewQuarters(t))
}

// usDay writes a date as people in the US do, or says there is none.
func usDay(d partnership.Date) string {
	if d == "" {
		return "no date yet"
	}
	return partnership.USDate(d)
}

// viewMeasure is one measure of the timeline: its name and where it stands,
// its chart with the figures as a table, the findings about it, and a
// button to add a figure. With edit, the figures recorded are listed for
// editing; without (the meeting's metrics section), only the one just added.
func (a *App) viewMeasure(i int, edit bool) *Node {
	t := a.timeline()
	sr, st := t.Measures[i], t.Standings[i]
	m := sr.Measure
	path := "contract.appendix.measures[" + strconv.Itoa(i) + "]"
	hid := "pk-measure-" + strconv.Itoa(i) + "-h"
	title := named(m.Name, fmt.Sprintf("Measure %d (no name yet)", i+1))
	var chart *Node
	if src := a.chart(sr, i); src != "" {
		chart = El("img", Key("chart"), Class("pk-chart"), A("src", src), A("alt", sr.Description()))
	}
	var figures, inputs []*Node
	var table *Node
	if len(sr.Points) > 0 {
		rows := make([]*Node, len(sr.Points))
		for k, p := range sr.Points {
			rows[k] = El("tr", Key(p.Observation.ID), El("th", A("scope", "row"), partnership.USDate(p.Date)), El("td", m.Format(p.Value)), El("td", p.Source()))
		}
		table = El("table", Key("figures"), Class("pk-figures"),
			El("caption", "Figures recorded for "+title),
			El("thead", El("tr", El("th", A("scope", "col"), "Date"), El("th", A("scope", "col"), "Figure"), El("th", A("scope", "col"), "Where it comes from"))),
			El("tbody", rows))
	}
	for j, o := range a.ws.Observations {
		if o.Measure != m.ID || a.prog.placing[o.ID] || !edit && j != a.prog.entering {
			continue
		}
		inputs = append(inputs, a.viewFigure(j))
	}
	if len(inputs) > 0 {
		label := "Edit the figures"
		if !edit {
			label = "The figure being added"
		}
		details := El("details", Key("edit"), Class("pk-noprint"), El("summary", label), inputs)
		if !edit || len(inputs) <= 3 || a.prog.entering >= 0 { // many figures stay folded until asked for
			details.Attrs = append(details.Attrs, A("open", ""))
		}
		figures = []*Node{details}
	}
	var fs []partnership.Finding
	for _, f := range a.reviewFindings() {
		if hasPrefixPath(f.Path, path) || a.figureOf(f.Path, m.ID) {
			fs = append(fs, f)
		}
	}
	var missing *Node
	if !m.Numeric() {
		missing = El("p", Key("missing"), Class("pk-hint pk-noprint"), "To follow this measure, give it where it stood at the start (a figure and its date) and a target as a figure, in the contract. ",
			El("button", A("type", "button"), Class("pk-link"), On("click", "fix"), Arg(path+".baseline.value"), "Add them in the contract"))
	}
	return El("section", Key("measure:"+m.ID), ID("pk-measure-"+m.ID), A("tabindex", "-1"), Class("pk-measure pk-measure-"+string(st.State)), A("aria-labelledby", hid),
		// Every part is keyed: one that comes or goes (a table, a finding)
		// moves none of the others, so the figure being typed keeps its focus.
		El("h4", Key("title"), ID(hid), title, " ", El("span", Class("pk-badge"), stateWords[st.State])),
		El("p", Key("standing"), Class("pk-standing"), st.Text(m)+"."),
		missing,
		chart,
		table,
		El("div", Key("findings"), findingsNode(fs)),
		figures,
		El("div", Key("add"), Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), ID("pk-progress-add-"+m.ID), Class("pk-secondary"), On("click", "progress.add"), Arg(m.ID), "Add a figure for "+title)))
}

// figureOf reports whether path is that of a figure of the measure.
func (a *App) figureOf(path, measure string) bool {
	var j int
	if !scanIndex(path, "observations[%d]", &j) || j >= len(a.ws.Observations) {
		return false
	}
	return a.ws.Observations[j].Measure == measure
}

// viewFigure is the inputs of the figure at index j.
func (a *App) viewFigure(j int) *Node {
	at := "observations[" + strconv.Itoa(j) + "]"
	c := form{a: a, problems: a.invalidUnder(at)}
	o := a.ws.Observations[j]
	legend := "New figure"
	if o.Value != nil && o.Date != "" {
		legend = "Figure of " + partnership.USDate(o.Date)
	}
	return El("fieldset", Key("figure:"+o.ID), ID(FieldID(at)), A("tabindex", "-1"), Class("pk-item"),
		El("legend", legend),
		El("div", Key("when"), Class("pk-pair"), c.input(at+".date"), c.input(at+".value")),
		c.input(at+".source"),
		c.input(at+".recordedBy"),
		c.input(at+".note"),
		El("div", Key("remove"), Class("pk-actions"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "progress.remove"), Arg(strconv.Itoa(j)), "Remove this figure")))
}

// viewUnknownFigures lists the figures of measures the supplement does not
// have (removed, or from another copy), so that they can be given a measure
// or removed; nothing is dropped unseen.
func (a *App) viewUnknownFigures() *Node {
	var items []*Node
	for j, o := range a.ws.Observations {
		if _, ok := a.measureByID(o.Measure); ok && !a.prog.placing[o.ID] {
			continue
		}
		at := "observations[" + strconv.Itoa(j) + "]"
		items = append(items, El("div", Key("unknown:"+o.ID), a.viewFigure(j), form{a: a}.input(at+".measure")))
	}
	if len(items) == 0 {
		return nil
	}
	return El("section", Key("unknown"), ID(FieldID("observations")), A("tabindex", "-1"), Class("pk-noprint"), A("aria-labelledby", "pk-unknown-h"),
		El("h3", ID("pk-unknown-h"), "Figures of no measure"),
		El("p", Class("pk-hint"), "These figures belong to no measure of the contract supplement: perhaps one that was removed. Choose their measure, or remove them."),
		items)
}

// viewQuarters is the timeline quarter by quarter, as a table.
func (a *App) viewQuarters(t *progress.Timeline) *Node {
	if len(t.Quarters) == 0 {
		return nil
	}
	rows := make([]*Node, 0, len(t.Quarters))
	for i := len(t.Quarters) - 1; i >= 0; i-- { // the latest first
		q := t.Quarters[i]
		if q.Quiet {
			rows = append(rows, El("tr", Key(string(q.Start)), El("th", A("scope", "row"), q.Label), El("td", A("colspan", "4"), "Nothing recorded or due.")))
			continue
		}
		var rounds, measures, meetings []string
		for _, r := range q.Readiness {
			for _, tm := range r.Teams {
				var cats []string
				for _, c := range tm.Means {
					if c.N > 0 {
						cats = append(cats, fmt.Sprintf("%s %.1f", c.Title, c.Mean))
					}
				}
				rounds = append(rounds, fmt.Sprintf("%s, %s (%s): %s", r.Title, tm.Team, plural(tm.Raters, "rater", "raters"), strings.Join(cats, ", ")))
			}
		}
		for _, mq := range q.Measures {
			if mq.Measure < len(t.Measures) {
				measures = append(measures, named(mq.Name, "A measure without a name")+": "+mq.Standing.Text(t.Measures[mq.Measure].Measure))
			}
		}
		for _, at := range q.Meetings {
			s := fmt.Sprintf("%s, %s: district %d, partner %d, school %d", at.Title, usDay(at.Date), at.District, at.Partner, at.School)
			if !at.Closed {
				s += " (expected)"
			}
			if miss := at.Missing(); len(miss) > 0 {
				var words []string
				for _, side := range miss {
					words = append(words, sideWords[side])
				}
				s += "; nobody of the " + strings.Join(words, " or ") + " side"
			}
			meetings = append(meetings, s)
		}
		rows = append(rows, El("tr", Key(string(q.Start)),
			El("th", A("scope", "row"), q.Label),
			El("td", cell(rounds, "No round")),
			El("td", cell(measures, "No measure")),
			El("td", q.Actions.Text()),
			El("td", cell(meetings, "No meeting"))))
	}
	var notes *Node
	if len(t.Notes) > 0 {
		notes = El("ul", Class("pk-hint"), lis(t.Notes))
	}
	return El("section", Key("quarters"), ID("pk-quarters"), A("aria-labelledby", "pk-quarters-h"),
		El("h3", ID("pk-quarters-h"), "Quarter by quarter"),
		El("div", Class("pk-table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-labelledby", "pk-quarters-h"),
			El("table", ID("pk-quarters-table"),
				El("caption", "The partnership quarter by quarter, the latest first"),
				El("thead", El("tr", El("th", A("scope", "col"), "Quarter"), El("th", A("scope", "col"), "Readiness ratings (means)"),
					El("th", A("scope", "col"), "Measures at the quarter's end"), El("th", A("scope", "col"), "Action items"), El("th", A("scope", "col"), "Meetings: who came, by side"))),
				El("tbody", rows))),
		notes)
}

// cell lists entries one a line, or says there is none.
func cell(entries []string, none string) any {
	switch len(entries) {
	case 0:
		return El("span", Class("pk-hint"), none)
	case 1:
		return entries[0]
	}
	return El("ul", Class("pk-cell"), lis(entries))
}

// viewMetrics is what the quarterly meeting's metrics section shows while it
// runs: each measure where it stands, with its chart and a quick way to add
// a figure, and a link to the whole picture over time.
func (a *App) viewMetrics() *Node {
	s := a.ws.Contract
	if s == nil || len(s.Appendix.Measures) == 0 {
		return El("div", Key("metrics"), ID("pk-metrics"), Class("pk-metrics"),
			El("p", Class("pk-hint"), "No success measures yet: add them in the contract supplement to see their figures here."))
	}
	t := a.timeline()
	cards := make([]*Node, len(t.Measures))
	for i := range t.Measures {
		cards[i] = a.viewMeasure(i, false)
	}
	return El("div", Key("metrics"), ID("pk-metrics"), Class("pk-metrics"), A("role", "region"), A("aria-label", "The measures' figures"),
		cards,
		El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "nav"), Arg(string(ViewProgress)), "See the partnership over time")))
}

// metricsSection reports whether a meeting's section is about the data.
func metricsSection(theme string) bool { return theme == string(partnership.ThemeMetrics) }

// measureChart is where the contract's measure at index i stands today and
// its chart, beside its fields. It reads only the measure's own figures, not
// the whole timeline, as it is drawn again at every key typed in the form.
func (a *App) measureChart(i int, m contract.Measure) *Node {
	sr := progress.SeriesOf(m, a.ws.Observations)
	st := sr.StandingAt(a.today())
	var chart *Node
	if src := a.chart(sr, i); src != "" {
		chart = El("img", Key("chart"), Class("pk-chart"), A("src", src), A("alt", sr.Description()))
	}
	return El("div", Key("progress"), Class("pk-measure-progress"),
		El("p", Key("standing"), Class("pk-standing"), El("strong", stateWords[st.State]+": "), st.Text(m)+"."),
		chart,
		El("div", Key("add"), Class("pk-actions pk-noprint"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "progress.add"), Arg(m.ID), "Add a figure"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "nav"), Arg(string(ViewProgress)), "See its figures over time")))
}
