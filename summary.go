package partnerkit

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit/internal/words"
)

// term is how people call one place of the workspace: a kind of record
// (one and many) or a part (the). Headline terms are where a summary of
// changes names what changed; changes further down are named by the
// headline above them.
type term struct {
	one, many string
	the       string
	name      func(map[string]any) string
	headline  bool
}

func field(k string) func(map[string]any) string {
	return func(o map[string]any) string { return str(o[k]) }
}

// vocabulary names the places of the workspace file in plain words, by
// pattern (the JSON path with [] for every index). A list or part without an
// entry is named by the nearest one above it, and a record of a kind it does
// not know is an "entry": new lists merge and summarize without an entry,
// just less precisely.
var vocabulary = map[string]term{
	"":                                        {the: "other details of the workspace", headline: true},
	"partnership":                             {the: "the partnership", headline: true},
	"partnership.district":                    {the: "the district", headline: true},
	"partnership.partners[]":                  {one: "partner", many: "partners", name: field("name"), headline: true},
	"partnership.schools[]":                   {one: "school", many: "schools", name: field("name"), headline: true},
	"partnership.people[]":                    {one: "person", many: "people", name: field("name"), headline: true},
	"partnership.priorities[]":                {one: "strategic priority", many: "strategic priorities", name: field("title"), headline: true},
	"partnership.initiatives[]":               {one: "initiative", many: "initiatives", name: field("name"), headline: true},
	"partnership.initiatives[].demands[]":     {one: "time demand", many: "time demands", name: field("audience")},
	"partnership.capacity":                    {the: "the time people have", headline: true},
	"partnership.capacity[]":                  {one: "entry of the time people have", many: "entries of the time people have", name: field("audience")},
	"partnership.context":                     {the: "the answers about the four I's", headline: true},
	"partnership.context[]":                   {one: "organization's answers about the four I's", many: "organizations' answers about the four I's"},
	"readiness[]":                             {one: "readiness round", many: "readiness rounds", name: field("title"), headline: true},
	"readiness[].responses[]":                 {one: "readiness response", many: "readiness responses", name: field("rater")},
	"contract":                                {the: "the contract supplement", headline: true},
	"contract.schools":                        {the: "the contract's schools", headline: true},
	"contract.practices":                      {the: "the contract's practices", headline: true},
	"contract.appendix.priority":              {the: "the contract's strategic priority", headline: true},
	"contract.appendix.investment":            {the: "the contract's evidence of school-leader investment", headline: true},
	"contract.appendix.schedule":              {the: "the contract's schedule", headline: true},
	"contract.appendix.schedule.activities[]": {one: "scheduled activity", many: "scheduled activities", name: field("what")},
	"contract.appendix.contacts":              {the: "the contract's liaisons and managers", headline: true},
	"contract.appendix.measures":              {the: "the contract's success measures", headline: true},
	"contract.appendix.measures[]":            {one: "success measure", many: "success measures", name: field("name")},
	"contract.appendix.dataPlan":              {the: "the contract's data plan", headline: true},
	"contract.appendix.dataPlan.duties[]":     {one: "data responsibility", many: "data responsibilities", name: field("source")},
	"contract.appendix.meetings":              {the: "the contract's meeting plan", headline: true},
	"contract.session":                        {the: "the contract's drafting session", headline: true},
	"meetings[]":                              {one: "meeting", many: "meetings", name: meetingName, headline: true},
	"meetings[].actions[]":                    {one: "action", many: "actions", name: field("text")},
	"meetings[].attendees[]":                  {one: "attendee", many: "attendees", name: field("name")},
	"observations[]":                          {one: "recorded value", many: "recorded values", name: dated("date"), headline: true},
}

// unknownRecord names a record of a list the vocabulary does not know.
var unknownRecord = term{one: "entry", many: "entries"}

// meetingName names a meeting by its title and day: "Quarterly review of
// September 15, 2026".
func meetingName(o map[string]any) string {
	title := str(o["title"])
	t, err := time.Parse(time.RFC3339, str(o["start"]))
	if err != nil {
		return title
	}
	day := t.Format("January 2, 2006")
	if title == "" {
		return "of " + day
	}
	return title + " of " + day
}

// dated names a record by the day in its field k: "of July 13, 2017".
func dated(k string) func(map[string]any) string {
	return func(o map[string]any) string {
		t, err := time.Parse(time.DateOnly, str(o[k]))
		if err != nil {
			return ""
		}
		return "of " + t.Format("January 2, 2006")
	}
}

// place is where a value sits, for naming it: the chain of places from the
// top, each with its pattern and, for a record, its content.
type place struct {
	parent  *place
	key     string // the object key or "" for a record
	pattern string
	rec     map[string]any // a record's content (any side that has it)
	record  bool
}

func (p *place) child(key, pattern string) *place {
	return &place{parent: p, key: key, pattern: pattern}
}

func (p *place) item(pattern string, rec any) *place {
	o, _ := rec.(map[string]any)
	return &place{parent: p, pattern: pattern, rec: o, record: true}
}

// termOf returns the vocabulary's term for a pattern, and whether it has one.
func termOf(pattern string) (term, bool) {
	t, ok := vocabulary[pattern]
	return t, ok
}

// describe names the record or part at p: "the partner “Acme”", "a time
// demand of the initiative “Summer institute”", "the contract's schedule".
func (p *place) describe() string {
	if p.record {
		t, ok := termOf(p.pattern)
		if !ok {
			t = unknownRecord
		}
		name := ""
		if t.name != nil && p.rec != nil {
			name = short(t.name(p.rec))
		}
		var up *place
		if p.parent != nil {
			up = p.parent.recordAbove()
		}
		var d string
		switch {
		case strings.HasPrefix(name, "of "):
			d = "the " + t.one + " " + name
		case name != "":
			d = "the " + t.one + " “" + name + "”"
		case up != nil:
			d = article(t.one) + " " + t.one
		default:
			return article(t.one) + " " + t.one + " without a name"
		}
		if up != nil {
			d += " of " + up.describe()
		}
		return d
	}
	for q := p; q != nil; q = q.parent {
		if t, ok := termOf(q.pattern); ok && t.the != "" {
			return t.the
		}
		if q.record {
			return q.describe()
		}
	}
	return vocabulary[""].the
}

// recordAbove returns the nearest record at or above p.
func (p *place) recordAbove() *place {
	for q := p; q != nil; q = q.parent {
		if q.record {
			return q
		}
	}
	return nil
}

// headline returns the place at or above p that a summary names.
func (p *place) headline() *place {
	for q := p; q != nil; q = q.parent {
		if t, ok := termOf(q.pattern); ok && t.headline && (q.record || t.the != "") {
			return q
		}
	}
	return &place{}
}

// label names a value within its record or part: "the partner “Acme”:
// approach", "the meeting “Quarterly review of September 15, 2026”: section
// 2, question 1, notes".
func (p *place) label() string {
	var parts []string
	q := p
	for ; q != nil && !q.record; q = q.parent {
		if t, ok := termOf(q.pattern); ok && t.the != "" {
			break
		}
		if q.key != "" {
			parts = append(parts, keyWords(q.key))
		}
	}
	slices.Reverse(parts)
	// Number the items of plain lists: "sections", "[1]" make "section 2".
	var out []string
	for _, s := range parts {
		if n, err := strconv.Atoi(s); err == nil && len(out) > 0 {
			out[len(out)-1] = singular(out[len(out)-1]) + " " + strconv.Itoa(n+1)
			continue
		}
		out = append(out, s)
	}
	what := vocabulary[""].the
	if q != nil {
		what = q.describe()
	}
	if len(out) == 0 {
		return capitalize(what)
	}
	return capitalize(what) + ": " + strings.Join(out, ", ")
}

// fieldWords are the field names that plain splitting would not make plain.
var fieldWords = map[string]string{
	"contractRef":               "contract it belongs to",
	"hoursPerWeek":              "hours per week",
	"inPerson":                  "in person",
	"withinResources":           "within the district's resources",
	"withinBargainingAgreement": "within the bargaining agreement",
	"givenBy":                   "given by",
	"dataPlan":                  "data plan",
	"schoolLeaders":             "school leaders",
	"districtLiaison":           "district liaison",
	"partnerLiaison":            "partner liaison",
	"districtManager":           "district manager",
	"partnerManager":            "partner manager",
	"schoolLeader":              "school leader",
	"org":                       "organization",
	"person":                    "person",
	"id":                        "identity",
}

// keyWords turns a field name into words: "schoolYear" makes "school year".
func keyWords(key string) string {
	if w, ok := fieldWords[key]; ok {
		return w
	}
	if _, err := strconv.Atoi(key); err == nil {
		return key
	}
	var b strings.Builder
	for i, r := range key {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte(' ')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return strings.TrimSuffix(s, "ies") + "y"
	case strings.HasSuffix(s, "s"):
		return strings.TrimSuffix(s, "s")
	}
	return s
}

func article(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// short keeps a name to one line of about 40 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:39])) + "…"
}

// describePlace names a merge node's value for people.
func describePlace(n *node, s Side) string {
	var chain []*node
	for x := n; x != nil; x = x.parent {
		chain = append(chain, x)
	}
	slices.Reverse(chain)
	var p *place
	for _, x := range chain {
		if p == nil {
			p = &place{pattern: x.pattern}
			continue
		}
		if x.parent.kind == recordsNode {
			rec := x.side(s)
			for _, v := range []any{x.side(s.other()), x.b} {
				if _, ok := rec.(map[string]any); !ok {
					rec = v
				}
			}
			p = p.item(x.pattern, rec)
		} else {
			p = p.child(x.key, x.pattern)
		}
	}
	return p.label()
}

// ChangeKind says how a record or part changed.
type ChangeKind int

// The kinds of change.
const (
	Added ChangeKind = iota + 1
	Removed
	Changed
)

// Change is one difference between two versions of a workspace, in plain
// words.
type Change struct {
	Kind ChangeKind
	// What names the record or part: "the partner “Acme”", "the contract's
	// schedule".
	What string
	// One and Many name the kind of record added or removed ("action",
	// "actions"); empty for a part that changed.
	One, Many string
	// Path is the JSON path of the record or part, in the newer version
	// for what it added or changed and in the older for what it removed.
	Path string
}

// Changes lists what to holds that from does not: each record added or
// removed (a record inside one that is added or removed goes with it), and
// each record or part with changed values, named as a summary would name
// it (a changed action is a change of its meeting).
func Changes(from, to *Workspace) []Change {
	a, err1 := toTree(from)
	b, err2 := toTree(to)
	if err1 != nil || err2 != nil {
		return nil
	}
	for _, k := range metaKeys {
		delete(a, k)
		delete(b, k)
	}
	d := &differ{seen: map[string]bool{}}
	d.diff(a, b, &place{}, "", "", "")
	return d.out
}

type differ struct {
	out  []Change
	seen map[string]bool // the changed places already listed
}

func (d *differ) diff(a, b any, p *place, pattern, pathA, pathB string) {
	if equal(a, b) {
		return
	}
	ao, okA := a.(map[string]any)
	bo, okB := b.(map[string]any)
	if okA && okB {
		keys := make([]string, 0, len(ao)+len(bo))
		for k := range ao {
			keys = append(keys, k)
		}
		for k := range bo {
			if _, ok := ao[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			pat := joinKey(pattern, k)
			d.diff(get(ao, k), get(bo, k), p.child(k, pat), pat, joinKey(pathA, k), joinKey(pathB, k))
		}
		return
	}
	al, okA := a.([]any)
	bl, okB := b.([]any)
	if isAbsent(a) {
		al, okA = nil, okB
	}
	if isAbsent(b) {
		bl, okB = nil, okA
	}
	if okA && okB {
		if keyOf, _ := recordKey(pattern+"[]", al, bl); keyOf != nil {
			d.records(keyOf, al, bl, p, pattern+"[]", pathA, pathB)
			return
		}
	}
	d.changed(p, pathB)
}

func (d *differ) records(keyOf func(any) string, al, bl []any, p *place, pattern, pathA, pathB string) {
	ia := make(map[string]int, len(al))
	for i, e := range al {
		ia[keyOf(e)] = i
	}
	ib := make(map[string]int, len(bl))
	for i, e := range bl {
		ib[keyOf(e)] = i
	}
	t, ok := termOf(pattern)
	if !ok {
		t = unknownRecord
	}
	for j, e := range bl {
		at := pathB + "[" + strconv.Itoa(j) + "]"
		i, had := ia[keyOf(e)]
		if !had {
			d.out = append(d.out, Change{Kind: Added, What: p.item(pattern, e).describe(), One: t.one, Many: t.many, Path: at})
			continue
		}
		d.diff(al[i], e, p.item(pattern, e), pattern, pathA+"["+strconv.Itoa(i)+"]", at)
	}
	for i, e := range al {
		if _, kept := ib[keyOf(e)]; !kept {
			d.out = append(d.out, Change{Kind: Removed, What: p.item(pattern, e).describe(), One: t.one, Many: t.many, Path: pathA + "[" + strconv.Itoa(i) + "]"})
		}
	}
}

// changed notes a change of the value at p, under the place a summary names.
func (d *differ) changed(p *place, path string) {
	h := p.headline()
	what := h.describe()
	if d.seen[what] {
		return
	}
	d.seen[what] = true
	// The path of the headline: cut the value's path to the headline's depth.
	depth := 0
	for q := h; q.parent != nil; q = q.parent {
		depth++
	}
	d.out = append(d.out, Change{Kind: Changed, What: what, Path: cutPath(path, depth)})
}

// cutPath keeps the first n steps of a JSON path.
func cutPath(path string, n int) string {
	var b strings.Builder
	for i, seg := range splitPath(path) {
		if i == n {
			break
		}
		if seg.index >= 0 {
			b.WriteString("[" + strconv.Itoa(seg.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg.key)
	}
	return b.String()
}

// maxNamed is how many changed parts a summary names before it counts the
// rest.
const maxNamed = 3

// Summary says in one sentence what to holds that from does not, the way a
// person would: "adds 2 actions and 1 person, removes 1 school, and changes
// the contract's schedule and the partner “Acme”". It names no ids and no
// paths; it is empty when there is no difference. Put the subject in front:
// "Their copy " + Summary(mine, merged).
func Summary(from, to *Workspace) string {
	return summarize(Changes(from, to))
}

func summarize(cs []Change) string {
	count := func(kind ChangeKind) string {
		type group struct {
			one, many string
			n         int
		}
		var groups []*group
		for _, c := range cs {
			if c.Kind != kind {
				continue
			}
			i := slices.IndexFunc(groups, func(g *group) bool { return g.one == c.One })
			if i < 0 {
				groups = append(groups, &group{one: c.One, many: c.Many})
				i = len(groups) - 1
			}
			groups[i].n++
		}
		var parts []string
		for _, g := range groups {
			if g.n == 1 {
				parts = append(parts, "1 "+g.one)
			} else {
				parts = append(parts, fmt.Sprintf("%d %s", g.n, g.many))
			}
		}
		return words.JoinAnd(parts)
	}
	var named []string
	for _, c := range cs {
		if c.Kind == Changed {
			named = append(named, c.What)
		}
	}
	if len(named) > maxNamed+1 {
		rest := len(named) - maxNamed
		named = append(named[:maxNamed:maxNamed], fmt.Sprintf("%d other parts", rest))
	}
	var clauses []string
	if s := count(Added); s != "" {
		clauses = append(clauses, "adds "+s)
	}
	if s := count(Removed); s != "" {
		clauses = append(clauses, "removes "+s)
	}
	if len(named) > 0 {
		clauses = append(clauses, "changes "+words.JoinAnd(named))
	}
	if len(clauses) > 2 {
		return strings.Join(clauses[:len(clauses)-1], ", ") + ", and " + clauses[len(clauses)-1]
	}
	return strings.Join(clauses, " and ")
}
