package partnerkit

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// absentT marks a value that is not there: a field left out, a record that
// one copy does not hold. It is never JSON null, which is a value.
type absentT struct{}

var absent any = absentT{}

func isAbsent(v any) bool { _, ok := v.(absentT); return ok }

type nodeKind uint8

const (
	leafNode       nodeKind = iota // one value, taken whole
	objectNode                     // merged key by key
	recordsNode                    // a list merged record by record
	positionalNode                 // a list merged item by item
)

// node is one place of the merged tree: the three values there, and either
// the merged value (a leaf) or the merged children.
type node struct {
	b, m, t  any
	kind     nodeKind
	value    any          // a leaf's merged value, when it is no conflict
	conflict ConflictKind // a leaf's conflict, if any
	kids     []*node
	key      string // object key, or the record's key in its list
	pattern  string // the JSON path with [] for every index: "meetings[].actions[]"
	byID     bool   // a records node whose records are keyed by "id"
	parent   *node
}

func (n *node) side(s Side) any {
	if s == Theirs {
		return n.t
	}
	return n.m
}

// render returns the merged value at n as the given side would see it:
// conflicts hold that side's value.
func (n *node) render(s Side) any {
	switch n.kind {
	case objectNode:
		out := make(map[string]any, len(n.kids))
		for _, k := range n.kids {
			if v := k.render(s); !isAbsent(v) {
				out[k.key] = v
			}
		}
		return out
	case recordsNode, positionalNode:
		out := make([]any, 0, len(n.kids))
		for _, k := range n.kids {
			if v := k.render(s); !isAbsent(v) {
				out = append(out, v)
			}
		}
		return out
	}
	if n.conflict == 0 {
		return n.value
	}
	v := n.side(s)
	if isAbsent(v) && (n.conflict == ChangedAndDeleted || n.conflict == DeletedButUsed) {
		return n.side(s.other())
	}
	return v
}

// present reports whether the node has a value as side s sees the merge,
// without building it.
func (n *node) present(s Side) bool {
	if n.kind != leafNode {
		return true
	}
	if n.conflict == 0 {
		return !isAbsent(n.value)
	}
	if !isAbsent(n.side(s)) {
		return true
	}
	return (n.conflict == ChangedAndDeleted || n.conflict == DeletedButUsed) && !isAbsent(n.side(s.other()))
}

type merger struct {
	root *node
}

// merge builds the node for one place of the tree.
func (mg *merger) merge(b, m, t any, pattern string, parent *node, key string) *node {
	// A list left out is an empty list (Save leaves out empty lists), so
	// that a list emptied on one side is merged record by record.
	_, mList := m.([]any)
	_, tList := t.([]any)
	if mList || tList {
		if isAbsent(m) {
			m = []any{}
		}
		if isAbsent(t) {
			t = []any{}
		}
		if isAbsent(b) && parent != nil && !isAbsent(parent.b) {
			b = []any{}
		}
	}
	n := &node{b: b, m: m, t: t, pattern: pattern, parent: parent, key: key}
	noBase := isAbsent(b)
	// A change on one side is taken whole, except in objects and lists of
	// records: there the merge goes on down, so that every record the
	// change deletes is a node of its own, which keepUsed can keep.
	oneSide := !noBase && !structured(pattern, b, m, t)
	switch {
	case equal(m, t):
		n.value = m
		return n
	case oneSide && equal(b, m):
		n.value = t
		return n
	case oneSide && equal(b, t):
		n.value = m
		return n
	case noBase && empty(m):
		n.value = t
		return n
	case noBase && empty(t):
		n.value = m
		return n
	}
	if mo, ok := m.(map[string]any); ok {
		if to, ok := t.(map[string]any); ok {
			bo, _ := b.(map[string]any)
			n.kind = objectNode
			keys := slices.Sorted(maps.Keys(mo))
			for k := range to {
				if _, dup := mo[k]; !dup {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			n.kids = make([]*node, len(keys))
			for i, k := range keys {
				n.kids[i] = mg.merge(get(bo, k), get(mo, k), get(to, k), joinKey(pattern, k), n, k)
			}
			return n
		}
	}
	if ma, ok := m.([]any); ok {
		if ta, ok := t.([]any); ok {
			ba, hasBase := b.([]any)
			if keyOf, byID := recordKey(pattern+"[]", ba, ma, ta); keyOf != nil {
				mg.records(n, keyOf, ba, ma, ta)
				n.byID = byID
				return n
			}
			if scalarSet(ba, ma, ta) {
				n.value = setMerge(ba, ma, ta)
				return n
			}
			if len(ma) == len(ta) && (!hasBase || len(ba) == len(ma)) {
				n.kind = positionalNode
				n.kids = make([]*node, len(ma))
				for i := range ma {
					bi := absent
					if hasBase {
						bi = ba[i]
					}
					n.kids[i] = mg.merge(bi, ma[i], ta[i], pattern+"[]", n, strconv.Itoa(i))
				}
				return n
			}
		}
	}
	n.conflict = BothChanged
	_, mObj := m.(map[string]any)
	_, tObj := t.(map[string]any)
	if isAbsent(m) && tObj || isAbsent(t) && mObj {
		n.conflict = ChangedAndDeleted
	}
	return n
}

// structured reports whether m and t are both objects, or both lists of
// records.
func structured(pattern string, b, m, t any) bool {
	if _, ok := m.(map[string]any); ok {
		_, ok := t.(map[string]any)
		return ok
	}
	ma, ok1 := m.([]any)
	ta, ok2 := t.([]any)
	if !ok1 || !ok2 {
		return false
	}
	ba, _ := b.([]any)
	keyOf, _ := recordKey(pattern+"[]", ba, ma, ta)
	return keyOf != nil
}

// records merges a list record by record.
func (mg *merger) records(n *node, keyOf func(any) string, ba, ma, ta []any) {
	n.kind = recordsNode
	index := func(list []any) (map[string]any, []string) {
		ix := make(map[string]any, len(list))
		keys := make([]string, len(list))
		for i, e := range list {
			keys[i] = keyOf(e)
			ix[keys[i]] = e
		}
		return ix, keys
	}
	bi, bk := index(ba)
	mi, mk := index(ma)
	ti, tk := index(ta)
	order := recordOrder(bk, mk, tk, bi, mi, ti)
	n.kids = make([]*node, len(order))
	elem := n.pattern + "[]"
	for i, k := range order {
		n.kids[i] = mg.merge(lookup(bi, k), lookup(mi, k), lookup(ti, k), elem, n, k)
	}
}

// recordOrder orders the records of a merged list. The copy that changed
// the order of the records all three hold leads (when both or neither did,
// the one whose list sorts first, so that the order does not depend on which
// copy is mine); the other's records that the leader lacks follow the
// record they follow in their own list. Records only the base holds go last.
func recordOrder(bk, mk, tk []string, bi, mi, ti map[string]any) []string {
	inAll := func(list []string) []string {
		var out []string
		for _, k := range list {
			if _, ok := bi[k]; !ok {
				continue
			}
			if _, ok := mi[k]; !ok {
				continue
			}
			if _, ok := ti[k]; ok {
				out = append(out, k)
			}
		}
		return out
	}
	ob, om, ot := inAll(bk), inAll(mk), inAll(tk)
	mMoved, tMoved := !slices.Equal(om, ob), !slices.Equal(ot, ob)
	lead, follow := mk, tk
	switch {
	case tMoved && !mMoved:
		lead, follow = tk, mk
	case mMoved == tMoved && slices.Compare(tk, mk) < 0:
		lead, follow = tk, mk
	}
	inLead := make(map[string]bool, len(lead))
	for _, k := range lead {
		inLead[k] = true
	}
	after := make(map[string][]string)
	anchor := ""
	for _, k := range follow {
		if inLead[k] {
			anchor = k
			continue
		}
		after[anchor] = append(after[anchor], k)
	}
	out := make([]string, 0, len(lead)+len(follow))
	out = append(out, after[""]...)
	for _, k := range lead {
		out = append(out, k)
		out = append(out, after[k]...)
	}
	placed := make(map[string]bool, len(out))
	for _, k := range out {
		placed[k] = true
	}
	for _, k := range bk {
		if !placed[k] {
			out = append(out, k)
		}
	}
	return out
}

// naturalKeys are the lists whose records have no id but are known by
// another field, unique in the list: the time each audience has, the answers
// of each organisation, the people at a meeting. Lists of records with ids
// need no entry.
var naturalKeys = map[string]func(map[string]any) string{
	"partnership.capacity[]":                       func(e map[string]any) string { return fold(str(e["audience"])) },
	"partnership.context[]":                        func(e map[string]any) string { return str(e["org"]) },
	"meetings[].attendees[]":                       personOrName,
	"contract.session.attendees[]":                 personOrName,
	"contract.appendix.investment.schoolLeaders[]": personOrName,
	"contract.schools[]":                           personOrName,
}

func personOrName(e map[string]any) string {
	if p := str(e["person"]); p != "" {
		return "person:" + p
	}
	if id := str(e["id"]); id != "" {
		return "id:" + id
	}
	if n := fold(str(e["name"])); n != "" {
		return "name:" + n
	}
	return ""
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// recordKey returns how to key the records of the lists whose records are
// at pattern ("partnership.capacity[]"), and
// whether the key is their id: by "id" when every record of every copy has
// one, different from the others of its list; by the list's natural key
// when it has one that holds the same way; nil when the lists are not lists
// of records.
func recordKey(pattern string, lists ...[]any) (keyOf func(any) string, byID bool) {
	idOf := func(e any) string {
		o, _ := e.(map[string]any)
		return str(o["id"])
	}
	if keyed(idOf, lists) {
		return idOf, true
	}
	if nk := naturalKeys[pattern]; nk != nil {
		f := func(e any) string {
			o, _ := e.(map[string]any)
			if o == nil {
				return ""
			}
			return nk(o)
		}
		if keyed(f, lists) {
			return f, false
		}
	}
	return nil, false
}

// keyed reports whether every element of every list has a key, unique in
// its list, and at least one list is not empty.
func keyed(keyOf func(any) string, lists [][]any) bool {
	some := false
	for _, l := range lists {
		seen := make(map[string]bool, len(l))
		for _, e := range l {
			k := keyOf(e)
			if k == "" || seen[k] {
				return false
			}
			seen[k] = true
			some = true
		}
	}
	return some
}

// scalarSet reports whether the lists hold only strings, numbers and
// booleans, each once: lists of references and tags, merged as sets.
func scalarSet(lists ...[]any) bool {
	for _, l := range lists {
		seen := make(map[any]bool, len(l))
		for _, e := range l {
			switch e.(type) {
			case string, json.Number, bool:
			default:
				return false
			}
			if seen[e] {
				return false
			}
			seen[e] = true
		}
	}
	return true
}

// setMerge merges lists of plain values as sets: mine's in mine's order,
// less what theirs removed from the base, then what theirs added.
func setMerge(b, m, t []any) []any {
	set := func(l []any) map[any]bool {
		s := make(map[any]bool, len(l))
		for _, e := range l {
			s[e] = true
		}
		return s
	}
	inB, inM, inT := set(b), set(m), set(t)
	out := make([]any, 0, len(m)+len(t))
	for _, e := range m {
		if inB[e] && !inT[e] {
			continue
		}
		out = append(out, e)
	}
	for _, e := range t {
		if !inM[e] && !inB[e] {
			out = append(out, e)
		}
	}
	return out
}

func get(o map[string]any, k string) any {
	if v, ok := o[k]; ok {
		return v
	}
	return absent
}

func lookup(ix map[string]any, k string) any {
	if v, ok := ix[k]; ok {
		return v
	}
	return absent
}

func joinKey(pattern, k string) string {
	if pattern == "" {
		return k
	}
	return pattern + "." + k
}

// equal compares two JSON trees.
func equal(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	switch b.(type) {
	case map[string]any, []any:
		return false
	}
	return a == b
}

// empty reports whether a value holds nothing: not there, null, "", [] or {}.
func empty(v any) bool {
	switch x := v.(type) {
	case absentT, nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}
