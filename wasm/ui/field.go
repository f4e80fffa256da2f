package ui

import (
	"reflect"
	"strconv"
	"strings"
)

// The field model: every value of the workspace the page edits is declared
// once, as a Field, and everything else derives from that declaration: the
// input drawn (its label, hint, kind and data-path), the action it sends, how
// the text typed is read and how the value is shown, the problem beside it,
// the plain words that name it in findings and messages, the "go to it" link
// of a finding, the fuzz test's events and the browser tests' typing.
//
// An editor declares its fields in a function of its own file that returns
// a []Field (partnershipFields, contractFields, meetingFields) and its parts,
// the lists and groups its fields sit in, as a []Part. A declaration names
// the value by its JSON path in the workspace file with "[]" for each list
// index:
//
//	{Path: "partnership.capacity[].hoursPerWeek", Label: "Hours a week each has for this work",
//	 Words: "hours a week", Kind: KindNumber, Min: 0, Max: 168, Example: "2 or 1.5"}
//
// and its view draws it with a.input("partnership.capacity[0].hoursPerWeek"),
// the path with the indexes of the item shown. That is all: the value is read
// and written at that path through the JSON names of the workspace's types,
// the input carries data-path="partnership.capacity[0].hoursPerWeek" and the
// id FieldID of the path, and typing in it sends the action "field" with the
// path, which writes the value. A value that needs more than writing at its
// path (a person picked, whose name goes with the ID) says so with Write.
//
// What was typed is kept as typed (see typed.go): a field the user is typing
// in is never rewritten, "9." stays "9." and means 9, and text that is not a
// value yet stays in the field, with the problem beside it.

// Kind is how a field's value is typed or chosen.
type Kind int

// The kinds of field.
const (
	// KindText is one line of text.
	KindText Kind = iota
	// KindArea is text of several lines.
	KindArea
	// KindEmail is an e-mail address.
	KindEmail
	// KindNumber is a decimal number; a decimal comma is read as a point.
	KindNumber
	// KindWhole is a whole number.
	KindWhole
	// KindDate is a calendar date, picked or typed as 3/2/2027 (parseDay).
	KindDate
	// KindDateTime is a date and a time of day in the workspace's time zone,
	// picked or typed as 3/2/2027 3:30 PM (parseWhen).
	KindDateTime
	// KindDates is a list of dates, one a line, typed as 3/2/2027.
	KindDates
	// KindLines is a list of entries, one a line.
	KindLines
	// KindChoice is one of a list of options.
	KindChoice
	// KindSet is any number of a list of options, each a checkbox.
	KindSet
	// KindCheck is yes or no, a checkbox.
	KindCheck
)

// Field declares one value of the workspace the page edits.
type Field struct {
	// Path is the value's JSON path in the workspace file, with "[]" for
	// each list index: "partnership.initiatives[].demands[].hoursPerWeek".
	Path string
	// Label names the field beside its input.
	Label string
	// LabelAt, when set, gives the label at one place in place of Label
	// (the four I's ask the district and a partner different questions).
	LabelAt func(a *App, at Loc) string
	// Hint says more about the field, under it; empty for none.
	Hint string
	// HintAt, when set, gives the hint at one place in place of Hint.
	HintAt func(a *App, at Loc) string
	// Words names the field in a plain path ("hours a week"); empty means
	// the label in lower case.
	Words string
	// Kind is how the value is typed or chosen.
	Kind Kind
	// Min and Max bound a number, when Max > Min.
	Min, Max float64
	// Example is a value to show in a problem ("2 or 1.5").
	Example string
	// Options lists the choices of a KindChoice or KindSet field at a place.
	Options func(a *App, at Loc) []Option
	// Other, for a KindChoice field, labels a last choice that lets the
	// user type a value that is none of the options ("Add a new audience…").
	Other string
	// On is the value a KindCheck field has when ticked, and Off when not,
	// for a value that is not a bool ("done" and "pending").
	On, Off string
	// Write, when set, writes the value read from the text in place of the
	// plain write at the path; it reports whether it could.
	Write func(a *App, at Loc, text string) bool
	// Toggle, when set, turns an option of a KindSet field on or off in place
	// of the plain toggle of a list of strings.
	Toggle func(a *App, at Loc, option string) bool
	// Read, when set, returns the value as text in place of the plain read
	// at the path; ok is false when there is no such value.
	Read func(a *App, at Loc) (text string, ok bool)
	// Settle marks a field whose editor runs its checks and draws its map
	// after a pause in typing rather than at once (the partnership's).
	Settle bool
}

// words is the field's last step in a plain path.
func (f *Field) words() string {
	if f.Words != "" {
		return f.Words
	}
	return strings.ToLower(f.Label)
}

// Option is one choice of a KindChoice or KindSet field.
type Option struct {
	// Value is what is stored; Label is what the user reads.
	Value, Label string
}

// Part declares a list or a group of fields, for the plain words of paths
// and the keys of the render tree.
type Part struct {
	// Path is the part's JSON path pattern, as in Field.Path.
	Path string
	// Title names the part in plain words ("Time people have").
	Title string
	// Noun names one item of a list for an item without a name ("audience").
	Noun string
	// Name names the item of a list at index i in plain words ("teachers"),
	// or "" when it has none yet.
	Name func(a *App, at Loc) string
}

// Loc is a field or part at one place: its path with the indexes of the item.
type Loc struct {
	// Path is the path with its indexes: "partnership.capacity[0].hoursPerWeek".
	Path string
	// Index holds the path's list indexes, outermost first.
	Index []int
}

// at returns index i of the location, or -1.
func (l Loc) at(i int) int {
	if i >= 0 && i < len(l.Index) {
		return l.Index[i]
	}
	return -1
}

// Pattern returns the path with each list index written "[]":
// "partnership.capacity[0].hoursPerWeek" gives "partnership.capacity[].hoursPerWeek".
func Pattern(path string) string {
	if strings.IndexByte(path, '[') < 0 {
		return path
	}
	b := make([]byte, 0, len(path))
	for i := 0; i < len(path); i++ {
		b = append(b, path[i])
		if path[i] == '[' {
			for i+1 < len(path) && path[i+1] != ']' {
				i++
			}
		}
	}
	return string(b)
}

// locate reads the indexes of a path; ok is false when an index is not a
// number of zero or more.
func locate(path string) (Loc, bool) {
	l := Loc{Path: path}
	for i := 0; i < len(path); i++ {
		if path[i] != '[' {
			continue
		}
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			return l, false
		}
		n, err := strconv.Atoi(path[i+1 : i+j])
		if err != nil || n < 0 {
			return l, false
		}
		l.Index = append(l.Index, n)
		i += j
	}
	return l, true
}

// model is the page's field model: the declarations of every editor, by
// pattern, and what reading and writing them through reflection needs.
type model struct {
	fields map[string]*Field
	order  []*Field // in the order of declaration
	parts  map[string]*Part
	names  jsonNames
}

// newModel gathers the declarations of every editor.
func newModel() *model {
	m := &model{fields: map[string]*Field{}, parts: map[string]*Part{}}
	for _, list := range [][]Field{partnershipFields(), readinessFields(), contractFields(), meetingFields(), timeFields(), progressFields()} {
		for i := range list {
			f := &list[i]
			m.fields[f.Path] = f
			m.order = append(m.order, f)
		}
	}
	for _, list := range [][]Part{partnershipParts(), readinessParts(), contractParts(), meetingParts(), progressParts()} {
		for i := range list {
			m.parts[list[i].Path] = &list[i]
		}
	}
	return m
}

// field returns the declaration of the field at path and its location.
func (m *model) field(path string) (*Field, Loc, bool) {
	f, ok := m.fields[Pattern(path)]
	if !ok {
		return nil, Loc{}, false
	}
	l, ok := locate(path)
	return f, l, ok
}

// jsonNames finds a struct's field by its JSON name, remembering each type's
// names once read.
type jsonNames struct {
	byType map[reflect.Type]map[string]int
}

func (j *jsonNames) index(t reflect.Type, name string) (int, bool) {
	if j.byType == nil {
		j.byType = map[reflect.Type]map[string]int{}
	}
	names, ok := j.byType[t]
	if !ok {
		names = map[string]int{}
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			tag, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if tag == "-" {
				continue
			}
			if tag == "" {
				tag = sf.Name
			}
			names[tag] = i
		}
		j.byType[t] = names
	}
	i, ok := names[name]
	return i, ok
}

// value returns the value at a JSON path below root (a pointer), ready to be
// set; ok is false when the path leads nowhere: an unknown name, an index
// past the end of a list, a part not started (a nil pointer).
func (m *model) value(root any, path string) (reflect.Value, bool) {
	v := reflect.ValueOf(root)
	for path != "" {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		if path[0] == '[' {
			end := strings.IndexByte(path, ']')
			if end < 0 || v.Kind() != reflect.Slice {
				return reflect.Value{}, false
			}
			n, err := strconv.Atoi(path[1:end])
			if err != nil || n < 0 || n >= v.Len() {
				return reflect.Value{}, false
			}
			v, path = v.Index(n), strings.TrimPrefix(path[end+1:], ".")
			continue
		}
		end := strings.IndexAny(path, ".[")
		name := path
		if end >= 0 {
			name, path = path[:end], strings.TrimPrefix(path[end:], ".")
		} else {
			path = ""
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		i, ok := m.names.index(v.Type(), name)
		if !ok {
			return reflect.Value{}, false
		}
		v = v.Field(i)
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return reflect.Value{}, false
		}
		v = v.Elem()
	}
	return v, v.IsValid()
}

// paths returns the concrete paths of a pattern in the workspace: one for
// each item of each list the pattern goes through.
func (a *App) paths(pattern string) []string {
	out := []string{""}
	rest := pattern
	for rest != "" {
		i := strings.Index(rest, "[]")
		if i < 0 {
			for j := range out {
				out[j] += rest
			}
			break
		}
		head := rest[:i]
		rest = rest[i+2:]
		var next []string
		for _, p := range out {
			list := p + head
			for _, n := range a.itemIndexes(list) {
				next = append(next, list+"["+strconv.Itoa(n)+"]")
			}
		}
		out = next
	}
	return out
}

// itemIndexes are the indexes of the items of the list at path that the
// page shows: every item, or the slots of the four I's.
func (a *App) itemIndexes(path string) []int {
	if path == "partnership.context" {
		var out []int
		for _, s := range a.contextSlots() {
			out = append(out, s.index)
		}
		return out
	}
	v, ok := a.model.value(a.ws, path)
	if !ok || v.Kind() != reflect.Slice {
		return nil
	}
	out := make([]int, v.Len())
	for i := range out {
		out[i] = i
	}
	return out
}

// FieldPaths returns the path of every field of the workspace the page can
// edit, in the order of the declarations: what the fuzz test and the browser
// tests type into.
func (a *App) FieldPaths() []string {
	var out []string
	for _, f := range a.model.order {
		out = append(out, a.paths(f.Path)...)
	}
	return out
}

// FieldInfo is one field at one place as the page draws it.
type FieldInfo struct {
	// Path is the field's path with the indexes of its item.
	Path string
	// Kind is how the value is typed or chosen.
	Kind Kind
	// Text is what the field shows: the text as typed while it still means
	// the value (or is not a value yet), else the value as text. A set shows
	// its options one a line; a yes-or-no field "true" or "false".
	Text string
	// Problem says why the text is not a value yet; empty when it is one.
	Problem string
}

// FieldAt returns the field at path as the page draws it; ok is false when
// no field is declared at path or the value is not there (an item removed).
func (a *App) FieldAt(path string) (info FieldInfo, ok bool) {
	f, at, ok := a.model.field(path)
	if !ok {
		return FieldInfo{}, false
	}
	if _, there := a.read(f, at); !there {
		return FieldInfo{}, false
	}
	text, problem := a.shown(f, at)
	return FieldInfo{Path: path, Kind: f.Kind, Text: text, Problem: problem}, true
}

// DeclaredFields returns the path pattern of every field the model
// declares, in the order of the declarations:
// "partnership.capacity[].hoursPerWeek".
func (a *App) DeclaredFields() []string {
	out := make([]string, len(a.model.order))
	for i, f := range a.model.order {
		out[i] = f.Path
	}
	return out
}
