package partnership

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestDateTimeAgreesWithTimeParse checks the hand-written reading of dates
// against time.Parse, day by day over leap and common years, and on odd text.
func TestDateTimeAgreesWithTimeParse(t *testing.T) {
	var inputs []string
	for d := time.Date(1999, 12, 25, 0, 0, 0, 0, time.UTC); d.Year() < 2002; d = d.AddDate(0, 0, 1) {
		inputs = append(inputs, d.Format(time.DateOnly))
	}
	inputs = append(inputs, "2000-02-29", "1900-02-29", "2027-02-30", "2027-04-31", "2027-13-01", "2027-00-10",
		"2027-01-00", "0000-01-01", "9999-12-31", "2027-1-01", "2027/01/01", "20270101", "", "２０２７-01-01",
		"2027-01-0x", "-027-01-01", "2027-01-01 ", " 2027-01-01", "2027-01-32")
	for _, s := range inputs {
		want, err := time.Parse(time.DateOnly, s)
		got, ok := Date(s).Time()
		assert.Equal(t, err == nil, ok, s)
		if ok {
			assert.True(t, want.Equal(got), s)
			assert.Equal(t, want.Location(), got.Location(), s)
			assert.Equal(t, Date(s), DateOf(got), s)
		}
	}
	assert.Equal(t, Date("2027-06-21"), DateOf(time.Date(2027, 6, 21, 23, 59, 0, 0, time.FixedZone("x", -7*3600))), "the date where it is")
}
