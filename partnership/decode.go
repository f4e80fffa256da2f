package partnership

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// DecodeJSON decodes one JSON document from data into v, a pointer to a model,
// and is stricter and more helpful than encoding/json: a field v does not
// have, or a value of the wrong type, is a *ValidationError naming every such
// place by its JSON path; a syntax error says the line and column. Field names
// must match exactly, as Save writes them. DecodeJSON checks structure only:
// the model's own Validate checks the values.
func DecodeJSON(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("partnership: DecodeJSON needs a non-nil pointer")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return syntaxProblem(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &ValidationError{Problems: []Problem{{Message: "the file holds more than one JSON value; it must hold exactly one, starting with { and ending with }"}}}
	}
	var ve ValidationError
	checkShape(&ve, "", tree, rv.Type().Elem())
	if err := ve.Err(); err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		// checkShape saw nothing wrong, so this is rare: say what encoding/json says.
		return &ValidationError{Problems: []Problem{{Message: "the file could not be read: " + err.Error()}}}
	}
	return nil
}

// syntaxProblem turns a JSON syntax error into a problem with line and column.
func syntaxProblem(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included.
		line, col := lineCol(data, se.Offset-1)
		return &ValidationError{Problems: []Problem{{
			Message: fmt.Sprintf("the file is not valid JSON: line %d, column %d: %s", line, col, strings.TrimPrefix(se.Error(), "json: ")),
		}}}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &ValidationError{Problems: []Problem{{Message: "the file is empty or ends too early; it must hold one JSON object, starting with { and ending with }"}}}
	}
	return &ValidationError{Problems: []Problem{{Message: "the file is not valid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}}}
}

// lineCol returns the 1-based line and column of byte offset off in data.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - bytes.LastIndexByte(before, '\n')
	return line, col
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// checkShape compares a decoded JSON value with the Go type it will be stored
// in and records a problem for every unknown field and mismatched type.
func checkShape(ve *ValidationError, path string, val any, t reflect.Type) {
	if val == nil {
		return // null leaves the zero value, as encoding/json does
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		checkCustom(ve, path, val, t)
		return
	}
	name := lastName(path)
	switch t.Kind() {
	case reflect.Pointer:
		checkShape(ve, path, val, t.Elem())
	case reflect.Struct:
		obj, ok := val.(map[string]any)
		if !ok {
			ve.Add(path, "%s must be a group of named fields in { }, not %s", name, describe(val))
			return
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f, ok := fields[k]
			if !ok {
				ve.Add(JoinPath(path, k), "unknown field %q%s", k, allowed(fields, k))
				continue
			}
			checkShape(ve, JoinPath(path, k), obj[k], f.Type)
		}
	case reflect.Slice, reflect.Array:
		arr, ok := val.([]any)
		if !ok {
			ve.Add(path, "%s must be a list in [ ], not %s", name, describe(val))
			return
		}
		if t.Kind() == reflect.Array && len(arr) > t.Len() {
			ve.Add(path, "%s may hold at most %d entries", name, t.Len())
		}
		for i, e := range arr {
			checkShape(ve, fmt.Sprintf("%s[%d]", path, i), e, t.Elem())
		}
	case reflect.Map:
		obj, ok := val.(map[string]any)
		if !ok {
			ve.Add(path, "%s must be a group of named values in { }, not %s", name, describe(val))
			return
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			checkShape(ve, JoinPath(path, k), obj[k], t.Elem())
		}
	case reflect.String:
		if _, ok := val.(string); !ok {
			ve.Add(path, "%s must be text in quotes, not %s", name, describe(val))
		}
	case reflect.Bool:
		if _, ok := val.(bool); !ok {
			ve.Add(path, "%s must be true or false, not %s", name, describe(val))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := val.(json.Number)
		if !ok {
			ve.Add(path, "%s must be a whole number, not %s", name, describe(val))
			return
		}
		i, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil || reflect.New(t).Elem().OverflowInt(i) {
			ve.Add(path, "%s must be a whole number within range, not %s", name, n)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := val.(json.Number)
		if !ok {
			ve.Add(path, "%s must be a whole number, not %s", name, describe(val))
			return
		}
		u, err := strconv.ParseUint(n.String(), 10, 64)
		if err != nil || reflect.New(t).Elem().OverflowUint(u) {
			ve.Add(path, "%s must be a whole number of zero or more within range, not %s", name, n)
		}
	case reflect.Float32, reflect.Float64:
		n, ok := val.(json.Number)
		if !ok {
			ve.Add(path, "%s must be a number, not %s", name, describe(val))
			return
		}
		f, err := strconv.ParseFloat(n.String(), t.Bits())
		if err != nil || math.IsInf(f, 0) {
			ve.Add(path, "%s must be a number within range, not %s", name, n)
		}
	case reflect.Interface:
		// any value is allowed
	default:
		ve.Add(path, "%s cannot be read from a file", name)
	}
}

// checkCustom decodes val into a fresh value of a type with its own decoding
// (such as time.Time) and records its complaint as a problem.
func checkCustom(ve *ValidationError, path string, val any, t reflect.Type) {
	raw, err := json.Marshal(val)
	if err != nil {
		ve.Add(path, "%s could not be read", lastName(path))
		return
	}
	p := reflect.New(t)
	if err := json.Unmarshal(raw, p.Interface()); err != nil {
		msg := "has an unexpected value"
		if t.String() == "time.Time" {
			msg = "must be a date and time such as 2026-09-15T15:30:00-04:00"
		}
		ve.Add(path, "%s %s", lastName(path), msg)
	}
}

// jsonFields maps the JSON names of t's exported fields to the fields,
// following embedded structs as encoding/json does.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := make(map[string]reflect.StructField)
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range jsonFields(ft) {
					if _, taken := out[k]; !taken {
						out[k] = v
					}
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f
	}
	return out
}

// allowed lists the field names a struct accepts, pointing out a near miss
// that differs only in letter case.
func allowed(fields map[string]reflect.StructField, got string) string {
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
	sort.Strings(names)
	return "; allowed here: " + strings.Join(names, ", ")
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
