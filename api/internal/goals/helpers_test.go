package goals_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	get   = http.MethodGet
	post  = http.MethodPost
	patch = http.MethodPatch

	msgInvalid   = "The request has invalid fields."
	msgNotSMART  = "The goal is not SMART yet, so it cannot become active."
	msgClosed    = "The case is closed. Reopen it before changing its goals."
	msgFinished  = "A finished goal cannot be changed. Resume it first."
	msgNoIfMatch = "Send the If-Match header with the ETag you received, so that no one else's changes are overwritten."
	msgStale     = "Someone else has changed this since you opened it. Reload to see their changes, then apply yours again."
	msgBadETag   = "The If-Match header does not match any version of this resource."
	msgNoMeasure = "Progress is measured on goals that are being worked on or reached, not on drafts or discontinued goals."

	hintSpecific   = "Describe in a few words what will be different for the citizen when the goal is reached."
	hintIndicator  = "Say what you will look at to see progress (for example: trips by bus per week)."
	hintTarget     = "Say what number or state counts as reached (for example: two trips a week)."
	hintSteps      = "Write the first steps towards the goal."
	hintResources  = "Write which of the citizen's own resources the goal builds on."
	hintWhy        = "Write, in the citizen's words, why the goal matters to them."
	hintDream      = "Choose the hope, wish or dream the goal serves."
	hintNoDate     = "Choose a date by which the goal should be reached."
	hintDatePassed = "The target date has passed. Choose a new date."
)

// suite is a running app whose every response is checked for the CPR
// numbers of the citizens it has seeded.
type suite struct {
	env   *testkit.Env
	today time.Time

	mu   sync.Mutex
	cprs []string
}

func newSuite(t *testing.T, dialect string) *suite {
	t.Helper()
	env := testkit.Start(t, dialect)
	return &suite{env: env, today: env.App.Goals.Today()}
}

// day is today plus n days as YYYY-MM-DD.
func (s *suite) day(n int) string { return s.today.AddDate(0, 0, n).Format(time.DateOnly) }

// do sends a request and fails on any CPR number in the response.
func (s *suite) do(t *testing.T, method, path, token string, body any, headers ...string) testkit.Response {
	t.Helper()
	r := s.env.Do(method, path, token, body, headers...)
	s.noCPR(t, method+" "+path, r.Body)
	return r
}

// noCPR fails when body holds a seeded CPR number whole (with or without
// dash), masked, or its last four digits in any human-readable value.
func (s *suite) noCPR(t *testing.T, what string, body []byte) {
	t.Helper()
	s.mu.Lock()
	cprs := append([]string(nil), s.cprs...)
	s.mu.Unlock()
	raw := string(body)
	for _, c := range cprs {
		for _, form := range []string{c, c[:6] + "-" + c[6:], c[:6] + "-xxxx"} {
			if strings.Contains(raw, form) {
				t.Errorf("%s: response contains CPR %s in the form %s", what, c[:6]+"-xxxx", form)
			}
		}
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return
	}
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			if key == "instance" {
				return
			}
			x = machineText.ReplaceAllString(x, "")
			for _, c := range cprs {
				if strings.Contains(x, c[6:]) {
					t.Errorf("%s: %s = %q contains the last four digits of CPR %s-xxxx", what, key, x, c[:6])
				}
			}
		}
	}
	walk("", v)
}

// machineText matches ids and timestamps, which hold digit runs by chance.
var machineText = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|` +
	`[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})`)

// newCase opens a case through the service and remembers its CPR.
func (s *suite) newCase(t *testing.T, u testkit.User, team identity.Team, mutate ...func(*cases.NewCase)) cases.Viewed {
	t.Helper()
	remember := func(n *cases.NewCase) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.cprs = append(s.cprs, strings.ReplaceAll(n.CitizenCPR, "-", ""))
	}
	// Remember last, so a mutation that sets the CPR is seen.
	return s.env.Case(u, team, append(mutate, remember)...)
}

func dreams(texts ...string) func(*cases.NewCase) {
	return func(n *cases.NewCase) {
		for _, x := range texts {
			n.Dreams = append(n.Dreams, cases.Dream{Text: x})
		}
	}
}

// smart is a goal body that meets every SMART criterion; extra keys are
// merged in (a nil value removes the key).
func (s *suite) smart(dreamID any, extra ...map[string]any) map[string]any {
	b := map[string]any{
		"title":                "Tage bussen alene til min søster",
		"specific":             "Jeg tager bussen alene til min søster",
		"measurable_indicator": "Ture med bus uden følge om ugen",
		"measurable_target":    "To ture om ugen",
		"achievable_steps":     "Øve ruten med støttepersonen",
		"achievable_resources": "Kender vejen og kan læse køreplanen",
		"relevant":             "Jeg vil se min søster uden at spørge om lov",
		"target_date":          s.day(90),
		"dream_id":             dreamID,
	}
	for _, e := range extra {
		for k, v := range e {
			if v == nil {
				delete(b, k)
			} else {
				b[k] = v
			}
		}
	}
	return b
}

// createGoal posts a goal and expects 201.
func (s *suite) createGoal(t *testing.T, u testkit.User, caseID uuid.UUID, body map[string]any) map[string]any {
	t.Helper()
	r := s.do(t, post, casePath(caseID, "/goals"), u.Token, body)
	wantStatus(t, r, 201)
	return r.JSON
}

// setStatus moves a goal (at the version in g) and expects 200.
func (s *suite) setStatus(t *testing.T, u testkit.User, g map[string]any, status, reason string, nextStep ...string) map[string]any {
	t.Helper()
	body := map[string]any{"status": status, "reason": reason}
	if len(nextStep) == 2 {
		body["next_step"] = map[string]any{"kind": nextStep[0], "note": nextStep[1]}
	}
	r := s.do(t, post, goalPath(g, "/status"), u.Token, body, "If-Match", etag(g))
	wantStatus(t, r, 200)
	return r.JSON
}

// activeGoal creates a SMART goal and activates it.
func (s *suite) activeGoal(t *testing.T, u testkit.User, caseID uuid.UUID, dreamID any, extra ...map[string]any) map[string]any {
	t.Helper()
	return s.setStatus(t, u, s.createGoal(t, u, caseID, s.smart(dreamID, extra...)), "active", "Borgeren vil gerne i gang")
}

// read gets a goal and expects 200.
func (s *suite) read(t *testing.T, u testkit.User, g map[string]any) map[string]any {
	t.Helper()
	r := s.do(t, get, goalPath(g), u.Token, nil)
	wantStatus(t, r, 200)
	return r.JSON
}

// addProgress records one measurement and expects 201.
func (s *suite) addProgress(t *testing.T, u testkit.User, g map[string]any, on, rater string, value int) map[string]any {
	t.Helper()
	r := s.do(t, post, goalPath(g, "/progress"), u.Token, map[string]any{"measured_on": on, "rater": rater, "value": value})
	wantStatus(t, r, 201)
	return r.JSON
}

func casePath(id any, suffix ...string) string {
	return "/api/v1/cases/" + fmt.Sprint(id) + strings.Join(suffix, "")
}

// goalPath takes a goal id or a decoded goal.
func goalPath(g any, suffix ...string) string {
	if m, ok := g.(map[string]any); ok {
		g = m["id"]
	}
	return "/api/v1/goals/" + fmt.Sprint(g) + strings.Join(suffix, "")
}

func etag(g map[string]any) string { return fmt.Sprintf(`"%d"`, num(g, "version")) }

// --- assertions ---

// Shared assertions and JSON-path readers live in testkit; fieldErr stays
// local so that tables can write {"field", "message"} literals.
type fieldErr struct{ Field, Message string }

func wantProblem(t *testing.T, r testkit.Response, status int, detail string, fields ...fieldErr) {
	t.Helper()
	fs := make([]testkit.FieldErr, len(fields))
	for i, f := range fields {
		fs[i] = testkit.FieldErr(f)
	}
	testkit.WantProblem(t, r, status, detail, fs...)
}

var (
	wantStatus = testkit.WantStatus
	str        = testkit.Str
	num        = testkit.Num
	list       = testkit.List
	dig        = testkit.Dig
	strs       = testkit.Strs
)

// wantFields asserts values at dotted paths of a decoded body.
func wantFields(t *testing.T, m map[string]any, want map[string]any) {
	t.Helper()
	for path, w := range want {
		got := dig(m, path)
		if f, ok := got.(float64); ok {
			got = int(f)
			if f != float64(int(f)) {
				got = f
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s = %v, want %v", path, got, w)
		}
	}
}

// itemTitles lists the titles of a list response's items.
func itemTitles(m map[string]any, path string) []string {
	var out []string
	for _, it := range list(m, path) {
		out = append(out, str(it.(map[string]any), "title"))
	}
	return out
}

// criteria renders a SMART check as "key:met" or "key:hint_code".
func criteria(m map[string]any) string {
	var out []string
	for _, c := range list(m, "criteria") {
		cm := c.(map[string]any)
		if cm["met"] == true {
			out = append(out, str(cm, "key")+":met")
		} else {
			out = append(out, str(cm, "key")+":"+str(cm, "hint_code"))
		}
	}
	return strings.Join(out, " ")
}

const allMet = "specific:met measurable:met achievable:met relevant:met time_bound:met"

// auditRows counts audit events matching where.
func auditRows(t *testing.T, env *testkit.Env, where string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := env.App.DB.Conn(context.Background()).Table("audit_events").Where(where, args...).Count(&n).Error; err != nil {
		t.Fatalf("count audit events: %v", err)
	}
	return n
}

func itoa(n int) string { return strconv.Itoa(n) }
