//go:build js && wasm

// Command app is partnerkit's page, compiled to WebAssembly by wasm/build.
// It wires the pure-Go app of wasm/ui to the document through wasm/dom: one
// goroutine owns the app and applies events queued by the DOM's callbacks.
package main

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/partnerkit/partnerkit/wasm/dom"
	"github.com/partnerkit/partnerkit/wasm/store"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

func main() {
	dom.Mark("pk-go-start")
	if err := run(); err != nil {
		fatal(err)
	}
	select {}
}

// fatal says in place of the page that it could not start, in plain words.
func fatal(err error) {
	println("partnerkit:", err.Error())
	doc, e := safejs.Global().Get("document")
	if e != nil {
		return
	}
	root, e := doc.Call("getElementById", "app")
	if e != nil || root.IsNull() {
		return
	}
	p, e := doc.Call("createElement", "p")
	if e != nil {
		return
	}
	_, _ = p.Call("setAttribute", "role", "alert")
	// The error's own words are for the console (above); the person is told
	// what to do.
	_ = p.Set("textContent", "partnerkit could not start in this browser. Reload the page; if it happens again, open this file in a current version of Chrome, Edge, Firefox or Safari. Your work saved on this device is kept.")
	_, _ = root.Call("replaceChildren", p)
}

// saveDelay is how long the page waits after a change before saving, so that
// typing saves once per pause rather than once per key.
const saveDelay = 400 * time.Millisecond

// item is one thing for the app's goroutine to do.
type item struct {
	ev    ui.Event
	save  bool            // the save timer fired
	flush chan struct{}   // save now (the page is being hidden), then close
	later string          // the time asked for by ui.Later came for this action
	file  *dom.FileHandle // the file a copy was saved to, with "data.file.saved"
	// drawn, when set, is closed once ev is handled and the page drawn.
	drawn chan struct{}
	// preview is set on the example's opening when the page showed its first
	// frame already: the focus stays where the person put it (the boot
	// script puts it back on the same element), not where the app would.
	preview bool
}

type host struct {
	doc      safejs.Value
	r        *dom.Renderer
	app      *ui.App
	focus    string                 // element to focus after the next render
	focusIn  []string               // else the first of these on the page, after the next render
	print    bool                   // open the print dialog after the next render
	stopTick chan struct{}          // closed to stop the clock that sends "tick" while the app is Ticking
	later    map[string]*time.Timer // the events the app asked for Later, by action
	queue    chan item
	timer    *time.Timer
	updates  int             // events handled
	origin   string          // the embedding page's origin, told the page's height
	height   int             // the height last told
	file     *dom.FileHandle // the file the user chose to save to, if any
	footer   string          // the printed pages' footer last set
	yield    bool            // the app's work goes on after the browser's turn (ui.Yield)
	unsaved  atomic.Bool     // the app holds changes it cannot save yet (ui.App.Unsaved)
	// pausing is set while the loop waits for the browser in the middle of
	// an event (ui.Config.Pause): a callback must not wait for the loop then.
	pausing  atomic.Bool
	stepping bool // a "task.step" is on its way
	// printing is set while the page's own print dialog opens: what prints
	// was drawn just before.
	printing atomic.Bool
}

func run() error {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return err
	}
	root, err := doc.Call("getElementById", "app")
	if err != nil {
		return err
	}
	query, fragment, _ := dom.Location()
	built := ""
	if el, err := doc.Call("getElementById", "pk-rubric"); err == nil && !el.IsNull() {
		if t, err := el.Get("textContent"); err == nil {
			built, _ = t.String()
		}
	}
	cfg := ui.ParseLocation(query, fragment, built)
	cfg.Now = time.Now // the page's clock: the review judges overdue items against today
	cfg.TimeZone = dom.TimeZone()
	cfg.Clock24 = dom.Clock24()
	cfg.FileSave = dom.CanSaveFile()
	h := &host{doc: doc, r: dom.NewRenderer(doc, root), queue: make(chan item, 256)}
	cfg.Pause = func() { // on the loop's goroutine, inside an event
		if err := h.r.Render(h.app.Render()); err == nil {
			h.pausing.Store(true)
			dom.Yield()
			h.pausing.Store(false)
		}
	}
	h.app = h.restore(cfg)
	if cfg.Embed {
		if b, err := doc.Get("body"); err == nil {
			if cl, err := b.Get("classList"); err == nil {
				_, _ = cl.Call("add", "pk-embedded")
			}
		}
	}
	if err := h.r.Render(h.app.Render()); err != nil {
		return err
	}
	h.setFooter()
	if _, err := dom.Listen(doc, func(ev ui.Event) { h.queue <- item{ev: ev} }); err != nil {
		return err
	}
	if err := h.onHide(); err != nil {
		return err
	}
	if err := h.onBeforePrint(); err != nil {
		return err
	}
	if err := h.onLeave(); err != nil {
		return err
	}
	if !cfg.Embed {
		if err := h.onOthers(); err != nil {
			return err
		}
	}
	// Drawn and listening: the page is interactive.
	dom.Mark("pk-interactive")
	if cfg.Embed {
		h.origin = cfg.ParentOrigin
		h.tellHeight()
	}
	if b, err := doc.Get("documentElement"); err == nil {
		// "Open the example district" was clicked before the app ran: the
		// page shows the example's first frame (wasm/build), which the app
		// now opens and draws over it, before the browser paints again.
		if p, err := b.Call("getAttribute", "data-pk-preview"); err == nil && !p.IsNull() {
			if v, _ := p.String(); v == "example" {
				h.queue <- item{ev: ui.Event{Action: ui.StartExample}, preview: true}
			}
		}
		_, _ = b.Call("setAttribute", "data-pk-ready", "true")
	}
	go h.loop()
	return nil
}

// restore opens the app on what the browser keeps on this device.
func (h *host) restore(cfg ui.Config) *ui.App {
	if !cfg.Embed {
		if ls, err := dom.LocalStorage(); err != nil {
			cfg.StorageProblem = err
		} else {
			cfg.Storage = ls
		}
	}
	return ui.Open(cfg)
}

// onHide saves at once when the page is hidden or closed, so that a change
// made just before closing the tab is not lost.
func (h *host) onHide() error {
	f, err := safejs.FuncOf(func(_ safejs.Value, _ []safejs.Value) any {
		if !h.app.Dirty() {
			return nil
		}
		if h.pausing.Load() {
			// The loop waits for this very callback to end: save from here,
			// while the app is still (what it is reading changes nothing).
			h.app.Flush()
			return nil
		}
		done := make(chan struct{})
		h.queue <- item{flush: done}
		<-done
		return nil
	})
	if err != nil {
		return err
	}
	win := safejs.Global()
	if _, err := win.Call("addEventListener", "pagehide", f.Value()); err != nil {
		return err
	}
	_, err = h.doc.Call("addEventListener", "visibilitychange", f.Value())
	return err
}

// onLeave asks the browser to confirm leaving the page while the app holds
// changes it cannot save yet (the data was locked in another tab): the
// browser shows its own question, and the user can stay and unlock.
func (h *host) onLeave() error {
	f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 || !h.unsaved.Load() {
			return nil
		}
		_, _ = args[0].Call("preventDefault")
		_ = args[0].Set("returnValue", "unsaved") // browsers before preventDefault was enough
		return nil
	})
	if err != nil {
		return err
	}
	_, err = safejs.Global().Call("addEventListener", "beforeunload", f.Value())
	return err
}

// onOthers tells the app when another tab of the browser may have saved
// the workspace: on the storage event for its revision, for the lock (set
// or removed), or for everything deleted, and when the page gets the focus back, in case an event was
// missed while it slept.
func (h *host) onOthers() error {
	check := func() {
		go func() { h.queue <- item{ev: ui.Event{Action: "storage.changed"}} }() // never block a callback
	}
	storage, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		k, err := args[0].Get("key")
		if err != nil {
			return nil
		}
		if key, _ := k.String(); k.IsNull() || strings.HasPrefix(key, store.RevisionPrefix) || key == store.LockKey {
			check()
		}
		return nil
	})
	if err != nil {
		return err
	}
	focus, err := safejs.FuncOf(func(_ safejs.Value, _ []safejs.Value) any {
		check()
		return nil
	})
	if err != nil {
		return err
	}
	win := safejs.Global()
	if _, err := win.Call("addEventListener", "storage", storage.Value()); err != nil {
		return err
	}
	_, err = win.Call("addEventListener", "focus", focus.Value())
	return err
}

// onBeforePrint brings what prints up to date when the browser is about to
// print from its own menu or a shortcut: while typing, the printed document
// follows the workspace only after a pause (ui.PrintSettle).
func (h *host) onBeforePrint() error {
	f, err := safejs.FuncOf(func(_ safejs.Value, _ []safejs.Value) any {
		if h.printing.Load() || h.pausing.Load() {
			return nil
		}
		done := make(chan struct{})
		h.queue <- item{ev: ui.Event{Action: ui.PrintSettle}, drawn: done}
		<-done
		return nil
	})
	if err != nil {
		return err
	}
	_, err = safejs.Global().Call("addEventListener", "beforeprint", f.Value())
	return err
}

// loop is the only goroutine that touches the app.
func (h *host) loop() {
	for it := range h.queue {
		start := dom.Now()
		switch {
		case it.flush != nil:
			h.app.Flush()
			close(it.flush)
			continue
		case it.save:
			h.save()
			// A pause in typing: what prints catches up with what is saved.
			h.apply(h.app.Handle(ui.Event{Action: ui.PrintSettle}))
		case it.later != "":
			delete(h.later, it.later)
			h.apply(h.app.Handle(ui.Event{Action: it.later}))
		default:
			if it.file != nil {
				h.file = it.file
			}
			if it.ev.Action == "task.step" {
				h.stepping = false
			}
			h.apply(h.app.Handle(it.ev))
			if it.preview {
				h.focus, h.focusIn = "", nil
			}
		}
		// The first event's phases are marked for the start-up's
		// measurement: on a new device, the click that opens the example.
		first := h.updates == 0
		if first {
			dom.Mark("pk-first-handled")
		}
		if err := h.r.Render(h.app.Render()); err != nil {
			println("partnerkit: render:", err.Error())
		}
		if first {
			dom.Mark("pk-first-patched")
		}
		h.setFooter()
		if it.drawn != nil {
			close(it.drawn)
		}
		if h.focus != "" {
			_ = dom.Focus(h.doc, h.focus)
			h.focus = ""
		}
		if h.print {
			h.print = false
			h.printing.Store(true)
			err := dom.Print()
			h.printing.Store(false)
			if err != nil {
				h.app.Notify(ui.Notice{Kind: "problem", Text: "The browser did not open its print dialog (" + err.Error() + "). Use its Print menu instead."})
			}
		}
		if len(h.focusIn) > 0 {
			_, _ = dom.FocusFirst(h.doc, h.focusIn)
			h.focusIn = nil
		}
		if first {
			dom.Mark("pk-first-focused") // focusing may lay the page out
		}
		h.tick()
		h.tellHeight()
		if h.yield {
			h.yield = false
			h.nextStep()
		}
		h.unsaved.Store(h.app.Unsaved())
		// "pk-update" measures one event: the app's update, the render and the patch.
		dom.Measure("pk-update", start)
		if h.updates++; h.updates%1000 == 0 {
			dom.ClearMeasures("pk-update")
		}
	}
}

// nextStep sends "task.step" once the browser had a turn of its own, to
// draw the page and handle the user's input.
func (h *host) nextStep() {
	if h.stepping {
		return
	}
	h.stepping = true
	go func() {
		dom.Yield()
		h.queue <- item{ev: ui.Event{Action: "task.step"}}
	}()
}

// save saves on the device and, when the user chose a file to save to, to
// that file too: later saves go to the same file.
func (h *host) save() {
	dirty := h.app.Dirty()
	if !h.app.Save() || !dirty || h.file == nil {
		return
	}
	if data, err := h.app.FileCopy(); err == nil {
		go func(f dom.FileHandle) {
			if err := f.Write(data); err != nil {
				h.queue <- item{ev: ui.Event{Action: "data.file.failed", Value: err.Error()}}
				return
			}
			h.queue <- item{ev: ui.Event{Action: "data.file.written"}}
		}(*h.file)
	}
}

// saveFile writes a copy to the file the user chose, asking for one first
// when there is none yet or the app asks to. It runs on a goroutine of its
// own, and reports to the app's.
func (h *host) saveFile(e ui.SaveFile, f *dom.FileHandle) {
	if f == nil || e.Ask {
		chosen, err := dom.ChooseFile(e.Name)
		if err != nil {
			h.queue <- item{ev: ui.Event{Action: "data.file.failed", Value: err.Error()}}
			return
		}
		f = &chosen
	}
	if err := f.Write(e.Data); err != nil {
		h.queue <- item{ev: ui.Event{Action: "data.file.failed", Value: err.Error()}}
		return
	}
	h.queue <- item{ev: ui.Event{Action: "data.file.saved", Value: f.Name()}, file: f}
}

// setFooter gives the printed pages the footer of what the page prints now.
func (h *host) setFooter() {
	if f := h.app.PrintFooter(); f != h.footer {
		if err := dom.SetRootProperty(h.doc, "--pk-footer", f); err == nil {
			h.footer = f
		}
	}
}

func (h *host) apply(effects []ui.Effect) {
	for _, e := range effects {
		var err error
		switch e := e.(type) {
		case ui.Persist:
			if h.timer == nil {
				h.timer = time.AfterFunc(saveDelay, func() { h.queue <- item{save: true} })
			} else {
				h.timer.Reset(saveDelay)
			}
		case ui.DeriveKey:
			go func(e ui.DeriveKey) { // Web Crypto answers later: never block the loop
				f := ui.File{Name: "key"}
				key, err := dom.DeriveKey(e.Passphrase, e.Salt, e.Iterations)
				if err != nil {
					f.Err = err.Error()
				}
				f.Data = key
				h.queue <- item{ev: ui.Event{Action: e.Action, Files: []ui.File{f}}}
			}(e)
		case ui.Download:
			err = dom.Download(h.doc, e.Name, e.Type, e.Data)
		case ui.SaveFile:
			go h.saveFile(e, h.file)
		case ui.Copy:
			go func(e ui.Copy) {
				if err := dom.Copy(e.Text); err != nil {
					h.queue <- item{ev: ui.Event{Action: "copy.failed", Arg: e.Field, Value: err.Error()}}
				} else {
					h.queue <- item{ev: ui.Event{Action: "notice.ok", Value: "Copied."}}
				}
			}(e)
		case ui.Select:
			err = dom.Select(h.doc, e.ID)
		case ui.Post:
			err = dom.PostToParent(e.Origin, e.Data)
		case ui.Print:
			h.print = true // after the render, so that what is to print is on the page
		case ui.Yield:
			h.yield = true // after the render, so that the browser draws how far the work is
		case ui.Focus:
			h.focus = e.ID
		case ui.FocusFirst:
			h.focusIn = e.IDs
		case ui.AfterFrame:
			action := e.Action
			err = dom.AfterFrame(func() { h.queue <- item{later: action} })
		case ui.Later:
			if t, ok := h.later[e.Action]; ok {
				t.Reset(e.After)
				continue
			}
			if h.later == nil {
				h.later = map[string]*time.Timer{}
			}
			action := e.Action
			h.later[action] = time.AfterFunc(e.After, func() { h.queue <- item{later: action} })
		}
		if err != nil {
			h.app.Notify(ui.Notice{Kind: "problem", Text: err.Error()})
		}
	}
}

// tick starts or stops the clock that sends "tick" every second, as the app
// asks: a live meeting's countdown moves with it.
func (h *host) tick() {
	switch on := h.app.Ticking(); {
	case on && h.stopTick == nil:
		stop := make(chan struct{})
		h.stopTick = stop
		go func() {
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					select {
					case h.queue <- item{ev: ui.Event{Action: "tick"}}:
					case <-stop:
						return
					}
				}
			}
		}()
	case !on && h.stopTick != nil:
		close(h.stopTick)
		h.stopTick = nil
	}
}

// tellHeight tells the embedding page the height of the content when it
// changed, so that it can size the frame to fit (see examples/embed).
func (h *host) tellHeight() {
	if h.origin == "" {
		return
	}
	// The content's own height: the document's would never be less than the
	// frame, so the frame could grow but never shrink.
	el, err := h.doc.Call("getElementById", "app")
	if err != nil || el.IsNull() {
		return
	}
	v, err := el.Get("offsetHeight")
	if err != nil {
		return
	}
	n, err := v.Int()
	if err != nil || n == h.height {
		return
	}
	h.height = n
	_ = dom.PostToParent(h.origin, `{"type":"partnerkit.height","height":`+strconv.Itoa(n)+`}`)
}
