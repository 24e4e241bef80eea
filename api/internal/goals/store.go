package goals

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

type goalRow struct {
	ID                  uuid.UUID              `gorm:"column:id;primaryKey"`
	CaseID              uuid.UUID              `gorm:"column:case_id"`
	ParentID            *uuid.UUID             `gorm:"column:parent_id"`
	DreamID             *uuid.UUID             `gorm:"column:dream_id"`
	Title               string                 `gorm:"column:title"`
	Specific            string                 `gorm:"column:specific"`
	MeasurableIndicator string                 `gorm:"column:measurable_indicator"`
	MeasurableTarget    string                 `gorm:"column:measurable_target"`
	AchievableSteps     string                 `gorm:"column:achievable_steps"`
	AchievableResources string                 `gorm:"column:achievable_resources"`
	Relevant            string                 `gorm:"column:relevant"`
	TargetDate          db.Date                `gorm:"column:target_date"`
	Horizon             string                 `gorm:"column:horizon"`
	Participants        db.JSON[[]Participant] `gorm:"column:participants"`
	Status              string                 `gorm:"column:status"`
	NextStepKind        string                 `gorm:"column:next_step_kind"`
	NextStepNote        string                 `gorm:"column:next_step_note"`
	GASLevels           *db.JSON[GASLevels]    `gorm:"column:gas_levels"`
	GASAttained         *int                   `gorm:"column:gas_attained"`
	CreatedAt           time.Time              `gorm:"column:created_at"`
	UpdatedAt           time.Time              `gorm:"column:updated_at"`
	CreatedBy           uuid.UUID              `gorm:"column:created_by"`
	UpdatedBy           uuid.UUID              `gorm:"column:updated_by"`
	Version             int                    `gorm:"column:version"`
}

func (goalRow) TableName() string { return "goals" }

var goalColumns = []string{"id", "case_id", "parent_id", "dream_id", "title", "specific", "measurable_indicator",
	"measurable_target", "achievable_steps", "achievable_resources", "relevant", "target_date", "horizon",
	"participants", "status", "next_step_kind", "next_step_note", "gas_levels", "gas_attained", "created_at",
	"updated_at", "created_by", "updated_by", "version"}

type statusRow struct {
	ID           uuid.UUID `gorm:"column:id;primaryKey"`
	GoalID       uuid.UUID `gorm:"column:goal_id"`
	FromStatus   string    `gorm:"column:from_status"`
	ToStatus     string    `gorm:"column:to_status"`
	Reason       string    `gorm:"column:reason"`
	NextStepKind string    `gorm:"column:next_step_kind"`
	NextStepNote string    `gorm:"column:next_step_note"`
	OccurredAt   time.Time `gorm:"column:occurred_at"`
	ActorID      uuid.UUID `gorm:"column:actor_id"`
	ActorName    string    `gorm:"column:actor_name;->"`
}

func (statusRow) TableName() string { return "goal_status_changes" }

type progressRow struct {
	ID         uuid.UUID  `gorm:"column:id;primaryKey"`
	GoalID     uuid.UUID  `gorm:"column:goal_id"`
	MeasuredOn db.Date    `gorm:"column:measured_on"`
	Rater      string     `gorm:"column:rater"`
	Value      int        `gorm:"column:value"`
	Note       string     `gorm:"column:note"`
	FollowUpID *uuid.UUID `gorm:"column:follow_up_id"`
	RecordedAt time.Time  `gorm:"column:recorded_at"`
	RecordedBy uuid.UUID  `gorm:"column:recorded_by"`
	ByName     string     `gorm:"column:by_name;->"`
}

func (progressRow) TableName() string { return "goal_progress" }

type followUpRow struct {
	ID               uuid.UUID               `gorm:"column:id;primaryKey"`
	CaseID           uuid.UUID               `gorm:"column:case_id"`
	HeldOn           db.Date                 `gorm:"column:held_on"`
	NextFollowUpDate db.Date                 `gorm:"column:next_follow_up_date"`
	Note             string                  `gorm:"column:note"`
	Items            db.JSON[[]ReviewedGoal] `gorm:"column:items"`
	CreatedAt        time.Time               `gorm:"column:created_at"`
	CreatedBy        uuid.UUID               `gorm:"column:created_by"`
	ByName           string                  `gorm:"column:by_name;->"`
}

func (followUpRow) TableName() string { return "follow_ups" }

type store struct{ db *db.DB }

func (s store) conn(ctx context.Context) *gorm.DB { return s.db.Conn(ctx) }

func (s store) goal(ctx context.Context, id uuid.UUID) (goalRow, error) {
	var r goalRow
	err := s.conn(ctx).Select(goalColumns).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "get goal")
}

func (s store) goalsOfCase(ctx context.Context, caseID uuid.UUID) ([]goalRow, error) {
	var rows []goalRow
	err := s.conn(ctx).Select(goalColumns).Where("case_id = ?", caseID).Order("created_at, id").Limit(1000).Find(&rows).Error
	return rows, db.Translate(err, "list goals")
}

func (s store) subGoals(ctx context.Context, parentID uuid.UUID) ([]goalRow, error) {
	var rows []goalRow
	err := s.conn(ctx).Select(goalColumns).Where("parent_id = ?", parentID).Order("created_at, id").Limit(1000).Find(&rows).Error
	return rows, db.Translate(err, "list sub-goals")
}

func (s store) insertGoal(ctx context.Context, r goalRow) error {
	return db.Translate(s.conn(ctx).Create(&r).Error, "insert goal")
}

func (s store) updateGoal(ctx context.Context, id uuid.UUID, version int, cols map[string]any) (bool, error) {
	cols["version"] = gorm.Expr("version + 1")
	res := s.conn(ctx).Table("goals").Where("id = ? AND version = ?", id, version).Updates(cols)
	return res.RowsAffected == 1, db.Translate(res.Error, "update goal")
}

func (s store) insertStatus(ctx context.Context, r statusRow) error {
	return db.Translate(s.conn(ctx).Omit("actor_name").Create(&r).Error, "insert goal status change")
}

func (s store) history(ctx context.Context, goalID uuid.UUID) ([]statusRow, error) {
	var rows []statusRow
	err := s.conn(ctx).Table("goal_status_changes AS g").
		Select("g.id, g.goal_id, g.from_status, g.to_status, g.reason, g.next_step_kind, g.next_step_note, g.occurred_at, g.actor_id, u.name AS actor_name").
		Joins("JOIN users u ON u.id = g.actor_id").Where("g.goal_id = ?", goalID).
		Order("g.occurred_at, g.id").Limit(1000).Scan(&rows).Error
	return rows, db.Translate(err, "goal history")
}

func (s store) insertProgress(ctx context.Context, rows ...progressRow) error {
	if len(rows) == 0 {
		return nil
	}
	return db.Translate(s.conn(ctx).Omit("by_name").Create(&rows).Error, "insert progress")
}

func (s store) progressQuery(ctx context.Context) *gorm.DB {
	return s.conn(ctx).Table("goal_progress AS p").
		Select("p.id, p.goal_id, p.measured_on, p.rater, p.value, p.note, p.follow_up_id, p.recorded_at, p.recorded_by, u.name AS by_name").
		Joins("JOIN users u ON u.id = p.recorded_by")
}

// progressOf loads the measurements of many goals in one query.
func (s store) progressOf(ctx context.Context, goalIDs []uuid.UUID) ([]progressRow, error) {
	if len(goalIDs) == 0 {
		return nil, nil
	}
	var rows []progressRow
	err := s.progressQuery(ctx).Where("p.goal_id IN ?", goalIDs).
		Order("p.measured_on, p.recorded_at, p.id").Limit(20000).Scan(&rows).Error
	return rows, db.Translate(err, "list progress")
}

// progress reads one measurement with the name of who recorded it.
func (s store) progress(ctx context.Context, id uuid.UUID) (progressRow, error) {
	var r progressRow
	err := s.progressQuery(ctx).Where("p.id = ?", id).Take(&r).Error
	return r, db.Translate(err, "get progress")
}

func (s store) insertFollowUp(ctx context.Context, r followUpRow) error {
	return db.Translate(s.conn(ctx).Omit("by_name").Create(&r).Error, "insert follow-up")
}

func (s store) followUpQuery(ctx context.Context) *gorm.DB {
	return s.conn(ctx).Table("follow_ups AS f").
		Select("f.id, f.case_id, f.held_on, f.next_follow_up_date, f.note, f.items, f.created_at, f.created_by, u.name AS by_name").
		Joins("JOIN users u ON u.id = f.created_by")
}

func (s store) followUps(ctx context.Context, caseID uuid.UUID) ([]followUpRow, error) {
	var rows []followUpRow
	err := s.followUpQuery(ctx).Where("f.case_id = ?", caseID).
		Order("f.held_on DESC, f.created_at DESC").Limit(500).Scan(&rows).Error
	return rows, db.Translate(err, "list follow-ups")
}

// followUp reads one follow-up with the name of who recorded it.
func (s store) followUp(ctx context.Context, id uuid.UUID) (followUpRow, error) {
	var r followUpRow
	err := s.followUpQuery(ctx).Where("f.id = ?", id).Take(&r).Error
	return r, db.Translate(err, "get follow-up")
}
