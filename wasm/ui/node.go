package ui

import (
	"fmt"
	"strings"
)

// Node is one element of the render tree, or a text node when Tag is empty.
// The DOM layer creates elements with createElement, sets attributes with
// setAttribute and text with textContent: nothing in a Node is ever parsed
// as markup, so text a user typed always stays text.
type Node struct {
	// Tag is the element's name ("div", "input"); empty for a text node.
	Tag string
	// Key identifies the node among its siblings across renders, so that an
	// input keeps its focus and caret while the tree around it changes. An
	// element made by El with an id and no key of its own is keyed by its
	// id; every section, list item and banner the page may add or take away
	// has one or the other, so that nothing beside it is rebuilt.
	Key string
	// Attrs are the element's attributes, in order. Event bindings are the
	// attributes "data-on-click", "data-on-input", "data-on-change",
	// "data-on-submit" and "data-on-drop", whose value names an action;
	// "data-arg" gives the action its argument.
	Attrs []Attr
	// Text is the text of a text node, or of an element without children.
	Text string
	// Children are the element's child nodes.
	Children []*Node
}

// Attr is one attribute of an element.
type Attr struct {
	Name, Value string
}

// El returns an element with the given tag and children. A child may be a
// *Node, a string (a text node), an Attr, a []*Node, or nil (skipped).
func El(tag string, parts ...any) *Node {
	n := &Node{Tag: tag}
	for _, p := range parts {
		switch p := p.(type) {
		case nil:
		case *Node:
			if p != nil {
				n.Children = append(n.Children, p)
			}
		case []*Node:
			for _, c := range p {
				if c != nil {
					n.Children = append(n.Children, c)
				}
			}
		case string:
			n.Children = append(n.Children, &Node{Text: p})
		case Attr:
			n.Attrs = append(n.Attrs, p)
		case []Attr:
			n.Attrs = append(n.Attrs, p...)
		case keyed:
			n.Key = string(p)
		default:
			panic(fmt.Sprintf("ui.El: unexpected part %T", p))
		}
	}
	if n.Key == "" {
		if id, ok := n.Attr("id"); ok {
			n.Key = "#" + id
		}
	}
	return n
}

type keyed string

// Key gives an element built by El its key.
func Key(k string) any { return keyed(k) }

// A returns an attribute.
func A(name, value string) Attr { return Attr{name, value} }

// On binds an event ("click", "input", "change", "submit", "drop") to an action.
func On(event, action string) Attr { return Attr{"data-on-" + event, action} }

// Arg gives the bound action its argument.
func Arg(v string) Attr { return Attr{"data-arg", v} }

// Class sets the class attribute.
func Class(c string) Attr { return Attr{"class", c} }

// ID sets the id attribute.
func ID(id string) Attr { return Attr{"id", id} }

// Attr returns the value of the named attribute and whether it is present.
func (n *Node) Attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name == name {
			return a.Value, true
		}
	}
	return "", false
}

// Walk calls fn for n and every node below it, depth first, stopping when
// fn returns false for a node's subtree.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, c := range n.Children {
		c.Walk(fn)
	}
}

// TextContent returns the text of n and every node below it.
func (n *Node) TextContent() string {
	var b strings.Builder
	n.Walk(func(m *Node) bool {
		if len(m.Children) == 0 {
			b.WriteString(m.Text)
		}
		return true
	})
	return b.String()
}

// Find returns the first node below n (or n itself) with the given id.
func (n *Node) Find(id string) *Node {
	var found *Node
	n.Walk(func(m *Node) bool {
		if found != nil {
			return false
		}
		if v, ok := m.Attr("id"); ok && v == id {
			found = m
			return false
		}
		return true
	})
	return found
}

// allowedTags are the elements the page creates.
var allowedTags = map[string]bool{
	"a": true, "article": true, "aside": true, "button": true, "caption": true, "code": true,
	"details": true, "div": true, "figcaption": true, "figure": true, "hr": true, "dl": true, "dd": true, "dt": true, "em": true, "fieldset": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "header": true,
	"img": true, "input": true, "label": true, "legend": true, "li": true, "main": true, "nav": true,
	"ol": true, "option": true, "output": true, "p": true, "pre": true, "section": true, "select": true,
	"small": true, "span": true, "strong": true, "summary": true, "table": true, "tbody": true,
	"td": true, "textarea": true, "th": true, "thead": true, "tr": true, "ul": true,
}

// allowedAttrs are the attributes the page sets, besides aria-* and data-*.
var allowedAttrs = map[string]bool{
	"accept": true, "alt": true, "autocomplete": true, "checked": true, "class": true, "colspan": true,
	"disabled": true, "download": true, "for": true, "height": true, "hidden": true, "href": true,
	"id": true, "inputmode": true, "lang": true, "max": true, "maxlength": true, "min": true, "multiple": true, "name": true, "novalidate": true,
	"open": true, "placeholder": true, "readonly": true, "required": true, "role": true, "rows": true,
	"scope": true, "selected": true, "spellcheck": true, "src": true, "start": true, "tabindex": true, "title": true,
	"type": true, "value": true, "width": true,
}

// AllowedTag reports whether the page may create an element with this tag.
func AllowedTag(tag string) bool { return allowedTags[tag] }

// AllowedAttr reports whether the page may set this attribute to this value:
// never an event handler attribute (on...), never a style, and a link or an
// image only to a page-local target (#...), a blob: or a data:image URL.
func AllowedAttr(name, value string) bool {
	switch {
	case strings.HasPrefix(name, "aria-") || strings.HasPrefix(name, "data-"):
		return validName(name)
	case name == "href":
		return strings.HasPrefix(value, "#") || strings.HasPrefix(value, "blob:")
	case name == "src":
		return strings.HasPrefix(value, "data:image/") || strings.HasPrefix(value, "blob:")
	}
	return allowedAttrs[name]
}

func validName(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Check returns an error for the first element of the tree whose tag or
// attribute the page does not allow; the DOM layer refuses such a tree.
func (n *Node) Check() error {
	var err error
	n.Walk(func(m *Node) bool {
		if err != nil {
			return false
		}
		if m.Tag == "" {
			return true
		}
		if !AllowedTag(m.Tag) {
			err = fmt.Errorf("ui: element <%s> is not allowed", m.Tag)
			return false
		}
		for _, a := range m.Attrs {
			if !AllowedAttr(a.Name, a.Value) {
				err = fmt.Errorf("ui: attribute %s=%q on <%s> is not allowed", a.Name, a.Value, m.Tag)
				return false
			}
		}
		return true
	})
	return err
}

// Match pairs the children of a node across two renders, as the DOM layer
// does before it patches: for each new child, the index of the old child
// whose element it takes over, or -1 when it gets a new one. A keyed child
// takes the old child of the same tag and key; an unkeyed one the next
// unkeyed old child, if that has the same tag.
func Match(old, next []*Node) []int {
	byKey := make(map[string]int, len(old))
	var unkeyed []int
	for i, k := range old {
		if k.Key != "" {
			byKey[k.Tag+"\x00"+k.Key] = i
		} else {
			unkeyed = append(unkeyed, i)
		}
	}
	used := make([]bool, len(old))
	out := make([]int, len(next))
	u := 0
	for i, c := range next {
		m := -1
		if c.Key != "" {
			if j, ok := byKey[c.Tag+"\x00"+c.Key]; ok {
				m = j
			}
		} else if u < len(unkeyed) {
			if old[unkeyed[u]].Tag == c.Tag {
				m = unkeyed[u]
			}
			u++
		}
		if m >= 0 && !used[m] {
			used[m] = true
			out[i] = m
		} else {
			out[i] = -1
		}
	}
	return out
}

// Kept reports whether the element with this id in the tree old is the same
// element in the tree next, as Match pairs them from the top: what a user is
// typing in keeps its focus and caret only if it is.
func Kept(old, next *Node, id string) bool {
	if old == nil || next == nil || old.Tag != next.Tag || old.Key != next.Key {
		return false
	}
	if v, ok := next.Attr("id"); ok && v == id {
		w, _ := old.Attr("id")
		return w == id
	}
	m := Match(old.Children, next.Children)
	for i, c := range next.Children {
		if c.Find(id) == nil {
			continue
		}
		return m[i] >= 0 && Kept(old.Children[m[i]], c, id)
	}
	return false
}
