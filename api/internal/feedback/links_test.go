package feedback_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	msgInvalid = "The request has invalid fields."
	msgNoLink  = "This feedback link does not work. It may have expired or been used already; ask your caseworker for a new one."
	msgUsed    = "This part has been answered already. Thank you!"
)

type office struct {
	env  *testkit.Env
	team identity.Team
	cw   testkit.User
	c    cases.Viewed
}

func newOffice(t *testing.T, opts ...testkit.Option) *office {
	t.Helper()
	env := testkit.Start(t, "postgres", opts...)
	team := env.Team("Team Nord")
	cw := env.User(actor.RoleCaseworker, team)
	c := env.Case(cw, team, func(n *cases.NewCase) { n.CitizenName = "Nanna Nordby Hansen"; n.LegalBasisNote = "Hemmelig note" })
	return &office{env: env, team: team, cw: cw, c: c}
}

// meeting plans a meeting over HTTP and returns its id.
func (o *office) meeting(t *testing.T) string {
	t.Helper()
	r := o.env.Do(http.MethodPost, fmt.Sprintf("/api/v1/cases/%s/meetings", o.c.ID), o.cw.Token, map[string]any{
		"starts_at": "2026-11-20T10:00:00+01:00", "form": "home", "summary": "Intern note om økonomien"})
	testkit.WantStatus(t, r, http.StatusCreated)
	return testkit.Str(r.JSON, "id")
}

func (o *office) link(t *testing.T, meetingID string, parts ...string) string {
	t.Helper()
	r := o.env.Do(http.MethodPost, "/api/v1/meetings/"+meetingID+"/feedback-links", o.cw.Token, map[string]any{"parts": parts})
	testkit.WantStatus(t, r, http.StatusCreated)
	if !strings.HasPrefix(testkit.Str(r.JSON, "url"), "/feedback/") || len(testkit.Str(r.JSON, "token")) < 40 {
		t.Fatalf("link %s", r.Body)
	}
	return testkit.Str(r.JSON, "token")
}

func ors(token string, sub uuid.UUID, v ...any) map[string]any {
	items := map[string]any{"individually": v[0], "interpersonally": v[1], "socially": v[2], "overall": v[3]}
	return map[string]any{"token": token, "submission_id": sub, "items": items}
}

func srs(token string, sub uuid.UUID, v ...any) map[string]any {
	items := map[string]any{"relationship": v[0], "goals_and_topics": v[1], "approach_or_method": v[2], "overall": v[3]}
	return map[string]any{"token": token, "submission_id": sub, "items": items}
}

func TestFeedbackLinks(t *testing.T) {
	o := newOffice(t)
	do := func(path string, body any) testkit.Response {
		t.Helper()
		return o.env.Do(http.MethodPost, "/api/v1/public/feedback/"+path, "", body)
	}
	m := o.meeting(t)
	token := o.link(t, m, "ors", "srs", "questions", "topics")

	t.Run("opening shows the first name, the meeting date and the parts, nothing else of the case", func(t *testing.T) {
		r := do("open", map[string]any{"token": token})
		testkit.WantStatus(t, r, http.StatusOK)
		if testkit.Str(r.JSON, "first_name") != "Nanna" || testkit.Str(r.JSON, "meeting_date") != "2026-11-20" {
			t.Errorf("view %s", r.Body)
		}
		for _, secret := range []string{"Nordby", "Hansen", "Hemmelig", "Intern note", o.c.ID.String(), m, o.cw.Name, o.team.Name} {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("the citizen's page shows %q: %s", secret, r.Body)
			}
		}
		if testkit.Str(r.JSON, "wording.ors[0]") != "Mig selv" {
			t.Errorf("wording %s", r.Body)
		}
		en := do("open", map[string]any{"token": token, "lang": "en"})
		if testkit.Str(en.JSON, "wording.ors[0]") != "Myself" {
			t.Errorf("English wording %s", en.Body)
		}
	})
	t.Run("items are validated to one decimal from 0 to 10", func(t *testing.T) {
		r := do("ors", ors(token, uuid.New(), -0.1, 10.1, 3.14, "text"))
		testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid,
			testkit.FieldErr{Field: "items.individually", Message: "must be from 0.0 to 10.0"},
			testkit.FieldErr{Field: "items.interpersonally", Message: "must be from 0.0 to 10.0"},
			testkit.FieldErr{Field: "items.overall", Message: "must be a number from 0.0 to 10.0"},
			testkit.FieldErr{Field: "items.socially", Message: "must have at most one decimal (a mark read to the millimetre)"})
	})
	sub := uuid.New()
	t.Run("the ORS is stored once with the server's total", func(t *testing.T) {
		r := do("ors", ors(token, sub, 4.2, 5.0, 6.3, 4.9))
		testkit.WantStatus(t, r, http.StatusCreated)
		if r.JSON["stored"] != true {
			t.Errorf("receipt %s", r.Body)
		}
	})
	t.Run("a retry of the same submission is answered and stored once", func(t *testing.T) {
		r := do("ors", ors(token, sub, 4.2, 5.0, 6.3, 4.9))
		testkit.WantStatus(t, r, http.StatusOK)
		if r.JSON["stored"] != false {
			t.Errorf("receipt %s", r.Body)
		}
		list := o.env.Do(http.MethodGet, "/api/v1/meetings/"+m+"/ors", o.cw.Token, nil)
		items := testkit.List(list.JSON, "items")
		if len(items) != 1 || testkit.Dig(items[0], "total") != 20.4 || testkit.Dig(items[0], "entered_by") != "citizen_device" {
			t.Errorf("stored ORS %s", list.Body)
		}
	})
	t.Run("another submission of a used part is refused", func(t *testing.T) {
		testkit.WantProblem(t, do("ors", ors(token, uuid.New(), 1, 1, 1, 1)), http.StatusConflict, msgUsed)
	})
	t.Run("the other parts still work, and a low SRS raises a signal", func(t *testing.T) {
		testkit.WantStatus(t, do("srs", srs(token, uuid.New(), 9.0, 8.5, 9.5, 9.0)), http.StatusCreated)
		testkit.WantStatus(t, do("questions", map[string]any{"token": token, "submission_id": uuid.New(), "meeting_ok": "partly",
			"talked_about": "yes", "different_next_time": "Mødes om formiddagen"}), http.StatusCreated)
		testkit.WantStatus(t, do("topics", map[string]any{"token": token, "submission_id": uuid.New(), "topics": []string{"Min lejlighed"}}), http.StatusCreated)
		sig := o.env.Do(http.MethodGet, fmt.Sprintf("/api/v1/cases/%s/signals", o.c.ID), o.cw.Token, nil)
		var kinds []string
		for _, it := range testkit.List(sig.JSON, "items") {
			kinds = append(kinds, testkit.Str(it.(map[string]any), "kind"))
		}
		if strings.Join(kinds, ",") != "alliance,change_requested" && strings.Join(kinds, ",") != "change_requested,alliance" {
			t.Errorf("signals %v", kinds)
		}
		mt := o.env.Do(http.MethodGet, "/api/v1/meetings/"+m, o.cw.Token, nil)
		if !strings.Contains(string(mt.Body), "Min lejlighed") || !strings.Contains(string(mt.Body), `"citizen"`) {
			t.Errorf("citizen topic not on the agenda: %s", mt.Body)
		}
	})
	t.Run("a retry of the last part is still answered as a retry", func(t *testing.T) {
		last := uuid.New()
		fresh := o.link(t, o.meeting(t), "questions")
		body := map[string]any{"token": fresh, "submission_id": last, "meeting_ok": "yes", "talked_about": "yes"}
		testkit.WantStatus(t, do("questions", body), http.StatusCreated)
		r := do("questions", body)
		testkit.WantStatus(t, r, http.StatusOK)
		if r.JSON["stored"] != false {
			t.Errorf("retry receipt %s", r.Body)
		}
		body["submission_id"] = uuid.New()
		used := do("questions", body)
		testkit.WantProblem(t, used, http.StatusConflict, msgUsed)
		if testkit.Str(used.JSON, "type") != "https://bic.example/problems/already-answered" {
			t.Errorf("type %s", testkit.Str(used.JSON, "type"))
		}
	})
	t.Run("topics can only be asked for before the meeting", func(t *testing.T) {
		r := o.env.Do(http.MethodPost, fmt.Sprintf("/api/v1/cases/%s/meetings", o.c.ID), o.cw.Token, map[string]any{
			"starts_at": "2026-11-02T10:00:00+01:00", "form": "home", "status": "held"})
		testkit.WantStatus(t, r, http.StatusCreated)
		l := o.env.Do(http.MethodPost, "/api/v1/meetings/"+testkit.Str(r.JSON, "id")+"/feedback-links", o.cw.Token, map[string]any{"parts": []string{"srs", "topics"}})
		testkit.WantProblem(t, l, http.StatusUnprocessableEntity, msgInvalid,
			testkit.FieldErr{Field: "parts[1]", Message: "topics for the agenda can only be asked for before the meeting, while it is planned"})
	})
	t.Run("a link whose every part is used no longer opens", func(t *testing.T) {
		testkit.WantProblem(t, do("open", map[string]any{"token": token}), http.StatusNotFound, msgNoLink)
	})
	t.Run("a wrong token is the same 404", func(t *testing.T) {
		testkit.WantProblem(t, do("open", map[string]any{"token": strings.Repeat("x", 43)}), http.StatusNotFound, msgNoLink)
		testkit.WantProblem(t, do("ors", ors("short", uuid.New(), 1, 1, 1, 1)), http.StatusNotFound, msgNoLink)
	})
	t.Run("a link expires after 24 hours", func(t *testing.T) {
		fresh := o.link(t, o.meeting(t), "ors")
		testkit.WantStatus(t, do("open", map[string]any{"token": fresh}), http.StatusOK)
		o.env.Clock.Advance(24*time.Hour + time.Second)
		t.Cleanup(func() { o.env.Clock.Advance(-(24*time.Hour + time.Second)) })
		testkit.WantProblem(t, do("open", map[string]any{"token": fresh}), http.StatusNotFound, msgNoLink)
		testkit.WantProblem(t, do("ors", ors(fresh, uuid.New(), 5, 5, 5, 5)), http.StatusNotFound, msgNoLink)
	})
	t.Run("only the token's hash is stored", func(t *testing.T) {
		var n int64
		if err := o.env.App.DB.Conn(context.Background()).Table("feedback_links").Where("token_hash = ?", token).Count(&n).Error; err != nil || n != 0 {
			t.Errorf("token stored in clear (%d, %v)", n, err)
		}
	})
	t.Run("creation and submissions are audited", func(t *testing.T) {
		var rows []struct {
			Action  string
			Subject string
			CaseID  *uuid.UUID
		}
		if err := o.env.App.DB.Conn(context.Background()).Table("audit_events").Select("action, subject, case_id").
			Where("action LIKE 'feedback_link.%'").Order("occurred_at").Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		for _, r := range rows {
			count[r.Action]++
			if r.CaseID == nil || *r.CaseID != o.c.ID {
				t.Errorf("%s without the case", r.Action)
			}
		}
		if count["feedback_link.create"] != 3 || count["feedback_link.submit"] != 5 || count["feedback_link.open"] < 2 {
			t.Errorf("audit counts %v", count)
		}
	})
}

func TestFeedbackLinksAreRateLimited(t *testing.T) {
	o := newOffice(t, testkit.WithConfig(func(c *config.Config) { c.FeedbackRateLimit = 3 }))
	for i := 0; i < 3; i++ {
		r := o.env.Do(http.MethodPost, "/api/v1/public/feedback/open", "", map[string]any{"token": strings.Repeat("y", 43)})
		testkit.WantStatus(t, r, http.StatusNotFound)
	}
	r := o.env.Do(http.MethodPost, "/api/v1/public/feedback/open", "", map[string]any{"token": strings.Repeat("y", 43)})
	testkit.WantStatus(t, r, http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
}

func TestStaffScores(t *testing.T) {
	o := newOffice(t)
	m := o.meeting(t)
	post := func(scale string, body any) testkit.Response {
		return o.env.Do(http.MethodPost, "/api/v1/meetings/"+m+"/"+scale, o.cw.Token, body)
	}
	t.Run("text and out-of-range items are field errors", func(t *testing.T) {
		r := post("srs", map[string]any{"items": map[string]any{"relationship": "text", "goals_and_topics": 10.1, "approach_or_method": -0.1, "overall": 3.14}})
		testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid,
			testkit.FieldErr{Field: "items.approach_or_method", Message: "must be from 0.0 to 10.0"},
			testkit.FieldErr{Field: "items.goals_and_topics", Message: "must be from 0.0 to 10.0"},
			testkit.FieldErr{Field: "items.overall", Message: "must have at most one decimal (a mark read to the millimetre)"},
			testkit.FieldErr{Field: "items.relationship", Message: "must be a number from 0.0 to 10.0"})
	})
	t.Run("a relative's ORS is flagged collateral and kept out of the outcome", func(t *testing.T) {
		r := post("ors", map[string]any{"rater": "relative", "items": map[string]any{"individually": 2.5, "interpersonally": 3, "socially": 4.0, "overall": 1.5}})
		testkit.WantStatus(t, r, http.StatusCreated)
		if r.JSON["collateral"] != true || testkit.Dig(r.JSON, "total") != 11.0 {
			t.Errorf("score %s", r.Body)
		}
		fit := o.env.Do(http.MethodGet, fmt.Sprintf("/api/v1/cases/%s/fit", o.c.ID), o.cw.Token, nil)
		if len(testkit.List(fit.JSON, "ors")) != 0 || len(testkit.List(fit.JSON, "collateral_ors")) != 1 {
			t.Errorf("reading %s", fit.Body)
		}
	})
	t.Run("a correction needs a reason and keeps the original", func(t *testing.T) {
		testkit.WantStatus(t, post("ors", map[string]any{"items": map[string]any{"individually": 5, "interpersonally": 5, "socially": 5, "overall": 5}}), http.StatusCreated)
		testkit.WantProblem(t, post("ors", map[string]any{"items": map[string]any{"individually": 6, "interpersonally": 5, "socially": 5, "overall": 5}}),
			http.StatusConflict, "This meeting already has an ORS from the citizen. Correct it, with a reason, instead.")
		body := map[string]any{"items": map[string]any{"individually": 6, "interpersonally": 5, "socially": 5, "overall": 5}}
		r := o.env.Do(http.MethodPatch, "/api/v1/meetings/"+m+"/ors", o.cw.Token, body, "If-Match", `"1"`)
		testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid, testkit.FieldErr{Field: "reason", Message: "is required: say why the score is corrected"})
		body["reason"] = "Aflæst forkert på papiret"
		r = o.env.Do(http.MethodPatch, "/api/v1/meetings/"+m+"/ors", o.cw.Token, body, "If-Match", `"1"`)
		testkit.WantStatus(t, r, http.StatusOK)
		if testkit.Dig(r.JSON, "total") != 21.0 || testkit.Dig(r.JSON, "corrections[0].total") != 20.0 ||
			testkit.Str(r.JSON, "corrections[0].reason") != "Aflæst forkert på papiret" || testkit.Num(r.JSON, "version") != 2 {
			t.Errorf("corrected %s", r.Body)
		}
		stale := o.env.Do(http.MethodPatch, "/api/v1/meetings/"+m+"/ors", o.cw.Token, body, "If-Match", `"1"`)
		testkit.WantStatus(t, stale, http.StatusPreconditionFailed)
	})
}
