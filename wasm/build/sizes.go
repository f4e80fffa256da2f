package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// PackageSize is what one Go package takes of the compiled app.
type PackageSize struct {
	// Package is the Go package's import path; "(data)" for the data
	// segments (strings, tables, type information) and "(other)" for the
	// module's other sections.
	Package string
	// Code is the size in bytes of the package's function bodies.
	Code int
	// Gzip is the size in bytes of the same bodies gzipped together, which
	// is near what they add to the page.
	Gzip int
	// Funcs is how many functions the package has in the module.
	Funcs int
}

// Sizes reads a WebAssembly module compiled by Go (with its name section,
// that is without -ldflags=-s) and says how many bytes each Go package takes,
// largest first. go tool nm does not read WebAssembly, so Sizes reads the
// code section's function bodies and the name section's function names
// itself.
func Sizes(wasm []byte) ([]PackageSize, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	var (
		imported int
		bodies   [][]byte
		names    = map[int]string{}
		data     int
		other    = len(wasm) // what is neither code, data nor names
	)
	r := wasmReader{b: wasm[8:]}
	for !r.done() {
		id := r.byte()
		section := wasmReader{b: r.bytes(int(r.uleb()))}
		if r.err != nil {
			break
		}
		switch id {
		case 2: // imports: their functions come first in the function index space
			for n := section.uleb(); n > 0 && section.err == nil; n-- {
				section.bytes(int(section.uleb())) // module
				section.bytes(int(section.uleb())) // name
				switch section.byte() {
				case 0: // function
					section.uleb()
					imported++
				case 1: // table
					section.byte()
					section.limits()
				case 2: // memory
					section.limits()
				case 3: // global
					section.byte()
					section.byte()
				}
			}
		case 10: // code
			for n := section.uleb(); n > 0 && section.err == nil; n-- {
				body := section.bytes(int(section.uleb()))
				bodies = append(bodies, body)
				other -= len(body)
			}
		case 11: // data
			data += len(section.b)
			other -= len(section.b)
		case 0:
			if string(section.bytes(int(section.uleb()))) != "name" {
				continue
			}
			other -= len(section.b)
			for !section.done() && section.err == nil {
				sub := section.byte()
				body := wasmReader{b: section.bytes(int(section.uleb()))}
				if sub != 1 { // function names
					continue
				}
				for n := body.uleb(); n > 0 && body.err == nil; n-- {
					i := int(body.uleb())
					names[i] = string(body.bytes(int(body.uleb())))
				}
				if body.err != nil {
					return nil, fmt.Errorf("reading the name section: %w", body.err)
				}
			}
		}
		if section.err != nil {
			return nil, fmt.Errorf("reading section %d: %w", id, section.err)
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("reading the module: %w", r.err)
	}
	if len(names) == 0 {
		return nil, errors.New("the module has no function names: build it without -ldflags=-s")
	}
	code := map[string]*bytes.Buffer{}
	by := map[string]*PackageSize{}
	for i, body := range bodies {
		pkg := packageOf(names[imported+i])
		if by[pkg] == nil {
			by[pkg] = &PackageSize{Package: pkg}
			code[pkg] = new(bytes.Buffer)
		}
		by[pkg].Code += len(body)
		by[pkg].Funcs++
		code[pkg].Write(body)
	}
	out := []PackageSize{{Package: "(data)", Code: data}, {Package: "(other)", Code: other}}
	for pkg, s := range by {
		s.Gzip = gzipSize(code[pkg].Bytes())
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Code != out[j].Code {
			return out[i].Code > out[j].Code
		}
		return out[i].Package < out[j].Package
	})
	return out, nil
}

// packageOf returns the package of a function's name in the module's name
// section, where Go writes "github.com/go-playground/validator/v10.(*Validate).Struct"
// as "github.com_go_playground_validator_v10.__Validate_.Struct": the
// package is what comes before the first dot that follows the host name, if
// the path starts with one (github.com, golang.org, go.yaml.in...).
func packageOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	start := 0
	if us := strings.IndexByte(sym, '_'); us > 0 {
		host := sym[:us]
		if dot := strings.LastIndexByte(host, '.'); dot > 0 && topLevelDomains[host[dot+1:]] {
			start = us
		}
	}
	if dot := strings.IndexByte(sym[start:], '.'); dot >= 0 {
		return sym[:start+dot]
	}
	return sym
}

// topLevelDomains are the ends of the host names that module paths start with.
var topLevelDomains = map[string]bool{"com": true, "org": true, "net": true, "in": true, "io": true, "dev": true}

// gzipSize returns the size of b gzipped as the page gzips the app.
func gzipSize(b []byte) int {
	var n countWriter
	zw, _ := gzip.NewWriterLevel(&n, gzip.BestCompression)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return int(n)
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}

// wasmReader reads the parts of a WebAssembly module; the first error
// sticks, and reads after it return zero values.
type wasmReader struct {
	b   []byte
	err error
}

func (r *wasmReader) done() bool { return len(r.b) == 0 }

func (r *wasmReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// uleb reads an unsigned LEB128 number.
func (r *wasmReader) uleb() uint64 {
	v, _ := r.leb()
	return v
}

// sleb reads a signed LEB128 number.
func (r *wasmReader) sleb() int64 {
	v, bits := r.leb()
	if bits < 64 && v>>(bits-1)&1 != 0 {
		return int64(v) | -1<<bits // the sign bit, extended
	}
	return int64(v)
}

// leb reads the bits of a LEB128 number and says how many it read.
func (r *wasmReader) leb() (uint64, int) {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0, 1
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, shift + 7
		}
	}
	r.fail()
	return 0, 1
}

// limits reads a table's or a memory's limits.
func (r *wasmReader) limits() {
	hasMax := r.byte()&1 != 0
	r.uleb() // minimum
	if hasMax {
		r.uleb()
	}
}

func (r *wasmReader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *wasmReader) fail() {
	if r.err == nil {
		r.err = io.ErrUnexpectedEOF
	}
}

// writeSizes prints the sizes, with a total, as a table.
func writeSizes(w io.Writer, sizes []PackageSize, top int) {
	var total, totalGzip int
	for _, s := range sizes {
		total += s.Code
		totalGzip += s.Gzip
	}
	fmt.Fprintf(w, "%10s %10s %6s  %s\n", "bytes", "gzip", "funcs", "package")
	for i, s := range sizes {
		if top > 0 && i == top {
			var rest, restGzip int
			for _, s := range sizes[i:] {
				rest += s.Code
				restGzip += s.Gzip
			}
			fmt.Fprintf(w, "%10d %10d %6s  (%d more packages)\n", rest, restGzip, "", len(sizes)-i)
			break
		}
		fmt.Fprintf(w, "%10d %10d %6d  %s\n", s.Code, s.Gzip, s.Funcs, s.Package)
	}
	fmt.Fprintf(w, "%10d %10d %6s  total (gzip of code only, each package on its own)\n", total, totalGzip, "")
}
