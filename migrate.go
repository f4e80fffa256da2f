package partnerkit

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// migrate rewrites a parsed workspace file of an older format version, from,
// into the current one, in place, and sets its schemaVersion. Each version
// after the first has a step here that turns the version before it into
// itself, and a file of an older version goes through every step after its
// own, oldest first. data is the file as read. The measures' numbers, the
// observations and the done dates that version 2 also added are optional,
// so a version 1 file needs no rewriting for them.
func migrate(doc map[string]any, from int, data []byte) {
	if from >= SchemaVersion {
		return
	}
	if from < 2 {
		migrate1to2(doc, data)
	}
	doc["schemaVersion"] = json.Number(strconv.Itoa(SchemaVersion))
}

// migrate1to2 brings a version 1 file to version 2, which added the
// workspace's id and time zone, and an id on every record that had none
// (time demands, readiness responses, the contract's activities, measures
// and data duties); and it gave the contract's session attendees the roles
// of every other attendee in place of a schoolLeader flag.
//
// The workspace's id is made from the file's bytes, so that the same file
// always gets the same one. The records' IDs come from each record's content
// and place (partnership.ContentID), not from chance, so that two copies of
// the same version-1 file, upgraded on two machines, give the same record
// the same ID and merge record by record, even when one copy was edited
// first.
//
// The time zone stays unset: version 1 wrote each meeting's start with the
// offset of the computer that made it, which names no zone (a January offset
// carried into April is an hour off), and guessing one would move meetings.
// Without a zone, Decode keeps every start at the instant the file gives, in
// UTC, until one is chosen with SetTimeZone.
func migrate1to2(doc map[string]any, data []byte) {
	schoolLeadersAsRoles(doc)
	if _, ok := doc["workspaceId"]; !ok {
		sum := sha256.Sum256(data)
		doc["workspaceId"] = base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:16])
	}
	assignIDs(doc)
}

// idLists are the lists whose records have carried an ID since version 2,
// each with the prefix of the IDs made for them. A record's ID is made of its
// content and of the ID of the record its list belongs to, if any.
var idLists = []struct{ pattern, prefix string }{
	{"partnership.initiatives[].demands[]", "demand"},
	{"readiness[].responses[]", "response"},
	{"contract.appendix.schedule.activities[]", "activity"},
	{"contract.appendix.measures[]", "measure"},
	{"contract.appendix.dataPlan.duties[]", "duty"},
}

// AssignIDs gives every record that has no ID yet (a time demand, a
// readiness response, a contract activity, measure or data duty) one made
// from its content and place, different from the others of its list, as
// loading a version-1 file does. Code that builds a workspace in Go calls it
// before saving; records the page adds get their IDs when they are added.
func (ws *Workspace) AssignIDs() {
	doc, err := toTree(ws)
	if err != nil {
		return
	}
	assignIDs(doc)
	var filled Workspace
	ve := new(partnership.ValidationError)
	if !schema.Store(doc, &filled, ve) {
		return
	}
	filled.SchemaVersion, filled.WorkspaceID, filled.Lineage = ws.SchemaVersion, ws.WorkspaceID, ws.Lineage
	placeMeetings(&filled) // back in the workspace's zone, not at the offsets the tree wrote
	*ws = filled
}

// assignIDs fills the IDs of idLists in a parsed workspace file.
func assignIDs(doc map[string]any) {
	for _, l := range idLists {
		eachList(doc, strings.Split(strings.TrimSuffix(l.pattern, "[]"), "."), "", func(list []any, scope string) {
			fillIDs(list, l.prefix, scope)
		})
	}
}

// eachList calls f with every list the path leads to, through objects by
// key and lists ("initiatives[]") by each item, with the ID of the last
// record passed on the way.
func eachList(v any, path []string, scope string, f func(list []any, scope string)) {
	o, ok := v.(map[string]any)
	if !ok || len(path) == 0 {
		return
	}
	key, each := strings.CutSuffix(path[0], "[]")
	next := o[key]
	if len(path) == 1 {
		if l, ok := next.([]any); ok {
			f(l, scope)
		}
		return
	}
	if !each {
		eachList(next, path[1:], scope, f)
		return
	}
	l, _ := next.([]any)
	for _, e := range l {
		rec, _ := e.(map[string]any)
		eachList(rec, path[1:], str(rec["id"]), f)
	}
}

// fillIDs gives each record of the list that has no ID one made of its
// content and scope; a record equal to an earlier one of the list gets the
// next of "-2", "-3", ...
func fillIDs(list []any, prefix, scope string) {
	taken := make(map[string]bool, len(list))
	for _, e := range list {
		if rec, ok := e.(map[string]any); ok && str(rec["id"]) != "" {
			taken[str(rec["id"])] = true
		}
	}
	for i, e := range list {
		rec, ok := e.(map[string]any)
		if !ok || str(rec["id"]) != "" {
			continue
		}
		if rec == nil { // an empty record, {}, is a nil map in the tree
			rec = map[string]any{}
			list[i] = rec
		}
		if _, has := rec["id"]; has {
			continue // an id that is not text: Store reports it
		}
		base := partnership.ContentID(prefix, map[string]any{"scope": scope, "record": rec})
		id := base
		for n := 2; taken[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		taken[id] = true
		rec["id"] = id
	}
}

// schoolLeadersAsRoles turns the "schoolLeader": true of version 1's session
// attendees into the school-leader role.
func schoolLeadersAsRoles(doc map[string]any) {
	c, _ := doc["contract"].(map[string]any)
	session, _ := c["session"].(map[string]any)
	attendees, _ := session["attendees"].([]any)
	for _, a := range attendees {
		at, ok := a.(map[string]any)
		if !ok {
			continue
		}
		leader, ok := at["schoolLeader"].(bool)
		if !ok {
			continue // absent, or not a flag: left for Store to report
		}
		delete(at, "schoolLeader")
		if !leader {
			continue
		}
		roles, ok := at["roles"].([]any)
		if _, set := at["roles"]; set && !ok {
			continue
		}
		if !slices.Contains(roles, any("school-leader")) {
			at["roles"] = append(roles, "school-leader")
		}
	}
}
