package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

// RubricCode reads a custom rubric from a JSON file, checks it with
// readiness.DecodeRubric, and returns it as the rubric code the page reads.
func RubricCode(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("reading the rubric: %w", err)
	}
	r, err := readiness.DecodeRubric(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	return ui.EncodeCode(r)
}
