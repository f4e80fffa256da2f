package progress

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

func TestValidateObservations(t *testing.T) {
	long := make([]byte, 1001)
	for i := range long {
		long[i] = 'x'
	}
	obs := []Observation{
		NewObservation("o1", "att", "2026-10-01", 0),
		{ID: "o1", Measure: "att", Date: "2026-10-02", Value: num64(1)},
		{},
		{ID: "bad id!", Measure: "not an id", Date: "10/02/2026", Value: num64(1), Source: string(long)},
	}
	err := Validate(obs)
	require.Error(t, err)
	var ve *partnership.ValidationError
	require.ErrorAs(t, err, &ve)
	got := map[string]string{}
	for _, p := range ve.Problems {
		got[p.Path] = p.Message
	}
	assert.Equal(t, map[string]string{
		"[1].id":      `id "o1" is already used by observation 1; every observation needs its own id`,
		"[2].id":      "id is required",
		"[2].measure": "measure is required: which success measure the figure belongs to",
		"[2].date":    "date is required: the day the figure describes, written as YYYY-MM-DD, such as 2017-10-03",
		"[2].value":   "value is required: the figure for this date, such as 25 (0 is a figure too)",
		"[3].id":      "id must be a short identifier: letters, digits, '.', '-' or '_', starting with a letter or digit, at most 64 characters",
		"[3].measure": "measure must be a short identifier: letters, digits, '.', '-' or '_', starting with a letter or digit, at most 64 characters",
		"[3].date":    "date must be a date written as YYYY-MM-DD, such as 2026-09-01",
		"[3].source":  "source must be at most 1000 characters long",
	}, got)
	assert.NoError(t, Validate(obs[:1]), "0 is a value")
	assert.NoError(t, Validate(nil))
}
