package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func loadCase(t *testing.T) *partnerkit.Workspace {
	t.Helper()
	f, err := os.Open(filepath.Join("casefile", "hgusd.json"))
	require.NoError(t, err)
	defer f.Close()
	ws, err := partnerkit.Load(f)
	require.NoError(t, err, "the case must be a valid workspace")
	return ws
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/hgusd -update to create it")
	assert.Equal(t, string(want), string(got))
}

// findings returns the review's findings of one rule.
func findings(ws *partnerkit.Workspace, rule string) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range partnerkit.Review(ws) {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

func evidence(fs []partnership.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Evidence[0])
	}
	return out
}

func TestTheSummerPDClashes(t *testing.T) {
	over := findings(loadCase(t), partnership.RuleOverCapacity)
	assert.Contains(t, evidence(over),
		"teachers at Hayes Middle School and Roosevelt High School, week of July 10, 2017: 40 h demanded, 10 h available — "+
			"Summer institute: project-based teaching and performance assessment 30 h, District summer PD on the math curriculum 6 h, Summer school 4 h")
	for _, f := range over {
		if f.Path == "partnership.initiatives[0]" {
			assert.Contains(t, f.Message, "2 organizations ask for this time: Teaching TAO and Hams Gulch Unified School District")
			assert.Equal(t, "resources.3", f.Standard)
			assert.Equal(t, partnership.Critical, f.Severity)
		}
	}
}

func TestThePlanningTimeIsTaken(t *testing.T) {
	ws := loadCase(t)
	over := evidence(findings(ws, partnership.RuleOverCapacity))
	const planning = "Math curriculum adoption 5 h, Balanced literacy roll-out 4 h, Grade-level project planning time set aside by the Hayes principal 3 h"
	assert.Contains(t, over, "teachers at Hayes Middle School, weeks of January 8, 2018 to January 29, 2018 (4 weeks): 12 h demanded, 10 h available — "+planning)
	assert.Contains(t, over, "teachers at Hayes Middle School, week of February 5, 2018: 19 h demanded, 10 h available — Follow-up days 7 h, "+planning)
	assert.Contains(t, over, "teachers at Hayes Middle School, weeks of February 12, 2018 to May 28, 2018 (16 weeks): 12 h demanded, 10 h available — "+planning)
	assert.Contains(t, over, "teachers at Roosevelt High School, week of February 5, 2018: 16 h demanded, 10 h available — Follow-up days 7 h, Math curriculum adoption 5 h, Balanced literacy roll-out 4 h")
	assert.Len(t, over, 5)
	// In October the follow-up day fits, but two organisations ask the same teachers.
	assert.Equal(t, []string{"teachers at Hayes Middle School, week of October 2, 2017: 10 h demanded, 10 h available — Follow-up days 7 h, Grade-level project planning time set aside by the Hayes principal 3 h"},
		evidence(findings(ws, partnership.RuleCompetingDemands)))
}

func TestTheDistrictIsAReceiverAndApproachesDiffer(t *testing.T) {
	ws := loadCase(t)
	receiver := findings(ws, partnership.RuleReceiverStance)
	require.Len(t, receiver, 1)
	assert.Equal(t, "partnership.district.stance", receiver[0].Path)

	mismatch := findings(ws, partnership.RuleApproachMismatch)
	require.Len(t, mismatch, 1)
	assert.Equal(t, "partnership.partners[0].approach", mismatch[0].Path)
	assert.Equal(t, "Teaching TAO works by delivery, while Hams Gulch Unified School District expects co-design.", mismatch[0].Message)
	assert.Equal(t, partnership.Warning, mismatch[0].Severity)

	unstated := findings(ws, partnership.RuleApproachUnstated)
	require.Len(t, unstated, 1)
	assert.Equal(t, "partnership.partners[1].approach", unstated[0].Path)
	assert.Contains(t, unstated[0].Message, "Assessment TAO")
}

func TestTheRestOfTheReview(t *testing.T) {
	ws := loadCase(t)
	paths := func(rule string) []string {
		var out []string
		for _, f := range findings(ws, rule) {
			out = append(out, f.Path)
		}
		return out
	}
	assert.Equal(t, []string{"partnership.people[0].roles", "partnership.people[6].roles"}, paths(partnership.RuleSinglePointOfFailure))
	assert.Equal(t, []string{"partnership.partners[1]"}, paths(partnership.RuleNoHigherAuthority))
	assert.Equal(t, []string{"partnership.initiatives[3].priorities"}, paths(partnership.RuleInitiativeWithoutPriority))
	assert.Equal(t, []string{"partnership.priorities[1]"}, paths(partnership.RulePriorityWithoutInitiative))
	assert.Equal(t, []string{"partnership.end"}, paths(partnership.RuleNoContinuation))
	assert.Empty(t, paths(partnership.RuleInterestsUnstated), "the study states every organization's interests")
	assert.Empty(t, paths("workspace.invalid"))
}

func TestReviewGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf, nil))
	golden(t, "review.golden.txt", buf.Bytes())
}

func TestMapGolden(t *testing.T) {
	ws := loadCase(t)
	var buf bytes.Buffer
	require.NoError(t, ws.Partnership.WriteMap(&buf, partnership.MapOptions{ID: "hgusd-map"}))
	golden(t, "map.golden.svg", buf.Bytes())
}

func TestRunWritesTheMap(t *testing.T) {
	name := filepath.Join(t.TempDir(), "hgusd.svg")
	var out bytes.Buffer
	require.NoError(t, run(&out, []string{"-map", name}))
	assert.Contains(t, out.String(), "The map of initiatives is in "+name)
	svg, err := os.ReadFile(name)
	require.NoError(t, err)
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
	}
	assert.Contains(t, string(svg), "over capacity: 40 h of 10 h")
	assert.Contains(t, string(svg), "over capacity: up to 19 h of 10 h")
}

func TestRunErrors(t *testing.T) {
	var out bytes.Buffer
	err := run(&out, []string{"-in", filepath.Join(t.TempDir(), "missing.json")})
	require.Error(t, err)

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"schemaVersion":1,"partnership":{"name":"x","district":{"id":"d","name":"D","stance":"passive"}}}`), 0o644))
	err = run(&out, []string{"-in", bad})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "partnership.district.stance: stance must be one of receiver, active-partner")

	require.Error(t, run(io.Discard, []string{"-nope"}))
}

func TestTheCaseSurvivesSaveAndLoad(t *testing.T) {
	ws := loadCase(t)
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	again, err := partnerkit.Load(&buf)
	require.NoError(t, err)
	assert.Equal(t, ws, again, "every field of the case, the new ones included, is kept")
	assert.Equal(t, partnership.Receiver, again.Partnership.District.Stance)
	assert.Len(t, again.Partnership.Context, 4)
}

// TestTheFallingAttendanceMeetsTheSummerClash checks that the review sets
// the case's falling PD attendance, 52 → 25 → 16, beside the summer weeks in
// which teachers were asked for more time than they had, and that the
// figures are those of the study's Table 1.
func TestTheFallingAttendanceMeetsTheSummerClash(t *testing.T) {
	ws := loadCase(t)
	summer := "teachers at Hayes Middle School and Roosevelt High School, week of July 10, 2017: 40 h demanded, 10 h available — " +
		"Summer institute: project-based teaching and performance assessment 30 h, District summer PD on the math curriculum 6 h, Summer school 4 h"
	require.Contains(t, evidence(findings(ws, partnership.RuleOverCapacity)), summer)

	both := findings(ws, progress.RuleDropOverCapacity)
	require.Len(t, both, 2)
	att := both[0]
	assert.Equal(t, "contract.appendix.measures[0]", att.Path)
	assert.Equal(t, "resources.3", att.Standard, "beside the over-capacity findings, under the same standard")
	assert.Contains(t, att.Message, "“Teachers attending the partners' PD days” fell by 25% or more (52 → 25 → 16 teachers)")
	assert.Contains(t, att.Evidence, summer)

	drops := findings(ws, progress.RuleDrop)
	require.Len(t, drops, 2)
	assert.Contains(t, drops[0].Message, "from 52 teachers on July 13, 2017 to 25 teachers on October 3, 2017 (down 52%); then from 25 teachers on October 3, 2017 to 16 teachers on February 6, 2018 (down 36%)")
	assert.Contains(t, drops[1].Message, "from 13 units on January 19, 2018 to 3 units on March 16, 2018 (down 77%)")
	assert.Contains(t, both[1].Message, "(9 → 13 → 3 units)")

	// Every figure says where it comes from.
	for _, o := range ws.Observations {
		assert.Contains(t, o.Source, "SCOPE, Beyond Alignment", o.ID)
	}
	var values []float64
	for _, o := range ws.Observations {
		values = append(values, *o.Value)
	}
	assert.Equal(t, []float64{52, 25, 16, 9, 13, 3}, values)
}

// TestTheExampleShowsEveryTool checks that a first-time user finds every
// tool filled in: two readiness rounds by both teams, a complete supplement,
// three quarterly meetings with minutes and carried actions, and the data
// over time.
func TestTheExampleShowsEveryTool(t *testing.T) {
	ws := loadCase(t)
	require.Len(t, ws.Readiness, 2)
	for _, r := range ws.Readiness {
		rep, err := r.Summarize()
		require.NoError(t, err)
		require.Len(t, rep.Teams, 2, r.Title)
		assert.Equal(t, "District leadership team", rep.Teams[0].Team)
		assert.Equal(t, "Partner leadership team", rep.Teams[1].Team)
		concerns := 0
		for _, tm := range rep.Teams {
			for _, c := range tm.Categories {
				concerns += len(c.Concerns)
			}
		}
		assert.GreaterOrEqual(t, concerns, 8, r.Title)
	}
	require.NotNil(t, ws.Contract)
	assert.True(t, ws.Contract.Resolved(ws.Partnership).Completeness().Complete, "the supplement is filled in")
	require.Len(t, ws.Meetings, 3)
	for i, m := range ws.Meetings {
		assert.True(t, m.Closed, m.ID)
		assert.NotEmpty(t, m.Record, m.ID)
		assert.Equal(t, partnership.Quarterly, m.Cadence)
		if i > 0 {
			carried := 0
			for _, a := range m.Actions {
				if a.From != "" {
					carried++
				}
			}
			assert.NotZero(t, carried, "%s carries actions over", m.ID)
		}
	}
	tl := partnerkit.OverTime(ws, time.Time{})
	assert.Equal(t, partnership.Date("2018-03-20"), tl.AsOf)
	var labels []string
	for _, q := range tl.Quarters {
		labels = append(labels, q.Label)
		if len(q.Readiness) > 0 {
			assert.Len(t, q.Readiness[0].Teams, 2)
		}
	}
	assert.Equal(t, "April to June 2016", labels[0], "the first readiness round")
	assert.Equal(t, "January to March 2018", labels[len(labels)-1])
	last := tl.Quarters[len(tl.Quarters)-1]
	require.Len(t, last.Meetings, 1)
	assert.Equal(t, 2, last.Meetings[0].School, "both principals at the March review")
	assert.Equal(t, progress.ActionTally{Due: 2, OnTime: 1, Open: 1}, last.Actions, "the Hayes planning time is still not settled")
	var page bytes.Buffer
	require.NoError(t, tl.WriteHTML(&page))
	assert.Contains(t, page.String(), "Before the partnership")
	assert.Contains(t, page.String(), "Behind the planned line by 10.03 units: 3 units on March 16, 2018")
}
