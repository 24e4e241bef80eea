package exports_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// clientToken trades client credentials for an access token.
func (m *municipality) clientToken(t *testing.T, id, secret string) string {
	t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {id}, "client_secret": {secret}}
	r := m.env.Send(testkit.Req{Method: http.MethodPost, Path: "/api/v1/auth/token", RawBody: form.Encode(),
		Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}})
	testkit.WantStatus(t, r, http.StatusOK)
	return testkit.Str(r.JSON, "access_token")
}

func checkServiceAccounts(t *testing.T, m *municipality) {
	token := func(scopes ...string) string {
		id, secret := m.serviceAccount(t, scopes...)
		return m.clientToken(t, id, secret)
	}
	reader := token("exports:read")
	casesOnly := token("cases:read")
	identifying := token("exports:read", "exports:identifiable")
	auditor := token("audit:read")
	purpose := "&purpose=" + url.QueryEscape("Overførsel til ESDH efter aftale")

	all := len(m.ids(t, "SELECT id FROM cases"))
	got := read(t, "csv", m.pull(t, reader, "cases", "").Body, mustLookup("cases"), false)
	if len(got.rows) != all {
		t.Fatalf("an account over every team got %d of %d cases", len(got.rows), all)
	}

	// An account limited to one team.
	r := m.env.Do(http.MethodPost, "/api/v1/service-accounts", m.boss.Token, map[string]any{"name": "Kun Æblehaven", "scopes": []string{"exports:read"}, "team_ids": []string{m.tricky.ID.String()}})
	testkit.WantStatus(t, r, http.StatusCreated)
	cr := m.env.Do(http.MethodPost, "/api/v1/service-accounts/"+testkit.Str(r.JSON, "id")+"/credentials", m.boss.Token, map[string]any{})
	testkit.WantStatus(t, cr, http.StatusCreated)
	oneTeam := m.clientToken(t, testkit.Str(cr.JSON, "client_id"), testkit.Str(cr.JSON, "client_secret"))
	mine := read(t, "csv", m.pull(t, oneTeam, "cases", "").Body, mustLookup("cases"), false)
	if len(mine.rows) != 1 || mine.rows[0][mine.col("team_id")] != m.tricky.ID.String() {
		t.Fatalf("an account of one team got %v", mine.column("team_id"))
	}

	for _, tc := range []struct {
		name, token, path string
		status            int
	}{
		{"cases:read is not exports:read", casesOnly, "/api/v1/exports/cases", 403},
		{"identifiable needs exports:identifiable", reader, "/api/v1/exports/cases?identifiable=true" + purpose, 403},
		{"identifiable with the scope and a purpose", identifying, "/api/v1/exports/cases?identifiable=true" + purpose, 200},
		{"the audit trail needs audit:read", reader, "/api/v1/exports/audit", 403},
		{"audit:read pulls the audit trail", auditor, "/api/v1/exports/audit?format=ndjson", 200},
		{"another team's rows are not found", oneTeam, "/api/v1/exports/cases?team_id=" + m.nord.ID.String(), 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testkit.WantStatus(t, m.env.Do(http.MethodGet, tc.path, tc.token, nil), tc.status)
		})
	}

	// Every export by a service account names the credential in the audit trail.
	p, err := m.env.App.Audit.List(context.Background(), actor.Actor{Role: actor.RoleAdmin}, audit.Filter{Action: "export.pull", Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range p.Events {
		if e.ActorRole == "integration" && e.CredentialID == nil {
			t.Fatalf("an export by a service account has no credential: %+v", e)
		}
	}
}
