// Package audit records who touched citizen data: every read, write, close,
// reopen, CPR reveal and login, with actor, action, case, time, request id,
// client address and outcome. Events are written through the caller's
// transaction so that a change and its audit row commit or fail together.
package audit

import (
	"time"

	"github.com/google/uuid"
)

// Action names an audited action. Values are stable: analysts filter on them.
type Action string

const (
	LoginSucceeded Action = "auth.login"
	LoginFailed    Action = "auth.login_failed"
	LoginRefused   Action = "auth.login_throttled"
	TokenRefreshed Action = "auth.refresh"
	TokenReuse     Action = "auth.refresh_reuse"
	LoggedOut      Action = "auth.logout"

	CaseCreated   Action = "case.create"
	CaseRead      Action = "case.read"
	CaseListed    Action = "case.list"
	CaseUpdated   Action = "case.update"
	CaseClosed    Action = "case.close"
	CaseReopened  Action = "case.reopen"
	CasePhase     Action = "case.phase"
	CaseCPRLookup Action = "case.cpr_lookup"
	CaseCPRReveal Action = "case.cpr_reveal"
	AuditRead     Action = "audit.read"
	UserCreated   Action = "user.create"
	UserUpdated   Action = "user.update"
	TeamCreated   Action = "team.create"
	TeamUpdated   Action = "team.update"

	// ClientCredentials is a token request of a service account (RFC 6749
	// §4.4): success when a token was issued, failure when the client could
	// not authenticate or asked for too much, denied when throttled.
	ClientCredentials     Action = "auth.client_credentials"
	ServiceAccountCreated Action = "service_account.create"
	ServiceAccountUpdated Action = "service_account.update"
	CredentialCreated     Action = "credential.create"
	CredentialRevoked     Action = "credential.revoke"
	PersonalTokenCreated  Action = "personal_token.create"
	PersonalTokenRevoked  Action = "personal_token.revoke"
)

// Outcome is how an audited attempt ended.
type Outcome string

const (
	Success Outcome = "success"
	Denied  Outcome = "denied"  // refused: not found for this actor, wrong role, throttled
	Failure Outcome = "failure" // e.g. wrong password
)

// Event is one audit row. Actor, request id and client address are filled
// from the context by Record when left empty.
type Event struct {
	ID         uuid.UUID
	OccurredAt time.Time
	ActorID    *uuid.UUID
	ActorRole  string
	// CredentialID is the personal token or client credential the actor used
	// (nil for a password session); Record fills it from the actor.
	CredentialID *uuid.UUID
	Subject      string // who was attempted, when there is no actor (login)
	Action       Action
	CaseID       *uuid.UUID
	TeamID       *uuid.UUID
	RequestID    string
	ClientIP     string
	Outcome      Outcome
	Detail       string // safe, short; never CPR, tokens or free text from a case
}

// Filter selects events for GET /audit.
type Filter struct {
	CaseID       *uuid.UUID
	ActorID      *uuid.UUID
	CredentialID *uuid.UUID
	Action       string
	From         *time.Time
	To           *time.Time
	Limit        int
	Cursor       string
}

// Page is one page of events, newest first.
type Page struct {
	Events     []Event
	NextCursor string
}
