package goals

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Auditor records audit events through the caller's transaction.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
	RecordDenial(ctx context.Context, err error) error
}

// Cases is what goals need from the cases domain.
type Cases interface {
	FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (cases.Facts, error)
	SetNextFollowUp(ctx context.Context, id uuid.UUID, next time.Time, by uuid.UUID) error
}

// Audited actions of this domain.
const (
	actGoalList     audit.Action = "goal.list"
	actGoalRead     audit.Action = "goal.read"
	actGoalCreate   audit.Action = "goal.create"
	actGoalUpdate   audit.Action = "goal.update"
	actGoalStatus   audit.Action = "goal.status"
	actProgressRead audit.Action = "goal.progress_read"
	actProgressAdd  audit.Action = "goal.progress_add"
	actFollowUpAdd  audit.Action = "followup.create"
	actFollowUpList audit.Action = "followup.list"
	actPlanRead     audit.Action = "case.plan_read"
)

// Service implements the goal use cases. Error contract as in cases: a goal
// or case outside the actor's teams is NotFound, roles without case access
// get Forbidden, bad input is Invalid with field errors, a closed case or a
// disallowed status change is Conflict, a stale version PreconditionFailed.
type Service struct {
	db    *db.DB
	st    store
	audit Auditor
	cases Cases
	clock clock.Clock
}

// NewService wires the goals service.
func NewService(d *db.DB, a Auditor, c Cases, cl clock.Clock) *Service {
	return &Service{db: d, st: store{db: d}, audit: a, cases: c, clock: cl}
}

func (s *Service) now() time.Time   { return s.clock.Now().UTC().Truncate(time.Microsecond) }
func (s *Service) today() time.Time { return clock.TodayOf(s.clock) }

// Today is the service's date, for callers that compute the SMART check.
func (s *Service) Today() time.Time { return s.today() }

// caseFor authorises access to a case's goals.
func (s *Service) caseFor(ctx context.Context, a actor.Actor, caseID uuid.UUID, action audit.Action) (cases.Facts, error) {
	return s.cases.FactsFor(ctx, a, caseID, action)
}

// goalFor authorises access to one goal through its case.
func (s *Service) goalFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (goalRow, cases.Facts, error) {
	if err := a.RequireCaseAccess(); err != nil {
		return goalRow{}, cases.Facts{}, err
	}
	r, err := s.st.goal(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return goalRow{}, cases.Facts{}, &audit.Denial{
				Event: audit.Event{Action: action, Outcome: audit.Denied, Detail: "goal " + id.String() + " not found for this user"},
				Err:   errs.NotFoundf("No goal with id %s.", id)}
		}
		return goalRow{}, cases.Facts{}, err
	}
	f, err := s.caseFor(ctx, a, r.CaseID, action)
	if err != nil {
		var d *audit.Denial
		if errors.As(err, &d) {
			d.Err = errs.NotFoundf("No goal with id %s.", id)
		}
		return goalRow{}, cases.Facts{}, err
	}
	return r, f, nil
}

func requireOpen(f cases.Facts) error {
	if f.Status == cases.StatusClosed {
		return errs.New(errs.Conflict, "The case is closed. Reopen it before changing its goals.")
	}
	return nil
}

func toGoal(r goalRow) Goal {
	g := Goal{ID: r.ID, CaseID: r.CaseID, ParentID: r.ParentID, DreamID: r.DreamID, Title: r.Title, Specific: r.Specific,
		MeasurableIndicator: r.MeasurableIndicator, MeasurableTarget: r.MeasurableTarget,
		AchievableSteps: r.AchievableSteps, AchievableResources: r.AchievableResources, Relevant: r.Relevant,
		Horizon: r.Horizon, Participants: r.Participants.V, Status: Status(r.Status), NextStepKind: r.NextStepKind,
		NextStepNote: r.NextStepNote, GASAttained: r.GASAttained, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		Version: r.Version}
	if r.TargetDate.Valid {
		t := r.TargetDate.Time
		g.TargetDate = &t
	}
	if r.GASLevels != nil {
		l := r.GASLevels.V
		g.GASLevels = &l
	}
	if g.Participants == nil {
		g.Participants = []Participant{}
	}
	return g
}

func toRow(g Goal, by uuid.UUID) goalRow {
	r := goalRow{ID: g.ID, CaseID: g.CaseID, ParentID: g.ParentID, DreamID: g.DreamID, Title: g.Title, Specific: g.Specific,
		MeasurableIndicator: g.MeasurableIndicator, MeasurableTarget: g.MeasurableTarget,
		AchievableSteps: g.AchievableSteps, AchievableResources: g.AchievableResources, Relevant: g.Relevant,
		Horizon: g.Horizon, Participants: db.JSON[[]Participant]{V: g.Participants}, Status: string(g.Status),
		NextStepKind: g.NextStepKind, NextStepNote: g.NextStepNote, GASAttained: g.GASAttained,
		CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt, CreatedBy: by, UpdatedBy: by, Version: g.Version}
	if g.TargetDate != nil {
		r.TargetDate = db.NewDate(*g.TargetDate)
	}
	if g.GASLevels != nil {
		r.GASLevels = &db.JSON[GASLevels]{V: *g.GASLevels}
	}
	return r
}

// checkLinks validates the parent and the dream against the case, and keeps
// goals to one level with sub-goals ending no later than their main goal.
// Bad links become field errors in fe; only a failing query is returned.
func (s *Service) checkLinks(ctx context.Context, g Goal, f cases.Facts, fe *errs.Fields) error {
	if g.DreamID != nil && !f.HasDream(*g.DreamID) {
		fe.Add("dream_id", "is not one of the case's hopes, wishes and dreams")
	}
	subs, err := s.subGoals(ctx, g)
	if err != nil {
		return err
	}
	if g.ParentID == nil {
		// A main goal's date must not move before one of its sub-goals'.
		for _, r := range subs {
			if g.TargetDate != nil && r.TargetDate.Valid && r.TargetDate.Time.After(*g.TargetDate) {
				fe.Add("target_date", "must not be before a sub-goal's target date ("+r.TargetDate.Time.Format(time.DateOnly)+")")
				break
			}
		}
		return nil
	}
	if *g.ParentID == g.ID {
		fe.Add("parent_id", "a goal cannot be its own sub-goal")
		return nil
	}
	p, err := s.st.goal(ctx, *g.ParentID)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return err
	}
	switch {
	case err != nil || p.CaseID != g.CaseID:
		fe.Add("parent_id", "is not a goal of this case")
	case p.ParentID != nil:
		fe.Add("parent_id", "is itself a sub-goal; sub-goals have one level")
	case len(subs) > 0:
		// Moving a goal with sub-goals under another goal would make a
		// second level.
		fe.Add("parent_id", "the goal has sub-goals of its own; sub-goals have one level")
	default:
		pg := toGoal(p)
		if g.TargetDate != nil && pg.TargetDate != nil && g.TargetDate.After(*pg.TargetDate) {
			fe.Add("target_date", "must not be after the main goal's target date ("+pg.TargetDate.Format(time.DateOnly)+")")
		}
	}
	return nil
}

// subGoals returns the stored goals under g (none for a goal being created).
func (s *Service) subGoals(ctx context.Context, g Goal) ([]goalRow, error) {
	rows, err := s.st.subGoals(ctx, g.ID)
	if err != nil {
		return nil, fmt.Errorf("sub-goals of %s: %w", g.ID, err)
	}
	return rows, nil
}

// Evaluated is a goal with its SMART check and progress summary.
type Evaluated struct {
	Goal
	Criteria []Criterion
	Summary  []RaterSummary
}

// RaterSummary is the series of one rater on one goal.
type RaterSummary struct {
	Rater             string
	Count             int
	First, Latest     int
	FirstOn, LatestOn time.Time
	Change            int
}

func summarise(ps []Progress) []RaterSummary {
	var out []RaterSummary
	for _, rater := range Raters {
		var sum *RaterSummary
		for _, p := range ps {
			if p.Rater != rater {
				continue
			}
			if sum == nil {
				sum = &RaterSummary{Rater: rater, First: p.Value, FirstOn: p.MeasuredOn}
			}
			sum.Count++
			sum.Latest, sum.LatestOn = p.Value, p.MeasuredOn
		}
		if sum != nil {
			sum.Change = sum.Latest - sum.First
			out = append(out, *sum)
		}
	}
	return out
}

// Progress is one measurement on the 1–10 scale.
type Progress struct {
	ID         uuid.UUID
	GoalID     uuid.UUID
	MeasuredOn time.Time
	Rater      string
	Value      int
	Note       string
	FollowUpID *uuid.UUID
	RecordedAt time.Time
	ByName     string
}

func toProgress(r progressRow) Progress {
	return Progress{ID: r.ID, GoalID: r.GoalID, MeasuredOn: r.MeasuredOn.Time, Rater: r.Rater, Value: r.Value, Note: r.Note,
		FollowUpID: r.FollowUpID, RecordedAt: r.RecordedAt.UTC(), ByName: r.ByName}
}

// CaseGoals is every goal of a case and the case's GAS T-score.
type CaseGoals struct {
	Goals        []Evaluated
	GASScore     *float64
	GASGoalCount int
}

func (s *Service) evaluateAll(ctx context.Context, rows []goalRow) ([]Evaluated, error) {
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	prs, err := s.st.progressOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	byGoal := map[uuid.UUID][]Progress{}
	for _, p := range prs {
		byGoal[p.GoalID] = append(byGoal[p.GoalID], toProgress(p))
	}
	out := make([]Evaluated, len(rows))
	for i, r := range rows {
		g := toGoal(r)
		out[i] = Evaluated{Goal: g, Criteria: Check(g, s.today()), Summary: summarise(byGoal[g.ID])}
	}
	return out, nil
}

// List returns a case's goals (main goals and sub-goals, in creation order)
// in three statements whatever their number, and audits the read.
func (s *Service) List(ctx context.Context, a actor.Actor, caseID uuid.UUID) (CaseGoals, error) {
	ctx = actor.With(ctx, a)
	var out CaseGoals
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.caseFor(ctx, a, caseID, actGoalList)
		if err != nil {
			return err
		}
		rows, err := s.st.goalsOfCase(ctx, caseID)
		if err != nil {
			return err
		}
		if out.Goals, err = s.evaluateAll(ctx, rows); err != nil {
			return err
		}
		var attained []int
		for _, g := range out.Goals {
			if g.GASLevels != nil && g.GASAttained != nil && g.Status != Draft && g.Status != Discontinued {
				attained = append(attained, *g.GASAttained)
			}
		}
		if t, ok := GASTScore(attained); ok {
			out.GASScore, out.GASGoalCount = &t, len(attained)
		}
		return s.audit.Record(ctx, audit.Event{Action: actGoalList, CaseID: &caseID, TeamID: &f.TeamID})
	})
	if err != nil {
		return CaseGoals{}, fmt.Errorf("list goals: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

func (s *Service) read(ctx context.Context, id uuid.UUID) (Evaluated, error) {
	r, err := s.st.goal(ctx, id)
	if err != nil {
		return Evaluated{}, err
	}
	ev, err := s.evaluateAll(ctx, []goalRow{r})
	if err != nil {
		return Evaluated{}, err
	}
	h, err := s.st.history(ctx, id)
	if err != nil {
		return Evaluated{}, err
	}
	for _, c := range h {
		ev[0].History = append(ev[0].History, StatusChange{From: Status(c.FromStatus), To: Status(c.ToStatus), Reason: c.Reason,
			NextStepKind: c.NextStepKind, NextStepNote: c.NextStepNote, OccurredAt: c.OccurredAt.UTC(), ActorID: c.ActorID, ActorName: c.ActorName})
	}
	return ev[0], nil
}

// Get returns one goal with its check, progress summary and status history.
func (s *Service) Get(ctx context.Context, a actor.Actor, id uuid.UUID) (Evaluated, error) {
	ctx = actor.With(ctx, a)
	var out Evaluated
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.goalFor(ctx, a, id, actGoalRead)
		if err != nil {
			return err
		}
		if out, err = s.read(ctx, id); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: actGoalRead, CaseID: &r.CaseID, TeamID: &f.TeamID, Detail: "goal " + id.String()})
	})
	if err != nil {
		return Evaluated{}, fmt.Errorf("get goal: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// CheckDraft runs the SMART check on unsaved fields, for the guided form. It
// reads the case (to know its dreams) but stores and audits nothing.
func (s *Service) CheckDraft(ctx context.Context, a actor.Actor, caseID uuid.UUID, in Fields) ([]Criterion, error) {
	f, err := s.caseFor(ctx, a, caseID, actGoalList)
	if err != nil {
		return nil, fmt.Errorf("check goal: %w", s.audit.RecordDenial(ctx, err))
	}
	g := Goal{ID: uuid.New(), CaseID: caseID, Horizon: "short"}
	var fe errs.Fields
	in.apply(&g, &fe)
	if g.DreamID != nil && !f.HasDream(*g.DreamID) {
		g.DreamID = nil
	}
	return Check(g, s.today()), nil
}

// Create adds a draft goal (or sub-goal) to an open case.
func (s *Service) Create(ctx context.Context, a actor.Actor, caseID uuid.UUID, in Fields) (Evaluated, error) {
	ctx = actor.With(ctx, a)
	var out Evaluated
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.caseFor(ctx, a, caseID, actGoalCreate)
		if err != nil {
			return err
		}
		if err := requireOpen(f); err != nil {
			return err
		}
		now := s.now()
		g := Goal{ID: uuid.New(), CaseID: caseID, ParentID: in.ParentID, Horizon: "short", Status: Draft,
			Participants: []Participant{}, CreatedAt: now, UpdatedAt: now, Version: 1}
		var fe errs.Fields
		if in.Title == nil {
			fe.Add("title", "is required")
		}
		in.apply(&g, &fe)
		if err := s.checkLinks(ctx, g, f, &fe); err != nil {
			return err
		}
		if err := fe.Err(); err != nil {
			return err
		}
		if err := s.st.insertGoal(ctx, toRow(g, a.UserID)); err != nil {
			return err
		}
		if err := s.st.insertStatus(ctx, statusRow{ID: uuid.New(), GoalID: g.ID, ToStatus: string(Draft),
			Reason: "created", OccurredAt: now, ActorID: a.UserID}); err != nil {
			return err
		}
		if err := s.audit.Record(ctx, audit.Event{Action: actGoalCreate, CaseID: &caseID, TeamID: &f.TeamID, Detail: "goal " + g.ID.String()}); err != nil {
			return err
		}
		out, err = s.read(ctx, g.ID)
		return err
	})
	if err != nil {
		return Evaluated{}, fmt.Errorf("create goal: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// mutate runs a versioned change of one goal on an open case.
func (s *Service) mutate(ctx context.Context, a actor.Actor, id uuid.UUID, version int, action audit.Action,
	fn func(ctx context.Context, g *Goal, f cases.Facts) (detail string, err error)) (Evaluated, error) {
	ctx = actor.With(ctx, a)
	var out Evaluated
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.goalFor(ctx, a, id, action)
		if err != nil {
			return err
		}
		if err := requireOpen(f); err != nil {
			return err
		}
		if r.Version != version {
			return httpx.Stale(r.Version)
		}
		g := toGoal(r)
		detail, err := fn(ctx, &g, f)
		if err != nil {
			return err
		}
		g.UpdatedAt = s.now()
		row := toRow(g, a.UserID)
		cols := map[string]any{"parent_id": row.ParentID, "dream_id": row.DreamID, "title": row.Title, "specific": row.Specific,
			"measurable_indicator": row.MeasurableIndicator, "measurable_target": row.MeasurableTarget,
			"achievable_steps": row.AchievableSteps, "achievable_resources": row.AchievableResources, "relevant": row.Relevant,
			"target_date": row.TargetDate, "horizon": row.Horizon, "participants": row.Participants, "status": row.Status,
			"next_step_kind": row.NextStepKind, "next_step_note": row.NextStepNote, "gas_levels": row.GASLevels,
			"gas_attained": row.GASAttained, "updated_at": row.UpdatedAt, "updated_by": a.UserID}
		if row.GASLevels == nil {
			cols["gas_levels"] = nil
		}
		ok, err := s.st.updateGoal(ctx, id, version, cols)
		if err != nil {
			return err
		}
		if !ok {
			cur, gerr := s.st.goal(ctx, id)
			if gerr != nil {
				return gerr
			}
			return httpx.Stale(cur.Version)
		}
		if err := s.audit.Record(ctx, audit.Event{Action: action, CaseID: &r.CaseID, TeamID: &f.TeamID,
			Detail: strings.TrimSpace("goal " + id.String() + " " + detail)}); err != nil {
			return err
		}
		out, err = s.read(ctx, id)
		return err
	})
	if err != nil {
		return Evaluated{}, fmt.Errorf("%s: %w", action, s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// Update changes a draft or in-progress goal. A goal being worked on must
// stay SMART.
func (s *Service) Update(ctx context.Context, a actor.Actor, id uuid.UUID, version int, in Fields) (Evaluated, error) {
	return s.mutate(ctx, a, id, version, actGoalUpdate, func(ctx context.Context, g *Goal, f cases.Facts) (string, error) {
		if g.Status == Achieved || g.Status == Discontinued {
			return "", errs.New(errs.Conflict, "A finished goal cannot be changed. Resume it first.")
		}
		var fe errs.Fields
		in.apply(g, &fe)
		if err := s.checkLinks(ctx, *g, f, &fe); err != nil {
			return "", err
		}
		if err := fe.Err(); err != nil {
			return "", err
		}
		if g.Status.InProgress() {
			if err := ActivationError(Check(*g, s.today())); err != nil {
				return "", err
			}
		}
		return "", nil
	})
}

// ChangeStatus moves a goal along the allowed paths, with a reason. Becoming
// active needs every SMART criterion met; becoming achieved needs the next
// step named, because reaching a goal must never silently end support.
func (s *Service) ChangeStatus(ctx context.Context, a actor.Actor, id uuid.UUID, version int, in StatusChangeInput) (Evaluated, error) {
	return s.mutate(ctx, a, id, version, actGoalStatus, func(ctx context.Context, g *Goal, _ cases.Facts) (string, error) {
		var fe errs.Fields
		oneOf(&fe, "status", string(in.To), Statuses, true)
		reason := text(&fe, "reason", in.Reason, maxText, true)
		var kind, note string
		if in.To == Achieved {
			oneOf(&fe, "next_step.kind", in.NextStepKind, NextStepKinds, true)
			kind = in.NextStepKind
			note = text(&fe, "next_step.note", in.NextStepNote, maxText, true)
		}
		if err := fe.Err(); err != nil {
			return "", err
		}
		if !g.Status.CanMoveTo(in.To) {
			allowed := make([]string, 0, 3)
			for _, t := range transitions[g.Status] {
				allowed = append(allowed, string(t))
			}
			return "", errs.New(errs.Conflict, fmt.Sprintf("A goal that is %s cannot become %s. Allowed: %s.", g.Status, in.To, strings.Join(allowed, ", ")))
		}
		if in.To == Active {
			if err := ActivationError(Check(*g, s.today())); err != nil {
				return "", err
			}
		}
		if err := s.st.insertStatus(ctx, statusRow{ID: uuid.New(), GoalID: g.ID, FromStatus: string(g.Status), ToStatus: string(in.To),
			Reason: reason, NextStepKind: kind, NextStepNote: note, OccurredAt: s.now(), ActorID: actor.MustFrom(ctx).UserID}); err != nil {
			return "", err
		}
		from := g.Status
		g.Status = in.To
		// The next step belongs to the goal being reached; a resumed goal
		// has none until it is reached again (the history keeps the old one).
		g.NextStepKind, g.NextStepNote = kind, note
		return string(from) + " -> " + string(in.To), nil
	})
}
