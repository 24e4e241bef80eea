package identity

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// --- DTOs ---

// ServiceAccountDTO is an outside system with client credentials.
type ServiceAccountDTO struct {
	ID          uuid.UUID `json:"id" format:"uuid"`
	Name        string    `json:"name" maxLength:"200" example:"Kommunens datavarehus"`
	Description string    `json:"description" maxLength:"1000" example:"Henter pseudonymiserede udtræk hver nat"`
	// What its tokens may do.
	Scopes []string `json:"scopes" enums:"exports:read,exports:identifiable,cases:read,audit:read" validate:"max=4"`
	// Teams whose cases a cases:read token reaches (empty with all_teams).
	Teams []TeamRef `json:"teams" validate:"max=1000"`
	// Every team, including teams created later.
	AllTeams  bool      `json:"all_teams"`
	Active    bool      `json:"active"`
	CreatedAt time.Time `json:"created_at" format:"date-time"`
	UpdatedAt time.Time `json:"updated_at" format:"date-time"`
} // @name ServiceAccount

// ServiceAccountListDTO lists service accounts by name.
type ServiceAccountListDTO struct {
	Items []ServiceAccountDTO `json:"items" validate:"max=1000"`
} // @name ServiceAccountList

// CreateServiceAccountRequest creates a service account (without credentials).
type CreateServiceAccountRequest struct {
	Name        string      `json:"name" maxLength:"200" example:"Kommunens datavarehus"`
	Description string      `json:"description,omitempty" maxLength:"1000"`
	Scopes      []string    `json:"scopes" enums:"exports:read,exports:identifiable,cases:read,audit:read" validate:"max=4"`
	TeamIDs     []uuid.UUID `json:"team_ids,omitempty" format:"uuid" validate:"max=1000"`
	AllTeams    bool        `json:"all_teams,omitempty"`
} // @name CreateServiceAccountRequest

// UpdateServiceAccountRequest changes a service account; absent fields are
// left as they are. active false refuses its tokens at once.
type UpdateServiceAccountRequest struct {
	Name        *string      `json:"name,omitempty" maxLength:"200"`
	Description *string      `json:"description,omitempty" maxLength:"1000"`
	Scopes      *[]string    `json:"scopes,omitempty" enums:"exports:read,exports:identifiable,cases:read,audit:read" validate:"max=4"`
	TeamIDs     *[]uuid.UUID `json:"team_ids,omitempty" format:"uuid" validate:"max=1000"`
	AllTeams    *bool        `json:"all_teams,omitempty"`
	Active      *bool        `json:"active,omitempty"`
} // @name UpdateServiceAccountRequest

// CreateCredentialRequest asks for a new client secret.
type CreateCredentialRequest struct {
	// What the secret is for, e.g. where it is installed.
	Label string `json:"label,omitempty" maxLength:"200" example:"Natligt udtræk, server dwh01"`
	// Days until the credential expires; absent: it does not expire.
	ExpiresInDays *int32 `json:"expires_in_days,omitempty" format:"int32" minimum:"1" maximum:"730" example:"365"`
} // @name CreateCredentialRequest

// CredentialDTO is a client credential, without its secret.
type CredentialDTO struct {
	// The OAuth client_id.
	ClientID   uuid.UUID  `json:"client_id" format:"uuid"`
	Label      string     `json:"label" maxLength:"200"`
	CreatedAt  time.Time  `json:"created_at" format:"date-time"`
	ExpiresAt  *time.Time `json:"expires_at,omitempty" format:"date-time"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty" format:"date-time"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty" format:"date-time"`
} // @name Credential

// IssuedCredentialDTO is a new credential with its secret, shown this once.
type IssuedCredentialDTO struct {
	CredentialDTO
	// The client secret. It is shown only in this response and cannot be
	// read again; store it in the client's secret store now.
	ClientSecret string `json:"client_secret" maxLength:"100" format:"password"`
} // @name IssuedCredential

// CredentialListDTO lists an account's credentials, newest first.
type CredentialListDTO struct {
	Items []CredentialDTO `json:"items" validate:"max=1000"`
} // @name CredentialList

// ClientTokenRequest is an OAuth 2.0 client credentials token request (RFC
// 6749 §4.4), normally sent form-encoded. The client may authenticate with
// HTTP Basic instead of client_id and client_secret in the body.
type ClientTokenRequest struct {
	GrantType string `json:"grant_type" enums:"client_credentials"`
	// The credential's client_id (omit with HTTP Basic).
	ClientID string `json:"client_id,omitempty" maxLength:"100"`
	// The credential's secret (omit with HTTP Basic).
	ClientSecret string `json:"client_secret,omitempty" maxLength:"200" format:"password"`
	// Space-separated scopes, a subset of the account's; absent: all of them.
	Scope string `json:"scope,omitempty" maxLength:"200" example:"cases:read"`
} // @name ClientTokenRequest

// ClientTokenResponse is a service account's access token (RFC 6749 §5.1).
type ClientTokenResponse struct {
	// JWT to send as 'Authorization: Bearer <token>'.
	AccessToken string `json:"access_token" maxLength:"4000"`
	TokenType   string `json:"token_type" enums:"Bearer"`
	// Seconds until the token expires.
	ExpiresIn int32 `json:"expires_in" format:"int32" minimum:"1" maximum:"900" example:"900"`
	// Space-separated scopes granted.
	Scope string `json:"scope" maxLength:"200" example:"cases:read"`
} // @name ClientTokenResponse

func toServiceAccountDTO(sa ServiceAccount) ServiceAccountDTO {
	out := ServiceAccountDTO{ID: sa.ID, Name: sa.Name, Description: sa.Description, Scopes: scopeStrings(sa.Scopes),
		Teams: make([]TeamRef, len(sa.Teams)), AllTeams: sa.AllTeams, Active: sa.Active, CreatedAt: sa.CreatedAt, UpdatedAt: sa.UpdatedAt}
	for i, t := range sa.Teams {
		out.Teams[i] = TeamRef{ID: t.ID, Name: t.Name}
	}
	return out
}

func toCredentialDTO(c Credential) CredentialDTO {
	return CredentialDTO{ClientID: c.ID, Label: c.Label, CreatedAt: c.CreatedAt, ExpiresAt: c.ExpiresAt,
		LastUsedAt: c.LastUsedAt, RevokedAt: c.RevokedAt}
}

func intPtr(v *int32) *int {
	if v == nil {
		return nil
	}
	n := int(*v)
	return &n
}

func adminActor(c echo.Context) (actor.Actor, error) {
	a, err := mustActor(c)
	if err != nil {
		return actor.Actor{}, err
	}
	return a, requireAdminForAccounts(a)
}

// --- admin handlers ---

// listServiceAccounts godoc
//
//	@Summary		List service accounts
//	@ID			listServiceAccounts
//	@Description	Administrators only. Every service account by name, with its scopes and teams.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Success		200	{object}	ServiceAccountListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Router			/service-accounts [get]
func (h *Handler) listServiceAccounts(c echo.Context) error {
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	list, err := h.svc.ListServiceAccounts(c.Request().Context(), a)
	if err != nil {
		return err
	}
	out := ServiceAccountListDTO{Items: make([]ServiceAccountDTO, len(list))}
	for i, sa := range list {
		out.Items[i] = toServiceAccountDTO(sa)
	}
	return c.JSON(http.StatusOK, out)
}

// createServiceAccount godoc
//
//	@Summary		Create a service account
//	@ID			createServiceAccount
//	@Description	Administrators only. An outside system that pulls data with OAuth 2.0 client credentials; give it a secret with POST /service-accounts/{id}/credentials. cases:read needs team_ids or all_teams. Names are unique regardless of case.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			body	body		CreateServiceAccountRequest	true	"New service account"
//	@Success		201		{object}	ServiceAccountDTO
//	@Header			201		{string}	ETag	"Version of the service account"
//	@Header			201		{string}	Location	"The new service account"
//	@Failure		400		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Router			/service-accounts [post]
func (h *Handler) createServiceAccount(c echo.Context) error {
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	var in CreateServiceAccountRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	sa, err := h.svc.CreateServiceAccount(c.Request().Context(), a, NewServiceAccount{Name: in.Name,
		Description: in.Description, Scopes: scopesOf(in.Scopes), TeamIDs: in.TeamIDs, AllTeams: in.AllTeams})
	if err != nil {
		return err
	}
	httpx.SetETag(c, sa.Version)
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/service-accounts/"+sa.ID.String())
	return c.JSON(http.StatusCreated, toServiceAccountDTO(sa))
}

// getServiceAccount godoc
//
//	@Summary		Get a service account
//	@ID			getServiceAccount
//	@Description	Administrators only.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Service account id"	format(uuid)
//	@Success		200	{object}	ServiceAccountDTO
//	@Header			200	{string}	ETag	"Version of the service account"
//	@Failure		400	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Router			/service-accounts/{id} [get]
func (h *Handler) getServiceAccount(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	sa, err := h.svc.GetServiceAccount(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	httpx.SetETag(c, sa.Version)
	return c.JSON(http.StatusOK, toServiceAccountDTO(sa))
}

// updateServiceAccount godoc
//
//	@Summary		Change a service account
//	@ID			updateServiceAccount
//	@Description	Administrators only. Needs If-Match with the account's ETag. Deactivating the account, or taking scopes or teams away, applies at once to tokens already issued.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id			path		string						true	"Service account id"	format(uuid)
//	@Param			If-Match	header		string						true	"ETag from the last read"	maxlength(100)
//	@Param			body		body		UpdateServiceAccountRequest	true	"Changes"
//	@Success		200			{object}	ServiceAccountDTO
//	@Header			200			{string}	ETag	"New version of the service account"
//	@Failure		400			{object}	httpx.Problem
//	@Failure		403			{object}	httpx.Problem
//	@Failure		404			{object}	httpx.Problem
//	@Failure		409			{object}	httpx.Problem
//	@Failure		412			{object}	httpx.Problem
//	@Failure		413			{object}	httpx.Problem
//	@Failure		415			{object}	httpx.Problem
//	@Failure		422			{object}	httpx.Problem
//	@Failure		428			{object}	httpx.Problem
//	@Router			/service-accounts/{id} [patch]
func (h *Handler) updateServiceAccount(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	version, err := httpx.IfMatch(c)
	if err != nil {
		return err
	}
	var in UpdateServiceAccountRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	ch := ServiceAccountChange{Name: in.Name, Description: in.Description, TeamIDs: in.TeamIDs, AllTeams: in.AllTeams, Active: in.Active}
	if in.Scopes != nil {
		sc := scopesOf(*in.Scopes)
		ch.Scopes = &sc
	}
	sa, err := h.svc.UpdateServiceAccount(c.Request().Context(), a, id, version, ch)
	if err != nil {
		return err
	}
	httpx.SetETag(c, sa.Version)
	return c.JSON(http.StatusOK, toServiceAccountDTO(sa))
}

// listCredentials godoc
//
//	@Summary		List a service account's credentials
//	@ID			listServiceAccountCredentials
//	@Description	Administrators only. Newest first, revoked and expired ones included. Secrets are never shown again after creation.
//	@Tags			admin
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id	path		string	true	"Service account id"	format(uuid)
//	@Success		200	{object}	CredentialListDTO
//	@Failure		400	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Router			/service-accounts/{id}/credentials [get]
func (h *Handler) listCredentials(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	if err := httpx.NewQuery(c).Err(); err != nil {
		return err
	}
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	list, err := h.svc.ListCredentials(c.Request().Context(), a, id)
	if err != nil {
		return err
	}
	out := CredentialListDTO{Items: make([]CredentialDTO, len(list))}
	for i, cr := range list {
		out.Items[i] = toCredentialDTO(cr)
	}
	return c.JSON(http.StatusOK, out)
}

// createCredential godoc
//
//	@Summary		Create a client credential
//	@ID			createServiceAccountCredential
//	@Description	Administrators only. Returns the client_id and the client_secret; the secret is shown in this response only and is stored as a hash. An account can have at most 10 credentials in use, so that a secret can be rotated: create the new one, switch the client over, revoke the old one.
//	@Tags			admin
//	@Accept			json
//	@Produce		json
//	@Security		BearerAuth
//	@Param			id		path		string					true	"Service account id"	format(uuid)
//	@Param			body	body		CreateCredentialRequest	true	"Label and lifetime"
//	@Success		201		{object}	IssuedCredentialDTO
//	@Failure		400		{object}	httpx.Problem
//	@Failure		403		{object}	httpx.Problem
//	@Failure		404		{object}	httpx.Problem
//	@Failure		409		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		422		{object}	httpx.Problem
//	@Router			/service-accounts/{id}/credentials [post]
func (h *Handler) createCredential(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	var in CreateCredentialRequest
	if err := httpx.BindJSON(c, &in); err != nil {
		return err
	}
	cr, err := h.svc.CreateCredential(c.Request().Context(), a, id, NewCredential{Label: in.Label, ExpiresInDays: intPtr(in.ExpiresInDays)})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusCreated, IssuedCredentialDTO{CredentialDTO: toCredentialDTO(cr.Credential), ClientSecret: cr.Secret})
}

// revokeCredential godoc
//
//	@Summary		Revoke a client credential
//	@ID			revokeServiceAccountCredential
//	@Description	Administrators only. Takes effect at once: no new tokens, and tokens already issued with it are refused on their next request. Revoking twice is harmless.
//	@Tags			admin
//	@Security		BearerAuth
//	@Param			id				path	string	true	"Service account id"	format(uuid)
//	@Param			credential_id	path	string	true	"Credential id (client_id)"	format(uuid)
//	@Success		204
//	@Failure		400	{object}	httpx.Problem
//	@Failure		403	{object}	httpx.Problem
//	@Failure		404	{object}	httpx.Problem
//	@Router			/service-accounts/{id}/credentials/{credential_id} [delete]
func (h *Handler) revokeCredential(c echo.Context) error {
	id, err := httpx.PathUUID(c, "id")
	if err != nil {
		return err
	}
	cid, err := httpx.PathUUID(c, "credential_id")
	if err != nil {
		return err
	}
	a, err := adminActor(c)
	if err != nil {
		return err
	}
	if err := h.svc.RevokeCredential(c.Request().Context(), a, id, cid); err != nil {
		return err
	}
	return httpx.NoContent(c)
}

// --- token endpoint ---

// clientToken godoc
//
//	@Summary		Get a service token (client credentials)
//	@ID			clientCredentialsToken
//	@Description	OAuth 2.0 client credentials grant (RFC 6749 §4.4) for service accounts. Send grant_type=client_credentials form-encoded (JSON is accepted too) and authenticate with HTTP Basic (client_id:client_secret) or with client_id and client_secret in the body, not both. scope asks for a space-separated subset of the account's scopes. The token is a short-lived JWT (at most 15 minutes) for 'Authorization: Bearer'; there is no refresh token: ask again. Errors are problem documents that also carry the OAuth error and error_description members (invalid_request, invalid_client, unsupported_grant_type, invalid_scope). Failed client authentications are slowed down and then refused per address (429 with Retry-After); every attempt is audited.
//	@Tags			auth
//	@Accept			x-www-form-urlencoded
//	@Accept			json
//	@Produce		json
//	@Param			body	body		ClientTokenRequest	true	"Token request"
//	@Success		200		{object}	ClientTokenResponse
//	@Failure		400		{object}	httpx.Problem
//	@Failure		401		{object}	httpx.Problem
//	@Failure		413		{object}	httpx.Problem
//	@Failure		415		{object}	httpx.Problem
//	@Failure		429		{object}	httpx.Problem
//	@Failure		500		{object}	httpx.Problem
//	@Router			/auth/token [post]
func (h *Handler) clientToken(c echo.Context) error {
	in, basic, err := readTokenRequest(c)
	if err == nil {
		var t ClientToken
		t, err = h.svc.IssueClientToken(c.Request().Context(), in)
		if err == nil {
			c.Response().Header().Set("Cache-Control", "no-store")
			c.Response().Header().Set("Pragma", "no-cache")
			return c.JSON(http.StatusOK, ClientTokenResponse{AccessToken: t.AccessToken, TokenType: "Bearer",
				ExpiresIn: int32(t.ExpiresIn / time.Second), Scope: strings.Join(scopeStrings(t.Scopes), " ")})
		}
	} else {
		err = h.svc.RefuseTokenRequest(c.Request().Context(), in.ClientID, err)
	}
	if basic && errs.Is(err, errs.Unauthenticated) {
		// RFC 6749 §5.2: answer a client that used Basic with its scheme.
		c.Response().Header().Set("WWW-Authenticate", `Basic realm="bic"`)
	}
	return err
}

// tokenParamMax bounds each token-request parameter.
var tokenParamMax = map[string]int{"grant_type": 100, "client_id": 100, "client_secret": 200, "scope": 200}

// readTokenRequest parses a token request from a form or JSON body and the
// optional HTTP Basic client authentication. basic reports whether the
// client used Basic. Errors carry the OAuth error code.
func readTokenRequest(c echo.Context) (in ClientCredentialsInput, basic bool, err error) {
	req := c.Request()
	invalid := func(msg string) error { return OAuthErr(errs.BadRequest, oauthInvalidRequest, msg) }
	mt, _, perr := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	switch {
	case perr == nil && mt == "application/x-www-form-urlencoded":
		body, rerr := io.ReadAll(req.Body)
		if rerr != nil {
			var mbe *http.MaxBytesError
			if errors.As(rerr, &mbe) {
				return in, false, errs.New(errs.TooLarge, "The request body is larger than the allowed size.")
			}
			return in, false, errs.Wrap(rerr, errs.BadRequest, "The request body could not be read.")
		}
		vals, qerr := url.ParseQuery(string(body))
		if qerr != nil {
			return in, false, invalid("The form body could not be parsed.")
		}
		for k, v := range vals {
			// RFC 6749 §3.2: parameters must not be repeated.
			if _, known := tokenParamMax[k]; known && len(v) > 1 {
				return in, false, invalid("The parameter " + k + " is given more than once.")
			}
		}
		in = ClientCredentialsInput{GrantType: vals.Get("grant_type"), ClientID: vals.Get("client_id"),
			ClientSecret: vals.Get("client_secret"), Scope: vals.Get("scope")}
	case perr == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json")):
		var dto ClientTokenRequest
		if berr := httpx.BindJSON(c, &dto); berr != nil {
			if e, ok := errs.As(berr); ok && e.Code == errs.BadRequest {
				e.Extra = map[string]any{httpx.OAuthError: oauthInvalidRequest}
			}
			return in, false, berr
		}
		in = ClientCredentialsInput(dto)
	default:
		e := errs.New(errs.UnsupportedMedia, "Send the token request as application/x-www-form-urlencoded (or application/json).")
		e.Extra = map[string]any{httpx.OAuthError: oauthInvalidRequest}
		return in, false, e
	}
	for _, p := range []struct{ name, value string }{{"grant_type", in.GrantType}, {"client_id", in.ClientID},
		{"client_secret", in.ClientSecret}, {"scope", in.Scope}} {
		if len(p.value) > tokenParamMax[p.name] {
			return in, false, invalid("The parameter " + p.name + " is too long.")
		}
	}
	if scheme, _, _ := strings.Cut(req.Header.Get(echo.HeaderAuthorization), " "); strings.EqualFold(scheme, "Basic") {
		basic = true
		id, secret, ok := req.BasicAuth()
		// RFC 6749 §2.3.1: both halves are form-encoded before Basic.
		uid, err1 := url.QueryUnescape(id)
		usecret, err2 := url.QueryUnescape(secret)
		if !ok || err1 != nil || err2 != nil {
			return in, true, errBadClient
		}
		if in.ClientSecret != "" || (in.ClientID != "" && in.ClientID != uid) {
			return in, true, invalid("Authenticate the client one way: HTTP Basic or client_id and client_secret in the body, not both.")
		}
		in.ClientID, in.ClientSecret = uid, usecret
	}
	return in, basic, nil
}
