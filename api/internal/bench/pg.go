package bench

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
)

// withDB returns base with its database replaced by name.
func withDB(base, name string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("BENCH_DATABASE_URL: %w", err)
	}
	u.Path = "/" + name
	return u.String(), nil
}

// meta is what bench_meta records about a generated database.
type meta struct {
	GeneratorVersion int            `json:"generator_version"`
	Scale            string         `json:"scale"`
	KeyFingerprint   string         `json:"key_fingerprint"`
	GeneratedAt      time.Time      `json:"generated_at"`
	Seconds          float64        `json:"seconds"`
	Rows             map[string]int `json:"rows"`
	Reused           bool           `json:"-"`
}

func keyFingerprint(key []byte) string {
	s := sha256.Sum256(append([]byte("bic-bench-fingerprint:"), key...))
	return hex.EncodeToString(s[:8])
}

func (m meta) matches(sc Scale, key []byte) bool {
	return m.GeneratorVersion == GeneratorVersion && m.Scale == sc.Name && m.KeyFingerprint == keyFingerprint(key)
}

// appConfig is the configuration the generator opens the app with: the same
// keys the server gets.
func (e *Env) appConfig(databaseURL, dataDir string) config.Config {
	c := config.Defaults()
	c.DatabaseURL = databaseURL
	c.DataDir = dataDir
	c.JWTSecret = e.JWTKey
	c.EncryptionKey = e.EncryptionKey
	c.LogLevel = 8 // errors only
	return c
}

// pgDatabases names the generated database (kept, reused while it matches)
// and the copy every run works on, so that each run starts from the same
// state: no audit rows or case versions left over from the run before.
func (e *Env) pgDatabases() (template, run string) {
	t := "bic_bench"
	if e.Scale.Name != "full" {
		t += "_" + e.Scale.Name
	}
	return t, t + "_run"
}

// EnsurePostgres makes sure the generated database exists for the scale and
// generator version, generating it when not, and returns its description.
func (e *Env) EnsurePostgres(ctx context.Context) (meta, error) {
	tpl, _ := e.pgDatabases()
	admin, err := pgx.Connect(ctx, e.AdminURL)
	if err != nil {
		return meta{}, fmt.Errorf("connect to PostgreSQL at BENCH_DATABASE_URL: %w", err)
	}
	defer admin.Close(ctx)
	tplURL, err := withDB(e.AdminURL, tpl)
	if err != nil {
		return meta{}, err
	}
	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", tpl).Scan(&exists); err != nil {
		return meta{}, err
	}
	if exists && !e.Fresh {
		m, err := readMeta(ctx, tplURL)
		if err == nil && m.matches(e.Scale, e.EncryptionKey) {
			// Bring it up to the binary's migrations, if newer ones landed.
			a, err := app.Open(ctx, e.appConfig(tplURL, e.OutDir), e.discard(), app.Options{})
			if err != nil {
				return meta{}, fmt.Errorf("migrate %s: %w", tpl, err)
			}
			_ = a.Close()
			m.Reused = true
			e.logf("postgres: reusing %s (generator v%d, scale %s, generated %s in %.0f s)", tpl, m.GeneratorVersion,
				m.Scale, m.GeneratedAt.Format(time.DateTime), m.Seconds)
			return m, nil
		}
		e.logf("postgres: %s is from another scale, generator or key; generating again", tpl)
	}
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{tpl}.Sanitize()+" WITH (FORCE)"); err != nil {
		return meta{}, err
	}
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{tpl}.Sanitize()); err != nil {
		return meta{}, err
	}
	return e.generatePostgres(ctx, tplURL)
}

func readMeta(ctx context.Context, dbURL string) (meta, error) {
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return meta{}, err
	}
	defer c.Close(ctx)
	var raw []byte
	if err := c.QueryRow(ctx, "SELECT info FROM bench_meta").Scan(&raw); err != nil {
		return meta{}, err
	}
	var m meta
	return m, json.Unmarshal(raw, &m)
}

// ClonePostgres makes the run's database from the generated one (a file
// copy, seconds even at full scale) and returns its URL.
func (e *Env) ClonePostgres(ctx context.Context) (string, time.Duration, error) {
	start := time.Now()
	tpl, run := e.pgDatabases()
	admin, err := pgx.Connect(ctx, e.AdminURL)
	if err != nil {
		return "", 0, err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{run}.Sanitize()+" WITH (FORCE)"); err != nil {
		return "", 0, err
	}
	if _, err := admin.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY",
		pgx.Identifier{run}.Sanitize(), pgx.Identifier{tpl}.Sanitize())); err != nil {
		return "", 0, fmt.Errorf("copy %s to %s: %w", tpl, run, err)
	}
	u, err := withDB(e.AdminURL, run)
	return u, time.Since(start), err
}

// DropRunDatabase removes the run's copy.
func (e *Env) DropRunDatabase(ctx context.Context) error {
	_, run := e.pgDatabases()
	admin, err := pgx.Connect(ctx, e.AdminURL)
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	_, err = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{run}.Sanitize()+" WITH (FORCE)")
	return err
}

// Staff emails. Everyone has the bench password.
const (
	AdminEmail      = "admin@bench.bic.example"
	AnalystEmail    = "analytiker@bench.bic.example"
	AreaLeaderEmail = "omraadeleder@bench.bic.example"
)

func leaderEmail(team int) string { return fmt.Sprintf("leder.%02d@bench.bic.example", team+1) }
func caseworkerEmail(team, i int) string {
	return fmt.Sprintf("sagsbehandler.%02d.%02d@bench.bic.example", team+1, i+1)
}

// seedStaff creates the teams and users through the identity service, so
// that passwords are hashed as the app hashes them. One area leader leads
// every team: the load runs as that user and sees every case.
func (e *Env) seedStaff(ctx context.Context, a *app.App) (org, error) {
	r := newRNG(7)
	var o org
	for i := range e.Scale.Teams {
		t, err := a.Identity.SeedTeam(ctx, teamName(i))
		if err != nil {
			return o, fmt.Errorf("seed team: %w", err)
		}
		o.Teams = append(o.Teams, t.ID)
	}
	type job struct {
		in   identity.NewUser
		team int // -1: none
		lead bool
	}
	var jobs []job
	jobs = append(jobs, job{in: identity.NewUser{Email: AdminEmail, Name: "Administrator Bænk", Role: actor.RoleAdmin}, team: -1})
	jobs = append(jobs, job{in: identity.NewUser{Email: AnalystEmail, Name: r.person(true), Role: actor.RoleAnalyst}, team: -1})
	jobs = append(jobs, job{in: identity.NewUser{Email: AreaLeaderEmail, Name: r.person(false), Role: actor.RoleLeader, TeamIDs: o.Teams}, team: -1})
	for t := range e.Scale.Teams {
		jobs = append(jobs, job{in: identity.NewUser{Email: leaderEmail(t), Name: r.person(r.chance(0.6)), Role: actor.RoleLeader,
			TeamIDs: []uuid.UUID{o.Teams[t]}}, team: t, lead: true})
		for i := range e.Scale.CaseworkersPerTeam {
			jobs = append(jobs, job{in: identity.NewUser{Email: caseworkerEmail(t, i), Name: r.person(r.chance(0.7)),
				Role: actor.RoleCaseworker, TeamIDs: []uuid.UUID{o.Teams[t]}}, team: t})
		}
	}
	o.Caseworkers = make([][]uuid.UUID, e.Scale.Teams)
	o.Leaders = make([]uuid.UUID, e.Scale.Teams)
	ids := make([]uuid.UUID, len(jobs))
	// Password hashing (argon2id) is the cost here; two at a time.
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	next := make(chan int)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := jobs[i].in
				in.Password = e.Password
				u, err := a.Identity.SeedUser(ctx, in)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("seed user %s: %w", in.Email, err)
				}
				ids[i] = u.ID
				mu.Unlock()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return o, firstErr
	}
	for i, j := range jobs {
		switch {
		case j.team < 0:
		case j.lead:
			o.Leaders[j.team] = ids[i]
		default:
			o.Caseworkers[j.team] = append(o.Caseworkers[j.team], ids[i])
		}
	}
	return o, nil
}

func builtinPrinciples() (principles, error) {
	set, err := checklists.Builtin()
	if err != nil {
		return principles{}, err
	}
	p := principles{Version: set.Version, Applicability: map[string]map[string]string{}}
	for _, pr := range set.Principles {
		p.Codes = append(p.Codes, pr.Code)
	}
	for _, ph := range []string{"sagsaabning", "sagsoplysning", "sagsvurdering", "afgoerelse", "bestilling", "opfoelgning"} {
		p.Applicability[ph] = map[string]string{}
		for _, pr := range set.Principles {
			p.Applicability[ph][pr.Code] = string(pr.In(cases.Phase(ph)))
		}
	}
	return p, nil
}

// generatePostgres fills an empty database: the app's migrations and staff
// through the app, then every table with COPY.
func (e *Env) generatePostgres(ctx context.Context, dbURL string) (meta, error) {
	start := time.Now()
	a, err := app.Open(ctx, e.appConfig(dbURL, e.OutDir), e.discard(), app.Options{})
	if err != nil {
		return meta{}, fmt.Errorf("open the app on the bench database: %w", err)
	}
	o, err := e.seedStaff(ctx, a)
	_ = a.Close()
	if err != nil {
		return meta{}, err
	}
	e.logf("postgres: %d teams and %d users seeded through the identity service in %.1f s", len(o.Teams),
		3+len(o.Teams)*(1+e.Scale.CaseworkersPerTeam), time.Since(start).Seconds())

	pcfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return meta{}, err
	}
	pcfg.MaxConns = int32(len(loadOrder) + 2) // one COPY per table at once
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return meta{}, err
	}
	defer pool.Close()

	// Secondary indexes are dropped during the load and built afterwards,
	// from their own definitions, which is much faster than maintaining them
	// row by row; primary keys and unique constraints stay.
	indexes, err := dropSecondaryIndexes(ctx, pool, loadOrder)
	if err != nil {
		return meta{}, err
	}
	loadStart := time.Now()
	pr, err := builtinPrinciples()
	if err != nil {
		return meta{}, err
	}
	box, err := secrets.New(e.EncryptionKey)
	if err != nil {
		return meta{}, err
	}
	g := newGenerator(e.Scale, o, box, pr, time.Now(), false)
	if err := copyAll(ctx, pool, g); err != nil {
		return meta{}, err
	}
	e.logf("postgres: %s rows generated and copied in %.1f s", fmtCount(total(g.counts)), time.Since(loadStart).Seconds())

	idxStart := time.Now()
	if err := buildIndexes(ctx, pool, indexes); err != nil {
		return meta{}, err
	}
	e.logf("postgres: %d secondary indexes built in %.1f s", len(indexes), time.Since(idxStart).Seconds())
	chkStart := time.Now()
	if err := checkForeignKeys(ctx, pool, loadOrder); err != nil {
		return meta{}, err
	}
	// VACUUM sets hint bits and the visibility map now rather than during
	// the first measured reads, and ANALYZE gives the planner the numbers.
	if _, err := pool.Exec(ctx, "VACUUM (ANALYZE)"); err != nil {
		return meta{}, err
	}
	e.logf("postgres: foreign keys checked, vacuumed and analysed in %.1f s", time.Since(chkStart).Seconds())

	m := meta{GeneratorVersion: GeneratorVersion, Scale: e.Scale.Name, KeyFingerprint: keyFingerprint(e.EncryptionKey),
		GeneratedAt: start.UTC(), Seconds: time.Since(start).Seconds(), Rows: g.counts}
	info, _ := json.Marshal(m)
	if _, err := pool.Exec(ctx, `CREATE TABLE bench_meta (info jsonb NOT NULL)`); err != nil {
		return meta{}, err
	}
	if _, err := pool.Exec(ctx, `INSERT INTO bench_meta (info) VALUES ($1)`, info); err != nil {
		return meta{}, err
	}
	e.logf("postgres: generated in %.1f s", m.Seconds)
	return m, nil
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// pgSink hands rows to one COPY per table.
type pgSink struct {
	ctx context.Context
	ch  map[string]chan []any
}

func (s *pgSink) row(table string, vals ...any) error {
	for i, v := range vals {
		switch x := v.(type) {
		case day:
			if time.Time(x).IsZero() {
				vals[i] = nil
			} else {
				vals[i] = time.Time(x)
			}
		case doc:
			if x == nil {
				vals[i] = nil
			} else {
				vals[i] = []byte(x)
			}
		}
	}
	select {
	case s.ch[table] <- vals:
		return nil
	case <-s.ctx.Done():
		return s.ctx.Err()
	}
}

// copyAll runs the generator into concurrent COPYs, one per table. Foreign
// keys are not checked row by row (session_replication_role = replica skips
// their triggers); checkForeignKeys checks them all afterwards in one
// anti-join each. CHECK and unique constraints apply as always.
func copyAll(ctx context.Context, pool *pgxpool.Pool, g *generator) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	s := &pgSink{ctx: ctx, ch: map[string]chan []any{}}
	for _, t := range loadOrder {
		s.ch[t] = make(chan []any, 4096)
	}
	var wg sync.WaitGroup
	for _, t := range loadOrder {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := func() error {
				conn, err := pool.Acquire(ctx)
				if err != nil {
					return err
				}
				defer conn.Release()
				if _, err := conn.Exec(ctx, "SET session_replication_role = replica"); err != nil {
					return fmt.Errorf("skip foreign-key triggers during the load (needs a superuser): %w", err)
				}
				defer conn.Exec(context.Background(), "SET session_replication_role = DEFAULT") //nolint:errcheck
				ch := s.ch[t]
				_, err = conn.Conn().CopyFrom(ctx, pgx.Identifier{t}, tableColumns[t], pgx.CopyFromFunc(func() ([]any, error) {
					row, ok := <-ch
					if !ok {
						return nil, nil
					}
					return row, nil
				}))
				return err
			}()
			if err != nil {
				cancel(fmt.Errorf("copy %s: %w", t, err))
				// keep draining so the generator is never stuck
				for range s.ch[t] {
				}
			}
		}()
	}
	genErr := g.run(s)
	for _, t := range loadOrder {
		close(s.ch[t])
	}
	wg.Wait()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return genErr
}

type indexDef struct{ name, def string }

func dropSecondaryIndexes(ctx context.Context, pool *pgxpool.Pool, tables []string) ([]indexDef, error) {
	rows, err := pool.Query(ctx, `
		SELECT ic.relname, pg_get_indexdef(i.indexrelid)
		FROM pg_index i
		JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_class ic ON ic.oid = i.indexrelid
		JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = current_schema() AND t.relname = ANY($1)
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY t.relname, ic.relname`, tables)
	if err != nil {
		return nil, err
	}
	defs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (indexDef, error) {
		var d indexDef
		return d, r.Scan(&d.name, &d.def)
	})
	if err != nil {
		return nil, err
	}
	for _, d := range defs {
		if _, err := pool.Exec(ctx, "DROP INDEX "+pgx.Identifier{d.name}.Sanitize()); err != nil {
			return nil, err
		}
	}
	return defs, nil
}

// buildIndexes runs the definitions two at a time (the machine's cores).
func buildIndexes(ctx context.Context, pool *pgxpool.Pool, defs []indexDef) error {
	// Big tables first, so the two workers finish together.
	sort.SliceStable(defs, func(i, j int) bool {
		return strings.Contains(defs[i].def, "goal_progress") || strings.Contains(defs[i].def, "checklist_items")
	})
	next := make(chan indexDef)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn, err := pool.Acquire(ctx)
			if err == nil {
				defer conn.Release()
				_, err = conn.Exec(ctx, "SET maintenance_work_mem = '512MB'")
			}
			for d := range next {
				if err == nil {
					_, err = conn.Exec(ctx, d.def)
					if err != nil {
						err = fmt.Errorf("build index %s: %w", d.name, err)
					}
				}
			}
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, d := range defs {
		next <- d
	}
	close(next)
	wg.Wait()
	return firstErr
}

// checkForeignKeys proves every foreign key of the loaded tables holds, as
// the triggers skipped during the load would have.
func checkForeignKeys(ctx context.Context, pool *pgxpool.Pool, tables []string) error {
	rows, err := pool.Query(ctx, `
		SELECT c.conname, t.relname, a.attname, pt.relname, pa.attname
		FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.conrelid
		JOIN pg_class pt ON pt.oid = c.confrelid
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
		WHERE c.contype = 'f' AND t.relname = ANY($1) AND cardinality(c.conkey) = 1`, tables)
	if err != nil {
		return err
	}
	type fk struct{ name, table, col, parent, pcol string }
	fks, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (fk, error) {
		var f fk
		return f, r.Scan(&f.name, &f.table, &f.col, &f.parent, &f.pcol)
	})
	if err != nil {
		return err
	}
	var bad []string
	for _, f := range fks {
		q := fmt.Sprintf(`SELECT count(*) FROM %s c WHERE c.%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s p WHERE p.%s = c.%s)`,
			pgx.Identifier{f.table}.Sanitize(), pgx.Identifier{f.col}.Sanitize(), pgx.Identifier{f.parent}.Sanitize(),
			pgx.Identifier{f.pcol}.Sanitize(), pgx.Identifier{f.col}.Sanitize())
		var n int64
		if err := pool.QueryRow(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("check %s: %w", f.name, err)
		}
		if n > 0 {
			bad = append(bad, fmt.Sprintf("%s: %d rows of %s.%s point nowhere", f.name, n, f.table, f.col))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("generated data breaks foreign keys:\n  %s", strings.Join(bad, "\n  "))
	}
	return nil
}
