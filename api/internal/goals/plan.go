package goals

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

// Plan is the citizen's own view ("Min plan"): dreams, goals being worked on
// with their next steps and who helps, what has been reached, when we meet
// next and how we keep in touch. It holds no CPR number and no internal
// codes beyond the enum values the web app turns into plain words.
type Plan struct {
	CitizenName      string
	CaseworkerName   string
	Dreams           []cases.Dream
	Goals            []PlanGoal
	Reached          []PlanGoal
	NextFollowUp     *time.Time
	ContactAgreement cases.ContactAgreement
	Agreements       []string // plain-language summaries of expectation alignment
}

// PlanGoal is a goal as the citizen sees it.
type PlanGoal struct {
	ID           uuid.UUID
	Title        string
	Specific     string
	NextSteps    string
	TargetDate   *time.Time
	Participants []Participant
	DreamText    string
	Latest       map[string]int // rater → latest 1–10 value
	SubGoals     []PlanGoal
	NextStepNote string // for reached goals: what happens now
}

// Plan builds the citizen's plan and audits the read.
func (s *Service) Plan(ctx context.Context, a actor.Actor, caseID uuid.UUID) (Plan, error) {
	ctx = actor.With(ctx, a)
	var out Plan
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.caseFor(ctx, a, caseID, actPlanRead)
		if err != nil {
			return err
		}
		rows, err := s.st.goalsOfCase(ctx, caseID)
		if err != nil {
			return err
		}
		ev, err := s.evaluateAll(ctx, rows)
		if err != nil {
			return err
		}
		dreams := map[uuid.UUID]string{}
		for _, d := range f.Dreams {
			dreams[d.ID] = d.Text
		}
		toPlan := func(g Evaluated) PlanGoal {
			p := PlanGoal{ID: g.ID, Title: g.Title, Specific: g.Specific, NextSteps: g.AchievableSteps, TargetDate: g.TargetDate,
				Participants: g.Participants, Latest: map[string]int{}, NextStepNote: g.NextStepNote}
			if g.DreamID != nil {
				p.DreamText = dreams[*g.DreamID]
			}
			for _, sm := range g.Summary {
				p.Latest[sm.Rater] = sm.Latest
			}
			return p
		}
		subs := map[uuid.UUID][]PlanGoal{}
		shownMain := map[uuid.UUID]bool{}
		for _, g := range ev {
			if g.ParentID != nil && g.Status.InProgress() {
				subs[*g.ParentID] = append(subs[*g.ParentID], toPlan(g))
			}
			if g.ParentID == nil && g.Status.InProgress() {
				shownMain[g.ID] = true
			}
		}
		for _, g := range ev {
			if g.ParentID != nil {
				// A sub-goal still worked on whose main goal is not (reached,
				// a draft, stopped) is shown on its own rather than lost.
				if g.Status.InProgress() && !shownMain[*g.ParentID] {
					out.Goals = append(out.Goals, toPlan(g))
				}
				continue
			}
			switch {
			case g.Status.InProgress():
				p := toPlan(g)
				p.SubGoals = subs[g.ID]
				out.Goals = append(out.Goals, p)
			case g.Status == Achieved:
				out.Reached = append(out.Reached, toPlan(g))
			}
		}
		out.CitizenName, out.CaseworkerName = f.CitizenName, f.CaseworkerName
		out.Dreams, out.NextFollowUp, out.ContactAgreement = f.Dreams, f.NextFollowUp, f.ContactAgreement
		for _, e := range f.Expectations {
			out.Agreements = append(out.Agreements, e.Summary)
		}
		return s.audit.Record(ctx, audit.Event{Action: actPlanRead, CaseID: &caseID, TeamID: &f.TeamID})
	})
	if err != nil {
		return Plan{}, fmt.Errorf("plan: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}
