package agenda_test

import (
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckAllCadence(t *testing.T) {
	q1 := complete(t) // 2026-09-15, quarterly (Q3)
	q1.Record, q1.Closed = "r", true
	q1.AddAction(agenda.Action{Text: "Late one", Owner: "ana", Due: "2026-10-01"})
	m1 := agenda.Next(q1, mustTime(t, "2026-10-13T15:30:00-04:00"))
	m1.Cadence, m1.Title = partnership.Monthly, "Monthly check-in"
	// November is skipped; December has only a monthly meeting (no quarterly review in Q4).
	m2 := agenda.Next(m1, mustTime(t, "2026-12-08T15:30:00-05:00"))
	q2 := complete(t)
	q2.ID, q2.Start = "2027-01-12-quarterly", mustTime(t, "2027-01-12T15:30:00-05:00")

	ms := []agenda.Meeting{q1, m1, m2, q2}
	fs := agenda.CheckAll(ms, people(), time.Time{})
	assert.ElementsMatch(t, []string{
		"agenda.cadence-quarterly@[3]", // the first meeting after the quarter
		"agenda.cadence-monthly@[2]",
		// carried into m1 and m2; reported once, at the latest meeting
		"agenda.overdue@[2].actions[0]",
		// m1 is a monthly meeting copied from a quarterly one: it is fine
	}, rules(fs))
	quarterly := only(fs, agenda.RuleCadenceQuarterly)[0]
	assert.Equal(t, "There is no quarterly review in 2026 Q4 (Oct–Dec)", quarterly.Message)
	assert.Equal(t, []string{"Monthly check-in (monthly, October 13, 2026)", "Monthly check-in (monthly, December 8, 2026)"}, quarterly.Evidence)
	assert.Equal(t, "There is no meeting in November 2026", only(fs, agenda.RuleCadenceMonthly)[0].Message)

	// With a clock, empty quarters and months up to last month count too.
	fs = agenda.CheckAll(ms, nil, mustTime(t, "2027-05-02T00:00:00Z"))
	months := only(fs, agenda.RuleCadenceMonthly)
	require.Len(t, months, 2)
	var msgs []string
	for _, f := range months {
		msgs = append(msgs, f.Message+"@"+f.Path)
	}
	assert.ElementsMatch(t, []string{
		"There is no meeting in November 2026@[2]",
		"There is no meeting in the 3 months from February 2027 to April 2027@",
	}, msgs)
	assert.Len(t, only(fs, agenda.RuleCadenceQuarterly), 1, "2027 Q2 is not over yet")
}

func TestCheckAllNoMeetings(t *testing.T) {
	assert.Empty(t, agenda.CheckAll(nil, nil, time.Time{}))
	// A meeting without a start takes no part in the cadence checks.
	fs := agenda.CheckAll([]agenda.Meeting{{}}, nil, time.Time{})
	assert.Empty(t, only(fs, agenda.RuleCadenceMonthly))
	assert.Empty(t, only(fs, agenda.RuleCadenceQuarterly))
	assert.Len(t, only(fs, agenda.RuleMissingSide), 3)
}

func TestCheckAllPathsPointAtMeetings(t *testing.T) {
	a := complete(t)
	a.AddAction(agenda.Action{Text: "no owner", Due: "2026-10-01"})
	fs := agenda.CheckAll([]agenda.Meeting{complete(t), a}, nil, time.Time{})
	assert.Equal(t, []string{"agenda.action-owner@[1].actions[0].owner"}, rules(fs))
}

func TestCheckAllLongGap(t *testing.T) {
	a := agenda.Quarterly().At(time.Date(2001, 1, 9, 15, 0, 0, 0, time.UTC))
	b := agenda.Quarterly().At(time.Date(2026, 1, 13, 15, 0, 0, 0, time.UTC))
	fs := agenda.CheckAll([]agenda.Meeting{a, b}, nil, time.Time{})
	q := only(fs, agenda.RuleCadenceQuarterly)
	require.Len(t, q, 1, "one finding for the whole run")
	assert.Equal(t, "There is no quarterly review in the 99 quarters from 2001 Q2 (Apr–Jun) to 2025 Q4 (Oct–Dec)", q[0].Message)
	assert.Equal(t, "[1]", q[0].Path)
	m := only(fs, agenda.RuleCadenceMonthly)
	require.Len(t, m, 1)
	assert.Equal(t, "There is no meeting in the 299 months from February 2001 to December 2025", m[0].Message)
	assert.Equal(t, []string{"before: Quarterly partnership review (quarterly, January 9, 2001)", "after: Quarterly partnership review (quarterly, January 13, 2026)"}, m[0].Evidence)
}
