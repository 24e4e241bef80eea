package checklists

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// MinChecklists is the number of checklists below which a cell of the
// overview is marked as too few to read: a share of one or two checklists
// says more about a case than about practice.
const MinChecklists = 5

// InsightFilter selects the checklists behind the leader's overview: those
// of the leader's teams (or one of them) last worked on within [From, To],
// both dates in the municipality's time zone.
type InsightFilter struct {
	TeamID *uuid.UUID
	From   time.Time
	To     time.Time
}

// Counts are the answers of the relevant items behind one cell.
type Counts struct {
	Applied        int
	PartlyApplied  int
	NotApplied     int
	NotRelevantNow int
	Open           int
}

// Total is the number of items, which is the number of checklists: a
// checklist holds one item per principle.
func (c Counts) Total() int {
	return c.Applied + c.PartlyApplied + c.NotApplied + c.NotRelevantNow + c.Open
}

func (c *Counts) add(status ItemStatus, n int) {
	switch status {
	case Applied:
		c.Applied += n
	case PartlyApplied:
		c.PartlyApplied += n
	case NotApplied:
		c.NotApplied += n
	case NotRelevantNow:
		c.NotRelevantNow += n
	default:
		c.Open += n
	}
}

// Cell is one principle in one phase.
type Cell struct {
	Principle string
	Phase     cases.Phase
	// Applicability under the set in force, for display.
	Applicability Applicability
	Counts        Counts
	TooFew        bool
}

// Insight is the principle × phase overview.
type Insight struct {
	From, To   time.Time
	TeamIDs    []uuid.UUID
	Principles []Principle // the set in force, for titles
	Version    string
	Cells      []Cell // principle by principle, phase by phase
}

// InsightCase is one checklist behind a cell.
type InsightCase struct {
	CaseID         uuid.UUID
	TeamID         uuid.UUID
	CitizenName    string
	CaseworkerName string
	ChecklistID    uuid.UUID
	Iteration      int
	Round          int
	Applicability  Applicability
	Status         ItemStatus
	UpdatedAt      time.Time
}

// CaseFilter narrows an overview to one cell, optionally one answer.
type CaseFilter struct {
	InsightFilter
	Principle string
	Phase     cases.Phase
	Status    string
	Limit     int
	Cursor    string
}

// CasePage is one page of a drill-down.
type CasePage struct {
	Items      []InsightCase
	NextCursor string
}

// scope checks the role and turns the filter into teams and instants.
func (s *Service) scope(a actor.Actor, f InsightFilter) (teams []uuid.UUID, from, to time.Time, err error) {
	if a.Role != actor.RoleLeader {
		return nil, time.Time{}, time.Time{}, errs.New(errs.Forbidden, "The principle overview is for leaders.")
	}
	teams = a.TeamIDs
	if f.TeamID != nil {
		if !a.InTeam(*f.TeamID) {
			return nil, time.Time{}, time.Time{}, errs.NotFoundf("No team with id %s.", *f.TeamID)
		}
		teams = []uuid.UUID{*f.TeamID}
	}
	if f.To.Before(f.From) {
		var fe errs.Fields
		fe.Add("to", "must not be before from")
		return nil, time.Time{}, time.Time{}, fe.Err()
	}
	from, to = clock.Days(s.clock, f.From, f.To)
	return teams, from, to, nil
}

// DefaultPeriod is the last 90 days up to today.
func (s *Service) DefaultPeriod() (from, to time.Time) { return clock.LastDays(s.clock, 90) }

// Insights counts, for every principle × phase, how the relevant items of
// the checklists in scope were answered. Cells with fewer than
// MinChecklists checklists are marked TooFew. Leaders only, over their own
// teams; the read is audited.
func (s *Service) Insights(ctx context.Context, a actor.Actor, f InsightFilter) (Insight, error) {
	ctx = actor.With(ctx, a)
	teams, from, to, err := s.scope(a, f)
	if err != nil {
		return Insight{}, err
	}
	var out Insight
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		set, err := s.current(ctx)
		if err != nil {
			return err
		}
		rows, err := s.st.cellCounts(ctx, teams, from, to)
		if err != nil {
			return err
		}
		counts := map[[2]string]*Counts{}
		for _, r := range rows {
			k := [2]string{r.Principle, r.Phase}
			if counts[k] == nil {
				counts[k] = &Counts{}
			}
			counts[k].add(ItemStatus(r.Status), r.N)
		}
		out = Insight{From: f.From, To: f.To, TeamIDs: teams, Principles: set.Principles, Version: set.Version}
		for _, p := range set.Principles {
			for _, ph := range cases.Phases {
				c := Cell{Principle: p.Code, Phase: ph, Applicability: p.In(ph)}
				if n := counts[[2]string{p.Code, string(ph)}]; n != nil {
					c.Counts = *n
				}
				c.TooFew = c.Counts.Total() < MinChecklists
				out.Cells = append(out.Cells, c)
			}
		}
		return s.audit.Record(ctx, audit.Event{Action: actInsights,
			Detail: fmt.Sprintf("%d teams, %s to %s", len(teams), f.From.Format(time.DateOnly), f.To.Format(time.DateOnly))})
	})
	if err != nil {
		return Insight{}, fmt.Errorf("principle insights: %w", err)
	}
	return out, nil
}

type caseCursor struct {
	UpdatedAt time.Time `json:"u"`
	ID        uuid.UUID `json:"i"`
}

// InsightCases lists the checklists behind one cell, most recently worked on
// first, with their cases. Each case listed is recorded in the audit trail.
func (s *Service) InsightCases(ctx context.Context, a actor.Actor, f CaseFilter) (CasePage, error) {
	ctx = actor.With(ctx, a)
	teams, from, to, err := s.scope(a, f.InsightFilter)
	if err != nil {
		return CasePage{}, err
	}
	var after *caseCursor
	if f.Cursor != "" {
		var c caseCursor
		if err := httpx.DecodeCursor(f.Cursor, &c); err != nil {
			var fe errs.Fields
			fe.Add("cursor", "is not a cursor from this list")
			e, _ := errs.As(fe.Err())
			e.Code = errs.BadRequest
			return CasePage{}, e
		}
		after = &c
	}
	var out CasePage
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		rows, err := s.st.cellCases(ctx, cellQuery{teams: teams, from: from, to: to, principle: f.Principle,
			phase: string(f.Phase), status: f.Status, limit: f.Limit + 1, after: after})
		if err != nil {
			return err
		}
		if len(rows) > f.Limit {
			last := rows[f.Limit-1]
			out.NextCursor = httpx.EncodeCursor(caseCursor{UpdatedAt: last.UpdatedAt, ID: last.ChecklistID})
			rows = rows[:f.Limit]
		}
		evs := make([]audit.Event, 0, len(rows))
		for _, r := range rows {
			out.Items = append(out.Items, InsightCase{CaseID: r.CaseID, TeamID: r.TeamID, CitizenName: r.CitizenName,
				CaseworkerName: r.CaseworkerName, ChecklistID: r.ChecklistID, Iteration: r.Iteration, Round: r.Round,
				Applicability: Applicability(r.Applicability), Status: ItemStatus(r.Status), UpdatedAt: r.UpdatedAt.UTC()})
			caseID, teamID := r.CaseID, r.TeamID
			evs = append(evs, audit.Event{Action: actInsightCases, CaseID: &caseID, TeamID: &teamID,
				Detail: f.Principle + " in " + string(f.Phase)})
		}
		if len(evs) == 0 {
			evs = append(evs, audit.Event{Action: actInsightCases, Detail: f.Principle + " in " + string(f.Phase) + ": no cases"})
		}
		return s.audit.Record(ctx, evs...)
	})
	if err != nil {
		return CasePage{}, fmt.Errorf("principle insight cases: %w", err)
	}
	return out, nil
}
