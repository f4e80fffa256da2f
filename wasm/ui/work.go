package ui

import (
	"time"
)

// Long work on a big file (a workspace file, a survey export of thousands
// of responses, an inventory, figures) runs in slices, between which the
// browser draws the page and handles what the user does: a progress line
// says what is being done, and Cancel leaves everything as it was. Each
// slice is a phase of the work (read the rows, check them, draw the
// preview) or a bounded part of one (add the next responses until a few
// tens of milliseconds have passed). A small file is done at once, in one
// event, as if there were no slices.

// sliceAbove is the size of a file from which its work runs in slices: below
// it, everything takes less than a frame or two.
const sliceAbove = 256 << 10

// sliceTime is how long a slice that can stop anywhere (adding responses one
// by one) runs before the browser gets its turn.
const sliceTime = 30 * time.Millisecond

// Yield asks the DOM layer to let the browser draw the page and handle what
// the user does, then send the event "task.step": the app's work goes on
// with its next slice.
type Yield struct{}

func (Yield) effect() {}

// task is long work running in slices.
type task struct {
	phases []phase
	// home is the element the focus goes to when the work is cancelled: the
	// file input it started from.
	home string
	// reading is the action whose files the browser is still reading; the
	// task has no phase then, and the event with the files replaces it.
	reading string
	// aside is set when the user did something else while it ran: the result
	// then takes no focus, which stays where the user is.
	aside bool
	// then is what to do when the last phase is done.
	then []Effect
	// stopped ends the task after the phase running now.
	stopped bool
}

// phase is one part of a task.
type phase struct {
	// line says what the work is doing, for the progress line.
	line func() string
	// run does the phase, or the next part of it, and reports whether the
	// phase is done. A phase that finds the work cannot go on says why (a
	// notice) and calls stop.
	run func(t *task) bool
}

// stop ends the task after the phase running now, with then in place of
// what it would have ended with.
func (t *task) stop(then ...Effect) {
	t.stopped, t.then = true, then
}

// steady returns a line that does not change while its phase runs.
func steady(s string) func() string { return func() string { return s } }

// runTask starts t in place of any task running (which is cancelled). For
// work on size bytes below sliceAbove it does all of it at once and returns
// what it ends with; otherwise it returns Yield, and each "task.step" does a
// slice.
func (a *App) runTask(t *task, size int) []Effect {
	if old := a.task; old != nil && old.reading == "" {
		a.cancelTask(false)
		a.notify(Notice{Kind: "ok", Text: "The work under way was stopped before it changed anything, for what you asked next."})
	}
	a.task = t
	if size < sliceAbove {
		var eff []Effect
		for a.task == t {
			for _, e := range a.stepTask() {
				if _, ok := e.(Yield); !ok {
					eff = append(eff, e)
				}
			}
		}
		return eff
	}
	return []Effect{Yield{}}
}

// stepTask does the next slice of the task.
func (a *App) stepTask() []Effect {
	t := a.task
	if t == nil || t.reading != "" {
		return nil
	}
	if p := t.phases[0]; p.run == nil || p.run(t) {
		t.phases = t.phases[1:]
	}
	if t.stopped {
		t.phases = nil
	}
	if a.task != t { // the phase started other work
		return []Effect{Yield{}}
	}
	if len(t.phases) > 0 {
		return []Effect{Yield{}}
	}
	a.task = nil
	if !t.aside {
		return t.then
	}
	var eff []Effect
	for _, e := range t.then {
		switch e.(type) {
		case Focus, FocusFirst:
		default:
			eff = append(eff, e)
		}
	}
	return eff
}

// cancelTask stops the task running, if any: it has changed nothing yet, so
// nothing needs to be put back. A file still being read is left unread.
func (a *App) cancelTask(say bool) []Effect {
	t := a.task
	if t == nil {
		return nil
	}
	a.task = nil
	if t.reading != "" {
		a.unread = t.reading
	}
	if !say {
		return nil
	}
	a.notify(Notice{Kind: "ok", Text: "Stopped. Nothing was changed."})
	if t.home == "" || t.aside {
		return nil
	}
	return []Effect{Focus{ID: t.home}}
}

// handleTask handles the events of long work: the next slice, Cancel, and
// the browser's progress in reading a file.
func (a *App) handleTask(ev Event) ([]Effect, bool) {
	switch ev.Action {
	case "task.step":
		return a.stepTask(), true
	case "task.cancel":
		return a.cancelTask(true), true
	case "file.reading":
		// The browser reads a big file in parts, and says how far it is
		// (ev.Value, in percent) for the action that gets the files (ev.Arg).
		if a.task == nil || a.task.reading == ev.Arg {
			if a.task == nil {
				a.task = &task{reading: ev.Arg, home: homeOf[ev.Arg]}
			}
			a.task.phases = []phase{{line: steady("Reading your file… " + ev.Value + "%")}}
		}
		return nil, true
	}
	if a.task != nil && !background[ev.Action] {
		a.task.aside = true
	}
	if len(ev.Files) > 0 && ev.Action == a.unread {
		a.unread = "" // cancelled while the browser read it
		return nil, true
	}
	if len(ev.Files) > 0 && a.task != nil && a.task.reading == ev.Action {
		a.task = nil // read: the work on the files replaces the line
	}
	return nil, false
}

// homeOf is the file input each action with files comes from.
var homeOf = map[string]string{
	"fac.csv": "pk-csv", "data.import": "pk-import", "part.inv.file": "pk-inv-file", "progress.fig.file": "pk-fig-file",
}

// background are the actions the page sends by itself, not the user: they
// do not take the focus from the result of long work.
var background = map[string]bool{
	"tick": true, "storage.changed": true, PrintSettle: true, "data.file.written": true, "data.file.failed": true,
}

// pauses returns a progress function for a decoder that cannot stop
// between slices (partnerkit.DecodeProgress): it tells progress how far
// the decoder is and, every sliceTime, lets the page draw the progress line
// and the browser have a turn (Config.Pause), in the middle of the slice.
func (a *App) pauses(progress func(done, total int64)) func(done, total int64) {
	last := time.Now()
	return func(done, total int64) {
		progress(done, total)
		if a.cfg.Pause != nil && time.Since(last) >= sliceTime {
			a.cfg.Pause()
			last = time.Now()
		}
	}
}

// viewTask is the progress line of long work, with its Cancel, or nil.
func (a *App) viewTask() *Node {
	t := a.task
	if t == nil || len(t.phases) == 0 || t.phases[0].line == nil {
		return nil
	}
	return El("div", ID("pk-task"), Class("pk-task pk-noprint"),
		El("p", A("role", "status"), ID("pk-task-line"), t.phases[0].line()),
		El("button", A("type", "button"), ID("pk-task-cancel"), Class("pk-secondary"), On("click", "task.cancel"), "Cancel"))
}
