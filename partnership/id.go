package partnership

import (
	"crypto/sha256"
	"encoding/json"
	"github.com/partnerkit/partnerkit/internal/schema"
	"math/rand/v2"
)

// idAlphabet is Crockford's base 32: digits and lower-case letters without
// i, l, o and u, so that an ID read aloud or copied by hand stays the same.
const idAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"

// idSuffixLen is the number of base-32 characters NewID and ContentID put
// after the prefix: 50 bits, so that records two copies of a workspace add
// on their own do not come to share an ID.
const idSuffixLen = 10

// NewID returns a new ID for a record that a person adds: prefix, a dash and
// ten random letters and digits ("partner-7k2q9x4m1d"). Records added in two
// copies of the same workspace get different IDs, so that merging the
// copies keeps both instead of taking them for one record. A prefix that
// would not make a valid ID is replaced by "id".
func NewID(prefix string) string {
	var b [idSuffixLen]byte
	n := rand.Uint64()
	for i := range b {
		b[i] = idAlphabet[n&31]
		n >>= 5
	}
	return withPrefix(prefix, b[:])
}

// ContentID returns an ID derived from what v holds, as JSON: the same
// content always gives the same ID ("response-3f8k2q9x4m"). It names
// records that already exist in two places, such as the same readiness
// response added to two copies of a workspace, or a record of an older file
// that had no ID, so that both places give it the same one.
func ContentID(prefix string, v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return NewID(prefix)
	}
	sum := sha256.Sum256(data)
	var b [idSuffixLen]byte
	for i := range b {
		// 5 bits from each byte: plenty, and every character equally likely.
		b[i] = idAlphabet[sum[i]&31]
	}
	return withPrefix(prefix, b[:])
}

// withPrefix joins prefix and suffix into a valid ID of at most 64 bytes.
func withPrefix(prefix string, suffix []byte) string {
	if len(prefix) > 64-1-len(suffix) {
		prefix = prefix[:64-1-len(suffix)]
	}
	if !schema.ValidID(prefix) {
		prefix = "id"
	}
	return prefix + "-" + string(suffix)
}
