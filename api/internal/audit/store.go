package audit

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

type eventRow struct {
	ID         uuid.UUID  `gorm:"column:id;primaryKey"`
	OccurredAt time.Time  `gorm:"column:occurred_at"`
	ActorID    *uuid.UUID `gorm:"column:actor_id"`
	ActorRole  string     `gorm:"column:actor_role"`
	Credential *uuid.UUID `gorm:"column:credential_id"`
	Subject    string     `gorm:"column:subject"`
	Action     string     `gorm:"column:action"`
	CaseID     *uuid.UUID `gorm:"column:case_id"`
	TeamID     *uuid.UUID `gorm:"column:team_id"`
	RequestID  string     `gorm:"column:request_id"`
	ClientIP   string     `gorm:"column:client_ip"`
	Outcome    string     `gorm:"column:outcome"`
	Detail     string     `gorm:"column:detail"`
}

func (eventRow) TableName() string { return "audit_events" }

var eventColumns = []string{"id", "occurred_at", "actor_id", "actor_role", "credential_id", "subject", "action", "case_id",
	"team_id", "request_id", "client_ip", "outcome", "detail"}

type store struct{ db *db.DB }

func (s store) insert(ctx context.Context, evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	rows := make([]eventRow, len(evs))
	for i, e := range evs {
		rows[i] = eventRow{ID: e.ID, OccurredAt: e.OccurredAt, ActorID: e.ActorID, ActorRole: e.ActorRole, Credential: e.CredentialID,
			Subject: e.Subject, Action: string(e.Action), CaseID: e.CaseID, TeamID: e.TeamID,
			RequestID: e.RequestID, ClientIP: e.ClientIP, Outcome: string(e.Outcome), Detail: e.Detail}
	}
	// One multi-row INSERT, however many cases a list page showed.
	if err := s.db.Conn(ctx).CreateInBatches(rows, 200).Error; err != nil {
		return fmt.Errorf("insert audit events: %w", err)
	}
	return nil
}

type cursorPos struct {
	At time.Time `json:"t"`
	ID uuid.UUID `json:"i"`
}

func (s store) list(ctx context.Context, f Filter, teams []uuid.UUID, allTeams bool, after *cursorPos) ([]Event, error) {
	q := s.db.Conn(ctx).Model(&eventRow{}).Select(eventColumns)
	if !allTeams {
		q = q.Where("team_id IN ?", teams)
	}
	if f.CaseID != nil {
		q = q.Where("case_id = ?", *f.CaseID)
	}
	if f.ActorID != nil {
		q = q.Where("actor_id = ?", *f.ActorID)
	}
	if f.CredentialID != nil {
		q = q.Where("credential_id = ?", *f.CredentialID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if f.From != nil {
		q = q.Where("occurred_at >= ?", *f.From)
	}
	if f.To != nil {
		q = q.Where("occurred_at < ?", *f.To)
	}
	if after != nil {
		q = q.Where("(occurred_at < ? OR (occurred_at = ? AND id < ?))", after.At, after.At, after.ID)
	}
	var rows []eventRow
	if err := q.Order("occurred_at DESC, id DESC").Limit(f.Limit + 1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list audit events: %w", err)
	}
	out := make([]Event, len(rows))
	for i, r := range rows {
		out[i] = Event{ID: r.ID, OccurredAt: r.OccurredAt.UTC(), ActorID: r.ActorID, ActorRole: r.ActorRole, CredentialID: r.Credential,
			Subject: r.Subject, Action: Action(r.Action), CaseID: r.CaseID, TeamID: r.TeamID,
			RequestID: r.RequestID, ClientIP: r.ClientIP, Outcome: Outcome(r.Outcome), Detail: r.Detail}
	}
	return out, nil
}
