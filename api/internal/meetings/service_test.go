package meetings_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// wantErr asserts an error's code, message and field errors ("field: message").
func wantErr(t *testing.T, err error, code errs.Code, msg string, fields ...string) {
	t.Helper()
	e, ok := errs.As(err)
	if !ok {
		t.Fatalf("err = %v, want %s %q", err, code, msg)
	}
	if e.Code != code || e.Message != msg {
		t.Errorf("err = %s %q, want %s %q", e.Code, e.Message, code, msg)
	}
	var got []string
	for _, f := range e.Fields {
		got = append(got, f.Field+": "+f.Message)
	}
	if strings.Join(got, "\n") != strings.Join(fields, "\n") {
		t.Errorf("fields:\n got  %q\n want %q", got, fields)
	}
}

// The functions the feedback domain calls: no authorisation or audit inside
// except FactsFor's, which authorises like the use cases do.
func TestFunctionsForOtherDomains(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			o := newOffice(t, d)
			ctx := context.Background()
			c := o.env.Case(o.cw, o.nord, func(n *cases.NewCase) { n.CitizenName = "Karen Jensen" })
			tomorrow := o.now().Add(24 * time.Hour).Truncate(time.Second)
			m := o.seed(t, c.ID, tomorrow, meetings.Home, meetings.Planned)
			missing := uuid.New()

			t.Run("Facts names the meeting's case, team and citizen", func(t *testing.T) {
				f, err := o.svc.Facts(ctx, m.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := meetings.Facts{ID: m.ID, CaseID: c.ID, TeamID: o.nord.ID, StartsAt: tomorrow, Status: meetings.Planned, CitizenName: "Karen Jensen"}
				if f != want {
					t.Errorf("facts = %+v\nwant    %+v", f, want)
				}
				_, err = o.svc.Facts(ctx, missing)
				wantErr(t, err, errs.NotFound, fmt.Sprintf("No meeting with id %s.", missing))
			})

			t.Run("FactsFor authorises by role and by the case's team", func(t *testing.T) {
				if f, err := o.svc.FactsFor(ctx, o.leader.Actor(), m.ID, "fit.read"); err != nil || f.ID != m.ID {
					t.Fatalf("leader of the team: %+v, %v", f, err)
				}
				for name, id := range map[string]uuid.UUID{"another team's meeting": m.ID, "a missing meeting": missing} {
					_, err := o.svc.FactsFor(ctx, o.cwSyd.Actor(), id, "fit.read")
					var den *audit.Denial
					if !errors.As(err, &den) || den.Event.Action != "fit.read" || den.Event.Outcome != audit.Denied {
						t.Errorf("%s: err = %v, want a denial to audit as fit.read", name, err)
					}
					wantErr(t, err, errs.NotFound, fmt.Sprintf("No meeting with id %s.", id))
				}
				_, err := o.svc.FactsFor(ctx, o.admin.Actor(), m.ID, "fit.read")
				wantErr(t, err, errs.Forbidden, msgNoRole)
			})

			t.Run("AddCitizenTopics", func(t *testing.T) {
				t.Run("refuses anything but 1 to 5 topics of 1 to 300 characters, naming each", func(t *testing.T) {
					for _, tc := range []struct {
						name   string
						topics []string
						fields []string
					}{
						{"no topics", nil, []string{"topics: must hold 1 to 5 topics"}},
						{"six topics", []string{"a", "b", "c", "d", "e", "f"}, []string{"topics: must hold 1 to 5 topics"}},
						{"an empty and a long topic", []string{" ", "ok", strings.Repeat("å", 301)},
							[]string{"topics[0]: is required", "topics[2]: must be at most 300 characters"}},
					} {
						t.Run(tc.name, func(t *testing.T) {
							wantErr(t, o.svc.AddCitizenTopics(ctx, m.ID, tc.topics), errs.Invalid, msgInvalid, tc.fields...)
						})
					}
				})
				t.Run("a missing meeting is NotFound", func(t *testing.T) {
					wantErr(t, o.svc.AddCitizenTopics(ctx, missing, []string{"Min økonomi"}), errs.NotFound,
						fmt.Sprintf("No meeting with id %s.", missing))
				})
				t.Run("appends the citizen's topics after the caseworker's items and bumps the version", func(t *testing.T) {
					agenda := []meetings.AgendaInput{{Text: "Status på boligen"}}
					cur, err := o.svc.Update(ctx, o.cw.Actor(), m.ID, m.Version, meetings.Fields{Agenda: &agenda})
					if err != nil {
						t.Fatal(err)
					}
					if err := o.svc.AddCitizenTopics(ctx, m.ID, []string{" Min økonomi ", "Jobcentret"}); err != nil {
						t.Fatal(err)
					}
					got, err := o.svc.Get(ctx, o.cw.Actor(), m.ID)
					if err != nil {
						t.Fatal(err)
					}
					var items []string
					for _, it := range got.Agenda {
						items = append(items, it.AddedBy+": "+it.Text)
						if it.AddedAt.IsZero() || it.ID == uuid.Nil {
							t.Errorf("item %q has no id or time", it.Text)
						}
					}
					want := []string{"caseworker: Status på boligen", "citizen: Min økonomi", "citizen: Jobcentret"}
					if strings.Join(items, "\n") != strings.Join(want, "\n") {
						t.Errorf("agenda:\n%s\nwant\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
					}
					if got.Version != cur.Version+1 {
						t.Errorf("version %d, want %d", got.Version, cur.Version+1)
					}
					m = got
				})
				t.Run("runs in the caller's transaction", func(t *testing.T) {
					boom := errors.New("the caller fails after adding")
					err := o.env.App.DB.InTx(ctx, func(ctx context.Context) error {
						if err := o.svc.AddCitizenTopics(ctx, m.ID, []string{"Rulles tilbage"}); err != nil {
							return err
						}
						return boom
					})
					if !errors.Is(err, boom) {
						t.Fatalf("err = %v", err)
					}
					if got, _ := o.svc.Facts(ctx, m.ID); got.ID != m.ID {
						t.Fatal("meeting gone")
					}
					got, err := o.svc.Get(ctx, o.cw.Actor(), m.ID)
					if err != nil {
						t.Fatal(err)
					}
					if len(got.Agenda) != 3 || got.Version != m.Version {
						t.Errorf("a rolled-back call left %d items, version %d", len(got.Agenda), got.Version)
					}
				})
				t.Run("the caseworker can remove a citizen's topic but not reword it", func(t *testing.T) {
					keep := []meetings.AgendaInput{{ID: m.Agenda[0].ID, Text: m.Agenda[0].Text}, {ID: m.Agenda[1].ID, Text: "Penge"}}
					_, err := o.svc.Update(ctx, o.cw.Actor(), m.ID, m.Version, meetings.Fields{Agenda: &keep})
					wantErr(t, err, errs.Invalid, msgInvalid,
						"agenda[1].text: is the citizen's topic in their own words; it can be removed but not reworded")
					keep = []meetings.AgendaInput{{ID: m.Agenda[2].ID, Text: m.Agenda[2].Text}, {Text: "Ny aftale om møder"}}
					got, err := o.svc.Update(ctx, o.cw.Actor(), m.ID, m.Version, meetings.Fields{Agenda: &keep})
					if err != nil {
						t.Fatal(err)
					}
					if len(got.Agenda) != 2 || got.Agenda[0] != m.Agenda[2] || got.Agenda[1].AddedBy != "caseworker" {
						t.Errorf("agenda = %+v", got.Agenda)
					}
					m = got
				})
				t.Run("an agenda holds at most 50 items", func(t *testing.T) {
					full := make([]meetings.AgendaInput, 0, 48)
					for _, it := range m.Agenda {
						full = append(full, meetings.AgendaInput{ID: it.ID, Text: it.Text})
					}
					for len(full) < 48 {
						full = append(full, meetings.AgendaInput{Text: fmt.Sprintf("Punkt %d", len(full))})
					}
					got, err := o.svc.Update(ctx, o.cw.Actor(), m.ID, m.Version, meetings.Fields{Agenda: &full})
					if err != nil {
						t.Fatal(err)
					}
					m = got
					wantErr(t, o.svc.AddCitizenTopics(ctx, m.ID, []string{"a", "b", "c"}), errs.Invalid, msgInvalid,
						"topics: the meeting's agenda has room for 2 more items")
				})
				t.Run("a meeting that is no longer planned takes no topics", func(t *testing.T) {
					past := o.seed(t, c.ID, o.now().Add(-time.Hour), meetings.Office, meetings.Held)
					wantErr(t, o.svc.AddCitizenTopics(ctx, past.ID, []string{"For sent"}), errs.Conflict,
						"The meeting is no longer planned, so topics can no longer be added to its agenda.")
				})
				t.Run("a closed case's meeting takes no topics", func(t *testing.T) {
					cc := o.env.Case(o.cw, o.nord)
					mc := o.seed(t, cc.ID, tomorrow, meetings.Office, meetings.Planned)
					if _, err := o.env.App.Cases.Close(ctx, o.cw.Actor(), cc.ID, cc.Version, "moved", ""); err != nil {
						t.Fatal(err)
					}
					wantErr(t, o.svc.AddCitizenTopics(ctx, mc.ID, []string{"Flytning"}), errs.Conflict, msgClosed)
				})
			})

			t.Run("Previous is the case's meeting before, leaving out cancelled ones", func(t *testing.T) {
				pc := o.env.Case(o.cw, o.nord)
				base := o.now().Truncate(time.Second)
				first := o.seed(t, pc.ID, base.Add(-72*time.Hour), meetings.Office, meetings.Held)
				o.seed(t, pc.ID, base.Add(-48*time.Hour), meetings.Phone, meetings.Cancelled)
				third := o.seed(t, pc.ID, base.Add(-24*time.Hour), meetings.Home, meetings.Planned)
				next := o.seed(t, pc.ID, base.Add(24*time.Hour), meetings.Video, meetings.Planned)
				o.seed(t, c.ID, base.Add(-time.Minute), meetings.Office, meetings.Held) // another case
				for _, tc := range []struct {
					name string
					of   meetings.Meeting
					want *meetings.Meeting
				}{
					{"the latest earlier meeting, planned or held", next, &third},
					{"a cancelled meeting is skipped", third, &first},
					{"the first meeting has none", first, nil},
				} {
					t.Run(tc.name, func(t *testing.T) {
						p, err := o.svc.Previous(ctx, tc.of.ID)
						if err != nil {
							t.Fatal(err)
						}
						switch {
						case tc.want == nil && p != nil:
							t.Errorf("previous = %+v, want none", *p)
						case tc.want != nil && (p == nil || p.ID != tc.want.ID || p.CaseID != pc.ID || p.TeamID != o.nord.ID ||
							!p.StartsAt.Equal(tc.want.StartsAt) || p.Status != tc.want.Status):
							t.Errorf("previous = %+v, want meeting %s", p, tc.want.ID)
						}
					})
				}
				_, err := o.svc.Previous(ctx, missing)
				wantErr(t, err, errs.NotFound, fmt.Sprintf("No meeting with id %s.", missing))
			})

			t.Run("CountHeld counts held meetings per team in [from, to)", func(t *testing.T) {
				env := testkit.Start(t, d) // a clean database: the other subtests hold meetings too
				svc := meetings.NewService(env.App.DB, env.App.Audit, env.App.Cases, env.App.Clock)
				east, west, empty := env.Team("Øst"), env.Team("Vest"), env.Team("Tom")
				cwEast, cwWest := env.User("caseworker", east), env.User("caseworker", west)
				ce, cwc := env.Case(cwEast, east), env.Case(cwWest, west)
				to := env.App.Clock.Now().UTC().Truncate(time.Second)
				from := to.Add(-30 * 24 * time.Hour)
				add := func(u testkit.User, caseID uuid.UUID, at time.Time, st meetings.Status) {
					t.Helper()
					s, f, status := at.Format(time.RFC3339), "office", string(st)
					if _, err := svc.Create(ctx, u.Actor(), caseID, meetings.Fields{StartsAt: &s, Form: &f, Status: &status}); err != nil {
						t.Fatal(err)
					}
				}
				add(cwEast, ce.ID, from, meetings.Held) // the first instant counts
				add(cwEast, ce.ID, to.Add(-time.Hour), meetings.Held)
				add(cwEast, ce.ID, to.Add(-2*time.Hour), meetings.Planned)
				add(cwEast, ce.ID, to.Add(-3*time.Hour), meetings.Cancelled)
				add(cwEast, ce.ID, from.Add(-time.Second), meetings.Held) // before the period
				add(cwWest, cwc.ID, to.Add(-24*time.Hour), meetings.Held)
				add(cwWest, cwc.ID, to, meetings.Held) // the last instant does not count
				got, err := svc.CountHeld(ctx, []uuid.UUID{east.ID, west.ID, empty.ID}, from, to)
				if err != nil {
					t.Fatal(err)
				}
				want := map[uuid.UUID]int{east.ID: 2, west.ID: 1, empty.ID: 0}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("counts = %v, want %v", got, want)
				}
				if got, err := svc.CountHeld(ctx, []uuid.UUID{west.ID}, from, to); err != nil || len(got) != 1 || got[west.ID] != 1 {
					t.Errorf("one team: %v, %v", got, err)
				}
				if got, err := svc.CountHeld(ctx, nil, from, to); err != nil || len(got) != 0 {
					t.Errorf("no teams: %v, %v", got, err)
				}
			})
		})
	}
}
