package schema_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/partnerkit/partnerkit/internal/schema"
)

func TestJoin(t *testing.T) {
	assert.Equal(t, "a.b", schema.Join("a", "b"))
	assert.Equal(t, "a[1].b", schema.Join("a", "[1].b"))
	assert.Equal(t, "a", schema.Join("a", ""))
	assert.Equal(t, "b", schema.Join("", "b"))
}

func TestValidID(t *testing.T) {
	for _, ok := range []string{"a", "rusd", "alignment.1", "p_2", "X-9"} {
		assert.True(t, schema.ValidID(ok), ok)
	}
	for _, bad := range []string{"", "-a", "a b", "é", string(make([]byte, 65))} {
		assert.False(t, schema.ValidID(bad), bad)
	}
}
