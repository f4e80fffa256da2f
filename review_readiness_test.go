package partnerkit

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readinessWorkspace is the valid test workspace with readiness rounds added.
func readinessWorkspace(t *testing.T, rounds ...readiness.Round) *Workspace {
	t.Helper()
	data, err := os.ReadFile("testdata/valid.json")
	require.NoError(t, err)
	ws, err := Load(bytes.NewReader(data))
	require.NoError(t, err)
	ws.Readiness = rounds
	ws.AssignIDs()
	return ws
}

func r(rater, team string, ratings map[string]int, concerns map[string]string) readiness.Response {
	return readiness.Response{Rater: rater, Team: team, Ratings: ratings, Concerns: concerns}
}

func TestReadinessProblems(t *testing.T) {
	ws := readinessWorkspace(t,
		readiness.Round{ID: "spring", Title: "Spring", Responses: []readiness.Response{
			r("Ana Ruiz", "District", map[string]int{"alignment": 3}, nil),
			r("Ben Okafor", "District", map[string]int{"metrics": 7, "vibes": 2}, map[string]string{"metrics": "x"}),
		}},
		readiness.Round{ID: "spring", Title: "Draft", Date: "someday"},
	)
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	_, err := Load(&buf)
	var paths []string
	for _, p := range partnership.ProblemsOf(err) {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{
		"readiness[0].responses[1].ratings.metrics",
		"readiness[0].responses[1].ratings.vibes",
		"readiness[1].date",
		"readiness[1].id",
	}, paths, "%v", err)
	assert.Contains(t, err.Error(), `"Ben Okafor" rated "metrics" 7`)

	draft := readinessWorkspace(t, readiness.Round{ID: "r1", Title: "Not started yet"},
		readiness.Round{ID: "r2", Title: "Half done", Responses: []readiness.Response{r("Ana Ruiz", "District", nil, nil)}})
	buf.Reset()
	require.NoError(t, draft.Save(&buf))
	_, err = Load(&buf)
	assert.NoError(t, err, "a round being filled in loads")
}

func findingsOf(fs []partnership.Finding, rule string) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func TestReadinessFindings(t *testing.T) {
	old := readiness.Round{ID: "old", Title: "Last year", Responses: []readiness.Response{
		r("Ana Ruiz", "District", map[string]int{"alignment": 1}, nil),
	}}
	now := readiness.Round{ID: "spring", Title: "Spring 2027", Responses: []readiness.Response{
		r("Ana Ruiz", "District", map[string]int{"alignment": 4, "metrics": 1, "resources": 2}, map[string]string{"resources": "The summer PD schedule clashes with summer school."}),
		r("Ben Okafor", "District", map[string]int{"alignment": 4, "metrics": 3, "resources": 2}, map[string]string{"metrics": "We need Ms. Park's data team."}),
		r("Cy Lam", "District", map[string]int{"alignment": 3, "metrics": 2, "resources": 3}, map[string]string{"alignment": "Fine overall."}),
		r("Dee Park", "Partner", map[string]int{"alignment": 3}, nil),
	}}
	empty := readiness.Round{ID: "next", Title: "Next"}
	ws := readinessWorkspace(t, old, now, empty)
	fs := Review(ws)
	assert.Empty(t, findingsOf(fs, "workspace.invalid"))

	nc := findingsOf(fs, "readiness.no-consensus")
	require.Len(t, nc, 1, "only metrics (1 to 3) lacks consensus; last year's round is not reviewed")
	assert.Equal(t, partnership.Warning, nc[0].Severity)
	assert.Equal(t, "metrics.1", nc[0].Standard)
	assert.Equal(t, []string{"ratings: 1, 2 and 3"}, nc[0].Evidence, "the ratings, not who gave them")
	assert.Equal(t, "readiness[1]", nc[0].Path)
	assert.NotEmpty(t, nc[0].Question)

	low := findingsOf(fs, "readiness.low-mean")
	require.Len(t, low, 1, "metrics averages 2.0; resources averages 2.3, above 2; the partner rated 3")
	assert.Contains(t, low[0].Message, "Clear metrics established")
	assert.Equal(t, "metrics.1", low[0].Standard)
	assert.Contains(t, low[0].Evidence, `concern: "We need Ms. Park's data team."`)
	assert.NotContains(t, strings.Join(low[0].Evidence, " "), "Okafor", "a concern, not who wrote it")

	few := findingsOf(fs, "readiness.few-raters")
	require.Len(t, few, 1)
	assert.Contains(t, few[0].Message, "Partner")
	assert.Equal(t, []string{"Dee Park"}, few[0].Evidence)

	cn := findingsOf(fs, "readiness.concern-not-in-contract")
	require.Len(t, cn, 2, "the schedule concern and the one naming Dee Park; 'Fine overall.' is neither")
	var paths []string
	for _, f := range cn {
		paths = append(paths, f.Path)
		assert.Equal(t, partnership.Info, f.Severity)
		assert.Contains(t, f.Message, "no contract supplement yet")
	}
	assert.ElementsMatch(t, []string{"readiness[1].responses[0].concerns.resources", "readiness[1].responses[1].concerns.metrics"}, paths)

	ws.Contract = contract.New("rusd", "lp")
	var msgs []string
	for _, f := range findingsOf(Review(ws), "readiness.concern-not-in-contract") {
		msgs = append(msgs, f.Message)
	}
	require.Len(t, msgs, 2)
	assert.Contains(t, strings.Join(msgs, "\n"), "which the contract supplement does not settle yet: it has no schedule of activities")
	assert.Contains(t, strings.Join(msgs, "\n"), "Dee Park is not named in it")

	// Once the supplement names the person and holds a schedule the district
	// has confirmed, the concerns are settled and no longer reported.
	ws.Contract.Appendix.Contacts.PartnerLiaison = contract.Contact{Name: "Dee Park"}
	ws.Contract.Appendix.Schedule.Activities = []contract.Activity{{What: "Coaching", Who: "Grade 9 teachers", When: "Tuesdays", Hours: 20}}
	ws.Contract.Appendix.Schedule.Assurance.WithinResources = true
	assert.Len(t, findingsOf(Review(ws), "readiness.concern-not-in-contract"), 1, "the schedule still lacks the bargaining-agreement assurance")
	ws.Contract.Appendix.Schedule.Assurance.WithinBargainingAgreement = true
	assert.Empty(t, findingsOf(Review(ws), "readiness.concern-not-in-contract"))

	for _, f := range fs {
		if !strings.HasPrefix(f.Rule, "readiness.") {
			continue
		}
		for _, verdict := range []string{"not ready", "fail", "pass", "go ahead", "no-go"} {
			assert.NotContains(t, strings.ToLower(f.Message+f.Question), verdict)
		}
	}
}
