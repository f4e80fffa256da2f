package escape_test

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/escape"
)

func TestXML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Riverside Unified", "Riverside Unified"},
		{`Smith & Sons "TA"`, "Smith &amp; Sons &#34;TA&#34;"},
		{"it's Zoë", "it&#39;s Zoë"},
		{`<script>alert("x") & 'y'</script>`, "&lt;script&gt;alert(&#34;x&#34;) &amp; &#39;y&#39;&lt;/script&gt;"},
		{"a\tb\nc\rd", "a&#x9;b&#xA;c&#xD;d"},
		{"bell\u0007 nul\u0000 esc\u001b end", "bell\uFFFD nul\uFFFD esc\uFFFD end"},
		{"del\u007f c1\u0085", "del\u007f c1\u0085"},
		{"\uFFFE\uFFFFok", "\uFFFD\uFFFDok"},
		{"caf\xe9", "caf\uFFFD"},
		{"é ünïcödé 😀", "é ünïcödé 😀"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, escape.XML(tt.in), "%q", tt.in)
	}
}

// XML writes what encoding/xml's EscapeText writes, whose decoder is the
// reference for what XML allows.
func TestXMLMatchesEncodingXML(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">&'</a>`, "tab\tnew\nline\rret", "\x00\x01\x1f\x7f", "bad \xff\xfe utf8", "\uFFFE\uFFFF\U0010FFFF é 中"} {
		var want strings.Builder
		require.NoError(t, xml.EscapeText(&want, []byte(s)))
		assert.Equal(t, want.String(), escape.XML(s), "%q", s)
	}
}

// readXML parses an element with the escaped text as an attribute and as
// its content, and returns both as an XML parser reads them.
func readXML(t *testing.T, escaped string) (attr, text string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(`<a v="` + escaped + `">` + escaped + `</a>`))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return attr, text
		}
		require.NoError(t, err, "the escaped text parses: %q", escaped)
		switch tok := tok.(type) {
		case xml.StartElement:
			require.Len(t, tok.Attr, 1)
			attr = tok.Attr[0].Value
		case xml.CharData:
			text += string(tok)
		}
	}
}

// FuzzXML checks that whatever a user typed, its escape parses as XML and
// reads back as the text XMLText says, as an attribute and as content.
func FuzzXML(f *testing.F) {
	for _, s := range []string{"", "plain", `<b a="x">&amp;</b>`, "\x00\x01\t\n\r\x7f", "\xff\xfe", "\uFFFE\uFFFF\uFFFD", "]]>", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		attr, text := readXML(t, escape.XML(s))
		want := escape.XMLText(s)
		assert.Equal(t, want, attr)
		assert.Equal(t, want, text)
	})
}

func TestID(t *testing.T) {
	assert.Equal(t, "pk-map", escape.ID("", "pk-map"))
	assert.Equal(t, "chart-1_a", escape.ID("chart-1_a", "x"))
	assert.Equal(t, "x--onload--alert-3-", escape.ID(`x" onload="alert(3)`, "x"))
}
