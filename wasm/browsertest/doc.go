// Package browsertest holds partnerkit's tests in a real browser: they build
// the single-file page, open it from file:// in headless Chromium with
// github.com/chromedp/chromedp, and check what a user sees and that nothing
// leaves the page. Chromium is found on PATH (chromium, chromium-browser,
// google-chrome) or in $CHROME; without it the tests are skipped, except under
// CI=true, where they fail. Firefox is driven over its Marionette protocol
// ($FIREFOX, firefox-esr), and WebKit, Safari's engine, over W3C WebDriver
// with WebKitWebDriver ($WEBKIT_DRIVER, Debian's webkit2gtk-driver) in a
// display of Xvfb's when there is none; each is skipped without its browser
// and fails under CI=true. The accessibility audit uses axe-core, installed
// here with "npm ci".
package browsertest
