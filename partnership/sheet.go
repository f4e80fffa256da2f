package partnership

// SheetOptions tell an import (readiness.OpenExport, OpenInventory) to read
// a spreadsheet another way than its content suggests.
type SheetOptions struct {
	// Encoding reads a text file with these characters: "UTF-8",
	// "Windows-1252", "Mac OS Roman", "UTF-16LE" or "UTF-16BE"; "" detects
	// them (a byte-order mark, else UTF-8 when the text is valid UTF-8, else
	// Mac OS Roman for a file with old Mac line ends, else Windows-1252).
	Encoding string
	// Delimiter separates the fields of a text file: ",", ";" or "\t"; ""
	// detects it from the header row.
	Delimiter string
	// Sheet is the sheet of a workbook, or the file inside a .zip, to read;
	// "" chooses the first that holds what is imported.
	Sheet string
}

// SheetSource says how an import read a spreadsheet, so that a person can
// check it and choose otherwise with SheetOptions.
type SheetSource struct {
	// File says in plain words what the file is, such as
	// `a CSV file (Windows Western characters, separated by semicolons)`.
	File string `json:"file"`
	// Encoding and Delimiter are those a text file was read with; both are
	// empty for a workbook.
	Encoding  string `json:"encoding,omitempty"`
	Delimiter string `json:"delimiter,omitempty"`
	// Sheet is the sheet (or the file inside a .zip) that was read, and
	// Sheets all of them when there are several.
	Sheet  string   `json:"sheet,omitempty"`
	Sheets []string `json:"sheets,omitempty"`
}

// SheetRow is one row of an imported spreadsheet as the file gives it, with
// its number as a spreadsheet shows it (row 1 is the first row).
type SheetRow struct {
	Row   int      `json:"row"`
	Cells []string `json:"cells"`
}
