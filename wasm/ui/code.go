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
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return fmt.Errorf("this %s is damaged (it has characters a code cannot have, or is cut short); copy it again in full", what)
	}
	data, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(raw)), maxCodeData+1))
	if err != nil {
		return fmt.Errorf("this %s is damaged or cut short; copy it again in full", what)
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
