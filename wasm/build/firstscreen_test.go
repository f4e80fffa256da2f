package main

import (
	"testing"

	"github.com/partnerkit/partnerkit/wasm/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNodeHTMLEscapesAsTheBuilderWould(t *testing.T) {
	for _, c := range []struct {
		name string
		n    *ui.Node
		want string
	}{
		{"text", ui.El("p", ui.ID("x"), `<script>alert("1")</script> & more`), `<p id="x">&lt;script&gt;alert(&#34;1&#34;)&lt;/script&gt; &amp; more</p>`},
		{"attribute", ui.El("input", ui.A("type", "text"), ui.A("value", `"><img src=x>`)), `<input type="text" value="&#34;&gt;&lt;img src=x&gt;">`},
		{"text area", ui.El("textarea", ui.ID("t"), ui.A("value", "\nfirst</textarea>")), "<textarea id=\"t\">\n\nfirst&lt;/textarea&gt;</textarea>"},
		{"nested", ui.El("ul", ui.El("li", "a"), ui.El("li", ui.El("strong", "b"), "c")), `<ul><li>a</li><li><strong>b</strong>c</li></ul>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := nodeHTML(c.n)
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
	_, err := nodeHTML(ui.El("script", "alert(1)"))
	assert.Error(t, err, "only what the page allows")
	_, err = nodeHTML(ui.El("p", ui.A("onclick", "alert(1)")))
	assert.Error(t, err)
}

func TestFirstScreensAreTheAppsOwn(t *testing.T) {
	start, opening, err := firstScreens()
	require.NoError(t, err)
	assert.Contains(t, start, `<button type="button" id="pk-start-example" data-on-click="start.example">Open the example district</button>`)
	assert.Contains(t, start, `aria-current="page">Start</button>`)
	assert.Contains(t, opening, `id="`+ui.OpeningNameID+`"`)
	assert.NotContains(t, opening, "aria-current")
}
