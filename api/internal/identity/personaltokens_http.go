package identity

import (
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// CreatePersonalTokenRequest asks for a personal API token.
type CreatePersonalTokenRequest struct {
	// What the token is for.
	Name string `json:"name" maxLength:"100" example:"R-script, månedsrapport"`
	// Scopes within your role's rights; analysts may ask for exports:read.
	Scopes []string `json:"scopes" enums:"exports:read,exports:identifiable,cases:read,audit:read" validate:"max=4"`
	// Days until the token expires (default 90).
	ExpiresInDays *int32 `json:"expires_in_days,omitempty" format:"int32" minimum:"1" maximum:"365" example:"90"`
} // @name CreatePersonalTokenRequest

// PersonalTokenDTO is a personal token, without its value.
type PersonalTokenDTO struct {
	ID         uuid.UUID  `json:"id" format:"uuid"`
	Name       string     `json:"name" maxLength:"100"`
	Scopes     []string   `json:"scopes" enums:"exports:read,exports:identifiable,cases:read,audit:read" validate:"max=4"`
	CreatedAt  time.Time  `json:"created_at" format:"date-time"`
	ExpiresAt  time.Time  `json:"expires_at" format:"date-time"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty" format:"date-time"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty" format:"date-time"`
} // @name PersonalToken

// IssuedPersonalTokenDTO is a new personal token with its value, shown once.
type IssuedPersonalTokenDTO struct {
	PersonalTokenDTO
	// The token, to send as 'Authorization: Bearer <token>'. It is shown in
	// this response only and cannot be read again.
	Token string `json:"token" maxLength:"100" format:"password"`
} // @name IssuedPersonalToken

// PersonalTokenListDTO lists the caller's personal tokens, newest first.
type PersonalTokenListDTO struct {
	Items []PersonalTokenDTO `json:"items" validate:"max=1000"`
} // @name PersonalTokenList

func toPersonalTokenDTO(t PersonalToken) PersonalTokenDTO {
	return PersonalTokenDTO{ID: t.ID, Name: t.Name, Scopes: scopeStrings(t.Scopes), CreatedAt: t.CreatedAt,
		ExpiresAt: t.ExpiresAt, LastUsedAt: t.LastUsedAt, RevokedAt: t.RevokedAt}
}

// listPersonalTokens godoc
//
//	@Summary		List my personal tokens
//	@ID			listPersonalTokens
//	@Description	The caller's own personal API tokens, newest first, revoked and expired ones included. Token values are never shown again after creation. Needs a logged-in session, not a token.
//	@Tags			auth
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	PersonalTokenListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Router			/me/tokens [get]
func (h *Handler) listPersonalTokens(c echo.Context) error {
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	list, err := h.svc.ListPersonalTokens(c.Request().Context(), a)
	if err != nil {
		return err
	}
	out := PersonalTokenListDTO{Items: make([]PersonalTokenDTO, len(list))}
	for i, t := range list {
		out.Items[i] = toPersonalTokenDTO(t)
	}
	return c.JSON(http.StatusOK, out)
}

// createPersonalToken godoc
//
//	@Summary		Create a personal token
//	@ID			createPersonalToken
//	@Description	A personal API token for scripts that work on the caller's behalf, sent as 'Authorization: Bearer bicp_…'. It is limited to the caller's own rights: only analysts may create one, with the scope exports:read (others get 403). The token is shown in this response only and stored as a hash. It expires after expires_in_days (default 90, at most 365); revoking it, or deactivating its owner, refuses it at once. At most 10 tokens can be in use.
//	@Tags			auth
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		CreatePersonalTokenRequest	true	"Name, scopes and lifetime"
//	@Success		201		{object}	IssuedPersonalTokenDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Router			/me/tokens [post]
func (h *Handler) createPersonalToken(c echo.Context) error {
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	// Refuse a role without token rights before reading the body, so that
	// it learns nothing from validation messages.
	if err := requireSession(a); err != nil {
		return err
	}
	if len(AllowedTokenScopes(a.Role)) == 0 {
		_, err := h.svc.CreatePersonalToken(c.Request().Context(), a, NewPersonalToken{})
		return err
	}
	var in CreatePersonalTokenRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	t, err := h.svc.CreatePersonalToken(c.Request().Context(), a, NewPersonalToken{Name: in.Name,
		Scopes: scopesOf(in.Scopes), ExpiresInDays: intPtr(in.ExpiresInDays)})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusCreated, IssuedPersonalTokenDTO{PersonalTokenDTO: toPersonalTokenDTO(t.PersonalToken), Token: t.Token})
}

// revokePersonalToken godoc
//
//	@Summary		Revoke a personal token
//	@ID			revokePersonalToken
//	@Description	Revokes one of the caller's own tokens at once; it is refused from its next request. Another user's token answers 404. Revoking twice is harmless.
//	@Tags			auth
//	@Security		BearerAuth
//	@Param			id	path	string	true	"Token id"	format(uuid)
//	@Success		204
//	@Failure		400	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Router			/me/tokens/{id} [delete]
func (h *Handler) revokePersonalToken(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	if err := h.svc.RevokePersonalToken(c.Request().Context(), a, id); err != nil {
		return err
	}
	return httpx.NoContent(c)
}
