package identity_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const msgNoTokenRole = "Your role cannot create personal tokens."

func createToken(t *testing.T, env *testkit.Env, u testkit.User, body map[string]any) testkit.Response {
	t.Helper()
	return env.Do(http.MethodPost, "/api/v1/me/tokens", u.Token, body)
}

// personalToken creates an exports:read token for an analyst: its id and value.
func personalToken(t *testing.T, env *testkit.Env, u testkit.User, extra ...any) (id, token string) {
	t.Helper()
	body := map[string]any{"name": "Script", "scopes": []string{"exports:read"}}
	for i := 0; i+1 < len(extra); i += 2 {
		body[extra[i].(string)] = extra[i+1]
	}
	r := createToken(t, env, u, body)
	testkit.WantStatus(t, r, http.StatusCreated)
	return testkit.Str(r.JSON, "id"), testkit.Str(r.JSON, "token")
}

func lastUsed(t *testing.T, env *testkit.Env, id string) *time.Time {
	t.Helper()
	var row struct {
		LastUsedAt *time.Time `gorm:"column:last_used_at"`
	}
	if err := env.App.DB.Conn(context.Background()).Raw("SELECT last_used_at FROM personal_tokens WHERE id = ?", id).Scan(&row).Error; err != nil {
		t.Fatal(err)
	}
	return row.LastUsedAt
}

func TestPersonalTokens(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			env := testkit.Start(t, dialect)
			nord := env.Team("Nord")
			analyst := env.User(actor.RoleAnalyst, nord)

			r := createToken(t, env, analyst, map[string]any{"name": "Månedsrapport", "scopes": []string{"exports:read"}})
			testkit.WantStatus(t, r, http.StatusCreated)
			id, tok := testkit.Str(r.JSON, "id"), testkit.Str(r.JSON, "token")

			t.Run("the token is a bicp_ secret that expires in 90 days by default", func(t *testing.T) {
				if !strings.HasPrefix(tok, "bicp_") || len(tok) != len("bicp_")+43 {
					t.Errorf("token %q is not bicp_ + 256 bits base64url", tok)
				}
				created, _ := time.Parse(time.RFC3339, testkit.Str(r.JSON, "created_at"))
				expires, _ := time.Parse(time.RFC3339, testkit.Str(r.JSON, "expires_at"))
				if d := expires.Sub(created); d != 90*24*time.Hour {
					t.Errorf("lifetime %v, want 90 days", d)
				}
				if r.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("Cache-Control = %q", r.Header.Get("Cache-Control"))
				}
			})
			t.Run("the list never shows the token, only that it exists", func(t *testing.T) {
				l := env.Do(http.MethodGet, "/api/v1/me/tokens", analyst.Token, nil)
				testkit.WantStatus(t, l, http.StatusOK)
				if strings.Contains(string(l.Body), tok) || strings.Contains(string(l.Body), sha256Hex(tok)) {
					t.Errorf("the list shows the token: %s", l.Body)
				}
				if testkit.Str(l.JSON, "items[0].id") != id || testkit.Str(l.JSON, "items[0].name") != "Månedsrapport" {
					t.Errorf("list: %s", l.Body)
				}
			})
			t.Run("it is stored only as a hash", func(t *testing.T) {
				var hash string
				env.App.DB.Conn(context.Background()).Raw("SELECT token_hash FROM personal_tokens WHERE id = ?", id).Scan(&hash)
				if hash != sha256Hex(tok) {
					t.Errorf("stored %q, want the SHA-256 of the token", hash)
				}
			})
			t.Run("it authenticates as its owner", func(t *testing.T) {
				me := env.Do(http.MethodGet, "/api/v1/me", tok, nil)
				if me.Status != 200 || testkit.Str(me.JSON, "id") != analyst.ID.String() {
					t.Fatalf("me: %d %s", me.Status, me.Body)
				}
			})
			t.Run("it reaches only the routes its scopes name", func(t *testing.T) {
				testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusForbidden,
					"This token lacks the scope cases:read, which this endpoint needs.")
				for _, p := range []string{"/api/v1/users", "/api/v1/teams", "/api/v1/me/tokens", "/api/v1/settings"} {
					testkit.WantProblem(t, env.Do(http.MethodGet, p, tok, nil), http.StatusForbidden, msgNotForTokens)
				}
			})
			t.Run("a token cannot make or revoke tokens", func(t *testing.T) {
				testkit.WantProblem(t, createToken(t, env, testkit.User{Token: tok}, map[string]any{"name": "x", "scopes": []string{"exports:read"}}),
					http.StatusForbidden, msgNotForTokens)
				testkit.WantProblem(t, env.Do(http.MethodDelete, "/api/v1/me/tokens/"+id, tok, nil), http.StatusForbidden, msgNotForTokens)
			})
			t.Run("last use is recorded at most once a minute", func(t *testing.T) {
				first := lastUsed(t, env, id)
				if first == nil {
					t.Fatal("last_used_at not set after use")
				}
				env.Clock.Advance(10 * time.Second)
				testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/me", tok, nil), http.StatusOK)
				if again := lastUsed(t, env, id); !again.Equal(*first) {
					t.Errorf("last_used_at moved within a minute: %v → %v", first, again)
				}
				env.Clock.Advance(2 * time.Minute)
				testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/me", tok, nil), http.StatusOK)
				if later := lastUsed(t, env, id); !later.After(*first) {
					t.Errorf("last_used_at not moved after two minutes: %v → %v", first, later)
				}
			})
			t.Run("a revoked token is refused at once; revoking twice is harmless", func(t *testing.T) {
				rid, rtok := personalToken(t, env, analyst)
				testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/me", rtok, nil), http.StatusOK)
				for i := 0; i < 2; i++ {
					testkit.WantStatus(t, env.Do(http.MethodDelete, "/api/v1/me/tokens/"+rid, analyst.Token, nil), http.StatusNoContent)
				}
				testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/me", rtok, nil), http.StatusUnauthorized, msgTokenInvalid)
			})
			t.Run("an expired token is refused", func(t *testing.T) {
				_, etok := personalToken(t, env, analyst, "expires_in_days", 1)
				env.Clock.Advance(25 * time.Hour)
				defer env.Clock.Advance(-25 * time.Hour)
				testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/me", etok, nil), http.StatusUnauthorized, msgTokenInvalid)
			})
			t.Run("a made-up bicp_ token is refused", func(t *testing.T) {
				testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/me", "bicp_"+strings.Repeat("A", 43), nil), http.StatusUnauthorized, msgTokenInvalid)
			})
			t.Run("creation and revocation are audited", func(t *testing.T) {
				var n int64
				env.App.DB.Conn(context.Background()).Raw("SELECT COUNT(*) FROM audit_events WHERE actor_id = ? AND action IN ('personal_token.create', 'personal_token.revoke')",
					analyst.ID).Scan(&n)
				if n < 4 {
					t.Errorf("audited token events = %d, want at least 4", n)
				}
			})
		})
	}
}

func TestOnlyAnalystsCreatePersonalTokens(t *testing.T) {
	env := testkit.Start(t, "postgres")
	nord := env.Team("Nord")
	for _, u := range []testkit.User{env.User(actor.RoleAdmin), env.User(actor.RoleLeader, nord), env.User(actor.RoleCaseworker, nord)} {
		t.Run(string(u.Role)+" gets 403", func(t *testing.T) {
			r := createToken(t, env, u, map[string]any{"name": "Mit script", "scopes": []string{"cases:read"}})
			testkit.WantProblem(t, r, http.StatusForbidden, msgNoTokenRole)
			l := env.Do(http.MethodGet, "/api/v1/me/tokens", u.Token, nil)
			if l.Status != 200 || len(testkit.List(l.JSON, "items")) != 0 {
				t.Errorf("list: %d %s", l.Status, l.Body)
			}
		})
	}
	analyst := env.User(actor.RoleAnalyst, nord)
	invalid := []struct {
		name   string
		body   map[string]any
		fields []testkit.FieldErr
	}{
		{"a scope beyond the analyst's rights", map[string]any{"name": "x", "scopes": []string{"cases:read"}},
			[]testkit.FieldErr{{Field: "scopes[0]", Message: "is not allowed for your role"}}},
		{"no name, no scopes, too long a life", map[string]any{"name": "", "scopes": []string{}, "expires_in_days": 366},
			[]testkit.FieldErr{{Field: "expires_in_days", Message: "must be a whole number from 1 to 365"}, {Field: "name", Message: "is required"},
				{Field: "scopes", Message: "name at least one scope"}}},
		{"an unknown scope", map[string]any{"name": "x", "scopes": []string{"everything"}},
			[]testkit.FieldErr{{Field: "scopes[0]", Message: "must be one of exports:read, exports:identifiable, cases:read, audit:read"}}},
	}
	for _, tc := range invalid {
		t.Run("422: "+tc.name, func(t *testing.T) {
			testkit.WantProblem(t, createToken(t, env, analyst, tc.body), http.StatusUnprocessableEntity, "The request has invalid fields.", tc.fields...)
		})
	}
	t.Run("another user's token is 404 to revoke, and stays usable", func(t *testing.T) {
		other := env.User(actor.RoleAnalyst, nord)
		id, tok := personalToken(t, env, other)
		r := env.Do(http.MethodDelete, "/api/v1/me/tokens/"+id, analyst.Token, nil)
		testkit.WantProblem(t, r, http.StatusNotFound, fmt.Sprintf("No personal token with id %s.", id))
		testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/me", tok, nil), http.StatusOK)
	})
	t.Run("a deactivated user's tokens are refused at once and revoked", func(t *testing.T) {
		leaver := env.User(actor.RoleAnalyst, nord)
		id, tok := personalToken(t, env, leaver)
		admin := env.User(actor.RoleAdmin)
		p := env.Do(http.MethodPatch, "/api/v1/users/"+leaver.ID.String(), admin.Token, map[string]any{"active": false}, "If-Match", `"1"`)
		testkit.WantStatus(t, p, http.StatusOK)
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/me", tok, nil), http.StatusUnauthorized, msgTokenInvalid)
		var revoked *time.Time
		env.App.DB.Conn(context.Background()).Raw("SELECT revoked_at FROM personal_tokens WHERE id = ?", id).Scan(&revoked)
		if revoked == nil {
			t.Error("the deactivated user's token was not revoked")
		}
	})
	t.Run("a token whose owner is no longer an analyst loses its scope", func(t *testing.T) {
		mover := env.User(actor.RoleAnalyst, nord)
		_, tok := personalToken(t, env, mover)
		admin := env.User(actor.RoleAdmin)
		p := env.Do(http.MethodPatch, "/api/v1/users/"+mover.ID.String(), admin.Token, map[string]any{"role": "caseworker"}, "If-Match", `"1"`)
		testkit.WantStatus(t, p, http.StatusOK)
		// GET /me takes any token; GET /cases needs cases:read, which the
		// token never had, and a caseworker's token gets no exports:read.
		testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/me", tok, nil), http.StatusOK)
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusForbidden,
			"This token lacks the scope cases:read, which this endpoint needs.")
		if hasRoute(env, http.MethodGet, "/api/v1/exports") {
			testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/exports", tok, nil), http.StatusForbidden,
				"This token lacks the scope exports:read, which this endpoint needs.")
		}
	})
}

func hasRoute(env *testkit.Env, method, path string) bool {
	for _, r := range env.App.Echo.Routes() {
		if r.Method == method && r.Path == path {
			return true
		}
	}
	return false
}
