// Package escape keeps what a user typed inert in the documents partnerkit
// writes: each function makes text safe for one format, so that it is shown
// as the same text and never read as markup, a link or a formula.
//
// Text is cleaned first (see Clean) and then escaped for its format:
// Markdown and MarkdownLines for CommonMark and GitHub-flavoured Markdown,
// XML for SVG and other XML (XMLText says what a parser reads back), and
// CSVCell for a cell of a CSV file a spreadsheet opens (FromCSVCell reads it
// back).
package escape
