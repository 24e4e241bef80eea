package goals

import (
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves goals, progress, follow-ups and the citizen's plan.
type Handler struct{ svc *Service }

// NewHandler returns the goals HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/cases/:case_id/goals", h.list)
	g.POST("/cases/:case_id/goals", h.create)
	g.POST("/cases/:case_id/goals/check", h.check)
	g.GET("/cases/:case_id/follow-ups", h.listFollowUps)
	g.POST("/cases/:case_id/follow-ups", h.createFollowUp)
	g.GET("/cases/:case_id/plan", h.plan)
	g.GET("/goals/:id", h.get)
	g.PATCH("/goals/:id", h.update)
	g.POST("/goals/:id/status", h.status)
	g.GET("/goals/:id/progress", h.listProgress)
	g.POST("/goals/:id/progress", h.addProgress)
}

// versioned parses what every change of one goal needs: its id, the actor,
// and the version from If-Match.
func versioned(c echo.Context) (uuid.UUID, int, actor.Actor, error) {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return uuid.Nil, 0, actor.Actor{}, err
	}
	a, err := goalActor(c)
	if err != nil {
		return uuid.Nil, 0, actor.Actor{}, err
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return uuid.Nil, 0, actor.Actor{}, err
	}
	return id, version, a, nil
}

// --- converters ---

func date(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func i32(p *int) *int32 {
	if p == nil {
		return nil
	}
	v := int32(*p)
	return &v
}

func ints(p *int32) *int {
	if p == nil {
		return nil
	}
	v := int(*p)
	return &v
}

func toParticipants(ps []Participant) []ParticipantDTO {
	out := make([]ParticipantDTO, len(ps))
	for i, p := range ps {
		out[i] = ParticipantDTO(p)
	}
	return out
}

func fromParticipants(ps []ParticipantDTO) []Participant {
	out := make([]Participant, len(ps))
	for i, p := range ps {
		out[i] = Participant(p)
	}
	return out
}

func toSmart(cs []Criterion) SmartDTO {
	out := SmartDTO{Met: SMART(cs), Criteria: make([]CriterionDTO, len(cs))}
	for i, c := range cs {
		out.Criteria[i] = CriterionDTO{Key: c.Key, Met: c.Met, HintCode: c.HintCode, Hint: c.Hint}
	}
	return out
}

func toSummary(ss []RaterSummary) []RaterSummaryDTO {
	out := make([]RaterSummaryDTO, len(ss))
	for i, s := range ss {
		out[i] = RaterSummaryDTO{Rater: s.Rater, Count: int32(s.Count), First: int32(s.First), Latest: int32(s.Latest),
			FirstOn: s.FirstOn.Format(time.DateOnly), LatestOn: s.LatestOn.Format(time.DateOnly), Change: int32(s.Change)}
	}
	return out
}

func toDTO(e Evaluated) GoalDTO {
	g := e.Goal
	out := GoalDTO{ID: g.ID, CaseID: g.CaseID, ParentID: g.ParentID, DreamID: g.DreamID, Title: g.Title, Specific: g.Specific,
		MeasurableIndicator: g.MeasurableIndicator, MeasurableTarget: g.MeasurableTarget, AchievableSteps: g.AchievableSteps,
		AchievableResources: g.AchievableResources, Relevant: g.Relevant, TargetDate: date(g.TargetDate), Horizon: g.Horizon,
		Participants: toParticipants(g.Participants), Status: string(g.Status), AllowedNextStatuses: []string{},
		GASAttained: i32(g.GASAttained), Smart: toSmart(e.Criteria), Progress: toSummary(e.Summary),
		CreatedAt: g.CreatedAt, UpdatedAt: g.UpdatedAt, Version: int32(g.Version)}
	for _, t := range transitions[g.Status] {
		out.AllowedNextStatuses = append(out.AllowedNextStatuses, string(t))
	}
	if g.NextStepKind != "" {
		out.NextStep = &NextStepDTO{Kind: g.NextStepKind, Note: g.NextStepNote}
	}
	if g.GASLevels != nil {
		l := GASLevelsDTO{Minus2: g.GASLevels.MuchLess, Minus1: g.GASLevels.Less, Zero: g.GASLevels.Expected,
			Plus1: g.GASLevels.More, Plus2: g.GASLevels.MuchMore}
		out.GASLevels = &l
	}
	for _, hc := range g.History {
		sc := StatusChangeDTO{From: string(hc.From), To: string(hc.To), Reason: hc.Reason, OccurredAt: hc.OccurredAt,
			ByID: hc.ActorID, ByName: hc.ActorName}
		if hc.NextStepKind != "" {
			sc.NextStep = &NextStepDTO{Kind: hc.NextStepKind, Note: hc.NextStepNote}
		}
		out.History = append(out.History, sc)
	}
	return out
}

func fromGAS(l *GASLevelsDTO) *GASLevels {
	if l == nil {
		return nil
	}
	return &GASLevels{MuchLess: l.Minus2, Less: l.Minus1, Expected: l.Zero, More: l.Plus1, MuchMore: l.Plus2}
}

func fromInput(in GoalInput) Fields {
	str := func(s string) *string { return &s }
	f := Fields{ParentID: in.ParentID, DreamID: in.DreamID, Title: str(in.Title), Specific: str(in.Specific),
		MeasurableIndicator: str(in.MeasurableIndicator), MeasurableTarget: str(in.MeasurableTarget),
		AchievableSteps: str(in.AchievableSteps), AchievableResources: str(in.AchievableResources),
		Relevant: str(in.Relevant), TargetDate: str(in.TargetDate), GASLevels: fromGAS(in.GASLevels)}
	if in.Horizon != "" {
		f.Horizon = &in.Horizon
	}
	if in.Participants != nil {
		ps := fromParticipants(in.Participants)
		f.Participants = &ps
	}
	return f
}

func fromUpdate(in UpdateGoalRequest) Fields {
	f := Fields{ParentID: in.ParentID, DreamID: in.DreamID, Title: in.Title, Specific: in.Specific,
		MeasurableIndicator: in.MeasurableIndicator, MeasurableTarget: in.MeasurableTarget,
		AchievableSteps: in.AchievableSteps, AchievableResources: in.AchievableResources, Relevant: in.Relevant,
		TargetDate: in.TargetDate, Horizon: in.Horizon, GASLevels: fromGAS(in.GASLevels),
		ClearGASLevels: in.ClearGASLevels, GASAttained: ints(in.GASAttained)}
	if in.Participants != nil {
		ps := fromParticipants(*in.Participants)
		f.Participants = &ps
	}
	return f
}

func toProgressDTO(p Progress) ProgressDTO {
	return ProgressDTO{ID: p.ID, GoalID: p.GoalID, MeasuredOn: p.MeasuredOn.Format(time.DateOnly), Rater: p.Rater,
		Value: int32(p.Value), Note: p.Note, FollowUpID: p.FollowUpID, RecordedAt: p.RecordedAt, RecordedBy: p.ByName}
}

func toReviewedDTO(r ReviewedGoal) ReviewedGoalDTO {
	return ReviewedGoalDTO{GoalID: r.GoalID, CitizenValue: i32(r.CitizenValue), CaseworkerValue: i32(r.CaseworkerValue),
		GASLevel: i32(r.GASLevel), Decision: r.Decision, EndStatus: r.EndStatus, Reason: r.Reason,
		NextStepKind: r.NextStepKind, NextStepNote: r.NextStepNote}
}

func toFollowUpDTO(f FollowUp) FollowUpDTO {
	out := FollowUpDTO{ID: f.ID, CaseID: f.CaseID, HeldOn: f.HeldOn.Format(time.DateOnly),
		NextFollowUpDate: f.NextFollowUpDate.Format(time.DateOnly), Note: f.Note, Items: make([]ReviewedGoalDTO, len(f.Items)),
		CreatedAt: f.CreatedAt, By: f.ByName}
	for i, it := range f.Items {
		out.Items[i] = toReviewedDTO(it)
	}
	return out
}

func toPlanGoal(p PlanGoal) PlanGoalDTO {
	out := PlanGoalDTO{ID: p.ID, Title: p.Title, WhatChanges: p.Specific, NextSteps: p.NextSteps, TargetDate: date(p.TargetDate),
		Participants: toParticipants(p.Participants), Dream: p.DreamText, WhatNow: p.NextStepNote}
	if v, ok := p.Latest["citizen"]; ok {
		x := int32(v)
		out.CitizenLatest = &x
	}
	if v, ok := p.Latest["caseworker"]; ok {
		x := int32(v)
		out.CaseworkerLatest = &x
	}
	for _, s := range p.SubGoals {
		out.SubGoals = append(out.SubGoals, toPlanGoal(s))
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (h *Handler) respond(c echo.Context, status int, e Evaluated) error {
	httpx.SetETag(c, e.Version)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(status, toDTO(e))
}

// goalActor is the actor of a case-content request (see actor.CaseWorkerFrom).
func goalActor(c echo.Context) (actor.Actor, error) {
	return actor.CaseWorkerFrom(c.Request().Context())
}
