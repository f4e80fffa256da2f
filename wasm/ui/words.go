package ui

import (
	"strconv"
	"strings"
	"unicode"
)

// where names the place a JSON path of the workspace leads to in plain
// words, with the titles of the page's parts and fields and the names of the
// items on the way: "partnership.capacity[0].hoursPerWeek" is
// "Time people have › teachers › hours a week". Nothing internal shows: an
// item without a name is "audience 2", a step no part declares is written
// in words.
func (a *App) where(path string) string {
	if path == "" {
		return "the workspace as a whole"
	}
	var words []string
	firstGroup, secondPart := false, false
	for i, n := 0, 0; i < len(path); n++ {
		if path[i] == '.' {
			i++
		}
		start := i
		if path[i] == '[' {
			end := strings.IndexByte(path[i:], ']')
			if end < 0 {
				break
			}
			i += end + 1
			words = append(words, a.itemName(path[:start], path[:i]))
			continue
		}
		for i < len(path) && path[i] != '.' && path[i] != '[' {
			i++
		}
		prefix, name := path[:i], path[start:i]
		pattern := Pattern(prefix)
		switch p, f := a.model.parts[pattern], a.model.fields[pattern]; {
		case p != nil && p.Title == "":
		case p != nil:
			words = append(words, p.Title)
			firstGroup = firstGroup || n == 0 && (i == len(path) || path[i] != '[')
			secondPart = secondPart || n == 1
		case f != nil && i == len(path):
			words = append(words, f.words())
		default:
			words = append(words, spaced(name))
		}
	}
	if firstGroup && secondPart {
		words = words[1:] // "Time people have", not "The partnership › Time people have"
	}
	return strings.Join(words, " › ")
}

// itemName names the item at path of the list at list: by its name when
// it has one, else by the list's noun and its number ("audience 2").
func (a *App) itemName(list, path string) string {
	l, _ := locate(path)
	n := l.at(len(l.Index) - 1)
	p := a.model.parts[Pattern(list)]
	if n < 0 {
		return "number"
	}
	if p == nil {
		return "number " + strconv.Itoa(n+1)
	}
	name := ""
	if p.Name != nil {
		name = p.Name(a, l)
	}
	if strings.TrimSpace(name) != "" {
		return shorten(name, 60)
	}
	noun := p.Noun
	if noun == "" {
		noun = "number"
	}
	return noun + " " + strconv.Itoa(n+1)
}

// nameAt is a Part.Name that reads the item's text field called field.
func nameAt(field string) func(a *App, at Loc) string {
	return func(a *App, at Loc) string {
		v, ok := a.model.value(a.ws, at.Path+"."+field)
		if !ok {
			return ""
		}
		return v.String()
	}
}

// spaced writes a name of the file format as words: "hoursPerWeek" is
// "hours per week".
func spaced(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte(' ')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// shorten cuts a long text at a word, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	if cut <= n/2 {
		cut = n
	}
	return string(r[:cut]) + "…"
}
