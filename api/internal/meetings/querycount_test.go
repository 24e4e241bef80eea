package meetings_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// A case's meetings load in a fixed number of statements however many there
// are and whatever they hold.
func TestListingMeetingsCostsAFixedNumberOfStatements(t *testing.T) {
	t.Parallel()
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			o := newOffice(t, d)
			ctx := context.Background()
			seed := func(n int) uuid.UUID {
				t.Helper()
				c := o.env.Case(o.cw, o.nord)
				for i := 0; i < n; i++ {
					m := o.seed(t, c.ID, o.now().Add(time.Duration(i-n/2)*24*time.Hour), meetings.Forms[i%len(meetings.Forms)], meetings.Planned)
					ps := []meetings.Participant{{Kind: "citizen"}, {Kind: "relative", Name: "Søster"}}
					agenda := []meetings.AgendaInput{{Text: "Bolig"}, {Text: "Økonomi"}}
					ags := []meetings.Agreement{{Text: "Ringe til jobcentret", Responsible: "caseworker"}}
					if _, err := o.svc.Update(ctx, o.cw.Actor(), m.ID, m.Version,
						meetings.Fields{Participants: &ps, Agenda: &agenda, Agreements: &ags}); err != nil {
						t.Fatalf("seed meeting %d: %v", i, err)
					}
				}
				return c.ID
			}
			statements := func(caseID uuid.UUID, want int) int64 {
				t.Helper()
				var n atomic.Int64
				list, err := o.svc.List(db.WithStatementCounter(ctx, &n), o.cw.Actor(), caseID)
				if err != nil {
					t.Fatal(err)
				}
				if len(list) != want {
					t.Fatalf("listed %d meetings, want %d", len(list), want)
				}
				for i := 1; i < len(list); i++ {
					if list[i].StartsAt.After(list[i-1].StartsAt) {
						t.Fatalf("meeting %d starts after meeting %d: not newest first", i, i-1)
					}
				}
				for _, m := range list {
					if len(m.Participants) != 2 || len(m.Agenda) != 2 || len(m.Agreements) != 1 {
						t.Fatalf("meeting %s lost its lists: %+v", m.ID, m)
					}
				}
				return n.Load()
			}
			one, fifty := statements(seed(1), 1), statements(seed(50), 50)
			if one != fifty {
				t.Errorf("listing 1 meeting took %d statements, 50 meetings %d: the list costs a statement per meeting", one, fifty)
			}
			// The case's facts, the meetings, the audit row.
			if one != 3 {
				t.Errorf("listing took %d statements, want 3", one)
			}
		})
	}
}
