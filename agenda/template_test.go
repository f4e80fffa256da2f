package agenda_test

import (
	"testing"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuarterly(t *testing.T) {
	m := agenda.Quarterly()
	assert.Equal(t, partnership.Quarterly, m.Cadence)
	assert.Equal(t, 60, m.Minutes)
	assert.True(t, m.InPerson)
	require.Len(t, m.Sections, 5)
	var minutes []int
	var themes []string
	questions := 0
	for _, s := range m.Sections {
		minutes = append(minutes, s.Minutes)
		themes = append(themes, s.Theme)
		questions += len(s.Questions)
	}
	assert.Equal(t, []int{10, 10, 15, 20, 5}, minutes, "the alignment table's minutes, communication 20")
	assert.Equal(t, []string{"alignment", "resources", "metrics", "communication", ""}, themes)
	assert.Equal(t, 9, questions)
	assert.Equal(t, 60, m.Planned())
	assert.Equal(t, 4, m.WrapUp())
	assert.NotEmpty(t, m.Prep)
	assert.Empty(t, only(agenda.Check(m.At(mustTime(t, "2026-09-15T15:30:00-04:00"))), agenda.RuleTimeBudget))
}

func TestMonitoringQuestions(t *testing.T) {
	qs := agenda.MonitoringQuestions()
	require.Len(t, qs, 9)
	for i, q := range qs {
		assert.Equal(t, i+1, q.Number)
		assert.NotEmpty(t, q.Text)
		assert.NotEmpty(t, q.Source)
		for _, s := range q.Standards {
			_, ok := partnership.StandardByID(s)
			assert.True(t, ok, "question %d cites unknown standard %s", q.Number, s)
		}
		if q.Theme != "" {
			_, ok := partnership.ThemeByID(q.Theme)
			assert.True(t, ok, q.Theme)
		}
	}
	// Every question appears in the quarterly template, in order.
	var texts []string
	for _, s := range agenda.Quarterly().Sections {
		for _, q := range s.Questions {
			texts = append(texts, q.Text)
		}
	}
	for i, q := range qs {
		assert.Equal(t, q.Text, texts[i])
	}
}

func TestMonthlyAndWeekly(t *testing.T) {
	m := agenda.Monthly()
	assert.Equal(t, partnership.Monthly, m.Cadence)
	assert.Equal(t, m.Minutes, m.Planned())
	assert.Less(t, m.Minutes, agenda.QuarterlyMinutes)
	assert.GreaterOrEqual(t, m.WrapUp(), 0)
	known := map[string]bool{}
	for _, q := range agenda.MonitoringQuestions() {
		known[q.Text] = true
	}
	for _, s := range m.Sections {
		for _, q := range s.Questions {
			assert.True(t, known[q.Text], "monthly question %q is not one of the nine", q.Text)
		}
	}
	w := agenda.Template(partnership.Weekly)
	assert.Equal(t, partnership.Weekly, w.Cadence)
	assert.Equal(t, partnership.Quarterly, agenda.Template(partnership.Quarterly).Cadence)

	// Templates are fresh copies each time.
	a := agenda.Quarterly()
	a.Sections[0].Questions[0].Notes = "changed"
	assert.Empty(t, agenda.Quarterly().Sections[0].Questions[0].Notes)
}
