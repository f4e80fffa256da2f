package zone_test

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the reference to compare the table with, on every platform

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/zone"
)

func TestEveryZoneMatchesTheDatabase(t *testing.T) {
	instants := []time.Time{
		time.Date(1995, 7, 1, 12, 0, 0, 0, time.UTC),
		time.Date(2006, 4, 1, 12, 0, 0, 0, time.UTC), // before the 2007 US rules
		time.Date(2027, 1, 20, 21, 30, 0, 0, time.UTC),
		time.Date(2027, 3, 14, 7, 59, 0, 0, time.UTC),
		time.Date(2027, 3, 14, 8, 1, 0, 0, time.UTC),
		time.Date(2027, 4, 20, 20, 30, 0, 0, time.UTC),
		time.Date(2027, 11, 7, 6, 30, 0, 0, time.UTC),
		time.Date(2040, 7, 4, 16, 0, 0, 0, time.UTC), // beyond the last transition: the zone's rule
	}
	require.Len(t, zone.US(), 33)
	for _, z := range zone.US() {
		t.Run(z.Name, func(t *testing.T) {
			assert.NotEmpty(t, z.Label)
			got, err := zone.Load(z.Name)
			require.NoError(t, err)
			assert.Equal(t, z.Name, got.String())
			want, err := time.LoadLocation(z.Name)
			require.NoError(t, err)
			for _, at := range instants {
				assert.Equal(t, at.In(want).Format(time.RFC3339+" MST"), at.In(got).Format(time.RFC3339+" MST"), "%s at %s", z.Name, at)
			}
		})
	}
}

func TestAliasesKeepTheirName(t *testing.T) {
	for alias, canonical := range map[string]string{
		"America/Indianapolis": "America/Indiana/Indianapolis",
		"US/Central":           "America/Chicago",
		"Pacific/Saipan":       "Pacific/Guam",
		"Etc/UTC":              "UTC",
	} {
		assert.Equal(t, canonical, zone.Canonical(alias))
		loc, err := zone.Load(alias)
		require.NoError(t, err)
		assert.Equal(t, alias, loc.String(), "the zone keeps the name it was asked by")
		want, err := zone.Load(canonical)
		require.NoError(t, err)
		at := time.Date(2027, 7, 1, 12, 0, 0, 0, time.UTC)
		_, a := at.In(loc).Zone()
		_, b := at.In(want).Zone()
		assert.Equal(t, b, a, alias)
	}
	assert.Equal(t, "America/Chicago", zone.Canonical("America/Chicago"))
	assert.Equal(t, "", zone.Canonical("Europe/Paris"), "not built in")
}

func TestLoad(t *testing.T) {
	for _, name := range []string{"", "UTC"} {
		loc, err := zone.Load(name)
		require.NoError(t, err)
		assert.Same(t, time.UTC, loc)
	}
	// Any other zone comes from the system's database (here time/tzdata).
	loc, err := zone.Load("Europe/Paris")
	require.NoError(t, err)
	assert.Equal(t, "Europe/Paris", loc.String())

	for _, bad := range []string{"Central", "America/Chicag0", "../../etc/passwd", "CST6CDT,M3.2.0"} {
		_, err := zone.Load(bad)
		assert.True(t, errors.Is(err, zone.ErrUnknown), "%q: %v", bad, err)
		assert.ErrorContains(t, err, "not a time zone")
	}
}

func TestUSIsACopy(t *testing.T) {
	a := zone.US()
	a[0].Name = "changed"
	assert.Equal(t, "America/New_York", zone.US()[0].Name)
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := zone.Load("America/Chicago"); err != nil {
			b.Fatal(err)
		}
	}
}
