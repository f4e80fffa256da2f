//go:build !js

package browsertest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
)

// TestLockWithAPassphrase opens a workspace with a person's e-mail from a
// file and the example beside it, locks the device's data with a
// passphrase typed key by key, then reads the raw storage from another
// page opened from disk (the same storage, in Chromium) and finds no name
// and no e-mail in it; reloads and unlocks, and goes on working; and
// downloads a locked copy that Go opens with the passphrase.
func TestLockWithAPassphrase(t *testing.T) {
	const (
		pass     = "lantern river 1987"
		email    = "morgan.reyes@hamsgulch.example"
		district = "Hams Gulch Unified School District"
		renamed  = "Hams Gulch and partners, locked"
	)
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)

	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	require.NoError(t, err)
	ws.WorkspaceID = partnerkit.NewWorkspaceID()
	ws.Partnership.People[0].Email = email
	var buf bytes.Buffer
	require.NoError(t, ws.Save(&buf))
	file := filepath.Join(t.TempDir(), "with-email.json")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
	b.openExample(u)
	b.click(`#pk-nav-start`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-start-import`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
	b.settled()
	// The example is deleted: it is kept as a backup, to be locked too.
	b.click(`#pk-nav-start`)
	b.click(`#pk-ws-delete-` + casefileID(t))
	b.click(`#pk-ws-delete-confirm`)
	b.settled()

	// Another page opened from disk reads the same storage, all of it.
	other := filepath.Join(t.TempDir(), "elsewhere", "attachment.html")
	require.NoError(t, os.MkdirAll(filepath.Dir(other), 0o755))
	require.NoError(t, os.WriteFile(other, []byte("<!doctype html><title>An attachment</title><p>Hello</p>"), 0o644))
	reader := b.newTab()
	reader.do(chromedp.Navigate(fileURL(other)))
	const readAll = `Object.keys(localStorage).map(k => k + "=" + localStorage.getItem(k)).join("\n")`
	raw := eval[string](reader, readAll)
	require.True(t, strings.Contains(raw, email), "unlocked, the other page reads the e-mail")
	require.True(t, strings.Contains(raw, "partnerkit.backup."), "and a backup")

	p := newPauses(t)
	b.lockWith(pass, p)

	// Another page opened from disk reads the same storage: no name in it.
	// (A page open already learns of other pages' writes a little later: a
	// page opened now reads the storage as it is.)
	reader = b.newTab()
	reader.do(chromedp.Navigate(fileURL(other)))
	reader.do(chromedp.Poll[chromedp.Void](`localStorage.getItem("partnerkit.lock") !== null`, chromedp.WithPollingTimeout(5*time.Second)))
	raw = eval[string](reader, readAll)
	require.True(t, strings.Contains(raw, "partnerkit.workspaces="), "the other page reads partnerkit's storage")
	require.True(t, strings.Contains(raw, "partnerkit.backup."), "backups too")
	for _, s := range []string{district, "Hams Gulch", "Morgan Reyes", email, "hamsgulch", pass} {
		assert.False(t, strings.Contains(raw, s), "another page finds %q", s)
	}

	// Reloaded, the page asks for the passphrase; once it is typed, work
	// goes on, and is saved locked.
	b.open(u)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-unlock-pass`)))
	assert.Contains(t, b.text(`#pk-status`), "Locked")
	b.human(`#pk-unlock-pass`, pass, false, p)
	b.click(`#pk-unlock`)
	b.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-unlock-pass`)))
	b.click(`#pk-nav-partnership`)
	assert.Equal(t, district, b.value(at("partnership.district.name")))
	b.human(at("partnership.name"), renamed, true, p)
	b.settled()

	// A locked copy, downloaded, opens in Go with the passphrase.
	b.click(`#pk-nav-data`)
	b.click(`#pk-export-locked`)
	data, err := os.ReadFile(b.waitFile(dl, "partnerkit-locked-*.json"))
	require.NoError(t, err)
	reader = b.newTab()
	reader.do(chromedp.Navigate(fileURL(other)))
	raw = eval[string](reader, readAll)
	assert.False(t, strings.Contains(raw, "and partners, locked"), "what was typed after unlocking is saved locked")
	assert.False(t, strings.Contains(raw, "Hams Gulch"))
	assert.False(t, strings.Contains(string(data), "Hams Gulch"), "the locked copy holds no name")
	assert.False(t, strings.Contains(string(data), email))
	got, err := partnerkit.LoadLocked(bytes.NewReader(data), pass)
	require.NoError(t, err)
	assert.Equal(t, renamed, got.Partnership.Name)
	assert.Equal(t, email, got.Partnership.People[0].Email)
	b.assertOffline(u)
}

// lockWith locks the device's data with pass on Your data, typed key by
// key, once the page said that a lost passphrase is lost data.
func (b *browser) lockWith(pass string, p *pauses) {
	b.t.Helper()
	b.click(`#pk-nav-data`)
	b.human(`#pk-lock-pass`, pass, false, p)
	b.tab()
	b.human(`#pk-lock-repeat`, pass, false, p)
	b.click(`#pk-lock-ask`)
	assert.Contains(b.t, b.text(`#pk-lock-confirm-text`), "If this passphrase is lost, your data is lost")
	b.click(`#pk-lock-confirm`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-export-locked`)))
}

// casefileID is the workspace ID of the built-in example.
func casefileID(t *testing.T) string {
	t.Helper()
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	require.NoError(t, err)
	return ws.WorkspaceID
}

// chosenFile stands in for the file a person picks in Chromium's "Save
// to file…" dialog: the page writes to it through the File System Access
// API, and the test reads what was last written from window.__pkFile.
const chosenFile = `window.__pkFile = null; window.__pkWrites = 0;
window.showSaveFilePicker = async opts => ({
  name: opts.suggestedName,
  createWritable: async () => {
    const parts = [];
    return {
      write: async d => { parts.push(new TextDecoder().decode(d)); },
      abort: async () => {},
      close: async () => { window.__pkFile = parts.join(""); window.__pkWrites++; },
    };
  },
});`

// TestLockedSaveToFile locks the data, saves to a chosen file and goes on
// typing: the file gets the locked form each time, holds no name, and Go
// opens the latest with the passphrase.
func TestLockedSaveToFile(t *testing.T) {
	const (
		pass    = "lantern river 1987"
		renamed = "Hams Gulch and partners, in a file"
	)
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: chosenFile})
	require.NoError(t, err)
	u := fileURL(built.page)
	b.openExample(u)

	p := newPauses(t)
	b.lockWith(pass, p)

	b.click(`#pk-save-file`)
	b.do(chromedp.Poll[chromedp.Void](`window.__pkWrites >= 1`, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Contains(t, b.text(`#pk-notices`), "Saved a locked copy")
	first := eval[string](b, `window.__pkFile`)
	require.True(t, partnerkit.IsLocked([]byte(first)), "the chosen file gets the locked form")
	assert.NotContains(t, first, "Hams Gulch")
	_, err = partnerkit.LoadLocked(strings.NewReader(first), pass)
	require.NoError(t, err)

	// Later saves go to the same file on their own, locked too.
	b.click(`#pk-nav-partnership`)
	b.human(at("partnership.name"), renamed, true, p)
	b.settled()
	var got *partnerkit.Workspace
	require.Eventually(t, func() bool {
		last := eval[string](b, `window.__pkFile`)
		if !partnerkit.IsLocked([]byte(last)) || strings.Contains(last, "Hams Gulch") {
			return false
		}
		got, err = partnerkit.LoadLocked(strings.NewReader(last), pass)
		return err == nil && got.Partnership.Name == renamed
	}, 15*time.Second, 200*time.Millisecond, "the file holds the renamed workspace, locked")
	b.assertOffline(u)
}

// TestATabWaitingForThePassphraseKeepsItsChanges types in one tab while
// another locks the data: the first tab's last changes cannot be saved
// until it has the passphrase. Closing it then asks first (the browser's
// leave-page question), the notice offers a download, and once unlocked
// the changes are saved, locked.
func TestATabWaitingForThePassphraseKeepsItsChanges(t *testing.T) {
	const pass = "lantern river 1987"
	one := newBrowserFor(t, 4*time.Minute)
	u := fileURL(built.page)
	one.openExample(u)
	two := one.newTab()
	var mu sync.Mutex
	var asked []page.DialogType
	chromedp.Listen(two.ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			asked = append(asked, e.Type)
			mu.Unlock()
			go func() {
				_, _ = chromedp.Call(two.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	})
	_, err := chromedp.Call(two.ctx, page.Enable, page.EnableParams{})
	require.NoError(t, err)
	two.open(u)
	two.click(`#pk-nav-partnership`)

	// Tab two types key after key, never pausing long enough to save,
	// while tab one locks the data.
	p := newPauses(t)
	field := at("partnership.district.name")
	two.do(chromedp.WaitVisible(chromedp.CSS(field)), chromedp.Focus(chromedp.CSS(field)))
	stop := make(chan struct{})
	typed := make(chan error, 1)
	go func() {
		for {
			select {
			case <-stop:
				typed <- nil
				return
			default:
			}
			if _, err := chromedp.Run(two.ctx, chromedp.KeyEvent("z")); err != nil {
				typed <- err
				return
			}
			time.Sleep(60 * time.Millisecond)
		}
	}()
	one.lockWith(pass, p)
	two.do(chromedp.WaitVisible(chromedp.CSS(`#pk-unlock-unsaved`)))
	close(stop)
	require.NoError(t, <-typed)
	assert.Contains(t, two.text(`#pk-unlock-unsaved`), "not saved yet")
	assert.True(t, eval[bool](two, `!!document.querySelector("#pk-unlock-download")`), "a copy can be downloaded now")

	// Closing the tab asks first; the user stays.
	_, err = chromedp.Call(two.ctx, page.Close, cdp.Empty{})
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(asked) > 0
	}, 10*time.Second, 50*time.Millisecond, "closing a tab with changes not saved asks first")
	assert.Equal(t, page.DialogTypeBeforeunload, asked[0])
	two.do(chromedp.WaitVisible(chromedp.CSS(`#pk-unlock-pass`)))

	// Unlocked, the changes are saved, and the tab closes without asking.
	two.human(`#pk-unlock-pass`, pass, false, p)
	two.click(`#pk-unlock`)
	two.do(chromedp.WaitNotPresent(chromedp.CSS(`#pk-unlock-pass`)))
	two.click(`#pk-nav-partnership`)
	name := two.value(field)
	assert.True(t, strings.HasSuffix(name, "zz"), "what was typed before the lock is kept: %q", name)
	two.do(chromedp.Poll[chromedp.Void](`document.querySelector("#pk-status").textContent.includes("Saved")`, chromedp.WithPollingTimeout(10*time.Second)))
	one.click(`#pk-nav-start`)
	one.click(`#pk-nav-partnership`)
	mu.Lock()
	n := len(asked)
	mu.Unlock()
	_, err = chromedp.Call(two.ctx, page.Close, cdp.Empty{})
	require.NoError(t, err)
	time.Sleep(time.Second)
	mu.Lock()
	assert.Equal(t, n, len(asked), "nothing left to save: closing does not ask")
	mu.Unlock()
	one.assertOffline(u)
}
