package db_test

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func open(t *testing.T, dialect string) (*db.DB, db.Options) {
	t.Helper()
	o := db.Options{SQLitePath: filepath.Join(t.TempDir(), "bic.sqlite")}
	if dialect == "postgres" {
		o.PostgresURL = testkit.NewPostgresDB(t)
	}
	d, err := db.Open(context.Background(), o)
	if err != nil {
		t.Fatalf("open %s: %v", dialect, err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return d, o
}

func TestMigrations(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			ctx := context.Background()
			d, _ := open(t, dialect)
			all, err := db.Migrations(d.Dialect)
			if err != nil {
				t.Fatal(err)
			}

			t.Run("a fresh database gets every migration", func(t *testing.T) {
				applied, err := d.Migrate(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if len(applied) != len(all) {
					t.Fatalf("applied %v, want %d migrations", applied, len(all))
				}
				if err := d.CheckMigrated(ctx); err != nil {
					t.Fatal(err)
				}
			})
			t.Run("running again applies nothing", func(t *testing.T) {
				applied, err := d.Migrate(ctx)
				if err != nil || len(applied) != 0 {
					t.Fatalf("applied %v, err %v", applied, err)
				}
			})
			t.Run("the audit table refuses UPDATE and DELETE", func(t *testing.T) {
				ins := "INSERT INTO audit_events (id, occurred_at, action, outcome) VALUES ('0193a0b0-0000-7000-8000-000000000001', ?, 'case.read', 'success')"
				if err := d.Conn(ctx).Exec(ins, time.Now().UTC()).Error; err != nil {
					t.Fatalf("insert: %v", err)
				}
				for _, stmt := range []string{
					"UPDATE audit_events SET action = 'case.update'",
					"DELETE FROM audit_events",
				} {
					err := d.Conn(ctx).Exec(stmt).Error
					if err == nil || !strings.Contains(err.Error(), "append-only") {
						t.Errorf("%s: err = %v, want an append-only refusal", stmt, err)
					}
				}
				if dialect == "postgres" {
					err := d.Conn(ctx).Exec("TRUNCATE audit_events").Error
					if err == nil || !strings.Contains(err.Error(), "append-only") {
						t.Errorf("TRUNCATE: err = %v, want an append-only refusal", err)
					}
				}
				var n int64
				d.Conn(ctx).Raw("SELECT COUNT(*) FROM audit_events").Scan(&n)
				if n != 1 {
					t.Errorf("audit rows = %d, want 1", n)
				}
			})
		})
	}
}

// Two replicas starting at the same moment must apply each migration once:
// the advisory lock makes the second wait and then find nothing to do.
func TestConcurrentMigrationOnPostgres(t *testing.T) {
	url := testkit.NewPostgresDB(t)
	ctx := context.Background()
	const replicas = 4
	var wg sync.WaitGroup
	results := make([][]int, replicas)
	errs := make([]error, replicas)
	for i := 0; i < replicas; i++ {
		d, err := db.Open(ctx, db.Options{PostgresURL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = d.Close() })
		wg.Add(1)
		go func(i int, d *db.DB) {
			defer wg.Done()
			results[i], errs[i] = d.Migrate(ctx)
		}(i, d)
	}
	wg.Wait()
	total := 0
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("replica %d: %v", i, errs[i])
		}
		total += len(results[i])
	}
	all, _ := db.Migrations(db.Postgres)
	if total != len(all) {
		t.Errorf("migrations applied %d times in total, want %d (once each): %v", total, len(all), results)
	}
}

func TestBothDialectsHaveTheSameMigrations(t *testing.T) {
	pg, err := db.Migrations(db.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	lite, err := db.Migrations(db.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg) != len(lite) {
		t.Fatalf("postgres has %d migrations, sqlite %d", len(pg), len(lite))
	}
	for i := range pg {
		if pg[i].Name != lite[i].Name {
			t.Errorf("migration %d: postgres %q, sqlite %q", i+1, pg[i].Name, lite[i].Name)
		}
	}
}
