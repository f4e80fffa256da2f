package partnership_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
)

// FuzzCheck decodes any input as a partnership, as the page and Load do, and
// runs the coherence checks and the map on whatever decodes, valid or not:
// none of them may panic, every finding must say what it is about, and the
// map must stay well-formed XML.
func FuzzCheck(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "coherence.json"))
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{"name":"x","district":{"id":"d","name":"D","stance":"receiver","expects":"co-design"},"partners":[{"id":"p","name":"<P&>","approach":"delivery"}],` +
		`"initiatives":[{"id":"i","name":"I","owner":"p","demands":[{"audience":"t","start":"0000-01-01","end":"9999-12-31","hoursPerWeek":168},{"audience":"T ","start":"2020-02-30","end":"2020-01-01","hoursPerWeek":-1}]},` +
		`{"id":"i","name":"","owner":"zz","priorities":["nope"],"demands":[{"audience":"t","schools":["a","a"],"start":"2020-01-01","end":"2020-01-01","hoursPerWeek":0.005}]}],` +
		`"capacity":[{"audience":"t","hoursPerWeek":1},{"audience":"T","hoursPerWeek":1e308}],"start":"2021-01-01","end":"2020-01-01","context":[{"org":"ghost"},{"org":"d"},{"org":"d"}]}`))
	f.Add([]byte(`{"district":{},"people":[{"id":"a","roles":["point-person","point-person","higher-authority"]}],"schools":[{"id":""}]}`))
	f.Add([]byte(`{"name":"\u0001\ufffe","district":{"id":"d","name":"\u001f"},"schools":[{"id":"s","name":"\u0000"}],` +
		`"initiatives":[{"id":"i","name":"\b","owner":"d","demands":[{"audience":"\u0002","schools":["s"],"start":"2020-01-01","end":"2020-02-01","hoursPerWeek":5}]},` +
		`{"id":"j","name":"J","owner":"e","demands":[{"audience":"\u0002","start":"2020-01-01","end":"2020-01-01","hoursPerWeek":5}]}]}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p partnership.Partnership
		if !schema.Decode(data, &p, new(partnership.ValidationError)) {
			return
		}
		_ = p.Validate()
		for _, fd := range partnership.Check(&p) {
			if fd.Rule == "" || fd.Severity.Rank() == 0 || fd.Message == "" || fd.Path == "" {
				t.Fatalf("incomplete finding: %+v", fd)
			}
		}
		var buf bytes.Buffer
		if err := p.WriteMap(&buf, partnership.MapOptions{MaxWidth: 2000}); err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(&buf)
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("the map is not well-formed: %v", err)
			}
		}
		_ = p.ContextItems()
	})
}
