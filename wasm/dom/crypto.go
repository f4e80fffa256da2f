//go:build js && wasm

package dom

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// DeriveKey derives a key of 32 bytes from passphrase with the browser's
// Web Crypto: PBKDF2 with SHA-256, salt and iterations rounds. It blocks
// until the browser answers, so call it from a goroutine of its own.
func DeriveKey(passphrase string, salt []byte, iterations int) ([]byte, error) {
	g := safejs.Global()
	c, err := g.Get("crypto")
	if err != nil || c.IsUndefined() {
		return nil, errors.New("this browser has no Web Crypto")
	}
	subtle, err := c.Get("subtle")
	if err != nil || subtle.IsUndefined() {
		return nil, errors.New("this browser gives Web Crypto only to secure pages")
	}
	pass, err := bytesToJS([]byte(passphrase))
	if err != nil {
		return nil, err
	}
	jsSalt, err := bytesToJS(salt)
	if err != nil {
		return nil, err
	}
	usages, err := safejs.ValueOf([]any{"deriveBits"})
	if err != nil {
		return nil, err
	}
	p, err := subtle.Call("importKey", "raw", pass, "PBKDF2", false, usages)
	if err != nil {
		return nil, err
	}
	base, err := Await(p)
	if err != nil {
		return nil, err
	}
	params, err := safejs.ValueOf(map[string]any{"name": "PBKDF2", "hash": "SHA-256", "iterations": iterations})
	if err != nil {
		return nil, err
	}
	if err := params.Set("salt", jsSalt); err != nil {
		return nil, err
	}
	p, err = subtle.Call("deriveBits", params, base, 256)
	if err != nil {
		return nil, err
	}
	bits, err := Await(p)
	if err != nil {
		return nil, err
	}
	u8c, err := g.Get("Uint8Array")
	if err != nil {
		return nil, err
	}
	arr, err := u8c.New(bits)
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	n, err := safejs.CopyBytesToGo(key, arr)
	if err != nil {
		return nil, err
	}
	if n != len(key) {
		return nil, errors.New("the browser derived a key of the wrong length")
	}
	return key, nil
}
