package ui

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// View names one screen of the page.
type View string

// The page's screens.
const (
	// ViewRate is where one rater rates the rubric.
	ViewRate View = "rate"
	// ViewFacilitate is where the facilitator gathers responses and reads the summary.
	ViewFacilitate View = "facilitate"
	// ViewStart explains partnerkit and opens a workspace or the example.
	ViewStart View = "start"
	// ViewReview lists every finding of the review, with the map of initiatives.
	ViewReview View = "review"
	// ViewData is where the workspace is exported, imported and deleted.
	ViewData View = "data"
	// ViewPartnership edits the partnership: district, partners, schools,
	// people, priorities, initiatives and capacity, with the map and findings.
	ViewPartnership View = "partnership"
	// ViewContract edits the supplement to the contract as a guided form.
	ViewContract View = "contract"
	// ViewMeetings plans, runs (live mode) and closes the partnership's meetings.
	ViewMeetings View = "meetings"
	// ViewProgress is the partnership over time: the figures recorded for
	// each success measure against its targets, and quarter by quarter what
	// the quarterly meeting looks at; it prints as the data pre-read.
	ViewProgress View = "progress"
)

// Event is something the user did: the action bound to the element
// (data-on-click and friends), its argument, and the element's value.
type Event struct {
	// Action is the name bound to the element, such as "rate.name".
	Action string
	// Arg is the element's data-arg.
	Arg string
	// Path is the element's data-path: the JSON path of the workspace value
	// the element edits (see Field).
	Path string
	// Value is the element's value (inputs, selects, text areas).
	Value string
	// Files are the files chosen or dropped.
	Files []File
}

// File is a file the user chose or dropped on the page.
type File struct {
	Name string
	// Data is the file's content, byte for byte.
	Data []byte
	// Err says why the file could not be read, if it could not.
	Err string
}

// Effect is something the DOM layer does for the app after an event.
type Effect interface{ effect() }

// Download offers Data to the user as a file called Name.
type Download struct {
	Name, Type string
	Data       []byte
}

// Copy puts Text on the clipboard. When the browser refuses, the DOM layer
// sends the event "copy.failed" with Arg Field and the reason as Value.
type Copy struct{ Text, Field string }

// Select focuses the text field with this id and selects its text, ready to
// be copied by hand.
type Select struct{ ID string }

func (Select) effect() {}

// Post sends Data (JSON text) to the embedding page at Origin, only there.
type Post struct {
	Origin string
	Data   string
}

// SaveFile writes Data to the file the user chose for the workspace, with
// the File System Access API: the file chosen before, or one the browser
// asks for (suggesting Name) when Ask is true or none was chosen yet. The
// DOM layer sends "data.file.saved" with the file's name as Value, or
// "data.file.failed" with the reason.
type SaveFile struct {
	Name string
	Data []byte
	Ask  bool
}

func (SaveFile) effect() {}

// Print opens the browser's print dialog.
type Print struct{}

// Persist says the workspace changed and should be saved (debounced).
type Persist struct{}

// Focus moves keyboard focus to the element with this id.
type Focus struct{ ID string }

// FocusFirst scrolls to and focuses the first of the elements with these ids
// that is on the page: the field a finding is about, or else the nearest
// thing around it.
type FocusFirst struct{ IDs []string }

func (FocusFirst) effect() {}

// Later asks the DOM layer to send the event Action once, After this long,
// unless Later with the same Action comes again before: then the wait starts
// over. It lets costly work (the map, the findings) wait for a pause in typing.
type Later struct {
	Action string
	After  time.Duration
}

func (Later) effect() {}

// AfterFrame asks the DOM layer to send the event Action once the page has
// drawn the frame that shows this event's result: work that this frame does
// not need waits for it.
type AfterFrame struct{ Action string }

func (AfterFrame) effect() {}

func (Download) effect() {}
func (Copy) effect()     {}
func (Post) effect()     {}
func (Print) effect()    {}
func (Persist) effect()  {}
func (Focus) effect()    {}

// Notice is a message shown at the top of the page until dismissed.
type Notice struct {
	// Kind is "ok", "info" or "problem".
	Kind string
	// Text says what happened in a sentence.
	Text string
	// Details list the problems one by one (each with its field).
	Details []string
	// Export offers to download the workspace, as a button in the notice.
	Export bool
	// seq numbers the notice among the app's, from 1: its Dismiss button
	// names it by it, so that a click held or repeated while another is
	// dismissed still dismisses the notice it was made on.
	seq int
}

// SaveStatus is what the page says about saving on this device.
type SaveStatus struct {
	// Text is shown in the status line ("Saved", "Not saved: ...") and
	// read out by screen readers when it changes.
	Text string
	// At is when, shown but not read out, so that every save is not announced.
	At string
	// Problem is true when the last save failed.
	Problem bool
}

// Restore turns the workspace saved on the device (store.WorkspaceKey) into a workspace.
// When nothing was saved it returns a new workspace. When the saved data
// cannot be read it returns a new workspace, a notice saying so, and
// aside=true: the caller must keep the saved data under a backup key before
// anything is saved over it.
func Restore(saved string, found bool) (ws *partnerkit.Workspace, n *Notice, aside bool) {
	if !found || strings.TrimSpace(saved) == "" {
		return partnerkit.New(), nil, false
	}
	ws, err := partnerkit.Decode(strings.NewReader(saved))
	if err != nil {
		return partnerkit.New(), &Notice{
			Kind: "problem",
			Text: "The data saved on this device could not be read, so partnerkit started with an empty workspace. " +
				"Nothing was deleted: the saved data is kept aside on this device under a backup name, and you can download it from the Your data tab.",
			Details: problemLines(err),
		}, true
	}
	return ws, nil, false
}

// Marshal returns the workspace as saved to localStorage and to export files.
func Marshal(ws *partnerkit.Workspace) ([]byte, error) {
	var buf bytes.Buffer
	if err := ws.Save(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// problemLines lists an error's problems one per line, each with the place
// in plain words first ("Partners › partner 2 › approach: ..."): the first
// maxDetails of them, and then how many more there are. A file of another
// version of partnerkit is explained in a sentence.
func problemLines(err error) []string {
	var vErr *partnerkit.VersionError
	if errors.As(err, &vErr) {
		if vErr.Found > partnerkit.SchemaVersion {
			return []string{"This file was written by a newer version of partnerkit than this page. Open it with the newer partnerkit it came from, or ask for a newer copy of this page."}
		}
		return []string{"This file does not say which version of partnerkit wrote it, so it cannot be read safely. Open the file partnerkit downloaded, not a copy changed by hand."}
	}
	var ve *partnership.ValidationError
	if errors.As(err, &ve) {
		words := &App{model: newModel(), ws: partnerkit.New()} // names the places, not the items of a file not opened
		shown := ve.Problems[:min(len(ve.Problems), maxDetails)]
		out := make([]string, 0, len(shown)+1)
		for _, p := range shown {
			if p.Unknown {
				out = append(out, unknownLine(words, p.Path))
				continue
			}
			if p.Path != "" {
				// A decoding problem says only what the value must be ("must be
				// text in quotes"); a checked value's message starts with its
				// field's name ("email must be …"), which the page has said in
				// words already.
				msg := strings.TrimPrefix(p.Message, p.Path+": ")
				msg = strings.TrimPrefix(msg, p.Path[strings.LastIndexByte(p.Path, '.')+1:]+" ")
				out = append(out, fmt.Sprintf("%s: %s", capitalize(words.where(p.Path)), msg))
			} else {
				out = append(out, p.Message)
			}
		}
		if more := len(ve.Problems) - len(shown) + ve.More; more > 0 {
			out = append(out, fmt.Sprintf("and %s more", schema.Thousands(more)))
		}
		return out
	}
	return []string{err.Error()}
}

// unknownLine says in words that a file has a name at path (its last step)
// where partnerkit keeps nothing of that name: the place by what it holds,
// the name as the file has it, and what to do. The names allowed there are
// the file's words, for whoever edits it: the message of the library says
// them.
func unknownLine(words *App, path string) string {
	parent, name := path, path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		parent, name = path[:i], path[i+1:]
	} else {
		parent = ""
	}
	where := "This file"
	if parent != "" {
		where = capitalize(words.where(parent)) + ": this file"
	}
	return fmt.Sprintf("%s has %q, which partnerkit does not keep there: it may be mistyped, or come from another program. Remove it from the file, or ask whoever sent it for a file partnerkit wrote.", where, name)
}
