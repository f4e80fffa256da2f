package words

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestJoinAnd(t *testing.T) {
	assert.Equal(t, "", JoinAnd(nil))
	assert.Equal(t, "a", JoinAnd([]string{"a"}))
	assert.Equal(t, "a and b", JoinAnd([]string{"a", "b"}))
	assert.Equal(t, "a, b and c", JoinAnd([]string{"a", "b", "c"}))
}

func TestCount(t *testing.T) {
	assert.Equal(t, "0 values", Count(0, "value", "values"))
	assert.Equal(t, "1 value", Count(1, "value", "values"))
	assert.Equal(t, "12 values", Count(12, "value", "values"))
}

func TestShorten(t *testing.T) {
	assert.Equal(t, "short", Shorten("short", 5))
	assert.Equal(t, "Alignment of…", Shorten("Alignment of strategic priority", 13))
	assert.Equal(t, "Zoë…", Shorten("Zoë Zoë", 4), "counts characters, not bytes")
}

func TestDay(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2018-06-15", "June 15, 2018"},
		{"2017-07-03", "July 3, 2017"},
		{"2027-02-30", "2027-02-30"}, // not a day: shown as typed
		{"soon", "soon"},
		{"", ""},
	} {
		assert.Equal(t, c.want, Day(c.in), c.in)
	}
	assert.Equal(t, "December 1, 2026", Date(time.Date(2026, 12, 1, 23, 0, 0, 0, time.UTC)))
}

func TestShortDay(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2018-06-15", "6/15/2018"},
		{"2027-01-04", "1/4/2027"},
		{"2027-02-30", "2027-02-30"}, // not a day: shown as typed
		{"", ""},
	} {
		assert.Equal(t, c.want, ShortDay(c.in), c.in)
	}
}
