//go:build js && wasm

package dom

import (
	"fmt"
	"html"
	"testing"

	"github.com/hack-pad/safejs"
	"github.com/partnerkit/partnerkit/wasm/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeDocument is the least of a DOM the renderer uses, for tests under node,
// which has none. Setting innerHTML throws: the renderer must never use it.
// Every element counts how often its value property is set.
const fakeDocument = `
class Node {
  constructor(tag) { this.tagName = tag; this.nodeType = 1; this.childNodes = []; this.attributes = {}; this.parentNode = null; this._value = ""; this.valueSets = 0; this.checked = false; }
  get value() { return this._value; }
  set value(v) { this._value = String(v); this.valueSets++; }
  get textContent() { return this.nodeType === 3 ? this.data : this.childNodes.map(c => c.textContent).join(""); }
  set textContent(v) { this.replaceChildren(); if (v !== "") this.appendChild(text(String(v))); }
  set innerHTML(v) { throw new Error("innerHTML must not be used"); }
  appendChild(c) { return this.insertBefore(c, null); }
  insertBefore(c, ref) {
    if (c.parentNode) c.remove();
    const i = ref ? this.childNodes.indexOf(ref) : -1;
    c.parentNode = this;
    if (i < 0) this.childNodes.push(c); else this.childNodes.splice(i, 0, c);
    return c;
  }
  remove() { const p = this.parentNode; if (!p) return; p.childNodes.splice(p.childNodes.indexOf(this), 1); this.parentNode = null; }
  replaceChildren(...cs) { for (const c of [...this.childNodes]) c.remove(); for (const c of cs) this.appendChild(c); }
  setAttribute(k, v) { this.attributes[k] = String(v); }
  removeAttribute(k) { delete this.attributes[k]; }
  getAttribute(k) { return k in this.attributes ? this.attributes[k] : null; }
}
function text(s) { const n = new Node("#text"); n.nodeType = 3; n.data = s; return n; }
function html(n) {
  if (n.nodeType === 3) return n.data.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const a = Object.keys(n.attributes).map(k => " " + k + "=\"" + n.attributes[k] + "\"").join("");
  return "<" + n.tagName + a + ">" + n.childNodes.map(html).join("") + "</" + n.tagName + ">";
}
const doc = { createElement: t => new Node(t), createTextNode: s => text(s) };
return { doc, root: new Node("main"), html };
`

type fake struct {
	doc, root, html safejs.Value
}

func newFake(t *testing.T) fake {
	t.Helper()
	fn, err := safejs.Global().Get("Function")
	require.NoError(t, err)
	mk, err := fn.New(fakeDocument)
	require.NoError(t, err)
	env, err := mk.Invoke()
	require.NoError(t, err)
	var f fake
	f.doc, err = env.Get("doc")
	require.NoError(t, err)
	f.root, err = env.Get("root")
	require.NoError(t, err)
	f.html, err = env.Get("html")
	require.NoError(t, err)
	return f
}

func (f fake) HTML(t *testing.T) string {
	t.Helper()
	v, err := f.html.Invoke(f.root)
	require.NoError(t, err)
	s, err := v.String()
	require.NoError(t, err)
	return s
}

func list(keys ...string) *ui.Node {
	items := make([]*ui.Node, len(keys))
	for i, k := range keys {
		items[i] = ui.El("li", ui.Key(k), k)
	}
	return ui.El("ul", items)
}

func TestRenderAndPatch(t *testing.T) {
	f := newFake(t)
	r := NewRenderer(f.doc, f.root)
	require.NoError(t, r.Render(ui.El("div", ui.ID("a"), ui.El("p", "hello"), list("x", "y", "z"))))
	assert.Equal(t, `<main><div id="a"><p>hello</p><ul><li>x</li><li>y</li><li>z</li></ul></div></main>`, f.HTML(t))

	// Mark the element of "z" to see it survive a reorder.
	ul, err := f.root.Get("childNodes")
	require.NoError(t, err)
	div, _ := ul.Index(0)
	kids, _ := div.Get("childNodes")
	ulEl, _ := kids.Index(1)
	lis, _ := ulEl.Get("childNodes")
	z, _ := lis.Index(2)
	require.NoError(t, z.Set("marked", true))

	require.NoError(t, r.Render(ui.El("div", ui.ID("a"), ui.Class("b"), ui.El("p", "bye"), list("z", "x", "w"))))
	assert.Equal(t, `<main><div id="a" class="b"><p>bye</p><ul><li>z</li><li>x</li><li>w</li></ul></div></main>`, f.HTML(t))
	first, _ := lis.Index(0)
	m, err := first.Get("marked")
	require.NoError(t, err)
	marked, _ := m.Bool()
	assert.True(t, marked, "a keyed element is moved, not recreated")
}

func TestTypedValueIsLeftAlone(t *testing.T) {
	f := newFake(t)
	r := NewRenderer(f.doc, f.root)
	field := func(v string) *ui.Node {
		return ui.El("div", ui.El("input", ui.ID("name"), ui.A("value", v)))
	}
	require.NoError(t, r.Render(field("")))
	kids, _ := f.root.Get("childNodes")
	div, _ := kids.Index(0)
	dk, _ := div.Get("childNodes")
	in, _ := dk.Index(0)
	// The user types; the app then renders what was typed.
	require.NoError(t, in.Set("value", "Ana"))
	sets := func() int { v, _ := in.Get("valueSets"); n, _ := v.Int(); return n }
	before := sets()
	require.NoError(t, r.Render(field("Ana")))
	assert.Equal(t, before, sets(), "the value the user typed is not set again (the caret would jump)")
	require.NoError(t, r.Render(field("")))
	assert.Equal(t, before+1, sets(), "a value the app changes is set")
}

// TestFocusedFieldIsNeverRewritten renders a value the app changed while
// the user is typing in the field: the field keeps what the user typed.
func TestFocusedFieldIsNeverRewritten(t *testing.T) {
	f := newFake(t)
	r := NewRenderer(f.doc, f.root)
	field := func(v string) *ui.Node { return ui.El("div", ui.El("input", ui.ID("hours"), ui.A("value", v))) }
	require.NoError(t, r.Render(field("9")))
	kids, _ := f.root.Get("childNodes")
	div, _ := kids.Index(0)
	dk, _ := div.Get("childNodes")
	in, _ := dk.Index(0)
	require.NoError(t, in.Set("value", "9."))
	require.NoError(t, f.doc.Set("activeElement", in))
	require.NoError(t, r.Render(field("9")))
	v, _ := in.Get("value")
	s, _ := v.String()
	assert.Equal(t, "9.", s, "the focused field keeps what was typed")
	require.NoError(t, f.doc.Set("activeElement", safejs.Null()))
	require.NoError(t, r.Render(field("9")))
	v, _ = in.Get("value")
	s, _ = v.String()
	assert.Equal(t, "9", s, "once it has lost the focus, it shows the value")
}

func TestMarkupStaysText(t *testing.T) {
	f := newFake(t)
	r := NewRenderer(f.doc, f.root)
	evil := `<img src=x onerror=alert(1)><script>alert(2)</script>`
	require.NoError(t, r.Render(ui.El("p", evil)))
	assert.Equal(t, "<main><p>"+html.EscapeString(evil)+"</p></main>", f.HTML(t)) // one text node, no elements
	kids, _ := f.root.Get("childNodes")
	p, _ := kids.Index(0)
	pk, _ := p.Get("childNodes")
	n, _ := pk.Length()
	assert.Equal(t, 1, n)
	tn, _ := pk.Index(0)
	nt, _ := tn.Get("nodeType")
	typ, _ := nt.Int()
	assert.Equal(t, 3, typ)
}

func TestRefusesWhatIsNotAllowed(t *testing.T) {
	f := newFake(t)
	r := NewRenderer(f.doc, f.root)
	assert.Error(t, r.Render(ui.El("div", ui.A("onclick", "alert(1)"))))
	assert.Error(t, r.Render(ui.El("script", "alert(1)")))
	assert.Error(t, r.Render(ui.El("a", ui.A("href", "javascript:alert(1)"))))
	assert.Equal(t, "<main></main>", f.HTML(t))
}

// Example draws a render tree into a document, then changes it: only what
// differs is touched. (Here the document is the test's stand-in for the
// browser's.)
func ExampleRenderer() {
	fn, _ := safejs.Global().Get("Function")
	mk, _ := fn.New(fakeDocument)
	env, _ := mk.Invoke()
	doc, _ := env.Get("doc")
	root, _ := env.Get("root")
	html, _ := env.Get("html")
	show := func() {
		v, _ := html.Invoke(root)
		s, _ := v.String()
		fmt.Println(s)
	}
	r := NewRenderer(doc, root)
	_ = r.Render(ui.El("p", ui.Class("greeting"), "Hello, <b>Ana</b>"))
	show()
	_ = r.Render(ui.El("p", ui.Class("greeting"), "Hello, Ben"))
	show()
	// Output:
	// <main><p class="greeting">Hello, &lt;b&gt;Ana&lt;/b&gt;</p></main>
	// <main><p class="greeting">Hello, Ben</p></main>
}
