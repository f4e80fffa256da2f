//go:build js && wasm

// Command app is partnerkit's page, compiled to WebAssembly by wasm/build.
package main

import (
	"github.com/hack-pad/safejs"
)

func main() {
	if err := run(); err != nil {
		println("partnerkit:", err.Error())
	}
	select {}
}

func run() error {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return err
	}
	root, err := doc.Call("getElementById", "app")
	if err != nil {
		return err
	}
	h, err := doc.Call("createElement", "h1")
	if err != nil {
		return err
	}
	if err := h.Set("textContent", "partnerkit"); err != nil {
		return err
	}
	if _, err := root.Call("replaceChildren", h); err != nil {
		return err
	}
	return nil
}
