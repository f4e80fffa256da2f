//go:build js && wasm

package dom

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// Storage is the browser's localStorage, a store.Storage. Every method
// reports the browser's refusal as an error: one that wraps store.ErrQuota
// when the storage is full, store.ErrBlocked when the browser does not let
// the page use it.
type Storage struct{ ls safejs.Value }

// LocalStorage returns the page's localStorage, or an error wrapping
// store.ErrBlocked when the browser does not let the page store anything.
func LocalStorage() (Storage, error) {
	// The localStorage getter itself throws when storage is turned off, and a
	// throwing getter cannot be caught by a plain Get (wasm_exec.js does not
	// catch exceptions there): read it through Reflect.get, a call, which can.
	refl, err := safejs.Global().Get("Reflect")
	if err != nil {
		return Storage{}, err
	}
	ls, err := refl.Call("get", safejs.Global(), "localStorage")
	if err != nil {
		return Storage{}, storageError(err)
	}
	if ls.IsNull() || ls.IsUndefined() {
		return Storage{}, store.ErrBlocked
	}
	return Storage{ls: ls}, nil
}

// Get returns the value under key and whether there is one.
func (s Storage) Get(key string) (string, bool, error) {
	v, err := s.ls.Call("getItem", key)
	if err != nil {
		return "", false, storageError(err)
	}
	if v.IsNull() {
		return "", false, nil
	}
	str, err := v.String()
	return str, true, err
}

// Set stores value under key.
func (s Storage) Set(key, value string) error {
	if _, err := s.ls.Call("setItem", key, value); err != nil {
		return storageError(err)
	}
	return nil
}

// Remove deletes key.
func (s Storage) Remove(key string) error {
	if _, err := s.ls.Call("removeItem", key); err != nil {
		return storageError(err)
	}
	return nil
}

// Keys returns the stored keys that start with prefix.
func (s Storage) Keys(prefix string) ([]string, error) {
	n, err := s.ls.Get("length")
	if err != nil {
		return nil, storageError(err)
	}
	count, err := n.Int()
	if err != nil {
		return nil, err
	}
	var out []string
	for i := 0; i < count; i++ {
		k, err := s.ls.Call("key", i)
		if err != nil || k.IsNull() {
			continue
		}
		ks, _ := k.String()
		if strings.HasPrefix(ks, prefix) {
			out = append(out, ks)
		}
	}
	return out, nil
}

// storageError names the browser's refusal: a full storage is
// store.ErrQuota, one the page may not use store.ErrBlocked. safejs gives
// the exception's message only, so it is read from the words browsers use
// (Chromium: "... exceeded the quota", "Access is denied for this
// document"; Firefox: "The quota has been exceeded", "Persistent storage
// maximum size reached", "The operation is insecure").
func storageError(err error) error {
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "quota") || strings.Contains(msg, "maximum size"):
		return fmt.Errorf("%w (%v)", store.ErrQuota, err)
	case strings.Contains(msg, "access is denied") || strings.Contains(msg, "insecure") || strings.Contains(msg, "security"):
		return fmt.Errorf("%w (%v)", store.ErrBlocked, err)
	}
	return fmt.Errorf("the browser's storage refused: %w", err)
}

// bytesToJS returns a new Uint8Array holding a copy of data.
func bytesToJS(data []byte) (safejs.Value, error) {
	u8c, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return safejs.Value{}, err
	}
	arr, err := u8c.New(len(data))
	if err != nil {
		return safejs.Value{}, err
	}
	if _, err := safejs.CopyBytesToJS(arr, data); err != nil {
		return safejs.Value{}, err
	}
	return arr, nil
}

// Download offers data to the user as a file.
func Download(doc safejs.Value, name, typ string, data []byte) error {
	g := safejs.Global()
	arr, err := bytesToJS(data)
	if err != nil {
		return err
	}
	parts, err := safejs.ValueOf([]any{safejs.Unsafe(arr)})
	if err != nil {
		return err
	}
	blobC, err := g.Get("Blob")
	if err != nil {
		return err
	}
	opts, err := safejs.ValueOf(map[string]any{"type": typ})
	if err != nil {
		return err
	}
	blob, err := blobC.New(parts, opts)
	if err != nil {
		return err
	}
	urlC, err := g.Get("URL")
	if err != nil {
		return err
	}
	u, err := urlC.Call("createObjectURL", blob)
	if err != nil {
		return err
	}
	a, err := doc.Call("createElement", "a")
	if err != nil {
		return err
	}
	if err := a.Set("href", u); err != nil {
		return err
	}
	if err := a.Set("download", name); err != nil {
		return err
	}
	body, err := doc.Get("body")
	if err != nil {
		return err
	}
	if _, err := body.Call("appendChild", a); err != nil {
		return err
	}
	if _, err := a.Call("click"); err != nil {
		return err
	}
	_, _ = a.Call("remove")
	time.AfterFunc(time.Minute, func() { _, _ = urlC.Call("revokeObjectURL", u) })
	return nil
}

// Copy puts text on the clipboard. It blocks until the browser answers, so
// call it from a goroutine.
func Copy(text string) error {
	nav, err := safejs.Global().Get("navigator")
	if err != nil {
		return err
	}
	cb, err := nav.Get("clipboard")
	if err != nil || cb.IsUndefined() || cb.IsNull() {
		return errors.New("it has no clipboard access here")
	}
	p, err := cb.Call("writeText", text)
	if err != nil {
		return err
	}
	if _, err := Await(p); err != nil {
		return fmt.Errorf("%v", err)
	}
	return nil
}

// PostToParent sends the JSON text data, parsed, to the embedding page, only
// if that page's origin is origin.
func PostToParent(origin, data string) error {
	if origin == "" || origin == "*" {
		return errors.New("no embedding page origin was given")
	}
	g := safejs.Global()
	parent, err := g.Get("parent")
	if err != nil {
		return err
	}
	self, err := g.Get("self")
	if err != nil {
		return err
	}
	if parent.Equal(self) {
		return errors.New("the page is not embedded")
	}
	jsonV, err := g.Get("JSON")
	if err != nil {
		return err
	}
	msg, err := jsonV.Call("parse", data)
	if err != nil {
		return err
	}
	_, err = parent.Call("postMessage", msg, origin)
	return err
}

// SetRootProperty sets a custom property of the document's root element,
// such as --pk-footer, to value, which must be a CSS value already quoted
// where it is a string. It is set through the CSS object model, which the
// page's security policy allows, never as a style attribute.
func SetRootProperty(doc safejs.Value, name, value string) error {
	root, err := doc.Get("documentElement")
	if err != nil {
		return err
	}
	st, err := root.Get("style")
	if err != nil {
		return err
	}
	_, err = st.Call("setProperty", name, value)
	return err
}

// Print opens the print dialog.
func Print() error {
	_, err := safejs.Global().Call("print")
	return err
}

// AfterFrame calls f, on a goroutine of its own, once the browser has drawn
// its next frame: in the task after the frame, so that the frame shows
// first. A hidden page draws no frames (nor does node): there f is called in
// the next task.
func AfterFrame(f func()) error {
	win := safejs.Global()
	var task, frame safejs.Func
	task, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		task.Release()
		go f()
		return nil
	})
	if err != nil {
		return err
	}
	hidden := true
	if raf, err := win.Get("requestAnimationFrame"); err == nil && raf.Type() == safejs.TypeFunction {
		hidden = false
		if doc, err := win.Get("document"); err == nil {
			if v, err := doc.Get("visibilityState"); err == nil {
				s, _ := v.String()
				hidden = s == "hidden"
			}
		}
	}
	if hidden {
		_, err = win.Call("setTimeout", task.Value(), 0)
		return err
	}
	frame, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		frame.Release()
		_, _ = win.Call("setTimeout", task.Value(), 0)
		return nil
	})
	if err != nil {
		task.Release()
		return err
	}
	_, err = win.Call("requestAnimationFrame", frame.Value())
	return err
}

// Focus moves keyboard focus to the element with the id, if there is one,
// and brings it into sight when it is not. The browser itself would scroll
// a focused element out of sight to the middle of the window, and the
// middle of a view taller than the window is far down its content: opening
// the example landed halfway down its review. So the element is focused
// without scrolling, and then scrolled to only when its top is out of
// sight: a view taller than the window to the window's top, anything
// smaller to its middle.
func Focus(doc safejs.Value, id string) error {
	el, err := doc.Call("getElementById", id)
	if err != nil || el.IsNull() {
		return err
	}
	if _, err = el.Call("focus", map[string]any{"preventScroll": true}); err != nil {
		return err
	}
	top, height, window, err := place(el)
	if err != nil {
		return err
	}
	tall := height > window
	if top >= 0 && (top+height <= window || tall && top < window) {
		return nil // in sight, or its top is
	}
	block := "center"
	if tall {
		block = "start"
	}
	_, err = el.Call("scrollIntoView", map[string]any{"block": block})
	return err
}

// place returns where the element is in the window: its top and height,
// and the window's height, in CSS pixels.
func place(el safejs.Value) (top, height, window float64, err error) {
	r, err := el.Call("getBoundingClientRect")
	if err != nil {
		return 0, 0, 0, err
	}
	num := func(v safejs.Value, name string) float64 {
		if err != nil {
			return 0
		}
		var x safejs.Value
		if x, err = v.Get(name); err != nil {
			return 0
		}
		var f float64
		f, err = x.Float()
		return f
	}
	top, height = num(r, "top"), num(r, "height")
	window = num(safejs.Global(), "innerHeight")
	return top, height, window, err
}

// FocusFirst scrolls to and focuses the first element of the ids that is on
// the page, and reports which one it was ("" when none).
func FocusFirst(doc safejs.Value, ids []string) (string, error) {
	for _, id := range ids {
		el, err := doc.Call("getElementById", id)
		if err != nil {
			return "", err
		}
		if el.IsNull() {
			continue
		}
		if _, err := el.Call("scrollIntoView", map[string]any{"block": "center"}); err != nil {
			return "", err
		}
		_, err = el.Call("focus", map[string]any{"preventScroll": true})
		return id, err
	}
	return "", nil
}

// Select focuses the text field with the id and selects its text.
func Select(doc safejs.Value, id string) error {
	el, err := doc.Call("getElementById", id)
	if err != nil || el.IsNull() {
		return err
	}
	if _, err := el.Call("focus"); err != nil {
		return err
	}
	_, err = el.Call("select")
	return err
}

// Location returns the page's query string and fragment, without "?" and "#".
func Location() (query, fragment string, err error) {
	loc, err := safejs.Global().Get("location")
	if err != nil {
		return "", "", err
	}
	s, err := loc.Get("search")
	if err != nil {
		return "", "", err
	}
	h, err := loc.Get("hash")
	if err != nil {
		return "", "", err
	}
	qs, _ := s.String()
	hs, _ := h.String()
	return strings.TrimPrefix(qs, "?"), strings.TrimPrefix(hs, "#"), nil
}

// Mark records a performance mark, for measuring start-up.
func Mark(name string) {
	perf, err := safejs.Global().Get("performance")
	if err == nil && !perf.IsUndefined() {
		_, _ = perf.Call("mark", name)
	}
}

// Now returns performance.now(), in milliseconds.
func Now() float64 {
	perf, err := safejs.Global().Get("performance")
	if err != nil {
		return 0
	}
	v, err := perf.Call("now")
	if err != nil {
		return 0
	}
	f, _ := v.Float()
	return f
}

// Measure records a performance measure from start (a Now value) to now, so
// that the time an update takes can be read from the browser's timeline.
func Measure(name string, start float64) {
	perf, err := safejs.Global().Get("performance")
	if err != nil {
		return
	}
	opts, err := safejs.ValueOf(map[string]any{"start": start})
	if err != nil {
		return
	}
	_, _ = perf.Call("measure", name, opts)
}

// ClearMeasures forgets the performance measures called name.
func ClearMeasures(name string) {
	if perf, err := safejs.Global().Get("performance"); err == nil {
		_, _ = perf.Call("clearMeasures", name)
	}
}

// TimeZone returns the IANA name of the browser's time zone, such as
// "America/Chicago" (Intl.DateTimeFormat().resolvedOptions().timeZone), or
// "" when the browser does not say.
func TimeZone() string {
	intl, err := safejs.Global().Get("Intl")
	if err != nil {
		return ""
	}
	f, err := intl.Get("DateTimeFormat")
	if err != nil {
		return ""
	}
	dtf, err := f.Invoke()
	if err != nil {
		return ""
	}
	opts, err := dtf.Call("resolvedOptions")
	if err != nil {
		return ""
	}
	tz, err := opts.Get("timeZone")
	if err != nil {
		return ""
	}
	s, err := tz.String()
	if err != nil {
		return ""
	}
	return s
}

// Clock24 reports whether the browser's locale shows times on the 24-hour
// clock (15:30) rather than the 12-hour one (3:30 PM), as
// Intl.DateTimeFormat's hourCycle says.
func Clock24() bool {
	intl, err := safejs.Global().Get("Intl")
	if err != nil {
		return false
	}
	f, err := intl.Get("DateTimeFormat")
	if err != nil {
		return false
	}
	opts, err := safejs.ValueOf(map[string]any{"hour": "numeric"})
	if err != nil {
		return false
	}
	dtf, err := f.New(safejs.Undefined(), opts)
	if err != nil {
		return false
	}
	r, err := dtf.Call("resolvedOptions")
	if err != nil {
		return false
	}
	hc, err := r.Get("hourCycle")
	if err != nil {
		return false
	}
	s, err := hc.String()
	return err == nil && (s == "h23" || s == "h24")
}

// Yield waits until the browser has had a turn: a task of its own, in
// which it draws the page if a frame is due and handles what the user
// does. It blocks: call it from a goroutine.
func Yield() {
	done := make(chan struct{}, 1)
	f, err := safejs.FuncOf(func(_ safejs.Value, _ []safejs.Value) any {
		done <- struct{}{}
		return nil
	})
	if err != nil {
		return
	}
	defer f.Release()
	if _, err := safejs.Global().Call("setTimeout", f.Value(), 0); err != nil {
		return
	}
	<-done
}
