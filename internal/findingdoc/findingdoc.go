// Package findingdoc writes a finding of the checks as an item of a printed
// document: its message, some of its evidence and its question, with the
// standard it serves when asked. The review's pre-read and the data
// pre-read print their findings through it, so that both read alike.
package findingdoc

import (
	"strconv"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/partnership"
)

// Item returns the finding as a list item: the message in bold, the first
// maxEvidence lines of evidence (and how many more there are), the question
// to discuss and, when standard is set, the text of the standard it serves.
// Every text is cleaned to one line of plain text.
func Item(f partnership.Finding, maxEvidence int, standard bool) document.Item {
	it := document.Item{Text: document.Text{document.Strong(escape.Line(f.Message))}}
	if len(f.Evidence) > 0 {
		n := min(len(f.Evidence), max(maxEvidence, 0))
		ev := make([]string, 0, n+1)
		for _, e := range f.Evidence[:n] {
			ev = append(ev, escape.Line(e))
		}
		if more := len(f.Evidence) - n; more > 0 {
			ev = append(ev, "and "+strconv.Itoa(more)+" more")
		}
		it.Blocks = append(it.Blocks, document.Bullets(ev...))
	}
	if q := escape.Line(f.Question); q != "" {
		it.Blocks = append(it.Blocks, &document.Paragraph{Text: document.Text{document.Emph("To discuss:"), document.Plain(" " + q)}})
	}
	if s, ok := partnership.StandardByID(f.Standard); ok && standard {
		it.Blocks = append(it.Blocks, &document.Paragraph{Style: document.Hint, Text: document.T("Standard: " + s.Text)})
	}
	return it
}
