//go:build js && wasm

// Command app is partnerkit's page, compiled to WebAssembly by wasm/build.
// It wires the pure-Go app of wasm/ui to the document through wasm/dom: one
// goroutine owns the app and applies events queued by the DOM's callbacks.
package main

import (
	"strconv"
	"strings"
	"time"

	"github.com/hack-pad/safejs"
	"github.com/partnerkit/partnerkit/wasm/dom"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

func main() {
	dom.Mark("pk-go-start")
	if err := run(); err != nil {
		fatal(err)
	}
	select {}
}

// fatal shows an error in place of the page.
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
	_ = p.Set("textContent", "partnerkit could not start: "+err.Error())
	_, _ = root.Call("replaceChildren", p)
}

// saveDelay is how long the page waits after a change before saving, so that
// typing saves once per pause rather than once per key.
const saveDelay = 400 * time.Millisecond

// item is one thing for the app's goroutine to do.
type item struct {
	ev    ui.Event
	save  bool          // the save timer fired
	flush chan struct{} // save now (the page is being hidden), then close
	later string        // the time asked for by ui.Later came for this action
}

type host struct {
	doc      safejs.Value
	r        *dom.Renderer
	app      *ui.App
	store    *dom.Storage
	focus    string                 // element to focus after the next render
	focusIn  []string               // else the first of these on the page, after the next render
	print    bool                   // open the print dialog after the next render
	stopTick chan struct{}          // closed to stop the clock that sends "tick" while the app is Ticking
	later    map[string]*time.Timer // the events the app asked for Later, by action
	noStore  bool                   // the browser gives no storage, or saving over the data would lose it
	dirty    bool
	queue    chan item
	timer    *time.Timer
	updates  int    // events handled
	origin   string // the embedding page's origin, told the page's height
	height   int    // the height last told
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
	h := &host{doc: doc, r: dom.NewRenderer(doc, root), queue: make(chan item, 256)}
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
	if _, err := dom.Listen(doc, func(ev ui.Event) { h.queue <- item{ev: ev} }); err != nil {
		return err
	}
	if err := h.onHide(); err != nil {
		return err
	}
	// Drawn and listening: the page is interactive.
	dom.Mark("pk-interactive")
	if cfg.Embed {
		h.origin = cfg.ParentOrigin
		h.tellHeight()
	}
	if b, err := doc.Get("documentElement"); err == nil {
		_, _ = b.Call("setAttribute", "data-pk-ready", "true")
	}
	go h.loop()
	return nil
}

// restore reads the saved workspace, keeping unreadable data aside.
func (h *host) restore(cfg ui.Config) *ui.App {
	if cfg.Embed {
		h.noStore = true
		return ui.New(cfg, nil, nil)
	}
	store, err := dom.LocalStorage()
	if err != nil {
		h.noStore = true
		a := ui.New(cfg, nil, nil)
		a.SetStatus(ui.SaveStatus{Text: "Not saved: " + err.Error() + ". Download your data before closing the page.", Problem: true})
		return a
	}
	h.store = &store
	saved, found, err := store.Get(ui.StorageKey)
	if err != nil {
		h.noStore = true
		a := ui.New(cfg, nil, nil)
		a.SetStatus(ui.SaveStatus{Text: "Not saved: " + err.Error() + ". Download your data before closing the page.", Problem: true})
		return a
	}
	ws, notice, aside := ui.Restore(saved, found)
	if aside {
		key := ui.BackupKeyPrefix + time.Now().UTC().Format("2006-01-02T15-04-05Z")
		if err := store.Set(key, saved); err != nil {
			// Saving now would overwrite the only copy: do not save at all.
			h.noStore = true
			notice.Details = append(notice.Details, "The saved data could not be kept aside ("+err.Error()+"), so partnerkit will not save anything in this session, to leave it as it is.")
		}
	}
	a := ui.New(cfg, ws, notice)
	h.app = a
	if d, found, err := store.Get(ui.DraftKey); err == nil && found {
		if n := a.RestoreDraft(d); n != nil {
			key := ui.BackupKeyPrefix + time.Now().UTC().Format("2006-01-02T15-04-05Z") + "-ratings"
			if err := store.Set(key, d); err != nil {
				h.noStore = true
				n.Details = append(n.Details, "They could not be kept aside ("+err.Error()+"), so partnerkit will not save anything in this session, to leave them as they are.")
			}
			a.Notify(*n)
		}
	}
	h.refreshBackups()
	return a
}

func (h *host) refreshBackups() {
	if h.store == nil {
		return
	}
	keys, _ := h.store.Keys(ui.BackupKeyPrefix)
	h.app.SetBackups(keys)
}

// onHide saves at once when the page is hidden or closed, so that a change
// made just before closing the tab is not lost.
func (h *host) onHide() error {
	f, err := safejs.FuncOf(func(_ safejs.Value, _ []safejs.Value) any {
		if !h.dirty {
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

// loop is the only goroutine that touches the app.
func (h *host) loop() {
	for it := range h.queue {
		start := dom.Now()
		switch {
		case it.flush != nil:
			h.save()
			close(it.flush)
			continue
		case it.save:
			h.save()
		case it.later != "":
			delete(h.later, it.later)
			h.apply(h.app.Handle(ui.Event{Action: it.later}))
		default:
			h.apply(h.app.Handle(it.ev))
		}
		if err := h.r.Render(h.app.Render()); err != nil {
			println("partnerkit: render:", err.Error())
		}
		if h.focus != "" {
			_ = dom.Focus(h.doc, h.focus)
			h.focus = ""
		}
		if h.print {
			h.print = false
			if err := dom.Print(); err != nil {
				h.app.Notify(ui.Notice{Kind: "problem", Text: "The browser did not open its print dialog (" + err.Error() + "). Use its Print menu instead."})
			}
		}
		if len(h.focusIn) > 0 {
			_, _ = dom.FocusFirst(h.doc, h.focusIn)
			h.focusIn = nil
		}
		h.tick()
		h.tellHeight()
		// "pk-update" measures one event: the app's update, the render and the patch.
		dom.Measure("pk-update", start)
		if h.updates++; h.updates%1000 == 0 {
			dom.ClearMeasures("pk-update")
		}
	}
}

func (h *host) save() {
	if !h.dirty || h.noStore {
		return
	}
	data, err := ui.Marshal(h.app.Workspace())
	if err == nil {
		err = h.store.Set(ui.StorageKey, string(data))
	}
	if err == nil {
		if d := h.app.Draft(); d != "" {
			err = h.store.Set(ui.DraftKey, d)
		} else {
			err = h.store.Remove(ui.DraftKey)
		}
	}
	if err != nil {
		h.app.SetStatus(ui.SaveStatus{Text: "Not saved: " + err.Error() + ". Download your data so that it is not lost.", Problem: true})
		return
	}
	h.dirty = false
	h.app.SetStatus(ui.SaveStatus{Text: "Saved on this device.", At: "(" + time.Now().Format("15:04:05") + ")"})
}

func (h *host) apply(effects []ui.Effect) {
	for _, e := range effects {
		var err error
		switch e := e.(type) {
		case ui.Persist:
			h.dirty = true
			if h.noStore {
				continue
			}
			if h.timer == nil {
				h.timer = time.AfterFunc(saveDelay, func() { h.queue <- item{save: true} })
			} else {
				h.timer.Reset(saveDelay)
			}
		case ui.Download:
			err = dom.Download(h.doc, e.Name, e.Type, e.Data)
		case ui.DownloadStored:
			var s string
			ok := false
			if h.store != nil {
				s, ok, err = h.store.Get(e.Key)
			}
			if err == nil && ok {
				err = dom.Download(h.doc, e.Name, "application/json", []byte(s))
			}
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
		case ui.Focus:
			h.focus = e.ID
		case ui.FocusFirst:
			h.focusIn = e.IDs
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
		case ui.KeepAside:
			if !h.noStore {
				key := ui.BackupKeyPrefix + time.Now().UTC().Format("2006-01-02T15-04-05Z") + "-" + strings.ReplaceAll(e.Why, " ", "-")
				err = h.store.Set(key, e.Data)
				h.refreshBackups()
			}
		case ui.Erase:
			if h.timer != nil {
				h.timer.Stop()
			}
			h.dirty = false
			if h.store != nil {
				keys, _ := h.store.Keys("partnerkit.")
				for _, k := range keys {
					if rerr := h.store.Remove(k); rerr != nil {
						err = rerr
					}
				}
				h.refreshBackups()
			}
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
