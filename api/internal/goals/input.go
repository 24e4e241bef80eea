package goals

import (
	"fmt"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Draft fields of a goal, as sent on create, update and the live check.
// Update uses nil for "leave as it is".
type Fields struct {
	ParentID            *uuid.UUID
	DreamID             *uuid.UUID
	Title               *string
	Specific            *string
	MeasurableIndicator *string
	MeasurableTarget    *string
	AchievableSteps     *string
	AchievableResources *string
	Relevant            *string
	TargetDate          *string // "" clears
	Horizon             *string
	Participants        *[]Participant
	GASLevels           *GASLevels
	ClearGASLevels      bool
	GASAttained         *int
}

// apply validates f and writes it onto g, collecting every field error.
func (f Fields) apply(g *Goal, fe *errs.Fields) {
	set := func(dst *string, v *string, field string, max int, required bool) {
		if v != nil {
			*dst = text(fe, field, *v, max, required)
		}
	}
	set(&g.Title, f.Title, "title", maxTitle, true)
	set(&g.Specific, f.Specific, "specific", maxText, false)
	set(&g.MeasurableIndicator, f.MeasurableIndicator, "measurable_indicator", maxText, false)
	set(&g.MeasurableTarget, f.MeasurableTarget, "measurable_target", maxText, false)
	set(&g.AchievableSteps, f.AchievableSteps, "achievable_steps", maxText, false)
	set(&g.AchievableResources, f.AchievableResources, "achievable_resources", maxText, false)
	set(&g.Relevant, f.Relevant, "relevant", maxText, false)
	if f.Horizon != nil {
		oneOf(fe, "horizon", *f.Horizon, Horizons, true)
		g.Horizon = *f.Horizon
	}
	if f.TargetDate != nil {
		g.TargetDate = parseDate(fe, "target_date", *f.TargetDate, false)
	}
	if f.ParentID != nil {
		// uuid.Nil turns a sub-goal back into a main goal.
		id := *f.ParentID
		g.ParentID = &id
		if id == uuid.Nil {
			g.ParentID = nil
		}
	}
	if f.DreamID != nil {
		id := *f.DreamID
		g.DreamID = &id
		if id == uuid.Nil {
			g.DreamID = nil
		}
	}
	if f.Participants != nil {
		ps := *f.Participants
		if len(ps) > 20 {
			fe.Add("participants", "at most 20")
		}
		out := make([]Participant, len(ps))
		for i, p := range ps {
			pre := fmt.Sprintf("participants[%d].", i)
			oneOf(fe, pre+"kind", p.Kind, ParticipantKinds, true)
			out[i] = Participant{Kind: p.Kind, Name: text(fe, pre+"name", p.Name, 200, false), Task: text(fe, pre+"task", p.Task, 1000, false)}
		}
		g.Participants = out
	}
	if f.ClearGASLevels {
		g.GASLevels, g.GASAttained = nil, nil
	}
	if f.GASLevels != nil {
		l := *f.GASLevels
		l.MuchLess = text(fe, "gas_levels.minus2", l.MuchLess, 1000, true)
		l.Less = text(fe, "gas_levels.minus1", l.Less, 1000, true)
		l.Expected = text(fe, "gas_levels.zero", l.Expected, 1000, true)
		l.More = text(fe, "gas_levels.plus1", l.More, 1000, true)
		l.MuchMore = text(fe, "gas_levels.plus2", l.MuchMore, 1000, true)
		g.GASLevels = &l
	}
	if f.GASAttained != nil {
		v := *f.GASAttained
		if v < -2 || v > 2 {
			fe.Add("gas_attained", "must be from -2 to 2")
		}
		if g.GASLevels == nil {
			fe.Add("gas_attained", "the goal has no attainment levels")
		}
		g.GASAttained = &v
	}
}

// StatusChangeInput moves a goal to another status.
type StatusChangeInput struct {
	To           Status
	Reason       string
	NextStepKind string
	NextStepNote string
}

// ProgressInput is one measurement.
type ProgressInput struct {
	MeasuredOn string
	Rater      string
	Value      int
	Note       string
}

// ReviewedGoal is what a follow-up review decided for one goal. It is kept on
// the follow-up as its record.
type ReviewedGoal struct {
	GoalID          uuid.UUID `json:"goal_id"`
	CitizenValue    *int      `json:"citizen_value,omitempty"`
	CaseworkerValue *int      `json:"caseworker_value,omitempty"`
	GASLevel        *int      `json:"gas_level,omitempty"`
	Decision        string    `json:"decision"`             // keep, adjust, end
	EndStatus       string    `json:"end_status,omitempty"` // achieved, discontinued
	Reason          string    `json:"reason,omitempty"`
	NextStepKind    string    `json:"next_step_kind,omitempty"`
	NextStepNote    string    `json:"next_step_note,omitempty"`
}

// FollowUpInput records a follow-up review of a case.
type FollowUpInput struct {
	HeldOn           string
	NextFollowUpDate string
	Note             string
	Items            []ReviewedGoal
}
