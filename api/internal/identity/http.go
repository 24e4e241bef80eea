package identity

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Handler serves /auth, /me, /users and /teams.
type Handler struct{ svc *Service }

// NewHandler returns the identity HTTP handler.
func NewHandler(s *Service) *Handler { return &Handler{svc: s} }

// RegisterPublic mounts the routes that need no access token.
func (h *Handler) RegisterPublic(g *echo.Group) {
	g.POST("/auth/login", h.login)
	g.POST("/auth/refresh", h.refresh)
	g.POST("/auth/logout", h.logout)
	g.POST("/auth/token", h.clientToken)
}

// Register mounts the authenticated routes.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/me", h.me)
	g.GET("/users", h.listUsers)
	g.POST("/users", h.createUser)
	g.GET("/users/:id", h.getUser)
	g.PATCH("/users/:id", h.updateUser)
	g.GET("/teams", h.listTeams)
	g.POST("/teams", h.createTeam)
	g.GET("/teams/:id", h.getTeam)
	g.PATCH("/teams/:id", h.updateTeam)
	g.GET("/service-accounts", h.listServiceAccounts)
	g.POST("/service-accounts", h.createServiceAccount)
	g.GET("/service-accounts/:id", h.getServiceAccount)
	g.PATCH("/service-accounts/:id", h.updateServiceAccount)
	g.GET("/service-accounts/:id/credentials", h.listCredentials)
	g.POST("/service-accounts/:id/credentials", h.createCredential)
	g.DELETE("/service-accounts/:id/credentials/:credential_id", h.revokeCredential)
	g.GET("/me/tokens", h.listPersonalTokens)
	g.POST("/me/tokens", h.createPersonalToken)
	g.DELETE("/me/tokens/:id", h.revokePersonalToken)
}

// ScopeFor names the scope a token needs for a route (method and Echo route
// template, e.g. "GET", "/api/v1/cases/:id"). ok false: no token may call the
// route at all. An empty scope: any token may.
type ScopeFor func(method, routePath string) (scope actor.Scope, ok bool)

// RequireAuth turns a valid bearer token into an actor on the request
// context; anything else is 401. A token with scopes (a personal or service
// token, not a session) then passes only to routes that scopeFor lists, and
// only with the scope the route names; otherwise 403.
func (h *Handler) RequireAuth(scopeFor ScopeFor) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			auth := c.Request().Header.Get(echo.HeaderAuthorization)
			scheme, tok, ok := strings.Cut(auth, " ")
			if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
				return errs.New(errs.Unauthenticated, "Send an access token as 'Authorization: Bearer <token>'.")
			}
			a, err := h.svc.Authenticate(c.Request().Context(), strings.TrimSpace(tok))
			if err != nil {
				return err
			}
			if a.Scoped() {
				if err := checkScope(a, scopeFor, c.Request().Method, c.Path()); err != nil {
					return err
				}
			}
			c.SetRequest(c.Request().WithContext(actor.With(c.Request().Context(), a)))
			return next(c)
		}
	}
}

// checkScope is the route gate for tokens with scopes. Unlisted routes are
// closed: a new endpoint is out of reach of every token until someone decides
// which scope it belongs to.
func checkScope(a actor.Actor, scopeFor ScopeFor, method, route string) error {
	need, listed := actor.Scope(""), false
	if scopeFor != nil {
		need, listed = scopeFor(method, route)
	}
	if !listed {
		return errs.New(errs.Forbidden, "This endpoint cannot be called with a personal or service token; log in instead. Tokens reach only the endpoints that name a scope.")
	}
	if need != "" && !a.HasScope(need) {
		return errs.New(errs.Forbidden, fmt.Sprintf("This token lacks the scope %s, which this endpoint needs.", need))
	}
	return nil
}

func mustActor(c echo.Context) (actor.Actor, error) {
	a, ok := actor.From(c.Request().Context())
	if !ok {
		return actor.Actor{}, errs.New(errs.Unauthenticated, "Log in first.")
	}
	return a, nil
}

// LoginRequest holds credentials.
type LoginRequest struct {
	Email    string `json:"email" example:"rådgiver@example.dk" maxLength:"320"`
	Password string `json:"password" example:"correct horse battery" maxLength:"256" format:"password"`
	// Browsers: set true to receive the refresh token as an HttpOnly cookie
	// (bic_refresh) instead of in the body, out of reach of scripts.
	RefreshCookie bool `json:"refresh_cookie,omitempty"`
} // @name LoginRequest

// TokenResponse is an access token and the refresh token to renew it.
type TokenResponse struct {
	// JWT to send as 'Authorization: Bearer <token>'.
	AccessToken string `json:"access_token" maxLength:"4000"`
	// Opaque; spend it once at /auth/refresh. Absent when it was set as the
	// bic_refresh cookie (refresh_cookie: true).
	RefreshToken string `json:"refresh_token,omitempty" maxLength:"200"`
	TokenType    string `json:"token_type" enums:"Bearer"`
	// Seconds until the access token expires.
	ExpiresIn int32 `json:"expires_in" format:"int32" minimum:"1" maximum:"900" example:"900"`
} // @name TokenResponse

// RefreshRequest carries a refresh token. Browsers that logged in with
// refresh_cookie send an empty object; the token comes from the cookie.
type RefreshRequest struct {
	RefreshToken string `json:"refresh_token,omitempty" maxLength:"200"`
} // @name RefreshRequest

// refreshCookie holds a browser's refresh token. HttpOnly keeps it from
// scripts (an XSS cannot steal the session's long-lived half); SameSite=Strict
// and the path keep it off every request but the three /auth calls; those
// accept only application/json, which a cross-site page cannot send without a
// CORS preflight this server never grants.
const refreshCookie = "bic_refresh"

func setRefreshCookie(c echo.Context, token string, ttl time.Duration) {
	c.SetCookie(&http.Cookie{Name: refreshCookie, Value: token, Path: "/api/v1/auth", MaxAge: int(ttl.Seconds()),
		HttpOnly: true, Secure: c.Scheme() == "https", SameSite: http.SameSiteStrictMode})
}

func clearRefreshCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: refreshCookie, Value: "", Path: "/api/v1/auth", MaxAge: -1,
		HttpOnly: true, Secure: c.Scheme() == "https", SameSite: http.SameSiteStrictMode})
}

// refreshTokenOf takes the token from the body, or else from the cookie.
func refreshTokenOf(c echo.Context, in RefreshRequest) (token string, fromCookie bool, err error) {
	if in.RefreshToken != "" {
		var f errs.Fields
		requireField(&f, "refresh_token", in.RefreshToken, 200)
		return in.RefreshToken, false, f.Err()
	}
	if ck, cerr := c.Cookie(refreshCookie); cerr == nil && ck.Value != "" && len(ck.Value) <= 200 {
		return ck.Value, true, nil
	}
	var f errs.Fields
	f.Add("refresh_token", "is required (or log in with refresh_cookie to use the bic_refresh cookie)")
	return "", false, f.Err()
}

func (h *Handler) tokens(c echo.Context, t Tokens, cookie bool) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	out := toTokenResponse(t)
	if cookie {
		setRefreshCookie(c, t.RefreshToken, h.svc.refresh)
		out.RefreshToken = ""
	}
	return c.JSON(http.StatusOK, out)
}

func toTokenResponse(t Tokens) TokenResponse {
	return TokenResponse{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, TokenType: "Bearer",
		ExpiresIn: int32(t.ExpiresIn / time.Second)}
}

func requireField(f *errs.Fields, name, v string, max int) {
	switch {
	case v == "":
		f.Add(name, "is required")
	case len(v) > max:
		f.Add(name, "is too long")
	}
}

// login godoc
//
//	@Summary		Log in
//	@ID			login
//	@Description	Exchanges email and password for an access token (at most 15 minutes) and a refresh token. Repeated failures for an account or an address are slowed down and then refused for a while (429 with Retry-After).
//	@Tags			auth
//	@Accept			json
//	@Produce		json
//	@Param			body	body		LoginRequest	true	"Credentials"
//	@Success		200		{object}	TokenResponse
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/auth/login [post]
func (h *Handler) login(c echo.Context) error {
	var in LoginRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	var f errs.Fields
	requireField(&f, "email", in.Email, 320)
	requireField(&f, "password", in.Password, 256)
	if err := f.Err(); err != nil {
		return err
	}
	t, err := h.svc.Login(c.Request().Context(), in.Email, in.Password)
	if err != nil {
		return err
	}
	return h.tokens(c, t, in.RefreshCookie)
}

// refresh godoc
//
//	@Summary		Renew the access token
//	@ID			refreshToken
//	@Description	Spends the refresh token (from the body, or from the bic_refresh cookie when the body has none) and returns a new pair. A refresh token can be used once; presenting it again ends every session that descends from the same login.
//	@Tags			auth
//	@Accept			json
//	@Produce		json
//	@Param			body	body		RefreshRequest	true	"Refresh token"
//	@Success		200		{object}	TokenResponse
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/auth/refresh [post]
func (h *Handler) refresh(c echo.Context) error {
	var in RefreshRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	token, fromCookie, err := refreshTokenOf(c, in)
	if err != nil {
		return err
	}
	t, err := h.svc.Refresh(c.Request().Context(), token)
	if err != nil {
		if fromCookie && errs.Is(err, errs.Unauthenticated) {
			clearRefreshCookie(c)
		}
		return err
	}
	return h.tokens(c, t, fromCookie)
}

// logout godoc
//
//	@Summary		Log out
//	@ID			logout
//	@Description	Revokes the refresh token (from the body, or the bic_refresh cookie) and every token descending from the same login, and clears the cookie. Unknown tokens are accepted silently, so logging out twice is harmless.
//	@Tags			auth
//	@Accept			json
//	@Param			body	body	RefreshRequest	true	"Refresh token"
//	@Success		204
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/auth/logout [post]
func (h *Handler) logout(c echo.Context) error {
	var in RefreshRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	token, fromCookie, err := refreshTokenOf(c, in)
	if err != nil {
		return err
	}
	if err := h.svc.Logout(c.Request().Context(), token); err != nil {
		return err
	}
	if fromCookie {
		clearRefreshCookie(c)
	}
	return httpx.NoContent(c)
}

// TeamRef names a team.
type TeamRef struct {
	ID   uuid.UUID `json:"id" format:"uuid"`
	Name string    `json:"name" maxLength:"200" example:"Team Nord"`
} // @name TeamRef

// UserDTO is a staff user.
type UserDTO struct {
	ID        uuid.UUID `json:"id" format:"uuid"`
	Email     string    `json:"email" maxLength:"320" example:"ane.holm@example.dk"`
	Name      string    `json:"name" maxLength:"200" example:"Ane Holm"`
	Role      string    `json:"role" enums:"admin,leader,caseworker,analyst"`
	Teams     []TeamRef `json:"teams" validate:"max=50"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at" format:"date-time"`
	UpdatedAt time.Time `json:"updated_at" format:"date-time"`
} // @name User

func toUserDTO(u User) UserDTO {
	out := UserDTO{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), Teams: make([]TeamRef, len(u.Teams)),
		Active: u.Active, CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
	for i, t := range u.Teams {
		out.Teams[i] = TeamRef{ID: t.ID, Name: t.Name}
	}
	return out
}

// me godoc
//
//	@Summary		Who am I
//	@ID			getMe
//	@Description	The logged-in user with role and teams.
//	@Tags			auth
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	UserDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/me [get]
func (h *Handler) me(c echo.Context) error {
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	u, err := h.svc.Me(c.Request().Context(), a)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toUserDTO(u))
}

// CreateUserRequest creates a staff user.
type CreateUserRequest struct {
	Email    string      `json:"email" maxLength:"320" example:"ane.holm@example.dk"`
	Name     string      `json:"name" maxLength:"200" example:"Ane Holm"`
	Role     string      `json:"role" enums:"admin,leader,caseworker,analyst"`
	TeamIDs  []uuid.UUID `json:"team_ids" format:"uuid" validate:"max=50"`
	Password string      `json:"password" minLength:"12" maxLength:"256" format:"password"`
} // @name CreateUserRequest

// UpdateUserRequest changes a user; absent fields are left as they are.
type UpdateUserRequest struct {
	Name     *string      `json:"name,omitempty" maxLength:"200"`
	Role     *string      `json:"role,omitempty" enums:"admin,leader,caseworker,analyst"`
	TeamIDs  *[]uuid.UUID `json:"team_ids,omitempty" format:"uuid" validate:"max=50"`
	Active   *bool        `json:"active,omitempty"`
	Password *string      `json:"password,omitempty" minLength:"12" maxLength:"256" format:"password"`
} // @name UpdateUserRequest

// UserPageDTO is a page of users.
type UserPageDTO struct {
	Items      []UserDTO `json:"items" validate:"max=200"`
	NextCursor string    `json:"next_cursor,omitempty" maxLength:"500"`
} // @name UserPage

// listUsers godoc
//
//	@Summary		List users
//	@ID			listUsers
//	@Description	Administrators see every user; leaders and caseworkers see the active members of their own teams.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Param			team_id	query		string	false	"Only members of this team"	format(uuid)
//	@Param			role	query		string	false	"Only this role"	Enums(admin, leader, caseworker, analyst)
//	@Param			limit	query		int		false	"Page size"	minimum(1)	maximum(200)	default(50)
//	@Param			cursor	query		string	false	"Cursor from the previous page"	maxlength(500)
//	@Success		200		{object}	UserPageDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/users [get]
func (h *Handler) listUsers(c echo.Context) error {
	q := httpx.NewQuery(c)
	team := q.UUID("team_id")
	role := q.Enum("role", "admin", "leader", "caseworker", "analyst")
	limit := q.Int("limit", 50, 1, 200)
	cursor := q.String("cursor", 500)
	if err := q.Err(); err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	page, err := h.svc.ListUsers(c.Request().Context(), a, team, role, limit, cursor)
	if err != nil {
		return err
	}
	out := UserPageDTO{Items: make([]UserDTO, len(page.Users)), NextCursor: page.NextCursor}
	for i, u := range page.Users {
		out.Items[i] = toUserDTO(u)
	}
	return c.JSON(http.StatusOK, out)
}

// createUser godoc
//
//	@Summary		Create a user
//	@ID			createUser
//	@Description	Administrators only. Leaders and caseworkers must belong to at least one team.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		CreateUserRequest	true	"New user"
//	@Success		201		{object}	UserDTO
//	@Header			201		{string}	ETag	"Version of the user"
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/users [post]
func (h *Handler) createUser(c echo.Context) error {
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	if err := requireAdmin(a); err != nil {
		return err
	}
	var in CreateUserRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	u, err := h.svc.CreateUser(c.Request().Context(), a, NewUser{Email: in.Email, Name: in.Name,
		Role: actor.Role(in.Role), TeamIDs: in.TeamIDs, Password: in.Password})
	if err != nil {
		return err
	}
	httpx.SetETag(c, u.Version)
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/users/"+u.ID.String())
	return c.JSON(http.StatusCreated, toUserDTO(u))
}

// getUser godoc
//
//	@Summary		Get a user
//	@ID			getUser
//	@Description	Administrators can read anyone; others can read themselves and the members of their teams.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"User id"	format(uuid)
//	@Success		200	{object}	UserDTO
//	@Header			200	{string}	ETag	"Version of the user"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/users/{id} [get]
func (h *Handler) getUser(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	u, err := h.svc.GetUser(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	httpx.SetETag(c, u.Version)
	return c.JSON(http.StatusOK, toUserDTO(u))
}

// updateUser godoc
//
//	@Summary		Change a user
//	@ID			updateUser
//	@Description	Administrators only. Needs If-Match with the user's ETag. A new password or deactivation ends the user's sessions.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string				true	"User id"	format(uuid)
//	@Param			If-Match	header		string				true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		UpdateUserRequest	true	"Changes"
//	@Success		200			{object}	UserDTO
//	@Header			200			{string}	ETag	"New version of the user"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/users/{id} [patch]
func (h *Handler) updateUser(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	if err := requireAdmin(a); err != nil {
		return err
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return err
	}
	var in UpdateUserRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	ch := UserChange{Name: in.Name, TeamIDs: in.TeamIDs, Active: in.Active, Password: in.Password}
	if in.Role != nil {
		r := actor.Role(*in.Role)
		ch.Role = &r
	}
	u, err := h.svc.UpdateUser(c.Request().Context(), a, id, version, ch)
	if err != nil {
		return err
	}
	httpx.SetETag(c, u.Version)
	return c.JSON(http.StatusOK, toUserDTO(u))
}

// TeamDTO is a team.
type TeamDTO struct {
	ID        uuid.UUID `json:"id" format:"uuid"`
	Name      string    `json:"name" maxLength:"200" example:"Team Nord"`
	CreatedAt time.Time `json:"created_at" format:"date-time"`
	UpdatedAt time.Time `json:"updated_at" format:"date-time"`
} // @name Team

// TeamListDTO lists teams.
type TeamListDTO struct {
	Items []TeamDTO `json:"items" validate:"max=1000"`
} // @name TeamList

// TeamRequest creates or renames a team.
type TeamRequest struct {
	Name string `json:"name" maxLength:"200" example:"Team Nord"`
} // @name TeamRequest

func toTeamDTO(t Team) TeamDTO {
	return TeamDTO{ID: t.ID, Name: t.Name, CreatedAt: t.CreatedAt.UTC(), UpdatedAt: t.UpdatedAt.UTC()}
}

// listTeams godoc
//
//	@Summary		List teams
//	@ID			listTeams
//	@Description	Administrators see every team; everyone else sees their own.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	TeamListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/teams [get]
func (h *Handler) listTeams(c echo.Context) error {
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	ts, err := h.svc.ListTeams(c.Request().Context(), a)
	if err != nil {
		return err
	}
	out := TeamListDTO{Items: make([]TeamDTO, len(ts))}
	for i, t := range ts {
		out.Items[i] = toTeamDTO(t)
	}
	return c.JSON(http.StatusOK, out)
}

// createTeam godoc
//
//	@Summary		Create a team
//	@ID			createTeam
//	@Description	Administrators only. Team names are unique regardless of case.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		TeamRequest	true	"New team"
//	@Success		201		{object}	TeamDTO
//	@Header			201		{string}	ETag	"Version of the team"
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/teams [post]
func (h *Handler) createTeam(c echo.Context) error {
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	if err := requireAdmin(a); err != nil {
		return err
	}
	var in TeamRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	t, err := h.svc.CreateTeam(c.Request().Context(), a, in.Name)
	if err != nil {
		return err
	}
	httpx.SetETag(c, t.Version)
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/teams/"+t.ID.String())
	return c.JSON(http.StatusCreated, toTeamDTO(t))
}

// getTeam godoc
//
//	@Summary		Get a team
//	@ID			getTeam
//	@Description	Administrators can read any team; everyone else only their own.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Team id"	format(uuid)
//	@Success		200	{object}	TeamDTO
//	@Header			200	{string}	ETag	"Version of the team"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		401	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Failure		429	{object}	httpx.Problem
//	@Failure		500	{object}	httpx.Problem
//	@Router			/teams/{id} [get]
func (h *Handler) getTeam(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	t, err := h.svc.GetTeam(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	httpx.SetETag(c, t.Version)
	return c.JSON(http.StatusOK, toTeamDTO(t))
}

// updateTeam godoc
//
//	@Summary		Rename a team
//	@ID			updateTeam
//	@Description	Administrators only. Needs If-Match with the team's ETag.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string		true	"Team id"	format(uuid)
//	@Param			If-Match	header		string		true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		TeamRequest	true	"New name"
//	@Success		200			{object}	TeamDTO
//	@Header			200			{string}	ETag	"New version of the team"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		401			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		409			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Failure		429			{object}	httpx.Problem
//	@Failure		500			{object}	httpx.Problem
//	@Router			/teams/{id} [patch]
func (h *Handler) updateTeam(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := mustActor(c)
	if err != nil {
		return err
	}
	if err := requireAdmin(a); err != nil {
		return err
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return err
	}
	var in TeamRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	t, err := h.svc.UpdateTeam(c.Request().Context(), a, id, version, in.Name)
	if err != nil {
		return err
	}
	httpx.SetETag(c, t.Version)
	return c.JSON(http.StatusOK, toTeamDTO(t))
}
