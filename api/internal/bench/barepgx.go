package bench

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// The bare pgx server is the physical limit of the case list on this
// machine: net/http, a pgx pool of the app's size, the case list's SQL for
// the same teams (same columns, join, filter, order and limit) and the same
// JSON shape written with encoding/json. No authentication, no transaction,
// no audit rows, no framework. The bench starts it as a child process, like
// the real server, so both pay for the same process boundaries.

const barePgxSQL = `SELECT c.id, c.team_id, c.caseworker_id, c.citizen_name, c.citizen_name_search, c.citizen_cpr_masked,
	c.legal_basis, c.target_group, c.phase, c.phase_iteration, c.status, c.follow_up_cadence,
	c.next_follow_up_date, c.opened_at, c.closed_at, c.created_at, c.updated_at, c.version,
	u.name AS caseworker_name
FROM cases AS c JOIN users u ON u.id = c.caseworker_id
WHERE c.team_id IN (%s)
ORDER BY c.updated_at DESC, c.id DESC LIMIT %d`

func serveBarePgx(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("barepgx", flag.ContinueOnError)
	dbURL := fs.String("db", "", "PostgreSQL URL")
	teams := fs.String("teams", "", "comma-separated team ids the list is scoped to")
	addr := fs.String("addr", "127.0.0.1:0", "listen address")
	limit := fs.Int("limit", 50, "page size")
	conns := fs.Int("conns", 20, "pool size (the app's PostgreSQL pool)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var teamIDs []any
	var ph []string
	for i, t := range strings.Split(*teams, ",") {
		id, err := uuid.Parse(strings.TrimSpace(t))
		if err != nil {
			return fmt.Errorf("-teams: %w", err)
		}
		teamIDs = append(teamIDs, id)
		ph = append(ph, fmt.Sprintf("$%d", i+1))
	}
	if *dbURL == "" || len(teamIDs) == 0 {
		return errors.New("barepgx needs -db and -teams")
	}
	cfg, err := pgxpool.ParseConfig(*dbURL)
	if err != nil {
		return err
	}
	cfg.MaxConns = int32(*conns)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer pool.Close()
	query := fmt.Sprintf(barePgxSQL, strings.Join(ph, ", "), *limit+1)
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /cases", func(w http.ResponseWriter, r *http.Request) {
		page, err := barePage(r.Context(), pool, query, teamIDs, *limit, loc)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_ = json.NewEncoder(w).Encode(page)
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "barepgx listening at http://%s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func barePage(ctx context.Context, pool *pgxpool.Pool, query string, teams []any, limit int, loc *time.Location) (cases.CasePageDTO, error) {
	rows, err := pool.Query(ctx, query, teams...)
	if err != nil {
		return cases.CasePageDTO{}, err
	}
	defer rows.Close()
	y, m, d := time.Now().In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	page := cases.CasePageDTO{Items: make([]cases.CaseSummaryDTO, 0, limit)}
	var lastUpdated time.Time
	var lastID uuid.UUID
	more := false
	for rows.Next() {
		if len(page.Items) == limit {
			more = true
			break
		}
		var s cases.CaseSummaryDTO
		var nameSearch string
		var next pgtype.Date
		var closed pgtype.Timestamptz
		var created time.Time
		var iteration, version int32
		if err := rows.Scan(&s.ID, &s.TeamID, &s.Caseworker.ID, &s.Citizen.Name, &nameSearch, &s.Citizen.CPR,
			&s.LegalBasis, &s.TargetGroup, &s.Phase, &iteration, &s.Status, &s.FollowUpCadence, &next, &s.OpenedAt,
			&closed, &created, &s.UpdatedAt, &version, &s.Caseworker.Name); err != nil {
			return cases.CasePageDTO{}, err
		}
		s.PhaseIteration, s.Version = iteration, version
		s.OpenedAt, s.UpdatedAt = s.OpenedAt.UTC(), s.UpdatedAt.UTC()
		if next.Valid {
			s.NextFollowUpDate = next.Time.Format(time.DateOnly)
			s.FollowUpOverdue = s.Status == "open" && next.Time.Before(today)
		}
		if closed.Valid {
			t := closed.Time.UTC()
			s.ClosedAt = &t
		}
		page.Items = append(page.Items, s)
		lastUpdated, lastID = s.UpdatedAt, s.ID
	}
	if err := rows.Err(); err != nil {
		return cases.CasePageDTO{}, err
	}
	if more {
		page.NextCursor = httpx.EncodeCursor(struct {
			Sort string    `json:"s"`
			Val  string    `json:"v"`
			ID   uuid.UUID `json:"i"`
		}{"-updated_at", lastUpdated.Format(time.RFC3339Nano), lastID})
	}
	return page, nil
}
