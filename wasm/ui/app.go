package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// Config is how the page was opened.
type Config struct {
	// Embed shows only the rater view, sized for an iframe, and stores nothing.
	Embed bool
	// ParentOrigin is the embedding page's origin; a submitted response is
	// posted to it, and only to it. Empty means post nothing.
	ParentOrigin string
	// Rubric is a rubric code (from the build or the URL); empty means the
	// rubric of the chosen round, or the ODST rubric.
	Rubric string
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// TimeZone is the IANA name of the browser's time zone, such as
	// America/Chicago. A workspace without a time zone gets it when the page
	// opens it; empty, or a zone partnerkit does not know, leaves it without.
	TimeZone string
	// Storage is where the page keeps the workspace, its backups and the
	// rater's draft (the browser's localStorage); nil means it keeps
	// nothing, and StorageProblem says why. An embedded page keeps nothing.
	Storage store.Storage
	// StorageProblem is why there is no Storage, as the browser said.
	StorageProblem error
	// Clock24 shows times on the 24-hour clock (15:30), as the browser's
	// locale does; false shows them as people in the United States write
	// them (3:30 PM).
	Clock24 bool
	// Pause, if set, draws the page as it is and lets the browser have a
	// turn (draw, take the user's input), in the middle of work that cannot
	// stop between slices: reading a big workspace file. The events the
	// user sends meanwhile are handled once the work is done.
	Pause func()
	// FileSave is true when the browser can write to a file the user chooses
	// (the File System Access API): Your data then offers "Save to file…".
	FileSave bool
}

// App is the page's state and the reducer that changes it. It holds no
// JavaScript: the DOM layer feeds it Events, renders View, and carries out the
// Effects Handle returns.
type App struct {
	cfg Config
	ws  *partnerkit.Workspace

	view    View
	notices []Notice
	// noticeSeq is the seq of the last notice.
	noticeSeq int
	save      saving  // keeping the workspace on the device (see save.go)
	lock      locking // the device's data locked with a passphrase (see lock.go)
	confirm   bool    // asking to confirm "delete all data"

	merging  *mergeState     // a colleague's file waiting for the user's decision
	renaming bool            // the open workspace's name is being edited on Start
	deleting string          // the workspace whose deletion is being confirmed
	fileName string          // the file the workspace is saved to, when one was chosen
	fileRev  string          // the revision last written to that file
	sent     map[string]bool // the revisions downloaded: kept as bases of merges

	rate   rater
	fac    facilitator
	part   partEditor        // the partnership editor's state
	con    contractEditor    // the contract form's state
	meet   meetingEditor     // the meetings' state
	prog   progressEditor    // the view over time's state
	custom *readiness.Rubric // the page's own rubric (built in or from the URL)

	showMap bool // draw the map of a large partnership (see bigMap)

	model *model          // the fields the editors declare
	other map[string]bool // choices switched to typing a value that is none of the options, by path

	printing printer // what the page prints (see print.go)
	// firstFrame is set while the frame that shows a workspace just opened
	// is drawn: it draws the workspace and leaves what the review finds and
	// what prints for the event its AfterFrame sends, or any event before it.
	firstFrame bool

	task   *task  // long work running in slices (see work.go)
	unread string // the action whose files are left unread: the reading was cancelled

	rev   int     // counts the events that may have changed the workspace
	cache derived // what the views compute from the workspace, kept until rev moves
}

// New returns the app for a workspace restored by Restore. A notice from
// Restore, if any, is shown first.
func New(cfg Config, ws *partnerkit.Workspace, n *Notice) *App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if ws == nil {
		ws = partnerkit.New()
	}
	a := &App{cfg: cfg, ws: ws, view: ViewRate, model: newModel(), prog: progressEditor{entering: -1}}
	switch {
	case cfg.Embed:
	case cfg.Storage != nil:
		a.save.store = store.New(cfg.Storage, cfg.Now)
	default:
		a.save.why = cfg.StorageProblem
	}
	a.zoneFromBrowser()
	if !cfg.Embed {
		a.view = ViewStart // a new user first reads what partnerkit is
	}
	if n != nil {
		a.notify(*n)
	}
	a.fac.round = len(ws.Readiness) - 1
	a.mapTeams()
	a.rate.reset()
	a.initRubric()
	switch {
	case cfg.Embed:
	case len(ws.Readiness) > 0:
		a.view = ViewFacilitate
	case ws.Partnership != nil:
		a.view = ViewReview
	}
	return a
}

// Workspace returns the workspace the app edits.
func (a *App) Workspace() *partnerkit.Workspace { return a.ws }

// Embedded reports whether the page runs as an embedded rubric.
func (a *App) Embedded() bool { return a.cfg.Embed }

// Notify shows a notice.
func (a *App) Notify(n Notice) { a.notify(n) }

// Handle applies one event and returns what the DOM layer must do.
func (a *App) Handle(ev Event) []Effect {
	a.firstFrame = false
	a.touched(ev.Action)
	eff := a.handle(ev)
	for _, e := range eff {
		if _, ok := e.(Persist); ok {
			a.save.dirty = true
		}
	}
	if len(a.ws.Typed) > 0 && !strings.HasPrefix(ev.Action, "field") && !readOnly[ev.Action] {
		a.tidyTyped()
	}
	return eff
}

func (a *App) handle(ev Event) []Effect {
	if eff, ok := a.handleTask(ev); ok {
		return eff
	}
	if eff, ok := a.handleLock(ev); ok {
		return eff
	}
	if eff, ok := a.handlePrint(ev); ok {
		return eff
	}
	switch ev.Action {
	case "nav":
		switch View(ev.Arg) {
		case ViewStart, ViewRate, ViewFacilitate, ViewReview, ViewData, ViewPartnership, ViewContract, ViewMeetings, ViewProgress:
			a.view = View(ev.Arg)
			a.part.checked = false // check again what may have changed elsewhere
			a.fac.answered = nil
			a.prog.placing = nil
		}
		return nil
	case "notice.ok", "notice.problem":
		kind := "ok"
		if ev.Action == "notice.problem" {
			kind = "problem"
		}
		a.notify(Notice{Kind: kind, Text: ev.Value})
		return nil
	case "copy.failed":
		a.notify(Notice{Kind: "problem",
			Text: "The browser did not let partnerkit copy (" + ev.Value + "). The code is selected: press Ctrl+C (or ⌘C) to copy it."})
		return []Effect{Select{ID: ev.Arg}}
	case "notice.dismiss":
		a.notices = slices.DeleteFunc(a.notices, func(n Notice) bool { return strconv.Itoa(n.seq) == ev.Arg })
		return []Effect{Focus{ID: "pk-main"}}
	case "data.export":
		return a.exportWorkspace()
	case "data.backup.download":
		return a.downloadBackup(ev.Arg)
	case "data.saved.download":
		return a.downloadSaved()
	case "data.import":
		return a.importWorkspace(ev.Files)
	case "data.delete":
		a.confirm = true
		return []Effect{Focus{ID: "pk-delete-confirm"}}
	case "data.delete.cancel":
		a.confirm = false
		return []Effect{Focus{ID: "pk-delete"}}
	case "data.delete.confirm":
		a.confirm = false
		if err := a.erase(); err != nil {
			a.notify(Notice{Kind: "problem", Text: "Some of the data partnerkit keeps on this device could not be deleted (" + plainError(err) + "). Try again, or clear this site's data in the browser's settings."})
			return nil
		}
		a.ws = partnerkit.New()
		a.zoneFromBrowser()
		a.fac = facilitator{round: -1}
		a.rate = rater{}
		a.rate.reset()
		a.part, a.con, a.meet, a.prog = partEditor{}, contractEditor{}, meetingEditor{}, progressEditor{entering: -1}
		a.notices = nil
		a.notify(Notice{Kind: "ok", Text: "All partnerkit data on this device was deleted."})
		return nil
	case "tick":
		return nil // the clock moved: the next render reads it
	case "storage.changed":
		a.othersSaved()
		return nil
	case "storage.reload":
		return a.reloadStored(false)
	case "storage.merge":
		return a.reloadStored(true)
	case "map.show":
		a.showMap, a.part.checked = true, false
		return []Effect{Focus{ID: "pk-main"}}
	case "fix":
		return a.fix(ev.Arg)
	case "field", "field.toggle", "field.list":
		return a.editField(ev)
	}
	if eff, ok := a.handlePartnership(ev); ok {
		return eff
	}
	if eff, ok := a.handleContract(ev); ok {
		return eff
	}
	if eff, ok := a.handleMeetings(ev); ok {
		return eff
	}
	if eff, ok := a.handleProgress(ev); ok {
		return eff
	}
	if eff, ok := a.handleDevice(ev); ok {
		return eff
	}
	if eff, ok := a.handleMerge(ev); ok {
		return eff
	}
	if eff, ok := a.handleReview(ev); ok {
		return eff
	}
	if eff, ok := a.handleRate(ev); ok {
		return eff
	}
	if eff, ok := a.handleFacilitate(ev); ok {
		return eff
	}
	return nil
}

// empty reports whether the workspace holds nothing yet.
func (a *App) empty() bool {
	return a.ws.Partnership == nil && len(a.ws.Readiness) == 0 && a.ws.Contract == nil && len(a.ws.Meetings) == 0
}

func (a *App) problem(text string, err error) {
	a.notify(Notice{Kind: "problem", Text: text, Details: problemLines(err)})
}

// notify shows a notice. A message that something worked replaces the last
// such message; problems stay until dismissed.
func (a *App) notify(n Notice) {
	if n.Kind == "ok" {
		kept := a.notices[:0]
		for _, o := range a.notices {
			if o.Kind != "ok" {
				kept = append(kept, o)
			}
		}
		a.notices = kept
	}
	a.noticeSeq++
	n.seq = a.noticeSeq
	a.notices = append(a.notices, n)
}
