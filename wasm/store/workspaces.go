package store

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
)

// The device keeps several workspaces, each under a key of its own, and a
// list of them that says which one is open. A workspace of an older page,
// under WorkspaceKey, is read until the first save moves it to the list.
const (
	// IndexKey holds the list of the device's workspaces.
	IndexKey = Prefix + "workspaces"
	// WorkspacePrefix starts each workspace's key; its workspace ID follows.
	WorkspacePrefix = Prefix + "ws."
	// SharedPrefix starts the keys of the versions of a workspace exchanged
	// with other copies of it: "partnerkit.shared.<workspace ID>.<revision>".
	SharedPrefix = Prefix + "shared."
)

// MaxShared is how many exchanged versions are kept for each workspace: the
// last ones sent or received, the bases of the next merges.
const MaxShared = 8

// Entry is one workspace of the device, as the list of workspaces shows it.
type Entry struct {
	// ID is the workspace's ID; it is stored under WorkspacePrefix+ID.
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	District string `json:"district,omitempty"`
	// Changed is when it was last saved with a change.
	Changed time.Time `json:"changed"`
	// Copied is when a copy of it last left the device (a download, a file).
	Copied time.Time `json:"copied,omitzero"`
	// Unkept is when the first change that is in no copy was saved; zero
	// when the last copy holds every change.
	Unkept time.Time `json:"unkept,omitzero"`
}

// index is the stored list of workspaces and the one open.
type index struct {
	Current    string  `json:"current,omitempty"`
	Workspaces []Entry `json:"workspaces"`
}

// readIndex returns the list as stored; a list that cannot be read is
// made again from the workspaces' keys (their names come back on their
// next save).
func (st *Store) readIndex() (index, error) {
	var ix index
	v, found, err := st.get(IndexKey)
	if err != nil {
		return ix, err
	}
	if found && json.Unmarshal([]byte(v), &ix) == nil {
		return ix, nil
	}
	keys, err := st.s.Keys(WorkspacePrefix)
	if err != nil {
		return index{}, err
	}
	ix = index{}
	for _, k := range keys {
		ix.Workspaces = append(ix.Workspaces, Entry{ID: strings.TrimPrefix(k, WorkspacePrefix)})
	}
	return ix, nil
}

func (st *Store) writeIndex(ix index) error {
	data, err := json.Marshal(ix)
	if err != nil {
		return err
	}
	return st.set(IndexKey, string(data))
}

func (ix *index) entry(id string) *Entry {
	for i := range ix.Workspaces {
		if ix.Workspaces[i].ID == id {
			return &ix.Workspaces[i]
		}
	}
	return nil
}

// Entries returns the device's workspaces, most recently changed first, and
// the ID of the one open ("" for none).
func (st *Store) Entries() ([]Entry, string, error) {
	ix, err := st.readIndex()
	if err != nil {
		return nil, "", err
	}
	out := slices.Clone(ix.Workspaces)
	slices.SortStableFunc(out, func(a, b Entry) int { return b.Changed.Compare(a.Changed) })
	return out, ix.Current, nil
}

// Entry returns the list's entry of a workspace, and whether it has one.
func (st *Store) Entry(id string) (Entry, bool) {
	ix, err := st.readIndex()
	if err != nil {
		return Entry{}, false
	}
	if e := ix.entry(id); e != nil {
		return *e, true
	}
	return Entry{}, false
}

// Workspace returns the workspace open when the page was last closed: the
// list's current one, or else the one an older page kept under
// WorkspaceKey.
func (st *Store) Workspace() (string, bool, error) {
	ix, err := st.readIndex()
	if err != nil {
		return "", false, err
	}
	key := WorkspaceKey
	if ix.Current != "" {
		key = WorkspacePrefix + ix.Current
		if err := st.readRevision(ix.Current); err != nil {
			return "", false, err
		}
	}
	v, ok, err := st.get(key)
	if err == nil && ok {
		st.status.Found = true
	}
	return v, ok, err
}

// Current returns the ID of the workspace open, "" when the list has none.
func (st *Store) Current() string {
	ix, err := st.readIndex()
	if err != nil {
		return ""
	}
	return ix.Current
}

// Load returns the stored text of a workspace of the list. Its revision is
// the one the next Save of it expects to write over.
func (st *Store) Load(id string) (string, bool, error) {
	if err := st.readRevision(id); err != nil {
		return "", false, err
	}
	return st.get(WorkspacePrefix + id)
}

// Save stores a workspace, as the one open, and the rater's draft; an empty
// draft removes the one saved. e names the workspace (ID, name, district);
// the list's entry takes them, with the time of the change. The workspace of
// an older page, under WorkspaceKey, is removed once the first save
// succeeds. Save remembers when it succeeded and why it failed. When
// another page saved the workspace since this store last read or saved it,
// it writes nothing and returns a *StaleError.
func (st *Store) Save(e Entry, workspace, draft string) error {
	err := st.save(e, workspace, draft)
	if err != nil {
		st.status.Err = err
		return err
	}
	st.status.Saved, st.status.Err, st.status.Found = st.now(), nil, true
	return nil
}

func (st *Store) save(e Entry, workspace, draft string) error {
	if e.ID == "" {
		return errors.New("a workspace without an ID cannot be saved")
	}
	ix, err := st.readIndex()
	if err != nil {
		return err
	}
	if err := st.swapRevision(e.ID); err != nil {
		return err
	}
	if err := st.set(WorkspacePrefix+e.ID, workspace); err != nil {
		return err
	}
	if draft != "" {
		err = st.set(DraftKey, draft)
	} else {
		err = st.s.Remove(DraftKey)
	}
	if err != nil {
		return err
	}
	now := st.now()
	cur := ix.entry(e.ID)
	if cur == nil {
		ix.Workspaces = append(ix.Workspaces, Entry{ID: e.ID})
		cur = &ix.Workspaces[len(ix.Workspaces)-1]
	}
	cur.Name, cur.District, cur.Changed = e.Name, e.District, now
	if cur.Unkept.IsZero() {
		cur.Unkept = now
	}
	ix.Current = e.ID
	if err := st.writeIndex(ix); err != nil {
		return err
	}
	return st.s.Remove(WorkspaceKey)
}

// Select makes a workspace of the list the one open.
func (st *Store) Select(id string) error {
	ix, err := st.readIndex()
	if err != nil {
		return err
	}
	if ix.entry(id) == nil {
		return errors.New("that workspace is no longer on this device")
	}
	ix.Current = id
	return st.writeIndex(ix)
}

// Drop removes a workspace, and the versions of it exchanged, from the device.
func (st *Store) Drop(id string) error {
	ix, err := st.readIndex()
	if err != nil {
		return err
	}
	if err := st.s.Remove(WorkspacePrefix + id); err != nil {
		return err
	}
	_ = st.s.Remove(RevisionPrefix + id) // a tab that has it open learns that it is gone
	delete(st.revs, id)                  // and this store saves it anew if it comes back
	keys, _ := st.s.Keys(SharedPrefix + id + ".")
	for _, k := range keys {
		_ = st.s.Remove(k)
	}
	ix.Workspaces = slices.DeleteFunc(ix.Workspaces, func(e Entry) bool { return e.ID == id })
	if ix.Current == id {
		ix.Current = ""
	}
	return st.writeIndex(ix)
}

// Copied notes that a copy of the workspace holding all its changes left
// the device: Entry.Copied is now, and no change is unkept.
func (st *Store) Copied(id string) error {
	ix, err := st.readIndex()
	if err != nil {
		return err
	}
	e := ix.entry(id)
	if e == nil {
		return nil
	}
	e.Copied, e.Unkept = st.now(), time.Time{}
	return st.writeIndex(ix)
}

// Share keeps a version of a workspace that was sent to, or received from,
// another copy, under its revision, as the base of the next merge with it.
// Only the MaxShared most recent of each workspace are kept.
func (st *Store) Share(id, revision, workspace string) error {
	if id == "" || revision == "" {
		return errors.New("a version is shared under its workspace's ID and its revision")
	}
	v := shared{at: st.now().UTC().Format(time.RFC3339Nano), id: id, revision: revision, data: workspace}
	if err := st.set(sharedKey(st.sealer, id, revision), v.text()); err != nil {
		return err
	}
	prefix := SharedPrefix + id + "."
	keys, err := st.s.Keys(prefix)
	if err != nil || len(keys) <= MaxShared {
		return err
	}
	type kept struct{ key, at string }
	all := make([]kept, 0, len(keys))
	for _, k := range keys {
		text, _, _ := st.get(k)
		v, _ := readShared(k, text)
		all = append(all, kept{k, v.at})
	}
	slices.SortFunc(all, func(a, b kept) int { return strings.Compare(b.at, a.at) })
	for _, k := range all[MaxShared:] {
		_ = st.s.Remove(k.key)
	}
	return nil
}

// Shared returns a version of a workspace kept by Share.
func (st *Store) Shared(id, revision string) (string, bool, error) {
	k := sharedKey(st.sealer, id, revision)
	text, ok, err := st.get(k)
	if err != nil || !ok {
		return "", false, err
	}
	v, _ := readShared(k, text)
	return v.data, true, nil
}

// Unshare forgets a version kept by Share: it will not come back.
func (st *Store) Unshare(id, revision string) error {
	return st.s.Remove(sharedKey(st.sealer, id, revision))
}

// shared is a version kept by Share. It is stored as a line
// "<time>\t<workspace ID>\t<revision>" and the workspace (older pages wrote
// only the time: the key named the rest); the key names the revision as it
// is, or, while the data is locked, by the sealer's Name of it.
type shared struct {
	at, id, revision, data string
}

func (v shared) text() string {
	return v.at + "\t" + v.id + "\t" + v.revision + "\n" + v.data
}

// sharedKey is the key of a shared version of workspace id.
func sharedKey(s Sealer, id, revision string) string {
	name := revision
	if s != nil {
		name = s.Name(revision)
	}
	return SharedPrefix + id + "." + name
}

// readShared reads a shared version kept under key k.
func readShared(k, text string) (shared, bool) {
	head, data, _ := strings.Cut(text, "\n")
	v := shared{data: data}
	parts := strings.Split(head, "\t")
	if len(parts) == 3 {
		v.at, v.id, v.revision = parts[0], parts[1], parts[2]
		return v, true
	}
	v.at = head
	id, rev, ok := strings.Cut(strings.TrimPrefix(k, SharedPrefix), ".") // workspace IDs hold no dot
	v.id, v.revision = id, rev
	return v, ok && len(parts) == 1
}
