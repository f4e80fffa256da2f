package readiness

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"testing"

	"github.com/partnerkit/partnerkit/internal/sheet"
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

// formsWorkbook writes n responses as an .xlsx workbook, as Microsoft Forms
// downloads them: one sheet, the times as dates.
func formsWorkbook(t testing.TB, n int) []byte {
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(formsExport(t, n), []byte("\ufeff")))).ReadAll()
	require.NoError(t, err)
	cells := make([][]sheet.Cell, len(rows))
	for i, r := range rows {
		cells[i] = make([]sheet.Cell, len(r))
		for j, v := range r {
			cells[i][j] = sheet.TextCell(v)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteWorkbook(&buf, "Form1", cells))
	return buf.Bytes()
}

// BenchmarkReadExport reads a Google Forms CSV of 100,000 responses and a
// workbook of 10,000.
func BenchmarkReadExport(b *testing.B) {
	for _, bc := range []struct {
		name string
		n    int
		data []byte
	}{
		{"csv-100k", 100_000, formsExport(b, 100_000)},
		{"xlsx-10k", 10_000, formsWorkbook(b, 10_000)},
	} {
		rb := ODST()
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.data)))
			b.ReportAllocs()
			for b.Loop() {
				rs, err := ReadExport(bytes.NewReader(bc.data), rb)
				if err != nil || len(rs) != bc.n {
					b.Fatal(err, len(rs))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(bc.n), "ns/response")
		})
	}
}

// TestReadExportAllocations checks that reading an export allocates the
// same per response whatever its size: no allocation grows with the rows
// read before it.
func TestReadExportAllocations(t *testing.T) {
	rb := ODST()
	for name, export := range map[string]func(testing.TB, int) []byte{"csv": formsExport, "xlsx": formsWorkbook} {
		small, large := export(t, 500), export(t, 5_000)
		a := testing.AllocsPerRun(2, func() { _, _ = ReadExport(bytes.NewReader(small), rb) })
		b := testing.AllocsPerRun(2, func() { _, _ = ReadExport(bytes.NewReader(large), rb) })
		perSmall, perLarge := a/500, b/5_000
		t.Logf("%s: %.2f allocations per response (500 responses), %.2f (5,000)", name, perSmall, perLarge)
		assert.LessOrEqual(t, perLarge, perSmall, "%s: allocations per response must not grow with the responses", name)
	}
}

func TestFormsWorkbookReads(t *testing.T) {
	rs, err := ReadExport(bytes.NewReader(formsWorkbook(t, 50)), ODST())
	require.NoError(t, err)
	want, err := ReadCSV(bytes.NewReader(formsExport(t, 50)), ODST())
	require.NoError(t, err)
	assert.Equal(t, want, rs)
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
