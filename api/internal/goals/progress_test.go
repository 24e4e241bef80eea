package goals_test

import (
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestProgress(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, nord)
			leader := env.User(actor.RoleLeader, nord)
			c := s.newCase(t, cw, nord, dreams("At få en hund"))
			dream := c.Dreams[0].ID
			g := s.activeGoal(t, cw, c.ID, dream)
			series := func(t *testing.T, g map[string]any) map[string]any {
				t.Helper()
				r := s.do(t, get, goalPath(g, "/progress"), cw.Token, nil)
				wantStatus(t, r, 200)
				return r.JSON
			}

			t.Run("a measurement is checked, every field at once", func(t *testing.T) {
				ok := map[string]any{"measured_on": s.day(0), "rater": "citizen", "value": 5}
				with := func(k string, v any) map[string]any {
					b := map[string]any{}
					for kk, vv := range ok {
						b[kk] = vv
					}
					b[k] = v
					return b
				}
				for _, tc := range []struct {
					name   string
					body   map[string]any
					fields []fieldErr
				}{
					{"a value below 1 is refused", with("value", 0), []fieldErr{{"value", "must be a whole number from 1 to 10"}}},
					{"a value above 10 is refused", with("value", 11), []fieldErr{{"value", "must be a whole number from 1 to 10"}}},
					{"a date in the future is refused", with("measured_on", s.day(1)), []fieldErr{{"measured_on", "must not be in the future"}}},
					{"the date must be a date", with("measured_on", "24/11/2026"), []fieldErr{{"measured_on", "must be a date such as 2027-01-31"}}},
					{"the rater is citizen, caseworker or provider", with("rater", "neighbour"),
						[]fieldErr{{"rater", "must be one of citizen, caseworker, provider"}}},
					{"a note has at most 4000 characters", with("note", strings.Repeat("n", 4001)),
						[]fieldErr{{"note", "must be at most 4000 characters"}}},
					{"an empty measurement names every field", map[string]any{},
						[]fieldErr{{"measured_on", "is required"}, {"rater", "is required"}, {"value", "must be a whole number from 1 to 10"}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, s.do(t, post, goalPath(g, "/progress"), cw.Token, tc.body), 422, msgInvalid, tc.fields...)
					})
				}
				if n := len(list(series(t, g), "items")); n != 0 {
					t.Errorf("refused measurements stored %d rows", n)
				}
			})

			t.Run("drafts and discontinued goals are not measured", func(t *testing.T) {
				draft := s.createGoal(t, cw, c.ID, s.smart(dream))
				stopped := s.setStatus(t, cw, s.activeGoal(t, cw, c.ID, dream), "discontinued", "Borgeren ønsker det ikke")
				for _, x := range []map[string]any{draft, stopped} {
					r := s.do(t, post, goalPath(x, "/progress"), cw.Token, map[string]any{"measured_on": s.day(0), "rater": "citizen", "value": 5})
					wantProblem(t, r, 409, msgNoMeasure)
				}
			})

			t.Run("a measurement is recorded with its note and who recorded it", func(t *testing.T) {
				r := s.do(t, post, goalPath(g, "/progress"), cw.Token,
					map[string]any{"measured_on": s.day(-10), "rater": "citizen", "value": 5, "note": "Tog bussen én gang"})
				wantStatus(t, r, 201)
				wantFields(t, r.JSON, map[string]any{"goal_id": g["id"], "measured_on": s.day(-10), "rater": "citizen", "value": 5,
					"note": "Tog bussen én gang", "recorded_by": cw.Name})
				if r.JSON["follow_up_id"] != nil || str(r.JSON, "id") == "" || str(r.JSON, "recorded_at") == "" {
					t.Errorf("id, recorded_at, follow_up_id: %s", r.Body)
				}
			})

			t.Run("the series is in date order with first, latest and change per rater", func(t *testing.T) {
				// Recorded out of date order; the citizen's 5 on day −10 is above.
				s.addProgress(t, cw, g, s.day(-20), "citizen", 3)
				s.addProgress(t, cw, g, s.day(0), "citizen", 7)
				s.addProgress(t, leader, g, s.day(0), "caseworker", 6)
				s.addProgress(t, leader, g, s.day(-20), "caseworker", 4)
				s.addProgress(t, cw, g, s.day(-5), "provider", 8)
				s.addProgress(t, cw, g, s.day(-1), "provider", 6)
				sr := series(t, g)
				var rows []string
				for _, it := range list(sr, "items") {
					m := it.(map[string]any)
					rows = append(rows, str(m, "measured_on")+" "+str(m, "rater")+"="+itoa(num(m, "value"))+" by "+str(m, "recorded_by"))
				}
				want := []string{
					s.day(-20) + " citizen=3 by " + cw.Name,
					s.day(-20) + " caseworker=4 by " + leader.Name,
					s.day(-10) + " citizen=5 by " + cw.Name,
					s.day(-5) + " provider=8 by " + cw.Name,
					s.day(-1) + " provider=6 by " + cw.Name,
					s.day(0) + " citizen=7 by " + cw.Name,
					s.day(0) + " caseworker=6 by " + leader.Name,
				}
				if strings.Join(rows, "\n") != strings.Join(want, "\n") {
					t.Errorf("items:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
				}
				// citizen 3 → 5 → 7: change +4; caseworker 4 → 6: +2; provider 8 → 6: −2.
				wantSummary := []string{
					"citizen count=3 first=3@" + s.day(-20) + " latest=7@" + s.day(0) + " change=4",
					"caseworker count=2 first=4@" + s.day(-20) + " latest=6@" + s.day(0) + " change=2",
					"provider count=2 first=8@" + s.day(-5) + " latest=6@" + s.day(-1) + " change=-2",
				}
				if got := summary(sr, "summary"); strings.Join(got, "\n") != strings.Join(wantSummary, "\n") {
					t.Errorf("summary:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantSummary, "\n"))
				}
				if got := summary(s.read(t, cw, g), "progress"); strings.Join(got, "\n") != strings.Join(wantSummary, "\n") {
					t.Errorf("GET /goals/{id} progress:\n%s", strings.Join(got, "\n"))
				}
				r := s.do(t, get, casePath(c.ID, "/goals"), cw.Token, nil)
				for _, it := range list(r.JSON, "items") {
					if m := it.(map[string]any); m["id"] == g["id"] {
						if got := summary(m, "progress"); strings.Join(got, "\n") != strings.Join(wantSummary, "\n") {
							t.Errorf("list progress:\n%s", strings.Join(got, "\n"))
						}
					}
				}
			})

			t.Run("top marks from both sides do not finish a goal", func(t *testing.T) {
				s.addProgress(t, cw, g, s.day(0), "citizen", 10)
				s.addProgress(t, cw, g, s.day(0), "caseworker", 10)
				got := s.read(t, cw, g)
				if str(got, "status") != "active" || num(got, "version") != num(g, "version") || len(list(got, "history")) != 2 {
					t.Errorf("measurements changed the goal: status %s, version %d", str(got, "status"), num(got, "version"))
				}
			})

			t.Run("a reached goal can still be measured", func(t *testing.T) {
				reached := s.setStatus(t, cw, s.activeGoal(t, cw, c.ID, dream), "achieved", "Nået", "agreed_end", "Støtten slutter")
				s.addProgress(t, cw, reached, s.day(0), "citizen", 9)
			})
		})
	}
}

// summary renders a progress summary list.
func summary(m map[string]any, path string) []string {
	var out []string
	for _, it := range list(m, path) {
		x := it.(map[string]any)
		out = append(out, str(x, "rater")+" count="+itoa(num(x, "count"))+" first="+itoa(num(x, "first"))+"@"+str(x, "first_on")+
			" latest="+itoa(num(x, "latest"))+"@"+str(x, "latest_on")+" change="+itoa(num(x, "change")))
	}
	return out
}
