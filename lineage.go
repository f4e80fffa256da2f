package partnerkit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// MaxHistory is how many earlier revisions a lineage remembers. A copy that
// comes back after more exchanges than that with other copies is merged as
// if the two had nothing in common: nothing is deleted, and what differs is
// shown as a conflict.
const MaxHistory = 32

// maxParents bounds the parents of one revision: a merge has two.
const maxParents = 8

// Lineage names one version of a workspace (its revision) and the versions
// it was made from. Stamp gives a workspace a new revision when its content
// changed since the last one; Merge gives the merged workspace one whose
// parents are the two merged. A copy that comes back after an exchange
// finds the version both sides last had with CommonAncestors.
type Lineage struct {
	// Revision names this version. It is made from the content and the
	// parents, so the same content with the same history has the same
	// revision in every copy.
	Revision string `json:"revision"`
	// Parents are the revisions this one was made from: one after edits,
	// two after a merge, none for the first.
	Parents []string `json:"parents,omitempty"`
	// History holds earlier revisions with their parents, newest first, at
	// most MaxHistory of them.
	History []Revision `json:"history,omitempty"`
}

// Revision is one earlier version in a lineage's history.
type Revision struct {
	ID      string   `json:"id"`
	Parents []string `json:"parents,omitempty"`
}

// DecodeLineage reads a lineage from JSON and checks it, returning a
// *partnership.ValidationError that names every problem by JSON path, and an
// error reading r wrapped.
func DecodeLineage(r io.Reader) (*Lineage, error) {
	l := new(Lineage)
	ve := new(partnership.ValidationError)
	if err := schema.Read(r, l, ve); err != nil {
		return nil, fmt.Errorf("reading the lineage: %w", err)
	}
	if err := ve.Err(); err != nil {
		return nil, err
	}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	return l, nil
}

// Validate checks that every revision is a valid ID, that a revision has at
// most eight parents and none of them twice, and that the history is no
// longer than MaxHistory and names each revision once.
func (l *Lineage) Validate() error {
	ve := &partnership.ValidationError{}
	revID := func(path, id string) {
		if !schema.ValidID(id) {
			ve.Add(path, "a revision must be a short identifier of letters, digits, '.', '-' or '_', at most 64 characters; this file's history was changed by hand, so save the workspace again from partnerkit")
		}
	}
	parents := func(path string, ps []string) {
		if len(ps) > maxParents {
			ve.Add(path, "a revision can have at most %d parents, not %d", maxParents, len(ps))
		}
		for i, p := range ps {
			revID(fmt.Sprintf("%s[%d]", path, i), p)
			if slices.Index(ps, p) < i {
				ve.Add(fmt.Sprintf("%s[%d]", path, i), "parent %q is listed twice", p)
			}
		}
	}
	revID("revision", l.Revision)
	parents("parents", l.Parents)
	if len(l.History) > MaxHistory {
		ve.Add("history", "the history keeps at most %d earlier revisions, not %d", MaxHistory, len(l.History))
	}
	seen := map[string]int{l.Revision: -1}
	for i, r := range l.History {
		at := fmt.Sprintf("history[%d]", i)
		revID(at+".id", r.ID)
		parents(at+".parents", r.Parents)
		if j, dup := seen[r.ID]; dup && r.ID != "" {
			where := "revision"
			if j >= 0 {
				where = fmt.Sprintf("history[%d]", j)
			}
			ve.Add(at+".id", "revision %q is already listed at %s", r.ID, where)
			continue
		}
		seen[r.ID] = i
	}
	return ve.Err()
}

// Revision returns the workspace's revision, or "" when it has none yet.
func (ws *Workspace) Revision() string {
	if ws == nil || ws.Lineage == nil {
		return ""
	}
	return ws.Lineage.Revision
}

// Stamp gives the workspace a new revision when its content differs from
// what its revision was made of (or it has none), with the old revision as
// parent, and returns the revision. Stamp a workspace before a copy of it
// leaves the device (a download, a file), not on every save: the history is
// bounded, and it should hold the versions other copies may come back from.
func (ws *Workspace) Stamp() string {
	ws.Lineage = stampedLineage(ws.Lineage, content(ws))
	return ws.Lineage.Revision
}

// stampedLineage returns l (a copy of it) when data, a workspace's content,
// is what its revision was made of, and otherwise a new lineage whose
// revision is made of data, with l's revision as parent.
func stampedLineage(l *Lineage, data []byte) *Lineage {
	if l != nil && l.Revision == revisionFrom(data, l.Parents) {
		return cloneLineage(l)
	}
	next := &Lineage{}
	if l != nil && l.Revision != "" {
		next.Parents = []string{l.Revision}
		next.History = boundHistory(append([]Revision{{ID: l.Revision, Parents: l.Parents}}, l.History...))
	}
	next.Revision = revisionFrom(data, next.Parents)
	return next
}

// Current reports whether the workspace's content is what its revision was
// made of: no change since it was last stamped.
func (ws *Workspace) Current() bool {
	return ws.Lineage != nil && ws.Lineage.Revision == revisionFrom(content(ws), ws.Lineage.Parents)
}

// content returns the workspace's JSON without its lineage, compact: what a
// revision is made of, and what Merge compares and merges.
func content(ws *Workspace) []byte {
	c := *ws
	c.Lineage = nil
	c.SchemaVersion = SchemaVersion
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&c); err != nil {
		return nil
	}
	return buf.Bytes()
}

// revisionFrom returns the revision that a workspace's content (see
// content) and the given parents make: the first 80 bits of their SHA-256,
// in hex.
func revisionFrom(data []byte, parents []string) string {
	h := sha256.New()
	h.Write(data)
	ps := slices.Clone(parents)
	slices.Sort(ps)
	_ = json.NewEncoder(h).Encode(ps)
	return hex.EncodeToString(h.Sum(nil)[:10])
}

// boundHistory keeps the first MaxHistory revisions, each once.
func boundHistory(h []Revision) []Revision {
	out := make([]Revision, 0, min(len(h), MaxHistory))
	seen := make(map[string]bool, len(h))
	for _, r := range h {
		if r.ID == "" || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		out = append(out, Revision{ID: r.ID, Parents: slices.Clone(r.Parents)})
		if len(out) == MaxHistory {
			break
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// graph returns each revision the lineage knows with its parents.
func (l *Lineage) graph() map[string][]string {
	g := make(map[string][]string, len(l.History)+1)
	for _, r := range l.History {
		g[r.ID] = r.Parents
	}
	g[l.Revision] = l.Parents
	return g
}

// ancestry returns the revision and every revision the lineage knows to
// come before it, each with its distance (the fewest steps back from the
// revision), walking parents breadth first. Cycles, which only a file
// changed by hand can hold, end the walk.
func (l *Lineage) ancestry() map[string]int {
	if l == nil || l.Revision == "" {
		return nil
	}
	g := l.graph()
	dist := map[string]int{l.Revision: 0}
	queue := []string{l.Revision}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		for _, p := range g[r] {
			if _, seen := dist[p]; !seen && p != "" {
				dist[p] = dist[r] + 1
				queue = append(queue, p)
			}
		}
	}
	return dist
}

// Knows reports whether rev is the lineage's revision or one it knows came
// before it.
func (l *Lineage) Knows(rev string) bool {
	_, ok := l.ancestry()[rev]
	return ok && rev != ""
}

// CommonAncestors returns the revisions that both workspaces hold or come
// from, best merge base first: a revision comes before every revision it
// descends from, and among the others the one closest to both comes first.
// A caller keeps copies of the versions it exchanged and merges with the
// first of these it still has. The list is empty when the two have no
// revision in common that their bounded histories remember.
func CommonAncestors(mine, theirs *Workspace) []string {
	if mine == nil || theirs == nil || mine.Lineage == nil || theirs.Lineage == nil {
		return nil
	}
	dm, dt := mine.Lineage.ancestry(), theirs.Lineage.ancestry()
	var common []string
	for r := range dm {
		if _, ok := dt[r]; ok {
			common = append(common, r)
		}
	}
	g := mine.Lineage.graph()
	for r, ps := range theirs.Lineage.graph() {
		if _, ok := g[r]; !ok {
			g[r] = ps
		}
	}
	// below[r] holds what r descends from, as far as the histories tell.
	below := func(r string) map[string]bool {
		seen := map[string]bool{}
		stack := slices.Clone(g[r])
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[x] {
				continue
			}
			seen[x] = true
			stack = append(stack, g[x]...)
		}
		return seen
	}
	// A revision that descends from another holds all that one holds below
	// it and that one too: counting the common revisions below each puts
	// descendants first, and stays a consistent order even for a history
	// that goes round in a circle.
	count := make(map[string]int, len(common))
	for _, r := range common {
		for x := range below(r) {
			if _, ok := dt[x]; ok {
				if _, ok := dm[x]; ok {
					count[r]++
				}
			}
		}
	}
	slices.SortFunc(common, func(a, b string) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		if d := (dm[a] + dt[a]) - (dm[b] + dt[b]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return common
}

// mergeLineage returns the lineage of a merge of mine and theirs (each
// with its content, see content) whose content is merged: mine's lineage
// when the merge took nothing and theirs is already in mine's history;
// theirs' when the merge is theirs exactly and mine is in its history;
// otherwise a new revision with both as parents and both histories, newest
// first, bounded.
func mergeLineage(mine, theirs *Workspace, mineData, theirsData, merged []byte, clean bool) *Lineage {
	m, t := stampedLineage(mine.Lineage, mineData), stampedLineage(theirs.Lineage, theirsData)
	if clean && bytes.Equal(merged, mineData) && m.Knows(t.Revision) {
		return cloneLineage(mine.Lineage)
	}
	if clean && bytes.Equal(merged, theirsData) && t.Knows(m.Revision) {
		return cloneLineage(theirs.Lineage)
	}
	out := &Lineage{}
	for _, r := range []string{m.Revision, t.Revision} {
		if r != "" && !slices.Contains(out.Parents, r) {
			out.Parents = append(out.Parents, r)
		}
	}
	slices.Sort(out.Parents)
	var h []Revision
	for _, l := range []*Lineage{m, t} {
		if l.Revision != "" {
			h = append(h, Revision{ID: l.Revision, Parents: l.Parents})
		}
	}
	// Interleave the two histories so that each keeps its recent past.
	for i := 0; i < len(m.History) || i < len(t.History); i++ {
		if i < len(m.History) {
			h = append(h, m.History[i])
		}
		if i < len(t.History) {
			h = append(h, t.History[i])
		}
	}
	out.History = boundHistory(h)
	out.Revision = revisionFrom(merged, out.Parents)
	return out
}

func cloneLineage(l *Lineage) *Lineage {
	if l == nil {
		return nil
	}
	c := &Lineage{Revision: l.Revision, Parents: slices.Clone(l.Parents), History: make([]Revision, len(l.History))}
	for i, r := range l.History {
		c.History[i] = Revision{ID: r.ID, Parents: slices.Clone(r.Parents)}
	}
	if len(c.History) == 0 {
		c.History = nil
	}
	return c
}
