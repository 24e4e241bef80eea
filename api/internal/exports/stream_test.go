package exports_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/exports"
)

// exportQueries counts the export statements running in this test's database.
func (m *municipality) exportQueries(t *testing.T) int {
	t.Helper()
	sqlDB, err := m.env.App.DB.SQL()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	err = sqlDB.QueryRow(`SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND state = 'active' AND query LIKE '%FROM goal_progress p%' AND pid <> pg_backend_pid()`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAClientThatDisconnectsStopsTheQuery(t *testing.T) {
	m := seed(t, "postgres")
	sqlDB, err := m.env.App.DB.SQL()
	if err != nil {
		t.Fatal(err)
	}
	// Enough rows that the export cannot finish before the client leaves.
	_, err = sqlDB.Exec(`INSERT INTO goal_progress (id, goal_id, measured_on, rater, value, note, recorded_at, recorded_by)
		SELECT gen_random_uuid(), g.id, DATE '2026-01-01' + (n % 300), 'citizen', 1 + n % 10, '', now(), $1
		FROM generate_series(1, 400000) n, LATERAL (SELECT id FROM goals ORDER BY id LIMIT 1) g`, m.caseworker.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"csv", "ndjson"} {
		t.Run(f, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, m.env.Server.URL+"/api/v1/exports/goal_progress?format="+f, nil)
			req.Header.Set("Authorization", "Bearer "+m.analyst.Token)
			resp, err := m.env.Server.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusOK || resp.Header.Get(exports.WatermarkHeader) == "" {
				t.Fatalf("status %d, watermark %q", resp.StatusCode, resp.Header.Get(exports.WatermarkHeader))
			}
			if _, err := io.ReadFull(resp.Body, make([]byte, 64<<10)); err != nil {
				t.Fatal(err)
			}
			if m.exportQueries(t) != 1 {
				t.Fatal("the export's query is not running while the client reads")
			}
			cancel()
			resp.Body.Close()
			deadline := time.Now().Add(15 * time.Second)
			for m.exportQueries(t) > 0 {
				if time.Now().After(deadline) {
					t.Fatal("the query still runs 15 s after the client left")
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}
