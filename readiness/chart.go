package readiness

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/words"
)

// Chart is a dot chart of ratings: one row per category of one team
// (TeamChart) or one row per team for one category (CategoryChart). Each
// rating is a dot at its level, the mean is marked, and a bar shows the
// spread from the lowest to the highest rating.
type Chart struct {
	// ID prefixes the ids of the SVG's title and description; give each chart
	// on a page its own. Letters, digits, '-' and '_' are kept.
	ID    string
	Title string
	Scale Scale
	Rows  []ChartRow
}

// ChartRow is one row of a chart: the summary of one category of one team.
type ChartRow struct {
	Label   string
	Summary CategorySummary
}

// TeamChart charts one team's ratings, a row per category in rubric order.
// The dots carry the raters' names only when r.Options.Names is set.
func TeamChart(r Report, team string) (Chart, bool) {
	t, ok := r.shown().Team(team)
	if !ok {
		return Chart{}, false
	}
	c := Chart{ID: "chart-" + t.Team, Title: teamLabel(t.Team) + ": ratings by category", Scale: r.Rubric.Scale}
	for _, cs := range t.Categories {
		c.Rows = append(c.Rows, ChartRow{Label: cs.Title, Summary: cs})
	}
	return c, true
}

// CategoryChart charts one category's ratings, a row per team. The dots
// carry the raters' names only when r.Options.Names is set.
func CategoryChart(r Report, categoryID string) (Chart, bool) {
	r = r.shown()
	cat, _, ok := r.Rubric.Category(categoryID)
	if !ok {
		return Chart{}, false
	}
	c := Chart{ID: "chart-" + cat.ID, Title: cat.Title + ": ratings by team", Scale: r.Rubric.Scale}
	for _, t := range r.Teams {
		cs, _ := t.Category(categoryID)
		c.Rows = append(c.Rows, ChartRow{Label: teamLabel(t.Team), Summary: cs})
	}
	return c, true
}

// Chart geometry, in SVG user units.
const (
	chartWidth   = 640
	chartLabelX  = 10
	chartPlotX0  = 240
	chartPlotX1  = 610
	chartTop     = 58
	chartDot     = 5  // radius
	chartDotGap  = 11 // distance between dots at one level
	chartPerLine = 5  // dots side by side before a new line
	chartMaxDots = 15 // above this a level shows one dot with its count
	chartRowPad  = 14 // space above and below a row's dots
	chartRowMinH = 40
)

// Description returns a plain-text account of the chart, for readers who
// cannot see it: it is the SVG's desc element.
func (c Chart) Description() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Ratings on a scale of %s. ", c.Scale)
	for i, row := range c.Rows {
		if i > 0 {
			b.WriteString(" ")
		}
		s := row.Summary
		if s.N == 0 {
			fmt.Fprintf(&b, "%s: not rated.", row.Label)
			continue
		}
		fmt.Fprintf(&b, "%s: %s, ", row.Label, words.Count(s.N, "rating", "ratings"))
		if s.Min == s.Max {
			fmt.Fprintf(&b, "all %d", s.Min)
		} else {
			fmt.Fprintf(&b, "from %d to %d", s.Min, s.Max)
		}
		fmt.Fprintf(&b, ", mean %s.", FormatMean(s.Mean))
	}
	return b.String()
}

// WriteSVG draws the chart as a self-contained, accessible SVG element (with
// role="img", a title and a description). Every text from users is escaped.
func (c Chart) WriteSVG(w io.Writer) error {
	bw := bufio.NewWriter(w)
	id := svgID(c.ID)
	low, high := c.Scale.Lowest(), c.Scale.Highest()
	x := func(v float64) float64 {
		if high == low {
			return (chartPlotX0 + chartPlotX1) / 2
		}
		return chartPlotX0 + (v-float64(low))/float64(high-low)*(chartPlotX1-chartPlotX0)
	}
	heights, total := c.layout()
	e := escape.XML
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" class="readiness-chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d" aria-labelledby="%s-title %s-desc" font-family="system-ui, sans-serif" font-size="13">`+"\n",
		chartWidth, total, chartWidth, total, id, id)
	fmt.Fprintf(bw, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", id, e(c.Title), id, e(c.Description()))
	// A visible heading; screen readers get the title element instead.
	fmt.Fprintf(bw, "<text class=\"chart-title\" x=\"%d\" y=\"18\" font-weight=\"600\" fill=\"#111\" aria-hidden=\"true\">%s</text>\n", chartLabelX, e(c.Title))
	// Axis: one gridline and label per level.
	for _, l := range c.Scale.Levels {
		lx := x(float64(l.Value))
		fmt.Fprintf(bw, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ccc"/>`+"\n", lx, chartTop-8, lx, total-10)
		fmt.Fprintf(bw, `<text x="%.1f" y="%d" text-anchor="middle" fill="#333">%d<title>%s</title></text>`+"\n", lx, chartTop-14, l.Value, e(levelTitle(l)))
	}
	y := chartTop
	for i, row := range c.Rows {
		s := row.Summary
		h := heights[i]
		mid := y + h/2
		fmt.Fprintf(bw, `<g class="row"><text x="%d" y="%d" dominant-baseline="middle" fill="#111">%s<title>%s</title></text>`+"\n",
			chartLabelX, mid, e(words.Shorten(row.Label, 30)), e(row.Label))
		fmt.Fprintf(bw, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#eee"/>`+"\n", 10, y+h, chartWidth-10, y+h)
		if s.N == 0 {
			fmt.Fprintf(bw, `<text x="%.1f" y="%d" dominant-baseline="middle" text-anchor="middle" fill="#666">not rated</text></g>`+"\n", x(float64(low+high)/2), mid)
			y += h
			continue
		}
		// Spread: a bar from the lowest to the highest rating.
		fmt.Fprintf(bw, `<line class="spread" x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#9bb7d4" stroke-width="8" stroke-linecap="round"><title>Spread: %d to %d</title></line>`+"\n",
			x(float64(s.Min)), mid, x(float64(s.Max)), mid, s.Min, s.Max)
		// Dots: each rating at its level, side by side, in input order.
		for _, lc := range s.Counts {
			if lc.Count == 0 {
				continue
			}
			lx := x(float64(lc.Level))
			if lc.Count > chartMaxDots {
				fmt.Fprintf(bw, `<circle cx="%.1f" cy="%d" r="%d" fill="#1f4e79"><title>%s at %d</title></circle>`+"\n",
					lx, mid, chartDot+4, words.Count(lc.Count, "rating", "ratings"), lc.Level)
				fmt.Fprintf(bw, `<text x="%.1f" y="%d" text-anchor="middle" fill="#1f4e79">%d</text>`+"\n", lx, mid-chartDot-8, lc.Count)
				continue
			}
			lines := (lc.Count + chartPerLine - 1) / chartPerLine
			k := 0
			for _, rt := range s.Ratings {
				if rt.Level != lc.Level {
					continue
				}
				line, pos := k/chartPerLine, k%chartPerLine
				inLine := min(chartPerLine, lc.Count-line*chartPerLine)
				dx := (float64(pos) - float64(inLine-1)/2) * chartDotGap
				dy := (float64(line) - float64(lines-1)/2) * chartDotGap
				who := "A rating"
				if rt.Rater != "" {
					who = e(rt.Rater)
				}
				fmt.Fprintf(bw, `<circle cx="%.1f" cy="%.1f" r="%d" fill="#1f4e79" stroke="#fff"><title>%s: %d</title></circle>`+"\n",
					lx+dx, float64(mid)+dy, chartDot, who, rt.Level)
				k++
			}
		}
		// Mean: a diamond with a tick through the row.
		mx := x(s.Mean)
		fmt.Fprintf(bw, `<g class="mean"><line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c0392b" stroke-width="2"/>`, mx, y+6, mx, y+h-6)
		fmt.Fprintf(bw, `<path d="M%.1f %d l6 6 l-6 6 l-6 -6 z" fill="#c0392b"/><title>Mean %s</title></g></g>`+"\n", mx, y+2, FormatMean(s.Mean))
		y += h
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

// Height returns the height of the chart WriteSVG draws, so that several
// charts can be stacked in one drawing.
func (c Chart) Height() int {
	_, total := c.layout()
	return total
}

// layout returns the height of each row and of the whole chart.
func (c Chart) layout() (heights []int, total int) {
	heights = make([]int, len(c.Rows))
	total = chartTop
	for i, row := range c.Rows {
		lines := 1
		for _, lc := range row.Summary.Counts {
			n := lc.Count
			if n > chartMaxDots {
				n = 1
			}
			lines = max(lines, (n+chartPerLine-1)/chartPerLine)
		}
		heights[i] = max(chartRowMinH, lines*chartDotGap+2*chartRowPad)
		total += heights[i]
	}
	return heights, total + 10
}

// svgID keeps the characters of s that are safe in an id.
func svgID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else if r == ' ' {
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "chart"
	}
	if !(b.String()[0] >= 'a' && b.String()[0] <= 'z' || b.String()[0] >= 'A' && b.String()[0] <= 'Z') {
		return "chart-" + b.String()
	}
	return b.String()
}

func levelTitle(l Level) string {
	if l.Label != "" {
		return fmt.Sprintf("%d: %s", l.Value, l.Label)
	}
	return fmt.Sprintf("%d: %s", l.Value, l.Descriptor)
}

// FormatMean writes a mean rating the way every report, chart and finding
// of this package shows it: with one decimal, rounding halves up as people
// do by hand ("3.0", "2.3" for 2.25, "3.7").
func FormatMean(m float64) string {
	return strconv.FormatFloat(math.Round(m*10)/10, 'f', 1, 64)
}

// FormatDifference writes the difference between two means the way the
// comparisons show it: signed, with one decimal, rounded as FormatMean
// rounds ("+0.5", "-1.3", "+0.0").
func FormatDifference(d float64) string {
	r := math.Round(d*10) / 10
	if r == 0 {
		return "+0.0" // not "-0.0"
	}
	s := strconv.FormatFloat(r, 'f', 1, 64)
	if r > 0 {
		s = "+" + s
	}
	return s
}
