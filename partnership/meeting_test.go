package partnership_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/partnership"
)

func TestSideOf(t *testing.T) {
	p := valid()
	p.People = append(p.People,
		partnership.Person{ID: "cy", Name: "Cy Lam", Org: "rusd", Roles: []partnership.Role{partnership.SchoolLeader}},
		partnership.Person{ID: "dee", Name: "Dee Park", Org: "lp", Roles: []partnership.Role{partnership.SchoolLeader}},
		partnership.Person{ID: "zed", Name: "Zed", Org: "elsewhere"},
	)
	for id, want := range map[string]partnership.Side{
		"cy":  partnership.SchoolSide,  // a school leader of the district speaks for the school
		"dee": partnership.PartnerSide, // a partner's people speak for the partner, whatever their role
		"zed": "",                      // an organisation the partnership does not have
	} {
		x, ok := p.Person(id)
		require.True(t, ok, id)
		assert.Equal(t, want, p.SideOf(x), id)
	}
	ana := p.People[0]
	assert.Equal(t, partnership.DistrictSide, p.SideOf(ana))

	at, ok := p.Attendee("cy")
	require.True(t, ok)
	assert.Equal(t, partnership.Attendee{Name: "Cy Lam", Person: "cy", Side: partnership.SchoolSide, Roles: []partnership.Role{partnership.SchoolLeader}}, at)
	at.Roles[0] = partnership.Manager
	cy, _ := p.Person("cy")
	assert.Equal(t, partnership.SchoolLeader, cy.Roles[0], "the attendee's roles are its own")
	_, ok = p.Attendee("nobody")
	assert.False(t, ok)
}

func TestStatusReadsPending(t *testing.T) {
	var v struct{ A, B, C partnership.Status }
	require.NoError(t, json.Unmarshal([]byte(`{"A":"pending","B":"done","C":"open"}`), &v))
	assert.Equal(t, partnership.Open, v.A, "files written before one status for every tool said pending")
	assert.Equal(t, partnership.Done, v.B)
	assert.Equal(t, partnership.Open, v.C)
}
