package testkit

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
)

// Env is a running app behind a real HTTP server.
type Env struct {
	T       testing.TB
	Dialect string
	App     *app.App
	Server  *httptest.Server
	Clock   *clock.Offset
	Logs    *bytes.Buffer // everything the server logged
	client  *http.Client

	mu        sync.Mutex
	Validator ContractValidator // checks every exchange against openapi.yaml when set
	exchanges int
}

// ContractValidator validates one HTTP exchange against the API contract.
type ContractValidator interface {
	Validate(req *http.Request, reqBody []byte, resp *http.Response, respBody []byte) error
}

// Option adjusts the configuration before start.
type Option func(*config.Config, *app.Options)

// WithThrottle replaces the login throttle policy.
func WithThrottle(p identity.ThrottlePolicy) Option {
	return func(_ *config.Config, o *app.Options) { o.Throttle = &p }
}

// WithConfig edits the configuration.
func WithConfig(f func(*config.Config)) Option {
	return func(c *config.Config, _ *app.Options) { f(c) }
}

var defaultValidator ContractValidator

// SetDefaultValidator makes every Env created afterwards validate its traffic.
func SetDefaultValidator(v ContractValidator) { defaultValidator = v }

func randomKey() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
}

// Start opens the app on the given dialect ("postgres" or "sqlite") with a
// fresh database and serves it over HTTP on a random port.
func Start(t testing.TB, dialect string, opts ...Option) *Env {
	t.Helper()
	cfg := config.Defaults()
	cfg.DataDir = t.TempDir()
	cfg.StaticDir = t.TempDir()
	cfg.JWTSecret = randomKey()
	cfg.EncryptionKey = randomKey()
	cfg.RateLimit = 0
	cfg.FeedbackRateLimit = 0
	switch dialect {
	case "postgres":
		cfg.DatabaseURL = NewPostgresDB(t)
	case "sqlite":
	default:
		t.Fatalf("unknown dialect %q", dialect)
	}
	clk := &clock.Offset{}
	ao := app.Options{Clock: clk}
	for _, o := range opts {
		o(&cfg, &ao)
	}
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewJSONHandler(&lockedWriter{w: logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a, err := app.Open(context.Background(), cfg, log, ao)
	if err != nil {
		t.Fatalf("start app on %s: %v", dialect, err)
	}
	srv := httptest.NewServer(a.Handler())
	t.Cleanup(func() {
		srv.Close()
		_ = a.Close()
	})
	v := defaultValidator
	if v == nil {
		c, err := LoadContract()
		if err != nil {
			t.Fatalf("contract: %v", err)
		}
		v = c
	}
	return &Env{T: t, Dialect: dialect, App: a, Server: srv, Clock: clk, Logs: logs, client: srv.Client(),
		Validator: v}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// Exchanges reports how many requests were validated against the contract.
func (e *Env) Exchanges() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.exchanges
}

// --- seeding through the services ---

// User is a seeded staff member with the password to log in.
type User struct {
	identity.User
	Password string
	Token    string
}

// Actor is the user as an actor for direct service calls.
func (u User) Actor() actor.Actor {
	ids := make([]uuid.UUID, len(u.Teams))
	for i, t := range u.Teams {
		ids[i] = t.ID
	}
	return actor.Actor{UserID: u.ID, Role: u.Role, TeamIDs: ids}
}

// Team creates a team.
func (e *Env) Team(name string) identity.Team {
	e.T.Helper()
	t, err := e.App.Identity.SeedTeam(context.Background(), name)
	if err != nil {
		e.T.Fatalf("seed team %q: %v", name, err)
	}
	return t
}

var userSeq struct {
	sync.Mutex
	n int
}

// User creates a user with the role and teams and logs them in over HTTP.
func (e *Env) User(role actor.Role, teams ...identity.Team) User {
	e.T.Helper()
	userSeq.Lock()
	userSeq.n++
	n := userSeq.n
	userSeq.Unlock()
	ids := make([]uuid.UUID, len(teams))
	for i, t := range teams {
		ids[i] = t.ID
	}
	pw := fmt.Sprintf("pw-%d-%s", n, uuid.NewString()[:8])
	u, err := e.App.Identity.SeedUser(context.Background(), identity.NewUser{
		Email: fmt.Sprintf("%s%d@bic.example", role, n), Name: fmt.Sprintf("%s %d", strings.ToUpper(string(role[:1]))+string(role[1:]), n),
		Role: role, TeamIDs: ids, Password: pw})
	if err != nil {
		e.T.Fatalf("seed user: %v", err)
	}
	usr := User{User: u, Password: pw}
	usr.Token = e.Login(u.Email, pw)
	return usr
}

// Login returns an access token.
func (e *Env) Login(email, password string) string {
	e.T.Helper()
	r := e.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": email, "password": password})
	if r.Status != http.StatusOK {
		e.T.Fatalf("login %s: %d %s", email, r.Status, r.Body)
	}
	return r.JSON["access_token"].(string)
}

// Case opens a case for the user in team through the service.
func (e *Env) Case(u User, team identity.Team, mutate ...func(*cases.NewCase)) cases.Viewed {
	e.T.Helper()
	in := cases.NewCase{TeamID: team.ID, CitizenName: "Test Borger", CitizenCPR: NextCPR(),
		LegalBasis: "sel_85", TargetGroup: "intellectual_impairment"}
	for _, m := range mutate {
		m(&in)
	}
	v, err := e.App.Cases.Create(context.Background(), u.Actor(), in)
	if err != nil {
		e.T.Fatalf("seed case: %v", err)
	}
	return v
}

var cprSeq struct {
	sync.Mutex
	n int
}

// NextCPR returns a fresh, valid replacement CPR number (day + 60).
func NextCPR() string {
	cprSeq.Lock()
	defer cprSeq.Unlock()
	cprSeq.n++
	n := cprSeq.n
	day := 61 + n%28
	month := 1 + (n/28)%12
	return fmt.Sprintf("%02d%02d85%04d", day, month, 1000+n%9000)
}

// --- HTTP ---

// Response is a decoded HTTP response.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
	JSON   map[string]any
}

// Req describes one request.
type Req struct {
	Method  string
	Path    string
	Token   string
	Body    any    // marshalled as JSON unless RawBody is set
	RawBody string // sent as is
	Headers map[string]string
}

// Do sends a JSON request.
func (e *Env) Do(method, path, token string, body any, headers ...string) Response {
	e.T.Helper()
	h := map[string]string{}
	for i := 0; i+1 < len(headers); i += 2 {
		h[headers[i]] = headers[i+1]
	}
	return e.Send(Req{Method: method, Path: path, Token: token, Body: body, Headers: h})
}

// Send sends a request and validates the exchange against the contract.
func (e *Env) Send(r Req) Response {
	e.T.Helper()
	var reqBody []byte
	switch {
	case r.RawBody != "":
		reqBody = []byte(r.RawBody)
	case r.Body != nil:
		b, err := json.Marshal(r.Body)
		if err != nil {
			e.T.Fatalf("marshal body: %v", err)
		}
		reqBody = b
	}
	req, err := http.NewRequest(r.Method, e.Server.URL+r.Path, bytes.NewReader(reqBody))
	if err != nil {
		e.T.Fatalf("build request: %v", err)
	}
	if reqBody != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.Token != "" {
		req.Header.Set("Authorization", "Bearer "+r.Token)
	}
	for k, v := range r.Headers {
		req.Header.Set(k, v)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		e.T.Fatalf("%s %s: %v", r.Method, r.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		e.T.Fatalf("read body: %v", err)
	}
	out := Response{Status: resp.StatusCode, Header: resp.Header, Body: body}
	if len(body) > 0 && (strings.Contains(resp.Header.Get("Content-Type"), "json")) {
		var m map[string]any
		if json.Unmarshal(body, &m) == nil {
			out.JSON = m
		}
	}
	if resp.StatusCode >= 500 {
		e.T.Errorf("%s %s answered %d: %s\nserver log:\n%s", r.Method, r.Path, resp.StatusCode, body, e.Logs.String())
	}
	if e.Validator != nil && strings.HasPrefix(r.Path, "/api/v1/") {
		// Rebuild a readable request for the validator.
		vreq, _ := http.NewRequest(r.Method, e.Server.URL+r.Path, bytes.NewReader(reqBody))
		vreq.Header = req.Header.Clone()
		if err := e.Validator.Validate(vreq, reqBody, resp, body); err != nil {
			e.T.Errorf("contract violation on %s %s → %d: %v\nbody: %s", r.Method, r.Path, resp.StatusCode, err, truncate(body))
		}
		e.mu.Lock()
		e.exchanges++
		e.mu.Unlock()
	}
	return out
}

func truncate(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}
