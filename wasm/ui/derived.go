package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/readiness"
)

// derived keeps what the views compute from the whole workspace, the review's
// findings and the map of initiatives, until the workspace changes: for a
// large partnership they take longer than a frame, and the page renders
// after every event, including those that change nothing (a tick, a tab).
type derived struct {
	findingsRev int // rev the findings were computed at, plus one (0: never)
	findingsDay string
	findings    []partnership.Finding
	next        []partnership.Finding // what is not begun yet, to fill in next (see calm.go)

	summaryRev   int // rev the summary was made at, plus one (0: never)
	summaryRound string
	summary      readiness.Report
	summaryErr   error

	mapRev int // rev the map was drawn at, plus one (0: never)
	mapSVG []byte
	mapURL string

	timelineRev int // rev the timeline was made at, plus one (0: never)
	timelineDay string
	timeline    *progress.Timeline
	charts      map[string]string // charts drawn, as data: URLs, by what they show (chartKey)
}

// readOnly are the actions that never change the workspace: after them the
// derived values still hold.
var readOnly = map[string]bool{
	"tick": true, "nav": true, "fix": true, "notice.dismiss": true, "copy.failed": true,
	"notice.ok": true, "notice.problem": true, "review.print": true, "review.map": true,
	"progress.html": true, "data.export": true, "data.backup.download": true, "data.delete": true, "data.delete.cancel": true,
	"part.settle": true, "part.open": true, "part.all": true, "map.show": true, "field.list": true, "storage.changed": true,
	"fac.csv": true, "exp.role": true, "exp.encoding": true, "exp.delimiter": true, "exp.sheet": true, "exp.team": true,
	"exp.unrated": true, "exp.cancel": true, "part.inv.template": true, "part.inv.file": true, "part.inv.field": true,
	"part.inv.owner": true, "part.inv.encoding": true, "part.inv.delimiter": true, "part.inv.sheet": true, "part.inv.cancel": true,
	"progress.fig.file": true, "progress.fig.field": true, "progress.fig.measure": true, "progress.fig.encoding": true,
	"progress.fig.delimiter": true, "progress.fig.sheet": true, "progress.fig.cancel": true,
	"print": true, "docx": true, "fac.names": true, PrintSettle: true,
	"task.step": true, "task.cancel": true, "file.reading": true,
	"lock.pass": true, "lock.repeat": true, "lock.ask": true, "lock.cancel": true, "data.export.locked": true,
}

// bigMap is the number of initiatives above which the map is drawn only when
// asked for: hundreds of rows take the browser longer than a frame to show,
// and are better read from the downloaded file.
const bigMap = 100

// mapShown reports whether the views show the map of initiatives.
func (a *App) mapShown() bool {
	p := a.ws.Partnership
	return p != nil && len(p.Initiatives) > 0 && (len(p.Initiatives) <= bigMap || a.showMap)
}

// showMapButton offers the map of a large partnership, or nothing.
func (a *App) showMapButton() *Node {
	p := a.ws.Partnership
	if p == nil || a.mapShown() || len(p.Initiatives) == 0 {
		return nil
	}
	return El("div", Class("pk-actions pk-noprint"),
		El("button", A("type", "button"), Class("pk-secondary"), ID("pk-map-show"), On("click", "map.show"),
			fmt.Sprintf("Show the map of the %d initiatives (large: it takes a moment to draw)", len(p.Initiatives))),
		El("button", A("type", "button"), Class("pk-secondary"), On("click", "review.map"), "Download the map (.svg file)"))
}

// touched records that an event may have changed the workspace.
func (a *App) touched(action string) {
	if !readOnly[action] {
		a.rev++
	}
}

// reviewFindings returns partnerkit.ReviewAt of the workspace today but for
// what is not begun yet (see toFill), computed again only when the
// workspace or the day changed.
func (a *App) reviewFindings() []partnership.Finding {
	now := a.cfg.Now()
	day := now.Format(time.DateOnly)
	if a.cache.findingsRev != a.rev+1 || a.cache.findingsDay != day {
		a.cache.findings, a.cache.next = a.splitCalm(partnerkit.ReviewAt(a.ws, now))
		a.cache.findingsRev, a.cache.findingsDay = a.rev+1, day
	}
	return a.cache.findings
}

// toFill returns what the review found about parts not begun yet: what to
// fill in next.
func (a *App) toFill() []partnership.Finding {
	a.reviewFindings()
	return a.cache.next
}

// findings returns the review's findings at or under path, such as
// "contract" or "meetings[2]": every editor shows these, from the one cached
// review, so that an editor and the Review tab never disagree.
func (a *App) findings(path string) []partnership.Finding {
	return findingsUnder(a.reviewFindings(), path)
}

// roundSummary returns the round's summary (readiness.Round.Summarize), made
// again only when the workspace changed: a round of thousands of responses
// takes longer than a frame to summarise.
func (a *App) roundSummary(r *readiness.Round) (readiness.Report, error) {
	if a.cache.summaryRev != a.rev+1 || a.cache.summaryRound != r.ID {
		a.cache.summary, a.cache.summaryErr = r.Summarize()
		a.cache.summaryRev, a.cache.summaryRound = a.rev+1, r.ID
	}
	return a.cache.summary, a.cache.summaryErr
}

// mapSVG draws the map of initiatives, when there is a partnership; the
// drawing is kept until the workspace changes.
func (a *App) mapSVG() ([]byte, bool) {
	p := a.ws.Partnership
	if p == nil {
		return nil, false
	}
	if a.cache.mapRev != a.rev+1 {
		var buf bytes.Buffer
		a.cache.mapSVG, a.cache.mapURL = nil, ""
		if err := p.WriteMap(&buf, partnership.MapOptions{ID: "pk-review-map"}); err == nil {
			a.cache.mapSVG = buf.Bytes()
			a.cache.mapURL = svgURL(buf.Bytes())
		}
		a.cache.mapRev = a.rev + 1
	}
	return a.cache.mapSVG, a.cache.mapSVG != nil
}

// svgURL is an SVG drawing as a data: URL for an <img>.
func svgURL(svg []byte) string {
	return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(svg)
}

// mapURL is the map as a data: URL for an <img>, or "" without a map. An
// SVG shown through <img> cannot run scripts or load anything.
func (a *App) mapURL() string {
	if _, ok := a.mapSVG(); !ok {
		return ""
	}
	return a.cache.mapURL
}
