package checklists_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const builtinVersion = "S2-2023-reconstructed"

// revised is the built-in set as a municipality might revise it: new wording
// for P1's description, and P3 made core and P8 dropped at sagsåbning.
func revised(t *testing.T, version string) map[string]any {
	t.Helper()
	b, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]map[string]any, len(b.Principles))
	for i, p := range b.Principles {
		m := map[string]any{"code": p.Code, "number": p.Number, "title_da": p.TitleDa, "title_en": p.TitleEn,
			"description": p.Description, "reflection_questions": p.ReflectionQuestions, "core": p.Core, "optional": p.Optional}
		switch p.Code {
		case "P1_HOPES":
			m["description"] = map[string]string{"da": "Ny formulering fra kommunen.", "en": "New wording from the municipality."}
		case "P3_NETWORK":
			m["core"] = append([]cases.Phase{"sagsaabning"}, p.Core...)
			m["optional"] = []cases.Phase{}
		case "P8_KNOWLEDGE":
			m["optional"] = []cases.Phase{}
		}
		ps[i] = m
	}
	return map[string]any{"version": version, "note": "Revideret efter workshop", "principles": ps}
}

func TestPublishingANewVersionNeverRewritesAnExistingChecklist(t *testing.T) {
	o := newOffice(t, "postgres")
	before := o.env.Case(o.cw, o.team)
	old := o.mustAnswer(t, before.ID, o.current(t, before.ID), answer{"P1_HOPES", "applied", "Som aftalt"})
	oldDescription := testkit.Str(item(t, old, "P1_HOPES"), "principle.description.da")

	r := o.env.Do(post, "/api/v1/principles", o.admin.Token, revised(t, "2027-1"))
	testkit.WantStatus(t, r, http.StatusCreated)
	if testkit.Str(r.JSON, "published_by_name") != o.admin.Name {
		t.Errorf("published_by_name = %q", testkit.Str(r.JSON, "published_by_name"))
	}

	t.Run("the new version is in force", func(t *testing.T) {
		r := o.env.Do(get, "/api/v1/principles", o.cw.Token, nil)
		if testkit.Str(r.JSON, "version") != "2027-1" || testkit.Str(r.JSON, "principles[0].description.da") != "Ny formulering fra kommunen." {
			t.Errorf("in force: %s %q", testkit.Str(r.JSON, "version"), testkit.Str(r.JSON, "principles[0].description.da"))
		}
		v := o.env.Do(get, "/api/v1/principles/versions", o.cw.Token, nil)
		if got := testkit.Str(v.JSON, "items[0].version") + "," + testkit.Str(v.JSON, "items[1].version"); got != "2027-1,"+builtinVersion {
			t.Errorf("versions = %s", got)
		}
		if testkit.Dig(v.JSON, "items[0].in_force") != true || testkit.Dig(v.JSON, "items[1].in_force") != false {
			t.Errorf("in_force flags: %s", v.Body)
		}
	})
	t.Run("the earlier version can still be read", func(t *testing.T) {
		r := o.env.Do(get, "/api/v1/principles?version="+builtinVersion, o.cw.Token, nil)
		testkit.WantStatus(t, r, http.StatusOK)
		if testkit.Str(r.JSON, "principles[0].description.da") != oldDescription {
			t.Errorf("old description = %q", testkit.Str(r.JSON, "principles[0].description.da"))
		}
		missing := o.env.Do(get, "/api/v1/principles?version=1999", o.cw.Token, nil)
		testkit.WantProblem(t, missing, http.StatusNotFound, "No principle set with version 1999.")
	})
	t.Run("the existing checklist keeps its version, wording, mapping and answers", func(t *testing.T) {
		again := o.current(t, before.ID)
		if testkit.Str(again, "principle_version") != builtinVersion {
			t.Errorf("principle_version = %s", testkit.Str(again, "principle_version"))
		}
		p1 := item(t, again, "P1_HOPES")
		if testkit.Str(p1, "principle.description.da") != oldDescription || testkit.Str(p1, "status") != "applied" || testkit.Str(p1, "note") != "Som aftalt" {
			t.Errorf("P1 rewritten: %v", p1)
		}
		got := byApplicability(again)
		if strings.Join(got["optional"], ",") != "P3_NETWORK,P8_KNOWLEDGE" {
			t.Errorf("optional = %v, want the old mapping P3_NETWORK,P8_KNOWLEDGE", got["optional"])
		}
	})
	t.Run("the gate reads the old checklist by its own mapping", func(t *testing.T) {
		mv := o.move(t, before.ID, cases.PhaseInvestigation)
		testkit.WantStatus(t, mv, http.StatusOK)
		if got := codes(testkit.List(mv.JSON, "phase_gate.open_principles")); got != "P4_OPENNESS,P5_EARLY,P6_COORDINATED" {
			t.Errorf("open = %s; P3 was optional in the version the checklist was made with", got)
		}
	})
	t.Run("a new checklist uses the new version", func(t *testing.T) {
		after := o.env.Case(o.cw, o.team)
		cl := o.current(t, after.ID)
		if testkit.Str(cl, "principle_version") != "2027-1" {
			t.Errorf("principle_version = %s", testkit.Str(cl, "principle_version"))
		}
		got := byApplicability(cl)
		if strings.Join(got["core"], ",") != "P1_HOPES,P3_NETWORK,P4_OPENNESS,P5_EARLY,P6_COORDINATED" || len(got["optional"]) != 0 {
			t.Errorf("core %v optional %v under the new mapping", got["core"], got["optional"])
		}
	})
	t.Run("a version name is used once", func(t *testing.T) {
		r := o.env.Do(post, "/api/v1/principles", o.admin.Token, revised(t, "2027-1"))
		testkit.WantProblem(t, r, http.StatusConflict,
			"A principle set with version 2027-1 exists; published sets never change, so choose a new version name.")
	})
	t.Run("a broken set is refused field by field", func(t *testing.T) {
		body := revised(t, "bad version!")
		ps := body["principles"].([]map[string]any)
		ps[0]["title_da"] = " "
		ps[1]["core"] = []string{"sagsoplysning", "nowhere"}
		ps[2]["optional"] = []string{"sagsoplysning"} // already core for P3
		ps[3]["reflection_questions"] = map[string]any{"da": []string{}, "en": []string{"One?"}}
		ps[4]["code"] = "P6_COORDINATED"
		r := o.env.Do(post, "/api/v1/principles", o.admin.Token, body)
		testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid,
			testkit.FieldErr{Field: "principles[0].title_da", Message: "is required"},
			testkit.FieldErr{Field: "principles[1].core[1]", Message: "is not a phase"},
			testkit.FieldErr{Field: "principles[2].optional[0]", Message: "is listed twice for the principle; a phase is core or optional, not both"},
			testkit.FieldErr{Field: "principles[3].reflection_questions.da", Message: "must hold 1 to 10 questions"},
			testkit.FieldErr{Field: "principles[4].code", Message: "must be P5_EARLY (the principles are listed in their numbered order)"},
			testkit.FieldErr{Field: "version", Message: "must be 1 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit"})
		short := revised(t, "2027-2")
		short["principles"] = short["principles"].([]map[string]any)[:7]
		r = o.env.Do(post, "/api/v1/principles", o.admin.Token, short)
		testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid,
			testkit.FieldErr{Field: "principles", Message: "must list the 8 principles, once each"})
	})
}

// Every checklist request leaves exactly its audit rows, and a note's text
// never reaches the audit trail.
func TestChecklistRequestsAreAudited(t *testing.T) {
	o := newOffice(t, "postgres")
	syd := o.env.Team("Team Syd")
	cwSyd := o.env.User("caseworker", syd)
	c := o.env.Case(o.cw, o.team)
	type want struct{ action, outcome string }
	list := o.env.Do(get, "/api/v1/cases/"+c.ID.String()+"/checklists", o.cw.Token, nil)
	cl := testkit.List(list.JSON, "items")[0].(map[string]any)
	id := testkit.Str(cl, "id")
	steps := []struct {
		name string
		r    testkit.Response
		want []want
	}{
		{"first view creates and lists", list, []want{{"checklist.create", "success"}, {"checklist.list", "success"}}},
		{"read", o.env.Do(get, "/api/v1/cases/"+c.ID.String()+"/checklists/"+id, o.cw.Token, nil), []want{{"checklist.read", "success"}}},
		{"answer", o.answer(t, c.ID, cl, answer{"P5_EARLY", "not_applied", "Hemmelig note om borgeren"}), []want{{"checklist.update", "success"}}},
		{"another team's caseworker is denied", o.env.Do(get, "/api/v1/cases/"+c.ID.String()+"/checklists", cwSyd.Token, nil),
			[]want{{"checklist.list", "denied"}}},
		{"settings change", func() testkit.Response {
			s := o.env.Do(get, "/api/v1/settings", o.admin.Token, nil)
			return o.env.Do(patch, "/api/v1/settings", o.admin.Token, map[string]any{"phase_gate": "require"}, "If-Match", s.Header.Get("ETag"))
		}(), []want{{"settings.update", "success"}}},
		{"publish", o.env.Do(post, "/api/v1/principles", o.admin.Token, revised(t, "audit-1")), []want{{"principles.publish", "success"}}},
		{"overview", o.env.Do(get, "/api/v1/insights/principles", o.leader.Token, nil), []want{{"insights.principles", "success"}}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if st.r.Status >= 500 {
				t.Fatalf("status %d", st.r.Status)
			}
			rows := auditOf(t, o, st.r)
			if len(rows) != len(st.want) {
				t.Fatalf("%d audit rows, want %d: %+v", len(rows), len(st.want), rows)
			}
			for i, w := range st.want {
				if rows[i].Action != w.action || rows[i].Outcome != w.outcome {
					t.Errorf("row %d = %s/%s, want %s/%s", i, rows[i].Action, rows[i].Outcome, w.action, w.outcome)
				}
				if strings.Contains(rows[i].Detail, "Hemmelig") {
					t.Errorf("the note reached the audit trail: %q", rows[i].Detail)
				}
			}
		})
	}
	t.Run("the answer's row names the principle and status", func(t *testing.T) {
		rows := auditOf(t, o, steps[2].r)
		if want := "checklist " + id + ": P5_EARLY=not_applied"; rows[0].Detail != want || rows[0].CaseID == nil || *rows[0].CaseID != c.ID {
			t.Errorf("detail %q case %v, want %q", rows[0].Detail, rows[0].CaseID, want)
		}
	})
}
