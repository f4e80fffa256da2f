package partnership_test

import (
	"fmt"
	"github.com/partnerkit/partnerkit/internal/schema"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/partnerkit/partnerkit/partnership"
)

func TestNewID(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		id := partnership.NewID("partner")
		assert.True(t, schema.ValidID(id), id)
		assert.True(t, strings.HasPrefix(id, "partner-"), id)
		assert.Len(t, id, len("partner-")+10)
		assert.False(t, seen[id], "two records were given %s", id)
		seen[id] = true
	}
	for _, prefix := range []string{"", "-x", "a b", strings.Repeat("m", 80)} {
		id := partnership.NewID(prefix)
		assert.True(t, schema.ValidID(id), "prefix %q gave %q", prefix, id)
		assert.LessOrEqual(t, len(id), 64)
	}
}

func TestContentID(t *testing.T) {
	a := partnership.ContentID("demand", partnership.Demand{Audience: "teachers", Start: "2026-09-01", End: "2026-09-30", HoursPerWeek: 2})
	b := partnership.ContentID("demand", partnership.Demand{Audience: "teachers", Start: "2026-09-01", End: "2026-09-30", HoursPerWeek: 2})
	c := partnership.ContentID("demand", partnership.Demand{Audience: "teachers", Start: "2026-09-01", End: "2026-09-30", HoursPerWeek: 3})
	assert.Equal(t, a, b, "the same content gives the same id")
	assert.NotEqual(t, a, c)
	assert.True(t, schema.ValidID(a), a)
	assert.True(t, strings.HasPrefix(a, "demand-"), a)
}

func ExampleNewID() {
	id := partnership.NewID("school")
	fmt.Println(strings.HasPrefix(id, "school-"), len(id), schema.ValidID(id))
	// Output: true 17 true
}
