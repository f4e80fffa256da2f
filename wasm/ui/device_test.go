package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// deviceApp opens an app on a store, as the page does.
func deviceApp(t *testing.T, s store.Storage, now func() time.Time) *App {
	t.Helper()
	return Open(Config{Now: now, TimeZone: "America/Chicago", Storage: s})
}

// entries returns the device's workspaces, most recently changed first.
func entries(t *testing.T, a *App) []store.Entry {
	t.Helper()
	es, _, err := a.save.store.Entries()
	require.NoError(t, err)
	return es
}

// kept returns the backups the app keeps, newest first.
func kept(t *testing.T, a *App) []store.Backup {
	t.Helper()
	bs, err := a.save.store.Backups()
	require.NoError(t, err)
	return bs
}

func startNamed(t *testing.T, a *App, name string) {
	t.Helper()
	a.Handle(Event{Action: "start.new"})
	a.Handle(Event{Action: "part.start"})
	a.Handle(Event{Action: "field", Path: "partnership.name", Value: name})
	a.Handle(Event{Action: "field", Path: "partnership.district.name", Value: name + " Unified"})
	require.True(t, a.Save())
}

func TestWorkspacesStayApartThroughReload(t *testing.T) {
	s := store.NewMemory(0)
	c := &clock{fixedNow()}
	a := deviceApp(t, s, c.now)
	startNamed(t, a, "Riverside")
	riverside := a.ws.WorkspaceID
	c.t = c.t.Add(time.Hour)
	startNamed(t, a, "Lakeview")
	lakeview := a.ws.WorkspaceID
	require.NotEqual(t, riverside, lakeview)

	// The page is closed and opened again: Lakeview, open last, opens.
	b := deviceApp(t, s, c.now)
	assert.Equal(t, "Lakeview", b.ws.Partnership.Name)
	entries := entries(t, b)
	require.Len(t, entries, 2)
	assert.Equal(t, []string{"Lakeview", "Riverside"}, []string{entries[0].Name, entries[1].Name}, "most recently changed first")
	assert.Equal(t, "Riverside Unified", entries[1].District)

	b.Handle(Event{Action: "ws.open", Arg: riverside})
	assert.Equal(t, "Riverside", b.ws.Partnership.Name)
	b.Handle(Event{Action: "field", Path: "partnership.name", Value: "Riverside and partners"})
	require.True(t, b.Save())
	b = deviceApp(t, s, c.now)
	assert.Equal(t, "Riverside and partners", b.ws.Partnership.Name)
	saved, _, err := b.save.store.Load(lakeview)
	require.NoError(t, err)
	assert.Contains(t, saved, `"name": "Lakeview"`, "the other workspace is untouched")

	// The list on Start shows both, with their district and last change.
	b.view = ViewStart
	root := b.Render()
	require.NoError(t, root.Check())
	list := root.Find("pk-workspaces").TextContent()
	assert.Contains(t, list, "Riverside and partners (open now)")
	assert.Contains(t, list, "Lakeview Unified")
	assert.Contains(t, list, "Nov 22, 2026, 5:00 AM", "in the browser's time zone, as US users write it")
}

func TestAnEarlierPagesWorkspaceJoinsTheList(t *testing.T) {
	s := store.NewMemory(0)
	require.NoError(t, s.Set(store.WorkspaceKey, `{"schemaVersion": 1, "partnership": {"name": "Old", "district": {"id": "d", "name": "D"}}}`))
	a := deviceApp(t, s, fixedNow)
	assert.Equal(t, "Old", a.ws.Partnership.Name)
	_, found, _ := s.Get(store.WorkspaceKey)
	assert.False(t, found)
	require.Len(t, entries(t, a), 1)
}

func TestUnreadableDataIsKeptAside(t *testing.T) {
	s := store.NewMemory(0)
	require.NoError(t, s.Set(store.WorkspacePrefix+"w1", `{"schemaVersion": 1, "readiness": [`))
	require.NoError(t, s.Set(store.IndexKey, `{"current": "w1", "workspaces": [{"id": "w1", "name": "One", "changed": "2026-11-22T10:00:00Z"}]}`))
	a := deviceApp(t, s, fixedNow)
	require.Len(t, a.notices, 1)
	assert.Equal(t, "problem", a.notices[0].Kind)
	bs := kept(t, a)
	require.Len(t, bs, 1)
	assert.Equal(t, store.Unreadable, bs[0].Why)
	assert.Equal(t, "w1", a.ws.WorkspaceID, "the first save goes over the data the backup holds")
	a.view = ViewData
	assert.Contains(t, a.Render().Find("pk-backups").TextContent(), "Data partnerkit cannot open")
}

func TestRenameDuplicateDelete(t *testing.T) {
	s := store.NewMemory(0)
	a := deviceApp(t, s, fixedNow)
	startNamed(t, a, "Riverside")
	id := a.ws.WorkspaceID

	eff := a.Handle(Event{Action: "ws.rename", Arg: id})
	assert.Equal(t, []Effect{Focus{ID: FieldID("partnership.name")}}, eff)
	in := a.Render().Find(FieldID("partnership.name"))
	require.NotNil(t, in, "the name is edited in the list, through its field")
	v, _ := in.Attr("data-path")
	assert.Equal(t, "partnership.name", v)
	a.Handle(Event{Action: "field", Path: "partnership.name", Value: "Riverside 2027"})
	a.Handle(Event{Action: "ws.rename.done"})
	require.True(t, a.Save())
	assert.Equal(t, "Riverside 2027", entryName(t, a, id))

	a.Handle(Event{Action: "ws.duplicate", Arg: id})
	cp := a.ws.WorkspaceID
	assert.NotEqual(t, id, cp, "a duplicate is a workspace of its own")
	assert.Equal(t, "Riverside 2027 (copy)", a.ws.Partnership.Name)
	require.Len(t, entries(t, a), 2)

	a.Handle(Event{Action: "ws.delete", Arg: id})
	require.NotNil(t, a.Render().Find("pk-ws-delete-confirm"))
	a.Handle(Event{Action: "ws.delete.confirm"})
	require.Len(t, entries(t, a), 1)
	bs := kept(t, a)
	require.Len(t, bs, 1)
	assert.Equal(t, store.BeforeDelete, bs[0].Why)
	text, err := a.save.store.ReadBackup(bs[0])
	require.NoError(t, err)
	assert.Contains(t, text, "Riverside 2027")

	// Restored, it is back in the list.
	a.Handle(Event{Action: "data.restore", Arg: bs[0].Key})
	assert.Equal(t, id, a.ws.WorkspaceID)
	require.Len(t, entries(t, a), 2)

	// Deleting the open workspace opens another.
	a.Handle(Event{Action: "ws.delete", Arg: id})
	a.Handle(Event{Action: "ws.delete.confirm"})
	assert.Equal(t, cp, a.ws.WorkspaceID)
	b := deviceApp(t, s, fixedNow)
	assert.Equal(t, cp, b.ws.WorkspaceID)
	assert.Len(t, entries(t, b), 1)
}

func TestKeepACopy(t *testing.T) {
	s := store.NewMemory(0)
	c := &clock{fixedNow()}
	a := deviceApp(t, s, c.now)
	startNamed(t, a, "Riverside")
	assert.Empty(t, a.reminder())
	a.view = ViewData
	assert.Contains(t, a.Render().Find("pk-last-copy").TextContent(), "No copy")

	c.t = c.t.Add(25 * time.Hour)
	assert.Contains(t, a.reminder(), "Changes since Sun, Nov 22, 2026, 4:00 AM are saved in this browser only")
	assert.NotNil(t, a.Render().Find("pk-reminder"))

	eff := a.Handle(Event{Action: "data.export"})
	require.Len(t, eff, 1)
	assert.Empty(t, a.reminder(), "a copy holds every change")
	assert.Contains(t, a.Render().Find("pk-last-copy").TextContent(), "Last copy kept: Mon, Nov 23, 2026, 5:00 AM. It holds every change.")
	sent := a.ws.Revision()
	require.NotEmpty(t, sent)
	keys, _ := s.Keys(store.SharedPrefix + a.ws.WorkspaceID + ".")
	assert.Equal(t, []string{store.SharedPrefix + a.ws.WorkspaceID + "." + sent}, keys, "the version sent is kept as the base of the next merge")

	// "Save to file…" is offered where the browser can.
	assert.Nil(t, a.Render().Find("pk-save-file"))
	a.cfg.FileSave = true
	require.NotNil(t, a.Render().Find("pk-save-file"))
	eff = a.Handle(Event{Action: "data.file"})
	require.Len(t, eff, 1)
	sf := eff[0].(SaveFile)
	assert.True(t, sf.Ask)
	assert.Equal(t, "Riverside.json", sf.Name)
	a.Handle(Event{Action: "data.file.saved", Value: "riverside.json"})
	eff = a.Handle(Event{Action: "data.file"})
	assert.False(t, eff[0].(SaveFile).Ask, "later saves go to the same file")

	// A change saved to the browser only is reminded of a day later; once
	// the save went to the chosen file too, the file holds it.
	a.ws.Partnership.Name = "Riverside and partners"
	a.saveNow()
	c.t = c.t.Add(25 * time.Hour)
	require.NotEmpty(t, a.reminder())
	a.Handle(Event{Action: "data.file.written"})
	assert.Empty(t, a.reminder(), "the chosen file holds every change")

	// What a later save writes to the chosen file is a version sent, as the
	// first was: it is kept as the base of the next merge.
	a.ws.Partnership.Name = "Riverside and partners, later"
	a.saveNow()
	later, err := a.FileCopy()
	require.NoError(t, err)
	ws, err := partnerkit.Decode(bytes.NewReader(later))
	require.NoError(t, err)
	assert.Equal(t, "Riverside and partners, later", ws.Partnership.Name)
	require.NotEqual(t, sent, ws.Revision(), "the later save has a revision of its own")
	assert.Equal(t, a.ws.Revision(), ws.Revision())
	kept, ok, err := a.save.store.Shared(a.ws.WorkspaceID, ws.Revision())
	require.NoError(t, err)
	require.True(t, ok, "the version written to the file is kept")
	assert.Equal(t, string(later), kept)
	assert.False(t, a.Dirty(), "the device holds the revision the file has")

	// The file holds only its latest version: the one written before it is
	// no longer kept, the one downloaded is.
	a.ws.Partnership.Name = "Riverside and partners, latest"
	a.saveNow()
	latest, err := a.FileCopy()
	require.NoError(t, err)
	ws, err = partnerkit.Decode(bytes.NewReader(latest))
	require.NoError(t, err)
	_, ok, err = a.save.store.Shared(a.ws.WorkspaceID, ws.Revision())
	require.NoError(t, err)
	assert.True(t, ok)
	keys, _ = s.Keys(store.SharedPrefix + a.ws.WorkspaceID + ".")
	assert.ElementsMatch(t, []string{store.SharedPrefix + a.ws.WorkspaceID + "." + sent, store.SharedPrefix + a.ws.WorkspaceID + "." + ws.Revision()}, keys)
}

// exchange edits two copies of one workspace, as two devices would.
func exchange(t *testing.T) (district, partner *App, file []byte) {
	t.Helper()
	district = deviceApp(t, store.NewMemory(0), fixedNow)
	district.Handle(Event{Action: "start.example"})
	eff := district.Handle(Event{Action: "data.export"})
	file = eff[0].(Download).Data
	partner = deviceApp(t, store.NewMemory(0), fixedNow)
	partner.Handle(Event{Action: "data.import", Files: []File{{Name: "from-district.json", Data: file}}})
	require.Equal(t, district.ws.WorkspaceID, partner.ws.WorkspaceID)
	return district, partner, file
}

func TestMergeAColleaguesCopy(t *testing.T) {
	district, partner, _ := exchange(t)
	// The district renames a partner; the partner adds a school and
	// changes the same partner's name, differently.
	district.ws.Partnership.Partners[0].Name = "District's name"
	district.Handle(Event{Action: "part.settle"})
	partner.ws.Partnership.Partners[0].Name = "Partner's name"
	partner.ws.Partnership.Schools = append(partner.ws.Partnership.Schools, partnership.School{ID: "new-school", Name: "New School"})
	eff := partner.Handle(Event{Action: "data.export"})
	theirs := eff[0].(Download).Data

	before := district.ws.Partnership.Partners[0].Name
	district.Handle(Event{Action: "data.import", Files: []File{{Name: "from-partner.json", Data: theirs}}})
	ms := district.merging
	require.NotNil(t, ms, "a copy of the same workspace is previewed, not opened")
	assert.True(t, ms.based, "the version sent is the base")
	assert.Equal(t, before, district.ws.Partnership.Partners[0].Name, "nothing changes before the user confirms")
	root := district.Render()
	require.NoError(t, root.Check())
	assert.Contains(t, root.Find("pk-merge-summary").TextContent(), "Their copy adds 1 school.")
	require.Len(t, ms.conflicts, 1)
	c := root.Find("pk-conflict-0").TextContent()
	assert.Contains(t, c, "District's name")
	assert.Contains(t, c, "Partner's name")
	assert.NotContains(t, c, "partnership.", "no paths in what people read")
	assert.Equal(t, ViewData, district.view)

	district.Handle(Event{Action: "merge.take", Arg: "0", Value: "theirs"})
	district.Handle(Event{Action: "merge.confirm"})
	assert.Nil(t, district.merging)
	assert.Equal(t, "Partner's name", district.ws.Partnership.Partners[0].Name)
	assert.Len(t, district.ws.Partnership.Schools, len(loadExample(t).Partnership.Schools)+1)
	bs := kept(t, district)
	require.Len(t, bs, 1)
	assert.Equal(t, store.BeforeMerge, bs[0].Why)
	saved, _ := district.save.store.ReadBackup(bs[0])
	assert.Contains(t, saved, "District's name", "the version before is kept")

	// The merge goes back: the partner's copy takes it as it is.
	eff = district.Handle(Event{Action: "data.export"})
	partner.Handle(Event{Action: "data.import", Files: []File{{Name: "merged.json", Data: eff[0].(Download).Data}}})
	require.NotNil(t, partner.merging)
	assert.Empty(t, partner.merging.conflicts)
	assert.True(t, partner.merging.based)
	partner.Handle(Event{Action: "merge.confirm"})
	assert.Equal(t, saveString(t, district.ws), saveString(t, partner.ws))
}

func TestReplaceMineOrCancel(t *testing.T) {
	district, partner, _ := exchange(t)
	partner.ws.Partnership.Name = "Their name"
	theirs := partner.Handle(Event{Action: "data.export"})[0].(Download).Data
	district.ws.Partnership.Schools = nil
	district.Handle(Event{Action: "part.settle"})

	district.Handle(Event{Action: "data.import", Files: []File{{Name: "t.json", Data: theirs}}})
	district.Handle(Event{Action: "merge.cancel"})
	assert.Nil(t, district.merging)
	assert.Empty(t, district.ws.Partnership.Schools)
	assert.Empty(t, kept(t, district))

	district.Handle(Event{Action: "data.import", Files: []File{{Name: "t.json", Data: theirs}}})
	district.Handle(Event{Action: "merge.mode", Value: "replace"})
	text := district.Render().Find("pk-merge-summary").TextContent()
	assert.Contains(t, text, "no longer be in the workspace")
	district.Handle(Event{Action: "merge.confirm"})
	assert.Equal(t, "Their name", district.ws.Partnership.Name)
	assert.NotEmpty(t, district.ws.Partnership.Schools)
	bs := kept(t, district)
	require.Len(t, bs, 1)
	assert.Equal(t, store.BeforeReplace, bs[0].Why)
}

func TestAFileOfAnotherWorkspaceOpensAsANewOne(t *testing.T) {
	a := deviceApp(t, store.NewMemory(0), fixedNow)
	startNamed(t, a, "Riverside")
	other := partnerkit.New()
	other.Partnership = &partnership.Partnership{Name: "Lakeview", District: partnership.Org{ID: "d", Name: "Lakeview Unified"}}
	data, err := Marshal(other)
	require.NoError(t, err)
	a.Handle(Event{Action: "data.import", Files: []File{{Name: "lakeview.json", Data: data}}})
	assert.Nil(t, a.merging)
	assert.Equal(t, "Lakeview", a.ws.Partnership.Name)
	require.Len(t, entries(t, a), 2)
	assert.Contains(t, strings.Join(noticeTexts(a), " "), "as a workspace of its own")
}

func noticeTexts(a *App) []string {
	var out []string
	for _, n := range a.notices {
		out = append(out, n.Text)
	}
	return out
}

func saveString(t *testing.T, ws *partnerkit.Workspace) string {
	t.Helper()
	data, err := Marshal(ws)
	require.NoError(t, err)
	return string(data)
}

func entryName(t *testing.T, a *App, id string) string {
	t.Helper()
	e, ok := a.save.store.Entry(id)
	require.True(t, ok)
	return e.Name
}

// A conflict on a value that names another record (who owns an initiative)
// shows the records' names side by side, never their ids.
func TestAConflictOnAReferenceShowsNames(t *testing.T) {
	district, partner, _ := exchange(t)
	district.ws.Partnership.Initiatives[0].Owner = "hgusd"
	district.Handle(Event{Action: "part.settle"})
	partner.ws.Partnership.Initiatives[0].Owner = "leadership-tao"
	theirs := partner.Handle(Event{Action: "data.export"})[0].(Download).Data

	district.Handle(Event{Action: "data.import", Files: []File{{Name: "from-partner.json", Data: theirs}}})
	require.NotNil(t, district.merging)
	require.Len(t, district.merging.conflicts, 1)
	assert.Equal(t, "partnership.initiatives[0].owner", district.merging.conflicts[0].Path)
	c := district.Render().Find("pk-conflict-0").TextContent()
	assert.Contains(t, c, "Hams Gulch Unified School District")
	assert.Contains(t, c, "Leadership TAO")
	assert.NotContains(t, c, "hgusd")
	assert.NotContains(t, c, "leadership-tao")
}
