package partnerkit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/partnerkit/partnerkit/partnership"
)

// Side names one of the two copies a merge brings together.
type Side int

// The two sides of a merge.
const (
	// Mine is the copy on this device: the merged workspace keeps its value
	// wherever the two copies conflict, until the user chooses.
	Mine Side = iota
	// Theirs is the colleague's copy being merged in.
	Theirs
)

func (s Side) other() Side { return 1 - s }

// ConflictKind says why a merge could not settle a value on its own.
type ConflictKind int

// The kinds of conflict.
const (
	// BothChanged: both copies changed the value since the base, each
	// differently (or, without a base, both hold a different value). The
	// merged workspace keeps mine.
	BothChanged ConflictKind = iota + 1
	// ChangedAndDeleted: one copy changed a record that the other deleted.
	// The merged workspace keeps the changed record, so nothing is lost
	// until the user chooses to delete it.
	ChangedAndDeleted
	// DeletedButUsed: one copy deleted a record that the merged workspace
	// still refers to (a school that a person added in the other copy works
	// for). The merged workspace keeps the record.
	DeletedButUsed
	// NotValidTogether: each copy's change is valid on its own but not with
	// the other's (one moved a start date past the end date the other set).
	// The merged workspace keeps mine.
	NotValidTogether
)

// Conflict is one place where the two copies disagree and the user must
// choose. The merged workspace holds what ConflictKind says until Resolve
// applies a choice.
type Conflict struct {
	// Path is the JSON path of the value in the merged workspace, such as
	// "contract.appendix.schedule.activities[2].when". For a record that is
	// not in the merged workspace, it is the path of its list.
	Path string
	// Kind says why the copies could not be merged here.
	Kind ConflictKind
	// What names the value in plain words, for people: "the activity
	// “Coaching cycles”: when".
	What string
	// Base, Mine and Theirs are the value in the version both copies come
	// from and in each copy, as JSON; nil where there is none (the field is
	// empty, the record is not there, or there is no base).
	Base, Mine, Theirs json.RawMessage
	// at finds the value again, by record ID rather than by index, so that
	// choices can be applied in any order.
	at []step
}

// Value returns the conflict's value on one side, as JSON.
func (c Conflict) Value(s Side) json.RawMessage {
	if s == Theirs {
		return c.Theirs
	}
	return c.Mine
}

// Merge merges two copies of a workspace, mine and theirs, that both come
// from base: a three-way merge, record by record (records are matched by
// their id) and field by field.
//
//   - A value changed in one copy only is taken from that copy.
//   - A record added in either copy is kept; one deleted in one copy and
//     unchanged in the other is deleted, unless the merged workspace still
//     refers to it (DeletedButUsed).
//   - A value changed differently in both copies is a Conflict; the merged
//     workspace keeps mine until Resolve applies the user's choice. A
//     record changed in one copy and deleted in the other is kept
//     (ChangedAndDeleted).
//   - Changes that are valid on their own but not together (NotValidTogether)
//     are conflicts too: the result always validates when mine does.
//
// base may be nil, for two copies with no known common version: then
// nothing is deleted, and every value that differs is a conflict unless one
// copy leaves it empty.
//
// Merge works on the workspace's JSON form, so every field and every list
// of records with ids merges without code of its own: objects key by key,
// lists of records by id, lists of plain values as sets, other lists item by
// item when both copies have as many, and as one value otherwise. Lists
// whose order differs take the order of the copy that reordered them.
//
// Merging a workspace with itself returns it unchanged, lineage included.
// The merged workspace keeps mine's WorkspaceID and gets a lineage whose
// parents are mine's and theirs' revisions (see Lineage). Merge does not
// change its arguments.
func Merge(base, mine, theirs *Workspace) (*Workspace, []Conflict) {
	if mine == nil {
		mine = &Workspace{}
	}
	if theirs == nil {
		theirs = &Workspace{}
	}
	mg := &merger{}
	mineData, theirsData := content(mine), content(theirs)
	var merged *Workspace
	var conflicts []Conflict
	if bytes.Equal(mineData, theirsData) {
		merged = fromContent(mineData) // nothing to merge: the result is mine
	} else {
		m, t := tree(mineData), tree(theirsData)
		b := absent
		if base != nil {
			if baseData := content(base); bytes.Equal(baseData, mineData) {
				b = tree(mineData)
			} else {
				b = tree(baseData)
			}
		}
		mg.root = mg.merge(b, m, t, "", nil, "")
		mg.keepUsed()
		merged = mg.repair(mine, theirs, m, t)
		conflicts = mg.conflicts()
	}
	if merged == nil {
		merged = fromContent(mineData)
	}
	merged.SchemaVersion = SchemaVersion
	merged.WorkspaceID = mine.WorkspaceID
	if merged.WorkspaceID == "" {
		merged.WorkspaceID = theirs.WorkspaceID
	}
	merged.Lineage = nil
	merged.Lineage = mergeLineage(mine, theirs, mineData, theirsData, content(merged), len(conflicts) == 0)
	return merged, conflicts
}

// tree returns a workspace's content (see content) as a JSON tree, without
// the keys Merge sets itself. Content Save could not write (a number that is
// not a number) is merged as empty, so that the other copy's values are
// taken or conflicts.
func tree(data []byte) any {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var t map[string]any
	if err := dec.Decode(&t); err != nil || t == nil {
		return map[string]any{}
	}
	for _, k := range metaKeys {
		delete(t, k)
	}
	return t
}

// fromContent returns a new workspace holding the content, its meetings in
// its time zone as Decode places them.
func fromContent(data []byte) *Workspace {
	ws := new(Workspace)
	if err := json.Unmarshal(data, ws); err != nil {
		return nil
	}
	placeMeetings(ws)
	return ws
}

// step is one step of a conflict's way to its value: an object key, a
// record by its key in its list, or an item of a list by index.
type step struct {
	key     string
	record  string
	pattern string // the record's pattern, to find its key again
	byID    bool
	index   int // -1 unless an item by index
}

// Choice settles one conflict with one side's value.
type Choice struct {
	Conflict Conflict
	Take     Side
}

// Resolve applies the user's choices to a workspace that Merge returned and
// returns the result; ws is not changed. Choices may come in any order, and
// conflicts not chosen keep what the merge gave them. The result is
// validated as a whole: a choice that cannot stand with the rest (deleting
// a record that is still in use, a start after the end) is a
// *partnership.ValidationError, and nothing is changed.
//
// A workspace fresh from Merge keeps its merge revision, now made of the
// resolved content; one that was changed since is left for Stamp.
func Resolve(ws *Workspace, choices ...Choice) (*Workspace, error) {
	doc, err := toTree(ws)
	if err != nil {
		return nil, fmt.Errorf("reading the merged workspace: %w", err)
	}
	var tree any = doc
	for _, c := range choices {
		v := absent
		if raw := c.Conflict.Value(c.Take); raw != nil {
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.UseNumber()
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("reading the value of %s: %w", c.Conflict.Path, err)
			}
		}
		tree = put(tree, c.Conflict.at, v)
	}
	out, problems := decodeTree(tree, ws, true)
	if len(problems) > 0 {
		return nil, &partnership.ValidationError{Problems: problems}
	}
	out.SchemaVersion = SchemaVersion
	out.WorkspaceID = ws.WorkspaceID
	out.Lineage = cloneLineage(ws.Lineage)
	if ws.Current() {
		out.Lineage.Revision = revisionFrom(content(out), out.Lineage.Parents)
	}
	return out, nil
}

// put returns tree with v (absent to remove) at the place the steps lead to.
func put(tree any, at []step, v any) any {
	if len(at) == 0 {
		if isAbsent(v) {
			return map[string]any{}
		}
		return v
	}
	st := at[0]
	if st.index >= 0 {
		l, _ := tree.([]any)
		if st.index < len(l) {
			l[st.index] = put(l[st.index], at[1:], v)
		}
		return l
	}
	if st.pattern != "" {
		l, _ := tree.([]any)
		keyOf := stepKey(st)
		for i, e := range l {
			if keyOf(e) != st.record {
				continue
			}
			if len(at) == 1 && isAbsent(v) {
				return slices.Delete(l, i, i+1)
			}
			l[i] = put(e, at[1:], v)
			return l
		}
		if len(at) == 1 && !isAbsent(v) {
			return append(l, v)
		}
		return l
	}
	o, ok := tree.(map[string]any)
	if !ok {
		o = map[string]any{}
	}
	if len(at) == 1 && isAbsent(v) {
		delete(o, st.key)
		return o
	}
	child, ok := o[st.key]
	if !ok {
		child = nil
	}
	o[st.key] = put(child, at[1:], v)
	return o
}

// stepKey returns how to find the record of a step in its list.
func stepKey(st step) func(any) string {
	if !st.byID {
		if nk := naturalKeys[st.pattern]; nk != nil {
			return func(e any) string {
				o, _ := e.(map[string]any)
				if o == nil {
					return ""
				}
				return nk(o)
			}
		}
	}
	return func(e any) string {
		o, _ := e.(map[string]any)
		return str(o["id"])
	}
}
