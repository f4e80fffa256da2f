package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/partnerkit/partnerkit/document"
	"github.com/partnerkit/partnerkit/wasm/store"
)

// Options says what to build.
type Options struct {
	// Out is the HTML file to write.
	Out string
	// Package is the Go package of the app; empty means the module's wasm/app.
	Package string
	// Rubric is a custom rubric, as a rubric code (see ui.EncodeCode), baked
	// into the page in place of the ODST rubric; empty for none.
	Rubric string
	// Title is the page's title; empty means "partnerkit".
	Title string
}

//go:embed page.html.tmpl
var pageTemplate string

// bootJS starts the app: it decodes, decompresses and instantiates the wasm.
//
//go:embed boot.js
var bootJS string

// pageCSS is the page's own style sheet.
//
//go:embed page.css
var pageCSS string

// style is the page's style sheet: its own, then the style of the documents
// it prints, the same as the documents the library writes.
var style = pageCSS + "\n" + document.Stylesheet

// csp returns the page's Content-Security-Policy. Every network request is
// refused. Only the page's own scripts and style sheet run, named by their
// SHA-256 hashes, so a script that got into the page any other way would not
// run; WebAssembly compilation is allowed, images only from data: and blob:,
// and a worker only from blob:, the one the boot script makes from its own
// text to decompress and compile the app beside the page (no script that
// could make one runs without its hash here).
func csp(scripts []string, style string) string {
	var src strings.Builder
	for _, s := range scripts {
		src.WriteString(" " + hashSource(s))
	}
	return "default-src 'none'; script-src" + src.String() + " 'wasm-unsafe-eval'; style-src " + hashSource(style) + "; " +
		"img-src data: blob:; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; " +
		"frame-src 'none'; worker-src blob:; manifest-src 'none'; form-action 'none'; base-uri 'none'"
}

// hashSource is a CSP hash source for an inline script or style.
func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Build compiles the app and writes the page, returning its size in bytes.
func Build(o Options) (int, error) {
	wasm, err := compile(o.Package, "-s -w")
	if err != nil {
		return 0, err
	}
	if wasm, err = joinData(wasm); err != nil {
		return 0, err
	}
	execJS, err := wasmExecJS()
	if err != nil {
		return 0, err
	}
	page, err := Page(wasm, execJS, o)
	if err != nil {
		return 0, err
	}
	if dir := filepath.Dir(o.Out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
	}
	if err := os.WriteFile(o.Out, page, 0o644); err != nil {
		return 0, err
	}
	return len(page), nil
}

// compile compiles the Go package pkg (empty for the module's wasm/app) to
// WebAssembly the way the page is built, with the linker flags ldflags, and
// returns the module.
func compile(pkg, ldflags string) ([]byte, error) {
	if pkg == "" {
		pkg = "./wasm/app"
	}
	tmp, err := os.MkdirTemp("", "partnerkit-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	wasmFile := filepath.Join(tmp, "app.wasm")
	// The compiler inlines as it does by default: limiting it to the hot
	// packages kept an earlier page within 4 MB, but made a keystroke in the
	// partnership editor with 500 initiatives take 6.7 ms instead of 4.7,
	// and, measured against hello-world in the same runs (a loaded 2-core
	// machine, medians of 11), the example's click showed later: usable
	// 2.50 and 3.83 times hello-world's with the limit, 2.26 and 2.62
	// without, for a page of 5.62 MB instead of 5.12, within its 6 MB.
	args := []string{"build", "-trimpath", "-ldflags=" + ldflags}
	cmd := exec.Command("go", append(args, "-o", wasmFile, pkg)...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compiling %s to WebAssembly: %w", pkg, err)
	}
	return os.ReadFile(wasmFile)
}

// wasmExecJS returns the toolchain's wasm_exec.js, which must match the Go
// version that compiled the app.
func wasmExecJS() ([]byte, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("asking the Go toolchain for GOROOT: %w", err)
	}
	goroot := strings.TrimSpace(string(out))
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if b, err := os.ReadFile(filepath.Join(goroot, p)); err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("wasm_exec.js not found under %s/lib/wasm: is the Go toolchain complete?", goroot)
}

// Page returns the single-file HTML page holding the compiled app, gzipped and
// written as base64 text, and the Go runtime's support script.
func Page(wasm, execJS []byte, o Options) ([]byte, error) {
	if !codeText(o.Rubric) {
		return nil, fmt.Errorf("the rubric code has characters a code cannot have")
	}
	if o.Title == "" {
		o.Title = "partnerkit"
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(wasm); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	t, err := template.New("page").Parse(pageTemplate)
	if err != nil {
		return nil, err
	}
	// The app goes in pieces, each a script of its own that hands its text
	// to the boot script: the browser decompresses and compiles the first
	// pieces while it still reads the rest of the page. Base64 needs no
	// escaping in a script's string literal and cannot form "</script".
	chunks := wasmChunks(base64.StdEncoding.EncodeToString(gz.Bytes()))
	if strings.Contains(string(execJS), "</script") {
		return nil, fmt.Errorf("wasm_exec.js contains </script and cannot be inlined")
	}
	first, err := firstScreens()
	if err != nil {
		return nil, fmt.Errorf("rendering the first screen: %w", err)
	}
	if o.Rubric != "" {
		// A page with a rubric of its own shows the example once its app
		// runs: the example's frame here is drawn with the ODST rubric.
		first.Example = ""
	}
	var buf bytes.Buffer
	err = t.Execute(&buf, map[string]any{
		// Rendered by the page's own view code, which escapes every text.
		"Start":     template.HTML(first.Start),
		"Opening":   template.HTML(first.Opening),
		"Example":   template.HTML(first.Example),
		"ExampleID": first.ExampleID,
		"StoreKey":  store.WorkspaceKey,
		"IndexKey":  store.IndexKey,
		"Parts":     len(chunks),
		"CSP":       csp(append([]string{string(execJS), bootJS}, chunks...), style),
		"Title":     o.Title,
		// A code holds only [A-Za-z0-9._-] (checked above): safe as raw text.
		"Rubric": template.HTML(o.Rubric),
		// The scripts and the style sheet are inserted as they are, byte for
		// byte, so that their hashes in the CSP match.
		"Wasm":   jsList(chunks),
		"ExecJS": template.JS(execJS),
		"BootJS": template.JS(bootJS),
		"CSS":    template.CSS(style),
	})
	return buf.Bytes(), err
}

// chunkChars is the length of each piece of the app's text: a whole number
// of four-character groups, so that each piece decodes on its own.
const chunkChars = 4 * 62_500

// wasmChunks cuts the app's text into scripts that hand each piece to the
// boot script's pkChunk; the last says it is the last, which ends the
// stream.
func wasmChunks(text string) []string {
	var out []string
	for len(text) > chunkChars {
		out = append(out, `pkChunk("`+text[:chunkChars]+`")`)
		text = text[chunkChars:]
	}
	return append(out, `pkChunk("`+text+`", true)`)
}

// jsList marks scripts as safe to insert as they are.
func jsList(ss []string) []template.JS {
	out := make([]template.JS, len(ss))
	for i, s := range ss {
		out[i] = template.JS(s)
	}
	return out
}

// codeText reports whether s holds only the characters of a code.
func codeText(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}
