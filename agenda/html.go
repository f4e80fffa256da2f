package agenda

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// WriteHTML writes the meeting as a complete, print-ready HTML page: the
// agenda before the meeting, the minutes once it is closed, with the same
// content as WriteMarkdown. Everything a user typed is escaped, so a script
// in a name stays text. The page has no scripts and loads nothing.
func (m Meeting) WriteHTML(w io.Writer) error {
	if err := htmlTemplate().Execute(w, newView(m)); err != nil {
		return fmt.Errorf("writing the meeting as HTML: %w", err)
	}
	return nil
}

var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("meeting").Funcs(template.FuncMap{
		"lines": func(s string) []string {
			var out []string
			for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
				if strings.TrimSpace(l) != "" {
					out = append(out, l)
				}
			}
			return out
		},
	}).Parse(htmlSource))
})

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Heading}}</title>
<style>
body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}
h2{font-size:1.15rem;border-bottom:1px solid #999;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}
ol.questions>li{margin:.25rem 0}
.notes{margin:.25rem 0 .5rem;padding:.25rem .5rem;border-left:3px solid #bbb;white-space:pre-wrap}
.none{color:#555;font-style:italic}
.date{white-space:nowrap}
.budget{color:#8a4b00}
.check{display:inline-block;width:1em}
.write{display:none}
@media print{.write{display:block;height:3.5em;border-bottom:1px dotted #999}body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}section,tr{break-inside:avoid}.notes{min-height:1em}}
</style>
</head>
<body>
<h1>{{.Heading}}</h1>
<dl>
<dt>When</dt><dd>{{.When}}</dd>
{{- if .Where}}
<dt>Where</dt><dd>{{.Where}}</dd>
{{- end}}
<dt>Meeting</dt><dd>{{.Kind}}</dd>
{{- if .BudgetNote}}
<dt>Time budget</dt><dd class="budget">{{.BudgetNote}}</dd>
{{- end}}
</dl>

<h2>{{.AttendeesTitle}}</h2>
{{- if .Attendees}}
<table>
<thead><tr><th>Name</th><th>Side</th><th>Roles</th></tr></thead>
<tbody>
{{- range .Attendees}}
<tr><td>{{.Name}}</td><td>{{.Side}}</td><td>{{.Roles}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p class="none">No attendees listed yet.</p>
{{- end}}
{{- if and (not .Minutes) .Prep}}

<h2>Preparation</h2>
<ul>
{{- range .Prep}}
<li><span class="check">{{if .Done}}☑{{else}}☐{{end}}</span> {{.Text}}</li>
{{- end}}
</ul>
{{- end}}

<h2>Agenda</h2>
{{- $minutes := .Minutes}}
{{- range .Sections}}
<section>
<h3>{{.Number}}. {{.Title}} ({{.Minutes}} min{{.Clock}})</h3>
{{- if .Questions}}
<ol class="questions">
{{- range .Questions}}
<li>{{.Text}}
{{- if .Notes}}
<div class="notes">{{range $i, $l := lines .Notes}}{{if $i}}<br>{{end}}{{$l}}{{end}}</div>
{{- else if $minutes}}
<div class="notes none">No notes.</div>
{{- else}}
<div class="write" aria-hidden="true"></div>
{{- end}}
</li>
{{- end}}
</ol>
{{- else}}
<p class="none">No questions.</p>
{{- end}}
</section>
{{- end}}
{{- if .ShowRecord}}

<h2>Record</h2>
{{- if lines .Record}}
<div class="notes">{{range $i, $l := lines .Record}}{{if $i}}<br>{{end}}{{$l}}{{end}}</div>
{{- else}}
<p class="none">No record was kept.</p>
{{- end}}
{{- end}}

<h2>{{.ActionsTitle}}</h2>
{{- if .Actions}}
<table>
<thead><tr><th>#</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Raised</th></tr></thead>
<tbody>
{{- range .Actions}}
<tr><td>{{.Number}}</td><td>{{.Text}}</td><td>{{.Owner}}</td><td class="date">{{.Due}}</td><td>{{.Status}}</td><td>{{.Raised}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p class="none">None.</p>
{{- end}}
</body>
</html>
`
