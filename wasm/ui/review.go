package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/partnership"
)

// ViewReview is where every finding of partnerkit's review is listed, with
// the district's map of initiatives.
const ViewReview View = "review"

// severityHeadings names the severities in plain words, most urgent first.
var severityHeadings = []struct {
	severity partnership.Severity
	heading  string
}{
	{partnership.Critical, "Needs attention now"},
	{partnership.Warning, "Worth a look"},
	{partnership.Info, "For your information"},
}

// handleReview applies the review view's actions.
func (a *App) handleReview(ev Event) ([]Effect, bool) {
	switch ev.Action {
	case "review.example":
		eff := a.importWorkspace([]File{{Name: "the example district case", Data: casefile.JSON()}})
		a.view = ViewReview
		return append(eff, Focus{ID: "pk-main"}), true
	case "review.print":
		return []Effect{Print{}}, true
	}
	return nil, false
}

// ReviewGroup is the findings of one theme, by severity.
type ReviewGroup struct {
	// Theme is the theme's ID, or "" for findings that serve no standard.
	Theme, Title string
	// BySeverity holds the findings of each severity, in the order of severityHeadings.
	BySeverity [][]partnership.Finding
}

// GroupFindings sorts findings into the framework's themes, in the
// framework's order, with findings that serve no standard last.
func GroupFindings(fs []partnership.Finding) []ReviewGroup {
	themes := partnership.Themes()
	groups := make([]ReviewGroup, len(themes)+1)
	index := make(map[string]int, len(themes))
	for i, t := range themes {
		groups[i] = ReviewGroup{Theme: t.ID, Title: t.Title}
		index[t.ID] = i
	}
	groups[len(themes)] = ReviewGroup{Title: "Other checks"}
	for i := range groups {
		groups[i].BySeverity = make([][]partnership.Finding, len(severityHeadings))
	}
	for _, f := range fs {
		g, ok := index[f.Theme()]
		if !ok {
			g = len(themes)
		}
		s := len(severityHeadings) - 1
		for j, h := range severityHeadings {
			if h.severity == f.Severity {
				s = j
			}
		}
		groups[g].BySeverity[s] = append(groups[g].BySeverity[s], f)
	}
	out := groups[:0]
	for _, g := range groups {
		for _, fs := range g.BySeverity {
			if len(fs) > 0 {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// countLine says how many findings of each severity there are, in words.
func countLine(fs []partnership.Finding) string {
	var crit, warn, info int
	for _, f := range fs {
		switch f.Severity {
		case partnership.Critical:
			crit++
		case partnership.Warning:
			warn++
		default:
			info++
		}
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	}
	return fmt.Sprintf("%d findings: %s, %s, %s.", len(fs),
		plural(crit, "needs attention now", "need attention now"),
		plural(warn, "is worth a look", "are worth a look"),
		plural(info, "is for your information", "are for your information"))
}

// viewReview renders the review: the map of initiatives, then every finding
// grouped by theme and severity.
func (a *App) viewReview() *Node {
	intro := El("p", "partnerkit checks the whole workspace against the Standards for Effective Partnerships: "+
		"initiatives that ask the same people for more time than they have, missing roles, priorities no initiative serves, "+
		"gaps in the contract supplement, and meetings without owners or records. Each finding comes with a question to discuss; none of them decides for you.")
	example := El("div", Class("pk-actions pk-noprint"),
		El("button", A("type", "button"), ID("pk-review-example"), Class("pk-secondary"), On("click", "review.example"), "Open the example district case"),
		El("button", A("type", "button"), ID("pk-review-print"), On("click", "review.print"), "Print the review"),
	)
	exampleHint := El("p", Class("pk-hint"), "The example is the Aligned Partners case from the SCOPE study Beyond Alignment: a district, three TA organisations, and a summer institute that clashed with other training and summer school. Opening it keeps your own data aside on this device as a backup.")
	fs := partnerkit.ReviewAt(a.ws, a.cfg.Now())
	if len(fs) == 0 {
		return El("section", A("aria-labelledby", "pk-review-h"),
			El("h2", ID("pk-review-h"), "Review"), intro, example, exampleHint,
			El("p", ID("pk-review-empty"), "Nothing to review yet. Describe the partnership, gather readiness ratings, draft the contract or plan a meeting, and the findings will appear here, or open the example to see what a review looks like."))
	}
	parts := []*Node{
		El("h2", ID("pk-review-h"), "Review"), intro, example, exampleHint,
		El("p", ID("pk-review-count"), Class("pk-review-count"), countLine(fs)),
	}
	if m := a.reviewMap(); m != nil {
		parts = append(parts, m)
	}
	for _, g := range GroupFindings(fs) {
		key := g.Theme
		if key == "" {
			key = "other"
		}
		sec := []*Node{El("h3", g.Title)}
		for j, items := range g.BySeverity {
			if len(items) == 0 {
				continue
			}
			lis := make([]*Node, len(items))
			for k, f := range items {
				lis[k] = findingNode(f, fmt.Sprintf("%s-%d-%d", key, j, k))
			}
			sec = append(sec, El("h4", fmt.Sprintf("%s (%d)", severityHeadings[j].heading, len(items))), El("ul", Class("pk-findings"), lis))
		}
		parts = append(parts, El("section", Key("review-"+key), Class("pk-review-theme"), sec))
	}
	return El("section", A("aria-labelledby", "pk-review-h"), parts)
}

// findingNode shows one finding with its evidence, question, standard and place.
func findingNode(f partnership.Finding, key string) *Node {
	var ev *Node
	if len(f.Evidence) > 0 {
		lis := make([]*Node, len(f.Evidence))
		for i, e := range f.Evidence {
			lis[i] = El("li", e)
		}
		ev = El("ul", Class("pk-evidence"), lis)
	}
	var q, std, where *Node
	if f.Question != "" {
		q = El("p", El("strong", "To discuss: "), f.Question)
	}
	if s, ok := partnership.StandardByID(f.Standard); ok {
		std = El("p", Class("pk-hint"), "Standard "+s.ID+": "+s.Text)
	}
	if f.Path != "" {
		where = El("p", Class("pk-hint"), "Where: "+strings.ReplaceAll(f.Path, ".", " › "))
	}
	return El("li", Key(key), Class("pk-finding pk-finding-"+string(f.Severity)), A("data-rule", f.Rule),
		El("p", El("strong", f.Message)), ev, q, std, where)
}

// reviewMap draws the district's map of initiatives, when there is one to draw.
func (a *App) reviewMap() *Node {
	p := a.ws.Partnership
	if p == nil || len(p.Initiatives) == 0 {
		return nil
	}
	var buf bytes.Buffer
	if err := partnership.WriteMap(&buf, p, partnership.MapOptions{ID: "pk-map"}); err != nil || buf.Len() == 0 {
		return nil
	}
	// An SVG shown through <img> cannot run scripts or load anything.
	return El("figure", Class("pk-map"),
		El("img", Class("pk-chart"), A("alt", "Map of initiatives over time, by audience and school; weeks over capacity are shaded. The findings below list the same conflicts in words."),
			A("src", "data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(buf.Bytes()))),
		El("figcaption", Class("pk-hint"), "The district's map of initiatives: each bar is the time an initiative asks of an audience each week; shaded weeks ask for more than the audience has."))
}
