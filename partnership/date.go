package partnership

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/sheet"
)

// ErrNotADate is wrapped by the errors of ParseDate.
var ErrNotADate = errors.New("not a date")

// months are the month names ParseDate reads, in full; the first three
// letters do as well ("Mar", "Sept." too).
var months = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// ParseDate reads a date as people in the United States type it: 3/2/2027
// or 03/02/2027 (month, day, year), March 2, 2027 or Mar 2 2027, and
// 2027-03-02, the form a date input gives and a Date keeps. It returns the
// date as YYYY-MM-DD. A year must be written in full: 3/2/27 is refused, as
// is a day the calendar does not have (2/30/2027); each error says how to
// write the date and wraps ErrNotADate.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	bad := func(why string) (Date, error) {
		return "", fmt.Errorf("%q is %w%s; write it as 3/2/2027 (month/day/year), March 2, 2027 or 2027-03-02", s, ErrNotADate, why)
	}
	var y, m, d int
	var yearText string
	switch {
	case len(t) == 10 && t[4] == '-' && t[7] == '-':
		if _, ok := Date(t).Time(); ok {
			return Date(t), nil
		}
		return bad(" of the calendar")
	case strings.Count(t, "/") == 2:
		parts := strings.Split(t, "/")
		var ok1, ok2, ok3 bool
		m, ok1 = number(parts[0], 2)
		d, ok2 = number(parts[1], 2)
		y, ok3 = number(parts[2], 4)
		if !ok1 || !ok2 || !ok3 {
			return bad("")
		}
		yearText = strings.TrimSpace(parts[2])
	default:
		// A month's name, the day and the year: "March 2, 2027", "Mar. 2 2027".
		f := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(strings.ToLower(t)))
		if len(f) != 3 {
			return bad("")
		}
		m = monthNamed(f[0])
		var ok1, ok2 bool
		d, ok1 = number(strings.TrimRight(f[1], "stndrh"), 2) // 2nd, 3rd, 21st
		y, ok2 = number(f[2], 4)
		if m == 0 || !ok1 || !ok2 {
			return bad("")
		}
		yearText = f[2]
	}
	if len(yearText) != 4 {
		return bad(" with its year in full")
	}
	iso := Date(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	if _, ok := iso.Time(); !ok || m < 1 || m > 12 {
		return bad(" of the calendar")
	}
	return iso, nil
}

// ParseCellDate reads a date as a spreadsheet's cell gives it: as ParseDate
// reads it, with the midnight a spreadsheet may write after it
// ("3/2/2027 0:00"), or, in a workbook (serial is true), as a date serial
// number counted in the workbook's 1900 or 1904 (date1904) system. Its
// errors quote s as it is and wrap ErrNotADate.
func ParseCellDate(s string, serial, date1904 bool) (Date, error) {
	if serial {
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			if iso, ok := sheet.SerialDate(v, date1904); ok {
				return Date(iso), nil
			}
		}
	}
	day := s
	if d, rest, ok := strings.Cut(s, " "); ok && slices.Contains([]string{"00:00:00", "0:00:00", "00:00", "0:00", "12:00 AM", "12:00:00 AM"}, strings.TrimSpace(rest)) {
		day = d
	}
	d, err := ParseDate(day)
	if err != nil {
		return "", cellDateError(strings.Replace(err.Error(), strconv.Quote(day), strconv.Quote(s), 1))
	}
	return d, nil
}

// cellDateError is ParseDate's error with the cell's text quoted.
type cellDateError string

func (e cellDateError) Error() string { return string(e) }
func (e cellDateError) Unwrap() error { return ErrNotADate }

// number reads 1 to max ASCII digits, with spaces around them.
func number(s string, max int) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > max {
		return 0, false
	}
	n, ok := digits(s)
	return n, ok
}

// monthNamed returns the month (1 to 12) a name or its first three or more
// letters give, or 0.
func monthNamed(s string) int {
	if len(s) < 3 {
		return 0
	}
	for i, name := range months {
		if strings.HasPrefix(name, s) {
			return i + 1
		}
	}
	if s == "sept" {
		return 9
	}
	return 0
}

// USDate writes d as the United States write a date in short, 3/2/2027, or
// returns d as it is when it is not a date.
func USDate(d Date) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	return strconv.Itoa(int(t.Month())) + "/" + strconv.Itoa(t.Day()) + "/" + strconv.Itoa(t.Year())
}
