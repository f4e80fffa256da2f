//go:build js && wasm

// Command hello is the smallest Go page, built the same way as partnerkit's:
// the browser tests compare partnerkit's start-up time with its.
package main

import "github.com/hack-pad/safejs"

func main() {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return
	}
	root, _ := doc.Call("getElementById", "app")
	h, _ := doc.Call("createElement", "h1")
	_ = h.Set("textContent", "hello")
	_, _ = root.Call("replaceChildren", h)
	if perf, err := safejs.Global().Get("performance"); err == nil {
		_, _ = perf.Call("mark", "pk-interactive")
	}
	if el, err := doc.Get("documentElement"); err == nil {
		_, _ = el.Call("setAttribute", "data-pk-ready", "true")
	}
	select {}
}
