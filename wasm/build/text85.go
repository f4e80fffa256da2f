package main

import "strings"

// alphabet85 holds the 85 characters of the page's binary-to-text encoding:
// printable ASCII without " ' ` \ < > & / $, so the text can stand in a
// JavaScript string literal inside a <script> element with nothing escaped,
// and can never form "</script" or "<!--".
const alphabet85 = "!#%()*+,-.0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~"

// encode85 writes data as text, five characters for every four bytes (the
// Ascii85 scheme with the alphabet above), where base64 would use 5⅓: the
// page holds some 3 MB of compressed WebAssembly, so this saves about 0.25 MB
// of the 4 MB the page may weigh. A last partial group of n bytes is padded
// with zeros and written as n+1 characters; the reader needs the byte count.
func encode85(data []byte) string {
	var b strings.Builder
	b.Grow((len(data) + 3) / 4 * 5)
	var digits [5]byte
	for i := 0; i < len(data); i += 4 {
		var group [4]byte
		n := copy(group[:], data[i:])
		v := uint32(group[0])<<24 | uint32(group[1])<<16 | uint32(group[2])<<8 | uint32(group[3])
		for j := 4; j >= 0; j-- {
			digits[j] = alphabet85[v%85]
			v /= 85
		}
		b.Write(digits[:n+1])
	}
	return b.String()
}
