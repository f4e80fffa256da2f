package agenda

// Meeting is one meeting of the partnership: its agenda before, its record after.
type Meeting struct {
	Title string `json:"title" validate:"required,max=200"`
}
