package schema

import (
	"bytes"
	"cmp"
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

	"github.com/go-json-experiment/json/jsontext"
)

// Decode reads one JSON document from data into v, a pointer to a model, and
// is stricter and more helpful than encoding/json: a field v does not have,
// or a value of the wrong type, is a problem added to ps at its JSON path; a
// syntax error says the line and column. Field names must match exactly, as
// encoding/json writes them. It reports whether there was no problem. v is
// filled as far as the document fits it: after the first problem, Decode
// only checks the rest, and stores nothing more. Decode checks structure
// only: the model's own Validate checks the values.
//
// The document is read token by token straight into v, strict and bounded as
// Parse is (a name twice, text not UTF-8, nesting deeper than MaxDepth, a list
// longer than MaxList are each the one problem reported); and what it
// allocates is in proportion to the document: a list of empty records, each a
// large Go value, is refused before it is made. The problems are reported in
// the order of their paths, field names sorted, whatever the order of the
// file; to a Counter, the first few hundred found are sorted, and any beyond
// are only counted.
func Decode(data []byte, v any, ps Problems) bool {
	return DecodeWith(data, v, ps, Options{})
}

// Options are what DecodeWith may be given besides the document.
type Options struct {
	// Progress, if set, is told how far the decoder is: every 64 KiB or so
	// of the document, the bytes read and the document's size. It is called
	// on the goroutine that decodes and may block it, as a page does to let
	// the browser draw and answer input.
	Progress func(done, total int64)
	// Extra holds fields the type does not have that an older version of
	// the document had, by name: each is asked, with the field's JSON path
	// and the JSON text of its value, whether the field is one it knows,
	// which an upgrade turns into another; when it reports true, the field
	// is passed over without a problem.
	Extra map[string]func(path string, value []byte) bool
}

// DecodeWith is Decode with options.
func DecodeWith(data []byte, v any, ps Problems, o Options) bool {
	data = bytes.TrimPrefix(data, bom)
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		ps.Add("", "the document cannot be stored in %T: it needs a non-nil pointer", v)
		return false
	}
	d := &decoder{
		// Names given twice are found by the decoder itself, which knows the
		// fields of each group: the reader would keep every name of every
		// group, a million of them in a crafted file.
		parser: parser{data: data, dec: jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true)), ps: ps, progress: o.Progress},
		extra:  o.Extra,
		budget: budgetBase + budgetPerByte*int64(len(data)),
	}
	if c, ok := ps.(Counter); ok {
		d.counter, d.hold = c, maxHeld
	}
	if !d.value(rv.Elem().Type(), rv.Elem()) || !d.end() {
		if d.overBudget {
			d.flush() // the rest is not read: it would only cost more
		}
		return false // else the one problem is reported; those found before it are not
	}
	d.flush()
	return !d.failed
}

// Store puts a tree made by Parse into v, a non-nil pointer, as Decode puts
// a document: checking as it goes that every field exists in v's type and
// every value has the type of the field it goes into, and adding a problem
// to ps for each that does not. An empty object of the tree, a nil map, is
// {}. It reports whether there was no problem.
func Store(tree, v any, ps Problems) bool {
	return Decode(appendTree(nil, tree), v, ps)
}

// appendTree writes a tree made by Parse, or built like one, as JSON.
func appendTree(b []byte, v any) []byte {
	switch v := v.(type) {
	case map[string]any:
		b = append(b, '{')
		for i, k := range sortedKeys(v) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendTree(b, v[k])
		}
		return append(b, '}')
	case []any:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendTree(b, e)
		}
		return append(b, ']')
	case string:
		return appendString(b, v)
	case json.Number:
		if v == "" {
			return append(b, '0')
		}
		return append(b, v...)
	case nil:
		return append(b, "null"...)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, raw...)
}

// appendString writes s quoted; text that is not UTF-8 has its bad bytes
// replaced, as encoding/json writes them.
func appendString(b []byte, s string) []byte {
	out, err := jsontext.AppendQuote(b, s)
	if err != nil {
		raw, _ := json.Marshal(s)
		return append(b, raw...)
	}
	return out
}

var bom = []byte("\uFEFF")

// What Decode may allocate for a document of n bytes: budgetBase plus
// budgetPerByte for each byte. The values of a file as partnerkit writes it
// take half of its size in Go (0.49 for testdata/full.json, 0.50 for a
// district of 10,000 initiatives), and a list of short texts four times it
// ("a", 4 bytes, is a string of 16); a list of empty { } would take many
// times more, as each becomes a whole record.
const (
	budgetBase    = 256 << 10
	budgetPerByte = 4
)

// listSlack is what the entries of one list may take beyond budgetPerByte
// for each byte of its text.
const listSlack = 64 << 10

// maxHeld is how many problems Decode keeps, to sort them, before it only
// counts the others for a Counter: many more than a Counter lists.
const maxHeld = 1000

// decoder reads one document into one value. It shares the parser's reader,
// path and limits, so that its problems name the same places Parse would.
type decoder struct {
	parser
	fields map[reflect.Type]map[string]field
	hasOwn map[reflect.Type]bool // whether a type has its own decoding
	extra  map[string]func(path string, value []byte) bool
	// scratch holds the entries of the lists being read, by entry type and
	// depth: a list is copied out once, at its exact length.
	scratch map[scratchKey]*scratch
	// budget is what may still be allocated (see charge); overBudget is set
	// once it ran out.
	budget     int64
	overBudget bool
	// failed is set at the first problem: from then on nothing is stored.
	failed bool
	// held are the problems found, to be sorted; beyond hold of them (when
	// hold > 0), a problem is only counted, in counted.
	held    []heldProblem
	hold    int
	counted int
	counter Counter
}

type scratchKey struct {
	typ   reflect.Type
	depth int
}

// heldProblem is a problem found, with the path it was found at.
type heldProblem struct {
	steps []step
	path  string
	msg   string
	// unknown is set for a name nothing of that name is kept at (Unknowns).
	unknown bool
}

// add records a problem at the current path; msg is called at once, while
// the token it may describe is still valid, or not at all.
func (d *decoder) add(msg func() string) { d.keep(msg, false) }

// keep records a problem at the current path, an unknown name's if
// unknown is set.
func (d *decoder) keep(msg func() string, unknown bool) {
	d.failed = true
	if d.hold > 0 && len(d.held) >= d.hold {
		d.counted++
		return
	}
	d.held = append(d.held, heldProblem{steps: slices.Clone(d.path), path: d.where(), msg: msg(), unknown: unknown})
}

// unknown records that the name at the end of the current path is none of
// fields.
func (d *decoder) unknown(fields map[string]field) {
	d.keep(func() string {
		k := d.path[len(d.path)-1].name
		return fmt.Sprintf("unknown field %q%s", k, allowed(fields, k))
	}, true)
}

// flush reports the problems held in the order of their paths, and counts
// the others.
func (d *decoder) flush() {
	slices.SortStableFunc(d.held, func(a, b heldProblem) int { return compareSteps(a.steps, b.steps) })
	for _, p := range d.held {
		if d.counter != nil && d.counter.Full() {
			d.counter.CountMore()
			continue
		}
		if u, ok := d.ps.(Unknowns); ok && p.unknown {
			u.AddUnknown(p.path, p.msg)
			continue
		}
		d.ps.Add(p.path, "%s", p.msg)
	}
	for range d.counted {
		d.counter.CountMore()
	}
}

// compareSteps orders paths as a walk of the document with its names sorted
// meets them: a group before what it holds, names by their bytes, entries of
// a list by their index.
func compareSteps(a, b []step) int {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		if c := cmp.Compare(x.index, y.index); c != 0 {
			return c
		}
		if c := strings.Compare(x.name, y.name); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// subject starts a message on the value being read: nothing, as the path the
// message goes with names it, but "the file " for the whole file, whose path
// is "".
func (d *decoder) subject() string { return subject(d.where()) }

// charge takes n bytes from the budget, and reports whether they were left;
// when they were not, it adds a problem at the current path, and the reading
// stops there.
func (d *decoder) charge(n int64) bool {
	d.budget -= n
	if d.budget >= 0 {
		return true
	}
	d.refuse()
	return false
}

// refuse adds the problem of a value that takes more than its share: the
// reading stops there.
func (d *decoder) refuse() {
	d.overBudget = true
	d.add(func() string {
		return fmt.Sprintf("%sholds many more records than it gives values for (most of them empty): partnerkit reads a file only when what it holds is in proportion to its size; remove the empty entries", d.subject())
	})
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

// field is a JSON field of a struct: its name, where it is (an index path
// through embedded structs) and its type.
type field struct {
	name  string
	pos   int // its place among the struct's fields, sorted by name
	index []int
	typ   reflect.Type
}

// value reads the next value into rv, of type t, checking it against t.
// rv is invalid when nothing is to be stored (only checked). It reports
// false after a problem that ends the reading (see Parse).
func (d *decoder) value(t reflect.Type, rv reflect.Value) bool {
	d.tick()
	if d.failed {
		rv = reflect.Value{}
	}
	kind := d.dec.PeekKind()
	switch kind {
	case 0: // an error, which the read reports
		_, err := d.dec.ReadToken()
		d.syntax(err)
		return false
	case 'n':
		if _, err := d.dec.ReadToken(); err != nil { // "nul", cut short
			d.syntax(err)
			return false
		}
		if rv.IsValid() {
			switch t.Kind() {
			case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
				rv.SetZero()
			}
		}
		return true // null leaves other values as they are, as encoding/json does
	}
	if t.Kind() != reflect.Pointer && d.isCustom(t) {
		return d.custom(t, rv, kind)
	}
	switch t.Kind() {
	case reflect.Pointer:
		if rv.IsValid() && rv.IsNil() {
			if !d.charge(int64(t.Elem().Size())) {
				return false
			}
			rv.Set(reflect.New(t.Elem()))
		}
		if rv.IsValid() && !d.failed {
			rv = rv.Elem()
		} else {
			rv = reflect.Value{}
		}
		return d.value(t.Elem(), rv)
	case reflect.Struct:
		if kind != '{' {
			return d.mismatch("must be a group of named fields in { }")
		}
		return d.object(t, rv)
	case reflect.Slice:
		if kind != '[' {
			return d.mismatch("must be a list in [ ]")
		}
		return d.list(t, rv)
	case reflect.Array:
		if kind != '[' {
			return d.mismatch("must be a list in [ ]")
		}
		return d.array(t, rv)
	case reflect.Map:
		if kind != '{' {
			return d.mismatch("must be a group of named values in { }")
		}
		if t.Key().Kind() != reflect.String {
			d.add(func() string { return fmt.Sprintf("%scannot be read from a file", d.subject()) })
			return d.skip()
		}
		return d.dict(t, rv)
	case reflect.String:
		if kind != '"' {
			return d.mismatch("must be text in quotes")
		}
		tok, err := d.dec.ReadToken()
		if err != nil {
			d.syntax(err)
			return false
		}
		if rv.IsValid() {
			rv.SetString(tok.String())
		}
		return true
	case reflect.Bool:
		if kind != 't' && kind != 'f' {
			return d.mismatch("must be true or false")
		}
		tok, err := d.dec.ReadToken()
		if err != nil { // "tru", cut short
			d.syntax(err)
			return false
		}
		if rv.IsValid() {
			rv.SetBool(tok.Bool())
		}
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if kind != '0' {
			return d.mismatch("must be a whole number")
		}
		num, ok := d.number()
		if !ok {
			return false
		}
		i, err := strconv.ParseInt(num.text(64), 10, 64)
		if bits := t.Bits(); err != nil || bits < 64 && (i < -1<<(bits-1) || i >= 1<<(bits-1)) {
			d.add(func() string {
				return fmt.Sprintf("%smust be a whole number within range, not %s", d.subject(), num.short())
			})
			return true
		}
		if rv.IsValid() {
			rv.SetInt(i)
		}
		return true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if kind != '0' {
			return d.mismatch("must be a whole number")
		}
		num, ok := d.number()
		if !ok {
			return false
		}
		u, err := strconv.ParseUint(num.text(64), 10, 64)
		if bits := t.Bits(); err != nil || bits < 64 && u >= 1<<bits {
			d.add(func() string {
				return fmt.Sprintf("%smust be a whole number of zero or more within range, not %s", d.subject(), num.short())
			})
			return true
		}
		if rv.IsValid() {
			rv.SetUint(u)
		}
		return true
	case reflect.Float32, reflect.Float64:
		if kind != '0' {
			return d.mismatch("must be a number")
		}
		num, ok := d.number()
		if !ok {
			return false
		}
		f, err := strconv.ParseFloat(num.text(1000), t.Bits())
		if err != nil || math.IsInf(f, 0) {
			d.add(func() string {
				return fmt.Sprintf("%smust be a number within range, not %s", d.subject(), num.short())
			})
			return true
		}
		if rv.IsValid() {
			rv.SetFloat(f)
		}
		return true
	case reflect.Interface:
		if t.NumMethod() != 0 {
			d.add(func() string { return fmt.Sprintf("%scannot be read from a file", d.subject()) })
			return d.skip()
		}
		tree, ok := d.parser.value()
		if !ok {
			return false
		}
		if rv.IsValid() && !d.failed {
			rv.Set(reflect.ValueOf(plain(tree))) // any value is allowed, as encoding/json gives it
		}
		return true
	}
	d.add(func() string { return fmt.Sprintf("%scannot be read from a file", d.subject()) })
	return d.skip()
}

// numberText is the JSON text of a number, as the reader holds it: valid
// only until the next read.
type numberText []byte

// number reads a number.
func (d *decoder) number() (numberText, bool) {
	v, err := d.dec.ReadValue()
	if err != nil {
		d.syntax(err)
		return nil, false
	}
	return numberText(v), true
}

// text returns the number as a string to parse, or "" (which no parse
// accepts) when it is longer than limit: a number a million digits long is
// not copied to be found out of range.
func (n numberText) text(limit int) string {
	if len(n) > limit {
		return ""
	}
	return string(n)
}

// short returns the number cut short to quote in a message.
func (n numberText) short() string {
	return Shorten(string(n[:min(len(n), 64)]))
}

// isCustom reports whether t has its own decoding, once per type.
func (d *decoder) isCustom(t reflect.Type) bool {
	c, ok := d.hasOwn[t]
	if !ok {
		p := reflect.PointerTo(t)
		c = p.Implements(jsonUnmarshaler) || p.Implements(textUnmarshaler)
		if d.hasOwn == nil {
			d.hasOwn = make(map[reflect.Type]bool)
		}
		d.hasOwn[t] = c
	}
	return c
}

// mismatch reports that the next value is not what the field holds, as
// "name <want>, not <what it is>", and passes over it.
func (d *decoder) mismatch(want string) bool {
	switch d.dec.PeekKind() {
	case '{':
		d.add(func() string { return fmt.Sprintf("%s%s, not a group of fields", d.subject(), want) })
		return d.skip()
	case '[':
		d.add(func() string { return fmt.Sprintf("%s%s, not a list", d.subject(), want) })
		return d.skip()
	case '0':
		num, ok := d.number()
		if ok {
			d.add(func() string { return fmt.Sprintf("%s%s, not the number %s", d.subject(), want, num.short()) })
		}
		return ok
	}
	tok, err := d.dec.ReadToken()
	if err != nil {
		d.syntax(err)
		return false
	}
	d.add(func() string { return fmt.Sprintf("%s%s, not %s", d.subject(), want, describeToken(tok)) })
	return true
}

// object reads a group of named fields into rv, a struct of type t.
func (d *decoder) object(t reflect.Type, rv reflect.Value) bool {
	if !d.open() {
		return false
	}
	fields := d.fieldsOf(t)
	var seen fieldSet
	for {
		name, more, ok := d.member()
		if !more {
			return ok
		}
		f, ok := fields[name.String()]
		if ok && !seen.add(f.pos) {
			d.twice(name.String())
			return false
		}
		if extra := d.extra[name.String()]; !ok && extra != nil {
			d.path = append(d.path, step{name: name.String(), index: -1})
			path := d.where()
			raw, read := d.raw(d.dec.PeekKind())
			if !read {
				return false
			}
			if !extra(path, raw) {
				d.unknown(fields)
			}
			d.path = d.path[:len(d.path)-1]
			continue
		}
		if !ok {
			if d.hold > 0 && len(d.held) >= d.hold {
				d.failed = true
				d.counted++ // only counted: no need to copy out the name
				if !d.skip() {
					return false
				}
				continue
			}
			d.path = append(d.path, step{name: name.String(), index: -1})
			d.unknown(fields)
			if !d.skip() {
				return false
			}
			d.path = d.path[:len(d.path)-1]
			continue
		}
		d.path = append(d.path, step{name: f.name, index: -1})
		var fv reflect.Value
		if rv.IsValid() && !d.failed {
			fv = fieldByIndex(rv, f.index)
		}
		if !d.value(f.typ, fv) {
			return false
		}
		d.path = d.path[:len(d.path)-1]
	}
}

// twice reports name given twice in the group being read.
func (d *decoder) twice(name string) {
	line, _ := lineCol(d.data, d.dec.InputOffset())
	d.duplicate(name, line)
}

// fieldSet is the set of the fields of a struct given so far, by their pos.
type fieldSet struct {
	small [4]uint64
	more  map[int]bool
}

// add adds field pos, and reports whether it was not in the set yet.
func (s *fieldSet) add(pos int) bool {
	if pos < 256 {
		bit := uint64(1) << (pos % 64)
		if s.small[pos/64]&bit != 0 {
			return false
		}
		s.small[pos/64] |= bit
		return true
	}
	if s.more[pos] {
		return false
	}
	if s.more == nil {
		s.more = make(map[int]bool)
	}
	s.more[pos] = true
	return true
}

// dict reads a group of named values into rv, a map of type t with string
// keys.
func (d *decoder) dict(t reflect.Type, rv reflect.Value) bool {
	if !d.open() {
		return false
	}
	fresh := false // a map made here: a name in it was given twice
	if rv.IsValid() && !d.failed && rv.IsNil() {
		rv.Set(reflect.MakeMap(t))
		fresh = true
	}
	size := int64(16 + t.Key().Size() + t.Elem().Size())
	for {
		name, more, ok := d.member()
		if !more {
			return ok
		}
		k := name.String()
		if fresh && !d.failed && rv.MapIndex(reflect.ValueOf(k).Convert(t.Key())).IsValid() {
			d.twice(k)
			return false
		}
		store := rv.IsValid() && !d.failed
		if store && !d.charge(size) {
			return false
		}
		var e reflect.Value
		if store {
			e = reflect.New(t.Elem()).Elem()
		}
		d.path = append(d.path, step{name: k, index: -1})
		if !d.value(t.Elem(), e) {
			return false
		}
		d.path = d.path[:len(d.path)-1]
		if store && !d.failed {
			rv.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), e)
		}
	}
}

// custom reads a value of a type with its own decoding, such as time.Time,
// and records its complaint as a problem. The value is checked even when
// nothing is stored.
func (d *decoder) custom(t reflect.Type, rv reflect.Value, kind jsontext.Kind) bool {
	if !rv.IsValid() {
		rv = reflect.New(t).Elem()
	}
	p := rv.Addr().Interface()
	var err error
	switch u, isJSON := p.(json.Unmarshaler); {
	case kind == '"' && reflect.PointerTo(t).Implements(textUnmarshaler):
		tok, rerr := d.dec.ReadToken()
		if rerr != nil {
			d.syntax(rerr)
			return false
		}
		err = p.(encoding.TextUnmarshaler).UnmarshalText([]byte(tok.String()))
	case isJSON:
		raw, ok := d.raw(kind)
		if !ok {
			return false
		}
		err = u.UnmarshalJSON(raw)
	default:
		return d.mismatch("must be text in quotes")
	}
	if err == nil {
		return true
	}
	msg := "has an unexpected value"
	if t == timeType {
		msg = "must be a date and time such as 2026-09-15T15:30:00-04:00"
	}
	d.add(func() string { return fmt.Sprintf("%s%s", d.subject(), msg) })
	return true
}

// raw reads the next value, of the given kind, and returns its JSON text.
// A group or a list is read within the limits, as skip reads it.
func (d *decoder) raw(kind jsontext.Kind) ([]byte, bool) {
	if kind != '{' && kind != '[' {
		v, err := d.dec.ReadValue()
		if err != nil {
			d.syntax(err)
			return nil, false
		}
		return v, true
	}
	start := d.dec.InputOffset()
	if !d.skip() {
		return nil, false
	}
	// Between the token before and the value: spaces, and a ':' or ','.
	return bytes.TrimLeft(d.data[start:d.dec.InputOffset()], " \t\r\n:,"), true
}

// end checks that nothing but spaces follows the document's one value.
func (d *decoder) end() bool {
	if _, err := d.dec.ReadToken(); err != io.EOF {
		d.ps.Add("", "the file holds more than one JSON value; it must hold exactly one, starting with { and ending with }")
		return false
	}
	return true
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
func (d *decoder) fieldsOf(t reflect.Type) map[string]field {
	if f, ok := d.fields[t]; ok {
		return f
	}
	if d.fields == nil {
		d.fields = make(map[reflect.Type]map[string]field)
	}
	f := make(map[string]field)
	jsonFields(f, t, nil)
	for i, name := range sortedKeys(f) {
		fl := f[name]
		fl.pos = i
		f[name] = fl
	}
	d.fields[t] = f
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
		out[name] = field{name: name, index: append(slices.Clip(index), i), typ: f.Type}
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

func sortedKeys[V any](obj map[string]V) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// subject starts a message on the value at path: nothing, as the path the
// message goes with names it already ("people[0].roles[2]: must be text in
// quotes"), but "the file " for the whole file, whose path is "".
func subject(path string) string {
	if path == "" {
		return "the file "
	}
	return ""
}

// describeToken names the value of a JSON token in plain words.
func describeToken(tok jsontext.Token) string {
	switch tok.Kind() {
	case '"':
		return fmt.Sprintf("the text %q", Shorten(tok.String()))
	case 't', 'f':
		return strconv.FormatBool(tok.Bool())
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
