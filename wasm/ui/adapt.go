package ui

import (
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// validateResponse checks a response's fields.
func validateResponse(r *readiness.Response) error {
	ve := &partnership.ValidationError{Problems: partnership.ValidateStruct(r)}
	return ve.Err()
}

// validateRubric checks a rubric's fields.
func validateRubric(r *readiness.Rubric) error {
	ve := &partnership.ValidationError{Problems: partnership.ValidateStruct(r)}
	return ve.Err()
}
