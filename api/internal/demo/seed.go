package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

type stats struct {
	teams, users, cases, closed, overdue int
}

// seed creates teams, staff and cases in one transaction: either the whole
// demo data set is there or none of it, so a failed start can simply be
// retried. The services join the transaction through ctx.
func seed(ctx context.Context, a *app.App, password string) (stats, error) {
	plans, err := newGenerator(a.Cases.Today()).plans()
	if err != nil {
		return stats{}, fmt.Errorf("demo: plan cases: %w", err)
	}
	ctx = actor.WithRequest(ctx, actor.Request{RequestID: seedRequestID})
	var st stats
	err = a.DB.InTx(ctx, func(ctx context.Context) error {
		ids, err := seedStaff(ctx, a.Identity, password)
		if err != nil {
			return err
		}
		st.teams, st.users = len(ids.teams), len(ids.users)
		for i, p := range plans {
			if err := seedCase(ctx, a, ids, p, rand.New(rand.NewPCG(uint64(i), rngSeed[1]))); err != nil {
				return fmt.Errorf("demo: case %d of %d: %w", i+1, len(plans), err)
			}
			st.cases++
			if p.closed != nil {
				st.closed++
			}
			if p.overdue {
				st.overdue++
			}
		}
		return nil
	})
	if err != nil {
		return stats{}, err
	}
	return st, nil
}

func seedStaff(ctx context.Context, id *identity.Service, password string) (staffIDs, error) {
	var ids staffIDs
	for _, t := range teamSpecs {
		team, err := id.SeedTeam(ctx, t.name)
		if err != nil {
			return staffIDs{}, fmt.Errorf("demo: team %s: %w", t.name, err)
		}
		ids.teams = append(ids.teams, team.ID)
	}
	for _, s := range staffSpecs {
		var teams []uuid.UUID
		for _, t := range s.teams {
			teams = append(teams, ids.teams[t])
		}
		u, err := id.SeedUser(ctx, identity.NewUser{Email: s.email, Name: s.name, Role: s.role, TeamIDs: teams, Password: password})
		if err != nil {
			return staffIDs{}, fmt.Errorf("demo: user %s: %w", s.email, err)
		}
		ids.users = append(ids.users, u.ID)
	}
	return ids, nil
}

// seedCase opens the case as its caseworker, walks it through its phases one
// allowed step at a time and closes it if planned.
func seedCase(ctx context.Context, a *app.App, ids staffIDs, p plan, r *rand.Rand) error {
	act := ids.actor(p.worker)
	ctx = actor.With(ctx, act) // the audit trail names the caseworker
	in := p.in
	in.TeamID = ids.teams[p.team]
	v, err := a.Cases.Create(ctx, act, in)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	for k, to := range p.path {
		// Most phases are left with their checklist filled in; some not,
		// which the phase gate (warn by default) lets through.
		share := 1.0
		if r.IntN(5) == 0 {
			share = 0.5
		}
		if err := fillChecklist(ctx, a, act, v.ID, r, share); err != nil {
			return fmt.Errorf("checklist before %s: %w", to, err)
		}
		if v, _, err = a.Cases.MovePhase(ctx, act, v.ID, v.Version, to, p.notes[k]); err != nil {
			return fmt.Errorf("move to %s: %w", to, err)
		}
	}
	// The phase the case is in now: about half of it answered, or untouched.
	if r.IntN(3) > 0 {
		if err := fillChecklist(ctx, a, act, v.ID, r, 0.5); err != nil {
			return fmt.Errorf("current checklist: %w", err)
		}
	}
	if err := seedGoals(ctx, a, act, v); err != nil {
		return fmt.Errorf("goals: %w", err)
	}
	if err := seedMeetings(ctx, a, act, v, r); err != nil {
		return fmt.Errorf("meetings: %w", err)
	}
	if p.closed != nil {
		if v, err = a.Cases.Get(ctx, act, v.ID); err != nil {
			return fmt.Errorf("reload: %w", err)
		}
		if _, err = a.Cases.Close(ctx, act, v.ID, v.Version, p.closed.reason, p.closed.note); err != nil {
			return fmt.Errorf("close: %w", err)
		}
	}
	return nil
}
