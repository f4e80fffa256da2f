package ui

import (
	"strings"
)

// otherChoice is the value of a choice's last option, Field.Other, that
// lets the user type a value that is none of the options.
const otherChoice = "\x00other"

// form draws the fields of one editor, each with the problem its checks found
// at its path, if any.
type form struct {
	a        *App
	problems map[string]string
}

// input draws the field at path (a path with the indexes of its item, as
// declared by a Field): its label, the input with its value, its hint and
// its problem, tied together for screen readers. The input carries the
// path as data-path and FieldID(path) as its id, and sends the action
// "field" (or "field.toggle" for a checkbox) with the path. It returns nil
// for a path no Field declares, and for a set without options.
func (c form) input(path string) *Node {
	a := c.a
	f, at, ok := a.model.field(path)
	if !ok {
		return nil
	}
	id := FieldID(path)
	label := f.Label
	if f.LabelAt != nil {
		label = f.LabelAt(a, at)
	}
	hint := f.Hint
	if f.HintAt != nil {
		hint = f.HintAt(a, at)
	}
	text, problem := a.shown(f, at)
	if problem == "" {
		problem = c.problems[path]
	}
	switch f.Kind {
	case KindSet:
		return c.set(f, at)
	case KindCheck:
		in := El("input", ID(id), A("type", "checkbox"), A("data-path", path), On("change", "field.toggle"))
		if text == "true" {
			in.Attrs = append(in.Attrs, A("checked", ""))
		}
		return El("div", Key("f:"+path), Class("pk-choice"), in, El("label", A("for", id), label), c.notes(id, hint, problem, in))
	}
	var in, back *Node
	switch {
	case f.Kind == KindChoice && !a.other[path]:
		in = c.choice(f, at, id, text)
	case f.Kind == KindArea || f.Kind == KindLines || f.Kind == KindDates:
		in = El("textarea", ID(id), A("rows", "3"), A("data-path", path), On("input", "field"), A("value", text))
	default:
		typ := "text" // numbers as text: what is typed is kept, even when it is not a number yet
		switch f.Kind {
		case KindEmail:
			typ = "email"
		case KindDate:
			typ = "date"
		case KindDateTime:
			typ = "datetime-local"
		}
		in = El("input", ID(id), A("type", typ), A("value", text), A("data-path", path), On("input", "field"))
		switch f.Kind {
		case KindNumber:
			in.Attrs = append(in.Attrs, A("inputmode", "decimal"))
		case KindWhole:
			in.Attrs = append(in.Attrs, A("inputmode", "numeric"))
		case KindChoice: // typing a value that is none of the options
			back = El("button", A("type", "button"), Class("pk-secondary pk-small"), A("data-path", path), On("click", "field.list"), "Choose from the list instead")
		}
	}
	return El("div", Key("f:"+path), Class("pk-field"), El("label", A("for", id), label), in, back, c.notes(id, hint, problem, in))
}

// notes returns the hint and the problem of a field, and ties them to its
// input for screen readers.
func (c form) notes(id, hint, problem string, in *Node) []*Node {
	var describe []string
	var nodes []*Node
	if hint != "" {
		nodes = append(nodes, El("p", ID(id+"-hint"), Class("pk-hint"), hint))
		describe = append(describe, id+"-hint")
	}
	if problem != "" {
		nodes = append(nodes, El("p", ID(id+"-problem"), Class("pk-problem"), problem))
		describe = append(describe, id+"-problem")
		in.Attrs = append(in.Attrs, A("aria-invalid", "true"))
	}
	if len(describe) > 0 {
		in.Attrs = append(in.Attrs, A("aria-describedby", strings.Join(describe, " ")))
	}
	return nodes
}

// choice draws a select of the field's options, with the value it has when
// that is none of them, so that nothing stored is replaced unseen.
func (c form) choice(f *Field, at Loc, id, value string) *Node {
	var opts []Option
	if f.Options != nil {
		opts = f.Options(c.a, at)
	}
	found := false
	for _, o := range opts {
		found = found || o.Value == value
	}
	if !found && value != "" {
		opts = append(opts, Option{value, value + " (none of the choices)"})
	}
	if f.Other != "" {
		opts = append(opts, Option{otherChoice, f.Other})
	}
	list := make([]*Node, len(opts))
	for i, o := range opts {
		n := El("option", A("value", o.Value), o.Label)
		if o.Value == value {
			n.Attrs = append(n.Attrs, A("selected", ""))
		}
		list[i] = n
	}
	return El("select", ID(id), A("data-path", at.Path), On("change", "field"), list)
}

// set draws the options of a KindSet field as checkboxes in a fieldset.
func (c form) set(f *Field, at Loc) *Node {
	if f.Options == nil {
		return nil
	}
	opts := f.Options(c.a, at)
	if len(opts) == 0 {
		return nil
	}
	on := map[string]bool{}
	if text, ok := c.a.read(f, at); ok {
		for _, v := range strings.Split(text, "\n") {
			on[v] = true
		}
	}
	id := FieldID(at.Path)
	boxes := make([]*Node, len(opts))
	for i, o := range opts {
		bid := id + "-" + o.Value
		in := El("input", ID(bid), A("type", "checkbox"), A("data-path", at.Path), On("change", "field.toggle"), Arg(o.Value))
		if on[o.Value] {
			in.Attrs = append(in.Attrs, A("checked", ""))
		}
		boxes[i] = El("div", Key("o:"+o.Value), Class("pk-choice"), in, El("label", A("for", bid), o.Label))
	}
	var hint *Node
	if f.Hint != "" {
		hint = El("p", Class("pk-hint"), f.Hint)
	}
	return El("fieldset", ID(id), A("tabindex", "-1"), El("legend", f.Label), hint, boxes)
}

// editField applies the "field", "field.toggle" and "field.list" actions.
func (a *App) editField(ev Event) []Effect {
	var ok bool
	switch ev.Action {
	case "field":
		ok = a.write(ev.Path, ev.Value)
	case "field.toggle":
		ok = a.toggle(ev.Path, ev.Arg)
	case "field.list":
		delete(a.other, ev.Path)
		return []Effect{Focus{ID: FieldID(ev.Path)}}
	}
	if !ok {
		return nil
	}
	eff := []Effect{Persist{}}
	if strings.HasPrefix(ev.Path, "meetings[") {
		a.revise()
	}
	if f, _, found := a.model.field(ev.Path); found && f.Settle {
		eff = append(eff, Later{Action: "part.settle", After: settleAfter})
	}
	if a.other[ev.Path] && ev.Action == "field" && ev.Value == otherChoice {
		eff = append(eff, Focus{ID: FieldID(ev.Path)})
	}
	return eff
}
