package partnership_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/partnerkit/partnerkit/partnership"
)

func TestParseDate(t *testing.T) {
	for in, want := range map[string]partnership.Date{
		"3/2/2027":             "2027-03-02",
		"03/02/2027":           "2027-03-02",
		" 12/31/2026 ":         "2026-12-31",
		"2/29/2028":            "2028-02-29",
		"2027-03-02":           "2027-03-02",
		"March 2, 2027":        "2027-03-02",
		"Mar 2 2027":           "2027-03-02",
		"mar. 2, 2027":         "2027-03-02",
		"Sept 30, 2026":        "2026-09-30",
		"September 30th, 2026": "2026-09-30",
		"June 1st 2027":        "2027-06-01",
	} {
		got, err := partnership.ParseDate(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for in, why := range map[string]string{
		"3/2/27":         " with its year in full",
		"2/30/2027":      " of the calendar",
		"13/1/2027":      " of the calendar",
		"2027-02-30":     " of the calendar",
		"3/2":            "",
		"2/3/2027/1":     "",
		"March 2027":     "",
		"Smarch 2, 2027": "",
		"":               "",
		"3-2-2027":       "",
		"１/２/２０２７":       "",
		"3/ /2027":       "",
		"Ma 2, 2027":     "",
	} {
		_, err := partnership.ParseDate(in)
		if assert.Error(t, err, in) {
			assert.True(t, errors.Is(err, partnership.ErrNotADate))
			assert.Contains(t, err.Error(), "is not a date"+why)
			assert.Contains(t, err.Error(), "3/2/2027 (month/day/year)")
		}
	}
}

func TestParseCellDate(t *testing.T) {
	for _, tc := range []struct {
		in               string
		serial, date1904 bool
		want             partnership.Date
	}{
		{"3/2/2027", false, false, "2027-03-02"},
		{"3/2/2027 0:00", false, false, "2027-03-02"},
		{"2027-03-02 00:00:00", false, false, "2027-03-02"},
		{"3/2/2027 12:00 AM", false, false, "2027-03-02"},
		{"46448", true, false, "2027-03-02"},
		{"44986", true, true, "2027-03-02"},
	} {
		got, err := partnership.ParseCellDate(tc.in, tc.serial, tc.date1904)
		if assert.NoError(t, err, tc.in) {
			assert.Equal(t, tc.want, got, tc.in)
		}
	}
	for _, tc := range []struct {
		in     string
		serial bool
	}{
		{"46448", false},        // a number of a text file is no date
		{"46448.5", true},       // nor a time of day
		{"3/2/2027 9:14", true}, // a time other than midnight is not dropped
		{"3/2/27", false},
	} {
		_, err := partnership.ParseCellDate(tc.in, tc.serial, false)
		if assert.Error(t, err, tc.in) {
			assert.ErrorIs(t, err, partnership.ErrNotADate)
			assert.Contains(t, err.Error(), `"`+tc.in+`" is not a date`, "the cell is quoted as it is")
		}
	}
}

func TestUSDate(t *testing.T) {
	assert.Equal(t, "3/2/2027", partnership.USDate("2027-03-02"))
	assert.Equal(t, "12/31/2026", partnership.USDate("2026-12-31"))
	assert.Equal(t, "soon", partnership.USDate("soon"), "what is not a date stays as typed")
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"3/2/2027", "March 2, 2027", "2027-03-02", "2/30/2027", "Sept. 1st, 2026", "//", "9/9/9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := partnership.ParseDate(s)
		if err != nil {
			assert.Empty(t, d)
			return
		}
		_, ok := d.Time()
		assert.True(t, ok, "%q gave %q", s, d)
		again, err := partnership.ParseDate(partnership.USDate(d))
		assert.NoError(t, err)
		assert.Equal(t, d, again, "the US form reads back")
	})
}
