package readiness

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzReadCSV checks that ReadCSV never panics, that every problem it reports
// has a line, and that what it reads survives WriteCSV and ReadCSV unchanged.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{"google-forms.csv", "microsoft-forms.csv", "bad-cells.csv"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("Name,Team,Metrics,Concerns: metrics\nA,T,2,\"x\r\ny\"\n"))
	f.Add([]byte("Email,Metrics\n a ,3 – most\n"))
	f.Add([]byte("\ufeff"))
	rb := ODST()
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := ReadCSV(bytes.NewReader(data), rb)
		if err != nil {
			var ce *CSVError
			require.True(t, errors.As(err, &ce), "%T %v", err, err)
			require.NotEmpty(t, ce.Problems)
			for _, p := range ce.Problems {
				assert.Positive(t, p.Line, "%s", p)
				assert.NotEmpty(t, p.Message)
			}
			return
		}
		var buf bytes.Buffer
		require.NoError(t, WriteCSV(&buf, rb, rs))
		back, err := ReadCSV(&buf, rb)
		require.NoError(t, err, "reading back %q", buf.String())
		if len(rs) == 0 {
			assert.Empty(t, back)
			return
		}
		assert.Equal(t, rs, back)
		// Whatever was read can be summarized.
		for i := range rs {
			if rs[i].Team == "" {
				rs[i].Team = "T"
			}
		}
		_, err = Summarize(rb, rs)
		require.NoError(t, err)
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
		require.NoError(t, WriteCSV(&csv, rb, []Response{resp}))
		_, _ = ReadCSV(strings.NewReader(csv.String()), rb) // custom titles may clash; it must not panic
	})
}
