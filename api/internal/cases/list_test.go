package cases_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// seeded is what the test knows about a case it opened, to compute the
// expected answer of a list independently of the server.
type seeded struct {
	id           uuid.UUID
	team         uuid.UUID
	caseworker   uuid.UUID
	name         string
	phase        string
	status       string
	next         string // YYYY-MM-DD or ""
	openedAt     time.Time
	updatedAt    time.Time
	nameSearch   string
	nextSortable string
}

// keyRow is a case's keyset columns as stored.
type keyRow struct {
	ID        uuid.UUID `gorm:"column:id"`
	OpenedAt  time.Time `gorm:"column:opened_at"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

const (
	msgBadQuery    = "The query string has invalid parameters."
	msgBadCursor   = "The cursor is not valid; start again from the first page."
	msgCursorSort  = "The cursor belongs to another sort order; start again from the first page."
	msgLimitBounds = "must be a whole number from 1 to 200"
)

func TestCaseList(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			s := newSuite(t, d)
			env := s.env
			ctx := context.Background()
			teamA, teamB, teamQ := env.Team("Liste A"), env.Team("Liste B"), env.Team("Søgning")
			cwA := env.User(actor.RoleCaseworker, teamA)
			cwA2 := env.User(actor.RoleCaseworker, teamA)
			leaderAB := env.User(actor.RoleLeader, teamA, teamB)
			cwB := env.User(actor.RoleCaseworker, teamB)
			cwQ := env.User(actor.RoleCaseworker, teamQ)

			today := env.App.Cases.Today().Format(time.DateOnly) // the municipality's date, not UTC's
			past, future := "2024-06-01", "2031-01-15"
			// 23 cases in A with repeated names and dates so that every sort
			// has ties the id must break; 3 in B.
			names := []string{"borger c", "Borger A", "borger b", "borger a", "Borger B", "borger e", "borger d"}
			nexts := []string{"", past, future, "", future, "2030-03-03", past, ""}
			var all []*seeded
			open := func(u testkit.User, team identity.Team, i int) *seeded {
				sd := &seeded{team: team.ID, caseworker: u.ID, name: names[i%len(names)], next: nexts[i%len(nexts)],
					phase: "sagsaabning", status: "open"}
				v := s.newCase(t, u, team, func(n *cases.NewCase) {
					n.CitizenName, n.NextFollowUp = sd.name, sd.next
					if i%5 == 0 {
						n.CaseworkerID = &cwA2.ID
						sd.caseworker = cwA2.ID
					}
				})
				sd.id = v.ID
				all = append(all, sd)
				return sd
			}
			for i := 0; i < 23; i++ {
				sd := open(cwA, teamA, i)
				switch i % 4 {
				case 1:
					if _, _, err := env.App.Cases.MovePhase(ctx, cwA.Actor(), sd.id, 1, cases.PhaseInvestigation, ""); err != nil {
						t.Fatal(err)
					}
					sd.phase = "sagsoplysning"
				case 2:
					if _, err := env.App.Cases.Close(ctx, cwA.Actor(), sd.id, 1, "moved", ""); err != nil {
						t.Fatal(err)
					}
					sd.status = "closed"
				}
			}
			for i := 0; i < 3; i++ {
				open(cwB, teamB, i+1)
			}
			// Ties on the time columns, written directly: 4 cases opened and 4
			// updated in the same microsecond.
			// Around them, times within the same second with fractions of
			// different lengths: SQLite compares stored times as text.
			tie := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			for i, set := range []struct {
				col string
				at  time.Time
			}{
				{"opened_at", tie}, {"opened_at", tie}, {"opened_at", tie}, {"opened_at", tie},
				{"updated_at", tie.Add(600 * time.Millisecond)}, {"updated_at", tie.Add(600 * time.Millisecond)},
				{"updated_at", tie.Add(600 * time.Millisecond)}, {"updated_at", tie.Add(600 * time.Millisecond)},
				{"opened_at", tie.Add(500 * time.Millisecond)}, {"opened_at", tie.Add(450 * time.Millisecond)},
				{"opened_at", tie.Add(time.Microsecond)}, {"updated_at", tie.Add(600*time.Millisecond + time.Microsecond)},
				{"updated_at", tie.Add(599 * time.Millisecond)}, {"updated_at", tie.Add(time.Second)},
			} {
				if err := env.App.DB.Conn(ctx).Exec("UPDATE cases SET "+set.col+" = ? WHERE id = ?", set.at, all[i].id).Error; err != nil {
					t.Fatal(err)
				}
			}
			var keys []keyRow
			if err := env.App.DB.Conn(ctx).Table("cases").Select("id, opened_at, updated_at").Scan(&keys).Error; err != nil {
				t.Fatal(err)
			}
			byID := map[uuid.UUID]*seeded{}
			for _, sd := range all {
				byID[sd.id] = sd
				sd.nameSearch = strings.ToLower(sd.name)
				sd.nextSortable = sd.next
				if sd.next == "" {
					sd.nextSortable = "9999-12-31"
				}
			}
			for _, k := range keys {
				if sd := byID[k.ID]; sd != nil {
					sd.openedAt, sd.updatedAt = k.OpenedAt, k.UpdatedAt
				}
			}

			// expected orders A's cases by the sort, ties by id.
			expected := func(cs []*seeded, sortName string) []string {
				desc := strings.HasPrefix(sortName, "-")
				cmp := func(a, b *seeded) int {
					switch strings.TrimPrefix(sortName, "-") {
					case "updated_at":
						return a.updatedAt.Compare(b.updatedAt)
					case "opened_at":
						return a.openedAt.Compare(b.openedAt)
					case "name":
						return strings.Compare(a.nameSearch, b.nameSearch)
					case "next_follow_up":
						return strings.Compare(a.nextSortable, b.nextSortable)
					}
					panic(sortName)
				}
				sorted := slices.Clone(cs)
				slices.SortFunc(sorted, func(a, b *seeded) int {
					c := cmp(a, b)
					if c == 0 {
						c = strings.Compare(a.id.String(), b.id.String())
					}
					if desc {
						c = -c
					}
					return c
				})
				out := make([]string, len(sorted))
				for i, sd := range sorted {
					out[i] = sd.id.String()
				}
				return out
			}
			inTeam := func(teams ...uuid.UUID) []*seeded {
				var out []*seeded
				for _, sd := range all {
					if slices.Contains(teams, sd.team) {
						out = append(out, sd)
					}
				}
				return out
			}

			t.Run("keyset pagination visits every case exactly once in order, for every sort", func(t *testing.T) {
				for _, sortName := range cases.SortNames() {
					t.Run(sortName, func(t *testing.T) {
						want := expected(inTeam(teamA.ID), sortName)
						var got []string
						cursor, pages := "", 0
						for {
							q := url.Values{"sort": {sortName}, "limit": {"5"}}
							if cursor != "" {
								q.Set("cursor", cursor)
							}
							r := s.do(t, get, "/api/v1/cases?"+q.Encode(), cwA.Token, nil)
							wantStatus(t, r, 200)
							pages++
							ids := itemIDs(r)
							got = append(got, ids...)
							cursor = str(r.JSON, "next_cursor")
							if cursor == "" {
								break
							}
							if len(ids) != 5 {
								t.Fatalf("page %d has %d items and a cursor", pages, len(ids))
							}
							if pages > 10 {
								t.Fatalf("more than 10 pages: cursor does not advance (got %v)", got)
							}
						}
						if pages != 5 || !slices.Equal(got, want) {
							t.Errorf("%d pages; order\n got  %v\n want %v", pages, label(got, byID, sortName), label(want, byID, sortName))
						}
					})
				}
			})

			t.Run("default order is most recently updated first", func(t *testing.T) {
				r := s.do(t, get, "/api/v1/cases?limit=200", cwA.Token, nil)
				wantStatus(t, r, 200)
				if got, want := itemIDs(r), expected(inTeam(teamA.ID), "-updated_at"); !slices.Equal(got, want) {
					t.Errorf("got %v\nwant %v", got, want)
				}
				if _, ok := r.JSON["next_cursor"]; ok {
					t.Errorf("a page with everything has a next_cursor")
				}
			})

			t.Run("filters combine", func(t *testing.T) {
				overdue := func(sd *seeded) bool { return sd.status == "open" && sd.next != "" && sd.next < today }
				tests := []struct {
					name  string
					who   testkit.User
					query string
					match func(sd *seeded) bool
				}{
					{"caseworker sees only own team", cwA, "", func(sd *seeded) bool { return sd.team == teamA.ID }},
					{"leader of two teams sees both", leaderAB, "", func(sd *seeded) bool { return true }},
					{"team_id narrows to one of the actor's teams", leaderAB, "team_id=" + teamB.ID.String(),
						func(sd *seeded) bool { return sd.team == teamB.ID }},
					{"team_id of a team the actor is not in gives nothing", cwA, "team_id=" + teamB.ID.String(),
						func(sd *seeded) bool { return false }},
					{"phase", leaderAB, "phase=sagsoplysning", func(sd *seeded) bool { return sd.phase == "sagsoplysning" }},
					{"status closed", leaderAB, "status=closed", func(sd *seeded) bool { return sd.status == "closed" }},
					{"status and phase", leaderAB, "status=open&phase=sagsaabning",
						func(sd *seeded) bool { return sd.status == "open" && sd.phase == "sagsaabning" }},
					{"caseworker_id", leaderAB, "caseworker_id=" + cwA2.ID.String(), func(sd *seeded) bool { return sd.caseworker == cwA2.ID }},
					{"follow_up_overdue=true", leaderAB, "follow_up_overdue=true", overdue},
					{"follow_up_overdue=false", leaderAB, "follow_up_overdue=false", func(sd *seeded) bool { return !overdue(sd) }},
					{"overdue and caseworker", leaderAB, "follow_up_overdue=true&caseworker_id=" + cwA2.ID.String(),
						func(sd *seeded) bool { return overdue(sd) && sd.caseworker == cwA2.ID }},
					{"q matches part of the name regardless of case", leaderAB, "q=" + url.QueryEscape("GER B"),
						func(sd *seeded) bool { return sd.nameSearch == "borger b" }},
					{"q with status, team and phase", leaderAB, "q=borger&status=open&phase=sagsaabning&team_id=" + teamA.ID.String(),
						func(sd *seeded) bool { return sd.team == teamA.ID && sd.status == "open" && sd.phase == "sagsaabning" }},
				}
				for _, tc := range tests {
					t.Run(tc.name, func(t *testing.T) {
						r := s.do(t, get, "/api/v1/cases?limit=200&sort=name&"+tc.query, tc.who.Token, nil)
						wantStatus(t, r, 200)
						var want []*seeded
						for _, sd := range all {
							if slices.Contains(tc.who.Actor().TeamIDs, sd.team) && tc.match(sd) {
								want = append(want, sd)
							}
						}
						got := itemIDs(r)
						if w := expected(want, "name"); !slices.Equal(got, w) {
							t.Errorf("got %d cases %v\nwant %d %v", len(got), label(got, byID, "name"), len(w), label(w, byID, "name"))
						}
						for _, it := range list(r.JSON, "items") {
							m := it.(map[string]any)
							sd := byID[uuid.MustParse(str(m, "id"))]
							if sd == nil {
								continue
							}
							if dig(m, "follow_up_overdue") != overdue(sd) || str(m, "caseworker.id") != sd.caseworker.String() ||
								str(m, "phase") != sd.phase || str(m, "status") != sd.status || str(m, "next_follow_up_date") != sd.next {
								t.Errorf("summary %v does not match the case %+v", m, *sd)
							}
						}
					})
				}
			})

			t.Run("q is case-insensitive for æøå and treats % and _ literally", func(t *testing.T) {
				ids := map[string]string{}
				for _, n := range []string{"Karen Østergaard", "Søren Æbelø", "Anne_Marie Hansen", "AnneXMarie Jensen",
					"Rabat 50% Nielsen", "Rabat 500 Olsen", `Back\slash Berg`, "Åge Ørsted"} {
					ids[n] = s.newCase(t, cwQ, teamQ, named(n)).ID.String()
				}
				for _, tc := range []struct {
					q    string
					want []string
				}{
					{"øster", []string{"Karen Østergaard"}},
					{"ØSTER", []string{"Karen Østergaard"}},
					{"æbelø", []string{"Søren Æbelø"}},
					{"ÆBELØ", []string{"Søren Æbelø"}},
					{"åge ør", []string{"Åge Ørsted"}},
					{"  KAREN  ", []string{"Karen Østergaard"}},
					{"e_m", []string{"Anne_Marie Hansen"}},
					{"__", nil},
					{"50%", []string{"Rabat 50% Nielsen"}},
					{"%%", nil},
					{"% N", []string{"Rabat 50% Nielsen"}},
					{`k\s`, []string{`Back\slash Berg`}},
					{"marie", []string{"Anne_Marie Hansen", "AnneXMarie Jensen"}},
					{"zz", nil},
				} {
					t.Run(tc.q, func(t *testing.T) {
						r := s.do(t, get, "/api/v1/cases?limit=50&q="+url.QueryEscape(tc.q), cwQ.Token, nil)
						wantStatus(t, r, 200)
						var want []string
						for _, n := range tc.want {
							want = append(want, ids[n])
						}
						got := itemIDs(r)
						sort.Strings(got)
						sort.Strings(want)
						if !slices.Equal(got, want) {
							t.Errorf("q=%q found %v, want %v", tc.q, got, tc.want)
						}
					})
				}
			})

			t.Run("bad query parameters are refused with 400", func(t *testing.T) {
				first := s.do(t, get, "/api/v1/cases?sort=name&limit=2", cwA.Token, nil)
				wantStatus(t, first, 200)
				nameCursor := str(first.JSON, "next_cursor")
				forged := func(sortName, val string) string {
					return base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf(`{"s":%q,"v":%q,"i":%q}`, sortName, val, uuid.New())))
				}
				for _, tc := range []struct {
					name, query, detail string
					fields              []fieldErr
				}{
					{"limit 0", "limit=0", msgBadQuery, []fieldErr{{"limit", msgLimitBounds}}},
					{"limit 201", "limit=201", msgBadQuery, []fieldErr{{"limit", msgLimitBounds}}},
					{"limit not a number", "limit=ten", msgBadQuery, []fieldErr{{"limit", msgLimitBounds}}},
					{"unknown sort", "sort=citizen_cpr", msgBadQuery, []fieldErr{{"sort", "must be one of " + strings.Join(cases.SortNames(), ", ")}}},
					{"unknown phase", "phase=done", msgBadQuery, []fieldErr{{"phase", "must be one of sagsaabning, sagsoplysning, sagsvurdering, afgoerelse, bestilling, opfoelgning"}}},
					{"overdue not a bool", "follow_up_overdue=maybe", msgBadQuery, []fieldErr{{"follow_up_overdue", "must be true or false"}}},
					{"caseworker_id not a uuid", "caseworker_id=42", msgBadQuery, []fieldErr{{"caseworker_id", "must be a UUID"}}},
					{"q of one character", "q=a", msgBadQuery, []fieldErr{{"q", "must be at least 2 characters"}}},
					{"q over 100 characters", "q=" + strings.Repeat("a", 101), msgBadQuery, []fieldErr{{"q", "must be at most 100 characters"}}},
					{"unknown parameter", "cpr=0101901234", msgBadQuery, []fieldErr{{"cpr", "is not a known query parameter"}}},
					{"cursor from another sort", "sort=-name&cursor=" + nameCursor, msgCursorSort, []fieldErr{{"cursor", "does not match sort"}}},
					{"cursor from name sort with the default sort", "cursor=" + nameCursor, msgCursorSort, []fieldErr{{"cursor", "does not match sort"}}},
					{"cursor that is not one", "sort=name&cursor=not-a-cursor", msgBadCursor, []fieldErr{{"cursor", "is not a cursor this server issued"}}},
					{"forged time cursor", "sort=opened_at&cursor=" + forged("opened_at", "yesterday"), msgBadCursor, []fieldErr{{"cursor", "is not a cursor this server issued"}}},
					{"forged date cursor", "sort=next_follow_up&cursor=" + forged("next_follow_up", "soon"), msgBadCursor, []fieldErr{{"cursor", "is not a cursor this server issued"}}},
				} {
					t.Run(tc.name, func(t *testing.T) {
						wantProblem(t, s.do(t, get, "/api/v1/cases?"+tc.query, cwA.Token, nil), 400, tc.detail, tc.fields...)
					})
				}
				t.Run("limits 1 and 200 are accepted", func(t *testing.T) {
					r := s.do(t, get, "/api/v1/cases?limit=1", cwA.Token, nil)
					if wantStatus(t, r, 200); len(itemIDs(r)) != 1 || str(r.JSON, "next_cursor") == "" {
						t.Errorf("limit=1: %d items, cursor %q", len(itemIDs(r)), str(r.JSON, "next_cursor"))
					}
					r = s.do(t, get, "/api/v1/cases?limit=200", cwA.Token, nil)
					if wantStatus(t, r, 200); len(itemIDs(r)) != 23 {
						t.Errorf("limit=200: %d items, want 23", len(itemIDs(r)))
					}
				})
			})

			t.Run("a 50-row page costs the same statements as a 5-row page", func(t *testing.T) {
				many := env.Team("Mange")
				cw := env.User(actor.RoleCaseworker, many)
				for i := 0; i < 55; i++ {
					s.newCase(t, cw, many)
				}
				count := func(limit int, sortName string) (int64, int) {
					var n atomic.Int64
					c := db.WithStatementCounter(ctxAs(cw), &n)
					p, err := env.App.Cases.List(c, cw.Actor(), cases.ListFilter{Limit: limit, Sort: sortName, Query: "borger"})
					if err != nil {
						t.Fatalf("list %d: %v", limit, err)
					}
					return n.Load(), len(p.Items)
				}
				for _, sortName := range []string{"-updated_at", "name", "next_follow_up"} {
					small, n5 := count(5, sortName)
					big, n50 := count(50, sortName)
					if n5 != 5 || n50 != 50 {
						t.Fatalf("pages of %d and %d items, want 5 and 50", n5, n50)
					}
					if small != big || big != 2 {
						t.Errorf("sort %s: 5 rows cost %d statements, 50 rows %d; want 2 for both (page + one audit insert)", sortName, small, big)
					}
				}
			})

			t.Run("a page size out of bounds is refused by the service too", func(t *testing.T) {
				for _, limit := range []int{0, -1, 201} {
					_, err := env.App.Cases.List(ctxAs(cwA), cwA.Actor(), cases.ListFilter{Limit: limit})
					if e, ok := errs.As(err); !ok || e.Code != errs.BadRequest || e.Message != "The page size must be from 1 to 200." {
						t.Errorf("limit %d: %v", limit, err)
					}
				}
			})
		})
	}
}

// label makes an order readable in a failure message.
func label(ids []string, byID map[uuid.UUID]*seeded, sortName string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		sd := byID[uuid.MustParse(id)]
		if sd == nil {
			out[i] = id[:8]
			continue
		}
		var k string
		switch strings.TrimPrefix(sortName, "-") {
		case "updated_at":
			k = sd.updatedAt.Format(time.RFC3339Nano)
		case "opened_at":
			k = sd.openedAt.Format(time.RFC3339Nano)
		case "name":
			k = sd.nameSearch
		default:
			k = sd.nextSortable
		}
		out[i] = k + "/" + id[:8]
	}
	return out
}
