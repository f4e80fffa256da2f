// Package casefile holds the Aligned Partners case of the SCOPE study "Beyond
// Alignment" as a partnerkit workspace file, so that programs (the hgusd
// command, the page's built-in example) can open it without reading from disk.
package casefile

import (
	_ "embed"
	"slices"
)

//go:embed hgusd.json
var workspace []byte

// JSON returns the workspace file of the case, a fresh copy on every call.
func JSON() []byte {
	return slices.Clone(workspace)
}
