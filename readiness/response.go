package readiness

import (
	"fmt"
	"slices"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// Response is one rater's ratings and concerns.
type Response struct {
	// ID names the response within its round. A workspace file requires it
	// (see partnerkit.Workspace.Validate); a response read from a survey
	// export or a rater's code has none until it joins a round, and
	// partnership.ContentID gives the same response the same ID in every
	// copy of the workspace.
	ID string `json:"id,omitempty" validate:"omitempty,id"`
	// Rater is who rated, as they gave their name.
	Rater string `json:"rater" validate:"required,max=200"`
	// Team is the leadership team the rater belongs to, such as the district's.
	Team string `json:"team" validate:"required,max=200"`
	// Ratings maps a category ID to the level given; a missing category is unrated.
	Ratings map[string]int `json:"ratings,omitempty"`
	// Concerns maps a category ID to the rater's areas of concern.
	Concerns map[string]string `json:"concerns,omitempty"`
	// Submitted is when the response was submitted, as the survey tool wrote it.
	Submitted string `json:"submitted,omitempty" validate:"max=100"`
}

// Validate checks the response's own fields: a rater and a team, and texts
// of allowed lengths. It returns a *partnership.ValidationError whose paths
// are relative to the response, or nil. A response that arrives before its
// round's rubric is known (a rater's code, a response file) is checked with
// it; Rubric.ValidateResponse also checks it against the rubric.
func (r Response) Validate() error {
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", &r)
	return ve.Err()
}

// ValidateResponse checks one response against the rubric: rater and team are
// given, and every rating and concern belongs to a category of the rubric, with
// each rating on its scale. It returns a *partnership.ValidationError whose
// paths are relative to the response ("ratings.metrics") and whose messages
// name the rater and the category, or nil.
func (r Rubric) ValidateResponse(resp Response) error {
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", &resp)
	r.checkRatings(ve, "", &resp)
	return ve.Err()
}

// checkRatings adds a problem, at path prefix, for every rating that is off
// the scale and every rating or concern of a category the rubric lacks.
func (r Rubric) checkRatings(ve *partnership.ValidationError, prefix string, resp *Response) {
	known := 0
	for _, c := range r.Categories {
		v, ok := resp.Ratings[c.ID]
		if !ok {
			continue
		}
		known++
		if !r.Scale.Contains(v) {
			ve.Add(schema.Join(prefix, "ratings."+c.ID),
				"%s rated %q %d, which is not on the scale; allowed: %s, or leave it out for unrated",
				raterName(resp.Rater), c.ID, v, r.Scale.Values())
		}
	}
	if known < len(resp.Ratings) || len(resp.Concerns) > 0 {
		r.checkUnknown(ve, prefix, resp)
	}
}

// checkUnknown adds a problem for every rating or concern of a category the
// rubric lacks, in sorted order.
func (r Rubric) checkUnknown(ve *partnership.ValidationError, prefix string, resp *Response) {
	for _, id := range r.unknownKeys(keysOf(resp.Ratings)) {
		ve.Add(schema.Join(prefix, "ratings."+id),
			"%s rated %q, which is not a category of this rubric; use one of: %s",
			raterName(resp.Rater), id, r.categoryIDs())
	}
	for _, id := range r.unknownKeys(keysOf(resp.Concerns)) {
		ve.Add(schema.Join(prefix, "concerns."+id),
			"%s wrote a concern about %q, which is not a category of this rubric; use one of: %s",
			raterName(resp.Rater), id, r.categoryIDs())
	}
}

// unknownKeys returns, sorted, the keys that are not category IDs.
func (r Rubric) unknownKeys(keys []string) []string {
	var out []string
	for _, k := range keys {
		if _, _, ok := r.Category(k); !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func keysOf[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// categoryIDs lists the rubric's category IDs for messages.
func (r Rubric) categoryIDs() string {
	s := ""
	for i, c := range r.Categories {
		if i > 0 {
			s += ", "
		}
		s += c.ID
	}
	return s
}

// raterName names a rater in a message, even one without a name.
func raterName(s string) string {
	if s == "" {
		return "a rater without a name"
	}
	return fmt.Sprintf("%q", s)
}
