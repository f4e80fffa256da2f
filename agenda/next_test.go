package agenda_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/internal/zone"
	"github.com/partnerkit/partnerkit/partnership"
)

func TestNextStart(t *testing.T) {
	ny, err := zone.Load("America/New_York")
	require.NoError(t, err)
	q := agenda.Quarterly().At(time.Date(2026, 9, 15, 15, 30, 0, 0, ny))
	mo := agenda.Monthly().At(q.Start)
	wk := agenda.Template(partnership.Weekly).At(q.Start)
	plan := []partnership.Date{"2027-01-12", "2026-09-15", "not a date", "2026-10-13", "2026-12-08"}
	tests := []struct {
		name    string
		m       agenda.Meeting
		planned []partnership.Date
		want    time.Time
	}{
		{"a quarter later, the third Tuesday, across the end of summer time", q, nil, time.Date(2026, 12, 15, 15, 30, 0, 0, ny)},
		{"a month later, the third Tuesday", mo, nil, time.Date(2026, 10, 20, 15, 30, 0, 0, ny)},
		{"a week later", wk, nil, time.Date(2026, 9, 22, 15, 30, 0, 0, ny)},
		{"the plan's next date, at the meeting's time", mo, plan, time.Date(2026, 10, 13, 15, 30, 0, 0, ny)},
		{"a quarterly review passes over the check-ins", q, plan, time.Date(2026, 12, 8, 15, 30, 0, 0, ny)},
		{"nothing planned after it", mo, []partnership.Date{"2026-09-01"}, time.Date(2026, 10, 20, 15, 30, 0, 0, ny)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := agenda.NextStart(tt.m, tt.planned...)
			assert.True(t, tt.want.Equal(got), "got %v, want %v", got, tt.want)
			assert.Equal(t, ny, got.Location())
		})
	}
}
