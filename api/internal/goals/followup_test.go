package goals_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

var gasLevels = map[string]any{"gas_levels": map[string]any{
	"minus2": "Ingen ture", "minus1": "Én tur om måneden", "zero": "To ture om ugen",
	"plus1": "Tre ture om ugen", "plus2": "Hver dag",
}}

func TestFollowUp(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord, syd := env.Team("Nord"), env.Team("Syd")
			cw := env.User(actor.RoleCaseworker, nord)
			cwSyd := env.User(actor.RoleCaseworker, syd)
			c := s.newCase(t, cw, nord, dreams("At få en hund"), func(n *cases.NewCase) { n.NextFollowUp = s.day(-7) })
			dream := c.Dreams[0].ID
			a := s.activeGoal(t, cw, c.ID, dream, gasLevels, map[string]any{"title": "A: Gå tur med en hund"})
			b := s.activeGoal(t, cw, c.ID, dream, gasLevels, map[string]any{"title": "B: Spare op til en hund"})
			sub := s.activeGoal(t, cw, c.ID, nil, map[string]any{"dream_id": nil, "parent_id": a["id"],
				"title": "A1: Besøge et internat", "target_date": s.day(30)})
			f := s.activeGoal(t, cw, c.ID, dream, gasLevels, map[string]any{"title": "F: Læse om hunde"})
			draft := s.createGoal(t, cw, c.ID, map[string]any{"title": "Kladde", "dream_id": dream})
			sydCase := s.newCase(t, cwSyd, syd, dreams("Syds ønske"))
			sydGoal := s.activeGoal(t, cwSyd, sydCase.ID, sydCase.Dreams[0].ID)
			fuPath := casePath(c.ID, "/follow-ups")
			item := func(g map[string]any, kv ...any) map[string]any {
				m := map[string]any{"goal_id": g["id"], "decision": "keep"}
				for i := 0; i+1 < len(kv); i += 2 {
					m[kv[i].(string)] = kv[i+1]
				}
				return m
			}
			review := func(held, next string, items ...map[string]any) map[string]any {
				if items == nil {
					items = []map[string]any{}
				}
				return map[string]any{"held_on": held, "next_follow_up_date": next, "items": items}
			}
			// The case is read through env: its body shows the masked CPR.
			caseBody := func(t *testing.T) map[string]any {
				t.Helper()
				r := env.Do(get, casePath(c.ID), cw.Token, nil)
				wantStatus(t, r, 200)
				return r.JSON
			}
			goalList := func(t *testing.T) map[string]any {
				t.Helper()
				r := s.do(t, get, casePath(c.ID, "/goals"), cw.Token, nil)
				wantStatus(t, r, 200)
				return r.JSON
			}
			byID := func(l map[string]any, g map[string]any) map[string]any {
				for _, it := range list(l, "items") {
					if m := it.(map[string]any); m["id"] == g["id"] {
						return m
					}
				}
				t.Fatalf("goal %v not listed", g["title"])
				return nil
			}

			t.Run("before any review the case's follow-up is overdue and it has no GAS score", func(t *testing.T) {
				wantFields(t, caseBody(t), map[string]any{"next_follow_up_date": s.day(-7), "follow_up_overdue": true})
				if l := goalList(t); l["gas"] != nil {
					t.Errorf("gas = %v with no attained levels", l["gas"])
				}
			})

			t.Run("a review is refused unless it is complete and sound, and then stores nothing", func(t *testing.T) {
				all := func(first map[string]any) []map[string]any {
					return []map[string]any{first, item(b), item(sub), item(f)}
				}
				const notOpen = "is not a goal being worked on in this case"
				for _, tc := range []struct {
					name   string
					body   map[string]any
					fields []fieldErr
				}{
					{"every goal being worked on must be reviewed", review(s.day(-2), s.day(60), item(a), item(b)),
						[]fieldErr{{"items", "review every goal being worked on; missing: A1: Besøge et internat"},
							{"items", "review every goal being worked on; missing: F: Læse om hunde"}}},
					{"a review without items names every goal", review(s.day(-2), s.day(60)),
						[]fieldErr{{"items", "review every goal being worked on; missing: A: Gå tur med en hund"},
							{"items", "review every goal being worked on; missing: B: Spare op til en hund"},
							{"items", "review every goal being worked on; missing: A1: Besøge et internat"},
							{"items", "review every goal being worked on; missing: F: Læse om hunde"}}},
					{"a goal is reviewed once", review(s.day(-2), s.day(60), append(all(item(a)), item(a))...),
						[]fieldErr{{"items[4].goal_id", "is reviewed twice"}}},
					{"a draft is not reviewed", review(s.day(-2), s.day(60), append(all(item(a)), item(draft))...),
						[]fieldErr{{"items[4].goal_id", notOpen}}},
					{"another team's goal reads as unknown", review(s.day(-2), s.day(60), append(all(item(a)), item(sydGoal))...),
						[]fieldErr{{"items[4].goal_id", notOpen}}},
					{"the next follow-up cannot be in the past", review(s.day(-2), s.day(-1), all(item(a))...),
						[]fieldErr{{"next_follow_up_date", "must be after the follow-up and not in the past"}}},
					{"the next follow-up comes after the review", review(s.day(0), s.day(0), all(item(a))...),
						[]fieldErr{{"next_follow_up_date", "must be after the follow-up and not in the past"}}},
					{"a review is not held in the future", review(s.day(1), s.day(60), all(item(a))...),
						[]fieldErr{{"held_on", "must not be in the future"}}},
					{"both dates are required", review("", "", all(item(a))...),
						[]fieldErr{{"held_on", "is required"}, {"next_follow_up_date", "is required"}}},
					{"an unknown decision is refused", review(s.day(-2), s.day(60), all(item(a, "decision", "pause"))...),
						[]fieldErr{{"items[0].decision", "must be one of keep, adjust, end"}}},
					{"adjusting needs a reason", review(s.day(-2), s.day(60), all(item(a, "decision", "adjust"))...),
						[]fieldErr{{"items[0].reason", "is required"}}},
					{"ending needs how it ends and why", review(s.day(-2), s.day(60), all(item(a, "decision", "end"))...),
						[]fieldErr{{"items[0].end_status", "is required"}, {"items[0].reason", "is required"}}},
					{"ending as achieved needs the next step", review(s.day(-2), s.day(60),
						all(item(a, "decision", "end", "end_status", "achieved", "reason", "Nået"))...),
						[]fieldErr{{"items[0].next_step_kind", "is required"}, {"items[0].next_step_note", "is required"}}},
					{"values are from 1 to 10", review(s.day(-2), s.day(60), all(item(a, "citizen_value", 0, "caseworker_value", 11))...),
						[]fieldErr{{"items[0].caseworker_value", "must be a whole number from 1 to 10"},
							{"items[0].citizen_value", "must be a whole number from 1 to 10"}}},
					{"a GAS level is from −2 to 2", review(s.day(-2), s.day(60), all(item(a, "gas_level", 3))...),
						[]fieldErr{{"items[0].gas_level", "must be from -2 to 2"}}},
					{"a GAS level needs the goal's attainment levels", review(s.day(-2), s.day(60),
						item(a), item(b), item(sub, "gas_level", 0), item(f)),
						[]fieldErr{{"items[2].gas_level", "the goal has no attainment levels"}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, s.do(t, post, fuPath, cw.Token, tc.body), 422, msgInvalid, tc.fields...)
					})
				}
				r := s.do(t, get, fuPath, cw.Token, nil)
				wantStatus(t, r, 200)
				if n := len(list(r.JSON, "items")); n != 0 {
					t.Errorf("refused reviews stored %d follow-ups", n)
				}
				l := goalList(t)
				for _, g := range []map[string]any{a, b, sub, f} {
					if m := byID(l, g); num(m, "version") != num(g, "version") || len(list(m, "progress")) != 0 {
						t.Errorf("a refused review changed %s: %v", str(g, "title"), m)
					}
				}
				wantFields(t, caseBody(t), map[string]any{"next_follow_up_date": s.day(-7), "follow_up_overdue": true})
			})

			var first map[string]any
			t.Run("a review keeps, adjusts and ends goals and records the measurements", func(t *testing.T) {
				r := s.do(t, post, fuPath, cw.Token, map[string]any{"held_on": s.day(-2), "next_follow_up_date": s.day(60),
					"note": "Godt møde på cafeen", "items": []map[string]any{
						item(a, "citizen_value", 6, "caseworker_value", 5, "gas_level", 1),
						item(b, "decision", "adjust", "reason", "Sparer 200 kr. om måneden i stedet", "citizen_value", 4, "gas_level", 1),
						item(sub, "decision", "end", "end_status", "achieved", "reason", "Har besøgt internatet",
							"next_step_kind", "new_goal", "next_step_note", "Nyt delmål: lufte en hund", "citizen_value", 9),
						item(f, "end_status", "achieved", "next_step_kind", "agreed_end"),
					}})
				wantStatus(t, r, 201)
				first = r.JSON
				wantFields(t, first, map[string]any{"case_id": c.ID, "held_on": s.day(-2), "next_follow_up_date": s.day(60),
					"note": "Godt møde på cafeen", "by": cw.Name,
					"items[0].decision": "keep", "items[0].citizen_value": 6, "items[0].caseworker_value": 5, "items[0].gas_level": 1,
					"items[1].decision": "adjust", "items[1].reason": "Sparer 200 kr. om måneden i stedet",
					"items[2].decision": "end", "items[2].end_status": "achieved", "items[2].next_step_kind": "new_goal",
					"items[3].decision": "keep"})
				// A kept goal carries no end status or next step, whatever was sent.
				for _, k := range []string{"end_status", "next_step_kind", "next_step_note"} {
					if v := dig(first, "items[3]."+k); v != nil {
						t.Errorf("kept goal has %s = %v", k, v)
					}
				}

				ga := s.read(t, cw, a)
				wantFields(t, ga, map[string]any{"status": "active", "gas_attained": 1, "version": num(a, "version") + 1})
				if len(list(ga, "history")) != 2 {
					t.Errorf("keeping a goal wrote history: %v", list(ga, "history"))
				}
				gb := s.read(t, cw, b)
				wantFields(t, gb, map[string]any{"status": "adjusted", "gas_attained": 1,
					"history[2].from": "active", "history[2].to": "adjusted", "history[2].reason": "Sparer 200 kr. om måneden i stedet",
					"history[2].by_name": cw.Name})
				gs := s.read(t, cw, sub)
				wantFields(t, gs, map[string]any{"status": "achieved", "next_step.kind": "new_goal", "next_step.note": "Nyt delmål: lufte en hund",
					"history[2].to": "achieved", "history[2].next_step.kind": "new_goal"})
				gf := s.read(t, cw, f)
				if str(gf, "status") != "active" || gf["gas_attained"] != nil {
					t.Errorf("F: status %s, gas_attained %v", str(gf, "status"), gf["gas_attained"])
				}

				for _, tc := range []struct {
					g    map[string]any
					want []string
				}{
					{a, []string{"citizen=6", "caseworker=5"}},
					{b, []string{"citizen=4"}},
					{sub, []string{"citizen=9"}},
					{f, nil},
				} {
					r := s.do(t, get, goalPath(tc.g, "/progress"), cw.Token, nil)
					var got []string
					for _, it := range list(r.JSON, "items") {
						m := it.(map[string]any)
						if str(m, "measured_on") != s.day(-2) || m["follow_up_id"] != first["id"] || str(m, "recorded_by") != cw.Name {
							t.Errorf("%s: measurement %v is not dated and linked to the review", str(tc.g, "title"), m)
						}
						got = append(got, str(m, "rater")+"="+itoa(num(m, "value")))
					}
					if fmt.Sprint(sortedCopy(got)) != fmt.Sprint(sortedCopy(tc.want)) {
						t.Errorf("%s: progress %v, want %v", str(tc.g, "title"), got, tc.want)
					}
				}
			})

			t.Run("the case's GAS T-score counts goals with levels and an attained level", func(t *testing.T) {
				// A and B at +1 (F has levels but no attained level yet; A1 has no levels):
				// T = 50 + 10·2/√(0.7·2 + 0.3·2²) = 50 + 20/√2.6 = 62.4.
				wantFields(t, goalList(t), map[string]any{"gas.t_score": 62.4, "gas.goals_counted": 2})
			})

			t.Run("the review's next date becomes the case's and it is no longer overdue", func(t *testing.T) {
				wantFields(t, caseBody(t), map[string]any{"next_follow_up_date": s.day(60), "follow_up_overdue": false})
			})

			t.Run("a second review scores three goals; the list shows the newest first", func(t *testing.T) {
				// Being worked on now: A (active), B (adjusted), F (active); A1 was reached.
				r := s.do(t, post, fuPath, cw.Token, review(s.day(0), s.day(90),
					item(a, "gas_level", -1), item(b, "gas_level", 0), item(f, "gas_level", 2)))
				wantStatus(t, r, 201)
				// −1, 0, +2: T = 50 + 10·1/√(0.7·3 + 0.3·3²) = 50 + 10/√4.8 = 54.6.
				wantFields(t, goalList(t), map[string]any{"gas.t_score": 54.6, "gas.goals_counted": 3})
				if got := s.read(t, cw, b); str(got, "status") != "adjusted" || len(list(got, "history")) != 3 {
					t.Errorf("keeping an adjusted goal changed its status or history: %s", str(got, "status"))
				}
				l := s.do(t, get, fuPath, cw.Token, nil)
				var held []string
				for _, it := range list(l.JSON, "items") {
					held = append(held, str(it.(map[string]any), "held_on"))
				}
				if strings.Join(held, ",") != s.day(0)+","+s.day(-2) {
					t.Errorf("follow-ups held on %v, want newest first", held)
				}
				if got := dig(l.JSON, "items[1].items[1].reason"); got != "Sparer 200 kr. om måneden i stedet" {
					t.Errorf("the first review's record reads %v", got)
				}
				wantFields(t, caseBody(t), map[string]any{"next_follow_up_date": s.day(90), "follow_up_overdue": false})
			})

			t.Run("a goal ended as discontinued needs only a reason and leaves the GAS score", func(t *testing.T) {
				r := s.do(t, post, fuPath, cw.Token, review(s.day(0), s.day(100),
					item(a, "decision", "end", "end_status", "discontinued", "reason", "Ønsker det ikke længere"), item(b), item(f)))
				wantStatus(t, r, 201)
				wantFields(t, s.read(t, cw, a), map[string]any{"status": "discontinued", "history[2].reason": "Ønsker det ikke længere"})
				if got := s.read(t, cw, a); got["next_step"] != nil {
					t.Errorf("discontinued goal has next_step %v", got["next_step"])
				}
				// B at 0 and F at +2: T = 50 + 10·2/√2.6 = 62.4.
				wantFields(t, goalList(t), map[string]any{"gas.t_score": 62.4, "gas.goals_counted": 2})
			})

			t.Run("a case with no goals being worked on is reviewed without items", func(t *testing.T) {
				empty := s.newCase(t, cw, nord)
				r := s.do(t, post, casePath(empty.ID, "/follow-ups"), cw.Token, review(s.day(0), s.day(30)))
				wantStatus(t, r, 201)
				if len(list(r.JSON, "items")) != 0 {
					t.Errorf("items = %v", r.JSON["items"])
				}
			})

			t.Run("the case is overdue again once the next date has passed", func(t *testing.T) {
				env.Clock.Advance(101 * 24 * time.Hour)
				tok := env.Login(cw.Email, cw.Password) // the old token has expired
				r := env.Do(get, casePath(c.ID), tok, nil)
				wantFields(t, r.JSON, map[string]any{"next_follow_up_date": s.day(100), "follow_up_overdue": true})
			})
		})
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
