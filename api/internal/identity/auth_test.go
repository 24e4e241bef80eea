package identity_test

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func login(t *testing.T, env *testkit.Env, email, pw string) testkit.Response {
	t.Helper()
	return env.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": email, "password": pw})
}

func str(r testkit.Response, k string) string {
	s, _ := r.JSON[k].(string)
	return s
}

func TestLoginAndTokens(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			env := testkit.Start(t, dialect)
			team := env.Team("Nord")
			u := env.User(actor.RoleCaseworker, team)

			t.Run("login returns a bearer pair that expires within 15 minutes", func(t *testing.T) {
				r := login(t, env, u.Email, u.Password)
				if r.Status != 200 || str(r, "token_type") != "Bearer" || str(r, "refresh_token") == "" {
					t.Fatalf("login: %d %s", r.Status, r.Body)
				}
				if exp := r.JSON["expires_in"].(float64); exp <= 0 || exp > 900 {
					t.Errorf("expires_in = %v", exp)
				}
				if r.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("Cache-Control = %q", r.Header.Get("Cache-Control"))
				}
			})
			t.Run("email is matched case-insensitively", func(t *testing.T) {
				if r := login(t, env, strings.ToUpper(u.Email), u.Password); r.Status != 200 {
					t.Fatalf("login: %d %s", r.Status, r.Body)
				}
			})
			t.Run("wrong password and unknown email get the same 401", func(t *testing.T) {
				a := login(t, env, u.Email, "wrong-password-123")
				b := login(t, env, "nobody@bic.example", "wrong-password-123")
				if a.Status != 401 || b.Status != 401 || str(a, "detail") != str(b, "detail") {
					t.Fatalf("wrong password %d %s / unknown email %d %s", a.Status, a.Body, b.Status, b.Body)
				}
				if a.Header.Get("Content-Type") != "application/problem+json" {
					t.Errorf("content type %q", a.Header.Get("Content-Type"))
				}
			})
			t.Run("GET /me answers who is logged in", func(t *testing.T) {
				r := env.Do(http.MethodGet, "/api/v1/me", u.Token, nil)
				if r.Status != 200 || str(r, "email") != u.Email || str(r, "role") != "caseworker" {
					t.Fatalf("me: %d %s", r.Status, r.Body)
				}
			})
			t.Run("refresh rotates, and reusing a spent token ends the whole session family", func(t *testing.T) {
				first := login(t, env, u.Email, u.Password)
				r1 := str(first, "refresh_token")
				second := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": r1})
				if second.Status != 200 {
					t.Fatalf("refresh: %d %s", second.Status, second.Body)
				}
				r2 := str(second, "refresh_token")
				if r2 == r1 || str(second, "access_token") == "" {
					t.Fatal("refresh did not rotate the token")
				}
				// Someone replays the first token: refused, and r2 dies with it.
				if r := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": r1}); r.Status != 401 {
					t.Fatalf("reuse: %d %s", r.Status, r.Body)
				}
				if r := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": r2}); r.Status != 401 {
					t.Fatalf("descendant after reuse: %d %s", r.Status, r.Body)
				}
			})
			t.Run("logout revokes the refresh token and is harmless twice", func(t *testing.T) {
				r := login(t, env, u.Email, u.Password)
				rt := str(r, "refresh_token")
				for i := 0; i < 2; i++ {
					if out := env.Do(http.MethodPost, "/api/v1/auth/logout", "", map[string]any{"refresh_token": rt}); out.Status != 204 {
						t.Fatalf("logout %d: %d %s", i, out.Status, out.Body)
					}
				}
				if out := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": rt}); out.Status != 401 {
					t.Fatalf("refresh after logout: %d %s", out.Status, out.Body)
				}
			})
			t.Run("an unknown refresh token is 401", func(t *testing.T) {
				if r := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": "bicr_nope"}); r.Status != 401 {
					t.Fatalf("%d %s", r.Status, r.Body)
				}
			})
			t.Run("an expired refresh token is 401", func(t *testing.T) {
				r := login(t, env, u.Email, u.Password)
				env.Clock.Advance(13 * time.Hour)
				defer env.Clock.Advance(-13 * time.Hour)
				if out := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": str(r, "refresh_token")}); out.Status != 401 {
					t.Fatalf("%d %s", out.Status, out.Body)
				}
			})
			t.Run("a deactivated user's access token stops working at once", func(t *testing.T) {
				v := env.User(actor.RoleCaseworker, team)
				admin := env.User(actor.RoleAdmin)
				g := env.Do(http.MethodGet, "/api/v1/users/"+v.ID.String(), admin.Token, nil)
				p := env.Do(http.MethodPatch, "/api/v1/users/"+v.ID.String(), admin.Token, map[string]any{"active": false}, "If-Match", g.Header.Get("ETag"))
				if p.Status != 200 {
					t.Fatalf("deactivate: %d %s", p.Status, p.Body)
				}
				if r := env.Do(http.MethodGet, "/api/v1/me", v.Token, nil); r.Status != 401 {
					t.Fatalf("me after deactivation: %d %s", r.Status, r.Body)
				}
				if r := login(t, env, v.Email, v.Password); r.Status != 401 {
					t.Fatalf("login after deactivation: %d %s", r.Status, r.Body)
				}
			})
		})
	}
}

// forged builds tokens that must all be refused with 401.
func TestForgedAndExpiredTokens(t *testing.T) {
	env := testkit.Start(t, "postgres")
	team := env.Team("Nord")
	u := env.User(actor.RoleCaseworker, team)
	key := env.App.Config.JWTSecret
	now := time.Now()
	claims := func(exp time.Time) identity.AccessClaims {
		return identity.AccessClaims{RegisteredClaims: jwt.RegisteredClaims{
			Issuer: "bic", Subject: u.ID.String(), Audience: jwt.ClaimStrings{"bic-api"},
			IssuedAt: jwt.NewNumericDate(now.Add(-time.Minute)), ExpiresAt: jwt.NewNumericDate(exp)}, Role: "caseworker"}
	}
	sign := func(m jwt.SigningMethod, k any, c identity.AccessClaims) string {
		s, err := jwt.NewWithClaims(m, c).SignedString(k)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	valid := sign(jwt.SigningMethodHS256, key, claims(now.Add(5*time.Minute)))
	parts := strings.Split(valid, ".")
	noneHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	noExp := claims(time.Time{})
	noExp.ExpiresAt = nil
	tests := []struct {
		name  string
		token string
		want  int
	}{
		{"a correctly signed token works", valid, 200},
		{"wrong signature", sign(jwt.SigningMethodHS256, []byte("another-key-another-key-another-key!"), claims(now.Add(5*time.Minute))), 401},
		{"alg none", noneHeader + "." + parts[1] + ".", 401},
		{"another HMAC algorithm with the right key", sign(jwt.SigningMethodHS512, key, claims(now.Add(5*time.Minute))), 401},
		{"past expiry", sign(jwt.SigningMethodHS256, key, claims(now.Add(-time.Minute))), 401},
		{"no expiry at all", sign(jwt.SigningMethodHS256, key, noExp), 401},
		{"tampered payload", parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"`+uuid.NewString()+`","iss":"bic","aud":["bic-api"],"exp":9999999999}`)) + "." + parts[2], 401},
		{"garbage", "not-a-jwt", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := env.Do(http.MethodGet, "/api/v1/me", tt.token, nil)
			if r.Status != tt.want {
				t.Fatalf("status = %d, want %d: %s", r.Status, tt.want, r.Body)
			}
			if tt.want == 401 && !strings.Contains(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("WWW-Authenticate = %q", r.Header.Get("WWW-Authenticate"))
			}
		})
	}
	t.Run("no Authorization header", func(t *testing.T) {
		if r := env.Do(http.MethodGet, "/api/v1/me", "", nil); r.Status != 401 {
			t.Fatalf("%d", r.Status)
		}
	})
	t.Run("an access token expires after its lifetime", func(t *testing.T) {
		env.Clock.Advance(16 * time.Minute)
		defer env.Clock.Advance(-16 * time.Minute)
		if r := env.Do(http.MethodGet, "/api/v1/me", valid, nil); r.Status != 401 {
			t.Fatalf("%d", r.Status)
		}
	})
}

var tightThrottle = identity.ThrottlePolicy{
	Window: 15 * time.Minute, AccountSlowAfter: 3, AccountLockAfter: 5,
	AddressSlowAfter: 50, AddressLockAfter: 100, LockFor: 15 * time.Minute, MaxSlowdown: time.Minute,
}

func TestFailedLoginsAreSlowedThenRefused(t *testing.T) {
	env := testkit.Start(t, "postgres", testkit.WithThrottle(tightThrottle))
	team := env.Team("Nord")
	u := env.User(actor.RoleCaseworker, team)
	bad := func() testkit.Response { return login(t, env, u.Email, "wrong-password-123") }

	for i := 1; i <= 2; i++ {
		if r := bad(); r.Status != 401 {
			t.Fatalf("failure %d: %d %s", i, r.Status, r.Body)
		}
	}
	// The third failure starts the slowdown: the next try within a second
	// is refused with Retry-After, even with the right password.
	if r := bad(); r.Status != 401 {
		t.Fatalf("failure 3: %d", r.Status)
	}
	r := login(t, env, u.Email, u.Password)
	if r.Status != 429 || r.Header.Get("Retry-After") == "" {
		t.Fatalf("during slowdown: %d %s (Retry-After %q)", r.Status, r.Body, r.Header.Get("Retry-After"))
	}
	env.Clock.Advance(2 * time.Second)
	bad() // 4
	env.Clock.Advance(3 * time.Second)
	bad() // 5: locked for 15 minutes
	env.Clock.Advance(3 * time.Second)
	r = login(t, env, u.Email, u.Password)
	if r.Status != 429 {
		t.Fatalf("locked account accepted a login: %d", r.Status)
	}
	if ra, _ := strconv.Atoi(r.Header.Get("Retry-After")); ra < 60 || ra > 15*60 {
		t.Errorf("Retry-After = %q, want up to 15 minutes", r.Header.Get("Retry-After"))
	}
	env.Clock.Advance(16 * time.Minute)
	if r := login(t, env, u.Email, u.Password); r.Status != 200 {
		t.Fatalf("after the lock: %d %s", r.Status, r.Body)
	}
	t.Run("a success clears the account's count", func(t *testing.T) {
		for i := 0; i < 2; i++ {
			bad()
		}
		if r := login(t, env, u.Email, u.Password); r.Status != 200 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
	})
}

// Two replicas on one database share the failure count: the lock is in
// PostgreSQL, not in either process.
func TestLockoutHoldsAcrossReplicas(t *testing.T) {
	a := testkit.Start(t, "postgres", testkit.WithThrottle(tightThrottle))
	shared := func(c *config.Config) {
		c.DatabaseURL = a.App.Config.DatabaseURL
		c.JWTSecret = a.App.Config.JWTSecret
		c.EncryptionKey = a.App.Config.EncryptionKey
	}
	b := testkit.Start(t, "postgres", testkit.WithThrottle(tightThrottle), testkit.WithConfig(shared))
	team := a.Team("Nord")
	u := a.User(actor.RoleCaseworker, team)
	for i := 0; i < 5; i++ {
		// Both clocks move together, past any slowdown; only the count matters.
		a.Clock.Advance(2 * time.Minute)
		b.Clock.Advance(2 * time.Minute)
		env := a
		if i%2 == 1 {
			env = b
		}
		if r := login(t, env, u.Email, "wrong-password-123"); r.Status != 401 {
			t.Fatalf("failure %d: %d %s", i+1, r.Status, r.Body)
		}
	}
	for name, env := range map[string]*testkit.Env{"replica a": a, "replica b": b} {
		if r := login(t, env, u.Email, u.Password); r.Status != 429 {
			t.Errorf("%s let a locked account in: %d", name, r.Status)
		}
	}
}
