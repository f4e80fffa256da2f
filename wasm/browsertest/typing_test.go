//go:build !js

package browsertest

import (
	"bytes"
	"fmt"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/require"
)

// bigWorkspace is a workspace of 500 initiatives and a 40-response round.
func bigWorkspace(t *testing.T) string {
	p := &partnership.Partnership{Name: "Big district", District: partnership.Org{ID: "district", Name: "Big district"},
		Partners: []partnership.Partner{{ID: "ta", Name: "TA partner"}}}
	for i := 0; i < 500; i++ {
		p.Initiatives = append(p.Initiatives, partnership.Initiative{ID: fmt.Sprintf("init-%d", i), Name: fmt.Sprintf("Initiative %d", i), Owner: "district",
			Demands: []partnership.Demand{{Audience: "teachers", Start: "2026-09-01", End: "2027-06-30", HoursPerWeek: 1.5}}})
	}
	round := readiness.Round{ID: "r1", Title: "Autumn"}
	for i := 0; i < 40; i++ {
		team := []string{"Big district", "TA partner"}[i%2]
		round.Responses = append(round.Responses, readiness.Response{Rater: fmt.Sprintf("Rater %d", i), Team: team,
			Ratings:  map[string]int{"alignment": 1 + i%4, "resources": 2 + i%3, "metrics": 1 + i%2, "communication": 4 - i%4},
			Concerns: map[string]string{"metrics": fmt.Sprintf("Concern %d", i)}})
	}
	ws := partnerkit.New()
	ws.Partnership, ws.Readiness = p, []readiness.Round{round}
	ws.AssignIDs()
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	return buf.String()
}

// TestTypingWith500Initiatives reports how long one keystroke takes (update,
// render and DOM patch, measured by the page as "pk-update") with a
// 500-initiative workspace loaded. It is a measurement for the record.
func TestTypingWith500Initiatives(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	eval[bool](b, fmt.Sprintf(`localStorage.setItem("partnerkit.workspace", %q), true`, bigWorkspace(t)))
	b.open(u)
	require.Contains(t, b.text(`#pk-summary`), "Rater 39")
	for _, field := range []struct{ view, sel string }{{"facilitate", "#pk-paste"}, {"rate", "#pk-rater"}} {
		b.click(`#pk-nav-` + field.view)
		eval[bool](b, `performance.clearMeasures("pk-update"), true`)
		b.typeIn(field.sel, "typing twenty letters")
		ms := eval[[]float64](b, `performance.getEntriesByName("pk-update").map(m => m.duration)`)
		require.NotEmpty(t, ms)
		sort.Float64s(ms)
		t.Logf("typing in %s (%s view) with 500 initiatives: %d updates, median %.1f ms, slowest %.1f ms (one frame is 16 ms)",
			field.sel, field.view, len(ms), ms[len(ms)/2], ms[len(ms)-1])
	}

	// The partnership editor: typing, then the checks and the map after a
	// pause, then the review of the changed workspace.
	b.click(`#pk-nav-partnership`)
	b.click(`#pk-at-partnership-initiatives-10-edit`)
	eval[bool](b, `performance.clearMeasures("pk-update"), true`)
	b.typeIn(`#pk-at-partnership-initiatives-10-name`, " typing twenty letters")
	typed := eval[[]float64](b, `performance.getEntriesByName("pk-update").map(m => m.duration)`)
	require.NotEmpty(t, typed)
	b.do(chromedp.Poll[chromedp.Void](`performance.getEntriesByName("pk-update").length > ` + fmt.Sprint(len(typed))))
	settle := eval[float64](b, `performance.getEntriesByName("pk-update").at(-1).duration`)
	sort.Float64s(typed)
	t.Logf("typing in an initiative's name (partnership view) with 500 initiatives: %d updates, median %.1f ms, slowest %.1f ms; the checks after the pause: %.1f ms",
		len(typed), typed[len(typed)/2], typed[len(typed)-1], settle)
	b.click(`#pk-nav-review`)
	review := eval[float64](b, `performance.getEntriesByName("pk-update").at(-1).duration`)
	b.click(`#pk-map-show`)
	drawn := eval[float64](b, `performance.getEntriesByName("pk-update").at(-1).duration`)
	t.Logf("opening the review of the changed workspace: %.1f ms; drawing its map of 500 initiatives when asked: %.1f ms", review, drawn)
}
