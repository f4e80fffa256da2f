package readiness

import (
	"bytes"
	"fmt"
	"io"
	"strconv"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/internal/words"
)

// chartCaption says how to read a team's chart.
const chartCaption = "Each dot is one rating; the red mark is the mean; the blue bar runs from the lowest to the highest rating."

// Document returns the report as a printable document, with the same
// content as WriteHTML and WriteMarkdown: the note that it decides nothing,
// the scale, and each team on its own page with the suggested order of
// discussion, the table of its ratings, its chart and its concerns. The
// raters' names appear only when r.Options.Names is set.
func (r Report) Document() *document.Document {
	r = r.shown()
	rb := r.Rubric
	title := rb.Title + ": summary of ratings"
	d := &document.Document{Title: title, Footer: title}
	d.Heading(1, title)
	d.Styled(document.Note, document.Plain(Note))
	d.Heading(2, "Scale ("+rb.Scale.String()+")")
	scale := &document.List{}
	for i := len(rb.Scale.Levels) - 1; i >= 0; i-- {
		l := rb.Scale.Levels[i]
		text := document.Text{document.Strong(strconv.Itoa(l.Value))}
		if l.Label != "" {
			text = append(text, document.Plain(" "+l.Label+":"))
		}
		scale.Items = append(scale.Items, document.Item{Text: append(text, document.Plain(" "+l.Descriptor))})
	}
	d.Add(scale)
	if len(r.Teams) == 0 {
		d.Para(document.Plain("No responses yet."))
	}
	for i, t := range r.Teams {
		if i > 0 {
			d.Add(&document.PageBreak{})
		}
		d.Heading(2, teamLabel(t.Team))
		d.Para(document.Plain(words.Count(t.Raters, "rater", "raters") + "."))
		d.Heading(3, "Suggested order of discussion")
		d.Para(document.Plain("Lowest mean first, then widest spread."))
		order := &document.List{Ordered: true}
		for _, id := range t.DiscussFirst {
			c, _ := t.Category(id)
			order.Items = append(order.Items, document.Item{Text: document.T(c.Title + " — " + categoryLine(c))})
		}
		d.Add(order)
		table := &document.Table{Columns: []document.Column{
			{Title: "Category", Width: 8}, {Title: "Ratings", Width: 2, Align: document.Right},
			{Title: "Mean", Width: 2, Align: document.Right}, {Title: "Range", Width: 2, Align: document.Right},
		}}
		for _, l := range rb.Scale.Levels {
			table.Columns = append(table.Columns, document.Column{Title: strconv.Itoa(l.Value), Width: 1, Align: document.Right})
		}
		table.Columns = append(table.Columns, document.Column{Title: "Consensus", Width: 3})
		for _, c := range t.Categories {
			cells := []document.Text{document.T(c.Title), document.T(strconv.Itoa(c.N)), document.T(meanText(c)), document.T(rangeText(c))}
			for _, lc := range c.Counts {
				cells = append(cells, document.T(strconv.Itoa(lc.Count)))
			}
			table.Rows = append(table.Rows, document.Row{Cells: append(cells, document.T(consensusText(c)))})
		}
		d.Add(table)
		if c, ok := TeamChart(r, t.Team); ok {
			c.ID = fmt.Sprintf("chart-team-%d", i+1)
			var svg bytes.Buffer
			if c.WriteSVG(&svg) == nil {
				d.Add(&document.Figure{SVG: svg.String(), Caption: chartCaption})
			}
		}
		d.Heading(3, "Concerns")
		wrote := false
		for _, c := range t.Categories {
			if len(c.Concerns) == 0 {
				continue
			}
			wrote = true
			d.Para(document.Strong(c.Title))
			l := &document.List{}
			for _, cn := range c.Concerns {
				var text document.Text
				if cn.Rater != "" {
					text = append(text, document.Strong(cn.Rater+":"), document.Plain(" "))
				}
				l.Items = append(l.Items, document.Item{Text: append(text, document.Plain(cn.Text))})
			}
			d.Add(l)
		}
		if !wrote {
			d.Para(document.Plain("No concerns were written."))
		}
	}
	if rb.Source != "" {
		d.Styled(document.Hint, document.Plain("Rubric: "+rb.Title+". Source: "+rb.Source+"."))
	}
	return d
}

// WriteDOCX writes the report as a Word file: the same document as
// WriteHTML, without the charts, in Word's heading, list and table styles.
// The raters' names appear only when r.Options.Names is set.
func (r Report) WriteDOCX(w io.Writer) error {
	return r.Document().WriteDOCX(w)
}
