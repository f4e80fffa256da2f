package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"io"
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPageInlinesEverything(t *testing.T) {
	for name, wasm := range map[string][]byte{
		"small": []byte("\x00asm fake module"),
		// Bytes that do not compress, so that the app goes in several pieces.
		"large": func() []byte {
			b := make([]byte, 700_000)
			_, _ = rand.NewChaCha8([32]byte{1}).Read(b)
			return b
		}(),
	} {
		t.Run(name, func(t *testing.T) { pageInlines(t, wasm) })
	}
}

func pageInlines(t *testing.T, wasm []byte) {
	page, err := Page(wasm, []byte("/* wasm_exec */ class Go {}"), Options{Rubric: "pk1.abc_-9", Title: "TA <rubric>"})
	require.NoError(t, err)
	s := string(page)
	assert.Contains(t, s, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`)
	assert.Contains(t, s, "connect-src &#39;none&#39;")
	assert.Contains(t, s, "worker-src blob:;", "a worker only from the page's own text")
	assert.NotContains(t, s, "unsafe-inline", "only the page's own scripts, by hash, may run")
	// Every inline script that runs is named by its hash in the policy.
	for _, m := range regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(s, -1) {
		sum := sha256.Sum256([]byte(m[1]))
		// The policy is an attribute: the browser reads it with entities such as &#43; decoded.
		assert.Contains(t, html.UnescapeString(s), "sha256-"+base64.StdEncoding.EncodeToString(sum[:]))
	}
	assert.Contains(t, s, "<title>TA &lt;rubric&gt;</title>")
	assert.Contains(t, s, `<script type="text/plain" id="pk-rubric">pk1.abc_-9</script>`)
	assert.Contains(t, s, "/* wasm_exec */ class Go {}")
	assert.Contains(t, s, "Getting partnerkit ready")
	assert.Contains(t, s, `id="pk-start-example"`, "the first screen is in the page")
	assert.Contains(t, s, "Opening your workspace…")
	assert.NotContains(t, s, `id="pk-example"`, "a page with a rubric of its own draws the example once the app runs")
	assert.NotRegexp(t, regexp.MustCompile(`(?i)\s(src|href)=`), s, "the page loads nothing from elsewhere")
	assert.NotContains(t, s, "fetch(")

	pieces := regexp.MustCompile(`<script>pkChunk\("([A-Za-z0-9+/=]+)"(, true)?\)</script>`).FindAllStringSubmatch(s, -1)
	require.NotEmpty(t, pieces, "the app is inlined in pieces")
	var gz []byte
	for i, m := range pieces {
		last := i == len(pieces)-1
		assert.Equal(t, last, m[2] != "", "only the last piece says it is the last")
		// Each piece decodes on its own, as the boot script decodes it.
		b, err := base64.StdEncoding.DecodeString(m[1])
		require.NoError(t, err, "piece %d", i)
		gz = append(gz, b...)
	}
	if len(wasm) > 2*chunkChars {
		assert.Greater(t, len(pieces), 2)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	got, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, wasm, got)
}

// The example's first frame comes with the page, in a template the boot
// script shows when "Open the example district" is clicked before the app
// runs, with the example's workspace ID: a device that keeps the example
// opens its own copy instead.
func TestPageCarriesTheExamplesFirstFrame(t *testing.T) {
	page, err := Page([]byte("\x00asm"), []byte("class Go {}"), Options{})
	require.NoError(t, err)
	first, err := firstScreens()
	require.NoError(t, err)
	assert.Contains(t, string(page), `<template id="pk-example" data-pk-workspace="`+first.ExampleID+`">`+first.Example+`</template>`)
}

func TestPageRefusesAForgedRubricCode(t *testing.T) {
	_, err := Page(nil, nil, Options{Rubric: `pk1.x</script><script>alert(1)</script>`})
	assert.Error(t, err)
}

func TestRubricCode(t *testing.T) {
	code, err := RubricCode("../../examples/embed/rubric.json")
	require.NoError(t, err)
	assert.Regexp(t, `^pk1\.[A-Za-z0-9_-]+$`, code)
	_, err = RubricCode("testdata/bad-rubric.json")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "scale.levels[1].value")
}
