package ui

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// A calm start: what the review finds about a part the user has not begun
// (a value not filled in yet, people not listed yet, no priorities yet) is
// not a finding to discuss but what to fill in next. The page lists it as
// such, apart, and counts and shows beside the fields only the rest. The
// review of the library (partnerkit.Review) is unchanged: this is how the
// page presents it.

// begunBy are, for the rules about a missing part, the list that must hold
// something for the part to count as begun.
var begunBy = map[string]string{
	partnership.RuleNoPointPerson:             "partnership.people",
	partnership.RuleNoHigherAuthority:         "partnership.people",
	partnership.RuleNoSchoolLeader:            "partnership.people",
	partnership.RuleNoPriorities:              "partnership.priorities",
	partnership.RuleInitiativeWithoutPriority: "partnership.priorities",
	partnership.RulePriorityWithoutInitiative: "partnership.initiatives",
	partnership.RuleAudienceWithoutTime:       "partnership.capacity",
	partnership.RuleInterestsUnstated:         "partnership.context",
	partnership.RuleNoEndDate:                 "partnership.end",
}

// notYet reports whether a finding is about a part the user has not begun:
// a value of the file that is required and still empty, or a rule about a
// missing part whose part is still empty.
func (a *App) notYet(f partnership.Finding) bool {
	if f.Rule == "workspace.invalid" {
		v, ok := a.model.value(a.ws, f.Path)
		return ok && v.IsZero()
	}
	if a.inUnnamed(f.Path) {
		return true // about an item just added, nothing typed in it yet
	}
	list, ok := begunBy[f.Rule]
	if !ok {
		return false
	}
	if list == "partnership.context" {
		if p := a.ws.Partnership; p != nil {
			for _, c := range p.Context {
				if c.Interests+c.Ideologies+c.Information+c.Institutions != "" {
					return false
				}
			}
		}
		return true
	}
	return !a.begun(list)
}

// inUnnamed reports whether path is in an item of a list that has no name
// yet: a partner, a school, an initiative just added.
func (a *App) inUnnamed(path string) bool {
	for i := 0; i < len(path); i++ {
		if path[i] != '[' {
			continue
		}
		end := strings.IndexByte(path[i:], ']')
		if end < 0 {
			return false
		}
		p := a.model.parts[Pattern(path[:i])]
		if l, ok := locate(path[:i+end+1]); ok && p != nil && p.Name != nil && strings.TrimSpace(p.Name(a, l)) == "" {
			return true
		}
		i += end
	}
	return false
}

// begun reports whether the list at path holds an item with a name, or,
// for a value that is not a list, whether it is filled in.
func (a *App) begun(path string) bool {
	p := a.model.parts[Pattern(path)]
	if p == nil || p.Name == nil {
		return !a.blank(path)
	}
	for _, i := range a.itemIndexes(path) {
		if l, ok := locate(path + "[" + strconv.Itoa(i) + "]"); ok && strings.TrimSpace(p.Name(a, l)) != "" {
			return true
		}
	}
	return false
}

// blank reports whether the value at path is empty or not there.
func (a *App) blank(path string) bool {
	v, ok := a.model.value(a.ws, path)
	if !ok {
		return true
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String:
		return v.Len() == 0
	}
	return v.IsZero()
}

// splitCalm divides findings into those to show and discuss, and what is
// not begun yet, to be filled in next.
func (a *App) splitCalm(fs []partnership.Finding) (now, next []partnership.Finding) {
	for _, f := range fs {
		if a.notYet(f) {
			next = append(next, f)
		} else {
			now = append(now, f)
		}
	}
	return now, next
}

// viewNext lists what to fill in next, each leading to its place, or nil.
// At most a few are listed: a start is a few steps, not a list of faults.
func (a *App) viewNext(id string, next []partnership.Finding) *Node {
	if len(next) == 0 {
		return nil
	}
	const most = 6
	seen := map[string]bool{}
	var items []*Node
	for _, f := range next {
		where := a.where(f.Path)
		if seen[where] {
			continue
		}
		seen[where] = true
		if len(items) == most {
			break
		}
		items = append(items, El("li", Key(f.Path+"\x00"+f.Rule),
			El("button", A("type", "button"), Class("pk-link"), On("click", "fix"), Arg(f.Path), nextWords(f, where))))
	}
	more := ""
	if n := len(seen) - len(items); n > 0 {
		more = " (and " + plural(n, "more thing", "more things") + " after these)"
	}
	return El("div", ID(id), Class("pk-next"),
		El("p", El("strong", "To fill in next"), more+":"),
		El("ul", items))
}

// nextWords says in a few words what to fill in.
func nextWords(f partnership.Finding, where string) string {
	if f.Rule == "workspace.invalid" {
		return "Fill in: " + where
	}
	return strings.TrimSuffix(f.Message, ".")
}
