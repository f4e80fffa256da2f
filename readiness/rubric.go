package readiness

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// Rubric is a set of categories that raters rate as a whole, each on the
// same scale. Its JSON form is what DecodeRubric reads and a Round stores.
type Rubric struct {
	// ID names the rubric; rounds can only be compared when it is the same.
	ID    string `json:"id" validate:"required,id"`
	Title string `json:"title" validate:"required,max=200"`
	// Source says where the rubric comes from, if anywhere.
	Source string `json:"source,omitempty" validate:"max=500"`
	// Scale is the rating scale every category is rated on.
	Scale Scale `json:"scale"`
	// Categories are rated one by one, in this order.
	Categories []Category `json:"categories" validate:"required,min=1,max=50,dive"`
}

// Scale is a rating scale: consecutive whole numbers, lowest first, each with
// a descriptor that tells a rater when to choose it.
type Scale struct {
	Levels []Level `json:"levels" validate:"required,min=2,max=10,dive"`
	// Source says where the scale comes from, if anywhere.
	Source string `json:"source,omitempty" validate:"max=500"`
}

// Level is one point of a scale.
type Level struct {
	// Value is what a rater gives, such as 3.
	Value int `json:"value" validate:"gte=0,lte=100"`
	// Label is a short name for the level.
	Label string `json:"label,omitempty" validate:"max=100"`
	// Descriptor says when to choose the level.
	Descriptor string `json:"descriptor" validate:"required,max=500"`
}

// Category is one part of a rubric that raters rate as a whole.
type Category struct {
	// ID is the stable key of the category in responses, such as "metrics".
	ID string `json:"id" validate:"required,id"`
	// Theme is the framework theme the category belongs to, if any.
	Theme string `json:"theme,omitempty" validate:"omitempty,oneof=alignment resources metrics communication"`
	Title string `json:"title" validate:"required,max=200"`
	// Items are what a rater considers before giving the category a rating.
	Items []Item `json:"items,omitempty" validate:"max=50,dive"`
	// Standards are the IDs of the framework standards the category serves
	// ("alignment.1"); findings about the category cite the first one.
	Standards []string `json:"standards,omitempty" validate:"max=20"`
	// Source says where the category's wording comes from, if anywhere.
	Source string `json:"source,omitempty" validate:"max=500"`
}

// Item is one thing to address within a category.
type Item struct {
	ID   string `json:"id" validate:"required,id"`
	Text string `json:"text" validate:"required,max=1000"`
}

// odstRubricSource is where the ODST rubric comes from.
const odstRubricSource = "ODST, Standards for Effective Partnerships (2015), Readiness for Partnership Tool and Appendix B; alignment with the standards in Appendix A"

// ODST returns the Readiness for Partnership rubric of the source: four
// categories (alignment, resources, metrics, communication) with 4, 4, 2 and 6
// items to address, rated on a 1–4 scale. The wording is a paraphrase; each
// part names where it comes from. Each call builds fresh data that the caller
// may change.
func ODST() Rubric {
	const scaleSource = "ODST (2015), Readiness for Partnership Tool, rating scale"
	item := func(id, text string) Item { return Item{ID: id, Text: text} }
	return Rubric{
		ID:     "odst-readiness",
		Title:  "Readiness for Partnership",
		Source: odstRubricSource,
		Scale: Scale{Levels: []Level{
			{Value: 1, Label: "Several significant concerns", Descriptor: "Many of the items to address raise a significant concern."},
			{Value: 2, Label: "More than one significant concern", Descriptor: "Two or more of the items to address raise a significant concern."},
			{Value: 3, Label: "Agreement on most items", Descriptor: "The parties probably agree and are aligned on most of the items to address."},
			{Value: 4, Label: "Agreement on all items", Descriptor: "The parties probably agree and are aligned on every item to address."},
		}, Source: scaleSource},
		Categories: []Category{
			{
				ID: partnership.ThemeAlignment, Theme: partnership.ThemeAlignment,
				Title:     "Alignment of strategic priority and objectives",
				Standards: []string{"alignment.1", "alignment.2", "alignment.3", "alignment.4"},
				Source:    "ODST (2015), Appendix B, Readiness tool, alignment items",
				Items: []Item{
					item("alignment.a", "District and partner can show, and say in their own words, how the work fits the district's strategy."),
					item("alignment.b", "The district keeps a visual map of its initiatives and partnerships."),
					item("alignment.c", "District, school and partner each have a stake in success and can state in a few sentences why the work matters now and what motivates them."),
					item("alignment.d", "School leaders have a say from the start; other stakeholders, such as the school committee or parent groups, are involved where needed."),
				},
			},
			{
				ID: partnership.ThemeResources, Theme: partnership.ThemeResources,
				Title:     "Appropriate and sufficient resources",
				Standards: []string{"resources.1", "resources.2", "resources.3", "resources.4", "resources.5"},
				Source:    "ODST (2015), Appendix B, Readiness tool, resources items",
				Items: []Item{
					item("resources.a", "A draft schedule of activities fits within the resources available."),
					item("resources.b", "District and school name the leaders of the partnership; teacher leaders are named and the teachers' contract is taken into account where needed."),
					item("resources.c", "The partner and its point people have enough relevant experience."),
					item("resources.d", "The district's point people and the school leaders have the capacity and training the partnership needs."),
				},
			},
			{
				ID: partnership.ThemeMetrics, Theme: partnership.ThemeMetrics,
				Title:     "Clear metrics established",
				Standards: []string{"metrics.1", "metrics.2"},
				Source:    "ODST (2015), Appendix B, Readiness tool, metrics items",
				Items: []Item{
					item("metrics.a", "District, partner and school can agree on clear measures of outcomes and of outputs."),
					item("metrics.b", "They agree how the data will be gathered and who reports on the indicators, regularly and at least once a quarter."),
				},
			},
			{
				ID: partnership.ThemeCommunication, Theme: partnership.ThemeCommunication,
				Title:     "Ongoing communication and collaboration",
				Standards: []string{"communication.1", "communication.2", "communication.3", "communication.4", "communication.5"},
				Source:    "ODST (2015), Appendix B, Readiness tool, communication items",
				Items: []Item{
					item("communication.a", "District and partner each name point people and a person of higher authority with overall responsibility."),
					item("communication.b", "A schedule of meetings and a standing agenda can be set up."),
					item("communication.c", "Partner, district and school have a simple way to raise and resolve conflict, and a way to end the partnership if it comes to that."),
					item("communication.d", "District and partner set up how the partner talks with other partners when needed."),
					item("communication.e", "Partner, district and schools can show that they work together by looking for solutions."),
					item("communication.f", "Partner and district take reasonable steps to keep staff and the community informed of progress."),
				},
			},
		},
	}
}

// DecodeRubric reads a custom rubric from JSON and validates it. Unknown
// fields, mistyped values and invalid values are reported together in a
// *partnership.ValidationError, each by its JSON path. An error reading r is
// returned wrapped.
func DecodeRubric(r io.Reader) (Rubric, error) {
	var rb Rubric
	ve := new(partnership.ValidationError)
	if err := schema.Read(r, &rb, ve); err != nil {
		return Rubric{}, fmt.Errorf("reading the rubric: %w", err)
	}
	if err := ve.Err(); err != nil {
		return Rubric{}, err
	}
	if err := rb.Validate(); err != nil {
		return Rubric{}, err
	}
	return rb, nil
}

// Validate checks the rubric and returns a *partnership.ValidationError that
// lists every problem by JSON path, or nil. Beyond required fields and
// lengths it checks that category and item IDs are unique, that the scale's
// levels are consecutive whole numbers from lowest to highest, and that
// standards named by categories exist.
func (r Rubric) Validate() error {
	ve := new(partnership.ValidationError)
	schema.Validate(ve, "", &r)
	levels := r.Scale.Levels
	for i := 1; i < len(levels); i++ {
		if levels[i].Value != levels[i-1].Value+1 {
			ve.Add(fmt.Sprintf("scale.levels[%d].value", i),
				"value must be %d, one more than the level before it; levels are consecutive whole numbers, lowest first (such as 1, 2, 3, 4)",
				levels[i-1].Value+1)
		}
	}
	cats := make(map[string]int, len(r.Categories))
	items := make(map[string]string)
	for i, c := range r.Categories {
		at := fmt.Sprintf("categories[%d]", i)
		if c.ID != "" {
			if j, dup := cats[c.ID]; dup {
				ve.Add(at+".id", "id %q is already used at categories[%d]; every category needs its own id", c.ID, j)
			} else {
				cats[c.ID] = i
			}
		}
		for j, it := range c.Items {
			if it.ID == "" {
				continue
			}
			ip := fmt.Sprintf("%s.items[%d]", at, j)
			if first, dup := items[it.ID]; dup {
				ve.Add(ip+".id", "id %q is already used at %s; every item needs its own id", it.ID, first)
				continue
			}
			items[it.ID] = ip
		}
		for j, s := range c.Standards {
			if _, ok := partnership.StandardByID(s); !ok {
				ve.Add(fmt.Sprintf("%s.standards[%d]", at, j), "there is no standard %q; use an id such as alignment.1, resources.5, metrics.2 or communication.3", s)
			}
		}
	}
	return ve.Err()
}

// usable checks, without allocating, what Summarize and ReadCSV rely on:
// a scale of consecutive levels. Validate checks everything else.
func (r Rubric) usable() error {
	levels := r.Scale.Levels
	if len(levels) == 0 {
		return &partnership.ValidationError{Problems: []partnership.Problem{{Path: "scale.levels", Message: "levels is required"}}}
	}
	for i := 1; i < len(levels); i++ {
		if levels[i].Value != levels[i-1].Value+1 {
			return &partnership.ValidationError{Problems: []partnership.Problem{{Path: fmt.Sprintf("scale.levels[%d].value", i),
				Message: "levels must be consecutive whole numbers, lowest first (such as 1, 2, 3, 4)"}}}
		}
	}
	return nil
}

// Category returns the category with the given ID and its position.
func (r Rubric) Category(id string) (Category, int, bool) {
	for i, c := range r.Categories {
		if c.ID == id {
			return c, i, true
		}
	}
	return Category{}, -1, false
}

// Lowest returns the lowest value of the scale, or 0 for an empty scale.
func (s Scale) Lowest() int {
	if len(s.Levels) == 0 {
		return 0
	}
	return s.Levels[0].Value
}

// Highest returns the highest value of the scale, or 0 for an empty scale.
func (s Scale) Highest() int {
	if len(s.Levels) == 0 {
		return 0
	}
	return s.Levels[len(s.Levels)-1].Value
}

// Contains reports whether v is a level of the scale.
func (s Scale) Contains(v int) bool {
	return len(s.Levels) > 0 && v >= s.Lowest() && v <= s.Highest()
}

// Level returns the level with value v.
func (s Scale) Level(v int) (Level, bool) {
	if i := v - s.Lowest(); s.Contains(v) && i < len(s.Levels) && s.Levels[i].Value == v {
		return s.Levels[i], true
	}
	for _, l := range s.Levels {
		if l.Value == v {
			return l, true
		}
	}
	return Level{}, false
}

// Values lists the scale's values for messages: "1, 2, 3, 4".
func (s Scale) Values() string {
	var b strings.Builder
	for i, l := range s.Levels {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(l.Value))
	}
	return b.String()
}

// String writes the scale as its range, such as "1–4".
func (s Scale) String() string {
	return fmt.Sprintf("%d–%d", s.Lowest(), s.Highest())
}

// labelOrDescriptor names a level in a message: its label, or its descriptor.
func (l Level) labelOrDescriptor() string {
	if l.Label != "" {
		return l.Label
	}
	return l.Descriptor
}
