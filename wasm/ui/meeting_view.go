package ui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/partnership"
)

// The meetings view: the list of meetings, a new one from a template, the
// open meeting with its checks, and live mode while it runs.

func (a *App) viewMeetings() *Node {
	now := a.cfg.Now().In(a.ws.Location())
	head := El("h2", ID("pk-meet-h"), A("tabindex", "-1"), "Meetings")
	if m := a.currentMeeting(); m != nil && a.meet.live {
		return El("section", ID("pk-meet"), A("aria-labelledby", "pk-meet-h"), head, a.viewLive(m, now))
	}
	intro := El("p", "The framework asks district and partner to meet every month, and every quarter to review the work together: alignment, resources, data and communication, with the people who can decide in the room. Create a meeting from the quarterly or monthly agenda, pick who comes, and run it here with a timer per section; close it to keep the record, and start the next one with the open actions carried over.")
	var list *Node
	if len(a.ws.Meetings) == 0 {
		list = El("p", Class("pk-empty"), "No meetings yet: create the first one below.")
	} else {
		rows := make([]*Node, len(a.ws.Meetings))
		for i, m := range a.ws.Meetings {
			open := 0
			for _, ac := range m.Actions {
				if ac.IsOpen() {
					open++
				}
			}
			state := "Planned"
			if m.Closed {
				state = "Held"
			}
			rows[i] = El("tr", Key(m.ID),
				El("th", A("scope", "row"), m.Title),
				El("td", a.when(m.Start)),
				El("td", state),
				El("td", strconv.Itoa(open)),
				El("td", El("button", A("type", "button"), Class("pk-secondary"), On("click", "meeting.open"), Arg(strconv.Itoa(i)),
					A("aria-label", "Open "+m.Title+", "+a.when(m.Start)), "Open")))
		}
		list = El("table", ID("pk-meet-list"), A("tabindex", "-1"),
			El("caption", "Meetings of the partnership"),
			El("thead", El("tr", El("th", A("scope", "col"), "Meeting"), El("th", A("scope", "col"), "When"),
				El("th", A("scope", "col"), "State"), El("th", A("scope", "col"), "Open actions"), El("th", A("scope", "col"), "Open"))),
			El("tbody", rows))
	}
	start := a.meet.start
	if start == "" {
		start = defaultStart(now).Format(localLayout)
	}
	create := El("fieldset", ID("pk-meet-new"), Class("pk-noprint"), El("legend", "Create a meeting"),
		pageSelect("pk-meet-new-cadence", "Agenda", firstOr(a.meet.cadence, string(partnership.Quarterly)), "meeting.cadence",
			[]Option{{string(partnership.Quarterly), "Quarterly review (60 minutes, the four themes)"}, {string(partnership.Monthly), "Monthly check-in"}}),
		El("div", Class("pk-field"), El("label", A("for", "pk-meet-new-start"), "Date and time"),
			El("input", ID("pk-meet-new-start"), A("type", "datetime-local"), A("value", start), On("input", "meeting.start"), A("aria-describedby", "pk-meet-new-start-hint")),
			El("p", ID("pk-meet-new-start-hint"), Class("pk-hint"), "In "+a.zoneName()+". Pick it, or type it as 3/2/2027 3:30 PM.")),
		El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-meet-create"), On("click", "meeting.create"), "Create the meeting"),
			El("button", A("type", "button"), ID("pk-meet-year"), Class("pk-secondary"), On("click", "meeting.ics.year"), "Download a year of meetings (.ics calendar)")),
		blankButtons(blankAgenda, "agenda with room for notes"))
	var editor *Node
	if m := a.currentMeeting(); m != nil {
		editor = a.viewMeeting(m, now)
	}
	tz := El("div", ID("pk-meet-zone"), Class("pk-noprint"), form{a: a, problems: a.invalidUnder("timeZone")}.input("timeZone"))
	return El("section", ID("pk-meet"), A("aria-labelledby", "pk-meet-h"), head, intro, tz, list, editor, create)
}

// invitations lists who a meeting's calendar file invites: each attendee
// with an e-mail address, and which of them sends the invitations.
func (a *App) invitations(c form, at string, m *agenda.Meeting) *Node {
	if len(m.Attendees) == 0 {
		return nil
	}
	cal := a.ws.Calendar()
	items := make([]*Node, len(m.Attendees))
	for j, x := range m.Attendees {
		var note *Node
		if !cal.Invites(x) {
			note = El("p", Class("pk-hint"), named(x.Name, "This attendee")+" has no email address and gets no invitation: add it in the partnership's people.")
		}
		items[j] = El("div", Key(fmt.Sprintf("invite:%d", j)), c.input(fmt.Sprintf("%s.attendees[%d].organizer", at, j)), note)
	}
	return El("fieldset", ID("pk-meet-invites"), A("tabindex", "-1"),
		El("legend", "Invitations"),
		El("p", Class("pk-hint"), "The calendar file (.ics) invites every attendee with an email address. Check who sends the invitations: their calendar asks the others to reply."),
		items)
}

// viewMeeting is the open meeting: its details, who comes, the agenda, the
// actions and the checks.
func (a *App) viewMeeting(m *agenda.Meeting, now time.Time) *Node {
	i := a.meet.open
	at := fmt.Sprintf("meetings[%d]", i)
	fs := a.findings(at)
	doc := "agenda" // what prints: the agenda before the meeting, the minutes after
	if m.Closed {
		doc = "minutes"
	}
	c := form{a: a, problems: a.invalidUnder(at)}
	attendees := c.input(at + ".attendees")
	var others []*Node
	for _, x := range m.Attendees {
		if x.Person == "" {
			others = append(others, El("li", x.Name+" ("+sideWords[x.Side]+")"))
		}
	}
	if attendees == nil {
		attendees = El("div", ID(FieldID(at+".attendees")), A("tabindex", "-1"),
			El("p", Class("pk-hint"), "Add people to the partnership to pick who comes."))
	}
	sections := make([]*Node, len(m.Sections))
	for s, sec := range m.Sections {
		sp := fmt.Sprintf("%s.sections[%d]", at, s)
		qs := make([]*Node, len(sec.Questions))
		for q, qu := range sec.Questions {
			qp := fmt.Sprintf("%s.questions[%d]", sp, q)
			qs[q] = El("div", Key(qp), Class("pk-question"), El("p", qu.Text), c.input(qp+".notes"))
		}
		var metrics *Node
		if metricsSection(sec.Theme) {
			metrics = a.viewMetrics()
		}
		sections[s] = El("fieldset", ID(FieldID(sp)), A("tabindex", "-1"), Class("pk-item"),
			El("legend", fmt.Sprintf("%d. %s (%d min)", s+1, sec.Title, sec.Minutes)),
			c.input(sp+".minutes"),
			qs, metrics)
	}
	actions := make([]*Node, len(m.Actions))
	for j, ac := range m.Actions {
		ap := fmt.Sprintf("%s.actions[%d]", at, j)
		var carried *Node
		if m.Carried(ac) {
			carried = El("p", Class("pk-hint"), "Carried over from "+a.meetingNamed(ac.From)+".")
		}
		actions[j] = El("fieldset", ID(FieldID(ap)), A("tabindex", "-1"), Class("pk-item"), El("legend", "Action: "+named(ac.Text, "(to write)")),
			carried,
			c.input(ap+".text"),
			c.input(ap+".owner"),
			c.input(ap+".due"),
			c.input(ap+".status"),
			findingsNode(findingsUnder(fs, ap)),
			El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), Class("pk-secondary"), On("click", "meeting.remove"), Arg("action|"+strconv.Itoa(j)), "Remove this action")))
	}
	var closed *Node
	buttons := []*Node{
		El("button", A("type", "button"), ID("pk-meet-live-toggle"), On("click", "meeting.live"), "Start the meeting (live mode)"),
		El("button", A("type", "button"), ID("pk-meet-close"), Class("pk-secondary"), On("click", "meeting.close"), "Close the meeting and keep the record"),
	}
	if m.Closed {
		closed = El("p", Class("pk-state pk-state-done"), "This meeting was held and closed.")
		buttons = []*Node{El("button", A("type", "button"), ID("pk-meet-next"), On("click", "meeting.next"), "Start the next meeting, with the open actions carried over")}
	}
	buttons = append(buttons,
		El("button", A("type", "button"), ID("pk-meet-ics"), Class("pk-secondary"), On("click", "meeting.ics"), "Download for a calendar (.ics)"),
		El("button", A("type", "button"), ID("pk-meet-print"), Class("pk-secondary"), On("click", "print"), "Print the "+doc),
		El("button", A("type", "button"), ID("pk-meet-docx"), Class("pk-secondary"), On("click", "docx"), Arg("view"), "Download the "+doc+" (Word)"),
		El("button", A("type", "button"), ID("pk-meet-html"), Class("pk-secondary"), On("click", "meeting.html"), "Download the "+doc+" (HTML)"),
		El("button", A("type", "button"), ID("pk-meet-md"), Class("pk-secondary"), On("click", "meeting.md"), "Download the "+doc+" (Markdown)"),
		El("button", A("type", "button"), Class("pk-secondary"), On("click", "meeting.open"), Arg("-1"), "Close this form"))
	summary := "No findings: the checks found nothing to discuss."
	if len(fs) > 0 {
		summary = partnerkit.CountFindings(fs) + "."
	}
	var own []partnership.Finding
	for _, f := range fs {
		if !hasPrefixPath(f.Path, at+".actions") {
			own = append(own, f)
		}
	}
	return El("article", ID(FieldID(at)), A("tabindex", "-1"), Class("pk-meeting"), A("aria-labelledby", "pk-meet-title-h"),
		El("h3", ID("pk-meet-title-h"), m.Title+", "+a.when(m.Start)),
		closed,
		El("p", ID("pk-meet-checks"), A("role", "status"), summary),
		findingsNode(own),
		El("div", Class("pk-actions pk-noprint"), buttons),
		c.input(at+".title"),
		c.input(at+".start"),
		c.input(at+".minutes"),
		c.input(at+".inPerson"),
		c.input(at+".location"),
		attendees,
		El("ul", Class("pk-others"), others),
		a.invitations(c, at, m),
		El("h4", "Agenda"), sections,
		El("h4", ID(FieldID(at+".actions")), A("tabindex", "-1"), "Actions"), actions,
		El("div", Class("pk-actions pk-noprint"), El("button", A("type", "button"), ID("pk-meet-add-action"), Class("pk-secondary"), On("click", "meeting.add"), Arg("action"), "Add an action")),
		c.input(at+".record"))
}

// ownerOptions are the people who can own an action, by name: the attendees first,
// then the partnership's other people, and the owner as stored when it is
// none of them (a name typed elsewhere is kept, never replaced).
func (a *App) ownerOptions(m *agenda.Meeting, current string) []Option {
	opts := []Option{{"", "Nobody yet"}}
	seen := map[string]bool{"": true}
	add := func(value, label string) {
		if !seen[value] {
			seen[value] = true
			opts = append(opts, Option{value, label})
		}
	}
	// Names, not IDs: the minutes print the owner as stored, and the
	// checks know a person of the partnership by name as well as by ID.
	for _, x := range m.Attendees {
		add(x.Name, x.Name)
	}
	if p := a.ws.Partnership; p != nil {
		for _, pe := range p.People {
			if pe.Name != "" {
				add(pe.Name, pe.Name+" (not attending)")
			}
		}
	}
	add(current, current)
	return opts
}

// sideWords name the sides of a meeting in words.
var sideWords = map[partnership.Side]string{partnership.DistrictSide: "district", partnership.PartnerSide: "partner", partnership.SchoolSide: "school"}

// meetingNamed names the meeting with this ID by its title and date.
func (a *App) meetingNamed(id string) string {
	for _, m := range a.ws.Meetings {
		if m.ID == id {
			return "“" + m.Title + "” of " + a.when(m.Start)
		}
	}
	return "an earlier meeting"
}

// invalidUnder returns the problems the review found in the values under
// path, by path, for the fields to show beside them.
func (a *App) invalidUnder(path string) map[string]string {
	out := map[string]string{}
	for _, f := range a.reviewFindings() {
		if f.Rule == "workspace.invalid" && hasPrefixPath(f.Path, path) {
			if prev := out[f.Path]; prev != "" {
				out[f.Path] = prev + "; " + f.Message
			} else {
				out[f.Path] = f.Message
			}
		}
	}
	return out
}

func hasPrefixPath(path, prefix string) bool {
	return path == prefix || len(path) > len(prefix) && path[:len(prefix)] == prefix && (path[len(prefix)] == '.' || path[len(prefix)] == '[')
}

func roleList(rs []partnership.Role) string {
	out := ""
	for _, r := range rs {
		if label := roleLabels[r]; label != "" {
			name := label
			for i := 0; i < len(label); i++ {
				if label[i] == ':' {
					name = label[:i]
					break
				}
			}
			out += ", " + name
		}
	}
	return out
}

// viewLive is the meeting under way: the section, its questions, the time
// left, notes and quick actions.
func (a *App) viewLive(m *agenda.Meeting, now time.Time) *Node {
	s := a.meet.section
	if s >= len(m.Sections) {
		s = len(m.Sections) - 1
	}
	if s < 0 {
		return El("div", ID("pk-live"), A("tabindex", "-1"),
			El("p", "This meeting has no sections."),
			El("button", A("type", "button"), ID("pk-meet-live-toggle"), On("click", "meeting.live"), "End live mode"))
	}
	sec := m.Sections[s]
	left, err := m.Remaining(s, a.meet.since, now)
	clock, state := agenda.Countdown(left), "left"
	if err == nil && left < 0 {
		clock, state = agenda.Countdown(-left), "over"
	}
	announce := a.meet.announce
	if err == nil && left <= 0 {
		announce = "Time is up for " + sec.Title + "."
	}
	timer := El("p", ID("pk-live-timer"), A("role", "timer"), Class("pk-timer pk-timer-"+state),
		El("span", ID("pk-live-clock"), clock), " "+map[string]string{"left": "left in this section", "over": "over the time planned"}[state])
	qs := make([]*Node, len(sec.Questions))
	for q, qu := range sec.Questions {
		qp := fmt.Sprintf("meetings[%d].sections[%d].questions[%d]", a.meet.open, s, q)
		qs[q] = El("div", Key(qp), Class("pk-question"), El("p", Class("pk-live-question"), qu.Text),
			form{a: a}.input(qp+".notes"))
	}
	var prev, next *Node
	if s > 0 {
		prev = El("button", A("type", "button"), Class("pk-secondary"), On("click", "meeting.section"), Arg(strconv.Itoa(s-1)), "Previous section")
	}
	if s+1 < len(m.Sections) {
		next = El("button", A("type", "button"), ID("pk-live-next"), On("click", "meeting.section"), Arg(strconv.Itoa(s+1)), "Next section: "+m.Sections[s+1].Title)
	}
	var metrics *Node
	if metricsSection(sec.Theme) {
		metrics = a.viewMetrics()
	}
	q := a.meet.quick
	owners := a.ownerOptions(m, q.Owner)
	return El("div", ID("pk-live"), A("tabindex", "-1"), Class("pk-live"),
		El("p", ID("pk-live-announce"), A("aria-live", "polite"), Class("pk-visually-hidden"), announce),
		El("p", Class("pk-hint"), m.Title+" — live"),
		El("h3", ID("pk-live-section"), A("tabindex", "-1"), fmt.Sprintf("%d of %d: %s", s+1, len(m.Sections), sec.Title)),
		timer,
		qs,
		metrics,
		El("div", Class("pk-actions"), prev, next,
			El("button", A("type", "button"), ID("pk-meet-live-toggle"), Class("pk-secondary"), On("click", "meeting.live"), "End live mode"),
			El("button", A("type", "button"), ID("pk-meet-close"), Class("pk-secondary"), On("click", "meeting.close"), "Close the meeting")),
		El("fieldset", ID("pk-live-action"), El("legend", "Write down an action"),
			El("div", Class("pk-field"), El("label", A("for", "pk-live-action-text"), "What is to be done"),
				El("input", ID("pk-live-action-text"), A("type", "text"), A("value", q.Text), On("input", "meeting.quick.text"))),
			pageSelect("pk-live-action-owner", "Who does it", q.Owner, "meeting.quick.owner", owners),
			El("div", Class("pk-field"), El("label", A("for", "pk-live-action-due"), "By when"),
				El("input", ID("pk-live-action-due"), A("type", "date"), A("value", string(q.Due)), On("input", "meeting.quick.due"))),
			El("div", Class("pk-actions"), El("button", A("type", "button"), ID("pk-live-action-add"), On("click", "meeting.quick.add"), "Add the action"))),
	)
}
