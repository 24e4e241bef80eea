package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations
var migrationFS embed.FS

// advisoryLockID is an arbitrary constant shared by every BIC replica, so that
// only one of them applies migrations while the others wait.
const advisoryLockID = 4_214_002_611

// Migration is one versioned SQL file.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists the embedded migrations for the dialect, in order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := path.Join("migrations", string(d))
	entries, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNNNN_description.sql", e.Name())
		}
		b, err := fs.ReadFile(migrationFS, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := range out {
		if out[i].Version != i+1 {
			return nil, fmt.Errorf("migrations for %s: expected version %d, found %d", d, i+1, out[i].Version)
		}
	}
	return out, nil
}

// Migrate applies every pending migration, each in its own transaction. On
// PostgreSQL it holds a session advisory lock for the whole run, so replicas
// starting together apply each migration exactly once.
func (d *DB) Migrate(ctx context.Context) (applied []int, err error) {
	ms, err := Migrations(d.Dialect)
	if err != nil {
		return nil, err
	}
	pool, err := d.SQL()
	if err != nil {
		return nil, err
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: get connection: %w", err)
	}
	defer conn.Close()

	if d.Dialect == Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", advisoryLockID); err != nil {
			return nil, fmt.Errorf("migrate: take advisory lock: %w", err)
		}
		defer func() {
			// A fresh context: the lock must be released even if ctx is done.
			uctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if _, uerr := conn.ExecContext(uctx, "SELECT pg_advisory_unlock($1)", advisoryLockID); uerr != nil && err == nil {
				err = fmt.Errorf("migrate: release advisory lock: %w", uerr)
			}
		}()
	}

	create := `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TIMESTAMP NOT NULL)`
	if _, err := conn.ExecContext(ctx, create); err != nil {
		return nil, fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	done, err := appliedVersions(ctx, conn)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if done[m.Version] {
			continue
		}
		if err := applyOne(ctx, conn, d.Dialect, m); err != nil {
			return applied, err
		}
		applied = append(applied, m.Version)
	}
	return applied, nil
}

func appliedVersions(ctx context.Context, conn *sql.Conn) (map[int]bool, error) {
	rows, err := conn.QueryContext(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return nil, fmt.Errorf("migrate: read schema_migrations: %w", err)
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("migrate: scan version: %w", err)
		}
		done[v] = true
	}
	return done, rows.Err()
}

func applyOne(ctx context.Context, conn *sql.Conn, d Dialect, m Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %05d_%s: begin: %w", m.Version, m.Name, err)
	}
	defer func() { _ = tx.Rollback() }() // no-op after commit
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migrate %05d_%s: %w", m.Version, m.Name, err)
	}
	ins := "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"
	if d == Postgres {
		ins = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"
	}
	if _, err := tx.ExecContext(ctx, ins, m.Version, m.Name, time.Now().UTC()); err != nil {
		return fmt.Errorf("migrate %05d_%s: record: %w", m.Version, m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate %05d_%s: commit: %w", m.Version, m.Name, err)
	}
	return nil
}

// ErrNotMigrated is returned by CheckMigrated when migrations are pending.
var ErrNotMigrated = errors.New("database schema is not up to date")

// CheckMigrated reports whether every embedded migration has been applied
// (used by /readyz).
func (d *DB) CheckMigrated(ctx context.Context) error {
	ms, err := Migrations(d.Dialect)
	if err != nil {
		return err
	}
	var n int64
	if err := d.Conn(ctx).Raw("SELECT COUNT(*) FROM schema_migrations").Scan(&n).Error; err != nil {
		return fmt.Errorf("%w: %v", ErrNotMigrated, err)
	}
	if int(n) < len(ms) {
		return fmt.Errorf("%w: %d of %d applied", ErrNotMigrated, n, len(ms))
	}
	return nil
}
