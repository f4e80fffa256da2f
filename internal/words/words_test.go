package words

import (
	"testing"

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
