package ui

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullDevice returns a storage that holds the example's workspace, saved,
// and has room for little more.
func fullDevice(t *testing.T) (*store.Memory, *App) {
	t.Helper()
	m := store.NewMemory(0)
	a := New(Config{Now: fixedNow, Storage: m}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	require.True(t, a.Save())
	m.Quota = m.Used() + 200
	return m, a
}

// With the device's storage full, merging a colleague's copy into the
// workspace or replacing it by the copy changes nothing, since the data
// there is now could not be kept aside; and says so, offering a download.
// Starting a new workspace or opening the example replaces nothing at all.
func TestNothingIsReplacedWithoutABackup(t *testing.T) {
	tests := []struct {
		name   string
		events []Event
	}{
		{"merge", []Event{{Action: "merge.confirm"}}},
		{"replace", []Event{{Action: "merge.mode", Value: "replace"}, {Action: "merge.confirm"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, a := fullDevice(t)
			key := store.WorkspacePrefix + a.ws.WorkspaceID
			saved, _, _ := m.Get(key)
			theirs, err := partnerkit.Decode(strings.NewReader(saved))
			require.NoError(t, err)
			theirs.Partnership.Name = "Their name"
			file, err := Marshal(theirs)
			require.NoError(t, err)
			a.ws.Partnership.Partners[0].Name = "Changed since the last save"
			before, err := Marshal(a.ws)
			require.NoError(t, err)
			a.Handle(Event{Action: "data.import", Files: []File{{Name: "theirs.json", Data: file}}})
			require.NotNil(t, a.merging)
			for _, ev := range tt.events {
				a.Handle(ev)
			}
			after, err := Marshal(a.ws)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "nothing was replaced")
			require.NotEmpty(t, a.notices)
			n := a.notices[len(a.notices)-1]
			assert.Equal(t, "problem", n.Kind)
			assert.Contains(t, n.Text, "Nothing was replaced")
			assert.Contains(t, n.Text, "full")
			assert.NotContains(t, n.Text, "kept aside on this device as a backup")
			assert.True(t, n.Export, "the notice offers a download")
			assert.Empty(t, backups(t, a))
			now, _, _ := m.Get(key)
			assert.Equal(t, saved, now, "what was saved is untouched")

			// Once the user downloaded exactly this data, it may be replaced:
			// the file is the way back.
			eff := a.Handle(Event{Action: "data.export"})
			require.Len(t, eff, 1)
			require.NotNil(t, a.merging, "the preview waits")
			for _, ev := range tt.events {
				a.Handle(ev)
			}
			assert.Nil(t, a.merging, "merged or replaced once downloaded")
			if tt.name == "replace" {
				assert.Equal(t, "Their name", a.ws.Partnership.Name)
			}
			assert.Contains(t, a.notices[len(a.notices)-1].Text, "you downloaded it as a file")
		})
	}
	t.Run("start new", func(t *testing.T) {
		m, a := fullDevice(t)
		key := store.WorkspacePrefix + a.ws.WorkspaceID
		saved, _, _ := m.Get(key)
		a.Handle(Event{Action: "start.new"})
		now, _, _ := m.Get(key)
		assert.Equal(t, saved, now, "the example stays as it was")
		assert.Nil(t, a.ws.Partnership)
	})
}

// A save that cannot be read is kept aside once, however often the page is
// opened again, and the page says each time what happened.
func TestAnUnreadableSaveReloadedTenTimesIsKeptOnce(t *testing.T) {
	m := store.NewMemory(0)
	require.NoError(t, m.Set(store.WorkspaceKey, `{"schemaVersion": 2, "partnership": {"name": 5}`))
	for range 10 {
		a := Open(Config{Now: fixedNow, Storage: m})
		require.NotEmpty(t, a.notices)
		assert.Contains(t, a.notices[0].Text, "could not be read")
		assert.Contains(t, a.notices[0].Text, "kept aside")
		assert.False(t, a.saveStatus().Problem, "the page can save: the old data is safe")
	}
	keys, _ := m.Keys(store.BackupPrefix)
	assert.Len(t, keys, 1)
	// The first change saves over the unreadable data, which the backup holds.
	a := Open(Config{Now: fixedNow, Storage: m})
	a.Handle(Event{Action: "start.new"})
	a.Handle(Event{Action: "part.start"})
	require.True(t, a.Save())
	kept := backups(t, a)
	require.Len(t, kept, 1)
	assert.Equal(t, `{"schemaVersion": 2, "partnership": {"name": 5}`, kept[0])
}

// When the unreadable save cannot even be kept aside, nothing is saved over
// it in this session, and a warning says so and offers downloads.
func TestAnUnreadableSaveThatCannotBeKeptIsLeftAlone(t *testing.T) {
	bad := `{"schemaVersion": 2, "contract": [` + strings.Repeat(" ", 200)
	m := store.NewMemory(0)
	require.NoError(t, m.Set(store.WorkspaceKey, bad))
	m.Quota = m.Used() + 50
	a := Open(Config{Now: fixedNow, Storage: m})
	require.NotEmpty(t, a.notices)
	assert.Contains(t, a.notices[0].Text, "will not save anything in this session")
	a.Handle(Event{Action: "start.example"})
	assert.False(t, a.Save())
	v, _, _ := m.Get(store.WorkspaceKey)
	assert.Equal(t, bad, v)
	st := a.saveStatus()
	assert.True(t, st.Problem)
	warn := a.Render().Find("pk-save-problem")
	require.NotNil(t, warn)
	require.NotNil(t, warn.Find("pk-save-download"))
	require.NotNil(t, warn.Find("pk-saved-download"))
	eff := a.Handle(Event{Action: "data.saved.download"})
	require.Len(t, eff, 1)
	assert.Equal(t, bad, string(eff[0].(Download).Data), "the saved data, as it is")
}

// The status line names the last save that succeeded; a failed save is a
// warning that stays, with a download, until a save succeeds again.
func TestTheStatusTellsTheLastSaveThatSucceeded(t *testing.T) {
	m := store.NewMemory(0)
	now := time.Date(2026, 12, 1, 15, 4, 5, 0, time.UTC)
	a := New(Config{Now: func() time.Time { return now }, Storage: m}, nil, nil)
	assert.Equal(t, "Nothing saved yet: your work is saved on this device as you type.", a.saveStatus().Text)
	a.Handle(Event{Action: "start.example"})
	require.True(t, a.Save())
	assert.Equal(t, SaveStatus{Text: "Saved on this device.", At: "at 3:04:05 PM"}, a.saveStatus())
	assert.Nil(t, a.Render().Find("pk-save-problem"))

	m.Quota = m.Used() + 10
	now = now.Add(time.Minute)
	edit(a, "partnership.name", a.ws.Partnership.Name+" and a much longer name that does not fit")
	assert.False(t, a.Save())
	st := a.saveStatus()
	assert.True(t, st.Problem)
	assert.Equal(t, "Not saved since 3:04:05 PM: the browser's storage for this page is full.", st.Text)
	for range 3 {
		a.Handle(Event{Action: "nav", Arg: string(ViewReview)})
		if len(a.notices) > 0 {
			a.Handle(Event{Action: "notice.dismiss", Arg: strconv.Itoa(a.notices[0].seq)})
		}
	}
	warn := a.Render().Find("pk-save-problem")
	require.NotNil(t, warn, "the warning stays when notices are dismissed")
	assert.Equal(t, "alert", attr(warn, "role"))
	require.NotNil(t, warn.Find("pk-save-download"))
	assert.Contains(t, a.Render().Find("pk-status").TextContent(), "Not saved since 3:04:05 PM")

	m.Quota = 0
	now = now.Add(time.Minute)
	assert.True(t, a.Save())
	assert.Equal(t, SaveStatus{Text: "Saved on this device.", At: "at 3:06:05 PM"}, a.saveStatus())
	assert.Nil(t, a.Render().Find("pk-save-problem"))
}

func TestABrowserWithoutStorageSaysSoAndOffersADownload(t *testing.T) {
	a := Open(Config{Now: fixedNow, StorageProblem: store.ErrBlocked})
	st := a.saveStatus()
	assert.True(t, st.Problem)
	assert.Contains(t, st.Text, "Not saved: this browser does not let partnerkit keep data")
	require.NotNil(t, a.Render().Find("pk-save-download"))

	m := store.NewMemory(0)
	m.Fail = errors.New("the operation is insecure")
	b := New(Config{Now: fixedNow, Storage: m}, nil, nil)
	b.Handle(Event{Action: "start.example"})
	assert.False(t, b.Save())
	assert.Equal(t, "Not saved: the operation is insecure.", b.saveStatus().Text)
}

func TestASavedWorkspaceOpensAsSaved(t *testing.T) {
	m := store.NewMemory(0)
	a := New(Config{Now: fixedNow, Storage: m}, nil, nil)
	a.Handle(Event{Action: "start.example"})
	require.True(t, a.Save())
	b := Open(Config{Now: fixedNow, Storage: m})
	assert.Equal(t, a.ws, b.ws)
	assert.Equal(t, SaveStatus{Text: "Saved on this device."}, b.saveStatus())
	assert.Empty(t, b.notices)
}

// The backups are listed in plain words, newest first, each to download.
func TestBackupsAreListedInPlainWords(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "start.example"})
	a.Handle(Event{Action: "ws.delete", Arg: a.ws.WorkspaceID})
	a.Handle(Event{Action: "ws.delete.confirm"})
	a.Handle(Event{Action: "nav", Arg: string(ViewData)})
	list := a.Render().Find("pk-backups")
	require.NotNil(t, list)
	text := list.TextContent()
	assert.Contains(t, text, "Nov 22, 2026, 10:00 AM")
	assert.Contains(t, text, "A workspace deleted from this device")
	assert.NotContains(t, text, "partnerkit.")
	kept, _ := a.save.store.Backups()
	eff := a.Handle(Event{Action: "data.backup.download", Arg: kept[0].Key})
	require.Len(t, eff, 1)
	d := eff[0].(Download)
	assert.Equal(t, "partnerkit-backup-2026-11-22-100000.json", d.Name)
	assert.Contains(t, string(d.Data), fixtureName(t))
}

// A file with thousands of mistakes lists a few and counts the rest.
func TestAnImportWithThousandsOfProblemsListsAFew(t *testing.T) {
	a := newApp(t)
	roles := strings.TrimSuffix(strings.Repeat("1,", 1760), ",")
	a.Handle(Event{Action: "data.import", Files: []File{{Name: "odd.json",
		Data: []byte(`{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "x", "people": [{"id": "p", "name": "n", "roles": [` + roles + `]}]}}`)}}})
	a.Handle(Event{Action: "nav", Arg: string(ViewData)})
	notices := a.Render().Find("pk-notices")
	var items []string
	notices.Walk(func(n *Node) bool {
		if n.Tag == "li" {
			items = append(items, n.TextContent())
		}
		return true
	})
	require.Len(t, items, maxDetails+1)
	assert.Equal(t, "and 1,740 more", items[maxDetails])
}

// twoTabs opens the example, saved on one device, in two tabs.
func twoTabs(t *testing.T) (*store.Memory, *App, *App) {
	t.Helper()
	m := store.NewMemory(0)
	first := New(Config{Now: fixedNow, Storage: m}, nil, nil)
	first.Handle(Event{Action: "start.example"})
	require.True(t, first.Save())
	return m, Open(Config{Now: fixedNow, Storage: m}), Open(Config{Now: fixedNow, Storage: m})
}

// TestTwoTabsNeverOverwriteEachOther opens the same device in two tabs.
// An edit saved in one is never overwritten by the other: the other stops
// saving when it learns of it (the storage event, or the focus), says so,
// and opens the newer version when asked, keeping its own changes aside.
func TestTwoTabsNeverOverwriteEachOther(t *testing.T) {
	m, one, two := twoTabs(t)
	edit(one, "partnership.name", "Typed in tab one")
	require.True(t, one.Save())

	// Tab two learns of it before it saves anything.
	two.Handle(Event{Action: "storage.changed"})
	edit(two, "partnership.name", "Typed in tab two")
	assert.False(t, two.Save(), "tab two does not save over tab one")
	saved, _, _ := m.Get(store.WorkspacePrefix + one.ws.WorkspaceID)
	assert.Contains(t, saved, "Typed in tab one")
	tree := two.Render()
	banner := tree.Find("pk-stale")
	require.NotNil(t, banner, "tab two says so")
	assert.Contains(t, banner.TextContent(), "changed in another tab")
	assert.Contains(t, tree.Find("pk-status").TextContent(), "Not saved")

	// Tab two opens the newer version; its own change is kept aside.
	two.Handle(Event{Action: "storage.reload"})
	assert.Equal(t, "Typed in tab one", two.ws.Partnership.Name)
	assert.Nil(t, two.Render().Find("pk-stale"))
	keys, _ := m.Keys(store.BackupPrefix)
	require.Len(t, keys, 1)
	kept, _, _ := m.Get(keys[0])
	assert.Contains(t, kept, "Typed in tab two", "nothing typed is lost")
	edit(two, "partnership.name", "Tab two, after tab one")
	require.True(t, two.Save(), "and saves again after it")

	// A save that crosses, without the event: tab one finds out as it saves.
	edit(one, "partnership.name", "Tab one again")
	assert.False(t, one.Save())
	saved, _, _ = m.Get(store.WorkspacePrefix + one.ws.WorkspaceID)
	assert.Contains(t, saved, "Tab two, after tab one")
	require.NotNil(t, one.Render().Find("pk-stale"))

	// Closing a tab that was overtaken keeps its changes aside.
	assert.True(t, one.Flush())
	keys, _ = m.Keys(store.BackupPrefix)
	assert.Len(t, keys, 2)
}

// Two tabs edit different parts of one workspace: the tab that finds it
// was overtaken merges its changes into the newer version, and both tabs'
// changes are saved. Where both changed the same value, this tab's is
// kept, the other's is kept aside, and the notice names the value.
func TestTwoTabsMergeTheirChanges(t *testing.T) {
	m, one, two := twoTabs(t)
	edit(one, "partnership.name", "Named in tab one")
	require.True(t, one.Save())
	edit(two, "meetings[1].location", "Room 12, typed in tab two")
	assert.False(t, two.Save(), "tab two finds the newer version as it saves")
	require.NotNil(t, two.Render().Find("pk-stale-merge"), "and offers to merge")

	two.Handle(Event{Action: "storage.merge"})
	assert.Nil(t, two.Render().Find("pk-stale"))
	require.True(t, two.Save(), "the merged version is saved")
	saved, _, _ := m.Get(store.WorkspacePrefix + one.ws.WorkspaceID)
	assert.Contains(t, saved, "Named in tab one")
	assert.Contains(t, saved, "Room 12, typed in tab two")
	assert.Contains(t, two.Render().Find("pk-notices").TextContent(), "merged")

	// Both tabs change the name: tab one's own is kept, tab two's aside.
	one.Handle(Event{Action: "storage.changed"})
	one.Handle(Event{Action: "storage.reload"})
	edit(two, "partnership.name", "Renamed in tab two")
	require.True(t, two.Save())
	edit(one, "partnership.name", "Renamed in tab one")
	assert.False(t, one.Save())
	before := len(backups(t, one))
	one.Handle(Event{Action: "storage.merge"})
	require.True(t, one.Save())
	saved, _, _ = m.Get(store.WorkspacePrefix + one.ws.WorkspaceID)
	assert.Contains(t, saved, "Renamed in tab one")
	assert.Contains(t, saved, "Room 12, typed in tab two", "the other change of tab two stays")
	kept := backups(t, one)
	require.Len(t, kept, before+1)
	assert.Contains(t, kept[0], "Renamed in tab two", "the other tab's value is kept aside")
	notice := one.Render().Find("pk-notices").TextContent()
	assert.Contains(t, notice, "Where both tabs changed the same value, this tab's is kept (The partnership: name)")
	assert.NotContains(t, notice, "partnership.name", "in plain words")
}

// A crafted file of 100,000 mistakes lists a few and counts the rest: the
// page draws no 100,000 lines, and says how many there are.
func TestAnImportWithAHundredThousandProblemsListsAFew(t *testing.T) {
	a := newApp(t)
	roles := strings.TrimSuffix(strings.Repeat("1,", 50_000), ",")
	person := func(id string) string {
		return `{"id": "` + id + `", "name": "n", "roles": [` + roles + `]}`
	}
	a.Handle(Event{Action: "data.import", Files: []File{{Name: "hostile.json",
		Data: []byte(`{"schemaVersion": 2, "workspaceId": "W1", "partnership": {"name": "x", "people": [` + person("p") + `, ` + person("q") + `]}}`)}}})
	a.Handle(Event{Action: "nav", Arg: string(ViewData)})
	page := a.Render()
	var items []string
	page.Find("pk-notices").Walk(func(n *Node) bool {
		if n.Tag == "li" {
			items = append(items, n.TextContent())
		}
		return true
	})
	require.Len(t, items, maxDetails+1)
	assert.Equal(t, "and 99,980 more", items[maxDetails])
	assert.Equal(t, "People › person 1 › roles › number 1: must be text in quotes, not the number 1", items[0], "the place said in plain words, once")
	lis := 0
	page.Walk(func(n *Node) bool {
		if n.Tag == "li" {
			lis++
		}
		return true
	})
	assert.Less(t, lis, 200, "the page lists no 100,000 items")
}
