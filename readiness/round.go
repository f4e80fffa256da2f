package readiness

import (
	"fmt"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// Round is one use of the rubric: the responses gathered from the district's
// and the partner's leadership teams at one point in time. A workspace keeps
// its rounds in its "readiness" list, oldest first.
type Round struct {
	ID    string `json:"id" validate:"required,id"`
	Title string `json:"title" validate:"required,max=200"`
	// Date is the day the round was held, as YYYY-MM-DD.
	Date string `json:"date,omitempty" validate:"omitempty,date"`
	// Rubric is a custom rubric; nil means the ODST rubric.
	Rubric    *Rubric    `json:"rubric,omitempty"`
	Responses []Response `json:"responses,omitempty"`
}

// RubricOrODST returns the round's custom rubric, or the ODST rubric when it
// has none.
func (r Round) RubricOrODST() Rubric {
	if r.Rubric != nil {
		return *r.Rubric
	}
	return ODST()
}

// Validate checks the round: its own fields, its custom rubric if any, and
// every response against the rubric (rater and team given, ratings on the
// scale and of known categories). Unrated categories and a round without
// responses are fine: a round being filled in is valid. The problems come in a
// *partnership.ValidationError with paths relative to the round, such as
// "responses[3].ratings.metrics".
func (r Round) Validate() error {
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", &r)
	rb := r.RubricOrODST()
	if r.Rubric != nil {
		if err := r.Rubric.Validate(); err != nil {
			ve.Include("rubric", err)
			return ve.Err() // responses cannot be checked against a broken rubric
		}
	}
	for i := range r.Responses {
		at := fmt.Sprintf("responses[%d]", i)
		schema.Validate(ve, at, &r.Responses[i])
		rb.checkRatings(ve, at, &r.Responses[i])
	}
	return ve.Err()
}

// Summarize summarizes the round's responses with its rubric.
func (r Round) Summarize() (Report, error) {
	return Summarize(r.RubricOrODST(), r.Responses)
}
