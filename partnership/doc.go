// Package partnership holds what every tool of partnerkit shares: the
// framework of the ODST Standards for Effective Partnerships as data (four
// themes and their standards, with stable IDs such as "alignment.1"), the
// model of a partnership (the district, its TA partners and their approach,
// schools, people and their roles, strategic priorities, initiatives and the
// time they ask of each audience), its validation, and the coherence checks
// that find initiatives competing for the same people's time, gaps in roles
// and alignment, and risks to what outlasts the partnership.
//
// Every check returns Findings, each naming a Rule of a catalogue (see
// Rules); every validation and every decoder of partnerkit returns a
// *ValidationError whose Problems name the JSON path of each field and say,
// in plain words, what is allowed.
package partnership
