package config

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

var key32 = base64.StdEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef"))

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string // substring; empty = no error
		check   func(t *testing.T, c Config)
	}{
		{"nothing set gives the embedded defaults", map[string]string{}, "", func(t *testing.T, c Config) {
			if c.Addr != "127.0.0.1:8080" || c.DataDir != "./data" || !c.Embedded() || c.AccessTokenTTL != 15*time.Minute {
				t.Errorf("defaults = %+v", c)
			}
		}},
		{"postgres without keys is refused, naming the variables", map[string]string{"BIC_DATABASE_URL": "postgres://x@h/db"},
			"BIC_JWT_SECRET and BIC_ENCRYPTION_KEY", nil},
		{"postgres with keys is accepted", map[string]string{"BIC_DATABASE_URL": "postgres://x@h/db",
			"BIC_JWT_SECRET": key32, "BIC_ENCRYPTION_KEY": key32}, "", func(t *testing.T, c Config) {
			if c.Embedded() || len(c.EncryptionKey) != 32 {
				t.Errorf("config = %+v", c)
			}
		}},
		{"a non-postgres URL is refused", map[string]string{"BIC_DATABASE_URL": "mysql://x"}, "BIC_DATABASE_URL", nil},
		{"a short JWT secret is refused", map[string]string{"BIC_JWT_SECRET": "c2hvcnQ="}, "BIC_JWT_SECRET", nil},
		{"access tokens may not live longer than 15 minutes", map[string]string{"BIC_ACCESS_TOKEN_TTL": "1h"}, "BIC_ACCESS_TOKEN_TTL", nil},
		{"a bad boolean names its variable", map[string]string{"BIC_DEMO": "yes please"}, "BIC_DEMO", nil},
		{"a bad address names its variable", map[string]string{"BIC_ADDR": "8080"}, "BIC_ADDR", nil},
		{"bootstrap email without password is refused", map[string]string{"BIC_BOOTSTRAP_ADMIN_EMAIL": "a@b.example"}, "must be set together", nil},
		{"a short bootstrap password is refused", map[string]string{"BIC_BOOTSTRAP_ADMIN_EMAIL": "a@b.example",
			"BIC_BOOTSTRAP_ADMIN_PASSWORD": "short"}, "at least 12", nil},
		{"demo and address are read", map[string]string{"BIC_DEMO": "true", "BIC_ADDR": "0.0.0.0:9000"}, "", func(t *testing.T, c Config) {
			if !c.Demo || c.Addr != "0.0.0.0:9000" {
				t.Errorf("config = %+v", c)
			}
		}},
		{"dates follow Copenhagen unless told otherwise", map[string]string{}, "", func(t *testing.T, c Config) {
			if c.Location.String() != "Europe/Copenhagen" {
				t.Errorf("zone = %s", c.Location)
			}
		}},
		{"another zone can be chosen", map[string]string{"BIC_TIMEZONE": "Atlantic/Faroe"}, "", func(t *testing.T, c Config) {
			if c.Location.String() != "Atlantic/Faroe" {
				t.Errorf("zone = %s", c.Location)
			}
		}},
		{"an unknown zone names its variable", map[string]string{"BIC_TIMEZONE": "Europe/Aarhus"}, "BIC_TIMEZONE", nil},
		{"several problems are all reported", map[string]string{"BIC_DEMO": "x", "BIC_ADDR": "y"}, "BIC_DEMO", func(t *testing.T, c Config) {}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestSecretFromFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(f, []byte("a-long-admin-password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(env(map[string]string{"BIC_BOOTSTRAP_ADMIN_EMAIL": "a@b.example", "BIC_BOOTSTRAP_ADMIN_PASSWORD_FILE": f}))
	if err != nil {
		t.Fatal(err)
	}
	if c.BootstrapAdminPassword != "a-long-admin-password" {
		t.Errorf("password = %q", c.BootstrapAdminPassword)
	}
}

func TestEmbeddedKeysAreGeneratedOnceAndReused(t *testing.T) {
	c := Defaults()
	c.DataDir = t.TempDir()
	if err := c.EnsureKeys(); err != nil {
		t.Fatal(err)
	}
	d := Defaults()
	d.DataDir = c.DataDir
	if err := d.EnsureKeys(); err != nil {
		t.Fatal(err)
	}
	if string(c.JWTSecret) != string(d.JWTSecret) || string(c.EncryptionKey) != string(d.EncryptionKey) {
		t.Error("keys differ between starts")
	}
	if string(c.JWTSecret) == string(c.EncryptionKey) {
		t.Error("signing and encryption keys are the same")
	}
	st, err := os.Stat(filepath.Join(c.DataDir, "keys", "jwt.key"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode = %v, %v", st.Mode(), err)
	}
}

func TestLogValueMasksSecrets(t *testing.T) {
	c := Defaults()
	c.DatabaseURL = "postgres://bic:hunter2@db/bic"
	c.JWTSecret = []byte("secret-secret-secret-secret-secret")
	got := c.LogValue().String()
	if strings.Contains(got, "hunter2") || strings.Contains(got, "secret-secret") {
		t.Errorf("log value leaks a secret: %s", got)
	}
}
