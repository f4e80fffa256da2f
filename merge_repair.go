package partnerkit

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// keepUsed keeps the records that one copy deleted while the merged
// workspace, as either side sees it, still refers to them by id: a
// reference is any string equal to the id, outside the records' own id
// fields, in the same part of the workspace as the record or, for a record
// of the partnership (which the contract, the readiness rounds and the
// meetings refer to), anywhere. Keeping a record can keep what it refers
// to, so this repeats until nothing changes.
func (mg *merger) keepUsed() {
	for {
		deleted := make(map[string][]*node)
		mg.walk(mg.root, func(n *node) {
			if n.parent != nil && n.parent.byID && n.kind == leafNode && n.conflict == 0 && isAbsent(n.value) &&
				!isAbsent(n.b) && (!isAbsent(n.m) || !isAbsent(n.t)) {
				deleted[n.key] = append(deleted[n.key], n)
			}
		})
		if len(deleted) == 0 {
			return
		}
		used := make(map[string]map[string]bool) // id → the parts that use it
		for _, s := range []Side{Mine, Theirs} {
			doc, _ := mg.root.render(s).(map[string]any)
			for part, v := range doc {
				refs(v, part, false, deleted, used)
			}
		}
		kept := false
		for id, parts := range used {
			for _, n := range deleted[id] {
				if part := section(n.pattern); parts[part] || part == "partnership" {
					n.conflict = DeletedButUsed
					kept = true
				}
			}
		}
		if !kept {
			return
		}
	}
}

// section returns the top-level part of the workspace a pattern is in.
func section(pattern string) string {
	s, _, _ := strings.Cut(pattern, ".")
	s, _, _ = strings.Cut(s, "[")
	return s
}

// refs records in used, for part, every string of v that is a key of ids,
// except the id of a record in a list of records with ids.
func refs(v any, part string, ownID bool, ids map[string][]*node, used map[string]map[string]bool) {
	switch x := v.(type) {
	case string:
		if _, ok := ids[x]; ok && !ownID {
			if used[x] == nil {
				used[x] = make(map[string]bool)
			}
			used[x][part] = true
		}
	case map[string]any:
		for k, e := range x {
			refs(e, part, ownID && k == "id", ids, used)
		}
	case []any:
		idList := len(x) > 0
		for _, e := range x {
			if o, ok := e.(map[string]any); !ok || str(o["id"]) == "" {
				idList = false
				break
			}
		}
		for _, e := range x {
			refs(e, part, idList, ids, used)
		}
	}
}

// walk visits every node, parents first.
func (mg *merger) walk(n *node, f func(*node)) {
	f(n)
	for _, k := range n.kids {
		mg.walk(k, f)
	}
}

// maxRepairs bounds the rounds of repair; after that the whole workspace is
// taken from each side as it is, which always validates as that side does.
const maxRepairs = 64

// repair makes the merged workspace valid, and returns it as mine sees it.
// It decodes and validates the merge as each side sees it; for a problem
// that side's own copy does not have, the place nearest to the problem
// where the merge differs from that side becomes a NotValidTogether
// conflict, which that side sees with its own value. Both sides are
// repaired, so that swapping mine and theirs gives the same conflicts.
func (mg *merger) repair(mine, theirs *Workspace, m, t any) *Workspace {
	inputs := [2]*Workspace{mine, theirs}
	trees := [2]any{m, t}
	var own [2]map[string]bool
	for round := 0; ; round++ {
		var merged *Workspace
		var pins []*node
		sides := []Side{Mine, Theirs}
		if !mg.hasConflicts() {
			sides = sides[:1] // both sides see the same merge
		}
		for _, s := range sides {
			doc := mg.root.render(s)
			// A merge that is the side's own copy has that copy's problems
			// only, which are not the merge's to solve.
			ws, problems := decodeTree(doc, inputs[Mine], !equal(doc, trees[s]))
			if s == Mine {
				merged = ws
			}
			for _, p := range problems {
				if own[s] == nil {
					own[s] = canonicalProblems(inputs[s])
				}
				if own[s][canonical(doc, p.Path)] {
					continue // the side's own copy has it: not the merge's doing
				}
				if n := mg.candidate(mg.locate(p.Path, s), s); n != nil {
					pins = append(pins, n)
				}
			}
		}
		if len(pins) == 0 {
			return merged
		}
		if round == maxRepairs {
			pins = []*node{mg.root}
		}
		for _, n := range pins {
			n.kind, n.kids, n.conflict, n.value = leafNode, nil, NotValidTogether, nil
		}
	}
}

func (mg *merger) hasConflicts() bool {
	found := false
	mg.walk(mg.root, func(n *node) {
		if n.conflict != 0 {
			found = true
		}
	})
	return found
}

// decodeTree turns a merged tree into a workspace and returns its problems:
// those of decoding, or else those of Validate.
func decodeTree(doc any, meta *Workspace, validate bool) (*Workspace, []partnership.Problem) {
	ws := new(Workspace)
	ve := new(partnership.ValidationError)
	if !schema.Store(doc, ws, ve) {
		return nil, ve.Problems
	}
	ws.SchemaVersion, ws.WorkspaceID = SchemaVersion, meta.WorkspaceID
	placeMeetings(ws)
	if !validate {
		return ws, nil
	}
	return ws, partnership.ProblemsOf(ws.Validate())
}

// canonicalProblems returns the paths of the workspace's own problems, with
// records named by id, so that they match wherever the records moved.
func canonicalProblems(ws *Workspace) map[string]bool {
	out := map[string]bool{}
	doc, err := toTree(ws)
	if err != nil {
		return out
	}
	for _, p := range partnership.ProblemsOf(ws.Validate()) {
		out[canonical(doc, p.Path)] = true
	}
	return out
}

// canonical rewrites path so that each index of a record with an id names
// the id instead: "people[3].org" becomes "people[#ana].org".
func canonical(doc any, path string) string {
	var b strings.Builder
	v := doc
	for _, seg := range splitPath(path) {
		if seg.index < 0 {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(seg.key)
			o, _ := v.(map[string]any)
			v = o[seg.key]
			continue
		}
		l, _ := v.([]any)
		if seg.index < len(l) {
			v = l[seg.index]
			if o, ok := v.(map[string]any); ok && str(o["id"]) != "" {
				b.WriteString("[#" + str(o["id"]) + "]")
				continue
			}
		} else {
			v = nil
		}
		b.WriteString("[" + strconv.Itoa(seg.index) + "]")
	}
	return b.String()
}

// segment is one step of a JSON path: an object key, or a list index.
type segment struct {
	key   string
	index int // -1 for a key
}

// splitPath splits "a.b[2].c" into a, b, [2], c.
func splitPath(path string) []segment {
	var out []segment
	for _, part := range strings.Split(path, ".") {
		key, rest, _ := strings.Cut(part, "[")
		if key != "" {
			out = append(out, segment{key: key, index: -1})
		}
		for rest != "" {
			num, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(num)
			if !ok || err != nil {
				break
			}
			out = append(out, segment{index: i})
			_, rest, _ = strings.Cut(after, "[")
		}
	}
	return out
}

// locate returns the deepest node on path, as side s sees the merge.
func (mg *merger) locate(path string, s Side) *node {
	n := mg.root
	for _, seg := range splitPath(path) {
		var next *node
		switch n.kind {
		case objectNode:
			if seg.index < 0 {
				for _, k := range n.kids {
					if k.key == seg.key {
						next = k
						break
					}
				}
			}
		case recordsNode, positionalNode:
			if seg.index >= 0 {
				i := 0
				for _, k := range n.kids {
					if !k.present(s) {
						continue
					}
					if i == seg.index {
						next = k
						break
					}
					i++
				}
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// candidate returns the node nearest n (n or a parent) where the merge, as
// side s sees it, is not s's own value: taking s's value there is the least
// that undoes what the merge brought to the problem.
func (mg *merger) candidate(n *node, s Side) *node {
	for ; n != nil; n = n.parent {
		if n.conflict == NotValidTogether {
			continue
		}
		if !equal(n.render(s), n.side(s)) {
			return n
		}
	}
	return nil
}

// conflicts lists the merge's conflicts in the order of the merged
// workspace, with their paths in it.
func (mg *merger) conflicts() []Conflict {
	var out []Conflict
	var visit func(n *node, path string, at []step)
	visit = func(n *node, path string, at []step) {
		if n.kind == leafNode {
			if n.conflict != 0 {
				out = append(out, Conflict{
					Path: path, Kind: n.conflict, What: describePlace(n, Mine),
					Base: rawJSON(n.b), Mine: rawJSON(n.m), Theirs: rawJSON(n.t),
					at: slices.Clone(at),
				})
			}
			return
		}
		i := 0
		for _, k := range n.kids {
			var kp string
			var st step
			switch n.kind {
			case objectNode:
				kp, st = joinKey(path, k.key), step{key: k.key, index: -1}
			case recordsNode:
				st = step{record: k.key, pattern: k.pattern, byID: n.byID, index: -1}
				if !k.present(Mine) {
					kp = path
				} else {
					kp = path + "[" + strconv.Itoa(i) + "]"
				}
			case positionalNode:
				kp, st = path+"["+strconv.Itoa(i)+"]", step{index: i}
			}
			if k.present(Mine) {
				i++
			}
			visit(k, kp, append(at, st))
		}
	}
	visit(mg.root, "", nil)
	return out
}

func rawJSON(v any) json.RawMessage {
	if isAbsent(v) {
		return nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return data
}
