package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sections returns a WebAssembly module of the sections given as id, body.
func sections(list ...any) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for i := 0; i < len(list); i += 2 {
		body := list[i+1].([]byte)
		out = append(out, list[i].(byte))
		out = appendULEB(out, uint64(len(body)))
		out = append(out, body...)
	}
	return out
}

// dataSection returns a data section of active segments at the addresses
// given, with their bytes.
func dataSection(segs ...segment) []byte {
	out := appendULEB(nil, uint64(len(segs)))
	for _, s := range segs {
		out = append(out, 0, 0x41)
		out = appendSLEB(out, s.at)
		out = append(out, 0x0b)
		out = appendULEB(out, uint64(len(s.data)))
		out = append(out, s.data...)
	}
	return out
}

func TestJoinData(t *testing.T) {
	code := []byte{1, 0} // a code section's body: no functions
	for _, c := range []struct {
		name     string
		in, want []byte
	}{
		{"segments apart, out of order, at addresses of several LEB bytes",
			sections(byte(10), code, byte(11), dataSection(segment{200_000, []byte{7, 8}}, segment{0x10000, []byte{1, 2, 3}}, segment{0x10005, []byte{4}}), byte(0), []byte("\x04name")),
			sections(byte(10), code, byte(11), dataSection(segment{0x10000, append(append([]byte{1, 2, 3, 0, 0, 4}, make([]byte, 200_000-0x10006)...), 7, 8)}), byte(0), []byte("\x04name"))},
		{"one segment", sections(byte(11), dataSection(segment{64, []byte{9}})), sections(byte(11), dataSection(segment{64, []byte{9}}))},
		{"no data", sections(byte(10), code), sections(byte(10), code)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := joinData(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestJoinDataRefuses(t *testing.T) {
	passive := []byte{1, 1, 1, 42} // one passive segment of one byte
	for name, in := range map[string][]byte{
		"not a module":        []byte("\x00asm fake module"),
		"cut short":           cut(sections(byte(11), dataSection(segment{8, []byte{1, 2}}))),
		"a passive segment":   sections(byte(11), passive),
		"overlapping":         sections(byte(11), dataSection(segment{8, []byte{1, 2}}, segment{9, []byte{3}})),
		"bytes after the end": sections(byte(11), append(dataSection(segment{8, []byte{1}}), 0)),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := joinData(in)
			assert.Error(t, err)
		})
	}
}

// cut returns b without its last byte.
func cut(b []byte) []byte { return b[:len(b)-1] }

func TestLEB(t *testing.T) {
	for _, c := range []struct {
		v   int64
		enc []byte
	}{
		{0, []byte{0}}, {63, []byte{0x3f}}, {64, []byte{0xc0, 0}}, {-1, []byte{0x7f}},
		{-64, []byte{0x40}}, {-65, []byte{0xbf, 0x7f}}, {-128, []byte{0x80, 0x7f}}, {0x24423, []byte{0xa3, 0x88, 0x09}},
	} {
		assert.Equal(t, c.enc, appendSLEB(nil, c.v), "%d", c.v)
		r := wasmReader{b: c.enc}
		assert.Equal(t, c.v, r.sleb(), "% x", c.enc)
		assert.NoError(t, r.err)
		assert.True(t, r.done())
	}
	r := wasmReader{b: appendULEB(nil, 624485)}
	assert.Equal(t, uint64(624485), r.uleb())
	assert.Equal(t, []byte{0xe5, 0x8e, 0x26}, appendULEB(nil, 624485))
}
