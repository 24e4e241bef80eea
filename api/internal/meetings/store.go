package meetings

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

type meetingRow struct {
	ID              uuid.UUID              `gorm:"column:id;primaryKey"`
	CaseID          uuid.UUID              `gorm:"column:case_id"`
	StartsAt        time.Time              `gorm:"column:starts_at"`
	DurationMinutes *int                   `gorm:"column:duration_minutes"`
	Form            string                 `gorm:"column:form"`
	Place           string                 `gorm:"column:place"`
	Participants    db.JSON[[]Participant] `gorm:"column:participants"`
	AgendaSent      bool                   `gorm:"column:agenda_sent"`
	Agenda          db.JSON[[]AgendaItem]  `gorm:"column:agenda"`
	Summary         string                 `gorm:"column:summary"`
	Agreements      db.JSON[[]Agreement]   `gorm:"column:agreements"`
	Status          string                 `gorm:"column:status"`
	CreatedAt       time.Time              `gorm:"column:created_at"`
	CreatedBy       uuid.UUID              `gorm:"column:created_by"`
	UpdatedAt       time.Time              `gorm:"column:updated_at"`
	UpdatedBy       uuid.UUID              `gorm:"column:updated_by"`
	Version         int                    `gorm:"column:version"`
}

func (meetingRow) TableName() string { return "meetings" }

var meetingColumns = []string{"id", "case_id", "starts_at", "duration_minutes", "form", "place", "participants",
	"agenda_sent", "agenda", "summary", "agreements", "status", "created_at", "created_by", "updated_at", "updated_by",
	"version"}

// heldRow is a held meeting as the contact comparison needs it.
type heldRow struct {
	StartsAt time.Time `gorm:"column:starts_at"`
	Form     string    `gorm:"column:form"`
}

type teamCount struct {
	TeamID uuid.UUID `gorm:"column:team_id"`
	N      int       `gorm:"column:n"`
}

type store struct{ db *db.DB }

func (s store) conn(ctx context.Context) *gorm.DB { return s.db.Conn(ctx) }

func (s store) meeting(ctx context.Context, id uuid.UUID) (meetingRow, error) {
	var r meetingRow
	err := s.conn(ctx).Select(meetingColumns).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "get meeting")
}

// meetingsOfCase lists a case's meetings, newest first, in one query.
func (s store) meetingsOfCase(ctx context.Context, caseID uuid.UUID) ([]meetingRow, error) {
	var rows []meetingRow
	err := s.conn(ctx).Select(meetingColumns).Where("case_id = ?", caseID).
		Order("starts_at DESC, id DESC").Limit(1000).Find(&rows).Error
	return rows, db.Translate(err, "list meetings")
}

func (s store) insert(ctx context.Context, r meetingRow) error {
	return db.Translate(s.conn(ctx).Create(&r).Error, "insert meeting")
}

// update writes cols when the version still matches and bumps it; it reports
// whether it did.
func (s store) update(ctx context.Context, id uuid.UUID, version int, cols map[string]any) (bool, error) {
	cols["version"] = gorm.Expr("version + 1")
	res := s.conn(ctx).Table("meetings").Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		return false, db.Translate(res.Error, "update meeting")
	}
	return res.RowsAffected == 1, nil
}

// held lists a case's held meetings, newest first: the contact comparison
// needs the last one and those of the recent window.
func (s store) held(ctx context.Context, caseID uuid.UUID) ([]heldRow, error) {
	var rows []heldRow
	err := s.conn(ctx).Table("meetings").Select("starts_at, form").
		Where("case_id = ? AND status = ?", caseID, string(Held)).
		Order("starts_at DESC, id DESC").Limit(1000).Scan(&rows).Error
	return rows, db.Translate(err, "list held meetings")
}

// previous is the case's latest meeting, not cancelled, that started before
// startsAt.
func (s store) previous(ctx context.Context, caseID uuid.UUID, startsAt time.Time) (meetingRow, error) {
	var r meetingRow
	err := s.conn(ctx).Select(meetingColumns).
		Where("case_id = ? AND status <> ? AND starts_at < ?", caseID, string(Cancelled), startsAt).
		Order("starts_at DESC, id DESC").Take(&r).Error
	return r, db.Translate(err, "previous meeting")
}

// countHeld counts held meetings with starts_at in [from, to) per team.
func (s store) countHeld(ctx context.Context, teams []uuid.UUID, from, to time.Time) ([]teamCount, error) {
	var rows []teamCount
	err := s.conn(ctx).Table("meetings m").Select("k.team_id, COUNT(*) AS n").
		Joins("JOIN cases k ON k.id = m.case_id").
		Where("k.team_id IN ? AND m.status = ? AND m.starts_at >= ? AND m.starts_at < ?", teams, string(Held), from, to).
		Group("k.team_id").Scan(&rows).Error
	return rows, db.Translate(err, "count held meetings")
}
