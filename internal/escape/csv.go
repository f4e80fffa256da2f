package escape

import "strings"

// CSVCell makes text safe as a cell of a CSV file a spreadsheet opens: a
// cell that starts with = + - @, a tab or a carriage return would be read by
// Excel, LibreOffice or Google Sheets as a formula (which may run
// commands or fetch addresses), so it gets a leading apostrophe, which
// spreadsheets take for "this is text". So does a cell that starts with a
// newline, since CSV readers read a carriage return and newline as a
// newline. The CSV writer quotes the cell as needed.
// FromCSVCell gives the text back.
//
// Text that already starts with apostrophes before such a character gets
// one more, so that FromCSVCell takes away exactly the one CSVCell added.
func CSVCell(s string) string {
	if protected(s) {
		return "'" + s
	}
	return s
}

// FromCSVCell is the text of a cell CSVCell wrote: a leading apostrophe
// before one of the characters CSVCell protects is taken away. Any other
// cell is returned as it is.
func FromCSVCell(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && protected(rest) {
		return rest
	}
	return s
}

// protected reports whether CSVCell puts an apostrophe in front of s: it
// starts as a formula, after any number of apostrophes.
func protected(s string) bool {
	return formulaStart(strings.TrimLeft(s, "'"))
}

// formulaStart reports whether a spreadsheet would read a cell starting as
// s starts as a formula.
func formulaStart(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	}
	return false
}
