package ui

import (
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
)

// severities are the severities in the order the review shows them, with
// their names in plain words.
var severities = []struct {
	sev   partnership.Severity
	label string
}{
	{partnership.Critical, "Needs attention now"},
	{partnership.Warning, "Worth a look"},
	{partnership.Info, "For your information"},
}

// otherTheme is the group of findings that belong to no theme.
const otherTheme = "Other"

// ReviewGroup is the findings of one theme and one severity.
type ReviewGroup struct {
	// Theme is the theme's title, or "Other".
	Theme string
	// Severity is the findings' severity.
	Severity partnership.Severity
	// Findings are the group's findings, in the review's order.
	Findings []partnership.Finding
}

// GroupFindings groups findings by theme, in the framework's order with
// "Other" last, and within a theme by severity, most severe first. Empty
// groups are left out.
func GroupFindings(fs []partnership.Finding) []ReviewGroup {
	themes := partnership.Themes()
	order := make([]string, 0, len(themes)+1)
	title := map[string]string{"": otherTheme}
	for _, t := range themes {
		order = append(order, t.ID)
		title[t.ID] = t.Title
	}
	order = append(order, "")
	var out []ReviewGroup
	for _, th := range order {
		for _, s := range severities {
			var g []partnership.Finding
			for _, f := range fs {
				id := f.Theme()
				if _, known := title[id]; !known {
					id = ""
				}
				if id == th && f.Severity == s.sev {
					g = append(g, f)
				}
			}
			if len(g) > 0 {
				out = append(out, ReviewGroup{Theme: title[th], Severity: s.sev, Findings: g})
			}
		}
	}
	return out
}

// handleReview handles the review view's events.
func (a *App) handleReview(ev Event) ([]Effect, bool) {
	switch ev.Action {
	case "review.print":
		return []Effect{Print{}}, true
	case "review.map":
		svg, ok := a.mapSVG()
		if !ok {
			return nil, true
		}
		return []Effect{Download{Name: "initiatives-map-" + a.cfg.Now().Format("2006-01-02") + ".svg", Type: "image/svg+xml", Data: svg}}, true
	}
	return nil, false
}

// scanIndex reads the index of a path that starts with format, such as
// "meetings[%d]".
func scanIndex(path, format string, i *int) bool {
	prefix, _, _ := strings.Cut(format, "[")
	if !strings.HasPrefix(path, prefix+"[") {
		return false
	}
	n, err := fmt.Sscanf(path, format, i)
	return err == nil && n == 1 && *i >= 0
}

func (a *App) viewReview() *Node {
	head := []*Node{
		El("h2", ID("pk-review-h"), "Review"),
		El("p", "Every coherence check partnerkit has, run over the whole workspace. Each finding says what was found, why, and a question to discuss; print it to hand out before a meeting: the pre-read starts with what to talk about first."),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-print"), On("click", "review.print"), "Print as a meeting pre-read"),
			El("button", A("type", "button"), ID("pk-preread-docx"), Class("pk-secondary"), On("click", "docx"), Arg("view"), "Download the pre-read (Word)")),
	}
	mapNode := a.showMapButton()
	src := ""
	if a.mapShown() {
		src = a.mapURL()
	}
	if src != "" {
		p := a.ws.Partnership
		// An SVG shown through <img> cannot run scripts or load anything.
		mapNode = El("section", Class("pk-map"), A("aria-labelledby", "pk-map-h"),
			El("h3", ID("pk-map-h"), "Map of initiatives"),
			El("p", Class("pk-hint"), "Each row is an initiative and each bar a time it asks for, in hours a week; shaded weeks ask more of people than they have. Scroll sideways to see all of it, or download it."),
			El("div", Class("pk-map-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "Map of initiatives, scrolls sideways"),
				El("img", ID("pk-map"),
					A("alt", fmt.Sprintf("Visual map of the %d initiatives of %s over time, by audience and school, with the weeks over capacity shaded.", len(p.Initiatives), p.Name)),
					A("src", src))),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), Class("pk-secondary"), ID("pk-map-download"), On("click", "review.map"), "Download the map (.svg file)")))
	}
	if a.firstFrame {
		// The workspace was just opened: it shows at once, and what the
		// checks find comes with the next event, once this frame is drawn.
		return El("section", ID("pk-review"), A("aria-labelledby", "pk-review-h"), head, mapNode,
			El("p", ID("pk-review-checking"), Class("pk-counts"), A("role", "status"), "Checking the whole workspace…"))
	}
	fs := a.reviewFindings()
	if len(fs) == 0 {
		text := "No findings: every check passed. Come back after the next meeting or rating round."
		switch {
		case a.empty():
			text = "Nothing to review yet: the workspace is empty. Open the example district or your own file from the Start tab, or rate readiness on the Rate tab."
		case len(a.toFill()) > 0:
			text = "Nothing to discuss yet: the checks say more as the workspace fills in."
		}
		return El("section", ID("pk-review"), A("aria-labelledby", "pk-review-h"), head, mapNode,
			El("p", ID("pk-review-empty"), Class("pk-empty"), text), a.viewNext("pk-review-next", a.toFill()))
	}
	body := []*Node{El("p", ID("pk-review-counts"), Class("pk-counts"), El("strong", partnerkit.CountFindings(fs)))}
	theme := ""
	for gi, g := range GroupFindings(fs) {
		if g.Theme != theme {
			theme = g.Theme
			body = append(body, El("h3", Class("pk-theme"), theme))
		}
		label := ""
		for _, s := range severities {
			if s.sev == g.Severity {
				label = s.label
			}
		}
		items := make([]*Node, len(g.Findings))
		for i, f := range g.Findings {
			items[i] = a.viewFinding(f)
		}
		hid := fmt.Sprintf("pk-group-%d", gi)
		body = append(body, El("section", Key(hid), Class("pk-group pk-sev-"+string(g.Severity)), A("aria-labelledby", hid),
			El("h4", ID(hid), fmt.Sprintf("%s (%d)", label, len(g.Findings))),
			El("ul", Class("pk-findings"), items)))
	}
	return El("section", ID("pk-review"), A("aria-labelledby", "pk-review-h"), head, mapNode, body, a.viewNext("pk-review-next", a.toFill()))
}

func (a *App) viewFinding(f partnership.Finding) *Node {
	var evidence *Node
	if len(f.Evidence) > 0 {
		lis := make([]*Node, len(f.Evidence))
		for i, e := range f.Evidence {
			lis[i] = El("li", e)
		}
		evidence = El("ul", Class("pk-evidence"), lis)
	}
	var question, standard *Node
	if f.Question != "" {
		question = El("p", El("strong", "To discuss: "), f.Question)
	}
	if s, ok := partnership.StandardByID(f.Standard); ok {
		standard = El("p", Class("pk-hint"), El("strong", standardName(s)+": "), s.Text)
	}
	return El("li", Class("pk-finding"),
		El("p", Class("pk-message"), f.Message),
		evidence, question, standard,
		El("p", Class("pk-hint"), El("strong", "Where: "), a.where(f.Path)),
		fixButton(f.Path),
	)
}

// standardName names a standard in words: "Standard 4 of “Alignment of
// strategic priority and objectives”".
func standardName(s partnership.Standard) string {
	_, n, _ := strings.Cut(s.ID, ".")
	for _, t := range partnership.Themes() {
		if t.ID == s.Theme {
			return "Standard " + n + " of “" + t.Title + "”"
		}
	}
	return "Standard"
}

// fixButton leads to the place where what a finding is about is edited.
func fixButton(path string) *Node {
	label := ""
	switch {
	case strings.HasPrefix(path, "partnership"):
		label = "Go to it in the partnership"
	case strings.HasPrefix(path, "contract"):
		label = "Go to it in the contract"
	case strings.HasPrefix(path, "meetings"):
		label = "Go to it in the meetings"
	case strings.HasPrefix(path, "readiness"):
		label = "Go to the readiness round"
	default:
		return nil
	}
	return El("p", Class("pk-fix pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "fix"), Arg(path), label))
}
