package settings

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

type settingsRow struct {
	ID            int        `gorm:"column:id;primaryKey"`
	PhaseGate     string     `gorm:"column:phase_gate"`
	Version       int        `gorm:"column:version"`
	UpdatedAt     *time.Time `gorm:"column:updated_at"`
	UpdatedBy     *uuid.UUID `gorm:"column:updated_by"`
	UpdatedByName string     `gorm:"column:updated_by_name;->"`
}

func (settingsRow) TableName() string { return "settings" }

type store struct{ db *db.DB }

func (s store) get(ctx context.Context) (settingsRow, error) {
	var r settingsRow
	err := s.db.Conn(ctx).Table("settings s").
		Select("s.id, s.phase_gate, s.version, s.updated_at, s.updated_by, COALESCE(u.name, '') AS updated_by_name").
		Joins("LEFT JOIN users u ON u.id = s.updated_by").
		Where("s.id = 1").Take(&r).Error
	return r, db.Translate(err, "read settings")
}

func (s store) update(ctx context.Context, version int, cols map[string]any) (bool, error) {
	res := s.db.Conn(ctx).Table("settings").Where("id = 1 AND version = ?", version).Updates(cols)
	if res.Error != nil {
		return false, db.Translate(res.Error, "update settings")
	}
	return res.RowsAffected == 1, nil
}
