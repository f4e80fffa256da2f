// Package wasm is partnerkit's browser front end: a single HTML file that runs
// the domain packages compiled to WebAssembly, with no server and no network.
// The app itself is in wasm/app; wasm/build writes the page.
package wasm
