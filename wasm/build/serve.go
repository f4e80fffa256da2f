package main

import (
	"fmt"
	"net"
	"net/http"
	"time"
)

// Serve serves the page at addr until the process is stopped. The page needs
// no server; this is only a convenience for trying it.
func Serve(addr, file string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serving on %s: %w", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/partnerkit.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		http.ServeFile(w, r, file)
	})
	fmt.Printf("serving %s at http://%s/ (press Ctrl-C to stop)\n", file, ln.Addr())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	return srv.Serve(ln)
}
