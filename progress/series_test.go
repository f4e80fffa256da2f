package progress

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
)

func TestSeriesOrdersPointsAndKeepsOnlyItsMeasure(t *testing.T) {
	o := append(obs("att", "2026-11-01", 55, "2026-10-01", 52, "2026-11-01", 56), obs("other", "2026-10-15", 1)...)
	s := SeriesOf(attendance(), o)
	require.Len(t, s.Points, 3)
	assert.Equal(t, []partnership.Date{"2026-10-01", "2026-11-01", "2026-11-01"}, []partnership.Date{s.Points[0].Date, s.Points[1].Date, s.Points[2].Date})
	assert.Equal(t, []int{1, 0, 2}, []int{s.Points[0].Index, s.Points[1].Index, s.Points[2].Index}, "same-day values keep the order they were recorded in")
	assert.Len(t, s.Plan, 3)
}

func TestSeriesPlan(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(m *contract.Measure)
		kinds []string
	}{
		{"baseline, interim and final", func(*contract.Measure) {}, []string{"baseline", "interim", "final"}},
		{"no interim value: straight to the final target", func(m *contract.Measure) { m.Interim.Value = nil }, []string{"baseline", "final"}},
		{"no final value", func(m *contract.Measure) { m.Final.Value = nil }, []string{"baseline", "interim"}},
		{"final before interim is left out", func(m *contract.Measure) { m.Final.Due = "2027-01-01" }, []string{"baseline", "interim"}},
		{"no baseline date: no line", func(m *contract.Measure) { m.Baseline.Date = "" }, nil},
		{"no baseline value: no line", func(m *contract.Measure) { m.Baseline.Value = nil }, nil},
		{"no targets: no line", func(m *contract.Measure) { m.Interim.Value, m.Final.Value = nil, nil }, nil},
		{"targets before the baseline: no line", func(m *contract.Measure) { m.Baseline.Date = "2027-12-01" }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := attendance()
			tc.edit(&m)
			var kinds []string
			for _, p := range SeriesOf(m, nil).Plan {
				kinds = append(kinds, p.Kind)
			}
			assert.Equal(t, tc.kinds, kinds)
		})
	}
}

func TestSeriesExpectedFollowsTheStraightLine(t *testing.T) {
	s := SeriesOf(attendance(), nil)
	for d, want := range map[partnership.Date]float64{
		"2026-09-01": 50, "2027-01-31": 60, "2027-06-15": 80,
		"2026-11-01": 50 + 10*61.0/152,
		"2027-04-01": 60 + 20*60.0/135,
	} {
		got, ok := s.Expected(d)
		require.True(t, ok, d)
		assert.InDelta(t, want, got, 1e-9, d)
	}
	for _, d := range []partnership.Date{"2026-08-31", "2027-06-16", "not a date"} {
		_, ok := s.Expected(d)
		assert.False(t, ok, d)
	}
}

func TestSeriesDirection(t *testing.T) {
	m := attendance()
	d, inferred := SeriesOf(m, nil).Direction()
	assert.Equal(t, contract.Increase, d)
	assert.False(t, inferred)

	m.Direction = ""
	d, inferred = SeriesOf(m, nil).Direction()
	assert.Equal(t, contract.Increase, d)
	assert.True(t, inferred)

	a := absence()
	a.Direction = ""
	d, _ = SeriesOf(a, nil).Direction()
	assert.Equal(t, contract.Decrease, d)

	a.Interim.Value, a.Final.Value = num64(30), num64(30)
	d, _ = SeriesOf(a, nil).Direction()
	assert.Equal(t, contract.Direction(""), d, "a flat plan does not tell")
}

func TestStandingAt(t *testing.T) {
	s := SeriesOf(attendance(), obs("att", "2026-10-01", 52, "2026-11-01", 45, "2027-06-20", 81))
	tests := []struct {
		on    partnership.Date
		state State
		gap   float64
	}{
		{"2026-09-15", NoData, 0},
		{"2026-10-10", OnTrack, 50 + 10*30.0/152 - 52},
		{"2026-11-05", Behind, 50 + 10*61.0/152 - 45},
		{"2027-06-30", Met, -1},
	}
	for _, tc := range tests {
		st := s.StandingAt(tc.on)
		assert.Equal(t, tc.state, st.State, tc.on)
		assert.InDelta(t, tc.gap, st.Gap, 1e-9, tc.on)
	}
	st := SeriesOf(attendance(), obs("att", "2027-06-20", 70)).StandingAt("2027-06-30")
	assert.Equal(t, NotMet, st.State)
	assert.Equal(t, "final", st.Toward.Kind)
	assert.Equal(t, "Final target not met, short by 10 teachers: 70 teachers on June 20, 2027, against 80 teachers", st.Text(attendance()))

	m := attendance()
	m.Baseline = contract.Baseline{}
	assert.Equal(t, NotMeasurable, SeriesOf(m, obs("att", "2026-10-01", 1)).StandingAt("2026-10-02").State)
}

func TestStandingText(t *testing.T) {
	m := attendance()
	s := SeriesOf(m, obs("att", "2026-10-01", 52, "2026-11-01", 45, "2027-06-20", 81))
	noBaseline := m
	noBaseline.Baseline = contract.Baseline{}
	for _, tc := range []struct {
		st   Standing
		want string
	}{
		{s.StandingAt("2026-09-15"), "No value recorded since the baseline"},
		{s.StandingAt("2026-10-10"), "On track: 52 teachers on October 1, 2026, where the planned line expected 51.97 teachers"},
		{s.StandingAt("2026-11-05"), "Behind the planned line by 9.01 teachers: 45 teachers on November 1, 2026, where the line expected 54.01 teachers"},
		{s.StandingAt("2027-07-01"), "Final target met: 81 teachers on June 20, 2027"},
		{SeriesOf(noBaseline, nil).StandingAt("2026-10-01"), "No planned line yet (the measure needs a baseline and a numeric target)"},
		{SeriesOf(noBaseline, obs("att", "2026-10-01", 3)).StandingAt("2026-10-01"), "Latest 3 teachers on October 1, 2026; no planned line to judge it against (the measure needs a baseline and a numeric target)"},
	} {
		assert.Equal(t, tc.want, tc.st.Text(m))
	}
}
