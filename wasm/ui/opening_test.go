package ui

import (
	"testing"

	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRenderOpeningIsTheFrameWithoutATab(t *testing.T) {
	a := Open(Config{Storage: store.NewMemory(0)})
	n := a.RenderOpening()
	require.NoError(t, n.Check())
	require.NotNil(t, n.Find(OpeningNameID))
	assert.Equal(t, "your workspace", n.Find(OpeningNameID).TextContent())
	assert.Contains(t, n.Find("pk-main").TextContent(), "Opening your workspace…")
	assert.NotNil(t, n.Find("pk-nav-partnership"), "the tabs are there")
	n.Walk(func(m *Node) bool {
		_, current := m.Attr("aria-current")
		assert.False(t, current, "no tab is chosen while the workspace opens")
		return true
	})
	assert.Equal(t, ViewStart, a.view, "rendering it changes nothing")
	assert.Equal(t, a.Render().Find("pk-nav-data").TextContent(), n.Find("pk-nav-data").TextContent())
}
