//go:build !js

package browsertest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/examples/hgusd/casefile"
	"github.com/partnerkit/partnerkit/wasm/ui"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at is the CSS selector of the field at a workspace path.
func at(path string) string { return "#" + ui.FieldID(path) }

// fill replaces the value of a field as a user typing or pasting would, in
// one input event (date and time fields take no key presses in headless
// Chromium), and waits for the page to have handled it.
func (b *browser) fill(sel, value string) {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(sel)))
	eval[bool](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.focus(); el.value = %q;
el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, sel, value))
	b.settled()
}

// choose picks the option with this value in a select.
func (b *browser) choose(sel, value string) {
	b.t.Helper()
	b.do(chromedp.WaitVisible(chromedp.CSS(sel)))
	eval[bool](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.value = %q;
el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, sel, value))
	b.settled()
}

// openExample opens the page with the built-in example district, from the
// start screen, as a new user would.
func (b *browser) openExample(u string) {
	b.t.Helper()
	b.open(u)
	b.click(`#pk-start-example`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
}

// openExamplesPartnership opens the page with only the partnership of the
// built-in example, imported from a file as a user would, so that a test can
// draft the other tools from nothing for the example's district.
func (b *browser) openExamplesPartnership(u string) {
	b.t.Helper()
	ws, err := partnerkit.Load(bytes.NewReader(casefile.JSON()))
	require.NoError(b.t, err)
	only := partnerkit.New()
	only.Partnership = ws.Partnership
	var buf bytes.Buffer
	require.NoError(b.t, only.Save(&buf))
	file := filepath.Join(b.t.TempDir(), "partnership.json")
	require.NoError(b.t, os.WriteFile(file, buf.Bytes(), 0o644))
	b.open(u)
	b.click(`#pk-nav-start`)
	b.do(chromedp.SetUploadFiles(chromedp.CSS(`#pk-start-import`), []string{file}))
	b.do(chromedp.WaitVisible(chromedp.CSS(`.pk-notice-ok`)))
}

// settled waits until the page has handled every event so far: each event
// adds a "pk-update" measure, and the count stops moving.
func (b *browser) settled() {
	b.t.Helper()
	b.do(chromedp.Poll[chromedp.Void](`new Promise(r => { const n = performance.getEntriesByName("pk-update").length;
requestAnimationFrame(() => setTimeout(() => r(performance.getEntriesByName("pk-update").length === n), 30)) })`))
}

// TestBuildAPartnershipFromNothing builds a partnership in the editor, as a
// district leader would, until the map shows and the checks find that two
// summer initiatives ask teachers for more time than they have.
func TestBuildAPartnershipFromNothing(t *testing.T) {
	b := newBrowser(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-partnership`)
	assert.Contains(t, b.text(`#pk-main`), "No partnership yet")
	b.click(`#pk-part-start`)
	b.typeIn(at("partnership.name"), payloads[0])
	b.typeIn(at("partnership.district.name"), "Riverside Unified")
	b.click(`#pk-part-add-partner`)
	b.typeIn(at("partnership.partners[0].name"), "Learning Partners")
	b.choose(at("partnership.partners[0].approach"), "co-design")
	b.click(`#pk-part-add-capacity`)
	b.typeIn(at("partnership.capacity[0].audience"), "teachers")
	b.fill(at("partnership.capacity[0].hoursPerWeek"), "10")
	for i, name := range []string{"Summer PBL institute", "Summer school"} {
		b.click(`#pk-part-add-initiative`)
		in := fmt.Sprintf("partnership.initiatives[%d]", i)
		b.typeIn(at(in+".name"), name)
		b.click(`#pk-part-add-demand`)
		b.fill(at(in+".demands[0].start"), "2027-06-21")
		b.fill(at(in+".demands[0].end"), "2027-07-16")
		b.fill(at(in+".demands[0].hoursPerWeek"), "25")
	}
	// The checks run after a pause in typing.
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-at-partnership-initiatives").textContent.includes("50 h demanded, 10 h available")`,
		chromedp.WithPollingTimeout(10*time.Second)))
	assert.Contains(t, b.text(`#pk-part-summary`), "critical")
	b.do(chromedp.Poll[chromedp.Void](`(() => { const m = document.getElementById("pk-part-map"); return !!m && m.complete && m.naturalWidth > 0 })()`,
		chromedp.WithPollingTimeout(10*time.Second)))

	// The review leads back here.
	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-counts`)))
	b.click(`.pk-fix button[data-arg^="partnership.initiatives"]`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-part`)))
	focused := eval[string](b, `document.activeElement.id`)
	assert.True(t, strings.HasPrefix(focused, "pk-at-partnership-initiatives"), "the finding leads to its initiative, not %q", focused)

	assert.Equal(t, payloads[0], eval[string](b, `document.getElementById("pk-at-partnership-name").value`))
	assert.Zero(t, eval[int](b, `document.querySelectorAll('#app img[src="x"], #app script').length`), "typed markup stays text")
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	b.audit(axeSource(t), "the partnership editor")
	b.assertOffline(u)
}

// TestCompleteAndPrintAContract drafts a supplement for the built-in
// example's partnership in the form until every appendix item is complete,
// prints it and downloads it.
func TestCompleteAndPrintAContract(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.openExamplesPartnership(u)
	b.click(`#pk-nav-contract`)
	b.click(`#pk-contract-start`)
	assert.Contains(t, b.text(`#pk-contract-summary`), "0 of 7 appendix items complete")
	b.audit(axeSource(t), "the contract form")

	people := eval[[]string](b, `[...document.querySelectorAll("#pk-at-contract-appendix-contacts-districtLiaison-person option")].map(o => o.value).filter(v => v)`)
	require.NotEmpty(t, people, "district people to pick from")
	partnerPeople := eval[[]string](b, `[...document.querySelectorAll("#pk-at-contract-appendix-contacts-partnerLiaison-person option")].map(o => o.value).filter(v => v)`)
	b.typeIn(at("contract.contractRef"), "Contract No. 2017-7 <script>window.__pwned = 1</script>")
	for _, id := range []string{"alignment", "personnel", "schedule", "liaisons", "outcomes", "meetings"} {
		b.click(at("contract.practices." + id + ".status"))
		b.typeIn(at("contract.practices."+id+".evidence"), "Agreed in the drafting session.")
	}
	prio := eval[[]string](b, `[...document.querySelectorAll("#pk-at-contract-appendix-priority-priority option")].map(o => o.value).filter(v => v)`)
	require.NotEmpty(t, prio)
	b.choose(at("contract.appendix.priority.priority"), prio[0])
	b.typeIn(at("contract.appendix.priority.how"), "Coaching for teacher teams.")
	b.typeIn(at("contract.appendix.investment.evidence"), "The principals asked for it.")
	b.click(`#pk-at-contract-appendix-investment-schoolLeaders input`)
	b.click(`#pk-contract-add-activity`)
	b.typeIn(at("contract.appendix.schedule.activities[0].what"), "Coaching cycles")
	b.typeIn(at("contract.appendix.schedule.activities[0].who"), "Teachers")
	b.typeIn(at("contract.appendix.schedule.activities[0].when"), "Tuesdays")
	b.fill(at("contract.appendix.schedule.activities[0].hours"), "24")
	b.click(at("contract.appendix.schedule.assurance.withinResources"))
	b.click(at("contract.appendix.schedule.assurance.withinBargainingAgreement"))
	b.choose(at("contract.appendix.schedule.assurance.givenBy.person"), people[len(people)-1])
	b.fill(at("contract.appendix.schedule.assurance.date"), "2017-08-20")
	b.choose(at("contract.appendix.contacts.districtLiaison.person"), people[0])
	b.choose(at("contract.appendix.contacts.districtManager.person"), people[len(people)-1])
	if len(partnerPeople) > 0 {
		b.choose(at("contract.appendix.contacts.partnerLiaison.person"), partnerPeople[0])
		b.choose(at("contract.appendix.contacts.partnerManager.person"), partnerPeople[len(partnerPeople)-1])
	}
	for i, m := range []struct{ name, kind, aud string }{{"Portfolios", "outcome", "students"}, {"Coaching cycles held", "output", "adults"}} {
		b.click(`#pk-contract-add-measure`)
		p := fmt.Sprintf("contract.appendix.measures[%d]", i)
		b.typeIn(at(p+".name"), m.name)
		b.choose(at(p+".kind"), m.kind)
		b.choose(at(p+".audience"), m.aud)
		b.typeIn(at(p+".interim.target"), "half")
		b.fill(at(p+".interim.due"), "2018-01-26")
		b.typeIn(at(p+".final.target"), "all")
		b.fill(at(p+".final.due"), "2018-06-08")
		b.click(`#pk-contract-add-duty`)
		d := fmt.Sprintf("contract.appendix.dataPlan.duties[%d]", i)
		b.typeIn(at(d+".source"), "Records")
		b.choose(at(d+".provider.person"), people[0])
		b.choose(at(d+".reporter.person"), people[0])
		b.fill(at(d+".due"), "2018-06-15")
	}
	b.typeIn(at("contract.appendix.dataPlan.process"), "From the district's records.")
	b.choose(at("contract.appendix.meetings.cadence"), "monthly")
	b.fill(at("contract.appendix.meetings.dates"), "2017-09-12\n2017-10-10")
	b.fill(at("contract.appendix.meetings.agenda"), "Progress\nConflicts")
	b.typeIn(at("contract.appendix.meetings.conflict"), "Liaisons first, then managers.")
	b.typeIn(at("contract.appendix.meetings.improvement"), "One practice each quarter.")
	b.typeIn(at("contract.appendix.meetings.dissolution"), "Sixty days' notice.")
	b.fill(at("contract.session.date"), "2017-08-20")
	b.click(`#pk-at-contract-session-attendees input`)
	b.settled()
	summary := b.text(`#pk-contract-summary`)
	if !strings.Contains(summary, "7 of 7 appendix items complete") {
		t.Logf("still to fill in: %s", eval[string](b, `document.getElementById("pk-contract-progress").textContent`))
	}
	assert.Contains(t, summary, "7 of 7 appendix items complete; 6 of 6 practices confirmed.")

	// Print: the dialog opens with the addendum on the page.
	eval[bool](b, `window.__printed = 0; window.print = () => { window.__printed = document.getElementById("pk-contract-preview") ? 1 : -1 }; true`)
	b.click(`#pk-contract-print`)
	b.do(chromedp.Poll[chromedp.Void](`window.__printed !== 0`))
	assert.Equal(t, 1, eval[int](b, `window.__printed`), "the preview is on the page when the print dialog opens")
	assert.Contains(t, b.text(`#pk-contract-preview`), "Contract No. 2017-7 <script>")
	b.beforePrint()
	_, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	shown := `(sel => { const el = document.querySelector(sel); return el !== null && el.getClientRects().length > 0 })`
	assert.True(t, eval[bool](b, shown+`("#pk-print-doc")`), "the addendum prints")
	assert.Contains(t, eval[string](b, `document.getElementById("pk-print-doc").innerText`), "Contract No. 2017-7 <script>")
	assert.False(t, eval[bool](b, shown+`("#pk-contract-form")`), "the form does not")
	assert.False(t, eval[bool](b, shown+`("#pk-contract-preview")`), "nor the preview on screen: the document prints once")
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	require.NoError(t, err)

	b.click(`#pk-contract-html`)
	html, err := os.ReadFile(b.waitFile(dl, "contract-supplement-*.html"))
	require.NoError(t, err)
	assert.Contains(t, string(html), "Contract No. 2017-7 &lt;script&gt;")
	assert.Contains(t, string(html), "Coaching cycles held")
	assert.False(t, eval[bool](b, `window.__pwned !== undefined`))
	b.audit(axeSource(t), "the completed contract with its preview")
	b.assertOffline(u)
}

// TestRunAMeetingLiveAndCarryAnAction runs a quarterly review for the
// example's partnership in live mode and carries its open action into the
// next meeting.
func TestRunAMeetingLiveAndCarryAnAction(t *testing.T) {
	b := newBrowser(t)
	dl := b.allowDownloads()
	u := fileURL(built.page)
	b.openExamplesPartnership(u)
	b.click(`#pk-nav-meetings`)
	assert.Contains(t, b.text(`#pk-main`), "No meetings yet")
	b.fill(`#pk-meet-new-start`, "2027-09-14T15:30")
	b.click(`#pk-meet-create`)
	b.do(chromedp.WaitVisible(chromedp.CSS(at("meetings[0].title"))))
	for _, sel := range eval[[]string](b, `[...document.querySelectorAll("#pk-at-meetings-0-attendees input")].slice(0, 4).map(i => "#" + i.id)`) {
		b.click(sel)
	}
	b.audit(axeSource(t), "a meeting being planned")

	b.click(`#pk-meet-live-toggle`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-live-clock`)))
	first := b.text(`#pk-live-clock`)
	b.do(chromedp.Poll[chromedp.Void](`document.getElementById("pk-live-clock").textContent !== `+strconv.Quote(first), chromedp.WithPollingTimeout(5*time.Second)))
	assert.Contains(t, b.text(`#pk-live-section`), "1 of")
	b.typeIn(at("meetings[0].sections[0].questions[0].notes"), "Still aligned.")
	b.typeIn(`#pk-live-action-text`, "Move the summer institute")
	owner := eval[string](b, `[...document.querySelectorAll("#pk-live-action-owner option")].map(o => o.value).filter(v => v)[0]`)
	b.choose(`#pk-live-action-owner`, owner)
	b.fill(`#pk-live-action-due`, "2027-10-15")
	b.click(`#pk-live-action-add`)
	b.click(`#pk-live-next`)
	assert.Contains(t, b.text(`#pk-live-section`), "2 of")
	b.audit(axeSource(t), "the live meeting")
	b.click(`#pk-meet-close`)
	b.click(`#pk-meet-next`)
	b.do(chromedp.WaitVisible(chromedp.CSS(at("meetings[1].title"))))
	assert.Equal(t, "Move the summer institute", eval[string](b, `document.getElementById("pk-at-meetings-1-actions-0-text").value`))
	assert.Contains(t, b.text(`#pk-at-meetings-1-actions-0`), "Carried over from")

	b.click(`#pk-meet-year`)
	ics, err := os.ReadFile(b.waitFile(dl, "meetings-*.ics"))
	require.NoError(t, err)
	assert.Contains(t, string(ics), "BEGIN:VCALENDAR")
	assert.GreaterOrEqual(t, strings.Count(string(ics), "BEGIN:VEVENT"), 10)
	b.assertOffline(u)
}
