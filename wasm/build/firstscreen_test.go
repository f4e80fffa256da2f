package main

import (
	"testing"
	"time"

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
	s, err := firstScreens()
	require.NoError(t, err)
	assert.Contains(t, s.Start, `<button type="button" id="pk-start-example" data-on-click="start.example">Open the example district</button>`)
	assert.Contains(t, s.Start, `aria-current="page">Start</button>`)
	assert.Contains(t, s.Opening, `id="`+ui.OpeningNameID+`"`)
	assert.NotContains(t, s.Opening, "aria-current")
	// The example's review, checking the workspace, as the app first draws it.
	assert.Contains(t, s.Example, `id="pk-review-checking"`)
	assert.Contains(t, s.Example, `aria-current="page">Review</button>`)
	assert.Contains(t, s.Example, "Opened the example: Aligned Partners Project")
	assert.Contains(t, s.Example, `id="pk-map"`)
	assert.NotContains(t, s.Example, `id="pk-review-counts"`, "the findings are the app's, once it runs")
	assert.NotEmpty(t, s.ExampleID)
}

// The page shows the screens drawn when it was built, on any day and any
// device: on none of them may anything depend on the day, the time zone,
// the browser's clock or whether it can save to a file.
func TestFirstScreensAreTheSameEverywhere(t *testing.T) {
	want, err := firstScreens()
	require.NoError(t, err)
	for _, c := range []struct {
		name string
		cfg  ui.Config
	}{
		{"another day, far away", ui.Config{Now: func() time.Time { return time.Date(2031, 7, 1, 23, 59, 0, 0, time.FixedZone("UTC-10", -10*3600)) }}},
		{"the 24-hour clock", ui.Config{Clock24: true, Now: time.Now}},
		{"another time zone", ui.Config{TimeZone: "Asia/Tokyo", Now: time.Now}},
		{"saving to a file", ui.Config{FileSave: true, Now: time.Now}},
		{"a day of the change to daylight saving", ui.Config{TimeZone: "America/New_York", Now: func() time.Time { return time.Date(2027, 3, 14, 3, 30, 0, 0, time.UTC) }}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := screensWith(c.cfg)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}
