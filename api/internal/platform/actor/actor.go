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
	UserID    uuid.UUID
	Role      Role
	TeamIDs   []uuid.UUID
	RequestID string
	ClientIP  string
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
func (a Actor) WorksWithCases() bool {
	return a.Role == RoleCaseworker || a.Role == RoleLeader
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
