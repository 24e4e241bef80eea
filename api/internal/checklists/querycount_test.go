package checklists_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// A case's checklists load in a fixed number of statements however many
// phases it has passed through.
func TestListingChecklistsCostsAFixedNumberOfStatements(t *testing.T) {
	for _, d := range testkit.Dialects() {
		t.Run(d, func(t *testing.T) {
			o := newOffice(t, d)
			ctx := context.Background()
			svc := o.env.App.Checklists
			// walk opens the checklist of every phase up to phase.
			walk := func(phase cases.Phase) uuid.UUID {
				t.Helper()
				v := o.env.Case(o.cw, o.team)
				for {
					if _, err := svc.List(ctx, o.cw.Actor(), v.ID); err != nil {
						t.Fatal(err)
					}
					if v.Phase == phase {
						return v.ID
					}
					var err error
					if v, _, err = o.env.App.Cases.MovePhase(ctx, o.cw.Actor(), v.ID, v.Version, cases.Phases[indexOf(v.Phase)+1], ""); err != nil {
						t.Fatal(err)
					}
				}
			}
			statements := func(caseID uuid.UUID, want int) int64 {
				t.Helper()
				var n atomic.Int64
				list, err := svc.List(db.WithStatementCounter(ctx, &n), o.cw.Actor(), caseID)
				if err != nil {
					t.Fatal(err)
				}
				if len(list) != want {
					t.Fatalf("listed %d checklists, want %d", len(list), want)
				}
				return n.Load()
			}
			one, five := statements(walk(cases.PhaseOpening), 1), statements(walk(cases.PhaseOrder), 5)
			if one != five {
				t.Errorf("1 checklist took %d statements, 5 took %d: the list costs a statement per checklist", one, five)
			}
			// The case's facts, the current checklist, the checklists, their
			// items, the audit row. Published principle sets never change, so
			// they come from memory once read.
			if one != 5 {
				t.Errorf("listing took %d statements, want 5", one)
			}
		})
	}
}
