//go:build js && wasm

package dom

import (
	"fmt"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/hack-pad/safejs"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

// Renderer keeps the document in step with a render tree, changing only what
// differs from the last tree so that focus and the caret stay where they are.
type Renderer struct {
	doc    safejs.Value
	root   safejs.Value
	top    *vnode
	build  safejs.Value // the page's pkBuild, or undefined (as under node)
	active safejs.Value // the element that has the focus while a render patches
}

// vnode is a rendered Node with its element. An element made by the page's
// builder is looked up in its batch only when it is first needed.
type vnode struct {
	n     *ui.Node
	el    safejs.Value
	kids  []*vnode
	batch *batch
	idx   int
}

// batch is the list of nodes the page's builder made in one call.
type batch struct{ nodes safejs.Value }

// e returns the vnode's element.
func (v *vnode) e() safejs.Value {
	if v.batch != nil {
		if el, err := v.batch.nodes.Index(v.idx); err == nil {
			v.el = el
		}
		v.batch = nil
	}
	return v.el
}

// NewRenderer returns a renderer that draws into the element root.
func NewRenderer(doc, root safejs.Value) *Renderer {
	r := &Renderer{doc: doc, root: root}
	if b, err := safejs.Global().Get("pkBuild"); err == nil && b.Type() == safejs.TypeFunction {
		r.build = b
	}
	return r
}

// Render draws the tree n, refusing a tree with an element or attribute the
// page does not allow.
func (r *Renderer) Render(n *ui.Node) error {
	if err := n.Check(); err != nil {
		return err
	}
	r.active = safejs.Null()
	if a, err := r.doc.Get("activeElement"); err == nil && a.Type() == safejs.TypeObject {
		r.active = a
	}
	if r.top == nil || r.top.n.Tag != n.Tag || r.top.n.Key != n.Key {
		v, err := r.create(n)
		if err != nil {
			return err
		}
		if _, err := r.root.Call("replaceChildren", v.e()); err != nil {
			return err
		}
		r.top = v
		return nil
	}
	return r.patch(r.top, n)
}

// create makes the elements of n: in one call to the page's builder when
// there is one, which is many times faster than a call per element and
// attribute, or else one by one.
func (r *Renderer) create(n *ui.Node) (*vnode, error) {
	if r.build.Type() == safejs.TypeFunction && n.Tag != "" {
		return r.createAll(n)
	}
	return r.createEach(n)
}

// createAll describes n to the page's builder, pkBuild in boot.js, as JSON:
// in document order, [tag, text, [name, value, ...], number of children],
// with tag "" for text. The builder sets text only as text and the same
// properties setAttr does, and returns the nodes in the same order.
//
// The JSON is written by hand, with jsontext quoting the strings: the
// reflection of encoding/json cost the first render of the example's review
// some 40 ms in the browser, for a shape that never changes.
func (r *Renderer) createAll(n *ui.Node) (*vnode, error) {
	b := &batch{}
	spec := []byte{'['}
	count := 0
	v := describe(n, &spec, &count, b)
	spec = append(spec, ']')
	var err error
	if b.nodes, err = r.build.Invoke(string(spec)); err != nil {
		return nil, err
	}
	return v, nil
}

// describe appends n and its descendants to the builder's spec, in document
// order; count is the number of nodes in the spec so far.
func describe(n *ui.Node, spec *[]byte, count *int, b *batch) *vnode {
	v := &vnode{n: n, batch: b, idx: *count}
	s := *spec
	if *count > 0 {
		s = append(s, ',')
	}
	*count++
	// Invalid UTF-8 comes out as U+FFFD, as from encoding/json.
	s = append(s, '[')
	s, _ = jsontext.AppendQuote(s, n.Tag)
	s = append(s, ',')
	s, _ = jsontext.AppendQuote(s, n.Text)
	s = append(s, ",["...)
	for i, a := range n.Attrs {
		if i > 0 {
			s = append(s, ',')
		}
		s, _ = jsontext.AppendQuote(s, a.Name)
		s = append(s, ',')
		s, _ = jsontext.AppendQuote(s, a.Value)
	}
	s = append(s, "],"...)
	s = strconv.AppendInt(s, int64(len(n.Children)), 10)
	*spec = append(s, ']')
	for _, c := range n.Children {
		v.kids = append(v.kids, describe(c, spec, count, b))
	}
	return v
}

func (r *Renderer) createEach(n *ui.Node) (*vnode, error) {
	v := &vnode{n: n}
	var err error
	if n.Tag == "" {
		v.el, err = r.doc.Call("createTextNode", n.Text)
		return v, err
	}
	if v.el, err = r.doc.Call("createElement", n.Tag); err != nil {
		return nil, err
	}
	for _, a := range n.Attrs {
		if err := setAttr(v.el, a.Name, a.Value); err != nil {
			return nil, err
		}
	}
	if len(n.Children) == 0 {
		if n.Text != "" {
			if err := v.el.Set("textContent", n.Text); err != nil {
				return nil, err
			}
		}
		return v, nil
	}
	for _, c := range n.Children {
		cv, err := r.createEach(c)
		if err != nil {
			return nil, err
		}
		if _, err := v.el.Call("appendChild", cv.el); err != nil {
			return nil, err
		}
		v.kids = append(v.kids, cv)
	}
	return v, nil
}

// setAttr sets an attribute; value, checked and selected are also set as
// properties, which is what the browser shows once the user has typed.
func setAttr(el safejs.Value, name, value string) error {
	switch name {
	case "value":
		cur, err := el.Get("value")
		if err == nil {
			if s, err := cur.String(); err == nil && s == value {
				return nil
			}
		}
		return el.Set("value", value)
	case "checked", "selected":
		if err := el.Set(name, true); err != nil {
			return err
		}
	}
	_, err := el.Call("setAttribute", name, value)
	return err
}

// focused reports whether el has the focus.
func (r *Renderer) focused(el safejs.Value) bool {
	return !r.active.IsNull() && el.Equal(r.active)
}

func removeAttr(el safejs.Value, name string) error {
	switch name {
	case "value":
		return el.Set("value", "")
	case "checked", "selected":
		if err := el.Set(name, false); err != nil {
			return err
		}
	}
	_, err := el.Call("removeAttribute", name)
	return err
}

// patch changes v's element to show n, which has the same tag and key.
func (r *Renderer) patch(v *vnode, n *ui.Node) error {
	old := v.n
	v.n = n
	if n.Tag == "" {
		if old.Text != n.Text {
			return v.e().Set("data", n.Text)
		}
		return nil
	}
	// Attributes.
	for _, a := range old.Attrs {
		if _, ok := n.Attr(a.Name); !ok {
			if err := removeAttr(v.e(), a.Name); err != nil {
				return err
			}
		}
	}
	for _, a := range n.Attrs {
		if prev, ok := old.Attr(a.Name); ok && prev == a.Value && a.Name != "value" && a.Name != "checked" {
			continue
		}
		if a.Name == "value" && r.focused(v.e()) {
			continue // what the user is typing is never rewritten
		}
		if err := setAttr(v.e(), a.Name, a.Value); err != nil {
			return err
		}
	}
	if len(n.Children) == 0 {
		if len(v.kids) > 0 || old.Text != n.Text {
			v.kids = nil
			return v.e().Set("textContent", n.Text)
		}
		return nil
	}
	if len(old.Children) == 0 && old.Text != "" {
		if err := v.e().Set("textContent", ""); err != nil {
			return err
		}
	}
	return r.patchChildren(v, n.Children)
}

// patchChildren matches the new children with the old ones (by key, or by
// position among the unkeyed ones with the same tag), patches the matches,
// creates the rest, removes what is gone and puts everything in order.
func (r *Renderer) patchChildren(v *vnode, kids []*ui.Node) error {
	old := make([]*ui.Node, len(v.kids))
	for i, k := range v.kids {
		old[i] = k.n
	}
	used := map[*vnode]bool{}
	next := make([]*vnode, len(kids))
	for i, m := range ui.Match(old, kids) {
		if m >= 0 {
			k := v.kids[m]
			used[k] = true
			if err := r.patch(k, kids[i]); err != nil {
				return err
			}
			next[i] = k
			continue
		}
		nv, err := r.create(kids[i])
		if err != nil {
			return err
		}
		next[i] = nv
	}
	// Remove what is gone.
	cur := make([]*vnode, 0, len(v.kids))
	for _, k := range v.kids {
		if used[k] {
			cur = append(cur, k)
			continue
		}
		if _, err := k.e().Call("remove"); err != nil {
			return err
		}
	}
	// Put the children in order, moving or inserting only what is out of place.
	for i, k := range next {
		if i < len(cur) && cur[i] == k {
			continue
		}
		ref := safejs.Null()
		if i < len(cur) {
			ref = cur[i].e()
		}
		if _, err := v.e().Call("insertBefore", k.e(), ref); err != nil {
			return fmt.Errorf("placing <%s>: %w", k.n.Tag, err)
		}
		for j, c := range cur {
			if c == k {
				cur = append(cur[:j], cur[j+1:]...)
				break
			}
		}
		cur = append(cur[:i], append([]*vnode{k}, cur[i:]...)...)
	}
	v.kids = next
	return nil
}
