package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/internal/words"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// Opening a file: a colleague's copy of the open workspace is merged into
// it (the default) or replaces it, after a preview that says what the merge
// takes and shows each conflict side by side with a choice; nothing changes
// until the user confirms, and the version before is kept as a backup. A
// file of another workspace of the device opens that one first; a file of a
// workspace the device does not have opens as a new one.

// mergeState is a colleague's file waiting for the user's decision.
type mergeState struct {
	file      string // the file's name
	theirs    *partnerkit.Workspace
	merged    *partnerkit.Workspace
	conflicts []partnerkit.Conflict
	take      []partnerkit.Side // the choice for each conflict
	summary   string            // what the merge takes from theirs, in plain words
	based     bool              // a version both copies shared was found
	replace   bool              // the user chose "Replace mine"
	same      bool              // their copy holds nothing mine lacks and no conflict
	names     map[string]string // the records of both copies by id, named in words
}

// importWorkspace opens a workspace file.
func (a *App) importWorkspace(files []File) []Effect {
	if len(files) == 0 {
		return nil
	}
	if len(files) > 1 {
		a.notify(Notice{Kind: "problem", Text: "Please import one workspace file at a time."})
		return nil
	}
	f := files[0]
	home := "pk-import"
	if a.view == ViewStart {
		home = "pk-start-import"
	}
	// In two slices for a big file: read it, then open it (or compare it
	// with the open workspace).
	var theirs *partnerkit.Workspace
	read := ""
	return a.runTask(&task{home: home, phases: []phase{{
		line: func() string { return fmt.Sprintf("Reading %q…%s", f.Name, read) },
		run: func(t *task) bool {
			// Read as the page reads its own save, so that every state the page
			// keeps, unfinished records included, exports and opens back as it was.
			var err error
			theirs, err = partnerkit.DecodeProgress(bytes.NewReader(withoutBOM(f.Data)), a.pauses(func(done, total int64) {
				read = fmt.Sprintf(" %d%%", done*100/max(total, 1))
			}))
			read = ""
			if err != nil {
				a.notify(Notice{Kind: "problem",
					Text:    fmt.Sprintf("%q was not imported: it is not a partnerkit workspace file partnerkit can use. Your current data is unchanged.", f.Name),
					Details: problemLines(err)})
				t.stop()
			}
			return true
		},
	}, {
		line: steady(fmt.Sprintf("Opening %q…", f.Name)),
		run: func(t *task) bool {
			a.touched("task.done")
			t.then = a.openImported(f.Name, theirs)
			return true
		},
	}}}, len(f.Data))
}

// openImported opens a workspace file read by importWorkspace: as a
// workspace of its own, or, for a copy of one this device has, with what it
// changes shown before anything changes.
func (a *App) openImported(name string, theirs *partnerkit.Workspace) []Effect {
	onDevice := false
	if a.stored() && theirs.WorkspaceID != "" {
		_, onDevice = a.save.store.Entry(theirs.WorkspaceID)
	}
	switch {
	case theirs.WorkspaceID != "" && theirs.WorkspaceID == a.ws.WorkspaceID && !a.empty():
	case onDevice:
		a.openStored(theirs.WorkspaceID)
		if a.ws.WorkspaceID != theirs.WorkspaceID {
			return nil
		}
	default:
		// A workspace this device does not have: it opens as a new one.
		if theirs.WorkspaceID == "" || theirs.WorkspaceID == a.ws.WorkspaceID {
			theirs.WorkspaceID = partnerkit.NewWorkspaceID()
		}
		if !a.open(theirs) {
			return []Effect{Focus{ID: "pk-notices"}}
		}
		a.saveNow()
		if theirs.Lineage != nil {
			a.shareTheirs(theirs)
		}
		text := fmt.Sprintf("Opened %q as a workspace of its own.", name)
		text += unfinished(theirs)
		if a.stored() {
			if es, _, _ := a.save.store.Entries(); len(es) > 1 {
				text += " Your other workspaces are listed on Start."
			}
		}
		a.notify(Notice{Kind: "ok", Text: text})
		return []Effect{Focus{ID: "pk-main"}}
	}
	a.preview(name, theirs)
	a.view = ViewData
	return []Effect{Focus{ID: "pk-merge-h"}}
}

// unfinished says, when ws holds work that is not finished yet, that each
// page shows what is missing; "" when it is finished.
func unfinished(ws *partnerkit.Workspace) string {
	err := ws.Validate()
	if err == nil {
		return ""
	}
	text := " It holds work that is not finished yet"
	if ve := (*partnership.ValidationError)(nil); errors.As(err, &ve) {
		text += " (" + words.Count(len(ve.Problems)+ve.More, "value", "values") + " to fill in or correct)"
	}
	return text + ": each page shows what is missing."
}

// preview merges their copy into the open workspace, for the user to see
// before anything changes.
func (a *App) preview(file string, theirs *partnerkit.Workspace) {
	base := a.base(a.ws, theirs)
	merged, conflicts := partnerkit.Merge(base, a.ws, theirs)
	ms := &mergeState{file: file, theirs: theirs, merged: merged, conflicts: conflicts,
		take: make([]partnerkit.Side, len(conflicts)), based: base != nil}
	ms.summary = partnerkit.Summary(a.ws, merged)
	ms.names = recordNames(a.ws, theirs)
	ms.same = ms.summary == "" && len(conflicts) == 0
	a.merging = ms
}

// handleMerge handles the merge preview's events.
func (a *App) handleMerge(ev Event) ([]Effect, bool) {
	ms := a.merging
	switch ev.Action {
	case "merge.mode":
		if ms != nil {
			ms.replace = ev.Value == "replace"
		}
		return nil, true
	case "merge.take":
		i, err := strconv.Atoi(ev.Arg)
		if ms == nil || err != nil || i < 0 || i >= len(ms.take) {
			return nil, true
		}
		ms.take[i] = partnerkit.Mine
		if ev.Value == "theirs" {
			ms.take[i] = partnerkit.Theirs
		}
		return nil, true
	case "merge.cancel":
		a.merging = nil
		a.notify(Notice{Kind: "ok", Text: "Nothing was changed: your workspace is as it was."})
		return []Effect{Focus{ID: "pk-main"}}, true
	case "merge.confirm":
		if ms == nil {
			return nil, true
		}
		if ms.replace {
			return a.replaceMine(ms), true
		}
		return a.mergeMine(ms), true
	}
	return nil, false
}

// mergeMine applies the merge with the user's choices, keeping the version
// before aside.
func (a *App) mergeMine(ms *mergeState) []Effect {
	var choices []partnerkit.Choice
	for i, c := range ms.conflicts {
		if ms.take[i] == partnerkit.Theirs {
			choices = append(choices, partnerkit.Choice{Conflict: c, Take: partnerkit.Theirs})
		}
	}
	merged := ms.merged
	if len(choices) > 0 {
		var err error
		merged, err = partnerkit.Resolve(ms.merged, choices...)
		if err != nil {
			a.notify(Notice{Kind: "problem", Text: "These choices cannot go together: change one of them, then merge again. Nothing was changed yet.", Details: problemLines(err)})
			return []Effect{Focus{ID: "pk-merge-h"}}
		}
	}
	kept, ok := a.keepAside(store.BeforeMerge, "merge it")
	if !ok {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.shareTheirs(ms.theirs)
	a.save.dirty = false
	if !a.open(merged) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.saveNow()
	text := "Merged " + quote(ms.file) + " into your workspace."
	if ms.summary != "" {
		text += " Their copy " + ms.summary + "."
	}
	if n := len(ms.conflicts); n > 0 {
		text += " " + plural(n, "value both copies changed was", "values both copies changed were") + " settled as you chose."
	}
	a.notify(Notice{Kind: "ok", Text: text + kept})
	return []Effect{Focus{ID: "pk-main"}}
}

// replaceMine puts their copy in place of mine, keeping mine aside.
func (a *App) replaceMine(ms *mergeState) []Effect {
	kept, ok := a.keepAside(store.BeforeReplace, "replace it")
	if !ok {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.shareTheirs(ms.theirs)
	a.save.dirty = false
	if !a.open(ms.theirs) {
		return []Effect{Focus{ID: "pk-notices"}}
	}
	a.saveNow()
	a.notify(Notice{Kind: "ok", Text: "Replaced your workspace by " + quote(ms.file) + "." + kept})
	return []Effect{Focus{ID: "pk-main"}}
}

// shareTheirs keeps their copy as a version both sides now have: the base
// of the next merge with it.
func (a *App) shareTheirs(theirs *partnerkit.Workspace) {
	if !theirs.Current() {
		theirs.Stamp()
	}
	if data, err := Marshal(theirs); err == nil && a.stored() {
		_ = a.save.store.Share(theirs.WorkspaceID, theirs.Revision(), string(data))
	}
}

// base returns the version to merge theirs into mine from: the best common
// revision of the two that the device still keeps, or nil when there is
// none (then the merge deletes nothing).
func (a *App) base(mine, theirs *partnerkit.Workspace) *partnerkit.Workspace {
	if !a.stored() {
		return nil
	}
	for _, rev := range partnerkit.CommonAncestors(mine, theirs) {
		data, ok, err := a.save.store.Shared(mine.WorkspaceID, rev)
		if err != nil || !ok {
			continue
		}
		if ws, err := partnerkit.Decode(strings.NewReader(data)); err == nil {
			return ws
		}
	}
	return nil
}

// viewMerge shows the preview of a colleague's file: what it takes, the
// conflicts side by side, and the choice of merging or replacing.
func (a *App) viewMerge() *Node {
	ms := a.merging
	if ms == nil {
		return nil
	}
	mode := El("fieldset", Class("pk-choice"),
		El("legend", "What to do with their copy"),
		radio("pk-merge-mode-merge", "merge-mode", "merge", !ms.replace, "merge.mode", "", "Merge into mine: keep everything both copies hold (recommended)"),
		radio("pk-merge-mode-replace", "merge-mode", "replace", ms.replace, "merge.mode", "", "Replace mine by their copy"))
	var body []*Node
	switch {
	case ms.replace:
		lost := partnerkit.Summary(ms.theirs, a.ws)
		text := "Your workspace will be replaced by their copy."
		if lost != "" {
			text = "Replacing takes their copy as it is. Compared with it, your workspace " + lost + ": that would no longer be in the workspace, only in the backup."
		}
		body = append(body, El("p", ID("pk-merge-summary"), text))
	case ms.same:
		body = append(body, El("p", ID("pk-merge-summary"), "Their copy holds nothing that yours does not: merging changes nothing."))
	default:
		text := "Their copy holds nothing that yours does not, but for the values below."
		if ms.summary != "" {
			text = "Their copy " + ms.summary + "."
		}
		body = append(body, El("p", ID("pk-merge-summary"), text))
		if !ms.based {
			body = append(body, El("p", Class("pk-hint"), "This device has no version that both copies come from, so nothing your copy holds is deleted: where the copies differ and both hold a value, you choose."))
		}
		if len(ms.conflicts) > 0 {
			body = append(body, El("h4", plural(len(ms.conflicts), "value both copies changed", "values both copies changed")+": choose for each"))
			items := make([]*Node, len(ms.conflicts))
			for i, c := range ms.conflicts {
				items[i] = a.viewConflict(i, c, ms.take[i])
			}
			body = append(body, El("div", ID("pk-conflicts"), items))
		}
	}
	confirm := "Merge into my workspace"
	if ms.replace {
		confirm = "Replace my workspace"
	}
	return El("section", ID("pk-merge"), Class("pk-merge"), A("aria-labelledby", "pk-merge-h"),
		El("h3", ID("pk-merge-h"), A("tabindex", "-1"), "A copy of this workspace: "+ms.file),
		El("p", "This file is another copy of the workspace open now, "+a.nameOf(a.ws)+", changed elsewhere. Nothing changes until you confirm, and the version you have now is kept as a backup."),
		mode, body,
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-merge-confirm"), On("click", "merge.confirm"), confirm),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-merge-cancel"), On("click", "merge.cancel"), "Cancel: change nothing")))
}

// viewConflict shows one conflict: the two values side by side, and the
// choice between them.
func (a *App) viewConflict(i int, c partnerkit.Conflict, take partnerkit.Side) *Node {
	n := strconv.Itoa(i)
	what := c.What
	switch c.Kind {
	case partnerkit.ChangedAndDeleted:
		what += " (one copy changed it, the other deleted it)"
	case partnerkit.DeletedButUsed:
		what += " (one copy deleted it, but the other still uses it)"
	case partnerkit.NotValidTogether:
		what += " (each change is fine alone, but not together)"
	}
	return El("fieldset", Key("conflict-"+n+"-"+c.Path), ID("pk-conflict-"+n), Class("pk-conflict"),
		El("legend", what),
		El("div", Class("pk-sides"),
			El("div", Class("pk-side"),
				radio("pk-conflict-"+n+"-mine", "conflict-"+n, "mine", take == partnerkit.Mine, "merge.take", n, "Keep yours"),
				El("p", Class("pk-value"), valueText(c.Mine, a.refNames(c.Path)))),
			El("div", Class("pk-side"),
				radio("pk-conflict-"+n+"-theirs", "conflict-"+n, "theirs", take == partnerkit.Theirs, "merge.take", n, "Take theirs"),
				El("p", Class("pk-value"), valueText(c.Theirs, a.refNames(c.Path))))))
}

// radio is one labelled radio button that sends action with arg and its value.
func radio(id, name, value string, checked bool, action, arg, label string) *Node {
	in := El("input", ID(id), A("type", "radio"), A("name", name), A("value", value), On("change", action))
	if arg != "" {
		in.Attrs = append(in.Attrs, Arg(arg))
	}
	if checked {
		in.Attrs = append(in.Attrs, A("checked", ""))
	}
	return El("label", Class("pk-radio"), A("for", id), in, " "+label)
}

// refKeys are the fields that hold the id of another record (an
// organization, a person, a priority, a measure, a meeting), or a list of
// them: a conflict on one shows the records' names, never their ids.
var refKeys = map[string]bool{
	"org": true, "owner": true, "person": true, "partner": true, "priority": true, "priorities": true,
	"schools": true, "initiatives": true, "measure": true, "from": true,
}

// refNames returns the names of the records of the merge being previewed
// when the value at path refers to records by id, and nil otherwise.
func (a *App) refNames(path string) map[string]string {
	if a.merging == nil {
		return nil
	}
	key := path
	for strings.HasSuffix(key, "]") {
		i := strings.LastIndexByte(key, '[')
		if i < 0 {
			break
		}
		key = key[:i]
	}
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	if !refKeys[key] {
		return nil
	}
	return a.merging.names
}

// recordNames names every record of the workspaces that has an id, by id.
func recordNames(wss ...*partnerkit.Workspace) map[string]string {
	names := map[string]string{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if id, ok := x["id"].(string); ok && id != "" && names[id] == "" {
				if n := recordName(x); n != "" {
					names[id] = n
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	for _, ws := range wss {
		data, err := Marshal(ws)
		if err != nil {
			continue
		}
		var v any
		if json.Unmarshal(data, &v) == nil {
			walk(v)
		}
	}
	return names
}

// recordName is what a record is called: its name, title or text.
func recordName(rec map[string]any) string {
	for _, k := range []string{"name", "title", "text", "what", "rater", "audience", "source"} {
		if s, ok := rec[k].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// valueText shows a conflict's value in plain words: text as typed, yes or
// no, numbers as written, a list one entry a line, a record by its name,
// and, where names is not nil, a reference to a record by the record's name.
func valueText(raw json.RawMessage, names map[string]string) string {
	if raw == nil {
		return "(nothing: not there, or empty)"
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return string(raw)
	}
	return plainValue(v, names)
}

func plainValue(v any, names map[string]string) string {
	switch x := v.(type) {
	case nil:
		return "(nothing)"
	case string:
		if strings.TrimSpace(x) == "" {
			return "(empty)"
		}
		if n := names[x]; n != "" {
			return n
		}
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case json.Number:
		return x.String()
	case []any:
		if len(x) == 0 {
			return "(none)"
		}
		lines := make([]string, len(x))
		for i, e := range x {
			lines[i] = "• " + plainValue(e, names)
		}
		return strings.Join(lines, "\n")
	case map[string]any:
		if n := recordName(x); n != "" {
			return n
		}
		return "(a version without a name)"
	}
	return fmt.Sprint(v)
}

// withoutBOM drops the byte-order mark an editor may put before a JSON
// file's text, as the browser's reading of a file as text did.
func withoutBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\ufeff")) }
