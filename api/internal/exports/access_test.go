package exports_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func checkWhoMay(t *testing.T, m *municipality) {
	purpose := "&purpose=" + url.QueryEscape("Aktindsigt for borgeren")
	for _, tc := range []struct {
		name   string
		token  string
		path   string
		status int
		detail string
	}{
		{"analyst pulls a pseudonymised dataset", m.analyst.Token, "/api/v1/exports/goals", 200, ""},
		{"leader pulls own teams", m.leader.Token, "/api/v1/exports/goals", 200, ""},
		{"leader pulls own team identifiably with a purpose", m.leader.Token, "/api/v1/exports/cases?identifiable=true" + purpose, 200, ""},
		{"caseworker may not export", m.caseworker.Token, "/api/v1/exports/cases", 403, "Exports of case data are for analysts, leaders and integrations; administrators export the audit trail."},
		{"analyst may not export identifiably", m.analyst.Token, "/api/v1/exports/cases?identifiable=true" + purpose, 403, "Analysts export pseudonymised data only; an identifiable export needs a leader or an integration allowed to make one."},
		{"identifiable needs a purpose", m.leader.Token, "/api/v1/exports/cases?identifiable=true", 422, ""},
		{"a purpose needs identifiable", m.leader.Token, "/api/v1/exports/cases?purpose=" + url.QueryEscape("Aktindsigt for borgeren"), 422, ""},
		{"leader names another team", m.otherLeader.Token, "/api/v1/exports/cases?team_id=" + m.tricky.ID.String(), 404, ""},
		{"administrator pulls the audit trail", m.boss.Token, "/api/v1/exports/audit", 200, ""},
		{"administrator may not pull case data", m.boss.Token, "/api/v1/exports/cases", 403, "Exports of case data are for analysts, leaders and integrations; administrators export the audit trail."},
		{"analyst may not pull the audit trail", m.analyst.Token, "/api/v1/exports/audit", 403, "Only administrators and service accounts with the audit:read scope export the audit trail."},
		{"unknown dataset", m.analyst.Token, "/api/v1/exports/citizens", 404, ""},
		{"unknown format", m.analyst.Token, "/api/v1/exports/cases?format=pdf", 400, ""},
		{"bom is for CSV only", m.analyst.Token, "/api/v1/exports/cases?format=ndjson&bom=true", 400, ""},
		{"to before from", m.analyst.Token, "/api/v1/exports/cases?from=2026-02-01&to=2026-01-01", 422, ""},
		{"anonymous", "", "/api/v1/exports/cases", 401, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := m.env.Do(http.MethodGet, tc.path, tc.token, nil)
			if tc.detail != "" {
				testkit.WantProblem(t, r, tc.status, tc.detail)
				return
			}
			testkit.WantStatus(t, r, tc.status)
			if tc.status >= 400 && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
				t.Errorf("a refusal must be a problem document, got %s", r.Header.Get("Content-Type"))
			}
		})
	}
}

func checkLeaderTeams(t *testing.T, m *municipality) {
	tb := read(t, "csv", m.pull(t, m.otherLeader.Token, "cases", "").Body, mustLookup("cases"), false)
	if len(tb.rows) != 0 {
		t.Fatalf("a leader of an empty team got %d cases", len(tb.rows))
	}
	mine := read(t, "csv", m.pull(t, m.leader.Token, "cases", "").Body, mustLookup("cases"), false)
	for _, team := range mine.column("team_id") {
		if team != m.tricky.ID.String() && team != m.nord.ID.String() {
			t.Fatalf("leader got a case of team %s", team)
		}
	}
	if len(mine.rows) < 2 {
		t.Fatalf("leader of Team Nord and the tricky team got %d cases", len(mine.rows))
	}
}

func TestEveryExportIsAudited(t *testing.T) {
	m := seed(t, "postgres")
	events := func(action audit.Action) []audit.Event {
		p, err := m.env.App.Audit.List(context.Background(), actor.Actor{Role: actor.RoleAdmin}, audit.Filter{Action: string(action), Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		return p.Events
	}
	m.pull(t, m.analyst.Token, "goals", "format=ndjson")
	starts, ends := events("export.pull"), events("export.finish")
	if len(starts) != 1 || len(ends) != 1 {
		t.Fatalf("one pull wrote %d start and %d end rows", len(starts), len(ends))
	}
	if *starts[0].ActorID != m.analyst.ID || starts[0].Detail != "dataset=goals format=ndjson" {
		t.Errorf("start row = %+v", starts[0])
	}
	if !strings.HasPrefix(ends[0].Detail, "dataset=goals format=ndjson rows=") || ends[0].Outcome != audit.Success {
		t.Errorf("end row = %+v", ends[0])
	}

	r := m.env.Do(http.MethodGet, "/api/v1/exports/cases", m.caseworker.Token, nil)
	testkit.WantStatus(t, r, http.StatusForbidden)
	if denied := events("export.pull"); len(denied) != 2 || denied[0].Outcome != audit.Denied {
		t.Errorf("a refused export is audited as denied: %+v", denied)
	}

	purpose := "Aktindsigt efter anmodning fra borgeren"
	m.pull(t, m.leader.Token, "cases", "identifiable=true&team_id="+m.tricky.ID.String()+"&purpose="+url.QueryEscape(purpose))
	perCase := events("case.export")
	if len(perCase) != 1 || perCase[0].CaseID == nil || !strings.Contains(perCase[0].Detail, purpose) {
		t.Fatalf("an identifiable export of one case wrote %+v", perCase)
	}
	if s := events("export.pull"); !strings.Contains(s[0].Detail, `identifiable purpose="`+purpose+`"`) {
		t.Errorf("the purpose is not in the start row: %q", s[0].Detail)
	}
}
