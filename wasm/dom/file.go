//go:build js && wasm

package dom

import (
	"errors"
	"fmt"

	"github.com/hack-pad/safejs"
)

// CanSaveFile reports whether the browser lets the page write to a file the
// user chooses (the File System Access API: Chromium has it; Firefox and
// Safari do not).
func CanSaveFile() bool {
	f, err := safejs.Global().Get("showSaveFilePicker")
	return err == nil && f.Type() == safejs.TypeFunction
}

// FileHandle is a file the user chose to save to; later saves go to it
// without asking again while the page is open.
type FileHandle struct{ h safejs.Value }

// Name returns the file's name, as the user sees it.
func (f FileHandle) Name() string {
	n, err := f.h.Get("name")
	if err != nil {
		return ""
	}
	s, _ := n.String()
	return s
}

// ChooseFile asks the user for a file to save a workspace to, suggesting
// name. It blocks until the user chose or cancelled: call it from a
// goroutine.
func ChooseFile(name string) (FileHandle, error) {
	opts, err := safejs.ValueOf(map[string]any{
		"suggestedName": name,
		"types": []any{map[string]any{
			"description": "partnerkit workspace",
			"accept":      map[string]any{"application/json": []any{".json"}},
		}},
	})
	if err != nil {
		return FileHandle{}, err
	}
	p, err := safejs.Global().Call("showSaveFilePicker", opts)
	if err != nil {
		return FileHandle{}, fmt.Errorf("the browser did not offer to choose a file: %w", err)
	}
	h, err := Await(p)
	if err != nil {
		return FileHandle{}, errors.New("no file was chosen")
	}
	return FileHandle{h: h}, nil
}

// Write replaces the file's content by data. It blocks: call it from a
// goroutine.
func (f FileHandle) Write(data []byte) error {
	p, err := f.h.Call("createWritable")
	if err != nil {
		return fmt.Errorf("the browser did not let partnerkit write the file: %w", err)
	}
	w, err := Await(p)
	if err != nil {
		return errors.New("the browser did not let partnerkit write the file: " + err.Error())
	}
	arr, err := bytesToJS(data)
	if err != nil {
		return err
	}
	if p, err = w.Call("write", arr); err == nil {
		_, err = Await(p)
	}
	if err != nil {
		_, _ = w.Call("abort")
		return errors.New("writing the file failed: " + err.Error())
	}
	if p, err = w.Call("close"); err == nil {
		_, err = Await(p)
	}
	if err != nil {
		return errors.New("writing the file failed: " + err.Error())
	}
	return nil
}
