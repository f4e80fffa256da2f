package progress

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/contract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// caseSeries is the PD attendance of the SCOPE case: 52, 25, 16.
func caseSeries() Series {
	m := contract.Measure{
		ID: "pd-attendance", Name: "Teachers at the partners' PD days", Unit: "teachers", Direction: contract.Increase,
		Baseline: contract.Baseline{Value: num64(52), Date: "2017-07-13"},
		Interim:  contract.Checkpoint{Target: "At least 40 at the winter day", Value: num64(40), Due: "2018-01-31"},
		Final:    contract.Checkpoint{Target: "At least 40 at the spring day", Value: num64(40), Due: "2018-06-15"},
	}
	o := obs("pd-attendance", "2017-07-13", 52, "2017-10-03", 25, "2018-02-06", 16)
	for i := range o {
		o[i].Source = "SCOPE, Beyond Alignment (2020), Table 1"
	}
	return SeriesOf(m, o)
}

func TestWriteSVGGolden(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, caseSeries(), ChartOptions{ID: "chart-attendance"}))
	golden := filepath.Join("testdata", "chart.golden.svg")
	if *update {
		require.NoError(t, os.WriteFile(golden, b.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./progress -update to create the golden file")
	assert.Equal(t, string(want), b.String())
	requireWellFormed(t, b.Bytes())
}

func TestWriteSVGIsAccessible(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, caseSeries(), ChartOptions{}))
	svg := b.String()
	assert.Contains(t, svg, `aria-labelledby="pk-progress-title" aria-describedby="pk-progress-desc"`)
	assert.Contains(t, svg, `<title id="pk-progress-title">Progress: Teachers at the partners&#39; PD days (teachers)</title>`)
	assert.Contains(t, svg, "Planned: from a baseline of 52 teachers on July 13, 2017, then interim target of 40 teachers by January 31, 2018, then final target of 40 teachers by June 15, 2018; higher is better. 3 values recorded: 52 teachers on July 13, 2017, 25 teachers on October 3, 2017, 16 teachers on February 6, 2018. The latest is behind the planned line by 24 teachers.")
	// The values as a table, in date order, with the plan's points among them.
	cells := tableCells(t, b.Bytes())
	assert.Equal(t, [][]string{
		{"Date", "Value", "What"},
		{"July 13, 2017", "52 teachers", "Baseline"},
		{"July 13, 2017", "52 teachers", "Recorded: SCOPE, Beyond Alignment (2020), Table 1"},
		{"October 3, 2017", "25 teachers", "Recorded: SCOPE, Beyond Alignment (2020), Table 1"},
		{"January 31, 2018", "40 teachers", "Interim target"},
		{"February 6, 2018", "16 teachers", "Recorded: SCOPE, Beyond Alignment (2020), Table 1"},
		{"June 15, 2018", "40 teachers", "Final target"},
	}, cells)
}

func TestWriteSVGKeepsUserTextInert(t *testing.T) {
	s := caseSeries()
	s.Measure.Name = `</title><script>alert(1)</script> & "quotes" ' \x00 ` + "\x01\x1b\ufffe\xff"
	s.Measure.Unit = `<b>u</b>`
	s.Points[0].Observation.Source = `<img src=x onerror=alert(2)>`
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, s, ChartOptions{ID: `x" onload="alert(3)`}))
	out := b.String()
	requireWellFormed(t, b.Bytes())
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<img")
	assert.NotContains(t, out, "<b>")
	assert.NotContains(t, out, `onload="`)
	assert.Contains(t, out, "&lt;script&gt;")
}

func TestWriteSVGEmptyStates(t *testing.T) {
	for name, s := range map[string]Series{
		"nothing":       SeriesOf(contract.Measure{ID: "x", Name: "New measure"}, nil),
		"only values":   SeriesOf(contract.Measure{ID: "x", Name: "Counted"}, obs("x", "2026-10-01", 3)),
		"only the plan": SeriesOf(attendance(), nil),
		"one day":       SeriesOf(contract.Measure{ID: "x"}, obs("x", "2026-10-01", 0, "2026-10-01", 0)),
		"negative":      SeriesOf(contract.Measure{ID: "x"}, obs("x", "2026-10-01", -5, "2027-10-01", 5)),
		"far apart":     SeriesOf(contract.Measure{ID: "x"}, obs("x", "0001-01-01", 1, "9999-12-31", 1e12)),
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, WriteSVG(&b, s, ChartOptions{}))
			requireWellFormed(t, b.Bytes())
			assert.NotContains(t, b.String(), "NaN")
			assert.NotContains(t, b.String(), "Inf")
		})
	}
	var b bytes.Buffer
	require.NoError(t, WriteSVG(&b, SeriesOf(contract.Measure{ID: "x"}, nil), ChartOptions{}))
	assert.Contains(t, b.String(), "No values and no planned line yet")
}

func TestWriteSVGReportsWriteErrors(t *testing.T) {
	err := WriteSVG(failingWriter{}, caseSeries(), ChartOptions{})
	require.Error(t, err)
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// requireWellFormed parses the document as XML to its end.
func requireWellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

// tableCells returns the texts of the ARIA table's cells, row by row.
func tableCells(t *testing.T, doc []byte) [][]string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var rows [][]string
	inCell := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return rows
		}
		require.NoError(t, err)
		switch x := tok.(type) {
		case xml.StartElement:
			for _, a := range x.Attr {
				if a.Name.Local != "role" {
					continue
				}
				switch a.Value {
				case "row":
					rows = append(rows, nil)
				case "cell", "columnheader":
					inCell = true
					rows[len(rows)-1] = append(rows[len(rows)-1], "")
				}
			}
		case xml.CharData:
			if inCell {
				r := rows[len(rows)-1]
				r[len(r)-1] += strings.TrimSpace(string(x))
			}
		case xml.EndElement:
			inCell = false
		}
	}
}
