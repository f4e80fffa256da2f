package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decode85 mirrors the page's JavaScript decoder (boot.js), so the tests can
// check that what the build writes reads back byte for byte.
func decode85(s string, n int) []byte {
	var index [128]int
	for i := range alphabet85 {
		index[alphabet85[i]] = i
	}
	out := make([]byte, 0, (n+3)/4*4)
	for i := 0; i < len(s); i += 5 {
		var v uint64
		for j := range 5 {
			d := 84 // a short last group is padded with the highest digit
			if i+j < len(s) {
				d = index[s[i+j]]
			}
			v = v*85 + uint64(d)
		}
		out = append(out, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
	}
	return out[:n]
}

func TestAlphabet85(t *testing.T) {
	require.Len(t, alphabet85, 85)
	seen := map[rune]bool{}
	for _, r := range alphabet85 {
		assert.False(t, seen[r], "%q twice", r)
		seen[r] = true
		assert.True(t, r > ' ' && r < 0x7f, "%q is printable ASCII", r)
	}
	assert.False(t, strings.ContainsAny(alphabet85, "\"'`\\<>&/$"), "nothing that a script string or HTML would need escaped")
}

func TestEncode85RoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := [][]byte{nil, {0}, {0xff}, {0, 0, 0, 0}, {0xff, 0xff, 0xff, 0xff}, {1, 2, 3}, {0xff, 0xff, 0xff, 0xff, 0xff}}
	for n := range 40 {
		b := make([]byte, n*7+r.IntN(9))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		cases = append(cases, b)
	}
	for _, data := range cases {
		s := encode85(data)
		assert.Len(t, s, len(data)/4*5+map[bool]int{true: len(data)%4 + 1}[len(data)%4 != 0])
		assert.True(t, bytes.Equal(data, decode85(s, len(data))), "%x", data)
	}
}

func BenchmarkEncode85(b *testing.B) {
	data := bytes.Repeat([]byte("partnerkit\x00\xff\x10"), 250_000) // 3 MB
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		encode85(data)
	}
}
