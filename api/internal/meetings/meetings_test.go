package meetings_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestMeetingLifecycle(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			o := newOffice(t, d)
			env := o.env
			c := o.env.Case(o.cw, o.nord)
			meetingsOf := casePath(c.ID, "/meetings")
			count := func(t *testing.T) int {
				t.Helper()
				r := env.Do(get, meetingsOf, o.cw.Token, nil)
				wantStatus(t, r, 200)
				return len(list(r.JSON, "items"))
			}
			var m map[string]any
			startsAt := o.at(48)

			t.Run("a planned meeting is created with every field", func(t *testing.T) {
				r := env.Do(post, meetingsOf, o.cw.Token, map[string]any{
					"starts_at": startsAt, "duration_minutes": 60, "form": "home", "place": " Hjemme hos borgeren ",
					"participants": []map[string]any{{"kind": "citizen"}, {"kind": "relative", "name": "Søster Lise", "note": "Deltager på telefon"}},
					"agenda_sent":  true,
					"agenda":       []map[string]any{{"text": "Boligen"}},
					"summary":      "",
					"agreements":   []map[string]any{{"text": "Søge boligstøtte", "responsible": "citizen", "due_date": o.day(14)}},
				})
				wantStatus(t, r, 201)
				m = r.JSON
				if got := r.Header.Get("Location"); got != meetingPath(m) {
					t.Errorf("Location = %q, want %q", got, meetingPath(m))
				}
				if got := r.Header.Get("ETag"); got != `"1"` {
					t.Errorf("ETag = %q", got)
				}
				wantFields(t, m, map[string]any{
					"case_id": c.ID, "starts_at": startsAt, "duration_minutes": 60, "form": "home", "place": "Hjemme hos borgeren",
					"participants[0].kind": "citizen", "participants[1].name": "Søster Lise", "participants[1].note": "Deltager på telefon",
					"agenda_sent": true, "agenda[0].text": "Boligen", "agenda[0].added_by": "caseworker",
					"agreements[0].text": "Søge boligstøtte", "agreements[0].responsible": "citizen", "agreements[0].due_date": o.day(14),
					"summary": "", "status": "planned", "version": 1,
				})
				if str(m, "agenda[0].id") == "" || str(m, "agreements[0].id") == "" || str(m, "agenda[0].added_at") == "" {
					t.Errorf("items lack ids or times: %s", r.Body)
				}
				g := env.Do(get, meetingPath(m), o.cw.Token, nil)
				wantStatus(t, g, 200)
				if !reflect.DeepEqual(g.JSON, m) {
					t.Errorf("GET gave\n%v\nPOST gave\n%v", g.JSON, m)
				}
				if g.Header.Get("ETag") != `"1"` {
					t.Errorf("GET ETag = %q", g.Header.Get("ETag"))
				}
			})

			t.Run("creating refuses bad fields, all of them at once, and stores nothing", func(t *testing.T) {
				before := count(t)
				ok := map[string]any{"starts_at": o.at(1), "form": "office"}
				with := func(extra map[string]any) map[string]any {
					b := map[string]any{}
					for k, v := range ok {
						b[k] = v
					}
					for k, v := range extra {
						if v == nil {
							delete(b, k)
						} else {
							b[k] = v
						}
					}
					return b
				}
				for _, tc := range []struct {
					name   string
					body   map[string]any
					fields []fieldErr
				}{
					{"the form is one of the six", with(map[string]any{"form": "cafe"}),
						[]fieldErr{{"form", "must be one of office, home, walk_and_talk, video, phone, other"}}},
					{"a meeting needs a form", with(map[string]any{"form": nil}), []fieldErr{{"form", "is required"}}},
					{"a meeting needs a time", with(map[string]any{"starts_at": nil}), []fieldErr{{"starts_at", "is required"}}},
					{"the time is RFC 3339 with an offset", with(map[string]any{"starts_at": "2027-01-31 10:00"}),
						[]fieldErr{{"starts_at", badTime}}},
					{"a time without an offset is refused", with(map[string]any{"starts_at": "2027-01-31T10:00:00"}),
						[]fieldErr{{"starts_at", badTime}}},
					{"a participant needs a kind", with(map[string]any{"participants": []map[string]any{{"name": "Lise"}}}),
						[]fieldErr{{"participants[0].kind", "is required"}}},
					{"a participant's kind is a known one", with(map[string]any{"participants": []map[string]any{{"kind": "citizen"}, {"kind": "friend"}}}),
						[]fieldErr{{"participants[1].kind", "must be one of citizen, relative, provider, network, colleague"}}},
					{"texts have their limits", with(map[string]any{
						"place": strings.Repeat("p", 201), "summary": strings.Repeat("s", 4001),
						"participants": []map[string]any{{"kind": "relative", "name": strings.Repeat("n", 201)}},
						"agenda":       []map[string]any{{"text": strings.Repeat("a", 301)}, {"text": " "}},
						"agreements":   []map[string]any{{"text": strings.Repeat("x", 1001), "responsible": "caseworker"}}}),
						[]fieldErr{{"agenda[0].text", "must be at most 300 characters"}, {"agenda[1].text", "is required"},
							{"agreements[0].text", "must be at most 1000 characters"}, {"participants[0].name", "must be at most 200 characters"},
							{"place", "must be at most 200 characters"}, {"summary", "must be at most 4000 characters"}}},
					{"an agreement says who and, if dated, by when", with(map[string]any{"agreements": []map[string]any{
						{"text": "Ringe", "due_date": "1. februar"}, {"text": "Skrive", "responsible": "mayor"}}}),
						[]fieldErr{{"agreements[0].due_date", "must be a date such as 2027-01-31"}, {"agreements[0].responsible", "is required"},
							{"agreements[1].responsible", "must be one of citizen, caseworker, provider, relative, other"}}},
					{"a new meeting has no agenda items to keep", with(map[string]any{"agenda": []map[string]any{{"id": uuid.New(), "text": "Gammelt punkt"}}}),
						[]fieldErr{{"agenda[0].id", "is not an item of this meeting's agenda; leave it out for a new item"}}},
					{"a duration is from 5 to 600 minutes", with(map[string]any{"duration_minutes": 601}),
						[]fieldErr{{"duration_minutes", "must be from 5 to 600 minutes"}}},
					{"a meeting in the future cannot be held yet", with(map[string]any{"starts_at": o.at(2), "status": "held"}),
						[]fieldErr{{"status", heldEarly}}},
					{"every problem is reported together", map[string]any{"starts_at": "soon", "form": "", "participants": []map[string]any{{"kind": "x"}}},
						[]fieldErr{{"form", "is required"}, {"participants[0].kind", "must be one of citizen, relative, provider, network, colleague"},
							{"starts_at", badTime}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, env.Do(post, meetingsOf, o.cw.Token, tc.body), 422, msgInvalid, tc.fields...)
					})
				}
				t.Run("unknown fields are refused", func(t *testing.T) {
					r := env.Do(post, meetingsOf, o.cw.Token, with(map[string]any{"added_by": "citizen"}))
					wantProblem(t, r, 400, "The request body has a field this endpoint does not accept.", fieldErr{"added_by", "is not a known field"})
				})
				if n := count(t); n != before {
					t.Errorf("refused creates left %d meetings, want %d", n, before)
				}
			})

			var held map[string]any
			t.Run("a meeting that took place is recorded as held", func(t *testing.T) {
				held = o.create(t, o.cw, c.ID, map[string]any{"starts_at": o.at(-3), "form": "walk_and_talk", "status": "held",
					"summary": "Gik en tur ved søen", "participants": []map[string]any{{"kind": "citizen"}}})
				wantFields(t, held, map[string]any{"status": "held", "form": "walk_and_talk", "summary": "Gik en tur ved søen"})
				if dig(held, "duration_minutes") != nil {
					t.Errorf("duration = %v, want none", dig(held, "duration_minutes"))
				}
			})

			t.Run("the list is newest first", func(t *testing.T) {
				o.create(t, o.cw, c.ID, map[string]any{"starts_at": o.at(-200), "form": "phone", "status": "cancelled"})
				r := env.Do(get, meetingsOf, o.leader.Token, nil)
				wantStatus(t, r, 200)
				var got []string
				for _, it := range list(r.JSON, "items") {
					got = append(got, str(it.(map[string]any), "form"))
				}
				if want := []string{"home", "walk_and_talk", "phone"}; !reflect.DeepEqual(got, want) {
					t.Errorf("forms in list order %v, want %v", got, want)
				}
			})

			t.Run("a change touches only the fields sent, and keeps the ids of items sent back", func(t *testing.T) {
				r := env.Do(patch, meetingPath(m), o.cw.Token, map[string]any{
					"agenda": []map[string]any{{"id": str(m, "agenda[0].id"), "text": "Boligen, og hvad nu"}, {"text": "Økonomi"}},
					"agreements": []map[string]any{
						{"id": str(m, "agreements[0].id"), "text": "Søge boligstøtte", "responsible": "caseworker", "due_date": o.day(7)},
						{"text": "Ringe til søsteren", "responsible": "citizen"}},
					"duration_minutes": 0,
				}, "If-Match", etag(m))
				wantStatus(t, r, 200)
				if r.Header.Get("ETag") != `"2"` {
					t.Errorf("ETag = %q", r.Header.Get("ETag"))
				}
				wantFields(t, r.JSON, map[string]any{
					"version": 2, "form": "home", "place": "Hjemme hos borgeren", "starts_at": startsAt, "agenda_sent": true,
					"participants[1].name": "Søster Lise", "status": "planned",
					"agenda[0].id": str(m, "agenda[0].id"), "agenda[0].text": "Boligen, og hvad nu", "agenda[0].added_at": str(m, "agenda[0].added_at"),
					"agenda[1].added_by": "caseworker",
					"agreements[0].id":   str(m, "agreements[0].id"), "agreements[0].responsible": "caseworker", "agreements[0].due_date": o.day(7),
					"agreements[1].text": "Ringe til søsteren",
				})
				if dig(r.JSON, "duration_minutes") != nil {
					t.Errorf("duration 0 should remove it: %v", dig(r.JSON, "duration_minutes"))
				}
				if str(r.JSON, "agenda[1].id") == str(m, "agenda[0].id") || str(r.JSON, "agreements[1].id") == "" {
					t.Errorf("new items need new ids: %s", r.Body)
				}
				m = r.JSON
			})

			t.Run("a change is validated like a create", func(t *testing.T) {
				for _, tc := range []struct {
					name   string
					body   map[string]any
					detail string
					fields []fieldErr
				}{
					{"a meeting in the future cannot be marked held", map[string]any{"status": "held"}, msgInvalid,
						[]fieldErr{{"status", heldEarly}}},
					{"an unknown status", map[string]any{"status": "postponed"}, msgInvalid,
						[]fieldErr{{"status", "must be one of planned, held, cancelled"}}},
					{"a bad time", map[string]any{"starts_at": "i morgen"}, msgInvalid, []fieldErr{{"starts_at", badTime}}},
					{"an agreement id of another meeting", map[string]any{"agreements": []map[string]any{
						{"id": uuid.New(), "text": "x", "responsible": "other"}}}, msgInvalid,
						[]fieldErr{{"agreements[0].id", "is not an agreement of this meeting; leave it out for a new agreement"}}},
					{"the same item twice", map[string]any{"agenda": []map[string]any{
						{"id": str(m, "agenda[0].id"), "text": "a"}, {"id": str(m, "agenda[0].id"), "text": "b"}}}, msgInvalid,
						[]fieldErr{{"agenda[1].id", "is used twice"}}},
					{"an empty change", map[string]any{}, msgNothing, nil},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, env.Do(patch, meetingPath(m), o.cw.Token, tc.body, "If-Match", etag(m)), 422, tc.detail, tc.fields...)
					})
				}
				if g := env.Do(get, meetingPath(m), o.cw.Token, nil); num(g.JSON, "version") != num(m, "version") {
					t.Errorf("a refused change changed the meeting: %s", g.Body)
				}
			})

			t.Run("moving a meeting into the past and marking it held is one change", func(t *testing.T) {
				r := env.Do(patch, meetingPath(m), o.cw.Token, map[string]any{"starts_at": o.at(-1), "status": "held",
					"summary": "Talte om boligen"}, "If-Match", etag(m))
				wantStatus(t, r, 200)
				wantFields(t, r.JSON, map[string]any{"status": "held", "starts_at": o.at(-1), "version": 3, "summary": "Talte om boligen"})
				m = r.JSON
				r = env.Do(patch, meetingPath(m), o.cw.Token, map[string]any{"starts_at": o.at(24)}, "If-Match", etag(m))
				wantProblem(t, r, 422, msgInvalid, fieldErr{"starts_at", "must not be in the future for a meeting that has been held"})
			})

			t.Run("a meeting is cancelled by a change of status", func(t *testing.T) {
				p := o.create(t, o.cw, c.ID, map[string]any{"starts_at": o.at(72), "form": "video"})
				r := env.Do(patch, meetingPath(p), o.leader.Token, map[string]any{"status": "cancelled"}, "If-Match", etag(p))
				wantStatus(t, r, 200)
				wantFields(t, r.JSON, map[string]any{"status": "cancelled", "version": 2, "form": "video"})
			})

			t.Run("changes need the current ETag", func(t *testing.T) {
				for _, tc := range []struct {
					name    string
					ifMatch string
					status  int
					detail  string
				}{
					{"without If-Match: 428", "", 428, msgNoIfMatch},
					{"with a stale ETag: 412", `"1"`, 412, msgStale},
				} {
					t.Run(tc.name, func(t *testing.T) {
						var h []string
						if tc.ifMatch != "" {
							h = []string{"If-Match", tc.ifMatch}
						}
						r := env.Do(patch, meetingPath(m), o.cw.Token, map[string]any{"summary": "Nyt"}, h...)
						wantProblem(t, r, tc.status, tc.detail)
						if tc.status == 412 && str(r.JSON, "current_etag") != etag(m) {
							t.Errorf("current_etag = %v, want %s", r.JSON["current_etag"], etag(m))
						}
					})
				}
				if g := env.Do(get, meetingPath(m), o.cw.Token, nil); str(g.JSON, "summary") != str(m, "summary") {
					t.Errorf("a refused change changed the meeting: %s", g.Body)
				}
			})

			t.Run("the meetings of a closed case cannot change, and can still be read", func(t *testing.T) {
				cc := o.env.Case(o.cw, o.nord)
				p := o.create(t, o.cw, cc.ID, map[string]any{"starts_at": o.at(24), "form": "office"})
				if _, err := env.App.Cases.Close(context.Background(), o.cw.Actor(), cc.ID, cc.Version, "moved", ""); err != nil {
					t.Fatalf("close: %v", err)
				}
				wantProblem(t, env.Do(post, casePath(cc.ID, "/meetings"), o.cw.Token, map[string]any{"starts_at": o.at(1), "form": "office"}), 409, msgClosed)
				wantProblem(t, env.Do(patch, meetingPath(p), o.cw.Token, map[string]any{"status": "cancelled"}, "If-Match", etag(p)), 409, msgClosed)
				wantStatus(t, env.Do(get, meetingPath(p), o.cw.Token, nil), 200)
				wantStatus(t, env.Do(get, casePath(cc.ID, "/meetings"), o.cw.Token, nil), 200)
				wantStatus(t, env.Do(get, casePath(cc.ID, "/contact"), o.cw.Token, nil), 200)
			})
		})
	}
}

// Another team's case and meeting answer exactly like missing ones; roles
// without case access are refused before anything is read.
func TestMeetingAccess(t *testing.T) {
	t.Parallel()
	o := newOffice(t, "postgres")
	env := o.env
	c := o.env.Case(o.cw, o.nord, func(n *cases.NewCase) { n.CitizenName = "Hemmelig Borgersen" })
	m := o.create(t, o.cw, c.ID, map[string]any{"starts_at": o.at(24), "form": "office"})
	analyst := env.User(actor.RoleAnalyst)
	missingCase, missingMeeting := uuid.New(), uuid.New()
	body := map[string]any{"starts_at": o.at(24), "form": "office"}
	noCase := func(id uuid.UUID) string { return fmt.Sprintf("No case with id %s.", id) }
	noMeeting := func(id any) string { return fmt.Sprintf("No meeting with id %s.", id) }
	for _, tc := range []struct {
		name   string
		user   testkit.User
		method string
		path   string
		body   map[string]any
		status int
		detail string
	}{
		{"another team's case: list", o.cwSyd, get, casePath(c.ID, "/meetings"), nil, 404, noCase(c.ID)},
		{"another team's case: create", o.cwSyd, post, casePath(c.ID, "/meetings"), body, 404, noCase(c.ID)},
		{"another team's case: contact", o.cwSyd, get, casePath(c.ID, "/contact"), nil, 404, noCase(c.ID)},
		{"another team's meeting: read", o.cwSyd, get, meetingPath(m), nil, 404, noMeeting(m["id"])},
		{"another team's meeting: change", o.cwSyd, patch, meetingPath(m), map[string]any{"summary": "x"}, 404, noMeeting(m["id"])},
		{"a missing case: list", o.cw, get, casePath(missingCase, "/meetings"), nil, 404, noCase(missingCase)},
		{"a missing case: contact", o.cw, get, casePath(missingCase, "/contact"), nil, 404, noCase(missingCase)},
		{"a missing meeting: read", o.cw, get, meetingPath(missingMeeting), nil, 404, noMeeting(missingMeeting)},
		{"a missing meeting: change", o.cw, patch, meetingPath(missingMeeting), map[string]any{"summary": "x"}, 404, noMeeting(missingMeeting)},
		{"admin: list", o.admin, get, casePath(c.ID, "/meetings"), nil, 403, msgNoRole},
		{"admin: create, before the body is read", o.admin, post, casePath(c.ID, "/meetings"), map[string]any{"form": "nope"}, 403, msgNoRole},
		{"admin: contact", o.admin, get, casePath(c.ID, "/contact"), nil, 403, msgNoRole},
		{"admin: read", o.admin, get, meetingPath(m), nil, 403, msgNoRole},
		{"admin: change", o.admin, patch, meetingPath(m), map[string]any{"summary": "x"}, 403, msgNoRole},
		{"analyst: read", analyst, get, meetingPath(m), nil, 403, msgNoRole},
		{"analyst: list", analyst, get, casePath(c.ID, "/meetings"), nil, 403, msgNoRole},
		{"a bad id is a 400", o.cw, get, "/api/v1/meetings/nope", nil, 400, "The id in the address is not a valid UUID."},
		{"unknown query parameters are refused", o.cw, get, casePath(c.ID, "/meetings?sort=starts_at"), nil, 400,
			"The query string has invalid parameters."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := env.Do(tc.method, tc.path, tc.user.Token, tc.body, "If-Match", etag(m))
			wantProblem(t, r, tc.status, tc.detail, problemFields(r)...)
			if strings.Contains(string(r.Body), "Hemmelig") {
				t.Errorf("the refusal names the citizen: %s", r.Body)
			}
		})
	}
	if g := env.Do(get, meetingPath(m), o.cw.Token, nil); num(g.JSON, "version") != 1 || str(g.JSON, "summary") != "" {
		t.Errorf("a refused change changed the meeting: %s", g.Body)
	}
}

// problemFields echoes a problem's field errors, for cases that assert the
// detail only.
func problemFields(r testkit.Response) []fieldErr {
	var out []fieldErr
	for _, e := range list(r.JSON, "errors") {
		m := e.(map[string]any)
		out = append(out, fieldErr{str(m, "field"), str(m, "message")})
	}
	return out
}

func TestContactOverHTTP(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			o := newOffice(t, d)
			env := o.env

			t.Run("a weekly promise with the last home visit ten days ago is overdue, and the home visit was not agreed", func(t *testing.T) {
				c := o.caseWith(t, cases.ContactAgreement{PreferredFrequency: "weekly", MeetingFormats: []string{"seated_conversation"},
					Media: []string{"in_person", "phone_call"}, AgreedOn: o.day(-30)})
				o.seed(t, c.ID, o.noon(-20), meetings.Office, meetings.Held)
				o.seed(t, c.ID, o.noon(-10), meetings.Home, meetings.Held)
				o.seed(t, c.ID, o.noon(-5), meetings.Phone, meetings.Cancelled) // no contact
				o.seed(t, c.ID, o.noon(1), meetings.Office, meetings.Planned)   // not yet contact
				o.seed(t, c.ID, o.noon(-200), meetings.Video, meetings.Held)    // outside the window
				r := env.Do(get, casePath(c.ID, "/contact"), o.cw.Token, nil)
				wantStatus(t, r, 200)
				wantFields(t, r.JSON, map[string]any{
					"status": "overdue", "preferred_frequency": "weekly", "interval_days": 7,
					"last_held_on": o.day(-10), "counted_from": "last_meeting", "counted_from_date": o.day(-10), "days_since": 10,
					"next_expected_on": o.day(-3), "window_from": o.day(-90),
				})
				var byForm []string
				for _, fc := range list(r.JSON, "held_by_form") {
					m := fc.(map[string]any)
					byForm = append(byForm, fmt.Sprintf("%s:%d", str(m, "form"), num(m, "held")))
				}
				if want := []string{"office:1", "home:1", "walk_and_talk:0", "video:0", "phone:0", "other:0"}; !reflect.DeepEqual(byForm, want) {
					t.Errorf("held_by_form = %v, want %v", byForm, want)
				}
				if got := strs(list(r.JSON, "forms_outside_agreement")); !reflect.DeepEqual(got, []string{"home"}) {
					t.Errorf("forms_outside_agreement = %v, want [home]", got)
				}
				if n := auditRows(t, env, "action = 'case.contact_read' AND case_id = ?", c.ID); n != 1 {
					t.Errorf("contact reads audited %d times, want 1", n)
				}
			})

			t.Run("marking today's meeting held puts contact back on track", func(t *testing.T) {
				c := o.caseWith(t, cases.ContactAgreement{PreferredFrequency: "every_2_weeks"})
				o.seed(t, c.ID, o.noon(-30), meetings.Office, meetings.Held)
				p := o.seed(t, c.ID, o.now().Add(-time.Minute), meetings.Office, meetings.Planned)
				r := env.Do(get, casePath(c.ID, "/contact"), o.cw.Token, nil)
				wantFields(t, r.JSON, map[string]any{"status": "overdue", "days_since": 30})
				st := "held"
				if _, err := o.svc.Update(context.Background(), o.cw.Actor(), p.ID, p.Version, meetings.Fields{Status: &st}); err != nil {
					t.Fatal(err)
				}
				r = env.Do(get, casePath(c.ID, "/contact"), o.cw.Token, nil)
				on := p.StartsAt.In(env.App.Config.Location).Format(time.DateOnly) // today, unless run in the minute after midnight
				due, _ := time.Parse(time.DateOnly, on)
				wantFields(t, r.JSON, map[string]any{"status": "on_track", "counted_from": "last_meeting", "last_held_on": on,
					"next_expected_on": due.AddDate(0, 0, 14).Format(time.DateOnly)})
			})

			t.Run("without an agreed frequency nothing is late", func(t *testing.T) {
				c := o.caseWith(t, cases.ContactAgreement{})
				r := env.Do(get, casePath(c.ID, "/contact"), o.cw.Token, nil)
				wantStatus(t, r, 200)
				wantFields(t, r.JSON, map[string]any{"status": "no_agreement", "counted_from": "case_opened",
					"counted_from_date": o.day(0), "days_since": 0})
				for _, k := range []string{"preferred_frequency", "interval_days", "last_held_on", "next_expected_on"} {
					if _, ok := r.JSON[k]; ok {
						t.Errorf("%s present without an agreement: %s", k, r.Body)
					}
				}
				if got := list(r.JSON, "forms_outside_agreement"); got == nil || len(got) != 0 {
					t.Errorf("forms_outside_agreement = %v, want []", got)
				}
			})
		})
	}
}

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

func TestMeetingActionsAreAuditedOnce(t *testing.T) {
	t.Parallel()
	o := newOffice(t, "postgres")
	env := o.env
	c := o.env.Case(o.cw, o.nord)
	caseID, team := c.ID, o.nord.ID
	missing := uuid.New()
	var m map[string]any
	row := func(u testkit.User, action, outcome, detail string, withCase bool) auditRow {
		r := auditRow{Action: action, ActorID: &u.ID, Outcome: outcome, Detail: detail}
		if withCase {
			r.CaseID, r.TeamID = &caseID, &team
		}
		return r
	}
	ok := func(action string, detail ...string) func() *auditRow {
		return func() *auditRow {
			r := row(o.cw, action, "success", strings.Join(detail, ""), true)
			if len(detail) > 0 && strings.Contains(detail[0], "%s") {
				r.Detail = fmt.Sprintf(detail[0], str(m, "id"))
			}
			return &r
		}
	}
	denied := func(action string) func() *auditRow {
		return func() *auditRow { r := row(o.cwSyd, action, "denied", "not found for this user", true); return &r }
	}
	none := func() *auditRow { return nil }
	for _, st := range []struct {
		name   string
		status int
		do     func() testkit.Response
		want   func() *auditRow
	}{
		{"meeting.create", 201, func() testkit.Response {
			r := env.Do(post, casePath(caseID, "/meetings"), o.cw.Token, map[string]any{"starts_at": o.at(5), "form": "office", "summary": "Privat"})
			m = r.JSON
			return r
		}, ok("meeting.create", "meeting %s planned")},
		{"meeting.list", 200, func() testkit.Response { return env.Do(get, casePath(caseID, "/meetings"), o.cw.Token, nil) }, ok("meeting.list")},
		{"meeting.read", 200, func() testkit.Response { return env.Do(get, meetingPath(m), o.cw.Token, nil) }, ok("meeting.read", "meeting %s")},
		{"meeting.update names fields and the status change, never the texts", 200, func() testkit.Response {
			r := env.Do(patch, meetingPath(m), o.cw.Token, map[string]any{"summary": "Hemmeligt", "status": "cancelled"}, "If-Match", etag(m))
			m = r.JSON
			return r
		}, ok("meeting.update", "meeting %s fields: summary,status (planned -> cancelled)")},
		{"case.contact_read", 200, func() testkit.Response { return env.Do(get, casePath(caseID, "/contact"), o.cw.Token, nil) }, ok("case.contact_read")},
		{"a refused create writes nothing", 422, func() testkit.Response {
			return env.Do(post, casePath(caseID, "/meetings"), o.cw.Token, map[string]any{"starts_at": "x", "form": "office"})
		}, none},
		{"a stale change writes nothing", 412, func() testkit.Response {
			return env.Do(patch, meetingPath(m), o.cw.Token, map[string]any{"summary": "x"}, "If-Match", `"1"`)
		}, none},
		{"an admin's refused read writes nothing", 403, func() testkit.Response { return env.Do(get, meetingPath(m), o.admin.Token, nil) }, none},
		{"another team listing is denied and recorded", 404, func() testkit.Response {
			return env.Do(get, casePath(caseID, "/meetings"), o.cwSyd.Token, nil)
		}, denied("meeting.list")},
		{"another team creating is denied and recorded", 404, func() testkit.Response {
			return env.Do(post, casePath(caseID, "/meetings"), o.cwSyd.Token, map[string]any{"starts_at": o.at(5), "form": "office"})
		}, denied("meeting.create")},
		{"another team reading is denied and recorded", 404, func() testkit.Response {
			return env.Do(get, meetingPath(m), o.cwSyd.Token, nil)
		}, denied("meeting.read")},
		{"another team changing is denied and recorded", 404, func() testkit.Response {
			return env.Do(patch, meetingPath(m), o.cwSyd.Token, map[string]any{"summary": "x"}, "If-Match", etag(m))
		}, denied("meeting.update")},
		{"another team reading contact is denied and recorded", 404, func() testkit.Response {
			return env.Do(get, casePath(caseID, "/contact"), o.cwSyd.Token, nil)
		}, denied("case.contact_read")},
		{"reading a meeting that does not exist is denied and recorded", 404, func() testkit.Response {
			return env.Do(get, meetingPath(missing), o.cw.Token, nil)
		}, func() *auditRow {
			r := row(o.cw, "meeting.read", "denied", "meeting "+missing.String()+" not found for this user", false)
			return &r
		}},
	} {
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
			var lines []string
			for _, g := range got {
				lines = append(lines, g.String())
			}
			w := st.want()
			if w == nil {
				if len(got) != 0 {
					t.Errorf("want no audit rows, got:\n%s", strings.Join(lines, "\n"))
				}
				return
			}
			if len(got) != 1 || got[0].String() != w.String() {
				t.Errorf("audit rows:\n%s\nwant exactly\n%s", strings.Join(lines, "\n"), w)
			}
		})
	}
}
