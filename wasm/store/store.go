package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The keys the page stores its data under. Every key starts with Prefix, so
// that deleting everything partnerkit keeps removes them all and nothing else.
const (
	// Prefix starts every key partnerkit stores.
	Prefix = "partnerkit."
	// WorkspaceKey holds the one workspace of older pages, until the first
	// save moves it to the list of workspaces (see IndexKey).
	WorkspaceKey = Prefix + "workspace"
	// DraftKey holds the rater's response while it is being written.
	DraftKey = Prefix + "rater-draft"
	// RevisionPrefix starts the key of each workspace's revision (its ID
	// follows): which save, by which page, wrote it last. Save writes a
	// workspace only over the revision this store last read or wrote (a
	// compare-and-swap), so that two tabs of one browser, or two copies of
	// the page sharing its storage, never overwrite each other unseen.
	RevisionPrefix = Prefix + "rev."
	// BackupPrefix starts the key of every backup.
	BackupPrefix = Prefix + "backup."
)

// MaxBackups is how many backups are kept: when one more is kept aside, the
// oldest beyond this many are removed.
const MaxBackups = 5

// Reason says why data was kept aside.
type Reason string

// The reasons for a backup.
const (
	// Unreadable is the saved workspace, which could not be read when the page opened.
	Unreadable Reason = "unreadable"
	// UnreadableRatings is the rater's saved draft, which could not be read.
	UnreadableRatings Reason = "unreadable-ratings"
	// BeforeImport is the workspace an imported file replaced.
	BeforeImport Reason = "before-import"
	// BeforeNew is the workspace a new, empty one replaced.
	BeforeNew Reason = "before-new"
	// BeforeExample is the workspace the built-in example replaced.
	BeforeExample Reason = "before-example"
	// BeforeRestore is the workspace a backup, restored, replaced.
	BeforeRestore Reason = "before-restore"
	// Overtaken is a tab's workspace that another tab's save overtook: kept
	// aside before the tab opens the newer one, or when it is closed.
	Overtaken Reason = "overtaken"
	// BeforeMerge is the workspace before a colleague's copy was merged into it.
	BeforeMerge Reason = "before-merge"
	// BeforeReplace is the workspace a colleague's copy replaced.
	BeforeReplace Reason = "before-replace"
	// BeforeDelete is a workspace deleted from the device.
	BeforeDelete Reason = "before-delete"
)

// Words says in plain words what a backup with this reason holds.
func (r Reason) Words() string {
	switch r {
	case Unreadable:
		return "saved data that could not be read"
	case UnreadableRatings:
		return "ratings that could not be read"
	case BeforeImport:
		return "your data before a file was imported"
	case BeforeNew:
		return "your data before a new workspace was started"
	case BeforeExample:
		return "your data before the example was opened"
	case BeforeRestore:
		return "your data before a backup was restored"
	case Overtaken:
		return "your changes in a tab, after another tab had saved newer ones"
	case BeforeMerge:
		return "the workspace before a colleague's copy was merged into it"
	case BeforeReplace:
		return "the workspace before a colleague's copy replaced it"
	case BeforeDelete:
		return "a workspace deleted from this device"
	}
	return "a copy of your data"
}

// validReason reports whether r can be part of a key: lower-case letters and dashes.
func validReason(r Reason) bool {
	if r == "" {
		return false
	}
	for _, c := range r {
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}

// Backup is one copy of data kept aside.
type Backup struct {
	// Key is the storage key it is kept under.
	Key string
	// At is when it was kept aside.
	At time.Time
	// Why says why it was kept aside.
	Why Reason
	// Sum is a digest of its text, which tells backups of different texts apart.
	Sum string
}

// FileName is a name for the backup downloaded as a file, such as
// "partnerkit-backup-2026-12-01-1504.json".
func (b Backup) FileName() string {
	return "partnerkit-backup-" + b.At.Local().Format("2006-01-02-150405") + ".json"
}

// Status is what the store knows about saving: when the last save that
// succeeded was, and why the last one failed, if it did.
type Status struct {
	// Saved is when the last save of this session succeeded; zero when none has.
	Saved time.Time
	// Found is true when the storage held a workspace when the page opened.
	Found bool
	// Err is why the last save failed; nil when it succeeded or none was tried.
	Err error
}

// Store keeps the page's data in a Storage.
type Store struct {
	s      Storage
	now    func() time.Time
	status Status
	last   time.Time         // the time of the last backup key made, so that the next is later
	revs   map[string]string // by workspace ID, the revision this store last read or wrote
	page   string            // names this store's saves in their revisions
	sealer Sealer            // locks what is written while the data is locked, nil while not (see lock.go)
	check  string            // the lock's check text as this store last read or wrote it
}

// New returns a store that keeps its data in s; now tells the time (nil
// means time.Now).
func New(s Storage, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{s: s, now: now, revs: map[string]string{}, page: digest(rand.Text())[:8]}
}

// Status returns what the store knows about saving.
func (st *Store) Status() Status { return st.status }

// Draft returns the rater's saved draft and whether there is one.
func (st *Store) Draft() (string, bool, error) {
	return st.get(DraftKey)
}

// NotKeptError is the error of KeepAside when the backup could not be
// written, or was not read back the same: nothing was kept, and what the
// backup was for must not go ahead.
type NotKeptError struct {
	Err error
}

func (e *NotKeptError) Error() string {
	return "a backup could not be kept on this device: " + e.Err.Error()
}

func (e *NotKeptError) Unwrap() error { return e.Err }

// KeepAside keeps data under a new backup key, reads it back to be sure it
// is there, and then removes the oldest backups beyond MaxBackups. When a
// backup of the very same text is already kept, it is that backup that is
// returned, and nothing is written. It returns a *NotKeptError when the
// backup is not kept: the storage refused it (it may be full), or it did not
// read back the same.
func (st *Store) KeepAside(data string, why Reason) (Backup, error) {
	if !validReason(why) {
		return Backup{}, &NotKeptError{Err: fmt.Errorf("%q is not a reason for a backup", why)}
	}
	sum := st.name(data)
	kept, err := st.Backups()
	if err != nil {
		return Backup{}, &NotKeptError{Err: err}
	}
	for _, b := range kept {
		if b.Sum != sum {
			continue
		}
		if old, err := st.ReadBackup(b); err == nil && old == data {
			return b, nil
		}
	}
	at := st.now().UTC().Truncate(time.Millisecond)
	if !at.After(st.last) {
		at = st.last.Add(time.Millisecond) // two backups in one millisecond still get two times
	}
	b := Backup{At: at, Why: why, Sum: sum}
	b.Key = backupKey(at, sum, why)
	if err := st.set(b.Key, data); err != nil {
		_ = st.s.Remove(b.Key)
		return Backup{}, &NotKeptError{Err: err}
	}
	back, ok, err := st.get(b.Key)
	if err != nil || !ok || back != data {
		_ = st.s.Remove(b.Key)
		if err == nil {
			err = errors.New("what was written did not read back the same")
		}
		return Backup{}, &NotKeptError{Err: err}
	}
	st.last = at
	st.prune(b.Key)
	return b, nil
}

// prune removes the oldest backups beyond MaxBackups, never the one just kept.
func (st *Store) prune(keep string) {
	kept, err := st.Backups()
	if err != nil || len(kept) <= MaxBackups {
		return
	}
	n := 0
	for _, b := range kept {
		if n < MaxBackups || b.Key == keep {
			n++
			continue
		}
		_ = st.s.Remove(b.Key)
	}
}

// Backups lists the backups kept, newest first.
func (st *Store) Backups() ([]Backup, error) {
	keys, err := st.s.Keys(BackupPrefix)
	if err != nil {
		return nil, err
	}
	out := make([]Backup, 0, len(keys))
	for _, k := range keys {
		b, ok := parseKey(k)
		if !ok {
			continue
		}
		if b.Sum == "" { // a backup kept by an older partnerkit: its key has no digest
			v, found, err := st.get(k)
			if err != nil || !found {
				continue
			}
			b.Sum = st.name(v)
		}
		out = append(out, b)
	}
	slices.SortStableFunc(out, func(a, b Backup) int {
		if c := b.At.Compare(a.At); c != 0 {
			return c
		}
		return strings.Compare(b.Key, a.Key)
	})
	return out, nil
}

// ReadBackup returns the text of a backup.
func (st *Store) ReadBackup(b Backup) (string, error) {
	v, ok, err := st.get(b.Key)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", errors.New("this backup is no longer on this device")
	}
	return v, nil
}

// RemoveBackup deletes a backup.
func (st *Store) RemoveBackup(b Backup) error {
	if !strings.HasPrefix(b.Key, BackupPrefix) {
		return fmt.Errorf("%q is not a backup", b.Key)
	}
	return st.s.Remove(b.Key)
}

// Erase deletes everything partnerkit keeps in the storage: the workspaces,
// the draft, every backup and the lock, if the data is locked (it needs no
// passphrase: a lost passphrase leaves the user a way to start again). It
// goes on after a key it cannot remove and returns the first error.
func (st *Store) Erase() error {
	keys, err := st.s.Keys(Prefix)
	if err != nil {
		return err
	}
	var first error
	for _, k := range keys {
		if err := st.s.Remove(k); err != nil && first == nil {
			first = err
		}
	}
	st.status, st.revs, st.sealer, st.check = Status{}, map[string]string{}, nil, ""
	return first
}

// StaleError is the error of Save when another page (another tab of the
// same browser) saved the workspace since this store last read or saved
// it: nothing was written, so that the other page's work stays as it is.
type StaleError struct {
	// Theirs is the revision saved by the other page; "" when it deleted it.
	Theirs string
}

func (e *StaleError) Error() string {
	return "the workspace was saved in another tab or window of this browser since this one opened it"
}

// Overtaken reports whether another page saved the workspace id, or
// deleted it, since this store last read or saved it.
func (st *Store) Overtaken(id string) (bool, error) {
	cur, _, err := st.s.Get(RevisionPrefix + id)
	if err != nil {
		return false, err
	}
	return cur != st.revs[id], nil
}

// readRevision remembers the revision of workspace id as it is now: what
// the next Save of it expects to write over.
func (st *Store) readRevision(id string) error {
	if id == "" {
		return nil
	}
	cur, _, err := st.s.Get(RevisionPrefix + id)
	if err == nil {
		st.revs[id] = cur
	}
	return err
}

// swapRevision writes the revision after the one this store expects for
// workspace id, or returns a *StaleError when another page wrote since.
// The revision is written before the workspace: should the workspace then
// not fit, other pages still learn that this one wrote (and find the data
// as it was), rather than write over a save they never heard of.
//
// A browser's storage has no transactions: two tabs can each read the same
// revision and save after it. Each then writes its own revision, and the
// storage event tells each of the other's, so that both stop saving and
// neither overwrites the other again unseen.
func (st *Store) swapRevision(id string) error {
	key := RevisionPrefix + id
	cur, _, err := st.s.Get(key)
	if err != nil {
		return err
	}
	if cur != st.revs[id] {
		return &StaleError{Theirs: cur}
	}
	n, _ := strconv.Atoi(strings.SplitN(cur, ".", 2)[0])
	next := strconv.Itoa(n+1) + "." + st.page
	if err := st.s.Set(key, next); err != nil {
		return err
	}
	st.revs[id] = next
	return nil
}

// backupKey is the key of a backup kept at at, of a text named sum, for why.
func backupKey(at time.Time, sum string, why Reason) string {
	return BackupPrefix + strconv.FormatInt(at.UnixMilli(), 10) + "-" + sum + "-" + string(why)
}

// digest is the first 16 hexadecimal digits of the SHA-256 of s.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// parseKey reads a backup key: "partnerkit.backup.<unix ms>-<digest>-<reason>",
// or the "partnerkit.backup.2006-01-02T15-04-05Z[-why]" of older versions.
func parseKey(k string) (Backup, bool) {
	rest, ok := strings.CutPrefix(k, BackupPrefix)
	if !ok {
		return Backup{}, false
	}
	if ms, tail, ok := strings.Cut(rest, "-"); ok && len(ms) >= 12 && !strings.Contains(ms, "T") {
		n, err := strconv.ParseInt(ms, 10, 64)
		sum, why, ok := strings.Cut(tail, "-")
		if err != nil || !ok || len(sum) != 16 {
			return Backup{}, false
		}
		return Backup{Key: k, At: time.UnixMilli(n).UTC(), Sum: sum, Why: Reason(why)}, true
	}
	const legacy = "2006-01-02T15-04-05Z"
	if len(rest) < len(legacy) {
		return Backup{}, false
	}
	at, err := time.Parse(legacy, rest[:len(legacy)])
	if err != nil {
		return Backup{}, false
	}
	b := Backup{Key: k, At: at, Why: Unreadable}
	switch strings.TrimPrefix(rest[len(legacy):], "-") {
	case "ratings":
		b.Why = UnreadableRatings
	case "before-import":
		b.Why = BeforeImport
	case "before-a-new-workspace":
		b.Why = BeforeNew
	case "before-the-example":
		b.Why = BeforeExample
	}
	return b, true
}
