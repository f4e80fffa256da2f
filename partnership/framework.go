package partnership

import "sync"

// The framework: four organizing themes and their standards, paraphrased from
// the ODST "Standards for Effective Partnerships" (Massachusetts Office of
// District and School Turnaround, 2015), the opening table of the document and
// Appendix A. The wording here is our own; each entry cites where it comes from.

// Kind says whether a theme is a condition to set up before the work starts or
// a habit to keep while it runs.
type Kind string

// The two kinds of theme.
const (
	Condition Kind = "condition"
	Habit     Kind = "habit"
)

// Theme IDs. They are stable: files, rubrics and findings refer to them.
const (
	ThemeAlignment     = "alignment"
	ThemeResources     = "resources"
	ThemeMetrics       = "metrics"
	ThemeCommunication = "communication"
)

// Theme is one of the four organizing themes of the framework.
type Theme struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kind   Kind   `json:"kind"`
	Source string `json:"source"`
}

// Standard is one standard of the framework, with a stable ID made of its
// theme ID and its position in the source ("alignment.1").
type Standard struct {
	ID     string `json:"id"`
	Theme  string `json:"theme"`
	Text   string `json:"text"`
	Source string `json:"source"`
}

const odstSource = "ODST, Standards for Effective Partnerships (2015), standards table and Appendix A"

// Themes returns the four organizing themes in source order. Each call returns
// a new slice that the caller may change.
func Themes() []Theme {
	return []Theme{
		{ID: ThemeAlignment, Title: "Alignment of strategic priority and objectives", Kind: Condition, Source: odstSource},
		{ID: ThemeResources, Title: "Appropriate and sufficient resources", Kind: Condition, Source: odstSource},
		{ID: ThemeMetrics, Title: "Clear metrics established", Kind: Condition, Source: odstSource},
		{ID: ThemeCommunication, Title: "Ongoing communication, progress monitoring and collaboration", Kind: Habit, Source: odstSource},
	}
}

// Standards returns every standard of the framework in source order: 4 for
// alignment, 5 for resources (four statements and the point-person sub-item the
// source sets under them), 2 for metrics and 5 for communication. Each call
// returns a new slice that the caller may change.
func Standards() []Standard {
	s := func(id, theme, text string) Standard {
		return Standard{ID: id, Theme: theme, Text: text, Source: odstSource}
	}
	return []Standard{
		s("alignment.1", ThemeAlignment, "What the partner does serves the district's strategic priorities directly."),
		s("alignment.2", ThemeAlignment, "The partner's work fits with, and is coordinated with, the district's other initiatives and partners."),
		s("alignment.3", ThemeAlignment, "District and partner build district and school capacity together, so the impact lasts after the partnership."),
		s("alignment.4", ThemeAlignment, "Stakeholders help judge readiness and shape the implementation plan."),
		s("resources.1", ThemeResources, "District, partner and school agree on the resources given to the work."),
		s("resources.2", ThemeResources, "Enough money, including a budget committed over time, is set aside for the services."),
		s("resources.3", ThemeResources, "Every staff member involved is given enough time to do the work."),
		s("resources.4", ThemeResources, "The partner and its people have experience with this kind of program, and data showing they have implemented it well."),
		s("resources.5", ThemeResources, "District and partner each name a point person with time set aside to manage the project."),
		s("metrics.1", ThemeMetrics, "District, partner and school agree on clear measures of success: outputs and outcomes, for students and for adults."),
		s("metrics.2", ThemeMetrics, "The measures can be taken at least once a quarter."),
		s("communication.1", ThemeCommunication, "District, partner and school keep to a plan of informal contact at least monthly."),
		s("communication.2", ThemeCommunication, "District and partner each name a point person and a person of higher authority who attend the quarterly progress reviews."),
		s("communication.3", ThemeCommunication, "There is an agreed way to resolve conflict, and a way to end the partnership if it is not on track."),
		s("communication.4", ThemeCommunication, "There is a flexible, solution-minded process for continual improvement."),
		s("communication.5", ThemeCommunication, "The status of the work is reported formally every quarter, to other partners as well."),
	}
}

// ThemeByID returns the theme with the given ID.
func ThemeByID(id string) (Theme, bool) {
	for _, t := range Themes() {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// StandardByID returns the standard with the given ID, such as "metrics.2".
func StandardByID(id string) (Standard, bool) {
	s, ok := standardsByID()[id]
	return s, ok
}

// standardsByID indexes the standards once: a review looks up the standard
// of every finding. The map is never changed after it is built.
var standardsByID = sync.OnceValue(func() map[string]Standard {
	m := make(map[string]Standard)
	for _, s := range Standards() {
		m[s.ID] = s
	}
	return m
})

// StandardsOf returns the standards of one theme in source order.
func StandardsOf(themeID string) []Standard {
	var out []Standard
	for _, s := range Standards() {
		if s.Theme == themeID {
			out = append(out, s)
		}
	}
	return out
}
