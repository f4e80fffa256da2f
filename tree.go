package partnerkit

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// metaKeys are the workspace's top-level keys that say which file and which
// version it is rather than what it holds: Merge sets them itself, and
// content comparisons leave them out.
var metaKeys = []string{"schemaVersion", "workspaceId", "lineage"}

// toTree returns the workspace's JSON form, as Save writes it, as a tree of
// map[string]any, []any and scalars, numbers as json.Number.
func toTree(ws *Workspace) (map[string]any, error) {
	var buf bytes.Buffer
	if err := ws.Save(&buf); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("reading the workspace back: %w", err)
	}
	return m, nil
}

// str returns v when it is a string, else "".
func str(v any) string { s, _ := v.(string); return s }
