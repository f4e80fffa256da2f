package readiness

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/partnership"
)

// ReadCSV reads responses from survey export text: a Google Forms or
// Microsoft Forms CSV file, a Qualtrics or SurveyMonkey CSV with their header
// rows, or one written by Round.WriteCSV. It reads the text as ReadExport does
// (any of its encodings, delimiters and line ends, quoted answers that span
// lines) and matches columns as OpenExport describes; it refuses a workbook
// or a .zip file, which ReadExport reads. Problems are reported, all at
// once, as a *partnership.ValidationError whose problems name the
// spreadsheet row, the column and the value.
func ReadCSV(r io.Reader, rb Rubric) ([]Response, error) {
	return readAll(openExport(r, rb, partnership.SheetOptions{}, true))
}

// parseRating reads a rating cell: a level alone or followed by a separator
// and words ("3", "3 - Most items", "3 – Most items", "3: Most"), or a level's
// label. It reports false for anything else, or a level off the scale.
func parseRating(s string, sc Scale) (int, bool) {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == 4 {
		for _, l := range sc.Levels {
			if l.Label != "" && strings.EqualFold(s, l.Label) || strings.EqualFold(s, l.Descriptor) {
				return l.Value, true
			}
		}
		return 0, false
	}
	v, _ := strconv.Atoi(s[:i])
	if !sc.Contains(v) {
		return 0, false
	}
	rest := strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	if rest == "" {
		return v, true
	}
	r, size := utf8.DecodeRuneInString(rest)
	switch r {
	case '-', '–', '—', ':', ')', '.', '=':
	default:
		return 0, false
	}
	after := strings.TrimLeftFunc(rest[size:], unicode.IsSpace)
	if after != "" && after[0] >= '0' && after[0] <= '9' {
		return 0, false // "3-4" or "3.5" is not one level
	}
	return v, true
}

// WriteCSV writes the round's responses as a CSV file that ReadCSV, with the
// round's rubric, reads back to the same responses: a header row, then one
// row per response with the rater's name, team, submission time, a rating
// per category and a concern per category, under headers such as
// "Rating: Clear metrics established [metrics]". Texts are written as they
// are, so ReadCSV gives them back unchanged when they have no surrounding
// spaces, except that a text a spreadsheet would run as a formula (it
// starts with = + - @ or a tab) gets a leading apostrophe, which
// spreadsheets and ReadCSV take away.
func (r Round) WriteCSV(w io.Writer) error {
	rb, responses := r.RubricOrODST(), r.Responses
	cw := csv.NewWriter(w)
	nc := len(rb.Categories)
	row := make([]string, 0, 3+2*nc)
	row = append(row, "Rater", "Team", "Submitted")
	for _, c := range rb.Categories {
		row = append(row, escape.CSVCell(fmt.Sprintf("Rating: %s [%s]", c.Title, c.ID)))
	}
	for _, c := range rb.Categories {
		row = append(row, escape.CSVCell(fmt.Sprintf("Concerns: %s [%s]", c.Title, c.ID)))
	}
	if err := cw.Write(row); err != nil {
		return fmt.Errorf("writing the survey file: %w", err)
	}
	var num [4]byte
	for _, resp := range responses {
		row = append(row[:0], escape.CSVCell(resp.Rater), escape.CSVCell(resp.Team), escape.CSVCell(resp.Submitted))
		for _, c := range rb.Categories {
			if v, ok := resp.Ratings[c.ID]; ok {
				row = append(row, string(strconv.AppendInt(num[:0], int64(v), 10)))
			} else {
				row = append(row, "")
			}
		}
		for _, c := range rb.Categories {
			row = append(row, escape.CSVCell(resp.Concerns[c.ID]))
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("writing the survey file: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing the survey file: %w", err)
	}
	return nil
}
