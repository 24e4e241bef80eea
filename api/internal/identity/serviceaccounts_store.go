package identity

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Rows of migration 00010: service accounts, their teams and credentials, and
// personal tokens. Associations are never on a row; child rows are written
// explicitly in the service's transaction.

type serviceAccountRow struct {
	ID          uuid.UUID         `gorm:"column:id;primaryKey"`
	Name        string            `gorm:"column:name"`
	Description string            `gorm:"column:description"`
	Scopes      db.JSON[[]string] `gorm:"column:scopes"`
	AllTeams    bool              `gorm:"column:all_teams"`
	Active      bool              `gorm:"column:active"`
	CreatedAt   time.Time         `gorm:"column:created_at"`
	CreatedBy   *uuid.UUID        `gorm:"column:created_by"`
	UpdatedAt   time.Time         `gorm:"column:updated_at"`
	UpdatedBy   *uuid.UUID        `gorm:"column:updated_by"`
	Version     int               `gorm:"column:version"`
}

func (serviceAccountRow) TableName() string { return "service_accounts" }

type serviceAccountTeamRow struct {
	AccountID uuid.UUID `gorm:"column:account_id;primaryKey"`
	TeamID    uuid.UUID `gorm:"column:team_id;primaryKey"`
}

func (serviceAccountTeamRow) TableName() string { return "service_account_teams" }

type credentialRow struct {
	ID         uuid.UUID  `gorm:"column:id;primaryKey"`
	AccountID  uuid.UUID  `gorm:"column:account_id"`
	SecretHash string     `gorm:"column:secret_hash"`
	Label      string     `gorm:"column:label"`
	CreatedAt  time.Time  `gorm:"column:created_at"`
	CreatedBy  *uuid.UUID `gorm:"column:created_by"`
	ExpiresAt  *time.Time `gorm:"column:expires_at"`
	LastUsedAt *time.Time `gorm:"column:last_used_at"`
	RevokedAt  *time.Time `gorm:"column:revoked_at"`
	RevokedBy  *uuid.UUID `gorm:"column:revoked_by"`
}

func (credentialRow) TableName() string { return "service_account_credentials" }

type personalTokenRow struct {
	ID         uuid.UUID         `gorm:"column:id;primaryKey"`
	UserID     uuid.UUID         `gorm:"column:user_id"`
	Name       string            `gorm:"column:name"`
	TokenHash  string            `gorm:"column:token_hash"`
	Scopes     db.JSON[[]string] `gorm:"column:scopes"`
	CreatedAt  time.Time         `gorm:"column:created_at"`
	ExpiresAt  time.Time         `gorm:"column:expires_at"`
	LastUsedAt *time.Time        `gorm:"column:last_used_at"`
	RevokedAt  *time.Time        `gorm:"column:revoked_at"`
}

func (personalTokenRow) TableName() string { return "personal_tokens" }

var (
	serviceAccountColumns = []string{"id", "name", "description", "scopes", "all_teams", "active", "created_at",
		"created_by", "updated_at", "updated_by", "version"}
	// credentialColumns leave out secret_hash: only authentication reads it.
	credentialColumns    = []string{"id", "account_id", "label", "created_at", "created_by", "expires_at", "last_used_at", "revoked_at", "revoked_by"}
	personalTokenColumns = []string{"id", "user_id", "name", "scopes", "created_at", "expires_at", "last_used_at", "revoked_at"}
)

// maxListed bounds the lists of accounts, credentials and tokens; the
// numbers are small by nature (a municipality has a handful of integrations).
const maxListed = 1000

// --- service accounts ---

func nameTaken(what string) error {
	e := errs.New(errs.Conflict, "A "+what+" with this name already exists.")
	e.Fields = []errs.FieldError{{Field: "name", Message: "is already in use"}}
	return e
}

func (s store) insertServiceAccount(ctx context.Context, r serviceAccountRow) error {
	if err := s.conn(ctx).Create(&r).Error; err != nil {
		if errs.Is(db.Translate(err, ""), errs.Conflict) {
			return nameTaken("service account")
		}
		return db.Translate(err, "insert service account")
	}
	return nil
}

func (s store) serviceAccountByID(ctx context.Context, id uuid.UUID) (serviceAccountRow, error) {
	var r serviceAccountRow
	err := s.conn(ctx).Select(serviceAccountColumns).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "find service account")
}

func (s store) listServiceAccounts(ctx context.Context) ([]serviceAccountRow, error) {
	var rows []serviceAccountRow
	err := s.conn(ctx).Select(serviceAccountColumns).Order("name, id").Limit(maxListed).Find(&rows).Error
	return rows, db.Translate(err, "list service accounts")
}

// updateServiceAccount writes the given columns if the version still matches.
func (s store) updateServiceAccount(ctx context.Context, id uuid.UUID, version int, cols map[string]any) (bool, error) {
	res := s.conn(ctx).Model(&serviceAccountRow{}).Where("id = ? AND version = ?", id, version).Updates(cols)
	if res.Error != nil {
		if errs.Is(db.Translate(res.Error, ""), errs.Conflict) {
			return false, nameTaken("service account")
		}
		return false, db.Translate(res.Error, "update service account")
	}
	return res.RowsAffected == 1, nil
}

// accountTeams loads the teams of many accounts in one query.
func (s store) accountTeams(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID][]Team, error) {
	return s.linkedTeams(ctx, "service_account_teams", "account_id", ids)
}

// setAccountTeams replaces the account's teams; a team that does not exist is
// a field error.
func (s store) setAccountTeams(ctx context.Context, id uuid.UUID, teams []uuid.UUID) error {
	if err := s.conn(ctx).Where("account_id = ?", id).Delete(&serviceAccountTeamRow{}).Error; err != nil {
		return db.Translate(err, "clear service account teams")
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
	rows := make([]serviceAccountTeamRow, len(teams))
	for i, t := range teams {
		rows[i] = serviceAccountTeamRow{AccountID: id, TeamID: t}
	}
	return db.Translate(s.conn(ctx).Create(&rows).Error, "insert service account teams")
}

// allTeamIDs is every team, for an account with municipality-wide reach.
func (s store) allTeamIDs(ctx context.Context) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Model(&teamRow{}).Order("id").Pluck("id", &ids).Error
	return ids, db.Translate(err, "list team ids")
}

// accountTeamIDs is the team ids of one account.
func (s store) accountTeamIDs(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	var ids []uuid.UUID
	err := s.conn(ctx).Model(&serviceAccountTeamRow{}).Where("account_id = ?", id).Order("team_id").Pluck("team_id", &ids).Error
	return ids, db.Translate(err, "list service account teams")
}

// --- credentials ---

func (s store) insertCredential(ctx context.Context, r credentialRow) error {
	return db.Translate(s.conn(ctx).Create(&r).Error, "insert credential")
}

// credentialWithSecret reads one credential including its secret hash, for
// authentication only.
func (s store) credentialWithSecret(ctx context.Context, id uuid.UUID) (credentialRow, error) {
	var r credentialRow
	err := s.conn(ctx).Select(append([]string{"secret_hash"}, credentialColumns...)).Where("id = ?", id).Take(&r).Error
	return r, db.Translate(err, "find credential")
}

func (s store) credentialOf(ctx context.Context, account, id uuid.UUID) (credentialRow, error) {
	var r credentialRow
	err := s.conn(ctx).Select(credentialColumns).Where("id = ? AND account_id = ?", id, account).Take(&r).Error
	return r, db.Translate(err, "find credential")
}

func (s store) listCredentials(ctx context.Context, account uuid.UUID) ([]credentialRow, error) {
	var rows []credentialRow
	err := s.conn(ctx).Select(credentialColumns).Where("account_id = ?", account).
		Order("created_at DESC, id DESC").Limit(maxListed).Find(&rows).Error
	return rows, db.Translate(err, "list credentials")
}

// countLiveCredentials counts the credentials that could still be used.
func (s store) countLiveCredentials(ctx context.Context, account uuid.UUID, now time.Time) (int64, error) {
	var n int64
	err := s.conn(ctx).Model(&credentialRow{}).
		Where("account_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)", account, now).Count(&n).Error
	return n, db.Translate(err, "count credentials")
}

// revokeCredential revokes once; a second call changes nothing and reports false.
func (s store) revokeCredential(ctx context.Context, id uuid.UUID, by *uuid.UUID, now time.Time) (bool, error) {
	res := s.conn(ctx).Model(&credentialRow{}).Where("id = ? AND revoked_at IS NULL", id).
		Updates(map[string]any{"revoked_at": now, "revoked_by": by})
	return res.RowsAffected == 1, db.Translate(res.Error, "revoke credential")
}

func (s store) touchCredential(ctx context.Context, id uuid.UUID, now time.Time) error {
	err := s.conn(ctx).Model(&credentialRow{}).Where("id = ?", id).Update("last_used_at", now).Error
	return db.Translate(err, "mark credential used")
}

// serviceActorData loads what the auth middleware needs about a service
// token in one query: the credential's state and its account's.
func (s store) serviceActorData(ctx context.Context, credential uuid.UUID) (credentialRow, serviceAccountRow, error) {
	type row struct {
		AccountID uuid.UUID         `gorm:"column:account_id"`
		ExpiresAt *time.Time        `gorm:"column:expires_at"`
		RevokedAt *time.Time        `gorm:"column:revoked_at"`
		Scopes    db.JSON[[]string] `gorm:"column:scopes"`
		AllTeams  bool              `gorm:"column:all_teams"`
		Active    bool              `gorm:"column:active"`
	}
	var rows []row
	err := s.conn(ctx).Table("service_account_credentials AS c").
		Select("c.account_id, c.expires_at, c.revoked_at, a.scopes, a.all_teams, a.active").
		Joins("JOIN service_accounts a ON a.id = c.account_id").Where("c.id = ?", credential).Limit(1).Scan(&rows).Error
	if err != nil {
		return credentialRow{}, serviceAccountRow{}, db.Translate(err, "load service token")
	}
	if len(rows) == 0 {
		return credentialRow{}, serviceAccountRow{}, errs.New(errs.NotFound, "credential not found")
	}
	r := rows[0]
	return credentialRow{ID: credential, AccountID: r.AccountID, ExpiresAt: r.ExpiresAt, RevokedAt: r.RevokedAt},
		serviceAccountRow{ID: r.AccountID, Scopes: r.Scopes, AllTeams: r.AllTeams, Active: r.Active}, nil
}

// --- personal tokens ---

func (s store) insertPersonalToken(ctx context.Context, r personalTokenRow) error {
	return db.Translate(s.conn(ctx).Create(&r).Error, "insert personal token")
}

func (s store) personalTokenByHash(ctx context.Context, hash string) (personalTokenRow, error) {
	var r personalTokenRow
	err := s.conn(ctx).Select(personalTokenColumns).Where("token_hash = ?", hash).Take(&r).Error
	return r, db.Translate(err, "find personal token")
}

func (s store) personalTokenOf(ctx context.Context, user, id uuid.UUID) (personalTokenRow, error) {
	var r personalTokenRow
	err := s.conn(ctx).Select(personalTokenColumns).Where("id = ? AND user_id = ?", id, user).Take(&r).Error
	return r, db.Translate(err, "find personal token")
}

func (s store) listPersonalTokens(ctx context.Context, user uuid.UUID) ([]personalTokenRow, error) {
	var rows []personalTokenRow
	err := s.conn(ctx).Select(personalTokenColumns).Where("user_id = ?", user).
		Order("created_at DESC, id DESC").Limit(maxListed).Find(&rows).Error
	return rows, db.Translate(err, "list personal tokens")
}

func (s store) countLivePersonalTokens(ctx context.Context, user uuid.UUID, now time.Time) (int64, error) {
	var n int64
	err := s.conn(ctx).Model(&personalTokenRow{}).Where("user_id = ? AND revoked_at IS NULL AND expires_at > ?", user, now).Count(&n).Error
	return n, db.Translate(err, "count personal tokens")
}

func (s store) revokePersonalToken(ctx context.Context, id uuid.UUID, now time.Time) (bool, error) {
	res := s.conn(ctx).Model(&personalTokenRow{}).Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", now)
	return res.RowsAffected == 1, db.Translate(res.Error, "revoke personal token")
}

// revokeUserPersonalTokens revokes every live token of a user (password
// change, deactivation).
func (s store) revokeUserPersonalTokens(ctx context.Context, user uuid.UUID, now time.Time) error {
	err := s.conn(ctx).Model(&personalTokenRow{}).Where("user_id = ? AND revoked_at IS NULL", user).Update("revoked_at", now).Error
	return db.Translate(err, "revoke personal tokens")
}

// touchPersonalToken records use, at most once per interval: the condition is
// in the UPDATE too, so replicas racing on one token write it once.
func (s store) touchPersonalToken(ctx context.Context, id uuid.UUID, now time.Time, interval time.Duration) error {
	err := s.conn(ctx).Model(&personalTokenRow{}).
		Where("id = ? AND (last_used_at IS NULL OR last_used_at <= ?)", id, now.Add(-interval)).
		Update("last_used_at", now).Error
	return db.Translate(err, "mark personal token used")
}
