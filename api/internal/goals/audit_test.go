package goals_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// auditRow is an audit event as stored.
type auditRow struct {
	Action  string     `gorm:"column:action"`
	ActorID *uuid.UUID `gorm:"column:actor_id"`
	CaseID  *uuid.UUID `gorm:"column:case_id"`
	TeamID  *uuid.UUID `gorm:"column:team_id"`
	Outcome string     `gorm:"column:outcome"`
	Detail  string     `gorm:"column:detail"`
}

func (r auditRow) String() string {
	id := func(p *uuid.UUID) string {
		if p == nil {
			return "-"
		}
		return p.String()
	}
	return fmt.Sprintf("%s actor=%s case=%s team=%s outcome=%s detail=%q", r.Action, id(r.ActorID), id(r.CaseID), id(r.TeamID), r.Outcome, r.Detail)
}

// wantAudit is the one row a request must leave (or none, when action is "").
type wantAudit struct {
	action  string
	actor   testkit.User
	caseID  *uuid.UUID
	teamID  *uuid.UUID
	outcome string
	detail  string
}

func (w wantAudit) String() string {
	return auditRow{Action: w.action, ActorID: &w.actor.ID, CaseID: w.caseID, TeamID: w.teamID, Outcome: w.outcome, Detail: w.detail}.String()
}

func TestGoalActionsAreAuditedOnce(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord, syd := env.Team("Nord"), env.Team("Syd")
			cw := env.User(actor.RoleCaseworker, nord)
			cwSyd := env.User(actor.RoleCaseworker, syd)
			admin := env.User(actor.RoleAdmin)
			c := s.newCase(t, cw, nord, dreams("At få en hund"))
			caseID, team := c.ID, nord.ID
			dream := c.Dreams[0].ID
			missing := uuid.New()
			var g, fu map[string]any
			goalDetail := func(extra ...string) string {
				return strings.TrimSpace("goal " + str(g, "id") + " " + strings.Join(extra, " "))
			}
			ok := func(action string, detail ...string) wantAudit {
				w := wantAudit{action: action, actor: cw, caseID: &caseID, teamID: &team, outcome: "success"}
				if len(detail) > 0 {
					w.detail = detail[0]
				}
				return w
			}
			denied := func(action string) wantAudit {
				return wantAudit{action: action, actor: cwSyd, caseID: &caseID, teamID: &team, outcome: "denied", detail: "not found for this user"}
			}
			none := wantAudit{}

			steps := []struct {
				name   string
				status int
				do     func() testkit.Response
				want   func() wantAudit
			}{
				{"goal.create", 201, func() testkit.Response {
					r := s.do(t, post, casePath(caseID, "/goals"), cw.Token, s.smart(dream))
					g = r.JSON
					return r
				}, func() wantAudit { return ok("goal.create", goalDetail()) }},
				{"goal.list", 200, func() testkit.Response { return s.do(t, get, casePath(caseID, "/goals"), cw.Token, nil) },
					func() wantAudit { return ok("goal.list") }},
				{"goal.read", 200, func() testkit.Response { return s.do(t, get, goalPath(g), cw.Token, nil) },
					func() wantAudit { return ok("goal.read", goalDetail()) }},
				{"goal.update", 200, func() testkit.Response {
					r := s.do(t, patch, goalPath(g), cw.Token, map[string]any{"title": "Gå tur"}, "If-Match", etag(g))
					g = r.JSON
					return r
				}, func() wantAudit { return ok("goal.update", goalDetail()) }},
				{"goal.status", 200, func() testkit.Response {
					r := s.do(t, post, goalPath(g, "/status"), cw.Token, map[string]any{"status": "active", "reason": "Klar"}, "If-Match", etag(g))
					g = r.JSON
					return r
				}, func() wantAudit { return ok("goal.status", goalDetail("draft -> active")) }},
				{"goal.progress_add", 201, func() testkit.Response {
					return s.do(t, post, goalPath(g, "/progress"), cw.Token, map[string]any{"measured_on": s.day(0), "rater": "citizen", "value": 4})
				}, func() wantAudit { return ok("goal.progress_add", goalDetail()) }},
				{"goal.progress_read", 200, func() testkit.Response { return s.do(t, get, goalPath(g, "/progress"), cw.Token, nil) },
					func() wantAudit { return ok("goal.progress_read", goalDetail()) }},
				{"followup.create: one row, although goals and progress change", 201, func() testkit.Response {
					r := s.do(t, post, casePath(caseID, "/follow-ups"), cw.Token, map[string]any{"held_on": s.day(0),
						"next_follow_up_date": s.day(30), "items": []map[string]any{{"goal_id": g["id"], "decision": "adjust",
							"reason": "Kortere ture", "citizen_value": 5, "caseworker_value": 5}}})
					fu = r.JSON
					return r
				}, func() wantAudit { return ok("followup.create", "follow-up "+str(fu, "id")+", 1 goals") }},
				{"followup.list", 200, func() testkit.Response { return s.do(t, get, casePath(caseID, "/follow-ups"), cw.Token, nil) },
					func() wantAudit { return ok("followup.list") }},
				{"case.plan_read", 200, func() testkit.Response { return s.do(t, get, casePath(caseID, "/plan"), cw.Token, nil) },
					func() wantAudit { return ok("case.plan_read") }},
				{"the live check writes nothing", 200, func() testkit.Response {
					return s.do(t, post, casePath(caseID, "/goals/check"), cw.Token, s.smart(dream))
				}, func() wantAudit { return none }},
				{"a refused create writes nothing", 422, func() testkit.Response {
					return s.do(t, post, casePath(caseID, "/goals"), cw.Token, map[string]any{"title": ""})
				}, func() wantAudit { return none }},
				{"a stale update writes nothing", 412, func() testkit.Response {
					return s.do(t, patch, goalPath(g), cw.Token, map[string]any{"title": "x"}, "If-Match", `"1"`)
				}, func() wantAudit { return none }},
				{"an admin's refused read writes nothing", 403, func() testkit.Response {
					return s.do(t, get, goalPath(g), admin.Token, nil)
				}, func() wantAudit { return none }},
				{"another team reading the goal is denied and recorded", 404, func() testkit.Response {
					return s.do(t, get, goalPath(g), cwSyd.Token, nil)
				}, func() wantAudit { return denied("goal.read") }},
				{"another team changing the goal is denied and recorded", 404, func() testkit.Response {
					return s.do(t, patch, goalPath(g), cwSyd.Token, map[string]any{"title": "x"}, "If-Match", etag(g))
				}, func() wantAudit { return denied("goal.update") }},
				{"another team changing the status is denied and recorded", 404, func() testkit.Response {
					return s.do(t, post, goalPath(g, "/status"), cwSyd.Token, map[string]any{"status": "discontinued", "reason": "x"}, "If-Match", etag(g))
				}, func() wantAudit { return denied("goal.status") }},
				{"another team adding progress is denied and recorded", 404, func() testkit.Response {
					return s.do(t, post, goalPath(g, "/progress"), cwSyd.Token, map[string]any{"measured_on": s.day(0), "rater": "citizen", "value": 4})
				}, func() wantAudit { return denied("goal.progress_add") }},
				{"another team reading progress is denied and recorded", 404, func() testkit.Response {
					return s.do(t, get, goalPath(g, "/progress"), cwSyd.Token, nil)
				}, func() wantAudit { return denied("goal.progress_read") }},
				{"another team listing the goals is denied and recorded", 404, func() testkit.Response {
					return s.do(t, get, casePath(caseID, "/goals"), cwSyd.Token, nil)
				}, func() wantAudit { return denied("goal.list") }},
				{"another team adding a goal is denied and recorded", 404, func() testkit.Response {
					return s.do(t, post, casePath(caseID, "/goals"), cwSyd.Token, map[string]any{"title": "x"})
				}, func() wantAudit { return denied("goal.create") }},
				{"another team recording a follow-up is denied and recorded", 404, func() testkit.Response {
					return s.do(t, post, casePath(caseID, "/follow-ups"), cwSyd.Token, map[string]any{"held_on": s.day(0),
						"next_follow_up_date": s.day(30), "items": []map[string]any{}})
				}, func() wantAudit { return denied("followup.create") }},
				{"another team listing follow-ups is denied and recorded", 404, func() testkit.Response {
					return s.do(t, get, casePath(caseID, "/follow-ups"), cwSyd.Token, nil)
				}, func() wantAudit { return denied("followup.list") }},
				{"another team reading the plan is denied and recorded", 404, func() testkit.Response {
					return s.do(t, get, casePath(caseID, "/plan"), cwSyd.Token, nil)
				}, func() wantAudit { return denied("case.plan_read") }},
				{"reading a goal that does not exist is denied and recorded", 404, func() testkit.Response {
					return s.do(t, get, goalPath(missing), cw.Token, nil)
				}, func() wantAudit {
					return wantAudit{action: "goal.read", actor: cw, outcome: "denied", detail: "goal " + missing.String() + " not found for this user"}
				}},
			}
			for _, st := range steps {
				t.Run(st.name, func(t *testing.T) {
					r := st.do()
					if r.Status != st.status {
						t.Fatalf("status %d, want %d: %s", r.Status, st.status, r.Body)
					}
					rid := r.Header.Get("X-Request-Id")
					if rid == "" {
						t.Fatal("no X-Request-Id")
					}
					var got []auditRow
					if err := env.App.DB.Conn(context.Background()).Table("audit_events").Where("request_id = ?", rid).Find(&got).Error; err != nil {
						t.Fatal(err)
					}
					w := st.want()
					if w.action == "" {
						if len(got) != 0 {
							t.Errorf("want no audit rows, got:\n%s", joinRows(got))
						}
						return
					}
					if len(got) != 1 || got[0].String() != w.String() {
						t.Errorf("audit rows:\n%s\nwant exactly\n  %s", joinRows(got), w)
					}
				})
			}
		})
	}
}

func joinRows(rs []auditRow) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("  " + r.String() + "\n")
	}
	return b.String()
}
