//go:build !js

package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

// TestReviewOfTheExample opens the built-in district case and finds the summer
// institute's clash with the other summer work, with its evidence, in the review.
func TestReviewOfTheExample(t *testing.T) {
	b := newBrowser(t)
	axe := axeSource(t)
	u := fileURL(built.page)
	b.open(u)
	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-empty`)))
	b.audit(axe, "the empty review")

	b.click(`#pk-review-example`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-count`)))
	body := b.text(`#pk-main`)
	assert.Contains(t, body, "40 h demanded, 10 h available")
	assert.Contains(t, body, "Needs attention now")
	assert.Contains(t, body, "To discuss:")
	assert.True(t, eval[bool](b, `document.querySelector(".pk-map img").naturalWidth > 0`), "the map of initiatives is drawn")
	b.audit(axe, "the review of the example")

	// The example is saved like anything else, so a reload keeps it.
	b.open(u)
	b.click(`#pk-nav-review`)
	b.do(chromedp.WaitVisible(chromedp.CSS(`#pk-review-count`)))
	b.assertOffline(u)
}
