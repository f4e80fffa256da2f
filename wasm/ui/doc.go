// Package ui is partnerkit's page as plain Go: the state of the page, the
// actions a user takes (Event), what the browser must do in return (Effect),
// and the page drawn as a tree of Nodes. It touches no JavaScript, so all of
// it is tested with go test; package wasm/dom draws the tree into the
// document and carries out the effects.
//
// The page calls the domain packages for everything it shows: the rubric,
// responses and summaries come from readiness, the workspace file from the
// root package partnerkit; the review view lists partnerkit.ReviewAt's
// findings grouped by theme and severity (GroupFindings, CountFindings)
// under partnership.WriteMap's map of initiatives, and the start screen opens
// the built-in example from examples/hgusd/casefile. What ui adds is the
// page's own: the field model (Field, in field.go), through which every
// editor declares each value it edits once; the short codes a rater sends
// (EncodeCode, DecodeResponse, DecodeRubric), the configuration from the URL
// (ParseLocation), and restoring what the browser saved (Restore).
//
// Text in a Node is only ever set as text, and Check refuses elements and
// attributes outside a whitelist (no event-handler attributes, no style, no
// links or images leaving the page).
package ui
