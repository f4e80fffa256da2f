package xmltext

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEscapeMatchesEncodingXML(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">&'</a>`, "tab\tnew\nline\rret", "\x00\x01\x1f\x7f", "bad \xff\xfe utf8", "\uFFFE\uFFFF\U0010FFFF é 中"} {
		var want strings.Builder
		require.NoError(t, xml.EscapeText(&want, []byte(s)))
		assert.Equal(t, want.String(), Escape(s), "%q", s)
	}
}

func TestEscapeLeavesPlainTextAsItIs(t *testing.T) {
	for in, want := range map[string]string{
		"Summer PBL institute": "Summer PBL institute",
		`Smith & Sons "TA"`:    "Smith &amp; Sons &#34;TA&#34;",
		"<b>":                  "&lt;b&gt;",
		"Zoë":                  "Zoë",
		"a\tb":                 "a&#x9;b",
		"it's":                 "it&#39;s",
	} {
		assert.Equal(t, want, Escape(in), in)
	}
}

func TestID(t *testing.T) {
	assert.Equal(t, "pk-map", ID("", "pk-map"))
	assert.Equal(t, "chart-1_a", ID("chart-1_a", "x"))
	assert.Equal(t, "x--onload--alert-3-", ID(`x" onload="alert(3)`, "x"))
}
