package checklists

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

type setRow struct {
	Version         string               `gorm:"column:version;primaryKey"`
	Content         db.JSON[[]Principle] `gorm:"column:content"`
	Note            string               `gorm:"column:note"`
	PublishedAt     time.Time            `gorm:"column:published_at"`
	PublishedBy     *uuid.UUID           `gorm:"column:published_by"`
	PublishedByName string               `gorm:"column:published_by_name;->"`
}

func (setRow) TableName() string { return "principle_sets" }

type checklistRow struct {
	ID               uuid.UUID  `gorm:"column:id;primaryKey"`
	CaseID           uuid.UUID  `gorm:"column:case_id"`
	Phase            string     `gorm:"column:phase"`
	Iteration        int        `gorm:"column:iteration"`
	Round            int        `gorm:"column:round"`
	PrincipleVersion string     `gorm:"column:principle_version"`
	CreatedAt        time.Time  `gorm:"column:created_at"`
	CreatedBy        uuid.UUID  `gorm:"column:created_by"`
	UpdatedAt        time.Time  `gorm:"column:updated_at"`
	UpdatedBy        uuid.UUID  `gorm:"column:updated_by"`
	LeftAt           *time.Time `gorm:"column:left_at"`
	Version          int        `gorm:"column:version"`
}

func (checklistRow) TableName() string { return "checklists" }

var checklistColumns = []string{"id", "case_id", "phase", "iteration", "round", "principle_version", "created_at",
	"created_by", "updated_at", "updated_by", "left_at", "version"}

type itemRow struct {
	ChecklistID   uuid.UUID  `gorm:"column:checklist_id;primaryKey"`
	Principle     string     `gorm:"column:principle;primaryKey"`
	Applicability string     `gorm:"column:applicability"`
	Status        string     `gorm:"column:status"`
	Note          string     `gorm:"column:note"`
	UpdatedAt     *time.Time `gorm:"column:updated_at"`
	UpdatedBy     *uuid.UUID `gorm:"column:updated_by"`
	UpdatedByName string     `gorm:"column:updated_by_name;->"`
}

func (itemRow) TableName() string { return "checklist_items" }

type store struct{ db *db.DB }

const setSelect = "s.version, s.content, s.note, s.published_at, s.published_by, COALESCE(u.name, '') AS published_by_name"

func (s store) sets(ctx context.Context) *gorm.DB {
	return s.db.Conn(ctx).Table("principle_sets s").Select(setSelect).Joins("LEFT JOIN users u ON u.id = s.published_by")
}

// currentSet is the most recently published set.
func (s store) currentSet(ctx context.Context) (setRow, error) {
	var r setRow
	err := s.sets(ctx).Order("s.published_at DESC, s.version DESC").Take(&r).Error
	return r, db.Translate(err, "read current principle set")
}

func (s store) set(ctx context.Context, version string) (setRow, error) {
	var r setRow
	err := s.sets(ctx).Where("s.version = ?", version).Take(&r).Error
	return r, db.Translate(err, "read principle set")
}

func (s store) setList(ctx context.Context) ([]setRow, error) {
	var rows []setRow
	err := s.sets(ctx).Order("s.published_at DESC, s.version DESC").Limit(200).Scan(&rows).Error
	return rows, db.Translate(err, "list principle sets")
}

// insertSet publishes a set; it reports false when the version exists.
func (s store) insertSet(ctx context.Context, r setRow) (bool, error) {
	res := s.db.Conn(ctx).Omit("published_by_name").Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
	if res.Error != nil {
		return false, db.Translate(res.Error, "insert principle set")
	}
	return res.RowsAffected == 1, nil
}

func (s store) checklistsOfCase(ctx context.Context, caseID uuid.UUID) ([]checklistRow, error) {
	var rows []checklistRow
	err := s.db.Conn(ctx).Table("checklists").Select(checklistColumns).Where("case_id = ?", caseID).
		Order("created_at DESC, id DESC").Limit(1000).Scan(&rows).Error
	return rows, db.Translate(err, "list checklists")
}

// checklistsOfPass lists a case's checklists of one pass through a phase,
// latest round first.
func (s store) checklistsOfPass(ctx context.Context, caseID uuid.UUID, phase string, iteration int) ([]checklistRow, error) {
	var rows []checklistRow
	err := s.db.Conn(ctx).Table("checklists").Select(checklistColumns).
		Where("case_id = ? AND phase = ? AND iteration = ?", caseID, phase, iteration).
		Order("round DESC").Limit(1000).Scan(&rows).Error
	return rows, db.Translate(err, "list checklists of a phase")
}

func (s store) checklist(ctx context.Context, id uuid.UUID) (checklistRow, error) {
	var r checklistRow
	err := s.db.Conn(ctx).Table("checklists").Select(checklistColumns).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "get checklist")
}

func (s store) checklistByKey(ctx context.Context, caseID uuid.UUID, phase string, iteration, round int) (checklistRow, error) {
	var r checklistRow
	err := s.db.Conn(ctx).Table("checklists").Select(checklistColumns).
		Where("case_id = ? AND phase = ? AND iteration = ? AND round = ?", caseID, phase, iteration, round).Take(&r).Error
	return r, db.Translate(err, "get checklist")
}

// insertChecklist creates a checklist with its items unless one with the same
// key exists (two first views racing); it reports whether it created one.
func (s store) insertChecklist(ctx context.Context, r checklistRow, items []itemRow) (bool, error) {
	res := s.db.Conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
	if res.Error != nil {
		return false, db.Translate(res.Error, "insert checklist")
	}
	if res.RowsAffected == 0 {
		return false, nil
	}
	if err := s.db.Conn(ctx).Omit("updated_by_name").Create(&items).Error; err != nil {
		return false, db.Translate(err, "insert checklist items")
	}
	return true, nil
}

// items loads the items of the given checklists in one query.
func (s store) items(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID][]itemRow, error) {
	out := map[uuid.UUID][]itemRow{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []itemRow
	err := s.db.Conn(ctx).Table("checklist_items i").
		Select("i.checklist_id, i.principle, i.applicability, i.status, i.note, i.updated_at, i.updated_by, COALESCE(u.name, '') AS updated_by_name").
		Joins("LEFT JOIN users u ON u.id = i.updated_by").
		Where("i.checklist_id IN ?", ids).Order("i.checklist_id, i.principle").Scan(&rows).Error
	if err != nil {
		return nil, db.Translate(err, "read checklist items")
	}
	for _, r := range rows {
		out[r.ChecklistID] = append(out[r.ChecklistID], r)
	}
	return out, nil
}

func (s store) updateItem(ctx context.Context, r itemRow) error {
	res := s.db.Conn(ctx).Table("checklist_items").Where("checklist_id = ? AND principle = ?", r.ChecklistID, r.Principle).
		Updates(map[string]any{"status": r.Status, "note": r.Note, "updated_at": r.UpdatedAt, "updated_by": r.UpdatedBy})
	return db.Translate(res.Error, "update checklist item")
}

// markLeft records that the case left the checklist's phase.
func (s store) markLeft(ctx context.Context, id uuid.UUID, at time.Time, by uuid.UUID) error {
	res := s.db.Conn(ctx).Table("checklists").Where("id = ?", id).
		Updates(map[string]any{"left_at": at, "updated_at": at, "updated_by": by, "version": gorm.Expr("version + 1")})
	return db.Translate(res.Error, "mark checklist left")
}

// touch bumps a checklist's version when it still matches; it reports
// whether it did.
func (s store) touch(ctx context.Context, id uuid.UUID, version int, at time.Time, by uuid.UUID) (bool, error) {
	res := s.db.Conn(ctx).Table("checklists").Where("id = ? AND version = ?", id, version).
		Updates(map[string]any{"updated_at": at, "updated_by": by, "version": gorm.Expr("version + 1")})
	if res.Error != nil {
		return false, db.Translate(res.Error, "update checklist")
	}
	return res.RowsAffected == 1, nil
}

type cellRow struct {
	Principle string `gorm:"column:principle"`
	Phase     string `gorm:"column:phase"`
	Status    string `gorm:"column:status"`
	N         int    `gorm:"column:n"`
}

// inScope selects the relevant items of the checklists behind the leader's
// overview: of the teams, last worked on in [from, to), and either answered
// in part or left behind by the case. A checklist of the phase a case is in
// that nobody has started yet says nothing about practice yet; once the case
// moves on, its open items do.
func (s store) inScope(ctx context.Context, teams []uuid.UUID, from, to time.Time) *gorm.DB {
	return s.db.Conn(ctx).Table("checklist_items i").
		Joins("JOIN checklists c ON c.id = i.checklist_id").
		Joins("JOIN cases k ON k.id = c.case_id").
		Where("k.team_id IN ? AND c.updated_at >= ? AND c.updated_at < ? AND i.applicability IN ?",
			teams, from, to, []string{string(Core), string(Optional)}).
		Where("(c.left_at IS NOT NULL OR EXISTS (SELECT 1 FROM checklist_items a WHERE a.checklist_id = c.id AND a.status <> ?))", string(Open))
}

// cellCounts groups the relevant items of the checklists in scope by
// principle, phase and answer. Relevance is the one frozen on each item.
func (s store) cellCounts(ctx context.Context, teams []uuid.UUID, from, to time.Time) ([]cellRow, error) {
	var rows []cellRow
	err := s.inScope(ctx, teams, from, to).Select("i.principle, c.phase, i.status, COUNT(*) AS n").
		Group("i.principle, c.phase, i.status").Scan(&rows).Error
	return rows, db.Translate(err, "count checklist answers")
}

type cellQuery struct {
	teams            []uuid.UUID
	from, to         time.Time
	principle, phase string
	status           string
	limit            int
	after            *caseCursor
}

type cellCaseRow struct {
	ChecklistID    uuid.UUID `gorm:"column:checklist_id"`
	CaseID         uuid.UUID `gorm:"column:case_id"`
	TeamID         uuid.UUID `gorm:"column:team_id"`
	CitizenName    string    `gorm:"column:citizen_name"`
	CaseworkerName string    `gorm:"column:caseworker_name"`
	Iteration      int       `gorm:"column:iteration"`
	Round          int       `gorm:"column:round"`
	Applicability  string    `gorm:"column:applicability"`
	Status         string    `gorm:"column:status"`
	UpdatedAt      time.Time `gorm:"column:updated_at"`
}

func (s store) cellCases(ctx context.Context, q cellQuery) ([]cellCaseRow, error) {
	tx := s.inScope(ctx, q.teams, q.from, q.to).
		Select("c.id AS checklist_id, c.case_id, k.team_id, k.citizen_name, u.name AS caseworker_name, c.iteration, c.round, i.applicability, i.status, c.updated_at").
		Joins("JOIN users u ON u.id = k.caseworker_id").
		Where("i.principle = ? AND c.phase = ?", q.principle, q.phase)
	if q.status != "" {
		tx = tx.Where("i.status = ?", q.status)
	}
	if q.after != nil {
		tx = tx.Where("(c.updated_at < ? OR (c.updated_at = ? AND c.id < ?))", q.after.UpdatedAt, q.after.UpdatedAt, q.after.ID)
	}
	var rows []cellCaseRow
	err := tx.Order("c.updated_at DESC, c.id DESC").Limit(q.limit).Scan(&rows).Error
	return rows, db.Translate(err, "list checklists of a cell")
}
