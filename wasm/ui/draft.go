package ui

import (
	"encoding/json"
	"fmt"
	"strings"
)

// draft is the stored form of a rater's unfinished or submitted response.
type draft struct {
	Team     string            `json:"team,omitempty"`
	Rater    string            `json:"rater,omitempty"`
	Ratings  map[string]int    `json:"ratings,omitempty"`
	Concerns map[string]string `json:"concerns,omitempty"`
	Code     string            `json:"code,omitempty"`
	FileName string            `json:"fileName,omitempty"`
	File     string            `json:"file,omitempty"`
}

// Draft returns the rater's response as saved on the device while it is
// being written (store.DraftKey), so that closing the tab loses nothing;
// empty when there is nothing to keep.
func (a *App) Draft() string {
	r := &a.rate
	d := draft{Team: r.team, Rater: r.name, Ratings: r.ratings, Concerns: r.concerns, Code: r.code, FileName: r.fileName, File: string(r.file)}
	for k, v := range d.Concerns {
		if v == "" {
			delete(d.Concerns, k)
		}
	}
	if d.Team == "" && d.Rater == "" && len(d.Ratings) == 0 && len(d.Concerns) == 0 && d.Code == "" {
		return ""
	}
	data, err := json.Marshal(d)
	if err != nil {
		return ""
	}
	return string(data)
}

// RestoreDraft brings back a response stored by Draft. A draft that cannot be
// read is returned as a notice; the caller keeps the data aside.
func (a *App) RestoreDraft(data string) *Notice {
	if strings.TrimSpace(data) == "" {
		return nil
	}
	var d draft
	if err := decodeJSON([]byte(data), &d); err != nil {
		return &Notice{Kind: "problem",
			Text:    "The ratings you had started could not be read back, so the form starts empty. What was saved is kept aside on this device; see Your data.",
			Details: problemLines(fmt.Errorf("%w", err))}
	}
	a.rate.reset()
	r := &a.rate
	r.team, r.name, r.code, r.fileName, r.file = d.Team, d.Rater, d.Code, d.FileName, []byte(d.File)
	for k, v := range d.Ratings {
		r.ratings[k] = v
	}
	for k, v := range d.Concerns {
		r.concerns[k] = v
	}
	if len(r.file) == 0 {
		r.file = nil
	}
	if !a.cfg.Embed && r.code == "" && (r.name != "" || len(d.Ratings) > 0 || len(d.Concerns) > 0) {
		a.view = ViewRate // back to the ratings under way
	}
	return nil
}
