package cases_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// suite wraps a running app and checks every response it sees for CPR
// numbers: a response may show a citizen's CPR only masked (DDMMYY-xxxx),
// except the audited reveal endpoint, which tests call through env directly.
type suite struct {
	env *testkit.Env

	mu   sync.Mutex
	cprs []string // every CPR number (ten digits) this suite has used
}

func newSuite(t *testing.T, dialect string) *suite {
	t.Helper()
	return &suite{env: testkit.Start(t, dialect)}
}

// cpr returns a fresh valid CPR number and remembers it.
func (s *suite) cpr() string { return s.remember(testkit.NextCPR()) }

func (s *suite) remember(cpr string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cprs = append(s.cprs, strings.ReplaceAll(cpr, "-", ""))
	return cpr
}

// do sends a request and checks the response shows no CPR number.
func (s *suite) do(t *testing.T, method, path, token string, body any, headers ...string) testkit.Response {
	t.Helper()
	r := s.env.Do(method, path, token, body, headers...)
	s.noCPR(t, method+" "+path, r.Body)
	return r
}

var maskedCPR = regexp.MustCompile(`^[0-9]{6}-xxxx$`)

// noCPR fails when body contains a CPR number the suite used, in any form:
// whole (with or without dash), or its last four digits in any value that a
// person could read. UUIDs, timestamps and opaque tokens are hex or base64
// and contain digit runs by chance; they are skipped (also inside prose),
// and the whole-number check still covers them.
func (s *suite) noCPR(t *testing.T, what string, body []byte) {
	t.Helper()
	s.mu.Lock()
	cprs := append([]string(nil), s.cprs...)
	s.mu.Unlock()
	raw := string(body)
	for _, c := range cprs {
		if strings.Contains(raw, c) || strings.Contains(raw, c[:6]+"-"+c[6:]) {
			t.Errorf("%s: response contains CPR %s-xxxx unmasked", what, c[:6])
		}
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			if key == "cpr" {
				if !maskedCPR.MatchString(x) {
					t.Errorf("%s: cpr %q is not masked as DDMMYY-xxxx", what, x)
				}
				return
			}
			if opaque(key, x) {
				return
			}
			x = machineText.ReplaceAllString(x, "")
			for _, c := range cprs {
				if strings.Contains(x, c[6:]) {
					t.Errorf("%s: %q = %q contains the last four digits of CPR %s-xxxx", what, key, x, c[:6])
				}
			}
		}
	}
	walk("", v)
}

// machineText matches ids and times inside prose ("No case with id …").
var machineText = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|` +
	`[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})`)

func opaque(key, v string) bool {
	switch key {
	case "next_cursor", "instance", "access_token", "refresh_token", "request_id":
		return true
	}
	if _, err := uuid.Parse(v); err == nil && len(v) == 36 {
		return true
	}
	if _, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return true
	}
	return false
}

// --- seeding ---

// newCase opens a case through the service, registering its CPR.
func (s *suite) newCase(t *testing.T, u testkit.User, team identity.Team, mutate ...func(*cases.NewCase)) cases.Viewed {
	t.Helper()
	return s.env.Case(u, team, append([]func(*cases.NewCase){func(n *cases.NewCase) { s.remember(n.CitizenCPR) }}, mutate...)...)
}

func named(name string) func(*cases.NewCase) {
	return func(n *cases.NewCase) { n.CitizenName = name }
}

func ctxAs(u testkit.User) context.Context { return actor.With(context.Background(), u.Actor()) }

// deactivate switches a user off through the identity service.
func deactivate(t *testing.T, env *testkit.Env, admin testkit.User, u testkit.User) {
	t.Helper()
	off := false
	if _, err := env.App.Identity.UpdateUser(ctxAs(admin), admin.Actor(), u.ID, u.Version, identity.UserChange{Active: &off}); err != nil {
		t.Fatalf("deactivate %s: %v", u.Email, err)
	}
}

// --- assertions ---

// Shared assertions and JSON-path readers live in testkit; fieldErr stays
// local so that tables can write {"field", "message"} literals.
type fieldErr struct{ Field, Message string }

func wantProblem(t *testing.T, r testkit.Response, status int, detail string, fields ...fieldErr) {
	t.Helper()
	fs := make([]testkit.FieldErr, len(fields))
	for i, f := range fields {
		fs[i] = testkit.FieldErr(f)
	}
	testkit.WantProblem(t, r, status, detail, fs...)
}

var (
	wantStatus = testkit.WantStatus
	str        = testkit.Str
	num        = testkit.Num
	list       = testkit.List
	dig        = testkit.Dig
	strs       = testkit.Strs
)

// wantETag asserts that the ETag header is the quoted version in the body.
func wantETag(t *testing.T, r testkit.Response, version int) {
	t.Helper()
	if got, want := r.Header.Get("ETag"), strconv.Quote(strconv.Itoa(version)); got != want {
		t.Errorf("ETag = %q, want %q", got, want)
	}
	if got := num(r.JSON, "version"); got != version {
		t.Errorf("version in body = %d, want %d", got, version)
	}
}

func itemIDs(r testkit.Response) []string {
	var out []string
	for _, it := range list(r.JSON, "items") {
		out = append(out, str(it.(map[string]any), "id"))
	}
	return out
}

func casePath(id any, suffix ...string) string {
	return "/api/v1/cases/" + fmt.Sprint(id) + strings.Join(suffix, "")
}

const (
	get   = http.MethodGet
	post  = http.MethodPost
	patch = http.MethodPatch
)
