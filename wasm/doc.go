// Package wasm is partnerkit's browser front end: a single HTML file that runs
// the domain packages compiled to WebAssembly, with no server and no network.
//
//   - wasm/ui holds the page as plain Go (state, actions, render tree), tested with go test;
//   - wasm/store keeps its data on the device: saves that say the truth, backups kept and read back (plain Go);
//   - wasm/dom draws it into the document with github.com/hack-pad/safejs (js/wasm only);
//   - wasm/app is the program that joins them (js/wasm only);
//   - wasm/build compiles the app and writes the single-file page;
//   - wasm/browsertest opens that page in headless Chromium and checks it.
package wasm
