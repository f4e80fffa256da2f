package store

import (
	"errors"
	"strings"
)

// The data of the device can be locked with a passphrase: a Sealer then
// encrypts every text the store writes (the workspaces, their list, the
// versions exchanged, the draft, the backups) and opens what it reads, so
// that another page reading the same storage finds only ciphertext. Only
// the revisions stay as they are: a count and a page's random name.
//
// Keys hold no digest of a text while the data is locked: a backup's key
// and a shared version's key carry the Sealer's Name of the text, a keyed
// digest that says whether two texts are the same to whoever has the key,
// and nothing to anyone else.
//
// LockKey holds a short text locked with the same key: it says that the
// data is locked, carries the salt and rounds the key is derived with (in
// the lock's header), and tells a right passphrase from a wrong one. It is
// written before anything is locked and removed after everything is open
// again, so that whenever a locked text is stored, so is LockKey.

// LockKey holds the lock's check text while the device's data is locked.
const LockKey = Prefix + "lock"

// lockCheck is the text LockKey holds, locked.
const lockCheck = "partnerkit: the data of this device is locked"

// ErrLocked is the error of every read and write of a store whose data is
// locked with a passphrase it was not given (Unlock), or was locked again,
// with another passphrase, in another tab.
var ErrLocked = errors.New("the data partnerkit keeps on this device is locked with a passphrase")

// Sealer locks the texts a Store writes and opens those it reads, while the
// device's data is locked with a passphrase.
type Sealer interface {
	// Seal returns text locked.
	Seal(text string) (string, error)
	// Open returns the text a sealed text holds, and a text that is not
	// sealed as it is (the data is locked one text at a time).
	Open(sealed string) (string, error)
	// Name returns a keyed digest of text, 16 hexadecimal digits: the same
	// for the same text and key, unrelated to the text without the key.
	Name(text string) string
}

// Locked reports whether the device's data is locked with a passphrase this
// store was not given: it then reads and writes nothing (ErrLocked) until
// Unlock.
func (st *Store) Locked() bool {
	return errors.Is(st.checkLock(), ErrLocked)
}

// Sealed reports whether the data is locked and this store holds its key.
func (st *Store) Sealed() bool {
	return st.checkLock() == nil && st.sealer != nil
}

// LockCheck returns the locked text under LockKey, whose header holds the
// salt and rounds the key is derived with, and whether there is one.
func (st *Store) LockCheck() (string, bool, error) {
	return st.s.Get(LockKey)
}

// Unlock gives the store the sealer of the locked data. It returns the
// error of s.Open when s does not open the lock's check text (a wrong
// passphrase), and an error when the data is not locked.
func (st *Store) Unlock(s Sealer) error {
	check, found, err := st.s.Get(LockKey)
	if err != nil {
		return err
	}
	if !found {
		return errors.New("the data on this device is not locked")
	}
	plain, err := s.Open(check)
	if err != nil {
		return err
	}
	if plain != lockCheck {
		return errors.New("the lock of this device's data is not one partnerkit made")
	}
	st.sealer, st.check = s, check
	return nil
}

// Lock locks everything the store keeps with s: the check text first, then
// every text, written again locked, backups and shared versions under keys
// named with s. If a text cannot be written (the storage is full: a locked
// text is longer), everything is written back as it was and nothing is
// locked.
func (st *Store) Lock(s Sealer) error {
	if err := st.checkLock(); err != nil {
		return err
	}
	if st.sealer != nil {
		return errors.New("the data on this device is locked already")
	}
	check, err := s.Seal(lockCheck)
	if err != nil {
		return err
	}
	if err := st.s.Set(LockKey, check); err != nil {
		return err
	}
	if err := st.reseal(nil, s); err != nil {
		_ = st.s.Remove(LockKey)
		return err
	}
	st.sealer, st.check = s, check
	return nil
}

// RemoveLock writes everything the store keeps open again, under keys named
// as an unlocked store names them, and then removes the check text. If a
// text cannot be written, everything is written back as it was and the data
// stays locked.
func (st *Store) RemoveLock() error {
	if err := st.checkLock(); err != nil {
		return err
	}
	if st.sealer == nil {
		return nil
	}
	if err := st.reseal(st.sealer, nil); err != nil {
		return err
	}
	if err := st.s.Remove(LockKey); err != nil {
		return err
	}
	st.sealer, st.check = nil, ""
	return nil
}

// checkLock compares the lock stored with the one this store holds: with
// none stored, the store reads and writes open texts (another tab may have
// removed the lock); with one stored that is not this store's, it returns
// ErrLocked (locked in another tab, or when the page opened).
func (st *Store) checkLock() error {
	check, found, err := st.s.Get(LockKey)
	switch {
	case err != nil:
		return err
	case !found:
		st.sealer, st.check = nil, ""
		return nil
	case st.sealer != nil && check == st.check:
		return nil
	}
	st.sealer, st.check = nil, ""
	return ErrLocked
}

// get reads key and opens what it holds.
func (st *Store) get(key string) (string, bool, error) {
	if err := st.checkLock(); err != nil {
		return "", false, err
	}
	v, ok, err := st.s.Get(key)
	if err != nil || !ok || st.sealer == nil {
		return v, ok, err
	}
	v, err = st.sealer.Open(v)
	return v, ok, err
}

// set seals value and writes it under key.
func (st *Store) set(key, value string) error {
	if err := st.checkLock(); err != nil {
		return err
	}
	v, err := seal(st.sealer, value)
	if err != nil {
		return err
	}
	return st.s.Set(key, v)
}

// name is the digest of text a key carries: the sealer's keyed one while
// the data is locked.
func (st *Store) name(text string) string { return nameWith(st.sealer, text) }

func nameWith(s Sealer, text string) string {
	if s == nil {
		return digest(text)
	}
	return s.Name(text)
}

func seal(s Sealer, text string) (string, error) {
	if s == nil {
		return text, nil
	}
	return s.Seal(text)
}

func open(s Sealer, text string) (string, error) {
	if s == nil {
		return text, nil
	}
	return s.Open(text)
}

// reseal writes every text the store keeps again, opened with from and
// sealed with to (nil: as it is), each under the key to names it with.
// When one cannot be written, those written are put back as they were.
func (st *Store) reseal(from, to Sealer) error {
	keys, err := st.s.Keys(Prefix)
	if err != nil {
		return err
	}
	type done struct{ key, next, raw string }
	var written []done
	undo := func() {
		for _, d := range written {
			if d.next != d.key {
				_ = st.s.Remove(d.next)
			}
			_ = st.s.Set(d.key, d.raw)
		}
	}
	for _, k := range keys {
		if k == LockKey || strings.HasPrefix(k, RevisionPrefix) {
			continue
		}
		raw, found, err := st.s.Get(k)
		if err != nil {
			undo()
			return err
		}
		if !found {
			continue
		}
		plain, err := open(from, raw)
		if err != nil {
			undo()
			return err
		}
		next, plain := rekey(k, plain, to)
		sealed, err := seal(to, plain)
		if err == nil && next != k {
			err = st.s.Remove(k) // first, so that the two need not fit at once
		}
		if err == nil {
			err = st.s.Set(next, sealed)
		}
		if err != nil {
			if next != k {
				_ = st.s.Set(k, raw)
			}
			undo()
			return err
		}
		written = append([]done{{k, next, raw}}, written...)
	}
	return nil
}

// rekey returns the key a text kept under k is kept under when it is sealed
// with s (backups and shared versions carry a name made with s), and the
// text, a shared version of an older page in today's form.
func rekey(k, plain string, s Sealer) (string, string) {
	if b, ok := parseKey(k); ok && b.Sum != "" {
		return backupKey(b.At, nameWith(s, plain), b.Why), plain
	}
	if strings.HasPrefix(k, SharedPrefix) {
		if v, ok := readShared(k, plain); ok {
			return sharedKey(s, v.id, v.revision), v.text()
		}
	}
	return k, plain
}
