package ui

import (
	"strings"
)

// FieldID is the id of the element that edits the value at a workspace's
// JSON path, such as "partnership.initiatives[2].demands[0].hoursPerWeek":
// "pk-at-partnership-initiatives-2-demands-0-hoursPerWeek". Editors give
// their fields (and the fieldsets around them, with tabindex -1) these ids,
// so that a finding can lead to the place to fix it.
func FieldID(path string) string {
	b := make([]byte, 0, len("pk-at-")+len(path))
	b = append(b, "pk-at-"...)
	for i := 0; i < len(path); i++ {
		switch c := path[i]; c {
		case '.', '[':
			b = append(b, '-')
		case ']':
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// pathAndParents returns the ids of path and of each path around it, nearest
// first: "a.b[1].c" gives a-b-1-c, a-b-1, a-b, a.
func pathAndParents(path string) []string {
	var ids []string
	for path != "" {
		ids = append(ids, FieldID(path))
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return ids
}

// fix goes to the place where the value at path is edited: it opens the
// view of the tool the path belongs to, lets that editor show the item, and
// focuses the field or the nearest thing around it.
func (a *App) fix(path string) []Effect {
	switch {
	case strings.HasPrefix(path, "partnership"):
		a.view = ViewPartnership
		a.revealPartnership(path)
	case strings.HasPrefix(path, "contract"):
		a.view = ViewContract
		a.revealContract(path)
	case strings.HasPrefix(path, "meetings"):
		a.view = ViewMeetings
		a.revealMeetings(path)
	case strings.HasPrefix(path, "observations"):
		a.view = ViewProgress
	case path == "timeZone":
		a.view = ViewMeetings // where the meetings' time zone is chosen
	case strings.HasPrefix(path, "readiness"):
		a.view = ViewFacilitate
		var i int
		if scanIndex(path, "readiness[%d]", &i) && i < len(a.ws.Readiness) {
			a.fac.round = i
		}
	default:
		return nil
	}
	return []Effect{FocusFirst{IDs: append(pathAndParents(path), "pk-main")}}
}
