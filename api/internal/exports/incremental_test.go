package exports_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// progressWriter adds goal_progress rows straight into the database, each in
// its own transaction, the way concurrent caseworkers would.
type progressWriter struct {
	m       *municipality
	db      *sql.DB
	goal    string
	dialect string
}

func (w progressWriter) insert(ctx context.Context, q interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}) (string, error) {
	id := uuid.NewString()
	stmt := "INSERT INTO goal_progress (id, goal_id, measured_on, rater, value, note, recorded_at, recorded_by) VALUES ($1, $2, $3, 'citizen', 5, '', $4, $5)"
	if w.dialect == "sqlite" {
		stmt = "INSERT INTO goal_progress (id, goal_id, measured_on, rater, value, note, recorded_at, recorded_by) VALUES (?, ?, ?, 'citizen', 5, '', ?, ?)"
	}
	_, err := q.ExecContext(ctx, stmt, id, w.goal, "2026-11-20", time.Now().UTC(), w.m.caseworker.ID.String())
	return id, err
}

// pullSince pulls goal_progress after the watermark and returns the
// measurements' pseudonyms and the new watermark.
func (m *municipality) pullSince(t *testing.T, wm string) ([]string, string) {
	t.Helper()
	q := ""
	if wm != "" {
		q = "updated_since=" + url.QueryEscape(wm)
	}
	r := m.pull(t, m.analyst.Token, "goal_progress", q)
	next := r.Header.Get(exports.WatermarkHeader)
	if next == "" {
		t.Fatal("no watermark header")
	}
	return read(t, "csv", r.Body, mustLookup("goal_progress"), false).column("progress_pseudonym"), next
}

func TestIncrementalPullsNeitherLoseNorRepeatConcurrentWrites(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			m := seed(t, dialect)
			sqlDB, err := m.env.App.DB.SQL()
			if err != nil {
				t.Fatal(err)
			}
			w := progressWriter{m: m, db: sqlDB, goal: m.ids(t, "SELECT id FROM goals LIMIT 1")[0], dialect: dialect}
			ctx := context.Background()

			seen := map[string]int{}
			add := func(ps []string) {
				for _, p := range ps {
					seen[p]++
				}
			}
			rows, wm := m.pullSince(t, "")
			add(rows)

			if dialect == "postgres" {
				// A transaction that wrote before the pull and commits after
				// it: a timestamp watermark would lose its row.
				tx, err := sqlDB.BeginTx(ctx, nil)
				if err != nil {
					t.Fatal(err)
				}
				slow, err := w.insert(ctx, tx)
				if err != nil {
					t.Fatal(err)
				}
				committed, err := w.insert(ctx, sqlDB)
				if err != nil {
					t.Fatal(err)
				}
				rows, wm = m.pullSince(t, wm)
				if want := []string{secrets.Pseudonym(m.key, "progress", committed)}; fmt.Sprint(rows) != fmt.Sprint(want) {
					t.Fatalf("pull during an open transaction = %v, want only the committed row %v", rows, want)
				}
				add(rows)
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
				rows, wm = m.pullSince(t, wm)
				if want := []string{secrets.Pseudonym(m.key, "progress", slow)}; fmt.Sprint(rows) != fmt.Sprint(want) {
					t.Fatalf("pull after the late commit = %v, want its row %v", rows, want)
				}
				add(rows)
			}

			// Writers and pulls at the same time.
			var wg sync.WaitGroup
			errc := make(chan error, 4)
			for g := 0; g < 3; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < 15; i++ {
						if _, err := w.insert(ctx, sqlDB); err != nil {
							errc <- err
							return
						}
						time.Sleep(time.Millisecond)
					}
				}()
			}
			done := make(chan struct{})
			go func() { wg.Wait(); close(done) }()
			pulls := 0
			for running := true; running; pulls++ {
				select {
				case <-done:
					running = false
				default:
				}
				rows, wm = m.pullSince(t, wm)
				add(rows)
			}
			close(errc)
			for err := range errc {
				t.Fatal(err)
			}
			rows, _ = m.pullSince(t, wm)
			add(rows)
			if len(rows) != 0 {
				t.Fatalf("a pull after all writes ended and one more pull still found %d rows", len(rows))
			}

			all := m.ids(t, "SELECT id FROM goal_progress")
			if len(seen) != len(all) {
				t.Fatalf("%d pulls saw %d distinct rows, the table has %d", pulls, len(seen), len(all))
			}
			for _, id := range all {
				if n := seen[secrets.Pseudonym(m.key, "progress", id)]; n != 1 {
					t.Fatalf("row %s was pulled %d times", id, n)
				}
			}
		})
	}
}

func checkChangedRow(t *testing.T, m *municipality) {
	r := m.pull(t, m.analyst.Token, "cases", "updated_since=2000-01-01")
	wm := r.Header.Get(exports.WatermarkHeader)
	all := read(t, "csv", r.Body, mustLookup("cases"), false)
	if len(all.rows) < 100 {
		t.Fatalf("updated_since=2000-01-01 gave %d cases", len(all.rows))
	}
	none := m.pull(t, m.analyst.Token, "cases", "updated_since=2099-01-01T00:00:00Z")
	if n := len(read(t, "csv", none.Body, mustLookup("cases"), false).rows); n != 0 {
		t.Fatalf("updated_since in the future gave %d cases", n)
	}
	c := m.env.Case(m.caseworker, m.tricky)
	got := read(t, "csv", m.pull(t, m.analyst.Token, "cases", "updated_since="+url.QueryEscape(wm)).Body, mustLookup("cases"), false)
	if p := got.column("case_pseudonym"); len(p) != 1 || p[0] != secrets.Pseudonym(m.key, "case", c.ID.String()) {
		t.Fatalf("after one new case the pull gave %v", p)
	}
	for _, bad := range []string{"w1.bm9wZQ", "yesterday", "w1.cGc6MTAwOjEwMDoxMDA7IERST1AgVEFCTEUgY2FzZXM"} {
		r := m.env.Do(http.MethodGet, "/api/v1/exports/cases?updated_since="+url.QueryEscape(bad), m.analyst.Token, nil)
		testkit.WantStatus(t, r, http.StatusBadRequest)
	}
}
