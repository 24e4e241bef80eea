package goals_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestPlan(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			nord := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, nord)
			cpr := testkit.NextCPR()

			t.Run("a new case's plan is empty but complete", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				r := s.do(t, get, casePath(c.ID, "/plan"), cw.Token, nil)
				wantStatus(t, r, 200)
				for _, k := range []string{"dreams", "goals", "reached", "agreements", "contact.meeting_formats", "contact.meeting_places",
					"contact.times_of_day", "contact.media"} {
					if l, ok := dig(r.JSON, k).([]any); !ok || len(l) != 0 {
						t.Errorf("%s = %v, want []", k, dig(r.JSON, k))
					}
				}
				if r.JSON["next_meeting"] != nil {
					t.Errorf("next_meeting = %v", r.JSON["next_meeting"])
				}
			})

			c := s.newCase(t, cw, nord, func(n *cases.NewCase) {
				n.CitizenName, n.CitizenCPR = "Karen Østergaard", cpr
				n.Dreams = []cases.Dream{{Text: "At få en hund"}, {Text: "At bo for mig selv"}}
				n.ContactAgreement = cases.ContactAgreement{MeetingFormats: []string{"walk_and_talk"}, MeetingPlaces: []string{"outdoors"},
					TimesOfDay: []string{"morning"}, TimeNotes: "Ikke før kl. 10", Media: []string{"sms", "phone_call"},
					PreferredFrequency: "monthly"}
				n.Expectations = []cases.Expectation{{HeldOn: s.day(-30), Topics: []string{"meeting_forms"},
					Summary: "Vi mødes en gang om måneden"}}
				n.NextFollowUp = s.day(45)
			})
			dog := c.Dreams[0].ID
			main := s.activeGoal(t, cw, c.ID, dog, map[string]any{"title": "Gå tur med en hund",
				"specific": "Jeg går tur med naboens hund", "achievable_steps": "Spørge naboen i weekenden",
				"participants": []map[string]any{{"kind": "citizen", "task": "Spørger naboen"},
					{"kind": "network", "name": "Søster Lise", "task": "Går med første gang"}}})
			s.addProgress(t, cw, main, s.day(-10), "citizen", 4)
			s.addProgress(t, cw, main, s.day(0), "citizen", 6)
			s.addProgress(t, cw, main, s.day(0), "caseworker", 5)
			sub := s.activeGoal(t, cw, c.ID, nil, map[string]any{"dream_id": nil, "parent_id": main["id"],
				"title": "Købe en snor", "target_date": s.day(30)})
			s.addProgress(t, cw, sub, s.day(0), "citizen", 8)
			s.createGoal(t, cw, c.ID, map[string]any{"title": "Kladde til delmål", "parent_id": main["id"]})
			s.createGoal(t, cw, c.ID, map[string]any{"title": "Kladde til mål", "dream_id": dog})
			cook := s.activeGoal(t, cw, c.ID, dog, map[string]any{"title": "Lave mad selv"})
			s.activeGoal(t, cw, c.ID, nil, map[string]any{"dream_id": nil, "parent_id": cook["id"], "title": "Handle ind selv",
				"target_date": s.day(20)})
			s.setStatus(t, cw, cook, "achieved", "Laver mad tre gange om ugen", "agreed_end", "Vi aftaler, at støtten til madlavning slutter")
			s.setStatus(t, cw, s.activeGoal(t, cw, c.ID, dog, map[string]any{"title": "Droppet mål"}), "discontinued", "Ikke vigtigt længere")

			r := s.do(t, get, casePath(c.ID, "/plan"), cw.Token, nil)
			wantStatus(t, r, 200)
			p := r.JSON

			t.Run("it names the citizen and the caseworker and lists the dreams", func(t *testing.T) {
				wantFields(t, p, map[string]any{"citizen_name": "Karen Østergaard", "caseworker_name": cw.Name})
				if got := strs(list(p, "dreams")); !reflect.DeepEqual(got, []string{"At få en hund", "At bo for mig selv"}) {
					t.Errorf("dreams = %v", got)
				}
			})
			t.Run("it shows the goals being worked on with their sub-goals, next steps and latest values", func(t *testing.T) {
				if got := itemTitles(p, "goals"); !reflect.DeepEqual(got, []string{"Gå tur med en hund", "Handle ind selv"}) {
					t.Fatalf("goals = %v", got)
				}
				wantFields(t, p, map[string]any{
					"goals[0].id": main["id"], "goals[0].what_changes": "Jeg går tur med naboens hund",
					"goals[0].next_steps": "Spørge naboen i weekenden", "goals[0].target_date": s.day(90),
					"goals[0].dream": "At få en hund", "goals[0].citizen_latest": 6, "goals[0].caseworker_latest": 5,
					"goals[0].participants[1].name": "Søster Lise", "goals[0].participants[1].task": "Går med første gang",
					"goals[0].sub_goals[0].title": "Købe en snor", "goals[0].sub_goals[0].citizen_latest": 8,
					"goals[0].sub_goals[0].target_date": s.day(30),
				})
				if got := itemTitles(p, "goals[0].sub_goals"); !reflect.DeepEqual(got, []string{"Købe en snor"}) {
					t.Errorf("sub-goals = %v (drafts are not shown)", got)
				}
				if dig(p, "goals[0].sub_goals[0].caseworker_latest") != nil || dig(p, "goals[0].what_now") != nil {
					t.Errorf("unset values are shown: %v", dig(p, "goals[0]"))
				}
			})
			t.Run("a sub-goal still worked on under a reached goal is shown on its own", func(t *testing.T) {
				wantFields(t, p, map[string]any{"goals[1].title": "Handle ind selv", "goals[1].target_date": s.day(20)})
				if dig(p, "reached[0].sub_goals") != nil {
					t.Errorf("reached goal lists sub-goals: %v", dig(p, "reached[0].sub_goals"))
				}
			})
			t.Run("it shows reached goals with what happens now", func(t *testing.T) {
				if got := itemTitles(p, "reached"); !reflect.DeepEqual(got, []string{"Lave mad selv"}) {
					t.Fatalf("reached = %v", got)
				}
				wantFields(t, p, map[string]any{"reached[0].what_now": "Vi aftaler, at støtten til madlavning slutter"})
			})
			t.Run("it shows the next meeting, how we keep in touch and what we agreed", func(t *testing.T) {
				wantFields(t, p, map[string]any{"next_meeting": s.day(45), "contact.time_notes": "Ikke før kl. 10",
					"contact.preferred_frequency": "monthly"})
				for k, want := range map[string][]string{"contact.meeting_formats": {"walk_and_talk"}, "contact.meeting_places": {"outdoors"},
					"contact.times_of_day": {"morning"}, "contact.media": {"sms", "phone_call"}, "agreements": {"Vi mødes en gang om måneden"}} {
					if got := strs(list(p, k)); !reflect.DeepEqual(got, want) {
						t.Errorf("%s = %v, want %v", k, got, want)
					}
				}
			})
			t.Run("it never shows the CPR number, drafts, discontinued goals or case internals", func(t *testing.T) {
				// Ids are hex and may hold four digits in a row by chance.
				body := machineText.ReplaceAllString(string(r.Body), "{id}")
				for _, secret := range []string{cpr, cpr[:6] + "-" + cpr[6:], cpr[6:], cpr[:6], `"cpr"`,
					"Kladde til delmål", "Kladde til mål", "Droppet mål", "sel_85", "intellectual_impairment",
					`"status"`, `"gas_levels"`, `"version"`} {
					if strings.Contains(body, secret) {
						t.Errorf("the plan contains %q: %s", secret, body)
					}
				}
			})
		})
	}
}
