package identity_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	msgBadClient    = "Client authentication failed."
	msgAccountsOnly = "Only administrators can manage service accounts."
	msgNotForTokens = "This endpoint cannot be called with a personal or service token; log in instead. Tokens reach only the endpoints that name a scope."
	msgTokenInvalid = "The access token is not valid or has expired."
)

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// integration is a service account with one credential, made over HTTP by
// an administrator.
type integration struct {
	ID       string
	ETag     string
	ClientID string
	Secret   string
}

func newIntegration(t *testing.T, env *testkit.Env, admin testkit.User, body map[string]any) integration {
	t.Helper()
	r := env.Do(http.MethodPost, "/api/v1/service-accounts", admin.Token, body)
	testkit.WantStatus(t, r, http.StatusCreated)
	in := integration{ID: testkit.Str(r.JSON, "id"), ETag: r.Header.Get("ETag")}
	c := env.Do(http.MethodPost, "/api/v1/service-accounts/"+in.ID+"/credentials", admin.Token, map[string]any{"label": "test"})
	testkit.WantStatus(t, c, http.StatusCreated)
	in.ClientID, in.Secret = testkit.Str(c.JSON, "client_id"), testkit.Str(c.JSON, "client_secret")
	return in
}

// tokenRequest is one call of the token endpoint.
type tokenRequest struct {
	form        url.Values
	json        map[string]any
	basic       *[2]string // client_id, secret
	contentType string
}

func requestToken(env *testkit.Env, tr tokenRequest) testkit.Response {
	req := testkit.Req{Method: http.MethodPost, Path: "/api/v1/auth/token", Headers: map[string]string{}}
	switch {
	case tr.json != nil:
		req.Body = tr.json
	default:
		req.RawBody = tr.form.Encode()
		req.Headers["Content-Type"] = "application/x-www-form-urlencoded"
	}
	if tr.contentType != "" {
		req.Headers["Content-Type"] = tr.contentType
	}
	if tr.basic != nil {
		cred := url.QueryEscape(tr.basic[0]) + ":" + url.QueryEscape(tr.basic[1])
		req.Headers["Authorization"] = "Basic " + base64.StdEncoding.EncodeToString([]byte(cred))
	}
	return env.Send(req)
}

func clientForm(in integration, extra ...string) url.Values {
	v := url.Values{"grant_type": {"client_credentials"}, "client_id": {in.ClientID}, "client_secret": {in.Secret}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v
}

// serviceToken gets a token for the integration, or fails the test.
func serviceToken(t *testing.T, env *testkit.Env, in integration, extra ...string) string {
	t.Helper()
	r := requestToken(env, tokenRequest{form: clientForm(in, extra...)})
	testkit.WantStatus(t, r, http.StatusOK)
	return testkit.Str(r.JSON, "access_token")
}

// wantOAuthError checks a token-endpoint failure: status, problem detail and
// the OAuth error member beside it.
func wantOAuthError(t *testing.T, r testkit.Response, status int, oauth, detail string) {
	t.Helper()
	testkit.WantProblem(t, r, status, detail)
	if got := testkit.Str(r.JSON, "error"); got != oauth {
		t.Errorf("error = %q, want %q", got, oauth)
	}
	if oauth != "" && testkit.Str(r.JSON, "error_description") != detail {
		t.Errorf("error_description = %q, want the detail", testkit.Str(r.JSON, "error_description"))
	}
}

func caseIDs(r testkit.Response) map[string]bool {
	out := map[string]bool{}
	for _, it := range testkit.List(r.JSON, "items") {
		m, _ := it.(map[string]any)
		out[testkit.Str(m, "id")] = true
	}
	return out
}

func TestClientCredentials(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			env := testkit.Start(t, dialect)
			nord, syd := env.Team("Nord"), env.Team("Syd")
			admin := env.User(actor.RoleAdmin)
			cwNord, cwSyd := env.User(actor.RoleCaseworker, nord), env.User(actor.RoleCaseworker, syd)
			caseNord, caseSyd := env.Case(cwNord, nord), env.Case(cwSyd, syd)
			in := newIntegration(t, env, admin, map[string]any{"name": "Datavarehus", "scopes": []string{"cases:read"},
				"team_ids": []string{nord.ID.String()}})

			t.Run("the form-encoded grant returns a short-lived bearer token", func(t *testing.T) {
				r := requestToken(env, tokenRequest{form: clientForm(in)})
				testkit.WantStatus(t, r, http.StatusOK)
				if testkit.Str(r.JSON, "token_type") != "Bearer" || testkit.Str(r.JSON, "scope") != "cases:read" {
					t.Errorf("token response %s", r.Body)
				}
				if exp := testkit.Num(r.JSON, "expires_in"); exp < 1 || exp > 900 {
					t.Errorf("expires_in = %d", exp)
				}
				if r.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("Cache-Control = %q", r.Header.Get("Cache-Control"))
				}
				if strings.Contains(string(r.Body), in.Secret) {
					t.Error("the token response repeats the client secret")
				}
			})
			t.Run("HTTP Basic client authentication works too", func(t *testing.T) {
				r := requestToken(env, tokenRequest{form: url.Values{"grant_type": {"client_credentials"}}, basic: &[2]string{in.ClientID, in.Secret}})
				testkit.WantStatus(t, r, http.StatusOK)
			})
			t.Run("a JSON body works too", func(t *testing.T) {
				r := requestToken(env, tokenRequest{json: map[string]any{"grant_type": "client_credentials", "client_id": in.ClientID, "client_secret": in.Secret}})
				testkit.WantStatus(t, r, http.StatusOK)
			})

			failures := []struct {
				name   string
				req    tokenRequest
				status int
				oauth  string
				detail string
			}{
				{"a wrong secret is invalid_client", tokenRequest{form: clientForm(in, "client_secret", "bics_wrong")},
					401, "invalid_client", msgBadClient},
				{"a wrong secret over Basic is invalid_client", tokenRequest{form: url.Values{"grant_type": {"client_credentials"}}, basic: &[2]string{in.ClientID, "bics_wrong"}},
					401, "invalid_client", msgBadClient},
				{"an unknown client looks the same as a wrong secret", tokenRequest{form: clientForm(integration{ClientID: caseNord.ID.String(), Secret: in.Secret})},
					401, "invalid_client", msgBadClient},
				{"a client_id that is not a UUID is invalid_client", tokenRequest{form: clientForm(integration{ClientID: "nope", Secret: in.Secret})},
					401, "invalid_client", msgBadClient},
				{"no client authentication at all is invalid_client", tokenRequest{form: url.Values{"grant_type": {"client_credentials"}}},
					401, "invalid_client", msgBadClient},
				{"another grant type is unsupported_grant_type", tokenRequest{form: clientForm(in, "grant_type", "password")},
					400, "unsupported_grant_type", "Only the client_credentials grant is supported."},
				{"a missing grant_type is invalid_request", tokenRequest{form: url.Values{"client_id": {in.ClientID}, "client_secret": {in.Secret}}},
					400, "invalid_request", "grant_type is required; use client_credentials."},
				{"a scope the account lacks is invalid_scope", tokenRequest{form: clientForm(in, "scope", "cases:read exports:read")},
					400, "invalid_scope", `The scope "exports:read" is not granted to this client. Ask for a subset of: cases:read.`},
				{"Basic and a secret in the body together are invalid_request", tokenRequest{form: clientForm(in), basic: &[2]string{in.ClientID, in.Secret}},
					400, "invalid_request", "Authenticate the client one way: HTTP Basic or client_id and client_secret in the body, not both."},
				{"a repeated parameter is invalid_request", tokenRequest{form: url.Values{"grant_type": {"client_credentials", "client_credentials"}, "client_id": {in.ClientID}, "client_secret": {in.Secret}}},
					400, "invalid_request", "The parameter grant_type is given more than once."},
				{"a body that is neither form nor JSON is 415", tokenRequest{form: clientForm(in), contentType: "text/plain"},
					415, "invalid_request", "Send the token request as application/x-www-form-urlencoded (or application/json)."},
			}
			for _, tc := range failures {
				t.Run(tc.name, func(t *testing.T) {
					r := requestToken(env, tc.req)
					wantOAuthError(t, r, tc.status, tc.oauth, tc.detail)
					if tc.status == 401 {
						want := "Bearer"
						if tc.req.basic != nil {
							want = "Basic"
						}
						if !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), want) {
							t.Errorf("WWW-Authenticate = %q, want %s", r.Header.Get("WWW-Authenticate"), want)
						}
					}
				})
			}

			tok := serviceToken(t, env, in)
			t.Run("a cases:read token lists only its teams' cases", func(t *testing.T) {
				r := env.Do(http.MethodGet, "/api/v1/cases", tok, nil)
				testkit.WantStatus(t, r, http.StatusOK)
				if ids := caseIDs(r); len(ids) != 1 || !ids[caseNord.ID.String()] {
					t.Errorf("listed %v, want Nord's case only", ids)
				}
				if strings.Contains(string(r.Body), "Syd") {
					t.Errorf("the list shows team Syd: %s", r.Body)
				}
			})
			t.Run("a cases:read token reads its teams' case, and another team's is 404", func(t *testing.T) {
				testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/cases/"+caseNord.ID.String(), tok, nil), http.StatusOK)
				r := env.Do(http.MethodGet, "/api/v1/cases/"+caseSyd.ID.String(), tok, nil)
				testkit.WantProblem(t, r, http.StatusNotFound, fmt.Sprintf("No case with id %s.", caseSyd.ID))
			})
			writes := []testkit.Req{
				{Method: "POST", Path: "/api/v1/cases", Body: map[string]any{"team_id": nord.ID, "citizen": map[string]any{"name": "Ny Borger", "cpr": testkit.NextCPR()},
					"legal_basis": "sel_85", "target_group": "autism"}},
				{Method: "PATCH", Path: "/api/v1/cases/" + caseNord.ID.String(), Body: map[string]any{"legal_basis": "sel_107"}, Headers: map[string]string{"If-Match": `"1"`}},
				{Method: "POST", Path: "/api/v1/cases/" + caseNord.ID.String() + "/close", Body: map[string]any{"reason": "moved"}, Headers: map[string]string{"If-Match": `"1"`}},
				{Method: "GET", Path: "/api/v1/cases/" + caseNord.ID.String() + "/cpr"},
				{Method: "GET", Path: "/api/v1/cases/" + caseNord.ID.String() + "/goals"},
				{Method: "GET", Path: "/api/v1/users"},
				{Method: "GET", Path: "/api/v1/audit"},
				{Method: "GET", Path: "/api/v1/service-accounts"},
				{Method: "GET", Path: "/api/v1/me/tokens"},
			}
			for _, req := range writes {
				t.Run("a service token gets 403 on "+req.Method+" "+req.Path, func(t *testing.T) {
					req.Token = tok
					testkit.WantProblem(t, env.Send(req), http.StatusForbidden, msgNotForTokens)
				})
			}
			t.Run("GET /me is open to any token but a service account is no user", func(t *testing.T) {
				r := env.Do(http.MethodGet, "/api/v1/me", tok, nil)
				testkit.WantProblem(t, r, http.StatusForbidden, "A service account is not a staff user and has no /me.")
			})
			t.Run("nothing was written through the token", func(t *testing.T) {
				v, err := env.App.Cases.Get(context.Background(), cwNord.Actor(), caseNord.ID)
				if err != nil || v.Version != 1 {
					t.Fatalf("Nord's case: version %d, err %v", v.Version, err)
				}
			})

			t.Run("the secret is shown once and stored only as a hash", func(t *testing.T) {
				for _, path := range []string{"/api/v1/service-accounts/" + in.ID + "/credentials", "/api/v1/service-accounts/" + in.ID, "/api/v1/service-accounts"} {
					r := env.Do(http.MethodGet, path, admin.Token, nil)
					testkit.WantStatus(t, r, http.StatusOK)
					if strings.Contains(string(r.Body), in.Secret) || strings.Contains(string(r.Body), sha256Hex(in.Secret)) {
						t.Errorf("GET %s shows the secret or its hash: %s", path, r.Body)
					}
				}
				var row struct {
					SecretHash string `gorm:"column:secret_hash"`
					Label      string `gorm:"column:label"`
				}
				if err := env.App.DB.Conn(context.Background()).Raw("SELECT secret_hash, label FROM service_account_credentials WHERE id = ?", in.ClientID).Scan(&row).Error; err != nil {
					t.Fatal(err)
				}
				if row.SecretHash != sha256Hex(in.Secret) || strings.Contains(row.SecretHash, in.Secret) {
					t.Errorf("stored %q, want the SHA-256 of the secret", row.SecretHash)
				}
				if !strings.HasPrefix(in.Secret, "bics_") || len(in.Secret) < 40 {
					t.Errorf("secret %q is not a bics_ secret of 256 bits", in.Secret)
				}
			})
			t.Run("the credential list says when it was last used", func(t *testing.T) {
				r := env.Do(http.MethodGet, "/api/v1/service-accounts/"+in.ID+"/credentials", admin.Token, nil)
				items := testkit.List(r.JSON, "items")
				if len(items) != 1 || testkit.Str(items[0].(map[string]any), "last_used_at") == "" || testkit.Str(items[0].(map[string]any), "client_id") != in.ClientID {
					t.Errorf("credentials: %s", r.Body)
				}
			})
			t.Run("issuance, failure and use are audited under the credential", func(t *testing.T) {
				r := env.Do(http.MethodGet, "/api/v1/audit?limit=200&credential_id="+in.ClientID, admin.Token, nil)
				testkit.WantStatus(t, r, http.StatusOK)
				seen := map[string]bool{}
				for _, it := range testkit.List(r.JSON, "items") {
					m := it.(map[string]any)
					if testkit.Str(m, "credential_id") != in.ClientID {
						t.Errorf("event without the credential: %v", m)
					}
					if testkit.Str(m, "actor_id") != in.ID || testkit.Str(m, "actor_role") != "integration" {
						t.Errorf("event not by the service account: %v", m)
					}
					seen[testkit.Str(m, "action")+"/"+testkit.Str(m, "outcome")] = true
				}
				for _, want := range []string{"auth.client_credentials/success", "auth.client_credentials/failure", "case.list/success", "case.read/success"} {
					if !seen[want] {
						t.Errorf("no %s event under the credential; saw %v", want, seen)
					}
				}
			})
			t.Run("a failed attempt with an unknown client is audited with the client_id tried", func(t *testing.T) {
				var n int64
				err := env.App.DB.Conn(context.Background()).Raw("SELECT COUNT(*) FROM audit_events WHERE action = 'auth.client_credentials' AND outcome = 'failure' AND subject = ? AND credential_id IS NULL",
					caseNord.ID.String()).Scan(&n).Error
				if err != nil || n != 1 {
					t.Errorf("failure rows for the unknown client = %d (err %v), want 1", n, err)
				}
			})
		})
	}
}

func TestServiceTokensLoseAccessAtOnce(t *testing.T) {
	env := testkit.Start(t, "postgres")
	nord := env.Team("Nord")
	admin := env.User(actor.RoleAdmin)
	cw := env.User(actor.RoleCaseworker, nord)
	env.Case(cw, nord)
	body := func(name string) map[string]any {
		return map[string]any{"name": name, "scopes": []string{"cases:read", "exports:read"}, "team_ids": []string{nord.ID.String()}}
	}

	t.Run("a revoked credential's token is refused at once", func(t *testing.T) {
		in := newIntegration(t, env, admin, body("Revoked"))
		tok := serviceToken(t, env, in)
		testkit.WantStatus(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusOK)
		r := env.Do(http.MethodDelete, "/api/v1/service-accounts/"+in.ID+"/credentials/"+in.ClientID, admin.Token, nil)
		testkit.WantStatus(t, r, http.StatusNoContent)
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusUnauthorized, msgTokenInvalid)
		wantOAuthError(t, requestToken(env, tokenRequest{form: clientForm(in)}), 401, "invalid_client", msgBadClient)
		// Revoking again is harmless.
		testkit.WantStatus(t, env.Do(http.MethodDelete, "/api/v1/service-accounts/"+in.ID+"/credentials/"+in.ClientID, admin.Token, nil), http.StatusNoContent)
		l := env.Do(http.MethodGet, "/api/v1/service-accounts/"+in.ID+"/credentials", admin.Token, nil)
		if testkit.Str(l.JSON, "items[0].revoked_at") == "" {
			t.Errorf("the list does not show the revocation: %s", l.Body)
		}
	})
	t.Run("a deactivated account's token is refused at once", func(t *testing.T) {
		in := newIntegration(t, env, admin, body("Deactivated"))
		tok := serviceToken(t, env, in)
		r := env.Do(http.MethodPatch, "/api/v1/service-accounts/"+in.ID, admin.Token, map[string]any{"active": false}, "If-Match", in.ETag)
		testkit.WantStatus(t, r, http.StatusOK)
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusUnauthorized, msgTokenInvalid)
		wantOAuthError(t, requestToken(env, tokenRequest{form: clientForm(in)}), 401, "invalid_client", msgBadClient)
	})
	t.Run("a scope taken from the account leaves its tokens at once", func(t *testing.T) {
		in := newIntegration(t, env, admin, body("Narrowed"))
		tok := serviceToken(t, env, in)
		r := env.Do(http.MethodPatch, "/api/v1/service-accounts/"+in.ID, admin.Token, map[string]any{"scopes": []string{"exports:read"}}, "If-Match", in.ETag)
		testkit.WantStatus(t, r, http.StatusOK)
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusForbidden,
			"This token lacks the scope cases:read, which this endpoint needs.")
	})
	t.Run("a token asked for with a narrower scope has only that scope", func(t *testing.T) {
		in := newIntegration(t, env, admin, body("Narrow token"))
		tok := serviceToken(t, env, in, "scope", "exports:read")
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/cases", tok, nil), http.StatusForbidden,
			"This token lacks the scope cases:read, which this endpoint needs.")
	})
	t.Run("an expired credential is refused", func(t *testing.T) {
		in := newIntegration(t, env, admin, body("Expiring"))
		c := env.Do(http.MethodPost, "/api/v1/service-accounts/"+in.ID+"/credentials", admin.Token, map[string]any{"label": "kort", "expires_in_days": 1})
		testkit.WantStatus(t, c, http.StatusCreated)
		short := integration{ID: in.ID, ClientID: testkit.Str(c.JSON, "client_id"), Secret: testkit.Str(c.JSON, "client_secret")}
		if testkit.Str(c.JSON, "expires_at") == "" {
			t.Fatalf("no expires_at: %s", c.Body)
		}
		serviceToken(t, env, short)
		env.Clock.Advance(25 * time.Hour)
		defer env.Clock.Advance(-25 * time.Hour)
		wantOAuthError(t, requestToken(env, tokenRequest{form: clientForm(short)}), 401, "invalid_client", msgBadClient)
		// The account's other credential, without expiry, still works.
		serviceToken(t, env, in)
		var detail string
		env.App.DB.Conn(context.Background()).Raw("SELECT detail FROM audit_events WHERE credential_id = ? AND outcome = 'failure'", short.ClientID).Scan(&detail)
		if detail != "credential expired" {
			t.Errorf("audit detail = %q, want the reason", detail)
		}
	})
	t.Run("municipality-wide reach includes a team created after the token", func(t *testing.T) {
		in := newIntegration(t, env, admin, map[string]any{"name": "Hele kommunen", "scopes": []string{"cases:read"}, "all_teams": true})
		tok := serviceToken(t, env, in)
		east := env.Team("Øst")
		cwEast := env.User(actor.RoleCaseworker, east)
		c := env.Case(cwEast, east)
		r := env.Do(http.MethodGet, "/api/v1/cases?team_id="+east.ID.String(), tok, nil)
		if ids := caseIDs(r); r.Status != 200 || !ids[c.ID.String()] {
			t.Errorf("the new team's case is missing: %d %s", r.Status, r.Body)
		}
	})
}

func TestServiceAccountAdministration(t *testing.T) {
	env := testkit.Start(t, "postgres")
	nord := env.Team("Nord")
	admin := env.User(actor.RoleAdmin)
	leader := env.User(actor.RoleLeader, nord)

	t.Run("an administrator creates an account with its teams", func(t *testing.T) {
		r := env.Do(http.MethodPost, "/api/v1/service-accounts", admin.Token, map[string]any{"name": "BI-vaerktoej", "description": "Ugentlige tal",
			"scopes": []string{"cases:read"}, "team_ids": []string{nord.ID.String()}})
		testkit.WantStatus(t, r, http.StatusCreated)
		if r.Header.Get("ETag") != `"1"` || !strings.HasSuffix(r.Header.Get("Location"), testkit.Str(r.JSON, "id")) {
			t.Errorf("ETag %q Location %q", r.Header.Get("ETag"), r.Header.Get("Location"))
		}
		if testkit.Str(r.JSON, "teams[0].name") != "Nord" || !r.JSON["active"].(bool) || r.JSON["all_teams"].(bool) {
			t.Errorf("account: %s", r.Body)
		}
	})
	t.Run("names are unique regardless of case", func(t *testing.T) {
		r := env.Do(http.MethodPost, "/api/v1/service-accounts", admin.Token, map[string]any{"name": "bi-VAERKTOEJ", "scopes": []string{"exports:read"}})
		testkit.WantProblem(t, r, http.StatusConflict, "A service account with this name already exists.", testkit.FieldErr{Field: "name", Message: "is already in use"})
	})
	invalid := []struct {
		name   string
		body   map[string]any
		fields []testkit.FieldErr
	}{
		{"every problem is reported at once", map[string]any{"name": " ", "scopes": []string{"cases:write", "exports:read", "exports:read"}},
			[]testkit.FieldErr{{Field: "name", Message: "is required"}, {Field: "scopes[0]", Message: "must be one of exports:read, exports:identifiable, cases:read, audit:read"},
				{Field: "scopes[2]", Message: "lists a scope twice"}}},
		{"no scopes", map[string]any{"name": "Tom", "scopes": []string{}},
			[]testkit.FieldErr{{Field: "scopes", Message: "name at least one scope"}}},
		{"cases:read without teams", map[string]any{"name": "Uden team", "scopes": []string{"cases:read"}},
			[]testkit.FieldErr{{Field: "team_ids", Message: "cases:read needs at least one team, or all_teams"}}},
		{"teams with all_teams", map[string]any{"name": "Begge", "scopes": []string{"cases:read"}, "all_teams": true, "team_ids": []string{nord.ID.String()}},
			[]testkit.FieldErr{{Field: "team_ids", Message: "must be empty when all_teams is true"}}},
		{"a team that does not exist", map[string]any{"name": "Spøgelse", "scopes": []string{"cases:read"}, "team_ids": []string{admin.ID.String()}},
			[]testkit.FieldErr{{Field: "team_ids", Message: "names a team that does not exist"}}},
	}
	for _, tc := range invalid {
		t.Run("422: "+tc.name, func(t *testing.T) {
			r := env.Do(http.MethodPost, "/api/v1/service-accounts", admin.Token, tc.body)
			testkit.WantProblem(t, r, http.StatusUnprocessableEntity, "The request has invalid fields.", tc.fields...)
		})
	}
	t.Run("422: a credential's lifetime is 1 to 730 days", func(t *testing.T) {
		in := newIntegration(t, env, admin, map[string]any{"name": "Levetid", "scopes": []string{"exports:read"}})
		for _, days := range []int{0, 731} {
			r := env.Do(http.MethodPost, "/api/v1/service-accounts/"+in.ID+"/credentials", admin.Token, map[string]any{"expires_in_days": days})
			testkit.WantProblem(t, r, http.StatusUnprocessableEntity, "The request has invalid fields.",
				testkit.FieldErr{Field: "expires_in_days", Message: "must be a whole number from 1 to 730"})
		}
	})
	t.Run("a change needs the current ETag", func(t *testing.T) {
		in := newIntegration(t, env, admin, map[string]any{"name": "Versioneret", "scopes": []string{"exports:read"}})
		p := "/api/v1/service-accounts/" + in.ID
		testkit.WantStatus(t, env.Do(http.MethodPatch, p, admin.Token, map[string]any{"description": "x"}), http.StatusPreconditionRequired)
		r := env.Do(http.MethodPatch, p, admin.Token, map[string]any{"description": "Ny"}, "If-Match", in.ETag)
		testkit.WantStatus(t, r, http.StatusOK)
		if r.Header.Get("ETag") != `"2"` || testkit.Str(r.JSON, "description") != "Ny" {
			t.Errorf("after change: ETag %q, %s", r.Header.Get("ETag"), r.Body)
		}
		stale := env.Do(http.MethodPatch, p, admin.Token, map[string]any{"description": "Gammel"}, "If-Match", in.ETag)
		testkit.WantStatus(t, stale, http.StatusPreconditionFailed)
		if testkit.Str(stale.JSON, "current_etag") != `"2"` {
			t.Errorf("current_etag = %q", testkit.Str(stale.JSON, "current_etag"))
		}
	})
	t.Run("an unknown account and another account's credential are 404", func(t *testing.T) {
		a := newIntegration(t, env, admin, map[string]any{"name": "A", "scopes": []string{"exports:read"}})
		b := newIntegration(t, env, admin, map[string]any{"name": "B", "scopes": []string{"exports:read"}})
		testkit.WantProblem(t, env.Do(http.MethodGet, "/api/v1/service-accounts/"+nord.ID.String(), admin.Token, nil), http.StatusNotFound,
			fmt.Sprintf("No service account with id %s.", nord.ID))
		r := env.Do(http.MethodDelete, "/api/v1/service-accounts/"+a.ID+"/credentials/"+b.ClientID, admin.Token, nil)
		testkit.WantProblem(t, r, http.StatusNotFound, fmt.Sprintf("No credential with id %s in this service account.", b.ClientID))
		serviceToken(t, env, b) // untouched
	})
	t.Run("a leader cannot manage service accounts", func(t *testing.T) {
		r := env.Do(http.MethodPost, "/api/v1/service-accounts", leader.Token, map[string]any{"name": "Smuglet", "scopes": []string{"cases:read"}, "all_teams": true})
		testkit.WantProblem(t, r, http.StatusForbidden, msgAccountsOnly)
	})
	t.Run("creation and revocation are audited", func(t *testing.T) {
		r := env.Do(http.MethodGet, "/api/v1/audit?limit=200&actor_id="+admin.ID.String(), admin.Token, nil)
		seen := map[string]bool{}
		for _, it := range testkit.List(r.JSON, "items") {
			seen[testkit.Str(it.(map[string]any), "action")] = true
		}
		for _, want := range []string{"service_account.create", "service_account.update", "credential.create"} {
			if !seen[want] {
				t.Errorf("no %s event; saw %v", want, seen)
			}
		}
	})
}

// Failed client authentications are slowed down per address, apart from
// the address's failed logins.
func TestFailedClientAuthenticationsAreThrottled(t *testing.T) {
	policy := identity.ThrottlePolicy{Window: 15 * time.Minute, AccountSlowAfter: 3, AccountLockAfter: 10,
		AddressSlowAfter: 2, AddressLockAfter: 4, LockFor: 15 * time.Minute, MaxSlowdown: time.Minute}
	env := testkit.Start(t, "postgres", testkit.WithThrottle(policy))
	admin := env.User(actor.RoleAdmin)
	in := newIntegration(t, env, admin, map[string]any{"name": "Throttled", "scopes": []string{"exports:read"}})
	bad := tokenRequest{form: clientForm(in, "client_secret", "bics_guess")}
	for i := 1; i <= 2; i++ {
		wantOAuthError(t, requestToken(env, bad), 401, "invalid_client", msgBadClient)
	}
	r := requestToken(env, tokenRequest{form: clientForm(in)})
	if r.Status != 429 || r.Header.Get("Retry-After") == "" {
		t.Fatalf("during slowdown: %d %s (Retry-After %q)", r.Status, r.Body, r.Header.Get("Retry-After"))
	}
	t.Run("logins from the same address are not held up", func(t *testing.T) {
		u := env.User(actor.RoleAnalyst)
		if r := login(t, env, u.Email, u.Password); r.Status != 200 {
			t.Fatalf("login: %d %s", r.Status, r.Body)
		}
	})
	env.Clock.Advance(2 * time.Second)
	serviceToken(t, env, in)
	var n int64
	env.App.DB.Conn(context.Background()).Raw("SELECT COUNT(*) FROM audit_events WHERE action = 'auth.client_credentials' AND outcome = 'denied'").Scan(&n)
	if n != 1 {
		t.Errorf("throttled attempts audited = %d, want 1", n)
	}
}
