package partnerkit

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// A workspace file can be locked with a passphrase: the page does it with
// the browser's Web Crypto, and Lock and Unlock do the same in Go. A locked
// file is a JSON object that holds the workspace file encrypted with
// AES-256-GCM, under a key derived from the passphrase with PBKDF2 and
// SHA-256 (LockIterations rounds, a fresh 16-byte salt each time a
// workspace is locked, a fresh 12-byte IV each time it is written):
//
//	{"partnerkitLocked": 1, "cipher": "AES-256-GCM", "kdf": "PBKDF2-SHA-256",
//	 "iterations": 600000, "salt": "…", "iv": "…", "data": "…"}
//
// salt, iv and data are standard base64; data is the ciphertext followed by
// GCM's 16-byte tag, as Web Crypto's encrypt gives it. Nothing in the file
// but its length says anything of the workspace.

// LockIterations is how many rounds of PBKDF2 Lock uses, the number OWASP
// advises for PBKDF2 with SHA-256.
const LockIterations = 600_000

// maxLockIterations bounds the rounds a locked file may ask for, so that a
// crafted file cannot make Unlock work for hours.
const maxLockIterations = 10_000_000

// Errors of Unlock and LoadLocked that callers tell apart.
var (
	// ErrLocked is the error of Load and Decode for a locked file: it needs
	// its passphrase (LoadLocked).
	ErrLocked = errors.New("this workspace file is locked with a passphrase; open it with the passphrase")
	// ErrWrongPassphrase is the error of Unlock when the passphrase is not
	// the one the file was locked with (or the file was changed since).
	ErrWrongPassphrase = errors.New("the passphrase is not the one this workspace was locked with, or the file was changed since it was locked")
	// ErrNotLocked is the error of Unlock for a file that is not locked.
	ErrNotLocked = errors.New("this file is not a locked workspace file")
)

// locked is the JSON form of a locked file.
type locked struct {
	Version    int    `json:"partnerkitLocked"`
	Cipher     string `json:"cipher"`
	KDF        string `json:"kdf"`
	Iterations int    `json:"iterations"`
	Salt       []byte `json:"salt"`
	IV         []byte `json:"iv"`
	Data       []byte `json:"data"`
}

const (
	lockCipher = "AES-256-GCM"
	lockKDF    = "PBKDF2-SHA-256"
)

// IsLocked reports whether data looks like a locked workspace file.
func IsLocked(data []byte) bool {
	return bytes.HasPrefix(lockedStart(data), []byte(`{"partnerkitLocked"`))
}

// lockedStart is data from its first character, past a byte order mark and
// white space.
func lockedStart(data []byte) []byte {
	data = bytes.TrimPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("\ufeff"))
	return bytes.TrimLeft(data, " \t\r\n")
}

// Lock encrypts a workspace file (or any text) with passphrase, with a
// fresh salt and IV, and returns the locked file.
func Lock(plain []byte, passphrase string) ([]byte, error) {
	k, err := NewLockKey(passphrase)
	if err != nil {
		return nil, err
	}
	return k.Lock(plain)
}

// LockKey is a key derived from a passphrase, with its salt: it locks text
// with a fresh IV each time, and opens what it locked. The page derives one
// when a workspace is locked or unlocked, and locks each save with it.
type LockKey struct {
	salt       []byte
	iterations int
	aead       cipher.AEAD
}

// NewLockKey derives a key from passphrase with a fresh salt.
func NewLockKey(passphrase string) (*LockKey, error) {
	if passphrase == "" {
		return nil, errors.New("a passphrase is needed to lock the workspace")
	}
	salt := make([]byte, 16)
	_, _ = rand.Read(salt) // crypto/rand.Read never fails
	raw, err := pbkdf2.Key(sha256.New, passphrase, salt, LockIterations, 32)
	if err != nil {
		return nil, fmt.Errorf("deriving the key from the passphrase: %w", err)
	}
	return NewLockKeyFrom(raw, salt, LockIterations)
}

// NewLockKeyFrom makes the key of 32 bytes raw, which PBKDF2-SHA-256 derived
// from a passphrase and salt in iterations rounds (the page has the
// browser's Web Crypto derive them).
func NewLockKeyFrom(raw, salt []byte, iterations int) (*LockKey, error) {
	if len(raw) != 32 {
		return nil, fmt.Errorf("a key of %d bytes; AES-256 needs 32", len(raw))
	}
	if err := checkLockParams(salt, iterations); err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(raw)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &LockKey{salt: bytes.Clone(salt), iterations: iterations, aead: aead}, nil
}

// Salt returns the key's salt.
func (k *LockKey) Salt() []byte { return bytes.Clone(k.salt) }

// Lock encrypts plain with a fresh IV and returns the locked file.
func (k *LockKey) Lock(plain []byte) ([]byte, error) {
	l := locked{Version: 1, Cipher: lockCipher, KDF: lockKDF, Iterations: k.iterations, Salt: k.salt, IV: make([]byte, 12)}
	_, _ = rand.Read(l.IV)
	l.Data = k.aead.Seal(nil, l.IV, plain, nil)
	out, err := json.Marshal(l)
	if err != nil {
		return nil, fmt.Errorf("writing the locked file: %w", err)
	}
	return append(out, '\n'), nil
}

// Unlock opens a file this key (or one derived from the same passphrase
// and salt) locked.
func (k *LockKey) Unlock(data []byte) ([]byte, error) {
	l, err := readLocked(data)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(l.Salt, k.salt) || l.Iterations != k.iterations {
		return nil, ErrWrongPassphrase // locked under another derivation: another passphrase, or another lock
	}
	return k.open(l)
}

func (k *LockKey) open(l locked) ([]byte, error) {
	plain, err := k.aead.Open(nil, l.IV, l.Data, nil)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return plain, nil
}

// LockParams returns the salt and the number of PBKDF2 rounds a locked
// file's key was derived with, to derive it again from the passphrase.
func LockParams(data []byte) (salt []byte, iterations int, err error) {
	l, err := readLocked(data)
	if err != nil {
		return nil, 0, err
	}
	return l.Salt, l.Iterations, nil
}

// Unlock returns the text a locked file holds. It returns ErrNotLocked for
// a file that is not a locked file, ErrWrongPassphrase when the passphrase
// does not open it, and an error that says what is wrong for a locked file
// that cannot be read.
func Unlock(data []byte, passphrase string) ([]byte, error) {
	l, err := readLocked(data)
	if err != nil {
		return nil, err
	}
	raw, err := pbkdf2.Key(sha256.New, passphrase, l.Salt, l.Iterations, 32)
	if err != nil {
		return nil, fmt.Errorf("deriving the key from the passphrase: %w", err)
	}
	k, err := NewLockKeyFrom(raw, l.Salt, l.Iterations)
	if err != nil {
		return nil, err
	}
	return k.open(l)
}

// readLocked reads and checks a locked file, before any key is derived.
func readLocked(data []byte) (locked, error) {
	var l locked
	if !IsLocked(data) {
		return l, ErrNotLocked
	}
	dec := json.NewDecoder(bytes.NewReader(lockedStart(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return l, fmt.Errorf("the locked file cannot be read (%v); it may be cut short or changed", err)
	}
	switch {
	case l.Version != 1:
		return l, fmt.Errorf("the locked file is of version %d, which this partnerkit cannot open; use a newer partnerkit", l.Version)
	case l.Cipher != lockCipher || l.KDF != lockKDF:
		return l, fmt.Errorf("the locked file uses %s and %s; partnerkit opens only %s with %s", l.Cipher, l.KDF, lockCipher, lockKDF)
	case len(l.IV) != 12:
		return l, fmt.Errorf("the locked file's IV has %d bytes; it must have 12", len(l.IV))
	case len(l.Data) < 16:
		return l, errors.New("the locked file holds no data; it may be cut short")
	}
	return l, checkLockParams(l.Salt, l.Iterations)
}

// checkLockParams checks a key derivation's salt and rounds: enough to be
// safe, few enough that a crafted file cannot keep Unlock busy.
func checkLockParams(salt []byte, iterations int) error {
	switch {
	case iterations < LockIterations || iterations > maxLockIterations:
		return fmt.Errorf("the locked file asks for %d rounds of PBKDF2; partnerkit opens files of %d to %d", iterations, LockIterations, maxLockIterations)
	case len(salt) < 16 || len(salt) > 64:
		return fmt.Errorf("the locked file's salt has %d bytes; it must have 16 to 64", len(salt))
	}
	return nil
}

// LoadLocked reads a workspace file locked with passphrase, as Load reads
// one that is not locked. A file that is not locked is read as Load reads it.
func LoadLocked(r io.Reader, passphrase string) (*Workspace, error) {
	// base64 makes a locked file a third larger than the workspace it holds.
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize/3*4+4096+1))
	if err != nil {
		return nil, fmt.Errorf("reading the workspace: %w", err)
	}
	if !IsLocked(data) {
		return Load(bytes.NewReader(data))
	}
	if len(data) > MaxFileSize/3*4+4096 {
		return nil, ErrTooLarge
	}
	plain, err := Unlock(data, passphrase)
	if err != nil {
		return nil, err
	}
	return Load(bytes.NewReader(plain))
}
