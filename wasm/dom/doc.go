// Package dom draws a wasm/ui render tree into the browser's document and
// carries out the app's effects (storage, downloads, clipboard, messages to an
// embedding page). It is the only part of partnerkit that touches JavaScript,
// always through github.com/hack-pad/safejs, and builds only for js/wasm.
//
// Text is only ever set with textContent and attributes with setAttribute,
// after the tree passed ui's whitelist: nothing is parsed as markup.
package dom
