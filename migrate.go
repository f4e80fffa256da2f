package partnerkit

import (
	"encoding/json"
	"strconv"
)

// migrate rewrites a parsed workspace file of an older format version, from,
// into the current one, in place, and sets its schemaVersion. Version 1 is
// the first format, so there is nothing to rewrite yet: each later version
// adds a step here that turns the version before it into itself, and a file
// of an older version goes through every step after its own, oldest first.
func migrate(doc map[string]any, from int) {
	if from >= SchemaVersion {
		return
	}
	doc["schemaVersion"] = json.Number(strconv.Itoa(SchemaVersion))
}
