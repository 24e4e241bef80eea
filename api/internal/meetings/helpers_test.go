package meetings_test

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
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	get   = http.MethodGet
	post  = http.MethodPost
	patch = http.MethodPatch

	msgInvalid   = "The request has invalid fields."
	msgClosed    = "The case is closed. Reopen it before changing its meetings."
	msgNoIfMatch = "Send the If-Match header with the ETag you received, so that no one else's changes are overwritten."
	msgStale     = "Someone else has changed this since you opened it. Reload to see their changes, then apply yours again."
	msgNoRole    = "Your role does not give access to case content."
	msgNothing   = "The request changes nothing; send at least one field."

	badTime   = "must be a date and time with its offset, such as 2027-01-31T10:00:00+01:00"
	heldEarly = "can be held only once the meeting has started (starts_at is in the future)"
)

// office is a running app with two teams, as most tests need. svc is a
// meetings service on the app's database, clock and cases service, for the
// functions other domains call and for seeding.
type office struct {
	env    *testkit.Env
	svc    *meetings.Service
	nord   identity.Team
	syd    identity.Team
	cw     testkit.User // caseworker in Nord
	leader testkit.User // leader of Nord
	cwSyd  testkit.User // caseworker in Syd
	admin  testkit.User
}

func newOffice(t *testing.T, dialect string) *office {
	t.Helper()
	env := testkit.Start(t, dialect)
	nord, syd := env.Team("Nord"), env.Team("Syd")
	return &office{env: env, svc: meetings.NewService(env.App.DB, env.App.Audit, env.App.Cases, env.App.Clock),
		nord: nord, syd: syd, cw: env.User(actor.RoleCaseworker, nord), leader: env.User(actor.RoleLeader, nord),
		cwSyd: env.User(actor.RoleCaseworker, syd), admin: env.User(actor.RoleAdmin)}
}

// now is the app's time; at(h) is now moved by h hours, as RFC 3339.
func (o *office) now() time.Time { return o.env.App.Clock.Now().UTC() }

func (o *office) at(hours float64) string {
	return o.now().Add(time.Duration(hours * float64(time.Hour))).Truncate(time.Second).Format(time.RFC3339)
}

// today is the municipality's date; day(n) is today plus n days.
func (o *office) today() time.Time { return clock.TodayOf(o.env.App.Clock) }

func (o *office) day(n int) string { return o.today().AddDate(0, 0, n).Format(time.DateOnly) }

// noon is 12:00 on the municipality's wall clock n days from today, so that
// its date is the same in every zone the test might run in.
func (o *office) noon(n int) time.Time {
	d := o.today().AddDate(0, 0, n)
	return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, o.env.App.Config.Location)
}

// caseWith opens a case in Nord with the contact agreement.
func (o *office) caseWith(t *testing.T, ag cases.ContactAgreement) cases.Viewed {
	t.Helper()
	return o.env.Case(o.cw, o.nord, func(n *cases.NewCase) { n.ContactAgreement = ag })
}

// create posts a meeting and expects 201.
func (o *office) create(t *testing.T, u testkit.User, caseID uuid.UUID, body map[string]any) map[string]any {
	t.Helper()
	r := o.env.Do(post, casePath(caseID, "/meetings"), u.Token, body)
	wantStatus(t, r, 201)
	return r.JSON
}

// seed adds a meeting through the service.
func (o *office) seed(t *testing.T, caseID uuid.UUID, startsAt time.Time, form meetings.Form, status meetings.Status) meetings.Meeting {
	t.Helper()
	s, f, st := startsAt.Format(time.RFC3339), string(form), string(status)
	m, err := o.svc.Create(context.Background(), o.cw.Actor(), caseID, meetings.Fields{StartsAt: &s, Form: &f, Status: &st})
	if err != nil {
		t.Fatalf("seed meeting: %v", err)
	}
	return m
}

func casePath(id any, suffix ...string) string {
	return "/api/v1/cases/" + fmt.Sprint(id) + strings.Join(suffix, "")
}

// meetingPath takes a meeting id or a decoded meeting.
func meetingPath(m any) string {
	if mm, ok := m.(map[string]any); ok {
		m = mm["id"]
	}
	return "/api/v1/meetings/" + fmt.Sprint(m)
}

func etag(m map[string]any) string { return fmt.Sprintf(`"%d"`, num(m, "version")) }

// --- assertions ---

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
		if f, ok := got.(float64); ok && f == float64(int(f)) {
			got = int(f)
		}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s = %v, want %v", path, got, w)
		}
	}
}

// auditRows counts audit events matching where.
func auditRows(t *testing.T, env *testkit.Env, where string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := env.App.DB.Conn(context.Background()).Table("audit_events").Where(where, args...).Count(&n).Error; err != nil {
		t.Fatalf("count audit events: %v", err)
	}
	return n
}
