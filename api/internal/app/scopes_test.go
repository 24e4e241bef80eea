package app_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/server"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const msgGate = "This endpoint cannot be called with a personal or service token; log in instead. Tokens reach only the endpoints that name a scope."

var echoParam = regexp.MustCompile(`:[a-z_]+`)

// TestTokensReachOnlyScopedRoutes walks every authenticated /api/v1 route the
// server has: a service token holding every scope, and an analyst's personal
// token, get the gate's 403 on every route the scope table does not list,
// and pass the gate on those it does. A new endpoint is therefore closed to
// tokens until someone adds it to server/scopes.go on purpose.
func TestTokensReachOnlyScopedRoutes(t *testing.T) {
	env := testkit.Start(t, "postgres")
	ctx := context.Background()
	nord := env.Team("Nord")
	admin := env.User(actor.RoleAdmin)
	analyst := env.User(actor.RoleAnalyst, nord)
	sa, err := env.App.Identity.CreateServiceAccount(ctx, admin.Actor(), identity.NewServiceAccount{
		Name: "Alle scopes", Scopes: actor.Scopes, AllTeams: true})
	if err != nil {
		t.Fatal(err)
	}
	cr, err := env.App.Identity.CreateCredential(ctx, admin.Actor(), sa.ID, identity.NewCredential{})
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {cr.ID.String()}, "client_secret": {cr.Secret}}
	r := env.Send(testkit.Req{Method: "POST", Path: "/api/v1/auth/token", RawBody: form.Encode(),
		Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}})
	testkit.WantStatus(t, r, http.StatusOK)
	serviceToken := testkit.Str(r.JSON, "access_token")
	pt, err := env.App.Identity.CreatePersonalToken(ctx, analyst.Actor(), identity.NewPersonalToken{
		Name: "Alle ruter", Scopes: []actor.Scope{actor.ScopeExportsRead}})
	if err != nil {
		t.Fatal(err)
	}
	tokens := map[string]string{"service token": serviceToken, "personal token": pt.Token}

	scoped := server.ScopedRoutes()
	checked := 0
	for _, rt := range env.App.Echo.Routes() {
		if !strings.HasPrefix(rt.Path, "/api/v1/") || rt.Method == echo.RouteNotFound {
			continue
		}
		p := echoParam.ReplaceAllStringFunc(rt.Path, func(string) string { return uuid.NewString() })
		// Only routes behind authentication: anonymous callers get the 401.
		if anon := env.Send(testkit.Req{Method: rt.Method, Path: p}); anon.Status != http.StatusUnauthorized ||
			testkit.Str(anon.JSON, "detail") != msgNoToken {
			continue
		}
		key := rt.Method + " " + rt.Path
		need, listed := scoped[key]
		for kind, tok := range tokens {
			t.Run(kind+" on "+key, func(t *testing.T) {
				got := env.Send(testkit.Req{Method: rt.Method, Path: p, Token: tok})
				gated := got.Status == http.StatusForbidden && testkit.Str(got.JSON, "detail") == msgGate
				switch {
				case !listed && !gated:
					t.Errorf("a %s reached %s, which the scope table does not list: %d %s", kind, key, got.Status, got.Body)
				case listed && gated:
					t.Errorf("the gate refused a %s on %s, which the table opens (scope %q)", kind, key, need)
				}
			})
		}
		checked++
	}
	if checked < 40 {
		t.Errorf("checked only %d authenticated routes", checked)
	}
	for key := range scoped {
		method, route, _ := strings.Cut(key, " ")
		found := false
		for _, rt := range env.App.Echo.Routes() {
			found = found || (rt.Method == method && rt.Path == route)
		}
		if !found && !strings.HasPrefix(route, "/api/v1/exports") {
			t.Errorf("the scope table lists %s, which the server does not have", key)
		}
	}
}
