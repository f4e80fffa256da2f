package partnership

// Rule describes one rule of a check: what makes it fire, the number it
// compares with, the standard it serves and where the idea comes from. Every
// Finding names its rule by ID, and every package that checks something
// lists its rules in its Rules catalogue (Rules here, readiness.Rules,
// contract.Rules, agenda.Rules, and partnerkit.Rules for the rules that look
// across tools), so that what a finding means can be looked up.
type Rule struct {
	// ID is the rule's stable name, such as "agenda.time-budget": the Rule
	// of its findings.
	ID string `json:"id"`
	// Title names the rule in a few plain words.
	Title string `json:"title"`
	// Severity is the severity of the rule's findings; for the few rules whose
	// findings are sometimes less severe, the most severe, and Trigger says
	// when a finding is less so.
	Severity Severity `json:"severity"`
	// Standard is the ID of the framework standard the rule serves
	// ("communication.2"); empty when it depends on what a finding concerns,
	// as Trigger then says.
	Standard string `json:"standard,omitempty"`
	// Trigger says in plain words what makes the rule fire.
	Trigger string `json:"trigger"`
	// Threshold is the number or limit the rule compares with, such as
	// "more than 5 strategic priorities"; empty when it has none.
	Threshold string `json:"threshold,omitempty"`
	// Source says where the rule comes from.
	Source string `json:"source"`
}
