package progress

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
)

// ChartOptions adjusts the chart WriteSVG draws. The zero value is ready to use.
type ChartOptions struct {
	// ID prefixes the ids of the chart's title and description, so that
	// several charts can share a page; "pk-progress" when empty. Characters
	// other than letters, digits, '-' and '_' are replaced by '-'.
	ID string
}

// Chart geometry, in SVG user units.
const (
	chartW      = 640
	chartH      = 320
	plotX0      = 64
	plotX1      = 610
	plotY0      = 52
	plotY1      = 250
	chartAxisY  = 268
	chartLegend = 300
)

// Title returns the chart's title: the measure's name and its unit.
func (s Series) Title() string {
	n := strings.TrimSpace(s.Measure.Name)
	if n == "" {
		n = "Measure " + s.Measure.ID
	}
	if u := strings.TrimSpace(s.Measure.Unit); u != "" {
		n += " (" + u + ")"
	}
	return "Progress: " + n
}

// Description returns a plain-text account of the chart for readers who
// cannot see it: the planned line and every recorded value in date order.
// It is the SVG's desc element.
func (s Series) Description() string {
	m := s.Measure
	var b strings.Builder
	if len(s.Plan) >= 2 {
		b.WriteString("Planned: ")
		for i, t := range s.Plan {
			if i > 0 {
				b.WriteString(", then ")
			}
			if t.Kind == "baseline" {
				fmt.Fprintf(&b, "from a baseline of %s on %s", m.Format(t.Value), words.Day(t.Date))
			} else {
				fmt.Fprintf(&b, "%s of %s by %s", t.Label()[len("the "):], m.Format(t.Value), words.Day(t.Date))
			}
		}
		if dir, _ := s.Direction(); dir == contract.Decrease {
			b.WriteString("; lower is better")
		} else if dir == contract.Increase {
			b.WriteString("; higher is better")
		}
		b.WriteString(". ")
	} else {
		b.WriteString("No planned line: the measure needs a baseline and a numeric target with their dates. ")
	}
	switch len(s.Points) {
	case 0:
		b.WriteString("No values recorded yet.")
	default:
		fmt.Fprintf(&b, "%s recorded: ", words.Count(len(s.Points), "value", "values"))
		for i, p := range s.Points {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s on %s", m.Format(p.Value), words.Day(p.Date))
		}
		b.WriteString(".")
		if st := s.standing(s.Points[len(s.Points)-1].day); st.HasExpected {
			fmt.Fprintf(&b, " The latest is %s.", stateWords(st, m))
		}
	}
	return b.String()
}

// stateWords says where a standing is, for a description.
func stateWords(st Standing, m contract.Measure) string {
	switch st.State {
	case Behind:
		return fmt.Sprintf("behind the planned line by %s", gap(m, st.Gap))
	case OnTrack:
		return "on or ahead of the planned line"
	case Met:
		return st.Toward.Label()[len("the "):] + " met"
	case NotMet:
		return fmt.Sprintf("short of %s by %s", st.Toward.Label(), gap(m, st.Gap))
	}
	return "not judged"
}

// WriteSVG draws the progress chart of a series as a self-contained SVG:
// the recorded values over time, the baseline, the interim and final
// targets and the planned line between them. For people using screen
// readers it carries a title, a description and the values as a table;
// every text from users is escaped, so the drawing stays well-formed XML
// whatever was typed.
func WriteSVG(w io.Writer, s Series, opts ChartOptions) error {
	bw := bufio.NewWriter(w)
	id := escape.ID(opts.ID, "pk-progress")
	m := s.Measure
	e := escape.XML
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" class="pk-progress" role="group" viewBox="0 0 %d %d" width="%d" height="%d" aria-labelledby="%s-title" aria-describedby="%s-desc" font-family="system-ui, sans-serif" font-size="12">`+"\n",
		chartW, chartH, chartW, chartH, id, id)
	fmt.Fprintf(bw, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", id, e(s.Title()), id, e(s.Description()))
	bw.WriteString(`<g aria-hidden="true">` + "\n")
	fmt.Fprintf(bw, `<text x="10" y="20" font-size="14" font-weight="600" fill="#111">%s</text>`+"\n", e(words.Shorten(s.Title(), 80)))

	sc, ok := newScale(s)
	if !ok {
		fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="middle" fill="#555">No values and no planned line yet: add a baseline, a target and the data as it comes in.</text>`+"\n", chartW/2, (plotY0+plotY1)/2)
		bw.WriteString("</g>\n</svg>\n")
		return bw.Flush()
	}
	// Axes: value gridlines with labels, then time ticks.
	for _, v := range sc.yTicks {
		y := sc.y(v)
		fmt.Fprintf(bw, `<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="#e3e3e3"/>`+"\n", plotX0, num(y), plotX1, num(y))
		fmt.Fprintf(bw, `<text x="%d" y="%s" text-anchor="end" dominant-baseline="middle" fill="#333">%s</text>`+"\n", plotX0-6, num(y), contract.FormatValue(v, ""))
	}
	if u := strings.TrimSpace(m.Unit); u != "" {
		fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="end" fill="#555">%s</text>`+"\n", plotX0-6, plotY0-12, e(words.Shorten(u, 20)))
	}
	fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#777"/>`+"\n", plotX0, plotY1, plotX1, plotY1)
	for _, t := range sc.xTicks {
		x := sc.x(t.day)
		fmt.Fprintf(bw, `<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="#777"/>`+"\n", num(x), plotY1, num(x), plotY1+5)
		fmt.Fprintf(bw, `<text x="%s" y="%d" text-anchor="middle" fill="#333">%s</text>`+"\n", num(x), chartAxisY, t.label)
	}
	// The planned line, dashed, and its points.
	if len(s.Plan) >= 2 {
		sc.polyline(bw, `class="plan" fill="none" stroke="#8a8a8a" stroke-width="2" stroke-dasharray="6 4"`, len(s.Plan),
			func(i int) (int64, float64) { return s.Plan[i].day, s.Plan[i].Value })
	}
	for _, t := range s.Plan {
		x, y := sc.x(t.day), sc.y(t.Value)
		if t.Kind == "baseline" {
			fmt.Fprintf(bw, `<rect class="baseline" x="%s" y="%s" width="10" height="10" fill="#555"><title>Baseline: %s on %s</title></rect>`+"\n",
				num(x-5), num(y-5), e(m.Format(t.Value)), words.Day(t.Date))
			continue
		}
		label := "Interim target"
		if t.Kind == "final" {
			label = "Final target"
		}
		fmt.Fprintf(bw, `<path class="target" d="M%s %s l7 7 l-7 7 l-7 -7 z" fill="#c0392b"><title>%s: %s by %s</title></path>`+"\n",
			num(x), num(y-7), label, e(m.Format(t.Value)), words.Day(t.Date))
		anchor := "middle"
		if x > plotX1-40 {
			anchor = "end"
		}
		fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="%s" fill="#c0392b">%s %s</text>`+"\n", num(x), num(y-12), anchor, label, e(contract.FormatValue(t.Value, "")))
	}
	// The recorded values, joined in time order.
	if len(s.Points) > 1 {
		sc.polyline(bw, `class="values" fill="none" stroke="#1f4e79" stroke-width="2.5"`, len(s.Points),
			func(i int) (int64, float64) { return s.Points[i].day, s.Points[i].Value })
	}
	for _, p := range s.Points {
		fmt.Fprintf(bw, `<circle cx="%s" cy="%s" r="4.5" fill="#1f4e79" stroke="#fff"><title>%s</title></circle>`+"\n",
			num(sc.x(p.day)), num(sc.y(p.Value)), e(pointTitle(m, p)))
	}
	if len(s.Points) <= 12 {
		for _, p := range s.Points {
			fmt.Fprintf(bw, `<text x="%s" y="%s" text-anchor="middle" fill="#1f4e79" font-weight="600">%s</text>`+"\n",
				num(sc.x(p.day)), num(sc.y(p.Value)+17), e(contract.FormatValue(p.Value, "")))
		}
	}
	if len(s.Points) == 0 {
		fmt.Fprintf(bw, `<text x="%d" y="%d" text-anchor="middle" fill="#555">No values recorded yet</text>`+"\n", (plotX0+plotX1)/2, (plotY0+plotY1)/2)
	}
	// Legend.
	fmt.Fprintf(bw, `<g class="legend" fill="#333"><line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#1f4e79" stroke-width="2.5"/><text x="%d" y="%d" dominant-baseline="middle">recorded values</text>`,
		plotX0, chartLegend, plotX0+24, chartLegend, plotX0+30, chartLegend)
	fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#8a8a8a" stroke-width="2" stroke-dasharray="6 4"/><text x="%d" y="%d" dominant-baseline="middle">planned line</text>`,
		plotX0+150, chartLegend, plotX0+174, chartLegend, plotX0+180, chartLegend)
	fmt.Fprintf(bw, `<rect x="%d" y="%d" width="10" height="10" fill="#555"/><text x="%d" y="%d" dominant-baseline="middle">baseline</text>`,
		plotX0+280, chartLegend-5, plotX0+296, chartLegend)
	fmt.Fprintf(bw, `<path d="M%d %d l6 6 l-6 6 l-6 -6 z" fill="#c0392b"/><text x="%d" y="%d" dominant-baseline="middle">target</text></g>`+"\n",
		plotX0+370, chartLegend-6, plotX0+382, chartLegend)
	bw.WriteString("</g>\n")
	writeTable(bw, s)
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// writeTable writes the chart's values as an ARIA table for screen readers:
// moved off the drawing and transparent, so it is read but not seen.
func writeTable(bw *bufio.Writer, s Series) {
	e := escape.XML
	rows := tableRows(s)
	fmt.Fprintf(bw, `<g role="table" aria-label="%s" transform="translate(-10000 0)" opacity="0">`+"\n", e("Values of "+strings.TrimPrefix(s.Title(), "Progress: ")))
	bw.WriteString(`<g role="row"><text role="columnheader" y="10">Date</text><text role="columnheader" y="10" x="100">Value</text><text role="columnheader" y="10" x="200">What</text></g>` + "\n")
	for i, r := range rows {
		y := strconv.Itoa(24 + 14*i)
		fmt.Fprintf(bw, `<g role="row"><text role="cell" y="%s">%s</text><text role="cell" y="%s" x="100">%s</text><text role="cell" y="%s" x="200">%s</text></g>`+"\n",
			y, words.Day(partnership.Date(r.date)), y, e(r.text), y, e(r.what))
	}
	bw.WriteString("</g>\n")
}

// scale maps days and values to the drawing.
type scale struct {
	d0, d1 int64
	v0, v1 float64
	yTicks []float64
	xTicks []tick
}

type tick struct {
	day   int64
	label string
}

// newScale fits the series' dates and values into the plot, with round
// value ticks from zero (or the lowest value, when below zero) and date
// ticks at the starts of months, quarters or years.
func newScale(s Series) (scale, bool) {
	var sc scale
	first := true
	see := func(day int64, v float64) {
		if first {
			sc.d0, sc.d1, sc.v0, sc.v1 = day, day, v, v
			first = false
			return
		}
		sc.d0, sc.d1 = min(sc.d0, day), max(sc.d1, day)
		sc.v0, sc.v1 = math.Min(sc.v0, v), math.Max(sc.v1, v)
	}
	for _, t := range s.Plan {
		see(t.day, t.Value)
	}
	for _, p := range s.Points {
		see(p.day, p.Value)
	}
	if first {
		return sc, false
	}
	// Dates: some room on both sides, at least a month in all.
	span := sc.d1 - sc.d0
	pad := max(span/25, 7)
	if span < 30 {
		pad = (30-span)/2 + 7
	}
	sc.d0 -= pad
	sc.d1 += pad
	// Values: round steps, from zero for counts.
	sc.v0 = math.Min(sc.v0, 0)
	if sc.v1 <= sc.v0 {
		sc.v1 = sc.v0 + 1
	}
	step := niceStep((sc.v1 - sc.v0) / 4)
	sc.v0 = math.Floor(sc.v0/step) * step
	sc.v1 = math.Ceil(sc.v1*1.08/step) * step
	for v := sc.v0; v <= sc.v1+step/2 && len(sc.yTicks) < 12; v += step {
		sc.yTicks = append(sc.yTicks, math.Round(v/step)*step)
	}
	sc.xTicks = timeTicks(sc.d0, sc.d1)
	return sc, true
}

// polyline draws n points, the ith at the day and value at(i) gives, joined
// by a line with the given attributes.
func (sc scale) polyline(bw *bufio.Writer, attrs string, n int, at func(i int) (int64, float64)) {
	bw.WriteString(`<polyline ` + attrs + ` points="`)
	for i := range n {
		if i > 0 {
			bw.WriteByte(' ')
		}
		day, v := at(i)
		bw.WriteString(num(sc.x(day)) + "," + num(sc.y(v)))
	}
	bw.WriteString(`"/>` + "\n")
}

func (sc scale) x(day int64) float64 {
	return plotX0 + float64(day-sc.d0)/float64(sc.d1-sc.d0)*(plotX1-plotX0)
}

func (sc scale) y(v float64) float64 {
	return plotY1 - (v-sc.v0)/(sc.v1-sc.v0)*(plotY1-plotY0)
}

// niceStep rounds a step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if raw <= f*p {
			return f * p
		}
	}
	return 10 * p
}

// timeTicks returns ticks at month starts: every month for a span of up to
// four months, every quarter up to two years, every year beyond.
func timeTicks(d0, d1 int64) []tick {
	t0 := time.Unix(d0*secondsPerDay, 0).UTC()
	months := (d1 - d0) / 30
	every := 1
	switch {
	case months > 24:
		every = 12
	case months > 4:
		every = 3
	}
	start := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
	for (int(start.Month())-1)%every != 0 {
		start = start.AddDate(0, 1, 0)
	}
	var out []tick
	for t := start; len(out) < 40; t = t.AddDate(0, every, 0) {
		day := floorDiv(t.Unix(), secondsPerDay)
		if day > d1 {
			break
		}
		if day < d0 {
			continue
		}
		label := t.Format("Jan 2006")
		if every == 12 {
			label = t.Format("2006")
		}
		out = append(out, tick{day, label})
	}
	return out
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// pointTitle says what a point of the chart is: its value, date and source.
func pointTitle(m contract.Measure, p Point) string {
	s := m.Format(p.Value) + " on " + words.Day(p.Date)
	if src := strings.TrimSpace(p.Source()); src != "" {
		s += " (" + words.Shorten(src, 200) + ")"
	}
	return s
}
