package feedback_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func orsItems(a, b, c, d float64) map[string]any {
	return map[string]any{"items": map[string]any{"individually": a, "interpersonally": b, "socially": c, "overall": d}}
}

func srsItems(a, b, c, d float64) map[string]any {
	return map[string]any{"items": map[string]any{"relationship": a, "goals_and_topics": b, "approach_or_method": c, "overall": d}}
}

// A case over three meetings, with numbers worked out by hand: ORS 18.0,
// 21.0, 26.0 is a reliable improvement of 8.0 from the clinical range across
// the cutoff of 25; an SRS item of 8.8 is an alliance signal, which the
// caseworker answers and which opens the next meeting.
func TestTheCaseReadingAndClosingTheLoop(t *testing.T) {
	o := newOffice(t)
	var ms []string
	for _, starts := range []string{"2026-09-01T10:00:00+02:00", "2026-10-01T10:00:00+02:00", "2026-11-01T10:00:00+01:00", "2026-11-20T10:00:00+01:00"} {
		r := o.env.Do(http.MethodPost, fmt.Sprintf("/api/v1/cases/%s/meetings", o.c.ID), o.cw.Token, map[string]any{"starts_at": starts, "form": "office"})
		testkit.WantStatus(t, r, http.StatusCreated)
		ms = append(ms, testkit.Str(r.JSON, "id"))
	}
	post := func(m, scale string, body any) {
		t.Helper()
		testkit.WantStatus(t, o.env.Do(http.MethodPost, "/api/v1/meetings/"+m+"/"+scale, o.cw.Token, body), http.StatusCreated)
	}
	post(ms[0], "ors", orsItems(4.0, 5.0, 4.5, 4.5))
	post(ms[1], "ors", orsItems(5.0, 5.5, 5.0, 5.5))
	post(ms[2], "ors", orsItems(6.5, 6.5, 6.5, 6.5))
	post(ms[0], "srs", srsItems(9.5, 9.5, 9.5, 9.5))
	post(ms[2], "srs", srsItems(9.5, 8.8, 9.5, 9.5))

	r := o.env.Do(http.MethodGet, fmt.Sprintf("/api/v1/cases/%s/fit", o.c.ID), o.cw.Token, nil)
	testkit.WantStatus(t, r, http.StatusOK)
	want := map[string]any{"outcome.count": 3.0, "outcome.first": 18.0, "outcome.latest": 26.0, "outcome.change": 8.0,
		"outcome.classification": "improved", "outcome.first_in_clinical_range": true, "outcome.latest_in_clinical_range": false,
		"outcome.clinically_significant_change": true, "thresholds.clinical_cutoff": 25.0, "thresholds.reliable_change": 5.0,
		"thresholds.alliance_total": 36.0, "thresholds.alliance_item": 9.0,
		"srs[0].alliance_signal": false, "srs[1].alliance_signal": true, "srs[1].total": 37.3, "srs[1].low_items[0]": "goals_and_topics"}
	for path, v := range want {
		if got := testkit.Dig(r.JSON, path); got != v {
			t.Errorf("%s = %v, want %v", path, got, v)
		}
	}

	sig := o.env.Do(http.MethodGet, "/api/v1/signals?mine=true", o.cw.Token, nil)
	items := testkit.List(sig.JSON, "items")
	if len(items) != 1 || testkit.Dig(items[0], "kind") != "alliance" || testkit.Dig(items[0], "citizen_name") != o.c.Citizen.Name {
		t.Fatalf("attention list %s", sig.Body)
	}
	id := testkit.Dig(items[0], "id").(string)
	empty := o.env.Do(http.MethodPost, "/api/v1/signals/"+id+"/response", o.cw.Token, map[string]any{"note": " "})
	testkit.WantProblem(t, empty, http.StatusUnprocessableEntity, msgInvalid, testkit.FieldErr{Field: "note", Message: "is required: say what will change"})
	ok := o.env.Do(http.MethodPost, "/api/v1/signals/"+id+"/response", o.cw.Token, map[string]any{"note": "Vi aftaler emnerne sammen i starten"})
	testkit.WantStatus(t, ok, http.StatusOK)
	again := o.env.Do(http.MethodPost, "/api/v1/signals/"+id+"/response", o.cw.Token, map[string]any{"note": "Igen"})
	testkit.WantProblem(t, again, http.StatusConflict, "This signal has been answered already.")
	if n := len(testkit.List(o.env.Do(http.MethodGet, "/api/v1/signals?mine=true", o.cw.Token, nil).JSON, "items")); n != 0 {
		t.Errorf("%d open signals after the answer", n)
	}
	next := o.env.Do(http.MethodGet, "/api/v1/meetings/"+ms[3]+"/feedback", o.cw.Token, nil)
	if testkit.Str(next.JSON, "from_last_meeting[0].response") != "Vi aftaler emnerne sammen i starten" {
		t.Errorf("you said — we did: %s", next.Body)
	}

	t.Run("correcting an SRS above the line withdraws its open signal", func(t *testing.T) {
		post(ms[3], "srs", srsItems(8.0, 9.5, 9.5, 9.5))
		body := srsItems(9.5, 9.5, 9.5, 9.5)
		body["reason"] = "Borgeren mente 9,5"
		testkit.WantStatus(t, o.env.Do(http.MethodPatch, "/api/v1/meetings/"+ms[3]+"/srs", o.cw.Token, body, "If-Match", `"1"`), http.StatusOK)
		if n := len(testkit.List(o.env.Do(http.MethodGet, "/api/v1/signals?mine=true", o.cw.Token, nil).JSON, "items")); n != 0 {
			t.Errorf("%d open signals after the correction", n)
		}
	})
	t.Run("a reliable deterioration raises a signal", func(t *testing.T) {
		post(ms[3], "ors", orsItems(3.0, 3.0, 3.0, 3.0)) // 12.0: 6.0 below the first
		s := o.env.Do(http.MethodGet, fmt.Sprintf("/api/v1/cases/%s/signals", o.c.ID), o.cw.Token, nil)
		if testkit.Str(s.JSON, "items[0].kind") != "deterioration" || testkit.Str(s.JSON, "items[0].response") != "" {
			t.Errorf("signals %s", s.Body)
		}
	})
}

// The leader's figures withhold what rests on fewer than five cases.
func TestLeaderFiguresWithholdSmallNumbers(t *testing.T) {
	o := newOffice(t)
	leader := o.env.User(actor.RoleLeader, o.team)
	ors := func(c cases.Viewed, starts string, v float64) string {
		r := o.env.Do(http.MethodPost, fmt.Sprintf("/api/v1/cases/%s/meetings", c.ID), o.cw.Token, map[string]any{"starts_at": starts, "form": "office", "status": "held"})
		testkit.WantStatus(t, r, http.StatusCreated)
		m := testkit.Str(r.JSON, "id")
		testkit.WantStatus(t, o.env.Do(http.MethodPost, "/api/v1/meetings/"+m+"/ors", o.cw.Token, orsItems(v, v, v, v)), http.StatusCreated)
		return m
	}
	today := o.env.App.Feedback.Today()
	day := func(n int) string { return today.AddDate(0, 0, -n).Format("2006-01-02") + "T10:00:00Z" }
	figures := func() map[string]any {
		r := o.env.Do(http.MethodGet, "/api/v1/insights/fit?team_id="+o.team.ID.String(), leader.Token, nil)
		testkit.WantStatus(t, r, http.StatusOK)
		return testkit.List(r.JSON, "teams")[0].(map[string]any)
	}
	// Four cases: 3 improve (5 → 6.5 per item = +6), 1 does not.
	for i := 0; i < 4; i++ {
		c := o.env.Case(o.cw, o.team)
		ors(c, day(20), 5.0)
		if i < 3 {
			ors(c, day(5), 6.5)
		} else {
			ors(c, day(5), 5.2)
		}
	}
	f := figures()
	if f["too_few"] != true || f["improved"] != nil || testkit.Num(f, "cases") != 0 || testkit.Num(f, "meetings_held") != 8 {
		t.Errorf("with 4 cases: %v", f)
	}
	c := o.env.Case(o.cw, o.team)
	ors(c, day(30), 8.0)
	m := ors(c, day(2), 6.5) // 32 → 26: deteriorated
	testkit.WantStatus(t, o.env.Do(http.MethodPost, "/api/v1/meetings/"+m+"/srs", o.cw.Token, srsItems(9, 9, 9, 9)), http.StatusCreated)
	f = figures()
	if f["too_few"] != false || testkit.Num(f, "cases") != 5 || f["improved"] != 0.6 || f["deteriorated"] != 0.2 || f["no_reliable_change"] != 0.2 ||
		testkit.Num(f, "meetings_held") != 10 || testkit.Num(f, "meetings_with_feedback") != 10 || f["mean_srs"] != nil {
		t.Errorf("with 5 cases: %v", f)
	}
}
