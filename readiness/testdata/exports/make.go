//go:build ignore

// Command make writes the survey exports of this directory, one per survey
// tool's layout and per encoding, with what each must read as: the same
// round of readiness ratings (six raters of two teams) rendered the way each
// tool downloads it, and files each reader must refuse. It uses only the
// standard library, so that the files do not depend on the code they test.
//
//	go run make.go
package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
	"unicode/utf16"
)

// rater is one person's answers, as they gave them.
type rater struct {
	first, last, email, team string
	ratings                  [4]int // 0 is unrated
	concerns                 [4]string
	at                       time.Time
}

func (r rater) name() string { return r.first + " " + r.last }

var categories = [4]struct{ id, title, district string }{
	{"alignment", "Alignment of strategic priority and objectives", "Strategic alignment"},
	{"resources", "Appropriate and sufficient resources", "Resourcing"},
	{"metrics", "Clear metrics established", "Data and measures"},
	{"communication", "Ongoing communication and collaboration", "Ongoing communication"},
}

var labels = [5]string{"", "Several significant concerns", "More than one significant concern", "Agreement on most items", "Agreement on all items"}

func at(day, h, m, s int) time.Time { return time.Date(2027, 3, day, h, m, s, 0, time.UTC) }

var raters = []rater{
	{"Maria", "Rivera", "mrivera@riverside.example.org", "District leadership team", [4]int{4, 3, 2, 3},
		[4]string{"", "Summer PD dates clash with summer school.", "We have not agreed on outcome measures.", ""}, at(2, 9, 14, 5)},
	{"Zoë", "Müller", "zmuller@riverside.example.org", "District leadership team", [4]int{3, 2, 2, 3},
		[4]string{"", "Principal planning time is already taken by two district initiatives.\nWho covers release time?", "", `We need a way to resolve conflicts, "fast".`}, at(2, 9, 40, 51)},
	{"José", "Núñez", "jnunez@riverside.example.org", "District leadership team", [4]int{4, 0, 1, 2},
		[4]string{"Fit with the literacy plan – unclear", "", "Who reports the data, and when?", ""}, at(2, 10, 2, 17)},
	{"Ben", "Okafor", "ben@learningpartners.example.org", "Partner leadership team", [4]int{3, 3, 3, 4},
		[4]string{}, at(3, 8, 5, 0)},
	{"Aisha", "Khan", "aisha@learningpartners.example.org", "Partner leadership team", [4]int{3, 4, 2, 3},
		[4]string{"", "", "Interim measures for January are not set; final ones for June are.", ""}, at(3, 8, 31, 9)},
	{"Kiran", "Patel", "kiran@learningpartners.example.org", "Partner leadership team", [4]int{2, 3, 2, 3},
		[4]string{"Two initiatives aim at the same teachers.", "", "", "Monthly meetings are not on the calendar yet."}, at(3, 9, 12, 44)},
}

// response is what a reader must give for a rater, in ReadExport's JSON.
type response struct {
	Rater     string            `json:"rater"`
	Team      string            `json:"team"`
	Ratings   map[string]int    `json:"ratings,omitempty"`
	Concerns  map[string]string `json:"concerns,omitempty"`
	Submitted string            `json:"submitted,omitempty"`
}

// want is a file's expectation: its responses, or the phrases its refusal
// must hold (each a problem or the fix it names).
type want struct {
	Note      string     `json:"note"`
	Responses []response `json:"responses,omitempty"`
	Refused   []string   `json:"refused,omitempty"`
}

// layout renders the raters as one tool does.
type layout struct {
	team      func(rater) string
	name      func(rater) string
	rating    func(int) string
	submitted func(time.Time) string
}

func (l layout) responses() []response {
	out := make([]response, len(raters))
	for i, r := range raters {
		resp := response{Rater: r.name(), Team: r.team, Submitted: l.submitted(r.at)}
		if l.team != nil {
			resp.Team = l.team(r)
		}
		if l.name != nil {
			resp.Rater = l.name(r)
		}
		for c, v := range r.ratings {
			if v > 0 {
				if resp.Ratings == nil {
					resp.Ratings = map[string]int{}
				}
				resp.Ratings[categories[c].id] = v
			}
			if s := r.concerns[c]; s != "" {
				if resp.Concerns == nil {
					resp.Concerns = map[string]string{}
				}
				resp.Concerns[categories[c].id] = s
			}
		}
		out[i] = resp
	}
	return out
}

func (l layout) rate(v int) string {
	if v == 0 {
		return ""
	}
	return l.rating(v)
}

var (
	dash   = func(v int) string { return fmt.Sprintf("%d – %s", v, labels[v]) }
	hyphen = func(v int) string { return fmt.Sprintf("%d - %s", v, labels[v]) }
	number = func(v int) string { return fmt.Sprint(v) }
	label  = func(v int) string { return labels[v] }
	none   = func(time.Time) string { return "" }
)

func main() {
	log.SetFlags(0)

	// Google Forms: a question per area, the rating and the concerns.
	google := layout{rating: dash, submitted: func(t time.Time) string { return t.Format("1/2/2006 15:04:05") }}
	gHeader := []string{"Timestamp", "Email Address", "Your name", "Which team are you on?"}
	for _, c := range categories {
		gHeader = append(gHeader, "Rate: "+c.title, "Areas of concern: "+c.title)
	}
	gHeader = append(gHeader, "Anything else we should know?")
	gRows := [][]string{gHeader}
	for i, r := range raters {
		row := []string{google.submitted(r.at), r.email, r.name(), r.team}
		for c := range categories {
			row = append(row, google.rate(r.ratings[c]), r.concerns[c])
		}
		extra := ""
		if i == 1 {
			extra = "Thanks for running this."
		}
		gRows = append(gRows, append(row, extra))
	}
	googleCSV := csvText(gRows, ',', "\r\n")
	write("google-forms.csv", []byte(googleCSV), want{Note: "Google Forms' CSV download: UTF-8, CRLF, a rating and a concerns question per area", Responses: google.responses()})
	write("google-forms.zip", zipOf("Readiness for Partnership.csv", googleCSV), want{Note: "the .zip Google Forms downloads, with the CSV inside", Responses: google.responses()})
	write("google-sheets.tsv", []byte(csvText(gRows, '\t', "\r\n")), want{Note: "the responses sheet downloaded as tab-separated values", Responses: google.responses()})

	// Google Forms with a grid: "Level of concern in each area [Area]".
	grid := layout{rating: label, submitted: google.submitted}
	header := []string{"Timestamp", "Your name", "Which team are you on?"}
	for _, c := range categories {
		header = append(header, "Level of concern in each area ["+c.title+"]")
	}
	for _, c := range categories {
		header = append(header, "Concerns about "+strings.ToLower(c.id))
	}
	rows := [][]string{header}
	for _, r := range raters {
		row := []string{grid.submitted(r.at), r.name(), r.team}
		for c := range categories {
			row = append(row, grid.rate(r.ratings[c]))
		}
		rows = append(rows, append(row, r.concerns[:]...))
	}
	write("google-forms-grid.csv", []byte(csvText(rows, ',', "\n")), want{Note: `a grid "Level of concern in each area [Alignment …]" whose cells are the levels' names`, Responses: grid.responses()})

	// Microsoft Forms, anonymous: Name and Email say "anonymous"; the form
	// asks for the name itself.
	ms := layout{rating: hyphen, submitted: func(t time.Time) string { return t.Format("1/2/06 15:04:05") },
		team: func(r rater) string { return strings.Fields(r.team)[0] }}
	msHeader := []string{"ID", "Start time", "Completion time", "Email", "Name", "Last modified time", "Your name", "Which team are you on?"}
	for _, c := range categories {
		msHeader = append(msHeader, c.title, c.title+" – your concerns")
	}
	msRows := [][]string{msHeader}
	for i, r := range raters {
		start := r.at.Add(-7 * time.Minute)
		row := []string{fmt.Sprint(i + 1), ms.submitted(start), ms.submitted(r.at), "anonymous", "anonymous", "", r.name(), ms.team(r)}
		for c := range categories {
			row = append(row, ms.rate(r.ratings[c]), r.concerns[c])
		}
		msRows = append(msRows, row)
	}
	write("microsoft-forms-anonymous.csv", []byte("\ufeff"+csvText(msRows, ',', "\r\n")), want{
		Note:      `Microsoft Forms with anonymous responses: "Name" and "Email" say anonymous, the form's own "Your name" question names the raters`,
		Responses: ms.responses()})

	// The same without the name question: no one can be told apart.
	var noName [][]string
	for _, row := range msRows {
		noName = append(noName, append(append([]string(nil), row[:6]...), row[7:]...))
	}
	write("microsoft-forms-no-name.csv", []byte("\ufeff"+csvText(noName, ',', "\r\n")), want{
		Note:    "anonymous Microsoft Forms without a name question: refused, not read as one rater called anonymous",
		Refused: []string{"No column says who rated", `Add a question such as "Your name"`, `every cell says "anonymous"`}})

	// Microsoft Forms' own download: an .xlsx with shared strings and dates.
	msx := ms
	msx.submitted = func(t time.Time) string { return t.Format(time.DateTime) }
	write("microsoft-forms.xlsx", msForms(msRows), want{Note: "Microsoft Forms' .xlsx download: shared strings, times as date serial numbers", Responses: msx.responses()})

	// Qualtrics: column names, question texts, import ids; numbers as answers.
	q := layout{rating: number, submitted: func(t time.Time) string { return t.Format(time.DateTime) },
		team: func(r rater) string { return strings.TrimSuffix(r.team, " leadership team") }}
	meta := []struct{ name, label, id string }{
		{"StartDate", "Start Date", "startDate"}, {"EndDate", "End Date", "endDate"}, {"Status", "Response Type", "status"},
		{"IPAddress", "IP Address", "ipAddress"}, {"Progress", "Progress", "progress"}, {"Duration (in seconds)", "Duration (in seconds)", "duration"},
		{"Finished", "Finished", "finished"}, {"RecordedDate", "Recorded Date", "recordedDate"}, {"ResponseId", "Response ID", "_recordId"},
		{"RecipientLastName", "Recipient Last Name", "recipientLastName"}, {"RecipientFirstName", "Recipient First Name", "recipientFirstName"},
		{"RecipientEmail", "Recipient Email", "recipientEmail"}, {"ExternalReference", "External Data Reference", "externalDataReference"},
		{"LocationLatitude", "Location Latitude", "locationLatitude"}, {"LocationLongitude", "Location Longitude", "locationLongitude"},
		{"DistributionChannel", "Distribution Channel", "distributionChannel"}, {"UserLanguage", "User Language", "userLanguage"},
	}
	var r1, r2, r3 []string
	for _, m := range meta {
		r1, r2 = append(r1, m.name), append(r2, m.label)
		r3 = append(r3, fmt.Sprintf(`{"ImportId":"%s"}`, m.id))
		if strings.HasSuffix(m.id, "Date") {
			r3[len(r3)-1] = fmt.Sprintf(`{"ImportId":"%s","timeZone":"America/Los_Angeles"}`, m.id)
		}
	}
	r1 = append(r1, "Q1", "Q2")
	r2 = append(r2, "What is your name?", "Which leadership team are you on?")
	r3 = append(r3, `{"ImportId":"QID1_TEXT"}`, `{"ImportId":"QID2"}`)
	for i, c := range categories {
		r1 = append(r1, fmt.Sprintf("Q3_%d", i+1))
		r2 = append(r2, "How would you rate the partnership's readiness in each area? - "+c.title)
		r3 = append(r3, fmt.Sprintf(`{"ImportId":"QID3_%d"}`, i+1))
	}
	for i, c := range categories {
		r1 = append(r1, fmt.Sprintf("Q4_%d", i+1))
		r2 = append(r2, "What concerns you in each area? - "+c.title)
		r3 = append(r3, fmt.Sprintf(`{"ImportId":"QID4_%d_TEXT"}`, i+1))
	}
	qRows := [][]string{r1, r2, r3}
	for i, r := range raters {
		end := q.submitted(r.at)
		row := []string{q.submitted(r.at.Add(-9 * time.Minute)), end, "IP Address", "192.0.2." + fmt.Sprint(10+i), "100", "540", "True", end,
			fmt.Sprintf("R_%014d", 4711+i), "", "", "", "", "37.77", "-122.41", "anonymous", "EN", r.name(), q.team(r)}
		for c := range categories {
			row = append(row, q.rate(r.ratings[c]))
		}
		qRows = append(qRows, append(row, r.concerns[:]...))
	}
	write("qualtrics.csv", []byte("\ufeff"+csvText(qRows, ',', "\r\n")), want{Note: "Qualtrics' CSV: three header rows (names, questions, import ids), numeric answers, recipient columns empty", Responses: q.responses()})
	write("qualtrics.tsv", utf16LE(csvText(qRows, '\t', "\r\n")), want{Note: "Qualtrics' TSV: the same in UTF-16 little-endian with a byte-order mark", Responses: q.responses()})
	write("qualtrics-header-rows-deleted.csv", []byte("\ufeff"+csvText(append(qRows[:1:1], qRows[3:]...), ',', "\r\n")), want{
		Note:    "Qualtrics with its question and import-id rows deleted: only Q1, Q3_1… are left",
		Refused: []string{"No column holds the ratings of", "Qualtrics writes three", "Export the responses again"}})

	// SurveyMonkey: the question, then "Response" or each row of a matrix.
	sm := layout{rating: hyphen, submitted: func(t time.Time) string { return t.Format("01/02/2006 03:04:05 PM") }}
	s1 := []string{"Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name", "Last Name", "Custom Data 1",
		"What is your name?", "Which team are you on?", "How would you rate each area?", "", "", "", "What are your concerns, if any, in each area?", "", "", ""}
	s2 := []string{"", "", "", "", "", "", "", "", "", "Open-Ended Response", "Response"}
	for _, c := range categories {
		s2 = append(s2, c.title)
	}
	for _, c := range categories {
		s2 = append(s2, c.title)
	}
	smRows := [][]string{s1, s2}
	for i, r := range raters {
		row := []string{fmt.Sprint(11423000000 + i), "431876543", sm.submitted(r.at.Add(-5 * time.Minute)), sm.submitted(r.at), "198.51.100." + fmt.Sprint(i+2),
			"", "", "", "", r.name(), r.team}
		for c := range categories {
			row = append(row, sm.rate(r.ratings[c]))
		}
		smRows = append(smRows, append(row, r.concerns[:]...))
	}
	write("surveymonkey.csv", []byte(csvText(smRows, ',', "\r\n")), want{Note: "SurveyMonkey's CSV: two header rows, a matrix of ratings and a matrix of concerns", Responses: sm.responses()})
	write("surveymonkey-second-row-deleted.csv", []byte(csvText(append(smRows[:1:1], smRows[2:]...), ',', "\r\n")), want{
		Note:    "SurveyMonkey with its second header row deleted: the matrix columns have no headers",
		Refused: []string{"second header row", "Download the export again", "No column holds the ratings of \"Alignment of strategic priority and objectives\""}})
	write("surveymonkey.xlsx", workbook("Sheet", smRows, nil), want{Note: "SurveyMonkey's .xlsx: the same two header rows in a workbook", Responses: sm.responses()})

	// Excel's "CSV (Comma delimited)" on Windows: Windows-1252 characters.
	excel := layout{rating: dash, submitted: func(t time.Time) string { return t.Format("1/2/2006 15:04") },
		team: func(r rater) string { return strings.Fields(r.team)[0] }}
	eHeader := []string{"Name", "Team", "Submitted"}
	for _, c := range categories {
		word := strings.ToUpper(c.id[:1]) + c.id[1:]
		eHeader = append(eHeader, word, word+" concerns")
	}
	eRows := [][]string{eHeader}
	for _, r := range raters {
		row := []string{r.name(), excel.team(r), excel.submitted(r.at)}
		for c := range categories {
			row = append(row, excel.rate(r.ratings[c]), r.concerns[c])
		}
		eRows = append(eRows, row)
	}
	ansi, err := windows1252(csvText(eRows, ',', "\r\n"))
	check(err)
	write("excel-windows-1252.csv", ansi, want{Note: `Excel's "CSV (Comma delimited)": Windows-1252 (ë is 0xEB, – is 0x96), CRLF`, Responses: excel.responses()})
	write("excel-unicode-text.txt", utf16LE(csvText(eRows, '\t', "\r\n")), want{Note: `Excel's "Unicode Text": UTF-16 little-endian, tabs`, Responses: excel.responses()})
	write("utf16-big-endian.csv", utf16BE(csvText(eRows, ',', "\n")), want{Note: "UTF-16 big-endian with its byte-order mark", Responses: excel.responses()})
	mac, err := macRoman(csvText(eRows, ',', "\r"))
	check(err)
	write("excel-mac.csv", mac, want{Note: "Excel for Mac's old CSV: Mac OS Roman characters, lines ending in CR alone", Responses: excel.responses()})
	write("excel-semicolons.csv", []byte("sep=;\r\n"+csvText(eRows, ';', "\r\n")), want{Note: `a "CSV" saved where the comma marks decimals: semicolons, with Excel's sep= line`, Responses: excel.responses()})

	// A district's own wording for the areas.
	dist := layout{rating: number, submitted: none, team: func(r rater) string { return strings.Fields(r.team)[0] }}
	dHeader := []string{"Your name", "Team"}
	for _, c := range categories {
		dHeader = append(dHeader, c.district, c.district+" – comments")
	}
	dRows := [][]string{dHeader}
	for _, r := range raters {
		row := []string{r.name(), dist.team(r)}
		for c := range categories {
			row = append(row, dist.rate(r.ratings[c]), r.concerns[c])
		}
		dRows = append(dRows, row)
	}
	write("district-wording.csv", []byte(csvText(dRows, ',', "\n")), want{Note: `the district's words: "Strategic alignment", "Resourcing", "Data and measures", "Ongoing communication"`, Responses: dist.responses()})
	amb := cloneRows(dRows)
	amb[0][8], amb[0][9] = "Communication about metrics", "Communication about metrics – comments"
	write("district-wording-two-areas.csv", []byte(csvText(amb, ',', "\n")), want{
		Note:    `"Communication about metrics" names two areas: not guessed`,
		Refused: []string{`No column holds the ratings of "Ongoing communication and collaboration"`, `"Communication about metrics") is not used: its header names more than one area`, "choose the one it is about"}})

	// Refusals of files that are exports, but cannot be read exactly.
	noTeam := cloneRows(dRows)
	for i := range noTeam {
		noTeam[i] = append(noTeam[i][:1:1], noTeam[i][2:]...)
	}
	write("no-team-column.csv", []byte(csvText(noTeam, ',', "\n")), want{Note: "no column says which team", Refused: []string{"No column says which team each rater is on", `"Which team are you on?"`}})
	same := cloneRows(dRows)
	for i := 1; i < len(same); i++ {
		same[i][0] = "Maria Rivera"
	}
	write("same-rater.csv", []byte(csvText(same, ',', "\n")), want{Note: "the facilitator typed in every response under her own name", Refused: []string{`Every response (rows 2 to 7) gives the same rater, "Maria Rivera"`, "choose the column that does"}})
	unrated := cloneRows(dRows)
	for i := 4; i < len(unrated); i++ {
		for c := range categories {
			unrated[i][2+2*c] = ""
		}
	}
	write("team-without-ratings.csv", []byte(csvText(unrated, ',', "\n")), want{Note: "the partner's raters rated nothing", Refused: []string{`The team "Partner" gives no rating at all`, "rows 5, 6, 7", "delete its rows"}})
	two := cloneRows(dRows)
	two[0][6] = "Strategic fit"
	write("two-rating-columns.csv", []byte(csvText(two, ',', "\n")), want{Note: `"Strategic alignment" and "Strategic fit" both rate alignment`, Refused: []string{`Columns C ("Strategic alignment") and G ("Strategic fit") could each give the rating of "Alignment of strategic priority and objectives"`, `set the others to "Not used"`}})
	bad := cloneRows(dRows)
	bad[2][2], bad[5][4] = "N/A", "3.5"
	write("bad-cells.csv", []byte(csvText(bad, ',', "\n")), want{Note: "cells that are not ratings, named by row and column", Refused: []string{
		`row 3, column C ("Strategic alignment"): "N/A" is not a rating. Allowed: 1, 2, 3, 4`, `row 6, column E ("Resourcing"): "3.5" is not a rating`}})
	write("header-only.csv", []byte(csvText(dRows[:1], ',', "\n")), want{Note: "no one has responded yet", Refused: []string{"holds its header and no response", "row 2"}})

	// Files that are not survey exports at all.
	write("report.pdf", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"), want{Note: "a PDF of the results", Refused: []string{"This is a PDF document", "CSV", ".xlsx"}})
	write("screenshot.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"), want{Note: "a screenshot of the results", Refused: []string{"This is an image (PNG)", "a picture of a table cannot be read"}})
	write("old-excel.xls", oleFile("Workbook"), want{Note: "an Excel 97–2003 workbook", Refused: []string{"Excel 97–2003 workbook (.xls)", `save it as "Excel Workbook (.xlsx)"`}})
	write("empty.csv", nil, want{Note: "an empty file", Refused: []string{"The file is empty"}})
	write("empty-sheet.xlsx", workbook("Sheet1", nil, nil), want{Note: "a workbook whose only sheet is empty", Refused: []string{`The sheet "Sheet1" is empty`, "download the export again"}})
	write("notes.docx", zipOf("word/document.xml", "<w:document/>"), want{Note: "a Word document", Refused: []string{"This is a Word document (.docx)"}})
	write("response-file.json", []byte(`{"rater":"Maria Rivera","team":"District","ratings":{"metrics":2}}`), want{Note: "a rater's response file, not an export", Refused: []string{"This is JSON data", `"Open response files"`}})
	write("two-sheets.xlsx", workbook("Summary", [][]string{{"Readiness results"}, {"See the next sheet."}}, &sheetSpec{"Responses", dRows}), want{
		Note: "a workbook whose first sheet is a summary: the responses are read from the sheet that holds them", Responses: dist.responses()})
}

func cloneRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func write(name string, data []byte, w want) {
	check(os.WriteFile(name, data, 0o644))
	j, err := json.MarshalIndent(w, "", "  ")
	check(err)
	check(os.WriteFile(name+".want.json", append(j, '\n'), 0o644))
}

// csvText writes rows as delimited text with the given line end.
func csvText(rows [][]string, delim rune, eol string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = delim
	check(w.WriteAll(rows))
	s := strings.ReplaceAll(b.String(), "\n", "\x00")
	// encoding/csv ends each record with \n, and keeps a line break in a
	// quoted cell as \n: end records with eol, keep the cells' breaks.
	var out strings.Builder
	quoted := false
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			out.WriteRune(r)
		case r == 0 && quoted:
			if eol == "\r" {
				out.WriteString("\r")
			} else {
				out.WriteString("\n")
			}
		case r == 0:
			out.WriteString(eol)
		default:
			out.WriteRune(r)
		}
	}
	return out.String()
}

func utf16LE(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// windows1252 and macRoman encode the few characters the raters used
// beyond ASCII.
func windows1252(s string) ([]byte, error) {
	return singleByte(s, map[rune]byte{'ë': 0xEB, 'é': 0xE9, 'ü': 0xFC, 'ú': 0xFA, 'ñ': 0xF1, '–': 0x96, 'Ü': 0xDC})
}

func macRoman(s string) ([]byte, error) {
	return singleByte(s, map[rune]byte{'ë': 0x91, 'é': 0x8E, 'ü': 0x9F, 'ú': 0x9C, 'ñ': 0x96, '–': 0xD0, 'Ü': 0x86})
}

func singleByte(s string, table map[rune]byte) ([]byte, error) {
	var b []byte
	for _, r := range s {
		switch c, ok := table[r]; {
		case r < 0x80:
			b = append(b, byte(r))
		case ok:
			b = append(b, c)
		default:
			return nil, fmt.Errorf("no byte for %q", r)
		}
	}
	return b, nil
}

func zipOf(parts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: zip.Deflate, Modified: time.Date(2027, 3, 4, 10, 0, 0, 0, time.UTC)})
		check(err)
		_, err = f.Write([]byte(parts[i+1]))
		check(err)
	}
	check(zw.Close())
	return buf.Bytes()
}

// oleFile is the start of an Office 97–2003 compound file naming a stream.
func oleFile(stream string) []byte {
	b := append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
	for _, r := range stream {
		b = append(b, byte(r), 0)
	}
	return append(b, make([]byte, 128)...)
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	check(xmlEscapeTo(&b, s))
	return b.String()
}

func xmlEscapeTo(b *bytes.Buffer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;", "\n", "_x000D_\n")
	_, err := r.WriteString(b, s)
	return err
}

const (
	mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	relsNS = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
)

// column names a column as a spreadsheet does.
func column(j int) string {
	s := ""
	for j++; j > 0; j = (j - 1) / 26 {
		s = string(rune('A'+(j-1)%26)) + s
	}
	return s
}

// msForms writes rows as Microsoft Forms' download does: every text in
// shared strings, the ID as a number, the times as date serial numbers with
// a custom format, the header in bold.
func msForms(rows [][]string) []byte {
	var sst []string
	index := map[string]int{}
	str := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(sst)
		sst = append(sst, s)
		return len(sst) - 1
	}
	var sh bytes.Buffer
	sh.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet " + mainNS + `><dimension ref="A1:P7"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`)
	for i, row := range rows {
		fmt.Fprintf(&sh, `<row r="%d" spans="1:%d">`, i+1, len(row))
		for j, v := range row {
			ref := fmt.Sprintf("%s%d", column(j), i+1)
			switch {
			case v == "":
			case i > 0 && j == 0:
				fmt.Fprintf(&sh, `<c r="%s"><v>%s</v></c>`, ref, v)
			case i > 0 && (j == 1 || j == 2):
				t, err := time.Parse("1/2/06 15:04:05", v)
				check(err)
				serial := t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
				fmt.Fprintf(&sh, `<c r="%s" s="2"><v>%.10f</v></c>`, ref, serial)
			case i == 0:
				fmt.Fprintf(&sh, `<c r="%s" s="1" t="s"><v>%d</v></c>`, ref, str(v))
			default:
				fmt.Fprintf(&sh, `<c r="%s" t="s"><v>%d</v></c>`, ref, str(v))
			}
		}
		sh.WriteString("</row>")
	}
	sh.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	var ss bytes.Buffer
	fmt.Fprintf(&ss, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst %s count="%d" uniqueCount="%d">`, mainNS, len(sst), len(sst))
	for _, s := range sst {
		ss.WriteString(`<si><t xml:space="preserve">`)
		check(xmlEscapeTo(&ss, s))
		ss.WriteString(`</t></si>`)
	}
	ss.WriteString(`</sst>`)
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<styleSheet " + mainNS + `><numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy\ h:mm:ss"/></numFmts>` +
		`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
		`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`
	return xlsx([]sheetPart{{"Sheet1", sh.String()}}, ss.String(), styles)
}

type sheetSpec struct {
	name string
	rows [][]string
}

type sheetPart struct{ name, xml string }

// workbook writes sheets of inline strings, as some tools do.
func workbook(name string, rows [][]string, more *sheetSpec) []byte {
	sheets := []sheetSpec{{name, rows}}
	if more != nil {
		sheets = append(sheets, *more)
	}
	var parts []sheetPart
	for _, s := range sheets {
		var sh bytes.Buffer
		sh.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<worksheet " + mainNS + "><sheetData>")
		for i, row := range s.rows {
			fmt.Fprintf(&sh, `<row r="%d">`, i+1)
			for j, v := range row {
				if v != "" {
					fmt.Fprintf(&sh, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, column(j), i+1, xmlEscape(v))
				}
			}
			sh.WriteString("</row>")
		}
		sh.WriteString("</sheetData></worksheet>")
		parts = append(parts, sheetPart{s.name, sh.String()})
	}
	return xlsx(parts, "", "")
}

func xlsx(sheets []sheetPart, sst, styles string) []byte {
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	ct := head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`
	wb := head + "<workbook " + mainNS + `><workbookPr/><bookViews><workbookView/></bookViews><sheets>`
	rels := head + "<Relationships " + relsNS + ">"
	var parts []string
	for i, s := range sheets {
		ct += fmt.Sprintf(`<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		wb += fmt.Sprintf(`<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(s.name), i+1, i+1)
		rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, relNS, i+1)
		parts = append(parts, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml)
	}
	if sst != "" {
		ct += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
		rels += `<Relationship Id="rId100" Type="` + relNS + `/sharedStrings" Target="sharedStrings.xml"/>`
		parts = append(parts, "xl/sharedStrings.xml", sst)
	}
	if styles != "" {
		ct += `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`
		rels += `<Relationship Id="rId101" Type="` + relNS + `/styles" Target="styles.xml"/>`
		parts = append(parts, "xl/styles.xml", styles)
	}
	ct += "</Types>"
	wb += "</sheets></workbook>"
	rels += "</Relationships>"
	root := head + "<Relationships " + relsNS + `><Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	return zipOf(append([]string{"[Content_Types].xml", ct, "_rels/.rels", root, "xl/workbook.xml", wb, "xl/_rels/workbook.xml.rels", rels}, parts...)...)
}
