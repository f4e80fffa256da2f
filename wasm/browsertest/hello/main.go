//go:build js && wasm

// Command hello is the smallest Go page with a working button, built the
// same way as partnerkit's: the browser tests compare partnerkit's start-up
// (first content, then a click that works) with its.
package main

import "github.com/hack-pad/safejs"

func main() {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return
	}
	root, _ := doc.Call("getElementById", "app")
	b, _ := doc.Call("createElement", "button")
	_ = b.Set("id", "hello-button")
	_ = b.Set("type", "button")
	_ = b.Set("textContent", "hello")
	click, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		_ = b.Set("textContent", "clicked")
		return nil
	})
	if err != nil {
		return
	}
	_, _ = b.Call("addEventListener", "click", click.Value())
	_, _ = root.Call("replaceChildren", b)
	if perf, err := safejs.Global().Get("performance"); err == nil {
		_, _ = perf.Call("mark", "pk-interactive")
	}
	if el, err := doc.Get("documentElement"); err == nil {
		_, _ = el.Call("setAttribute", "data-pk-ready", "true")
	}
	select {}
}
