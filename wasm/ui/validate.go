package ui

import (
	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// validateResponse checks a response's own fields; the rubric's checks
// (readiness.Rubric.ValidateResponse) run when it joins a round.
func validateResponse(r *readiness.Response) error {
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", r)
	return ve.Err()
}

// validateRubric checks a rubric.
func validateRubric(r *readiness.Rubric) error {
	return r.Validate()
}
