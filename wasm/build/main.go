// Command build compiles partnerkit's page to WebAssembly and writes it as one
// self-contained HTML file that works offline from file:// and from a server.
//
//	go run ./wasm/build                      # writes dist/partnerkit.html
//	go run ./wasm/build -o site/rubric.html  # writes elsewhere
//	go run ./wasm/build -serve localhost:8080  # also serves it
//	go run ./wasm/build -rubric my-rubric.json # bakes a custom rubric in
//	go run ./wasm/build -rubric-code my-rubric.json  # prints it as a code for #rubric=
//	go run ./wasm/build -sizes                # prints what each Go package takes of the app
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("build: ")
	out := flag.String("o", "dist/partnerkit.html", "write the page to `FILE`")
	serve := flag.String("serve", "", "after building, serve the page at `ADDR` (such as localhost:8080)")
	rubric := flag.String("rubric", "", "bake the custom rubric in the JSON `FILE` into the page, in place of the ODST rubric")
	title := flag.String("title", "", "the page's `TITLE` (default partnerkit)")
	pkg := flag.String("pkg", "", "build the Go `PACKAGE` instead of ./wasm/app (for tests)")
	codeOf := flag.String("rubric-code", "", "print the rubric code of the custom rubric in the JSON `FILE`, for a page URL's #rubric=, and exit")
	sizes := flag.Bool("sizes", false, "print the bytes each Go package takes of the compiled app, largest first, and exit")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./wasm/build [-o FILE] [-serve ADDR] [-rubric FILE] [-title TITLE]\n       go run ./wasm/build -rubric-code FILE\n       go run ./wasm/build -sizes [-pkg PACKAGE]\n\nBuilds partnerkit's single-file page.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if *codeOf != "" {
		code, err := RubricCode(*codeOf)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(code)
		return
	}
	if *sizes {
		wasm, err := compile(*pkg, "-w") // keeps the function names
		if err != nil {
			log.Fatal(err)
		}
		s, err := Sizes(wasm)
		if err != nil {
			log.Fatal(err)
		}
		writeSizes(os.Stdout, s, 40)
		return
	}
	o := Options{Out: *out, Package: *pkg, Title: *title}
	if *rubric != "" {
		code, err := RubricCode(*rubric)
		if err != nil {
			log.Fatal(err)
		}
		o.Rubric = code
	}
	size, err := Build(o)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s (%.2f MB)\n", *out, float64(size)/1e6)
	if *serve != "" {
		if err := Serve(*serve, *out); err != nil {
			log.Fatal(err)
		}
	}
}
