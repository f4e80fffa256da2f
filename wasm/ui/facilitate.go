package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/readiness"
)

// facilitator is the facilitator's view: the chosen round and what is typed.
type facilitator struct {
	round int    // index of the chosen round in the workspace; -1 for none
	title string // title of a new round
	date  string // date of a new round
	paste string // pasted response codes
	names bool   // the printed and downloaded summary shows the raters' names
	// removed is the last response removed, which can be put back.
	removed *removedResponse
	// answered are the teams of the chosen round that named no side and
	// were given one since the facilitator came to the view, by the index
	// of the response asked about: their question stays, with the side
	// chosen, so that the list the facilitator is choosing in, with the
	// arrow keys perhaps, is not taken from under the focus.
	answered map[int]string
	// imp is the survey export being checked before it is added.
	imp *surveyImport
}

// removedResponse is a response taken out of a round, kept for "Undo".
type removedResponse struct {
	round string // the round's ID
	index int
	resp  readiness.Response
}

// currentRound returns the chosen round, or nil.
func (a *App) currentRound() *readiness.Round {
	if a.fac.round < 0 || a.fac.round >= len(a.ws.Readiness) {
		return nil
	}
	return &a.ws.Readiness[a.fac.round]
}

func (a *App) handleFacilitate(ev Event) ([]Effect, bool) {
	if eff, ok := a.handleSurveyImport(ev); ok {
		return eff, true
	}
	f := &a.fac
	switch ev.Action {
	case "round.new", "round.select", "fac.remove", "fac.undo":
		f.answered = nil // another round, or its responses moved
	}
	switch ev.Action {
	case "round.title":
		f.title = ev.Value
	case "round.date":
		f.date = ev.Value
	case "round.new":
		a.newRound(f.title, f.date)
		f.title, f.date = "", ""
		return []Effect{Persist{}, Focus{ID: "pk-paste"}}, true
	case "round.select":
		if i, err := strconv.Atoi(ev.Value); err == nil && i >= 0 && i < len(a.ws.Readiness) {
			f.round = i
		}
	case "fac.paste":
		f.paste = ev.Value
	case "fac.addcodes":
		return a.addCodes(), true
	case "fac.files":
		return a.addFiles(ev.Files), true
	case "fac.remove":
		r := a.currentRound()
		i, err := strconv.Atoi(ev.Arg)
		if r == nil || err != nil || i < 0 || i >= len(r.Responses) {
			return nil, true
		}
		f.removed = &removedResponse{round: r.ID, index: i, resp: r.Responses[i]}
		r.Responses = append(r.Responses[:i:i], r.Responses[i+1:]...)
		return []Effect{Persist{}, Focus{ID: "pk-undo"}}, true
	case "fac.undo":
		if f.removed == nil {
			return nil, true
		}
		ri := a.roundIndex(f.removed.round)
		if ri < 0 {
			f.removed = nil
			return nil, true
		}
		r := &a.ws.Readiness[ri]
		i := min(f.removed.index, len(r.Responses))
		r.Responses = append(r.Responses[:i], append([]readiness.Response{f.removed.resp}, r.Responses[i:]...)...)
		f.removed = nil
		f.round = ri
		return []Effect{Persist{}, Focus{ID: "pk-responses"}}, true
	case "report.html", "report.md", "report.csv":
		return a.report(ev.Action), true
	case "report.print":
		return []Effect{Print{}}, true
	case "fac.names":
		f.names = !f.names
	default:
		return nil, false
	}
	return nil, true
}

// newRound adds a round and chooses it.
func (a *App) newRound(title, date string) {
	a.ws.Readiness = append(a.ws.Readiness, a.makeRound(title, date))
	a.fac.round = len(a.ws.Readiness) - 1
}

// makeRound returns a new round, not added yet.
func (a *App) makeRound(title, date string) readiness.Round {
	n := len(a.ws.Readiness) + 1
	title = strings.TrimSpace(title)
	if title == "" {
		title = fmt.Sprintf("Readiness round %d", n)
	}
	id := newID("round", func(id string) bool { return a.roundIndex(id) >= 0 })
	r := readiness.Round{ID: id, Title: title, Date: strings.TrimSpace(date)}
	if a.custom != nil {
		rb := *a.custom
		r.Rubric = &rb
	}
	return r
}

func (a *App) roundIndex(id string) int {
	for i, r := range a.ws.Readiness {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// newAdder returns an adder for the chosen round, or for a new round when
// there is none. It adds to a copy of the round: the workspace changes only
// when commit is called.
func (a *App) newAdder() *adder {
	ad := &adder{a: a}
	var round readiness.Round
	if r := a.currentRound(); r != nil {
		round = *r
		round.Responses = slices.Clone(r.Responses)
		ad.from = len(r.Responses)
	} else {
		round = a.makeRound("", a.cfg.Now().Format("2006-01-02"))
		ad.created = true
	}
	ad.ws = &partnerkit.Workspace{Partnership: a.ws.Partnership, Readiness: []readiness.Round{round}}
	ad.round = &ad.ws.Readiness[0]
	ad.g, _ = ad.ws.Gather(0) // the round exists: it was just copied or made
	return ad
}

// adder adds responses to a round and reports what happened.
type adder struct {
	a        *App
	ws       *partnerkit.Workspace // holds only the copy of the round, and the partnership
	g        *partnerkit.Gatherer  // adds to the copy
	round    *readiness.Round      // the copy, for its title and rubric
	from     int                   // the responses the round held before
	added    int
	created  bool // the round was started for these responses
	problems []string
}

// add adds one response from source (a file name, "code 2"), as
// Workspace.AddResponse does, in time that does not grow with the round.
func (ad *adder) add(source string, resp readiness.Response) {
	if ad.ws.Partnership != nil {
		if s, ok := ad.a.sideOf(resp.Team); ok {
			resp.Team = s.name // the side's raters are summarised together
		}
	}
	if _, err := ad.g.Add(resp); err != nil {
		for _, l := range problemLines(err) {
			ad.problems = append(ad.problems, source+": "+l)
		}
		return
	}
	ad.added++
}

// commit puts what was added into the workspace: the new round, or the
// responses added to the round (which the user may have changed since, on
// its own). It reports false when the round is gone.
func (ad *adder) commit() bool {
	a := ad.a
	if ad.created {
		a.ws.Readiness = append(a.ws.Readiness, *ad.round)
		a.fac.round = len(a.ws.Readiness) - 1
		return true
	}
	ri := a.roundIndex(ad.round.ID)
	if ri < 0 {
		return false
	}
	r := &a.ws.Readiness[ri]
	r.Responses = append(r.Responses, ad.round.Responses[ad.from:]...)
	a.fac.round = ri
	return true
}

// finish commits what the adder added and says what happened.
func (a *App) finish(ad *adder, what string) []Effect {
	if !ad.commit() {
		a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("Nothing was added: the round %q was deleted meanwhile.", ad.round.Title)})
		return nil
	}
	var eff []Effect
	switch {
	case ad.added > 0 && len(ad.problems) == 0:
		a.notify(Notice{Kind: "ok", Text: fmt.Sprintf("Added %s to %q.", plural(ad.added, "response", "responses"), ad.round.Title)})
	case ad.added > 0:
		a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("Added %s to %q; some %s could not be added:", plural(ad.added, "response", "responses"), ad.round.Title, what), Details: ad.problems})
	case len(ad.problems) > 0:
		a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("Nothing was added: the %s could not be used.", what), Details: ad.problems})
	}
	if ad.added > 0 || ad.created {
		eff = append(eff, Persist{})
	}
	return eff
}

// addAll adds many responses (those of a survey export) in slices, saying
// how many are added so far; source names the i-th. done runs when they
// are added; Cancel before then adds none of them.
func (a *App) addAll(rs []readiness.Response, source func(i int) string, what, home string, done func()) []Effect {
	ad := a.newAdder()
	next := 0
	return a.runTask(&task{home: home, phases: []phase{{
		line: func() string {
			return fmt.Sprintf("Adding %s of %s responses…", schema.Thousands(next), schema.Thousands(len(rs)))
		},
		run: func(t *task) bool {
			start := time.Now()
			for ; next < len(rs) && (next%64 != 0 || time.Since(start) < sliceTime); next++ {
				ad.add(source(next), rs[next])
			}
			if next < len(rs) {
				return false
			}
			a.touched("task.done")
			done()
			t.then = append(a.finish(ad, what), Focus{ID: "pk-responses"})
			return true
		},
	}}}, len(rs)*responseSize)
}

// responseSize is about what a response takes in a file: how much work
// adding one is, against sliceAbove.
const responseSize = 100

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return schema.Thousands(n) + " " + many
}

// addCodes adds the response codes found in the pasted text to the chosen
// round, whatever text is around them.
func (a *App) addCodes() []Effect {
	found := FindResponses(a.fac.paste)
	if len(found) == 0 {
		text := "Paste at least one response code first."
		if strings.TrimSpace(a.fac.paste) != "" {
			text = "No response code was found in the pasted text. A code starts with " + CodePrefix + " and is sent by each rater; paste the whole message or just the code."
		}
		a.notify(Notice{Kind: "problem", Text: "Nothing was added.", Details: []string{text}})
		return nil
	}
	ad := a.newAdder()
	for i, f := range found {
		name := codeName(i, len(found), f.Code)
		if f.Err != nil {
			ad.problems = append(ad.problems, capitalize(name)+" "+strings.TrimPrefix(f.Err.Error(), "this response code ")+".")
			continue
		}
		ad.add(capitalize(name), f.Response)
	}
	if ad.added > 0 && len(ad.problems) == 0 {
		a.fac.paste = ""
	}
	return a.finish(ad, "codes")
}

// codeName names the i-th of n codes found, with how it starts, so that
// the facilitator can find it in what was pasted: "the 2nd code (pk1.eNqrV…)".
func codeName(i, n int, code string) string {
	start := code
	if len(start) > 12 {
		start = start[:12] + "…"
	}
	if n == 1 {
		return "the code (" + start + ")"
	}
	return "the " + ordinal(i+1) + " code (" + start + ")"
}

// ordinal writes 1 as 1st, 2 as 2nd, 11 as 11th.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// addFiles adds response files to the chosen round.
func (a *App) addFiles(files []File) []Effect {
	if len(files) == 0 {
		return nil
	}
	ad := a.newAdder()
	for _, f := range files {
		if f.Err != "" {
			ad.problems = append(ad.problems, f.Name+": could not be read: "+f.Err)
			continue
		}
		rf, err := DecodeResponseFile(withoutBOM(f.Data))
		if err != nil {
			for _, l := range problemLines(err) {
				ad.problems = append(ad.problems, f.Name+": "+l)
			}
			continue
		}
		if rb := ad.round.RubricOrODST(); rf.Rubric != "" && rf.Rubric != rb.ID {
			ad.problems = append(ad.problems, fmt.Sprintf("%s: this response rates the rubric %q, but the round %q uses %q; gather it in a round of that rubric (open partnerkit with the same rubric as the raters had).",
				f.Name, rf.Rubric, ad.round.Title, rb.ID))
			continue
		}
		ad.add(f.Name, rf.Response)
	}
	return a.finish(ad, "files")
}

// report offers the chosen round's report as a file.
func (a *App) report(kind string) []Effect {
	r := a.currentRound()
	if r == nil {
		return nil
	}
	rep, err := r.Summarize()
	if err != nil {
		a.problem("The report could not be made.", err)
		return nil
	}
	var buf bytes.Buffer
	name := "readiness-" + slug(r.Title)
	var typ string
	rep.Options.Names = a.fac.names
	switch kind {
	case "report.html":
		err, name, typ = rep.WriteHTML(&buf), name+".html", "text/html"
	case "report.md":
		err, name, typ = rep.WriteMarkdown(&buf), name+".md", "text/markdown"
	default:
		err, name, typ = r.WriteCSV(&buf), name+".csv", "text/csv"
	}
	if err != nil {
		a.problem("The report could not be made.", err)
		return nil
	}
	return []Effect{Download{Name: name, Type: typ, Data: buf.Bytes()}}
}

func (a *App) viewFacilitate() *Node {
	f := &a.fac
	var choose *Node
	if len(a.ws.Readiness) > 0 {
		opts := make([]*Node, len(a.ws.Readiness))
		for i, r := range a.ws.Readiness {
			label := r.Title
			if r.Date != "" {
				label += " (" + r.Date + ")"
			}
			o := El("option", Key(r.ID), A("value", strconv.Itoa(i)), label)
			if i == f.round {
				o.Attrs = append(o.Attrs, A("selected", ""))
			}
			opts[i] = o
		}
		choose = El("div",
			El("label", A("for", "pk-round"), "Round"),
			El("select", ID("pk-round"), On("change", "round.select"), opts))
	}
	newRound := El("details", Class("pk-noprint"),
		El("summary", "Start a new round"),
		El("label", A("for", "pk-round-title"), "Title"),
		El("input", ID("pk-round-title"), A("type", "text"), A("maxlength", "200"), A("placeholder", fmt.Sprintf("Readiness round %d", len(a.ws.Readiness)+1)), A("value", f.title), On("input", "round.title")),
		El("label", A("for", "pk-round-date"), "Date (optional)"),
		El("input", ID("pk-round-date"), A("type", "date"), A("value", f.date), On("input", "round.date")),
		El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-round-new"), On("click", "round.new"), "Start the round")),
	)
	if len(a.ws.Readiness) == 0 {
		newRound.Attrs = append(newRound.Attrs, A("open", ""))
	}
	return El("section", A("aria-labelledby", "pk-fac-h"),
		El("h2", ID("pk-fac-h"), "Gather and summarize"),
		El("p", "Collect your team's ratings here, on your own device: paste the codes raters send you, open their response files, or import a survey export. The summary shows each team's average, how far apart the ratings are, whether the team agrees, and the concerns to talk about. It decides nothing."),
		choose,
		newRound,
		a.viewAdd(),
		a.viewResponses(),
		a.viewTeams(),
		a.viewSummary(),
	)
}

func (a *App) viewAdd() *Node {
	return El("section", Class("pk-noprint"), A("aria-labelledby", "pk-add-h"),
		El("h3", ID("pk-add-h"), "Add responses"),
		El("label", A("for", "pk-paste"), "Paste the raters' codes, or the whole messages they came in: the codes are found in them"),
		El("textarea", ID("pk-paste"), Class("pk-code"), A("rows", "4"), A("spellcheck", "false"), A("value", a.fac.paste), On("input", "fac.paste")),
		El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-add-codes"), On("click", "fac.addcodes"), "Add the pasted codes")),
		El("div", Class("pk-drop"), On("drop", "fac.files"),
			El("label", A("for", "pk-files"), "Open response files (choose several at once, or drop them here)"),
			El("input", ID("pk-files"), A("type", "file"), A("multiple", ""), A("accept", ".json,application/json"), On("change", "fac.files"))),
		El("div", Class("pk-drop"), On("drop", "fac.csv"),
			El("label", A("for", "pk-csv"), "Import a survey export (choose it, or drop it here)"),
			El("p", Class("pk-hint"), "From Google Forms, Microsoft Forms, Qualtrics or SurveyMonkey, as it downloads: a CSV or text file, an Excel workbook (.xlsx) or the .zip of Google Forms. You check how it is read before anything is added."),
			El("input", ID("pk-csv"), A("type", "file"), A("accept", importAccept), On("change", "fac.csv"))),
		a.viewSurveyImport(),
	)
}

func (a *App) viewResponses() *Node {
	r := a.currentRound()
	if r == nil {
		return nil
	}
	rb := r.RubricOrODST()
	head := []*Node{El("th", A("scope", "col"), "Rater"), El("th", A("scope", "col"), "Team")}
	for _, c := range rb.Categories {
		head = append(head, El("th", A("scope", "col"), c.Title))
	}
	head = append(head, El("th", A("scope", "col"), Class("pk-noprint"), "Remove"))
	shown := r.Responses[:min(len(r.Responses), maxRows)]
	rows := make([]*Node, len(shown))
	for i, resp := range shown {
		cells := []*Node{El("th", A("scope", "row"), resp.Rater), El("td", resp.Team)}
		for _, c := range rb.Categories {
			v := "–"
			if n, ok := resp.Ratings[c.ID]; ok {
				v = strconv.Itoa(n)
			}
			cells = append(cells, El("td", v))
		}
		cells = append(cells, El("td", Class("pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"),
			On("click", "fac.remove"), Arg(strconv.Itoa(i)), A("aria-label", "Remove the response of "+resp.Rater), "Remove")))
		rows[i] = El("tr", Key(strconv.Itoa(i)), cells)
	}
	var undo *Node
	if rm := a.fac.removed; rm != nil {
		undo = El("p", Class("pk-notice pk-notice-info"),
			"The response of "+rm.resp.Rater+" was removed. ",
			El("button", A("type", "button"), ID("pk-undo"), On("click", "fac.undo"), "Undo"))
	}
	var more *Node
	if n := len(r.Responses) - len(shown); n > 0 {
		more = El("p", ID("pk-responses-more"), Class("pk-hint"), fmt.Sprintf(
			"The first %s responses are listed here, and %s more are not; the summary counts every one. Download the responses (.csv file) to see them all.",
			schema.Thousands(len(shown)), schema.Thousands(n)))
	}
	return El("section", A("aria-labelledby", "pk-resp-h"),
		El("h3", ID("pk-resp-h"), fmt.Sprintf("Responses in %q: %s", r.Title, schema.Thousands(len(r.Responses)))),
		undo,
		El("table", ID("pk-responses"), A("tabindex", "-1"),
			El("thead", El("tr", head)),
			El("tbody", rows)),
		more,
	)
}

// maxRows is how many rows a list of records shows: a browser takes longer
// than a frame to draw thousands, and a person reads them from a file.
const maxRows = 200

func (a *App) viewSummary() *Node {
	r := a.currentRound()
	if r == nil || len(r.Responses) == 0 {
		return nil
	}
	rep, err := a.roundSummary(r)
	if err != nil {
		return El("div", Class("pk-notice pk-notice-problem"), El("p", "The summary could not be made:"), El("ul", lis(problemLines(err))))
	}
	teams := make([]*Node, len(rep.Teams))
	for i, t := range rep.Teams {
		teams[i] = a.viewTeam(i, rep, t)
	}
	return El("section", ID("pk-summary"), A("aria-labelledby", "pk-sum-h"),
		El("h3", ID("pk-sum-h"), "Summary of "+r.Title),
		El("p", Class("pk-note"), rep.Note),
		teams,
		viewCompare(rep),
		El("div", Class("pk-choice pk-noprint"),
			El("input", ID("pk-names"), A("type", "checkbox"), On("change", "fac.names"), checkedIf(a.fac.names)),
			El("label", A("for", "pk-names"), "Show who wrote each concern in the printed and downloaded summary")),
		El("p", Class("pk-hint pk-noprint"), "Left unticked, the summary lists the concerns without names, so that it can be handed around and raters can be candid. The list of responses above always shows the names: it is for you."),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), ID("pk-report-print"), On("click", "report.print"), "Print the summary"),
			El("button", A("type", "button"), ID("pk-report-docx"), Class("pk-secondary"), On("click", "docx"), Arg("view"), "Download the summary (Word)"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "report.html"), "Download the report (HTML)"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "report.md"), "Download the report (Markdown)"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "report.csv"), "Download the responses (CSV)"),
		),
	)
}

func lis(items []string) []*Node {
	out := make([]*Node, len(items))
	for i, s := range items {
		out[i] = El("li", s)
	}
	return out
}

// maxListed is how many problems of one file a notice lists.
const maxListed = 50

// maxConcerns is how many concerns of one area the summary lists on the
// page: thousands would take the browser seconds to draw, and are read in
// the printed summary or the report.
const maxConcerns = 20

func (a *App) viewTeam(i int, rep readiness.Report, t readiness.TeamSummary) *Node {
	hid := fmt.Sprintf("pk-team-%d-h", i)
	rows := make([]*Node, len(t.Categories))
	for j, c := range t.Categories {
		mean, spread, consensus := "not rated", "–", "–"
		if c.N > 0 {
			mean = readiness.FormatMean(c.Mean)
			spread = fmt.Sprintf("%d to %d", c.Min, c.Max)
			if c.Min == c.Max {
				spread = fmt.Sprintf("all %d", c.Min)
			}
			consensus = "No: talk it through"
			if c.Consensus {
				consensus = "Yes"
			}
		}
		var concerns *Node
		if len(c.Concerns) > 0 {
			shown := c.Concerns[:min(len(c.Concerns), maxConcerns)]
			items := make([]*Node, len(shown), len(shown)+1)
			for k, cn := range shown {
				items[k] = El("li", El("strong", cn.Rater+": "), cn.Text)
			}
			if more := len(c.Concerns) - len(shown); more > 0 {
				what := "concerns: the printed summary and the downloaded report list them all"
				if more == 1 {
					what = "concern: the printed summary and the downloaded report list it"
				}
				items = append(items, El("li", Class("pk-hint"), fmt.Sprintf("and %s more %s", schema.Thousands(more), what)))
			}
			concerns = El("ul", items)
		}
		rows[j] = El("tr", Key(c.CategoryID),
			El("th", A("scope", "row"), c.Title),
			El("td", Class("pk-mean"), mean),
			El("td", spread),
			El("td", consensus),
			El("td", concerns))
	}
	first := make([]*Node, 0, len(t.DiscussFirst))
	for _, id := range t.DiscussFirst {
		if c, ok := t.Category(id); ok && c.N > 0 {
			first = append(first, El("li", c.Title))
		}
	}
	var chart *Node
	if ch, ok := readiness.TeamChart(rep, t.Team); ok {
		ch.ID = fmt.Sprintf("pk-chart-%d", i)
		var buf bytes.Buffer
		if err := ch.WriteSVG(&buf); err == nil {
			// An SVG shown through <img> cannot run scripts or load anything.
			chart = El("img", Class("pk-chart"), A("alt", ch.Description()),
				A("src", "data:image/svg+xml;base64,"+base64.StdEncoding.EncodeToString(buf.Bytes())))
		}
	}
	return El("section", Key("team-"+t.Team), Class("pk-team"), A("aria-labelledby", hid),
		El("h4", ID(hid), fmt.Sprintf("%s (%s)", t.Team, plural(t.Raters, "rater", "raters"))),
		El("table", Class("pk-team-table"),
			El("caption", "Ratings of "+t.Team+" by area"),
			El("thead", El("tr",
				El("th", A("scope", "col"), "Area"),
				El("th", A("scope", "col"), "Average"),
				El("th", A("scope", "col"), "Range"),
				El("th", A("scope", "col"), "Agreement"),
				El("th", A("scope", "col"), "Concerns"))),
			El("tbody", rows)),
		El("p", El("strong", "Suggested order of discussion"), " (lowest average and widest spread first; an agenda, not a ranking):"),
		El("ol", first),
		chart,
	)
}

// viewCompare sets the first two teams side by side, closed by default: the
// source notes that the teams need not compare their ratings.
func viewCompare(rep readiness.Report) *Node {
	if len(rep.Teams) < 2 {
		return nil
	}
	c, err := rep.CompareTeams(rep.Teams[0].Team, rep.Teams[1].Team)
	if err != nil {
		return nil
	}
	rows := make([]*Node, len(c.Categories))
	for i, cc := range c.Categories {
		diff := "–"
		if cc.A.N > 0 && cc.B.N > 0 {
			diff = readiness.FormatDifference(cc.Difference)
		}
		rows[i] = El("tr", Key(cc.CategoryID),
			El("th", A("scope", "row"), cc.Title),
			El("td", meanOrNone(cc.A)), El("td", meanOrNone(cc.B)), El("td", diff))
	}
	return El("details", ID("pk-compare"), Class("pk-noprint"),
		El("summary", "Compare the two teams (optional)"),
		El("p", "The teams do not need to compare their ratings; this is here for those who want to. It shows numbers only."),
		El("table",
			El("caption", "Averages of "+c.A+" and "+c.B+" side by side"),
			El("thead", El("tr",
				El("th", A("scope", "col"), "Area"),
				El("th", A("scope", "col"), c.A),
				El("th", A("scope", "col"), c.B),
				El("th", A("scope", "col"), "Difference"))),
			El("tbody", rows)))
}

func meanOrNone(c readiness.CategorySummary) string {
	if c.N == 0 {
		return "not rated"
	}
	return readiness.FormatMean(c.Mean)
}
