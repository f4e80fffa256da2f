package ui

import (
	"net/url"
	"strings"
)

// ParseLocation reads the page's configuration from its URL: the query string
// and the fragment (without "?" and "#"). Parameters may be in either; the
// fragment never reaches a server, so an embedding page should put a custom
// rubric there.
//
//	?view=rubric                 only the rater view, for an iframe
//	&parentOrigin=https://ta.org post each submitted response to that origin
//	#rubric=pk1....              a custom rubric, as a rubric code
//
// builtRubric is the rubric code baked in at build time, if any; a rubric in
// the URL takes its place.
func ParseLocation(query, fragment, builtRubric string) Config {
	cfg := Config{Rubric: strings.TrimSpace(builtRubric)}
	for _, s := range []string{query, fragment} {
		v, err := url.ParseQuery(s)
		if err != nil && len(v) == 0 {
			continue
		}
		if v.Get("view") == "rubric" {
			cfg.Embed = true
		}
		if o := v.Get("parentOrigin"); o != "" {
			cfg.ParentOrigin = origin(o)
		}
		if r := v.Get("rubric"); r != "" {
			cfg.Rubric = r
		}
	}
	if !cfg.Embed {
		cfg.ParentOrigin = ""
	}
	return cfg
}

// origin returns the origin of an http or https URL ("https://ta.example"),
// or "" for anything else: a response is never posted to a wildcard, nor to
// an origin that is not a web site.
func origin(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
