package schema

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
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

// Parse reads exactly one JSON value from data into a tree of
// map[string]any, []any, string, json.Number, bool and nil, which Store puts
// into a Go value. A syntax error, an empty document or a second value after
// the first is a problem for the whole document; Parse reports whether there
// was none.
func Parse(data []byte, ps Problems) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		syntaxProblem(ps, data, err)
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		ps.Add("", "the file holds more than one JSON value; it must hold exactly one, starting with { and ending with }")
		return nil, false
	}
	return tree, true
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
	s := &store{ps: ps, fields: make(map[reflect.Type]map[string]field)}
	s.value("", tree, rv.Elem())
	return !s.failed
}

// syntaxProblem turns a JSON syntax error into a problem with line and column.
func syntaxProblem(ps Problems, data []byte, err error) {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included.
		line, col := lineCol(data, se.Offset-1)
		ps.Add("", "the file is not valid JSON: line %d, column %d: %s", line, col, strings.TrimPrefix(se.Error(), "json: "))
		return
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		ps.Add("", "the file is empty or ends too early; it must hold one JSON object, starting with { and ending with }")
		return
	}
	ps.Add("", "the file is not valid JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
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
}

// field is a JSON field of a struct: where it is (an index path through
// embedded structs) and its type.
type field struct {
	index []int
	typ   reflect.Type
}

func (s *store) add(path, format string, args ...any) {
	s.failed = true
	s.ps.Add(path, format, args...)
}

// value stores val in rv, whose type it checks val against.
func (s *store) value(path string, val any, rv reflect.Value) {
	t := rv.Type()
	if val == nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			rv.SetZero()
		}
		return // null leaves other values as they are, as encoding/json does
	}
	if t.Kind() != reflect.Pointer && (reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler)) {
		s.custom(path, val, rv)
		return
	}
	name := lastName(path)
	switch t.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			rv.Set(reflect.New(t.Elem()))
		}
		s.value(path, val, rv.Elem())
	case reflect.Struct:
		obj, ok := val.(map[string]any)
		if !ok {
			s.add(path, "%s must be a group of named fields in { }, not %s", name, describe(val))
			return
		}
		fields := s.fieldsOf(t)
		for _, k := range sortedKeys(obj) {
			f, ok := fields[k]
			if !ok {
				s.add(Join(path, k), "unknown field %q%s", k, allowed(fields, k))
				continue
			}
			s.value(Join(path, k), obj[k], fieldByIndex(rv, f.index))
		}
	case reflect.Slice:
		arr, ok := val.([]any)
		if !ok {
			s.add(path, "%s must be a list in [ ], not %s", name, describe(val))
			return
		}
		out := reflect.MakeSlice(t, len(arr), len(arr))
		for i, e := range arr {
			s.value(path+"["+strconv.Itoa(i)+"]", e, out.Index(i))
		}
		rv.Set(out)
	case reflect.Array:
		arr, ok := val.([]any)
		if !ok {
			s.add(path, "%s must be a list in [ ], not %s", name, describe(val))
			return
		}
		if len(arr) > t.Len() {
			s.add(path, "%s may hold at most %d entries", name, t.Len())
		}
		rv.SetZero()
		for i, e := range arr[:min(len(arr), t.Len())] {
			s.value(path+"["+strconv.Itoa(i)+"]", e, rv.Index(i))
		}
	case reflect.Map:
		obj, ok := val.(map[string]any)
		if !ok {
			s.add(path, "%s must be a group of named values in { }, not %s", name, describe(val))
			return
		}
		if t.Key().Kind() != reflect.String {
			s.add(path, "%s cannot be read from a file", name)
			return
		}
		if rv.IsNil() {
			rv.Set(reflect.MakeMapWithSize(t, len(obj)))
		}
		for _, k := range sortedKeys(obj) {
			e := reflect.New(t.Elem()).Elem()
			s.value(Join(path, k), obj[k], e)
			rv.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
	case reflect.String:
		str, ok := val.(string)
		if !ok {
			s.add(path, "%s must be text in quotes, not %s", name, describe(val))
			return
		}
		rv.SetString(str)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			s.add(path, "%s must be true or false, not %s", name, describe(val))
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(json.Number)
		if !ok {
			s.add(path, "%s must be a whole number, not %s", name, describe(val))
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || rv.OverflowInt(i) {
			s.add(path, "%s must be a whole number within range, not %s", name, n)
			return
		}
		rv.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := val.(json.Number)
		if !ok {
			s.add(path, "%s must be a whole number, not %s", name, describe(val))
			return
		}
		u, err := strconv.ParseUint(n.String(), 10, 64)
		if err != nil || rv.OverflowUint(u) {
			s.add(path, "%s must be a whole number of zero or more within range, not %s", name, n)
			return
		}
		rv.SetUint(u)
	case reflect.Float32, reflect.Float64:
		n, ok := val.(json.Number)
		if !ok {
			s.add(path, "%s must be a number, not %s", name, describe(val))
			return
		}
		f, err := strconv.ParseFloat(n.String(), t.Bits())
		if err != nil || math.IsInf(f, 0) {
			s.add(path, "%s must be a number within range, not %s", name, n)
			return
		}
		rv.SetFloat(f)
	case reflect.Interface:
		if t.NumMethod() != 0 {
			s.add(path, "%s cannot be read from a file", name)
			return
		}
		rv.Set(reflect.ValueOf(plain(val))) // any value is allowed, as encoding/json gives it
	default:
		s.add(path, "%s cannot be read from a file", name)
	}
}

// custom stores val in a value of a type with its own decoding, such as
// time.Time, and records its complaint as a problem.
func (s *store) custom(path string, val any, rv reflect.Value) {
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
		s.add(path, "%s must be text in quotes, not %s", lastName(path), describe(val))
		return
	}
	if err == nil {
		return
	}
	msg := "has an unexpected value"
	if rv.Type() == timeType {
		msg = "must be a date and time such as 2026-09-15T15:30:00-04:00"
	}
	s.add(path, "%s %s", lastName(path), msg)
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
		if r := []rune(v); len(r) > 30 {
			v = string(r[:30]) + "…"
		}
		return fmt.Sprintf("the text %q", v)
	case json.Number:
		return "the number " + v.String()
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
