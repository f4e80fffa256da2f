package readiness

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// manyResponses makes n responses from two teams; every tenth rater leaves a
// category unrated and every seventh writes a concern.
func manyResponses(n int) []Response {
	rb := ODST()
	rs := make([]Response, n)
	teams := [2]string{"District leadership team", "Partner leadership team"}
	for i := range rs {
		r := Response{Rater: "Rater " + strconv.Itoa(i), Team: teams[i%2], Ratings: make(map[string]int, 4),
			Submitted: fmt.Sprintf("3/%d/2027 9:%02d:%02d", 1+i%28, i%60, i%60)}
		for c, cat := range rb.Categories {
			if i%10 == 0 && c == 1 {
				continue
			}
			r.Ratings[cat.ID] = 1 + (i*7+c*3)%4
		}
		if i%7 == 0 {
			r.Concerns = map[string]string{"metrics": "Who writes the quarterly report?"}
		}
		rs[i] = r
	}
	return rs
}

func BenchmarkSummarize(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		rs := manyResponses(n)
		rb := ODST()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Summarize(rb, rs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSummarizeAllocations checks that Summarize allocates the same number of
// times whatever the number of responses: slabs, not an allocation per rating
// or concern.
func TestSummarizeAllocations(t *testing.T) {
	rb := ODST()
	small, large := manyResponses(1_000), manyResponses(20_000)
	a := testing.AllocsPerRun(5, func() { _, _ = Summarize(rb, small) })
	b := testing.AllocsPerRun(5, func() { _, _ = Summarize(rb, large) })
	assert.Equal(t, a, b, "allocations must not grow with the number of responses")
}

// formsExport writes n responses as a Google Forms export would.
func formsExport(t testing.TB, n int) []byte {
	rb := ODST()
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	header := []string{"Timestamp", "Email address", "Your name", "Which team are you on?"}
	for _, c := range rb.Categories {
		header = append(header, c.Title+" — rating (1-4)", "Areas of concern: "+c.Title)
	}
	require.NoError(t, w.Write(header))
	labels := []string{"", "1 – Several significant concerns", "2 – More than one significant concern", "3 – Agreement on most items", "4 – Agreement on all items"}
	for i, r := range manyResponses(n) {
		row := []string{r.Submitted, fmt.Sprintf("rater%d@example.org", i), r.Rater, r.Team}
		for _, c := range rb.Categories {
			row = append(row, labels[r.Ratings[c.ID]], r.Concerns[c.ID])
		}
		require.NoError(t, w.Write(row))
	}
	w.Flush()
	return buf.Bytes()
}

func BenchmarkReadCSV(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := formsExport(b, n)
		rb := ODST()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				rs, err := ReadCSV(bytes.NewReader(data), rb)
				if err != nil || len(rs) != n {
					b.Fatal(err, len(rs))
				}
			}
		})
	}
}

func TestFormsExportReads(t *testing.T) {
	rs, err := ReadCSV(bytes.NewReader(formsExport(t, 100)), ODST())
	require.NoError(t, err)
	want := manyResponses(100)
	require.Len(t, rs, len(want))
	for i := range want {
		assert.Equal(t, want[i], rs[i], "response %d", i)
	}
}
