package readiness

// Round is one use of the readiness rubric: the responses gathered from the
// district's and the partner's leadership teams at one point in time.
type Round struct {
	ID    string `json:"id" validate:"required,id"`
	Title string `json:"title" validate:"required,max=200"`
	// Date is the day the round was held, as YYYY-MM-DD.
	Date string `json:"date,omitempty" validate:"omitempty,date"`
	// Rubric is a custom rubric; nil means the ODST rubric.
	Rubric    *Rubric    `json:"rubric,omitempty"`
	Responses []Response `json:"responses,omitempty" validate:"dive"`
}

// Rubric is a set of rating categories with a rating scale.
type Rubric struct {
	ID         string     `json:"id" validate:"required,id"`
	Title      string     `json:"title" validate:"required"`
	Categories []Category `json:"categories" validate:"required,dive"`
}

// Category is one part of a rubric that raters rate as a whole.
type Category struct {
	ID    string `json:"id" validate:"required,id"`
	Title string `json:"title" validate:"required"`
}

// Response is one rater's ratings and concerns.
type Response struct {
	Rater string `json:"rater" validate:"required,max=200"`
	Team  string `json:"team" validate:"required,max=200"`
	// Ratings maps a category ID to the level given; a missing category is unrated.
	Ratings map[string]int `json:"ratings,omitempty"`
	// Concerns maps a category ID to the rater's areas of concern.
	Concerns map[string]string `json:"concerns,omitempty"`
	// Submitted is when the response was submitted (RFC 3339), if known.
	Submitted string `json:"submitted,omitempty"`
}
