package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
)

// sqliteDirs are the generated embedded database (kept, reused while it
// matches) and the directory each run copies it into.
func (e *Env) sqliteDirs() (generated, run string) {
	base := filepath.Join(e.OutDir, "sqlite-"+e.Scale.Name)
	return base, base + "-run"
}

// EnsureSQLite makes sure the embedded database for the scale exists:
// teams and users through the identity service, cases and their phase
// history inserted in one transaction.
func (e *Env) EnsureSQLite(ctx context.Context) (meta, error) {
	dir, _ := e.sqliteDirs()
	path := filepath.Join(dir, "bic.sqlite")
	if _, err := os.Stat(path); err == nil && !e.Fresh {
		m, err := readSQLiteMeta(ctx, e, dir)
		if err == nil && m.matches(e.Scale, e.EncryptionKey) {
			m.Reused = true
			e.logf("sqlite: reusing %s (generator v%d, generated %s in %.0f s)", path, m.GeneratorVersion,
				m.GeneratedAt.Format(time.DateTime), m.Seconds)
			return m, nil
		}
		e.logf("sqlite: %s is from another scale, generator or key; generating again", path)
	}
	if err := os.RemoveAll(dir); err != nil {
		return meta{}, err
	}
	return e.generateSQLite(ctx, dir)
}

func readSQLiteMeta(ctx context.Context, e *Env, dir string) (meta, error) {
	a, err := app.Open(ctx, e.appConfig("", dir), e.discard(), app.Options{})
	if err != nil {
		return meta{}, err
	}
	defer a.Close()
	pool, err := a.DB.SQL()
	if err != nil {
		return meta{}, err
	}
	var raw string
	if err := pool.QueryRowContext(ctx, "SELECT info FROM bench_meta").Scan(&raw); err != nil {
		return meta{}, err
	}
	var m meta
	return m, json.Unmarshal([]byte(raw), &m)
}

type sqliteSink struct {
	ctx   context.Context
	stmts map[string]*sql.Stmt
}

func (s *sqliteSink) row(table string, vals ...any) error {
	st, ok := s.stmts[table]
	if !ok {
		return nil
	}
	for i, v := range vals {
		switch x := v.(type) {
		case day:
			if time.Time(x).IsZero() {
				vals[i] = nil
			} else {
				vals[i] = time.Time(x).Format(time.DateOnly)
			}
		case doc:
			if x == nil {
				vals[i] = nil
			} else {
				vals[i] = string(x)
			}
		case uuid.UUID:
			vals[i] = x.String()
		case *uuid.UUID:
			if x == nil {
				vals[i] = nil
			} else {
				vals[i] = x.String()
			}
		}
	}
	_, err := st.ExecContext(s.ctx, vals...)
	if err != nil {
		return fmt.Errorf("insert into %s: %w", table, err)
	}
	return nil
}

func (e *Env) generateSQLite(ctx context.Context, dir string) (meta, error) {
	start := time.Now()
	a, err := app.Open(ctx, e.appConfig("", dir), e.discard(), app.Options{})
	if err != nil {
		return meta{}, fmt.Errorf("open the app on the embedded database: %w", err)
	}
	defer a.Close()
	sc := e.Scale
	sc.Cases = sc.SQLiteCases
	o, err := (&Env{Scale: sc, Password: e.Password}).seedStaff(ctx, a)
	if err != nil {
		return meta{}, err
	}
	pool, err := a.DB.SQL()
	if err != nil {
		return meta{}, err
	}
	box, err := secrets.New(e.EncryptionKey)
	if err != nil {
		return meta{}, err
	}
	pr, err := builtinPrinciples()
	if err != nil {
		return meta{}, err
	}
	g := newGenerator(sc, o, box, pr, time.Now(), true)
	// One transaction: SQLite commits are the cost of row-by-row inserts.
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return meta{}, err
	}
	defer tx.Rollback() //nolint:errcheck
	s := &sqliteSink{ctx: ctx, stmts: map[string]*sql.Stmt{}}
	for _, t := range []string{"cases", "case_phase_transitions"} {
		cols := tableColumns[t]
		st, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", t, strings.Join(cols, ", "),
			strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")))
		if err != nil {
			return meta{}, err
		}
		s.stmts[t] = st
	}
	if err := g.run(s); err != nil {
		return meta{}, err
	}
	m := meta{GeneratorVersion: GeneratorVersion, Scale: e.Scale.Name, KeyFingerprint: keyFingerprint(e.EncryptionKey),
		GeneratedAt: start.UTC(), Rows: g.counts}
	if _, err := tx.ExecContext(ctx, "CREATE TABLE bench_meta (info TEXT NOT NULL)"); err != nil {
		return meta{}, err
	}
	m.Seconds = time.Since(start).Seconds()
	info, _ := json.Marshal(m)
	if _, err := tx.ExecContext(ctx, "INSERT INTO bench_meta (info) VALUES (?)", string(info)); err != nil {
		return meta{}, err
	}
	if err := tx.Commit(); err != nil {
		return meta{}, err
	}
	if _, err := pool.ExecContext(ctx, "ANALYZE"); err != nil {
		return meta{}, err
	}
	if _, err := pool.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return meta{}, err
	}
	e.logf("sqlite: %s cases and their phase history generated in %.1f s", fmtCount(g.counts["cases"]), m.Seconds)
	return m, nil
}

// CopySQLite copies the generated file into the run's directory and returns
// that directory (BIC_DATA_DIR for the server).
func (e *Env) CopySQLite() (string, error) {
	gen, run := e.sqliteDirs()
	if err := os.RemoveAll(run); err != nil {
		return "", err
	}
	if err := os.MkdirAll(run, 0o700); err != nil {
		return "", err
	}
	entries, err := os.ReadDir(gen)
	if err != nil {
		return "", err
	}
	for _, en := range entries {
		if en.IsDir() || !strings.HasPrefix(en.Name(), "bic.sqlite") {
			continue
		}
		if err := copyFile(filepath.Join(gen, en.Name()), filepath.Join(run, en.Name())); err != nil {
			return "", err
		}
	}
	return run, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}
