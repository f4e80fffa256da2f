package partnership

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/words"
)

// MapOptions adjusts the map Partnership.WriteMap draws. The zero value is ready to use.
type MapOptions struct {
	// ID prefixes the ids of the map's elements, so that several maps can be
	// put in one page; "pk-map" when empty. Characters other than letters,
	// digits, '-' and '_' are replaced by '-'.
	ID string
	// From and To limit the map to the weeks holding these dates; empty means
	// from the first demand to the last.
	From, To Date
	// WeekWidth is the width of one week in pixels; 14 when 0. It is made
	// smaller when the map would otherwise be wider than MaxWidth.
	WeekWidth float64
	// MaxWidth is the widest the time axis may be, in pixels; 1400 when 0.
	MaxWidth float64
}

// The map's fixed measures, in pixels.
const (
	mapLabelWidth = 300
	mapRowHeight  = 20
	mapHeadHeight = 24
	mapAxisHeight = 34
	mapMargin     = 10
	mapLabelRunes = 44
)

// WriteMap draws the district's visual map of initiatives (the ODST
// readiness rubric asks for one) as an SVG document: a row for each
// initiative under a heading for each audience and school, a bar for each
// time it asks for, labelled with its hours a week, and the weeks where more
// time is asked than the audience has shaded and labelled "over capacity".
// The map has a <title> and a <desc> that say in words what it shows, every
// bar and shaded week has a tooltip, and no information is carried by colour
// alone. Every text from the partnership is escaped. The output depends only
// on the partnership and the options, so it can be compared byte for byte.
func (p *Partnership) WriteMap(w io.Writer, opts MapOptions) error {
	m := newMapLayout(p, opts)
	var b strings.Builder
	m.draw(&b)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the map: %w", err)
	}
	return nil
}

type mapBar struct {
	from, to int64 // days since 1970-01-01, inclusive
	hours    float64
	demand   int
}

type mapRow struct {
	init int
	bars []mapBar
}

type mapGroup struct {
	audience string // as first written
	school   string // school ID, or "" for district-wide
	capacity float64
	hasCap   bool
	rows     []*mapRow
	over     []Conflict
}

type mapLayout struct {
	p         *Partnership
	names     *names
	anyDemand bool // some demand can be drawn, in the weeks shown or not
	id        string
	weekWidth float64
	week0     int64 // first week shown
	weeks     int64
	groups    []*mapGroup
	nInit     int
	overall   []Conflict
}

func newMapLayout(p *Partnership, opts MapOptions) *mapLayout {
	m := &mapLayout{p: p, id: escape.ID(opts.ID, "pk-map"), names: newNames(p)}
	if p == nil {
		return m
	}
	s := newSweep(p)
	s.collect()
	type gkey struct {
		aud    int
		school int // -1 district-wide
	}
	index := make(map[gkey]*mapGroup)
	var order []gkey
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	seenInit := make(map[int]bool)
	for i, in := range p.Initiatives {
		for j, d := range in.Demands {
			if !(d.HoursPerWeek > 0 && d.HoursPerWeek <= 168) || normAudience(d.Audience) == "" {
				continue
			}
			st, ok1 := d.Start.Time()
			en, ok2 := d.End.Time()
			if !ok1 || !ok2 || en.Before(st) {
				continue
			}
			a := s.audIndex[normAudience(d.Audience)]
			bar := mapBar{from: floorDiv(st.Unix(), 86400), to: floorDiv(en.Unix(), 86400), hours: d.HoursPerWeek, demand: j}
			var schools []int
			switch {
			case len(d.Schools) > 0:
				for _, id := range d.Schools {
					schools = append(schools, s.schIndex[id])
				}
			case len(s.schID) == 0 || !s.bySchool[a]:
				schools = []int{-1}
			default:
				for x := range s.schID {
					schools = append(schools, x)
				}
			}
			placed := false
			for _, x := range schools {
				k := gkey{a, x}
				g := index[k]
				if g == nil {
					g = &mapGroup{audience: s.audName[a]}
					if x >= 0 {
						g.school = s.schID[x]
					}
					if capc := s.capacity[a]; capc >= 0 {
						g.capacity, g.hasCap = fromCenti(capc), true
					}
					index[k] = g
					order = append(order, k)
				}
				if n := len(g.rows); n == 0 || g.rows[n-1].init != i {
					g.rows = append(g.rows, &mapRow{init: i})
				}
				row := g.rows[len(g.rows)-1]
				if len(row.bars) > 0 && row.bars[len(row.bars)-1] == bar {
					continue // the same school listed twice
				}
				row.bars = append(row.bars, bar)
				placed = true
			}
			if placed {
				seenInit[i] = true
				lo = min(lo, weekOf(st))
				hi = max(hi, weekOf(en))
			}
		}
	}
	if t, ok := opts.From.Time(); ok {
		lo = weekOf(t)
	}
	if t, ok := opts.To.Time(); ok {
		hi = weekOf(t)
	}
	m.anyDemand = len(order) > 0
	if len(order) == 0 || hi < lo {
		return m
	}
	m.week0, m.weeks = lo, hi-lo+1
	ww := opts.WeekWidth
	if !(ww > 0 && ww <= 200) {
		ww = 14
	}
	maxW := opts.MaxWidth
	if !(maxW >= 100 && maxW <= 100000) {
		maxW = 1400
	}
	if float64(m.weeks)*ww > maxW {
		ww = maxW / float64(m.weeks)
	}
	m.weekWidth = ww
	// Sort groups: audiences in order of first appearance, then schools in
	// the partnership's order, district-wide first.
	sortGroupKeys(order, func(k gkey) (int, int) { return k.aud, k.school })
	// Keep only what falls within the weeks shown.
	first, last := lo*7+4, hi*7+10
	for _, k := range order {
		g := index[k]
		rows := g.rows[:0]
		for _, r := range g.rows {
			bars := r.bars[:0]
			for _, bar := range r.bars {
				if bar.to >= first && bar.from <= last {
					bars = append(bars, bar)
				}
			}
			if r.bars = bars; len(bars) > 0 {
				rows = append(rows, r)
				seenInit[r.init] = true
			}
		}
		if g.rows = rows; len(rows) > 0 {
			m.groups = append(m.groups, g)
		}
	}
	clear(seenInit)
	for _, g := range m.groups {
		for _, r := range g.rows {
			seenInit[r.init] = true
		}
	}
	m.nInit = len(seenInit)
	// Shade the over-capacity weeks of each group.
	m.overall = Conflicts(p)
	for _, c := range m.overall {
		if !c.Over() {
			continue
		}
		a := s.audIndex[normAudience(c.Audience)]
		schools := []int{-1}
		if len(c.Schools) > 0 {
			schools = schools[:0]
			for _, id := range c.Schools {
				schools = append(schools, s.schIndex[id])
			}
		}
		for _, x := range schools {
			if g := index[gkey{a, x}]; g != nil {
				g.over = append(g.over, c)
			}
		}
	}
	for _, g := range m.groups {
		slices.SortStableFunc(g.over, func(a, b Conflict) int { return strings.Compare(string(a.From), string(b.From)) })
	}
	return m
}

// sortGroupKeys sorts keys by the two ints key returns (insertion sort is
// enough: there is one group per audience and school).
func sortGroupKeys[K any](ks []K, key func(K) (int, int)) {
	less := func(a, b K) bool {
		a1, a2 := key(a)
		b1, b2 := key(b)
		return a1 < b1 || a1 == b1 && a2 < b2
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && less(ks[j], ks[j-1]); j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
}

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func (m *mapLayout) x(day int64) float64 {
	return mapLabelWidth + float64(day-(m.week0*7+4))*m.weekWidth/7
}

func (m *mapLayout) schoolName(id string) string {
	if id == "" {
		return "across the district"
	}
	if s, ok := m.p.School(id); ok && strings.TrimSpace(s.Name) != "" {
		return "at " + s.Name
	}
	return "at " + id
}

func (m *mapLayout) initName(i int) string {
	return m.names.initiativeName(i)
}

func (m *mapLayout) draw(b *strings.Builder) {
	name := "the partnership"
	if m.p != nil && strings.TrimSpace(m.p.Name) != "" {
		name = m.p.Name
	}
	height := float64(mapAxisHeight + 2*mapMargin + 2*mapRowHeight)
	for _, g := range m.groups {
		height += mapHeadHeight + float64(len(g.rows))*mapRowHeight
	}
	width := float64(mapLabelWidth + 2*mapMargin + 70) // room for the last date and hours
	if m.weeks > 0 {
		width += float64(m.weeks) * m.weekWidth
	} else {
		width += 300
	}
	id := m.id
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="pk-map" role="img" aria-labelledby="%s-title %s-desc" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif" font-size="12">`+"\n",
		id, id, num(width), num(height), num(width), num(height))
	fmt.Fprintf(b, "<title id=\"%s-title\">Map of initiatives and the time they ask for: %s</title>\n", id, escape.XML(name))
	fmt.Fprintf(b, "<desc id=\"%s-desc\">%s</desc>\n", id, escape.XML(m.describe()))
	fmt.Fprintf(b, `<rect x="0" y="0" width="%s" height="%s" fill="#ffffff"/>`+"\n", num(width), num(height))
	if len(m.groups) == 0 {
		fmt.Fprintf(b, `<text x="%d" y="%d">%s</text>`+"\n</svg>\n", mapMargin, mapMargin+mapRowHeight, m.describe())
		return
	}
	m.drawAxis(b, height)
	y := float64(mapMargin + mapAxisHeight)
	for gi, g := range m.groups {
		y = m.drawGroup(b, gi, g, y)
	}
	fmt.Fprintf(b, `<text class="pk-map-legend" x="%d" y="%s" fill="#333333">Bars: hours a week each initiative asks for (gray: run by the district; blue: run by a partner). Shaded weeks with a dashed outline, labeled “over capacity”: more time asked than the audience has.</text>`+"\n",
		mapMargin, num(y+mapRowHeight))
	b.WriteString("</svg>\n")
}

func (m *mapLayout) describe() string {
	if len(m.groups) == 0 {
		if m.anyDemand {
			return "No initiative asks for time in the weeks shown."
		}
		return "No initiative asks anyone for time yet."
	}
	var d strings.Builder
	fmt.Fprintf(&d, "%s asking time of %s, weeks of %s to %s.",
		plural(m.nInit, "initiative"), plural(len(m.groups), "audience and school group"), words.Day(mondayOf(m.week0)), words.Day(mondayOf(m.week0+m.weeks-1)))
	var over []string
	for _, c := range m.overall {
		if c.Over() {
			over = append(over, m.names.summary(c, m.names.who(c)))
		}
	}
	if len(over) == 0 {
		d.WriteString(" No week is over capacity.")
	} else {
		fmt.Fprintf(&d, " Over capacity (%d): %s.", len(over), strings.Join(over, "; "))
	}
	return d.String()
}

func (m *mapLayout) drawAxis(b *strings.Builder, height float64) {
	step := int64(math.Ceil(90 / m.weekWidth))
	if step < 1 {
		step = 1
	}
	top := float64(mapMargin + mapAxisHeight)
	b.WriteString(`<g class="pk-map-axis" fill="#333333" stroke="#cccccc">` + "\n")
	for w := int64(0); w < m.weeks; w += step {
		x := mapLabelWidth + float64(w)*m.weekWidth
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s"/><text x="%s" y="%d" stroke="none">%s</text>`+"\n",
			num(x), num(top-6), num(x), num(height-mapMargin-mapRowHeight), num(x+2), mapMargin+mapAxisHeight-12, words.ShortDay(mondayOf(m.week0+w)))
	}
	b.WriteString("</g>\n")
}

func (m *mapLayout) drawGroup(b *strings.Builder, gi int, g *mapGroup, y float64) float64 {
	rows := float64(len(g.rows)) * mapRowHeight
	capText := "no capacity given"
	if g.hasCap {
		capText = "capacity " + formatHours(g.capacity) + " h a week"
	}
	label := g.audience + " " + m.schoolName(g.school) + " (" + capText + ")"
	fmt.Fprintf(b, "<g class=\"pk-map-group\" id=\"%s-g%d\">\n", m.id, gi)
	fmt.Fprintf(b, `<line x1="%d" y1="%s" x2="%s" y2="%s" stroke="#999999"/>`+"\n",
		mapMargin, num(y), num(mapLabelWidth+float64(m.weeks)*m.weekWidth), num(y))
	fmt.Fprintf(b, `<text class="pk-map-group-label" x="%d" y="%s" font-weight="bold">%s</text>`+"\n",
		mapMargin, num(y+16), escape.XML(clip(label, mapLabelRunes+20)))
	// Over-capacity weeks: hatched, outlined and labelled in words.
	for _, c := range g.over {
		from, _ := c.From.Time()
		to, _ := c.To.Time()
		x0 := m.x(floorDiv(from.Unix(), 86400))
		x1 := m.x(floorDiv(to.Unix(), 86400) + 7)
		x0, x1 = max(x0, mapLabelWidth), min(x1, mapLabelWidth+float64(m.weeks)*m.weekWidth)
		if x1 <= x0 {
			continue
		}
		summary := m.names.summary(c, m.names.who(c))
		fmt.Fprintf(b, `<rect class="pk-map-over" x="%s" y="%s" width="%s" height="%s" fill="#d9534f" fill-opacity="0.18" stroke="#b52b27" stroke-dasharray="3 2"><title>Over capacity: %s</title></rect>`+"\n",
			num(x0), num(y+2), num(x1-x0), num(mapHeadHeight-2+rows), escape.XML(summary))
	}
	// One label for each stretch of consecutive over-capacity weeks.
	for i := 0; i < len(g.over); {
		j, peak := i+1, g.over[i].Demanded
		for j < len(g.over) && g.over[j].From == addWeeks(g.over[j-1].To, 1) {
			peak = max(peak, g.over[j].Demanded)
			j++
		}
		from, _ := g.over[i].From.Time()
		x0 := max(m.x(floorDiv(from.Unix(), 86400)), mapLabelWidth)
		text := "over capacity: " + formatHours(peak) + " h of " + formatHours(g.over[i].Available) + " h"
		if j-i > 1 {
			text = "over capacity: up to " + formatHours(peak) + " h of " + formatHours(g.over[i].Available) + " h"
		}
		fmt.Fprintf(b, `<text class="pk-map-over-label" x="%s" y="%s" fill="#8a1f1b" font-size="11">%s</text>`+"\n",
			num(x0+2), num(y+16), text)
		i = j
	}
	y += mapHeadHeight
	for _, r := range g.rows {
		in := m.p.Initiatives[r.init]
		owner := m.names.orgName(in.Owner)
		rowLabel := m.initName(r.init) + " — " + owner
		short := clip(owner, 20)
		if m.p.IsDistrict(in.Owner) {
			short = "district"
		}
		short = clip(m.initName(r.init), max(mapLabelRunes-3-utf8.RuneCountInString(short), 16)) + " — " + short
		// The rows are most of a large map: written without fmt.
		b.WriteString(`<text class="pk-map-row-label" x="` + strconv.Itoa(mapMargin+8) + `" y="` + num(y+14) + `"><title>` +
			escape.XML(rowLabel) + `</title>` + escape.XML(short) + "</text>\n")
		fill := "#4a78b0"
		if m.p.IsDistrict(in.Owner) {
			fill = "#7d7d7d"
		}
		for _, bar := range r.bars {
			x0 := max(m.x(bar.from), mapLabelWidth)
			x1 := min(m.x(bar.to+1), mapLabelWidth+float64(m.weeks)*m.weekWidth)
			if x1 <= x0 {
				continue
			}
			w := max(x1-x0, 2)
			hours := formatHours(bar.hours)
			tip := m.initName(r.init) + " (" + owner + "): " + hours + " h a week, " +
				words.Day(DateOf(unixDay(bar.from))) + " to " + words.Day(DateOf(unixDay(bar.to)))
			b.WriteString(`<rect class="pk-map-bar" x="` + num(x0) + `" y="` + num(y+4) + `" width="` + num(w) +
				`" height="` + strconv.Itoa(mapRowHeight-8) + `" rx="2" fill="` + fill + `"><title>` + escape.XML(tip) + "</title></rect>\n")
			b.WriteString(`<text class="pk-map-bar-label" x="` + num(x0+w+2) + `" y="` + num(y+14) + `" font-size="10">` + hours + " h</text>\n")
		}
		y += mapRowHeight
	}
	b.WriteString("</g>\n")
	return y
}

// unixDay returns midnight UTC of a day counted from 1970-01-01.
func unixDay(d int64) time.Time { return time.Unix(d*86400, 0).UTC() }

// addWeeks returns the date n weeks after d, or d when d is not a date.
func addWeeks(d Date, n int) Date {
	t, ok := d.Time()
	if !ok {
		return d
	}
	return DateOf(t.AddDate(0, 0, 7*n))
}

// plural writes a count and a noun: "1 initiative", "2 initiatives".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
