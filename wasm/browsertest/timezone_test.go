//go:build !js

package browsertest

import (
	"os"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // golang-ical reads the TZID with time.LoadLocation

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNextMeetingInChicagoKeepsHalfPastThree is the case of a meeting lead
// in Chicago: a quarterly review on Wednesday 20 January 2027 at 3:30 PM,
// closed, then the next one. It is at 3:30 PM in April, after the clocks
// went forward, in the page and in the calendar file it downloads.
func TestNextMeetingInChicagoKeepsHalfPastThree(t *testing.T) {
	b := newBrowser(t)
	_, err := chromedp.Call(b.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "America/Chicago"})
	require.NoError(t, err)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.open(u)
	require.Equal(t, "America/Chicago", eval[string](b, `Intl.DateTimeFormat().resolvedOptions().timeZone`))
	b.click(`#pk-nav-meetings`)
	assert.Equal(t, "America/Chicago", eval[string](b, `document.querySelector("`+at("timeZone")+`").value`), "the device's zone, chosen for the workspace")
	assert.Contains(t, eval[string](b, `document.querySelector("`+at("timeZone")+`").selectedOptions[0].textContent`), "Central Time (Chicago) (this device's time zone)")
	b.fill(`#pk-meet-new-start`, "2027-01-20T15:30")
	b.click(`#pk-meet-create`)
	b.do(chromedp.WaitVisible(chromedp.CSS(at("meetings[0].title"))))
	assert.Equal(t, "2027-01-20T15:30", eval[string](b, `document.querySelector("`+at("meetings[0].start")+`").value`))

	assert.Contains(t, b.text(`#pk-meet-list`), "Wed, Jan 20, 2027, 3:30 PM", "as people in the US write it")

	b.click(`#pk-meet-close`)
	b.click(`#pk-meet-next`)
	b.do(chromedp.WaitVisible(chromedp.CSS(at("meetings[1].title"))))
	assert.Equal(t, "2027-04-21T15:30", eval[string](b, `document.querySelector("`+at("meetings[1].start")+`").value`),
		"the third Wednesday of April, at 3:30 PM")

	b.click(`#pk-meet-ics`)
	data, err := os.ReadFile(b.waitFile(dl, "2027-04-21-*.ics"))
	require.NoError(t, err)
	out := string(data)
	assert.Contains(t, out, "\r\nDTSTART;TZID=America/Chicago:20270421T153000\r\n")
	assert.Contains(t, out, "\r\nBEGIN:VTIMEZONE\r\nTZID:America/Chicago\r\n")
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, cal.Events(), 1)
	start, err := cal.Events()[0].GetStartAt()
	require.NoError(t, err)
	chicago, err := time.LoadLocation("America/Chicago")
	require.NoError(t, err)
	assert.Equal(t, "Wed 2027-04-21 15:30 CDT", start.In(chicago).Format("Mon 2006-01-02 15:04 MST"))
	assert.Equal(t, "20:30", start.UTC().Format("15:04"), "not 21:30, an hour late")

	// The contract's meeting dates are typed the US way, key by key.
	b.click(`#pk-nav-contract`)
	b.click(`#pk-contract-start`)
	dates := at("contract.appendix.meetings.dates")
	b.typeIn(dates, "5/5/2027\nJune 2, 2027")
	b.typeIn(dates, "\t")
	b.settled()
	// Saved after a pause in typing.
	b.do(chromedp.Poll[chromedp.Void](`(`+currentJS+` || "").includes('"2027-06-02"')`, chromedp.WithPollingTimeout(5*time.Second)))
	saved := eval[string](b, currentJS)
	assert.Contains(t, saved, `"2027-05-05"`)
	assert.Contains(t, saved, `"2027-06-02"`)
	assert.Empty(t, eval[string](b, `(document.getElementById("`+strings.TrimPrefix(dates, "#")+`-problem") || {textContent: ""}).textContent`))
	b.assertOffline(u)
}
