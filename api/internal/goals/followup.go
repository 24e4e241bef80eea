package goals

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// FollowUp is a recorded follow-up review.
type FollowUp struct {
	ID               uuid.UUID
	CaseID           uuid.UUID
	HeldOn           time.Time
	NextFollowUpDate time.Time
	Note             string
	Items            []ReviewedGoal
	CreatedAt        time.Time
	ByName           string
}

func toFollowUp(r followUpRow) FollowUp {
	items := r.Items.V
	if items == nil {
		items = []ReviewedGoal{}
	}
	return FollowUp{ID: r.ID, CaseID: r.CaseID, HeldOn: r.HeldOn.Time, NextFollowUpDate: r.NextFollowUpDate.Time,
		Note: r.Note, Items: items, CreatedAt: r.CreatedAt.UTC(), ByName: r.ByName}
}

// CreateFollowUp records a follow-up review: for every goal being worked on,
// today's measurements, whether it is kept, adjusted or ended, and the date
// of the next follow-up, which becomes the case's. Ending a goal as achieved
// needs the next step named, as everywhere else.
func (s *Service) CreateFollowUp(ctx context.Context, a actor.Actor, caseID uuid.UUID, in FollowUpInput) (FollowUp, error) {
	ctx = actor.With(ctx, a)
	var out FollowUp
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.caseFor(ctx, a, caseID, actFollowUpAdd)
		if err != nil {
			return err
		}
		if err := requireOpen(f); err != nil {
			return err
		}
		rows, err := s.st.goalsOfCase(ctx, caseID)
		if err != nil {
			return err
		}
		open := map[uuid.UUID]Goal{}
		for _, r := range rows {
			if g := toGoal(r); g.Status.InProgress() {
				open[g.ID] = g
			}
		}
		var fe errs.Fields
		today := s.today()
		held := parseDate(&fe, "held_on", in.HeldOn, true)
		if held != nil && held.After(today) {
			fe.Add("held_on", "must not be in the future")
		}
		next := parseDate(&fe, "next_follow_up_date", in.NextFollowUpDate, true)
		if next != nil && (next.Before(today) || (held != nil && !next.After(*held))) {
			fe.Add("next_follow_up_date", "must be after the follow-up and not in the past")
		}
		note := text(&fe, "note", in.Note, maxText, false)
		seen := map[uuid.UUID]bool{}
		items := make([]ReviewedGoal, len(in.Items))
		for i, it := range in.Items {
			p := fmt.Sprintf("items[%d].", i)
			g, ok := open[it.GoalID]
			switch {
			case !ok:
				fe.Add(p+"goal_id", "is not a goal being worked on in this case")
			case seen[it.GoalID]:
				fe.Add(p+"goal_id", "is reviewed twice")
			}
			seen[it.GoalID] = true
			if it.CitizenValue != nil {
				validValue(&fe, p+"citizen_value", *it.CitizenValue)
			}
			if it.CaseworkerValue != nil {
				validValue(&fe, p+"caseworker_value", *it.CaseworkerValue)
			}
			if it.GASLevel != nil {
				if *it.GASLevel < -2 || *it.GASLevel > 2 {
					fe.Add(p+"gas_level", "must be from -2 to 2")
				} else if ok && g.GASLevels == nil {
					fe.Add(p+"gas_level", "the goal has no attainment levels")
				}
			}
			oneOf(&fe, p+"decision", it.Decision, Decisions, true)
			it.Reason = text(&fe, p+"reason", it.Reason, maxText, it.Decision == "adjust" || it.Decision == "end")
			if it.Decision == "end" {
				oneOf(&fe, p+"end_status", it.EndStatus, []string{string(Achieved), string(Discontinued)}, true)
				if it.EndStatus == string(Achieved) {
					oneOf(&fe, p+"next_step_kind", it.NextStepKind, NextStepKinds, true)
					it.NextStepNote = text(&fe, p+"next_step_note", it.NextStepNote, maxText, true)
				}
			} else {
				it.EndStatus, it.NextStepKind, it.NextStepNote = "", "", ""
			}
			items[i] = it
		}
		for _, r := range rows { // in creation order, so the messages are stable
			if g, ok := open[r.ID]; ok && !seen[r.ID] {
				fe.Add("items", "review every goal being worked on; missing: "+g.Title)
			}
		}
		if err := fe.Err(); err != nil {
			return err
		}

		now := s.now()
		fu := followUpRow{ID: uuid.New(), CaseID: caseID, HeldOn: db.NewDate(*held), NextFollowUpDate: db.NewDate(*next),
			Note: note, Items: db.JSON[[]ReviewedGoal]{V: items}, CreatedAt: now, CreatedBy: a.UserID}
		if err := s.st.insertFollowUp(ctx, fu); err != nil {
			return err
		}
		var progress []progressRow
		for _, it := range items {
			for rater, v := range map[string]*int{"citizen": it.CitizenValue, "caseworker": it.CaseworkerValue} {
				if v != nil {
					fid := fu.ID
					progress = append(progress, progressRow{ID: uuid.New(), GoalID: it.GoalID, MeasuredOn: db.NewDate(*held),
						Rater: rater, Value: *v, FollowUpID: &fid, RecordedAt: now, RecordedBy: a.UserID})
				}
			}
			if err := s.applyDecision(ctx, open[it.GoalID], it, now, a.UserID); err != nil {
				return err
			}
		}
		if err := s.st.insertProgress(ctx, progress...); err != nil {
			return err
		}
		if err := s.cases.SetNextFollowUp(ctx, caseID, *next, a.UserID); err != nil {
			return err
		}
		// Read back for the recorder's name.
		if fu, err = s.st.followUp(ctx, fu.ID); err != nil {
			return err
		}
		out = toFollowUp(fu)
		return s.audit.Record(ctx, audit.Event{Action: actFollowUpAdd, CaseID: &caseID, TeamID: &f.TeamID,
			Detail: fmt.Sprintf("follow-up %s, %d goals", fu.ID, len(items))})
	})
	if err != nil {
		return FollowUp{}, fmt.Errorf("create follow-up: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// applyDecision writes a goal's new status (and attainment level) as
// decided at the review, with the history entry that explains it.
func (s *Service) applyDecision(ctx context.Context, g Goal, it ReviewedGoal, now time.Time, by uuid.UUID) error {
	cols := map[string]any{"updated_at": now, "updated_by": by}
	if it.GASLevel != nil {
		cols["gas_attained"] = *it.GASLevel
	}
	to := g.Status
	switch it.Decision {
	case "adjust":
		to = Adjusted
	case "end":
		to = Status(it.EndStatus)
		if to == Achieved {
			cols["next_step_kind"], cols["next_step_note"] = it.NextStepKind, it.NextStepNote
		}
	}
	if to != g.Status || it.Decision == "adjust" {
		cols["status"] = string(to)
		if err := s.st.insertStatus(ctx, statusRow{ID: uuid.New(), GoalID: g.ID, FromStatus: string(g.Status), ToStatus: string(to),
			Reason: it.Reason, NextStepKind: it.NextStepKind, NextStepNote: it.NextStepNote, OccurredAt: now, ActorID: by}); err != nil {
			return err
		}
	}
	ok, err := s.st.updateGoal(ctx, g.ID, g.Version, cols)
	if err != nil {
		return err
	}
	if !ok {
		return errs.New(errs.Conflict, "A goal was changed while the follow-up was being saved. Reload and review again.")
	}
	return nil
}

// ListFollowUps returns a case's follow-up reviews, newest first.
func (s *Service) ListFollowUps(ctx context.Context, a actor.Actor, caseID uuid.UUID) ([]FollowUp, error) {
	ctx = actor.With(ctx, a)
	var out []FollowUp
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		f, err := s.caseFor(ctx, a, caseID, actFollowUpList)
		if err != nil {
			return err
		}
		rows, err := s.st.followUps(ctx, caseID)
		if err != nil {
			return err
		}
		out = make([]FollowUp, len(rows))
		for i, r := range rows {
			out[i] = toFollowUp(r)
		}
		return s.audit.Record(ctx, audit.Event{Action: actFollowUpList, CaseID: &caseID, TeamID: &f.TeamID})
	})
	if err != nil {
		return nil, fmt.Errorf("list follow-ups: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

// FollowUpsSince counts the follow-up reviews of a case recorded since
// since (inclusive, so a frozen test clock still counts). The checklists domain uses it to start a fresh principle checklist
// for each review while a case is in opfølgning. It neither authorises nor
// audits: the caller has done both for the case.
func (s *Service) FollowUpsSince(ctx context.Context, caseID uuid.UUID, since time.Time) (int, error) {
	var n int64
	err := s.st.conn(ctx).Table("follow_ups").Where("case_id = ? AND created_at >= ?", caseID, since).Count(&n).Error
	if err != nil {
		return 0, db.Translate(err, "count follow-ups")
	}
	return int(n), nil
}
