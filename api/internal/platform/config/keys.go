package config

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func decodeKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(s)%2 == 0 && len(s) >= 64 {
		return b, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil {
			return b, nil
		}
	}
	return nil, errors.New("neither hex nor base64")
}

// EnsureKeys fills in missing key material for the embedded default: keys are
// generated once into DataDir/keys and reused on every later start, so tokens
// and encrypted CPR numbers survive a restart.
func (c *Config) EnsureKeys() error {
	if len(c.JWTSecret) > 0 && len(c.EncryptionKey) > 0 {
		return nil
	}
	if !c.Embedded() {
		return errors.New("key material missing; set BIC_JWT_SECRET and BIC_ENCRYPTION_KEY")
	}
	dir := filepath.Join(c.DataDir, "keys")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create key directory: %w", err)
	}
	var err error
	if len(c.JWTSecret) == 0 {
		if c.JWTSecret, err = loadOrCreateKey(filepath.Join(dir, "jwt.key")); err != nil {
			return err
		}
	}
	if len(c.EncryptionKey) == 0 {
		if c.EncryptionKey, err = loadOrCreateKey(filepath.Join(dir, "encryption.key")); err != nil {
			return err
		}
	}
	return nil
}

func loadOrCreateKey(path string) ([]byte, error) {
	if b, err := os.ReadFile(path); err == nil {
		k, err := decodeKey(string(b))
		if err != nil || len(k) != 32 {
			return nil, fmt.Errorf("key file %s is damaged; restore it from backup", path)
		}
		return k, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("generate key: %w", err)
	}
	// O_EXCL: two processes starting at once must not overwrite each other's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return loadOrCreateKey(path)
		}
		return nil, fmt.Errorf("write key file: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteString(base64.StdEncoding.EncodeToString(k) + "\n"); err != nil {
		return nil, fmt.Errorf("write key file: %w", err)
	}
	return k, nil
}
