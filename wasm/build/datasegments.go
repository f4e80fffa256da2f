package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// joinData returns the WebAssembly module with its data segments joined
// into one, the zeros between them written out. Go's linker writes a
// segment for every run of non-zero bytes of the app's memory, up to the
// 100,000 a module may hold, and 100,000 headers, each with its own
// address, are what gzip compresses worst: the page's app gzipped 4.2%
// smaller as one segment (4.30 to 4.11 MB) for 1 MB more of zeros before
// compression, which the browser inflates and copies at memory speed. A
// module whose data section is not the plain kind Go writes (active
// segments in memory 0 at constant addresses) is an error.
func joinData(wasm []byte) ([]byte, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	out := slices.Clone(wasm[:8])
	r := wasmReader{b: wasm[8:]}
	for !r.done() {
		id := r.byte()
		body := r.bytes(int(r.uleb()))
		if r.err != nil {
			return nil, fmt.Errorf("reading the module: %w", r.err)
		}
		if id == 11 {
			joined, err := joinSegments(body)
			if err != nil {
				return nil, fmt.Errorf("reading the data section: %w", err)
			}
			body = joined
		}
		out = append(out, id)
		out = appendULEB(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out, nil
}

// segment is an active data segment: bytes written at an address of
// memory 0 when the module is instantiated.
type segment struct {
	at   int64
	data []byte
}

// joinSegments returns the data section's body with its segments joined
// into one.
func joinSegments(body []byte) ([]byte, error) {
	r := wasmReader{b: body}
	n := r.uleb()
	var segs []segment
	for ; n > 0 && r.err == nil; n-- {
		flags := r.uleb()
		op := r.byte()
		at := r.sleb()
		end := r.byte()
		if r.err == nil && (flags != 0 || op != 0x41 || end != 0x0b || at < 0) {
			return nil, fmt.Errorf("segment %d is not an active segment at a constant address", len(segs))
		}
		segs = append(segs, segment{at, r.bytes(int(r.uleb()))})
	}
	if r.err != nil {
		return nil, r.err
	}
	if !r.done() {
		return nil, errors.New("bytes after the last segment")
	}
	if len(segs) < 2 {
		return body, nil
	}
	slices.SortStableFunc(segs, func(a, b segment) int {
		switch {
		case a.at < b.at:
			return -1
		case a.at > b.at:
			return 1
		}
		return 0
	})
	start, last := segs[0].at, segs[len(segs)-1]
	data := make([]byte, last.at+int64(len(last.data))-start)
	for i, s := range segs {
		if i > 0 && s.at < segs[i-1].at+int64(len(segs[i-1].data)) {
			return nil, fmt.Errorf("segments at %d and %d overlap", segs[i-1].at, s.at)
		}
		copy(data[s.at-start:], s.data)
	}
	out := appendULEB(nil, 1)
	out = append(out, 0, 0x41)
	out = appendSLEB(out, start)
	out = append(out, 0x0b)
	out = appendULEB(out, uint64(len(data)))
	return append(out, data...), nil
}

// appendULEB appends v as an unsigned LEB128 number.
func appendULEB(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// appendSLEB appends v as a signed LEB128 number.
func appendSLEB(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
