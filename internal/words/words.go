// Package words writes the small pieces of English that findings, reports
// and charts share: lists joined with "and", counts with their noun, text
// cut to a length, dates as US readers write them.
package words

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// DateLayout is how a day is written for US readers: "June 15, 2018".
// Files keep the ISO form (time.DateOnly); text people read uses this one.
const DateLayout = "January 2, 2006"

// Date writes the day of t as US readers write it: "June 15, 2018".
func Date(t time.Time) string { return t.Format(DateLayout) }

// ShortLayout is a day in the short numeric form US readers write where
// room is scarce, as on a chart's axis: "6/15/2018".
const ShortLayout = "1/2/2006"

// Day writes a day stored the way files store it, "2018-06-15", as US
// readers write it, "June 15, 2018". Text that is not such a day comes back
// as it is, so a bad date still shows what was typed.
func Day[S ~string](iso S) string {
	t, err := time.Parse(time.DateOnly, string(iso))
	if err != nil {
		return string(iso)
	}
	return Date(t)
}

// ShortDay writes a day stored the way files store it, "2018-06-15", in the
// short form, "6/15/2018"; text that is not such a day comes back as it is.
func ShortDay[S ~string](iso S) string {
	t, err := time.Parse(time.DateOnly, string(iso))
	if err != nil {
		return string(iso)
	}
	return t.Format(ShortLayout)
}

// ClockLayout is a time of day as US readers write it: "3:30 PM".
const ClockLayout = "3:04 PM"

// Clock writes the time of day of t as US readers write it: "3:30 PM".
func Clock(t time.Time) string { return t.Format(ClockLayout) }

// ClockSpan writes the times of day from a to b: "3:30–4:30 PM", naming AM
// or PM once when both share it, and "11:30 AM–12:30 PM" when they do not.
func ClockSpan(a, b time.Time) string {
	if a.Format("PM") == b.Format("PM") {
		return a.Format("3:04") + "–" + Clock(b)
	}
	return Clock(a) + "–" + Clock(b)
}

// Weekday writes the day of t with its weekday, as US readers write it:
// "Tuesday, September 15, 2026".
func Weekday(t time.Time) string { return t.Format("Monday, " + DateLayout) }

// JoinAnd joins items as "a, b and c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Count writes n with its noun: "1 rating", "3 ratings".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Shorten cuts s to n characters, ending with an ellipsis when cut.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
