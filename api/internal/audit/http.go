package audit

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves /audit.
type Handler struct{ svc *Service }

// NewHandler returns the audit HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// Register mounts the routes on g (the authenticated /api/v1 group).
func (h *Handler) Register(g *echo.Group) { g.GET("/audit", h.list) }

// EventDTO is one audit event.
type EventDTO struct {
	ID         uuid.UUID  `json:"id" format:"uuid"`
	OccurredAt time.Time  `json:"occurred_at" format:"date-time"`
	ActorID    *uuid.UUID `json:"actor_id,omitempty" format:"uuid"`
	ActorRole  string     `json:"actor_role" maxLength:"20" example:"caseworker"`
	// The personal token or service-account credential (client_id) the
	// actor used; absent for a password session.
	CredentialID *uuid.UUID `json:"credential_id,omitempty" format:"uuid"`
	// Who was attempted when there is no actor, e.g. the email of a failed login.
	Subject   string     `json:"subject,omitempty" maxLength:"320"`
	Action    string     `json:"action" maxLength:"50" example:"case.read"`
	CaseID    *uuid.UUID `json:"case_id,omitempty" format:"uuid"`
	TeamID    *uuid.UUID `json:"team_id,omitempty" format:"uuid"`
	RequestID string     `json:"request_id" maxLength:"100"`
	ClientIP  string     `json:"client_ip" maxLength:"100"`
	Outcome   string     `json:"outcome" enums:"success,denied,failure"`
	Detail    string     `json:"detail,omitempty" maxLength:"500"`
} // @name AuditEvent

// PageDTO is one page of audit events, newest first.
type PageDTO struct {
	Items []EventDTO `json:"items" validate:"max=200"`
	// Pass as cursor to get the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty" maxLength:"500"`
} // @name AuditEventPage

// list godoc
//
//	@Summary		Read the audit trail
//	@ID			listAuditEvents
//	@Description	Who has read or changed what, newest first. Leaders see events about their teams' cases; administrators see everything. Use it to answer a citizen who asks who has looked at their case.
//	@Tags			audit
//	@Produce		json
//	@Security		BearerAuth
//	@Param			case_id	query		string	false	"Only events about this case"	format(uuid)
//	@Param			actor_id	query		string	false	"Only events by this user"	format(uuid)
//	@Param			credential_id	query		string	false	"Only events under this personal token or client credential"	format(uuid)
//	@Param			action	query		string	false	"Only this action, e.g. case.read"	maxlength(50)
//	@Param			from	query		string	false	"From this time (inclusive), RFC 3339 or date"	maxlength(40)
//	@Param			to		query		string	false	"Until this time (exclusive), RFC 3339 or date"	maxlength(40)
//	@Param			limit	query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor	query		string	false	"Cursor from the previous page"	maxlength(500)
//	@Success		200		{object}	PageDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/audit [get]
func (h *Handler) list(c echo.Context) error {
	q := httpx.NewQuery(c)
	f := Filter{
		CaseID:       q.UUID("case_id"),
		ActorID:      q.UUID("actor_id"),
		CredentialID: q.UUID("credential_id"),
		Action:       q.String("action", 50),
		From:         q.Time("from"),
		To:           q.Time("to"),
		Limit:        q.Int("limit", 50, 1, 200),
		Cursor:       q.String("cursor", 500),
	}
	if err := q.Err(); err != nil {
		return err
	}
	a, ok := actor.From(c.Request().Context())
	if !ok {
		return errs.New(errs.Unauthenticated, "Log in first.")
	}
	page, err := h.svc.List(c.Request().Context(), a, f)
	if err != nil {
		return err
	}
	out := PageDTO{Items: make([]EventDTO, len(page.Events)), NextCursor: page.NextCursor}
	for i, e := range page.Events {
		out.Items[i] = EventDTO{ID: e.ID, OccurredAt: e.OccurredAt, ActorID: e.ActorID, ActorRole: e.ActorRole, CredentialID: e.CredentialID,
			Subject: e.Subject, Action: string(e.Action), CaseID: e.CaseID, TeamID: e.TeamID,
			RequestID: e.RequestID, ClientIP: e.ClientIP, Outcome: string(e.Outcome), Detail: e.Detail}
	}
	return c.JSON(http.StatusOK, out)
}
