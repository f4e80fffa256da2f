package ui

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// The data of the device can be locked with a passphrase (on the Your data
// tab): everything the page keeps in the browser (every workspace, their
// list, the rater's draft, the backups) is then kept encrypted (see
// wasm/store's Lock), so that another page that reads the same storage
// (any other HTML file opened from disk, in Chromium) reads only
// ciphertext, and the page asks for the passphrase when it opens.
//
// The key is derived from the passphrase by the browser's Web Crypto
// (PBKDF2-SHA-256, partnerkit.LockIterations rounds, a fresh salt for each
// lock), once per lock or unlock, off the page's loop (the DeriveKey
// effect); each save is then encrypted in Go with AES-256-GCM and a fresh
// IV (partnerkit.LockKey), because a save made as the tab closes must be
// written before the browser lets the page go, and Web Crypto answers
// only later.

// minPassphrase is the fewest characters a passphrase has.
const minPassphrase = 10

// locking is the page's side of data locked with a passphrase.
type locking struct {
	key *partnerkit.LockKey // while the data is locked and open here: what each save is locked with
	// needed is set while the data is locked and not open in this tab: the
	// page asks for the passphrase, and reads and saves nothing till then.
	needed bool
	pass   string // the passphrase as typed, in memory only
	repeat string // the passphrase typed again, to lock
	asking bool   // asking to confirm the lock
	// pending is what a key being derived is for: lockOpen or lockSet; ""
	// when none is.
	pending string
	salt    []byte
	rounds  int
	problem string // why the last lock or unlock did not go ahead, in plain words
}

// What a key is derived for.
const (
	lockOpen = "open"
	lockSet  = "set"
)

// DeriveKey asks the DOM layer to derive a key of 32 bytes from Passphrase
// with PBKDF2-SHA-256 (the browser's Web Crypto), Salt and Iterations, and
// to send the event Action with the key as the data of its one file, or
// the reason it could not as the file's Err.
type DeriveKey struct {
	Passphrase string
	Salt       []byte
	Iterations int
	Action     string
}

func (DeriveKey) effect() {}

// keySealer locks the store's texts with a LockKey, and names them with an
// HMAC-SHA-256 under a key of its own, derived from the same key (HKDF).
type keySealer struct {
	k     *partnerkit.LockKey
	names []byte
}

func newKeySealer(k *partnerkit.LockKey, raw []byte) (keySealer, error) {
	names, err := hkdf.Key(sha256.New, raw, k.Salt(), "partnerkit: names of stored texts", 32)
	return keySealer{k: k, names: names}, err
}

func (s keySealer) Seal(text string) (string, error) {
	b, err := s.k.Lock([]byte(text))
	return string(b), err
}

func (s keySealer) Open(text string) (string, error) {
	if !partnerkit.IsLocked([]byte(text)) {
		return text, nil
	}
	b, err := s.k.Unlock([]byte(text))
	return string(b), err
}

func (s keySealer) Name(text string) string {
	m := hmac.New(sha256.New, s.names)
	m.Write([]byte(text))
	return hex.EncodeToString(m.Sum(nil)[:8])
}

// whileLocked are the actions the page does while the locked data is not
// open yet (besides opening it): downloading what this tab holds, and
// deleting everything, the way out of a lost passphrase.
var whileLocked = map[string]bool{
	"notice.dismiss": true, "tick": true, "storage.changed": true, "data.export": true,
	"data.delete": true, "data.delete.cancel": true, "data.delete.confirm": true,
}

// Locked reports whether the data is locked and not open in this tab.
func (a *App) Locked() bool { return a.lock.needed }

// Unsaved reports whether this tab holds changes it cannot save yet: the
// data was locked in another tab, and they wait for the passphrase. They
// cannot be kept aside meanwhile, locked without the key or open against
// the lock, so the page asks before it is closed, and offers a download.
func (a *App) Unsaved() bool { return a.save.dirty && a.Locked() }

// handleLock handles the events of the lock, and refuses every other event
// while the data is locked and not open.
func (a *App) handleLock(ev Event) ([]Effect, bool) {
	l := &a.lock
	switch ev.Action {
	case "lock.pass":
		l.pass = ev.Value
	case "lock.repeat":
		l.repeat = ev.Value
	case "lock.ask":
		l.problem = ""
		switch {
		case utf8.RuneCountInString(l.pass) < minPassphrase:
			l.problem = "Choose a passphrase of at least 10 characters: a few words that you will remember and others will not guess."
		case l.pass != l.repeat:
			l.problem = "The two passphrases are not the same. Type the same passphrase twice."
		default:
			l.asking = true
			return []Effect{Focus{ID: "pk-lock-confirm"}}, true
		}
		return []Effect{Focus{ID: "pk-lock-pass"}}, true
	case "lock.cancel":
		l.asking = false
		return []Effect{Focus{ID: "pk-lock-ask"}}, true
	case "lock.set":
		if !l.asking || !a.stored() || l.key != nil || l.pending != "" {
			return nil, true
		}
		l.asking, l.pending, l.salt, l.rounds = false, lockSet, make([]byte, 16), partnerkit.LockIterations
		_, _ = rand.Read(l.salt) // crypto/rand.Read never fails
		return []Effect{DeriveKey{Passphrase: l.pass, Salt: l.salt, Iterations: l.rounds, Action: "lock.derived"}}, true
	case "lock.open":
		if !l.needed || l.pending != "" {
			return nil, true
		}
		check, found, err := a.save.store.LockCheck()
		if err == nil && !found { // the lock was removed in another tab
			return a.unlocked(), true
		}
		var salt []byte
		var rounds int
		if err == nil {
			salt, rounds, err = partnerkit.LockParams([]byte(check))
		}
		if err != nil {
			l.problem = "The locked data cannot be read (" + plainError(err) + ")."
			return nil, true
		}
		l.problem, l.pending, l.salt, l.rounds = "", lockOpen, salt, rounds
		return []Effect{DeriveKey{Passphrase: l.pass, Salt: salt, Iterations: rounds, Action: "lock.derived"}}, true
	case "lock.derived":
		return a.keyDerived(ev.Files), true
	case "lock.remove":
		return a.removeLock(), true
	case "data.export.locked":
		return a.exportLocked(), true
	default:
		if l.needed && !whileLocked[ev.Action] {
			return nil, true // nothing else is done until the locked data is open
		}
		return nil, false
	}
	return nil, true
}

// keyDerived goes on with what a key was derived for: opening the locked
// data, or locking it.
func (a *App) keyDerived(files []File) []Effect {
	l := &a.lock
	purpose := l.pending
	l.pending = ""
	if purpose == "" || a.save.store == nil {
		return nil
	}
	var s keySealer
	err := errors.New("the browser did not derive a key")
	if len(files) == 1 && files[0].Err == "" {
		var k *partnerkit.LockKey
		if k, err = partnerkit.NewLockKeyFrom(files[0].Data, l.salt, l.rounds); err == nil {
			s, err = newKeySealer(k, files[0].Data)
		}
	} else if len(files) == 1 {
		err = errors.New(files[0].Err)
	}
	if err != nil {
		l.problem = "The browser could not make a key from the passphrase (" + plainError(err) + ")."
		return nil
	}
	if purpose == lockOpen {
		return a.openLocked(s)
	}
	return a.setLock(s)
}

// openLocked opens the locked data with s.
func (a *App) openLocked(s keySealer) []Effect {
	l := &a.lock
	err := a.save.store.Unlock(s)
	if errors.Is(err, partnerkit.ErrWrongPassphrase) {
		l.problem = "This passphrase does not open the data. Check it (capital letters count) and try again."
		return []Effect{Focus{ID: "pk-unlock-pass"}}
	}
	if err != nil {
		l.problem = "The locked data cannot be opened (" + plainError(err) + ")."
		return nil
	}
	l.key = s.k
	return a.unlocked()
}

// unlocked goes on once the data is open: a tab that had changes of its
// own when another tab locked the data keeps them (and saves them, or,
// when the other tab saved since, offers to merge); otherwise the page
// opens as it would have, had the data not been locked.
func (a *App) unlocked() []Effect {
	l := &a.lock
	l.needed, l.pass, l.repeat, l.problem = false, "", "", ""
	text := "Unlocked. Your work is saved on this device locked with your passphrase, as before."
	if l.key == nil {
		text = "The lock was removed in another tab or window: your work is saved on this device unlocked."
	}
	if a.save.dirty {
		a.othersSaved()
		a.notify(Notice{Kind: "ok", Text: text})
		return []Effect{Persist{}, Focus{ID: "pk-main"}}
	}
	key, view := l.key, a.view
	*a = *openStore(a.cfg, a.save.store)
	a.lock.key = key
	if view != ViewStart && view != ViewRate {
		a.view = view
	}
	a.notify(Notice{Kind: "ok", Text: text})
	return []Effect{Focus{ID: "pk-main"}}
}

// setLock locks what the page keeps with s: every workspace, the draft and
// every backup are written again, encrypted.
func (a *App) setLock(s keySealer) []Effect {
	l := &a.lock
	a.Save() // what is locked is the latest
	if err := a.save.store.Lock(s); err != nil {
		l.problem = "Nothing was locked: the browser did not let partnerkit write the locked data (" + plainError(err) + "). Your data is kept as it was, unlocked."
		return []Effect{Focus{ID: "pk-lock-problem"}}
	}
	l.key, l.pass, l.repeat, l.problem = s.k, "", "", ""
	a.notify(Notice{Kind: "ok", Text: "Locked. What partnerkit keeps in this browser is now encrypted with your passphrase; partnerkit asks for it each time it opens. Keep the passphrase safe: without it, nobody can open the data."})
	return []Effect{Focus{ID: "pk-lock-h"}}
}

// removeLock writes what the page keeps as it is again, unencrypted.
func (a *App) removeLock() []Effect {
	l := &a.lock
	if l.key == nil || a.save.store == nil {
		return nil
	}
	if err := a.save.store.RemoveLock(); err != nil {
		if errors.Is(err, store.ErrLocked) {
			a.othersSaved()
		}
		a.notify(Notice{Kind: "problem", Text: "The lock was not removed: the browser did not let partnerkit write the data (" + plainError(err) + "). Your data stays locked."})
		return nil
	}
	l.key = nil
	a.notify(Notice{Kind: "ok", Text: "The lock is removed: partnerkit keeps your work in this browser unencrypted again, and opens without a passphrase."})
	return []Effect{Focus{ID: "pk-lock-h"}}
}

// exportLocked downloads the open workspace locked with the passphrase: a
// copy that partnerkit.LoadLocked opens.
func (a *App) exportLocked() []Effect {
	if a.lock.key == nil {
		return nil
	}
	data, err := a.copyOut(true)
	if err == nil {
		data, err = a.sealFile(data)
	}
	if err != nil {
		a.problem("The locked copy could not be made.", err)
		return nil
	}
	return []Effect{Download{Name: "partnerkit-locked-" + a.cfg.Now().Format("2006-01-02") + ".json", Type: "application/json", Data: data}}
}

// checkLock follows a lock set or removed in another tab: the page asks
// for the passphrase of data locked there, and forgets the key of a lock
// removed there.
func (a *App) checkLock() {
	st := a.save.store
	if st == nil {
		return
	}
	switch {
	case st.Locked():
		a.lock.needed, a.lock.key = true, nil
	case a.lock.key != nil && !st.Sealed():
		a.lock.key = nil
	}
}

// viewLock is the Your data tab's section on the lock.
func (a *App) viewLock() *Node {
	l := &a.lock
	if !a.stored() {
		return nil
	}
	var problem *Node
	if l.problem != "" {
		problem = El("p", ID("pk-lock-problem"), Class("pk-notice pk-notice-problem"), A("role", "alert"), A("tabindex", "-1"), l.problem)
	}
	if l.key != nil {
		return El("section", A("aria-labelledby", "pk-lock-h"),
			El("h3", ID("pk-lock-h"), A("tabindex", "-1"), "Locked with a passphrase"),
			El("p", "What partnerkit keeps in this browser is encrypted with your passphrase: another page or program that reads the browser's storage finds only unreadable text. partnerkit asks for the passphrase each time it opens."),
			El("p", "A copy you download is not locked, unless you download a locked copy: it opens with the passphrase only. A copy saved to a file you chose is locked the same way."),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), ID("pk-export-locked"), On("click", "data.export.locked"), "Download a locked copy (.json file)"),
				El("button", A("type", "button"), Class("pk-secondary"), ID("pk-lock-remove"), On("click", "lock.remove"), "Remove the lock")),
			problem)
	}
	var confirm *Node
	if l.asking {
		confirm = El("div", Class("pk-confirm"), A("role", "alertdialog"), A("aria-labelledby", "pk-lock-confirm-text"),
			El("p", ID("pk-lock-confirm-text"), "If this passphrase is lost, your data is lost: nobody can open it, not you, not partnerkit, not anyone. Write the passphrase down and keep it somewhere safe. Lock your data now?"),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), ID("pk-lock-confirm"), On("click", "lock.set"), "Yes, lock it"),
				El("button", A("type", "button"), Class("pk-secondary"), On("click", "lock.cancel"), "Cancel")))
	}
	var busy *Node
	if l.pending == lockSet {
		busy = El("p", ID("pk-lock-busy"), A("role", "status"), "Locking…")
	}
	return El("section", A("aria-labelledby", "pk-lock-h"),
		El("h3", ID("pk-lock-h"), A("tabindex", "-1"), "Lock with a passphrase"),
		El("p", "Other pages opened from this computer's files can read what this browser keeps for partnerkit. Lock it with a passphrase and it is kept encrypted: every workspace on this device and every backup. partnerkit then asks for the passphrase each time it opens."),
		El("p", El("strong", "A lost passphrase is lost data: "), "nobody can open locked data without it, partnerkit included."),
		El("div", Class("pk-field"),
			El("label", A("for", "pk-lock-pass"), "Passphrase (at least 10 characters)"),
			El("input", ID("pk-lock-pass"), A("type", "password"), A("autocomplete", "new-password"), On("input", "lock.pass"))),
		El("div", Class("pk-field"),
			El("label", A("for", "pk-lock-repeat"), "The same passphrase again"),
			El("input", ID("pk-lock-repeat"), A("type", "password"), A("autocomplete", "new-password"), On("input", "lock.repeat"))),
		El("button", A("type", "button"), ID("pk-lock-ask"), On("click", "lock.ask"), "Lock with this passphrase"),
		confirm, busy, problem)
}

// viewUnlock is the page while the data is locked and not open yet.
func (a *App) viewUnlock() *Node {
	l := &a.lock
	var problem, busy, unsaved *Node
	if l.problem != "" {
		problem = El("p", ID("pk-unlock-problem"), Class("pk-notice pk-notice-problem"), A("role", "alert"), l.problem)
	}
	if l.pending == lockOpen {
		busy = El("p", ID("pk-unlock-busy"), A("role", "status"), "Opening…")
	}
	if a.Unsaved() {
		unsaved = El("div", ID("pk-unlock-unsaved"), Class("pk-notice pk-notice-problem"),
			El("p", "The data was locked in another tab or window. The changes you made here are not saved yet: type the passphrase to save them. Until then they are only in this tab, and closing it asks first."),
			El("div", Class("pk-actions"),
				El("button", A("type", "button"), ID("pk-unlock-download"), On("click", "data.export"), "Download a copy now (not locked)")))
	}
	return El("section", A("aria-labelledby", "pk-unlock-h"),
		El("h2", ID("pk-unlock-h"), "Your data is locked"),
		El("p", "What partnerkit keeps in this browser is locked with a passphrase. Type it to open your work."),
		unsaved,
		El("div", Class("pk-field"),
			El("label", A("for", "pk-unlock-pass"), "Passphrase"),
			El("input", ID("pk-unlock-pass"), A("type", "password"), A("autocomplete", "current-password"), On("input", "lock.pass"))),
		El("button", A("type", "button"), ID("pk-unlock"), On("click", "lock.open"), "Open"),
		busy, problem,
		El("h3", "Lost the passphrase?"),
		El("p", "Without it nobody can open the data, partnerkit included. If you have a copy of your work as a file, you can delete the locked data and open that file again."),
		El("button", A("type", "button"), ID("pk-delete"), Class("pk-danger"), On("click", "data.delete"), "Delete all data on this device"),
		a.viewDeleteAll())
}
