package agenda

import "github.com/partnerkit/partnerkit/partnership"

// Source names where the agenda's facts come from.
const Source = "ODST, Standards for Effective Partnerships (2015): Quarterly Meeting Agenda, its purpose and process, and its alignment in Appendix A"

// QuarterlyMinutes is the length of the quarterly review in the source.
const QuarterlyMinutes = 60

// PrepMinutes is about how long a representative of the district and one of
// the partner each spend preparing a quarterly review, in the source.
const PrepMinutes = 60

// MonitoringQuestion is one of the nine monitoring questions of the source,
// in our own words, with the theme and standards it serves.
type MonitoringQuestion struct {
	// Number is the question's number in the source, 1 to 9.
	Number int `json:"number"`
	// Theme is the theme ID, or empty for the wrap-up question.
	Theme string `json:"theme,omitempty"`
	Text  string `json:"text"`
	// Standards are the IDs of the standards the question monitors.
	Standards []string `json:"standards,omitempty"`
	Source    string   `json:"source"`
}

// MonitoringQuestions returns the nine monitoring questions of the quarterly
// review, in source order. Each call returns a new slice.
func MonitoringQuestions() []MonitoringQuestion {
	q := func(n int, theme, text string, standards ...string) MonitoringQuestion {
		return MonitoringQuestion{Number: n, Theme: theme, Text: text, Standards: standards, Source: Source}
	}
	return []MonitoringQuestion{
		q(1, partnership.ThemeAlignment, "Is the work still in line with the district's strategic priorities? What, if anything, stands in the way?", "alignment.1", "alignment.2"),
		q(2, partnership.ThemeAlignment, "What shows that district and school capacity is being built? What will carry on when the partnership is over?", "alignment.3"),
		q(3, partnership.ThemeResources, "Are we giving the work enough time, money and people for it to succeed?", "resources.1", "resources.2", "resources.3"),
		q(4, partnership.ThemeMetrics, "Are we collecting the right data, and is it arriving in time?", "metrics.1", "metrics.2"),
		q(5, partnership.ThemeMetrics, "What do the early indicators in the data show, and what do they mean for the work?", "metrics.1"),
		q(6, partnership.ThemeCommunication, "Are we keeping to the communication schedule we agreed?", "communication.1"),
		q(7, partnership.ThemeCommunication, "Which structures or processes need to improve?", "communication.4"),
		q(8, partnership.ThemeCommunication, "What conflict, present or possible, have we spotted?", "communication.3"),
		q(9, "", "Does every action step have an owner and a timeline?", "communication.4"),
	}
}

// questions returns the texts of the monitoring questions numbered ns.
func questions(ns ...int) []Question {
	all := MonitoringQuestions()
	out := make([]Question, 0, len(ns))
	for _, n := range ns {
		out = append(out, Question{Text: all[n-1].Text})
	}
	return out
}

// Section titles of the templates.
const (
	titleAlignment     = "Alignment of strategic priority and objectives"
	titleResources     = "Appropriate and sufficient resources"
	titleMetrics       = "Clear metrics established"
	titleCommunication = "Ongoing communication and collaboration"
	titleWrapUp        = "Wrap-up"
)

// Quarterly returns the source's quarterly review: an in-person meeting of
// 60 minutes in five sections, one for each theme and a wrap-up, with the
// nine monitoring questions and the preparation to do beforehand. It has no
// ID and no start yet: date it with At.
//
// The minutes are 10, 10, 15, 20 and 5. The source's sample agenda prints 15
// minutes for communication, which adds up to 55 of the 60 minutes it
// announces; its alignment table in Appendix A gives communication 20
// minutes, which adds up to 60. We follow the alignment table, so that the
// template fills the hour the source asks for; Check reports a mismatch such
// as the sample agenda's if a team types it in.
func Quarterly() Meeting {
	return Meeting{
		Title:    "Quarterly partnership review",
		Cadence:  partnership.Quarterly,
		Minutes:  QuarterlyMinutes,
		InPerson: true,
		Sections: []Section{
			{Title: titleAlignment, Theme: partnership.ThemeAlignment, Minutes: 10, Questions: questions(1, 2)},
			{Title: titleResources, Theme: partnership.ThemeResources, Minutes: 10, Questions: questions(3)},
			{Title: titleMetrics, Theme: partnership.ThemeMetrics, Minutes: 15, Questions: questions(4, 5)},
			{Title: titleCommunication, Theme: partnership.ThemeCommunication, Minutes: 20, Questions: questions(6, 7, 8)},
			{Title: titleWrapUp, Minutes: 5, Questions: questions(9)},
		},
		Prep: []PrepItem{
			{Text: "Bring the latest data on the agreed metrics: outputs and outcomes, for students and for adults."},
			{Text: "Gather how stakeholders see the work: school leaders, teachers, and others as relevant."},
			{Text: "Check the status of the open action items from the last meeting."},
			{Text: "A district representative and a partner representative each set aside about an hour to prepare."},
		},
	}
}

// Monthly returns a 30-minute check-in built from the same questions, for
// the at-least-monthly contact the source asks for between quarterly
// reviews: the data and the work first, then communication and conflict,
// then a wrap-up that gives every action an owner and a date. It may be held
// remotely. Date it with At.
func Monthly() Meeting {
	return Meeting{
		Title:   "Monthly check-in",
		Cadence: partnership.Monthly,
		Minutes: 30,
		Sections: []Section{
			{Title: "Progress and data", Theme: partnership.ThemeMetrics, Minutes: 10, Questions: questions(4, 5)},
			{Title: "Alignment and resources", Theme: partnership.ThemeAlignment, Minutes: 5, Questions: questions(1, 3)},
			{Title: "Communication and conflict", Theme: partnership.ThemeCommunication, Minutes: 10, Questions: questions(6, 8)},
			{Title: titleWrapUp, Minutes: 5, Questions: questions(9)},
		},
		Prep: []PrepItem{
			{Text: "Check the status of the open action items from the last meeting."},
			{Text: "Bring any new data on the agreed metrics."},
		},
	}
}

// Template returns the built-in template for cadence c: Quarterly for
// quarterly meetings and Monthly otherwise (a weekly meeting uses the
// monthly items, retitled).
func Template(c partnership.Cadence) Meeting {
	switch c {
	case partnership.Quarterly:
		return Quarterly()
	case partnership.Weekly:
		m := Monthly()
		m.Title = "Weekly check-in"
		m.Cadence = partnership.Weekly
		return m
	}
	return Monthly()
}
