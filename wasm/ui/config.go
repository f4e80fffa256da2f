package ui

import (
	"net/netip"
	"net/url"
	"strconv"
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
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || !hostName(u.Hostname()) {
		return ""
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return ""
		}
	}
	return u.Scheme + "://" + u.Host
}

// hostName reports whether h is a host name or an IP address.
func hostName(h string) bool {
	if h == "" {
		return false
	}
	if strings.Contains(h, ":") { // IPv6
		_, err := netip.ParseAddr(h)
		return err == nil
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}
