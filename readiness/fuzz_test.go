package readiness

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzReadCSV checks that ReadCSV never panics, that every problem it reports
// is a spreadsheet's (a message, no JSON path), and that what it reads
// survives Round.WriteCSV and ReadCSV unchanged.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"google-forms.csv", "microsoft-forms.csv", "bad-cells.csv", "exports/qualtrics.csv", "exports/surveymonkey.csv", "exports/excel-mac.csv"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("Name,Team,Metrics,Concerns: metrics,Alignment,Resources,Communication\nA,T,2,\"x\r\ny\",1,1,1\n"))
	f.Add([]byte("Email,Team,Metrics,Alignment,Resources,Communication\n a ,T,3 – most,1,,\n"))
	f.Add([]byte("\ufeff"))
	rb := ODST()
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ReadCSV(bytes.NewReader(data), rb)
		if err != nil {
			checkProblems(t, err)
			return
		}
		require.NotEmpty(t, rs)
		var buf bytes.Buffer
		require.NoError(t, Round{Rubric: &rb, Responses: rs}.WriteCSV(&buf))
		back, err := ReadCSV(&buf, rb)
		require.NoError(t, err, "reading back %q", buf.String())
		assert.Equal(t, rs, back)
		_, err = Summarize(rb, rs)
		require.NoError(t, err)
	})
}

// checkProblems checks that err lists problems of a spreadsheet.
func checkProblems(t *testing.T, err error) {
	t.Helper()
	var ve *partnership.ValidationError
	require.True(t, errors.As(err, &ve), "%T %v", err, err)
	require.NotEmpty(t, ve.Problems)
	for _, p := range ve.Problems {
		assert.NotEmpty(t, p.Message)
		assert.Empty(t, p.Path)
		assert.GreaterOrEqual(t, p.Row, 0)
	}
}

// FuzzReadExport checks that no file makes ReadExport panic, that it either
// refuses with problems or gives responses that are valid for the rubric and
// can be summarized, and that the plan reads the same again.
func FuzzReadExport(f *testing.F) {
	files, err := filepath.Glob("testdata/exports/*")
	require.NoError(f, err)
	for _, path := range files {
		if strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".go") {
			continue
		}
		data, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(data)
	}
	rb := ODST()
	f.Fuzz(func(t *testing.T, data []byte) {
		ex, err := OpenExport(bytes.NewReader(data), rb, partnership.SheetOptions{})
		if err != nil {
			checkProblems(t, err)
			return
		}
		for j, c := range ex.Plan.Columns {
			require.Equal(t, j, c.Index)
			require.NotEmpty(t, c.Letter)
		}
		rs, err := ex.Responses()
		if err != nil {
			checkProblems(t, err)
			return
		}
		require.NotEmpty(t, rs)
		for _, r := range rs {
			require.NoError(t, rb.ValidateResponse(r))
		}
		_, err = Summarize(rb, rs)
		require.NoError(t, err)
		again, err := ReadExport(bytes.NewReader(data), rb)
		require.NoError(t, err)
		assert.Equal(t, rs, again)
	})
}

// FuzzDecodeRubric checks that DecodeRubric never panics, that its errors
// are validation errors, and that a rubric it accepts can be used: it
// summarizes, reads a CSV header, draws, and encodes back to the same rubric.
func FuzzDecodeRubric(f *testing.F) {
	odst, err := json.Marshal(ODST())
	require.NoError(f, err)
	f.Add(odst)
	f.Add([]byte(`{"id":"five","title":"Five","scale":{"levels":[{"value":1,"descriptor":"a"},{"value":2,"descriptor":"b"},{"value":3,"descriptor":"c"},{"value":4,"descriptor":"d"},{"value":5,"descriptor":"e"}]},"categories":[{"id":"v","title":"Vision","items":[{"id":"v1","text":"x"}]}]}`))
	f.Add([]byte(`{"id":"x","title":"X","scale":{"levels":[{"value":0,"descriptor":"a"},{"value":2,"descriptor":"b"}]},"categories":[{"id":"a","title":"A","standards":["nope"]}]}`))
	f.Add([]byte(`{"id":1}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rb, err := DecodeRubric(bytes.NewReader(data))
		if err != nil {
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "%T %v", err, err)
			require.NotEmpty(t, ve.Problems)
			return
		}
		require.NoError(t, rb.Validate())
		enc, err := json.Marshal(rb)
		require.NoError(t, err)
		again, err := DecodeRubric(bytes.NewReader(enc))
		require.NoError(t, err)
		enc2, err := json.Marshal(again)
		require.NoError(t, err)
		assert.Equal(t, string(enc), string(enc2))

		resp := Response{Rater: "A", Team: "T", Ratings: map[string]int{rb.Categories[0].ID: rb.Scale.Highest()}}
		rep, err := Summarize(rb, []Response{resp})
		require.NoError(t, err)
		var out bytes.Buffer
		require.NoError(t, rep.WriteMarkdown(&out))
		require.NoError(t, rep.WriteHTML(&out))
		c, ok := CategoryChart(rep, rb.Categories[0].ID)
		require.True(t, ok)
		require.NoError(t, c.WriteSVG(&out))
		var csv bytes.Buffer
		require.NoError(t, Round{Rubric: &rb, Responses: []Response{resp}}.WriteCSV(&csv))
		_, _ = ReadCSV(strings.NewReader(csv.String()), rb) // custom titles may clash; it must not panic
	})
}
