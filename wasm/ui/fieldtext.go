package ui

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// How a field's value is read from the text typed and shown as text, and
// what is kept of the text as typed.

// localLayout is how an <input type="datetime-local"> writes a time.
const localLayout = "2006-01-02T15:04"

// ParseDecimal reads a decimal number as people type it: "1.5", "9.", "007",
// ".5", a decimal comma ("1,5"), and thousands grouped the US way ("1,250.5")
// or with points before a decimal comma ("1.250,5"). It refuses exponents,
// NaN and infinities; ok is false for anything that is not a number.
func ParseDecimal(s string) (f float64, ok bool) {
	s = strings.TrimSpace(s)
	comma, point := strings.Count(s, ","), strings.Count(s, ".")
	switch {
	case comma > 0 && point > 0:
		// The separator written last is the decimal one.
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			if comma > 1 || !grouped(s[:strings.IndexByte(s, ',')], '.') {
				return 0, false
			}
			s = strings.ReplaceAll(s, ".", "")
			s = strings.Replace(s, ",", ".", 1)
		} else {
			if point > 1 || !grouped(s[:strings.IndexByte(s, '.')], ',') {
				return 0, false
			}
			s = strings.ReplaceAll(s, ",", "")
		}
	case comma > 1:
		if !grouped(s, ',') {
			return 0, false
		}
		s = strings.ReplaceAll(s, ",", "")
	case comma == 1:
		// "1,250" groups thousands as US English writes them; "1,5" and
		// "12,75" use a decimal comma.
		if grouped(s, ',') && len(s)-strings.IndexByte(s, ',') == 4 && !strings.HasPrefix(strings.TrimLeft(s, "+-"), "0") {
			s = strings.Replace(s, ",", "", 1)
		} else {
			s = strings.Replace(s, ",", ".", 1)
		}
	}
	digits, seen := 0, false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case (r == '-' || r == '+') && i == 0:
		case r == '.' && !seen:
			seen = true
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// grouped reports whether s is an integer with its digits in groups of
// three after the first, separated by sep: "1,250,000".
func grouped(s string, sep byte) bool {
	s = strings.TrimLeft(s, "+-")
	groups := strings.Split(s, string(sep))
	for i, g := range groups {
		if g == "" || len(g) > 3 || i > 0 && len(g) != 3 {
			return false
		}
		for _, r := range g {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return len(groups) > 1
}

// ParseWhole reads a whole number: "60", "007", "+5"; ok is false for
// anything else.
func ParseWhole(s string) (n int, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, ".,eE_xX") {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// parse reads the text typed in the field: the value to write, or why it
// cannot be one yet, in plain words.
func (a *App) parse(f *Field, text string) (any, string) {
	switch f.Kind {
	case KindNumber:
		v, ok := ParseDecimal(text)
		if !ok {
			return nil, "Write a number, such as " + f.Example + "."
		}
		if prob := f.outside(v); prob != "" {
			return nil, prob
		}
		return v, ""
	case KindWhole:
		n, ok := ParseWhole(text)
		if !ok {
			return nil, "Write a whole number, such as " + f.Example + "."
		}
		if prob := f.outside(float64(n)); prob != "" {
			return nil, prob
		}
		return n, ""
	case KindDate:
		d, prob := parseDay(text)
		if prob != "" {
			return nil, prob
		}
		return string(d), ""
	case KindDateTime:
		t, prob := parseWhen(text, a.zone())
		if prob != "" {
			return nil, prob
		}
		return t, ""
	case KindDates:
		ds, prob := parseDays(text)
		if prob != "" {
			return nil, prob
		}
		return ds, ""
	case KindLines:
		return lines(text), ""
	}
	return text, ""
}

// outside says what is wrong with a number out of the field's bounds.
func (f *Field) outside(v float64) string {
	if f.Max <= f.Min || v >= f.Min && v <= f.Max {
		return ""
	}
	return "Write a number from " + fmtNumber(f.Min) + " to " + fmtNumber(f.Max) + "."
}

func fmtNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// zone is the time zone times are typed in: the workspace's.
func (a *App) zone() *time.Location { return a.ws.Location() }

// format shows a value as text.
func format(f *Field, v reflect.Value) string {
	switch f.Kind {
	case KindNumber:
		return fmtNumber(v.Float())
	case KindWhole:
		return strconv.FormatInt(v.Int(), 10)
	case KindDateTime:
		t, _ := v.Interface().(time.Time)
		if t.IsZero() {
			return ""
		}
		return t.Format(localLayout)
	case KindLines, KindDates:
		s := make([]string, v.Len())
		for i := range s {
			s[i] = v.Index(i).String()
		}
		if f.Kind == KindDates {
			return formatDays(s)
		}
		return strings.Join(s, "\n")
	case KindCheck:
		if v.Kind() == reflect.Bool {
			return strconv.FormatBool(v.Bool())
		}
		return strconv.FormatBool(v.String() == f.On)
	case KindSet:
		s := make([]string, v.Len())
		for i := range s {
			s[i] = v.Index(i).String()
		}
		return strings.Join(s, "\n")
	}
	return v.String()
}

// read returns the field's value at a place as text; ok is false when there
// is no such value (an item removed, a part not started).
func (a *App) read(f *Field, at Loc) (string, bool) {
	if f.Read != nil {
		return f.Read(a, at)
	}
	v, ok := a.model.value(a.ws, at.Path)
	if !ok {
		return "", false
	}
	return format(f, v), true
}

// shown is what the field shows: the text as typed while it still means the
// value (or is not a value yet, with the problem), else the value as text.
func (a *App) shown(f *Field, at Loc) (text, problem string) {
	cur, _ := a.read(f, at)
	if t, ok := a.ws.Typed[at.Path]; ok {
		v, prob := a.parse(f, t)
		if prob != "" {
			return t, prob
		}
		if formatAny(f, v) == cur {
			return t, ""
		}
	}
	return cur, ""
}

// formatAny shows a value read by parse as text.
func formatAny(f *Field, v any) string {
	return format(f, reflect.ValueOf(v))
}

// keep remembers the text as typed when it is not a value yet or shows the
// value differently ("9." for 9, "007" for 7), and forgets it otherwise.
func (a *App) keep(f *Field, path, text string, v any, problem string) {
	if problem == "" && formatAny(f, v) == text {
		delete(a.ws.Typed, path)
		if len(a.ws.Typed) == 0 {
			a.ws.Typed = nil
		}
		return
	}
	if a.ws.Typed == nil {
		a.ws.Typed = map[string]string{}
	}
	a.ws.Typed[path] = text
}

// Write writes what was typed or chosen into the field at path, as the
// "field" action does, and reports whether there is such a field. Text that
// is not a value yet is kept as typed, with the value left as it was.
func (a *App) write(path, text string) bool {
	f, at, ok := a.model.field(path)
	if !ok || f.Kind == KindSet || f.Kind == KindCheck {
		return false
	}
	if f.Other != "" && text == otherChoice {
		if a.other == nil {
			a.other = map[string]bool{}
		}
		a.other[path] = true
		return true
	}
	if f.Write != nil {
		return f.Write(a, at, text)
	}
	v, ok := a.model.value(a.ws, path)
	if !ok || !v.CanSet() {
		return false
	}
	x, prob := a.parse(f, text)
	a.keep(f, path, text, x, prob)
	if prob != "" {
		switch f.Kind {
		case KindDate, KindDates:
			// A date is text in the file (partnership.Date): what is not a
			// date yet is kept there as typed, and the checks report it.
			if f.Kind == KindDates {
				assign(v, lines(text))
			} else {
				assign(v, text)
			}
		}
		return true
	}
	assign(v, x)
	return true
}

// assign sets v to x, converting it to v's type (a string to a
// partnership.Date, a []string to a []partnership.Date).
func assign(v reflect.Value, x any) {
	xv := reflect.ValueOf(x)
	if v.Kind() == reflect.Slice && xv.Kind() == reflect.Slice {
		if xv.Len() == 0 {
			v.SetZero()
			return
		}
		s := reflect.MakeSlice(v.Type(), xv.Len(), xv.Len())
		for i := 0; i < xv.Len(); i++ {
			s.Index(i).Set(xv.Index(i).Convert(v.Type().Elem()))
		}
		v.Set(s)
		return
	}
	if xv.Type().ConvertibleTo(v.Type()) {
		v.Set(xv.Convert(v.Type()))
	}
}

// toggle turns a checkbox of the field at path on or off: a yes-or-no
// field, or the option of a set.
func (a *App) toggle(path, option string) bool {
	f, at, ok := a.model.field(path)
	if !ok {
		return false
	}
	if f.Toggle != nil {
		return f.Toggle(a, at, option)
	}
	v, ok := a.model.value(a.ws, path)
	if !ok || !v.CanSet() {
		return false
	}
	switch {
	case f.Kind == KindCheck && v.Kind() == reflect.Bool:
		v.SetBool(!v.Bool())
	case f.Kind == KindCheck && v.Kind() == reflect.String:
		if v.String() == f.On {
			v.SetString(f.Off)
		} else {
			v.SetString(f.On)
		}
	case f.Kind == KindSet && v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String && option != "":
		for i := 0; i < v.Len(); i++ {
			if v.Index(i).String() == option {
				v.Set(reflect.AppendSlice(v.Slice3(0, i, i), v.Slice(i+1, v.Len())))
				if v.Len() == 0 {
					v.SetZero()
				}
				return true
			}
		}
		v.Set(reflect.Append(v, reflect.ValueOf(option).Convert(v.Type().Elem())))
	default:
		return false
	}
	return true
}

// lines splits a text area into its non-empty lines.
func lines(v string) []string {
	var out []string
	for _, l := range strings.Split(v, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// moved tells the typed texts that the items of the list at path from index
// i on moved by delta (-1: one was removed at i, +1: one was put back at i),
// so that each stays with its item; the texts of a removed item go.
func (a *App) moved(list string, i, delta int) {
	if len(a.ws.Typed) == 0 {
		return
	}
	prefix := list + "["
	next := make(map[string]string, len(a.ws.Typed))
	for p, t := range a.ws.Typed {
		rest, ok := strings.CutPrefix(p, prefix)
		end := strings.IndexByte(rest, ']')
		n, err := 0, error(nil)
		if ok && end > 0 {
			n, err = strconv.Atoi(rest[:end])
		}
		switch {
		case !ok || end <= 0 || err != nil || n < i:
			next[p] = t
		case delta < 0 && n == i:
			// the removed item's text goes with it
		default:
			next[prefix+strconv.Itoa(n+delta)+rest[end:]] = t
		}
	}
	a.ws.Typed = next
	if len(next) == 0 {
		a.ws.Typed = nil
	}
}

// tidyTyped forgets the texts kept as typed that no longer stand for
// anything: of a field that is gone, or that writes a value the field no
// longer has (it was changed by an undo, an import, another copy).
func (a *App) tidyTyped() {
	for path, text := range a.ws.Typed {
		f, at, ok := a.model.field(path)
		cur, found := "", false
		if ok {
			cur, found = a.read(f, at)
		}
		if !found {
			delete(a.ws.Typed, path)
			continue
		}
		if v, prob := a.parse(f, text); prob == "" && formatAny(f, v) != cur {
			delete(a.ws.Typed, path)
		}
	}
	if len(a.ws.Typed) == 0 {
		a.ws.Typed = nil
	}
}
