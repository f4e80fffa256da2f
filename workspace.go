// Package partnerkit holds the workspace: one partnership with its readiness
// rounds, its contract supplement and its meetings, saved as one versioned
// JSON file. Load reads and checks such a file, Save writes it, and Review
// runs every check of partnerkit across the tools. Merge brings two copies
// of one workspace together, and Summary says in plain words what one
// version holds that another does not.
package partnerkit

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/readiness"
)

// SchemaVersion is the version of the workspace file format this build
// writes, and the newest it reads. Version 2 added the workspace's
// workspaceId, timeZone, typed and lineage, an id on every record, the
// success measures' numbers (unit, baseline, direction, numeric targets, the
// initiatives they follow), the observations recorded for them and the day
// an action item was done; Load brings a version 1 file up to date (see
// Decode).
const SchemaVersion = 2

// MaxFileSize is the largest workspace file Load accepts: 64 MiB, room for
// about 100,000 readiness responses.
const MaxFileSize = 64 << 20

// ErrTooLarge is returned by Load for a file over MaxFileSize.
var ErrTooLarge = fmt.Errorf("the file is larger than %d MiB, more than any partnerkit workspace needs; check that it is the right file", MaxFileSize>>20)

// VersionError is returned by Load for a file written by a newer partnerkit,
// or one whose schemaVersion is missing or not a version at all.
type VersionError struct {
	// Found is the file's schemaVersion; 0 when it is missing or unreadable.
	Found int
}

func (e *VersionError) Error() string {
	if e.Found > SchemaVersion {
		return fmt.Sprintf("schemaVersion: this file was written by a newer partnerkit (file format version %d); this build reads %s, so please open it with a newer partnerkit", e.Found, readable())
	}
	return fmt.Sprintf("schemaVersion: the file does not say which version of the partnerkit file format it uses; this build reads %s (write \"schemaVersion\": %d at the top)", readable(), SchemaVersion)
}

// readable names the file format versions this build reads.
func readable() string {
	if SchemaVersion == 1 {
		return "version 1"
	}
	return fmt.Sprintf("versions 1 to %d", SchemaVersion)
}

// Workspace is everything partnerkit keeps about one partnership.
type Workspace struct {
	// SchemaVersion is the file format's version; Save always writes SchemaVersion.
	SchemaVersion int `json:"schemaVersion"`
	// WorkspaceID identifies the workspace for good: it is made once, when
	// the workspace is created (New), and kept in the file, so that copies
	// of one workspace can be told from another workspace. Calendar entries
	// are named after it (see Calendar).
	WorkspaceID string `json:"workspaceId,omitempty"`
	// TimeZone is the IANA name of the time zone the workspace's times are
	// in, such as America/Chicago: every meeting starts at a wall-clock time
	// in it. Empty means none was chosen yet, and times are in UTC; see
	// SetTimeZone.
	TimeZone string `json:"timeZone,omitempty"`
	// Partnership is the district, its partners, people and initiatives; nil when not described yet.
	Partnership *partnership.Partnership `json:"partnership,omitempty"`
	// Readiness holds the rounds of the Readiness for Partnership rubric, oldest first.
	Readiness []readiness.Round `json:"readiness,omitempty"`
	// Contract is the Contract Supplement; nil when not started.
	Contract *contract.Supplement `json:"contract,omitempty"`
	// Meetings are the partnership's meetings, in the order they were added.
	Meetings []agenda.Meeting `json:"meetings,omitempty"`
	// Observations are the values recorded for the contract supplement's
	// success measures, in the order they were recorded.
	Observations []progress.Observation `json:"observations,omitempty"`
	// Typed keeps text typed into a field of the page as it was typed, by
	// the JSON path of the field ("partnership.capacity[0].hoursPerWeek"),
	// where the file's value alone would lose it: text that is not a value
	// yet ("7,5 h" for a number of hours), and text that writes a value its
	// own way ("9." for 9). The value at the path stays what it was last;
	// the page shows the text in the field, with what is wrong beside it.
	Typed map[string]string `json:"typed,omitempty"`
	// Lineage names this version of the workspace and the versions it was
	// made from, so that a copy coming back finds the version both sides
	// last shared; nil until the workspace is first stamped (see Stamp).
	Lineage *Lineage `json:"lineage,omitempty"`
}

// New returns an empty workspace of the current version, with a new
// WorkspaceID and no time zone yet.
func New() *Workspace {
	return &Workspace{SchemaVersion: SchemaVersion, WorkspaceID: NewWorkspaceID()}
}

// NewWorkspaceID returns a new, random workspace ID: 26 letters and digits,
// such as "D4ZQ7K2M5X3B6N8P1R7T2V4W6Y".
func NewWorkspaceID() string {
	return rand.Text()
}

// Load reads a workspace file, brings an older format up to date, and checks
// it. It returns a *partnership.ValidationError listing every unknown field,
// wrongly typed value and invalid value by JSON path; a *VersionError for a
// file it cannot read the version of; ErrTooLarge for a file over MaxFileSize.
func Load(r io.Reader) (*Workspace, error) {
	ws, err := Decode(r)
	if err != nil {
		return nil, err
	}
	if err := ws.Validate(); err != nil {
		return nil, err
	}
	return ws, nil
}

// Decode reads a workspace file like Load but does not check the values, only
// the structure: an editor uses it to reopen a draft that is not finished yet,
// and shows Validate's problems to the user instead of refusing the file.
//
// Every meeting's start is placed in the workspace's time zone
// (Start.Location().String() is TimeZone, or UTC when it is empty). The
// file writes each start with its offset from UTC, as in
// "2027-04-20T15:30:00-05:00". In a workspace with a time zone, what counts
// is the date and time of day, in the zone: a meeting stays at 3:30 PM even
// if the zone's rules change after the file was written, and the offset only
// tells apart the two 1:30 AMs of the night clocks go back. In a workspace
// without one, the offset is all there is, and the meeting keeps its
// instant, in UTC.
//
// A version 1 file is brought up to date: it gets a WorkspaceID made from
// its contents (the same file always gets the same one) and no time zone,
// and its meetings keep the very instants the file gave them, in UTC,
// until a zone is chosen with SetTimeZone.
//
// A file of the current version is read straight into the workspace, in
// memory in proportion to its size whatever it holds; a file of an older
// version is read so too, to find its problems, and then, if it has none,
// parsed into a tree, which migrate brings up to date.
func Decode(r io.Reader) (*Workspace, error) {
	return DecodeProgress(r, nil)
}

// DecodeProgress is Decode that tells progress, if not nil, how far it is:
// every 64 KiB or so of the file, the bytes read and the file's size, and at
// the end the size twice. progress is called on the goroutine that decodes
// and may block it, as a page does to let the browser draw and answer input
// while a large file is read. A file of an older version is read twice, the
// second time to upgrade it, which is not told of.
func DecodeProgress(r io.Reader, progress func(done, total int64)) (*Workspace, error) {
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok { // a file in memory: read it in one piece
		buf.Grow(min(l.Len(), MaxFileSize) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, MaxFileSize+1)); err != nil {
		return nil, fmt.Errorf("reading the workspace: %w", err)
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	if IsLocked(data) {
		return nil, ErrLocked
	}
	if progress != nil {
		defer progress(int64(len(data)), int64(len(data)))
	}
	ve := new(partnership.ValidationError)
	raw, isObject := schema.Member(data, "schemaVersion")
	v, verr := version(raw)
	switch {
	case isObject && v == SchemaVersion:
		// A file of this version is read straight into the workspace.
		ws := new(Workspace)
		if !schema.DecodeWith(data, ws, ve, schema.Options{Progress: progress}) {
			return nil, ve
		}
		placeMeetings(ws)
		return ws, nil
	case isObject && verr == nil:
		// A file of an older version is read as it is first, which finds
		// what is wrong with it in memory in proportion to its size; only a
		// file with nothing wrong is upgraded, through a tree.
		if !schema.DecodeWith(data, new(Workspace), ve, schema.Options{Progress: progress, Extra: olderFields}) {
			return nil, ve
		}
		return decodeOlder(data, v)
	}
	// Whatever the file says of its version, what is not JSON is refused
	// as such first.
	if !schema.Check(data, ve) {
		return nil, ve
	}
	if !isObject && !bytes.Equal(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF"))), []byte("null")) {
		ve.Add("", "the file must hold one JSON object, starting with { and ending with }")
		return nil, ve
	}
	return nil, verr
}

// olderFields are the fields of older versions that the workspace does not
// have and migrate turns into others: version 1's "schoolLeader" flag of a
// session attendee.
var olderFields = map[string]func(path string, value []byte) bool{
	"schoolLeader": func(path string, value []byte) bool {
		attendee, ok := strings.CutPrefix(path, "contract.session.attendees[")
		if !ok {
			return false
		}
		n, ok := strings.CutSuffix(attendee, "].schoolLeader")
		if _, err := strconv.Atoi(n); !ok || err != nil {
			return false
		}
		return string(value) == "true" || string(value) == "false"
	},
}

// decodeOlder reads a file of an older version, v: it is parsed into a tree
// that migrate brings up to date, and then stored in the workspace.
func decodeOlder(data []byte, v int) (*Workspace, error) {
	ve := new(partnership.ValidationError)
	tree, ok := schema.Parse(data, ve)
	if !ok {
		return nil, ve
	}
	doc, _ := tree.(map[string]any)
	migrate(doc, v, data)
	ws := new(Workspace)
	if !schema.Store(doc, ws, ve) {
		return nil, ve
	}
	placeMeetings(ws)
	return ws, nil
}

// version reads the file's schemaVersion, given as JSON text: a
// *VersionError when it is missing, not a version, or newer than this build
// reads.
func version(raw []byte) (int, error) {
	v, err := strconv.Atoi(string(raw))
	if err != nil || v < 1 {
		return 0, &VersionError{}
	}
	if v > SchemaVersion {
		return 0, &VersionError{Found: v}
	}
	return v, nil
}

// Validate checks every part of the workspace and returns a
// *partnership.ValidationError listing every problem by its JSON path from the
// top of the file ("partnership.partners[1].approach").
func (ws *Workspace) Validate() error {
	ve := &partnership.ValidationError{}
	if ws.SchemaVersion != SchemaVersion {
		ve.Add("schemaVersion", "schemaVersion must be %d", SchemaVersion)
	}
	switch {
	case ws.WorkspaceID == "":
		ve.Add("workspaceId", "workspaceId is missing: every workspace has one, made when it was created; copy it from the file this one came from, or make a new one with partnerkit.NewWorkspaceID")
	case !schema.ValidID(ws.WorkspaceID):
		ve.Add("workspaceId", "workspaceId must be a short identifier: letters, digits, '.', '-' or '_', starting with a letter or digit, at most 64 characters")
	}
	ve.Append(zoneProblems(ws)...)
	if ws.Partnership != nil {
		ve.Include("partnership", ws.Partnership.Validate())
	}
	readinessProblems(ve, ws)
	contractProblems(ve, ws)
	meetingProblems(ve, ws)
	recordIDProblems(ve, ws)
	typedProblems(ve, ws)
	if ws.Lineage != nil {
		ve.Include("lineage", ws.Lineage.Validate())
	}
	ve.Include("observations", progress.Validate(ws.Observations))
	return ve.Err()
}

// MaxTyped bounds the texts a workspace keeps as typed (see Workspace.Typed).
const MaxTyped = 1000

// typedProblems checks the texts kept as typed: a path and a text of
// reasonable length, and not more of them than a page keeps.
func typedProblems(ve *partnership.ValidationError, ws *Workspace) {
	if len(ws.Typed) > MaxTyped {
		ve.Add("typed", "typed holds %d texts; a workspace keeps at most %d", len(ws.Typed), MaxTyped)
	}
	for path, text := range ws.Typed {
		switch {
		case path == "" || len(path) > 300:
			ve.Add("typed", "typed: each text is kept under the path of its field, of 1 to 300 characters")
		case len(text) > 4000:
			ve.Add("typed", "typed: the text kept for %s is longer than 4000 characters", path)
		}
	}
}

// Save writes the workspace as indented JSON with a final newline. The output
// is deterministic: saving what Load read gives the same bytes again.
func (ws *Workspace) Save(w io.Writer) error {
	out := *ws
	out.SchemaVersion = SchemaVersion
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&out); err != nil {
		return fmt.Errorf("saving the workspace: %w", err)
	}
	return nil
}
