// Package db opens the database (PostgreSQL in production, an embedded pure-Go
// SQLite file by default), applies the versioned migrations and provides the
// per-use-case transaction helper. It knows nothing about any domain.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Dialect names the SQL dialect in use.
type Dialect string

const (
	Postgres Dialect = "postgres"
	SQLite   Dialect = "sqlite"
)

// DB wraps the GORM handle with the dialect and transaction helpers.
type DB struct {
	gorm    *gorm.DB
	Dialect Dialect
	// reader is SQLite's read-only pool for long reads (exports): WAL lets
	// readers run beside the one writer, so a large export neither waits for
	// nor holds up the connection every request shares.
	reader *sql.DB
}

// Options configure Open.
type Options struct {
	PostgresURL string // empty: SQLite at SQLitePath
	SQLitePath  string
	Logger      *slog.Logger
	MaxOpen     int // PostgreSQL pool size; 0 = 20
}

// Open connects and verifies the connection. It does not migrate.
func Open(ctx context.Context, o Options) (*DB, error) {
	gcfg := &gorm.Config{
		// Driver facts (duplicate key, foreign key) become gorm.ErrDuplicatedKey
		// and friends, which stores translate into domain errors.
		TranslateError:         true,
		SkipDefaultTransaction: true, // our services own transactions
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
	if o.PostgresURL != "" {
		g, err := gorm.Open(postgres.Open(o.PostgresURL), gcfg)
		if err != nil {
			return nil, fmt.Errorf("open postgres: %w", err)
		}
		sqlDB, err := g.DB()
		if err != nil {
			return nil, fmt.Errorf("postgres pool: %w", err)
		}
		n := o.MaxOpen
		if n == 0 {
			n = 20
		}
		sqlDB.SetMaxOpenConns(n)
		sqlDB.SetMaxIdleConns(n)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		if err := sqlDB.PingContext(ctx); err != nil {
			return nil, fmt.Errorf("ping postgres: %w", err)
		}
		if err := registerCounter(g); err != nil {
			return nil, fmt.Errorf("register callbacks: %w", err)
		}
		return &DB{gorm: g, Dialect: Postgres}, nil
	}

	if err := os.MkdirAll(filepath.Dir(o.SQLitePath), 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	// busy_timeout comes first so that the pragmas after it wait for a lock
	// instead of failing; WAL lets readers run beside the single writer;
	// foreign_keys is off by default in SQLite and must be switched on per
	// connection.
	registerSQLiteFunctions()
	dsn := "file:" + o.SQLitePath +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)&_txlock=immediate"
	g, err := gorm.Open(sqlite.Open(dsn), gcfg)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", o.SQLitePath, err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("sqlite pool: %w", err)
	}
	// One connection: SQLite allows one writer at a time, and a single
	// connection turns "database is locked" errors into orderly queueing.
	sqlDB.SetMaxOpenConns(1)
	sqlDB.SetMaxIdleConns(1)
	sqlDB.SetConnMaxLifetime(0)
	if err := sqlDB.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping sqlite: %w", err)
	}
	if err := registerCounter(g); err != nil {
		return nil, fmt.Errorf("register callbacks: %w", err)
	}
	reader, err := sql.Open("sqlite", "file:"+o.SQLitePath+"?mode=ro&_pragma=busy_timeout(10000)&_txlock=deferred")
	if err != nil {
		return nil, fmt.Errorf("open sqlite reader: %w", err)
	}
	reader.SetMaxOpenConns(4)
	reader.SetMaxIdleConns(1)
	return &DB{gorm: g, Dialect: SQLite, reader: reader}, nil
}

// Close releases the pools.
func (d *DB) Close() error {
	if d.reader != nil {
		_ = d.reader.Close()
	}
	s, err := d.gorm.DB()
	if err != nil {
		return err
	}
	return s.Close()
}

// Reader returns the pool for long read-only work: SQLite's read-only pool, or
// the one PostgreSQL pool.
func (d *DB) Reader() (*sql.DB, error) {
	if d.reader != nil {
		return d.reader, nil
	}
	return d.gorm.DB()
}

// SQL returns the underlying pool (for health checks and raw COPY-style work).
func (d *DB) SQL() (*sql.DB, error) { return d.gorm.DB() }

type txKey struct{}

// Conn returns the transaction in ctx if there is one, else the pool; always
// bound to ctx so cancellation and deadlines apply to every query.
func (d *DB) Conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx.WithContext(ctx)
	}
	return d.gorm.WithContext(ctx)
}

// InTx runs fn in a transaction, reusing an outer one when ctx already carries
// it. fn's error rolls everything back; a panic does too.
func (d *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	return d.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
}

// Ping checks the database answers.
func (d *DB) Ping(ctx context.Context) error {
	s, err := d.gorm.DB()
	if err != nil {
		return err
	}
	return s.PingContext(ctx)
}

// Translate turns driver facts into domain errors; what is not recognised is
// wrapped with what was being attempted and will surface as a 500.
func Translate(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return errs.Wrap(err, errs.NotFound, what+": not found")
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return errs.Wrap(err, errs.Conflict, what+": already exists")
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return errs.Wrap(err, errs.Invalid, what+": refers to something that does not exist")
	}
	return fmt.Errorf("%s: %w", what, err)
}
