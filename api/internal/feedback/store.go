package feedback

import (
	"context"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
)

type scoreRow struct {
	ID             uuid.UUID  `gorm:"column:id;primaryKey"`
	MeetingID      uuid.UUID  `gorm:"column:meeting_id"`
	CaseID         uuid.UUID  `gorm:"column:case_id"`
	Scale          string     `gorm:"column:scale"`
	Rater          string     `gorm:"column:rater"`
	EnteredBy      string     `gorm:"column:entered_by"`
	Item1          int        `gorm:"column:item1"`
	Item2          int        `gorm:"column:item2"`
	Item3          int        `gorm:"column:item3"`
	Item4          int        `gorm:"column:item4"`
	Total          int        `gorm:"column:total"`
	RecordedAt     time.Time  `gorm:"column:recorded_at"`
	RecordedBy     *uuid.UUID `gorm:"column:recorded_by"`
	Version        int        `gorm:"column:version"`
	RecordedByName string     `gorm:"column:recorded_by_name;->"`
	StartsAt       time.Time  `gorm:"column:starts_at;->"`
}

func (scoreRow) TableName() string { return "fit_scores" }

func (r scoreRow) items() Items {
	return Items{Tenths(r.Item1), Tenths(r.Item2), Tenths(r.Item3), Tenths(r.Item4)}
}

type correctionRow struct {
	ID              uuid.UUID `gorm:"column:id;primaryKey"`
	ScoreID         uuid.UUID `gorm:"column:score_id"`
	Item1           int       `gorm:"column:item1"`
	Item2           int       `gorm:"column:item2"`
	Item3           int       `gorm:"column:item3"`
	Item4           int       `gorm:"column:item4"`
	Total           int       `gorm:"column:total"`
	Reason          string    `gorm:"column:reason"`
	CorrectedAt     time.Time `gorm:"column:corrected_at"`
	CorrectedBy     uuid.UUID `gorm:"column:corrected_by"`
	CorrectedByName string    `gorm:"column:corrected_by_name;->"`
}

func (correctionRow) TableName() string { return "fit_score_corrections" }

type answerRow struct {
	ID                uuid.UUID  `gorm:"column:id;primaryKey"`
	MeetingID         uuid.UUID  `gorm:"column:meeting_id"`
	CaseID            uuid.UUID  `gorm:"column:case_id"`
	MeetingOK         string     `gorm:"column:meeting_ok"`
	TalkedAbout       string     `gorm:"column:talked_about"`
	DifferentNextTime string     `gorm:"column:different_next_time"`
	EnteredBy         string     `gorm:"column:entered_by"`
	RecordedAt        time.Time  `gorm:"column:recorded_at"`
	RecordedBy        *uuid.UUID `gorm:"column:recorded_by"`
}

func (answerRow) TableName() string { return "feedback_answers" }

type linkRow struct {
	ID        uuid.UUID         `gorm:"column:id;primaryKey"`
	MeetingID uuid.UUID         `gorm:"column:meeting_id"`
	CaseID    uuid.UUID         `gorm:"column:case_id"`
	TokenHash string            `gorm:"column:token_hash"`
	Parts     db.JSON[[]string] `gorm:"column:parts"`
	ExpiresAt time.Time         `gorm:"column:expires_at"`
	CreatedAt time.Time         `gorm:"column:created_at"`
	CreatedBy uuid.UUID         `gorm:"column:created_by"`
}

func (linkRow) TableName() string { return "feedback_links" }

type useRow struct {
	LinkID       uuid.UUID `gorm:"column:link_id;primaryKey"`
	Part         string    `gorm:"column:part;primaryKey"`
	SubmissionID uuid.UUID `gorm:"column:submission_id"`
	UsedAt       time.Time `gorm:"column:used_at"`
}

func (useRow) TableName() string { return "feedback_link_uses" }

type signalRow struct {
	ID             uuid.UUID  `gorm:"column:id;primaryKey"`
	CaseID         uuid.UUID  `gorm:"column:case_id"`
	MeetingID      uuid.UUID  `gorm:"column:meeting_id"`
	Kind           string     `gorm:"column:kind"`
	Detail         string     `gorm:"column:detail"`
	RaisedAt       time.Time  `gorm:"column:raised_at"`
	Response       string     `gorm:"column:response"`
	RespondedAt    *time.Time `gorm:"column:responded_at"`
	RespondedBy    *uuid.UUID `gorm:"column:responded_by"`
	RespondedName  string     `gorm:"column:responded_by_name;->"`
	StartsAt       time.Time  `gorm:"column:starts_at;->"`
	CitizenName    string     `gorm:"column:citizen_name;->"`
	CaseworkerName string     `gorm:"column:caseworker_name;->"`
}

func (signalRow) TableName() string { return "feedback_signals" }

type wordingRow struct {
	Lang      string           `gorm:"column:lang;primaryKey"`
	Content   db.JSON[Wording] `gorm:"column:content"`
	UpdatedAt time.Time        `gorm:"column:updated_at"`
	UpdatedBy uuid.UUID        `gorm:"column:updated_by"`
}

func (wordingRow) TableName() string { return "fit_wording" }

type store struct{ db *db.DB }

func (s store) conn(ctx context.Context) *gorm.DB { return s.db.Conn(ctx) }

const scoreSelect = "f.id, f.meeting_id, f.case_id, f.scale, f.rater, f.entered_by, f.item1, f.item2, f.item3, f.item4, f.total, f.recorded_at, f.recorded_by, f.version, COALESCE(u.name, '') AS recorded_by_name, m.starts_at"

func (s store) scores(ctx context.Context) *gorm.DB {
	return s.conn(ctx).Table("fit_scores f").Select(scoreSelect).
		Joins("JOIN meetings m ON m.id = f.meeting_id").Joins("LEFT JOIN users u ON u.id = f.recorded_by")
}

// scoresOfMeeting reads a meeting's ratings of the given scales.
func (s store) scoresOfMeeting(ctx context.Context, meetingID uuid.UUID, scales ...Scale) ([]scoreRow, error) {
	names := make([]string, len(scales))
	for i, sc := range scales {
		names[i] = string(sc)
	}
	var rows []scoreRow
	err := s.scores(ctx).Where("f.meeting_id = ? AND f.scale IN ?", meetingID, names).Order("f.scale, f.rater").Scan(&rows).Error
	return rows, db.Translate(err, "read scores")
}

func (s store) scoresOfCase(ctx context.Context, caseID uuid.UUID) ([]scoreRow, error) {
	var rows []scoreRow
	err := s.scores(ctx).Where("f.case_id = ?", caseID).Order("m.starts_at, f.recorded_at, f.id").Limit(5000).Scan(&rows).Error
	return rows, db.Translate(err, "read scores of case")
}

func (s store) score(ctx context.Context, meetingID uuid.UUID, scale Scale, rater Rater) (scoreRow, error) {
	var r scoreRow
	err := s.scores(ctx).Where("f.meeting_id = ? AND f.scale = ? AND f.rater = ?", meetingID, string(scale), string(rater)).Take(&r).Error
	return r, db.Translate(err, "read score")
}

// insertScore stores a score unless the meeting already has one of that
// scale from that rater; it reports whether it stored it.
func (s store) insertScore(ctx context.Context, r scoreRow) (bool, error) {
	res := s.conn(ctx).Omit("recorded_by_name", "starts_at").Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
	if res.Error != nil {
		return false, db.Translate(res.Error, "insert score")
	}
	return res.RowsAffected == 1, nil
}

func (s store) correctScore(ctx context.Context, id uuid.UUID, version int, it Items) (bool, error) {
	res := s.conn(ctx).Table("fit_scores").Where("id = ? AND version = ?", id, version).Updates(map[string]any{
		"item1": int(it[0]), "item2": int(it[1]), "item3": int(it[2]), "item4": int(it[3]), "total": int(it.Total()),
		"version": gorm.Expr("version + 1")})
	if res.Error != nil {
		return false, db.Translate(res.Error, "correct score")
	}
	return res.RowsAffected == 1, nil
}

func (s store) insertCorrection(ctx context.Context, r correctionRow) error {
	return db.Translate(s.conn(ctx).Omit("corrected_by_name").Create(&r).Error, "insert correction")
}

func (s store) corrections(ctx context.Context, scoreIDs []uuid.UUID) (map[uuid.UUID][]correctionRow, error) {
	out := map[uuid.UUID][]correctionRow{}
	if len(scoreIDs) == 0 {
		return out, nil
	}
	var rows []correctionRow
	err := s.conn(ctx).Table("fit_score_corrections c").
		Select("c.*, COALESCE(u.name, '') AS corrected_by_name").Joins("LEFT JOIN users u ON u.id = c.corrected_by").
		Where("c.score_id IN ?", scoreIDs).Order("c.corrected_at, c.id").Scan(&rows).Error
	if err != nil {
		return nil, db.Translate(err, "read corrections")
	}
	for _, r := range rows {
		out[r.ScoreID] = append(out[r.ScoreID], r)
	}
	return out, nil
}

func (s store) answer(ctx context.Context, meetingID uuid.UUID) (*answerRow, error) {
	var rows []answerRow
	if err := s.conn(ctx).Table("feedback_answers").Where("meeting_id = ?", meetingID).Limit(1).Scan(&rows).Error; err != nil {
		return nil, db.Translate(err, "read answers")
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

func (s store) insertAnswer(ctx context.Context, r answerRow) (bool, error) {
	res := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
	if res.Error != nil {
		return false, db.Translate(res.Error, "insert answers")
	}
	return res.RowsAffected == 1, nil
}

func (s store) insertLink(ctx context.Context, r linkRow) error {
	return db.Translate(s.conn(ctx).Create(&r).Error, "insert feedback link")
}

func (s store) linkByHash(ctx context.Context, hash string) (linkRow, error) {
	var r linkRow
	err := s.conn(ctx).Table("feedback_links").Where("token_hash = ?", hash).Take(&r).Error
	return r, db.Translate(err, "read feedback link")
}

func (s store) uses(ctx context.Context, linkID uuid.UUID) (map[string]useRow, error) {
	var rows []useRow
	if err := s.conn(ctx).Table("feedback_link_uses").Where("link_id = ?", linkID).Scan(&rows).Error; err != nil {
		return nil, db.Translate(err, "read link uses")
	}
	out := map[string]useRow{}
	for _, r := range rows {
		out[r.Part] = r
	}
	return out, nil
}

// insertUse claims a part of a link; false when it was claimed already.
func (s store) insertUse(ctx context.Context, r useRow) (bool, error) {
	res := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
	if res.Error != nil {
		return false, db.Translate(res.Error, "use feedback link")
	}
	return res.RowsAffected == 1, nil
}

// raise opens a signal unless the meeting has one of that kind.
func (s store) raise(ctx context.Context, r signalRow) (bool, error) {
	res := s.conn(ctx).Omit("responded_by_name", "starts_at", "citizen_name", "caseworker_name").
		Clauses(clause.OnConflict{DoNothing: true}).Create(&r)
	if res.Error != nil {
		return false, db.Translate(res.Error, "raise signal")
	}
	return res.RowsAffected == 1, nil
}

// withdraw removes an unanswered signal of a kind from a meeting: a
// corrected score no longer calls for it. An answered signal stays, with
// its answer, as the record of what was done.
func (s store) withdraw(ctx context.Context, meetingID uuid.UUID, kind SignalKind) error {
	err := s.conn(ctx).Where("meeting_id = ? AND kind = ? AND responded_at IS NULL", meetingID, string(kind)).Delete(&signalRow{}).Error
	return db.Translate(err, "withdraw signal")
}

const signalSelect = "g.id, g.case_id, g.meeting_id, g.kind, g.detail, g.raised_at, g.response, g.responded_at, g.responded_by, COALESCE(r.name, '') AS responded_by_name, m.starts_at, k.citizen_name, u.name AS caseworker_name"

func (s store) signals(ctx context.Context) *gorm.DB {
	return s.conn(ctx).Table("feedback_signals g").Select(signalSelect).
		Joins("JOIN meetings m ON m.id = g.meeting_id").Joins("JOIN cases k ON k.id = g.case_id").
		Joins("JOIN users u ON u.id = k.caseworker_id").Joins("LEFT JOIN users r ON r.id = g.responded_by")
}

func (s store) signal(ctx context.Context, id uuid.UUID) (signalRow, error) {
	var r signalRow
	err := s.signals(ctx).Where("g.id = ?", id).Take(&r).Error
	return r, db.Translate(err, "read signal")
}

func (s store) respond(ctx context.Context, id uuid.UUID, note string, at time.Time, by uuid.UUID) (bool, error) {
	res := s.conn(ctx).Table("feedback_signals").Where("id = ? AND responded_at IS NULL", id).
		Updates(map[string]any{"response": note, "responded_at": at, "responded_by": by})
	if res.Error != nil {
		return false, db.Translate(res.Error, "answer signal")
	}
	return res.RowsAffected == 1, nil
}

func (s store) wording(ctx context.Context, lang string) (*wordingRow, error) {
	var rows []wordingRow
	if err := s.conn(ctx).Table("fit_wording").Where("lang = ?", lang).Limit(1).Scan(&rows).Error; err != nil {
		return nil, db.Translate(err, "read wording")
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

func (s store) saveWording(ctx context.Context, r wordingRow) error {
	err := s.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "lang"}}, UpdateAll: true}).Create(&r).Error
	return db.Translate(err, "save wording")
}
