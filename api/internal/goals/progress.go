package goals

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Series is a goal's measurements (oldest first) and a summary per rater.
type Series struct {
	Items   []Progress
	Summary []RaterSummary
}

// ListProgress returns a goal's measurements.
func (s *Service) ListProgress(ctx context.Context, a actor.Actor, id uuid.UUID) (Series, error) {
	ctx = actor.With(ctx, a)
	var out Series
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.goalFor(ctx, a, id, actProgressRead)
		if err != nil {
			return err
		}
		rows, err := s.st.progressOf(ctx, []uuid.UUID{id})
		if err != nil {
			return err
		}
		out.Items = make([]Progress, len(rows))
		for i, p := range rows {
			out.Items[i] = toProgress(p)
		}
		out.Summary = summarise(out.Items)
		return s.audit.Record(ctx, audit.Event{Action: actProgressRead, CaseID: &r.CaseID, TeamID: &f.TeamID, Detail: "goal " + id.String()})
	})
	if err != nil {
		return Series{}, fmt.Errorf("list progress: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}

func validValue(fe *errs.Fields, field string, v int) {
	if v < 1 || v > 10 {
		fe.Add(field, "must be a whole number from 1 to 10")
	}
}

// AddProgress records one measurement on a goal that is not a draft.
func (s *Service) AddProgress(ctx context.Context, a actor.Actor, id uuid.UUID, in ProgressInput) (Progress, error) {
	ctx = actor.With(ctx, a)
	var out Progress
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, f, err := s.goalFor(ctx, a, id, actProgressAdd)
		if err != nil {
			return err
		}
		if err := requireOpen(f); err != nil {
			return err
		}
		var fe errs.Fields
		on := parseDate(&fe, "measured_on", in.MeasuredOn, true)
		if on != nil && on.After(s.today()) {
			fe.Add("measured_on", "must not be in the future")
		}
		oneOf(&fe, "rater", in.Rater, Raters, true)
		validValue(&fe, "value", in.Value)
		note := text(&fe, "note", in.Note, maxText, false)
		if err := fe.Err(); err != nil {
			return err
		}
		if st := Status(r.Status); st == Draft || st == Discontinued {
			return errs.New(errs.Conflict, "Progress is measured on goals that are being worked on or reached, not on drafts or discontinued goals.")
		}
		row := progressRow{ID: uuid.New(), GoalID: id, MeasuredOn: db.NewDate(*on), Rater: in.Rater, Value: in.Value,
			Note: note, RecordedAt: s.now(), RecordedBy: a.UserID}
		if err := s.st.insertProgress(ctx, row); err != nil {
			return err
		}
		// Read back for the recorder's name.
		if row, err = s.st.progress(ctx, row.ID); err != nil {
			return err
		}
		out = toProgress(row)
		return s.audit.Record(ctx, audit.Event{Action: actProgressAdd, CaseID: &r.CaseID, TeamID: &f.TeamID, Detail: "goal " + id.String()})
	})
	if err != nil {
		return Progress{}, fmt.Errorf("add progress: %w", s.audit.RecordDenial(ctx, err))
	}
	return out, nil
}
