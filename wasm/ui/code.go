package ui

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/partnerkit/partnerkit/internal/schema"
	"github.com/partnerkit/partnerkit/partnership"
	"github.com/partnerkit/partnerkit/readiness"
)

// CodePrefix starts every short code the page makes: a response a rater sends
// to the facilitator, or a rubric in an embedding page's URL. The number is the
// code's format version.
const CodePrefix = "pk1."

// maxCodeData is the most a code may hold once decompressed: far more than
// any response or rubric needs, far less than could hurt the page.
const maxCodeData = 256 << 10

// EncodeCode returns v as a short, URL-safe code: its JSON, compressed with
// DEFLATE and written in unpadded base64url after CodePrefix.
func EncodeCode(v any) (string, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := zw.Write(data); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return CodePrefix + base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// decodeCode reads a code made by EncodeCode into v with the strict JSON
// decoder; what names the kind of code in messages ("response code").
func decodeCode(code string, v any, what string) error {
	code = strings.TrimSpace(code)
	if !strings.HasPrefix(code, CodePrefix) {
		return fmt.Errorf("this is not a partnerkit %s: a %s starts with %q", what, what, CodePrefix)
	}
	body := strings.TrimRight(code[len(CodePrefix):], "=")
	// Codes pasted from e-mail may be broken across lines.
	body = strings.Join(strings.Fields(body), "")
	for i := 0; i < len(body); i++ {
		if !codeChar(body[i]) {
			return fmt.Errorf("this %s has a character a code cannot have (%q): copy it again from the message it came in", what, body[i:i+1])
		}
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil { // one character too many or too few
		return fmt.Errorf("this %s is cut short, or has a character too many: copy it again, from its first character to its last", what)
	}
	data, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), maxCodeData+1))
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || len(raw) == 0:
		return fmt.Errorf("this %s is cut short: its end is missing; copy it again, to its last character", what)
	case err != nil:
		return fmt.Errorf("this %s is damaged: some of its characters changed on the way; copy it again from the message it came in", what)
	}
	if len(data) > maxCodeData {
		return fmt.Errorf("this %s holds more than %d KiB, more than any %s needs", what, maxCodeData>>10, what)
	}
	if err := decodeJSON(data, v); err != nil {
		return fmt.Errorf("this %s does not hold what partnerkit expects: %w", what, err)
	}
	return nil
}

// DecodeResponse reads a response code a rater sent and checks the response.
// It never panics; a damaged or foreign code is an error saying what is wrong.
func DecodeResponse(code string) (readiness.Response, error) {
	var r readiness.Response
	if err := decodeCode(code, &r, "response code"); err != nil {
		return readiness.Response{}, err
	}
	if err := r.Validate(); err != nil {
		return readiness.Response{}, fmt.Errorf("this response code holds a response with problems: %w", err)
	}
	return r, nil
}

// DecodeRubric reads a rubric code, as passed in an embedding page's URL, and
// checks the rubric.
func DecodeRubric(code string) (readiness.Rubric, error) {
	var r readiness.Rubric
	if err := decodeCode(code, &r, "rubric code"); err != nil {
		return readiness.Rubric{}, err
	}
	if err := r.Validate(); err != nil {
		return readiness.Rubric{}, fmt.Errorf("this rubric code holds a rubric with problems: %w", err)
	}
	return r, nil
}

// DecodeResponseFile reads a response file the page downloaded for a rater
// and checks the response's own fields.
func DecodeResponseFile(data []byte) (ResponseFile, error) {
	var f ResponseFile
	if err := decodeJSON(data, &f); err != nil {
		return ResponseFile{}, err
	}
	if f.Kind != ResponseFileKind {
		return ResponseFile{}, errors.New("kind: this is not a partnerkit response file (it should say \"kind\": \"" + ResponseFileKind + "\")")
	}
	if err := f.Response.Validate(); err != nil {
		return ResponseFile{}, err
	}
	return f, nil
}

// ResponseFileKind marks a response file.
const ResponseFileKind = "partnerkit.readiness.response"

// ResponseFile is the file a rater downloads and sends to the facilitator.
type ResponseFile struct {
	// Kind is always ResponseFileKind.
	Kind string `json:"kind"`
	// Rubric is the ID of the rubric the response rates.
	Rubric string `json:"rubric,omitempty"`
	// Code is the same response as a short code.
	Code string `json:"code,omitempty"`
	// Response is the rater's response.
	Response readiness.Response `json:"response"`
}

// decodeJSON reads a JSON document strictly, as Load does: every unknown
// field and wrongly typed value is a problem in a *partnership.ValidationError.
func decodeJSON(data []byte, v any) error {
	ve := new(partnership.ValidationError)
	schema.Decode(data, v, ve)
	return ve.Err()
}

// FoundCode is one response code found in a pasted text: the code as it
// was read (joined across the lines an e-mail broke it into), and its
// response, or why it could not be read.
type FoundCode struct {
	Code     string
	Response readiness.Response
	Err      error
}

// codeChar reports whether c may be part of a code after its prefix.
func codeChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func readFound(body string) FoundCode {
	f := FoundCode{Code: CodePrefix + body}
	f.Response, f.Err = DecodeResponse(f.Code)
	return f
}

// FindResponses finds every response code in a text, whatever surrounds
// it: a greeting and a signature, quotes and a full stop around it, the ">"
// of a quoted e-mail, and line breaks an e-mail program put inside it. A
// code is read as far as it goes on its line; when that is not a whole code,
// the next lines that could go on with it are joined to it one by one, until
// it is whole. A code found twice is returned once.
func FindResponses(text string) []FoundCode {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []FoundCode
	seen := map[string]bool{}
	for i := 0; ; {
		at := strings.Index(text[i:], CodePrefix)
		if at < 0 {
			break
		}
		at += i
		start := at + len(CodePrefix)
		end := start
		for end < len(text) && codeChar(text[end]) {
			end++
		}
		i = end
		if at > 0 && codeChar(text[at-1]) {
			continue // inside a word: not a code
		}
		body := text[start:end]
		found := readFound(body)
		for rest := text[end:]; found.Err != nil; {
			rest = strings.TrimPrefix(rest, "=") // a line broken the quoted-printable way
			next, ok := strings.CutPrefix(rest, "\n")
			if !ok {
				break
			}
			line := strings.TrimLeft(next, " \t>")
			run := 0
			for run < len(line) && codeChar(line[run]) {
				run++
			}
			if run == 0 {
				break
			}
			body += line[:run]
			if joined := readFound(body); joined.Err == nil {
				found, i = joined, len(text)-len(line)+run
				break
			}
			rest = line[run:]
			if rest != "" && rest[0] != '\n' && rest[0] != '=' {
				break // the line goes on with other text: the code ended on it
			}
		}
		if seen[found.Code] {
			continue
		}
		seen[found.Code] = true
		out = append(out, found)
	}
	return out
}
