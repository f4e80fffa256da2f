package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// TestAFullDeviceLosesNothing fills the storage while the open workspace
// has a change not saved yet, then starts a new workspace, opens the
// example, opens a file of another workspace, and merges a colleague's
// copy: in each, the change is not lost (the page stays on it, or it is
// saved), and the page says that nothing could be saved, with "Download a
// copy now".
func TestAFullDeviceLosesNothing(t *testing.T) {
	file := func(t *testing.T, ws *partnerkit.Workspace) []byte {
		t.Helper()
		var buf bytes.Buffer
		require.NoError(t, ws.Save(&buf))
		return buf.Bytes()
	}
	other := partnerkit.New()
	other.WorkspaceID = partnerkit.NewWorkspaceID()
	flows := []struct {
		name string
		do   func(t *testing.T, a *App)
	}{
		{"start new", func(_ *testing.T, a *App) { a.Handle(Event{Action: "start.new"}) }},
		{"open the example", func(_ *testing.T, a *App) { a.Handle(Event{Action: "start.example"}) }},
		{"open another workspace's file", func(t *testing.T, a *App) {
			a.Handle(Event{Action: "data.import", Files: []File{{Name: "other.json", Data: file(t, other)}}})
		}},
		{"merge a colleague's copy", func(t *testing.T, a *App) {
			theirs, err := partnerkit.Decode(strings.NewReader(a.save.base))
			require.NoError(t, err)
			theirs.Partnership.District.Name = "Riverside Unified, from a colleague"
			a.Handle(Event{Action: "data.import", Files: []File{{Name: "colleague.json", Data: file(t, theirs)}}})
			a.Handle(Event{Action: "merge.confirm"})
		}},
	}
	for _, f := range flows {
		t.Run(f.name, func(t *testing.T) {
			m := store.NewMemory(0)
			a := riverside(t, m)
			m.Quota = m.Used() // full: nothing more fits
			edit(a, "partnership.name", "Riverside and partners, renamed")
			require.False(t, a.Save(), "the storage is full")

			f.do(t, a)

			kept := a.ws.Partnership != nil && a.ws.Partnership.Name == "Riverside and partners, renamed"
			if !kept {
				saved, _, err := a.save.store.Load(a.ws.WorkspaceID)
				require.NoError(t, err)
				kept = strings.Contains(saved, "Riverside and partners, renamed")
			}
			assert.True(t, kept, "the change not saved is still open, or saved")
			page := a.Render()
			problem := ""
			for _, id := range []string{"pk-save-problem", "pk-notices"} {
				if n := page.Find(id); n != nil {
					problem += n.TextContent()
				}
			}
			assert.Contains(t, problem, "Download a copy now")
			assert.Contains(t, page.Find("pk-status").TextContent(), "full")
		})
	}
}
