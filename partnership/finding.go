package partnership

import (
	"cmp"
	"slices"
	"strings"
)

// Severity ranks a finding. The zero value is not a valid severity.
type Severity string

// The three severities, from least to most urgent.
const (
	Info     Severity = "info"
	Warning  Severity = "warning"
	Critical Severity = "critical"
)

// Rank orders severities: critical is 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Finding is what every check in partnerkit returns: something a team should
// look at and talk about. A finding never decides for the team.
type Finding struct {
	// Rule is the stable ID of the rule that fired, such as "agenda.time-budget".
	Rule string `json:"rule"`
	// Severity is info, warning or critical.
	Severity Severity `json:"severity"`
	// Standard is the ID of the framework standard the rule serves ("communication.2"), or empty.
	Standard string `json:"standard,omitempty"`
	// Message says in plain words what was found.
	Message string `json:"message"`
	// Evidence lists the people, initiatives, dates or numbers behind the finding.
	Evidence []string `json:"evidence,omitempty"`
	// Question is what the team could discuss about it.
	Question string `json:"question,omitempty"`
	// Path is the JSON path of the thing the finding concerns ("partners[1]"), or empty.
	Path string `json:"path,omitempty"`
}

// Theme returns the theme ID of the finding's standard, or "" when it has none.
func (f Finding) Theme() string {
	if s, ok := StandardByID(f.Standard); ok {
		return s.Theme
	}
	return ""
}

// SortFindings orders findings most severe first, then by rule, path,
// message and evidence, so that reports are stable from run to run. Paths and
// messages compare numbers by value, so "initiatives[2]" comes before
// "initiatives[10]" and "4 weeks" before "16 weeks". Findings
// equal in all of these are interchangeable, so the sort need not be stable.
func SortFindings(fs []Finding) {
	slices.SortFunc(fs, CompareFindings)
}

// CompareFindings orders two findings as SortFindings does: it returns a
// negative number when a comes first, a positive one when b does, and 0 when
// they are interchangeable. Lists sorted with it merge into one sorted list,
// as Review merges the tools' findings.
func CompareFindings(a, b Finding) int {
	// Compare lazily: Review orders tens of thousands of findings.
	if c := cmp.Compare(b.Severity.Rank(), a.Severity.Rank()); c != 0 {
		return c
	}
	if c := strings.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	if c := naturalCompare(a.Path, b.Path); c != 0 {
		return c
	}
	if c := naturalCompare(a.Message, b.Message); c != 0 {
		return c
	}
	return slices.Compare(a.Evidence, b.Evidence)
}

// naturalCompare compares a and b as strings, except that runs of digits
// compare by their value: "x9" < "x10".
func naturalCompare(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na := strings.TrimLeft(a[si:i], "0")
			nb := strings.TrimLeft(b[sj:j], "0")
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(a[i], b[j]); c != 0 {
			return c
		}
		i++
		j++
	}
	if c := cmp.Compare(len(a)-i, len(b)-j); c != 0 {
		return c
	}
	return strings.Compare(a, b) // "x01" and "x1": any fixed order
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
