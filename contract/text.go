package contract

import (
	"strings"

	"github.com/partnerkit/partnerkit/internal/escape"
)

// mdParagraphs escapes multi-line user text for Markdown, each line its own
// paragraph, as the HTML document prints it. Empty text gives "".
func mdParagraphs(s string) string {
	ps := escape.Lines(s)
	for i, p := range ps {
		ps[i] = escape.Markdown(p)
	}
	return strings.Join(ps, "\n\n")
}

// wrap breaks clean text into lines of at most width runes where it can,
// each line after the first starting with indent. Each line of the input
// starts a new line of the output.
func wrap(s string, width int, indent string) string {
	var lines []string
	for _, p := range escape.Lines(s) {
		line := ""
		for _, w := range strings.Fields(p) {
			switch {
			case line == "":
				line = w
			case len([]rune(line))+1+len([]rune(w)) > width:
				lines = append(lines, line)
				line = w
			default:
				line += " " + w
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"+indent)
}
