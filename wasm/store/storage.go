package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
)

// Storage is a key-value store of text, such as the browser's localStorage.
// Every method reports the storage's refusal (turned off, full) as an error.
type Storage interface {
	// Get returns the value under key and whether there is one.
	Get(key string) (value string, found bool, err error)
	// Set stores value under key.
	Set(key, value string) error
	// Remove deletes key; removing a key that is not there is no error.
	Remove(key string) error
	// Keys returns the stored keys that start with prefix.
	Keys(prefix string) ([]string, error)
}

// The refusals of a Storage that callers tell apart: a Storage wraps them in
// the errors it returns (wasm/dom's localStorage does, for the browser's).
var (
	// ErrQuota is the refusal of a Set that would take the storage over its quota.
	ErrQuota = errors.New("the browser's storage for this page is full")
	// ErrBlocked is the refusal of a storage the browser does not let the page use.
	ErrBlocked = errors.New("this browser does not let partnerkit keep data on this device (it may be a private window, or storage is turned off)")
)

// Memory is a Storage held in memory. Quota, when more than zero, is the
// most it holds, counted as browsers count localStorage: the UTF-16 code
// units of every key and value; a Set that would go over it fails with
// ErrQuota and changes nothing. Fail, when set, makes every Set and Remove
// fail with it (storage turned off after the page opened).
type Memory struct {
	Quota int
	Fail  error
	m     map[string]string
}

// NewMemory returns an empty Memory with the given quota (0: none).
func NewMemory(quota int) *Memory { return &Memory{Quota: quota, m: map[string]string{}} }

// Get returns the value under key.
func (s *Memory) Get(key string) (string, bool, error) {
	v, ok := s.m[key]
	return v, ok, nil
}

// Set stores value under key, within the quota.
func (s *Memory) Set(key, value string) error {
	if s.Fail != nil {
		return s.Fail
	}
	if s.m == nil {
		s.m = map[string]string{}
	}
	if s.Quota > 0 {
		used := s.Used()
		if old, ok := s.m[key]; ok {
			used -= units(key) + units(old)
		}
		if used+units(key)+units(value) > s.Quota {
			return fmt.Errorf("storing %d characters: %w", len(value), ErrQuota)
		}
	}
	s.m[key] = value
	return nil
}

// Remove deletes key.
func (s *Memory) Remove(key string) error {
	if s.Fail != nil {
		return s.Fail
	}
	delete(s.m, key)
	return nil
}

// Keys returns the keys that start with prefix, sorted.
func (s *Memory) Keys(prefix string) ([]string, error) {
	var out []string
	for k := range s.m {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out, nil
}

// Used returns how much of the quota the stored keys and values take.
func (s *Memory) Used() int {
	n := 0
	for k, v := range s.m {
		n += units(k) + units(v)
	}
	return n
}

// units counts the UTF-16 code units of s.
func units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
