package cases

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Facts is what other domains (goals, the citizen's plan) may know about a
// case. It carries no CPR number. Fetching facts neither authorises nor
// audits: the caller does both, with TeamID.
type Facts struct {
	ID               uuid.UUID
	TeamID           uuid.UUID
	Status           Status
	CitizenName      string
	CaseworkerName   string
	Dreams           []Dream
	ContactAgreement ContactAgreement
	Expectations     []Expectation
	NextFollowUp     *time.Time
	Phase            Phase
	PhaseIteration   int
	OpenedAt         time.Time
}

// HasDream reports whether the case holds a dream with that id.
func (f Facts) HasDream(id uuid.UUID) bool {
	for _, d := range f.Dreams {
		if d.ID == id {
			return true
		}
	}
	return false
}

// Facts reads the facts of a case; NotFound if it does not exist.
func (s *Service) Facts(ctx context.Context, id uuid.UUID) (Facts, error) {
	r, err := s.st.get(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return Facts{}, notFound(id)
		}
		return Facts{}, fmt.Errorf("case facts: %w", err)
	}
	c := s.toCase(r, nil)
	return Facts{ID: c.ID, TeamID: c.TeamID, Status: c.Status, CitizenName: c.Citizen.Name, CaseworkerName: c.CaseworkerName,
		Dreams: c.Dreams, ContactAgreement: c.ContactAgreement, Expectations: c.Expectations, NextFollowUp: c.NextFollowUp,
		Phase: c.Phase, PhaseIteration: r.PhaseIteration, OpenedAt: r.OpenedAt.UTC()}, nil
}

// FactsFor authorises the actor for a case (role, then team) and reads its
// facts. A case of another team is the same NotFound as a missing one; the
// refusal comes as an *audit.Denial for action, so that the caller's
// RecordDenial writes it after rolling back.
func (s *Service) FactsFor(ctx context.Context, a actor.Actor, id uuid.UUID, action audit.Action) (Facts, error) {
	if err := a.RequireCaseAccess(); err != nil {
		return Facts{}, err
	}
	f, err := s.Facts(ctx, id)
	if err != nil && !errs.Is(err, errs.NotFound) {
		return Facts{}, err
	}
	if err != nil || !a.InTeam(f.TeamID) {
		ev := audit.Event{Action: action, CaseID: &id, Outcome: audit.Denied, Detail: "not found for this user"}
		if err == nil {
			ev.TeamID = &f.TeamID
		}
		return Facts{}, &audit.Denial{Event: ev, Err: notFound(id)}
	}
	return f, nil
}

// PhaseEnteredAt is when the case entered its current phase. Like Facts it
// neither authorises nor audits.
func (s *Service) PhaseEnteredAt(ctx context.Context, id uuid.UUID) (time.Time, error) {
	t, err := s.st.phaseEnteredAt(ctx, id)
	if err != nil {
		return time.Time{}, fmt.Errorf("phase entered: %w", err)
	}
	return t.UTC(), nil
}

// SetNextFollowUp records the date of the next follow-up, as decided at a
// follow-up review, through the transaction in ctx. It bumps the case's
// version, so a form opened before the review gets a 412 rather than
// silently restoring the old date.
func (s *Service) SetNextFollowUp(ctx context.Context, id uuid.UUID, next time.Time, by uuid.UUID) error {
	res := s.db.Conn(ctx).Table("cases").Where("id = ?", id).Updates(map[string]any{
		"next_follow_up_date": db.NewDate(next),
		"updated_at":          s.now(),
		"updated_by":          by,
		"version":             gorm.Expr("version + 1"),
	})
	if res.Error != nil {
		return db.Translate(res.Error, "set next follow-up")
	}
	if res.RowsAffected != 1 {
		return notFound(id)
	}
	return nil
}
