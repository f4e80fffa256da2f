package schema

import (
	"fmt"
	"reflect"
)

// list reads a list into rv, a slice of type t.
func (d *decoder) list(t reflect.Type, rv reflect.Value) bool {
	if !d.open() {
		return false
	}
	elem := t.Elem()
	size := int64(elem.Size())
	var sc *scratch // what the entries are read into, if they are stored
	base := 0
	start := d.dec.InputOffset()
	if rv.IsValid() && !d.failed {
		sc = d.scratchFor(elem)
		base = sc.n
	}
	for n := 0; ; n++ {
		more, ok := d.entry(n)
		if !ok {
			return false
		}
		if !more {
			if sc != nil {
				if !d.failed {
					out := reflect.MakeSlice(t, sc.n-base, sc.n-base)
					sc.copyOut(out, base)
					rv.Set(out)
				}
				sc.truncate(base)
			}
			return true
		}
		var ev reflect.Value
		if sc != nil && !d.failed {
			// Each list is in proportion to its own text too, so that a
			// flood of {} is refused at its start, not at the budget's end.
			if int64(n)*size > budgetPerByte*(d.dec.InputOffset()-start)+listSlack {
				d.refuse()
				return false
			}
			if !d.charge(size) {
				return false
			}
			ev = sc.push()
		}
		d.path = append(d.path, step{index: n})
		if !d.value(elem, ev) {
			return false
		}
		d.path = d.path[:len(d.path)-1]
	}
}

// scratchFor returns the scratch for entries of type elem at the current
// depth: lists at one depth are read one after the other, never one inside
// the other.
func (d *decoder) scratchFor(elem reflect.Type) *scratch {
	if d.scratch == nil {
		d.scratch = make(map[scratchKey]*scratch)
	}
	k := scratchKey{elem, d.dec.StackDepth()}
	sc, ok := d.scratch[k]
	if !ok {
		sc = &scratch{typ: reflect.SliceOf(elem)}
		d.scratch[k] = sc
	}
	return sc
}

// scratch holds the entries of lists being read, in chunks that are never
// moved, so that an entry being read stays where it is and a long list
// leaves no copies of itself behind: 8 entries, then 16, and so on up to
// maxChunk.
type scratch struct {
	typ    reflect.Type // the type of a chunk, a slice of entries
	chunks []reflect.Value
	starts []int // the index of each chunk's first entry
	n      int   // the entries in use
}

const maxChunk = 1024

// push adds an entry, and returns it to be read into.
func (s *scratch) push() reflect.Value {
	last := len(s.chunks) - 1
	if last < 0 || s.n == s.starts[last]+s.chunks[last].Len() {
		size := 8
		if last >= 0 {
			size = min(2*s.chunks[last].Len(), maxChunk)
		}
		s.chunks = append(s.chunks, reflect.MakeSlice(s.typ, size, size))
		s.starts = append(s.starts, s.n)
		last++
	}
	i := s.n
	s.n++
	for last > 0 && s.starts[last] > i {
		last--
	}
	return s.chunks[last].Index(i - s.starts[last])
}

// copyOut copies the entries from base on into out, of their number.
func (s *scratch) copyOut(out reflect.Value, base int) {
	for c, chunk := range s.chunks {
		from, to := max(base, s.starts[c]), min(s.n, s.starts[c]+chunk.Len())
		if from < to {
			reflect.Copy(out.Slice(from-base, to-base), chunk.Slice(from-s.starts[c], to-s.starts[c]))
		}
	}
}

// truncate zeroes the entries from base on, to hold nothing, and gives them
// back.
func (s *scratch) truncate(base int) {
	for c, chunk := range s.chunks {
		from, to := max(base, s.starts[c]), min(s.n, s.starts[c]+chunk.Len())
		if from < to {
			chunk.Slice(from-s.starts[c], to-s.starts[c]).Clear()
		}
	}
	s.n = base
}

// array reads a list into rv, an array of type t.
func (d *decoder) array(t reflect.Type, rv reflect.Value) bool {
	if !d.open() {
		return false
	}
	if rv.IsValid() {
		rv.SetZero()
	}
	for n := 0; ; n++ {
		if more, ok := d.entry(n); !more {
			return ok
		}
		if n == t.Len() {
			d.add(func() string { return fmt.Sprintf("%smay hold at most %d entries", d.subject(), t.Len()) })
		}
		d.path = append(d.path, step{index: n})
		var ok bool
		if n < t.Len() {
			var ev reflect.Value
			if rv.IsValid() && !d.failed {
				ev = rv.Index(n)
			}
			ok = d.value(t.Elem(), ev)
		} else {
			ok = d.skip()
		}
		if !ok {
			return false
		}
		d.path = d.path[:len(d.path)-1]
	}
}
