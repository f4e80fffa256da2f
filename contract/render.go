package contract

import (
	"bytes"
	_ "embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/partnership"
)

//go:embed templates/supplement.md.tmpl
var markdownSource string

//go:embed templates/supplement.html.tmpl
var htmlSource string

//go:embed templates/supplement.txt.tmpl
var textSource string

// The templates are parsed once, on first use, and never changed after.
var (
	markdownTemplate = sync.OnceValue(func() *texttemplate.Template {
		return texttemplate.Must(texttemplate.New("md").Funcs(texttemplate.FuncMap{
			"md": escape.Markdown, "mdp": mdParagraphs, "inc": inc,
		}).Parse(markdownSource))
	})
	htmlTemplate = sync.OnceValue(func() *htmltemplate.Template {
		return htmltemplate.Must(htmltemplate.New("html").Funcs(htmltemplate.FuncMap{
			"paras": escape.Lines, "line": escape.Line, "inc": inc,
		}).Parse(htmlSource))
	})
	textTemplate = sync.OnceValue(func() *texttemplate.Template {
		return texttemplate.Must(texttemplate.New("txt").Funcs(texttemplate.FuncMap{
			"line": escape.Line, "wrap": wrap, "inc": inc, "upper": strings.ToUpper,
			"join": strings.Join, "agreement": agreementText,
			"colonRef": func(s string) string {
				if s = escape.Line(s); s != "" {
					return ": " + s
				}
				return ""
			}, "rule": func(s string) string { return strings.Repeat("=", len([]rune(s))) },
		}).Parse(textSource))
	})
)

// WriteMarkdown writes the supplement as a Markdown document: the agreement,
// the practices, the alignment appendix, the drafting session and lines for
// the signatures. Everything a user typed is escaped so that it shows as the
// same text and never becomes markup or a link. A draft is marked as such,
// with what it still lacks.
func (s *Supplement) WriteMarkdown(w io.Writer) error {
	return execute(w, "Markdown", func(b *bytes.Buffer) error { return markdownTemplate().Execute(b, s.view()) })
}

// WriteHTML writes the supplement as one self-contained HTML page, ready to
// print: no scripts, no external files, print styles with page breaks, and
// signature and date lines for both parties. Every value a user typed is
// HTML-escaped.
func (s *Supplement) WriteHTML(w io.Writer) error {
	return execute(w, "HTML", func(b *bytes.Buffer) error { return htmlTemplate().Execute(b, s.view()) })
}

// WriteText writes the supplement as plain text wrapped at 76 columns, for
// e-mail or a terminal. Control characters a user typed are left out.
func (s *Supplement) WriteText(w io.Writer) error {
	return execute(w, "text", func(b *bytes.Buffer) error { return textTemplate().Execute(b, s.view()) })
}

// execute renders into a buffer first, so a failed rendering writes nothing.
func execute(w io.Writer, what string, render func(*bytes.Buffer) error) error {
	var b bytes.Buffer
	if err := render(&b); err != nil {
		return fmt.Errorf("contract: rendering the %s document: %w", what, err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("contract: writing the %s document: %w", what, err)
	}
	return nil
}

// view is the supplement prepared for the templates. Its strings are raw
// user text; each template escapes them for its format.
type view struct {
	Title string
	// Stop ends the opening sentence: "." unless the last name already ends with one.
	Stop        string
	Form        string
	District    string
	Partner     string
	ContractRef string
	SchoolYear  string
	Schools     []string
	Agreement   []agreementPart
	Before      []practiceView
	At          []practiceView
	Items       []AppendixItem
	Priority    PriorityItem
	Investment  InvestmentItem
	Leaders     []string
	Activities  []activityView
	TotalHours  string
	Assurance   assuranceView
	Contacts    []contactView
	Measures    []measureView
	// Numbers is set when a measure has a baseline or a numeric target:
	// only then do the documents show the columns for them.
	Numbers     bool
	DataProcess string
	Duties      []dutyView
	Meetings    meetingView
	Session     sessionView
	Draft       bool
	Summary     string
	Missing     []missingView
	Parties     []string
}

// agreementPart is a piece of the agreement paragraph: fixed wording, or a
// name the user typed (Name true), which templates escape.
type agreementPart struct {
	Text string
	Name bool
}

type practiceView struct {
	Number   int
	Title    string
	Text     string
	Done     bool
	Evidence string
}

type activityView struct{ What, Who, When, Hours string }

type assuranceView struct {
	WithinResources, WithinBargaining bool
	GivenBy, Date, Notes              string
}

type contactView struct{ Role, Name string }

type measureView struct {
	Number                                 int
	ID, Name, Kind, Audience               string
	InterimTarget, InterimDue, FinalTarget string
	FinalDue                               string
	// Baseline ("52 teachers on 2017-07-13"), the way the measure should
	// move, and the numeric targets ("40 teachers"), each empty when not given.
	Baseline, Direction, InterimValue, FinalValue string
}

type dutyView struct{ Measure, Source, Provider, Reporter, Due string }

type meetingView struct {
	Cadence                            string
	Dates, Agenda                      []string
	Conflict, Improvement, Dissolution string
}

type sessionView struct {
	Date      string
	Minutes   string
	Attendees []string
}

type missingView struct{ Title, Message string }

// placeholderDistrict and placeholderPartner stand in for names not given yet.
const (
	placeholderDistrict = "[District name]"
	placeholderPartner  = "[Partner name]"
)

func orDefault(s, def string) string {
	if blank(s) {
		return def
	}
	return s
}

// contactText prints a contact as "Name, Title".
func contactText(c Contact) string {
	n := escape.Line(c.Label())
	if t := escape.Line(c.Title); t != "" && n != "" {
		return n + ", " + t
	}
	return n
}

func formatHours(h float64) string {
	if h == 0 {
		return ""
	}
	return strconv.FormatFloat(h, 'f', -1, 64)
}

func (s *Supplement) view() view {
	if s == nil {
		s = &Supplement{}
	}
	v := view{
		District:    orDefault(s.District.Name, placeholderDistrict),
		Partner:     orDefault(s.Partner.Name, placeholderPartner),
		ContractRef: s.ContractRef,
		SchoolYear:  s.SchoolYear,
		Items:       AppendixItems(),
		Priority:    s.Appendix.Priority,
		Investment:  s.Appendix.Investment,
		DataProcess: s.Appendix.DataPlan.Process,
	}
	v.Parties = []string{v.District, v.Partner}
	last := v.Partner
	if !blank(s.ContractRef) {
		last = s.ContractRef
	}
	v.Stop = "."
	if strings.HasSuffix(escape.Line(last), ".") {
		v.Stop = ""
	}
	v.Form = "An addendum to the contract"
	v.Title = "Contract Supplement"
	if s.Form == MOU {
		v.Form = "A memorandum of understanding accompanying the contract"
	}
	for _, sc := range s.Schools {
		v.Schools = append(v.Schools, sc.Name)
	}
	contract := "their contract"
	if !blank(s.ContractRef) {
		contract = ""
	}
	v.Agreement = []agreementPart{
		{Text: v.District, Name: true},
		{Text: " (the District) and "},
		{Text: v.Partner, Name: true},
		{Text: " (the Partner) adopt the Conditions and Habits of Successful Partnerships framework, from the Standards for Effective Partnerships of the Massachusetts Office of District and School Turnaround, as guidance for managing the work done under " + contract},
	}
	if contract == "" {
		v.Agreement = append(v.Agreement, agreementPart{Text: s.ContractRef, Name: true})
	}
	stop := "."
	if contract == "" && strings.HasSuffix(escape.Line(s.ContractRef), ".") {
		stop = ""
	}
	v.Agreement = append(v.Agreement, agreementPart{Text: stop + " This guidance is non-binding: it neither adds to nor changes any obligation of either party under the contract. In keeping with it, the parties affirm the practices below and record the details in the alignment appendix."})

	for _, p := range Practices() {
		r := s.Practices.Record(p.ID)
		pv := practiceView{Number: p.Number, Title: p.Title, Text: p.Text, Done: r.IsDone(), Evidence: r.Evidence}
		if p.When == BeforeWork {
			v.Before = append(v.Before, pv)
		} else {
			v.At = append(v.At, pv)
		}
	}
	for _, l := range s.Appendix.Investment.SchoolLeaders {
		v.Leaders = append(v.Leaders, contactText(l))
	}
	var total float64
	for _, a := range s.Appendix.Schedule.Activities {
		v.Activities = append(v.Activities, activityView{What: a.What, Who: a.Who, When: a.When, Hours: formatHours(a.Hours)})
		total += a.Hours
	}
	v.TotalHours = formatHours(total)
	as := s.Appendix.Schedule.Assurance
	v.Assurance = assuranceView{WithinResources: as.WithinResources, WithinBargaining: as.WithinBargainingAgreement, GivenBy: contactText(as.GivenBy), Date: string(as.Date), Notes: as.Notes}
	ct := s.Appendix.Contacts
	v.Contacts = []contactView{
		{"District liaison", contactText(ct.DistrictLiaison)},
		{"Partner liaison", contactText(ct.PartnerLiaison)},
		{"District overall manager", contactText(ct.DistrictManager)},
		{"Partner overall manager", contactText(ct.PartnerManager)},
	}
	labels := make(map[string]string)
	for i, m := range s.Appendix.Measures {
		mv := measureView{
			Number: i + 1, ID: m.ID, Name: m.Name, Kind: string(m.Kind), Audience: string(m.Audience),
			InterimTarget: m.Interim.Target, InterimDue: string(m.Interim.Due),
			FinalTarget: m.Final.Target, FinalDue: string(m.Final.Due),
			Direction: directionText(m.Direction),
		}
		if b := m.Baseline; b.Value != nil {
			mv.Baseline = m.Format(*b.Value)
			if b.Date != "" {
				mv.Baseline += " on " + string(b.Date)
			}
		}
		if m.Interim.Value != nil {
			mv.InterimValue = m.Format(*m.Interim.Value)
		}
		if m.Final.Value != nil {
			mv.FinalValue = m.Format(*m.Final.Value)
		}
		v.Numbers = v.Numbers || mv.Baseline != "" || mv.InterimValue != "" || mv.FinalValue != "" || mv.Direction != ""
		v.Measures = append(v.Measures, mv)
		if m.ID != "" {
			labels[m.ID] = fmt.Sprintf("%d. %s", i+1, measureLabel(m))
		}
	}
	for _, d := range s.Appendix.DataPlan.Duties {
		label, ok := labels[d.Measure]
		if !ok {
			label = d.Measure
		}
		v.Duties = append(v.Duties, dutyView{Measure: label, Source: d.Source, Provider: contactText(d.Provider), Reporter: contactText(d.Reporter), Due: string(d.Due)})
	}
	m := s.Appendix.Meetings
	v.Meetings = meetingView{Cadence: string(m.Cadence), Agenda: m.Agenda, Conflict: m.Conflict, Improvement: m.Improvement, Dissolution: m.Dissolution}
	for _, d := range m.Dates {
		v.Meetings.Dates = append(v.Meetings.Dates, string(d))
	}
	ss := s.Session
	v.Session = sessionView{Date: string(ss.Date)}
	if ss.Minutes > 0 {
		v.Session.Minutes = strconv.Itoa(ss.Minutes)
	}
	for _, a := range ss.Attendees {
		t := contactText(attendeeContact(a))
		var notes []string
		if a.Side != "" {
			notes = append(notes, string(a.Side))
		}
		if a.HasRole(partnership.SchoolLeader) {
			notes = append(notes, "school leader")
		}
		if len(notes) > 0 {
			t += " (" + strings.Join(notes, ", ") + ")"
		}
		v.Session.Attendees = append(v.Session.Attendees, t)
	}
	c := s.Completeness()
	v.Draft = !c.Complete
	v.Summary = c.Summary()
	for _, it := range c.Items {
		for _, p := range it.Missing {
			v.Missing = append(v.Missing, missingView{Title: itemHeading(it), Message: p.Message})
		}
	}
	return v
}

// itemHeading names a completeness item for a reader: "Appendix item 3,
// Schedule of activities".
func itemHeading(it Item) string {
	switch it.Group {
	case GroupPractice:
		return fmt.Sprintf("Practice %d, %s", it.Number, it.Title)
	case GroupAppendix:
		return fmt.Sprintf("Appendix item %d, %s", it.Number, it.Title)
	}
	return it.Title
}

// inc returns i+1, for numbering lists from 1 in templates.
func inc(i int) int { return i + 1 }

// agreementText joins the parts of the agreement paragraph as plain text.
func agreementText(parts []agreementPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Name {
			b.WriteString(escape.Line(p.Text))
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// directionText says in words which way a measure should move.
func directionText(d Direction) string {
	switch d {
	case Increase:
		return "higher is better"
	case Decrease:
		return "lower is better"
	}
	return ""
}
