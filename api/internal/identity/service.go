package identity

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Auditor records audit events through the caller's transaction.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
}

// ThrottlePolicy decides when failed logins are slowed down and refused.
// Accounts are protected tightly; addresses loosely, because a whole office
// may share one address.
type ThrottlePolicy struct {
	Window           time.Duration // failures older than this are forgotten
	AccountSlowAfter int           // from this many failures, each retry must wait
	AccountLockAfter int           // from this many failures, refused for LockFor
	AddressSlowAfter int
	AddressLockAfter int
	LockFor          time.Duration
	MaxSlowdown      time.Duration
}

// DefaultThrottle is the production policy.
var DefaultThrottle = ThrottlePolicy{
	Window:           15 * time.Minute,
	AccountSlowAfter: 3,
	AccountLockAfter: 10,
	AddressSlowAfter: 20,
	AddressLockAfter: 100,
	LockFor:          15 * time.Minute,
	MaxSlowdown:      time.Minute,
}

// Service implements login, tokens, users and teams.
type Service struct {
	db       *db.DB
	st       store
	signer   *Signer
	audit    Auditor
	clock    clock.Clock
	refresh  time.Duration
	throttle ThrottlePolicy
}

// NewService wires the identity service.
func NewService(d *db.DB, s *Signer, a Auditor, c clock.Clock, refreshTTL time.Duration, t ThrottlePolicy) *Service {
	return &Service{db: d, st: store{db: d}, signer: s, audit: a, clock: c, refresh: refreshTTL, throttle: t}
}

func (s *Service) now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

var errBadCredentials = errs.New(errs.Unauthenticated, "The email or password is wrong.")

// Login checks credentials and issues tokens. Failures are counted per
// account and per client address in the database; past the policy's limits
// the caller gets TooManyRequests with a Retry-After. Every attempt is
// audited, successful or not.
func (s *Service) Login(ctx context.Context, email, password string) (Tokens, error) {
	email = normaliseEmail(email)
	ip := actor.RequestFrom(ctx).ClientIP
	now := s.now()

	if wait, err := s.blockedFor(ctx, email, ip, now); err != nil {
		return Tokens{}, err
	} else if wait > 0 {
		if err := s.audit.Record(ctx, audit.Event{Action: audit.LoginRefused, Subject: email, Outcome: audit.Denied,
			Detail: "too many failed attempts"}); err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
		e := errs.New(errs.TooManyRequests, "Too many failed login attempts. Wait a moment and try again.")
		e.RetryAfter = int(math.Ceil(wait.Seconds()))
		return Tokens{}, e
	}

	u, err := s.st.userByEmail(ctx, email)
	found := err == nil
	if err != nil && !errs.Is(err, errs.NotFound) {
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	hash := dummyHash
	if found {
		hash = u.PasswordHash
	}
	ok, err := CheckPassword(hash, password)
	if err != nil {
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	if !found || !ok || !u.Active {
		if err := s.db.InTx(ctx, func(ctx context.Context) error {
			if err := s.countFailure(ctx, email, ip, now); err != nil {
				return err
			}
			ev := audit.Event{Action: audit.LoginFailed, Subject: email, Outcome: audit.Failure, Detail: "wrong email or password"}
			if found {
				ev.ActorID, ev.ActorRole = &u.ID, u.Role
				if ok && !u.Active {
					ev.Detail = "account deactivated"
				}
			}
			return s.audit.Record(ctx, ev)
		}); err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
		return Tokens{}, errBadCredentials
	}

	var toks Tokens
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.clearThrottle(ctx, "account", email); err != nil {
			return err
		}
		var err error
		toks, err = s.issue(ctx, u.ID, actor.Role(u.Role), uuid.New(), now)
		if err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.LoginSucceeded, ActorID: &u.ID, ActorRole: u.Role, Subject: email})
	})
	if err != nil {
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	return toks, nil
}

func (s *Service) blockedFor(ctx context.Context, email, ip string, now time.Time) (time.Duration, error) {
	var wait time.Duration
	for _, k := range [][2]string{{"account", email}, {"address", ip}} {
		if k[1] == "" {
			continue
		}
		r, ok, err := s.st.throttleState(ctx, k[0], k[1])
		if err != nil {
			return 0, fmt.Errorf("login: %w", err)
		}
		if ok && r.BlockedUntil != nil && r.BlockedUntil.After(now) {
			if d := r.BlockedUntil.Sub(now); d > wait {
				wait = d
			}
		}
	}
	return wait, nil
}

func (s *Service) countFailure(ctx context.Context, email, ip string, now time.Time) error {
	p := s.throttle
	for _, k := range []struct {
		scope, key string
		slow, lock int
	}{{"account", email, p.AccountSlowAfter, p.AccountLockAfter}, {"address", ip, p.AddressSlowAfter, p.AddressLockAfter}} {
		if k.key == "" {
			continue
		}
		r, err := s.st.addFailure(ctx, k.scope, k.key, now, p.Window)
		if err != nil {
			return err
		}
		var until time.Duration
		switch {
		case r.Failures >= k.lock:
			until = p.LockFor
		case r.Failures >= k.slow:
			// Doubling delay: 1 s, 2 s, 4 s … capped.
			until = time.Second << min(r.Failures-k.slow, 16)
			if until > p.MaxSlowdown {
				until = p.MaxSlowdown
			}
		}
		if until > 0 {
			if err := s.st.setBlocked(ctx, k.scope, k.key, now.Add(until)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Service) issue(ctx context.Context, userID uuid.UUID, role actor.Role, family uuid.UUID, now time.Time) (Tokens, error) {
	access, err := s.signer.Issue(userID, role, now)
	if err != nil {
		return Tokens{}, err
	}
	tok, hash, err := newRefreshToken()
	if err != nil {
		return Tokens{}, err
	}
	if err := s.st.insertRefresh(ctx, refreshRow{ID: uuid.New(), FamilyID: family, UserID: userID, TokenHash: hash,
		IssuedAt: now, ExpiresAt: now.Add(s.refresh)}); err != nil {
		return Tokens{}, err
	}
	return Tokens{AccessToken: access, RefreshToken: tok, ExpiresIn: s.signer.TTL()}, nil
}

var errBadRefresh = errs.New(errs.Unauthenticated, "The session has ended. Log in again.")

// Refresh rotates a refresh token: the presented one is spent and a new pair
// issued. Presenting a spent or revoked token means it was copied, so the
// whole family (every token descending from that login) is revoked.
func (s *Service) Refresh(ctx context.Context, token string) (Tokens, error) {
	now := s.now()
	var toks Tokens
	var reuse bool
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, err := s.st.refreshByHash(ctx, hashToken(token))
		if errs.Is(err, errs.NotFound) {
			return errBadRefresh
		}
		if err != nil {
			return err
		}
		if r.UsedAt != nil || r.RevokedAt != nil {
			reuse = true
			if err := s.st.revokeFamily(ctx, r.FamilyID, now); err != nil {
				return err
			}
			return s.audit.Record(ctx, audit.Event{Action: audit.TokenReuse, ActorID: &r.UserID, ActorRole: s.roleOf(ctx, r.UserID), Outcome: audit.Denied,
				Detail: "spent refresh token presented; session family revoked"})
		}
		if !r.ExpiresAt.After(now) {
			return errBadRefresh
		}
		used, err := s.st.markUsed(ctx, r.ID, now)
		if err != nil {
			return err
		}
		if !used {
			return errBadRefresh // lost a race with a concurrent refresh
		}
		u, err := s.st.userByID(ctx, r.UserID)
		if err != nil {
			return err
		}
		if !u.Active {
			return errBadRefresh
		}
		toks, err = s.issue(ctx, u.ID, actor.Role(u.Role), r.FamilyID, now)
		if err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.TokenRefreshed, ActorID: &u.ID, ActorRole: u.Role})
	})
	if err != nil {
		if errs.Is(err, errs.Unauthenticated) {
			return Tokens{}, err
		}
		return Tokens{}, fmt.Errorf("refresh: %w", err)
	}
	if reuse {
		return Tokens{}, errBadRefresh
	}
	return toks, nil
}

// roleOf names the user's role for an audit row; an unknown user (which a
// foreign key makes impossible) is recorded without one.
func (s *Service) roleOf(ctx context.Context, id uuid.UUID) string {
	u, err := s.st.userByID(ctx, id)
	if err != nil {
		return ""
	}
	return u.Role
}

// Logout revokes the refresh token's family. Unknown tokens are ignored, so
// logging out twice is harmless.
func (s *Service) Logout(ctx context.Context, token string) error {
	now := s.now()
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		r, err := s.st.refreshByHash(ctx, hashToken(token))
		if errs.Is(err, errs.NotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := s.st.revokeFamily(ctx, r.FamilyID, now); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.LoggedOut, ActorID: &r.UserID, ActorRole: s.roleOf(ctx, r.UserID)})
	})
	if err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}

// Authenticate turns a bearer token into an actor. It is one of three kinds:
// a personal token ("bicp_…"), a service account's JWT (kind "service") or
// a session's JWT. Every kind is checked against the database on every
// request (the user's or account's current state, role, teams and scopes), so
// that deactivation, revocation or a changed membership takes effect at once
// rather than when the token expires. Anything else is 401.
func (s *Service) Authenticate(ctx context.Context, raw string) (actor.Actor, error) {
	if strings.HasPrefix(raw, PersonalTokenPrefix) {
		return s.authenticatePersonal(ctx, raw)
	}
	c, err := s.signer.VerifyClaims(raw, s.clock.Now())
	if err != nil {
		return actor.Actor{}, errs.Wrap(err, errs.Unauthenticated, errTokenInvalid.Message)
	}
	switch c.Kind {
	case "":
	case kindService:
		return s.authenticateService(ctx, c)
	default:
		return actor.Actor{}, errTokenInvalid
	}
	id, err := uuid.Parse(c.Subject)
	if err != nil {
		return actor.Actor{}, errs.Wrap(err, errs.Unauthenticated, errTokenInvalid.Message)
	}
	role, active, teams, err := s.st.actorData(ctx, id)
	if errs.Is(err, errs.NotFound) || (err == nil && !active) {
		return actor.Actor{}, errTokenInvalid
	}
	if err != nil {
		return actor.Actor{}, fmt.Errorf("authenticate: %w", err)
	}
	req := actor.RequestFrom(ctx)
	return actor.Actor{UserID: id, Role: actor.Role(role), TeamIDs: teams, Kind: actor.KindSession,
		RequestID: req.RequestID, ClientIP: req.ClientIP}, nil
}

// Me returns the actor's own user record. A service account is not a user
// and has none (403).
func (s *Service) Me(ctx context.Context, a actor.Actor) (User, error) {
	if a.Kind == actor.KindService {
		return User{}, errs.New(errs.Forbidden, "A service account is not a staff user and has no /me.")
	}
	return s.getUser(ctx, a.UserID)
}

func (s *Service) getUser(ctx context.Context, id uuid.UUID) (User, error) {
	r, err := s.st.userByID(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return User{}, errs.NotFoundf("No user with id %s.", id)
		}
		return User{}, fmt.Errorf("get user: %w", err)
	}
	teams, err := s.st.teamsOf(ctx, []uuid.UUID{id})
	if err != nil {
		return User{}, fmt.Errorf("get user: %w", err)
	}
	return toUser(r, teams[id]), nil
}

func toUser(r userRow, teams []Team) User {
	return User{ID: r.ID, Email: r.Email, Name: r.Name, Role: actor.Role(r.Role), Teams: teams, Active: r.Active,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Version: r.Version}
}

func requireAdmin(a actor.Actor) error {
	if a.Role != actor.RoleAdmin {
		return errs.New(errs.Forbidden, "Only administrators can manage users and teams.")
	}
	return nil
}

// CreateUser adds a staff user (admin only).
func (s *Service) CreateUser(ctx context.Context, a actor.Actor, in NewUser) (User, error) {
	if err := requireAdmin(a); err != nil {
		return User{}, err
	}
	if err := in.Validate(); err != nil {
		return User{}, err
	}
	return s.createUser(ctx, in)
}

func (s *Service) createUser(ctx context.Context, in NewUser) (User, error) {
	hash, err := HashPassword(in.Password)
	if err != nil {
		return User{}, err
	}
	now := s.now()
	r := userRow{ID: uuid.New(), Email: in.Email, Name: in.Name, Role: string(in.Role), PasswordHash: hash,
		Active: true, CreatedAt: now, UpdatedAt: now, Version: 1}
	var out User
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.insertUser(ctx, r, in.TeamIDs); err != nil {
			return err
		}
		if err := s.audit.Record(ctx, audit.Event{Action: audit.UserCreated, Subject: r.Email, Detail: "user " + r.ID.String()}); err != nil {
			return err
		}
		var err error
		out, err = s.getUser(ctx, r.ID)
		return err
	})
	if err != nil {
		return User{}, fmt.Errorf("create user: %w", err)
	}
	return out, nil
}

// UpdateUser changes a user if version still matches (admin only). Changing
// the password or deactivating ends the user's sessions.
func (s *Service) UpdateUser(ctx context.Context, a actor.Actor, id uuid.UUID, version int, ch UserChange) (User, error) {
	if err := requireAdmin(a); err != nil {
		return User{}, err
	}
	var f errs.Fields
	cols := map[string]any{}
	if ch.Name != nil {
		n := strings.TrimSpace(*ch.Name)
		validateName(&f, "name", n, 200)
		cols["name"] = n
	}
	if ch.Role != nil {
		if !ch.Role.Valid() {
			f.Add("role", "must be one of admin, leader, caseworker, analyst")
		}
		cols["role"] = string(*ch.Role)
	}
	if ch.Active != nil {
		if !*ch.Active && id == a.UserID {
			f.Add("active", "you cannot deactivate yourself")
		}
		cols["active"] = *ch.Active
	}
	if ch.Password != nil {
		validatePassword(&f, *ch.Password)
	}
	if err := f.Err(); err != nil {
		return User{}, err
	}
	if ch.Password != nil {
		h, err := HashPassword(*ch.Password)
		if err != nil {
			return User{}, err
		}
		cols["password_hash"] = h
	}
	now := s.now()
	cols["updated_at"] = now
	cols["version"] = gorm.Expr("version + 1")
	var out User
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.getUser(ctx, id)
		if err != nil {
			return err
		}
		role := cur.Role
		if ch.Role != nil {
			role = *ch.Role
		}
		teams := make([]uuid.UUID, len(cur.Teams))
		for i, t := range cur.Teams {
			teams[i] = t.ID
		}
		if ch.TeamIDs != nil {
			teams = *ch.TeamIDs
		}
		var tf errs.Fields
		validateRoleTeams(&tf, role, teams)
		if err := tf.Err(); err != nil {
			return err
		}
		ok, err := s.st.updateUser(ctx, id, version, cols)
		if err != nil {
			return err
		}
		if !ok {
			return httpx.Stale(cur.Version)
		}
		if ch.TeamIDs != nil {
			if err := s.st.setTeams(ctx, id, teams); err != nil {
				return err
			}
		}
		if ch.Password != nil || (ch.Active != nil && !*ch.Active) {
			if err := s.st.revokeUser(ctx, id, now); err != nil {
				return err
			}
			// A personal token may have been made by whoever knew the old
			// password; it goes with the sessions.
			if err := s.st.revokeUserPersonalTokens(ctx, id, now); err != nil {
				return err
			}
		}
		if err := s.audit.Record(ctx, audit.Event{Action: audit.UserUpdated, Detail: "user " + id.String()}); err != nil {
			return err
		}
		out, err = s.getUser(ctx, id)
		return err
	})
	if err != nil {
		return User{}, fmt.Errorf("update user: %w", err)
	}
	return out, nil
}

// GetUser returns one user. Admins see everyone; others see members of their
// own teams (to pick a coordinating caseworker) and themselves.
func (s *Service) GetUser(ctx context.Context, a actor.Actor, id uuid.UUID) (User, error) {
	u, err := s.getUser(ctx, id)
	if err != nil {
		return User{}, err
	}
	if a.Role == actor.RoleAdmin || id == a.UserID {
		return u, nil
	}
	if !u.Active {
		// Deactivated colleagues are hidden from non-admins, as in ListUsers.
		return User{}, errs.NotFoundf("No user with id %s.", id)
	}
	for _, t := range u.Teams {
		if a.InTeam(t.ID) {
			return u, nil
		}
	}
	return User{}, errs.NotFoundf("No user with id %s.", id)
}

// UserPage is one page of users ordered by name.
type UserPage struct {
	Users      []User
	NextCursor string
}

type userCursor struct {
	Name string    `json:"n"`
	ID   uuid.UUID `json:"i"`
}

// ListUsers lists users visible to the actor (see GetUser), optionally only
// one team's or one role's.
func (s *Service) ListUsers(ctx context.Context, a actor.Actor, team *uuid.UUID, role string, limit int, cursor string) (UserPage, error) {
	f := userListFilter{Role: role, Limit: limit}
	if a.Role != actor.RoleAdmin {
		f.TeamIDs = a.TeamIDs
		if f.TeamIDs == nil {
			f.TeamIDs = []uuid.UUID{}
		}
		f.OnlyActive = true
	}
	if team != nil {
		if a.Role != actor.RoleAdmin && !a.InTeam(*team) {
			return UserPage{Users: []User{}}, nil
		}
		f.TeamIDs = []uuid.UUID{*team}
	}
	if cursor != "" {
		var c userCursor
		if err := httpx.DecodeCursor(cursor, &c); err != nil {
			return UserPage{}, err
		}
		f.AfterName, f.AfterID = c.Name, c.ID
	}
	rows, err := s.st.listUsers(ctx, f)
	if err != nil {
		return UserPage{}, fmt.Errorf("list users: %w", err)
	}
	var page UserPage
	if len(rows) > limit {
		rows = rows[:limit]
		last := rows[limit-1]
		page.NextCursor = httpx.EncodeCursor(userCursor{Name: last.Name, ID: last.ID})
	}
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	teams, err := s.st.teamsOf(ctx, ids)
	if err != nil {
		return UserPage{}, fmt.Errorf("list users: %w", err)
	}
	page.Users = make([]User, len(rows))
	for i, r := range rows {
		page.Users[i] = toUser(r, teams[r.ID])
	}
	return page, nil
}

// CreateTeam adds a team (admin only).
func (s *Service) CreateTeam(ctx context.Context, a actor.Actor, name string) (Team, error) {
	if err := requireAdmin(a); err != nil {
		return Team{}, err
	}
	name = strings.TrimSpace(name)
	var f errs.Fields
	validateName(&f, "name", name, 200)
	if err := f.Err(); err != nil {
		return Team{}, err
	}
	now := s.now()
	r := teamRow{ID: uuid.New(), Name: name, CreatedAt: now, UpdatedAt: now, Version: 1}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.insertTeam(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.TeamCreated, TeamID: &r.ID})
	})
	if err != nil {
		return Team{}, fmt.Errorf("create team: %w", err)
	}
	return Team(r), nil
}

// UpdateTeam renames a team (admin only).
func (s *Service) UpdateTeam(ctx context.Context, a actor.Actor, id uuid.UUID, version int, name string) (Team, error) {
	if err := requireAdmin(a); err != nil {
		return Team{}, err
	}
	name = strings.TrimSpace(name)
	var f errs.Fields
	validateName(&f, "name", name, 200)
	if err := f.Err(); err != nil {
		return Team{}, err
	}
	var out teamRow
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.st.teamByID(ctx, id)
		if err != nil {
			if errs.Is(err, errs.NotFound) {
				return errs.NotFoundf("No team with id %s.", id)
			}
			return err
		}
		ok, err := s.st.updateTeam(ctx, id, version, name, s.now())
		if err != nil {
			return err
		}
		if !ok {
			return httpx.Stale(cur.Version)
		}
		if err := s.audit.Record(ctx, audit.Event{Action: audit.TeamUpdated, TeamID: &id}); err != nil {
			return err
		}
		out, err = s.st.teamByID(ctx, id)
		return err
	})
	if err != nil {
		return Team{}, fmt.Errorf("update team: %w", err)
	}
	return Team(out), nil
}

// GetTeam returns a team: admins any, others only their own.
func (s *Service) GetTeam(ctx context.Context, a actor.Actor, id uuid.UUID) (Team, error) {
	if a.Role != actor.RoleAdmin && !a.InTeam(id) {
		return Team{}, errs.NotFoundf("No team with id %s.", id)
	}
	r, err := s.st.teamByID(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return Team{}, errs.NotFoundf("No team with id %s.", id)
		}
		return Team{}, fmt.Errorf("get team: %w", err)
	}
	return Team(r), nil
}

// ListTeams lists all teams for admins, own teams for everyone else.
func (s *Service) ListTeams(ctx context.Context, a actor.Actor) ([]Team, error) {
	var only []uuid.UUID
	if a.Role != actor.RoleAdmin {
		only = append([]uuid.UUID{}, a.TeamIDs...)
	}
	rows, err := s.st.listTeams(ctx, only)
	if err != nil {
		return nil, fmt.Errorf("list teams: %w", err)
	}
	out := make([]Team, len(rows))
	for i, r := range rows {
		out[i] = Team{ID: r.ID, Name: r.Name, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Version: r.Version}
	}
	return out, nil
}

// Bootstrap creates the first admin when no user exists yet. It returns true
// when it created one.
func (s *Service) Bootstrap(ctx context.Context, email, password string) (bool, error) {
	n, err := s.st.countUsers(ctx)
	if err != nil {
		return false, fmt.Errorf("bootstrap admin: %w", err)
	}
	if n > 0 {
		return false, nil
	}
	in := NewUser{Email: email, Name: "Administrator", Role: actor.RoleAdmin, Password: password}
	if err := in.Validate(); err != nil {
		return false, fmt.Errorf("bootstrap admin (BIC_BOOTSTRAP_ADMIN_*): %w", err)
	}
	if _, err := s.createUser(ctx, in); err != nil {
		return false, fmt.Errorf("bootstrap admin: %w", err)
	}
	return true, nil
}

// SeedUser creates a user without an acting admin (demo data and tests).
func (s *Service) SeedUser(ctx context.Context, in NewUser) (User, error) {
	if err := in.Validate(); err != nil {
		return User{}, err
	}
	return s.createUser(ctx, in)
}

// SeedTeam creates a team without an acting admin (demo data and tests).
func (s *Service) SeedTeam(ctx context.Context, name string) (Team, error) {
	return s.CreateTeam(ctx, actor.Actor{Role: actor.RoleAdmin}, name)
}

// CountUsers reports how many users exist.
func (s *Service) CountUsers(ctx context.Context) (int64, error) { return s.st.countUsers(ctx) }

// UserTeams reports the teams of a user (for the cases domain to check that
// a coordinating caseworker belongs to the case's team).
func (s *Service) UserTeams(ctx context.Context, id uuid.UUID) (role actor.Role, active bool, teams []uuid.UUID, err error) {
	r, act, t, err := s.st.actorData(ctx, id)
	return actor.Role(r), act, t, err
}
