package identity

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// PersonalToken is a staff member's own API token, for scripts and tools
// that work on their behalf. It carries scopes and never more than the
// user's role allows (AllowedTokenScopes), checked again on every request.
type PersonalToken struct {
	ID         uuid.UUID
	Name       string
	Scopes     []actor.Scope
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// IssuedPersonalToken is a new token with its value, shown this once.
type IssuedPersonalToken struct {
	PersonalToken
	Token string
}

// NewPersonalToken is the input to CreatePersonalToken.
type NewPersonalToken struct {
	Name   string
	Scopes []actor.Scope
	// ExpiresInDays is 1–MaxPersonalTokenDays; nil means DefaultPersonalTokenDays.
	ExpiresInDays *int
}

const (
	// PersonalTokenPrefix starts every personal token, so that the
	// middleware knows it from a JWT and secret scanners can spot a leak.
	PersonalTokenPrefix      = "bicp_"
	DefaultPersonalTokenDays = 90
	MaxPersonalTokenDays     = 365
	maxLivePersonalTokens    = 10
	// personalTokenTouchEvery bounds the writes of last_used_at: at most
	// once a minute per token, not once per request.
	personalTokenTouchEvery = time.Minute
)

// AllowedTokenScopes is what a personal token of a user with this role may
// carry: a token is limited to its owner's own rights, and today only the
// analyst's pseudonymised exports are offered to scripts. An empty answer
// means the role cannot create personal tokens at all.
func AllowedTokenScopes(r actor.Role) []actor.Scope {
	switch r {
	case actor.RoleAnalyst:
		return []actor.Scope{actor.ScopeExportsRead}
	}
	return nil
}

func scopeAllowed(s actor.Scope, allowed []actor.Scope) bool {
	for _, a := range allowed {
		if a == s {
			return true
		}
	}
	return false
}

// Validate checks a new token against the scopes the role allows.
func (n *NewPersonalToken) Validate(allowed []actor.Scope) error {
	var f errs.Fields
	n.Name = strings.TrimSpace(n.Name)
	validateName(&f, "name", n.Name, 100)
	if len(n.Scopes) == 0 {
		f.Add("scopes", "name at least one scope")
	}
	validateScopes(&f, n.Scopes, len(actor.Scopes))
	for i, s := range n.Scopes {
		if s.Valid() && !scopeAllowed(s, allowed) {
			f.Add(fmt.Sprintf("scopes[%d]", i), "is not allowed for your role")
		}
	}
	if n.ExpiresInDays != nil && (*n.ExpiresInDays < 1 || *n.ExpiresInDays > MaxPersonalTokenDays) {
		f.Add("expires_in_days", fmt.Sprintf("must be a whole number from 1 to %d", MaxPersonalTokenDays))
	}
	return f.Err()
}

func toPersonalToken(r personalTokenRow) PersonalToken {
	return PersonalToken{ID: r.ID, Name: r.Name, Scopes: scopesOf(r.Scopes.V), CreatedAt: r.CreatedAt.UTC(),
		ExpiresAt: r.ExpiresAt.UTC(), LastUsedAt: utcPtr(r.LastUsedAt), RevokedAt: utcPtr(r.RevokedAt)}
}

// requireSession refuses token management through a token: a token never
// mints or lists tokens, only a logged-in person does.
func requireSession(a actor.Actor) error {
	if a.Scoped() {
		return errs.New(errs.Forbidden, "Personal tokens are managed from a logged-in session, not with a token.")
	}
	return nil
}

// CreatePersonalToken issues a token for the actor. Only roles with allowed
// scopes may (403 otherwise); the token is in the result and nowhere else.
func (s *Service) CreatePersonalToken(ctx context.Context, a actor.Actor, in NewPersonalToken) (IssuedPersonalToken, error) {
	if err := requireSession(a); err != nil {
		return IssuedPersonalToken{}, err
	}
	allowed := AllowedTokenScopes(a.Role)
	if len(allowed) == 0 {
		return IssuedPersonalToken{}, errs.New(errs.Forbidden, "Your role cannot create personal tokens.")
	}
	if err := in.Validate(allowed); err != nil {
		return IssuedPersonalToken{}, err
	}
	days := DefaultPersonalTokenDays
	if in.ExpiresInDays != nil {
		days = *in.ExpiresInDays
	}
	tok, hash, err := newSecret(PersonalTokenPrefix)
	if err != nil {
		return IssuedPersonalToken{}, err
	}
	now := s.now()
	r := personalTokenRow{ID: uuid.New(), UserID: a.UserID, Name: in.Name, TokenHash: hash, CreatedAt: now,
		ExpiresAt: now.AddDate(0, 0, days)}
	r.Scopes.V = scopeStrings(in.Scopes)
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		n, err := s.st.countLivePersonalTokens(ctx, a.UserID, now)
		if err != nil {
			return err
		}
		if n >= maxLivePersonalTokens {
			return errs.New(errs.Conflict, fmt.Sprintf("You can have at most %d personal tokens in use. Revoke one first.", maxLivePersonalTokens))
		}
		if err := s.st.insertPersonalToken(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.PersonalTokenCreated,
			Detail: fmt.Sprintf("personal token %s; scopes %s; expires %s", r.ID, strings.Join(r.Scopes.V, " "), r.ExpiresAt.Format(time.DateOnly))})
	})
	if err != nil {
		return IssuedPersonalToken{}, fmt.Errorf("create personal token: %w", err)
	}
	return IssuedPersonalToken{PersonalToken: toPersonalToken(r), Token: tok}, nil
}

// ListPersonalTokens lists the actor's own tokens, newest first, revoked and
// expired ones included. Token values are not in them.
func (s *Service) ListPersonalTokens(ctx context.Context, a actor.Actor) ([]PersonalToken, error) {
	if err := requireSession(a); err != nil {
		return nil, err
	}
	rows, err := s.st.listPersonalTokens(ctx, a.UserID)
	if err != nil {
		return nil, fmt.Errorf("list personal tokens: %w", err)
	}
	out := make([]PersonalToken, len(rows))
	for i, r := range rows {
		out[i] = toPersonalToken(r)
	}
	return out, nil
}

// RevokePersonalToken revokes one of the actor's own tokens at once. Another
// user's token is 404, like one that does not exist. Revoking twice is harmless.
func (s *Service) RevokePersonalToken(ctx context.Context, a actor.Actor, id uuid.UUID) error {
	if err := requireSession(a); err != nil {
		return err
	}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.st.personalTokenOf(ctx, a.UserID, id); err != nil {
			if errs.Is(err, errs.NotFound) {
				return errs.NotFoundf("No personal token with id %s.", id)
			}
			return err
		}
		revoked, err := s.st.revokePersonalToken(ctx, id, s.now())
		if err != nil || !revoked {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.PersonalTokenRevoked, Detail: "personal token " + id.String()})
	})
	if err != nil {
		return fmt.Errorf("revoke personal token: %w", err)
	}
	return nil
}

// authenticatePersonal turns a personal token into an actor: the token must
// be live and its owner active; role and teams are the owner's current ones,
// and the scopes are cut to what that role allows now.
func (s *Service) authenticatePersonal(ctx context.Context, raw string) (actor.Actor, error) {
	r, err := s.st.personalTokenByHash(ctx, hashToken(raw))
	if errs.Is(err, errs.NotFound) {
		return actor.Actor{}, errTokenInvalid
	}
	if err != nil {
		return actor.Actor{}, fmt.Errorf("authenticate personal token: %w", err)
	}
	now := s.clock.Now()
	if r.RevokedAt != nil || !r.ExpiresAt.After(now) {
		return actor.Actor{}, errTokenInvalid
	}
	role, active, teams, err := s.st.actorData(ctx, r.UserID)
	if errs.Is(err, errs.NotFound) || (err == nil && !active) {
		return actor.Actor{}, errTokenInvalid
	}
	if err != nil {
		return actor.Actor{}, fmt.Errorf("authenticate personal token: %w", err)
	}
	allowed := AllowedTokenScopes(actor.Role(role))
	scopes := []actor.Scope{}
	for _, sc := range scopesOf(r.Scopes.V) {
		if scopeAllowed(sc, allowed) {
			scopes = append(scopes, sc)
		}
	}
	if r.LastUsedAt == nil || now.Sub(*r.LastUsedAt) >= personalTokenTouchEvery {
		if err := s.st.touchPersonalToken(ctx, r.ID, now.UTC().Truncate(time.Microsecond), personalTokenTouchEvery); err != nil {
			return actor.Actor{}, fmt.Errorf("authenticate personal token: %w", err)
		}
	}
	id := r.ID
	req := actor.RequestFrom(ctx)
	return actor.Actor{UserID: r.UserID, Role: actor.Role(role), TeamIDs: teams, Kind: actor.KindPersonalToken,
		Scopes: scopes, CredentialID: &id, RequestID: req.RequestID, ClientIP: req.ClientIP}, nil
}
