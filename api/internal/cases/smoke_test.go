package cases_test

import (
	"net/http"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestSmoke(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			env := testkit.Start(t, d)
			team := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, team)
			r := env.Do(http.MethodPost, "/api/v1/cases", cw.Token, map[string]any{
				"team_id": team.ID, "citizen": map[string]any{"name": "Karen Østergaard", "cpr": "610190-1234"},
				"legal_basis": "sel_85", "target_group": "autism", "follow_up_cadence": "quarterly",
				"dreams": []map[string]any{{"text": "At få en hund"}},
			})
			if r.Status != 201 {
				t.Fatalf("create: %d %s", r.Status, r.Body)
			}
			id := r.JSON["id"].(string)
			etag := r.Header.Get("ETag")
			g := env.Do(http.MethodGet, "/api/v1/cases/"+id, cw.Token, nil)
			if g.Status != 200 {
				t.Fatalf("get: %d %s", g.Status, g.Body)
			}
			t.Logf("%s", g.Body)
			l := env.Do(http.MethodGet, "/api/v1/cases?q=kar&sort=name", cw.Token, nil)
			if l.Status != 200 {
				t.Fatalf("list: %d %s", l.Status, l.Body)
			}
			t.Logf("%s", l.Body)
			u := env.Do(http.MethodPatch, "/api/v1/cases/"+id, cw.Token, map[string]any{"legal_basis": "sel_107"}, "If-Match", etag)
			if u.Status != 200 {
				t.Fatalf("update: %d %s", u.Status, u.Body)
			}
			u2 := env.Do(http.MethodPatch, "/api/v1/cases/"+id, cw.Token, map[string]any{"legal_basis": "sel_107"}, "If-Match", etag)
			if u2.Status != 412 {
				t.Fatalf("stale update: %d %s", u2.Status, u2.Body)
			}
			p := env.Do(http.MethodPost, "/api/v1/cases/"+id+"/phase", cw.Token, map[string]any{"to": "sagsoplysning"}, "If-Match", u.Header.Get("ETag"))
			if p.Status != 200 {
				t.Fatalf("phase: %d %s", p.Status, p.Body)
			}
			for _, s := range []string{"updated_at", "-updated_at", "opened_at", "name", "-next_follow_up"} {
				l := env.Do(http.MethodGet, "/api/v1/cases?limit=1&sort="+s, cw.Token, nil)
				if l.Status != 200 {
					t.Fatalf("list %s: %d %s", s, l.Status, l.Body)
				}
				if c, ok := l.JSON["next_cursor"].(string); ok {
					l2 := env.Do(http.MethodGet, "/api/v1/cases?limit=1&sort="+s+"&cursor="+c, cw.Token, nil)
					if l2.Status != 200 {
						t.Fatalf("list2 %s: %d %s", s, l2.Status, l2.Body)
					}
				}
			}
			a := env.Do(http.MethodGet, "/api/v1/cases/"+id+"/cpr", cw.Token, nil)
			t.Logf("%d %s", a.Status, a.Body)
		})
	}
}
