package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/wasm/store"
)

// hexSealer plays a passphrase's key: it writes texts as hexadecimal behind
// its key's name, opens only those, and names texts with a digest keyed
// with it.
type hexSealer struct{ key string }

var errWrongKey = errors.New("not this key")

func (s hexSealer) Seal(text string) (string, error) {
	return "sealed:" + s.key + ":" + hex.EncodeToString([]byte(text)), nil
}

func (s hexSealer) Open(text string) (string, error) {
	rest, ok := strings.CutPrefix(text, "sealed:")
	if !ok {
		return text, nil
	}
	data, ok := strings.CutPrefix(rest, s.key+":")
	if !ok {
		return "", errWrongKey
	}
	b, err := hex.DecodeString(data)
	return string(b), err
}

func (s hexSealer) Name(text string) string {
	sum := sha256.Sum256([]byte(s.key + "\x00" + text))
	return hex.EncodeToString(sum[:8])
}

// digestOf is the digest an unlocked store puts in a backup's key.
func digestOf(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// raw is everything in m, keys and values, as another page reads it.
func raw(t *testing.T, m *store.Memory) string {
	t.Helper()
	keys, err := m.Keys("")
	require.NoError(t, err)
	var b strings.Builder
	for _, k := range keys {
		v, _, _ := m.Get(k)
		b.WriteString(k + "=" + v + "\n")
	}
	return b.String()
}

// fill keeps two workspaces, a draft, two backups and a shared version.
func fill(t *testing.T, st *store.Store) {
	t.Helper()
	require.NoError(t, st.Save(store.Entry{ID: "w1", Name: "Riverside", District: "Riverside Unified"}, `{"name":"Riverside","email":"ana@riverside.example"}`, ""))
	require.NoError(t, st.Save(store.Entry{ID: "w2", Name: "Lakeview"}, `{"name":"Lakeview"}`, `{"rater":"Bea Lakeview"}`))
	_, err := st.KeepAside(`{"name":"Old Riverside"}`, store.BeforeImport)
	require.NoError(t, err)
	_, err = st.KeepAside(`{"name":"Older Lakeview"}`, store.BeforeNew)
	require.NoError(t, err)
	require.NoError(t, st.Share("w1", "rev-riverside-1", `{"name":"Riverside as sent"}`))
}

// TestALockedStoreKeepsNoPlainText locks everything a store keeps: another
// page reading the storage finds no name, no e-mail and no digest of a
// text in a key; the store reads it all back; another store (the page
// reloaded) reads nothing until it is given the key; removing the lock
// writes it all open again.
func TestALockedStoreKeepsNoPlainText(t *testing.T) {
	st, m, c := newStore(0)
	fill(t, st)
	before := raw(t, m)
	plain := []string{"Riverside", "Lakeview", "ana@riverside.example", "rev-riverside-1",
		digestOf(`{"name":"Old Riverside"}`), digestOf(`{"name":"Older Lakeview"}`)}
	for _, p := range plain {
		require.Contains(t, before, p, "the test's storage holds it while open")
	}
	key := hexSealer{key: "k1"}
	require.NoError(t, st.Lock(key))
	assert.True(t, st.Sealed())
	after := raw(t, m)
	for _, p := range plain {
		assert.NotContains(t, after, p)
	}
	assert.Contains(t, after, store.LockKey+"=sealed:k1:")

	// The locked store reads, writes and keeps aside as before.
	v, ok, err := st.Load("w1")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Contains(t, v, "ana@riverside.example")
	es, _, err := st.Entries()
	require.NoError(t, err)
	assert.Len(t, es, 2)
	v, ok, _ = st.Shared("w1", "rev-riverside-1")
	require.True(t, ok)
	assert.Equal(t, `{"name":"Riverside as sent"}`, v)
	kept, err := st.Backups()
	require.NoError(t, err)
	require.Len(t, kept, 2)
	c.t = c.t.Add(time.Minute)
	again, err := st.KeepAside(`{"name":"Old Riverside"}`, store.BeforeRestore)
	require.NoError(t, err)
	assert.Equal(t, kept[1].Key, again.Key, "the same text is still kept once")
	require.NoError(t, st.Save(store.Entry{ID: "w1", Name: "Riverside North"}, `{"name":"Riverside North"}`, "Bea's ratings"))
	assert.NotContains(t, raw(t, m), "Riverside North")
	assert.NotContains(t, raw(t, m), "Bea")

	// Reloaded, the page reads nothing without the key.
	other := store.New(m, nil)
	assert.True(t, other.Locked())
	_, _, err = other.Workspace()
	require.ErrorIs(t, err, store.ErrLocked)
	require.ErrorIs(t, other.Save(store.Entry{ID: "w3"}, "{}", ""), store.ErrLocked)
	_, err = other.KeepAside("anything", store.BeforeNew)
	require.ErrorIs(t, err, store.ErrLocked)
	check, found, err := other.LockCheck()
	require.NoError(t, err)
	require.True(t, found)
	assert.True(t, strings.HasPrefix(check, "sealed:k1:"), "the check carries the lock's header")
	require.ErrorIs(t, other.Unlock(hexSealer{key: "k2"}), errWrongKey)
	assert.True(t, other.Locked())
	require.NoError(t, other.Unlock(hexSealer{key: "k1"}))
	v, _, err = other.Workspace()
	require.NoError(t, err)
	assert.Equal(t, `{"name":"Riverside North"}`, v)
	d, _, _ := other.Draft()
	assert.Equal(t, "Bea's ratings", d)

	// Removing the lock writes everything open again, under digests.
	require.NoError(t, other.RemoveLock())
	assert.False(t, other.Sealed())
	open := raw(t, m)
	assert.Contains(t, open, "Riverside North")
	assert.Contains(t, open, digestOf(`{"name":"Older Lakeview"}`))
	assert.Contains(t, open, store.SharedPrefix+"w1.rev-riverside-1=")
	assert.NotContains(t, open, store.LockKey)
	fresh := store.New(m, nil)
	assert.False(t, fresh.Locked())
	v, ok, _ = fresh.Shared("w1", "rev-riverside-1")
	require.True(t, ok)
	assert.Equal(t, `{"name":"Riverside as sent"}`, v)
}

// TestALockThatDoesNotFitLocksNothing fills the storage so that the locked
// texts (longer than the open ones) do not fit: the lock fails and the
// storage holds what it held, byte for byte.
func TestALockThatDoesNotFitLocksNothing(t *testing.T) {
	st, m, _ := newStore(0)
	fill(t, st)
	m.Quota = m.Used() + 200
	before := map[string]string{}
	keys, _ := m.Keys("")
	for _, k := range keys {
		before[k], _, _ = m.Get(k)
	}
	require.ErrorIs(t, st.Lock(hexSealer{key: "k1"}), store.ErrQuota)
	after := map[string]string{}
	keys, _ = m.Keys("")
	for _, k := range keys {
		after[k], _, _ = m.Get(k)
	}
	assert.True(t, maps.Equal(before, after), "nothing changed")
	assert.False(t, st.Sealed())
	v, _, err := st.Load("w1")
	require.NoError(t, err)
	assert.Contains(t, v, "Riverside")
}

// TestALockInAnotherTab: a tab whose store was open when another locked
// the data reads and writes nothing until it has the key, then goes on; a
// lock removed in another tab leaves it reading and writing open texts.
func TestALockInAnotherTab(t *testing.T) {
	m := store.NewMemory(0)
	one, two := store.New(m, nil), store.New(m, nil)
	e := store.Entry{ID: "w1", Name: "Riverside"}
	require.NoError(t, one.Save(e, `{"v":1}`, ""))
	_, _, err := two.Load("w1")
	require.NoError(t, err)
	require.NoError(t, one.Lock(hexSealer{key: "k1"}))
	assert.True(t, two.Locked())
	require.ErrorIs(t, two.Save(e, `{"v":2}`, ""), store.ErrLocked)
	require.NoError(t, two.Unlock(hexSealer{key: "k1"}))
	require.NoError(t, two.Save(e, `{"v":2}`, ""))
	assert.NotContains(t, raw(t, m), "Riverside")

	// Locked again with another passphrase: the first key opens nothing.
	require.NoError(t, one.RemoveLock())
	assert.False(t, two.Sealed(), "the lock is gone for the other tab too")
	require.NoError(t, one.Lock(hexSealer{key: "k2"}))
	assert.True(t, two.Locked())
	require.ErrorIs(t, two.Unlock(hexSealer{key: "k1"}), errWrongKey)

	// Erase needs no passphrase: a lost one leaves a way to start again.
	require.NoError(t, two.Erase())
	assert.Empty(t, raw(t, m))
	assert.False(t, store.New(m, nil).Locked())
}
