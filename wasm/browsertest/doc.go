// Package browsertest holds partnerkit's tests in a real browser: they build
// the single-file page, open it from file:// in headless Chromium with
// github.com/chromedp/chromedp, and check what a user sees and that nothing
// leaves the page. Chromium is found on PATH (chromium, chromium-browser,
// google-chrome) or in $CHROME; without it the tests are skipped, except under
// CI=true, where they fail. The accessibility audit uses axe-core, installed
// here with "npm ci".
package browsertest
