package ui

import (
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// pageSelect draws a labelled select of the page's own state (not of the
// workspace, whose values are Fields): its change event sends action.
func pageSelect(id, label, value, action string, opts []Option) *Node {
	list := make([]*Node, len(opts))
	for i, o := range opts {
		n := El("option", A("value", o.Value), o.Label)
		if o.Value == value {
			n.Attrs = append(n.Attrs, A("selected", ""))
		}
		list[i] = n
	}
	return El("div", Key("f:"+id), Class("pk-field"), El("label", A("for", id), label), El("select", ID(id), On("change", action), list))
}

// findingsNode lists findings beside the thing they concern, or nothing.
func findingsNode(fs []partnership.Finding) *Node {
	if len(fs) == 0 {
		return nil
	}
	items := make([]*Node, len(fs))
	for i, f := range fs {
		var question *Node
		if f.Question != "" {
			question = El("p", Class("pk-hint"), El("strong", "To discuss: "), f.Question)
		}
		var evidence *Node
		if len(f.Evidence) > 0 {
			evidence = El("ul", Class("pk-evidence"), lis(f.Evidence))
		}
		items[i] = El("li", Class("pk-finding pk-finding-"+string(f.Severity)),
			El("p", Class("pk-message"), El("strong", severityWord(f.Severity)+": "), f.Message),
			evidence, question)
	}
	return El("ul", Class("pk-findings pk-beside"), A("aria-label", plural(len(fs), "finding", "findings")+" here"), items)
}

// severityWord names a severity in plain words.
func severityWord(s partnership.Severity) string {
	for _, x := range severities {
		if x.sev == s {
			return x.label
		}
	}
	return string(s)
}

// findingsUnder returns the findings whose path is at or under path.
func findingsUnder(fs []partnership.Finding, path string) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range fs {
		if f.Path == path || strings.HasPrefix(f.Path, path+".") || strings.HasPrefix(f.Path, path+"[") {
			out = append(out, f)
		}
	}
	return out
}

// findingsAt returns the findings whose path is exactly path.
func findingsAt(fs []partnership.Finding, path string) []partnership.Finding {
	var out []partnership.Finding
	for _, f := range fs {
		if f.Path == path {
			out = append(out, f)
		}
	}
	return out
}

// approachOptions are the TA approaches, each with what it means, for a select.
func approachOptions() []Option {
	opts := []Option{{"", "Not said yet"}}
	for _, ap := range partnership.Approaches() {
		opts = append(opts, Option{string(ap.Approach), ap.Title + ": " + ap.Description})
	}
	return opts
}
