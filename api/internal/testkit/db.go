// Package testkit starts BIC for tests: a fresh PostgreSQL database per test
// binary run (dropped afterwards) or a temp-dir SQLite file, the real app
// behind a real HTTP server, and small builders that seed through the
// services. A missing PostgreSQL fails the test; it is never skipped.
package testkit

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for admin statements
)

// DefaultPostgresURL is used when TEST_DATABASE_URL is unset.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// AdminURL is the server-level URL tests create databases through.
func AdminURL() string {
	if u := os.Getenv("TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

// NewPostgresDB creates an empty database and returns its URL. It is dropped
// when the test ends.
func NewPostgresDB(t testing.TB) string {
	t.Helper()
	admin := AdminURL()
	conn, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("PostgreSQL is required for this test (TEST_DATABASE_URL=%q): %v", admin, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := conn.PingContext(ctx); err != nil {
		t.Fatalf("PostgreSQL is required for this test and is not reachable at %s: %v\n"+
			"start it (see README) or set TEST_DATABASE_URL", redact(admin), err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "bic_test_" + hex.EncodeToString(b)
	if _, err := conn.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := conn.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
		_ = conn.Close()
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(unparseable url)"
	}
	if _, ok := p.User.Password(); ok {
		p.User = url.UserPassword(p.User.Username(), "xxxxx")
	}
	return p.String()
}

// Dialects lists the databases every storage-facing test runs against.
func Dialects() []string { return []string{"postgres", "sqlite"} }
