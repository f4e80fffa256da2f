package partnership

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/internal/escape"
	"github.com/partnerkit/partnerkit/internal/sheet"
)

// templateRows returns the inventory template: the header ReadInventory
// reads, and example rows in the partnership's own names (its partners,
// priorities, audiences and schools), one initiative with two time
// demands and one with one. Date cells hold YYYY-MM-DD.
func templateRows(p *Partnership) [][]string {
	header := make([]string, 0, 8)
	for _, f := range InventoryFields()[1:] {
		header = append(header, f.Label())
	}
	partner, district := p.District.Name, p.District.Name
	if len(p.Partners) > 0 {
		partner = p.Partners[0].Name
	}
	if district == "" {
		district = "District"
	}
	if partner == "" {
		partner = district
	}
	priority := func(i int) string {
		if len(p.Priorities) == 0 {
			return ""
		}
		return p.Priorities[min(i, len(p.Priorities)-1)].Title
	}
	audience := func(i int, fallback string) string {
		if i < len(p.Capacity) && p.Capacity[i].Audience != "" {
			return p.Capacity[i].Audience
		}
		return fallback
	}
	schools := "all"
	if len(p.Schools) > 0 {
		names := make([]string, 0, 2)
		for _, s := range p.Schools[:min(2, len(p.Schools))] {
			names = append(names, s.Name)
		}
		schools = strings.Join(names, "; ")
	}
	base := time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC)
	if t, ok := p.Start.Time(); ok {
		base = t
	}
	day := func(months, days int) string { return base.AddDate(0, months, days).Format(time.DateOnly) }
	return [][]string{
		header,
		{"Coaching cycles (example)", partner, priority(0), audience(0, "teachers"), schools, day(0, 0), day(3, -1), "2"},
		{"Coaching cycles (example)", "", "", audience(1, "principals"), "all", day(1, 0), day(5, -1), "1"},
		{"Summer institute (example)", district, priority(1), audience(0, "teachers"), "", day(10, 0), day(10, 4), "30"},
	}
}

// WriteInventoryTemplate writes a CSV file to fill in and import with
// ReadInventory: the header row, and example rows that use the
// partnership's own names, to be replaced. It is UTF-8 with a byte-order
// mark and CRLF line ends, as Excel expects of "CSV UTF-8"; a name that a
// spreadsheet would run as a formula (it starts with = + - @) gets a
// leading apostrophe, which spreadsheets and ReadInventory take away.
func WriteInventoryTemplate(w io.Writer, p *Partnership) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("writing the inventory template: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rows := templateRows(p)
	for _, r := range rows {
		for j := range r {
			r[j] = escape.CSVCell(r[j]) // a name that starts as a formula stays text
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("writing the inventory template: %w", err)
	}
	return nil
}

// WriteInventoryTemplateXLSX writes the template of WriteInventoryTemplate
// as an Excel workbook: dates as dates, hours as numbers, the header bold
// and frozen.
func WriteInventoryTemplateXLSX(w io.Writer, p *Partnership) error {
	rows := templateRows(p)
	cells := make([][]sheet.Cell, len(rows))
	for i, r := range rows {
		cells[i] = make([]sheet.Cell, len(r))
		for j, v := range r {
			switch f := InventoryFields()[j+1]; {
			case i > 0 && (f == FieldStart || f == FieldEnd):
				cells[i][j] = sheet.DateCell(v)
			case i > 0 && f == FieldHours:
				var n float64
				_, _ = fmt.Sscan(v, &n)
				cells[i][j] = sheet.NumberCell(n)
			default:
				cells[i][j] = sheet.TextCell(v)
			}
		}
	}
	if err := sheet.WriteWorkbook(w, "Initiatives", cells); err != nil {
		return fmt.Errorf("writing the inventory template: %w", err)
	}
	return nil
}
