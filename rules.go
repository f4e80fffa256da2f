package partnerkit

import "github.com/partnerkit/partnerkit/partnership"

// The rules Review adds to those of the tools, because they look at the
// workspace as a whole or across two tools. Their IDs are stable; Rules
// returns each with its severity, standard and source.
const (
	// RuleInvalid (critical): a value of the workspace is not valid, such as
	// a date that is not a date or a reference to a person who does not
	// exist. The finding carries the problem's message and JSON path.
	RuleInvalid = "workspace.invalid"
	// RuleConcernNotInContract (info): a concern written in the latest
	// readiness round names a person of the partnership, or speaks of
	// schedules and time, and the contract supplement does not settle it:
	// there is none, it does not name every person the concern mentions, or
	// it lacks a schedule of activities with the district's assurance on
	// resources and the bargaining agreement.
	RuleConcernNotInContract = "readiness.concern-not-in-contract"
)

// Rules returns the rules Review adds across the tools. The rules of each
// tool are in its own catalogue: partnership.Rules, readiness.Rules,
// contract.Rules and agenda.Rules. Each call returns a new slice.
func Rules() []partnership.Rule {
	return []partnership.Rule{
		{ID: RuleInvalid, Title: "Something in the file is not valid", Severity: partnership.Critical,
			Trigger: "A value of the workspace breaks a rule of the file format: a required field left empty, a value not allowed, a reference to something that does not exist. Each problem is one finding, at the field's JSON path.",
			Source:  "partnerkit's file format; see Workspace.Validate"},
		{ID: RuleConcernNotInContract, Title: "A readiness concern the contract could settle", Severity: partnership.Info,
			Trigger: "A concern in the latest readiness round names a person of the partnership (every word of the name, or a family name of four letters or more) or uses a word about schedules and time, and the contract supplement does not name that person or holds no schedule of activities with the district's assurance. It cites resources.3 for schedules, resources.5 for people.",
			Source:  "ODST, Standards for Effective Partnerships (2015): the Contract Supplement names liaisons and managers and holds a schedule the district confirms it can meet"},
	}
}
