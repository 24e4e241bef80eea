package audit_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// row is an audit event as stored.
type row struct {
	ID         uuid.UUID  `gorm:"column:id"`
	OccurredAt time.Time  `gorm:"column:occurred_at"`
	ActorID    *uuid.UUID `gorm:"column:actor_id"`
	ActorRole  string     `gorm:"column:actor_role"`
	Subject    string     `gorm:"column:subject"`
	Action     string     `gorm:"column:action"`
	CaseID     *uuid.UUID `gorm:"column:case_id"`
	TeamID     *uuid.UUID `gorm:"column:team_id"`
	RequestID  string     `gorm:"column:request_id"`
	ClientIP   string     `gorm:"column:client_ip"`
	Outcome    string     `gorm:"column:outcome"`
	Detail     string     `gorm:"column:detail"`
}

func (r row) String() string {
	return fmt.Sprintf("%s actor=%s role=%q subject=%q case=%s team=%s outcome=%s ip=%s detail=%q",
		r.Action, idStr(r.ActorID), r.ActorRole, r.Subject, idStr(r.CaseID), idStr(r.TeamID), r.Outcome, r.ClientIP, r.Detail)
}

func idStr(id *uuid.UUID) string {
	if id == nil {
		return "-"
	}
	return id.String()[:8]
}

func rows(t *testing.T, env *testkit.Env, where string, args ...any) []row {
	t.Helper()
	var out []row
	q := env.App.DB.Conn(context.Background()).Table("audit_events")
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Order("occurred_at DESC, id DESC").Find(&out).Error; err != nil {
		t.Fatalf("read audit_events: %v", err)
	}
	return out
}

// want describes one expected audit row. Count > 1 expects that many rows
// alike except for the case id, which must then be one of cases.
type want struct {
	action  string
	actor   *testkit.User
	subject string
	caseID  *uuid.UUID
	cases   []string // for one row per case shown
	teamID  *uuid.UUID
	outcome string
	detail  string
}

func ptr[T any](v T) *T { return &v }

func str(r testkit.Response, k string) string {
	s, _ := r.JSON[k].(string)
	return s
}

func itemIDs(r testkit.Response) []string {
	var out []string
	items, _ := r.JSON["items"].([]any)
	for _, it := range items {
		out = append(out, it.(map[string]any)["id"].(string))
	}
	return out
}

// checkRequest asserts that the request left exactly the expected audit rows,
// each carrying the response's request id and the client address.
func checkRequest(t *testing.T, env *testkit.Env, r testkit.Response, wants ...want) {
	t.Helper()
	rid := r.Header.Get("X-Request-Id")
	if rid == "" {
		t.Fatalf("response has no X-Request-Id")
	}
	got := rows(t, env, "request_id = ?", rid)
	n := 0
	for _, w := range wants {
		if len(w.cases) > 0 {
			n += len(w.cases)
		} else {
			n++
		}
	}
	if len(got) != n {
		t.Fatalf("request %s (status %d) left %d audit rows, want %d:\n%s", rid, r.Status, len(got), n, join(got))
	}
	for _, w := range wants {
		var matched []row
		for _, g := range got {
			if g.Action == w.action {
				matched = append(matched, g)
			}
		}
		per := 1
		if len(w.cases) > 0 {
			per = len(w.cases)
		}
		if len(matched) != per {
			t.Errorf("%s rows = %d, want %d:\n%s", w.action, len(matched), per, join(got))
			continue
		}
		var seenCases []string
		for _, g := range matched {
			if g.ClientIP != "127.0.0.1" {
				t.Errorf("%s: client_ip = %q", w.action, g.ClientIP)
			}
			outcome := w.outcome
			if outcome == "" {
				outcome = "success"
			}
			if g.Outcome != outcome {
				t.Errorf("%s: outcome = %q, want %q", w.action, g.Outcome, outcome)
			}
			if w.actor == nil {
				if g.ActorID != nil {
					t.Errorf("%s: actor = %s, want none", w.action, g.ActorID)
				}
			} else if g.ActorID == nil || *g.ActorID != w.actor.ID {
				t.Errorf("%s: actor = %s, want %s (%s)", w.action, idStr(g.ActorID), w.actor.ID, w.actor.Email)
			} else if g.ActorRole != string(w.actor.Role) {
				t.Errorf("%s: actor_role = %q, want %q", w.action, g.ActorRole, w.actor.Role)
			}
			if w.subject != "" && g.Subject != w.subject {
				t.Errorf("%s: subject = %q, want %q", w.action, g.Subject, w.subject)
			}
			if !sameID(g.TeamID, w.teamID) {
				t.Errorf("%s: team = %s, want %s", w.action, idStr(g.TeamID), idStr(w.teamID))
			}
			if len(w.cases) > 0 {
				if g.CaseID == nil {
					t.Errorf("%s: no case id", w.action)
				} else {
					seenCases = append(seenCases, g.CaseID.String())
				}
			} else if !sameID(g.CaseID, w.caseID) {
				t.Errorf("%s: case = %s, want %s", w.action, idStr(g.CaseID), idStr(w.caseID))
			}
			if w.detail != "" && g.Detail != w.detail {
				t.Errorf("%s: detail = %q, want %q", w.action, g.Detail, w.detail)
			}
		}
		if len(w.cases) > 0 {
			sort.Strings(seenCases)
			exp := slices.Clone(w.cases)
			sort.Strings(exp)
			if !slices.Equal(seenCases, exp) {
				t.Errorf("%s: one row per case shown: got %v, want %v", w.action, seenCases, exp)
			}
		}
	}
}

func sameID(a, b *uuid.UUID) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func join(rs []row) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("  " + r.String() + "\n")
	}
	return b.String()
}

func newCaseBody(team uuid.UUID, cpr string) map[string]any {
	return map[string]any{"team_id": team, "citizen": map[string]any{"name": "Bo Borger", "cpr": cpr},
		"legal_basis": "sel_85", "target_group": "autism"}
}

func TestEveryAuditedActionIsRecordedOncePerRequest(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			env := testkit.Start(t, d)
			nord, syd := env.Team("Nord"), env.Team("Syd")
			admin := env.User(actor.RoleAdmin)
			cw := env.User(actor.RoleCaseworker, nord)
			cwSyd := env.User(actor.RoleCaseworker, syd)
			leader := env.User(actor.RoleLeader, nord)

			login := func() testkit.Response {
				return env.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": cw.Email, "password": cw.Password})
			}
			first := login()
			spent := str(first, "refresh_token")
			var refreshed testkit.Response
			shared := testkit.NextCPR()
			var caseID uuid.UUID
			var listShown, lookupShown []string
			var newTeam uuid.UUID
			version := 1
			ifMatch := func() string { return fmt.Sprintf(`"%d"`, version) }
			missing := uuid.New()

			steps := []struct {
				name   string
				status int
				do     func() testkit.Response
				wants  func() []want
			}{
				{"login success", 200, login, func() []want {
					return []want{{action: "auth.login", actor: &cw, subject: cw.Email}}
				}},
				{"login with a wrong password", 401, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": cw.Email, "password": "wrong-password-123"})
				}, func() []want {
					return []want{{action: "auth.login_failed", actor: &cw, subject: cw.Email, outcome: "failure", detail: "wrong email or password"}}
				}},
				{"login with an unknown email", 401, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/auth/login", "", map[string]any{"email": "nobody@bic.example", "password": "wrong-password-123"})
				}, func() []want {
					return []want{{action: "auth.login_failed", subject: "nobody@bic.example", outcome: "failure"}}
				}},
				{"refresh", 200, func() testkit.Response {
					refreshed = env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": spent})
					return refreshed
				}, func() []want { return []want{{action: "auth.refresh", actor: &cw}} }},
				{"refresh with a spent token", 401, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/auth/refresh", "", map[string]any{"refresh_token": spent})
				}, func() []want {
					return []want{{action: "auth.refresh_reuse", actor: &cw, outcome: "denied"}}
				}},
				{"logout", 204, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/auth/logout", "", map[string]any{"refresh_token": str(login(), "refresh_token")})
				}, func() []want { return []want{{action: "auth.logout", actor: &cw}} }},
				{"case create", 201, func() testkit.Response {
					r := env.Do(http.MethodPost, "/api/v1/cases", cw.Token, newCaseBody(nord.ID, shared))
					caseID = uuid.MustParse(str(r, "id"))
					return r
				}, func() []want { return []want{{action: "case.create", actor: &cw, caseID: &caseID, teamID: &nord.ID}} }},
				{"case read", 200, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/cases/"+caseID.String(), cw.Token, nil)
				}, func() []want { return []want{{action: "case.read", actor: &cw, caseID: &caseID, teamID: &nord.ID}} }},
				{"case list audits one row per case shown", 200, func() testkit.Response {
					env.Case(cw, nord, func(n *cases.NewCase) { n.CitizenCPR = shared })
					env.Case(cw, nord)
					env.Case(cwSyd, syd, func(n *cases.NewCase) { n.CitizenCPR = shared })
					r := env.Do(http.MethodGet, "/api/v1/cases?limit=2", cw.Token, nil)
					listShown = itemIDs(r)
					return r
				}, func() []want { return []want{{action: "case.list", actor: &cw, cases: listShown, teamID: &nord.ID}} }},
				{"case update", 200, func() testkit.Response {
					return env.Do(http.MethodPatch, "/api/v1/cases/"+caseID.String(), cw.Token, map[string]any{"legal_basis": "sel_107"}, "If-Match", ifMatch())
				}, func() []want {
					version++
					return []want{{action: "case.update", actor: &cw, caseID: &caseID, teamID: &nord.ID, detail: "fields: legal_basis"}}
				}},
				{"case phase", 200, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/cases/"+caseID.String()+"/phase", cw.Token, map[string]any{"to": "sagsoplysning"}, "If-Match", ifMatch())
				}, func() []want {
					version++
					// The checklist of sagsåbning was never opened: the gate
					// creates it, so the skipped reflection shows as open.
					return []want{{action: "case.phase", actor: &cw, caseID: &caseID, teamID: &nord.ID, detail: "sagsaabning -> sagsoplysning (4 core principles open)"},
						{action: "checklist.create", actor: &cw, caseID: &caseID, teamID: &nord.ID}}
				}},
				{"case close", 200, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/cases/"+caseID.String()+"/close", cw.Token, map[string]any{"reason": "moved"}, "If-Match", ifMatch())
				}, func() []want {
					version++
					return []want{{action: "case.close", actor: &cw, caseID: &caseID, teamID: &nord.ID, detail: "reason: moved"}}
				}},
				{"update of a closed case writes nothing", 409, func() testkit.Response {
					return env.Do(http.MethodPatch, "/api/v1/cases/"+caseID.String(), cw.Token, map[string]any{"legal_basis": "other"}, "If-Match", ifMatch())
				}, func() []want { return nil }},
				{"case reopen", 200, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/cases/"+caseID.String()+"/reopen", cw.Token, map[string]any{}, "If-Match", ifMatch())
				}, func() []want {
					version++
					return []want{{action: "case.reopen", actor: &cw, caseID: &caseID, teamID: &nord.ID}}
				}},
				{"refused update writes nothing", 422, func() testkit.Response {
					return env.Do(http.MethodPatch, "/api/v1/cases/"+caseID.String(), cw.Token, map[string]any{"legal_basis": "sel_0"}, "If-Match", ifMatch())
				}, func() []want { return nil }},
				{"stale update writes nothing", 412, func() testkit.Response {
					return env.Do(http.MethodPatch, "/api/v1/cases/"+caseID.String(), cw.Token, map[string]any{"legal_basis": "other"}, "If-Match", `"1"`)
				}, func() []want { return nil }},
				{"update without If-Match writes nothing", 428, func() testkit.Response {
					return env.Do(http.MethodPatch, "/api/v1/cases/"+caseID.String(), cw.Token, map[string]any{"legal_basis": "other"})
				}, func() []want { return nil }},
				{"cpr reveal", 200, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/cases/"+caseID.String()+"/cpr", cw.Token, nil)
				}, func() []want {
					return []want{{action: "case.cpr_reveal", actor: &cw, caseID: &caseID, teamID: &nord.ID}}
				}},
				{"cpr lookup audits one row per own-team case found", 200, func() testkit.Response {
					r := env.Do(http.MethodPost, "/api/v1/cases/cpr-lookup", cw.Token, map[string]any{"cpr": shared})
					lookupShown = itemIDs(r)
					if len(lookupShown) != 2 {
						t.Errorf("lookup found %d cases, want 2", len(lookupShown))
					}
					return r
				}, func() []want {
					return []want{{action: "case.cpr_lookup", actor: &cw, cases: lookupShown, teamID: &nord.ID}}
				}},
				{"cpr lookup without a match", 200, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/cases/cpr-lookup", cw.Token, map[string]any{"cpr": testkit.NextCPR()})
				}, func() []want { return []want{{action: "case.cpr_lookup", actor: &cw, detail: "no match"}} }},
				{"read of another team's case is denied and recorded", 404, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/cases/"+caseID.String(), cwSyd.Token, nil)
				}, func() []want {
					return []want{{action: "case.read", actor: &cwSyd, caseID: &caseID, teamID: &nord.ID, outcome: "denied", detail: "not found for this user"}}
				}},
				{"update of another team's case is denied and recorded", 404, func() testkit.Response {
					return env.Do(http.MethodPatch, "/api/v1/cases/"+caseID.String(), cwSyd.Token, map[string]any{"legal_basis": "other"}, "If-Match", ifMatch())
				}, func() []want {
					return []want{{action: "case.update", actor: &cwSyd, caseID: &caseID, teamID: &nord.ID, outcome: "denied"}}
				}},
				{"reveal of another team's case is denied and recorded", 404, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/cases/"+caseID.String()+"/cpr", cwSyd.Token, nil)
				}, func() []want {
					return []want{{action: "case.cpr_reveal", actor: &cwSyd, caseID: &caseID, teamID: &nord.ID, outcome: "denied"}}
				}},
				{"read of a case that does not exist is denied and recorded", 404, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/cases/"+missing.String(), cw.Token, nil)
				}, func() []want {
					return []want{{action: "case.read", actor: &cw, caseID: &missing, outcome: "denied"}}
				}},
				{"user create", 201, func() testkit.Response {
					return env.Do(http.MethodPost, "/api/v1/users", admin.Token, map[string]any{"email": "ny@bic.example", "name": "Ny Rådgiver",
						"role": "caseworker", "team_ids": []uuid.UUID{nord.ID}, "password": "a-long-password-1"})
				}, func() []want { return []want{{action: "user.create", actor: &admin}} }},
				{"team create", 201, func() testkit.Response {
					r := env.Do(http.MethodPost, "/api/v1/teams", admin.Token, map[string]any{"name": "Vest"})
					newTeam = uuid.MustParse(str(r, "id"))
					return r
				}, func() []want { return []want{{action: "team.create", actor: &admin, teamID: &newTeam}} }},
				{"audit read", 200, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/audit?limit=5", leader.Token, nil)
				}, func() []want { return []want{{action: "audit.read", actor: &leader}} }},
				{"audit read by a caseworker is refused and writes nothing", 403, func() testkit.Response {
					return env.Do(http.MethodGet, "/api/v1/audit", cw.Token, nil)
				}, func() []want { return nil }},
			}
			for _, st := range steps {
				t.Run(st.name, func(t *testing.T) {
					before := time.Now().UTC().Truncate(time.Microsecond)
					r := st.do()
					if r.Status != st.status {
						t.Fatalf("status %d, want %d: %s", r.Status, st.status, r.Body)
					}
					checkRequest(t, env, r, st.wants()...)
					for _, g := range rows(t, env, "request_id = ?", r.Header.Get("X-Request-Id")) {
						if g.OccurredAt.Before(before) || g.OccurredAt.After(time.Now().UTC()) {
							t.Errorf("%s occurred_at %s is outside the request (%s…)", g.Action, g.OccurredAt, before)
						}
					}
				})
			}
			if refreshed.Status == 200 && str(refreshed, "refresh_token") == "" {
				t.Error("refresh returned no token")
			}
		})
	}
}

func TestAuditIsWrittenWithTheChange(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			env := testkit.Start(t, d)
			ctx := context.Background()
			nord := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, nord)
			conn := env.App.DB.Conn(ctx)
			exec := func(sql string) {
				t.Helper()
				if err := conn.Exec(sql).Error; err != nil {
					t.Fatalf("%s: %v", sql, err)
				}
			}
			unchanged := func(t *testing.T, id uuid.UUID) {
				t.Helper()
				g, err := env.App.Cases.Get(actor.With(ctx, cw.Actor()), cw.Actor(), id)
				if err != nil {
					t.Fatal(err)
				}
				if g.Version != 1 || g.LegalBasisNote != "" {
					t.Errorf("the failed update was half-written: version %d, note %q", g.Version, g.LegalBasisNote)
				}
				if rs := rows(t, env, "case_id = ? AND action = 'case.update'", id); len(rs) != 0 {
					t.Errorf("a rolled-back update left audit rows:\n%s", join(rs))
				}
			}

			t.Run("when the audit row cannot be written the change is rolled back", func(t *testing.T) {
				if d == "postgres" {
					exec(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: refused'; END $$`)
					exec(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW
						WHEN (NEW.action = 'case.update' AND NEW.detail = 'fields: legal_basis_note') EXECUTE FUNCTION test_refuse()`)
				} else {
					exec(`CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_events
						WHEN NEW.action = 'case.update' AND NEW.detail = 'fields: legal_basis_note'
						BEGIN SELECT RAISE(ABORT, 'test: refused'); END`)
				}
				c := env.Case(cw, nord)
				note := "skrives ikke"
				if _, err := env.App.Cases.Update(actor.With(ctx, cw.Actor()), cw.Actor(), c.ID, 1, cases.CaseChange{LegalBasisNote: &note}); err == nil {
					t.Fatal("update succeeded although its audit row was refused")
				}
				unchanged(t, c.ID)
			})

			if d == "postgres" {
				t.Run("when the commit fails after the audit row was written nothing is kept", func(t *testing.T) {
					exec(`CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER UPDATE ON cases DEFERRABLE INITIALLY DEFERRED
						FOR EACH ROW WHEN (NEW.legal_basis_note = 'fejler ved commit') EXECUTE FUNCTION test_refuse()`)
					c := env.Case(cw, nord)
					note := "fejler ved commit"
					if _, err := env.App.Cases.Update(actor.With(ctx, cw.Actor()), cw.Actor(), c.ID, 1, cases.CaseChange{LegalBasisNote: &note}); err == nil {
						t.Fatal("update succeeded although its commit was refused")
					}
					unchanged(t, c.ID)
				})
			}
		})
	}
}

func TestAuditTrailAPI(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			env := testkit.Start(t, d)
			nord, syd := env.Team("Nord"), env.Team("Syd")
			admin := env.User(actor.RoleAdmin)
			cw := env.User(actor.RoleCaseworker, nord)
			cwSyd := env.User(actor.RoleCaseworker, syd)
			leader := env.User(actor.RoleLeader, nord)
			analyst := env.User(actor.RoleAnalyst, nord)
			var nordCases, sydCases []uuid.UUID
			for i := 0; i < 3; i++ {
				nordCases = append(nordCases, env.Case(cw, nord).ID)
				sydCases = append(sydCases, env.Case(cwSyd, syd).ID)
			}
			for i := 0; i < 2; i++ {
				for _, id := range nordCases {
					env.Do(http.MethodGet, "/api/v1/cases/"+id.String(), cw.Token, nil)
				}
				for _, id := range sydCases {
					env.Do(http.MethodGet, "/api/v1/cases/"+id.String(), cwSyd.Token, nil)
				}
				env.Do(http.MethodGet, "/api/v1/cases", cw.Token, nil)
			}
			env.Do(http.MethodGet, "/api/v1/cases/"+sydCases[0].String(), cw.Token, nil) // denied, about syd's case

			// page reads every page of GET /audit?query and checks the order.
			page := func(t *testing.T, who testkit.User, query string) []string {
				t.Helper()
				var ids []string
				var last time.Time
				lastID := ""
				cursor := ""
				for pages := 0; ; pages++ {
					if pages > 50 {
						t.Fatal("more than 50 pages")
					}
					q := query
					if cursor != "" {
						q += "&cursor=" + url.QueryEscape(cursor)
					}
					r := env.Do(http.MethodGet, "/api/v1/audit?"+q, who.Token, nil)
					if r.Status != 200 {
						t.Fatalf("GET /audit?%s: %d %s", q, r.Status, r.Body)
					}
					items, _ := r.JSON["items"].([]any)
					for _, it := range items {
						m := it.(map[string]any)
						at, err := time.Parse(time.RFC3339Nano, m["occurred_at"].(string))
						if err != nil {
							t.Fatal(err)
						}
						id := m["id"].(string)
						if lastID != "" && (at.After(last) || (at.Equal(last) && id >= lastID)) {
							t.Errorf("not newest first: %s/%s after %s/%s", at, id, last, lastID)
						}
						last, lastID = at, id
						ids = append(ids, id)
					}
					cursor = str(r, "next_cursor")
					if cursor == "" {
						return ids
					}
				}
			}
			idsOf := func(rs []row) []string {
				out := make([]string, len(rs))
				for i, r := range rs {
					out[i] = r.ID.String()
				}
				return out
			}
			same := func(t *testing.T, got, want []string) {
				t.Helper()
				if len(want) == 0 {
					t.Fatal("the expectation is empty; the test proves nothing")
				}
				if !slices.Equal(got, want) {
					t.Errorf("got %d events, want %d\n got  %v\n want %v", len(got), len(want), got, want)
				}
			}

			t.Run("caseworkers and analysts may not read the trail", func(t *testing.T) {
				for _, u := range []testkit.User{cw, analyst} {
					r := env.Do(http.MethodGet, "/api/v1/audit", u.Token, nil)
					if r.Status != 403 || str(r, "detail") != "Only leaders and administrators can read the audit trail." {
						t.Errorf("%s: %d %s", u.Role, r.Status, r.Body)
					}
				}
			})

			t.Run("a leader sees only events about the own teams, across pages", func(t *testing.T) {
				want := idsOf(rows(t, env, "team_id = ?", nord.ID))
				if len(rows(t, env, "team_id = ?", syd.ID)) == 0 {
					t.Fatal("no events about syd: the exclusion proves nothing")
				}
				same(t, page(t, leader, "limit=4"), want)
			})

			t.Run("an administrator sees every event, across pages", func(t *testing.T) {
				want := idsOf(rows(t, env, ""))
				same(t, page(t, admin, "limit=7"), want)
			})

			t.Run("filters narrow the trail", func(t *testing.T) {
				all := rows(t, env, "action = 'case.read'")
				mid := all[len(all)/2].OccurredAt
				for _, tc := range []struct {
					name  string
					who   testkit.User
					query string
					where string
					args  []any
				}{
					{"case_id", admin, "case_id=" + nordCases[1].String(), "case_id = ?", []any{nordCases[1]}},
					{"case_id of an own-team case for a leader", leader, "case_id=" + nordCases[0].String(), "case_id = ?", []any{nordCases[0]}},
					{"actor_id", admin, "actor_id=" + cwSyd.ID.String(), "actor_id = ?", []any{cwSyd.ID}},
					{"action", admin, "action=case.list", "action = ?", []any{"case.list"}},
					{"action and case", leader, "action=case.read&case_id=" + nordCases[2].String(), "action = 'case.read' AND case_id = ?", []any{nordCases[2]}},
					{"actor and team for a leader", leader, "actor_id=" + cw.ID.String(), "actor_id = ? AND team_id = ?", []any{cw.ID, nord.ID}},
					{"from is inclusive", admin, "action=case.read&from=" + url.QueryEscape(mid.Format(time.RFC3339Nano)),
						"action = 'case.read' AND occurred_at >= ?", []any{mid}},
					{"to is exclusive", admin, "action=case.read&to=" + url.QueryEscape(mid.Format(time.RFC3339Nano)),
						"action = 'case.read' AND occurred_at < ?", []any{mid}},
					{"a date as from", admin, "action=case.create&from=" + time.Now().UTC().Format(time.DateOnly), "action = 'case.create'", nil},
				} {
					t.Run(tc.name, func(t *testing.T) {
						want := idsOf(rows(t, env, tc.where, tc.args...)) // before paging: each page is itself audited
						same(t, page(t, tc.who, "limit=3&"+tc.query), want)
					})
				}
				t.Run("a leader filtering on another team's case sees nothing", func(t *testing.T) {
					if got := page(t, leader, "case_id="+sydCases[0].String()); len(got) != 0 {
						t.Errorf("leader of nord sees %d events about syd's case", len(got))
					}
				})
				t.Run("to before from gives nothing", func(t *testing.T) {
					if got := page(t, admin, "from=2030-01-01&to=2020-01-01"); len(got) != 0 {
						t.Errorf("got %d events", len(got))
					}
				})
			})

			t.Run("a page size out of bounds is refused by the service too", func(t *testing.T) {
				for _, limit := range []int{0, -1, 201} {
					_, err := env.App.Audit.List(context.Background(), admin.Actor(), audit.Filter{Limit: limit})
					if e, ok := errs.As(err); !ok || e.Code != errs.BadRequest || e.Message != "The page size must be from 1 to 200." {
						t.Errorf("limit %d: %v", limit, err)
					}
				}
			})

			t.Run("bad query parameters are refused with 400", func(t *testing.T) {
				for _, tc := range []struct{ query, field, message string }{
					{"from=yesterday", "from", "must be a date (2026-01-31) or an RFC 3339 time (2026-01-31T12:00:00Z)"},
					{"case_id=42", "case_id", "must be a UUID"},
					{"limit=0", "limit", "must be a whole number from 1 to 200"},
					{"limit=201", "limit", "must be a whole number from 1 to 200"},
					{"cursor=nonsense", "cursor", "is not a cursor this server issued"},
					{"team=x", "team", "is not a known query parameter"},
				} {
					r := env.Do(http.MethodGet, "/api/v1/audit?"+tc.query, admin.Token, nil)
					errsList, _ := r.JSON["errors"].([]any)
					if r.Status != 400 || len(errsList) != 1 {
						t.Errorf("%s: %d %s", tc.query, r.Status, r.Body)
						continue
					}
					fe := errsList[0].(map[string]any)
					if fe["field"] != tc.field || fe["message"] != tc.message {
						t.Errorf("%s: field error %v, want %s: %s", tc.query, fe, tc.field, tc.message)
					}
				}
			})
		})
	}
}
