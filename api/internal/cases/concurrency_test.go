package cases_test

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	msgStale         = "Someone else has changed this since you opened it. Reload to see their changes, then apply yours again."
	msgNeedsIfMatch  = "Send the If-Match header with the ETag you received, so that no one else's changes are overwritten."
	msgBadIfMatch    = "The If-Match header does not match any version of this resource."
	concurrentRounds = 5
)

// auditCount counts audit rows of one action about one case.
func auditCount(t *testing.T, env *testkit.Env, caseID uuid.UUID, action string) int {
	t.Helper()
	var n int64
	if err := env.App.DB.Conn(context.Background()).Table("audit_events").
		Where("case_id = ? AND action = ? AND outcome = 'success'", caseID, action).Count(&n).Error; err != nil {
		t.Fatalf("count audit rows: %v", err)
	}
	return int(n)
}

func TestCaseVersions(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, nord)

			t.Run("every read and write answers the version as a strong ETag", func(t *testing.T) {
				r := s.do(t, post, "/api/v1/cases", cw.Token, map[string]any{"team_id": nord.ID,
					"citizen": map[string]any{"name": "Åse", "cpr": s.cpr()}, "legal_basis": "sel_82", "target_group": "other"})
				wantStatus(t, r, 201)
				wantETag(t, r, 1)
				p := casePath(str(r.JSON, "id"))
				steps := []struct {
					method, suffix string
					body           any
				}{
					{get, "", nil},
					{patch, "", map[string]any{"legal_basis_note": "x"}},
					{get, "", nil},
					{post, "/phase", map[string]any{"to": "sagsoplysning"}},
					{post, "/close", map[string]any{"reason": "moved"}},
					{post, "/reopen", map[string]any{}},
					{get, "", nil},
				}
				version := 1
				for _, st := range steps {
					r := s.do(t, st.method, p+st.suffix, cw.Token, st.body, "If-Match", fmt.Sprintf(`"%d"`, version))
					wantStatus(t, r, 200)
					if st.method != get {
						version++
					}
					wantETag(t, r, version)
					if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
						t.Errorf("%s %s: Cache-Control = %q", st.method, st.suffix, cc)
					}
				}
			})

			t.Run("If-Match is required, checked and may be weak", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				p := casePath(c.ID)
				body := map[string]any{"legal_basis_note": "ny"}
				for _, suffix := range []string{"", "/close", "/reopen", "/phase"} {
					var b any = body
					if suffix != "" {
						b = map[string]any{}
					}
					wantProblem(t, s.do(t, methodFor(suffix), p+suffix, cw.Token, b), 428, msgNeedsIfMatch)
				}
				wantProblem(t, s.do(t, patch, p, cw.Token, body, "If-Match", "*"), 412, msgBadIfMatch)
				wantProblem(t, s.do(t, patch, p, cw.Token, body, "If-Match", `"0"`), 412, msgBadIfMatch)
				r := s.do(t, patch, p, cw.Token, body, "If-Match", `W/"1"`)
				wantStatus(t, r, 200)
				wantETag(t, r, 2)

				stale := s.do(t, patch, p, cw.Token, map[string]any{"legal_basis_note": "forældet"}, "If-Match", `"1"`)
				wantProblem(t, stale, 412, msgStale)
				if got := str(stale.JSON, "current_etag"); got != `"2"` {
					t.Errorf("current_etag = %q, want %q", got, `"2"`)
				}
				ahead := s.do(t, post, p+"/phase", cw.Token, map[string]any{"to": "sagsoplysning"}, "If-Match", `"7"`)
				wantProblem(t, ahead, 412, msgStale)
				if g := s.do(t, get, p, cw.Token, nil); str(g.JSON, "legal_basis_note") != "ny" || str(g.JSON, "phase") != "sagsaabning" {
					t.Errorf("stale writes changed the case: %s", g.Body)
				}
				if n := auditCount(t, env, c.ID, "case.update"); n != 1 {
					t.Errorf("case.update audit rows = %d, want 1 (refused writes are not successes)", n)
				}
			})

			t.Run("two concurrent updates with the same If-Match: exactly one wins, whole", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				p := casePath(c.ID)
				for round := 1; round <= concurrentRounds; round++ {
					bodies := make([]map[string]any, 2)
					for i := range bodies {
						who := fmt.Sprintf("writer %d round %d", i, round)
						bodies[i] = map[string]any{
							"legal_basis_note":  who,
							"dreams":            []map[string]any{{"text": who}},
							"contact_agreement": map[string]any{"notes": who},
							"citizen":           map[string]any{"name": who},
						}
					}
					res := make([]testkit.Response, 2)
					var wg sync.WaitGroup
					start := make(chan struct{})
					for i := range bodies {
						wg.Add(1)
						go func() {
							defer wg.Done()
							<-start
							res[i] = s.do(t, patch, p, cw.Token, bodies[i], "If-Match", fmt.Sprintf(`"%d"`, round))
						}()
					}
					close(start)
					wg.Wait()
					codes := []int{res[0].Status, res[1].Status}
					sort.Ints(codes)
					if codes[0] != 200 || codes[1] != 412 {
						t.Fatalf("round %d: statuses %v, want one 200 and one 412\n%s\n%s", round, codes, res[0].Body, res[1].Body)
					}
					winner, loser := 0, 1
					if res[1].Status == 200 {
						winner, loser = 1, 0
					}
					wantProblem(t, res[loser], 412, msgStale)
					if got := str(res[loser].JSON, "current_etag"); got != fmt.Sprintf(`"%d"`, round+1) {
						t.Errorf("round %d: loser's current_etag = %q", round, got)
					}
					g := s.do(t, get, p, cw.Token, nil)
					wantETag(t, g, round+1)
					who := str(bodies[winner], "legal_basis_note")
					for _, path := range []string{"legal_basis_note", "dreams[0].text", "contact_agreement.notes", "citizen.name"} {
						if got := str(g.JSON, path); got != who {
							t.Errorf("round %d: %s = %q, want the winner's %q (nothing of the loser, nothing half-written)", round, path, got, who)
						}
					}
					if n := len(list(g.JSON, "dreams")); n != 1 {
						t.Errorf("round %d: %d dreams, want 1", round, n)
					}
				}
				if n := auditCount(t, env, c.ID, "case.update"); n != concurrentRounds {
					t.Errorf("case.update audit rows = %d, want %d (one per successful update)", n, concurrentRounds)
				}
			})

			t.Run("two concurrent phase moves with the same If-Match: one move in the history", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				p := casePath(c.ID)
				res := make([]testkit.Response, 2)
				var wg sync.WaitGroup
				start := make(chan struct{})
				for i, suffix := range []string{"/phase", "/close"} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						body := map[string]any{"to": "sagsoplysning", "note": "samtidig"}
						if suffix == "/close" {
							body = map[string]any{"reason": "refused"}
						}
						res[i] = s.do(t, post, p+suffix, cw.Token, body, "If-Match", `"1"`)
					}()
				}
				close(start)
				wg.Wait()
				if (res[0].Status == 200) == (res[1].Status == 200) || res[0].Status+res[1].Status != 200+412 {
					t.Fatalf("statuses %d and %d, want one 200 and one 412", res[0].Status, res[1].Status)
				}
				g := s.do(t, get, p, cw.Token, nil)
				wantETag(t, g, 2)
				moved := res[0].Status == 200
				h := list(g.JSON, "phase_history")
				if moved {
					if str(g.JSON, "phase") != "sagsoplysning" || str(g.JSON, "status") != "open" || len(h) != 2 {
						t.Errorf("phase move won, but case = phase %s status %s history %d", str(g.JSON, "phase"), str(g.JSON, "status"), len(h))
					}
				} else if str(g.JSON, "phase") != "sagsaabning" || str(g.JSON, "status") != "closed" || len(h) != 1 {
					t.Errorf("close won, but case = phase %s status %s history %d (a lost move must leave no history)", str(g.JSON, "phase"), str(g.JSON, "status"), len(h))
				}
				if a, b := auditCount(t, env, c.ID, "case.phase"), auditCount(t, env, c.ID, "case.close"); a+b != 1 {
					t.Errorf("audit rows phase %d + close %d, want exactly 1", a, b)
				}
			})
		})
	}
}

func methodFor(suffix string) string {
	if suffix == "" {
		return http.MethodPatch
	}
	return http.MethodPost
}
