package identity

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

type teamRow struct {
	ID        uuid.UUID `gorm:"column:id;primaryKey"`
	Name      string    `gorm:"column:name"`
	CreatedAt time.Time `gorm:"column:created_at"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
	Version   int       `gorm:"column:version"`
}

func (teamRow) TableName() string { return "teams" }

type userRow struct {
	ID           uuid.UUID `gorm:"column:id;primaryKey"`
	Email        string    `gorm:"column:email"`
	Name         string    `gorm:"column:name"`
	Role         string    `gorm:"column:role"`
	PasswordHash string    `gorm:"column:password_hash"`
	Active       bool      `gorm:"column:active"`
	CreatedAt    time.Time `gorm:"column:created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at"`
	Version      int       `gorm:"column:version"`
}

func (userRow) TableName() string { return "users" }

type membershipRow struct {
	UserID uuid.UUID `gorm:"column:user_id;primaryKey"`
	TeamID uuid.UUID `gorm:"column:team_id;primaryKey"`
}

func (membershipRow) TableName() string { return "team_memberships" }

type refreshRow struct {
	ID        uuid.UUID  `gorm:"column:id;primaryKey"`
	FamilyID  uuid.UUID  `gorm:"column:family_id"`
	UserID    uuid.UUID  `gorm:"column:user_id"`
	TokenHash string     `gorm:"column:token_hash"`
	IssuedAt  time.Time  `gorm:"column:issued_at"`
	ExpiresAt time.Time  `gorm:"column:expires_at"`
	UsedAt    *time.Time `gorm:"column:used_at"`
	RevokedAt *time.Time `gorm:"column:revoked_at"`
}

func (refreshRow) TableName() string { return "refresh_tokens" }

type throttleRow struct {
	Scope          string     `gorm:"column:scope;primaryKey"`
	Key            string     `gorm:"column:key;primaryKey"`
	Failures       int        `gorm:"column:failures"`
	FirstFailureAt time.Time  `gorm:"column:first_failure_at"`
	BlockedUntil   *time.Time `gorm:"column:blocked_until"`
}

func (throttleRow) TableName() string { return "login_throttle" }

var userColumns = []string{"id", "email", "name", "role", "password_hash", "active", "created_at", "updated_at", "version"}
var teamColumns = []string{"id", "name", "created_at", "updated_at", "version"}

type store struct{ db *db.DB }

func (s store) conn(ctx context.Context) *gorm.DB { return s.db.Conn(ctx) }

func (s store) userByEmail(ctx context.Context, email string) (userRow, error) {
	var r userRow
	err := s.conn(ctx).Select(userColumns).Where("email = ?", email).Take(&r).Error
	return r, db.Translate(err, "find user")
}

func (s store) userByID(ctx context.Context, id uuid.UUID) (userRow, error) {
	var r userRow
	err := s.conn(ctx).Select(userColumns).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "find user")
}

func (s store) countUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.conn(ctx).Model(&userRow{}).Count(&n).Error
	return n, db.Translate(err, "count users")
}

// teamsOf loads the teams of many users in one query.
func (s store) teamsOf(ctx context.Context, userIDs []uuid.UUID) (map[uuid.UUID][]Team, error) {
	return s.linkedTeams(ctx, "team_memberships", "user_id", userIDs)
}

// linkedTeams loads, in one query, the teams that a link table (members,
// service accounts) ties to each of the owners.
func (s store) linkedTeams(ctx context.Context, table, ownerCol string, owners []uuid.UUID) (map[uuid.UUID][]Team, error) {
	out := map[uuid.UUID][]Team{}
	if len(owners) == 0 {
		return out, nil
	}
	type row struct {
		OwnerID   uuid.UUID `gorm:"column:owner_id"`
		ID        uuid.UUID `gorm:"column:id"`
		Name      string    `gorm:"column:name"`
		CreatedAt time.Time `gorm:"column:created_at"`
		UpdatedAt time.Time `gorm:"column:updated_at"`
		Version   int       `gorm:"column:version"`
	}
	var rows []row
	err := s.conn(ctx).Table(table+" AS l").
		Select("l."+ownerCol+" AS owner_id, t.id, t.name, t.created_at, t.updated_at, t.version").
		Joins("JOIN teams t ON t.id = l.team_id").
		Where("l."+ownerCol+" IN ?", owners).Order("t.name, t.id").Scan(&rows).Error
	if err != nil {
		return nil, db.Translate(err, "load the teams of "+table)
	}
	for _, r := range rows {
		out[r.OwnerID] = append(out[r.OwnerID], Team{ID: r.ID, Name: r.Name, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Version: r.Version})
	}
	return out, nil
}

func (s store) insertUser(ctx context.Context, r userRow, teams []uuid.UUID) error {
	if err := s.conn(ctx).Create(&r).Error; err != nil {
		if errs.Is(db.Translate(err, ""), errs.Conflict) {
			e := errs.New(errs.Conflict, "A user with this email already exists.")
			e.Fields = []errs.FieldError{{Field: "email", Message: "is already in use"}}
			return e
		}
		return db.Translate(err, "insert user")
	}
	return s.setTeams(ctx, r.ID, teams)
}

func (s store) setTeams(ctx context.Context, userID uuid.UUID, teams []uuid.UUID) error {
	if err := s.conn(ctx).Where("user_id = ?", userID).Delete(&membershipRow{}).Error; err != nil {
		return db.Translate(err, "clear team memberships")
	}
	if len(teams) == 0 {
		return nil
	}
	var found int64
	if err := s.conn(ctx).Model(&teamRow{}).Where("id IN ?", teams).Count(&found).Error; err != nil {
		return db.Translate(err, "check teams")
	}
	if int(found) != len(teams) {
		e := errs.New(errs.Invalid, "The request has invalid fields.")
		e.Fields = []errs.FieldError{{Field: "team_ids", Message: "names a team that does not exist"}}
		return e
	}
	rows := make([]membershipRow, len(teams))
	for i, t := range teams {
		rows[i] = membershipRow{UserID: userID, TeamID: t}
	}
	return db.Translate(s.conn(ctx).Create(&rows).Error, "insert team memberships")
}

// updateUser writes the given columns if the version still matches.
func (s store) updateUser(ctx context.Context, id uuid.UUID, version int, cols map[string]any) (bool, error) {
	res := s.conn(ctx).Model(&userRow{}).Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		return false, db.Translate(res.Error, "update user")
	}
	return res.RowsAffected == 1, nil
}

type userListFilter struct {
	TeamIDs    []uuid.UUID // nil: all
	Role       string
	AfterName  string
	AfterID    uuid.UUID
	Limit      int
	OnlyActive bool
}

func (s store) listUsers(ctx context.Context, f userListFilter) ([]userRow, error) {
	q := s.conn(ctx).Select(userColumns).Model(&userRow{})
	if f.TeamIDs != nil {
		q = q.Where("id IN (SELECT user_id FROM team_memberships WHERE team_id IN ?)", f.TeamIDs)
	}
	if f.Role != "" {
		q = q.Where("role = ?", f.Role)
	}
	if f.OnlyActive {
		q = q.Where("active = ?", true)
	}
	if f.AfterID != uuid.Nil {
		q = q.Where("(name > ? OR (name = ? AND id > ?))", f.AfterName, f.AfterName, f.AfterID)
	}
	var rows []userRow
	err := q.Order("name, id").Limit(f.Limit + 1).Find(&rows).Error
	return rows, db.Translate(err, "list users")
}

func (s store) insertTeam(ctx context.Context, r teamRow) error {
	if err := s.conn(ctx).Create(&r).Error; err != nil {
		if errs.Is(db.Translate(err, ""), errs.Conflict) {
			e := errs.New(errs.Conflict, "A team with this name already exists.")
			e.Fields = []errs.FieldError{{Field: "name", Message: "is already in use"}}
			return e
		}
		return db.Translate(err, "insert team")
	}
	return nil
}

func (s store) teamByID(ctx context.Context, id uuid.UUID) (teamRow, error) {
	var r teamRow
	err := s.conn(ctx).Select(teamColumns).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "find team")
}

func (s store) listTeams(ctx context.Context, only []uuid.UUID) ([]teamRow, error) {
	q := s.conn(ctx).Select(teamColumns).Model(&teamRow{})
	if only != nil {
		q = q.Where("id IN ?", only)
	}
	var rows []teamRow
	err := q.Order("name, id").Limit(1000).Find(&rows).Error
	return rows, db.Translate(err, "list teams")
}

func (s store) updateTeam(ctx context.Context, id uuid.UUID, version int, name string, now time.Time) (bool, error) {
	res := s.conn(ctx).Model(&teamRow{}).Where("id = ? AND version = ?", id, version).
		Updates(map[string]any{"name": name, "updated_at": now, "version": gorm.Expr("version + 1")})
	if res.Error != nil {
		if errs.Is(db.Translate(res.Error, ""), errs.Conflict) {
			e := errs.New(errs.Conflict, "A team with this name already exists.")
			e.Fields = []errs.FieldError{{Field: "name", Message: "is already in use"}}
			return false, e
		}
		return false, db.Translate(res.Error, "update team")
	}
	return res.RowsAffected == 1, nil
}

// --- refresh tokens ---

func (s store) insertRefresh(ctx context.Context, r refreshRow) error {
	return db.Translate(s.conn(ctx).Create(&r).Error, "insert refresh token")
}

func (s store) refreshByHash(ctx context.Context, hash string) (refreshRow, error) {
	var r refreshRow
	err := s.conn(ctx).Where("token_hash = ?", hash).Take(&r).Error
	return r, db.Translate(err, "find refresh token")
}

// markUsed succeeds for exactly one caller even when two replicas race.
func (s store) markUsed(ctx context.Context, id uuid.UUID, now time.Time) (bool, error) {
	res := s.conn(ctx).Model(&refreshRow{}).Where("id = ? AND used_at IS NULL AND revoked_at IS NULL", id).
		Update("used_at", now)
	return res.RowsAffected == 1, db.Translate(res.Error, "use refresh token")
}

func (s store) revokeFamily(ctx context.Context, family uuid.UUID, now time.Time) error {
	err := s.conn(ctx).Model(&refreshRow{}).Where("family_id = ? AND revoked_at IS NULL", family).
		Update("revoked_at", now).Error
	return db.Translate(err, "revoke token family")
}

func (s store) revokeUser(ctx context.Context, user uuid.UUID, now time.Time) error {
	err := s.conn(ctx).Model(&refreshRow{}).Where("user_id = ? AND revoked_at IS NULL", user).
		Update("revoked_at", now).Error
	return db.Translate(err, "revoke user tokens")
}

// --- throttle ---

func (s store) throttleState(ctx context.Context, scope, key string) (throttleRow, bool, error) {
	var r throttleRow
	err := s.conn(ctx).Where("scope = ? AND key = ?", scope, key).Take(&r).Error
	if err != nil {
		if errs.Is(db.Translate(err, ""), errs.NotFound) {
			return r, false, nil
		}
		return r, false, db.Translate(err, "read login throttle")
	}
	return r, true, nil
}

// addFailure counts one failure atomically (an upsert, so concurrent replicas
// never lose a count) and restarts the count when the window has passed.
func (s store) addFailure(ctx context.Context, scope, key string, now time.Time, window time.Duration) (throttleRow, error) {
	r := throttleRow{Scope: scope, Key: key, Failures: 1, FirstFailureAt: now}
	windowStart := now.Add(-window)
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "scope"}, {Name: "key"}},
		DoUpdates: clause.Assignments(map[string]any{
			"failures": gorm.Expr("CASE WHEN login_throttle.first_failure_at < ? THEN 1 ELSE login_throttle.failures + 1 END", windowStart),
			"first_failure_at": gorm.Expr("CASE WHEN login_throttle.first_failure_at < ? THEN ? ELSE login_throttle.first_failure_at END",
				windowStart, now),
		}),
	}).Create(&r).Error
	if err != nil {
		return r, db.Translate(err, "count login failure")
	}
	var out throttleRow
	if err := s.conn(ctx).Where("scope = ? AND key = ?", scope, key).Take(&out).Error; err != nil {
		return out, db.Translate(err, "read login throttle")
	}
	return out, nil
}

func (s store) setBlocked(ctx context.Context, scope, key string, until time.Time) error {
	err := s.conn(ctx).Model(&throttleRow{}).Where("scope = ? AND key = ?", scope, key).
		Update("blocked_until", until).Error
	return db.Translate(err, "block login")
}

func (s store) clearThrottle(ctx context.Context, scope, key string) error {
	err := s.conn(ctx).Where("scope = ? AND key = ?", scope, key).Delete(&throttleRow{}).Error
	return db.Translate(err, "clear login throttle")
}

// actorData loads what the auth middleware needs about a user in one query.
func (s store) actorData(ctx context.Context, id uuid.UUID) (role string, active bool, teams []uuid.UUID, err error) {
	type row struct {
		Role   string     `gorm:"column:role"`
		Active bool       `gorm:"column:active"`
		TeamID *uuid.UUID `gorm:"column:team_id"`
	}
	var rows []row
	err = s.conn(ctx).Table("users AS u").Select("u.role, u.active, m.team_id").
		Joins("LEFT JOIN team_memberships m ON m.user_id = u.id").Where("u.id = ?", id).Scan(&rows).Error
	if err != nil {
		return "", false, nil, fmt.Errorf("load actor: %w", err)
	}
	if len(rows) == 0 {
		return "", false, nil, errs.New(errs.NotFound, "user not found")
	}
	for _, r := range rows {
		if r.TeamID != nil {
			teams = append(teams, *r.TeamID)
		}
	}
	return rows[0].Role, rows[0].Active, teams, nil
}
