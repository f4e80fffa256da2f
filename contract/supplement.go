package contract

// Supplement is the Contract Supplement: an addendum or memorandum of
// understanding attached to a district–partner contract.
type Supplement struct {
	District string `json:"district" validate:"required,max=200"`
	Partner  string `json:"partner" validate:"required,max=200"`
}

// New starts a draft supplement between a district and a partner.
func New(district, partner string) *Supplement {
	return &Supplement{District: district, Partner: partner}
}
