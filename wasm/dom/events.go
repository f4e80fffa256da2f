//go:build js && wasm

package dom

import (
	"errors"
	"strconv"

	"github.com/hack-pad/safejs"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

// Listen turns the document's events on elements with data-on-* bindings
// into ui.Events passed to send, which must not block for long (it should
// queue the event). Files chosen or dropped are read before send is called.
// The returned function removes the listeners and releases their functions.
func Listen(doc safejs.Value, send func(ui.Event)) (release func(), err error) {
	var funcs []safejs.Func
	release = func() {
		for _, f := range funcs {
			f.Release()
		}
	}
	add := func(typ string, fn func(ev safejs.Value)) error {
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			if len(args) > 0 {
				fn(args[0])
			}
			return nil
		})
		if err != nil {
			return err
		}
		funcs = append(funcs, f)
		_, err = doc.Call("addEventListener", typ, f.Value())
		return err
	}
	for _, typ := range []string{"click", "input", "change", "submit"} {
		typ := typ
		if err := add(typ, func(ev safejs.Value) { onEvent(typ, ev, send) }); err != nil {
			release()
			return nil, err
		}
	}
	// Dropping a file anywhere must not open it in place of the page.
	if err := add("dragover", func(ev safejs.Value) { _, _ = ev.Call("preventDefault") }); err != nil {
		release()
		return nil, err
	}
	if err := add("drop", func(ev safejs.Value) {
		_, _ = ev.Call("preventDefault")
		el, ok := bound(ev, "drop")
		if !ok {
			return
		}
		action, arg := binding(el, "drop")
		dt, err := ev.Get("dataTransfer")
		if err != nil || dt.IsNull() || dt.IsUndefined() {
			return
		}
		files, err := dt.Get("files")
		if err != nil {
			return
		}
		go readAndSend(files, ui.Event{Action: action, Arg: arg}, send)
	}); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// bound returns the nearest element at or above the event's target that has
// a data-on-typ binding.
func bound(ev safejs.Value, typ string) (safejs.Value, bool) {
	target, err := ev.Get("target")
	if err != nil || target.IsNull() || target.IsUndefined() {
		return safejs.Null(), false
	}
	if t := target.Type(); t != safejs.TypeObject {
		return safejs.Null(), false
	}
	if nt, err := target.Get("nodeType"); err == nil {
		if n, err := nt.Int(); err == nil && n != 1 {
			target, err = target.Get("parentElement")
			if err != nil || target.IsNull() {
				return safejs.Null(), false
			}
		}
	}
	el, err := target.Call("closest", "[data-on-"+typ+"]")
	if err != nil || el.IsNull() || el.IsUndefined() {
		return safejs.Null(), false
	}
	return el, true
}

func binding(el safejs.Value, typ string) (action, arg string) {
	action = attr(el, "data-on-"+typ)
	arg = attr(el, "data-arg")
	return action, arg
}

func attr(el safejs.Value, name string) string {
	v, err := el.Call("getAttribute", name)
	if err != nil || v.IsNull() {
		return ""
	}
	s, _ := v.String()
	return s
}

func onEvent(typ string, ev safejs.Value, send func(ui.Event)) {
	if typ == "submit" {
		_, _ = ev.Call("preventDefault")
	}
	el, ok := bound(ev, typ)
	if !ok {
		return
	}
	action, arg := binding(el, typ)
	e := ui.Event{Action: action, Arg: arg, Path: attr(el, "data-path")}
	if v, err := el.Get("value"); err == nil && v.Type() == safejs.TypeString {
		e.Value, _ = v.String()
	}
	if typ == "change" {
		if t := attr(el, "type"); t == "file" {
			files, err := el.Get("files")
			if err != nil {
				return
			}
			go func() {
				readAndSend(files, e, send)
				// Let the same file be chosen again.
				_ = el.Set("value", "")
			}()
			return
		}
	}
	send(e)
}

// readAndSend reads every file of a FileList, byte for byte (a survey
// export may be a workbook, or text in another encoding than UTF-8), then
// sends e with them. A big file is read in parts, and how far the reading
// is goes to the app first, as "file.reading" events for e's action.
func readAndSend(list safejs.Value, e ui.Event, send func(ui.Event)) {
	n, err := list.Length()
	if err != nil || n == 0 {
		return
	}
	for i := 0; i < n; i++ {
		f, err := list.Index(i)
		if err != nil {
			continue
		}
		name, _ := f.Get("name")
		ns, _ := name.String()
		data, err := readFile(f, func(percent int) {
			send(ui.Event{Action: "file.reading", Arg: e.Action, Value: strconv.Itoa(percent)})
		})
		if err != nil {
			e.Files = append(e.Files, ui.File{Name: ns, Err: err.Error()})
			continue
		}
		e.Files = append(e.Files, ui.File{Name: ns, Data: data})
	}
	send(e)
}

// readPart is how much of a file is read at a time: a big file is read in
// parts, so that the page can say how far it is.
const readPart = 2 << 20

// readFile reads a File's bytes, calling progress after each part of a big
// file with the percent read so far.
func readFile(f safejs.Value, progress func(percent int)) ([]byte, error) {
	sz, err := f.Get("size")
	if err != nil {
		return nil, err
	}
	size, err := sz.Int()
	if err != nil {
		return nil, err
	}
	if size <= readPart {
		return readBlob(f)
	}
	data := make([]byte, 0, size)
	for off := 0; off < size; off += readPart {
		part, err := f.Call("slice", off, min(off+readPart, size))
		if err != nil {
			return nil, err
		}
		b, err := readBlob(part)
		if err != nil {
			return nil, err
		}
		data = append(data, b...)
		progress(len(data) * 100 / size)
	}
	return data, nil
}

// readBlob reads a Blob's bytes (a File is one).
func readBlob(f safejs.Value) ([]byte, error) {
	p, err := f.Call("arrayBuffer")
	if err != nil {
		return nil, err
	}
	buf, err := Await(p)
	if err != nil {
		return nil, err
	}
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return nil, err
	}
	view, err := u8.New(buf)
	if err != nil {
		return nil, err
	}
	size, err := view.Length()
	if err != nil {
		return nil, err
	}
	data := make([]byte, size)
	if _, err := safejs.CopyBytesToGo(data, view); err != nil {
		return nil, err
	}
	return data, nil
}

// Await waits for a promise to settle and returns its value or its error.
// It blocks, so call it only from a goroutine, never inside a callback.
func Await(p safejs.Value) (safejs.Value, error) {
	type result struct {
		v   safejs.Value
		err error
	}
	ch := make(chan result, 1)
	ok, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		var v safejs.Value
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), err
	}
	defer ok.Release()
	bad, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		msg := "failed"
		if len(args) > 0 {
			if s, err := args[0].Call("toString"); err == nil {
				msg, _ = s.String()
			}
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	if err != nil {
		return safejs.Undefined(), err
	}
	defer bad.Release()
	if _, err := p.Call("then", ok.Value(), bad.Value()); err != nil {
		return safejs.Undefined(), err
	}
	r := <-ch
	return r.v, r.err
}
