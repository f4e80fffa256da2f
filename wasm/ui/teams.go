package ui

import (
	"fmt"
	"strings"
)

// A readiness team is one of the partnership's sides: the district's
// leadership team or a partner's. A rater chooses it from the sides, with
// their names; a response whose team names a side (by its name, or as a
// rater on a device without the partnership wrote it, "District leadership
// team") is given that side's name when it joins a round or when a file is
// opened, so that one side's raters are summarised together. A team that
// names no side is shown to the facilitator, who says which side it is.

// The teams a rater chooses from on a device that has no partnership.
const (
	districtTeam = "District leadership team"
	partnerTeam  = "Partner leadership team"
)

// side is one side of the partnership.
type side struct {
	name     string // what a response's team says: the organisation's name
	label    string // what a rater reads
	district bool
}

// sides are the district's team and each partner's, by name; without a
// partnership, the two generic teams.
func (a *App) sides() []side {
	p := a.ws.Partnership
	if p == nil {
		return []side{{districtTeam, districtTeam, true}, {partnerTeam, partnerTeam, false}}
	}
	out := []side{{name: named(strings.TrimSpace(p.District.Name), districtTeam), district: true}}
	out[0].label = out[0].name + " (the district's leadership team)"
	for _, pa := range p.Partners {
		if n := strings.TrimSpace(pa.Name); n != "" {
			out = append(out, side{name: n, label: n + " (a partner's leadership team)"})
		}
	}
	if len(out) == 1 {
		out = append(out, side{partnerTeam, partnerTeam, false})
	}
	return out
}

// teamWords are how raters write a generic team, without its name.
var teamWords = map[string]bool{"district": true, "the district": true, "district team": true, "district leadership team": true, "district leadership": true}
var partnerWords = map[string]bool{"partner": true, "the partner": true, "partner team": true, "partner leadership team": true, "partner leadership": true, "ta partner": true}

// sideOf returns the side a team names: by the side's name, or by the
// generic words for the district or, when there is one partner only, for the
// partner; ok is false when it names none, or more than one could be meant.
func (a *App) sideOf(team string) (side, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(team), " "))
	if k == "" {
		return side{}, false
	}
	sides := a.sides()
	for _, s := range sides {
		if strings.ToLower(s.name) == k {
			return s, true
		}
	}
	switch {
	case teamWords[k]:
		return sides[0], true
	case partnerWords[k] && len(sides) == 2:
		return sides[1], true
	}
	return side{}, false
}

// mapTeams gives every response whose team names a side the side's name,
// and says what it changed in a notice; it reports whether it changed any.
func (a *App) mapTeams() bool {
	if a.ws.Partnership == nil {
		return false
	}
	changed := map[string]string{}
	n := 0
	for i := range a.ws.Readiness {
		for j := range a.ws.Readiness[i].Responses {
			r := &a.ws.Readiness[i].Responses[j]
			if s, ok := a.sideOf(r.Team); ok && s.name != r.Team {
				changed[r.Team] = s.name
				r.Team = s.name
				n++
			}
		}
	}
	if n == 0 {
		return false
	}
	var what []string
	for from, to := range changed {
		what = append(what, fmt.Sprintf("“%s” is now “%s”", from, to))
	}
	a.notify(Notice{Kind: "info", Text: fmt.Sprintf("The teams of %s were written differently from the partnership's sides, and now use the sides' names, so that each side's raters are summarized together.",
		plural(n, "readiness response", "readiness responses")), Details: what})
	return true
}

// readinessParts are the readiness rounds, for plain paths.
func readinessParts() []Part {
	return []Part{
		{Path: "readiness", Title: "Readiness rounds", Noun: "round", Name: nameAt("title")},
		{Path: "readiness[].responses", Noun: "response", Name: func(a *App, at Loc) string {
			if who := nameAt("rater")(a, at); who != "" {
				return "the response of " + who
			}
			return ""
		}},
	}
}

// readinessFields are what the facilitator edits in a round: which side a
// team that names none is.
func readinessFields() []Field {
	return []Field{
		{Path: "readiness[].responses[].team", Label: "Which side is this team?", Words: "team", Kind: KindChoice,
			Options: func(a *App, at Loc) []Option {
				opts := []Option{}
				for _, s := range a.sides() {
					opts = append(opts, Option{s.name, s.label})
				}
				return opts
			},
			Write: func(a *App, at Loc, text string) bool {
				// Every response of the round with the same team goes with it.
				v, ok := a.model.value(a.ws, at.Path)
				if !ok {
					return false
				}
				old, r := v.String(), &a.ws.Readiness[at.at(0)]
				if _, asked := a.fac.answered[at.at(1)]; !asked && at.at(0) == a.fac.round {
					if a.fac.answered == nil {
						a.fac.answered = map[int]string{}
					}
					a.fac.answered[at.at(1)] = old
				}
				for j := range r.Responses {
					if r.Responses[j].Team == old {
						r.Responses[j].Team = text
					}
				}
				return true
			}},
	}
}

// viewTeams asks, for each team of the round that names none of the
// partnership's sides, which side it is.
func (a *App) viewTeams() *Node {
	r := a.currentRound()
	if r == nil || a.ws.Partnership == nil {
		return nil
	}
	c := form{a: a}
	seen := map[string]bool{}
	var asks []*Node
	open := 0
	for j, resp := range r.Responses {
		from, answered := a.fac.answered[j]
		if answered {
			// Asked about and given a side on this visit: the question
			// stays where it was, keyed by the team it asked about.
			if seen[from] {
				continue
			}
			seen[from] = true
			path := fmt.Sprintf("readiness[%d].responses[%d].team", a.fac.round, j)
			asks = append(asks, El("li", Key("team:"+from),
				El("p", fmt.Sprintf("“%s” is now summarized with %s.", named(from, "no team"), named(resp.Team, "no team"))),
				c.input(path)))
			continue
		}
		if seen[resp.Team] {
			continue
		}
		seen[resp.Team] = true
		if _, ok := a.sideOf(resp.Team); ok {
			continue
		}
		n := 0
		for _, x := range r.Responses {
			if x.Team == resp.Team {
				n++
			}
		}
		open++
		path := fmt.Sprintf("readiness[%d].responses[%d].team", a.fac.round, j)
		team := named(resp.Team, "no team")
		asks = append(asks, El("li", Key("team:"+resp.Team),
			El("p", fmt.Sprintf("“%s” (%s) is none of the partnership's sides, so its ratings are summarized apart.", team, plural(n, "rater", "raters"))),
			c.input(path)))
	}
	if len(asks) == 0 {
		return nil
	}
	class, title := "pk-notice pk-notice-problem", plural(open, "team needs", "teams need")+" a side"
	if open == 0 {
		class, title = "pk-notice pk-notice-ok", "Every team is one of the partnership's sides"
	}
	return El("section", ID("pk-teams"), Class(class), A("aria-labelledby", "pk-teams-h"),
		El("h3", ID("pk-teams-h"), title),
		El("ul", asks))
}
