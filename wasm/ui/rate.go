package ui

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/readiness"
)

// rater is the response a rater is filling in.
type rater struct {
	team, name string
	ratings    map[string]int
	concerns   map[string]string
	problems   []string // why the last submit was refused
	code       string   // the submitted response's code
	file       []byte   // the submitted response's file
	fileName   string
	posted     bool
}

func (r *rater) reset() {
	team := r.team
	*r = rater{team: team, ratings: map[string]int{}, concerns: map[string]string{}}
}

// initRubric reads the rubric code of the configuration, if any.
func (a *App) initRubric() {
	if a.cfg.Rubric == "" {
		return
	}
	rb, err := DecodeRubric(a.cfg.Rubric)
	if err != nil {
		a.notify(Notice{Kind: "problem",
			Text:    "The rubric this page was given could not be read, so the standard Readiness for Partnership rubric is shown instead.",
			Details: problemLines(err)})
		return
	}
	a.custom = &rb
}

// rubric is the rubric raters rate: the page's custom rubric, else the
// chosen round's, else the ODST rubric.
func (a *App) rubric() readiness.Rubric {
	if a.custom != nil {
		return *a.custom
	}
	if r := a.currentRound(); r != nil {
		return r.RubricOrODST()
	}
	return readiness.ODST()
}

func (a *App) handleRate(ev Event) ([]Effect, bool) {
	r := &a.rate
	switch ev.Action {
	case "rate.team":
		r.team = ev.Value
	case "rate.name":
		r.name = ev.Value
	case "rate.level":
		v, err := strconv.Atoi(ev.Value)
		if err == nil {
			r.ratings[ev.Arg] = v
		}
	case "rate.concern":
		r.concerns[ev.Arg] = ev.Value
	case "rate.submit":
		return a.submit(), true
	case "rate.copy":
		return []Effect{Copy{Text: r.code, Field: "pk-code"}}, true
	case "rate.download":
		return []Effect{Download{Name: r.fileName, Type: "application/json", Data: r.file}}, true
	case "rate.new":
		r.reset()
		return []Effect{Persist{}, Focus{ID: "pk-rater"}}, true
	default:
		return nil, false
	}
	return []Effect{Persist{}}, true
}

// response returns the rater's response as it stands.
func (a *App) response() readiness.Response {
	r := &a.rate
	resp := readiness.Response{
		Rater:     strings.TrimSpace(r.name),
		Team:      strings.TrimSpace(r.team),
		Submitted: a.cfg.Now().UTC().Format("2006-01-02T15:04:05Z"),
	}
	rb := a.rubric()
	for _, c := range rb.Categories {
		if v, ok := r.ratings[c.ID]; ok {
			if resp.Ratings == nil {
				resp.Ratings = map[string]int{}
			}
			resp.Ratings[c.ID] = v
		}
		if t := strings.TrimSpace(r.concerns[c.ID]); t != "" {
			if resp.Concerns == nil {
				resp.Concerns = map[string]string{}
			}
			resp.Concerns[c.ID] = t
		}
	}
	return resp
}

// submit checks the response and, when it is complete, makes its code and
// file, and posts it to the embedding page if there is one.
func (a *App) submit() []Effect {
	r := &a.rate
	rb := a.rubric()
	resp := a.response()
	r.problems = nil
	firstBad := ""
	bad := func(id, msg string) {
		r.problems = append(r.problems, msg)
		if firstBad == "" {
			firstBad = id
		}
	}
	if resp.Team == "" {
		bad("pk-team-0", "Choose your team.")
	}
	if resp.Rater == "" {
		bad("pk-rater", "Write your name, so that your team knows whose ratings these are.")
	}
	for i, c := range rb.Categories {
		if _, ok := resp.Ratings[c.ID]; !ok {
			bad(levelID(i, rb.Scale.Levels[len(rb.Scale.Levels)-1].Value), fmt.Sprintf("Choose a rating for %q.", c.Title))
		}
	}
	if len(r.problems) == 0 {
		if err := rb.ValidateResponse(resp); err != nil {
			r.problems = append(r.problems, problemLines(err)...)
		}
	}
	if len(r.problems) > 0 {
		return []Effect{Focus{ID: firstOr(firstBad, "pk-rate-problems")}}
	}
	code, err := EncodeCode(resp)
	if err != nil {
		r.problems = []string{"Your response could not be packed into a code: " + err.Error()}
		return nil
	}
	file, err := json.MarshalIndent(ResponseFile{Kind: ResponseFileKind, Rubric: rb.ID, Code: code, Response: resp}, "", "  ")
	if err != nil {
		r.problems = []string{"Your response could not be written to a file: " + err.Error()}
		return nil
	}
	r.code = code
	r.file = append(file, '\n')
	r.fileName = "readiness-response-" + slug(resp.Rater) + ".json"
	eff := []Effect{Persist{}, Download{Name: r.fileName, Type: "application/json", Data: r.file}}
	if a.cfg.ParentOrigin != "" {
		msg, err := json.Marshal(struct {
			Type     string             `json:"type"`
			Rubric   string             `json:"rubric"`
			Code     string             `json:"code"`
			Response readiness.Response `json:"response"`
		}{"partnerkit.readiness.response", rb.ID, code, resp})
		if err == nil {
			eff = append(eff, Post{Origin: a.cfg.ParentOrigin, Data: string(msg)})
			r.posted = true
		}
	}
	return append(eff, Focus{ID: "pk-code"})
}

func firstOr(s, def string) string {
	if s != "" {
		return s
	}
	return def
}

// slugLen is the longest a slug is; longer names end at the last whole word
// that fits.
const slugLen = 40

// slug turns a name into a file-name part.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() > slugLen {
			break
		}
	}
	out := b.String()
	if len(out) > slugLen {
		cut := strings.LastIndexByte(out[:slugLen+1], '-')
		if cut <= 0 {
			cut = slugLen
		}
		out = out[:cut]
	}
	out = strings.Trim(out, "-")
	if out == "" {
		return "rater"
	}
	return out
}

// levelID is the id of the radio button for a level of the i-th category.
func levelID(i, v int) string { return fmt.Sprintf("pk-level-%d-%d", i, v) }

func (a *App) viewRate() *Node {
	r := &a.rate
	rb := a.rubric()
	if r.code != "" {
		return a.viewSubmitted()
	}
	levels := rb.Scale.Levels
	// Highest level first, as raters read from agreement down to concern.
	desc := make([]*Node, 0, 2*len(levels))
	for i := len(levels) - 1; i >= 0; i-- {
		l := levels[i]
		desc = append(desc, El("dt", levelName(l)), El("dd", l.Descriptor))
	}
	teams := a.sides()
	teamRadios := make([]*Node, len(teams))
	for i, t := range teams {
		id := "pk-team-" + strconv.Itoa(i)
		in := El("input", ID(id), A("type", "radio"), A("name", "pk-team"), A("value", t.name), On("change", "rate.team"))
		if s, ok := a.sideOf(r.team); ok && s.name == t.name || r.team == t.name {
			in.Attrs = append(in.Attrs, A("checked", ""))
		}
		teamRadios[i] = El("label", Key(t.name), Class("pk-choice"), A("for", id), in, El("span", t.label))
	}
	cats := make([]*Node, len(rb.Categories))
	for i, c := range rb.Categories {
		cats[i] = a.viewCategory(i, c, levels)
	}
	var problems *Node
	if len(r.problems) > 0 {
		lis := make([]*Node, len(r.problems))
		for i, p := range r.problems {
			lis[i] = El("li", p)
		}
		problems = El("div", ID("pk-rate-problems"), A("tabindex", "-1"), Class("pk-notice pk-notice-problem"), A("role", "alert"),
			El("p", "Your ratings are not sent yet:"), El("ul", lis))
	}
	var blank *Node
	if !a.cfg.Embed {
		blank = El("div", Class("pk-noprint"),
			El("p", Class("pk-hint"), "Rating on paper instead? Print one blank form for each member of the team; the facilitator types the ratings in afterwards."),
			blankButtons(blankRubric, "rating form"))
	}
	nameAttrs := []Attr{ID("pk-rater"), A("type", "text"), A("autocomplete", "name"), A("maxlength", "200"), A("value", r.name), On("input", "rate.name")}
	return El("section", A("aria-labelledby", "pk-rate-h"),
		El("h2", ID("pk-rate-h"), rb.Title),
		El("p", "Rate each area on your own, from what you know after the first conversations between the district and the partner. Your team then averages the ratings and talks through the concerns. There is no pass mark: the ratings only show what to discuss."),
		a.viewHowItWorks(),
		blank,
		El("form", ID("pk-rate-form"), On("submit", "rate.submit"), A("novalidate", ""), A("aria-describedby", "pk-rate-h"),
			El("fieldset", El("legend", "Your team"), teamRadios),
			El("label", A("for", "pk-rater"), "Your name"),
			El("input", nameAttrs),
			El("details", Class("pk-scale"),
				El("summary", "What the ratings mean"),
				El("dl", desc)),
			cats,
			problems,
			El("div", Class("pk-actions"), El("button", A("type", "submit"), ID("pk-submit"), "Submit my ratings")),
		),
	)
}

// levelName is "4 – Agreement on all items", or the bare value.
func levelName(l readiness.Level) string {
	if l.Label == "" {
		return strconv.Itoa(l.Value)
	}
	return strconv.Itoa(l.Value) + " – " + l.Label
}

func (a *App) viewCategory(i int, c readiness.Category, levels []readiness.Level) *Node {
	r := &a.rate
	hid := fmt.Sprintf("pk-cat-%d-h", i)
	var items *Node
	if len(c.Items) > 0 {
		lis := make([]*Node, len(c.Items))
		for j, it := range c.Items {
			lis[j] = El("li", it.Text)
		}
		items = El("div", Class("pk-items"), El("p", "Think about these items:"), El("ul", lis))
	}
	radios := make([]*Node, 0, len(levels))
	for k := len(levels) - 1; k >= 0; k-- {
		l := levels[k]
		id := levelID(i, l.Value)
		in := El("input", ID(id), A("type", "radio"), A("name", fmt.Sprintf("pk-level-%d", i)), A("value", strconv.Itoa(l.Value)),
			On("change", "rate.level"), Arg(c.ID))
		if v, ok := r.ratings[c.ID]; ok && v == l.Value {
			in.Attrs = append(in.Attrs, A("checked", ""))
		}
		radios = append(radios, El("div", Key(id), Class("pk-choice"), in,
			El("label", A("for", id), El("span", levelName(l)), El("span", Class("pk-hint"), " "+l.Descriptor))))
	}
	cid := fmt.Sprintf("pk-concern-%d", i)
	return El("section", Key("cat-"+c.ID), Class("pk-category"), A("aria-labelledby", hid),
		El("h3", ID(hid), fmt.Sprintf("%d. %s", i+1, c.Title)),
		items,
		El("fieldset", El("legend", "Your rating for "+c.Title), radios),
		El("label", A("for", cid), "Areas of concern about "+c.Title+" (optional)"),
		El("textarea", ID(cid), A("rows", "3"), A("maxlength", "5000"), On("input", "rate.concern"), Arg(c.ID), A("value", r.concerns[c.ID])),
	)
}

func (a *App) viewSubmitted() *Node {
	r := &a.rate
	var posted *Node
	if r.posted {
		posted = El("p", "Your response was also handed to the site this form is part of ("+a.cfg.ParentOrigin+").")
	}
	return El("section", A("aria-labelledby", "pk-done-h"),
		El("h2", ID("pk-done-h"), "Thank you, "+strings.TrimSpace(r.name)),
		El("p", "Your ratings are ready to send. Nothing has been sent for you: send the code below, or the response file your browser downloaded, to the person who gathers your team's ratings (by email or chat, as you prefer)."),
		posted,
		El("label", A("for", "pk-code"), "Your response code"),
		El("textarea", ID("pk-code"), Class("pk-code"), A("readonly", ""), A("rows", "5"), A("value", r.code)),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), On("click", "rate.copy"), "Copy the code"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "rate.download"), "Download the response file again"),
			El("button", A("type", "button"), Class("pk-secondary"), On("click", "rate.new"), "Start a new response"),
		),
	)
}

// viewHowItWorks explains a round in three steps; the embedded rubric leaves
// that to the site around it.
func (a *App) viewHowItWorks() *Node {
	if a.cfg.Embed {
		return nil
	}
	return El("details", Class("pk-noprint"),
		El("summary", "How a readiness round works"),
		El("ol",
			El("li", "Each member of the district's leadership team and of the partner's leadership team rates on their own, here or on their own computer, and sends the code they get to the person who gathers the ratings."),
			El("li", "That person opens Gather and summarize, pastes the codes (or opens the response files, or imports a Google Forms or Microsoft Forms export) and sees each team's averages, how far apart the ratings are, and the concerns."),
			El("li", "Each team meets to talk through its concerns, then the two teams meet. The ratings inform the decision; they do not make it."),
		),
		El("p", "Everything stays on the computer it was typed on. To move your data, use Your data to download it as a file."),
	)
}
