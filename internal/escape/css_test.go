package escape

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCSSString(t *testing.T) {
	for in, want := range map[string]string{
		"":                  `""`,
		"Riverside Unified": `"Riverside Unified"`,
		`a"b`:               `"a\22 b"`,
		`</style><script>`:  `"\3c \2f style\3e \3c script\3e "`,
		"x\\y{}; \n\x00 z":  `"x\5c y\7b \7d \3b  z"`,
		"Café · 1–2":        `"Caf\e9  \b7  1\2013 2"`,
	} {
		assert.Equal(t, want, CSSString(in), "%q", in)
	}
}

func FuzzCSSString(f *testing.F) {
	for _, s := range []string{"", "Riverside", `"}</style>`, "\\\x00\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CSSString(s)
		inner := out[1 : len(out)-1]
		for _, bad := range []string{`"`, "<", ">", "{", "}", ";", "\n", "'"} {
			if strings.Contains(inner, bad) {
				t.Fatalf("CSSString(%q) = %s holds %q", s, out, bad)
			}
		}
		// Every backslash starts a hexadecimal escape ended by a space.
		for i := 0; i < len(inner); i++ {
			if inner[i] != '\\' {
				continue
			}
			j := i + 1
			for j < len(inner) && strings.IndexByte("0123456789abcdef", inner[j]) >= 0 {
				j++
			}
			if j == i+1 || j >= len(inner) || inner[j] != ' ' {
				t.Fatalf("CSSString(%q) = %s: a backslash that is not a hexadecimal escape", s, out)
			}
			i = j
		}
	})
}
