package store_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock is a time that stands still unless moved.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newStore(quota int) (*store.Store, *store.Memory, *clock) {
	m := store.NewMemory(quota)
	c := &clock{t: time.Date(2026, 12, 1, 15, 4, 5, 0, time.UTC)}
	return store.New(m, c.now), m, c
}

// Two backups kept in the same second, even the same millisecond, are two
// backups: the second no longer overwrites the first.
func TestBackupsInOneSecondAreKeptApart(t *testing.T) {
	st, _, _ := newStore(0)
	a, err := st.KeepAside(`{"a":1}`, store.BeforeImport)
	require.NoError(t, err)
	b, err := st.KeepAside(`{"b":2}`, store.BeforeImport)
	require.NoError(t, err)
	assert.NotEqual(t, a.Key, b.Key)
	kept, err := st.Backups()
	require.NoError(t, err)
	require.Len(t, kept, 2)
	assert.Equal(t, b.Key, kept[0].Key, "newest first")
	for want, bk := range map[string]store.Backup{`{"a":1}`: a, `{"b":2}`: b} {
		got, err := st.ReadBackup(bk)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

// The same text is kept once, however often it is kept aside: reloading a
// page whose save cannot be read does not add a backup each time.
func TestTheSameTextIsKeptOnce(t *testing.T) {
	st, m, c := newStore(0)
	first, err := st.KeepAside("not json at all", store.Unreadable)
	require.NoError(t, err)
	for range 10 {
		c.t = c.t.Add(time.Minute)
		again, err := st.KeepAside("not json at all", store.Unreadable)
		require.NoError(t, err)
		assert.Equal(t, first, again)
	}
	keys, _ := m.Keys(store.BackupPrefix)
	assert.Len(t, keys, 1)
}

func TestOnlyTheNewestBackupsAreKept(t *testing.T) {
	st, _, c := newStore(0)
	var made []store.Backup
	for i := range store.MaxBackups + 3 {
		c.t = c.t.Add(time.Second)
		b, err := st.KeepAside(fmt.Sprintf(`{"n":%d}`, i), store.BeforeNew)
		require.NoError(t, err)
		made = append(made, b)
	}
	kept, err := st.Backups()
	require.NoError(t, err)
	require.Len(t, kept, store.MaxBackups)
	for i, b := range kept {
		assert.Equal(t, made[len(made)-1-i].Key, b.Key)
	}
}

// A backup the storage refuses is not kept, and says so: the caller must
// not replace what it was for.
func TestABackupThatDoesNotFitIsNotKept(t *testing.T) {
	st, m, _ := newStore(100)
	require.NoError(t, m.Set(store.WorkspaceKey, strings.Repeat("x", 60)))
	_, err := st.KeepAside(strings.Repeat("y", 60), store.BeforeImport)
	var nk *store.NotKeptError
	require.ErrorAs(t, err, &nk)
	assert.ErrorIs(t, err, store.ErrQuota)
	kept, _ := st.Backups()
	assert.Empty(t, kept)
	v, _, _ := m.Get(store.WorkspaceKey)
	assert.Equal(t, strings.Repeat("x", 60), v, "the workspace is untouched")
}

// lossy is a storage that keeps only the first n characters of a value.
type lossy struct {
	*store.Memory
	n int
}

func (l lossy) Set(k, v string) error { return l.Memory.Set(k, v[:min(len(v), l.n)]) }

func TestABackupThatDoesNotReadBackIsNotKept(t *testing.T) {
	m := lossy{store.NewMemory(0), 10}
	st := store.New(m, nil)
	_, err := st.KeepAside(strings.Repeat("z", 20), store.BeforeExample)
	var nk *store.NotKeptError
	require.ErrorAs(t, err, &nk)
	keys, _ := m.Keys(store.BackupPrefix)
	assert.Empty(t, keys, "the truncated copy is removed")
}

func TestSaveRemembersTheLastSuccess(t *testing.T) {
	st, m, c := newStore(400) // the workspace, and the list of workspaces
	require.NoError(t, st.Save(store.Entry{ID: "w"}, `{"v":1}`, ""))
	saved := c.t
	assert.Equal(t, saved, st.Status().Saved)
	c.t = c.t.Add(time.Minute)
	err := st.Save(store.Entry{ID: "w"}, strings.Repeat("x", 390), "")
	require.ErrorIs(t, err, store.ErrQuota)
	assert.Equal(t, saved, st.Status().Saved, "the time of the last save that succeeded")
	assert.ErrorIs(t, st.Status().Err, store.ErrQuota)
	v, _, _ := m.Get(store.WorkspacePrefix + "w")
	assert.Equal(t, `{"v":1}`, v)
	require.NoError(t, st.Save(store.Entry{ID: "w"}, `{"v":2}`, `{"rater":"Ana"}`))
	assert.NoError(t, st.Status().Err)
	d, ok, _ := st.Draft()
	assert.True(t, ok)
	assert.Equal(t, `{"rater":"Ana"}`, d)
	require.NoError(t, st.Save(store.Entry{ID: "w"}, `{"v":2}`, ""))
	_, ok, _ = st.Draft()
	assert.False(t, ok, "an empty draft removes the saved one")
}

func TestTurnedOffStorageFailsEverySave(t *testing.T) {
	st, m, _ := newStore(0)
	m.Fail = errors.New("the browser blocks storage")
	assert.Error(t, st.Save(store.Entry{ID: "w"}, "{}", ""))
	_, err := st.KeepAside("{}", store.BeforeNew)
	assert.Error(t, err)
}

func TestOlderBackupKeysAreListed(t *testing.T) {
	st, m, _ := newStore(0)
	require.NoError(t, m.Set(store.BackupPrefix+"2026-11-30T10-00-00Z", "old corrupt"))
	require.NoError(t, m.Set(store.BackupPrefix+"2026-11-30T10-00-00Z-before-import", `{"x":1}`))
	require.NoError(t, m.Set(store.BackupPrefix+"2026-11-30T10-00-01Z-ratings", `{"r":1}`))
	kept, err := st.Backups()
	require.NoError(t, err)
	require.Len(t, kept, 3)
	assert.Equal(t, store.UnreadableRatings, kept[0].Why)
	whys := []store.Reason{kept[1].Why, kept[2].Why}
	assert.ElementsMatch(t, []store.Reason{store.Unreadable, store.BeforeImport}, whys)
	// Keeping the same text again finds the old backup.
	b, err := st.KeepAside(`{"x":1}`, store.BeforeImport)
	require.NoError(t, err)
	assert.Equal(t, store.BackupPrefix+"2026-11-30T10-00-00Z-before-import", b.Key)
}

func TestEraseRemovesOnlyPartnerkitKeys(t *testing.T) {
	st, m, _ := newStore(0)
	require.NoError(t, st.Save(store.Entry{ID: "w"}, "{}", `{"rater":"Ana"}`))
	_, err := st.KeepAside("x", store.Unreadable)
	require.NoError(t, err)
	require.NoError(t, m.Set("another-app", "theirs"))
	require.NoError(t, st.Erase())
	keys, _ := m.Keys("")
	assert.Equal(t, []string{"another-app"}, keys)
}

func TestMemoryCountsAsBrowsersDo(t *testing.T) {
	m := store.NewMemory(10)
	require.NoError(t, m.Set("k", "😀😀"), "1 + 4 code units")
	assert.Equal(t, 5, m.Used())
	require.NoError(t, m.Set("k", "abcdefghi"), "replacing a value frees what it took")
	assert.ErrorIs(t, m.Set("j", "x"), store.ErrQuota)
}

// Several workspaces are kept apart, each under its own key; the list says
// which is open, and an older page's one workspace joins it on its first save.
func TestWorkspacesAreKeptApart(t *testing.T) {
	st, m, c := newStore(0)
	require.NoError(t, m.Set(store.WorkspaceKey, `{"old":1}`))
	v, ok, err := st.Workspace()
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, `{"old":1}`, v, "an older page's workspace opens")

	require.NoError(t, st.Save(store.Entry{ID: "a", Name: "Riverside", District: "Riverside Unified"}, `{"a":1}`, ""))
	_, ok, _ = m.Get(store.WorkspaceKey)
	assert.False(t, ok, "moved to the list")
	c.t = c.t.Add(time.Hour)
	require.NoError(t, st.Save(store.Entry{ID: "b", Name: "Lakeview"}, `{"b":1}`, ""))
	es, cur, err := st.Entries()
	require.NoError(t, err)
	assert.Equal(t, "b", cur)
	require.Len(t, es, 2)
	assert.Equal(t, []string{"Lakeview", "Riverside"}, []string{es[0].Name, es[1].Name}, "most recently changed first")
	assert.Equal(t, "Riverside Unified", es[1].District)
	v, _, _ = st.Workspace()
	assert.Equal(t, `{"b":1}`, v)

	require.NoError(t, st.Select("a"))
	v, _, _ = st.Workspace()
	assert.Equal(t, `{"a":1}`, v)
	assert.Error(t, st.Select("nobody"))

	// A copy kept: no change is unkept until the next save.
	e, _ := st.Entry("a")
	assert.False(t, e.Unkept.IsZero())
	require.NoError(t, st.Copied("a"))
	e, _ = st.Entry("a")
	assert.True(t, e.Unkept.IsZero())
	assert.Equal(t, c.t, e.Copied)

	// Exchanged versions are kept, the newest MaxShared of each.
	for i := range store.MaxShared + 3 {
		c.t = c.t.Add(time.Second)
		require.NoError(t, st.Share("a", fmt.Sprintf("rev%02d", i), fmt.Sprintf(`{"v":%d}`, i)))
	}
	keys, _ := m.Keys(store.SharedPrefix + "a.")
	assert.Len(t, keys, store.MaxShared)
	_, ok, _ = st.Shared("a", "rev00")
	assert.False(t, ok, "the oldest went")
	v, ok, _ = st.Shared("a", fmt.Sprintf("rev%02d", store.MaxShared+2))
	assert.True(t, ok)
	assert.Equal(t, fmt.Sprintf(`{"v":%d}`, store.MaxShared+2), v)
	require.NoError(t, st.Unshare("a", fmt.Sprintf("rev%02d", store.MaxShared+2)))
	_, ok, _ = st.Shared("a", fmt.Sprintf("rev%02d", store.MaxShared+2))
	assert.False(t, ok, "a version unshared is gone")
	keys, _ = m.Keys(store.SharedPrefix + "a.")
	assert.Len(t, keys, store.MaxShared-1, "and only it")

	require.NoError(t, st.Drop("a"))
	es, cur, _ = st.Entries()
	assert.Len(t, es, 1)
	assert.Equal(t, "", cur)
	keys, _ = m.Keys(store.SharedPrefix + "a.")
	assert.Empty(t, keys, "what was exchanged of it goes too")

	// A list that cannot be read is made again from the workspaces' keys.
	require.NoError(t, m.Set(store.IndexKey, "not json"))
	es, _, err = st.Entries()
	require.NoError(t, err)
	require.Len(t, es, 1)
	assert.Equal(t, "b", es[0].ID)
}

// TestTwoTabsNeverOverwriteEachOther opens the same storage in two stores,
// as two tabs of one browser do: the first to save wins, the other finds
// it changed, saves nothing, and once it has read the newer one saves again.
func TestTwoTabsNeverOverwriteEachOther(t *testing.T) {
	m := store.NewMemory(0)
	one, two := store.New(m, nil), store.New(m, nil)
	e := store.Entry{ID: "w1", Name: "Riverside"}
	require.NoError(t, one.Save(e, `{"from":"one"}`, ""))
	_, _, err := two.Workspace()
	require.NoError(t, err)
	require.NoError(t, one.Save(e, `{"from":"one, again"}`, ""))
	changed, err := two.Overtaken("w1")
	require.NoError(t, err)
	assert.True(t, changed, "the second tab sees the first one's save")
	err = two.Save(e, `{"from":"two"}`, "")
	var stale *store.StaleError
	require.ErrorAs(t, err, &stale)
	v, _, _ := one.Load("w1")
	assert.Equal(t, `{"from":"one, again"}`, v, "nothing was written over it")

	// The second tab reads the newer one, and saves after it.
	v, _, err = two.Load("w1")
	require.NoError(t, err)
	assert.Equal(t, `{"from":"one, again"}`, v)
	require.NoError(t, two.Save(e, `{"from":"two, after one"}`, ""))
	changed, _ = one.Overtaken("w1")
	assert.True(t, changed)
	changed, _ = two.Overtaken("w1")
	assert.False(t, changed, "a tab's own save is no change to it")

	// Deleting the workspace in one tab is a change to the other.
	require.NoError(t, one.Drop("w1"))
	changed, _ = two.Overtaken("w1")
	assert.True(t, changed)

	// The tab that deleted it saves it anew when it comes back (the
	// example, opened again).
	require.NoError(t, one.Save(e, `{"from":"one, anew"}`, ""))
}

// TestASaveThatDoesNotFitIsStillSeenByOtherTabs fills the storage so that
// a save's workspace does not fit after its revision: the other tab still
// learns that this one wrote, and the data is as it was.
func TestASaveThatDoesNotFitIsStillSeenByOtherTabs(t *testing.T) {
	m := store.NewMemory(400)
	one, two := store.New(m, nil), store.New(m, nil)
	e := store.Entry{ID: "w1"}
	require.NoError(t, one.Save(e, `{"v":1}`, ""))
	_, _, err := two.Load("w1")
	require.NoError(t, err)
	require.ErrorIs(t, two.Save(e, strings.Repeat("x", 300), ""), store.ErrQuota)
	changed, err := one.Overtaken("w1")
	require.NoError(t, err)
	assert.True(t, changed, "tab one does not write over what tab two tried to save")
	v, _, _ := m.Get(store.WorkspacePrefix + "w1")
	assert.Equal(t, `{"v":1}`, v, "the data is as it was")
	require.NoError(t, two.Save(e, `{"v":2}`, ""), "tab two saves once it fits")
}
