// Package store keeps the page's data on the device, in a key-value Storage
// such as the browser's localStorage, so that what it says about saving is
// true: the device's workspaces, each under its own key, with the list of
// them (Entries) and the versions exchanged with other copies (Share), and
// the rater's draft, as last saved (Save, which
// remembers the last save that succeeded and the failure of the last that
// did not), and backups of data about to be replaced or that could not be
// read (KeepAside, which writes a backup and reads it back before anything
// may be replaced; Backups lists them, newest first).
//
// Backups are bounded: each is kept under its own key, made of the time to
// the millisecond and of a digest of its text, so that two backups never
// share a key; the same text is never kept twice; and only the MaxBackups
// newest are kept.
//
// The device's data can be locked with a passphrase (Lock, Unlock,
// RemoveLock, see lock.go): a Sealer then encrypts every text the store
// writes, the list of workspaces included, and names backups and shared
// versions in their keys with a keyed digest, so that another page reading
// the storage finds only ciphertext.
//
// It holds no JavaScript: the page passes wasm/dom's localStorage, and tests
// a Memory, whose quota can be set to play a full device.
package store
