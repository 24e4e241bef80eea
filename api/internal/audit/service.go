package audit

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Service writes and reads the audit trail.
type Service struct {
	db    *db.DB
	st    store
	clock clock.Clock
}

// NewService returns the audit service.
func NewService(d *db.DB, c clock.Clock) *Service { return &Service{db: d, st: store{db: d}, clock: c} }

// Record writes events through the transaction in ctx (if any), filling in
// id, time, actor and request metadata from ctx. Callers that change data call
// it inside their db.InTx so the audit row commits with the change; a failed
// audit write fails the whole use case.
func (s *Service) Record(ctx context.Context, evs ...Event) error {
	a, hasActor := actor.From(ctx)
	req := actor.RequestFrom(ctx)
	now := s.clock.Now()
	for i := range evs {
		e := &evs[i]
		if e.ID == uuid.Nil {
			id, err := uuid.NewV7()
			if err != nil {
				return fmt.Errorf("audit id: %w", err)
			}
			e.ID = id
		}
		if e.OccurredAt.IsZero() {
			e.OccurredAt = now
		}
		if hasActor && e.ActorID == nil {
			uid := a.UserID
			e.ActorID = &uid
			e.ActorRole = string(a.Role)
		}
		// Everything done under a token names the token, so that one leaked
		// credential's use can be reviewed on its own.
		if hasActor && e.CredentialID == nil && a.CredentialID != nil && e.ActorID != nil && *e.ActorID == a.UserID {
			cid := *a.CredentialID
			e.CredentialID = &cid
		}
		if e.RequestID == "" {
			e.RequestID = firstNonEmpty(a.RequestID, req.RequestID)
		}
		if e.ClientIP == "" {
			e.ClientIP = firstNonEmpty(a.ClientIP, req.ClientIP)
		}
		if e.Outcome == "" {
			e.Outcome = Success
		}
	}
	return s.st.insert(ctx, evs)
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// maxPageSize bounds List pages.
const maxPageSize = 200

// List returns audit events visible to the actor: admins see everything,
// leaders see events about their teams' cases; other roles are refused. The
// read itself is audited.
func (s *Service) List(ctx context.Context, a actor.Actor, f Filter) (Page, error) {
	if a.Role != actor.RoleAdmin && a.Role != actor.RoleLeader {
		return Page{}, errs.New(errs.Forbidden, "Only leaders and administrators can read the audit trail.")
	}
	// The handler bounds the page size; a caller that does not must not reach
	// the cursor arithmetic below with an empty page.
	if f.Limit < 1 || f.Limit > maxPageSize {
		return Page{}, errs.New(errs.BadRequest, fmt.Sprintf("The page size must be from 1 to %d.", maxPageSize))
	}
	var after *cursorPos
	if f.Cursor != "" {
		var p cursorPos
		if err := httpx.DecodeCursor(f.Cursor, &p); err != nil {
			return Page{}, err
		}
		after = &p
	}
	var page Page
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		evs, err := s.st.list(ctx, f, a.TeamIDs, a.Role == actor.RoleAdmin, after)
		if err != nil {
			return err
		}
		if len(evs) > f.Limit {
			last := evs[f.Limit-1]
			page.NextCursor = httpx.EncodeCursor(cursorPos{At: last.OccurredAt, ID: last.ID})
			evs = evs[:f.Limit]
		}
		page.Events = evs
		return s.Record(ctx, Event{Action: AuditRead, CaseID: f.CaseID})
	})
	if err != nil {
		return Page{}, fmt.Errorf("list audit events: %w", err)
	}
	return page, nil
}
