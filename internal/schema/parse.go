package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// Parse reads exactly one JSON value from data into a tree of
// map[string]any, []any, string, json.Number, bool and nil, which Store puts
// into a Go value. An empty object is a nil map (a file of {} costs no more
// than its lists): who adds to an object of the tree makes a map first. It is strict where encoding/json is lenient, and bounded
// on any input:
//
//   - a name given twice in one object is refused (encoding/json keeps the
//     last, and an unknown field in the first would go unseen);
//   - text that is not UTF-8 is refused, not replaced;
//   - objects and lists may nest MaxDepth deep, a list may hold MaxList
//     entries;
//   - a UTF-8 byte order mark at the start is passed over, as editors on
//     Windows write one.
//
// A syntax error, an empty document or a second value after the first is a
// problem for the whole document, with the line and column; a limit passed
// is a problem at the path where it was passed. Parse reports whether there
// was no problem.
func Parse(data []byte, ps Problems) (any, bool) {
	data = bytes.TrimPrefix(data, bom)
	p := &parser{data: data, dec: jsontext.NewDecoder(bytes.NewBuffer(data)), ps: ps}
	tree, ok := p.value()
	if !ok {
		return nil, false
	}
	if _, err := p.dec.ReadToken(); err != io.EOF {
		ps.Add("", "the file holds more than one JSON value; it must hold exactly one, starting with { and ending with }")
		return nil, false
	}
	return tree, true
}

// parser builds the tree of one document, remembering where it is so that a
// problem can name its path.
type parser struct {
	data []byte
	dec  *jsontext.Decoder
	ps   Problems
	path []step // the names and indexes from the top to the value being read
	// stack holds the entries of the lists being read, each list's above
	// those of the lists it is in: a list is copied out once, at its exact
	// length, instead of growing by steps.
	stack []any
	// progress, if set, is told of the bytes read every progressStep, at
	// next.
	progress func(done, total int64)
	next     int64
}

// progressStep is how many bytes a decoder reads between two reports of its
// progress.
const progressStep = 64 << 10

// tick tells progress how far the reading is, every progressStep bytes.
func (p *parser) tick() {
	if p.progress == nil {
		return
	}
	if off := p.dec.InputOffset(); off >= p.next {
		p.next = off + progressStep
		p.progress(off, int64(len(p.data)))
	}
}

// step is one step of a path: a name in an object, or an index in a list.
type step struct {
	name  string
	index int // -1 for a name
}

// where returns the path of the value being read.
func (p *parser) where() string {
	var b strings.Builder
	for _, s := range p.path {
		if s.index >= 0 {
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

// value reads one value, and everything in it.
func (p *parser) value() (any, bool) {
	p.tick()
	tok, err := p.dec.ReadToken()
	if err != nil {
		p.syntax(err)
		return nil, false
	}
	switch tok.Kind() {
	case '{':
		if p.dec.StackDepth() > MaxDepth {
			p.ps.Add(p.where(), "the file nests groups and lists more than %d deep, far more than a partnerkit file does; check that it is the right file", MaxDepth)
			return nil, false
		}
		if p.dec.PeekKind() == '}' {
			// An empty object is a nil map: nothing is allocated for it.
			_, _ = p.dec.ReadToken()
			return map[string]any(nil), true
		}
		obj := make(map[string]any)
		for {
			name, more, ok := p.member()
			if !ok {
				return nil, false
			}
			if !more {
				return obj, true
			}
			k := name.String()
			if _, twice := obj[k]; twice { // a decoder that leaves names to its reader
				line, _ := lineCol(p.data, p.dec.InputOffset())
				p.duplicate(k, line)
				return nil, false
			}
			p.path = append(p.path, step{name: k, index: -1})
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			p.path = p.path[:len(p.path)-1]
			obj[k] = v
		}
	case '[':
		if p.dec.StackDepth() > MaxDepth {
			p.ps.Add(p.where(), "the file nests groups and lists more than %d deep, far more than a partnerkit file does; check that it is the right file", MaxDepth)
			return nil, false
		}
		base := len(p.stack)
		for {
			n := len(p.stack) - base
			more, ok := p.entry(n)
			if !ok {
				return nil, false
			}
			if !more {
				arr := make([]any, n)
				copy(arr, p.stack[base:])
				clear(p.stack[base:])
				p.stack = p.stack[:base]
				return arr, true
			}
			p.path = append(p.path, step{index: n})
			v, ok := p.value()
			if !ok {
				return nil, false
			}
			p.path = p.path[:len(p.path)-1]
			if len(p.stack) == cap(p.stack) {
				p.stack = slices.Grow(p.stack, max(len(p.stack), 256)) // doubling: append grows a long list by a quarter at a time
			}
			p.stack = append(p.stack, v)
		}
	case '"':
		return tok.String(), true
	case '0':
		return json.Number(tok.String()), true
	case 't', 'f':
		return tok.Bool(), true
	case 'n':
		return nil, true
	}
	p.ps.Add(p.where(), "the file is not valid JSON here")
	return nil, false
}

// open reads the { or [ that starts a group or a list, within MaxDepth.
func (p *parser) open() bool {
	if _, err := p.dec.ReadToken(); err != nil {
		p.syntax(err)
		return false
	}
	if p.dec.StackDepth() > MaxDepth {
		p.ps.Add(p.where(), "the file nests groups and lists more than %d deep, far more than a partnerkit file does; check that it is the right file", MaxDepth)
		return false
	}
	return true
}

// member reads the name of the next member of the group being read, or the }
// that ends it: more is false at the end, and ok false after a problem,
// which it reports.
func (p *parser) member() (name jsontext.Token, more, ok bool) {
	switch p.dec.PeekKind() {
	case '}':
		_, _ = p.dec.ReadToken()
		return jsontext.Token{}, false, true
	case 0: // an error, which the read reports
		_, err := p.dec.ReadToken()
		p.syntax(err)
		return jsontext.Token{}, false, false
	}
	name, err := p.dec.ReadToken()
	if err != nil {
		p.syntax(err)
		return jsontext.Token{}, false, false
	}
	return name, true, true
}

// entry reports whether the list being read has an entry n, or reads the ]
// that ends it: more is false at the end, and ok false after a problem (an
// entry past MaxList), which it reports.
func (p *parser) entry(n int) (more, ok bool) {
	switch p.dec.PeekKind() {
	case ']':
		_, _ = p.dec.ReadToken()
		return false, true
	case 0:
		_, err := p.dec.ReadToken()
		p.syntax(err)
		return false, false
	}
	if n == MaxList {
		p.ps.Add(p.where(), "%sholds more than %s entries, far more than a partnerkit file needs; check that it is the right file", subject(p.where()), Thousands(MaxList))
		return false, false
	}
	return true, true
}

// skip reads one value, and everything in it, within the limits value keeps,
// and keeps nothing of it.
func (p *parser) skip() bool {
	p.tick()
	switch p.dec.PeekKind() {
	case '{':
		if !p.open() {
			return false
		}
		for {
			name, more, ok := p.member()
			if !more {
				return ok
			}
			p.path = append(p.path, step{name: name.String(), index: -1})
			if !p.skip() {
				return false
			}
			p.path = p.path[:len(p.path)-1]
		}
	case '[':
		if !p.open() {
			return false
		}
		for n := 0; ; n++ {
			if more, ok := p.entry(n); !more {
				return ok
			}
			p.path = append(p.path, step{index: n})
			if !p.skip() {
				return false
			}
			p.path = p.path[:len(p.path)-1]
		}
	}
	if _, err := p.dec.ReadToken(); err != nil {
		p.syntax(err)
		return false
	}
	return true
}

// Check reads data as Parse does, and reports its problems as Parse does,
// but keeps nothing of it: what Parse would refuse, Check refuses, at no
// cost in memory.
func Check(data []byte, ps Problems) bool {
	data = bytes.TrimPrefix(data, bom)
	p := &parser{data: data, dec: jsontext.NewDecoder(bytes.NewBuffer(data)), ps: ps}
	if !p.skip() {
		return false
	}
	if _, err := p.dec.ReadToken(); err != io.EOF {
		ps.Add("", "the file holds more than one JSON value; it must hold exactly one, starting with { and ending with }")
		return false
	}
	return true
}

// Member returns the JSON text of the value named name at the top of data,
// an object, without reading the rest; object is false when data does not
// start with {. It stops at the first problem, which it does not report:
// raw is nil then, and data is for Decode or Check to read and refuse.
func Member(data []byte, name string) (raw []byte, object bool) {
	data = bytes.TrimPrefix(data, bom)
	dec := jsontext.NewDecoder(bytes.NewBuffer(data))
	if dec.PeekKind() != '{' {
		return nil, false
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, true
	}
	for dec.PeekKind() == '"' {
		k, err := dec.ReadToken()
		if err != nil {
			return nil, true
		}
		if k.String() == name {
			v, err := dec.ReadValue()
			if err != nil {
				return nil, true
			}
			return v, true
		}
		if dec.SkipValue() != nil {
			return nil, true
		}
	}
	return nil, true
}

// syntax turns an error of the JSON reader into a problem with the line and
// column.
func (p *parser) syntax(err error) {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		p.ps.Add("", "the file is empty or ends too early; it must hold one JSON object, starting with { and ending with }")
		return
	}
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) {
		p.ps.Add("", "the file is not valid JSON: %s", strings.TrimPrefix(err.Error(), "jsontext: "))
		return
	}
	line, col := lineCol(p.data, se.ByteOffset)
	switch {
	case errors.Is(se.Err, jsontext.ErrDuplicateName):
		p.duplicate(se.JSONPointer.LastToken(), line)
		return
	case strings.Contains(se.Err.Error(), "UTF-8"):
		p.ps.Add("", "the file is not UTF-8 text: line %d, column %d; save it as UTF-8 (Unicode) and open it again", line, col)
		return
	}
	msg := strings.TrimPrefix(se.Err.Error(), "jsontext: ")
	p.ps.Add("", "the file is not valid JSON: line %d, column %d: %s", line, col, msg)
}

// duplicate reports a name given twice in the group being read, at line.
func (p *parser) duplicate(name string, line int) {
	p.ps.Add(p.where(), "%q is written twice in the same group (line %d); a field may be given only once: keep the one that is right and delete the other",
		Shorten(name), line)
}

// Shorten cuts text a file gave, to quote in a message, to at most 30
// characters: a value a million characters long is not repeated whole.
func Shorten(s string) string {
	n := 0
	for i := range s {
		if n == 30 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Thousands writes a count with a comma between thousands, as messages in
// American English do: 1,740.
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
