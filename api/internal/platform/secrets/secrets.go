// Package secrets encrypts sensitive values at rest (AES-256-GCM) and derives
// keyed hashes for exact lookup without decrypting, from one master key.
package secrets

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
)

// Box seals and opens values with keys derived from a master key.
type Box struct {
	aead      cipher.AEAD
	hashKey   []byte
	pseudoKey []byte
}

// New derives the encryption and hashing keys from master (32 bytes). Separate
// derived keys mean a leaked lookup hash key never decrypts anything.
func New(master []byte) (*Box, error) {
	if len(master) != 32 {
		return nil, errors.New("secrets: master key must be 32 bytes")
	}
	encKey := derive(master, "bic/encrypt/v1")
	block, err := aes.NewCipher(encKey)
	if err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	return &Box{aead: aead, hashKey: derive(master, "bic/lookup-hash/v1"), pseudoKey: derive(master, "bic/pseudonym/v1")}, nil
}

func derive(master []byte, label string) []byte {
	m := hmac.New(sha256.New, master)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// Seal encrypts plaintext; the purpose is bound as associated data so that a
// ciphertext cannot be moved to another column and decrypted there.
func (b *Box) Seal(purpose, plaintext string) (string, error) {
	nonce := make([]byte, b.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("secrets: nonce: %w", err)
	}
	out := b.aead.Seal(nonce, nonce, []byte(plaintext), []byte(purpose))
	return "v1:" + base64.RawStdEncoding.EncodeToString(out), nil
}

// Open decrypts a value produced by Seal with the same purpose.
func (b *Box) Open(purpose, sealed string) (string, error) {
	if len(sealed) < 3 || sealed[:3] != "v1:" {
		return "", errors.New("secrets: unknown ciphertext version")
	}
	raw, err := base64.RawStdEncoding.DecodeString(sealed[3:])
	if err != nil || len(raw) < b.aead.NonceSize() {
		return "", errors.New("secrets: damaged ciphertext")
	}
	n := b.aead.NonceSize()
	pt, err := b.aead.Open(nil, raw[:n], raw[n:], []byte(purpose))
	if err != nil {
		return "", errors.New("secrets: ciphertext does not open with this key")
	}
	return string(pt), nil
}

// Hash returns a keyed hash of value for exact-match lookup.
func (b *Box) Hash(purpose, value string) string {
	m := hmac.New(sha256.New, b.hashKey)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(value))
	return hex.EncodeToString(m.Sum(nil))
}

// PseudonymKey is the key of the stable pseudonyms in exports, derived from
// the master key so that every municipality (every key) has its own, as hex
// text: PostgreSQL's bic_pseudonym reads it from a session setting.
func (b *Box) PseudonymKey() string { return hex.EncodeToString(b.pseudoKey) }

// Pseudonym is the keyed pseudonym of a row of a kind ('case', 'goal', …):
// the first 80 bits of HMAC-SHA-256 over "kind:id", keyed with the hex text of
// the key. It must stay identical to bic_pseudonym in the PostgreSQL
// migrations (00011_exports.sql); a test holds the two together.
func Pseudonym(key, kind, id string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(kind))
	m.Write([]byte{':'})
	m.Write([]byte(id))
	return hex.EncodeToString(m.Sum(nil))[:20]
}
