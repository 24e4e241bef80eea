package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const (
	problemTypeBase = "https://bic.example/problems/"
	uuidMessage     = "must be a UUID such as 3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c"
	bodyLimit       = 1 << 20 // BIC_BODY_LIMIT_BYTES default
)

var problemTypes = map[int]string{
	400: "bad-request", 401: "unauthenticated", 403: "forbidden", 404: "not-found", 405: "method-not-allowed",
	409: "conflict", 412: "precondition-failed", 413: "payload-too-large", 415: "unsupported-media-type",
	422: "validation", 428: "precondition-required", 429: "too-many-requests",
}

// fixture is what the scenarios act on.
type fixture struct {
	env                 *testkit.Env
	team                identity.Team
	admin, leader, cw   testkit.User
	kase                cases.Viewed // version 1, never changed by a scenario
	caseURL, adminToken string
}

func newFixture(t *testing.T, dialect string, opts ...testkit.Option) *fixture {
	env := testkit.Start(t, dialect, opts...)
	f := &fixture{env: env, team: env.Team("Nord")}
	f.admin = env.User(actor.RoleAdmin)
	f.leader = env.User(actor.RoleLeader, f.team)
	f.cw = env.User(actor.RoleCaseworker, f.team)
	f.kase = env.Case(f.cw, f.team)
	f.caseURL = "/api/v1/cases/" + f.kase.ID.String()
	f.adminToken = f.admin.Token
	return f
}

// want is the expected problem.
type want struct {
	status int
	detail string            // exact detail; empty: any non-empty detail
	fields map[string]string // field → part of its message
}

type scenario struct {
	name string
	req  func(f *fixture) testkit.Req
	want want
}

func jsonHeaders(kv ...string) map[string]string {
	h := map[string]string{"Content-Type": "application/json"}
	for i := 0; i+1 < len(kv); i += 2 {
		h[kv[i]] = kv[i+1]
	}
	return h
}

// createCase posts raw JSON to POST /cases as the caseworker.
func createCase(raw string) func(f *fixture) testkit.Req {
	return func(f *fixture) testkit.Req {
		return testkit.Req{Method: "POST", Path: "/api/v1/cases", Token: f.cw.Token, RawBody: raw, Headers: jsonHeaders()}
	}
}

func get(path string, token func(f *fixture) string) func(f *fixture) testkit.Req {
	return func(f *fixture) testkit.Req {
		return testkit.Req{Method: "GET", Path: path, Token: token(f)}
	}
}

func asCaseworker(f *fixture) string { return f.cw.Token }
func asLeader(f *fixture) string     { return f.leader.Token }
func asAdmin(f *fixture) string      { return f.admin.Token }
func asNobody(*fixture) string       { return "" }

func scenarios() []scenario {
	query := "The query string has invalid parameters."
	return []scenario{
		// --- bodies that cannot be understood: 400 ---
		{"malformed JSON gets 400 with the position", createCase(`{"team_id": }`),
			want{400, "The request body is not valid JSON (at byte 13).", nil}},
		{"truncated JSON gets 400", createCase(`{"team_id": "`),
			want{400, "The request body is not valid JSON (it ends too early).", nil}},
		{"a JSON array instead of an object gets 400", createCase(`[{"team_id": "x"}]`),
			want{400, "The request body must be a JSON object.", nil}},
		{"a JSON string instead of an object gets 400", createCase(`"case"`),
			want{400, "The request body must be a JSON object.", nil}},
		{"data after the JSON object gets 400", createCase(`{} {}`),
			want{400, "The request body has data after the JSON value.", nil}},
		{"garbage after the JSON object gets 400", createCase(`{}garbage`),
			want{400, "The request body has data after the JSON value.", nil}},
		{"an unknown field gets 400 naming it", createCase(`{"legal_basis": "sel_85", "is_admin": true}`),
			want{400, "The request body has a field this endpoint does not accept.", map[string]string{"is_admin": "is not a known field"}}},
		{"a number for a text field gets 400 naming it", createCase(`{"legal_basis": 5}`),
			want{400, "A field has the wrong type.", map[string]string{"legal_basis": "must be a string"}}},
		{"a number for a UUID field gets 400 asking for a UUID", createCase(`{"team_id": 7}`),
			want{400, "A field has the wrong type.", map[string]string{"team_id": uuidMessage}}},
		{"an invalid UUID in the body gets 400 naming the field", createCase(`{"team_id": "nope"}`),
			want{400, "A field has an invalid value.", map[string]string{"team_id": uuidMessage}}},
		{"an invalid UUID deep in the body gets 400 with its full path",
			createCase(`{"dreams": [{"text": "a"}, {"id": "nope", "text": "b"}]}`),
			want{400, "A field has an invalid value.", map[string]string{"dreams[1].id": uuidMessage}}},
		{"a wrong type in a list item gets 400 with the item's index", createCase(`{"dreams": [{"text": 5}]}`),
			want{400, "A field has the wrong type.", map[string]string{"dreams[0].text": "must be a string"}}},
		{"an object where a list belongs gets 400", createCase(`{"dreams": {"text": "a"}}`),
			want{400, "A field has the wrong type.", map[string]string{"dreams": "must be an array"}}},
		{"a number where an object belongs gets 400", createCase(`{"citizen": 5}`),
			want{400, "A field has the wrong type.", map[string]string{"citizen": "must be an object"}}},
		{"every badly typed field is named at once", createCase(`{"team_id": "nope", "legal_basis": 5, "citizen": {"name": true}}`),
			want{400, "Some fields have the wrong type or an invalid value.",
				map[string]string{"team_id": uuidMessage, "legal_basis": "must be a string", "citizen.name": "must be a string"}}},
		{"a bad type at login gets 400 naming the field", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: "/api/v1/auth/login", RawBody: `{"email": ["a"], "password": "x"}`}
		}, want{400, "A field has the wrong type.", map[string]string{"email": "must be a string"}}},
		{"a bad team id when an admin creates a user gets 400 with the index", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: "/api/v1/users", Token: f.adminToken, Headers: jsonHeaders(),
				RawBody: fmt.Sprintf(`{"email":"x@bic.example","name":"X","role":"caseworker","password":"long enough pw","team_ids":[%q,"nope"]}`, f.team.ID)}
		}, want{400, "A field has an invalid value.", map[string]string{"team_ids[1]": uuidMessage}}},
		{"an empty body gets 400", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: "/api/v1/cases", Token: f.cw.Token, Headers: jsonHeaders()}
		}, want{400, "The request body is empty; send a JSON object.", nil}},
		{"a body of only whitespace gets 400", createCase(" \n\t "),
			want{400, "The request body is empty; send a JSON object.", nil}},

		// --- media type and size ---
		{"a text/plain body gets 415", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: "/api/v1/cases", Token: f.cw.Token, RawBody: `{}`,
				Headers: map[string]string{"Content-Type": "text/plain"}}
		}, want{415, "Send the body as application/json.", nil}},
		{"a form body at login gets 415", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: "/api/v1/auth/login", RawBody: `email=a&password=b`,
				Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}
		}, want{415, "Send the body as application/json.", nil}},
		{"a body without Content-Type gets 415", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: "/api/v1/teams", Token: f.adminToken, RawBody: `{"name":"X"}`,
				Headers: map[string]string{"Content-Type": ""}}
		}, want{415, "Send the body as application/json.", nil}},
		{"a body over 1 MiB with Content-Length gets 413", createCase(`{"legal_basis_note": "` + strings.Repeat("x", bodyLimit) + `"}`),
			want{413, "", nil}},

		// --- path and query ---
		{"a bad UUID in the path gets 400 naming id", get("/api/v1/cases/not-a-uuid", asCaseworker),
			want{400, "The id in the address is not a valid UUID.", map[string]string{"id": uuidMessage}}},
		{"a UUID without dashes in the path gets 400", get("/api/v1/users/3f0c4e2a8d1b4c1e9a7b2d5f6e8a9b0c", asAdmin),
			want{400, "The id in the address is not a valid UUID.", map[string]string{"id": "must be a UUID"}}},
		{"an unknown query parameter gets 400 naming it", get("/api/v1/cases?colour=red", asCaseworker),
			want{400, query, map[string]string{"colour": "is not a known query parameter"}}},
		{"an unknown query parameter on /me gets 400", get("/api/v1/me?debug=1", asCaseworker),
			want{400, query, map[string]string{"debug": "is not a known query parameter"}}},
		{"limit=0 gets 400", get("/api/v1/cases?limit=0", asCaseworker),
			want{400, query, map[string]string{"limit": "must be a whole number from 1 to 200"}}},
		{"limit=abc gets 400", get("/api/v1/cases?limit=abc", asCaseworker),
			want{400, query, map[string]string{"limit": "must be a whole number from 1 to 200"}}},
		{"limit=201 gets 400", get("/api/v1/users?limit=201", asCaseworker),
			want{400, query, map[string]string{"limit": "must be a whole number from 1 to 200"}}},
		{"a parameter given twice gets 400", get("/api/v1/cases?limit=1&limit=2", asCaseworker),
			want{400, query, map[string]string{"limit": "must be given at most once"}}},
		{"sort=bogus gets 400", get("/api/v1/cases?sort=bogus", asCaseworker),
			want{400, query, map[string]string{"sort": "must be one of updated_at, -updated_at"}}},
		{"follow_up_overdue=maybe gets 400", get("/api/v1/cases?follow_up_overdue=maybe", asCaseworker),
			want{400, query, map[string]string{"follow_up_overdue": "must be true or false"}}},
		{"phase=x gets 400", get("/api/v1/cases?phase=x", asCaseworker),
			want{400, query, map[string]string{"phase": "must be one of sagsaabning"}}},
		{"status=x gets 400", get("/api/v1/cases?status=x", asCaseworker),
			want{400, query, map[string]string{"status": "must be one of open, closed"}}},
		{"a bad team_id filter gets 400", get("/api/v1/cases?team_id=nope", asCaseworker),
			want{400, query, map[string]string{"team_id": "must be a UUID"}}},
		{"a one-letter name search gets 400", get("/api/v1/cases?q=a", asCaseworker),
			want{400, query, map[string]string{"q": "must be at least 2 characters"}}},
		{"every bad query parameter is named at once",
			get("/api/v1/cases?limit=0&sort=bogus&phase=x&follow_up_overdue=maybe&colour=red", asCaseworker),
			want{400, query, map[string]string{"limit": "whole number", "sort": "must be one of", "phase": "must be one of",
				"follow_up_overdue": "true or false", "colour": "not a known"}}},
		{"a garbage case cursor gets 400", get("/api/v1/cases?cursor=garbage", asCaseworker),
			want{400, "The cursor is not valid; start again from the first page.", map[string]string{"cursor": "is not a cursor this server issued"}}},
		{"a cursor of another sort order gets 400", get("/api/v1/cases?cursor=eyJzIjoibmFtZSJ9", asCaseworker),
			want{400, "The cursor belongs to another sort order; start again from the first page.", map[string]string{"cursor": "does not match sort"}}},
		{"a garbage user cursor gets 400", get("/api/v1/users?cursor=%25%25%25", asCaseworker),
			want{400, "The cursor is not valid; start again from the first page.", map[string]string{"cursor": "is not a cursor"}}},
		{"a garbage audit cursor gets 400", get("/api/v1/audit?cursor=garbage", asLeader),
			want{400, "The cursor is not valid; start again from the first page.", map[string]string{"cursor": "is not a cursor"}}},
		{"a bad audit date gets 400", get("/api/v1/audit?from=yesterday", asLeader),
			want{400, query, map[string]string{"from": "must be a date"}}},
		{"a bad role filter gets 400", get("/api/v1/users?role=king", asAdmin),
			want{400, query, map[string]string{"role": "must be one of admin, leader, caseworker, analyst"}}},

		// --- preconditions ---
		{"a change without If-Match gets 428", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "PATCH", Path: f.caseURL, Token: f.cw.Token, Body: map[string]any{"legal_basis": "sel_107"}}
		}, want{428, "Send the If-Match header with the ETag you received, so that no one else's changes are overwritten.", nil}},
		{"closing without If-Match gets 428", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: f.caseURL + "/close", Token: f.cw.Token, Body: map[string]any{"reason": "moved"}}
		}, want{428, "", nil}},
		{"renaming a team without If-Match gets 428", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "PATCH", Path: "/api/v1/teams/" + f.team.ID.String(), Token: f.adminToken, Body: map[string]any{"name": "Syd"}}
		}, want{428, "", nil}},
		{"a garbage If-Match gets 412", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "PATCH", Path: f.caseURL, Token: f.cw.Token, Body: map[string]any{"legal_basis": "sel_107"},
				Headers: map[string]string{"If-Match": "banana"}}
		}, want{412, "The If-Match header does not match any version of this resource.", nil}},
		{"If-Match: * gets 412", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: f.caseURL + "/phase", Token: f.cw.Token, Body: map[string]any{"to": "sagsoplysning"},
				Headers: map[string]string{"If-Match": "*"}}
		}, want{412, "The If-Match header does not match any version of this resource.", nil}},

		// --- routing ---
		{"an unknown /api/v1 route gets a 404 problem", get("/api/v1/nothing-here", asCaseworker),
			want{404, "No such API resource.", nil}},
		{"an unknown /api/v1 route gets a 404 problem without a token too", get("/api/v1/nothing-here", asNobody),
			want{404, "No such API resource.", nil}},
		{"an unknown /api route gets a 404 problem, not the app", get("/api/v2/cases", asNobody),
			want{404, "No such API resource.", nil}},
		{"a wrong method on a case gets 405", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "DELETE", Path: f.caseURL, Token: f.cw.Token}
		}, want{405, "This method is not allowed on this resource.", nil}},
		{"a wrong method on /me gets 405", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "PUT", Path: "/api/v1/me", Token: f.cw.Token, Body: map[string]any{}}
		}, want{405, "This method is not allowed on this resource.", nil}},
		{"a wrong method on the login gets 405 without a token", get("/api/v1/auth/login", asNobody),
			want{405, "This method is not allowed on this resource.", nil}},

		// --- the rest of the vocabulary, for the shape check ---
		{"no token gets 401", get("/api/v1/cases", asNobody),
			want{401, "Send an access token as 'Authorization: Bearer <token>'.", nil}},
		{"a forged token gets 401", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "GET", Path: "/api/v1/me", Token: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."}
		}, want{401, "The access token is not valid or has expired.", nil}},
		{"an admin reading a case gets 403", get("/api/v1/cases", asAdmin),
			want{403, "Your role does not give access to case content.", nil}},
		{"reopening an open case gets 409", func(f *fixture) testkit.Req {
			return testkit.Req{Method: "POST", Path: f.caseURL + "/reopen", Token: f.cw.Token, Body: map[string]any{},
				Headers: map[string]string{"If-Match": `"1"`}}
		}, want{409, "The case is already open.", nil}},
	}
}

func TestBadInputNeverGives500(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			f := newFixture(t, dialect)
			for _, sc := range scenarios() {
				t.Run(sc.name, func(t *testing.T) {
					r := f.env.Send(sc.req(f))
					checkProblem(t, r, sc.want)
				})
			}

			t.Run("a stale If-Match gets 412 with the current ETag", func(t *testing.T) {
				r := f.env.Do("PATCH", f.caseURL, f.cw.Token, map[string]any{"legal_basis": "sel_107"}, "If-Match", `"7"`)
				checkProblem(t, r, want{412, "Someone else has changed this since you opened it. Reload to see their changes, then apply yours again.", nil})
				if r.JSON["current_etag"] != `"1"` {
					t.Errorf("current_etag = %v, want \"1\"", r.JSON["current_etag"])
				}
			})

			t.Run("a wrong method answers Allow with the path's methods", func(t *testing.T) {
				r := f.env.Do("DELETE", f.caseURL, f.cw.Token, nil)
				if got := r.Header.Get("Allow"); got != "GET, PATCH" {
					t.Errorf("Allow = %q, want \"GET, PATCH\"", got)
				}
			})

			t.Run("a chunked body over 1 MiB gets 413", func(t *testing.T) {
				body := io.MultiReader(strings.NewReader(`{"legal_basis_note": "`),
					strings.NewReader(strings.Repeat("x", bodyLimit)), strings.NewReader(`"}`))
				req, err := http.NewRequest("POST", f.env.Server.URL+"/api/v1/cases", body)
				if err != nil {
					t.Fatal(err)
				}
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+f.cw.Token)
				resp, err := f.env.Server.Client().Do(req)
				if err != nil {
					t.Fatalf("chunked request: %v", err)
				}
				defer resp.Body.Close()
				if req.ContentLength != 0 {
					t.Fatalf("request was not chunked (length %d)", req.ContentLength)
				}
				b, _ := io.ReadAll(resp.Body)
				checkProblem(t, testkit.Response{Status: resp.StatusCode, Header: resp.Header, Body: b, JSON: decode(b)},
					want{413, fmt.Sprintf("The request body is larger than the allowed %d bytes.", bodyLimit), nil})
			})

			t.Run("a case with many bad fields gets 422 naming all of them", func(t *testing.T) {
				r := f.env.Do("POST", "/api/v1/cases", f.cw.Token, map[string]any{
					"team_id": f.team.ID, "citizen": map[string]any{"name": "", "cpr": "123"},
					"legal_basis": "sel_999", "target_group": "everyone", "dreams": []map[string]any{{"text": "Hund"}, {"text": ""}},
					"follow_up_cadence": "sometimes", "next_follow_up_date": "tomorrow",
				})
				checkProblem(t, r, want{422, "The request has invalid fields.", map[string]string{
					"citizen.name": "is required", "citizen.cpr": "", "legal_basis": "", "target_group": "",
					"dreams[1].text": "is required", "follow_up_cadence": "", "next_follow_up_date": "",
				}})
				if n := len(fieldErrors(r)); n != 7 {
					t.Errorf("%d field errors, want 7: %s", n, r.Body)
				}
			})

			t.Run("a user with many bad fields gets 422 naming all of them", func(t *testing.T) {
				r := f.env.Do("POST", "/api/v1/users", f.adminToken, map[string]any{
					"email": "not-an-email", "name": "", "role": "king", "password": "short"})
				checkProblem(t, r, want{422, "The request has invalid fields.", map[string]string{
					"email": "is not a valid email address", "name": "is required", "role": "must be one of", "password": "at least 12"}})
			})

			t.Run("a failed create leaves no case, no phase history and no audit row", func(t *testing.T) {
				before := counts(t, f)
				name := "Halvt Skrevet"
				for _, body := range []map[string]any{
					{"team_id": f.team.ID, "citizen": map[string]any{"name": name, "cpr": "3213001234"}, "legal_basis": "sel_85", "target_group": "autism"},
					{"team_id": f.team.ID, "citizen": map[string]any{"name": name, "cpr": testkit.NextCPR()}, "legal_basis": "sel_85", "target_group": "nobody"},
					{"team_id": f.team.ID, "citizen": map[string]any{"name": name, "cpr": testkit.NextCPR()}, "legal_basis": "sel_85",
						"target_group": "autism", "caseworker_id": f.admin.ID},
				} {
					r := f.env.Do("POST", "/api/v1/cases", f.cw.Token, body)
					if r.Status != 422 {
						t.Fatalf("create: %d %s", r.Status, r.Body)
					}
				}
				r := f.env.Send(createCase(`{"citizen": {"name": "Halvt Skrevet"}, "x": 1}`)(f))
				checkProblem(t, r, want{400, "", map[string]string{"x": "is not a known field"}})
				after := counts(t, f)
				if after != before {
					t.Errorf("rows before %+v, after %+v", before, after)
				}
				var n int64
				if err := f.env.App.DB.Conn(context.Background()).Table("cases").Where("citizen_name = ?", name).Count(&n).Error; err != nil {
					t.Fatal(err)
				}
				if n != 0 {
					t.Errorf("%d half-written cases", n)
				}
			})
		})
	}
}

type rowCounts struct{ cases, transitions, created, audit int64 }

func counts(t *testing.T, f *fixture) rowCounts {
	t.Helper()
	db := f.env.App.DB.Conn(context.Background())
	var c rowCounts
	for _, q := range []struct {
		n     *int64
		table string
		where string
	}{{&c.cases, "cases", ""}, {&c.transitions, "case_phase_transitions", ""}, {&c.created, "audit_events", "action = 'case.created'"}} {
		tx := db.Table(q.table)
		if q.where != "" {
			tx = tx.Where(q.where)
		}
		if err := tx.Count(q.n).Error; err != nil {
			t.Fatalf("count %s: %v", q.table, err)
		}
	}
	return c
}

func TestHeaders(t *testing.T) {
	f := newFixture(t, "sqlite")
	paths := []struct{ name, method, path, token string }{
		{"an API answer", "GET", "/api/v1/me", f.cw.Token},
		{"an API problem", "GET", "/api/v1/cases", ""},
		{"an unknown API route", "GET", "/api/v1/nothing", ""},
		{"a wrong method", "DELETE", "/api/v1/me", f.cw.Token},
		{"a public API answer", "POST", "/api/v1/auth/logout", ""},
		{"the health check", "GET", "/healthz", ""},
		{"the app", "GET", "/", ""},
	}
	for _, p := range paths {
		t.Run(p.name+" carries the security headers and a request id", func(t *testing.T) {
			var body any
			if p.method == "POST" {
				body = map[string]any{"refresh_token": "unknown"}
			}
			r := f.env.Do(p.method, p.path, p.token, body)
			for h, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
				"Referrer-Policy": "no-referrer", "Strict-Transport-Security": "max-age=31536000; includeSubDomains"} {
				if got := r.Header.Get(h); got != v {
					t.Errorf("%s = %q, want %q", h, got, v)
				}
			}
			if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("Content-Security-Policy = %q", csp)
			}
			if id := r.Header.Get("X-Request-Id"); len(id) < 16 {
				t.Errorf("X-Request-Id = %q", id)
			}
			if strings.HasPrefix(p.path, "/api/v1/") {
				for _, h := range []string{"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} {
					if r.Header.Get(h) == "" {
						t.Errorf("%s missing on %s %s (%d)", h, p.method, p.path, r.Status)
					}
				}
			}
		})
	}

	t.Run("a plain caller request id is kept and quoted in the problem", func(t *testing.T) {
		r := f.env.Do("GET", "/api/v1/cases", "", nil, "X-Request-Id", "trace-42.abc_DEF")
		if r.Header.Get("X-Request-Id") != "trace-42.abc_DEF" || r.JSON["instance"] != "urn:request:trace-42.abc_DEF" {
			t.Errorf("request id %q, instance %v", r.Header.Get("X-Request-Id"), r.JSON["instance"])
		}
	})
	t.Run("a caller request id with odd characters is replaced", func(t *testing.T) {
		r := f.env.Do("GET", "/api/v1/cases", "", nil, "X-Request-Id", `a"b<script>`)
		id := r.Header.Get("X-Request-Id")
		if id == "" || strings.ContainsAny(id, `"<>`) || r.JSON["instance"] != "urn:request:"+id {
			t.Errorf("request id %q, instance %v", id, r.JSON["instance"])
		}
	})
}

func TestRateLimitAnswers429Problem(t *testing.T) {
	env := testkit.Start(t, "sqlite", testkit.WithConfig(func(c *config.Config) { c.RateLimit = 3 }))
	var last testkit.Response
	for i := range 4 {
		last = env.Do("GET", "/api/v1/me", "", nil)
		if i < 3 && last.Status != 401 {
			t.Fatalf("request %d: %d %s", i, last.Status, last.Body)
		}
		if want := fmt.Sprint(max(0, 2-i)); i < 3 && last.Header.Get("RateLimit-Remaining") != want {
			t.Errorf("request %d: RateLimit-Remaining = %q, want %s", i, last.Header.Get("RateLimit-Remaining"), want)
		}
	}
	checkProblem(t, last, want{429, "Too many requests from this address. Wait and try again.", nil})
	if last.Header.Get("Retry-After") == "" || last.Header.Get("RateLimit-Limit") != "3" {
		t.Errorf("Retry-After %q, RateLimit-Limit %q", last.Header.Get("Retry-After"), last.Header.Get("RateLimit-Limit"))
	}
}

// TestLogsHoldNoSecrets runs requests that carry CPR numbers, passwords and
// tokens, good and bad, and then reads everything the server logged.
func TestLogsHoldNoSecrets(t *testing.T) {
	for _, dialect := range testkit.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			f := newFixture(t, dialect)
			env := f.env
			cpr := testkit.NextCPR()
			secrets := []string{cpr, cpr[:6] + "-" + cpr[6:], f.cw.Password, f.cw.Token, f.admin.Token}

			login := env.Do("POST", "/api/v1/auth/login", "", map[string]any{"email": f.cw.Email, "password": f.cw.Password})
			refresh, _ := login.JSON["refresh_token"].(string)
			access, _ := login.JSON["access_token"].(string)
			renewed := env.Do("POST", "/api/v1/auth/refresh", "", map[string]any{"refresh_token": refresh})
			refresh2, _ := renewed.JSON["refresh_token"].(string)
			access2, _ := renewed.JSON["access_token"].(string)
			if refresh == "" || refresh2 == "" || access == "" || access2 == "" {
				t.Fatalf("login %d / refresh %d", login.Status, renewed.Status)
			}
			secrets = append(secrets, refresh, access, refresh2, access2)

			env.Do("POST", "/api/v1/auth/login", "", map[string]any{"email": f.cw.Email, "password": "wrong " + f.cw.Password})
			c := env.Do("POST", "/api/v1/cases", access2, map[string]any{"team_id": f.team.ID,
				"citizen": map[string]any{"name": "Logfri Borger", "cpr": cpr}, "legal_basis": "sel_85", "target_group": "autism"})
			if c.Status != 201 {
				t.Fatalf("create: %d %s", c.Status, c.Body)
			}
			id, _ := c.JSON["id"].(string)
			env.Do("GET", "/api/v1/cases/"+id+"/cpr", access2, nil)
			env.Do("POST", "/api/v1/cases/cpr-lookup", access2, map[string]any{"cpr": cpr})
			env.Do("GET", "/api/v1/cases?q="+cpr, access2, nil)
			env.Do("GET", "/api/v1/cases?q="+cpr+"&bogus="+cpr, access2, nil)
			env.Send(testkit.Req{Method: "POST", Path: "/api/v1/cases", Token: access2, Headers: jsonHeaders(),
				RawBody: `{"citizen": {"cpr": "` + cpr + `"}, "team_id": "` + cpr + `"}`})
			env.Send(testkit.Req{Method: "POST", Path: "/api/v1/cases", Token: access2, Headers: jsonHeaders(),
				RawBody: `{"citizen": {"cpr": "` + cpr + `"`})
			env.Do("PATCH", "/api/v1/cases/"+id, access2, map[string]any{"citizen": map[string]any{"cpr": cpr + "9"}}, "If-Match", `"1"`)
			env.Do("GET", "/api/v1/me", access2+"x", nil)
			env.Do("GET", "/api/v1/nothing/"+cpr, access2, nil)
			env.Do("POST", "/api/v1/auth/refresh", "", map[string]any{"refresh_token": refresh}) // reuse: family revoked
			env.Do("POST", "/api/v1/auth/logout", "", map[string]any{"refresh_token": refresh2})

			logs := env.Logs.String()
			if !strings.Contains(logs, `"msg":"request"`) {
				t.Fatalf("no access log lines captured:\n%s", logs)
			}
			for _, s := range secrets {
				if strings.Contains(logs, s) {
					t.Errorf("the server log holds a secret %.12s…", s)
				}
			}
		})
	}
}

// --- helpers ---

func decode(b []byte) map[string]any {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil
	}
	return m
}

func fieldErrors(r testkit.Response) map[string]string {
	out := map[string]string{}
	list, _ := r.JSON["errors"].([]any)
	for _, e := range list {
		m, _ := e.(map[string]any)
		f, _ := m["field"].(string)
		msg, _ := m["message"].(string)
		out[f] = msg
	}
	return out
}

// checkProblem asserts an RFC 9457 problem: status, media type, stable type,
// title, status member, detail, the request id as instance, and the field
// errors.
func checkProblem(t *testing.T, r testkit.Response, w want) {
	t.Helper()
	if r.Status != w.status {
		t.Fatalf("status %d, want %d: %s", r.Status, w.status, truncate(r.Body))
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	if r.JSON == nil {
		t.Fatalf("body is not a JSON object: %s", truncate(r.Body))
	}
	typ, _ := r.JSON["type"].(string)
	if !strings.HasPrefix(typ, problemTypeBase) || typ != problemTypeBase+problemTypes[w.status] {
		t.Errorf("type %q, want %s%s", typ, problemTypeBase, problemTypes[w.status])
	}
	if title, _ := r.JSON["title"].(string); title == "" {
		t.Error("no title")
	}
	if s, _ := r.JSON["status"].(float64); int(s) != w.status {
		t.Errorf("status member %v, want %d", r.JSON["status"], w.status)
	}
	detail, _ := r.JSON["detail"].(string)
	if detail == "" || (w.detail != "" && detail != w.detail) {
		t.Errorf("detail %q, want %q", detail, w.detail)
	}
	id := r.Header.Get("X-Request-Id")
	if inst, _ := r.JSON["instance"].(string); id == "" || inst != "urn:request:"+id {
		t.Errorf("instance %q does not name the request id %q", inst, id)
	}
	got := fieldErrors(r)
	for f, msg := range w.fields {
		m, ok := got[f]
		if !ok || m == "" || !strings.Contains(m, msg) {
			t.Errorf("field %q: message %q, want one containing %q (all: %v)", f, m, msg, got)
		}
	}
	if len(w.fields) == 0 && len(got) > 0 {
		t.Errorf("unexpected field errors %v", got)
	}
	if len(w.fields) > 0 && len(got) != len(w.fields) && w.status != 422 {
		t.Errorf("field errors %v, want exactly %v", got, w.fields)
	}
}

func truncate(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}
