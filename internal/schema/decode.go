package schema

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Decode reads one JSON document from data into v, a pointer to a model, and
// is stricter and more helpful than encoding/json: a field v does not have,
// or a value of the wrong type, is a problem added to ps at its JSON path; a
// syntax error says the line and column. Field names must match exactly, as
// encoding/json writes them. It reports whether there was no problem; v is
// filled as far as the document fits it either way. Decode checks structure
// only: the model's own Validate checks the values.
//
// The document is parsed once (see Parse) and then stored (see Store).
func Decode(data []byte, v any, ps Problems) bool {
	tree, ok := Parse(data, ps)
	if !ok {
		return false
	}
	return Store(tree, v, ps)
}

// Store puts a tree made by Parse into v, a non-nil pointer, checking as it
// goes that every field exists in v's type and every value has the type of
// the field it goes into, and adding a problem to ps for each that does not.
// It reports whether there was no problem. null leaves the zero value, as
// encoding/json does.
func Store(tree, v any, ps Problems) bool {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		ps.Add("", "the document cannot be stored in %T: it needs a non-nil pointer", v)
		return false
	}
	s := &store{ps: ps, fields: make(map[reflect.Type]map[string]field), budget: storeBudget + treeCost(tree)/storeShare}
	s.value(at{index: -1}, tree, rv.Elem())
	return !s.failed
}

// What Store may allocate: a storeShare-th of what the tree itself takes,
// plus storeBudget. The values of a file as partnerkit writes it take less
// than a quarter of the memory of its tree (0.22 to 0.24 for the example,
// testdata/full.json and a district of 10,000 initiatives); a list of empty
// { } would take many times more, as each becomes a whole record.
const (
	storeShare  = 2
	storeBudget = 1 << 20
)

// treeCost estimates the bytes the tree takes: every value an interface of
// 16 bytes and its text; an object a map of 48 bytes and 40 a member; a list
// 24 bytes and its values.
func treeCost(v any) int64 {
	switch v := v.(type) {
	case map[string]any:
		n := int64(16 + 48)
		for k, e := range v {
			n += 40 + int64(len(k)) + treeCost(e)
		}
		return n
	case []any:
		n := int64(16 + 24)
		for _, e := range v {
			n += treeCost(e)
		}
		return n
	case string:
		return 16 + int64(len(v))
	case json.Number:
		return 16 + int64(len(v))
	}
	return 16
}

// charge takes n bytes from the budget, and reports whether they were left;
// when they were not, it adds a problem at path, once.
func (s *store) charge(a at, n int64) bool {
	s.budget -= n
	if s.budget >= 0 {
		return true
	}
	if !s.overBudget {
		s.overBudget = true
		s.add(a, func() string {
			return fmt.Sprintf("%s holds many more records than it gives values for (most of them empty): partnerkit reads a file only when what it holds is in proportion to its size; remove the empty entries", a.last())
		})
	}
	return false
}

// lineCol returns the 1-based line and column of byte offset off in data.
func lineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

// store puts one tree into one value, remembering the fields of each struct
// type it met.
type store struct {
	ps     Problems
	fields map[reflect.Type]map[string]field
	failed bool
	// budget is what may still be allocated (see charge); overBudget is set
	// once it ran out.
	budget     int64
	overBudget bool
}

// at is where a value is: the path of the group or list it is in, and its
// name there or, for an entry of a list, its index. Its path is only written
// out when a problem needs it, so that storing a long list builds no string
// for each entry.
type at struct {
	parent string
	name   string
	index  int // -1 for a name
}

// String returns the value's JSON path.
func (a at) String() string {
	if a.index >= 0 {
		return a.parent + "[" + strconv.Itoa(a.index) + "]"
	}
	return Join(a.parent, a.name)
}

// last names the value in a message: its field name, or "roles[2]" for an
// entry of a list.
func (a at) last() string {
	if a.index >= 0 {
		return lastName(a.String())
	}
	return lastName(a.name)
}

// field is a JSON field of a struct: where it is (an index path through
// embedded structs) and its type.
type field struct {
	index []int
	typ   reflect.Type
}

func (s *store) add(a at, msg func() string) {
	s.failed = true
	if c, ok := s.ps.(Counter); ok && c.Full() {
		c.CountMore()
		return
	}
	s.ps.Add(a.String(), "%s", msg())
}

// value stores val in rv, whose type it checks val against.
func (s *store) value(a at, val any, rv reflect.Value) {
	t := rv.Type()
	if val == nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			rv.SetZero()
		}
		return // null leaves other values as they are, as encoding/json does
	}
	if t.Kind() != reflect.Pointer && (reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)) {
		s.custom(a, val, rv)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			if !s.charge(a, int64(t.Elem().Size())) {
				return
			}
			rv.Set(reflect.New(t.Elem()))
		}
		s.value(a, val, rv.Elem())
	case reflect.Struct:
		obj, ok := val.(map[string]any)
		if !ok {
			s.add(a, func() string {
				return fmt.Sprintf("%s must be a group of named fields in { }, not %s", a.last(), describe(val))
			})
			return
		}
		fields := s.fieldsOf(t)
		path := a.String()
		for _, k := range sortedKeys(obj) {
			f, ok := fields[k]
			if !ok {
				s.add(at{parent: path, name: k, index: -1}, func() string { return fmt.Sprintf("unknown field %q%s", k, allowed(fields, k)) })
				continue
			}
			s.value(at{parent: path, name: k, index: -1}, obj[k], fieldByIndex(rv, f.index))
		}
	case reflect.Slice:
		arr, ok := val.([]any)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be a list in [ ], not %s", a.last(), describe(val)) })
			return
		}
		if !s.charge(a, int64(len(arr))*int64(t.Elem().Size())) {
			return
		}
		out := reflect.MakeSlice(t, len(arr), len(arr))
		path := a.String()
		for i, e := range arr {
			s.value(at{parent: path, index: i}, e, out.Index(i))
		}
		rv.Set(out)
	case reflect.Array:
		arr, ok := val.([]any)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be a list in [ ], not %s", a.last(), describe(val)) })
			return
		}
		if len(arr) > t.Len() {
			s.add(a, func() string { return fmt.Sprintf("%s may hold at most %d entries", a.last(), t.Len()) })
		}
		rv.SetZero()
		path := a.String()
		for i, e := range arr[:min(len(arr), t.Len())] {
			s.value(at{parent: path, index: i}, e, rv.Index(i))
		}
	case reflect.Map:
		obj, ok := val.(map[string]any)
		if !ok {
			s.add(a, func() string {
				return fmt.Sprintf("%s must be a group of named values in { }, not %s", a.last(), describe(val))
			})
			return
		}
		if t.Key().Kind() != reflect.String {
			s.add(a, func() string { return fmt.Sprintf("%s cannot be read from a file", a.last()) })
			return
		}
		if !s.charge(a, int64(len(obj))*int64(16+t.Key().Size()+t.Elem().Size())) {
			return
		}
		if rv.IsNil() {
			rv.Set(reflect.MakeMapWithSize(t, len(obj)))
		}
		path := a.String()
		for _, k := range sortedKeys(obj) {
			e := reflect.New(t.Elem()).Elem()
			s.value(at{parent: path, name: k, index: -1}, obj[k], e)
			rv.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
	case reflect.String:
		str, ok := val.(string)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be text in quotes, not %s", a.last(), describe(val)) })
			return
		}
		rv.SetString(str)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be true or false, not %s", a.last(), describe(val)) })
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(json.Number)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be a whole number, not %s", a.last(), describe(val)) })
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || rv.OverflowInt(i) {
			s.add(a, func() string {
				return fmt.Sprintf("%s must be a whole number within range, not %s", a.last(), Shorten(n.String()))
			})
			return
		}
		rv.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := val.(json.Number)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be a whole number, not %s", a.last(), describe(val)) })
			return
		}
		u, err := strconv.ParseUint(n.String(), 10, 64)
		if err != nil || rv.OverflowUint(u) {
			s.add(a, func() string {
				return fmt.Sprintf("%s must be a whole number of zero or more within range, not %s", a.last(), Shorten(n.String()))
			})
			return
		}
		rv.SetUint(u)
	case reflect.Float32, reflect.Float64:
		n, ok := val.(json.Number)
		if !ok {
			s.add(a, func() string { return fmt.Sprintf("%s must be a number, not %s", a.last(), describe(val)) })
			return
		}
		f, err := strconv.ParseFloat(n.String(), t.Bits())
		if err != nil || math.IsInf(f, 0) {
			s.add(a, func() string {
				return fmt.Sprintf("%s must be a number within range, not %s", a.last(), Shorten(n.String()))
			})
			return
		}
		rv.SetFloat(f)
	case reflect.Interface:
		if t.NumMethod() != 0 {
			s.add(a, func() string { return fmt.Sprintf("%s cannot be read from a file", a.last()) })
			return
		}
		rv.Set(reflect.ValueOf(plain(val))) // any value is allowed, as encoding/json gives it
	default:
		s.add(a, func() string { return fmt.Sprintf("%s cannot be read from a file", a.last()) })
	}
}

// custom stores val in a value of a type with its own decoding, such as
// time.Time, and records its complaint as a problem.
func (s *store) custom(a at, val any, rv reflect.Value) {
	var err error
	p := rv.Addr().Interface()
	if str, ok := val.(string); ok && reflect.PointerTo(rv.Type()).Implements(textUnmarshaler) {
		err = p.(encoding.TextUnmarshaler).UnmarshalText([]byte(str))
	} else if u, ok := p.(json.Unmarshaler); ok {
		var raw []byte
		if raw, err = json.Marshal(val); err == nil {
			err = u.UnmarshalJSON(raw)
		}
	} else {
		s.add(a, func() string { return fmt.Sprintf("%s must be text in quotes, not %s", a.last(), describe(val)) })
		return
	}
	if err == nil {
		return
	}
	msg := "has an unexpected value"
	if rv.Type() == timeType {
		msg = "must be a date and time such as 2026-09-15T15:30:00-04:00"
	}
	s.add(a, func() string { return fmt.Sprintf("%s %s", a.last(), msg) })
}

// plain turns the json.Numbers of a parsed tree into float64s, as
// encoding/json stores numbers in an interface value.
func plain(val any) any {
	switch v := val.(type) {
	case json.Number:
		f, _ := strconv.ParseFloat(v.String(), 64)
		return f
	case []any:
		for i := range v {
			v[i] = plain(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = plain(v[k])
		}
	}
	return val
}

// fieldByIndex is reflect.Value.FieldByIndex that allocates the embedded
// structs pointed to on the way.
func fieldByIndex(rv reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && rv.Kind() == reflect.Pointer {
			if rv.IsNil() {
				rv.Set(reflect.New(rv.Type().Elem()))
			}
			rv = rv.Elem()
		}
		rv = rv.Field(x)
	}
	return rv
}

// fieldsOf maps the JSON names of t's fields to the fields, once per type.
func (s *store) fieldsOf(t reflect.Type) map[string]field {
	if f, ok := s.fields[t]; ok {
		return f
	}
	f := make(map[string]field)
	jsonFields(f, t, nil)
	s.fields[t] = f
	return f
}

// jsonFields adds to out the JSON names of t's exported fields, following
// embedded structs as encoding/json does: a field of t itself wins over one
// of an embedded struct.
func jsonFields(out map[string]field, t reflect.Type, index []int) {
	var embedded []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				embedded = append(embedded, f)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = field{index: append(slices.Clip(index), i), typ: f.Type}
	}
	for _, f := range embedded {
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		inner := make(map[string]field)
		jsonFields(inner, ft, append(slices.Clip(index), f.Index...))
		for k, v := range inner {
			if _, taken := out[k]; !taken {
				out[k] = v
			}
		}
	}
}

// allowed lists the field names a struct accepts, pointing out a near miss
// that differs only in letter case.
func allowed(fields map[string]field, got string) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		if strings.EqualFold(k, got) {
			return fmt.Sprintf("; did you mean %q? (names are case-sensitive)", k)
		}
		names = append(names, k)
	}
	if len(names) == 0 {
		return "; nothing may be written here"
	}
	slices.Sort(names)
	return "; allowed here: " + strings.Join(names, ", ")
}

func sortedKeys(obj map[string]any) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// lastName returns the last field name of a JSON path, for use in messages.
func lastName(path string) string {
	if path == "" {
		return "the file"
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// describe names the kind of a decoded JSON value in plain words.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("the text %q", Shorten(v))
	case json.Number:
		return "the number " + Shorten(v.String())
	case bool:
		return strconv.FormatBool(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a group of fields"
	}
	return "an unexpected value"
}

// MaxDocument is the largest document Read accepts: 16 MiB, far more than
// any rubric, supplement or meeting needs.
const MaxDocument = 16 << 20

// Read reads one JSON document of at most MaxDocument bytes from r and
// decodes it into v as Decode does, adding its problems to ps; a larger
// document is a problem too. It returns only the error of reading r.
func Read(r io.Reader, v any, ps Problems) error {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocument+1))
	if err != nil {
		return err
	}
	if len(data) > MaxDocument {
		ps.Add("", "the file is larger than %d MiB, more than any such document needs; check that it is the right file", MaxDocument>>20)
		return nil
	}
	Decode(data, v, ps)
	return nil
}
