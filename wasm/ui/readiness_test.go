package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rateAs fills in and submits the rater view and returns the response code.
func rateAs(t *testing.T, a *App, team, name string, levels []int, concern string) string {
	code, _ := rateFile(t, a, team, name, levels, concern)
	return code
}

// rateFile is rateAs, also returning the response file.
func rateFile(t *testing.T, a *App, team, name string, levels []int, concern string) (string, []byte) {
	t.Helper()
	a.Handle(Event{Action: "nav", Arg: string(ViewRate)})
	a.Handle(Event{Action: "rate.team", Value: team})
	a.Handle(Event{Action: "rate.name", Value: name})
	rb := a.rubric()
	for i, lv := range levels {
		a.Handle(Event{Action: "rate.level", Arg: rb.Categories[i].ID, Value: fmt.Sprint(lv)})
	}
	a.Handle(Event{Action: "rate.concern", Arg: rb.Categories[0].ID, Value: concern})
	eff := a.Handle(Event{Action: "rate.submit"})
	require.Empty(t, a.rate.problems)
	var d Download
	for _, e := range eff {
		if dl, ok := e.(Download); ok {
			d = dl
		}
	}
	require.NotEmpty(t, d.Data)
	var f ResponseFile
	require.NoError(t, json.Unmarshal(d.Data, &f))
	assert.Equal(t, ResponseFileKind, f.Kind)
	assert.Equal(t, name, f.Response.Rater)
	code := a.rate.code
	require.True(t, strings.HasPrefix(code, CodePrefix))
	assert.Contains(t, a.Render().TextContent(), "Thank you, "+name)
	a.Handle(Event{Action: "rate.new"})
	return code, d.Data
}

func TestRoundFromCodes(t *testing.T) {
	raters := newApp(t)
	var codes []string
	codes = append(codes, rateAs(t, raters, "District leadership team", "Ana", []int{4, 3, 2, 3}, "Summer clash"))
	codes = append(codes, rateAs(t, raters, "District leadership team", "Ben", []int{3, 3, 2, 4}, ""))
	codes = append(codes, rateAs(t, raters, "District leadership team", "Chi", []int{2, 3, 3, 4}, "Point person?"))

	fac := newApp(t)
	fac.Handle(Event{Action: "nav", Arg: "facilitate"})
	fac.Handle(Event{Action: "round.title", Value: "Spring"})
	eff := fac.Handle(Event{Action: "round.new"})
	assert.Contains(t, eff, Effect(Persist{}))
	fac.Handle(Event{Action: "fac.paste", Value: "Here are ours:\n" + strings.Join(codes, ",\n")})
	eff = fac.Handle(Event{Action: "fac.addcodes"})
	assert.Equal(t, []Effect{Persist{}}, eff)
	require.Len(t, fac.ws.Readiness, 1)
	require.Len(t, fac.ws.Readiness[0].Responses, 3)
	// The text around the codes is a message's, and is left out.
	require.Len(t, fac.notices, 1)
	assert.Equal(t, "ok", fac.notices[0].Kind)
	assert.Contains(t, fac.notices[0].Text, "Added 3 responses")

	tree := fac.Render()
	require.NoError(t, tree.Check())
	sum := tree.Find("pk-summary")
	require.NotNil(t, sum)
	var means []string
	sum.Walk(func(n *Node) bool {
		if v, _ := n.Attr("class"); v == "pk-mean" {
			means = append(means, n.TextContent())
		}
		return true
	})
	assert.Equal(t, []string{"3.0", "3.0", "2.3", "3.7"}, means)
	text := sum.TextContent()
	assert.Contains(t, text, "Summer clash")
	assert.Contains(t, text, "Suggested order of discussion")

	// Reports download in three formats; the summaries name no rater, the
	// responses (the data itself) do.
	for action, ext := range map[string]string{"report.html": ".html", "report.md": ".md", "report.csv": ".csv"} {
		eff := fac.Handle(Event{Action: action})
		require.Len(t, eff, 1, action)
		d := eff[0].(Download)
		assert.True(t, strings.HasSuffix(d.Name, ext), d.Name)
		if action == "report.csv" {
			assert.Contains(t, string(d.Data), "Ana", action)
		} else {
			assert.Contains(t, string(d.Data), "Summer clash", action)
			assert.NotContains(t, string(d.Data), "Ana", action)
		}
	}
}

func TestDraftSurvivesAReload(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "rate.team", Value: "Partner leadership team"})
	a.Handle(Event{Action: "rate.name", Value: "Ana <i>"})
	a.Handle(Event{Action: "rate.level", Arg: "metrics", Value: "2"})
	eff := a.Handle(Event{Action: "rate.concern", Arg: "metrics", Value: "Who reports?"})
	assert.Equal(t, []Effect{Persist{}}, eff)
	saved := a.Draft()
	b := newApp(t)
	require.Nil(t, b.RestoreDraft(saved))
	assert.Equal(t, a.rate, b.rate)
	assert.Equal(t, "Ana <i>", b.Render().Find("pk-rater").Attrs[4].Value)

	c := newApp(t)
	n := c.RestoreDraft(`{"rater": 5`)
	require.NotNil(t, n)
	assert.Contains(t, n.Text, "kept aside")
	assert.Empty(t, newApp(t).Draft(), "an empty form stores nothing")
}

func TestTeamsCanBeComparedOnRequest(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(0), nil)
	tree := a.Render()
	cmp := tree.Find("pk-compare")
	require.NotNil(t, cmp)
	_, open := cmp.Attr("open")
	assert.False(t, open, "the comparison is offered, not shown")
	text := cmp.TextContent()
	assert.Contains(t, text, "Big district")
	assert.Contains(t, text, "TA partner")
	assert.Contains(t, text, "do not need to compare")
}

func TestRemoveAndUndo(t *testing.T) {
	a := New(Config{Now: fixedNow}, bigWorkspace(0), nil)
	r := &a.ws.Readiness[0]
	before := append([]readiness.Response(nil), r.Responses...)
	eff := a.Handle(Event{Action: "fac.remove", Arg: "3"})
	assert.Equal(t, []Effect{Persist{}, Focus{ID: "pk-undo"}}, eff)
	require.Len(t, r.Responses, len(before)-1)
	assert.NotContains(t, r.Responses, before[3])
	assert.Contains(t, a.Render().Find("pk-main").TextContent(), "The response of Rater 3 was removed.")
	a.Handle(Event{Action: "fac.undo"})
	assert.Equal(t, before, r.Responses)
	assert.Nil(t, a.Render().Find("pk-undo"))
	a.Handle(Event{Action: "fac.remove", Arg: "99"})
	assert.Equal(t, before, r.Responses)
}

func TestCopyFallsBackToSelecting(t *testing.T) {
	a := newApp(t)
	code := rateAs(t, a, "District leadership team", "Ana", []int{1, 2, 3, 4}, "")
	_ = code
	a.Handle(Event{Action: "rate.team", Value: "District leadership team"})
	a.Handle(Event{Action: "rate.name", Value: "Ben"})
	for _, c := range a.rubric().Categories {
		a.Handle(Event{Action: "rate.level", Arg: c.ID, Value: "3"})
	}
	a.Handle(Event{Action: "rate.submit"})
	assert.Equal(t, []Effect{Copy{Text: a.rate.code, Field: "pk-code"}}, a.Handle(Event{Action: "rate.copy"}))
	eff := a.Handle(Event{Action: "copy.failed", Arg: "pk-code", Value: "NotAllowedError"})
	assert.Equal(t, []Effect{Select{ID: "pk-code"}}, eff)
	assert.Contains(t, a.notices[len(a.notices)-1].Text, "Ctrl+C")
}

func TestSubmitListsWhatIsMissing(t *testing.T) {
	a := newApp(t)
	a.Handle(Event{Action: "nav", Arg: string(ViewRate)})
	eff := a.Handle(Event{Action: "rate.submit"})
	assert.Equal(t, []Effect{Focus{ID: "pk-team-0"}}, eff)
	assert.Len(t, a.rate.problems, 2+4)
	assert.Empty(t, a.rate.code)
	assert.NotNil(t, a.Render().Find("pk-rate-problems"))
}

func TestEmbeddedSubmitPostsToTheOriginOnly(t *testing.T) {
	rb := bigWorkspace(0).Readiness[0].RubricOrODST()
	code, err := EncodeCode(rb)
	require.NoError(t, err)
	a := New(ParseLocation("view=rubric&parentOrigin=https://ta.example/x", "rubric="+code, ""), nil, nil)
	assert.Nil(t, a.Render().Find("pk-nav-rate"), "no navigation when embedded")
	a.Handle(Event{Action: "rate.team", Value: "Partner leadership team"})
	a.Handle(Event{Action: "rate.name", Value: "Dee"})
	for _, c := range rb.Categories {
		a.Handle(Event{Action: "rate.level", Arg: c.ID, Value: "2"})
	}
	var post *Post
	for _, e := range a.Handle(Event{Action: "rate.submit"}) {
		if p, ok := e.(Post); ok {
			post = &p
		}
	}
	require.NotNil(t, post)
	assert.Equal(t, "https://ta.example", post.Origin)
	assert.Contains(t, post.Data, `"rater":"Dee"`)
}

func TestBadRubricCodeFallsBackAndSaysSo(t *testing.T) {
	a := New(ParseLocation("view=rubric", "rubric=pk1.garbage", ""), nil, nil)
	require.Len(t, a.notices, 1)
	assert.Contains(t, a.notices[0].Text, "could not be read")
	assert.Equal(t, "odst-readiness", a.rubric().ID)
}

func TestResponseFilesAndCSV(t *testing.T) {
	raters := newApp(t)
	_, file := rateFile(t, raters, "District leadership team", "Ana", []int{4, 3, 2, 3}, "")
	a := newApp(t)
	eff := a.Handle(Event{Action: "fac.files", Files: []File{
		{Name: "ana.json", Data: file},
		{Name: "junk.json", Data: []byte(`{"kind": "something else", "response": {"rater": "X", "team": "Y"}}`)},
		{Name: "other.json", Data: []byte(`{"kind": "partnerkit.readiness.response", "rubric": "ta-quick-check", "response": {"rater": "X", "team": "Y"}}`)},
	}})
	assert.Equal(t, []Effect{Persist{}}, eff)
	require.Len(t, a.ws.Readiness[0].Responses, 1)
	assert.Contains(t, strings.Join(a.notices[0].Details, "\n"), "junk.json: kind")
	assert.Contains(t, strings.Join(a.notices[0].Details, "\n"), `other.json: this response rates the rubric "ta-quick-check"`)

	csv := "Timestamp,Name,Team,Alignment of strategic priority and objectives,Appropriate and sufficient resources,Clear metrics established,Ongoing communication and collaboration\n" +
		"2026/03/01 10:00:00,Eve,District,3,3,3,3\n"
	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "forms.csv", Data: []byte(csv)}}})
	require.NotNil(t, a.fac.imp, "a survey export is shown before it is added")
	assert.Len(t, a.ws.Readiness[0].Responses, 1, "nothing is added before the facilitator confirms")
	a.Handle(Event{Action: "exp.add"})
	last := a.notices[len(a.notices)-1]
	if !assert.Len(t, a.ws.Readiness[0].Responses, 2, "%v", last) {
		return
	}
	assert.Equal(t, "Eve", a.ws.Readiness[0].Responses[1].Rater)
	assert.Nil(t, a.fac.imp)

	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "bad.csv", Data: []byte("Name,Team,Alignment rating\nZed,District,9\nYves,,x\n")}}})
	require.NotNil(t, a.fac.imp)
	ps := a.fac.imp.problems
	require.NotEmpty(t, ps)
	var rows []int
	for _, p := range ps {
		if p.Row > 0 {
			rows = append(rows, p.Row)
		}
	}
	assert.Equal(t, []int{2, 3, 3}, rows, "each bad cell once, by its row: %v", ps)
	a.Handle(Event{Action: "exp.add"})
	assert.Len(t, a.ws.Readiness[0].Responses, 2, "an export with problems adds nothing")

	// A survey export without a team column gives responses the round
	// cannot keep: they are refused, not saved into a file Load refuses.
	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "noteam.csv", Data: []byte("Name,Alignment of strategic priority and objectives\nZed,3\n")}}})
	require.NotNil(t, a.fac.imp)
	assert.Contains(t, problemText(a.fac.imp.problems[0]), "No column says which team")
	a.Handle(Event{Action: "exp.add"})
	assert.Len(t, a.ws.Readiness[0].Responses, 2)
	var buf bytes.Buffer
	require.NoError(t, a.ws.Save(&buf))
	_, err := partnerkit.Load(&buf)
	assert.NoError(t, err, "what the page keeps loads again")

	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "report.pdf", Data: []byte("%PDF-1.4")}}})
	last = a.notices[len(a.notices)-1]
	assert.Equal(t, "problem", last.Kind)
	assert.Contains(t, strings.Join(last.Details, "\n"), "This is a PDF document")
	assert.Nil(t, a.fac.imp)
}

// Example shows the app without a browser: an event in, effects and a render
// tree out.
func Example() {
	a := New(Config{}, partnerkit.New(), nil)
	a.Handle(Event{Action: "nav", Arg: "facilitate"})
	a.Handle(Event{Action: "round.title", Value: "Spring <b>2027</b>"})
	effects := a.Handle(Event{Action: "round.new"})
	fmt.Printf("%T\n", effects[0])
	fmt.Println(a.Render().Find("pk-round").TextContent())
	// Output:
	// ui.Persist
	// Spring <b>2027</b>
}

// BenchmarkTypeInField measures one keystroke with a 500-initiative workspace
// loaded and a 40-response summary on screen: the event, then the whole
// render tree. (The DOM patch is measured in the browser test.)
func BenchmarkTypeInField(b *testing.B) {
	for _, view := range []View{ViewRate, ViewFacilitate} {
		b.Run(string(view), func(b *testing.B) {
			a := New(Config{}, bigWorkspace(500), nil)
			a.Handle(Event{Action: "nav", Arg: string(view)})
			action := "rate.name"
			if view == ViewFacilitate {
				action = "fac.paste"
			}
			text := ""
			b.ReportAllocs()
			for b.Loop() {
				text += "a"
				if len(text) > 100 {
					text = ""
				}
				a.Handle(Event{Action: action, Value: text})
				if a.Render() == nil {
					b.Fatal("no tree")
				}
			}
		})
	}
}

// A survey export of thousands of responses is added in slices, listed in
// part and summarised whole.
func TestALargeSurveyIsListedInPart(t *testing.T) {
	a := newApp(t)
	var csv bytes.Buffer
	rs := make([]readiness.Response, 3000)
	for i := range rs {
		rs[i] = readiness.Response{Rater: fmt.Sprintf("Rater %d", i), Team: "District", Submitted: "2017-08-01",
			Ratings: map[string]int{"alignment": 1 + i%4, "resources": 2, "metrics": 3, "communication": 4}}
	}
	require.NoError(t, readiness.Round{Responses: rs}.WriteCSV(&csv))
	a.Handle(Event{Action: "nav", Arg: string(ViewFacilitate)})
	a.Handle(Event{Action: "fac.csv", Files: []File{{Name: "survey.csv", Data: csv.Bytes()}}})
	require.Empty(t, a.ws.Readiness, "nothing is added before the preview is confirmed")
	assert.Equal(t, "Add 3,000 responses to a new round", a.Render().Find("pk-exp-add").TextContent())
	finishWork(t, a, a.Handle(Event{Action: "exp.add"}))
	require.Len(t, a.ws.Readiness, 1)
	require.Len(t, a.ws.Readiness[0].Responses, 3000)
	root := a.Render()
	rows := 0
	root.Find("pk-responses").Walk(func(n *Node) bool {
		if n.Tag == "tr" {
			rows++
		}
		return true
	})
	assert.Equal(t, maxRows+1, rows, "the first rows and the head")
	assert.Contains(t, root.Find("pk-responses-more").TextContent(), "2,800 more")
	assert.Contains(t, root.Find("pk-resp-h").TextContent(), "3,000")
}

// TestCodesAreFoundInAnyMessage pastes codes as raters send them, in the
// messages e-mail programs make of them: each is found, whatever surrounds
// it, and a broken one is named, with why.
func TestCodesAreFoundInAnyMessage(t *testing.T) {
	raters := newApp(t)
	ana := rateAs(t, raters, "District leadership team", "Ana", []int{4, 3, 2, 3}, "Summer clash, and the PD.")
	ben := rateAs(t, raters, "District leadership team", "Ben", []int{3, 3, 2, 4}, "")
	require.Greater(t, len(ana), 60)
	broken := func(code string, width int, prefix string) string { // as an e-mail program wraps it
		var lines []string
		for len(code) > width {
			lines = append(lines, code[:width])
			code = code[width:]
		}
		return strings.Join(append(lines, code), "\n"+prefix)
	}
	tests := []struct {
		name, text string
		want       []string // the raters found, in order
	}{
		{"alone", ana, []string{"Ana"}},
		{"greeting and sign-off", "Hi Dee,\n\nhere is my code: " + ana + "\n\nThanks,\nAna", []string{"Ana"}},
		{"a full stop", "My code is " + ana + ".", []string{"Ana"}},
		{"quotes", "“" + ana + "” and '" + ben + "'", []string{"Ana", "Ben"}},
		{"in brackets", "(" + ana + ")", []string{"Ana"}},
		{"broken across lines", "Code:\n" + broken(ana, 40, "") + "\nBest, Ana", []string{"Ana"}},
		{"broken, with a word right after", broken(ana, 40, "") + "\nThanks", []string{"Ana"}},
		{"quoted reply", "> Here it is:\n> " + broken(ana, 30, "> ") + "\n> Ana\n\nAnd mine: " + ben, []string{"Ana", "Ben"}},
		{"soft line breaks", strings.ReplaceAll(broken(ana, 50, ""), "\n", "=\n") + "\n", []string{"Ana"}},
		{"Windows line ends", strings.ReplaceAll("Hi\n"+broken(ana, 40, "")+"\nAna", "\n", "\r\n"), []string{"Ana"}},
		{"the same code twice", ana + "\n> " + ana, []string{"Ana"}},
		{"two codes on one line", ana + ", " + ben, []string{"Ana", "Ben"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range FindResponses(tt.text) {
				require.NoError(t, f.Err, f.Code)
				got = append(got, f.Response.Rater)
			}
			assert.Equal(t, tt.want, got)
		})
	}

	// A code cut short is named, with why; the others are added.
	fac := newApp(t)
	fac.Handle(Event{Action: "nav", Arg: "facilitate"})
	fac.Handle(Event{Action: "fac.paste", Value: "From Ana: " + ana[:len(ana)-9] + "\nFrom Ben: " + ben + "\n"})
	fac.Handle(Event{Action: "fac.addcodes"})
	require.Len(t, fac.ws.Readiness[0].Responses, 1)
	n := fac.notices[len(fac.notices)-1]
	assert.Contains(t, n.Text, "Added 1 response")
	require.Len(t, n.Details, 1)
	assert.Contains(t, n.Details[0], "The 1st code ("+ana[:12]+"…) is cut short")

	fac.Handle(Event{Action: "fac.paste", Value: "Thanks for the meeting!"})
	fac.Handle(Event{Action: "fac.addcodes"})
	assert.Contains(t, strings.Join(fac.notices[len(fac.notices)-1].Details, " "), "No response code was found")
}
