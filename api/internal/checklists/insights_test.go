package checklists_test

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// The overview on a small data set whose numbers are worked out by hand:
//
//	six Nord cases in sagsåbning, P1 (core) answered applied ×3, partly ×1,
//	not applied ×1; P3 (optional) applied twice; P7 (not singled out for
//	sagsåbning) applied once, which must not count; the sixth case's
//	checklist nobody has started yet, so it says nothing yet and is left out;
//	two Nord cases that moved on to sagsoplysning without answering their
//	sagsåbning checklist, which therefore counts as open, and with P2
//	applied in sagsoplysning: too few to read there;
//	one Syd case with P1 applied: another team, never counted.
func TestInsightNumbersOnAFixedDataSet(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			o := newOffice(t, dialect)
			syd := o.env.Team("Team Syd")
			cwSyd := o.env.User(actor.RoleCaseworker, syd)

			p1 := []answer{{"P1_HOPES", "applied", ""}, {"P1_HOPES", "applied", ""}, {"P1_HOPES", "applied", ""},
				{"P1_HOPES", "partly_applied", ""}, {"P1_HOPES", "not_applied", "Nåede det ikke"}}
			var opening []cases.Viewed
			for i := 0; i < 6; i++ {
				c := o.env.Case(o.cw, o.team, func(n *cases.NewCase) { n.CitizenName = fmt.Sprintf("Borger %d", i) })
				opening = append(opening, c)
				cl := o.current(t, c.ID)
				var as []answer
				if i < len(p1) {
					as = append(as, p1[i])
				}
				if i < 2 {
					as = append(as, answer{"P3_NETWORK", "applied", ""})
				}
				if i == 0 {
					as = append(as, answer{"P7_FOLLOW_UP", "applied", ""})
				}
				if len(as) > 0 {
					o.mustAnswer(t, c.ID, cl, as...)
				}
			}
			for i := 0; i < 2; i++ {
				c := o.caseIn(t, cases.PhaseInvestigation)
				o.mustAnswer(t, c.ID, o.current(t, c.ID), answer{"P2_RESOURCES", "applied", ""})
			}
			sydCase := o.env.Case(cwSyd, syd)
			sydList, err := o.env.App.Checklists.List(context.Background(), cwSyd.Actor(), sydCase.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := o.env.App.Checklists.Answer(context.Background(), cwSyd.Actor(), sydCase.ID, sydList[0].ID, 1,
				[]checklists.ItemChange{{Principle: "P1_HOPES", Status: "applied"}}); err != nil {
				t.Fatal(err)
			}

			today := o.env.App.Goals.Today().Format(time.DateOnly)
			r := o.env.Do(get, "/api/v1/insights/principles?from="+today+"&to="+today, o.leader.Token, nil)
			testkit.WantStatus(t, r, http.StatusOK)
			if n := len(testkit.List(r.JSON, "cells")); n != 48 {
				t.Fatalf("%d cells, want 8 × 6 = 48", n)
			}
			type want struct {
				checklists                                     int
				applied, partly, notApplied, notRelevant, open int
				tooFew                                         bool
				shares                                         []float64 // applied, partly, not applied, not relevant, open
			}
			seventh := 1.0 / 7
			cells := map[string]want{
				"P1_HOPES/sagsaabning":       {7, 3, 1, 1, 0, 2, false, []float64{3 * seventh, seventh, seventh, 0, 2 * seventh}},
				"P3_NETWORK/sagsaabning":     {7, 2, 0, 0, 0, 5, false, []float64{2 * seventh, 0, 0, 0, 5 * seventh}},
				"P4_OPENNESS/sagsaabning":    {7, 0, 0, 0, 0, 7, false, []float64{0, 0, 0, 0, 1}},
				"P7_FOLLOW_UP/sagsaabning":   {0, 0, 0, 0, 0, 0, true, nil},
				"P2_RESOURCES/sagsaabning":   {0, 0, 0, 0, 0, 0, true, nil},
				"P2_RESOURCES/sagsoplysning": {2, 2, 0, 0, 0, 0, true, nil},
				"P1_HOPES/sagsoplysning":     {2, 0, 0, 0, 0, 2, true, nil},
				"P4_OPENNESS/afgoerelse":     {0, 0, 0, 0, 0, 0, true, nil},
				"P7_FOLLOW_UP/opfoelgning":   {0, 0, 0, 0, 0, 0, true, nil},
			}
			for _, raw := range testkit.List(r.JSON, "cells") {
				c := raw.(map[string]any)
				k := testkit.Str(c, "principle") + "/" + testkit.Str(c, "phase")
				w, ok := cells[k]
				if !ok {
					continue
				}
				delete(cells, k)
				got := want{testkit.Num(c, "checklists"), testkit.Num(c, "counts.applied"), testkit.Num(c, "counts.partly_applied"),
					testkit.Num(c, "counts.not_applied"), testkit.Num(c, "counts.not_relevant_now"), testkit.Num(c, "counts.open"),
					c["too_few"] == true, nil}
				if c["shares"] != nil {
					for _, f := range []string{"applied", "partly_applied", "not_applied", "not_relevant_now", "open"} {
						got.shares = append(got.shares, testkit.Dig(c, "shares."+f).(float64))
					}
				}
				if got.checklists != w.checklists || got.applied != w.applied || got.partly != w.partly || got.notApplied != w.notApplied ||
					got.notRelevant != w.notRelevant || got.open != w.open || got.tooFew != w.tooFew || len(got.shares) != len(w.shares) {
					t.Errorf("%s = %+v, want %+v", k, got, w)
					continue
				}
				for i := range w.shares {
					if math.Abs(got.shares[i]-w.shares[i]) > 0.0001 {
						t.Errorf("%s share %d = %v, want %v", k, i, got.shares[i], w.shares[i])
					}
				}
			}
			if len(cells) > 0 {
				t.Errorf("cells missing from the overview: %v", cells)
			}

			t.Run("a period without checklists is all empty", func(t *testing.T) {
				later := o.env.App.Goals.Today().AddDate(0, 0, 1).Format(time.DateOnly)
				r := o.env.Do(get, "/api/v1/insights/principles?from="+later+"&to="+later, o.leader.Token, nil)
				testkit.WantStatus(t, r, http.StatusOK)
				for _, raw := range testkit.List(r.JSON, "cells") {
					if n := testkit.Num(raw.(map[string]any), "checklists"); n != 0 {
						t.Fatalf("a cell counts %d checklists outside the period", n)
					}
				}
			})
			t.Run("to before from is refused", func(t *testing.T) {
				r := o.env.Do(get, "/api/v1/insights/principles?from=2026-02-01&to=2026-01-01", o.leader.Token, nil)
				testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid, testkit.FieldErr{Field: "to", Message: "must not be before from"})
			})

			const allSeven = "Borger 0=applied,Borger 1=applied,Borger 2=applied,Borger 3=partly_applied,Borger 4=not_applied,Test Borger=open,Test Borger=open"
			drill := func(t *testing.T, query string) ([]string, string) {
				t.Helper()
				r := o.env.Do(get, "/api/v1/insights/principles/cases?principle=P1_HOPES&phase=sagsaabning&"+query, o.leader.Token, nil)
				testkit.WantStatus(t, r, http.StatusOK)
				var names []string
				for _, it := range testkit.List(r.JSON, "items") {
					names = append(names, testkit.Str(it.(map[string]any), "citizen_name")+"="+testkit.Str(it.(map[string]any), "status"))
				}
				sort.Strings(names)
				return names, testkit.Str(r.JSON, "next_cursor")
			}
			t.Run("drill-down lists the cases behind a cell", func(t *testing.T) {
				got, next := drill(t, "")
				want := allSeven
				if strings.Join(got, ",") != want || next != "" {
					t.Errorf("cases = %v (next %q), want %s", got, next, want)
				}
			})
			t.Run("drill-down by answer", func(t *testing.T) {
				got, _ := drill(t, "status=applied")
				if strings.Join(got, ",") != "Borger 0=applied,Borger 1=applied,Borger 2=applied" {
					t.Errorf("applied cases = %v", got)
				}
			})
			t.Run("drill-down pages without gaps or repeats", func(t *testing.T) {
				first, next := drill(t, "limit=4")
				if len(first) != 4 || next == "" {
					t.Fatalf("first page %v, next %q", first, next)
				}
				rest, end := drill(t, "limit=4&cursor="+next)
				all := append(first, rest...)
				sort.Strings(all)
				if len(rest) != 3 || end != "" || strings.Join(all, ",") != allSeven {
					t.Errorf("pages %v + %v", first, rest)
				}
			})
			t.Run("drill-down needs a principle and a phase", func(t *testing.T) {
				r := o.env.Do(get, "/api/v1/insights/principles/cases", o.leader.Token, nil)
				testkit.WantProblem(t, r, http.StatusBadRequest, "The query string has invalid parameters.",
					testkit.FieldErr{Field: "phase", Message: "is required"}, testkit.FieldErr{Field: "principle", Message: "is required"})
			})
			t.Run("the overview and each case shown are audited", func(t *testing.T) {
				r := o.env.Do(get, "/api/v1/insights/principles/cases?principle=P1_HOPES&phase=sagsaabning&status=applied", o.leader.Token, nil)
				testkit.WantStatus(t, r, http.StatusOK)
				evs := auditOf(t, o, r)
				var ids []string
				for _, e := range evs {
					if e.Action != "insights.principle_cases" || e.ActorID == nil || *e.ActorID != o.leader.ID || e.CaseID == nil {
						t.Errorf("unexpected audit row %+v", e)
						continue
					}
					ids = append(ids, e.CaseID.String())
				}
				sort.Strings(ids)
				want := []string{opening[0].ID.String(), opening[1].ID.String(), opening[2].ID.String()}
				sort.Strings(want)
				if strings.Join(ids, ",") != strings.Join(want, ",") {
					t.Errorf("audited cases %v, want %v", ids, want)
				}
			})
		})
	}
}

type auditRow struct {
	Action  string     `gorm:"column:action"`
	ActorID *uuid.UUID `gorm:"column:actor_id"`
	CaseID  *uuid.UUID `gorm:"column:case_id"`
	TeamID  *uuid.UUID `gorm:"column:team_id"`
	Outcome string     `gorm:"column:outcome"`
	Detail  string     `gorm:"column:detail"`
}

// auditOf returns the audit rows the request left.
func auditOf(t *testing.T, o *office, r testkit.Response) []auditRow {
	t.Helper()
	var rows []auditRow
	err := o.env.App.DB.Conn(context.Background()).Table("audit_events").
		Where("request_id = ?", r.Header.Get("X-Request-Id")).Order("action").Find(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
