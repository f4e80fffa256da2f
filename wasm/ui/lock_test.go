package ui

import (
	"bytes"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// derive does what the DOM layer does for a DeriveKey effect, with Go's
// PBKDF2 in place of the browser's, and handles the event it sends.
func derive(t *testing.T, a *App, effects []Effect) {
	t.Helper()
	for _, e := range effects {
		if d, ok := e.(DeriveKey); ok {
			key, err := pbkdf2.Key(sha256.New, d.Passphrase, d.Salt, d.Iterations, 32)
			require.NoError(t, err)
			a.Handle(Event{Action: d.Action, Files: []File{{Name: "key", Data: key}}})
		}
	}
}

// rawHolds reports whether any key or value in m holds text.
func rawHolds(t *testing.T, m *store.Memory, text string) bool {
	t.Helper()
	keys, err := m.Keys("")
	require.NoError(t, err)
	for _, k := range keys {
		if v, _, _ := m.Get(k); strings.Contains(k+"="+v, text) {
			return true
		}
	}
	return false
}

// riverside opens the page on m and starts a workspace named "Riverside
// and partners", saved.
func riverside(t *testing.T, m *store.Memory) *App {
	t.Helper()
	a := Open(Config{Now: fixedNow, Storage: m})
	a.Handle(Event{Action: "start.new"})
	a.Handle(Event{Action: "part.start"})
	edit(a, "partnership.name", "Riverside and partners")
	require.True(t, a.Save())
	return a
}

// lockWith locks the app's data with pass, as a person does on Your data.
func lockWith(t *testing.T, a *App, pass string) {
	t.Helper()
	a.Handle(Event{Action: "nav", Arg: string(ViewData)})
	a.Handle(Event{Action: "lock.pass", Value: pass})
	a.Handle(Event{Action: "lock.repeat", Value: pass})
	a.Handle(Event{Action: "lock.ask"})
	derive(t, a, a.Handle(Event{Action: "lock.set"}))
	require.NotNil(t, a.Render().Find("pk-export-locked"), "locked")
}

// unlockWith types pass on the page that asks for it.
func unlockWith(t *testing.T, a *App, pass string) {
	t.Helper()
	a.Handle(Event{Action: "lock.pass", Value: pass})
	derive(t, a, a.Handle(Event{Action: "lock.open"}))
}

// TestLockWithAPassphrase locks two workspaces and their backups, reads the
// raw storage as another page would, reopens the page and unlocks it,
// exports a locked copy that Go opens, and removes the lock.
func TestLockWithAPassphrase(t *testing.T) {
	const pass = "lantern river 1987"
	m := store.NewMemory(0)
	a := riverside(t, m)
	a.Handle(Event{Action: "start.example"})
	name := a.ws.Partnership.District.Name
	edit(a, "partnership.people[0].email", "morgan.reyes@hamsgulch.example")
	require.True(t, a.Save())
	a.Handle(Event{Action: "ws.delete", Arg: a.ws.WorkspaceID})
	a.Handle(Event{Action: "ws.delete.confirm"})
	a.Handle(Event{Action: "start.example"})
	edit(a, "partnership.people[0].email", "morgan.reyes@hamsgulch.example")
	require.True(t, a.Save())
	kept, err := a.save.store.Backups()
	require.NoError(t, err)
	require.NotEmpty(t, kept, "a backup to lock as well")
	for _, s := range []string{name, "Riverside and partners", "morgan.reyes@hamsgulch.example", kept[0].Sum} {
		require.True(t, rawHolds(t, m, s), "%s is stored open before the lock", s)
	}

	a.Handle(Event{Action: "nav", Arg: string(ViewData)})
	a.Handle(Event{Action: "lock.pass", Value: "short"})
	a.Handle(Event{Action: "lock.ask"})
	assert.Contains(t, a.Render().Find("pk-lock-problem").TextContent(), "at least 10 characters")
	a.Handle(Event{Action: "lock.pass", Value: pass})
	a.Handle(Event{Action: "lock.repeat", Value: pass + "!"})
	a.Handle(Event{Action: "lock.ask"})
	assert.Contains(t, a.Render().Find("pk-lock-problem").TextContent(), "not the same")
	a.Handle(Event{Action: "lock.repeat", Value: pass})
	a.Handle(Event{Action: "lock.ask"})
	confirm := a.Render().Find("pk-lock-confirm-text")
	require.NotNil(t, confirm, "asked before locking")
	assert.Contains(t, confirm.TextContent(), "If this passphrase is lost, your data is lost")
	derive(t, a, a.Handle(Event{Action: "lock.set"}))
	require.NotNil(t, a.Render().Find("pk-export-locked"), "locked")
	for _, s := range []string{name, "Hams Gulch", "Riverside", "morgan.reyes", kept[0].Sum, pass} {
		assert.False(t, rawHolds(t, m, s), "another page reading the storage finds %q", s)
	}
	edit(a, "partnership.name", "Typed after locking")
	require.True(t, a.Save())
	assert.False(t, rawHolds(t, m, "Typed after locking"))
	again, err := a.save.store.Backups()
	require.NoError(t, err)
	assert.Len(t, again, len(kept), "the backups are all kept, locked")

	// Reopened, the page asks for the passphrase and does nothing till then.
	b := Open(Config{Now: fixedNow, Storage: m})
	require.True(t, b.Locked())
	page := b.Render()
	require.NotNil(t, page.Find("pk-unlock-pass"))
	assert.Nil(t, page.Find("pk-nav-data"), "nothing to go to")
	assert.Contains(t, page.Find("pk-status").TextContent(), "Locked")
	b.Handle(Event{Action: "start.example"})
	assert.Nil(t, b.ws.Partnership, "nothing is done until it is open")
	b.Save()
	assert.False(t, rawHolds(t, m, name), "nor saved")
	unlockWith(t, b, "lantern river 1988")
	assert.Contains(t, b.Render().Find("pk-unlock-problem").TextContent(), "does not open")
	require.True(t, b.Locked())
	unlockWith(t, b, pass)
	require.False(t, b.Locked())
	assert.Equal(t, "Typed after locking", b.ws.Partnership.Name)
	assert.Equal(t, "morgan.reyes@hamsgulch.example", b.ws.Partnership.People[0].Email)
	es, _, err := b.save.store.Entries()
	require.NoError(t, err)
	assert.Len(t, es, 2, "both workspaces are listed")
	b.Handle(Event{Action: "nav", Arg: string(ViewData)})
	texts := backups(t, b)
	require.NotEmpty(t, texts)
	assert.Contains(t, texts[0], name, "the backups open too")

	eff := b.Handle(Event{Action: "data.export.locked"})
	require.Len(t, eff, 1)
	file := eff[0].(Download).Data
	assert.NotContains(t, string(file), name)
	ws, err := partnerkit.LoadLocked(bytes.NewReader(file), pass)
	require.NoError(t, err)
	assert.Equal(t, "Typed after locking", ws.Partnership.Name)

	b.Handle(Event{Action: "lock.remove"})
	assert.True(t, rawHolds(t, m, "Typed after locking"), "unlocked again")
	assert.True(t, rawHolds(t, m, "Riverside and partners"))
	c := Open(Config{Now: fixedNow, Storage: m})
	assert.False(t, c.Locked())
	assert.Equal(t, "Typed after locking", c.ws.Partnership.Name)
}

// TestALockInAnotherTab: a tab open when another locks the data asks for
// the passphrase at its next save, keeps its changes until it has it, and
// then saves them locked.
func TestALockInAnotherTab(t *testing.T) {
	const pass = "lantern river 1987"
	m := store.NewMemory(0)
	one := riverside(t, m)
	two := Open(Config{Now: fixedNow, Storage: m})
	require.Equal(t, "Riverside and partners", two.ws.Partnership.Name)

	lockWith(t, one, pass)
	edit(two, "partnership.district.name", "Riverside Unified")
	assert.False(t, two.Save(), "nothing is written open over locked data")
	require.True(t, two.Locked())
	assert.False(t, rawHolds(t, m, "Riverside Unified"))
	assert.Contains(t, two.Render().Find("pk-status").TextContent(), "Type the passphrase to save your changes")
	assert.True(t, two.Unsaved(), "the page asks before the tab is closed")
	require.NotNil(t, two.Render().Find("pk-unlock-download"), "and offers to download the changes now")
	eff := two.Handle(Event{Action: "data.export"})
	require.Len(t, eff, 1)
	require.IsType(t, Download{}, eff[0])
	assert.Contains(t, string(eff[0].(Download).Data), "Riverside Unified", "the download holds the changes not saved")
	unlockWith(t, two, pass)
	require.False(t, two.Locked())
	require.True(t, two.Save())
	assert.False(t, two.Unsaved())
	assert.False(t, rawHolds(t, m, "Riverside"))
	one.Handle(Event{Action: "storage.changed"})
	one.Handle(Event{Action: "storage.reload"})
	assert.Equal(t, "Riverside Unified", one.ws.Partnership.District.Name, "the first tab opens the second's save")

	// A lock removed in one tab is removed in the other.
	one.Handle(Event{Action: "lock.remove"})
	two.Handle(Event{Action: "storage.changed"})
	two.Handle(Event{Action: "nav", Arg: string(ViewData)})
	assert.NotNil(t, two.Render().Find("pk-lock-ask"), "offered to lock again")
}

// TestALostPassphraseLeavesAWayOut: the locked page offers to delete
// everything, after asking, and then starts afresh.
func TestALostPassphraseLeavesAWayOut(t *testing.T) {
	m := store.NewMemory(0)
	a := Open(Config{Now: fixedNow, Storage: m})
	a.Handle(Event{Action: "start.example"})
	require.True(t, a.Save())
	lockWith(t, a, "lantern river 1987")
	b := Open(Config{Now: fixedNow, Storage: m})
	require.True(t, b.Locked())
	b.Handle(Event{Action: "data.delete"})
	require.NotNil(t, b.Render().Find("pk-delete-confirm"))
	b.Handle(Event{Action: "data.delete.confirm"})
	assert.False(t, b.Locked())
	keys, _ := m.Keys("")
	assert.Empty(t, keys)
	b.Handle(Event{Action: "start.new"})
	assert.True(t, b.Save())
}

// TestKeySealerNames: the names of stored texts are keyed: the same for one
// key, different for another passphrase, and not the text's digest.
func TestKeySealerNames(t *testing.T) {
	mk := func(pass string) keySealer {
		k, err := partnerkit.NewLockKey(pass)
		require.NoError(t, err)
		raw, err := pbkdf2.Key(sha256.New, pass, k.Salt(), partnerkit.LockIterations, 32)
		require.NoError(t, err)
		s, err := newKeySealer(k, raw)
		require.NoError(t, err)
		return s
	}
	one, other := mk("lantern river 1987"), mk("lantern river 1988")
	sum := sha256.Sum256([]byte("a workspace"))
	assert.Equal(t, one.Name("a workspace"), one.Name("a workspace"))
	assert.Len(t, one.Name("a workspace"), 16)
	assert.NotEqual(t, one.Name("a workspace"), other.Name("a workspace"))
	assert.NotEqual(t, hex.EncodeToString(sum[:8]), one.Name("a workspace"))
	sealed, err := one.Seal("a workspace")
	require.NoError(t, err)
	back, err := one.Open(sealed)
	require.NoError(t, err)
	assert.Equal(t, "a workspace", back)
	_, err = other.Open(sealed)
	assert.ErrorIs(t, err, partnerkit.ErrWrongPassphrase)
}

// TestLockedSaveToFile saves to a chosen file while the data is locked:
// the first save and every later automatic one write the locked form, as
// the locked download does, so the file on disk leaks nothing either.
func TestLockedSaveToFile(t *testing.T) {
	const pass = "lantern river 1987"
	a := riverside(t, store.NewMemory(0))
	edit(a, "partnership.district.name", "Riverside Unified")
	a.cfg.FileSave = true
	lockWith(t, a, pass)

	eff := a.Handle(Event{Action: "data.file"})
	require.Len(t, eff, 1)
	sf := eff[0].(SaveFile)
	assert.True(t, partnerkit.IsLocked(sf.Data), "the chosen file gets the locked form")
	assert.NotContains(t, string(sf.Data), "Riverside")
	ws, err := partnerkit.LoadLocked(bytes.NewReader(sf.Data), pass)
	require.NoError(t, err)
	assert.Equal(t, "Riverside and partners", ws.Partnership.Name)
	a.Handle(Event{Action: "data.file.saved", Value: "riverside.json"})
	assert.Contains(t, a.Render().Find("pk-notices").TextContent(), "Saved a locked copy (it opens with the passphrase only) to the file")

	// Later saves go to the same file, locked too.
	edit(a, "partnership.name", "Typed after choosing the file")
	later, err := a.FileCopy()
	require.NoError(t, err)
	assert.True(t, partnerkit.IsLocked(later))
	assert.NotContains(t, string(later), "Typed after")
	ws, err = partnerkit.LoadLocked(bytes.NewReader(later), pass)
	require.NoError(t, err)
	assert.Equal(t, "Typed after choosing the file", ws.Partnership.Name)

	// Once the lock is removed, the file is written open again.
	a.Handle(Event{Action: "lock.remove"})
	open, err := a.FileCopy()
	require.NoError(t, err)
	assert.False(t, partnerkit.IsLocked(open))
	assert.Contains(t, string(open), "Typed after choosing the file")
	eff = a.Handle(Event{Action: "data.file"})
	assert.False(t, partnerkit.IsLocked(eff[0].(SaveFile).Data))
}
