package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module writes a small WebAssembly module: one imported function, then
// function bodies of the given sizes named as given, and data of dataSize bytes.
func module(names []string, sizes []int, dataSize int) []byte {
	leb := func(n int) []byte {
		var b []byte
		for {
			c := byte(n & 0x7f)
			n >>= 7
			if n != 0 {
				b = append(b, c|0x80)
				continue
			}
			return append(b, c)
		}
	}
	str := func(s string) []byte { return append(leb(len(s)), s...) }
	section := func(id byte, body []byte) []byte { return append(append([]byte{id}, leb(len(body))...), body...) }
	out := []byte("\x00asm\x01\x00\x00\x00")
	imports := append(leb(2), append(append(str("gojs"), str("runtime.wasmExit")...), 0, 0)...)
	imports = append(imports, append(append(str("env"), str("mem")...), 2, 1, 1, 2)...) // a memory with a maximum
	out = append(out, section(2, imports)...)
	code := leb(len(sizes))
	for _, n := range sizes {
		code = append(append(code, leb(n)...), bytes.Repeat([]byte{0x0b}, n)...)
	}
	out = append(out, section(10, code)...)
	out = append(out, section(11, make([]byte, dataSize))...)
	fn := leb(len(names) + 1)
	fn = append(append(fn, leb(0)...), str("runtime.wasmExit")...)
	for i, n := range names {
		fn = append(append(fn, leb(i+1)...), str(n)...)
	}
	name := append(str("name"), section(1, fn)...)
	return append(out, section(0, name)...)
}

func TestSizesSumsFunctionsPerPackage(t *testing.T) {
	wasm := module([]string{
		"github.com_go_playground_validator_v10.__Validate_.Struct",
		"github.com_go_playground_validator_v10.isEmail",
		"regexp.__Regexp_.FindAll",
		"runtime.gc_trigger",
		"go.yaml.in_yaml_v3.Marshal",
	}, []int{300, 200, 50, 40, 10}, 1000)
	sizes, err := Sizes(wasm)
	require.NoError(t, err)
	got := map[string][2]int{}
	for _, s := range sizes {
		got[s.Package] = [2]int{s.Code, s.Funcs}
	}
	assert.Equal(t, map[string][2]int{
		"(data)":                                 {1000, 0},
		"(other)":                                {got["(other)"][0], 0},
		"github.com_go_playground_validator_v10": {500, 2},
		"regexp":                                 {50, 1},
		"runtime":                                {40, 1},
		"go.yaml.in_yaml_v3":                     {10, 1},
	}, got)
	assert.Equal(t, "(data)", sizes[0].Package, "largest first")
	assert.Equal(t, "github.com_go_playground_validator_v10", sizes[1].Package)
	assert.Positive(t, sizes[1].Gzip)
	assert.Less(t, sizes[1].Gzip, 500, "a run of one byte compresses")
	total := 0
	for _, s := range sizes {
		total += s.Code
	}
	assert.Less(t, total, len(wasm), "the name section is not counted")

	var out strings.Builder
	writeSizes(&out, sizes, 2)
	assert.Contains(t, out.String(), "(4 more packages)")
	assert.Contains(t, out.String(), "total")
}

func TestSizesRefusesWhatItCannotRead(t *testing.T) {
	for name, wasm := range map[string][]byte{
		"not wasm":   []byte("<!doctype html>"),
		"cut short":  module([]string{"main.main"}, []int{100}, 10)[:40],
		"no names":   []byte("\x00asm\x01\x00\x00\x00"),
		"huge count": []byte("\x00asm\x01\x00\x00\x00\x0a\x05\xff\xff\xff\xff\x0f"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Sizes(wasm)
			assert.Error(t, err)
		})
	}
}

func FuzzSizes(f *testing.F) {
	f.Add(module([]string{"main.main", "runtime.gc_trigger"}, []int{20, 3}, 5))
	f.Fuzz(func(t *testing.T, wasm []byte) {
		sizes, err := Sizes(wasm)
		if err != nil {
			return
		}
		total := 0
		for _, s := range sizes {
			require.GreaterOrEqual(t, s.Code, 0, s.Package)
			total += s.Code
		}
		require.LessOrEqual(t, total, len(wasm))
	})
}
