package partnerkit_test

import (
	"bytes"
	"crypto/pbkdf2"
	"crypto/sha256"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
)

const passphrase = "correct horse battery staple"

// testdata/locked/valid.json is testdata/valid.json locked by Web Crypto (node's
// crypto.subtle, as the page's browser does it) with passphrase: Go opens
// what the page locks.
func TestLoadLockedOpensWhatWebCryptoLocked(t *testing.T) {
	data, err := os.ReadFile("testdata/locked/valid.json")
	require.NoError(t, err)
	assert.NotContains(t, string(data), "Riverside", "no name in the locked file")
	ws, err := partnerkit.LoadLocked(bytes.NewReader(data), passphrase)
	require.NoError(t, err)
	plain, err := os.ReadFile("testdata/valid.json")
	require.NoError(t, err)
	want, err := partnerkit.Load(bytes.NewReader(plain))
	require.NoError(t, err)
	assert.Equal(t, want, ws)

	_, err = partnerkit.LoadLocked(bytes.NewReader(data), "Correct horse battery staple")
	assert.ErrorIs(t, err, partnerkit.ErrWrongPassphrase)
	_, err = partnerkit.Load(bytes.NewReader(data))
	assert.ErrorIs(t, err, partnerkit.ErrLocked, "Load says the file is locked")
	assert.Contains(t, err.Error(), "passphrase")
}

// Lock locks with a fresh salt and IV each time, and Unlock gives back the
// text; LoadLocked reads a file that is not locked as Load does.
func TestLockAndUnlock(t *testing.T) {
	plain, err := os.ReadFile("testdata/valid.json")
	require.NoError(t, err)
	one, err := partnerkit.Lock(plain, passphrase)
	require.NoError(t, err)
	two, err := partnerkit.Lock(plain, passphrase)
	require.NoError(t, err)
	assert.NotEqual(t, one, two, "a fresh salt and IV each time")
	assert.NotContains(t, string(one), "Riverside")
	assert.True(t, partnerkit.IsLocked(one))
	assert.False(t, partnerkit.IsLocked(plain))
	back, err := partnerkit.Unlock(one, passphrase)
	require.NoError(t, err)
	assert.Equal(t, plain, back)
	_, err = partnerkit.Lock(plain, "")
	assert.Error(t, err)
	_, err = partnerkit.Unlock(plain, passphrase)
	assert.ErrorIs(t, err, partnerkit.ErrNotLocked)
	ws, err := partnerkit.LoadLocked(bytes.NewReader(plain), "")
	require.NoError(t, err)
	assert.NotNil(t, ws.Partnership)

	// A changed byte is found out: GCM authenticates what it encrypts.
	changed := bytes.Replace(one, []byte(`"data":"`), []byte(`"data":"A`), 1)
	changed = bytes.Replace(changed, []byte(`=="}`), []byte(`="}`), 1)
	_, err = partnerkit.Unlock(changed, passphrase)
	assert.Error(t, err)
}

// A locked file that cannot be opened is refused with a sentence that says
// why, before any work on a key it would make long.
func TestUnlockRefusesBadFiles(t *testing.T) {
	good := `"cipher":"AES-256-GCM","kdf":"PBKDF2-SHA-256","salt":"bKXL9xSe0kUxkaTXLdDKfA==","iv":"tHwMvSpUjr5qh/lT","data":"8ZjLKeU5XBaTQQ6RPAdDeA=="`
	for _, tt := range []struct{ file, want string }{
		{`{"partnerkitLocked":2,"iterations":600000,` + good + `}`, "version 2"},
		{`{"partnerkitLocked":1,"iterations":1000000000000,` + good + `}`, "rounds of PBKDF2"},
		{`{"partnerkitLocked":1,"iterations":1000,` + good + `}`, "rounds of PBKDF2"},
		{`{"partnerkitLocked":1,"iterations":600000,` + strings.Replace(good, "tHwMvSpUjr5qh/lT", "AAAA", 1) + `}`, "IV"},
		{`{"partnerkitLocked":1,"iterations":600000,` + strings.Replace(good, "AES-256-GCM", "AES-128-CBC", 1) + `}`, "AES-128-CBC"},
		{`{"partnerkitLocked":1,"iterations":600000,"extra":1,` + good + `}`, "cannot be read"},
		{`{"partnerkitLocked":1,"iterations":600000,` + good, "cut short"},
	} {
		_, err := partnerkit.Unlock([]byte(tt.file), passphrase)
		require.Error(t, err, tt.file)
		assert.Contains(t, err.Error(), tt.want)
		assert.False(t, errors.Is(err, partnerkit.ErrWrongPassphrase))
	}
}

// FuzzUnlock checks that Unlock never panics on any file and that what it
// opens, Lock locks again to a file it opens.
func FuzzUnlock(f *testing.F) {
	data, err := os.ReadFile("testdata/locked/valid.json")
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`{"partnerkitLocked":1}`))
	f.Add([]byte("\ufeff  {\"partnerkitLocked\":1,\"iterations\":600000,\"salt\":\"\",\"iv\":\"\",\"data\":\"\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		plain, err := partnerkit.Unlock(data, passphrase)
		if err != nil {
			assert.NotEmpty(t, err.Error())
			return
		}
		again, err := partnerkit.Lock(plain, passphrase)
		require.NoError(t, err)
		back, err := partnerkit.Unlock(again, passphrase)
		require.NoError(t, err)
		assert.Equal(t, plain, back)
	})
}

// A LockKey, derived once, locks each save with a fresh IV under one salt;
// the passphrase opens each, and a key derived elsewhere from the same
// passphrase and salt (as the browser does) opens them too.
func TestLockKey(t *testing.T) {
	k, err := partnerkit.NewLockKey(passphrase)
	require.NoError(t, err)
	one, err := k.Lock([]byte("first save"))
	require.NoError(t, err)
	two, err := k.Lock([]byte("first save"))
	require.NoError(t, err)
	assert.NotEqual(t, one, two, "a fresh IV for each save")
	salt, rounds, err := partnerkit.LockParams(two)
	require.NoError(t, err)
	assert.Equal(t, k.Salt(), salt)
	assert.Equal(t, partnerkit.LockIterations, rounds)
	back, err := partnerkit.Unlock(two, passphrase)
	require.NoError(t, err)
	assert.Equal(t, "first save", string(back))

	raw, err := pbkdf2.Key(sha256.New, passphrase, salt, rounds, 32)
	require.NoError(t, err)
	again, err := partnerkit.NewLockKeyFrom(raw, salt, rounds)
	require.NoError(t, err)
	back, err = again.Unlock(one)
	require.NoError(t, err)
	assert.Equal(t, "first save", string(back))

	other, err := partnerkit.NewLockKey(passphrase)
	require.NoError(t, err)
	_, err = other.Unlock(one)
	assert.ErrorIs(t, err, partnerkit.ErrWrongPassphrase, "another lock's salt")
	_, err = partnerkit.NewLockKeyFrom(raw[:16], salt, rounds)
	assert.Error(t, err)
}

// BenchmarkLockSave locks the example district's workspace with a key
// derived once, as the page does on each save of a locked workspace.
func BenchmarkLockSave(b *testing.B) {
	plain, err := os.ReadFile("examples/hgusd/casefile/hgusd.json")
	require.NoError(b, err)
	k, err := partnerkit.NewLockKey(passphrase)
	require.NoError(b, err)
	b.SetBytes(int64(len(plain)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Lock(plain); err != nil {
			b.Fatal(err)
		}
	}
}
