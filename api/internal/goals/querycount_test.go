package goals_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func ptr[T any](v T) *T { return &v }

func TestListingGoalsCostsAFixedNumberOfStatements(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			env := testkit.Start(t, d)
			ctx := context.Background()
			nord := env.Team("Nord")
			cw := env.User(actor.RoleCaseworker, nord)
			svc := env.App.Goals
			today := svc.Today()

			// seed opens a case with n goals: every other one active with
			// attainment levels, an attained level and measurements from two
			// raters, and one sub-goal per main goal beyond the first three.
			seed := func(n int) uuid.UUID {
				t.Helper()
				c := env.Case(cw, nord, dreams("At få en hund"))
				var mains []uuid.UUID
				for i := 0; i < n; i++ {
					in := goals.Fields{Title: ptr(fmt.Sprintf("Mål %d", i)), Specific: ptr("Jeg går tur hver dag"),
						MeasurableIndicator: ptr("Ture om ugen"), MeasurableTarget: ptr("Syv"), AchievableSteps: ptr("Først én"),
						AchievableResources: ptr("Godt helbred"), Relevant: ptr("Jeg vil have en hund"),
						TargetDate: ptr(today.AddDate(0, 2, 0).Format("2006-01-02")), DreamID: &c.Dreams[0].ID,
						GASLevels: &goals.GASLevels{MuchLess: "a", Less: "b", Expected: "c", More: "d", MuchMore: "e"}}
					if i >= 3 && len(mains) > 0 {
						in.ParentID = &mains[i%len(mains)]
					}
					g, err := svc.Create(ctx, cw.Actor(), c.ID, in)
					if err != nil {
						t.Fatalf("seed goal %d: %v", i, err)
					}
					if g.ParentID == nil {
						mains = append(mains, g.ID)
					}
					if i%2 == 1 {
						continue
					}
					a, err := svc.ChangeStatus(ctx, cw.Actor(), g.ID, g.Version, goals.StatusChangeInput{To: goals.Active, Reason: "Klar"})
					if err != nil {
						t.Fatalf("activate goal %d: %v", i, err)
					}
					if _, err := svc.Update(ctx, cw.Actor(), g.ID, a.Version, goals.Fields{GASAttained: ptr(i%5 - 2)}); err != nil {
						t.Fatalf("attain goal %d: %v", i, err)
					}
					for _, rater := range []string{"citizen", "caseworker"} {
						if _, err := svc.AddProgress(ctx, cw.Actor(), g.ID, goals.ProgressInput{
							MeasuredOn: today.Format("2006-01-02"), Rater: rater, Value: 1 + i%10}); err != nil {
							t.Fatalf("progress on goal %d: %v", i, err)
						}
					}
				}
				return c.ID
			}
			statements := func(caseID uuid.UUID, want int) int64 {
				t.Helper()
				var n atomic.Int64
				res, err := svc.List(db.WithStatementCounter(ctx, &n), cw.Actor(), caseID)
				if err != nil {
					t.Fatal(err)
				}
				if len(res.Goals) != want {
					t.Fatalf("listed %d goals, want %d", len(res.Goals), want)
				}
				for _, g := range res.Goals {
					if g.Status == goals.Active && len(g.Summary) != 2 {
						t.Errorf("%s: %d progress summaries, want 2", g.Title, len(g.Summary))
					}
				}
				return n.Load()
			}
			three, thirty := statements(seed(3), 3), statements(seed(30), 30)
			if three != thirty {
				t.Errorf("listing 3 goals took %d statements, 30 goals %d: the list costs a statement per goal", three, thirty)
			}
			// The case's facts, the goals, their measurements, the audit row.
			if three != 4 {
				t.Errorf("listing took %d statements, want 4", three)
			}
		})
	}
}
