package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/partnership"
)

// field describes one labelled form field of an editor. Its id is the
// FieldID of its JSON path, so that a finding or a problem can lead to it.
type field struct {
	path    string // JSON path from the workspace's top
	label   string
	value   string
	action  string // bound to the input event ("part.set")
	arg     string
	hint    string
	kind    string // "text" (default), "date", "number", "email", "textarea", "datetime-local", "time"
	problem string // what is wrong with the value, shown beside it
}

// node renders the field: label, input, hint and problem, tied together for
// screen readers.
func (f field) node() *Node {
	id := FieldID(f.path)
	var describe []string
	var hint, problem *Node
	if f.hint != "" {
		hint = El("p", ID(id+"-hint"), Class("pk-hint"), f.hint)
		describe = append(describe, id+"-hint")
	}
	if f.problem != "" {
		problem = El("p", ID(id+"-problem"), Class("pk-problem"), f.problem)
		describe = append(describe, id+"-problem")
	}
	var in *Node
	switch f.kind {
	case "textarea":
		in = El("textarea", ID(id), A("rows", "3"), On("input", f.action), Arg(f.arg), A("value", f.value))
	default:
		typ := f.kind
		switch typ {
		case "", "number":
			typ = "text" // numbers as text: what is typed is kept, even when it is not a number yet
		}
		in = El("input", ID(id), A("type", typ), A("value", f.value), On("input", f.action), Arg(f.arg))
		if f.kind == "number" {
			in.Attrs = append(in.Attrs, A("inputmode", "decimal"))
		}
	}
	if len(describe) > 0 {
		in.Attrs = append(in.Attrs, A("aria-describedby", strings.Join(describe, " ")))
	}
	if f.problem != "" {
		in.Attrs = append(in.Attrs, A("aria-invalid", "true"))
	}
	return El("div", Class("pk-field"), El("label", A("for", id), f.label), in, hint, problem)
}

// option is one choice of a select.
type option struct{ value, label string }

// selectNode renders a labelled select whose change event is action/arg.
func selectNode(path, label, value, action, arg, hint string, opts []option) *Node {
	id := FieldID(path)
	list := make([]*Node, len(opts))
	for i, o := range opts {
		n := El("option", A("value", o.value), o.label)
		if o.value == value {
			n.Attrs = append(n.Attrs, A("selected", ""))
		}
		list[i] = n
	}
	sel := El("select", ID(id), On("change", action), Arg(arg), list)
	var h *Node
	if hint != "" {
		h = El("p", ID(id+"-hint"), Class("pk-hint"), hint)
		sel.Attrs = append(sel.Attrs, A("aria-describedby", id+"-hint"))
	}
	return El("div", Class("pk-field"), El("label", A("for", id), label), sel, h)
}

// checkNode renders one checkbox with its label; a click sends action/arg.
func checkNode(id, label string, checked bool, action, arg string) *Node {
	in := El("input", ID(id), A("type", "checkbox"), On("change", action), Arg(arg))
	if checked {
		in.Attrs = append(in.Attrs, A("checked", ""))
	}
	return El("div", Class("pk-choice"), in, El("label", A("for", id), label))
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

// typedNumber reads a number typed in a field (a decimal comma is fine).
// When it is not a finite number yet, the text is kept in raw under arg, to
// be shown as typed with a problem beside it, and ok is false; a number
// clears it. NaN and infinities are refused: they could not be saved.
func typedNumber(raw map[string]string, arg, v string) (f float64, ok bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(strings.ReplaceAll(v, ",", ".")), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		raw[arg] = v
		return 0, false
	}
	delete(raw, arg)
	return f, true
}

// approachOptions are the TA approaches, each with what it means, for a select.
func approachOptions() []Option {
	opts := []Option{{"", "Not said yet"}}
	for _, ap := range partnership.Approaches() {
		opts = append(opts, Option{string(ap.Approach), ap.Title + ": " + ap.Description})
	}
	return opts
}
