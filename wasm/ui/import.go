package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/internal/sheet"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// The imports of spreadsheets (a survey export in "Gather and summarise",
// an initiative inventory in the partnership) show their plan before
// anything is added: what each column gives, the first rows as read, what
// would be added, and every problem. The facilitator changes a column's
// role, or how the file is read, and adds only when nothing is left to fix.

// importAccept is what the file pickers of the imports offer: every file
// internal/sheet reads. The content decides, not the name.
const importAccept = ".csv,.tsv,.txt,.xlsx,.zip,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip"

// previewRows is how many rows of a file the previews show.
const previewRows = 5

// sheetImport is what both imports keep of the file being checked.
type sheetImport struct {
	name string
	data []byte
	opts partnership.SheetOptions
}

// readAs returns the file to be read again with one option changed: its
// "encoding", its "delimiter" or its "sheet".
func (si sheetImport) readAs(option, value string) sheetImport {
	switch option {
	case "encoding":
		si.opts.Encoding = value
	case "delimiter":
		si.opts.Delimiter = value
	default:
		si.opts.Sheet = value
	}
	return si
}

// choice is what a column of a preview was last chosen to give.
type choice struct {
	col   int
	value string
}

// choices are a preview's choices, the latest last. The plan is made again
// from the file's own at every choice, so that what a keyboard user passes
// through on the way to a column's role (every arrow key changes a select)
// takes nothing from the columns that have it: only the choice a column is
// left with moves a role from another.
type choices []choice

// with returns the choices with col's replaced by value, as the latest.
func (cs choices) with(col int, value string) choices {
	out := slices.DeleteFunc(slices.Clone(cs), func(c choice) bool { return c.col == col })
	return append(out, choice{col, value})
}

// surveyImport is a survey export being checked before its responses are
// added to a round.
type surveyImport struct {
	sheetImport
	rb        readiness.Rubric // the rubric it is read with
	ex        *readiness.Export
	read      []readiness.Column // the columns as the file was read, before any choice
	chosen    choices
	responses []readiness.Response
	problems  []partnership.Problem
	preview   []readiness.PreviewRow
	adds      *readiness.Report // what would be added, by team
	checking  bool              // being read again after a choice
}

// choose gives column col the role value ("rating:metrics"), on the plan as
// read with the earlier choices of the other columns; it reports whether the
// choice is one.
func (s *surveyImport) choose(col int, value string) bool {
	chosen := s.chosen.with(col, value)
	plan := s.ex.Plan
	plan.Columns = slices.Clone(s.read)
	for _, c := range chosen {
		role, cat, _ := strings.Cut(c.value, ":")
		if role == string(readiness.RoleRating) || role == string(readiness.RoleConcern) {
			if _, _, ok := s.rb.Category(cat); !ok {
				return false
			}
		}
		if plan.SetRole(c.col, readiness.Role(role), cat) != nil {
			return false
		}
	}
	s.ex.Plan.Columns, s.chosen = plan.Columns, chosen
	return true
}

// refresh reads the export again as its plan now says.
func (s *surveyImport) refresh() {
	s.responses, s.problems, s.adds = nil, nil, nil
	rs, err := s.ex.Responses()
	if err != nil {
		s.problems = partnership.ProblemsOf(err)
	} else {
		s.responses = rs
		if rep, err := readiness.Summarize(s.rb, rs); err == nil {
			s.adds = &rep
		}
	}
	s.preview = s.ex.Preview(previewRows)
}

// checkSurvey reads the export again as its plan now says, in a slice of
// its own when the file is big: until then the preview offers nothing to
// add.
func (a *App) checkSurvey() []Effect {
	s := a.fac.imp
	s.responses, s.problems, s.adds, s.checking = nil, nil, nil, true
	return a.runTask(&task{home: "pk-csv", phases: []phase{{
		line: func() string { return fmt.Sprintf("Checking %s responses…", schema.Thousands(s.ex.Len())) },
		run: func(*task) bool {
			s.refresh()
			s.checking = false
			return true
		},
	}}}, len(s.data))
}

// importRubric is the rubric responses are read with: the chosen round's,
// or the page's own, or the ODST rubric.
func (a *App) importRubric() readiness.Rubric {
	if r := a.currentRound(); r != nil {
		return r.RubricOrODST()
	}
	if a.custom != nil {
		return *a.custom
	}
	return readiness.ODST()
}

// openSurvey reads a survey export for its preview; nothing is added.
func (a *App) openSurvey(files []File) []Effect {
	if len(files) == 0 {
		return nil
	}
	f := files[0]
	if f.Err != "" {
		a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("%q could not be read: %s", f.Name, f.Err)})
		return nil
	}
	if len(files) > 1 {
		a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("Import one survey export at a time: %q is shown below; import the others after it.", f.Name)})
	}
	return a.reopenSurvey(sheetImport{name: f.Name, data: f.Data})
}

// reopenSurvey reads the file as its options say, keeping nothing of an
// earlier plan.
func (a *App) reopenSurvey(si sheetImport) []Effect {
	rb := a.importRubric()
	var s *surveyImport
	return a.readSheet(si, "a survey export", "pk-csv", "pk-exp-h", func() error {
		ex, err := readiness.OpenExport(bytes.NewReader(si.data), rb, si.opts)
		if err != nil {
			a.fac.imp = nil
			return err
		}
		s = &surveyImport{sheetImport: si, rb: rb, ex: ex, read: slices.Clone(ex.Plan.Columns)}
		return nil
	}, func() string {
		return fmt.Sprintf("Checking %s responses…", schema.Thousands(s.ex.Len()))
	}, func() {
		s.refresh()
		a.fac.imp = s
	})
}

// readSheet reads a spreadsheet for the preview of an import, in two
// slices when it is big: open reads its rows (an error keeps the file from
// the preview, and is said: the file is not kind), then check, as checking says, checks them
// and shows the preview, whose heading takes the focus. The focus goes
// back to the file input home when the file cannot be read.
func (a *App) readSheet(si sheetImport, kind, home, heading string, open func() error, checking func() string, check func()) []Effect {
	return a.runTask(&task{home: home, then: []Effect{Focus{ID: heading}}, phases: []phase{{
		line: steady(fmt.Sprintf("Reading the rows of %q…", si.name)),
		run: func(t *task) bool {
			if err := open(); err != nil {
				a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("Nothing was added: %q is not %s partnerkit can read.", si.name, kind),
					Details: problemLines(err)})
				t.stop(Focus{ID: home})
			}
			return true
		},
	}, {
		line: checking,
		run: func(*task) bool {
			check()
			return true
		},
	}}}, len(si.data))
}

// handleSurveyImport handles the preview's events.
func (a *App) handleSurveyImport(ev Event) ([]Effect, bool) {
	s := a.fac.imp
	switch ev.Action {
	case "fac.csv":
		return a.openSurvey(ev.Files), true
	case "exp.role", "exp.encoding", "exp.delimiter", "exp.sheet", "exp.team", "exp.unrated", "exp.add", "exp.cancel":
	default:
		return nil, false
	}
	if s == nil {
		return nil, true
	}
	switch ev.Action {
	case "exp.role":
		if j, err := strconv.Atoi(ev.Arg); err == nil && s.choose(j, ev.Value) {
			return a.checkSurvey(), true
		}
	case "exp.encoding", "exp.delimiter", "exp.sheet":
		return a.reopenSurvey(s.readAs(strings.TrimPrefix(ev.Action, "exp."), ev.Value)), true
	case "exp.team":
		s.ex.Plan.Team = ev.Value
		return a.checkSurvey(), true
	case "exp.unrated":
		if i := slices.Index(s.ex.Plan.Unrated, ev.Arg); i >= 0 {
			s.ex.Plan.Unrated = slices.Delete(s.ex.Plan.Unrated, i, i+1)
		} else if _, _, ok := s.rb.Category(ev.Arg); ok {
			s.ex.Plan.Unrated = append(s.ex.Plan.Unrated, ev.Arg)
		}
		return a.checkSurvey(), true
	case "exp.cancel":
		a.cancelTask(false)
		a.fac.imp = nil
		return []Effect{Focus{ID: "pk-csv"}}, true
	case "exp.add":
		if s.checking || len(s.problems) > 0 || len(s.responses) == 0 {
			return []Effect{Focus{ID: "pk-exp-problems"}}, true
		}
		return a.addAll(s.responses, func(i int) string { return fmt.Sprintf("%s, response %d", s.name, i+1) },
			"responses of the export", "pk-exp-add", func() { a.fac.imp = nil }), true
	}
	return nil, true
}

// viewSurveyImport draws the preview of the export being checked.
func (a *App) viewSurveyImport() *Node {
	s := a.fac.imp
	if s == nil {
		return nil
	}
	rb := s.rb
	plan := &s.ex.Plan
	how := "Read as " + plan.Source.File
	if plan.Tool != "" {
		how += ", laid out as " + plan.Tool + " exports it"
	}
	how += ". Check what each column gives; nothing is added until you choose to add the responses."

	cols := make([]*Node, len(plan.Columns))
	for j, c := range plan.Columns {
		value := string(c.Role)
		if c.Category != "" {
			value += ":" + c.Category
		}
		opts := []*Node{optionNode("", readiness.RoleNone.Label(), value)}
		for _, r := range readiness.Roles()[1:] {
			if r == readiness.RoleRating || r == readiness.RoleConcern {
				continue
			}
			opts = append(opts, optionNode(string(r), r.Label(), value))
		}
		for _, r := range []readiness.Role{readiness.RoleRating, readiness.RoleConcern} {
			for _, cat := range rb.Categories {
				v := string(r) + ":" + cat.ID
				opts = append(opts, optionNode(v, r.Label()+": "+cat.Title, value))
			}
		}
		id := "pk-exp-role-" + strconv.Itoa(j)
		cols[j] = El("tr", Key("col-"+strconv.Itoa(j)),
			El("th", A("scope", "row"), c.Letter),
			El("td", named(c.Header, "(no header)")),
			El("td", El("select", ID(id), A("aria-label", "What column "+c.Letter+" gives"), On("change", "exp.role"), Arg(strconv.Itoa(j)), opts)),
			El("td", Class("pk-hint"), sentence(c.Note)))
	}

	var extra []*Node
	if t := s.sourceChoices(plan.Source, "pk-exp", "exp"); t != nil {
		extra = append(extra, t)
	}
	hasTeam := slices.ContainsFunc(plan.Columns, func(c readiness.Column) bool { return c.Role == readiness.RoleTeam })
	if !hasTeam || plan.Team != "" {
		extra = append(extra, El("div", Key("team"),
			El("label", A("for", "pk-exp-team"), "Team of every response, for an export without a team column"),
			El("input", ID("pk-exp-team"), A("type", "text"), A("maxlength", "200"), A("value", plan.Team), On("input", "exp.team"))))
	}
	for _, cat := range rb.Categories {
		rated := slices.ContainsFunc(plan.Columns, func(c readiness.Column) bool { return c.Role == readiness.RoleRating && c.Category == cat.ID })
		left := slices.Contains(plan.Unrated, cat.ID)
		if rated && !left {
			continue
		}
		id := "pk-exp-unrated-" + cat.ID
		box := El("input", ID(id), A("type", "checkbox"), On("change", "exp.unrated"), Arg(cat.ID))
		if left {
			box.Attrs = append(box.Attrs, A("checked", ""))
		}
		extra = append(extra, El("div", Key("unrated-"+cat.ID), Class("pk-check"), box,
			El("label", A("for", id), fmt.Sprintf("The survey did not ask about %q: leave it unrated", cat.Title))))
	}

	return El("section", ID("pk-exp"), Class("pk-import pk-noprint"), A("aria-labelledby", "pk-exp-h"),
		El("h3", ID("pk-exp-h"), A("tabindex", "-1"), fmt.Sprintf("Check the import of %q", s.name)),
		El("p", how),
		El("table", ID("pk-exp-columns"),
			El("caption", "What each column gives"),
			El("thead", El("tr", El("th", A("scope", "col"), "Column"), El("th", A("scope", "col"), "Header"),
				El("th", A("scope", "col"), "Gives"), El("th", A("scope", "col"), "Why"))),
			El("tbody", cols)),
		extra,
		a.viewSurveyRows(s, rb),
		viewWouldAdd(s, rb),
		viewImportProblems("pk-exp-problems", s.problems, "responses"),
		El("div", Class("pk-actions"), addOrNot(s.problems, len(s.responses), "pk-exp-add", "exp.add",
			fmt.Sprintf("Add %s to %s", plural(len(s.responses), "response", "responses"), a.roundLabel())),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-exp-cancel"), On("click", "exp.cancel"), "Cancel the import")),
	)
}

// roundLabel names the round the responses would go to.
func (a *App) roundLabel() string {
	if r := a.currentRound(); r != nil {
		return strconv.Quote(r.Title)
	}
	return "a new round"
}

func optionNode(value, label, selected string) *Node {
	o := El("option", A("value", value), label)
	if value == selected {
		o.Attrs = append(o.Attrs, A("selected", ""))
	}
	return o
}

// sentence makes a note a sentence: its first letter upper case, a full stop.
func sentence(s string) string {
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// sourceChoices offers to read the file another way: its characters and
// separator (text), or its sheet (a workbook or .zip of several).
func (si *sheetImport) sourceChoices(src partnership.SheetSource, idPrefix, action string) *Node {
	var parts []*Node
	if src.Encoding != "" {
		var opts []*Node
		for _, e := range sheet.Encodings() {
			opts = append(opts, optionNode(string(e), e.Describe(), src.Encoding))
		}
		var delims []*Node
		for _, d := range []string{",", ";", "\t"} {
			delims = append(delims, optionNode(d, strings.TrimPrefix(sheet.DelimiterName(rune(d[0])), "separated by "), src.Delimiter))
		}
		parts = append(parts,
			El("div", El("label", A("for", idPrefix+"-encoding"), "The text's characters (change them if names look wrong)"),
				El("select", ID(idPrefix+"-encoding"), On("change", action+".encoding"), opts)),
			El("div", El("label", A("for", idPrefix+"-delimiter"), "Cells separated by"),
				El("select", ID(idPrefix+"-delimiter"), On("change", action+".delimiter"), delims)))
	}
	if len(src.Sheets) > 1 {
		var opts []*Node
		for _, name := range src.Sheets {
			opts = append(opts, optionNode(name, name, src.Sheet))
		}
		parts = append(parts, El("div", El("label", A("for", idPrefix+"-sheet"), "Sheet"),
			El("select", ID(idPrefix+"-sheet"), On("change", action+".sheet"), opts)))
	}
	if len(parts) == 0 {
		return nil
	}
	return El("div", Key("source"), Class("pk-import-source"), parts)
}

// viewSurveyRows shows the first rows as the plan reads them.
func (a *App) viewSurveyRows(s *surveyImport, rb readiness.Rubric) *Node {
	if len(s.preview) == 0 {
		return nil
	}
	head := []*Node{El("th", A("scope", "col"), "Row"), El("th", A("scope", "col"), "Rater"), El("th", A("scope", "col"), "Team")}
	for _, c := range rb.Categories {
		head = append(head, El("th", A("scope", "col"), c.Title))
	}
	head = append(head, El("th", A("scope", "col"), "Concerns"), El("th", A("scope", "col"), "Problems"))
	rows := make([]*Node, len(s.preview))
	for i, pr := range s.preview {
		cells := []*Node{El("th", A("scope", "row"), strconv.Itoa(pr.Row)), El("td", pr.Response.Rater), El("td", pr.Response.Team)}
		for _, c := range rb.Categories {
			v := "–"
			if n, ok := pr.Response.Ratings[c.ID]; ok {
				v = strconv.Itoa(n)
			}
			cells = append(cells, El("td", v))
		}
		cells = append(cells, El("td", strconv.Itoa(len(pr.Response.Concerns))))
		problems := "none"
		if len(pr.Problems) > 0 {
			problems = plural(len(pr.Problems), "problem", "problems") + ", listed below"
		}
		rows[i] = El("tr", Key("row-"+strconv.Itoa(pr.Row)), cells, El("td", problems))
	}
	return El("div", Key("rows"), Class("pk-table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "The first rows as read"),
		El("table", ID("pk-exp-rows"),
			El("caption", fmt.Sprintf("The first %s of %d, as read", plural(len(s.preview), "row", "rows"), s.ex.Len())),
			El("thead", El("tr", head)),
			El("tbody", rows)))
}

// viewWouldAdd shows what the import would add: per team, the number of
// responses and each area's average and number of ratings.
func viewWouldAdd(s *surveyImport, rb readiness.Rubric) *Node {
	rep := s.adds
	if rep == nil {
		return nil
	}
	head := []*Node{El("th", A("scope", "col"), "Team"), El("th", A("scope", "col"), "Responses")}
	for _, c := range rb.Categories {
		head = append(head, El("th", A("scope", "col"), c.Title))
	}
	rows := make([]*Node, len(rep.Teams))
	for i, t := range rep.Teams {
		cells := []*Node{El("th", A("scope", "row"), t.Team), El("td", schema.Thousands(t.Raters))}
		for _, c := range t.Categories {
			v := "not rated"
			if c.N > 0 {
				v = fmt.Sprintf("%s (%s)", readiness.FormatMean(c.Mean), plural(c.N, "rating", "ratings"))
			}
			cells = append(cells, El("td", v))
		}
		rows[i] = El("tr", Key("team-"+t.Team), cells)
	}
	return El("table", ID("pk-exp-adds"), Key("adds"),
		El("caption", "What would be added: average rating by team and area"),
		El("thead", El("tr", head)),
		El("tbody", rows))
}

// viewImportProblems lists the problems that keep an import from adding
// anything, each with its row and column.
func viewImportProblems(id string, ps []partnership.Problem, what string) *Node {
	if len(ps) == 0 {
		return nil
	}
	items := make([]*Node, 0, min(len(ps), maxListed)+1)
	for i, p := range ps {
		if i == maxListed {
			items = append(items, El("li", Key("more"), "and "+schema.Thousands(len(ps)-maxListed)+" more"))
			break
		}
		items = append(items, El("li", Key(strconv.Itoa(i)), problemText(p)))
	}
	return El("div", ID(id), Class("pk-notice pk-notice-problem"), A("tabindex", "-1"),
		El("p", fmt.Sprintf("%s to fix before the %s can be added (nothing is added until then):", plural(len(ps), "problem", "problems"), what)),
		El("ul", items))
}

// addOrNot is the button that adds what an import read, when it read
// everything exactly.
func addOrNot(ps []partnership.Problem, n int, id, action, label string) *Node {
	if len(ps) > 0 || n == 0 {
		return nil
	}
	return El("button", A("type", "button"), ID(id), On("click", action), label)
}

// problemText writes a problem of a spreadsheet as the page shows it:
// `Row 4, column C ("Your name"): ...`.
func problemText(p partnership.Problem) string {
	if p.Path != "" {
		return p.Message // a spreadsheet's problems have no JSON path
	}
	return sentence(p.String())
}

// inventoryImport is an initiative inventory being checked before its
// initiatives are added to the partnership.
type inventoryImport struct {
	sheetImport
	inv         *partnership.Inventory
	read        []partnership.InventoryColumn // as the file was read, before any choice
	chosen      choices
	initiatives []partnership.Initiative
	problems    []partnership.Problem
}

// choose gives column col the field value, as surveyImport.choose does.
func (s *inventoryImport) choose(col int, value string) bool {
	cols, chosen, ok := chooseField(s.read, s.chosen, col, value, partnership.InventoryFields())
	if ok {
		s.inv.Plan.Columns, s.chosen = cols, chosen
	}
	return ok
}

// chooseField gives column col the field value on the columns as read
// with the earlier choices of the other columns, as surveyImport.choose
// does; it reports false, and changes nothing, when a choice is none of
// fields.
func chooseField[F sheet.Field](read []sheet.Column[F], chosen choices, col int, value string, fields []F) ([]sheet.Column[F], choices, bool) {
	chosen = chosen.with(col, value)
	cols := slices.Clone(read)
	for _, c := range chosen {
		if sheet.SetField(cols, c.col, F(c.value), fields, "the sheet") != nil {
			return nil, nil, false
		}
	}
	return cols, chosen, true
}

func (s *inventoryImport) refresh() {
	s.initiatives, s.problems = nil, nil
	in, err := s.inv.Initiatives()
	if err != nil {
		s.problems = partnership.ProblemsOf(err)
		return
	}
	s.initiatives = in
}

// importAdded is what the last import of a spreadsheet added, for Undo: the
// file's name and the ids of the records it added.
type importAdded struct {
	name string
	ids  map[string]bool
}

// addedFrom notes the records an import of the file name adds.
func addedFrom[T any](name string, records []T, id func(T) string) *importAdded {
	a := &importAdded{name: name, ids: make(map[string]bool, len(records))}
	for _, r := range records {
		a.ids[id(r)] = true
	}
	return a
}

// takeOut removes from list the records the import added, and says how
// many it removed; a set of ids keeps Undo linear in a large import.
func takeOut[T any](a *importAdded, list []T, id func(T) string) ([]T, int) {
	n := len(list)
	list = slices.DeleteFunc(list, func(r T) bool { return a.ids[id(r)] })
	return list, n - len(list)
}

// handleInventoryImport handles the inventory's import and its template.
func (a *App) handleInventoryImport(ev Event) []Effect {
	p := a.ws.Partnership
	if p == nil {
		return nil
	}
	e := &a.part
	switch ev.Action {
	case "part.inv.template":
		var buf bytes.Buffer
		name, typ := "initiatives-template.csv", "text/csv"
		err := partnership.WriteInventoryTemplate(&buf, p)
		if ev.Arg == "xlsx" {
			buf.Reset()
			name, typ = "initiatives-template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			err = partnership.WriteInventoryTemplateXLSX(&buf, p)
		}
		if err != nil {
			a.problem("The template could not be made.", err)
			return nil
		}
		return []Effect{Download{Name: name, Type: typ, Data: buf.Bytes()}}
	case "part.inv.file":
		if len(ev.Files) == 0 {
			return nil
		}
		f := ev.Files[0]
		if f.Err != "" {
			a.notify(Notice{Kind: "problem", Text: fmt.Sprintf("%q could not be read: %s", f.Name, f.Err)})
			return nil
		}
		return a.reopenInventory(sheetImport{name: f.Name, data: f.Data})
	case "part.inv.undo":
		if e.added == nil {
			return nil
		}
		var n int
		p.Initiatives, n = takeOut(e.added, p.Initiatives, func(x partnership.Initiative) string { return x.ID })
		a.notify(Notice{Kind: "ok", Text: fmt.Sprintf("Took out the %s added from %q.", plural(n, "initiative", "initiatives"), e.added.name)})
		e.added, e.opened, e.checked = nil, false, false
		return []Effect{Persist{}, Focus{ID: "pk-inv-file"}}
	}
	s := e.inv
	if s == nil {
		return nil
	}
	switch ev.Action {
	case "part.inv.field":
		if j, err := strconv.Atoi(ev.Arg); err == nil && s.choose(j, ev.Value) {
			s.refresh()
		}
	case "part.inv.owner":
		s.inv.Plan.Owner = ev.Value
		s.refresh()
	case "part.inv.encoding", "part.inv.delimiter", "part.inv.sheet":
		return a.reopenInventory(s.readAs(strings.TrimPrefix(ev.Action, "part.inv."), ev.Value))
	case "part.inv.cancel":
		e.inv = nil
		return []Effect{Focus{ID: "pk-inv-file"}}
	case "part.inv.add":
		if len(s.problems) > 0 || len(s.initiatives) == 0 {
			return []Effect{Focus{ID: "pk-inv-problems"}}
		}
		added := addedFrom(s.name, s.initiatives, func(x partnership.Initiative) string { return x.ID })
		p.Initiatives = append(p.Initiatives, s.initiatives...)
		a.notify(Notice{Kind: "ok", Text: fmt.Sprintf("Added %s from %q to the partnership.", plural(len(s.initiatives), "initiative", "initiatives"), s.name)})
		e.inv, e.added, e.checked = nil, added, false
		return []Effect{Persist{}, Focus{ID: "pk-part-initiatives"}, Later{Action: "part.settle", After: settleAfter}}
	}
	return nil
}

// reopenInventory reads the file as its options say, for its preview.
func (a *App) reopenInventory(si sheetImport) []Effect {
	var s *inventoryImport
	return a.readSheet(si, "a spreadsheet", "pk-inv-file", "pk-inv-h", func() error {
		inv, err := partnership.OpenInventory(bytes.NewReader(si.data), a.ws.Partnership, si.opts)
		if err != nil {
			a.part.inv = nil
			return err
		}
		s = &inventoryImport{sheetImport: si, inv: inv, read: slices.Clone(inv.Plan.Columns)}
		return nil
	}, steady("Checking the initiatives…"), func() {
		s.refresh()
		a.part.inv = s
	})
}

// viewInventoryImport draws the import of initiatives from a spreadsheet:
// the template, the file picker, and the preview of a file chosen.
func (a *App) viewInventoryImport(p *partnership.Partnership) *Node {
	var undo *Node
	if ad := a.part.added; ad != nil {
		undo = El("p", Key("inv-undo"), Class("pk-undo"), fmt.Sprintf("Added %s from %q. ", plural(len(ad.ids), "initiative", "initiatives"), ad.name),
			El("button", A("type", "button"), ID("pk-inv-undo"), Class("pk-secondary"), On("click", "part.inv.undo"), "Undo the import"))
	}
	return El("section", ID("pk-inv"), Class("pk-import pk-noprint"), A("aria-labelledby", "pk-inv-title"),
		El("h4", ID("pk-inv-title"), "Import initiatives from a spreadsheet"),
		El("p", Class("pk-hint"), "One row per initiative, or one row for each time it asks of an audience: its name, who runs it, the priorities it serves, the audience, the schools, the first and last day, and the hours a week. Start from the template: it has a column for each, and examples with your partnership's names to replace."),
		El("div", Class("pk-actions"),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-inv-template-xlsx"), On("click", "part.inv.template"), Arg("xlsx"), "Download a template (Excel)"),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-inv-template-csv"), On("click", "part.inv.template"), Arg("csv"), "Download a template (CSV)")),
		El("div", Class("pk-drop"), On("drop", "part.inv.file"),
			El("label", A("for", "pk-inv-file"), "Import the spreadsheet (choose it, or drop it here)"),
			El("input", ID("pk-inv-file"), A("type", "file"), A("accept", importAccept), On("change", "part.inv.file"))),
		undo,
		a.viewInventoryPreview(p),
	)
}

func (a *App) viewInventoryPreview(p *partnership.Partnership) *Node {
	s := a.part.inv
	if s == nil {
		return nil
	}
	plan := &s.inv.Plan
	var owner *Node
	hasOwner := slices.ContainsFunc(plan.Columns, func(c partnership.InventoryColumn) bool { return c.Field == partnership.FieldOwner })
	if !hasOwner || plan.Owner != "" {
		opts := []*Node{optionNode("", "(none: the sheet says it)", plan.Owner), optionNode(p.District.Name, p.District.Name+" (the district)", plan.Owner)}
		for _, x := range p.Partners {
			opts = append(opts, optionNode(x.Name, x.Name, plan.Owner))
		}
		owner = El("div", Key("owner"), El("label", A("for", "pk-inv-owner"), "Who runs every initiative, for a sheet without an owner column"),
			El("select", ID("pk-inv-owner"), On("change", "part.inv.owner"), opts))
	}
	return El("div", Key("inv-preview"),
		El("h4", ID("pk-inv-h"), A("tabindex", "-1"), fmt.Sprintf("Check the import of %q", s.name)),
		El("p", "Read as "+plan.Source.File+". Check what each column gives; nothing is added until you choose to add the initiatives."),
		s.sourceChoices(plan.Source, "pk-inv", "part.inv"),
		viewColumnFields("pk-inv", "part.inv.field", plan.Columns, partnership.InventoryFields()),
		owner,
		viewSheetRows("pk-inv-rows", s.inv.Rows(previewRows), s.inv.Len(), usedColumns(s.inv.Plan.Columns)),
		viewInitiativesAdded(p, s.initiatives),
		viewImportProblems("pk-inv-problems", s.problems, "initiatives"),
		El("div", Class("pk-actions"), addOrNot(s.problems, len(s.initiatives), "pk-inv-add", "part.inv.add",
			"Add "+plural(len(s.initiatives), "initiative", "initiatives")+" to the partnership"),
			El("button", A("type", "button"), Class("pk-secondary"), ID("pk-inv-cancel"), On("click", "part.inv.cancel"), "Cancel the import")),
	)
}

// sheetColumn is a column a preview shows the cells of, under the name of
// what it gives.
type sheetColumn struct {
	index int
	label string
}

// viewColumnFields is the table of a sheet's columns, each with the field
// it gives to choose (ids idPrefix-field-N) and why.
func viewColumnFields[F sheet.Field](idPrefix, action string, columns []sheet.Column[F], fields []F) *Node {
	rows := make([]*Node, len(columns))
	for j, c := range columns {
		var opts []*Node
		for _, f := range fields {
			opts = append(opts, optionNode(string(f), f.Label(), string(c.Field)))
		}
		rows[j] = El("tr", Key("col-"+strconv.Itoa(j)),
			El("th", A("scope", "row"), c.Letter),
			El("td", named(c.Header, "(no header)")),
			El("td", El("select", ID(idPrefix+"-field-"+strconv.Itoa(j)), A("aria-label", "What column "+c.Letter+" gives"), On("change", action), Arg(strconv.Itoa(j)), opts)),
			El("td", Class("pk-hint"), sentence(c.Note)))
	}
	return El("table", ID(idPrefix+"-columns"),
		El("caption", "What each column gives"),
		El("thead", El("tr", El("th", A("scope", "col"), "Column"), El("th", A("scope", "col"), "Header"),
			El("th", A("scope", "col"), "Gives"), El("th", A("scope", "col"), "Why"))),
		El("tbody", rows))
}

// usedColumns are the columns that give a field, for viewSheetRows.
func usedColumns[F sheet.Field](columns []sheet.Column[F]) []sheetColumn {
	var used []sheetColumn
	for _, c := range columns {
		if c.Field != "" {
			used = append(used, sheetColumn{c.Index, c.Field.Label()})
		}
	}
	return used
}

// viewSheetRows shows rows as a spreadsheet gives them (of total below its
// header), the cells of the used columns only, by their row numbers.
func viewSheetRows(id string, rows []partnership.SheetRow, total int, used []sheetColumn) *Node {
	if len(rows) == 0 {
		return nil
	}
	head := []*Node{El("th", A("scope", "col"), "Row")}
	for _, c := range used {
		head = append(head, El("th", A("scope", "col"), c.label))
	}
	body := make([]*Node, len(rows))
	for i, r := range rows {
		cells := []*Node{El("th", A("scope", "row"), strconv.Itoa(r.Row))}
		for _, c := range used {
			v := ""
			if c.index < len(r.Cells) {
				v = r.Cells[c.index]
			}
			cells = append(cells, El("td", v))
		}
		body[i] = El("tr", Key("row-"+strconv.Itoa(r.Row)), cells)
	}
	return El("div", Key("rows"), Class("pk-table-scroll"), A("tabindex", "0"), A("role", "region"), A("aria-label", "The first rows as read"),
		El("table", ID(id),
			El("caption", fmt.Sprintf("The first %s of %d, as the sheet gives them", plural(len(rows), "row", "rows"), total)),
			El("thead", El("tr", head)),
			El("tbody", body)))
}

// viewInitiativesAdded lists the initiatives an import would add, with
// the names the IDs stand for.
func viewInitiativesAdded(p *partnership.Partnership, in []partnership.Initiative) *Node {
	if len(in) == 0 {
		return nil
	}
	rows := make([]*Node, len(in))
	for i, x := range in {
		var prios []string
		for _, pr := range p.Priorities {
			if slices.Contains(x.Priorities, pr.ID) {
				prios = append(prios, pr.Title)
			}
		}
		var demands []*Node
		for k, d := range x.Demands {
			where := "all schools"
			if len(d.Schools) > 0 {
				var names []string
				for _, id := range d.Schools {
					sc, _ := p.School(id)
					names = append(names, sc.Name)
				}
				where = strings.Join(names, ", ")
			}
			demands = append(demands, El("li", Key(strconv.Itoa(k)), fmt.Sprintf("%s at %s, %s to %s, %s h a week",
				d.Audience, where, usDate(d.Start), usDate(d.End), sheet.FormatNumber(d.HoursPerWeek))))
		}
		var asks *Node = El("span", "none")
		if len(demands) > 0 {
			asks = El("ul", demands)
		}
		rows[i] = El("tr", Key("init-"+strconv.Itoa(i)),
			El("th", A("scope", "row"), x.Name), El("td", p.OrgName(x.Owner)), El("td", strings.Join(prios, "; ")), El("td", asks))
	}
	return El("table", ID("pk-inv-adds"), Key("adds"),
		El("caption", "What would be added"),
		El("thead", El("tr", El("th", A("scope", "col"), "Initiative"), El("th", A("scope", "col"), "Run by"),
			El("th", A("scope", "col"), "Priorities"), El("th", A("scope", "col"), "Time it asks"))),
		El("tbody", rows))
}

// usDate writes a YYYY-MM-DD date as US readers write it: "Sep 1, 2027".
func usDate(d partnership.Date) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	return t.Format("Jan 2, 2006")
}
