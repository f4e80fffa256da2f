package agenda

import (
	"time"

	"github.com/partnerkit/partnerkit/partnership"
)

// NextStart says when the meeting after m starts: on the earliest of the
// planned dates (such as the contract supplement's meeting plan) after m's
// day, at m's time of day in m's time zone; without one, a week, a
// month or a quarter after m, by its cadence. For a quarterly review a
// planned date sooner than about three months (two weeks short of them) is
// taken for a check-in between reviews and passed over.
func NextStart(m Meeting, planned ...partnership.Date) time.Time {
	day := partnership.DateOf(m.Start)
	var next time.Time
	for _, d := range planned {
		t, ok := d.Time()
		if !ok || d <= day {
			continue
		}
		at := time.Date(t.Year(), t.Month(), t.Day(), m.Start.Hour(), m.Start.Minute(), 0, 0, m.Start.Location())
		if m.Cadence == partnership.Quarterly && at.Before(m.Start.AddDate(0, 3, -14)) {
			continue
		}
		if next.IsZero() || at.Before(next) {
			next = at
		}
	}
	if !next.IsZero() {
		return next
	}
	switch m.Cadence {
	case partnership.Quarterly:
		return m.Start.AddDate(0, 3, 0)
	case partnership.Weekly:
		return m.Start.AddDate(0, 0, 7)
	}
	return m.Start.AddDate(0, 1, 0)
}
