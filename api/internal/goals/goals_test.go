package goals_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestGoalLifecycle(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, nord)
			leader := env.User(actor.RoleLeader, nord)
			c := s.newCase(t, cw, nord, dreams("At få en hund", "At bo for mig selv"))
			dream := c.Dreams[0].ID.String()
			otherCase := s.newCase(t, cw, nord, dreams("Et andet ønske"))
			goalsOf := casePath(c.ID, "/goals")
			countGoals := func(t *testing.T) int {
				t.Helper()
				r := s.do(t, get, goalsOf, cw.Token, nil)
				wantStatus(t, r, 200)
				return len(list(r.JSON, "items"))
			}
			var draft map[string]any

			t.Run("a draft goal is created linked to one of the case's dreams", func(t *testing.T) {
				r := s.do(t, post, goalsOf, cw.Token, map[string]any{"title": "Tage bussen alene", "dream_id": dream})
				wantStatus(t, r, 201)
				draft = r.JSON
				if got := r.Header.Get("Location"); got != goalPath(draft) {
					t.Errorf("Location = %q, want %q", got, goalPath(draft))
				}
				if got := r.Header.Get("ETag"); got != `"1"` {
					t.Errorf("ETag = %q", got)
				}
				wantFields(t, draft, map[string]any{
					"case_id": c.ID, "dream_id": dream, "title": "Tage bussen alene", "status": "draft", "version": 1,
					"horizon": "short", "smart.met": false, "history[0].from": "", "history[0].to": "draft",
					"history[0].reason": "created", "history[0].by_id": cw.ID, "history[0].by_name": cw.Name,
				})
				if dig(draft, "parent_id") != nil || dig(draft, "target_date") != nil || dig(draft, "next_step") != nil {
					t.Errorf("unset fields are present: %s", r.Body)
				}
				if got := strs(list(draft, "allowed_next_statuses")); !reflect.DeepEqual(got, []string{"active", "discontinued"}) {
					t.Errorf("allowed_next_statuses = %v", got)
				}
				if len(list(draft, "participants")) != 0 || len(list(draft, "progress")) != 0 || len(list(draft, "history")) != 1 {
					t.Errorf("participants, progress, history: %s", r.Body)
				}
				g := s.read(t, cw, draft)
				for _, k := range []string{"id", "title", "status", "version", "smart", "history", "dream_id"} {
					if !reflect.DeepEqual(g[k], draft[k]) {
						t.Errorf("GET %s = %v, POST gave %v", k, g[k], draft[k])
					}
				}
			})

			t.Run("creating refuses bad fields, all of them at once, and stores nothing", func(t *testing.T) {
				before := countGoals(t)
				for _, tc := range []struct {
					name   string
					body   map[string]any
					fields []fieldErr
				}{
					{"a goal needs a title", map[string]any{"title": "  "}, []fieldErr{{"title", "is required"}}},
					{"a title has at most 300 characters", map[string]any{"title": strings.Repeat("a", 301)},
						[]fieldErr{{"title", "must be at most 300 characters"}}},
					{"the dream must be one of this case's", map[string]any{"title": "Mål", "dream_id": otherCase.Dreams[0].ID},
						[]fieldErr{{"dream_id", "is not one of the case's hopes, wishes and dreams"}}},
					{"the horizon is short or long", map[string]any{"title": "Mål", "horizon": "medium"},
						[]fieldErr{{"horizon", "must be one of short, long"}}},
					{"the target date is a date", map[string]any{"title": "Mål", "target_date": "31-01-2027"},
						[]fieldErr{{"target_date", "must be a date such as 2027-01-31"}}},
					{"participants have a known kind", map[string]any{"title": "Mål", "participants": []map[string]any{{"kind": "friend"}}},
						[]fieldErr{{"participants[0].kind", "must be one of citizen, caseworker, provider, network"}}},
					{"attainment levels are given all five", map[string]any{"title": "Mål", "gas_levels": map[string]any{"zero": "To ture"}},
						[]fieldErr{{"gas_levels.minus1", "is required"}, {"gas_levels.minus2", "is required"},
							{"gas_levels.plus1", "is required"}, {"gas_levels.plus2", "is required"}}},
					{"every problem is reported together", map[string]any{"title": "", "horizon": "x", "target_date": "soon"},
						[]fieldErr{{"horizon", "must be one of short, long"}, {"target_date", "must be a date such as 2027-01-31"},
							{"title", "is required"}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						r := s.do(t, post, goalsOf, cw.Token, tc.body)
						wantProblem(t, r, 422, msgInvalid, tc.fields...)
					})
				}
				if n := countGoals(t); n != before {
					t.Errorf("refused creates left %d goals, want %d", n, before)
				}
			})

			t.Run("the live SMART check answers the criteria and stores nothing", func(t *testing.T) {
				main := s.createGoal(t, cw, c.ID, s.smart(dream))
				before, audits := countGoals(t), auditRows(t, env, "action <> 'goal.list'")
				for _, tc := range []struct {
					name string
					body map[string]any
					want string
				}{
					{"a title alone misses every other criterion", map[string]any{"title": "Tage bussen", "dream_id": dream},
						"specific:describe_change measurable:missing_indicator achievable:missing_steps relevant:missing_why time_bound:missing_date"},
					{"a complete goal meets all five", s.smart(dream), allMet},
					{"an indicator without a target", s.smart(dream, map[string]any{"measurable_target": nil}),
						"specific:met measurable:missing_target achievable:met relevant:met time_bound:met"},
					{"steps without resources", s.smart(dream, map[string]any{"achievable_resources": nil}),
						"specific:met measurable:met achievable:missing_resources relevant:met time_bound:met"},
					{"a dream of another case counts as no dream", s.smart(otherCase.Dreams[0].ID),
						"specific:met measurable:met achievable:met relevant:missing_dream time_bound:met"},
					{"a sub-goal is relevant through its main goal", s.smart(nil, map[string]any{"dream_id": nil, "parent_id": main["id"]}), allMet},
					{"a target date that has passed", s.smart(dream, map[string]any{"target_date": s.day(-1)}),
						"specific:met measurable:met achievable:met relevant:met time_bound:date_passed"},
				} {
					t.Run(tc.name, func(t *testing.T) {
						r := s.do(t, post, casePath(c.ID, "/goals/check"), cw.Token, tc.body)
						wantStatus(t, r, 200)
						if got := criteria(r.JSON); got != tc.want {
							t.Errorf("criteria:\n got %s\nwant %s", got, tc.want)
						}
						if met := r.JSON["met"] == true; met != (tc.want == allMet) {
							t.Errorf("met = %v", met)
						}
						for _, cr := range list(r.JSON, "criteria") {
							m := cr.(map[string]any)
							if (m["met"] == true) == (str(m, "hint") != "") {
								t.Errorf("%s: met %v with hint %q", str(m, "key"), m["met"], str(m, "hint"))
							}
						}
					})
				}
				if n := countGoals(t); n != before {
					t.Errorf("the check stored goals: %d, want %d", n, before)
				}
				if n := auditRows(t, env, "action <> 'goal.list'"); n != audits {
					t.Errorf("the check left %d audit rows", n-audits)
				}
			})

			t.Run("activation is refused with 422 naming every unmet field", func(t *testing.T) {
				r := s.do(t, post, goalPath(draft, "/status"), cw.Token, map[string]any{"status": "active", "reason": "Klar"}, "If-Match", `"1"`)
				wantProblem(t, r, 422, msgNotSMART,
					fieldErr{"achievable_steps", hintSteps}, fieldErr{"measurable_indicator", hintIndicator},
					fieldErr{"relevant", hintWhy}, fieldErr{"specific", hintSpecific}, fieldErr{"target_date", hintNoDate})
				if g := s.read(t, cw, draft); str(g, "status") != "draft" || num(g, "version") != 1 || len(list(g, "history")) != 1 {
					t.Errorf("a refused activation changed the goal: %v", g)
				}
			})

			t.Run("a target date that has passed is refused at activation", func(t *testing.T) {
				g := s.createGoal(t, cw, c.ID, s.smart(dream, map[string]any{"target_date": s.day(-1)}))
				if got := criteria(dig(g, "smart").(map[string]any)); !strings.HasSuffix(got, "time_bound:date_passed") {
					t.Errorf("criteria = %s", got)
				}
				r := s.do(t, post, goalPath(g, "/status"), cw.Token, map[string]any{"status": "active", "reason": "Klar"}, "If-Match", etag(g))
				wantProblem(t, r, 422, msgNotSMART, fieldErr{"target_date", hintDatePassed})
			})

			t.Run("a draft made SMART becomes active, and the history says who and why", func(t *testing.T) {
				b := s.smart(dream)
				delete(b, "dream_id")
				r := s.do(t, patch, goalPath(draft), cw.Token, b, "If-Match", `"1"`)
				wantStatus(t, r, 200)
				wantFields(t, r.JSON, map[string]any{"version": 2, "status": "draft", "smart.met": true, "dream_id": dream,
					"target_date": s.day(90), "title": b["title"]})
				g := s.setStatus(t, leader, r.JSON, "active", "Borgeren er klar")
				wantFields(t, g, map[string]any{"status": "active", "version": 3,
					"history[1].from": "draft", "history[1].to": "active", "history[1].reason": "Borgeren er klar",
					"history[1].by_id": leader.ID, "history[1].by_name": leader.Name})
				if got := strs(list(g, "allowed_next_statuses")); !reflect.DeepEqual(got, []string{"achieved", "adjusted", "discontinued"}) {
					t.Errorf("allowed_next_statuses = %v", got)
				}
				draft = g
			})

			t.Run("sub-goals", func(t *testing.T) {
				main := s.activeGoal(t, cw, c.ID, dream)
				var sub map[string]any
				t.Run("a sub-goal of a main goal of the same case needs no dream of its own", func(t *testing.T) {
					sub = s.createGoal(t, cw, c.ID, s.smart(nil, map[string]any{"dream_id": nil, "parent_id": main["id"],
						"title": "Købe et buskort", "target_date": s.day(30)}))
					wantFields(t, sub, map[string]any{"parent_id": main["id"], "status": "draft", "smart.met": true})
					sub = s.setStatus(t, cw, sub, "active", "Første skridt")
				})
				t.Run("a sub-goal may end on the main goal's date", func(t *testing.T) {
					s.createGoal(t, cw, c.ID, map[string]any{"title": "Samme dag", "parent_id": main["id"], "target_date": s.day(90)})
				})
				subOfOther := s.createGoal(t, cw, otherCase.ID, s.smart(otherCase.Dreams[0].ID))
				for _, tc := range []struct {
					name  string
					body  map[string]any
					field fieldErr
				}{
					{"the main goal must be of the same case", map[string]any{"title": "Del", "parent_id": subOfOther["id"]},
						fieldErr{"parent_id", "is not a goal of this case"}},
					{"a main goal that does not exist reads the same", map[string]any{"title": "Del", "parent_id": uuid.New()},
						fieldErr{"parent_id", "is not a goal of this case"}},
					{"a sub-goal cannot have sub-goals", map[string]any{"title": "Del af del", "parent_id": sub["id"]},
						fieldErr{"parent_id", "is itself a sub-goal; sub-goals have one level"}},
					{"a sub-goal cannot end after its main goal", map[string]any{"title": "For sent", "parent_id": main["id"], "target_date": s.day(91)},
						fieldErr{"target_date", "must not be after the main goal's target date (" + s.day(90) + ")"}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, s.do(t, post, goalsOf, cw.Token, tc.body), 422, msgInvalid, tc.field)
					})
				}
				t.Run("a main goal's date cannot move before a sub-goal's", func(t *testing.T) {
					r := s.do(t, patch, goalPath(main), cw.Token, map[string]any{"target_date": s.day(29)}, "If-Match", etag(main))
					wantProblem(t, r, 422, msgInvalid, fieldErr{"target_date", "must not be before a sub-goal's target date (" + s.day(30) + ")"})
				})
				t.Run("a goal with sub-goals cannot become a sub-goal", func(t *testing.T) {
					other := s.createGoal(t, cw, c.ID, map[string]any{"title": "Et andet hovedmål", "dream_id": dream})
					r := s.do(t, patch, goalPath(main), cw.Token, map[string]any{"parent_id": other["id"]}, "If-Match", etag(main))
					wantProblem(t, r, 422, msgInvalid, fieldErr{"parent_id", "the goal has sub-goals of its own; sub-goals have one level"})
				})
				t.Run("a draft main goal can be moved under another main goal", func(t *testing.T) {
					loose := s.createGoal(t, cw, c.ID, map[string]any{"title": "Løst mål", "dream_id": dream})
					r := s.do(t, patch, goalPath(loose), cw.Token, map[string]any{"parent_id": main["id"]}, "If-Match", etag(loose))
					wantStatus(t, r, 200)
					wantFields(t, r.JSON, map[string]any{"parent_id": main["id"], "version": 2})
				})
			})

			t.Run("an active goal stays SMART when changed", func(t *testing.T) {
				g := s.activeGoal(t, cw, c.ID, dream)
				for _, tc := range []struct {
					name  string
					body  map[string]any
					field fieldErr
				}{
					{"clearing the target date is refused", map[string]any{"target_date": ""}, fieldErr{"target_date", hintNoDate}},
					{"a target date in the past is refused", map[string]any{"target_date": s.day(-1)}, fieldErr{"target_date", hintDatePassed}},
					{"clearing the indicator is refused", map[string]any{"measurable_indicator": " "}, fieldErr{"measurable_indicator", hintIndicator}},
					{"clearing the resources is refused", map[string]any{"achievable_resources": ""}, fieldErr{"achievable_resources", hintResources}},
					{"clearing the dream is refused", map[string]any{"dream_id": uuid.Nil}, fieldErr{"dream_id", hintDream}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						r := s.do(t, patch, goalPath(g), cw.Token, tc.body, "If-Match", etag(g))
						wantProblem(t, r, 422, msgNotSMART, tc.field)
					})
				}
				t.Run("a change that keeps it SMART is saved", func(t *testing.T) {
					r := s.do(t, patch, goalPath(g), cw.Token, map[string]any{"measurable_target": "Tre ture om ugen",
						"participants": []map[string]any{{"kind": "network", "name": "Søster Lise", "task": "Henter ved stoppestedet"}}},
						"If-Match", etag(g))
					wantStatus(t, r, 200)
					wantFields(t, r.JSON, map[string]any{"version": num(g, "version") + 1, "status": "active",
						"measurable_target": "Tre ture om ugen", "participants[0].name": "Søster Lise", "title": g["title"]})
					if r.Header.Get("ETag") != etag(r.JSON) {
						t.Errorf("ETag %q, version %d", r.Header.Get("ETag"), num(r.JSON, "version"))
					}
				})
			})

			t.Run("attainment levels and the attained level are set on the goal", func(t *testing.T) {
				g := s.activeGoal(t, cw, c.ID, dream)
				send := func(body map[string]any) testkit.Response {
					return s.do(t, patch, goalPath(g), cw.Token, body, "If-Match", etag(g))
				}
				wantProblem(t, send(map[string]any{"gas_attained": 1}), 422, msgInvalid,
					fieldErr{"gas_attained", "the goal has no attainment levels"})
				wantProblem(t, send(map[string]any{"gas_levels": gasLevels["gas_levels"], "gas_attained": 3}), 422, msgInvalid,
					fieldErr{"gas_attained", "must be from -2 to 2"})
				r := send(map[string]any{"gas_levels": gasLevels["gas_levels"], "gas_attained": 0})
				wantStatus(t, r, 200)
				g = r.JSON
				wantFields(t, g, map[string]any{"gas_levels.zero": "To ture om ugen", "gas_levels.plus2": "Hver dag", "gas_attained": 0})
				// One goal at its expected outcome: T = 50.
				l := s.do(t, get, goalsOf, cw.Token, nil)
				wantFields(t, l.JSON, map[string]any{"gas.t_score": 50, "gas.goals_counted": 1})
				r = send(map[string]any{"clear_gas_levels": true})
				wantStatus(t, r, 200)
				if r.JSON["gas_levels"] != nil || r.JSON["gas_attained"] != nil {
					t.Errorf("levels not cleared: %s", r.Body)
				}
				if l := s.do(t, get, goalsOf, cw.Token, nil); l.JSON["gas"] != nil {
					t.Errorf("gas = %v after the levels were cleared", l.JSON["gas"])
				}
			})

			t.Run("changes need the current ETag", func(t *testing.T) {
				g := s.activeGoal(t, cw, c.ID, dream)
				v := num(g, "version")
				stale := `"1"`
				for _, tc := range []struct {
					name, method, suffix string
					body                 map[string]any
					ifMatch              string
					status               int
					detail               string
				}{
					{"a change without If-Match gets 428", patch, "", map[string]any{"title": "Nyt"}, "", 428, msgNoIfMatch},
					{"a change with a stale ETag gets 412", patch, "", map[string]any{"title": "Nyt"}, stale, 412, msgStale},
					{"a change with a garbled ETag gets 412", patch, "", map[string]any{"title": "Nyt"}, `"x"`, 412, msgBadETag},
					{"a status change without If-Match gets 428", post, "/status", map[string]any{"status": "discontinued", "reason": "Stop"}, "", 428, msgNoIfMatch},
					{"a status change with a stale ETag gets 412", post, "/status", map[string]any{"status": "discontinued", "reason": "Stop"}, stale, 412, msgStale},
				} {
					t.Run(tc.name, func(t *testing.T) {
						var h []string
						if tc.ifMatch != "" {
							h = []string{"If-Match", tc.ifMatch}
						}
						r := s.do(t, tc.method, goalPath(g, tc.suffix), cw.Token, tc.body, h...)
						wantProblem(t, r, tc.status, tc.detail)
						if tc.detail == msgStale && str(r.JSON, "current_etag") != etag(g) {
							t.Errorf("current_etag = %v, want %s", r.JSON["current_etag"], etag(g))
						}
					})
				}
				if got := s.read(t, cw, g); num(got, "version") != v || str(got, "status") != "active" || str(got, "title") != str(g, "title") {
					t.Errorf("a refused change changed the goal: %v", got)
				}
			})

			t.Run("status changes", func(t *testing.T) {
				g := s.activeGoal(t, cw, c.ID, dream)
				refuse := func(t *testing.T, body map[string]any, status int, detail string, fields ...fieldErr) {
					t.Helper()
					r := s.do(t, post, goalPath(g, "/status"), cw.Token, body, "If-Match", etag(g))
					wantProblem(t, r, status, detail, fields...)
				}
				t.Run("achieved needs the next step named", func(t *testing.T) {
					refuse(t, map[string]any{"status": "achieved", "reason": "Nået"}, 422, msgInvalid,
						fieldErr{"next_step.kind", "is required"}, fieldErr{"next_step.note", "is required"})
					refuse(t, map[string]any{"status": "achieved", "reason": "Nået", "next_step": map[string]any{"kind": "nothing", "note": " "}},
						422, msgInvalid, fieldErr{"next_step.kind", "must be one of new_goal, adjusted_support, agreed_end"},
						fieldErr{"next_step.note", "is required"})
				})
				t.Run("every change needs a reason", func(t *testing.T) {
					refuse(t, map[string]any{"status": "discontinued", "reason": " "}, 422, msgInvalid, fieldErr{"reason", "is required"})
				})
				t.Run("an unknown status is refused", func(t *testing.T) {
					refuse(t, map[string]any{"status": "paused", "reason": "Pause"}, 422, msgInvalid,
						fieldErr{"status", "must be one of draft, active, achieved, adjusted, discontinued"})
				})
				t.Run("an active goal cannot go back to draft", func(t *testing.T) {
					refuse(t, map[string]any{"status": "draft", "reason": "Forfra"}, 409,
						"A goal that is active cannot become draft. Allowed: achieved, adjusted, discontinued.")
				})
				t.Run("a draft cannot be reached", func(t *testing.T) {
					d := s.createGoal(t, cw, c.ID, s.smart(dream))
					r := s.do(t, post, goalPath(d, "/status"), cw.Token, map[string]any{"status": "achieved", "reason": "Nået",
						"next_step": map[string]any{"kind": "agreed_end", "note": "Slut"}}, "If-Match", etag(d))
					wantProblem(t, r, 409, "A goal that is draft cannot become achieved. Allowed: active, discontinued.")
				})
				t.Run("achieved with a next step is recorded; nothing else about the goal changes", func(t *testing.T) {
					g = s.setStatus(t, cw, g, "achieved", "Tager bussen to gange om ugen", "new_goal", "Nyt mål: tage toget")
					wantFields(t, g, map[string]any{"status": "achieved", "next_step.kind": "new_goal", "next_step.note": "Nyt mål: tage toget",
						"history[2].from": "active", "history[2].to": "achieved", "history[2].next_step.kind": "new_goal"})
					if got := strs(list(g, "allowed_next_statuses")); !reflect.DeepEqual(got, []string{"active"}) {
						t.Errorf("allowed_next_statuses = %v", got)
					}
				})
				t.Run("a finished goal cannot be changed or discontinued", func(t *testing.T) {
					r := s.do(t, patch, goalPath(g), cw.Token, map[string]any{"title": "Nyt"}, "If-Match", etag(g))
					wantProblem(t, r, 409, msgFinished)
					refuse(t, map[string]any{"status": "discontinued", "reason": "Stop"}, 409,
						"A goal that is achieved cannot become discontinued. Allowed: active.")
				})
				t.Run("a reached goal can be resumed and no longer shows a next step", func(t *testing.T) {
					g = s.setStatus(t, leader, g, "active", "Borgeren vil videre")
					wantFields(t, g, map[string]any{"status": "active", "history[3].from": "achieved", "history[3].by_name": leader.Name})
					if dig(g, "next_step") != nil {
						t.Errorf("a resumed goal still shows next_step %v", dig(g, "next_step"))
					}
				})
				t.Run("a discontinued goal can be resumed", func(t *testing.T) {
					g = s.setStatus(t, cw, g, "discontinued", "Borgeren er flyttet")
					g = s.setStatus(t, cw, g, "active", "Borgeren er flyttet tilbage")
				})
				t.Run("the history holds every change in order with reason and who", func(t *testing.T) {
					h := s.read(t, cw, g)
					var got []string
					for _, e := range list(h, "history") {
						m := e.(map[string]any)
						got = append(got, str(m, "from")+"→"+str(m, "to")+" "+str(m, "reason")+" by "+str(m, "by_name"))
					}
					want := []string{
						"→draft created by " + cw.Name,
						"draft→active Borgeren vil gerne i gang by " + cw.Name,
						"active→achieved Tager bussen to gange om ugen by " + cw.Name,
						"achieved→active Borgeren vil videre by " + leader.Name,
						"active→discontinued Borgeren er flyttet by " + cw.Name,
						"discontinued→active Borgeren er flyttet tilbage by " + cw.Name,
					}
					if strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Errorf("history:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
					}
					if num(h, "version") != 6 {
						t.Errorf("version = %d after the creation and five changes", num(h, "version"))
					}
				})
			})

			t.Run("the goals of a closed case cannot change, and can still be read", func(t *testing.T) {
				cc := s.newCase(t, cw, nord, dreams("Et job"))
				g := s.activeGoal(t, cw, cc.ID, cc.Dreams[0].ID)
				if _, err := env.App.Cases.Close(context.Background(), cw.Actor(), cc.ID, cc.Version, "moved", ""); err != nil {
					t.Fatalf("close: %v", err)
				}
				for _, tc := range []struct {
					name, method, path string
					body               map[string]any
				}{
					{"no goal is added", post, casePath(cc.ID, "/goals"), map[string]any{"title": "Nyt"}},
					{"no goal is changed", patch, goalPath(g), map[string]any{"title": "Nyt"}},
					{"no status is changed", post, goalPath(g, "/status"), map[string]any{"status": "discontinued", "reason": "Lukket"}},
					{"no progress is recorded", post, goalPath(g, "/progress"), map[string]any{"measured_on": s.day(0), "rater": "citizen", "value": 5}},
					{"no follow-up is recorded", post, casePath(cc.ID, "/follow-ups"), map[string]any{"held_on": s.day(0),
						"next_follow_up_date": s.day(30), "items": []map[string]any{{"goal_id": g["id"], "decision": "keep"}}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, s.do(t, tc.method, tc.path, cw.Token, tc.body, "If-Match", etag(g)), 409, msgClosed)
					})
				}
				if got := s.read(t, cw, g); num(got, "version") != num(g, "version") || str(got, "status") != "active" {
					t.Errorf("goal of a closed case changed: %v", got)
				}
				wantStatus(t, s.do(t, get, casePath(cc.ID, "/goals"), cw.Token, nil), 200)
				wantStatus(t, s.do(t, get, goalPath(g, "/progress"), cw.Token, nil), 200)
				wantStatus(t, s.do(t, get, casePath(cc.ID, "/plan"), cw.Token, nil), 200)
			})
		})
	}
}
