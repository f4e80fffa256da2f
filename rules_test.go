package partnerkit_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agenda"
	"github.com/partnerkit/partnerkit/contract"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/progress"
	"github.com/partnerkit/partnerkit/readiness"
)

// catalogues are every rule catalogue, by the package that holds it.
func catalogues() map[string][]partnership.Rule {
	return map[string][]partnership.Rule{
		"partnership": partnership.Rules(),
		"readiness":   readiness.Rules(),
		"contract":    contract.Rules(),
		"agenda":      agenda.Rules(),
		"progress":    progress.Rules(),
		"partnerkit":  partnerkit.Rules(),
	}
}

// TestReviewEmitsOnlyCataloguedRules runs Review over the example district
// and over fixtures made to trigger every rule: each finding's rule must be
// in a catalogue, with the catalogue's severity or a lesser one and its
// standard when the catalogue gives one; and each catalogued rule must fire
// somewhere.
func TestReviewEmitsOnlyCataloguedRules(t *testing.T) {
	rules := make(map[string]partnership.Rule)
	for pkg, rs := range catalogues() {
		for _, r := range rs {
			_, dup := rules[r.ID]
			require.False(t, dup, "%s lists %s, already listed", pkg, r.ID)
			rules[r.ID] = r
		}
	}
	files, err := filepath.Glob("testdata/*.json")
	require.NoError(t, err)
	more, err := filepath.Glob("testdata/rules/*.json")
	require.NoError(t, err)
	files = append(files, more...)
	files = append(files, filepath.Join("examples", "hgusd", "casefile", "hgusd.json"))
	fired := make(map[string][]string)
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		load := partnerkit.Decode
		if filepath.Base(filepath.Dir(name)) == "rules" {
			load = partnerkit.Load // the fixtures are valid files: no rule fires for a broken one
		}
		ws, err := load(f)
		f.Close()
		require.NoError(t, err, name)
		for _, fd := range partnerkit.Review(ws) {
			r, ok := rules[fd.Rule]
			if !assert.True(t, ok, "%s: rule %q of %q is in no catalogue", name, fd.Rule, fd.Message) {
				continue
			}
			assert.LessOrEqual(t, fd.Severity.Rank(), r.Severity.Rank(), "%s: %s is %s, above its catalogue's %s", name, fd.Rule, fd.Severity, r.Severity)
			if r.Standard != "" {
				assert.Equal(t, r.Standard, fd.Standard, "%s: %s", name, fd.Rule)
			}
			if !slices.Contains(fired[fd.Rule], name) {
				fired[fd.Rule] = append(fired[fd.Rule], name)
			}
		}
	}
	for id := range rules {
		assert.NotEmpty(t, fired[id], "no fixture triggers %s", id)
	}
}

// TestRulesAreInGoDoc checks that go doc alone tells a developer every rule:
// each catalogued rule is an exported constant of its package whose doc
// comment gives its severity and every number of its threshold.
func TestRulesAreInGoDoc(t *testing.T) {
	dirs := map[string]string{"partnership": "partnership", "readiness": "readiness", "contract": "contract", "agenda": "agenda", "progress": "progress", "partnerkit": "."}
	number := regexp.MustCompile(`[0-9]+`)
	for pkg, rules := range catalogues() {
		docs := constDocs(t, dirs[pkg])
		for _, r := range rules {
			d, ok := docs[r.ID]
			if !assert.True(t, ok, "%s: no documented constant holds %q", pkg, r.ID) {
				continue
			}
			assert.Contains(t, d, "("+string(r.Severity), "%s: the doc of %s gives its severity", pkg, r.ID)
			for _, n := range number.FindAllString(r.Threshold, -1) {
				assert.Regexp(t, `\b`+n+`\b`, d, "%s: the doc of %s gives its threshold %q", pkg, r.ID, r.Threshold)
			}
			assert.NotEmpty(t, r.Title, r.ID)
			assert.NotEmpty(t, r.Trigger, r.ID)
			assert.NotEmpty(t, r.Source, r.ID)
			if r.Standard != "" {
				_, ok := partnership.StandardByID(r.Standard)
				assert.True(t, ok, "standard %q of %s", r.Standard, r.ID)
			}
		}
	}
}

// constDocs maps the value of every exported string constant of the package
// in dir to its doc comment, as go doc shows it.
func constDocs(t *testing.T, dir string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range matches {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/partnerkit/partnerkit/"+dir)
	require.NoError(t, err)
	out := make(map[string]string)
	for _, v := range p.Consts {
		for _, spec := range v.Decl.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if !name.IsExported() || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				val, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				out[val] = vs.Doc.Text()
			}
		}
	}
	return out
}

// TestReviewIsSorted checks the merged review over every fixture is in the
// order SortFindings gives.
func TestReviewIsSorted(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.json")
	require.NoError(t, err)
	files = append(files, filepath.Join("testdata", "full.json"), filepath.Join("testdata", "ten-mistakes.json"), filepath.Join("examples", "hgusd", "casefile", "hgusd.json"))
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		ws, err := partnerkit.Decode(f)
		f.Close()
		require.NoError(t, err, name)
		fs := partnerkit.Review(ws)
		sorted := slices.Clone(fs)
		partnership.SortFindings(sorted)
		assert.True(t, slices.IsSortedFunc(fs, partnership.CompareFindings), name)
		assert.ElementsMatch(t, sorted, fs, name)
	}
}
