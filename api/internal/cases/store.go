package cases

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

type caseRow struct {
	ID                uuid.UUID                 `gorm:"column:id;primaryKey"`
	TeamID            uuid.UUID                 `gorm:"column:team_id"`
	CaseworkerID      uuid.UUID                 `gorm:"column:caseworker_id"`
	CitizenName       string                    `gorm:"column:citizen_name"`
	CitizenNameSearch string                    `gorm:"column:citizen_name_search"`
	CitizenCPREnc     string                    `gorm:"column:citizen_cpr_enc"`
	CitizenCPRHash    string                    `gorm:"column:citizen_cpr_hash"`
	CitizenCPRMasked  string                    `gorm:"column:citizen_cpr_masked"`
	CitizenBirthYear  int                       `gorm:"column:citizen_birth_year"`
	CitizenSex        string                    `gorm:"column:citizen_sex"`
	LegalBasis        string                    `gorm:"column:legal_basis"`
	LegalBasisNote    string                    `gorm:"column:legal_basis_note"`
	TargetGroup       string                    `gorm:"column:target_group"`
	Phase             string                    `gorm:"column:phase"`
	PhaseIteration    int                       `gorm:"column:phase_iteration"`
	Status            string                    `gorm:"column:status"`
	ClosureReason     string                    `gorm:"column:closure_reason"`
	ClosureNote       string                    `gorm:"column:closure_note"`
	Dreams            db.JSON[[]Dream]          `gorm:"column:dreams"`
	Resources         db.JSON[[]Resource]       `gorm:"column:resources"`
	Network           db.JSON[[]NetworkPerson]  `gorm:"column:network"`
	ContactAgreement  db.JSON[ContactAgreement] `gorm:"column:contact_agreement"`
	Expectations      db.JSON[[]Expectation]    `gorm:"column:expectations"`
	FollowUpCadence   string                    `gorm:"column:follow_up_cadence"`
	NextFollowUpDate  db.Date                   `gorm:"column:next_follow_up_date"`
	OpenedAt          time.Time                 `gorm:"column:opened_at"`
	ClosedAt          *time.Time                `gorm:"column:closed_at"`
	ReopenedAt        *time.Time                `gorm:"column:reopened_at"`
	ReopenNote        string                    `gorm:"column:reopen_note"`
	CreatedAt         time.Time                 `gorm:"column:created_at"`
	UpdatedAt         time.Time                 `gorm:"column:updated_at"`
	CreatedBy         uuid.UUID                 `gorm:"column:created_by"`
	UpdatedBy         uuid.UUID                 `gorm:"column:updated_by"`
	Version           int                       `gorm:"column:version"`
	CaseworkerName    string                    `gorm:"column:caseworker_name;->"` // read-only, from the join
}

func (caseRow) TableName() string { return "cases" }

type transitionRow struct {
	ID         uuid.UUID `gorm:"column:id;primaryKey"`
	CaseID     uuid.UUID `gorm:"column:case_id"`
	FromPhase  string    `gorm:"column:from_phase"`
	ToPhase    string    `gorm:"column:to_phase"`
	Iteration  int       `gorm:"column:iteration"`
	OccurredAt time.Time `gorm:"column:occurred_at"`
	ActorID    uuid.UUID `gorm:"column:actor_id"`
	Note       string    `gorm:"column:note"`
	ActorName  string    `gorm:"column:actor_name;->"`
}

func (transitionRow) TableName() string { return "case_phase_transitions" }

// Columns are listed explicitly: a new column must be chosen, not leak.
var fullColumns = []string{"c.id", "c.team_id", "c.caseworker_id", "c.citizen_name", "c.citizen_name_search",
	"c.citizen_cpr_enc", "c.citizen_cpr_hash", "c.citizen_cpr_masked", "c.citizen_birth_year", "c.citizen_sex",
	"c.legal_basis", "c.legal_basis_note", "c.target_group", "c.phase", "c.phase_iteration", "c.status",
	"c.closure_reason", "c.closure_note", "c.dreams", "c.resources", "c.network", "c.contact_agreement",
	"c.expectations", "c.follow_up_cadence", "c.next_follow_up_date", "c.opened_at", "c.closed_at",
	"c.reopened_at", "c.reopen_note", "c.created_at", "c.updated_at", "c.created_by", "c.updated_by", "c.version", "u.name AS caseworker_name"}

// summaryColumns leave out the documents and the ciphertext: a list page
// needs neither.
var summaryColumns = []string{"c.id", "c.team_id", "c.caseworker_id", "c.citizen_name", "c.citizen_name_search", "c.citizen_cpr_masked",
	"c.legal_basis", "c.target_group", "c.phase", "c.phase_iteration", "c.status", "c.follow_up_cadence",
	"c.next_follow_up_date", "c.opened_at", "c.closed_at", "c.created_at", "c.updated_at", "c.version",
	"u.name AS caseworker_name"}

type store struct{ db *db.DB }

func (s store) base(ctx context.Context, cols []string) *gorm.DB {
	return s.db.Conn(ctx).Table("cases AS c").Select(cols).Joins("JOIN users u ON u.id = c.caseworker_id")
}

func (s store) get(ctx context.Context, id uuid.UUID) (caseRow, error) {
	var r caseRow
	err := s.base(ctx, fullColumns).Where("c.id = ?", id).Take(&r).Error
	return r, db.Translate(err, "get case")
}

func (s store) history(ctx context.Context, id uuid.UUID) ([]transitionRow, error) {
	var rows []transitionRow
	err := s.db.Conn(ctx).Table("case_phase_transitions AS t").
		Select("t.id, t.case_id, t.from_phase, t.to_phase, t.iteration, t.occurred_at, t.actor_id, t.note, u.name AS actor_name").
		Joins("JOIN users u ON u.id = t.actor_id").
		Where("t.case_id = ?", id).Order("t.occurred_at, t.id").Limit(1000).Scan(&rows).Error
	return rows, db.Translate(err, "get phase history")
}

// phaseEnteredAt is when the case last changed phase (its creation counts);
// zero if the history is empty.
func (s store) phaseEnteredAt(ctx context.Context, id uuid.UUID) (time.Time, error) {
	var rows []struct {
		OccurredAt time.Time `gorm:"column:occurred_at"`
	}
	err := s.db.Conn(ctx).Table("case_phase_transitions").Select("occurred_at").Where("case_id = ?", id).
		Order("occurred_at DESC, id DESC").Limit(1).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return time.Time{}, db.Translate(err, "read phase entry")
	}
	return rows[0].OccurredAt, nil
}

func (s store) insert(ctx context.Context, r caseRow) error {
	return db.Translate(s.db.Conn(ctx).Omit("caseworker_name").Create(&r).Error, "insert case")
}

func (s store) insertTransition(ctx context.Context, t transitionRow) error {
	return db.Translate(s.db.Conn(ctx).Omit("actor_name").Create(&t).Error, "insert phase change")
}

// update writes the given columns when the version still matches and bumps
// it. It reports whether a row was written.
func (s store) update(ctx context.Context, id uuid.UUID, version int, cols map[string]any) (bool, error) {
	cols["version"] = gorm.Expr("version + 1")
	res := s.db.Conn(ctx).Table("cases").Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		return false, db.Translate(res.Error, "update case")
	}
	return res.RowsAffected == 1, nil
}

// sortSpec maps an allowed sort name to its keyset expression. Only these
// expressions ever reach ORDER BY.
type sortSpec struct {
	expr string
	kind string // "time", "text", "date"
}

var sorts = map[string]sortSpec{
	"updated_at":     {"c.updated_at", "time"},
	"opened_at":      {"c.opened_at", "time"},
	"name":           {"c.citizen_name_search", "text"},
	"next_follow_up": {"COALESCE(c.next_follow_up_date, '9999-12-31')", "date"},
}

// SortNames lists the accepted sort values (with "-" for descending).
func SortNames() []string {
	return []string{"updated_at", "-updated_at", "opened_at", "-opened_at", "name", "-name", "next_follow_up", "-next_follow_up"}
}

type listQuery struct {
	Teams        []uuid.UUID
	Phase        string
	Status       string
	CaseworkerID *uuid.UUID
	Overdue      *bool
	NameLike     string
	CPRHash      string
	Today        time.Time
	Sort         string // name without "-"
	Desc         bool
	After        *listCursor
	Limit        int
}

type listCursor struct {
	Sort string    `json:"s"`
	Val  string    `json:"v"`
	ID   uuid.UUID `json:"i"`
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func (s store) list(ctx context.Context, q listQuery) ([]caseRow, error) {
	spec := sorts[q.Sort]
	tx := s.base(ctx, summaryColumns).Where("c.team_id IN ?", q.Teams)
	if q.Phase != "" {
		tx = tx.Where("c.phase = ?", q.Phase)
	}
	if q.Status != "" {
		tx = tx.Where("c.status = ?", q.Status)
	}
	if q.CaseworkerID != nil {
		tx = tx.Where("c.caseworker_id = ?", *q.CaseworkerID)
	}
	today := q.Today.Format(time.DateOnly)
	if q.Overdue != nil {
		if *q.Overdue {
			tx = tx.Where("c.status = 'open' AND c.next_follow_up_date < ?", today)
		} else {
			tx = tx.Where("NOT (c.status = 'open' AND c.next_follow_up_date IS NOT NULL AND c.next_follow_up_date < ?)", today)
		}
	}
	if q.NameLike != "" {
		tx = tx.Where(`c.citizen_name_search LIKE ? ESCAPE '\'`, "%"+escapeLike(q.NameLike)+"%")
	}
	if q.CPRHash != "" {
		tx = tx.Where("c.citizen_cpr_hash = ?", q.CPRHash)
	}
	if q.After != nil {
		v, err := cursorArg(spec.kind, q.After.Val)
		if err != nil {
			return nil, err
		}
		op := ">"
		if q.Desc {
			op = "<"
		}
		tx = tx.Where(fmt.Sprintf("(%s %s ? OR (%s = ? AND c.id %s ?))", spec.expr, op, spec.expr, op), v, v, q.After.ID)
	}
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	var rows []caseRow
	err := tx.Order(spec.expr + " " + dir + ", c.id " + dir).Limit(q.Limit + 1).Scan(&rows).Error
	return rows, db.Translate(err, "list cases")
}

// cursorArg checks a decoded cursor's keyset value and turns it into a query
// argument. Cursors are opaque but travel through clients, so a value that
// does not fit the sort is the client's error (400), not the database's: a
// malformed date would otherwise fail the comparison in PostgreSQL (500) and
// silently compare as text in SQLite.
func cursorArg(kind, val string) (any, error) {
	var err error
	switch kind {
	case "time":
		var t time.Time
		if t, err = time.Parse(time.RFC3339Nano, val); err == nil {
			return t.UTC(), nil
		}
	case "date":
		_, err = time.Parse(time.DateOnly, val)
	}
	if err != nil {
		e := errs.New(errs.BadRequest, "The cursor is not valid; start again from the first page.")
		e.Fields = []errs.FieldError{{Field: "cursor", Message: "is not a cursor this server issued"}}
		return nil, e
	}
	return val, nil
}

// cursorValue is the keyset value of a row for the given sort.
func cursorValue(r caseRow, sort string) string {
	switch sort {
	case "updated_at":
		return r.UpdatedAt.UTC().Format(time.RFC3339Nano)
	case "opened_at":
		return r.OpenedAt.UTC().Format(time.RFC3339Nano)
	case "name":
		return r.CitizenNameSearch
	case "next_follow_up":
		if r.NextFollowUpDate.Valid {
			return r.NextFollowUpDate.Time.Format(time.DateOnly)
		}
		return "9999-12-31"
	}
	return ""
}
