// Package bench is `make bench`: it generates a synthetic municipality in
// PostgreSQL (and a case-only copy in the embedded SQLite file), starts the
// real server binary on it, and measures export throughput against
// PostgreSQL's own COPY, server memory during exports, and the latency and
// throughput of the case endpoints under an open-loop load (vegeta) and at
// saturation, with a bare pgx server as the physical limit of the case list.
// The result is a Markdown table of every figure against its target.
//
// Nothing here is part of the application; cmd/bicbench is its only user.
package bench

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Env is one bench invocation's settings.
type Env struct {
	Scale    Scale
	AdminURL string // a PostgreSQL server URL; the bench creates its own databases there
	OutDir   string // generated SQLite file, server logs, results
	BicBin   string // the server binary; empty: build it
	RepoRoot string
	// The server's keys. The encryption key is fixed, so a generated
	// database stays readable across runs; it protects synthetic data only.
	EncryptionKey []byte
	JWTKey        []byte
	Password      string          // every generated user's password
	Fresh         bool            // regenerate even when a matching database exists
	Pprof         bool            // run the server with pprof and profile each load run
	Parts         map[string]bool // BENCH_PARTS: exports, postgres, bare, sqlite
	Log           io.Writer
	Stdout        io.Writer
	PsqlBin       string
}

func (e *Env) logf(format string, args ...any) {
	fmt.Fprintf(e.Log, "%s bench: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func (e *Env) discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// DefaultDatabaseURL is the PostgreSQL server used when neither
// BENCH_DATABASE_URL nor TEST_DATABASE_URL is set.
const DefaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// benchPassword is every generated user's password. The database holds
// synthetic people only and listens on the loopback address.
const benchPassword = "Bænk-adgangskode-2026"

// NewEnv reads the environment: BENCH_SCALE (full, small, tiny),
// BENCH_DATABASE_URL (else TEST_DATABASE_URL), BENCH_OUT, BENCH_FRESH,
// BENCH_BIC (a built server binary) and BENCH_PSQL.
func NewEnv(getenv func(string) (string, bool), stdout, stderr io.Writer) (*Env, error) {
	get := func(k, def string) string {
		if v, ok := getenv(k); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		return def
	}
	sc, err := ScaleNamed(get("BENCH_SCALE", "full"))
	if err != nil {
		return nil, err
	}
	root, err := repoRoot()
	if err != nil {
		return nil, err
	}
	e := &Env{Scale: sc, Log: stderr, Stdout: stdout, RepoRoot: root, Password: benchPassword}
	e.AdminURL = get("BENCH_DATABASE_URL", get("TEST_DATABASE_URL", DefaultDatabaseURL))
	e.OutDir = get("BENCH_OUT", filepath.Join(root, "build", "bench"))
	if !filepath.IsAbs(e.OutDir) {
		e.OutDir = filepath.Join(root, e.OutDir)
	}
	if e.BicBin = get("BENCH_BIC", ""); e.BicBin != "" {
		if e.BicBin, err = filepath.Abs(e.BicBin); err != nil {
			return nil, fmt.Errorf("BENCH_BIC: %w", err)
		}
	}
	e.PsqlBin = get("BENCH_PSQL", "psql")
	if v := get("BENCH_FRESH", ""); v != "" {
		if e.Fresh, err = strconv.ParseBool(v); err != nil {
			return nil, fmt.Errorf("BENCH_FRESH: %q is not true or false", v)
		}
	}
	e.Parts = map[string]bool{}
	for _, p := range strings.Split(get("BENCH_PARTS", "exports,postgres,bare,sqlite"), ",") {
		switch p = strings.TrimSpace(p); p {
		case "exports", "postgres", "bare", "sqlite":
			e.Parts[p] = true
		default:
			return nil, fmt.Errorf("BENCH_PARTS: %q is not one of exports, postgres, bare, sqlite", p)
		}
	}
	if v := get("BENCH_PPROF", ""); v != "" {
		if e.Pprof, err = strconv.ParseBool(v); err != nil {
			return nil, fmt.Errorf("BENCH_PPROF: %q is not true or false", v)
		}
	}
	if v := get("BENCH_DURATION", ""); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("BENCH_DURATION: %q is not a duration such as 30s", v)
		}
		e.Scale.Duration = d
	}
	k := sha256.Sum256([]byte("bic bench encryption key: synthetic data only"))
	e.EncryptionKey = k[:]
	e.JWTKey = make([]byte, 32)
	if _, err := rand.Read(e.JWTKey); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(e.OutDir, 0o700); err != nil {
		return nil, fmt.Errorf("BENCH_OUT: %w", err)
	}
	return e, nil
}

// repoRoot finds the module root (go.mod) from the working directory up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run bicbench inside the repository (no go.mod found above the working directory)")
		}
		dir = parent
	}
}

func b64(k []byte) string { return base64.StdEncoding.EncodeToString(k) }

func fmtCount(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Main is the bicbench program.
func Main(ctx context.Context, args []string, getenv func(string) (string, bool), stdout, stderr io.Writer) error {
	cmd := "run"
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "barepgx":
		return serveBarePgx(ctx, args[1:], stdout)
	case "serve-pprof":
		return servePprof(ctx, getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	e, err := NewEnv(getenv, stdout, stderr)
	if err != nil {
		return err
	}
	switch cmd {
	case "gen":
		if _, err := e.EnsurePostgres(ctx); err != nil {
			return err
		}
		_, err := e.EnsureSQLite(ctx)
		return err
	case "run":
		return e.Run(ctx)
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

const usage = `usage: bicbench [run|gen|barepgx]

  run       generate (or reuse) the data, start the server, measure, print the table (default)
  gen       only generate (or check) the PostgreSQL and SQLite data
  barepgx   the bare pgx case-list server the bench starts as its physical limit
  serve-pprof  bic serve with net/http/pprof (BENCH_PPROF=true uses it)

Environment: BENCH_SCALE=full|small|tiny (default full), BENCH_DATABASE_URL
(default TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres),
BENCH_OUT (default build/bench), BENCH_FRESH=true to regenerate, BENCH_BIC
(a built server binary; default: build one), BENCH_DURATION (open-loop run
length), BENCH_PARTS (a subset of exports,postgres,bare,sqlite), BENCH_PPROF=true (profile the server in each load run), BENCH_PSQL
(psql binary). See docs/performance.md.`
