package progress

import (
	"fmt"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// Observation is one value of one success measure: what was counted or
// measured, for which date, where the figure comes from and who entered it.
// Its JSON form is an entry of the workspace's "observations".
type Observation struct {
	// ID identifies the observation for good, so that copies of a workspace
	// can be merged without taking one value for another.
	ID string `json:"id" validate:"required,id"`
	// Measure is the ID of the contract supplement's measure.
	Measure string `json:"measure" validate:"required,id"`
	// Date is the day the value describes (not the day it was typed in).
	Date partnership.Date `json:"date" validate:"required,date"`
	// Value is the figure in the measure's unit; 0 is a value, nil is none.
	Value *float64 `json:"value" validate:"required"`
	// Source says where the figure comes from, such as a sign-in sheet or a
	// report, so that anyone can trace it.
	Source string `json:"source,omitempty" validate:"max=1000"`
	// Note is anything the figure needs to be read right.
	Note string `json:"note,omitempty" validate:"max=2000"`
	// RecordedBy is who entered the figure.
	RecordedBy string `json:"recordedBy,omitempty" validate:"max=200"`
}

// NewObservation returns an observation of a measure on a date with value v.
func NewObservation(id, measure string, date partnership.Date, v float64) Observation {
	return Observation{ID: id, Measure: measure, Date: date, Value: &v}
}

// Validate checks a list of observations, such as a workspace's, and returns
// a *partnership.ValidationError listing every problem with a path relative
// to the list ("[3].date") and a sentence that says what is allowed, or nil.
// Each observation needs an id used once, a measure, a date and a value.
// Whether the measure exists is for Check to say: an observation of a
// measure that was removed is kept, not refused.
func Validate(obs []Observation) error {
	ve := &partnership.ValidationError{}
	seen := make(map[string]int, len(obs))
	for i := range obs {
		o := &obs[i]
		at := fmt.Sprintf("[%d]", i)
		schema.Validate(worded{ve}, at, o)
		if o.ID == "" {
			continue
		}
		if j, dup := seen[o.ID]; dup {
			ve.Add(at+".id", "id %q is already used by observation %d; every observation needs its own id", o.ID, j+1)
			continue
		}
		seen[o.ID] = i
	}
	return ve.Err()
}

// worded rewords the messages of a missing measure, date or value for
// people who fill in a measure's data.
type worded struct{ ve *partnership.ValidationError }

func (w worded) Add(path, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	_, field, _ := strings.Cut(path, "].")
	switch field + ": " + msg {
	case "value: value is required":
		msg = "value is required: the figure for this date, such as 25 (0 is a figure too)"
	case "measure: measure is required":
		msg = "measure is required: which success measure the figure belongs to"
	case "date: date is required":
		msg = "date is required: the day the figure describes, written as YYYY-MM-DD, such as 2017-10-03"
	}
	w.ve.Add(path, "%s", msg)
}
