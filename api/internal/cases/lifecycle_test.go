package cases_test

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	msgInvalid      = "The request has invalid fields."
	msgClosed       = "The case is closed. Reopen it before making changes."
	msgNoRole       = "Your role does not give access to case content."
	msgCaseworkerID = "must be an active caseworker or leader in the case's team"
)

func fullCase(teamID uuid.UUID, cpr string) map[string]any {
	return map[string]any{
		"team_id":          teamID,
		"citizen":          map[string]any{"name": "Karen Østergaard", "cpr": cpr},
		"legal_basis":      "sel_85",
		"legal_basis_note": "Bostøtte efter § 85",
		"target_group":     "autism",
		"dreams": []map[string]any{
			{"kind": "dream", "text": "At få en hund", "expressed_by": "citizen"},
			{"text": "At bo for mig selv"},
		},
		"resources": []map[string]any{
			{"type": "skill", "description": "Laver god mad", "source": "caseworker", "confirmed_by_citizen": true},
			{"type": "interest", "description": "Fodbold"},
		},
		"network": []map[string]any{
			{"name": "Jens", "relation": "bror", "kind": "family", "contact_status": "active", "consent_to_involve": true, "note": "Ringer om søndagen"},
		},
		"contact_agreement": map[string]any{
			"meeting_formats": []string{"walk_and_talk"}, "meeting_places": []string{"outdoors", "cafe_public_place"},
			"times_of_day": []string{"morning"}, "time_notes": "Ikke før kl. 10", "media": []string{"sms", "phone_call"},
			"preferred_frequency": "monthly", "closeness": "close", "avoid_conditions": "Venteværelser",
			"agenda_in_advance": true, "notes": "Dagsorden på sms", "agreed_on": "2026-01-05", "review_by": "2026-07-05",
		},
		"expectations": []map[string]any{
			{"held_on": "2026-01-05", "topics": []string{"meeting_forms", "waiting_time"}, "with_relatives": true,
				"summary": "Vi mødes en gang om måneden", "next_review": "2026-04-05"},
		},
		"follow_up_cadence":   "quarterly",
		"next_follow_up_date": "2031-03-01",
	}
}

// roundTrip turns a Go value into its generic JSON form for comparison.
func roundTrip(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

func recordedWithin(t *testing.T, what, v string, from, to time.Time) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		t.Fatalf("%s = %q: %v", what, v, err)
	}
	if at.Before(from.Truncate(time.Microsecond)) || at.After(to) {
		t.Errorf("%s = %s, want between %s and %s", what, at, from, to)
	}
	return at
}

func TestCaseLifecycle(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord, syd := env.Team("Nord"), env.Team("Syd")
			cw := env.User(actor.RoleCaseworker, nord)
			cw2 := env.User(actor.RoleCaseworker, nord)
			leader := env.User(actor.RoleLeader, nord)
			cwSyd := env.User(actor.RoleCaseworker, syd)
			analyst := env.User(actor.RoleAnalyst, nord)
			admin := env.User(actor.RoleAdmin)
			gone := env.User(actor.RoleCaseworker, nord)
			deactivate(t, env, admin, gone)

			t.Run("create with every sub-document assigns ids, defaults and keeps the documents", func(t *testing.T) {
				body := fullCase(nord.ID, s.cpr())
				before := env.Clock.Now()
				r := s.do(t, post, "/api/v1/cases", cw.Token, body)
				after := env.Clock.Now()
				wantStatus(t, r, 201)
				wantETag(t, r, 1)
				id := str(r.JSON, "id")
				if got := r.Header.Get("Location"); got != casePath(id) {
					t.Errorf("Location = %q", got)
				}
				for path, want := range map[string]string{
					"team_id":                     nord.ID.String(),
					"caseworker.id":               cw.ID.String(),
					"caseworker.name":             cw.Name,
					"citizen.name":                "Karen Østergaard",
					"legal_basis":                 "sel_85",
					"legal_basis_note":            "Bostøtte efter § 85",
					"target_group":                "autism",
					"phase":                       "sagsaabning",
					"status":                      "open",
					"follow_up_cadence":           "quarterly",
					"next_follow_up_date":         "2031-03-01",
					"dreams[0].kind":              "dream",
					"dreams[0].text":              "At få en hund",
					"dreams[0].expressed_by":      "citizen",
					"dreams[1].kind":              "unspecified",
					"dreams[1].text":              "At bo for mig selv",
					"dreams[1].expressed_by":      "citizen",
					"resources[0].type":           "skill",
					"resources[0].source":         "caseworker",
					"resources[1].type":           "interest",
					"resources[1].source":         "citizen",
					"network[0].name":             "Jens",
					"network[0].relation":         "bror",
					"network[0].kind":             "family",
					"network[0].contact_status":   "active",
					"network[0].note":             "Ringer om søndagen",
					"expectations[0].held_on":     "2026-01-05",
					"expectations[0].summary":     "Vi mødes en gang om måneden",
					"expectations[0].next_review": "2026-04-05",
				} {
					if got := str(r.JSON, path); got != want {
						t.Errorf("%s = %q, want %q", path, got, want)
					}
				}
				if num(r.JSON, "phase_iteration") != 1 || dig(r.JSON, "follow_up_overdue") != false {
					t.Errorf("phase_iteration %v, follow_up_overdue %v", dig(r.JSON, "phase_iteration"), dig(r.JSON, "follow_up_overdue"))
				}
				if dig(r.JSON, "resources[0].confirmed_by_citizen") != true || dig(r.JSON, "network[0].consent_to_involve") != true ||
					dig(r.JSON, "expectations[0].with_relatives") != true {
					t.Error("boolean flags were not kept")
				}
				if got := strs(list(r.JSON, "allowed_next_phases")); !reflect.DeepEqual(got, []string{"sagsoplysning"}) {
					t.Errorf("allowed_next_phases = %v", got)
				}
				if got, want := dig(r.JSON, "contact_agreement"), roundTrip(body["contact_agreement"]); !reflect.DeepEqual(got, want) {
					t.Errorf("contact_agreement = %v\nwant %v", got, want)
				}
				if got := strs(list(r.JSON, "expectations[0].topics")); !reflect.DeepEqual(got, []string{"meeting_forms", "waiting_time"}) {
					t.Errorf("topics = %v", got)
				}
				ids := map[string]bool{}
				for _, p := range []string{"dreams[0].id", "dreams[1].id", "resources[0].id", "resources[1].id", "network[0].id", "expectations[0].id"} {
					v := str(r.JSON, p)
					if _, err := uuid.Parse(v); err != nil || ids[v] {
						t.Errorf("%s = %q, want a fresh id", p, v)
					}
					ids[v] = true
				}
				for _, p := range []string{"dreams[0].recorded_at", "dreams[1].recorded_at", "resources[0].recorded_at", "resources[1].recorded_at"} {
					recordedWithin(t, p, str(r.JSON, p), before, after)
				}
				h := list(r.JSON, "phase_history")
				if len(h) != 1 || str(r.JSON, "phase_history[0].from") != "" || str(r.JSON, "phase_history[0].to") != "sagsaabning" ||
					str(r.JSON, "phase_history[0].by.id") != cw.ID.String() || num(r.JSON, "phase_history[0].iteration") != 1 {
					t.Errorf("phase_history = %v", h)
				}
				g := s.do(t, get, casePath(id), cw.Token, nil)
				wantStatus(t, g, 200)
				wantETag(t, g, 1)
				for _, k := range []string{"dreams", "resources", "network", "contact_agreement", "expectations", "phase_history", "citizen"} {
					if !reflect.DeepEqual(g.JSON[k], r.JSON[k]) {
						t.Errorf("GET %s = %v\nPOST gave %v", k, g.JSON[k], r.JSON[k])
					}
				}
			})

			t.Run("follow-up date defaults to today plus the cadence unless one is given", func(t *testing.T) {
				today := s.env.App.Cases.Today() // the municipality's date, not UTC's
				for _, tc := range []struct {
					cadence, date, want string
				}{
					{"weekly", "", today.AddDate(0, 0, 7).Format(time.DateOnly)},
					{"every_2_weeks", "", today.AddDate(0, 0, 14).Format(time.DateOnly)},
					{"monthly", "", today.AddDate(0, 1, 0).Format(time.DateOnly)},
					{"quarterly", "", today.AddDate(0, 3, 0).Format(time.DateOnly)},
					{"every_4_months", "", today.AddDate(0, 4, 0).Format(time.DateOnly)},
					{"half_yearly", "", today.AddDate(0, 6, 0).Format(time.DateOnly)},
					{"yearly", "", today.AddDate(1, 0, 0).Format(time.DateOnly)},
					{"as_needed", "", ""},
					{"", "", ""},
					{"monthly", "2030-05-17", "2030-05-17"},
				} {
					body := map[string]any{"team_id": nord.ID, "citizen": map[string]any{"name": "Borger " + tc.cadence, "cpr": s.cpr()},
						"legal_basis": "sel_107", "target_group": "mental_health"}
					if tc.cadence != "" {
						body["follow_up_cadence"] = tc.cadence
					}
					if tc.date != "" {
						body["next_follow_up_date"] = tc.date
					}
					r := s.do(t, post, "/api/v1/cases", cw.Token, body)
					wantStatus(t, r, 201)
					if got := str(r.JSON, "next_follow_up_date"); got != tc.want {
						t.Errorf("cadence %q, date %q: next_follow_up_date = %q, want %q", tc.cadence, tc.date, got, tc.want)
					}
				}
			})

			t.Run("create refuses bad input naming every offending field", func(t *testing.T) {
				base := func(edit func(m map[string]any)) map[string]any {
					m := map[string]any{"team_id": nord.ID, "citizen": map[string]any{"name": "Ida", "cpr": s.cpr()},
						"legal_basis": "sel_85", "target_group": "autism"}
					edit(m)
					return m
				}
				for _, tc := range []struct {
					name   string
					body   map[string]any
					fields []fieldErr
				}{
					{"an empty case lists every required field", map[string]any{"citizen": map[string]any{}}, []fieldErr{
						{"citizen.cpr", "is required"}, {"citizen.name", "is required"}, {"legal_basis", "is required"},
						{"target_group", "is required"}, {"team_id", "is required"}}},
					{"another team's id", base(func(m map[string]any) { m["team_id"] = syd.ID }),
						[]fieldErr{{"team_id", "must be one of your teams"}}},
					{"unknown legal basis", base(func(m map[string]any) { m["legal_basis"] = "sel_999" }),
						[]fieldErr{{"legal_basis", "must be one of sel_82, sel_85, sel_107, other"}}},
					{"follow-up date that is not a date", base(func(m map[string]any) { m["next_follow_up_date"] = "31-12-2026" }),
						[]fieldErr{{"next_follow_up_date", "must be a date such as 2026-01-31"}}},
					{"dream without text", base(func(m map[string]any) { m["dreams"] = []map[string]any{{"text": "  "}} }),
						[]fieldErr{{"dreams[0].text", "is required"}}},
					{"network person without relation and kind", base(func(m map[string]any) {
						m["network"] = []map[string]any{{"name": "Jens", "relation": "", "kind": ""}}
					}), []fieldErr{{"network[0].kind", "is required"}, {"network[0].relation", "is required"}}},
					{"review before agreement", base(func(m map[string]any) {
						m["contact_agreement"] = map[string]any{"agreed_on": "2026-05-01", "review_by": "2026-04-01"}
					}), []fieldErr{{"contact_agreement.review_by", "must not be before agreed_on"}}},
					{"expectation without topics and with next review before it was held", base(func(m map[string]any) {
						m["expectations"] = []map[string]any{{"held_on": "2026-05-01", "topics": []string{}, "summary": "x", "next_review": "2026-04-01"}}
					}), []fieldErr{{"expectations[0].next_review", "must not be before held_on"}, {"expectations[0].topics", "name at least one topic"}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						r := s.do(t, post, "/api/v1/cases", cw.Token, tc.body)
						wantProblem(t, r, 422, msgInvalid, tc.fields...)
					})
				}
			})

			t.Run("coordinating caseworker must be an active caseworker or leader in the case's team", func(t *testing.T) {
				unknown := testkit.User{}
				unknown.ID = uuid.New()
				tests := []struct {
					name string
					who  testkit.User
					ok   bool
				}{
					{"caseworker of the team", cw2, true},
					{"leader of the team", leader, true},
					{"caseworker of another team", cwSyd, false},
					{"analyst of the team", analyst, false},
					{"administrator", admin, false},
					{"deactivated caseworker of the team", gone, false},
					{"user that does not exist", unknown, false},
				}
				for _, tc := range tests {
					t.Run("create: "+tc.name, func(t *testing.T) {
						r := s.do(t, post, "/api/v1/cases", cw.Token, map[string]any{"team_id": nord.ID, "caseworker_id": tc.who.ID,
							"citizen": map[string]any{"name": "Ole", "cpr": s.cpr()}, "legal_basis": "sel_85", "target_group": "autism"})
						if !tc.ok {
							wantProblem(t, r, 422, msgInvalid, fieldErr{"caseworker_id", msgCaseworkerID})
							return
						}
						wantStatus(t, r, 201)
						if str(r.JSON, "caseworker.id") != tc.who.ID.String() || str(r.JSON, "caseworker.name") != tc.who.Name {
							t.Errorf("caseworker = %v", r.JSON["caseworker"])
						}
					})
				}
				for _, tc := range tests {
					t.Run("update: "+tc.name, func(t *testing.T) {
						c := s.newCase(t, cw, nord)
						r := s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"caseworker_id": tc.who.ID}, "If-Match", `"1"`)
						if !tc.ok {
							wantProblem(t, r, 422, msgInvalid, fieldErr{"caseworker_id", msgCaseworkerID})
							if g := s.do(t, get, casePath(c.ID), cw.Token, nil); num(g.JSON, "version") != 1 || str(g.JSON, "caseworker.id") != cw.ID.String() {
								t.Errorf("refused update changed the case: %s", g.Body)
							}
							return
						}
						wantStatus(t, r, 200)
						wantETag(t, r, 2)
						if str(r.JSON, "caseworker.id") != tc.who.ID.String() {
							t.Errorf("caseworker = %v", r.JSON["caseworker"])
						}
					})
				}
			})

			t.Run("update changes only the fields sent", func(t *testing.T) {
				c := s.do(t, post, "/api/v1/cases", cw.Token, fullCase(nord.ID, s.cpr()))
				wantStatus(t, c, 201)
				id := str(c.JSON, "id")
				r := s.do(t, patch, casePath(id), cw.Token, map[string]any{"legal_basis": "sel_107", "citizen": map[string]any{"name": "Karen Ø. Hansen"}}, "If-Match", `"1"`)
				wantStatus(t, r, 200)
				wantETag(t, r, 2)
				if str(r.JSON, "legal_basis") != "sel_107" || str(r.JSON, "citizen.name") != "Karen Ø. Hansen" {
					t.Errorf("changed fields not applied: %s", r.Body)
				}
				if str(r.JSON, "citizen.cpr") != str(c.JSON, "citizen.cpr") {
					t.Errorf("renaming the citizen changed the CPR: %q → %q", str(c.JSON, "citizen.cpr"), str(r.JSON, "citizen.cpr"))
				}
				for _, k := range []string{"legal_basis_note", "target_group", "dreams", "resources", "network", "contact_agreement",
					"expectations", "follow_up_cadence", "next_follow_up_date", "opened_at", "created_at", "phase", "caseworker"} {
					if !reflect.DeepEqual(r.JSON[k], c.JSON[k]) {
						t.Errorf("%s changed although not sent: %v → %v", k, c.JSON[k], r.JSON[k])
					}
				}
				if str(r.JSON, "updated_at") <= str(c.JSON, "updated_at") {
					t.Errorf("updated_at did not move: %s → %s", str(c.JSON, "updated_at"), str(r.JSON, "updated_at"))
				}
			})

			t.Run("lists are replaced whole and existing dreams and resources keep when they were recorded", func(t *testing.T) {
				c := s.do(t, post, "/api/v1/cases", cw.Token, fullCase(nord.ID, s.cpr()))
				wantStatus(t, c, 201)
				id := str(c.JSON, "id")
				keptDream, keptRes := str(c.JSON, "dreams[1].id"), str(c.JSON, "resources[0].id")
				env.Clock.Advance(time.Minute) // new items must get a later time than kept ones
				before := env.Clock.Now()
				r := s.do(t, patch, casePath(id), cw.Token, map[string]any{
					"dreams": []map[string]any{
						{"id": keptDream, "kind": "wish", "text": "At bo for mig selv, tæt på min bror"},
						{"text": "At tage kørekort"},
					},
					"resources":    []map[string]any{{"id": keptRes, "type": "skill", "description": "Laver god mad til andre"}},
					"network":      []map[string]any{},
					"expectations": []map[string]any{},
				}, "If-Match", `"1"`)
				after := env.Clock.Now()
				wantStatus(t, r, 200)
				if n := len(list(r.JSON, "dreams")); n != 2 {
					t.Fatalf("dreams = %d, want 2", n)
				}
				if str(r.JSON, "dreams[0].id") != keptDream || str(r.JSON, "dreams[0].kind") != "wish" ||
					str(r.JSON, "dreams[0].text") != "At bo for mig selv, tæt på min bror" {
					t.Errorf("kept dream = %v", dig(r.JSON, "dreams[0]"))
				}
				if got, want := str(r.JSON, "dreams[0].recorded_at"), str(c.JSON, "dreams[1].recorded_at"); got != want {
					t.Errorf("kept dream recorded_at = %s, want the original %s", got, want)
				}
				if id := str(r.JSON, "dreams[1].id"); id == "" || id == str(c.JSON, "dreams[0].id") {
					t.Errorf("new dream id = %q", id)
				}
				recordedWithin(t, "new dream recorded_at", str(r.JSON, "dreams[1].recorded_at"), before, after)
				if len(list(r.JSON, "resources")) != 1 || str(r.JSON, "resources[0].id") != keptRes ||
					str(r.JSON, "resources[0].recorded_at") != str(c.JSON, "resources[0].recorded_at") ||
					str(r.JSON, "resources[0].description") != "Laver god mad til andre" {
					t.Errorf("resources = %v", r.JSON["resources"])
				}
				if len(list(r.JSON, "network")) != 0 || len(list(r.JSON, "expectations")) != 0 {
					t.Errorf("empty lists did not clear: network %v, expectations %v", r.JSON["network"], r.JSON["expectations"])
				}
				if !reflect.DeepEqual(r.JSON["contact_agreement"], c.JSON["contact_agreement"]) {
					t.Errorf("contact agreement changed although not sent")
				}
				// An unknown id is a new item: it gets the current time, not a client's.
				u := s.do(t, patch, casePath(id), cw.Token, map[string]any{"dreams": []map[string]any{{"id": uuid.New(), "text": "Ny"}}}, "If-Match", `"2"`)
				wantStatus(t, u, 200)
				recordedWithin(t, "dream with a new client id", str(u.JSON, "dreams[0].recorded_at"), before, env.Clock.Now())
			})

			t.Run("recorded_at cannot be set by the client", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				r := s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"dreams": []map[string]any{
					{"text": "Hund", "recorded_at": "2001-01-01T00:00:00Z"}}}, "If-Match", `"1"`)
				wantProblem(t, r, 400, "The request body has a field this endpoint does not accept.", fieldErr{"recorded_at", "is not a known field"})
			})

			t.Run("the same dream id twice is refused", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				dup := uuid.New()
				r := s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"dreams": []map[string]any{
					{"id": dup, "text": "a"}, {"id": dup, "text": "b"}}}, "If-Match", `"1"`)
				wantProblem(t, r, 422, msgInvalid, fieldErr{"dreams[1].id", "is used twice"})
			})

			t.Run("an empty next_follow_up_date clears it and a date sets it", func(t *testing.T) {
				c := s.newCase(t, cw, nord, func(n *cases.NewCase) { n.FollowUpCadence = "monthly" })
				if c.NextFollowUp == nil {
					t.Fatal("cadence gave no follow-up date")
				}
				r := s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"next_follow_up_date": ""}, "If-Match", `"1"`)
				wantStatus(t, r, 200)
				if _, ok := r.JSON["next_follow_up_date"]; ok {
					t.Errorf("next_follow_up_date = %v, want absent", r.JSON["next_follow_up_date"])
				}
				if str(r.JSON, "follow_up_cadence") != "monthly" {
					t.Errorf("clearing the date changed the cadence")
				}
				r = s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"next_follow_up_date": "2020-02-29"}, "If-Match", `"2"`)
				wantStatus(t, r, 200)
				if str(r.JSON, "next_follow_up_date") != "2020-02-29" || dig(r.JSON, "follow_up_overdue") != true {
					t.Errorf("date %q, overdue %v", str(r.JSON, "next_follow_up_date"), dig(r.JSON, "follow_up_overdue"))
				}
				r = s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"next_follow_up_date": "2020-02-30"}, "If-Match", `"3"`)
				wantProblem(t, r, 422, msgInvalid, fieldErr{"next_follow_up_date", "must be a date such as 2026-01-31"})
			})

			t.Run("an update that changes nothing is refused", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				r := s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{}, "If-Match", `"1"`)
				wantProblem(t, r, 422, "The request changes nothing; send at least one field.")
			})

			t.Run("close with a reason, refuse changes while closed, reopen", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				p := casePath(c.ID)
				r := s.do(t, post, p+"/close", cw.Token, map[string]any{"reason": "bored"}, "If-Match", `"1"`)
				wantProblem(t, r, 422, msgInvalid, fieldErr{"reason", "must be one of goals_achieved, no_longer_needed, refused, citizen_withdrew, moved, transferred, deceased, other"})
				before := env.Clock.Now()
				r = s.do(t, post, p+"/close", cw.Token, map[string]any{"reason": "goals_achieved", "note": "Borgeren har eget job"}, "If-Match", `"1"`)
				wantStatus(t, r, 200)
				wantETag(t, r, 2)
				if str(r.JSON, "status") != "closed" || str(r.JSON, "closure_reason") != "goals_achieved" ||
					str(r.JSON, "closure_note") != "Borgeren har eget job" || len(list(r.JSON, "allowed_next_phases")) != 0 {
					t.Errorf("closed case = %s", r.Body)
				}
				recordedWithin(t, "closed_at", str(r.JSON, "closed_at"), before, env.Clock.Now())

				wantProblem(t, s.do(t, patch, p, cw.Token, map[string]any{"legal_basis": "other"}, "If-Match", `"2"`), 409, msgClosed)
				wantProblem(t, s.do(t, post, p+"/phase", cw.Token, map[string]any{"to": "sagsoplysning"}, "If-Match", `"2"`), 409, msgClosed)
				wantProblem(t, s.do(t, post, p+"/close", cw.Token, map[string]any{"reason": "other"}, "If-Match", `"2"`), 409, "The case is already closed.")
				if g := s.do(t, get, p, cw.Token, nil); num(g.JSON, "version") != 2 || str(g.JSON, "legal_basis") != "sel_85" {
					t.Errorf("refused changes changed the closed case: %s", g.Body)
				}

				r = s.do(t, post, p+"/reopen", cw.Token, map[string]any{"note": "Borgeren mistede jobbet"}, "If-Match", `"2"`)
				wantStatus(t, r, 200)
				wantETag(t, r, 3)
				// The closure stays on record; the reopening says when and why.
				if str(r.JSON, "status") != "open" || str(r.JSON, "phase") != "sagsaabning" || r.JSON["closed_at"] != nil ||
					r.JSON["closure_reason"] == nil || str(r.JSON, "reopen_note") != "Borgeren mistede jobbet" || r.JSON["reopened_at"] == nil {
					t.Errorf("reopened case = %s", r.Body)
				}
				if got := strs(list(r.JSON, "allowed_next_phases")); !reflect.DeepEqual(got, []string{"sagsoplysning"}) {
					t.Errorf("allowed_next_phases after reopen = %v", got)
				}
				wantProblem(t, s.do(t, post, p+"/reopen", cw.Token, map[string]any{}, "If-Match", `"3"`), 409, "The case is already open.")
				wantStatus(t, s.do(t, patch, p, cw.Token, map[string]any{"legal_basis": "other"}, "If-Match", `"3"`), 200)
			})

			t.Run("phase moves follow the allowed paths and going back from opfoelgning starts a new iteration", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				p := casePath(c.ID)
				version := 1
				moves := []struct {
					to        string
					status    int
					iteration int
					detail    string // on refusal
				}{
					{"afgoerelse", 409, 0, "A case in sagsaabning cannot move to afgoerelse. Allowed: sagsoplysning."},
					{"sagsaabning", 409, 0, "A case in sagsaabning cannot move to sagsaabning. Allowed: sagsoplysning."},
					{"sagsoplysning", 200, 1, ""},
					{"sagsvurdering", 200, 1, ""},
					{"sagsoplysning", 409, 0, "A case in sagsvurdering cannot move to sagsoplysning. Allowed: afgoerelse."},
					{"afgoerelse", 200, 1, ""},
					{"sagsaabning", 409, 0, "A case in afgoerelse cannot move to sagsaabning. Allowed: bestilling, opfoelgning, sagsoplysning."},
					{"sagsoplysning", 200, 1, ""}, // refusal: investigate again, same iteration
					{"sagsvurdering", 200, 1, ""},
					{"afgoerelse", 200, 1, ""},
					{"opfoelgning", 200, 1, ""}, // no provider ordered
					{"sagsaabning", 409, 0, "A case in opfoelgning cannot move to sagsaabning. Allowed: sagsoplysning, sagsvurdering, afgoerelse, bestilling."},
					{"sagsvurdering", 200, 2, ""},
					{"afgoerelse", 200, 2, ""},
					{"bestilling", 200, 2, ""},
					{"afgoerelse", 409, 0, "A case in bestilling cannot move to afgoerelse. Allowed: opfoelgning."},
					{"opfoelgning", 200, 2, ""},
					{"bestilling", 200, 3, ""},
				}
				var history []string
				for i, m := range moves {
					r := s.do(t, post, p+"/phase", cw.Token, map[string]any{"to": m.to, "note": "skridt " + m.to}, "If-Match", `"`+itoa(version)+`"`)
					if m.status != 200 {
						wantProblem(t, r, m.status, m.detail)
						continue
					}
					wantStatus(t, r, 200)
					version++
					wantETag(t, r, version)
					if str(r.JSON, "phase") != m.to || num(r.JSON, "phase_iteration") != m.iteration {
						t.Fatalf("move %d to %s: phase %s iteration %d, want iteration %d", i, m.to, str(r.JSON, "phase"), num(r.JSON, "phase_iteration"), m.iteration)
					}
					history = append(history, m.to)
				}
				wantProblem(t, s.do(t, post, p+"/phase", cw.Token, map[string]any{"to": "nowhere"}, "If-Match", `"`+itoa(version)+`"`), 422, msgInvalid,
					fieldErr{"to", "must be one of sagsaabning, sagsoplysning, sagsvurdering, afgoerelse, bestilling, opfoelgning"})

				// The history tells who moved the case, when, from where and why.
				g := s.do(t, get, p, leader.Token, nil)
				wantStatus(t, g, 200)
				h := list(g.JSON, "phase_history")
				if len(h) != len(history)+1 {
					t.Fatalf("phase_history has %d entries, want %d: %v", len(h), len(history)+1, h)
				}
				from, prev := "sagsaabning", ""
				for i, to := range history {
					e := h[i+1].(map[string]any)
					if str(e, "from") != from || str(e, "to") != to || str(e, "note") != "skridt "+to ||
						str(e, "by.id") != cw.ID.String() || str(e, "by.name") != cw.Name {
						t.Errorf("history[%d] = %v, want %s → %s by %s", i+1, e, from, to, cw.Name)
					}
					if at := str(e, "occurred_at"); at < prev {
						t.Errorf("history[%d] occurred_at %s is before the previous %s", i+1, at, prev)
					} else {
						prev = at
					}
					from = to
				}
				if got := num(h[len(h)-1].(map[string]any), "iteration"); got != 3 {
					t.Errorf("last history entry iteration = %d, want 3", got)
				}
			})

			t.Run("other team's case answers 404 like a missing one, and roles without case access get 403", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				missing := uuid.New()
				for _, tc := range []struct {
					method, suffix string
					body           any
				}{
					{get, "", nil},
					{patch, "", map[string]any{"legal_basis": "other"}},
					{post, "/close", map[string]any{"reason": "other"}},
					{post, "/reopen", map[string]any{}},
					{post, "/phase", map[string]any{"to": "sagsoplysning"}},
					{get, "/cpr", nil},
				} {
					t.Run(tc.method+" "+tc.suffix, func(t *testing.T) {
						r := s.do(t, tc.method, casePath(c.ID, tc.suffix), cwSyd.Token, tc.body, "If-Match", `"1"`)
						wantProblem(t, r, 404, "No case with id "+c.ID.String()+".")
						r = s.do(t, tc.method, casePath(missing, tc.suffix), cw.Token, tc.body, "If-Match", `"1"`)
						wantProblem(t, r, 404, "No case with id "+missing.String()+".")
						r = s.do(t, tc.method, casePath(c.ID, tc.suffix), analyst.Token, tc.body, "If-Match", `"1"`)
						wantProblem(t, r, 403, msgNoRole)
						r = s.do(t, tc.method, casePath(c.ID, tc.suffix), admin.Token, tc.body, "If-Match", `"1"`)
						wantProblem(t, r, 403, msgNoRole)
					})
				}
				if g := s.do(t, get, casePath(c.ID), cw.Token, nil); num(g.JSON, "version") != 1 {
					t.Errorf("refused requests changed the case: %s", g.Body)
				}
			})
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
