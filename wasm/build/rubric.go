package main

import (
	"fmt"
	"os"

	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/wasm/ui"
)

// RubricCode reads a custom rubric from a JSON file, checks it, and returns
// it as the rubric code the page reads.
func RubricCode(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("reading the rubric: %w", err)
	}
	var r readiness.Rubric
	if err := partnership.DecodeJSON(data, &r); err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	if ps := partnership.ValidateStruct(&r); len(ps) > 0 {
		return "", fmt.Errorf("%s: %w", file, &partnership.ValidationError{Problems: ps})
	}
	return ui.EncodeCode(r)
}
