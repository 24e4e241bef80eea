package checklists_test

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	get   = http.MethodGet
	post  = http.MethodPost
	patch = http.MethodPatch

	msgInvalid = "The request has invalid fields."
	msgClosed  = "The case is closed. Reopen it before changing its checklists."
	msgStale   = "Someone else has changed this since you opened it. Reload to see their changes, then apply yours again."
	msgNoMatch = "Send the If-Match header with the ETag you received, so that no one else's changes are overwritten."
	noteWhy    = "is required when the principle is not applied or not relevant now: say why"
)

// office is a team with a leader and a caseworker, as most tests need.
type office struct {
	env    *testkit.Env
	team   identity.Team
	leader testkit.User
	cw     testkit.User
	admin  testkit.User
}

func newOffice(t *testing.T, dialect string) *office {
	t.Helper()
	env := testkit.Start(t, dialect)
	team := env.Team("Team Nord")
	return &office{env: env, team: team, leader: env.User(actor.RoleLeader, team),
		cw: env.User(actor.RoleCaseworker, team), admin: env.User(actor.RoleAdmin)}
}

// caseIn opens a case and walks it forward to phase.
func (o *office) caseIn(t *testing.T, phase cases.Phase) cases.Viewed {
	t.Helper()
	v := o.env.Case(o.cw, o.team)
	for v.Phase != phase {
		next := cases.Phases[indexOf(v.Phase)+1]
		var err error
		if v, _, err = o.env.App.Cases.MovePhase(context.Background(), o.cw.Actor(), v.ID, v.Version, next, ""); err != nil {
			t.Fatalf("move to %s: %v", next, err)
		}
	}
	return v
}

func indexOf(p cases.Phase) int {
	for i, q := range cases.Phases {
		if q == p {
			return i
		}
	}
	return -1
}

// checklists lists a case's checklists over HTTP.
func (o *office) checklists(t *testing.T, token string, caseID uuid.UUID) []map[string]any {
	t.Helper()
	r := o.env.Do(get, fmt.Sprintf("/api/v1/cases/%s/checklists", caseID), token, nil)
	testkit.WantStatus(t, r, http.StatusOK)
	var out []map[string]any
	for _, it := range testkit.List(r.JSON, "items") {
		out = append(out, it.(map[string]any))
	}
	return out
}

// current is the checklist of the case's current phase.
func (o *office) current(t *testing.T, caseID uuid.UUID) map[string]any {
	t.Helper()
	for _, c := range o.checklists(t, o.cw.Token, caseID) {
		if c["current"] == true {
			return c
		}
	}
	t.Fatalf("case %s has no current checklist", caseID)
	return nil
}

type answer struct{ principle, status, note string }

func (o *office) answer(t *testing.T, caseID uuid.UUID, cl map[string]any, as ...answer) testkit.Response {
	t.Helper()
	items := make([]map[string]any, len(as))
	for i, a := range as {
		items[i] = map[string]any{"principle": a.principle, "status": a.status}
		if a.note != "" {
			items[i]["note"] = a.note
		}
	}
	return o.env.Do(patch, fmt.Sprintf("/api/v1/cases/%s/checklists/%s", caseID, testkit.Str(cl, "id")), o.cw.Token,
		map[string]any{"items": items}, "If-Match", fmt.Sprintf(`"%d"`, testkit.Num(cl, "version")))
}

// mustAnswer answers and returns the updated checklist.
func (o *office) mustAnswer(t *testing.T, caseID uuid.UUID, cl map[string]any, as ...answer) map[string]any {
	t.Helper()
	r := o.answer(t, caseID, cl, as...)
	testkit.WantStatus(t, r, http.StatusOK)
	return r.JSON
}

// byApplicability groups a checklist's principle codes by applicability.
func byApplicability(cl map[string]any) map[string][]string {
	out := map[string][]string{}
	for _, it := range testkit.List(cl, "items") {
		m := it.(map[string]any)
		a := testkit.Str(m, "applicability")
		out[a] = append(out[a], testkit.Str(m, "principle.code"))
	}
	for _, l := range out {
		sort.Strings(l)
	}
	return out
}

// item finds a principle's item in a checklist.
func item(t *testing.T, cl map[string]any, code string) map[string]any {
	t.Helper()
	for _, it := range testkit.List(cl, "items") {
		m := it.(map[string]any)
		if testkit.Str(m, "principle.code") == code {
			return m
		}
	}
	t.Fatalf("no item %s in %v", code, cl["id"])
	return nil
}

func codes(l []any) string {
	out := make([]string, len(l))
	for i, v := range l {
		if m, ok := v.(map[string]any); ok {
			out[i] = testkit.Str(m, "code")
		} else {
			out[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(out, ",")
}

// setGate switches the phase-gate mode as the admin.
func (o *office) setGate(t *testing.T, mode string) {
	t.Helper()
	r := o.env.Do(get, "/api/v1/settings", o.admin.Token, nil)
	testkit.WantStatus(t, r, http.StatusOK)
	r = o.env.Do(patch, "/api/v1/settings", o.admin.Token, map[string]any{"phase_gate": mode}, "If-Match", r.Header.Get("ETag"))
	testkit.WantStatus(t, r, http.StatusOK)
	if testkit.Str(r.JSON, "phase_gate") != mode {
		t.Fatalf("phase_gate = %s, want %s", testkit.Str(r.JSON, "phase_gate"), mode)
	}
}

// move moves a case one phase over HTTP.
func (o *office) move(t *testing.T, caseID uuid.UUID, to cases.Phase) testkit.Response {
	t.Helper()
	r := o.env.Do(get, "/api/v1/cases/"+caseID.String(), o.cw.Token, nil)
	testkit.WantStatus(t, r, http.StatusOK)
	return o.env.Do(post, "/api/v1/cases/"+caseID.String()+"/phase", o.cw.Token, map[string]any{"to": string(to)},
		"If-Match", r.Header.Get("ETag"))
}
