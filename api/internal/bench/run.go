package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

// report collects everything the table shows.
type report struct {
	Scale        Scale
	Started      time.Time
	Total        time.Duration
	Facts        facts
	PG, SQLite   meta
	Clone        time.Duration
	IdleRSS      int64
	Exports      []exportResult
	Copies       map[string]exportResult // best COPY per dataset
	Loads        []loadResult
	Bare         *loadResult // bare pgx, closed loop
	BareOpen     *loadResult // bare pgx, open loop at the rate
	APIListSat   *loadResult
	UpdateWaits  map[string]int
	Problems     []string
	ServerBinary string
}

func (r *report) problem(format string, args ...any) {
	r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
}

// Run is `make bench`.
func (e *Env) Run(ctx context.Context) error {
	rep := &report{Scale: e.Scale, Started: time.Now(), Copies: map[string]exportResult{}, UpdateWaits: map[string]int{}}
	if err := haveProc(); err != nil {
		return err
	}
	e.logf("scale %s: %s cases, results in %s", e.Scale.Name, fmtCount(e.Scale.Cases), e.OutDir)
	if err := e.BuildServer(ctx); err != nil {
		return err
	}
	rep.ServerBinary = e.BicBin
	var err error
	if rep.PG, err = e.EnsurePostgres(ctx); err != nil {
		return fmt.Errorf("generate PostgreSQL data: %w", err)
	}
	if e.Parts["sqlite"] {
		if rep.SQLite, err = e.EnsureSQLite(ctx); err != nil {
			return fmt.Errorf("generate SQLite data: %w", err)
		}
	}
	runURL, clone, err := e.ClonePostgres(ctx)
	if err != nil {
		return err
	}
	rep.Clone = clone
	e.logf("postgres: run database copied from the generated one in %.1f s", clone.Seconds())
	rep.Facts = e.machineFacts(ctx, runURL)

	if err := e.postgresSuite(ctx, rep, runURL); err != nil {
		return err
	}
	if e.Parts["sqlite"] {
		if err := e.sqliteSuite(ctx, rep); err != nil {
			return err
		}
	}
	if err := e.DropRunDatabase(ctx); err != nil {
		rep.problem("drop the run database: %v", err)
	}
	rep.Total = time.Since(rep.Started)
	md := rep.markdown()
	fmt.Fprint(e.Stdout, md)
	path := filepath.Join(e.OutDir, "bench-results-"+e.Scale.Name+".md")
	if err := os.WriteFile(path, []byte(md), 0o600); err != nil {
		return err
	}
	e.logf("results written to %s (total %s)", path, rep.Total.Round(time.Second))
	if rep.failed() && e.Scale.Name == "tiny" {
		// The smoke test fails on errors, not on targets (they are for full scale).
		return fmt.Errorf("the smoke run had errors; see %s", path)
	}
	return nil
}

// postgresSuite: exports against COPY with memory, then the case endpoints,
// then the bare pgx server with the real server stopped.
func (e *Env) postgresSuite(ctx context.Context, rep *report, runURL string) error {
	dataDir := filepath.Join(e.OutDir, "data-postgres")
	srv, err := e.startServer(ctx, "server-postgres", runURL, dataDir)
	if err != nil {
		return err
	}
	defer srv.stop()
	e.logf("postgres: server %d at %s", srv.Pid(), srv.URL)

	// What the load works with: the area leader's cases (every team), a
	// sample to read and the open cases to update, with their versions.
	conn, err := pgx.Connect(ctx, runURL)
	if err != nil {
		return err
	}
	sample, open, teams, err := loadTargetsPG(ctx, conn, e.Scale)
	_ = conn.Close(ctx)
	if err != nil {
		return err
	}

	// Exports first, on a fresh server, so idle memory is the server's own.
	token, err := e.login(ctx, srv.URL, AnalystEmail)
	if err != nil {
		return err
	}
	time.Sleep(time.Second)
	if rep.IdleRSS, err = rss(srv.Pid()); err != nil {
		return err
	}
	for _, ds := range exportDatasets {
		if !e.Parts["exports"] {
			break
		}
		_ = e.runCopy(ctx, runURL, ds) // warm the caches for both sides
		best := e.runCopy(ctx, runURL, ds)
		if best.Err != nil {
			rep.problem("COPY %s: %v", ds, best.Err)
		}
		e.logf("exports: %s COPY %s rows in %.2f s", ds, fmtCount(int(best.Rows)), best.Elapsed.Seconds())
		for _, f := range exportFormats {
			if token, err = e.login(ctx, srv.URL, AnalystEmail); err != nil {
				return err
			}
			r := e.runExport(ctx, srv, token, ds, f)
			if r.Err != nil {
				rep.problem("export %s as %s: %v", ds, f, r.Err)
			} else if best.Err == nil && r.Rows != best.Rows {
				rep.problem("export %s as %s: %d rows, COPY %d", ds, f, r.Rows, best.Rows)
			}
			e.logf("exports: %s %s %s rows, %.1f MB in %.2f s, peak RSS %.0f MB", ds, f, fmtCount(int(r.Rows)),
				float64(r.Bytes)/1e6, r.Elapsed.Seconds(), float64(r.Peak)/(1<<20))
			rep.Exports = append(rep.Exports, r)
		}
		// COPY again after the formats; the faster of the two is the limit.
		if again := e.runCopy(ctx, runURL, ds); again.Err == nil && (best.Err != nil || again.Elapsed < best.Elapsed) {
			best = again
		}
		rep.Copies[ds] = best
	}

	if e.Parts["postgres"] {
		if err := e.loadSuite(ctx, rep, "PostgreSQL", srv, runURL, sample, open); err != nil {
			return err
		}
	}
	srv.stop()
	if !e.Parts["bare"] {
		return nil
	}

	// The physical limit of the case list, with the real server stopped.
	self, err := os.Executable()
	if err != nil {
		return err
	}
	bare, err := e.startProcess(ctx, "barepgx", self, []string{"barepgx", "-db", runURL, "-teams", joinIDs(teams)},
		[]string{"PATH=" + os.Getenv("PATH")}, "listening at")
	if err != nil {
		return err
	}
	defer bare.stop()
	tr := func(t *vegeta.Target) error { t.Method, t.URL = http.MethodGet, bare.URL+"/cases"; return nil }
	if err := checkOK(ctx, bare.URL+"/cases", ""); err != nil {
		return fmt.Errorf("bare pgx server: %w", err)
	}
	settle(ctx, runURL)
	e.logf("load: bare pgx case list, closed loop")
	before := sampleCPU(bare.Pid())
	b := attack(ctx, "bare pgx case list", tr, 0, e.Scale.SatWorkers, e.Scale.SatDuration, nil)
	b.DB, b.CPU = "PostgreSQL", before.per(sampleCPU(bare.Pid()), b.Requests)
	rep.Bare = &b
	settle(ctx, runURL)
	e.logf("load: bare pgx case list, open loop %d/s", e.Scale.Rate)
	before = sampleCPU(bare.Pid())
	bo := attack(ctx, "bare pgx case list", tr, e.Scale.Rate, e.Scale.OpenWorkers, e.Scale.Duration, nil)
	bo.DB, bo.CPU = "PostgreSQL", before.per(sampleCPU(bare.Pid()), bo.Requests)
	rep.BareOpen = &bo
	bare.stop()
	return nil
}

func joinIDs(ids []uuid.UUID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.String()
	}
	return strings.Join(s, ",")
}

// loadTargetsPG reads a sample of the area leader's cases to get, the open
// cases to update (in a fixed random order) and the leader's teams.
func loadTargetsPG(ctx context.Context, conn *pgx.Conn, sc Scale) (sample []uuid.UUID, open []versioned, teams []uuid.UUID, err error) {
	rows, err := conn.Query(ctx, `SELECT m.team_id FROM team_memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, AreaLeaderEmail)
	if err != nil {
		return nil, nil, nil, err
	}
	if teams, err = pgx.CollectRows(rows, pgx.RowTo[uuid.UUID]); err != nil {
		return nil, nil, nil, err
	}
	rows, err = conn.Query(ctx, `SELECT id FROM cases WHERE team_id = ANY($1) ORDER BY md5(id::text) LIMIT 20000`, teams)
	if err != nil {
		return nil, nil, nil, err
	}
	if sample, err = pgx.CollectRows(rows, pgx.RowTo[uuid.UUID]); err != nil {
		return nil, nil, nil, err
	}
	rows, err = conn.Query(ctx, `SELECT id, version FROM cases WHERE status = 'open' AND team_id = ANY($1) ORDER BY md5(id::text || 'u')`, teams)
	if err != nil {
		return nil, nil, nil, err
	}
	open, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (versioned, error) {
		var v versioned
		return v, r.Scan(&v.ID, &v.Version)
	})
	return sample, open, teams, err
}

func loadTargetsSQLite(ctx context.Context, pool *sql.DB) (sample []uuid.UUID, open []versioned, err error) {
	rows, err := pool.QueryContext(ctx, `SELECT id, version, status FROM cases ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, status string
		var v int
		if err := rows.Scan(&id, &v, &status); err != nil {
			return nil, nil, err
		}
		u, err := uuid.Parse(id)
		if err != nil {
			return nil, nil, err
		}
		if len(sample) < 20000 {
			sample = append(sample, u)
		}
		if status == "open" {
			open = append(open, versioned{ID: u, Version: v})
		}
	}
	return sample, open, rows.Err()
}

// checkOK makes one request and wants a 200.
func checkOK(ctx context.Context, url, token string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}

// loadSuite runs the case endpoints: open loop at the fixed rate, updates
// also at the lower rate, then each at saturation (closed loop).
func (e *Env) loadSuite(ctx context.Context, rep *report, dbName string, srv *process, dbURL string, sample []uuid.UUID, open []versioned) error {
	sc := e.Scale
	base := srv.URL
	pool := newCasePool(open)
	token := func() (string, error) { return e.login(ctx, base, AreaLeaderEmail) }
	tok, err := token()
	if err != nil {
		return err
	}
	if err := checkOK(ctx, base+"/api/v1/cases", tok); err != nil {
		return err
	}
	if err := checkOK(ctx, base+"/api/v1/cases/"+sample[0].String(), tok); err != nil {
		return err
	}
	e.logf("load %s: warm-up %s", dbName, sc.Warmup)
	attack(ctx, "warm-up", listTargeter(base, tok), sc.Rate, sc.OpenWorkers, sc.Warmup, nil)
	attack(ctx, "warm-up", getTargeter(base, tok, sample), sc.Rate, sc.OpenWorkers, sc.Warmup, nil)
	type run struct {
		name    string
		rate    int
		workers int
		d       time.Duration
		tr      func(tok string) vegeta.Targeter
		after   func(*vegeta.Result)
	}
	list := func(tok string) vegeta.Targeter { return listTargeter(base, tok) }
	get := func(tok string) vegeta.Targeter { return getTargeter(base, tok, sample) }
	upd := func(tok string) vegeta.Targeter { return pool.updateTargeter(base, tok) }
	runs := []run{
		{"case list", sc.Rate, sc.OpenWorkers, sc.Duration, list, nil},
		{"case get", sc.Rate, sc.OpenWorkers, sc.Duration, get, nil},
		{"case update", sc.Rate, sc.OpenWorkers, sc.Duration, upd, pool.give},
		{"case update", sc.LowRate, sc.OpenWorkers, sc.Duration, upd, pool.give},
		{"case list", 0, sc.SatWorkers, sc.SatDuration, list, nil},
		{"case get", 0, sc.SatWorkers, sc.SatDuration, get, nil},
		{"case update", 0, sc.SatWorkers, sc.SatDuration, upd, pool.give},
	}
	for _, r := range runs {
		tok, err := token()
		if err != nil {
			return err
		}
		time.Sleep(sc.Pause) // let the last run's queues drain
		settle(ctx, dbURL)
		pool.waits = 0
		before := sampleCPU(srv.Pid())
		e.profileRun(ctx, srv, fmt.Sprintf("%s %s %s", dbName, r.name, loadResult{Rate: r.rate, Workers: r.workers}.mode()), r.d)
		res := attack(ctx, r.name, r.tr(tok), r.rate, r.workers, r.d, r.after)
		res.DB, res.CPU = dbName, before.per(sampleCPU(srv.Pid()), res.Requests)
		if pool.waits > 0 {
			res.Note = fmt.Sprintf("%d updates waited for a free case", pool.waits)
		}
		e.logf("load %s: %s, %s: sent %.0f/s, ok %.0f/s, success %.2f%%, p50 %s, p99 %s, CPU ms/request server/PG/bench %s",
			dbName, r.name, res.mode(), res.SentRate, res.Throughput, 100*res.Success, res.P50.Round(10*time.Microsecond),
			res.P99.Round(10*time.Microsecond), res.CPU)
		rep.Loads = append(rep.Loads, res)
		if r.name == "case list" && r.rate == 0 && dbName == "PostgreSQL" {
			x := res
			rep.APIListSat = &x
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

func (e *Env) sqliteSuite(ctx context.Context, rep *report) error {
	dir, err := e.CopySQLite()
	if err != nil {
		return err
	}
	d, err := db.Open(ctx, db.Options{SQLitePath: filepath.Join(dir, "bic.sqlite")})
	if err != nil {
		return err
	}
	pool, err := d.SQL()
	if err != nil {
		_ = d.Close()
		return err
	}
	sample, open, err := loadTargetsSQLite(ctx, pool)
	_ = d.Close()
	if err != nil {
		return err
	}
	srv, err := e.startServer(ctx, "server-sqlite", "", dir)
	if err != nil {
		return err
	}
	defer srv.stop()
	e.logf("sqlite: server %d at %s", srv.Pid(), srv.URL)
	return e.loadSuite(ctx, rep, "SQLite", srv, "", sample, open)
}
