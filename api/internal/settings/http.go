package settings

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// SettingsDTO is the municipality's settings.
type SettingsDTO struct {
	// What happens when a case leaves a phase whose checklist still has open
	// core principles: warn (the move happens and the answer lists them) or
	// require (the move is refused with 409 until they are answered).
	PhaseGate string `json:"phase_gate" enums:"warn,require"`
	Version   int32  `json:"version" format:"int32" minimum:"1" maximum:"2147483647"`
	// When and by whom the settings were last changed; absent until the first change.
	UpdatedAt     string `json:"updated_at,omitempty" format:"date-time" maxLength:"40"`
	UpdatedByName string `json:"updated_by_name,omitempty" maxLength:"200"`
} // @name Settings

// SettingsRequest changes settings; absent fields stay as they are.
type SettingsRequest struct {
	PhaseGate *string `json:"phase_gate,omitempty" enums:"warn,require"`
} // @name SettingsRequest

func toDTO(s Settings) SettingsDTO {
	d := SettingsDTO{PhaseGate: string(s.PhaseGate), Version: int32(s.Version), UpdatedByName: s.UpdatedByName}
	if s.UpdatedAt != nil {
		d.UpdatedAt = s.UpdatedAt.Format(time.RFC3339Nano)
	}
	return d
}

// Handler serves /settings.
type Handler struct{ svc *Service }

// NewHandler returns the settings HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// Register mounts the routes on the authenticated /api/v1 group.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/settings", h.get)
	g.PATCH("/settings", h.update)
}

func respond(c echo.Context, s Settings) error {
	httpx.SetETag(c, s.Version)
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, toDTO(s))
}

// get godoc
//
//	@Summary		Read the municipality's settings
//	@ID			getSettings
//	@Description	Everyone on the staff may read the settings, so the web app can tell a caseworker in advance what the phase gate will do.
//	@Tags			settings
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	SettingsDTO
//	@Header			200	{string}	ETag	"Version of the settings"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		422	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/settings [get]
func (h *Handler) get(c echo.Context) error {
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	s, err := h.svc.Get(c.Request().Context(), actor.MustFrom(c.Request().Context()))
	if err != nil {
		return err
	}
	return respond(c, s)
}

// update godoc
//
//	@Summary		Change the municipality's settings
//	@ID			updateSettings
//	@Description	Administrators only. Needs If-Match with the settings' ETag. The change is recorded in the audit trail.
//	@Tags			settings
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			If-Match	header		string			true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		SettingsRequest	true	"Settings to change"
//	@Success		200			{object}	SettingsDTO
//	@Header			200			{string}	ETag	"New version of the settings"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/settings [patch]
func (h *Handler) update(c echo.Context) error {
	a := actor.MustFrom(c.Request().Context())
	if a.Role != actor.RoleAdmin {
		return errs.New(errs.Forbidden, "Only administrators change the settings.")
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return err
	}
	var in SettingsRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	s, err := h.svc.Update(c.Request().Context(), a, version, Change(in))
	if err != nil {
		return err
	}
	return respond(c, s)
}
