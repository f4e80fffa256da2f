package ui

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// What the page says about saving is worked out from what the store knows
// (store.Status), never set by hand: the status line names the last save
// that succeeded, and while saving fails a warning stays at the top of the
// page, with a button to download a copy, until a save succeeds again.

// saving is the app's side of keeping the workspace on the device.
type saving struct {
	store *store.Store // nil: nothing is stored (embedded, or the browser gives no storage)
	why   error        // why there is no store, when the browser gives none
	// hold is set when the data saved on this device could not be read nor
	// kept aside: saving would overwrite the only copy, so nothing is saved
	// in this session.
	hold     bool
	dirty    bool   // the workspace or the draft changed since the last save
	exported string // digest of the workspace as last downloaded, "" if never
	// stale is set when another tab of the browser saved the workspace
	// since this one read or saved it: this tab saves nothing more until
	// the user opens the newer version (see reloadStored).
	stale bool
	// base is the workspace as this tab last read or saved it: what it and
	// another tab's newer version both come from, for a merge of the two.
	base string
}

// Open returns the app for the page, with the workspace open when the page
// was last closed (see wasm/store: the device keeps several) and the rater's
// draft, saved in cfg.Storage. Saved data that cannot be read is kept aside
// as a backup before anything may be saved over it, and a notice says so;
// when it cannot be kept aside either, nothing is saved in this session, so
// that it stays as it is.
func Open(cfg Config) *App {
	if cfg.Embed || cfg.Storage == nil {
		a := New(cfg, nil, nil)
		return a
	}
	return openStore(cfg, store.New(cfg.Storage, cfg.Now))
}

// openStore is Open with the store of cfg.Storage. While the data is
// locked with a passphrase, the page only asks for it (see lock.go).
func openStore(cfg Config, st *store.Store) *App {
	if st.Locked() {
		a := New(cfg, nil, nil)
		a.save.store, a.lock.needed = st, true
		return a
	}
	saved, found, err := st.Workspace()
	if err != nil {
		cfg.Storage, cfg.StorageProblem = nil, err
		return New(cfg, nil, nil)
	}
	ws, notice, aside := Restore(saved, found)
	hold := false
	if aside {
		if _, err := st.KeepAside(saved, store.Unreadable); err != nil {
			hold = true
			notice.Text = "The data saved on this device could not be read, so partnerkit started with an empty workspace. " +
				"It could not be kept aside as a backup either (" + plainError(err) + "), so partnerkit will not save anything in this session, to leave it as it is. Download it from the warning at the top to keep a copy."
		}
	}
	current := st.Current()
	if aside && current != "" {
		// The empty workspace takes the unreadable one's place: its first
		// save goes over the data, which the backup holds.
		ws.WorkspaceID = current
	}
	a := New(cfg, ws, notice)
	a.save.store, a.save.hold = st, hold
	if found && !aside {
		a.save.base = saved
	}
	if found && !aside && current == "" {
		// The one workspace of an older page joins the list now.
		a.save.dirty = true
		a.Save()
	}
	if d, found, err := st.Draft(); err == nil && found {
		if n := a.RestoreDraft(d); n != nil {
			if _, err := st.KeepAside(d, store.UnreadableRatings); err != nil {
				a.save.hold = true
				n.Text = "The ratings you had started could not be read back, so the form starts empty. They could not be kept aside either (" + plainError(err) + "), so partnerkit will not save anything in this session, to leave them as they are."
			}
			a.notify(*n)
		}
	}
	return a
}

// Dirty reports whether there are changes not saved yet.
func (a *App) Dirty() bool { return a.save.dirty }

// Save saves the workspace and the rater's draft, if they changed since the
// last save, and reports whether everything is saved now. A failure is shown
// in the status line and in a warning that stays until a save succeeds.
func (a *App) Save() bool {
	s := &a.save
	if !s.dirty {
		return true
	}
	if s.store == nil || s.hold || s.stale || a.Locked() {
		return false
	}
	data, err := Marshal(a.ws)
	if err != nil {
		a.problem("The workspace could not be saved.", err)
		return false
	}
	if err := s.store.Save(entryOf(a.ws), string(data), a.Draft()); err != nil {
		var stale *store.StaleError
		s.stale = errors.As(err, &stale)
		a.lock.needed = errors.Is(err, store.ErrLocked) // locked in another tab: ask for the passphrase
		return false
	}
	s.dirty, s.base = false, string(data)
	return true
}

// Flush saves at once, as the page is hidden or closed. When another tab
// saved a newer version, this tab's changes not saved yet are kept aside as
// a backup instead, so that closing it loses nothing.
func (a *App) Flush() bool {
	if a.save.stale && a.save.dirty && a.save.store != nil {
		if data, err := Marshal(a.ws); err == nil {
			if _, err := a.save.store.KeepAside(string(data), store.Overtaken); err == nil {
				a.save.dirty = false
				return true
			}
		}
		return false
	}
	return a.Save()
}

// othersSaved checks whether another tab of the browser saved the workspace
// (the page asks on the storage event, and when it gets the focus back):
// if one did, this tab stops saving and says so.
func (a *App) othersSaved() {
	s := &a.save
	if s.store == nil || s.hold {
		return
	}
	if a.checkLock(); a.Locked() || s.stale {
		return
	}
	if changed, err := s.store.Overtaken(a.ws.WorkspaceID); err == nil && changed {
		s.stale = true
	}
}

// reloadStored opens the version of the workspace another tab saved, in
// place of this tab's, or, with merge, that version with this tab's
// changes merged in (partnerkit.Merge, from the version both tabs last
// shared). This tab's changes are kept aside first, written and read back;
// if they cannot be, nothing is replaced. Where both tabs changed the same
// value, the merge keeps this tab's, and the other tab's version is kept
// aside too, so that neither is lost.
func (a *App) reloadStored(merge bool) []Effect {
	s := &a.save
	if s.store == nil {
		return nil
	}
	mine, err := Marshal(a.ws)
	if err != nil {
		a.problem("The newer version was not opened: this tab's data could not be copied.", err)
		return nil
	}
	changed := string(mine) != s.base && !a.empty()
	kept := ""
	if changed && !merge {
		if _, err := s.store.KeepAside(string(mine), store.Overtaken); err != nil {
			a.notify(Notice{Kind: "problem", Export: true,
				Text: "The newer version was not opened: partnerkit could not keep a backup of this tab's changes on this device (" + plainError(err) + "). Download a copy first, then open the newer version again."})
			return nil
		}
		kept = " This tab's changes are kept aside as a backup (see Your data)."
	}
	saved, found, err := s.store.Load(a.ws.WorkspaceID)
	if err != nil {
		a.problem("The newer version could not be read from this device.", err)
		return nil
	}
	theirs, n, aside := Restore(saved, found)
	if aside {
		a.notify(*n)
		return nil
	}
	text := "Opened the version saved in the other tab." + kept
	ws := theirs
	if merge && changed {
		var base *partnerkit.Workspace
		if s.base != "" {
			base, _ = partnerkit.Decode(strings.NewReader(s.base)) // without a base, the merge deletes nothing
		}
		merged, conflicts := partnerkit.Merge(base, a.ws, theirs)
		text = "This tab's changes are merged into the version saved in the other tab."
		if len(conflicts) > 0 {
			if _, err := s.store.KeepAside(saved, store.Overtaken); err != nil {
				a.notify(Notice{Kind: "problem", Export: true,
					Text: "Nothing was merged: both tabs changed the same values, and partnerkit could not keep a backup of the other tab's version on this device (" + plainError(err) + "). Download a copy of this tab's version, then open the newer version."})
				return nil
			}
			text += fmt.Sprintf(" Where both tabs changed the same value, this tab's is kept (%s), and the other tab's version is kept aside as a backup (see Your data).",
				conflictWords(conflicts))
		}
		ws = merged
	}
	s.dirty = false // kept aside, or merged into ws
	if !a.open(ws) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	s.stale, s.dirty, s.base = false, false, saved
	a.notify(Notice{Kind: "ok", Text: text})
	if ws != theirs {
		return []Effect{Persist{}, Focus{ID: "pk-main"}} // the merged version is saved
	}
	return []Effect{Focus{ID: "pk-main"}}
}

// conflictWords names the values of a merge's conflicts in plain words:
// the first few, then how many more.
func conflictWords(cs []partnerkit.Conflict) string {
	const few = 3
	names := make([]string, 0, few+1)
	for _, c := range cs[:min(len(cs), few)] {
		names = append(names, c.What)
	}
	if len(cs) > few {
		names = append(names, fmt.Sprintf("%s more", schema.Thousands(len(cs)-few)))
	}
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// keepAside keeps the workspace aside as a backup, written and read back,
// before it is replaced for the reason why. It reports whether the workspace
// may be replaced: it is empty; or the backup is kept; or it could not be
// kept but the user downloaded this very workspace. Otherwise a notice says
// that nothing was replaced, and why.
func (a *App) keepAside(why store.Reason, replacing string) (kept string, ok bool) {
	if a.empty() {
		return "", true
	}
	data, err := Marshal(a.ws)
	if err != nil {
		a.problem("Nothing was replaced: the data you have now could not be copied.", err)
		return "", false
	}
	if a.save.store != nil {
		if _, err = a.save.store.KeepAside(string(data), why); err == nil {
			return " The data you had before is kept aside on this device as a backup (see Your data).", true
		}
	} else {
		err = a.noStorage()
	}
	if a.save.exported != "" && a.save.exported == digest(data) {
		return " The data you had before could not be kept on this device (" + plainError(err) + "), but you downloaded it as a file: open that file to have it back.", true
	}
	a.notify(Notice{Kind: "problem", Export: true,
		Text: "Nothing was replaced: partnerkit could not keep a backup of the data you have now on this device (" + plainError(err) + "). " +
			"Download a copy first, then " + replacing + " again."})
	return "", false
}

// noStorage says why nothing is stored.
func (a *App) noStorage() error {
	if a.save.why != nil {
		return a.save.why
	}
	return store.ErrBlocked
}

// exported records that the workspace, as data, was downloaded.
func (a *App) exported(data []byte) { a.save.exported = digest(data) }

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return string(sum[:])
}

// saveStatus is what the status line says about saving.
func (a *App) saveStatus() SaveStatus {
	s := &a.save
	if s.store == nil {
		return SaveStatus{Text: "Not saved: " + plainError(a.noStorage()) + ".", Problem: true}
	}
	if s.hold {
		return SaveStatus{Text: "Not saved in this session, to leave the data saved before as it is.", Problem: true}
	}
	if a.Locked() && s.dirty {
		return SaveStatus{Text: "Not saved: the data was locked in another tab or window. Type the passphrase to save your changes.", Problem: true}
	}
	if a.Locked() {
		return SaveStatus{Text: "Locked: type the passphrase to open your work."}
	}
	if s.stale {
		return SaveStatus{Text: "Not saved: this workspace was changed in another tab or window.", Problem: true}
	}
	st := s.store.Status()
	at := ""
	if !st.Saved.IsZero() {
		at = "at " + st.Saved.In(a.cfg.Now().Location()).Format("3:04:05 PM")
	}
	switch {
	case st.Err != nil && at != "":
		return SaveStatus{Text: "Not saved since " + strings.TrimPrefix(at, "at ") + ": " + plainError(st.Err) + ".", Problem: true}
	case st.Err != nil:
		return SaveStatus{Text: "Not saved: " + plainError(st.Err) + ".", Problem: true}
	case at != "":
		return SaveStatus{Text: "Saved on this device.", At: at}
	case st.Found:
		return SaveStatus{Text: "Saved on this device."}
	}
	return SaveStatus{Text: "Nothing saved yet: your work is saved on this device as you type."}
}

// viewSaveProblem is the warning that stays at the top of the page while
// nothing can be saved, or nil.
func (a *App) viewSaveProblem() *Node {
	st := a.saveStatus()
	if !st.Problem {
		return nil
	}
	if a.save.stale {
		text := "This workspace was changed in another tab or window of this browser. So that neither overwrites the other, this tab stopped saving."
		var merge *Node
		reloadClass := ""
		if a.save.dirty {
			text += " The changes you made here since are not saved: merge them into the newer version, or open the newer version (your changes are kept aside as a backup first), or download a copy of this tab's version."
			merge = El("button", A("type", "button"), ID("pk-stale-merge"), On("click", "storage.merge"), "Merge my changes into the newer version")
			reloadClass = "pk-secondary"
		} else {
			text += " You have no changes here that are not saved: open the newer version to go on with it."
		}
		return El("div", ID("pk-stale"), Class("pk-notice pk-notice-problem"), A("role", "alert"),
			El("p", text),
			El("div", Class("pk-actions"),
				merge,
				El("button", A("type", "button"), ID("pk-stale-reload"), Class(reloadClass), On("click", "storage.reload"), "Open the newer version"),
				El("button", A("type", "button"), Class("pk-secondary"), ID("pk-save-download"), On("click", "data.export"), "Download a copy of this tab's version")))
	}
	text := "Your latest changes are not saved on this device. Download a copy now, and keep the file until partnerkit says it saved again."
	var saved *Node
	if a.save.hold {
		text = "The data saved on this device before could not be read, and partnerkit leaves it untouched: nothing you do now is saved. Download a copy of your work before you close the page."
		saved = El("button", A("type", "button"), Class("pk-secondary"), ID("pk-saved-download"), On("click", "data.saved.download"), "Download the data saved before")
	}
	if a.save.store == nil {
		text = "This browser keeps nothing partnerkit does on this device (" + plainError(a.noStorage()) + "). Download a copy of your work before you close the page, and open it again next time."
	}
	return El("div", ID("pk-save-problem"), Class("pk-notice pk-notice-problem"), A("role", "alert"),
		El("p", text),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-save-download"), On("click", "data.export"), "Download a copy now"),
			saved))
}

// downloadBackup offers the backup kept under key as a file.
func (a *App) downloadBackup(key string) []Effect {
	if a.save.store == nil {
		return nil
	}
	kept, _ := a.save.store.Backups()
	for _, b := range kept {
		if b.Key != key {
			continue
		}
		data, err := a.save.store.ReadBackup(b)
		if err != nil {
			a.problem("The backup could not be read.", err)
			return nil
		}
		return []Effect{Download{Name: b.FileName(), Type: "application/json", Data: []byte(data)}}
	}
	a.notify(Notice{Kind: "problem", Text: "This backup is no longer on this device."})
	return nil
}

// downloadSaved offers what is saved on the device as the workspace, as it is.
func (a *App) downloadSaved() []Effect {
	if a.save.store == nil {
		return nil
	}
	data, found, err := a.save.store.Workspace()
	if err != nil || !found {
		a.notify(Notice{Kind: "problem", Text: "Nothing saved before could be read from this device."})
		return nil
	}
	return []Effect{Download{Name: "partnerkit-saved-" + a.cfg.Now().Format("2006-01-02") + ".json", Type: "application/json", Data: []byte(data)}}
}

// errNoBackup is the error for a backup that is gone.
var errNoBackup = errors.New("this backup is no longer on this device")

// erase deletes everything partnerkit keeps on this device.
func (a *App) erase() error {
	a.save.dirty, a.save.hold, a.save.stale, a.save.base = false, false, false, ""
	a.lock = locking{}
	if a.save.store == nil {
		return nil
	}
	return a.save.store.Erase()
}

// plainError is an error of the storage as words to put in a sentence: the
// refusals a user can act on in plain words, others as they are, without a
// trailing period.
func plainError(err error) string {
	switch {
	case errors.Is(err, store.ErrQuota):
		return store.ErrQuota.Error()
	case errors.Is(err, store.ErrBlocked):
		return store.ErrBlocked.Error()
	}
	return strings.TrimRight(err.Error(), ". ")
}

// capitalize puts the first letter of s in upper case.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
