package checklists_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// domainTable is the principle × phase mapping of domain.md §3.2, copied by
// hand from its machine-readable default: ● core, ◐/? optional.
var domainTable = map[string]struct{ core, optional []cases.Phase }{
	"P1_HOPES":       {core: []cases.Phase{"sagsaabning", "sagsoplysning", "sagsvurdering", "opfoelgning"}},
	"P2_RESOURCES":   {core: []cases.Phase{"sagsoplysning", "sagsvurdering", "bestilling", "opfoelgning"}},
	"P3_NETWORK":     {core: []cases.Phase{"sagsoplysning", "sagsvurdering", "bestilling", "opfoelgning"}, optional: []cases.Phase{"sagsaabning"}},
	"P4_OPENNESS":    {core: []cases.Phase{"sagsaabning", "sagsoplysning", "sagsvurdering", "opfoelgning"}, optional: []cases.Phase{"afgoerelse", "bestilling"}},
	"P5_EARLY":       {core: []cases.Phase{"sagsaabning", "sagsoplysning", "opfoelgning"}, optional: []cases.Phase{"sagsvurdering", "bestilling"}},
	"P6_COORDINATED": {core: []cases.Phase{"sagsaabning", "sagsoplysning", "sagsvurdering", "bestilling", "opfoelgning"}},
	"P7_FOLLOW_UP":   {core: []cases.Phase{"opfoelgning"}},
	"P8_KNOWLEDGE":   {core: []cases.Phase{"sagsoplysning", "sagsvurdering", "opfoelgning"}, optional: []cases.Phase{"sagsaabning"}},
}

// The checklist sizes per phase that domain.md states (core / core+optional).
var domainSizes = map[cases.Phase][2]int{
	"sagsaabning": {4, 6}, "sagsoplysning": {7, 7}, "sagsvurdering": {6, 7},
	"afgoerelse": {0, 1}, "bestilling": {3, 5}, "opfoelgning": {8, 8},
}

var exactTitles = map[string]string{
	"P1_HOPES":       "Tag udgangspunkt i borgernes håb, ønsker og drømme",
	"P2_RESOURCES":   "Fokusér på borgernes ressourcer",
	"P3_NETWORK":     "Inddrag borgernes netværk og de almene fællesskaber",
	"P4_OPENNESS":    "Mød borgerne med åbenhed, tillid og respekt",
	"P5_EARLY":       "Hjælp borgerne så tidligt som muligt",
	"P6_COORDINATED": "Arbejd koordineret med borgernes samlede livssituation",
	"P7_FOLLOW_UP":   "Følg op, så indsatsen altid er den rette",
	"P8_KNOWLEDGE":   "Brug viden og metoder, der virker",
}

func expectedIn(phase cases.Phase) (core, optional []string) {
	for _, code := range checklists.Codes {
		row := domainTable[code]
		for _, p := range row.core {
			if p == phase {
				core = append(core, code)
			}
		}
		for _, p := range row.optional {
			if p == phase {
				optional = append(optional, code)
			}
		}
	}
	return core, optional
}

func TestReferenceDataMatchesTheDomainTable(t *testing.T) {
	o := newOffice(t, "postgres")
	r := o.env.Do(get, "/api/v1/principles", o.cw.Token, nil)
	testkit.WantStatus(t, r, http.StatusOK)
	ps := testkit.List(r.JSON, "principles")
	if len(ps) != 8 {
		t.Fatalf("%d principles, want 8", len(ps))
	}
	for i, p := range ps {
		m := p.(map[string]any)
		code := checklists.Codes[i]
		t.Run(code, func(t *testing.T) {
			if got := testkit.Str(m, "code"); got != code {
				t.Fatalf("principle %d is %s, want %s", i+1, got, code)
			}
			if got := testkit.Str(m, "title_da"); got != exactTitles[code] {
				t.Errorf("title_da = %q, want the exact title %q", got, exactTitles[code])
			}
			for _, f := range []string{"title_en", "description.da", "description.en"} {
				if testkit.Str(m, f) == "" {
					t.Errorf("%s is empty", f)
				}
			}
			for _, f := range []string{"reflection_questions.da", "reflection_questions.en"} {
				if len(testkit.List(m, f)) == 0 {
					t.Errorf("%s has no questions", f)
				}
			}
			row := domainTable[code]
			if got, want := testkit.Strs(testkit.List(m, "core")), phasesOf(row.core); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("core = %v, want %v", got, want)
			}
			if got, want := testkit.Strs(testkit.List(m, "optional")), phasesOf(row.optional); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("optional = %v, want %v", got, want)
			}
		})
	}
}

func phasesOf(ps []cases.Phase) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, string(p))
	}
	return out
}

// A case walked through all six phases gets, in each, a checklist of all
// eight principles with exactly the relevant ones of the domain table.
func TestEachPhaseChecklistMarksTheRelevantPrinciplesOfTheTable(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			o := newOffice(t, dialect)
			c := o.env.Case(o.cw, o.team)
			for i, phase := range cases.Phases {
				if i > 0 {
					testkit.WantStatus(t, o.move(t, c.ID, phase), http.StatusOK)
				}
				cl := o.current(t, c.ID)
				if testkit.Str(cl, "phase") != string(phase) {
					t.Fatalf("current checklist is for %s, want %s", testkit.Str(cl, "phase"), phase)
				}
				if cl["gate"] != true {
					t.Errorf("%s: the gate does not read the current checklist", phase)
				}
				if n := len(testkit.List(cl, "items")); n != 8 {
					t.Errorf("%s: %d items, want all 8 principles", phase, n)
				}
				core, optional := expectedIn(phase)
				got := byApplicability(cl)
				if strings.Join(got["core"], ",") != strings.Join(core, ",") {
					t.Errorf("%s core = %v, want %v", phase, got["core"], core)
				}
				if strings.Join(got["optional"], ",") != strings.Join(optional, ",") {
					t.Errorf("%s optional = %v, want %v", phase, got["optional"], optional)
				}
				size := domainSizes[phase]
				if len(core) != size[0] || len(core)+len(optional) != size[1] {
					t.Errorf("%s: %d core / %d relevant, domain.md says %d / %d", phase, len(core), len(core)+len(optional), size[0], size[1])
				}
				if testkit.Num(cl, "completion.relevant") != size[1] {
					t.Errorf("%s: completion.relevant = %d, want %d", phase, testkit.Num(cl, "completion.relevant"), size[1])
				}
				// Relevant first: core, then optional, then the rest.
				rank := map[string]int{"core": 0, "optional": 1, "other": 2}
				last := -1
				for _, it := range testkit.List(cl, "items") {
					r := rank[testkit.Str(it.(map[string]any), "applicability")]
					if r < last {
						t.Errorf("%s: items are not ordered core, optional, other", phase)
						break
					}
					last = r
				}
			}
			if n := len(o.checklists(t, o.cw.Token, c.ID)); n != 6 {
				t.Errorf("the case has %d checklists after six phases, want 6", n)
			}
		})
	}
}

func TestAnswersAreValidated(t *testing.T) {
	o := newOffice(t, "postgres")
	c := o.env.Case(o.cw, o.team)
	cl := o.current(t, c.ID)
	long := strings.Repeat("x", 2001)
	tests := []struct {
		name   string
		items  []answer
		fields []testkit.FieldErr
	}{
		{"not applied without a note says why it needs one", []answer{{"P1_HOPES", "not_applied", ""}},
			[]testkit.FieldErr{{Field: "items[0].note", Message: noteWhy}}},
		{"not relevant now with a blank note is refused", []answer{{"P4_OPENNESS", "applied", ""}, {"P5_EARLY", "not_relevant_now", "   "}},
			[]testkit.FieldErr{{Field: "items[1].note", Message: noteWhy}}},
		{"an unknown principle", []answer{{"P9_MAGIC", "applied", ""}},
			[]testkit.FieldErr{{Field: "items[0].principle", Message: "must be one of " + strings.Join(checklists.Codes, ", ")}}},
		{"a principle answered twice", []answer{{"P1_HOPES", "applied", ""}, {"P1_HOPES", "partly_applied", "lidt"}},
			[]testkit.FieldErr{{Field: "items[1].principle", Message: "is answered twice"}}},
		{"an unknown status", []answer{{"P1_HOPES", "done", ""}},
			[]testkit.FieldErr{{Field: "items[0].status", Message: "must be one of open, applied, partly_applied, not_applied, not_relevant_now"}}},
		{"a note over 2000 characters", []answer{{"P1_HOPES", "applied", long}},
			[]testkit.FieldErr{{Field: "items[0].note", Message: "must be at most 2000 characters"}}},
		{"no answers at all", nil,
			[]testkit.FieldErr{{Field: "items", Message: "must hold 1 to 8 answers"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := o.answer(t, c.ID, cl, tc.items...)
			testkit.WantProblem(t, r, http.StatusUnprocessableEntity, msgInvalid, tc.fields...)
		})
	}
	t.Run("a refused answer writes nothing", func(t *testing.T) {
		now := o.current(t, c.ID)
		if testkit.Num(now, "version") != 1 || testkit.Str(item(t, now, "P4_OPENNESS"), "status") != "open" {
			t.Errorf("checklist changed by refused answers: version %d", testkit.Num(now, "version"))
		}
	})
	t.Run("a status of the wrong type names the field", func(t *testing.T) {
		r := o.env.Do(patch, fmt.Sprintf("/api/v1/cases/%s/checklists/%s", c.ID, testkit.Str(cl, "id")), o.cw.Token,
			map[string]any{"items": []any{map[string]any{"principle": "P1_HOPES", "status": 5}}}, "If-Match", `"1"`)
		testkit.WantProblem(t, r, http.StatusBadRequest, "A field has the wrong type.",
			testkit.FieldErr{Field: "items[0].status", Message: "must be a string"})
		if testkit.Str(r.JSON, "errors[0].field") != "items[0].status" {
			t.Errorf("field = %s", r.Body)
		}
	})
	t.Run("without If-Match the answer is refused with 428", func(t *testing.T) {
		r := o.env.Do(patch, fmt.Sprintf("/api/v1/cases/%s/checklists/%s", c.ID, testkit.Str(cl, "id")), o.cw.Token,
			map[string]any{"items": []any{map[string]any{"principle": "P1_HOPES", "status": "applied"}}})
		testkit.WantProblem(t, r, http.StatusPreconditionRequired, msgNoMatch)
	})
	t.Run("a stale version is refused with 412 and the current ETag", func(t *testing.T) {
		o.mustAnswer(t, c.ID, cl, answer{"P1_HOPES", "applied", ""})
		r := o.answer(t, c.ID, cl, answer{"P4_OPENNESS", "applied", ""})
		testkit.WantProblem(t, r, http.StatusPreconditionFailed, msgStale)
		if testkit.Str(r.JSON, "current_etag") != `"2"` {
			t.Errorf("current_etag = %s", testkit.Str(r.JSON, "current_etag"))
		}
	})
	t.Run("a closed case's checklist cannot change", func(t *testing.T) {
		c2 := o.env.Case(o.cw, o.team)
		cl2 := o.current(t, c2.ID)
		if _, err := o.env.App.Cases.Close(context.Background(), o.cw.Actor(), c2.ID, c2.Version, "moved", ""); err != nil {
			t.Fatal(err)
		}
		testkit.WantProblem(t, o.answer(t, c2.ID, cl2, answer{"P1_HOPES", "applied", ""}), http.StatusConflict, msgClosed)
	})
}

func TestCompletionCountsAnsweredRelevantItems(t *testing.T) {
	o := newOffice(t, "postgres")
	c := o.env.Case(o.cw, o.team) // sagsåbning: core P1 P4 P5 P6, optional P3 P8
	cl := o.current(t, c.ID)
	steps := []struct {
		name      string
		answers   []answer
		answered  int
		percent   int
		state     string
		openCore  string
		changedBy string // principle whose who/when must be set
	}{
		{"nothing answered yet", nil, 0, 0, "not_started", "P1_HOPES,P4_OPENNESS,P5_EARLY,P6_COORDINATED", ""},
		{"a principle that is not relevant in the phase does not count", []answer{{"P7_FOLLOW_UP", "applied", "Talte om opfølgning"}},
			0, 0, "in_progress", "P1_HOPES,P4_OPENNESS,P5_EARLY,P6_COORDINATED", "P7_FOLLOW_UP"},
		{"two core and one optional answered", []answer{{"P1_HOPES", "applied", "Borgeren fortalte om sine drømme"},
			{"P4_OPENNESS", "partly_applied", ""}, {"P3_NETWORK", "not_relevant_now", "Borgeren vil vente"}},
			3, 50, "in_progress", "P5_EARLY,P6_COORDINATED", "P3_NETWORK"},
		{"not applied with a reason counts as answered", []answer{{"P5_EARLY", "not_applied", "Venter på lægeerklæring"}},
			4, 66, "in_progress", "P6_COORDINATED", "P5_EARLY"},
		{"every relevant item answered", []answer{{"P6_COORDINATED", "applied", ""}, {"P8_KNOWLEDGE", "applied", ""}},
			6, 100, "complete", "", "P8_KNOWLEDGE"},
		{"setting one back to open reopens the checklist", []answer{{"P8_KNOWLEDGE", "open", ""}},
			5, 83, "in_progress", "", "P8_KNOWLEDGE"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if len(st.answers) > 0 {
				cl = o.mustAnswer(t, c.ID, cl, st.answers...)
			}
			if got := testkit.Num(cl, "completion.answered"); got != st.answered {
				t.Errorf("answered = %d, want %d", got, st.answered)
			}
			if got := testkit.Num(cl, "completion.relevant"); got != 6 {
				t.Errorf("relevant = %d, want 6", got)
			}
			if got := testkit.Num(cl, "completion.percent"); got != st.percent {
				t.Errorf("percent = %d, want %d", got, st.percent)
			}
			if got := testkit.Str(cl, "state"); got != st.state {
				t.Errorf("state = %s, want %s", got, st.state)
			}
			if got := codes(testkit.List(cl, "open_core")); got != st.openCore {
				t.Errorf("open_core = %s, want %s", got, st.openCore)
			}
			if st.changedBy != "" {
				it := item(t, cl, st.changedBy)
				if testkit.Str(it, "updated_by_name") != o.cw.Name || testkit.Str(it, "updated_at") == "" {
					t.Errorf("%s: who/when not recorded: %v", st.changedBy, it)
				}
			}
		})
	}
	t.Run("notes are kept as written", func(t *testing.T) {
		if got := testkit.Str(item(t, cl, "P1_HOPES"), "note"); got != "Borgeren fortalte om sine drømme" {
			t.Errorf("note = %q", got)
		}
	})
	t.Run("resending the same answers changes nothing", func(t *testing.T) {
		before := testkit.Num(cl, "version")
		again := o.mustAnswer(t, c.ID, cl, answer{"P1_HOPES", "applied", "Borgeren fortalte om sine drømme"})
		if testkit.Num(again, "version") != before {
			t.Errorf("version %d → %d for an answer that changed nothing", before, testkit.Num(again, "version"))
		}
	})
}

func TestPhaseGate(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			o := newOffice(t, dialect)

			t.Run("the default is warn: the move happens and names the open core principles", func(t *testing.T) {
				r := o.env.Do(get, "/api/v1/settings", o.cw.Token, nil)
				if testkit.Str(r.JSON, "phase_gate") != "warn" {
					t.Fatalf("default phase_gate = %s", testkit.Str(r.JSON, "phase_gate"))
				}
				c := o.env.Case(o.cw, o.team)
				cl := o.current(t, c.ID)
				o.mustAnswer(t, c.ID, cl, answer{"P1_HOPES", "applied", ""}, answer{"P4_OPENNESS", "applied", ""})
				mv := o.move(t, c.ID, cases.PhaseInvestigation)
				testkit.WantStatus(t, mv, http.StatusOK)
				if testkit.Str(mv.JSON, "phase") != "sagsoplysning" || testkit.Str(mv.JSON, "phase_gate.mode") != "warn" {
					t.Errorf("moved to %s with mode %s", testkit.Str(mv.JSON, "phase"), testkit.Str(mv.JSON, "phase_gate.mode"))
				}
				open := testkit.List(mv.JSON, "phase_gate.open_principles")
				if got := codes(open); got != "P5_EARLY,P6_COORDINATED" {
					t.Errorf("open principles = %s, want P5_EARLY,P6_COORDINATED", got)
				}
				if testkit.Str(open[0].(map[string]any), "title_da") != exactTitles["P5_EARLY"] {
					t.Errorf("open principle title = %v", open[0])
				}
			})
			t.Run("a complete checklist moves without a warning", func(t *testing.T) {
				c := o.env.Case(o.cw, o.team)
				cl := o.current(t, c.ID)
				o.mustAnswer(t, c.ID, cl, answer{"P1_HOPES", "applied", ""}, answer{"P4_OPENNESS", "applied", ""},
					answer{"P5_EARLY", "not_relevant_now", "Ingen akut situation"}, answer{"P6_COORDINATED", "partly_applied", ""})
				mv := o.move(t, c.ID, cases.PhaseInvestigation)
				testkit.WantStatus(t, mv, http.StatusOK)
				if n := len(testkit.List(mv.JSON, "phase_gate.open_principles")); n != 0 {
					t.Errorf("%d open principles after a complete checklist", n)
				}
			})
			t.Run("a checklist never opened leaves every core principle open", func(t *testing.T) {
				c := o.env.Case(o.cw, o.team)
				mv := o.move(t, c.ID, cases.PhaseInvestigation)
				testkit.WantStatus(t, mv, http.StatusOK)
				if got := codes(testkit.List(mv.JSON, "phase_gate.open_principles")); got != "P1_HOPES,P4_OPENNESS,P5_EARLY,P6_COORDINATED" {
					t.Errorf("open = %s", got)
				}
			})

			o.setGate(t, "require")
			t.Run("require refuses the move with the open core principles and changes nothing", func(t *testing.T) {
				c := o.env.Case(o.cw, o.team)
				cl := o.current(t, c.ID)
				o.mustAnswer(t, c.ID, cl, answer{"P1_HOPES", "applied", ""}, answer{"P6_COORDINATED", "applied", ""})
				mv := o.move(t, c.ID, cases.PhaseInvestigation)
				testkit.WantProblem(t, mv, http.StatusConflict,
					"The case cannot leave sagsaabning before the checklist answers every core principle. Open: P4_OPENNESS, P5_EARLY.")
				if testkit.Str(mv.JSON, "type") != "https://bic.example/problems/checklist-incomplete" {
					t.Errorf("type = %s", testkit.Str(mv.JSON, "type"))
				}
				missing := testkit.List(mv.JSON, "missing")
				if codes(missing) != "P4_OPENNESS,P5_EARLY" || testkit.Str(missing[0].(map[string]any), "title") != exactTitles["P4_OPENNESS"] {
					t.Errorf("missing = %v", missing)
				}
				v, err := o.env.App.Cases.Get(context.Background(), o.cw.Actor(), c.ID)
				if err != nil {
					t.Fatal(err)
				}
				if v.Phase != cases.PhaseOpening || v.Version != c.Version || len(v.PhaseHistory) != 1 {
					t.Errorf("refused move changed the case: phase %s, version %d, history %d", v.Phase, v.Version, len(v.PhaseHistory))
				}

				cl = o.current(t, c.ID)
				o.mustAnswer(t, c.ID, cl, answer{"P4_OPENNESS", "applied", ""}, answer{"P5_EARLY", "not_applied", "Ventetid på udredning"})
				testkit.WantStatus(t, o.move(t, c.ID, cases.PhaseInvestigation), http.StatusOK)
			})
			t.Run("require lets afgørelse go: it has no core principle", func(t *testing.T) {
				c := o.env.Case(o.cw, o.team)
				o.setGate(t, "warn")
				for _, p := range []cases.Phase{cases.PhaseInvestigation, cases.PhaseAssessment, cases.PhaseDecision} {
					testkit.WantStatus(t, o.move(t, c.ID, p), http.StatusOK)
				}
				o.setGate(t, "require")
				mv := o.move(t, c.ID, cases.PhaseOrder)
				testkit.WantStatus(t, mv, http.StatusOK)
				if testkit.Str(mv.JSON, "phase_gate.mode") != "require" {
					t.Errorf("mode = %s", testkit.Str(mv.JSON, "phase_gate.mode"))
				}
			})
			t.Run("only administrators change the mode, and only to a known one", func(t *testing.T) {
				r := o.env.Do(get, "/api/v1/settings", o.admin.Token, nil)
				bad := o.env.Do(patch, "/api/v1/settings", o.admin.Token, map[string]any{"phase_gate": "block"}, "If-Match", r.Header.Get("ETag"))
				testkit.WantProblem(t, bad, http.StatusUnprocessableEntity, msgInvalid, testkit.FieldErr{Field: "phase_gate", Message: "must be one of warn, require"})
				no := o.env.Do(patch, "/api/v1/settings", o.leader.Token, map[string]any{"phase_gate": "warn"}, "If-Match", r.Header.Get("ETag"))
				testkit.WantProblem(t, no, http.StatusForbidden, "Only administrators change the settings.")
			})
		})
	}
}

// In opfølgning a checklist belongs to each follow-up review: recording a
// review starts a fresh round, and the gate reads the latest round worked on.
func TestFollowUpReviewsGetAChecklistEach(t *testing.T) {
	o := newOffice(t, "postgres")
	c := o.caseIn(t, cases.PhaseFollowUp)
	first := o.current(t, c.ID)
	if testkit.Num(first, "round") != 1 || testkit.Str(first, "phase") != "opfoelgning" {
		t.Fatalf("first follow-up checklist: round %d, phase %s", testkit.Num(first, "round"), testkit.Str(first, "phase"))
	}
	var all []answer
	for _, code := range checklists.Codes {
		all = append(all, answer{code, "applied", ""})
	}
	o.mustAnswer(t, c.ID, first, all...)
	today := o.env.App.Goals.Today()
	if _, err := o.env.App.Goals.CreateFollowUp(context.Background(), o.cw.Actor(), c.ID, goals.FollowUpInput{
		HeldOn: today.Format("2006-01-02"), NextFollowUpDate: today.AddDate(0, 3, 0).Format("2006-01-02")}); err != nil {
		t.Fatalf("record follow-up: %v", err)
	}
	second := o.current(t, c.ID)
	if testkit.Num(second, "round") != 2 || testkit.Str(second, "id") == testkit.Str(first, "id") || testkit.Str(second, "state") != "not_started" {
		t.Errorf("after a review the current checklist is round %d (%s), want a fresh round 2", testkit.Num(second, "round"), testkit.Str(second, "state"))
	}
	gates := map[int]bool{}
	for _, cl := range o.checklists(t, o.cw.Token, c.ID) {
		if testkit.Str(cl, "phase") == "opfoelgning" {
			gates[testkit.Num(cl, "round")] = cl["gate"] == true
		}
	}
	if !gates[1] || gates[2] {
		t.Errorf("gate flags by round %v: the gate reads round 1, the one with answers", gates)
	}
	r1 := o.env.Do(get, fmt.Sprintf("/api/v1/cases/%s/checklists/%s", c.ID, testkit.Str(first, "id")), o.cw.Token, nil)
	if r1.JSON["gate"] != true {
		t.Errorf("a single read of round 1 says gate = %v", r1.JSON["gate"])
	}
	mv := o.move(t, c.ID, cases.PhaseAssessment)
	testkit.WantStatus(t, mv, http.StatusOK)
	if n := len(testkit.List(mv.JSON, "phase_gate.open_principles")); n != 0 {
		t.Errorf("the gate warned about %d principles although the review's checklist was complete", n)
	}
	back := o.current(t, c.ID)
	if testkit.Str(back, "phase") != "sagsvurdering" || testkit.Num(back, "iteration") != 2 {
		t.Errorf("back in assessment: phase %s iteration %d, want sagsvurdering iteration 2", testkit.Str(back, "phase"), testkit.Num(back, "iteration"))
	}
}
