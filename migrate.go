package partnerkit

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/json"
	"strconv"
)

// migrate rewrites a parsed workspace file of an older format version, from,
// into the current one, in place, and sets its schemaVersion. Each version
// after the first has a step here that turns the version before it into
// itself, and a file of an older version goes through every step after its
// own, oldest first. data is the file as read.
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
// workspace's id and time zone. The id is made from the file's bytes, so
// that the same file always gets the same one. The time zone stays unset:
// version 1 wrote each meeting's start with the offset of the computer that
// made it, which names no zone (a January offset carried into April is an
// hour off), and guessing one would move meetings. Without a zone, Decode
// keeps every start at the instant the file gives, in UTC, until one is
// chosen with SetTimeZone.
func migrate1to2(doc map[string]any, data []byte) {
	if _, ok := doc["workspaceId"]; !ok {
		sum := sha256.Sum256(data)
		doc["workspaceId"] = base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum[:16])
	}
}
