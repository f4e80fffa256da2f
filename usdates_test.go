package partnerkit_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/internal/doctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// isoDate matches a date written the way files write it, 2018-06-15.
var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// Every finding of the example district, with and without a clock, speaks
// the way US readers write dates ("June 15, 2018") and starts as a
// sentence does, with a capital letter.
func TestFindingsWriteUSDates(t *testing.T) {
	ws := example(t)
	for _, now := range []time.Time{{}, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)} {
		fs := partnerkit.ReviewAt(ws, now)
		assert.NotEmpty(t, fs)
		for _, f := range fs {
			texts := append([]string{f.Message, f.Question}, f.Evidence...)
			for _, s := range texts {
				assert.Falsef(t, isoDate.MatchString(s), "%s: file-format date in %q", f.Rule, s)
			}
			if r, _ := utf8.DecodeRuneInString(f.Message); unicode.IsLower(r) {
				assert.Failf(t, "lower-case finding", "%s: %q", f.Rule, f.Message)
			}
		}
	}
}

// The pre-read is text people read: no date in it is written as files
// write dates.
func TestPreReadWritesUSDates(t *testing.T) {
	ws := example(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	var page bytes.Buffer
	require.NoError(t, partnerkit.PreRead{Workspace: ws, Now: now}.WriteHTML(&page))
	text := strings.Join(doctest.HTMLBlocks(t, page.String()), "\n")
	assert.Empty(t, isoDate.FindAllString(text, -1))
}
