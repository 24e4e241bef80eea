package cases_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

const msgInvalidCPR = "is not a valid CPR number (DDMMYY-SSSS)"

// storedCitizen is the citizen's CPR columns as the database holds them.
type storedCitizen struct {
	Enc    string `gorm:"column:citizen_cpr_enc"`
	Hash   string `gorm:"column:citizen_cpr_hash"`
	Masked string `gorm:"column:citizen_cpr_masked"`
}

func TestCaseCPR(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			ctx := context.Background()
			nord, syd := env.Team("Nord"), env.Team("Syd")
			cw := env.User(actor.RoleCaseworker, nord)
			leader := env.User(actor.RoleLeader, nord, syd)
			cwSyd := env.User(actor.RoleCaseworker, syd)
			analyst := env.User(actor.RoleAnalyst, nord)

			create := func(t *testing.T, team uuid.UUID, cpr string) testkit.Response {
				t.Helper()
				return s.do(t, post, "/api/v1/cases", cw.Token, map[string]any{"team_id": team,
					"citizen": map[string]any{"name": "Bo Borger", "cpr": cpr}, "legal_basis": "sel_85", "target_group": "autism"})
			}
			stored := func(t *testing.T, id any) storedCitizen {
				t.Helper()
				var sc storedCitizen
				if err := env.App.DB.Conn(ctx).Table("cases").Select("citizen_cpr_enc, citizen_cpr_hash, citizen_cpr_masked").
					Where("id = ?", fmt.Sprint(id)).Take(&sc).Error; err != nil {
					t.Fatalf("read case %v: %v", id, err)
				}
				return sc
			}

			t.Run("invalid CPR numbers are refused on citizen.cpr", func(t *testing.T) {
				for _, tc := range []struct{ name, cpr, msg string }{
					{"31 February", "310290-1234", msgInvalidCPR},
					{"month 13", "0113901234", msgInvalidCPR},
					{"replacement of day 32", "920190-1234", msgInvalidCPR},
					{"letters", "01019O-1234", msgInvalidCPR},
					{"nine digits", "010190-123", msgInvalidCPR},
					{"missing", "", "is required"},
					{"date of birth in the future", "010136-4000", "has a date of birth in the future"},
				} {
					t.Run(tc.name, func(t *testing.T) {
						if len(strings.ReplaceAll(tc.cpr, "-", "")) == 10 {
							s.remember(tc.cpr) // a refused number must not be echoed either
						}
						wantProblem(t, create(t, nord.ID, tc.cpr), 422, msgInvalid, fieldErr{"citizen.cpr", tc.msg})
					})
				}
			})

			t.Run("ordinary and replacement numbers are accepted, with or without dash, and shown masked", func(t *testing.T) {
				for _, cpr := range []string{s.remember("010190-1235"), s.remember("0202851236"), s.remember("610190-1237"), s.remember("9112854001"), s.cpr()} {
					r := create(t, nord.ID, cpr)
					wantStatus(t, r, 201)
					digits := strings.ReplaceAll(cpr, "-", "")
					if got, want := str(r.JSON, "citizen.cpr"), digits[:6]+"-xxxx"; got != want {
						t.Errorf("%s-xxxx: shown as %q, want %q", digits[:6], got, want)
					}
				}
			})

			t.Run("changing the CPR number validates it and re-keys the case", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				before := stored(t, c.ID)
				r := s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"citizen": map[string]any{"cpr": "310290-1234"}}, "If-Match", `"1"`)
				wantProblem(t, r, 422, msgInvalid, fieldErr{"citizen.cpr", msgInvalidCPR})
				next := s.cpr()
				r = s.do(t, patch, casePath(c.ID), cw.Token, map[string]any{"citizen": map[string]any{"cpr": next}}, "If-Match", `"1"`)
				wantStatus(t, r, 200)
				if got := str(r.JSON, "citizen.cpr"); got != next[:6]+"-xxxx" || str(r.JSON, "citizen.name") != "Test Borger" {
					t.Errorf("citizen after CPR change = %v", r.JSON["citizen"])
				}
				after := stored(t, c.ID)
				if after.Hash == before.Hash || after.Enc == before.Enc || after.Masked != next[:6]+"-xxxx" {
					t.Errorf("CPR change did not re-key the case: hash changed %v, ciphertext changed %v, masked %q",
						after.Hash != before.Hash, after.Enc != before.Enc, after.Masked)
				}
				rev := env.Do(get, casePath(c.ID, "/cpr"), cw.Token, nil)
				if str(rev.JSON, "cpr") != next[:6]+"-"+next[6:] {
					t.Errorf("revealed %q after change", str(rev.JSON, "cpr"))
				}
			})

			t.Run("lookup finds exactly the actor's own teams' cases for the number", func(t *testing.T) {
				shared, alone := s.cpr(), s.cpr()
				n1, n2 := s.newCase(t, cw, nord, func(n *cases.NewCase) { n.CitizenCPR = shared }), s.newCase(t, cw, nord, func(n *cases.NewCase) { n.CitizenCPR = shared })
				sy := s.newCase(t, cwSyd, syd, func(n *cases.NewCase) { n.CitizenCPR = shared })
				s.newCase(t, cw, nord, func(n *cases.NewCase) { n.CitizenCPR = alone })
				dashed := shared[:6] + "-" + shared[6:]
				for _, tc := range []struct {
					name string
					who  testkit.User
					cpr  string
					want []uuid.UUID
				}{
					{"caseworker finds both own-team cases, not the other team's", cw, shared, []uuid.UUID{n1.ID, n2.ID}},
					{"the dashed form finds the same", cw, dashed, []uuid.UUID{n1.ID, n2.ID}},
					{"the other team's caseworker finds only theirs", cwSyd, shared, []uuid.UUID{sy.ID}},
					{"a leader of both teams finds all three", leader, shared, []uuid.UUID{n1.ID, n2.ID, sy.ID}},
					{"a number on no case in the team finds nothing", cwSyd, alone, nil},
					{"an unknown number finds nothing", cw, s.cpr(), nil},
				} {
					t.Run(tc.name, func(t *testing.T) {
						r := s.do(t, post, "/api/v1/cases/cpr-lookup", tc.who.Token, map[string]any{"cpr": tc.cpr})
						wantStatus(t, r, 200)
						got := itemIDs(r)
						var want []string
						for _, id := range tc.want {
							want = append(want, id.String())
						}
						sort.Strings(got)
						sort.Strings(want)
						if !slices.Equal(got, want) {
							t.Errorf("found %v, want %v", got, want)
						}
						for _, it := range list(r.JSON, "items") {
							if got := str(it.(map[string]any), "citizen.cpr"); got != shared[:6]+"-xxxx" {
								t.Errorf("item shows cpr %q", got)
							}
						}
					})
				}
				t.Run("limit bounds the page and signals more matches", func(t *testing.T) {
					r := s.do(t, post, "/api/v1/cases/cpr-lookup", leader.Token, map[string]any{"cpr": shared, "limit": 2})
					wantStatus(t, r, 200)
					if len(itemIDs(r)) != 2 || str(r.JSON, "next_cursor") == "" {
						t.Errorf("limit 2: %d items, cursor %q", len(itemIDs(r)), str(r.JSON, "next_cursor"))
					}
					next := s.do(t, post, "/api/v1/cases/cpr-lookup", leader.Token,
						map[string]any{"cpr": shared, "limit": 2, "cursor": str(r.JSON, "next_cursor")})
					wantStatus(t, next, 200)
					seen := map[string]bool{}
					for _, id := range append(itemIDs(r), itemIDs(next)...) {
						if seen[id] {
							t.Errorf("case %s on both pages", id)
						}
						seen[id] = true
					}
					if len(itemIDs(next)) == 0 {
						t.Error("the next page of matches is empty")
					}
				})
				t.Run("bad lookups are refused", func(t *testing.T) {
					wantProblem(t, s.do(t, post, "/api/v1/cases/cpr-lookup", cw.Token, map[string]any{"cpr": "310290-1234"}), 422, msgInvalid,
						fieldErr{"cpr", msgInvalidCPR})
					wantProblem(t, s.do(t, post, "/api/v1/cases/cpr-lookup", cw.Token, map[string]any{"cpr": shared, "limit": 201}), 422, msgInvalid,
						fieldErr{"limit", "must be from 1 to 200"})
					wantProblem(t, s.do(t, post, "/api/v1/cases/cpr-lookup", analyst.Token, map[string]any{"cpr": shared}), 403, msgNoRole)
				})
				t.Run("equal numbers have equal hashes, different numbers different ones, and no column holds the digits", func(t *testing.T) {
					a, b, c := stored(t, n1.ID), stored(t, sy.ID), stored(t, s.newCase(t, cw, nord).ID)
					if a.Hash == "" || a.Hash != b.Hash {
						t.Errorf("same CPR in two cases: hashes %q and %q", a.Hash, b.Hash)
					}
					if a.Hash == c.Hash {
						t.Errorf("different CPR numbers share the hash %q", a.Hash)
					}
					if a.Enc == b.Enc {
						t.Errorf("same CPR encrypts to the same ciphertext twice: not randomised")
					}
					if a.Masked != shared[:6]+"-xxxx" {
						t.Errorf("masked column = %q", a.Masked)
					}
				})
			})

			t.Run("reveal shows the number with a dash to own teams only", func(t *testing.T) {
				cpr := s.cpr()
				c := s.newCase(t, cw, nord, func(n *cases.NewCase) { n.CitizenCPR = cpr })
				r := env.Do(get, casePath(c.ID, "/cpr"), cw.Token, nil)
				wantStatus(t, r, 200)
				if got, want := str(r.JSON, "cpr"), cpr[:6]+"-"+cpr[6:]; got != want {
					t.Errorf("revealed %q, want %q", got, want)
				}
				if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
					t.Errorf("Cache-Control = %q", cc)
				}
				wantProblem(t, s.do(t, get, casePath(c.ID, "/cpr"), cwSyd.Token, nil), 404, "No case with id "+c.ID.String()+".")
				wantProblem(t, s.do(t, get, casePath(c.ID, "/cpr"), analyst.Token, nil), 403, msgNoRole)
			})

			t.Run("reads and lists show the number masked only", func(t *testing.T) {
				c := s.newCase(t, cw, nord)
				s.do(t, get, casePath(c.ID), cw.Token, nil)
				for _, sortName := range cases.SortNames() {
					s.do(t, get, "/api/v1/cases?limit=200&sort="+sortName, leader.Token, nil)
				}
				s.do(t, get, "/api/v1/cases?q=borger", cw.Token, nil)
			})

			// Everything this suite sent is now in the database and the logs.
			t.Run("the database and the logs hold no CPR number in clear", func(t *testing.T) {
				tables := []string{"cases", "case_phase_transitions", "audit_events"}
				for _, table := range tables {
					var rows []map[string]any
					if err := env.App.DB.Conn(ctx).Table(table).Find(&rows).Error; err != nil {
						t.Fatalf("read %s: %v", table, err)
					}
					if len(rows) == 0 {
						t.Fatalf("%s is empty", table)
					}
					for _, row := range rows {
						for col, v := range row {
							text := fmt.Sprint(v)
							if b, ok := v.([]byte); ok {
								text = string(b)
							}
							for _, cpr := range s.cprs {
								if strings.Contains(text, cpr) || strings.Contains(text, cpr[:6]+"-"+cpr[6:]) {
									t.Errorf("%s.%s holds CPR %s-xxxx in clear: %q", table, col, cpr[:6], text)
								}
							}
						}
					}
				}
				logs := env.Logs.String()
				for _, cpr := range s.cprs {
					if strings.Contains(logs, cpr) || strings.Contains(logs, cpr[:6]+"-"+cpr[6:]) {
						t.Errorf("server log holds CPR %s-xxxx", cpr[:6])
					}
				}
			})
		})
	}
}
