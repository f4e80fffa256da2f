package ui

import (
	"bytes"
	"errors"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/internal/zone"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// The device's workspaces: the page keeps several, each under its own key
// (see wasm/store), one of them open. Starting, opening, duplicating a
// workspace or opening a file of another never replaces one; what a merge,
// a replace, a restore or a delete takes away is kept aside first as a
// backup (keepAside), listed in Your data, and can be restored.

// remindAfter is how long changes stay in no copy before the page reminds
// the user, quietly, to keep one.
const remindAfter = 24 * time.Hour

// entryOf names a workspace for the device's list.
func entryOf(ws *partnerkit.Workspace) store.Entry {
	e := store.Entry{ID: ws.WorkspaceID, Name: workspaceName(ws)}
	if p := ws.Partnership; p != nil {
		e.District = p.District.Name
	} else if c := ws.Contract; c != nil {
		e.District = c.District.Name
	}
	return e
}

// workspaceName names a workspace for the list: its partnership's name, or
// else its district's.
func workspaceName(ws *partnerkit.Workspace) string {
	if p := ws.Partnership; p != nil {
		if strings.TrimSpace(p.Name) != "" {
			return p.Name
		}
		if strings.TrimSpace(p.District.Name) != "" {
			return p.District.Name
		}
	}
	if c := ws.Contract; c != nil && strings.TrimSpace(c.District.Name) != "" {
		return c.District.Name
	}
	return ""
}

// nameOf names a workspace in a message: “Riverside and partners”, or "the
// workspace without a name".
func (a *App) nameOf(ws *partnerkit.Workspace) string {
	if n := workspaceName(ws); n != "" {
		return quote(n)
	}
	return "the workspace without a name"
}

func quote(s string) string { return "“" + s + "”" }

// localTime returns t in the browser's time zone (Config.TimeZone): the
// times of the device, when a workspace changed or a copy was kept, are the
// user's; the workspace's own times are in its zone.
func (a *App) localTime(t time.Time) time.Time {
	if a.cfg.TimeZone != "" {
		if loc, err := zone.Load(a.cfg.TimeZone); err == nil {
			return t.In(loc)
		}
	}
	return t.In(a.cfg.Now().Location())
}

// whenHere writes a time of the device (when a workspace changed, when a
// copy was kept) in the browser's time zone, the way when writes times.
func (a *App) whenHere(t time.Time) string { return a.when(a.localTime(t)) }

// stored reports whether the device keeps workspaces (not an embedded page,
// nor a browser that gives no storage), and the page may read and write
// them (the data is not locked, or open).
func (a *App) stored() bool { return a.save.store != nil && !a.save.hold && !a.Locked() }

// open makes ws the open workspace, after saving the one open before (or,
// when it was never saved, storing it now, so that it is not lost), and
// resets the editors. It does not save ws: the caller does. When the
// workspace open has changes that cannot be kept (see leave), nothing is
// opened: open reports false, and a notice says why.
func (a *App) open(ws *partnerkit.Workspace) bool {
	if !a.leave() {
		return false
	}
	a.ws = ws
	a.zoneFromBrowser()
	a.fac = facilitator{round: len(ws.Readiness) - 1}
	a.part, a.con, a.meet, a.prog = partEditor{}, contractEditor{}, meetingEditor{}, progressEditor{entering: -1}
	a.other = nil
	a.merging, a.renaming, a.deleting, a.fileName = nil, false, "", ""
	a.mapTeams()
	a.rev++
	return true
}

// leave keeps the open workspace before another takes its place: saved, or,
// when another tab saved a newer version of it, its changes kept aside as a
// backup. Without storage it must be empty, or downloaded as it is. When it
// cannot be kept (the storage is full, or turned off), leave reports false
// and a notice says that nothing was opened, with a download of it.
func (a *App) leave() bool {
	s := &a.save
	var err error
	switch {
	case a.stored():
		if _, on := s.store.Entry(a.ws.WorkspaceID); !on && !a.empty() {
			s.dirty = true
		}
		if s.stale && s.dirty {
			var data []byte
			if data, err = Marshal(a.ws); err == nil {
				if _, err = s.store.KeepAside(string(data), store.Overtaken); err == nil {
					s.dirty = false
				}
			}
		}
		if a.Save() {
			return true
		}
		if err == nil {
			err = s.store.Status().Err
		}
	case a.empty() || a.Locked():
		return true
	default:
		if data, derr := Marshal(a.ws); derr == nil && s.exported == digest(data) {
			return true
		}
		err = a.noStorage()
	}
	if err == nil {
		err = errors.New("the browser did not save them")
	}
	a.notify(Notice{Kind: "problem", Export: true,
		Text: "Nothing else was opened: your latest changes to " + a.nameOf(a.ws) + " could not be kept on this device (" + plainError(err) + "). " +
			"Download a copy now to keep them. To make room, delete a workspace or backups you no longer need (Start, Your data), then try again."})
	return false
}

// saveNow saves the open workspace at once, as a change made now.
func (a *App) saveNow() {
	a.save.dirty = true
	a.Save()
}

// handleDevice handles the events of the device's workspaces.
func (a *App) handleDevice(ev Event) ([]Effect, bool) {
	switch ev.Action {
	case "start.new":
		if !a.open(partnerkit.New()) {
			return []Effect{Focus{ID: "pk-notices"}}, true
		}
		a.saveNow()
		a.view = ViewPartnership
		a.notify(Notice{Kind: "ok", Text: "Started a new, empty workspace. Your other workspaces are listed on Start."})
		return []Effect{Focus{ID: "pk-main"}}, true
	case StartExample:
		return a.openExample(), true
	case "ws.open":
		return a.openStored(ev.Arg), true
	case "ws.rename":
		if ev.Arg != a.ws.WorkspaceID {
			if eff := a.openStored(ev.Arg); a.ws.WorkspaceID != ev.Arg {
				return eff, true
			}
		}
		eff := []Effect{Focus{ID: FieldID("partnership.name")}}
		if a.ws.Partnership == nil {
			a.ws.Partnership = &partnership.Partnership{District: partnership.Org{ID: "district"}}
			eff = append(eff, Persist{})
		}
		a.renaming = true
		a.view = ViewStart
		return eff, true
	case "ws.rename.done":
		a.renaming = false
		return []Effect{Persist{}, Focus{ID: "pk-ws-rename-" + a.ws.WorkspaceID}}, true
	case "ws.duplicate":
		return a.duplicate(ev.Arg), true
	case "ws.delete":
		a.deleting = ev.Arg
		return []Effect{Focus{ID: "pk-ws-delete-confirm"}}, true
	case "ws.delete.cancel":
		id := a.deleting
		a.deleting = ""
		return []Effect{Focus{ID: "pk-ws-delete-" + id}}, true
	case "ws.delete.confirm":
		return a.deleteStored(a.deleting), true
	case "data.restore":
		return a.restoreBackup(ev.Arg), true
	case "data.file":
		return a.saveToFile(false), true
	case "data.file.other":
		return a.saveToFile(true), true
	case "data.file.saved":
		a.fileName = ev.Value
		a.copied()
		what := "a copy"
		if a.lock.key != nil {
			what = "a locked copy (it opens with the passphrase only)"
		}
		a.notify(Notice{Kind: "ok", Text: "Saved " + what + " to the file " + quote(ev.Value) + ". Later saves go to the same file while this page is open."})
		return nil, true
	case "data.file.written":
		// A later save went to the chosen file too: that file is a copy
		// that holds every change.
		a.copied()
		return nil, true
	case "data.file.failed":
		a.notify(Notice{Kind: "problem", Text: "The copy was not saved to a file: " + ev.Value + ". You can download it instead."})
		return nil, true
	}
	return nil, false
}

// openStored opens a workspace of the device's list.
func (a *App) openStored(id string) []Effect {
	view := func() {
		a.view = ViewReview
		if a.ws.Partnership == nil {
			a.view = ViewPartnership
		}
	}
	if id == a.ws.WorkspaceID {
		view()
		return []Effect{Focus{ID: "pk-main"}}
	}
	if !a.stored() {
		return nil
	}
	saved, found, err := a.save.store.Load(id)
	if err != nil || !found {
		a.notify(Notice{Kind: "problem", Text: "That workspace is no longer on this device."})
		return nil
	}
	ws, err := partnerkit.Decode(strings.NewReader(saved))
	if err != nil {
		if _, kerr := a.save.store.KeepAside(saved, store.Unreadable); kerr == nil {
			_ = a.save.store.Drop(id)
		}
		a.problem("That workspace could not be read. It is kept aside as a backup in Your data.", err)
		return nil
	}
	if !a.open(ws) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	if err := a.save.store.Select(id); err != nil {
		a.problem("partnerkit could not note on this device which workspace is open.", err)
	}
	view()
	a.notify(Notice{Kind: "ok", Text: "Opened " + a.nameOf(ws) + "."})
	return []Effect{Focus{ID: "pk-main"}}
}

// StartExample is the event of Start's "Open the example district".
const StartExample = "start.example"

// openExample opens the built-in example as a workspace of its own: the one
// on the device if it was opened before, or a new one.
//
// The example is read, not validated: its own test proves it valid, and the
// review the page shows next validates it anyway, which Load would have
// done a first time before the first frame.
func (a *App) openExample() []Effect {
	ws, err := partnerkit.Decode(bytes.NewReader(casefile.JSON()))
	if err != nil {
		a.problem("The built-in example could not be opened. Your data is unchanged.", err)
		return nil
	}
	if a.stored() {
		if _, on := a.save.store.Entry(ws.WorkspaceID); on {
			eff := a.openStored(ws.WorkspaceID)
			a.view = ViewReview
			return eff
		}
	}
	if !a.open(ws) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	// Saved at the next pause, not before the example shows: its first save
	// is the start-up's slowest step after the review (encoding/json learns
	// the workspace's types). Its review's findings, and the pre-read only
	// the printer sees, are drawn once the example shows.
	a.save.dirty = true
	a.notify(Notice{Kind: "ok", Text: "Opened the example: " + ws.Partnership.Name + ", as a workspace of its own. Your other workspaces are listed on Start."})
	a.view = ViewReview
	a.firstFrame = true
	return []Effect{Focus{ID: "pk-main"}, Persist{}, AfterFrame{Action: PrintSettle}}
}

// duplicate makes a copy of a workspace of the list as a new workspace of
// its own (with a new workspace ID: not a copy to merge back) and opens it.
func (a *App) duplicate(id string) []Effect {
	var data string
	if id == a.ws.WorkspaceID {
		b, err := Marshal(a.ws)
		if err != nil {
			a.problem("The workspace could not be copied.", err)
			return nil
		}
		data = string(b)
	} else if a.stored() {
		data, _, _ = a.save.store.Load(id)
	}
	src, err := partnerkit.Decode(strings.NewReader(data))
	if err != nil {
		a.notify(Notice{Kind: "problem", Text: "That workspace could not be copied."})
		return nil
	}
	name := workspaceName(src)
	src.WorkspaceID, src.Lineage = partnerkit.NewWorkspaceID(), nil
	if src.Partnership != nil {
		src.Partnership.Name = strings.TrimSpace(name + " (copy)")
	}
	if !a.open(src) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.saveNow()
	a.view = ViewStart
	a.notify(Notice{Kind: "ok", Text: "Made a copy: " + a.nameOf(src) + ", a workspace of its own, now open."})
	return []Effect{Focus{ID: "pk-ws-open-" + src.WorkspaceID}}
}

// deleteStored deletes a workspace of the list, once it is kept aside.
func (a *App) deleteStored(id string) []Effect {
	a.deleting = ""
	if !a.stored() {
		return nil
	}
	current := id == a.ws.WorkspaceID
	var ws *partnerkit.Workspace
	if current {
		ws = a.ws
	} else {
		saved, found, err := a.save.store.Load(id)
		if err != nil || !found {
			return nil
		}
		if ws, err = partnerkit.Decode(strings.NewReader(saved)); err != nil {
			a.problem("That workspace could not be read, so it was not deleted.", err)
			return nil
		}
	}
	name := a.nameOf(ws)
	kept, ok := a.keepAsideOf(ws, store.BeforeDelete, "delete it")
	if !ok {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	if err := a.save.store.Drop(id); err != nil {
		a.problem("The workspace could not be deleted.", err)
		return nil
	}
	if current {
		a.ws, a.save.dirty = partnerkit.New(), false // deleted: not to be saved again
		a.open(partnerkit.New())
		if es, _, err := a.save.store.Entries(); err == nil && len(es) > 0 {
			a.openStored(es[0].ID)
		}
	}
	a.view = ViewStart
	a.notify(Notice{Kind: "ok", Text: "Deleted " + name + "." + kept})
	return []Effect{Focus{ID: "pk-main"}}
}

// keepAsideOf keeps a workspace that is not the open one aside, as
// keepAside keeps the open one.
func (a *App) keepAsideOf(ws *partnerkit.Workspace, why store.Reason, replacing string) (string, bool) {
	open := a.ws
	a.ws = ws
	defer func() { a.ws = open }()
	return a.keepAside(why, replacing)
}

// restoreBackup opens a backup: over the workspace it is a version of, kept
// aside first, or as a workspace of its own.
func (a *App) restoreBackup(key string) []Effect {
	if !a.stored() {
		return nil
	}
	data, err := a.readBackup(key)
	if err != nil {
		a.problem("That backup cannot be read.", err)
		return nil
	}
	ws, err := partnerkit.Decode(strings.NewReader(data))
	if err != nil {
		a.problem("This backup cannot be opened as a workspace; download it to keep it.", err)
		return nil
	}
	if ws.WorkspaceID == "" {
		ws.WorkspaceID = partnerkit.NewWorkspaceID()
	}
	kept := ""
	switch saved, found, _ := a.save.store.Load(ws.WorkspaceID); {
	case ws.WorkspaceID == a.ws.WorkspaceID:
		var ok bool
		if kept, ok = a.keepAside(store.BeforeRestore, "restore it"); !ok {
			return []Effect{Focus{ID: "pk-notices"}}
		}
	case found:
		old, err := partnerkit.Decode(strings.NewReader(saved))
		if err == nil {
			var ok bool
			if kept, ok = a.keepAsideOf(old, store.BeforeRestore, "restore it"); !ok {
				return []Effect{Focus{ID: "pk-notices"}}
			}
		}
	}
	if ws.WorkspaceID == a.ws.WorkspaceID {
		a.save.dirty = false // kept aside: the backup takes its place
	}
	if !a.open(ws) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.saveNow()
	a.view = ViewData
	a.notify(Notice{Kind: "ok", Text: "Restored " + a.nameOf(ws) + "." + kept})
	return []Effect{Focus{ID: "pk-main"}}
}

// readBackup returns the text of the backup kept under key.
func (a *App) readBackup(key string) (string, error) {
	kept, err := a.save.store.Backups()
	if err != nil {
		return "", err
	}
	for _, b := range kept {
		if b.Key == key {
			return a.save.store.ReadBackup(b)
		}
	}
	return "", errNoBackup
}

// exportWorkspace downloads the open workspace. The version sent is stamped
// and kept, as the base of a merge when a copy of it comes back.
func (a *App) exportWorkspace() []Effect {
	data, err := a.copyOut(true)
	if err != nil {
		a.problem("The workspace could not be exported.", err)
		return nil
	}
	return []Effect{Download{Name: "partnerkit-" + a.cfg.Now().Format("2006-01-02") + ".json", Type: "application/json", Data: data}}
}

// saveToFile writes the open workspace to the file the user chose (asking
// for one when none was chosen yet, or when ask is true).
func (a *App) saveToFile(ask bool) []Effect {
	data, err := a.FileCopy()
	if err != nil {
		a.problem("The workspace could not be saved to a file.", err)
		return nil
	}
	return []Effect{SaveFile{Name: a.fileSuggestion(), Data: data, Ask: ask || a.fileName == ""}}
}

// FileCopy returns what a save writes to the file the user chose, the first
// and every later one: the open workspace as a copy that leaves the device
// (with a revision of its own, kept as the base of a later merge with
// that file), locked with the passphrase while the data is locked.
//
// The file holds only the latest: the version written before is no longer
// kept, unless it left the device otherwise too (a download), so that
// saving as one types does not push the versions sent to colleagues out of
// the few kept (store.MaxShared).
func (a *App) FileCopy() ([]byte, error) {
	prev := a.fileRev
	data, err := a.copyOut(false)
	if err != nil {
		return nil, err
	}
	if rev := a.ws.Revision(); prev != "" && prev != rev && !a.sent[prev] && a.stored() {
		_ = a.save.store.Unshare(a.ws.WorkspaceID, prev)
	}
	a.fileRev = a.ws.Revision()
	return a.sealFile(data)
}

// sealFile locks data with the passphrase while the data is locked, so that
// a file written to disk leaks no more than the browser's storage does.
func (a *App) sealFile(data []byte) ([]byte, error) {
	if a.lock.key == nil {
		return data, nil
	}
	return a.lock.key.Lock(data)
}

// fileSuggestion is the name offered for a copy of the open workspace.
func (a *App) fileSuggestion() string {
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			return r
		case r == ' ':
			return '-'
		}
		return -1
	}, workspaceName(a.ws))
	if name == "" {
		name = "partnerkit"
	}
	return name + ".json"
}

// copyOut stamps the open workspace, keeps the version that leaves the
// device as the base of the next merge, and returns the file.
func (a *App) copyOut(sent bool) ([]byte, error) {
	if !a.ws.Current() {
		a.ws.Stamp()
		a.save.dirty = true
	}
	data, err := Marshal(a.ws)
	if err != nil {
		return nil, err
	}
	a.exported(data)
	if a.stored() {
		if _, on := a.save.store.Entry(a.ws.WorkspaceID); !on {
			a.save.dirty = true
		}
		a.Save()
		_ = a.save.store.Share(a.ws.WorkspaceID, a.ws.Revision(), string(data))
		a.copied()
	}
	if sent {
		if a.sent == nil {
			a.sent = map[string]bool{}
		}
		a.sent[a.ws.Revision()] = true
	}
	return data, nil
}

// copied notes that a copy holding every change left the device.
func (a *App) copied() {
	if a.stored() && !a.save.dirty {
		_ = a.save.store.Copied(a.ws.WorkspaceID)
	}
}

// reminder is the quiet line that asks for a copy after a day of changes
// kept in no copy, or "".
func (a *App) reminder() string {
	if !a.stored() {
		return ""
	}
	e, on := a.save.store.Entry(a.ws.WorkspaceID)
	if !on || e.Unkept.IsZero() || a.cfg.Now().Sub(e.Unkept) < remindAfter {
		return ""
	}
	return "Changes since " + a.whenHere(e.Unkept) + " are saved in this browser only: keep a copy (Your data)."
}

// copyStatus says in a few words when a copy was last kept, for the status
// line.
func (a *App) copyStatus() string {
	if !a.stored() {
		return ""
	}
	e, on := a.save.store.Entry(a.ws.WorkspaceID)
	if !on || e.Copied.IsZero() {
		return "No copy kept yet (Your data)."
	}
	return "Last copy kept " + a.localTime(e.Copied).Format("Jan 2, 2006") + "."
}

// lastCopy says when a copy of the open workspace was last kept.
func (a *App) lastCopy() string {
	var e store.Entry
	if a.stored() {
		e, _ = a.save.store.Entry(a.ws.WorkspaceID)
	}
	if e.Copied.IsZero() {
		return "No copy of this workspace has been downloaded or saved to a file yet."
	}
	s := "Last copy kept: " + a.whenHere(e.Copied) + "."
	if !e.Unkept.IsZero() {
		s += " There are changes since."
	} else {
		s += " It holds every change."
	}
	return s
}

// viewWorkspaces lists the device's workspaces on Start.
func (a *App) viewWorkspaces() *Node {
	var entries []store.Entry
	if a.stored() {
		entries, _, _ = a.save.store.Entries()
	}
	cur := a.ws.WorkspaceID
	listed := false
	for _, e := range entries {
		listed = listed || e.ID == cur
	}
	if !listed && (!a.empty() || a.renaming) {
		// The open workspace is not saved yet: list it all the same.
		e := entryOf(a.ws)
		e.Changed = a.cfg.Now()
		entries = append([]store.Entry{e}, entries...)
	}
	if len(entries) == 0 {
		return El("p", Class("pk-hint"), ID("pk-ws-none"), "No workspace on this device yet: start one, or open the example or a file.")
	}
	rows := make([]*Node, 0, len(entries))
	for _, e := range entries {
		name := e.Name
		if strings.TrimSpace(name) == "" {
			name = "Workspace without a name"
		}
		district := e.District
		if district == "" {
			district = "—"
		}
		var nameCell *Node
		if e.ID == cur && a.renaming {
			nameCell = El("td", form{a: a}.input("partnership.name"),
				El("button", A("type", "button"), ID("pk-ws-rename-done"), On("click", "ws.rename.done"), "Done"))
		} else {
			label := name
			if e.ID == cur {
				label += " (open now)"
			}
			nameCell = El("td", El("button", A("type", "button"), Class("pk-link"), ID("pk-ws-open-"+e.ID), On("click", "ws.open"), Arg(e.ID), label))
		}
		var actions *Node
		if a.stored() {
			actions = El("td", Class("pk-actions"),
				El("button", A("type", "button"), Class("pk-secondary"), ID("pk-ws-rename-"+e.ID), On("click", "ws.rename"), Arg(e.ID), A("aria-label", "Rename "+name), "Rename"),
				El("button", A("type", "button"), Class("pk-secondary"), ID("pk-ws-duplicate-"+e.ID), On("click", "ws.duplicate"), Arg(e.ID), A("aria-label", "Duplicate "+name), "Duplicate"),
				El("button", A("type", "button"), Class("pk-danger"), ID("pk-ws-delete-"+e.ID), On("click", "ws.delete"), Arg(e.ID), A("aria-label", "Delete "+name), "Delete"))
		} else {
			actions = El("td", "—")
		}
		rows = append(rows, El("tr", Key("ws-"+e.ID), nameCell, El("td", district), El("td", a.whenHere(e.Changed)), actions))
	}
	var confirm *Node
	if a.deleting != "" {
		name := "this workspace"
		for _, e := range entries {
			if e.ID == a.deleting && e.Name != "" {
				name = quote(e.Name)
			}
		}
		confirm = El("div", Class("pk-confirm"), A("role", "alertdialog"), A("aria-labelledby", "pk-ws-delete-text"),
			El("p", ID("pk-ws-delete-text"), "Delete "+name+" from this device? It is kept as a backup in Your data, where you can restore it."),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), ID("pk-ws-delete-confirm"), Class("pk-danger"), On("click", "ws.delete.confirm"), "Yes, delete it"),
				El("button", A("type", "button"), Class("pk-secondary"), On("click", "ws.delete.cancel"), "Cancel")))
	}
	return El("div", ID("pk-workspaces"),
		El("table", Class("pk-table"),
			El("caption", "Workspaces on this device"),
			El("thead", El("tr",
				El("th", A("scope", "col"), "Name"), El("th", A("scope", "col"), "District"),
				El("th", A("scope", "col"), "Last changed"), El("th", A("scope", "col"), "Actions"))),
			El("tbody", rows)),
		confirm)
}

// viewKeepCopy is the part of Your data that keeps a copy off the browser.
func (a *App) viewKeepCopy() *Node {
	var file, other *Node
	if a.cfg.FileSave {
		label := "Save to file…"
		if a.fileName != "" {
			label = "Save to " + a.fileName + " now"
			other = El("button", A("type", "button"), Class("pk-secondary"), On("click", "data.file.other"), "Save to another file…")
		}
		file = El("button", A("type", "button"), ID("pk-save-file"), Class("pk-secondary"), On("click", "data.file"), label)
	}
	return El("section", A("aria-labelledby", "pk-copy-h"),
		El("h3", ID("pk-copy-h"), "Keep a copy"),
		El("p", "What you enter is saved in this browser only. Clearing the browser's data would delete it: keep a copy as a file, to move it to another computer or send it to a colleague."),
		El("p", ID("pk-last-copy"), a.lastCopy()),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-export"), On("click", "data.export"), "Download a copy (.json file)"),
			file, other))
}

// viewBackups lists every backup kept on this device, each to download or,
// when it is a workspace partnerkit can open, to restore.
func (a *App) viewBackups() *Node {
	if a.save.store == nil {
		return nil
	}
	kept, err := a.save.store.Backups()
	if err != nil || len(kept) == 0 {
		return El("section", A("aria-labelledby", "pk-backups-h"),
			El("h3", ID("pk-backups-h"), "Backups kept on this device"),
			El("p", ID("pk-backups-none"), "None yet. Before partnerkit merges, replaces or deletes a workspace, it keeps the version before here."))
	}
	rows := make([]*Node, len(kept))
	for i, b := range kept {
		name, readable := "Data partnerkit cannot open", false
		if data, err := a.save.store.ReadBackup(b); err == nil {
			if ws, err := partnerkit.Decode(strings.NewReader(data)); err == nil {
				readable, name = true, workspaceName(ws)
				if name == "" {
					name = "A workspace without a name"
				}
			}
		}
		at := a.whenHere(b.At)
		var restore *Node
		if readable {
			restore = El("button", A("type", "button"), Class("pk-secondary"), On("click", "data.restore"), Arg(b.Key), A("aria-label", "Restore "+name+", kept "+at), "Restore")
		}
		rows[i] = El("tr", Key(b.Key),
			El("td", at), El("td", name), El("td", capitalize(b.Why.Words())),
			El("td", Class("pk-actions"),
				El("button", A("type", "button"), Class("pk-secondary"), On("click", "data.backup.download"), Arg(b.Key), A("aria-label", "Download "+name+", kept "+at), "Download"),
				restore))
	}
	return El("section", A("aria-labelledby", "pk-backups-h"),
		El("h3", ID("pk-backups-h"), "Backups kept on this device"),
		El("p", "Before partnerkit merges, replaces or deletes a workspace, and when saved data cannot be read, it keeps the version before here; the "+plural(store.MaxBackups, "newest is", "newest are")+" kept. Restoring one keeps the version it replaces as a backup too."),
		El("table", Class("pk-table"), ID("pk-backups"),
			El("thead", El("tr", El("th", A("scope", "col"), "Kept"), El("th", A("scope", "col"), "Workspace"),
				El("th", A("scope", "col"), "What it is"), El("th", A("scope", "col"), "Actions"))),
			El("tbody", rows)))
}
