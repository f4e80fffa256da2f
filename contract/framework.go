package contract

import "strings"

// PracticeID is the stable ID of one of the six practices. It is also the
// practice's JSON name under "practices".
type PracticeID string

// The six practices, in the order of the source.
const (
	PracticeAlignment PracticeID = "alignment"
	PracticePersonnel PracticeID = "personnel"
	PracticeSchedule  PracticeID = "schedule"
	PracticeLiaisons  PracticeID = "liaisons"
	PracticeOutcomes  PracticeID = "outcomes"
	PracticeMeetings  PracticeID = "meetings"
)

// When says at what point of the work a practice must hold.
type When string

// The two points the source distinguishes.
const (
	// BeforeWork: the practice holds before the work starts (practices 1–4).
	BeforeWork When = "before-work"
	// AtCommencement: the practice is set up as the work starts (practices 5–6).
	AtCommencement When = "at-commencement"
)

// Practice is one of the six practices both parties agree to in the
// supplement, in our own words.
type Practice struct {
	ID PracticeID `json:"id"`
	// Number is the practice's number in the source, 1 to 6.
	Number int `json:"number"`
	// Key is the stable key of its completeness item, "practice.1" to "practice.6".
	Key string `json:"key"`
	// Title names the practice in a few words.
	Title string `json:"title"`
	// Text is the practice as the parties affirm it.
	Text string `json:"text"`
	When When   `json:"when"`
	// Standards are the IDs of the framework standards the practice serves.
	Standards []string `json:"standards"`
	// Appendix are the numbers of the appendix items that record the practice's details.
	Appendix []int  `json:"appendix"`
	Source   string `json:"source"`
}

// Practices returns the six practices in source order. Each call returns new
// slices the caller may change.
func Practices() []Practice {
	const src = "ODST, Standards for Effective Partnerships (2015), Contract Supplement, practices 1–6"
	p := func(id PracticeID, n int, when When, title, text string, standards ...string) Practice {
		appendix := []int{n}
		switch id {
		case PracticeOutcomes:
			appendix = []int{5, 6}
		case PracticeMeetings:
			appendix = []int{7}
		}
		return Practice{ID: id, Number: n, Key: "practice." + string(rune('0'+n)), Title: title, Text: text, When: when, Standards: standards, Appendix: appendix, Source: src}
	}
	return []Practice{
		p(PracticeAlignment, 1, BeforeWork, "Strategic alignment",
			"The District and the Partner have agreed that the project advances the District's strategic objectives.",
			"alignment.1"),
		p(PracticePersonnel, 2, BeforeWork, "Key staff prepared",
			"Where it applies, the parties have talked the project through with the District staff whose work is critical to it, and have made sure those staff are ready and supported to give it the time and attention it needs.",
			"alignment.4", "resources.3"),
		p(PracticeSchedule, 3, BeforeWork, "Feasible schedule",
			"The Partner has given the District a written schedule of the activities District staff will take part in, and the District has confirmed that the schedule fits its existing obligations, collective-bargaining agreements included.",
			"resources.1", "resources.3"),
		p(PracticeLiaisons, 4, BeforeWork, "Liaisons named",
			"Each party has named a liaison for the project, and both agree that the two liaisons are the main points of contact for it.",
			"resources.5", "communication.2"),
		p(PracticeOutcomes, 5, AtCommencement, "Outcomes and data plan",
			"The parties have set interim and final outcomes for the project and agreed on a plan for collecting the data that shows them.",
			"metrics.1", "metrics.2"),
		p(PracticeMeetings, 6, AtCommencement, "Regular meetings",
			"The parties will meet regularly, monthly or quarterly, to review how the project stands and to settle issues as they arise.",
			"communication.1", "communication.5"),
	}
}

// practiceIDList names the practice IDs for error messages.
func practiceIDList() string {
	var ids []string
	for _, p := range Practices() {
		ids = append(ids, string(p.ID))
	}
	return strings.Join(ids, ", ")
}

// AppendixItem describes one of the seven items of the alignment appendix.
type AppendixItem struct {
	// Number is the item's number in the source, 1 to 7.
	Number int `json:"number"`
	// Key is the stable key of its completeness item, "appendix.1" to "appendix.7".
	Key string `json:"key"`
	// Path is the JSON path of the item in a supplement, such as "appendix.dataPlan".
	Path  string `json:"path"`
	Title string `json:"title"`
	// Guidance says in plain words what the item asks for.
	Guidance string `json:"guidance"`
	// Standards are the IDs of the framework standards the item serves.
	Standards []string `json:"standards"`
	Source    string   `json:"source"`
}

// AppendixItems returns the seven appendix items in source order. Each call
// returns new slices the caller may change.
func AppendixItems() []AppendixItem {
	const src = "ODST, Standards for Effective Partnerships (2015), Appendix A, Contract Supplement Alignment, items 1–7"
	a := func(n int, path, title, guidance string, standards ...string) AppendixItem {
		return AppendixItem{Number: n, Key: "appendix." + string(rune('0'+n)), Path: path, Title: title, Guidance: guidance, Standards: standards, Source: src}
	}
	return []AppendixItem{
		a(1, "appendix.priority", "Strategic priority",
			"Name the district's strategic priority that the partner's work serves, and say how the work serves it.",
			"alignment.1", "alignment.2"),
		a(2, "appendix.investment", "School-leader investment",
			"Show what makes clear that the school leaders are invested in the partnership.",
			"alignment.4", "alignment.3"),
		a(3, "appendix.schedule", "Schedule of activities",
			"List the activities (what, who, when, hours) and record the district's assurance that they are feasible within its resources and its collective-bargaining agreement.",
			"resources.1", "resources.3"),
		a(4, "appendix.contacts", "Liaisons and managers",
			"Name a liaison from the district and one from the partner, and an overall manager from each who attends the quarterly meetings.",
			"resources.5", "communication.2"),
		a(5, "appendix.measures", "Success measures",
			"Define the measures of success, outputs and outcomes for students and for adults, each with an interim target (around January) and a final one (around June).",
			"metrics.1", "metrics.2"),
		a(6, "appendix.dataPlan", "Data plan",
			"Describe how the data is collected and, for each measure, who provides it, who reports on it and by when.",
			"metrics.2"),
		a(7, "appendix.meetings", "Meetings and draft agenda",
			"Set the meeting schedule and a draft agenda that includes a way to identify and resolve conflict, a way to keep improving, and a way to end the partnership if it is not on track.",
			"communication.1", "communication.3", "communication.4"),
	}
}
