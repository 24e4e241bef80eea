package identity_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func refreshCookieOf(t *testing.T, r testkit.Response) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "bic_refresh" {
			return c
		}
	}
	return nil
}

// A browser keeps its refresh token in an HttpOnly cookie that scripts cannot
// read; it rotates and is checked for reuse exactly like a body token.
func TestRefreshTokenInCookie(t *testing.T) {
	env := testkit.Start(t, "postgres")
	u := env.User(actor.RoleCaseworker, env.Team("Nord"))
	r := env.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": u.Email, "password": u.Password, "refresh_cookie": true})
	if r.Status != 200 {
		t.Fatalf("login: %d %s", r.Status, r.Body)
	}
	if _, inBody := r.JSON["refresh_token"]; inBody {
		t.Errorf("refresh token also in the body: %s", r.Body)
	}
	c1 := refreshCookieOf(t, r)
	if c1 == nil || !c1.HttpOnly || c1.SameSite != http.SameSiteStrictMode || c1.Path != "/api/v1/auth" || c1.MaxAge <= 0 {
		t.Fatalf("cookie = %+v", c1)
	}
	refresh := func(cookie string) testkit.Response {
		return env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{}, "Cookie", "bic_refresh="+cookie)
	}
	r2 := refresh(c1.Value)
	c2 := refreshCookieOf(t, r2)
	if r2.Status != 200 || c2 == nil || c2.Value == c1.Value || r2.JSON["access_token"] == nil {
		t.Fatalf("refresh: %d %s cookie %+v", r2.Status, r2.Body, c2)
	}
	t.Run("replaying the spent cookie is refused and clears the cookie", func(t *testing.T) {
		r := refresh(c1.Value)
		if r.Status != 401 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
		if c := refreshCookieOf(t, r); c == nil || c.MaxAge >= 0 {
			t.Errorf("cookie not cleared: %+v", c)
		}
		if r := refresh(c2.Value); r.Status != 401 {
			t.Errorf("descendant survived the reuse: %d", r.Status)
		}
	})
	t.Run("logout by cookie revokes and clears it", func(t *testing.T) {
		l := env.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": u.Email, "password": u.Password, "refresh_cookie": true})
		c := refreshCookieOf(t, l)
		out := env.Do(http.MethodPost, "/api/v1/auth/logout", "", map[string]any{}, "Cookie", "bic_refresh="+c.Value)
		if out.Status != 204 || !strings.Contains(out.Header.Get("Set-Cookie"), "Max-Age=0") {
			t.Fatalf("logout: %d %q", out.Status, out.Header.Get("Set-Cookie"))
		}
		if r := refresh(c.Value); r.Status != 401 {
			t.Errorf("refresh after logout: %d", r.Status)
		}
	})
	t.Run("no token in body or cookie is a validation error", func(t *testing.T) {
		r := env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{})
		if r.Status != 422 {
			t.Fatalf("%d %s", r.Status, r.Body)
		}
	})
}
