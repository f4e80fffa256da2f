package partnership

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgText parses an SVG document and returns the text of its elements by
// element name, failing the test when it is not well-formed XML.
func svgText(t *testing.T, svg []byte) map[string][]string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	out := make(map[string][]string)
	var stack []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the map must be well-formed XML")
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && strings.TrimSpace(string(tok)) != "" {
				name := stack[len(stack)-1]
				out[name] = append(out[name], string(tok))
			}
		}
	}
	require.Empty(t, stack, "every element is closed")
	return out
}

func drawMap(t *testing.T, p *Partnership, opts MapOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, p.WriteMap(&buf, opts))
	return buf.Bytes()
}

func TestWriteMapEscapesEverythingTyped(t *testing.T) {
	p := healthy()
	p.Name = `Partnership <b>bold</b> "quoted"`
	p.Partners[0].Name = "Smith & Sons"
	p.Initiatives[0].Name = "<script>alert('x')</script>"
	p.Schools[0].Name = "A&B <Academy>"
	p.Initiatives[1].Name = "PLCs\x01\x1f\xff"
	p.Initiatives[0].Demands[0].Schools = []string{"a"}
	p.Initiatives[0].Demands[0].HoursPerWeek = 12
	p.Initiatives[0].Demands[0].Audience = `teachers "&" <aides>`
	p.Capacity = append(p.Capacity, Capacity{Audience: `teachers "&" <aides>`, HoursPerWeek: 10})
	svg := drawMap(t, p, MapOptions{ID: `x"><script>`})
	assert.NotContains(t, string(svg), "<script")
	assert.NotContains(t, string(svg), "<b>")
	assert.NotContains(t, string(svg), "<Academy>")
	text := svgText(t, svg)
	all := strings.Join(text["text"], "\n") + strings.Join(text["title"], "\n")
	assert.Contains(t, all, "<script>alert('x')</script> — Smith & Sons", "names come back as the text typed")
	assert.Contains(t, all, `teachers "&" <aides> at A&B <Academy> (capacity 10 h a week)`)
	assert.Contains(t, text["title"][0], `Partnership <b>bold</b> "quoted"`)
	assert.Contains(t, string(svg), `aria-labelledby="x---script--title x---script--desc"`)
	assert.Contains(t, all, "PLCs\uFFFD\uFFFD\uFFFD — District", "characters XML cannot hold are replaced, not dropped silently")
}

func TestWriteMapIsAccessible(t *testing.T) {
	p := healthy()
	p.Initiatives[0].Demands[0].HoursPerWeek = 12 // over capacity for 40 weeks
	svg := drawMap(t, p, MapOptions{})
	s := string(svg)
	require.True(t, strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg"`))
	assert.Contains(t, s, `role="img" aria-labelledby="pk-map-title pk-map-desc"`)
	assert.Contains(t, s, `<title id="pk-map-title">Map of initiatives and the time they ask for: Healthy</title>`)
	text := svgText(t, svg)
	require.Len(t, text["desc"], 1)
	assert.Equal(t, "2 initiatives asking time of 1 audience and school group, weeks of September 7, 2026 to June 5, 2028. "+
		"Over capacity (1): teachers across the district, weeks of September 7, 2026 to June 7, 2027 (40 weeks): 12 h demanded, 10 h available — Coaching 12 h.",
		text["desc"][0])
	// Words, not colour alone: the over-capacity weeks and every bar are labelled.
	assert.Contains(t, text["text"], "over capacity: 12 h of 10 h")
	assert.Contains(t, text["text"], "12 h")
	assert.Contains(t, text["text"], "Coaching — Partner")
	assert.Contains(t, text["text"], "teachers across the district (capacity 10 h a week)")
	assert.Contains(t, text["title"], "Coaching (Partner): 12 h a week, September 7, 2026 to June 11, 2027")
	assert.Equal(t, 1, strings.Count(s, `class="pk-map-over"`))
	assert.Equal(t, 2, strings.Count(s, `class="pk-map-bar"`))
}

func TestWriteMapIsDeterministic(t *testing.T) {
	p := randomPartnership(randForMap(), 40, 4)
	a := drawMap(t, p, MapOptions{})
	b := drawMap(t, p, MapOptions{})
	assert.Equal(t, a, b)
	svgText(t, a)
}

func TestWriteMapOptions(t *testing.T) {
	p := healthy()
	svg := string(drawMap(t, p, MapOptions{From: "2027-01-04", To: "2027-01-31", WeekWidth: 20}))
	assert.Contains(t, svg, `>1/4/2027</text>`, "week labels are written as US readers write a short date")
	assert.NotContains(t, svg, `>9/7/2026</text>`)
	assert.NotContains(t, svg, `>2027-01-04</text>`)
	assert.Contains(t, svg, `width="470"`, "4 weeks of 20 px, 300 px of labels, 20 of margins and 70 for the last labels")
	assert.Contains(t, svg, "1 initiative asking time", "initiatives outside the weeks shown are left out")
	assert.NotContains(t, svg, "Literacy PLCs")
	// A very long span is squeezed to the maximum width.
	p.Initiatives[0].Demands[0].Start = "1990-01-01"
	svg = string(drawMap(t, p, MapOptions{MaxWidth: 800}))
	assert.Contains(t, svg, `width="1190"`)
}

func TestWriteMapEmpty(t *testing.T) {
	for _, p := range []*Partnership{nil, {}, {Initiatives: []Initiative{{Name: "x", Demands: []Demand{{Audience: "t", Start: "bad", End: "2020-01-01", HoursPerWeek: 2}}}}}} {
		svg := drawMap(t, p, MapOptions{})
		text := svgText(t, svg)
		assert.Equal(t, []string{"No initiative asks anyone for time yet."}, text["desc"])
	}
	for _, opts := range []MapOptions{{From: "2030-01-01"}, {To: "2020-01-01"}, {From: "2027-01-01", To: "2026-12-01"}} {
		text := svgText(t, drawMap(t, healthy(), opts))
		assert.Equal(t, []string{"No initiative asks for time in the weeks shown."}, text["desc"], "%+v", opts)
		assert.Equal(t, []string{"No initiative asks for time in the weeks shown."}, text["text"], "%+v", opts)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteMapReportsWriteErrors(t *testing.T) {
	err := healthy().WriteMap(failingWriter{}, MapOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full")
}

func randForMap() *rand.Rand { return rand.New(rand.NewPCG(7, 8)) }
