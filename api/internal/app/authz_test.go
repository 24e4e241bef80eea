package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/feedback"
	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// The authorisation matrix: every /api/v1 route × every role × a resource of
// the actor's own team or of another team → the exact status.
//
// The actors (leader, caseworker, analyst) belong to team Nord; "own" means a
// resource of Nord, "other" one of team Syd. The admin belongs to no team:
// for the admin "own" and "other" simply name the Nord or the Syd resource.
// Requests carry valid bodies and a current If-Match, so that the only reason
// a request can fail is who is asking.

const (
	ownTeamName     = "Team Nord"
	otherTeamName   = "Team Syd"
	ownCitizenName  = "Nanna Nordby"
	otherCitizen    = "Sigrid Sydvang"
	ownGoalTitle    = "Nannas mål om at cykle"
	otherGoalTitle  = "Sigrids mål om at svømme"
	problemTypeBase = "https://bic.example/problems/"

	msgNoToken    = "Send an access token as 'Authorization: Bearer <token>'."
	msgCaseRole   = "Your role does not give access to case content."
	msgAdminOnly  = "Only administrators can manage users and teams."
	msgAuditRoles = "Only leaders and administrators can read the audit trail."
	msgInvalid    = "The request has invalid fields."
	msgNotOurGoal = "is not a goal of this case"
	msgNotOpen    = "is not a goal being worked on in this case"
	msgPublish    = "Only administrators publish principle sets."
	msgSettings   = "Only administrators change the settings."
	msgInsights   = "The principle overview is for leaders."
	msgFitLeaders = "The feedback figures are for leaders."
	msgWording    = "Only administrators load the wording of the scales."
	msgAccounts   = "Only administrators can manage service accounts."
	msgTokenRole  = "Your role cannot create personal tokens."
	statusNotRun  = 0
	roleAnonymous = "anonymous"
	sideOwn       = 0
	sideOther     = 1
)

var roles = []string{"admin", "leader", "caseworker", "analyst", roleAnonymous}

// world is everything the matrix acts on.
type world struct {
	t   *testing.T
	env *testkit.Env

	own, other                 identity.Team
	admin                      testkit.User
	leader, caseworker         testkit.User // of the own team
	analyst                    testkit.User // of the own team
	memberOwn, memberOther     testkit.User // targets of the user endpoints
	leaderOther, cwOther       testkit.User
	caseOwn, caseOther         cases.Viewed
	cprOwn, cprOther           string
	cprs                       []string // every CPR number the test has used
	teams                      [2]identity.Team
	cases                      [2]cases.Viewed
	members                    [2]testkit.User
	cprOf                      [2]string
	refusedEmails, refusedTeam []string
	refusedAccounts            []string
	seq                        int
	// goals[side] is an active goal of cases[side].
	goals [2]goals.Evaluated
	// checklists[side] is the current checklist of cases[side].
	checklists [2]checklists.Checklist
	// meetings[side] is a meeting of cases[side] with a low SRS, whose
	// alliance signal is signals[side].
	meetings [2]meetings.Meeting
	signals  [2]uuid.UUID
	today    time.Time
}

func newWorld(t *testing.T, env *testkit.Env) *world {
	w := &world{t: t, env: env}
	w.own, w.other = env.Team(ownTeamName), env.Team(otherTeamName)
	w.admin = env.User(actor.RoleAdmin)
	w.leader = env.User(actor.RoleLeader, w.own)
	w.caseworker = env.User(actor.RoleCaseworker, w.own)
	w.analyst = env.User(actor.RoleAnalyst, w.own)
	w.memberOwn = env.User(actor.RoleCaseworker, w.own)
	w.memberOther = env.User(actor.RoleCaseworker, w.other)
	w.leaderOther = env.User(actor.RoleLeader, w.other)
	w.cwOther = env.User(actor.RoleCaseworker, w.other)
	w.cprOwn, w.cprOther = w.newCPR(), w.newCPR()
	w.caseOwn = env.Case(w.memberOwn, w.own, citizen(ownCitizenName, w.cprOwn), withDream)
	w.caseOther = env.Case(w.cwOther, w.other, citizen(otherCitizen, w.cprOther), withDream)
	w.teams = [2]identity.Team{w.own, w.other}
	w.cases = [2]cases.Viewed{w.caseOwn, w.caseOther}
	w.members = [2]testkit.User{w.memberOwn, w.memberOther}
	w.cprOf = [2]string{w.cprOwn, w.cprOther}
	w.today = env.App.Goals.Today()
	w.goals = [2]goals.Evaluated{w.activeGoal(w.memberOwn, w.caseOwn, ownGoalTitle), w.activeGoal(w.cwOther, w.caseOther, otherGoalTitle)}
	w.checklists = [2]checklists.Checklist{w.currentChecklist(w.memberOwn, w.caseOwn), w.currentChecklist(w.cwOther, w.caseOther)}
	for side, u := range []testkit.User{w.memberOwn, w.cwOther} {
		w.meetings[side] = w.meeting(u, w.cases[side])
		w.signals[side] = w.lowSRS(u, w.meetings[side])
		w.score(u, w.meetings[side], feedback.ORS)
	}
	return w
}

// meeting plans a meeting of the case through the service.
func (w *world) meeting(u testkit.User, c cases.Viewed) meetings.Meeting {
	w.t.Helper()
	starts, form := w.today.Format(time.RFC3339), "office"
	m, err := w.env.App.Meetings.Create(context.Background(), u.Actor(), c.ID, meetings.Fields{StartsAt: &starts, Form: &form})
	if err != nil {
		w.t.Fatalf("seed meeting: %v", err)
	}
	return m
}

func scaleItems(scale feedback.Scale, v string) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for _, k := range feedback.ItemKeys[scale] {
		out[k] = json.RawMessage(v)
	}
	return out
}

// score records a mid-range rating of the scale through the service.
func (w *world) score(u testkit.User, m meetings.Meeting, scale feedback.Scale) {
	w.t.Helper()
	if _, err := w.env.App.Feedback.Record(context.Background(), u.Actor(), m.ID, scale, feedback.ScoreInput{Items: scaleItems(scale, "6.0")}); err != nil {
		w.t.Fatalf("seed %s: %v", scale, err)
	}
}

// lowSRS records an SRS below the line and returns its alliance signal.
func (w *world) lowSRS(u testkit.User, m meetings.Meeting) uuid.UUID {
	w.t.Helper()
	ctx := context.Background()
	if _, err := w.env.App.Feedback.Record(ctx, u.Actor(), m.ID, feedback.SRS, feedback.ScoreInput{Items: scaleItems(feedback.SRS, "7.0")}); err != nil {
		w.t.Fatalf("seed SRS: %v", err)
	}
	list, err := w.env.App.Feedback.CaseSignals(ctx, u.Actor(), m.CaseID)
	if err != nil || len(list) == 0 {
		w.t.Fatalf("seed signal: %v (%d)", err, len(list))
	}
	for _, g := range list {
		if g.MeetingID == m.ID {
			return g.ID
		}
	}
	w.t.Fatal("no signal for the seeded meeting")
	return uuid.Nil
}

// mutableMeeting is the meeting a cell may change: a fresh one of a fresh
// case where the change will succeed, the shared one where it must not.
func (w *world) mutableMeeting(c call) meetings.Meeting {
	if c.side == sideOwn && (c.role == "leader" || c.role == "caseworker") {
		return w.meeting(w.memberOwn, w.freshCase())
	}
	return w.meetings[c.side]
}

// link makes a feedback link to a fresh meeting of the own team's case (a
// meeting takes one rating per rater).
func (w *world) link(parts ...string) string {
	w.t.Helper()
	m := w.meeting(w.memberOwn, w.caseOwn)
	l, err := w.env.App.Feedback.CreateLink(context.Background(), w.memberOwn.Actor(), m.ID, parts, feedback.DefaultLinkTTL)
	if err != nil {
		w.t.Fatalf("seed link: %v", err)
	}
	return l.Token
}

func meetingNotFound(t *testing.T, w *world, c call, r testkit.Response) {
	if r.Status == 404 {
		wantDetail(t, r, fmt.Sprintf("No meeting with id %s.", w.meetings[c.side].ID))
	}
}

// currentChecklist opens the case's checklist of its current phase.
func (w *world) currentChecklist(u testkit.User, c cases.Viewed) checklists.Checklist {
	w.t.Helper()
	list, err := w.env.App.Checklists.List(context.Background(), u.Actor(), c.ID)
	if err != nil {
		w.t.Fatalf("open checklist: %v", err)
	}
	for _, cl := range list {
		if cl.Current {
			return cl
		}
	}
	w.t.Fatalf("case %s has no current checklist", c.ID)
	return checklists.Checklist{}
}

// mutableChecklist is the checklist a cell may change: that of a fresh case
// where the change will succeed, the shared one where it must not.
func (w *world) mutableChecklist(c call) (cases.Viewed, checklists.Checklist) {
	if c.side == sideOwn && (c.role == "leader" || c.role == "caseworker") {
		fresh := w.freshCase()
		return fresh, w.currentChecklist(w.memberOwn, fresh)
	}
	return w.cases[c.side], w.checklists[c.side]
}

func withDream(n *cases.NewCase) { n.Dreams = []cases.Dream{{Text: "At klare mig selv"}} }

// activeGoal adds a SMART goal to a case (with a dream) through the service
// and activates it (version 2).
func (w *world) activeGoal(u testkit.User, c cases.Viewed, title string) goals.Evaluated {
	w.t.Helper()
	ctx := context.Background()
	s := func(v string) *string { return &v }
	g, err := w.env.App.Goals.Create(ctx, u.Actor(), c.ID, goals.Fields{Title: s(title), DreamID: &c.Dreams[0].ID,
		Specific: s("Jeg klarer det selv hver uge"), MeasurableIndicator: s("Gange om ugen"), MeasurableTarget: s("To"),
		AchievableSteps: s("Øve"), AchievableResources: s("Er vedholdende"), Relevant: s("Vil være fri"),
		TargetDate: s(w.today.AddDate(0, 3, 0).Format(time.DateOnly))})
	if err != nil {
		w.t.Fatalf("seed goal: %v", err)
	}
	g, err = w.env.App.Goals.ChangeStatus(ctx, u.Actor(), g.ID, g.Version, goals.StatusChangeInput{To: goals.Active, Reason: "Klar"})
	if err != nil {
		w.t.Fatalf("activate goal: %v", err)
	}
	return g
}

// freshGoal is a draft goal of the own shared case that only one cell changes.
func (w *world) freshGoal() goals.Evaluated {
	w.t.Helper()
	title := fmt.Sprintf("Frisk mål %d", w.next())
	g, err := w.env.App.Goals.Create(context.Background(), w.memberOwn.Actor(), w.caseOwn.ID, goals.Fields{Title: &title})
	if err != nil {
		w.t.Fatalf("seed goal: %v", err)
	}
	return g
}

// mutableGoal is the goal a cell may change: a fresh one where the change
// will succeed, the shared one (which must stay untouched) where it must not.
func (w *world) mutableGoal(c call) goals.Evaluated {
	if c.side == sideOwn && (c.role == "leader" || c.role == "caseworker") {
		return w.freshGoal()
	}
	return w.goals[c.side]
}

func citizen(name, cpr string) func(*cases.NewCase) {
	return func(n *cases.NewCase) { n.CitizenName, n.CitizenCPR = name, cpr }
}

func (w *world) newCPR() string {
	c := testkit.NextCPR()
	w.cprs = append(w.cprs, c)
	return c
}

func (w *world) next() int { w.seq++; return w.seq }

func (w *world) user(role string) testkit.User {
	switch role {
	case "admin":
		return w.admin
	case "leader":
		return w.leader
	case "caseworker":
		return w.caseworker
	case "analyst":
		return w.analyst
	}
	return testkit.User{}
}

// freshCase opens an own-team case that only one matrix cell touches, so
// that cells that change a case stay independent. A case of the other team is
// never fresh: refusals go to the shared one, which must stay untouched.
func (w *world) freshCase() cases.Viewed {
	return w.env.Case(w.memberOwn, w.own, citizen(ownCitizenName, w.newCPR()))
}

// freshClosedCase is a fresh own-team case closed through the service (version 2).
func (w *world) freshClosedCase() cases.Viewed {
	w.t.Helper()
	c := w.freshCase()
	v, err := w.env.App.Cases.Close(context.Background(), w.memberOwn.Actor(), c.ID, c.Version, "moved", "")
	if err != nil {
		w.t.Fatalf("close fresh case: %v", err)
	}
	return v
}

// freshUser is a user only one admin cell changes.
func (w *world) freshUser(team identity.Team) testkit.User {
	return w.env.User(actor.RoleCaseworker, team)
}

// call is one cell of the matrix being run.
type call struct {
	role string
	side int
	as   testkit.User // zero for anonymous
}

// endpoint is one row of the matrix: how to call it and what each role gets.
type endpoint struct {
	route string
	// teamless endpoints have no own/other distinction; only the own column runs.
	teamless bool
	req      func(w *world, c call) testkit.Req
	want     expect
	// forbidden is the detail of the 403, when the route can answer one.
	forbidden string
	// check inspects a response further (any status).
	check func(t *testing.T, w *world, c call, r testkit.Response)
}

// expect holds {own team, other team} statuses per role.
type expect struct{ admin, leader, caseworker, analyst, anonymous [2]int }

func (e expect) of(role string) [2]int {
	switch role {
	case "admin":
		return e.admin
	case "leader":
		return e.leader
	case "caseworker":
		return e.caseworker
	case "analyst":
		return e.analyst
	}
	return e.anonymous
}

func both(s int) [2]int { return [2]int{s, s} }

func cell(own, other int) [2]int { return [2]int{own, other} }

var anon = both(http.StatusUnauthorized)

func path(format string, a ...any) string { return "/api/v1" + fmt.Sprintf(format, a...) }

func ifMatch(v int) map[string]string { return map[string]string{"If-Match": fmt.Sprintf(`"%d"`, v)} }

func matrix() []endpoint {
	return []endpoint{
		// --- auth: public, the same for everyone ---
		{route: "POST /auth/login", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: both(200)},
			req: func(w *world, c call) testkit.Req {
				u := c.as
				if c.role == roleAnonymous {
					u = w.memberOwn
				}
				return testkit.Req{Method: "POST", Path: path("/auth/login"), Token: u.Token,
					Body: map[string]any{"email": u.Email, "password": u.Password}}
			}},
		{route: "POST /auth/refresh", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: both(200)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/auth/refresh"), Token: c.as.Token,
					Body: map[string]any{"refresh_token": w.refreshToken(c)}}
			}},
		{route: "POST /auth/logout", teamless: true,
			want: expect{admin: both(204), leader: both(204), caseworker: both(204), analyst: both(204), anonymous: both(204)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/auth/logout"), Token: c.as.Token,
					Body: map[string]any{"refresh_token": w.refreshToken(c)}}
			}},
		{route: "GET /me", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/me"), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 200 && r.JSON["id"] != c.as.ID.String() {
					t.Errorf("/me answered %v, want %s", r.JSON["id"], c.as.ID)
				}
			}},

		// --- users ---
		{route: "GET /users?team_id={team}",
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/users?team_id=%s", w.teams[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status != 200 {
					return
				}
				ids := itemIDs(r)
				seesMember := ids[w.members[c.side].ID.String()]
				switch {
				case c.role != "admin" && c.side == sideOther && len(ids) != 0:
					t.Errorf("a non-admin listed %d users of another team: %s", len(ids), r.Body)
				case (c.role == "admin" || c.side == sideOwn) && !seesMember:
					t.Errorf("member %s missing from %s", w.members[c.side].Email, r.Body)
				}
			}},
		{route: "POST /users", forbidden: msgAdminOnly,
			want: expect{admin: both(201), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				email := fmt.Sprintf("new-%d@bic.example", w.next())
				if c.role != "admin" {
					email = "refused-" + email
					w.refusedEmails = append(w.refusedEmails, email)
				}
				return testkit.Req{Method: "POST", Path: path("/users"), Token: c.as.Token, Body: map[string]any{
					"email": email, "name": "Ny Medarbejder", "role": "caseworker",
					"team_ids": []string{w.teams[c.side].ID.String()}, "password": "a long enough password"}}
			}},
		{route: "GET /users/{member of team}",
			want: expect{admin: both(200), leader: cell(200, 404), caseworker: cell(200, 404), analyst: cell(200, 404), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/users/%s", w.members[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 {
					wantDetail(t, r, fmt.Sprintf("No user with id %s.", w.members[c.side].ID))
				}
			}},
		{route: "PATCH /users/{member of team}", forbidden: msgAdminOnly,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				target := w.members[c.side]
				if c.role == "admin" {
					target = w.freshUser(w.teams[c.side])
				}
				return testkit.Req{Method: "PATCH", Path: path("/users/%s", target.ID), Token: c.as.Token,
					Body: map[string]any{"name": "Omdøbt Medarbejder"}, Headers: ifMatch(target.Version)}
			}},

		// --- teams ---
		{route: "GET /teams", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/teams"), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				ids := itemIDs(r)
				if c.role != "admin" && r.Status == 200 && (len(ids) != 1 || !ids[w.own.ID.String()]) {
					t.Errorf("a member of %s should see exactly that team: %s", ownTeamName, r.Body)
				}
				if c.role == "admin" && (!ids[w.own.ID.String()] || !ids[w.other.ID.String()]) {
					t.Errorf("an admin should see every team: %s", r.Body)
				}
			}},
		{route: "POST /teams", teamless: true, forbidden: msgAdminOnly,
			want: expect{admin: both(201), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				name := fmt.Sprintf("Team Ny %d", w.next())
				if c.role != "admin" {
					name = "Refused " + name
					w.refusedTeam = append(w.refusedTeam, name)
				}
				return testkit.Req{Method: "POST", Path: path("/teams"), Token: c.as.Token, Body: map[string]any{"name": name}}
			}},
		{route: "GET /teams/{team}",
			want: expect{admin: both(200), leader: cell(200, 404), caseworker: cell(200, 404), analyst: cell(200, 404), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/teams/%s", w.teams[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 {
					wantDetail(t, r, fmt.Sprintf("No team with id %s.", w.teams[c.side].ID))
				}
			}},
		{route: "PATCH /teams/{team}", forbidden: msgAdminOnly,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				target := w.teams[c.side]
				if c.role == "admin" {
					// Renaming Nord or Syd would spoil the later checks; the
					// admin renames a team of its own making.
					target = w.env.Team(fmt.Sprintf("Team Omdøb %d", w.next()))
				}
				return testkit.Req{Method: "PATCH", Path: path("/teams/%s", target.ID), Token: c.as.Token,
					Body: map[string]any{"name": fmt.Sprintf("Team Omdøbt %d", w.next())}, Headers: ifMatch(target.Version)}
			}},

		// --- cases ---
		{route: "GET /cases?team_id={team}", forbidden: msgCaseRole,
			want: expect{admin: both(403), leader: both(200), caseworker: both(200), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases?team_id=%s", w.teams[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status != 200 {
					return
				}
				ids := itemIDs(r)
				if c.side == sideOther && len(ids) != 0 {
					t.Errorf("listed %d cases of another team: %s", len(ids), r.Body)
				}
				if c.side == sideOwn && !ids[w.caseOwn.ID.String()] {
					t.Errorf("own team's case missing from the list: %s", r.Body)
				}
			}},
		{route: "POST /cases", forbidden: msgCaseRole,
			want: expect{admin: both(403), leader: cell(201, 422), caseworker: cell(201, 422), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases"), Token: c.as.Token, Body: map[string]any{
					"team_id": w.teams[c.side].ID, "citizen": map[string]any{"name": ownCitizenName, "cpr": w.newCPR()},
					"legal_basis": "sel_85", "target_group": "autism"}}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 422 {
					wantDetail(t, r, msgInvalid)
					wantFieldErrors(t, r, map[string]string{"team_id": "must be one of your teams"})
				}
			}},
		{route: "POST /cases/cpr-lookup", forbidden: msgCaseRole,
			want: expect{admin: both(403), leader: both(200), caseworker: both(200), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/cpr-lookup"), Token: c.as.Token,
					Body: map[string]any{"cpr": w.cprOf[c.side]}}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status != 200 {
					return
				}
				ids := itemIDs(r)
				if c.side == sideOther && len(ids) != 0 {
					t.Errorf("CPR lookup found another team's case: %s", r.Body)
				}
				if c.side == sideOwn && (len(ids) != 1 || !ids[w.caseOwn.ID.String()]) {
					t.Errorf("CPR lookup should find exactly the own case: %s", r.Body)
				}
			}},
		{route: "GET /cases/{id}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "PATCH /cases/{id}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "PATCH", Path: path("/cases/%s", w.mutable(c).ID), Token: c.as.Token,
					Body:    map[string]any{"legal_basis": "sel_107", "citizen": map[string]any{"name": "Overskrevet Navn"}},
					Headers: ifMatch(1)}
			},
			check: caseNotFound},
		{route: "POST /cases/{id}/close", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/%s/close", w.mutable(c).ID), Token: c.as.Token,
					Body: map[string]any{"reason": "goals_achieved"}, Headers: ifMatch(1)}
			},
			check: caseNotFound},
		{route: "POST /cases/{id}/reopen", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				id, version := w.cases[c.side].ID, 1
				if c.side == sideOwn && (c.role == "leader" || c.role == "caseworker") {
					closed := w.freshClosedCase()
					id, version = closed.ID, closed.Version
				}
				return testkit.Req{Method: "POST", Path: path("/cases/%s/reopen", id), Token: c.as.Token,
					Body: map[string]any{"note": "borgeren vendte tilbage"}, Headers: ifMatch(version)}
			},
			check: caseNotFound},
		{route: "POST /cases/{id}/phase", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/%s/phase", w.mutable(c).ID), Token: c.as.Token,
					Body: map[string]any{"to": "sagsoplysning"}, Headers: ifMatch(1)}
			},
			check: caseNotFound},
		{route: "GET /cases/{id}/cpr", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/cpr", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				caseNotFound(t, w, c, r)
				if r.Status == 200 && r.JSON["cpr"] != dashed(w.cprOwn) {
					t.Errorf("revealed %v, want %s", r.JSON["cpr"], dashed(w.cprOwn))
				}
			}},

		// --- goals, follow-ups and the plan: access follows the case ---
		{route: "GET /cases/{case_id}/goals", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/goals", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				caseNotFound(t, w, c, r)
				if r.Status == 200 && !itemIDs(r)[w.goals[c.side].ID.String()] {
					t.Errorf("the case's goal is not listed: %s", r.Body)
				}
			}},
		{route: "POST /cases/{case_id}/goals", forbidden: msgCaseRole,
			want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/%s/goals", w.cases[c.side].ID), Token: c.as.Token,
					Body: map[string]any{"title": "Et nyt mål"}}
			},
			check: caseNotFound},
		{route: "POST /cases/{case_id}/goals with parent_id={goal of team}", forbidden: msgCaseRole,
			want: expect{admin: both(403), leader: cell(201, 422), caseworker: cell(201, 422), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/%s/goals", w.caseOwn.ID), Token: c.as.Token,
					Body: map[string]any{"title": "Et delmål", "parent_id": w.goals[c.side].ID}}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 422 {
					// The same answer as for a parent that does not exist.
					wantDetail(t, r, msgInvalid)
					wantFieldErrors(t, r, map[string]string{"parent_id": msgNotOurGoal})
				}
			}},
		{route: "POST /cases/{case_id}/goals/check", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/%s/goals/check", w.cases[c.side].ID), Token: c.as.Token,
					Body: map[string]any{"title": "Et mål", "dream_id": w.cases[c.side].Dreams[0].ID}}
			},
			check: caseNotFound},
		{route: "GET /cases/{case_id}/follow-ups", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/follow-ups", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "POST /cases/{case_id}/follow-ups", forbidden: msgCaseRole,
			want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				// The own shared case has a goal being worked on; a fresh
				// case has none, so it is reviewed without items.
				return testkit.Req{Method: "POST", Path: path("/cases/%s/follow-ups", w.mutable(c).ID), Token: c.as.Token,
					Body: map[string]any{"held_on": w.day(0), "next_follow_up_date": w.day(30), "items": []any{}}}
			},
			check: caseNotFound},
		{route: "POST /cases/{case_id}/follow-ups with items[0].goal_id={goal of team}", forbidden: msgCaseRole,
			want: expect{admin: both(403), leader: cell(201, 422), caseworker: cell(201, 422), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				target, goal := w.caseOwn, w.goals[c.side]
				if c.role == "leader" || c.role == "caseworker" {
					// A fresh own case whose only goal being worked on is reviewed:
					// on the own side that goal, on the other side the other team's.
					target = w.env.Case(w.memberOwn, w.own, citizen(ownCitizenName, w.newCPR()), withDream)
					if c.side == sideOwn {
						goal = w.activeGoal(w.memberOwn, target, "Frisk aktivt mål")
					}
				}
				return testkit.Req{Method: "POST", Path: path("/cases/%s/follow-ups", target.ID), Token: c.as.Token,
					Body: map[string]any{"held_on": w.day(0), "next_follow_up_date": w.day(30),
						"items": []map[string]any{{"goal_id": goal.ID, "decision": "keep"}}}}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 422 {
					wantDetail(t, r, msgInvalid)
					wantFieldErrors(t, r, map[string]string{"items[0].goal_id": msgNotOpen})
				}
			}},
		{route: "GET /cases/{case_id}/plan", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/plan", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				caseNotFound(t, w, c, r)
				if r.Status == 200 && r.JSON["citizen_name"] != ownCitizenName {
					t.Errorf("plan of %v, want %s", r.JSON["citizen_name"], ownCitizenName)
				}
			}},
		{route: "GET /goals/{id}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/goals/%s", w.goals[c.side].ID), Token: c.as.Token}
			},
			check: goalNotFound},
		{route: "PATCH /goals/{id}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				g := w.mutableGoal(c)
				return testkit.Req{Method: "PATCH", Path: path("/goals/%s", g.ID), Token: c.as.Token,
					Body: map[string]any{"title": "Overskrevet mål"}, Headers: ifMatch(g.Version)}
			},
			check: goalNotFound},
		{route: "POST /goals/{id}/status", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				g := w.mutableGoal(c)
				return testkit.Req{Method: "POST", Path: path("/goals/%s/status", g.ID), Token: c.as.Token,
					Body: map[string]any{"status": "discontinued", "reason": "Ikke aktuelt"}, Headers: ifMatch(g.Version)}
			},
			check: goalNotFound},
		{route: "GET /goals/{id}/progress", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/goals/%s/progress", w.goals[c.side].ID), Token: c.as.Token}
			},
			check: goalNotFound},
		{route: "POST /goals/{id}/progress", forbidden: msgCaseRole,
			want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/goals/%s/progress", w.goals[c.side].ID), Token: c.as.Token,
					Body: map[string]any{"measured_on": w.day(0), "rater": "citizen", "value": 5}}
			},
			check: goalNotFound},

		// --- principles, checklists, insights, settings ---
		{route: "GET /principles", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/principles"), Token: c.as.Token}
			}},
		{route: "GET /principles/versions", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/principles/versions"), Token: c.as.Token}
			}},
		{route: "POST /principles", teamless: true, forbidden: msgPublish,
			want: expect{admin: both(201), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/principles"), Token: c.as.Token,
					Body: publishBody(w.t, fmt.Sprintf("matrix-%d", w.next()))}
			}},
		{route: "GET /cases/{case_id}/checklists", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/checklists", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "GET /cases/{case_id}/checklists/{id}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/checklists/%s", w.cases[c.side].ID, w.checklists[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "GET /cases/{case_id}/checklists/{id} with own case_id and id={checklist of team}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/checklists/%s", w.caseOwn.ID, w.checklists[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 {
					wantDetail(t, r, fmt.Sprintf("No checklist with id %s in this case.", w.checklists[c.side].ID))
				}
			}},
		{route: "PATCH /cases/{case_id}/checklists/{id}", forbidden: msgCaseRole,
			want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				cs, cl := w.mutableChecklist(c)
				return testkit.Req{Method: "PATCH", Path: path("/cases/%s/checklists/%s", cs.ID, cl.ID), Token: c.as.Token,
					Body:    map[string]any{"items": []map[string]any{{"principle": "P1_HOPES", "status": "applied"}}},
					Headers: ifMatch(cl.Version)}
			},
			check: caseNotFound},
		{route: "GET /insights/principles?team_id={team}", forbidden: msgInsights,
			want: expect{admin: both(403), leader: cell(200, 404), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/insights/principles?team_id=%s", w.teams[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 {
					wantDetail(t, r, fmt.Sprintf("No team with id %s.", w.teams[c.side].ID))
				}
			}},
		{route: "GET /insights/principles/cases?team_id={team}", forbidden: msgInsights,
			want: expect{admin: both(403), leader: cell(200, 404), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Token: c.as.Token,
					Path: path("/insights/principles/cases?principle=P1_HOPES&phase=sagsaabning&team_id=%s", w.teams[c.side].ID)}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 {
					wantDetail(t, r, fmt.Sprintf("No team with id %s.", w.teams[c.side].ID))
				}
			}},
		{route: "GET /settings", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/settings"), Token: c.as.Token}
			}},
		{route: "PATCH /settings", teamless: true, forbidden: msgSettings,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				cur, err := w.env.App.Settings.Get(context.Background(), w.admin.Actor())
				if err != nil {
					w.t.Fatal(err)
				}
				return testkit.Req{Method: "PATCH", Path: path("/settings"), Token: c.as.Token,
					Body: map[string]any{"phase_gate": "warn"}, Headers: ifMatch(cur.Version)}
			}},

		// --- meetings and feedback ---
		{route: "GET /cases/{case_id}/meetings", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/meetings", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "POST /cases/{case_id}/meetings", forbidden: msgCaseRole, want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/cases/%s/meetings", w.cases[c.side].ID), Token: c.as.Token,
					Body: map[string]any{"starts_at": w.today.Format(time.RFC3339), "form": "home"}}
			},
			check: caseNotFound},
		{route: "GET /cases/{case_id}/contact", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/contact", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "GET /meetings/{id}", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/meetings/%s", w.meetings[c.side].ID), Token: c.as.Token}
			},
			check: meetingNotFound},
		{route: "PATCH /meetings/{id}", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				m := w.mutableMeeting(c)
				return testkit.Req{Method: "PATCH", Path: path("/meetings/%s", m.ID), Token: c.as.Token,
					Body: map[string]any{"place": "Biblioteket"}, Headers: ifMatch(m.Version)}
			},
			check: meetingNotFound},
		{route: "GET /meetings/{id}/ors", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/meetings/%s/ors", w.meetings[c.side].ID), Token: c.as.Token}
			},
			check: meetingNotFound},
		{route: "GET /meetings/{id}/srs", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/meetings/%s/srs", w.meetings[c.side].ID), Token: c.as.Token}
			},
			check: meetingNotFound},
		{route: "POST /meetings/{id}/ors", forbidden: msgCaseRole, want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/meetings/%s/ors", w.mutableMeeting(c).ID), Token: c.as.Token,
					Body: map[string]any{"items": scaleItems(feedback.ORS, "5.5")}}
			},
			check: meetingNotFound},
		{route: "POST /meetings/{id}/srs", forbidden: msgCaseRole, want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/meetings/%s/srs", w.mutableMeeting(c).ID), Token: c.as.Token,
					Body: map[string]any{"items": scaleItems(feedback.SRS, "9.5")}}
			},
			check: meetingNotFound},
		{route: "PATCH /meetings/{id}/ors", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				m := w.mutableMeeting(c)
				if m.ID != w.meetings[c.side].ID {
					w.score(w.memberOwn, m, feedback.ORS)
				}
				return testkit.Req{Method: "PATCH", Path: path("/meetings/%s/ors", m.ID), Token: c.as.Token,
					Body: map[string]any{"items": scaleItems(feedback.ORS, "6.5"), "reason": "Aflæst forkert"}, Headers: ifMatch(1)}
			},
			check: meetingNotFound},
		{route: "PATCH /meetings/{id}/srs", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				m := w.mutableMeeting(c)
				if m.ID != w.meetings[c.side].ID {
					w.score(w.memberOwn, m, feedback.SRS)
				}
				return testkit.Req{Method: "PATCH", Path: path("/meetings/%s/srs", m.ID), Token: c.as.Token,
					Body: map[string]any{"items": scaleItems(feedback.SRS, "9.5"), "reason": "Aflæst forkert"}, Headers: ifMatch(1)}
			},
			check: meetingNotFound},
		{route: "POST /meetings/{id}/questions", forbidden: msgCaseRole, want: caseExpect(204),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/meetings/%s/questions", w.mutableMeeting(c).ID), Token: c.as.Token,
					Body: map[string]any{"meeting_ok": "yes", "talked_about": "yes"}}
			},
			check: meetingNotFound},
		{route: "GET /meetings/{id}/feedback", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/meetings/%s/feedback", w.meetings[c.side].ID), Token: c.as.Token}
			},
			check: meetingNotFound},
		{route: "POST /meetings/{id}/feedback-links", forbidden: msgCaseRole, want: caseExpect(201),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/meetings/%s/feedback-links", w.meetings[c.side].ID), Token: c.as.Token,
					Body: map[string]any{"parts": []string{"ors"}}}
			},
			check: meetingNotFound},
		{route: "GET /cases/{case_id}/fit", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/fit", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "GET /cases/{case_id}/signals", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/cases/%s/signals", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: caseNotFound},
		{route: "GET /signals", teamless: true, forbidden: msgCaseRole,
			want: expect{admin: both(403), leader: both(200), caseworker: both(200), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/signals"), Token: c.as.Token}
			}},
		{route: "POST /signals/{id}/response", forbidden: msgCaseRole, want: caseExpect(200),
			req: func(w *world, c call) testkit.Req {
				id := w.signals[c.side]
				if c.side == sideOwn && (c.role == "leader" || c.role == "caseworker") {
					id = w.lowSRS(w.memberOwn, w.meeting(w.memberOwn, w.freshCase()))
				}
				return testkit.Req{Method: "POST", Path: path("/signals/%s/response", id), Token: c.as.Token,
					Body: map[string]any{"note": "Vi mødes hjemme næste gang"}}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 {
					wantDetail(t, r, fmt.Sprintf("No signal with id %s.", w.signals[c.side]))
				}
			}},
		{route: "GET /fit/wording", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/fit/wording?lang=en"), Token: c.as.Token}
			}},
		{route: "PUT /fit/wording", teamless: true, forbidden: msgWording,
			want: expect{admin: both(204), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				four := []string{"A", "B", "C", "D"}
				return testkit.Req{Method: "PUT", Path: path("/fit/wording"), Token: c.as.Token, Body: map[string]any{
					"lang": "en", "ors": four, "srs": four, "ors_anchor": []string{"Low", "High"}, "srs_anchor": []string{"Low", "High"},
					"ors_intro": "Licensed intro", "srs_intro": "Licensed intro"}}
			}},
		{route: "GET /insights/fit?team_id={team}", forbidden: msgFitLeaders,
			want: expect{admin: both(403), leader: cell(200, 404), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/insights/fit?team_id=%s", w.teams[c.side].ID), Token: c.as.Token}
			}},
		// A feedback link is its own credential: whoever holds it may use
		// it, with or without a staff token.
		{route: "POST /public/feedback/open", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: both(200)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/public/feedback/open"), Token: c.as.Token,
					Body: map[string]any{"token": w.link("ors")}}
			}},
		{route: "POST /public/feedback/ors", teamless: true,
			want: expect{admin: both(201), leader: both(201), caseworker: both(201), analyst: both(201), anonymous: both(201)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/public/feedback/ors"), Token: c.as.Token,
					Body: map[string]any{"token": w.link("ors"), "submission_id": uuid.New(), "items": scaleItems(feedback.ORS, "6.1")}}
			}},
		{route: "POST /public/feedback/srs", teamless: true,
			want: expect{admin: both(201), leader: both(201), caseworker: both(201), analyst: both(201), anonymous: both(201)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/public/feedback/srs"), Token: c.as.Token,
					Body: map[string]any{"token": w.link("srs"), "submission_id": uuid.New(), "items": scaleItems(feedback.SRS, "9.6")}}
			}},
		{route: "POST /public/feedback/questions", teamless: true,
			want: expect{admin: both(201), leader: both(201), caseworker: both(201), analyst: both(201), anonymous: both(201)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/public/feedback/questions"), Token: c.as.Token,
					Body: map[string]any{"token": w.link("questions"), "submission_id": uuid.New(), "meeting_ok": "yes", "talked_about": "partly"}}
			}},
		{route: "POST /public/feedback/topics", teamless: true,
			want: expect{admin: both(201), leader: both(201), caseworker: both(201), analyst: both(201), anonymous: both(201)},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/public/feedback/topics"), Token: c.as.Token,
					Body: map[string]any{"token": w.link("topics"), "submission_id": uuid.New(), "topics": []string{"Min cykel"}}}
			}},

		// --- integrations: service accounts and personal tokens ---
		// The client authenticates with its credentials in the body; a
		// bearer token beside them is ignored, whoever it belongs to.
		{route: "POST /auth/token", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: both(200)},
			req: func(w *world, c call) testkit.Req {
				cr := w.credential(w.serviceAccount())
				form := url.Values{"grant_type": {"client_credentials"}, "client_id": {cr.ID.String()}, "client_secret": {cr.Secret}}
				return testkit.Req{Method: "POST", Path: path("/auth/token"), Token: c.as.Token, RawBody: form.Encode(),
					Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}
			}},
		{route: "GET /service-accounts", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/service-accounts"), Token: c.as.Token}
			}},
		{route: "POST /service-accounts", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(201), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				name := fmt.Sprintf("Integration %d", w.next())
				if c.role != "admin" {
					name = "Refused " + name
					w.refusedAccounts = append(w.refusedAccounts, name)
				}
				return testkit.Req{Method: "POST", Path: path("/service-accounts"), Token: c.as.Token, Body: map[string]any{
					"name": name, "scopes": []string{"cases:read"}, "team_ids": []string{w.own.ID.String()}}}
			}},
		{route: "GET /service-accounts/{id}", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/service-accounts/%s", w.serviceAccount().ID), Token: c.as.Token}
			}},
		{route: "PATCH /service-accounts/{id}", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				sa := w.serviceAccount()
				return testkit.Req{Method: "PATCH", Path: path("/service-accounts/%s", sa.ID), Token: c.as.Token,
					Body: map[string]any{"scopes": []string{"cases:read", "exports:read"}, "all_teams": true}, Headers: ifMatch(sa.Version)}
			}},
		{route: "GET /service-accounts/{id}/credentials", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(200), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				sa := w.serviceAccount()
				w.credential(sa)
				return testkit.Req{Method: "GET", Path: path("/service-accounts/%s/credentials", sa.ID), Token: c.as.Token}
			}},
		{route: "POST /service-accounts/{id}/credentials", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(201), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/service-accounts/%s/credentials", w.serviceAccount().ID), Token: c.as.Token,
					Body: map[string]any{"label": "matrix", "expires_in_days": 30}}
			}},
		{route: "DELETE /service-accounts/{id}/credentials/{credential_id}", teamless: true, forbidden: msgAccounts,
			want: expect{admin: both(204), leader: both(403), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				sa := w.serviceAccount()
				cr := w.credential(sa)
				return testkit.Req{Method: "DELETE", Path: path("/service-accounts/%s/credentials/%s", sa.ID, cr.ID), Token: c.as.Token}
			}},
		{route: "GET /me/tokens", teamless: true,
			want: expect{admin: both(200), leader: both(200), caseworker: both(200), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				if c.role == "analyst" {
					w.analystToken()
				}
				return testkit.Req{Method: "GET", Path: path("/me/tokens"), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				// Only one's own tokens: only the analyst has any.
				if n := len(listItems(r)); r.Status == 200 && (c.role == "analyst") != (n > 0) {
					t.Errorf("%s lists %d personal tokens: %s", c.role, n, r.Body)
				}
			}},
		{route: "POST /me/tokens", teamless: true, forbidden: msgTokenRole,
			want: expect{admin: both(403), leader: both(403), caseworker: both(403), analyst: both(201), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "POST", Path: path("/me/tokens"), Token: c.as.Token,
					Body: map[string]any{"name": "Matrix", "scopes": []string{"exports:read"}}}
			}},
		{route: "DELETE /me/tokens/{analyst's token}", teamless: true,
			want: expect{admin: both(404), leader: both(404), caseworker: both(404), analyst: both(204), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "DELETE", Path: path("/me/tokens/%s", w.analystToken()), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 404 && !strings.HasPrefix(fmt.Sprint(r.JSON["detail"]), "No personal token with id ") {
					t.Errorf("detail %v", r.JSON["detail"])
				}
			}},

		// --- exports ---
		{route: "GET /exports", teamless: true, forbidden: "Exports of case data are for analysts, leaders and integrations; administrators export the audit trail.",
			want: expect{admin: both(200), leader: both(200), caseworker: both(403), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/exports"), Token: c.as.Token}
			}},
		{route: "GET /exports/{dataset}?team_id={team}", forbidden: "Exports of case data are for analysts, leaders and integrations; administrators export the audit trail.",
			// A leader names only own teams; an analyst reaches every team.
			want: expect{admin: both(403), leader: cell(200, 404), caseworker: both(403), analyst: both(200), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/exports/cases?team_id=%s", w.cases[c.side].TeamID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status == 200 && (bytes.Contains(r.Body, []byte(w.cases[c.side].Citizen.Name)) || !bytes.Contains(r.Body, []byte("case_pseudonym"))) {
					t.Errorf("a default export must be pseudonymised: %s", r.Body)
				}
			}},

		// --- audit ---
		{route: "GET /audit?case_id={case of team}", forbidden: msgAuditRoles,
			want: expect{admin: both(200), leader: both(200), caseworker: both(403), analyst: both(403), anonymous: anon},
			req: func(w *world, c call) testkit.Req {
				return testkit.Req{Method: "GET", Path: path("/audit?limit=200&case_id=%s", w.cases[c.side].ID), Token: c.as.Token}
			},
			check: func(t *testing.T, w *world, c call, r testkit.Response) {
				if r.Status != 200 {
					return
				}
				items := listItems(r)
				if c.role == "admin" && len(items) == 0 {
					t.Errorf("an admin sees no events about the case: %s", r.Body)
				}
				if c.role == "leader" {
					if c.side == sideOther && len(items) != 0 {
						t.Errorf("a leader sees %d events about another team's case", len(items))
					}
					if c.side == sideOwn && len(items) == 0 {
						t.Errorf("a leader sees no events about the own team's case")
					}
				}
			}},
	}
}

// publishBody is the built-in principle set under another version name.
func publishBody(t *testing.T, version string) map[string]any {
	t.Helper()
	b, err := checklists.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]map[string]any, len(b.Principles))
	for i, p := range b.Principles {
		ps[i] = map[string]any{"code": p.Code, "number": p.Number, "title_da": p.TitleDa, "title_en": p.TitleEn,
			"description": p.Description, "reflection_questions": p.ReflectionQuestions, "core": p.Core, "optional": p.Optional}
	}
	return map[string]any{"version": version, "principles": ps}
}

// caseExpect is the rule for every case endpoint: leaders and caseworkers
// work with their own teams' cases; another team's case does not exist for
// them; admins and analysts never see case content.
func caseExpect(ok int) expect {
	return expect{admin: both(403), leader: cell(ok, 404), caseworker: cell(ok, 404), analyst: both(403), anonymous: anon}
}

func caseNotFound(t *testing.T, w *world, c call, r testkit.Response) {
	if r.Status == 404 {
		wantDetail(t, r, fmt.Sprintf("No case with id %s.", w.cases[c.side].ID))
	}
}

func goalNotFound(t *testing.T, w *world, c call, r testkit.Response) {
	if r.Status == 404 {
		wantDetail(t, r, fmt.Sprintf("No goal with id %s.", w.goals[c.side].ID))
	}
}

// day is the service's date plus n days.
func (w *world) day(n int) string { return w.today.AddDate(0, 0, n).Format(time.DateOnly) }

// mutable is the case a cell may change: a fresh one where the change will
// succeed, the shared one (which must stay untouched) where it must not.
func (w *world) mutable(c call) cases.Viewed {
	if c.side == sideOwn && (c.role == "leader" || c.role == "caseworker") {
		return w.freshCase()
	}
	return w.cases[c.side]
}

// serviceAccount makes a service account (exports:read) through the service.
func (w *world) serviceAccount() identity.ServiceAccount {
	w.t.Helper()
	sa, err := w.env.App.Identity.CreateServiceAccount(context.Background(), w.admin.Actor(), identity.NewServiceAccount{
		Name: fmt.Sprintf("Matrix integration %d", w.next()), Scopes: []actor.Scope{actor.ScopeExportsRead}})
	if err != nil {
		w.t.Fatalf("seed service account: %v", err)
	}
	return sa
}

// credential gives the account a client secret through the service.
func (w *world) credential(sa identity.ServiceAccount) identity.IssuedCredential {
	w.t.Helper()
	cr, err := w.env.App.Identity.CreateCredential(context.Background(), w.admin.Actor(), sa.ID, identity.NewCredential{Label: "matrix"})
	if err != nil {
		w.t.Fatalf("seed credential: %v", err)
	}
	return cr
}

// analystToken is a fresh personal token of the matrix's analyst.
func (w *world) analystToken() uuid.UUID {
	w.t.Helper()
	tok, err := w.env.App.Identity.CreatePersonalToken(context.Background(), w.analyst.Actor(), identity.NewPersonalToken{
		Name: fmt.Sprintf("Matrix %d", w.next()), Scopes: []actor.Scope{actor.ScopeExportsRead}})
	if err != nil {
		w.t.Fatalf("seed personal token: %v", err)
	}
	return tok.ID
}

func (w *world) refreshToken(c call) string {
	w.t.Helper()
	u := c.as
	if c.role == roleAnonymous {
		u = w.memberOwn
	}
	r := w.env.Do("POST", "/api/v1/auth/login", "", map[string]any{"email": u.Email, "password": u.Password})
	tok, _ := r.JSON["refresh_token"].(string)
	if tok == "" {
		w.t.Fatalf("login for a refresh token: %d %s", r.Status, r.Body)
	}
	return tok
}

func TestAuthorisationMatrix(t *testing.T) {
	env := testkit.Start(t, "postgres")
	w := newWorld(t, env)
	eps := matrix()
	covered := map[string]bool{}
	for _, ep := range eps {
		covered[routeKey(ep.route)] = true
		for _, role := range roles {
			sides := []int{sideOwn, sideOther}
			if ep.teamless {
				sides = sides[:1]
			}
			for _, side := range sides {
				want := ep.want.of(role)[side]
				if want == statusNotRun {
					continue
				}
				name := cellName(role, side, ep, want)
				t.Run(name, func(t *testing.T) {
					c := call{role: role, side: side, as: w.user(role)}
					req := ep.req(w, c)
					r := env.Send(req)
					if r.Status != want {
						t.Fatalf("%s %s → %d, want %d\n%s", req.Method, req.Path, r.Status, want, r.Body)
					}
					if want >= 400 {
						wantProblem(t, r, want)
					}
					switch want {
					case 401:
						wantDetail(t, r, msgNoToken)
					case 403:
						wantDetail(t, r, ep.forbidden)
					}
					if ep.check != nil {
						ep.check(t, w, c, r)
					}
					w.mustNotLeak(t, c, req, r)
				})
			}
		}
	}

	t.Run("the matrix covers every /api/v1 route the server has", func(t *testing.T) {
		n := 0
		for _, rt := range env.App.Echo.Routes() {
			if !strings.HasPrefix(rt.Path, "/api/v1/") || rt.Method == echo.RouteNotFound {
				continue
			}
			n++
			key := rt.Method + " " + strings.TrimPrefix(rt.Path, "/api/v1")
			if !covered[key] {
				t.Errorf("route %s has no row in the authorisation matrix", key)
			}
		}
		if n != len(covered) {
			t.Errorf("the server has %d /api/v1 routes, the matrix %d", n, len(covered))
		}
	})

	t.Run("refused changes changed nothing", func(t *testing.T) {
		ctx := context.Background()
		for i, owner := range []testkit.User{w.memberOwn, w.cwOther} {
			v, err := env.App.Cases.Get(ctx, owner.Actor(), w.cases[i].ID)
			if err != nil {
				t.Fatalf("read case: %v", err)
			}
			if v.Version != 1 || v.Status != cases.StatusOpen || v.Phase != cases.PhaseOpening ||
				v.LegalBasis != "sel_85" || v.Citizen.Name != w.cases[i].Citizen.Name || len(v.PhaseHistory) != 1 {
				t.Errorf("%s's shared case was changed by a refused request: version %d, status %s, phase %s, basis %s, name %q",
					w.teams[i].Name, v.Version, v.Status, v.Phase, v.LegalBasis, v.Citizen.Name)
			}
		}
		for i, m := range w.members {
			u, err := env.App.Identity.GetUser(ctx, w.admin.Actor(), m.ID)
			if err != nil {
				t.Fatal(err)
			}
			if u.Version != 1 || u.Name != m.Name {
				t.Errorf("member of %s was changed by a refused request: version %d, name %q", w.teams[i].Name, u.Version, u.Name)
			}
		}
		for i, tm := range w.teams {
			got, err := env.App.Identity.GetTeam(ctx, w.admin.Actor(), tm.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version != 1 || got.Name != tm.Name {
				t.Errorf("team %d was changed by a refused request: version %d, name %q", i, got.Version, got.Name)
			}
		}
		users, err := env.App.Identity.ListUsers(ctx, w.admin.Actor(), nil, "", 200, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range users.Users {
			if strings.HasPrefix(u.Email, "refused-") {
				t.Errorf("a refused POST /users created %s", u.Email)
			}
		}
		teams, err := env.App.Identity.ListTeams(ctx, w.admin.Actor())
		if err != nil {
			t.Fatal(err)
		}
		for _, tm := range teams {
			if strings.HasPrefix(tm.Name, "Refused") {
				t.Errorf("a refused POST /teams created %q", tm.Name)
			}
		}
		if len(w.refusedEmails) == 0 || len(w.refusedTeam) == 0 || len(w.refusedAccounts) == 0 {
			t.Error("the matrix made no refused create requests to check")
		}
		accounts, err := env.App.Identity.ListServiceAccounts(ctx, w.admin.Actor())
		if err != nil {
			t.Fatal(err)
		}
		for _, sa := range accounts {
			if strings.HasPrefix(sa.Name, "Refused") {
				t.Errorf("a refused POST /service-accounts created %q", sa.Name)
			}
		}
		// Team Syd's goal, its case's goals and follow-ups are as seeded.
		og, err := env.App.Goals.Get(ctx, w.cwOther.Actor(), w.goals[sideOther].ID)
		if err != nil {
			t.Fatal(err)
		}
		if og.Version != 2 || og.Status != goals.Active || og.Title != otherGoalTitle || len(og.Summary) != 0 || len(og.History) != 2 {
			t.Errorf("%s's goal was changed by a refused request: version %d, status %s, title %q, %d rater summaries",
				otherTeamName, og.Version, og.Status, og.Title, len(og.Summary))
		}
		list, err := env.App.Goals.List(ctx, w.cwOther.Actor(), w.caseOther.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list.Goals) != 1 {
			t.Errorf("%s's case has %d goals, want its one", otherTeamName, len(list.Goals))
		}
		fus, err := env.App.Goals.ListFollowUps(ctx, w.cwOther.Actor(), w.caseOther.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(fus) != 0 {
			t.Errorf("%s's case has %d follow-ups, want none", otherTeamName, len(fus))
		}
		// Team Syd has exactly its one case: nobody from Nord created one there.
		r := env.Do("GET", "/api/v1/cases", w.cwOther.Token, nil)
		if ids := itemIDs(r); r.Status != 200 || len(ids) != 1 || !ids[w.caseOther.ID.String()] {
			t.Errorf("%s should have exactly its own case: %d %s", otherTeamName, r.Status, r.Body)
		}
	})

	t.Run("members of the other team see nothing of team Nord", func(t *testing.T) {
		c := call{role: "caseworker", side: sideOther, as: w.cwOther}
		reqs := []testkit.Req{
			{Method: "GET", Path: path("/cases")},
			{Method: "GET", Path: path("/cases?team_id=%s", w.own.ID)},
			{Method: "GET", Path: path("/cases?q=%s", url.QueryEscape("Nanna"))},
			{Method: "GET", Path: path("/cases/%s", w.caseOwn.ID)},
			{Method: "GET", Path: path("/cases/%s/cpr", w.caseOwn.ID)},
			{Method: "POST", Path: path("/cases/cpr-lookup"), Body: map[string]any{"cpr": w.cprOwn}},
			{Method: "GET", Path: path("/users")},
			{Method: "GET", Path: path("/users/%s", w.memberOwn.ID)},
			{Method: "GET", Path: path("/teams")},
			{Method: "GET", Path: path("/teams/%s", w.own.ID)},
			{Method: "GET", Path: path("/me")},
		}
		for _, as := range []testkit.User{w.cwOther, w.leaderOther} {
			for _, req := range reqs {
				req.Token = as.Token
				r := env.Send(req)
				if r.Status >= 500 {
					t.Fatalf("%s %s → %d", req.Method, req.Path, r.Status)
				}
				for _, secret := range []string{ownCitizenName, ownTeamName, w.memberOwn.Email, w.caseOwn.ID.String()} {
					if req.Path != path("/cases/%s", w.caseOwn.ID) && req.Path != path("/cases/%s/cpr", w.caseOwn.ID) &&
						strings.Contains(string(r.Body), secret) {
						t.Errorf("%s %s as %s answered %q: %s", req.Method, req.Path, as.Role, secret, r.Body)
					}
				}
				if strings.Contains(string(r.Body), ownCitizenName) {
					t.Errorf("%s %s leaked the citizen's name: %s", req.Method, req.Path, r.Body)
				}
				w.mustNotLeak(t, c, req, r)
			}
		}
		r := env.Do("GET", "/api/v1/audit?limit=200", w.leaderOther.Token, nil)
		for _, it := range listItems(r) {
			if it["team_id"] != w.other.ID.String() {
				t.Errorf("leader of %s sees an event of another team: %v", otherTeamName, it)
			}
		}
	})

	t.Run("a leader's unfiltered audit trail holds only the own teams' events", func(t *testing.T) {
		r := env.Do("GET", "/api/v1/audit?limit=200", w.leader.Token, nil)
		if r.Status != 200 || len(listItems(r)) == 0 {
			t.Fatalf("audit: %d %s", r.Status, r.Body)
		}
		for _, it := range listItems(r) {
			if it["team_id"] != w.own.ID.String() {
				t.Errorf("leader of %s sees an event of another team: %v", ownTeamName, it)
			}
		}
		all := env.Do("GET", "/api/v1/audit?limit=200&case_id="+w.caseOther.ID.String(), w.admin.Token, nil)
		if len(listItems(all)) == 0 {
			t.Errorf("the admin should see events about %s's case: %s", otherTeamName, all.Body)
		}
	})
}

// TestNotFoundLooksTheSame: a case of another team is indistinguishable from
// one that does not exist, on every case route.
func TestNotFoundLooksTheSame(t *testing.T) {
	env := testkit.Start(t, "postgres")
	w := newWorld(t, env)
	missing := uuid.New()
	review := map[string]any{"held_on": w.day(0), "next_follow_up_date": w.day(30), "items": []any{}}
	routes := []struct {
		method, prefix, suffix string
		other                  uuid.UUID // the other team's resource
		body                   any
	}{
		{"GET", "/cases/", "", w.caseOther.ID, nil},
		{"PATCH", "/cases/", "", w.caseOther.ID, map[string]any{"legal_basis": "sel_107"}},
		{"POST", "/cases/", "/close", w.caseOther.ID, map[string]any{"reason": "moved"}},
		{"POST", "/cases/", "/reopen", w.caseOther.ID, map[string]any{}},
		{"POST", "/cases/", "/phase", w.caseOther.ID, map[string]any{"to": "sagsoplysning"}},
		{"GET", "/cases/", "/cpr", w.caseOther.ID, nil},
		{"GET", "/cases/", "/goals", w.caseOther.ID, nil},
		{"POST", "/cases/", "/goals", w.caseOther.ID, map[string]any{"title": "Mål"}},
		{"POST", "/cases/", "/goals/check", w.caseOther.ID, map[string]any{"title": "Mål"}},
		{"GET", "/cases/", "/follow-ups", w.caseOther.ID, nil},
		{"POST", "/cases/", "/follow-ups", w.caseOther.ID, review},
		{"GET", "/cases/", "/plan", w.caseOther.ID, nil},
		{"GET", "/goals/", "", w.goals[sideOther].ID, nil},
		{"PATCH", "/goals/", "", w.goals[sideOther].ID, map[string]any{"title": "Mål"}},
		{"POST", "/goals/", "/status", w.goals[sideOther].ID, map[string]any{"status": "discontinued", "reason": "Stop"}},
		{"GET", "/goals/", "/progress", w.goals[sideOther].ID, nil},
		{"POST", "/goals/", "/progress", w.goals[sideOther].ID, map[string]any{"measured_on": w.day(0), "rater": "citizen", "value": 5}},
	}
	for _, as := range []testkit.User{w.caseworker, w.leader} {
		for _, route := range routes {
			kind := strings.TrimSuffix(strings.TrimPrefix(route.prefix, "/"), "s/")
			name := fmt.Sprintf("%s of other team gets the same 404 as for a missing %s on %s %s{id}%s",
				as.Role, kind, route.method, route.prefix, route.suffix)
			t.Run(name, func(t *testing.T) {
				send := func(id uuid.UUID) testkit.Response {
					return env.Send(testkit.Req{Method: route.method, Path: path("%s%s%s", route.prefix, id, route.suffix),
						Token: as.Token, Headers: ifMatch(2), Body: route.body})
				}
				other, none := send(route.other), send(missing)
				if other.Status != 404 || none.Status != 404 {
					t.Fatalf("other team's %s → %d, missing %s → %d", kind, other.Status, kind, none.Status)
				}
				wantProblem(t, other, 404)
				a, b := normalise(t, other, route.other), normalise(t, none, missing)
				if a != b {
					t.Errorf("the two 404s differ:\nother team: %s\nmissing:    %s", a, b)
				}
				for _, h := range []string{"Content-Type", "Cache-Control", "ETag", "WWW-Authenticate", "Content-Length"} {
					if other.Header.Get(h) != none.Header.Get(h) {
						t.Errorf("header %s differs: %q vs %q", h, other.Header.Get(h), none.Header.Get(h))
					}
				}
			})
		}
	}
}

// normalise replaces the case id and the request id so two problems can be
// compared byte for byte.
func normalise(t *testing.T, r testkit.Response, id uuid.UUID) string {
	t.Helper()
	var p map[string]any
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatalf("problem body: %v: %s", err, r.Body)
	}
	if inst, _ := p["instance"].(string); !strings.HasPrefix(inst, "urn:request:") {
		t.Errorf("instance %q", inst)
	}
	p["instance"] = "urn:request:{request}"
	b, _ := json.Marshal(p)
	return strings.ReplaceAll(string(b), id.String(), "{id}")
}

func TestLeaderOfTwoTeamsSeesBoth(t *testing.T) {
	env := testkit.Start(t, "postgres")
	east, west := env.Team("Team Øst"), env.Team("Team Vest")
	leader := env.User(actor.RoleLeader, east, west)
	cwEast, cwWest := env.User(actor.RoleCaseworker, east), env.User(actor.RoleCaseworker, west)
	caseEast, caseWest := env.Case(cwEast, east), env.Case(cwWest, west)

	t.Run("the case list holds both teams' cases", func(t *testing.T) {
		r := env.Do("GET", "/api/v1/cases", leader.Token, nil)
		ids := itemIDs(r)
		if r.Status != 200 || len(ids) != 2 || !ids[caseEast.ID.String()] || !ids[caseWest.ID.String()] {
			t.Fatalf("list: %d %s", r.Status, r.Body)
		}
	})
	for i, c := range []cases.Viewed{caseEast, caseWest} {
		t.Run([]string{"Øst", "Vest"}[i]+"'s case can be read and changed", func(t *testing.T) {
			r := env.Do("GET", "/api/v1/cases/"+c.ID.String(), leader.Token, nil)
			if r.Status != 200 {
				t.Fatalf("get: %d %s", r.Status, r.Body)
			}
			r = env.Do("PATCH", "/api/v1/cases/"+c.ID.String(), leader.Token, map[string]any{"legal_basis": "sel_107"},
				"If-Match", r.Header.Get("ETag"))
			if r.Status != 200 {
				t.Fatalf("patch: %d %s", r.Status, r.Body)
			}
		})
	}
	t.Run("both teams are listed and readable", func(t *testing.T) {
		r := env.Do("GET", "/api/v1/teams", leader.Token, nil)
		if ids := itemIDs(r); len(ids) != 2 || !ids[east.ID.String()] || !ids[west.ID.String()] {
			t.Fatalf("teams: %d %s", r.Status, r.Body)
		}
		for _, tm := range []identity.Team{east, west} {
			if r := env.Do("GET", "/api/v1/teams/"+tm.ID.String(), leader.Token, nil); r.Status != 200 {
				t.Errorf("get %s: %d %s", tm.Name, r.Status, r.Body)
			}
		}
	})
	t.Run("the audit trail holds both teams' events", func(t *testing.T) {
		r := env.Do("GET", "/api/v1/audit?limit=200", leader.Token, nil)
		seen := map[any]bool{}
		for _, it := range listItems(r) {
			seen[it["team_id"]] = true
		}
		if !seen[east.ID.String()] || !seen[west.ID.String()] {
			t.Fatalf("audit: %d %s", r.Status, r.Body)
		}
	})
	t.Run("a case can be opened in either team", func(t *testing.T) {
		for _, tm := range []identity.Team{east, west} {
			r := env.Do("POST", "/api/v1/cases", leader.Token, map[string]any{"team_id": tm.ID,
				"citizen":     map[string]any{"name": "Ole Olsen", "cpr": testkit.NextCPR()},
				"legal_basis": "sel_85", "target_group": "autism"})
			if r.Status != 201 {
				t.Errorf("create in %s: %d %s", tm.Name, r.Status, r.Body)
			}
		}
	})
}

func TestUserWithoutCaseRoleListingCasesGets403(t *testing.T) {
	env := testkit.Start(t, "postgres")
	team := env.Team("Nord")
	for _, u := range []testkit.User{env.User(actor.RoleAdmin), env.User(actor.RoleAnalyst, team), env.User(actor.RoleAnalyst)} {
		name := fmt.Sprintf("%s with %d teams listing cases gets 403", u.Role, len(u.Teams))
		t.Run(name, func(t *testing.T) {
			r := env.Do("GET", "/api/v1/cases", u.Token, nil)
			if r.Status != 403 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			wantProblem(t, r, 403)
			wantDetail(t, r, msgCaseRole)
		})
	}
}

// --- helpers ---

func cellName(role string, side int, ep endpoint, want int) string {
	who := role
	if role == roleAnonymous {
		who = "anonymous caller"
	}
	switch {
	case ep.teamless:
	case role == "admin" || role == roleAnonymous:
		who += " on " + [2]string{"team Nord's", "team Syd's"}[side] + " resource"
	case side == sideOwn:
		who = role + " of own team"
	default:
		who = role + " of other team"
	}
	return fmt.Sprintf("%s gets %d on %s", who, want, ep.route)
}

var routeParams = regexp.MustCompile(`\{[^}]*\}`)

// routeKey turns "GET /cases/{id}?x=1" into Echo's "GET /cases/:id" and
// "POST /cases/{case_id}/goals with …" into "POST /cases/:case_id/goals".
func routeKey(route string) string {
	route, _, _ = strings.Cut(route, " with ")
	route, _, _ = strings.Cut(route, "?")
	return routeParams.ReplaceAllStringFunc(route, func(p string) string {
		if p == "{case_id}" || p == "{credential_id}" || p == "{dataset}" {
			return ":" + strings.Trim(p, "{}")
		}
		return ":id"
	})
}

func dashed(cpr string) string { return cpr[:6] + "-" + cpr[6:] }

// mustNotLeak: no response ever holds a full CPR number except a reveal, and
// a member of one team never sees the other team's citizen or name.
func (w *world) mustNotLeak(t *testing.T, c call, req testkit.Req, r testkit.Response) {
	t.Helper()
	body := string(r.Body)
	reveal := r.Status == 200 && strings.HasSuffix(req.Path, "/cpr")
	for _, cpr := range w.cprs {
		if !reveal && (strings.Contains(body, cpr) || strings.Contains(body, dashed(cpr))) {
			t.Errorf("%s %s answered a full CPR number: %s", req.Method, req.Path, body)
		}
	}
	if c.role == "admin" || c.role == roleAnonymous {
		return
	}
	var foreign []string
	if c.role == "analyst" && strings.HasPrefix(req.Path, "/api/v1/exports") {
		// An analyst pulls pseudonymised rows of every team, team names
		// included, and never a citizen's name or a goal's text.
		foreign = []string{ownCitizenName, ownGoalTitle, otherCitizen, otherGoalTitle}
	} else if c.as.ID == w.cwOther.ID || c.as.ID == w.leaderOther.ID {
		foreign = []string{ownCitizenName, ownTeamName, ownGoalTitle}
	} else {
		foreign = []string{otherCitizen, otherTeamName, otherGoalTitle, w.memberOther.Email, w.cwOther.Email, `"` + w.cwOther.Name + `"`}
	}
	for _, s := range foreign {
		if strings.Contains(body, s) {
			t.Errorf("%s %s showed %q to a member of another team: %s", req.Method, req.Path, s, body)
		}
	}
}

func listItems(r testkit.Response) []map[string]any {
	raw, _ := r.JSON["items"].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, it := range raw {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func itemIDs(r testkit.Response) map[string]bool {
	out := map[string]bool{}
	for _, it := range listItems(r) {
		if id, ok := it["id"].(string); ok {
			out[id] = true
		}
	}
	return out
}

var problemCodes = map[int]string{400: "bad-request", 401: "unauthenticated", 403: "forbidden", 404: "not-found",
	409: "conflict", 412: "precondition-failed", 422: "validation", 428: "precondition-required"}

// wantProblem checks the RFC 9457 shape of an error response.
func wantProblem(t *testing.T, r testkit.Response, status int) {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	if typ, _ := r.JSON["type"].(string); typ != problemTypeBase+problemCodes[status] {
		t.Errorf("type %q, want %s%s", typ, problemTypeBase, problemCodes[status])
	}
	if s, _ := r.JSON["status"].(float64); int(s) != status {
		t.Errorf("problem status %v, want %d", r.JSON["status"], status)
	}
	if title, _ := r.JSON["title"].(string); title == "" {
		t.Error("problem has no title")
	}
	if inst, _ := r.JSON["instance"].(string); inst != "urn:request:"+r.Header.Get("X-Request-Id") || inst == "urn:request:" {
		t.Errorf("instance %q does not name request %q", inst, r.Header.Get("X-Request-Id"))
	}
}

func wantDetail(t *testing.T, r testkit.Response, detail string) {
	t.Helper()
	if got, _ := r.JSON["detail"].(string); got != detail {
		t.Errorf("detail %q, want %q", got, detail)
	}
}

func wantFieldErrors(t *testing.T, r testkit.Response, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	errsList, _ := r.JSON["errors"].([]any)
	for _, e := range errsList {
		m, _ := e.(map[string]any)
		f, _ := m["field"].(string)
		msg, _ := m["message"].(string)
		got[f] = msg
	}
	for f, msg := range want {
		if got[f] != msg {
			t.Errorf("field %s: got %q, want %q (all: %v)", f, got[f], msg, got)
		}
	}
}
