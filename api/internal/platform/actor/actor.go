// Package actor describes who is making a request. It is filled in by the
// authentication middleware and read by every service that authorises.
package actor

import (
	"context"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// Role is a staff role. The set is closed; new roles need a migration of the
// users.role CHECK constraint.
type Role string

const (
	RoleAdmin      Role = "admin"
	RoleLeader     Role = "leader"
	RoleCaseworker Role = "caseworker"
	RoleAnalyst    Role = "analyst"
	// RoleIntegration is the role of a service account (an outside system
	// with client credentials). It is never a user's role: Valid refuses it.
	RoleIntegration Role = "integration"
)

// Scope limits what a token may do. An interactive session has no scopes and
// all the rights of its role; a personal token or a service account's token
// carries scopes, and every route it may call names the scope it needs.
type Scope string

const (
	// ScopeExportsRead pulls pseudonymised exports.
	ScopeExportsRead Scope = "exports:read"
	// ScopeExportsIdentifiable pulls identifiable exports, with a stated purpose.
	ScopeExportsIdentifiable Scope = "exports:identifiable"
	// ScopeCasesRead reads cases of the account's teams.
	ScopeCasesRead Scope = "cases:read"
	// ScopeAuditRead pulls the audit dataset.
	ScopeAuditRead Scope = "audit:read"
)

// Scopes is every scope, in the order documents list them.
var Scopes = []Scope{ScopeExportsRead, ScopeExportsIdentifiable, ScopeCasesRead, ScopeAuditRead}

// Valid reports whether s is a known scope.
func (s Scope) Valid() bool {
	for _, k := range Scopes {
		if s == k {
			return true
		}
	}
	return false
}

// Kind says how the actor proved who it is.
type Kind string

const (
	KindSession       Kind = "session"        // a person logged in with a password
	KindPersonalToken Kind = "personal_token" // a person's own API token
	KindService       Kind = "service"        // a service account's client credentials
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleLeader, RoleCaseworker, RoleAnalyst:
		return true
	}
	return false
}

// Actor is an authenticated principal.
type Actor struct {
	// UserID is the user, or for KindService the service account.
	UserID uuid.UUID
	Role   Role
	// TeamIDs are the teams whose cases the actor may reach. A service
	// account with municipality-wide reach gets every team here.
	TeamIDs []uuid.UUID
	Kind    Kind
	// Scopes limit a token (KindPersonalToken, KindService); nil for a
	// session, which has the full rights of its role.
	Scopes []Scope
	// CredentialID is the personal token or client credential used, so that
	// every audit row written under it names it.
	CredentialID *uuid.UUID
	RequestID    string
	ClientIP     string
}

// Scoped reports whether the actor is limited by scopes (a token, not a session).
func (a Actor) Scoped() bool { return a.Kind == KindPersonalToken || a.Kind == KindService }

// HasScope reports whether the actor may act within s: always for a session,
// else only when the token carries s.
func (a Actor) HasScope(s Scope) bool {
	if !a.Scoped() {
		return true
	}
	for _, k := range a.Scopes {
		if k == s {
			return true
		}
	}
	return false
}

// InTeam reports whether the actor is a member of team.
func (a Actor) InTeam(team uuid.UUID) bool {
	for _, t := range a.TeamIDs {
		if t == team {
			return true
		}
	}
	return false
}

// WorksWithCases reports whether the role may read and write identifiable case
// content of its own teams.
// A service account reads cases only with the cases:read scope; the route
// gate keeps its token off every write.
func (a Actor) WorksWithCases() bool {
	switch a.Role {
	case RoleCaseworker, RoleLeader:
		return a.HasScope(ScopeCasesRead) || !a.Scoped()
	case RoleIntegration:
		return a.HasScope(ScopeCasesRead)
	}
	return false
}

// RequireCaseAccess refuses roles that never see case content.
func (a Actor) RequireCaseAccess() error {
	if !a.WorksWithCases() {
		return errs.New(errs.Forbidden, "Your role does not give access to case content.")
	}
	return nil
}

// CaseWorkerFrom is the actor of a request that reads or writes case content.
// Handlers call it before reading the body, so that a role without access
// learns nothing from validation messages.
func CaseWorkerFrom(ctx context.Context) (Actor, error) {
	a, ok := From(ctx)
	if !ok {
		return Actor{}, errs.New(errs.Unauthenticated, "Log in first.")
	}
	if err := a.RequireCaseAccess(); err != nil {
		return Actor{}, err
	}
	return a, nil
}

type ctxKey struct{}

// With stores a in ctx.
func With(ctx context.Context, a Actor) context.Context { return context.WithValue(ctx, ctxKey{}, a) }

// From returns the actor in ctx, if any.
func From(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(ctxKey{}).(Actor)
	return a, ok
}

// Request carries request metadata (id, client address) for unauthenticated
// calls such as login, which must still be audited.
type Request struct {
	RequestID string
	ClientIP  string
}

type reqKey struct{}

// WithRequest stores request metadata in ctx.
func WithRequest(ctx context.Context, r Request) context.Context {
	return context.WithValue(ctx, reqKey{}, r)
}

// RequestFrom returns the request metadata in ctx (zero value if none).
func RequestFrom(ctx context.Context) Request {
	r, _ := ctx.Value(reqKey{}).(Request)
	return r
}

// MustFrom returns the actor in ctx; services call it only after putting one
// there, so a missing actor is a programming error.
func MustFrom(ctx context.Context) Actor {
	a, ok := From(ctx)
	if !ok {
		panic("actor: no actor on the context")
	}
	return a
}
