package identity

import (
	"context"
	"crypto/subtle"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// ServiceAccount is an outside system (a data warehouse, a reporting tool)
// that pulls data with OAuth 2.0 client credentials. It is not a user: it
// has no password, cannot log in, and its tokens reach only the endpoints
// its scopes name.
type ServiceAccount struct {
	ID          uuid.UUID
	Name        string
	Description string
	Scopes      []actor.Scope
	// Teams whose cases a cases:read token reaches; ignored with AllTeams.
	Teams     []Team
	AllTeams  bool
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int
}

// NewServiceAccount is the input to CreateServiceAccount.
type NewServiceAccount struct {
	Name        string
	Description string
	Scopes      []actor.Scope
	TeamIDs     []uuid.UUID
	AllTeams    bool
}

// ServiceAccountChange is a partial update; nil fields stay as they are.
type ServiceAccountChange struct {
	Name        *string
	Description *string
	Scopes      *[]actor.Scope
	TeamIDs     *[]uuid.UUID
	AllTeams    *bool
	Active      *bool
}

// Credential is one client secret of a service account. ID is the OAuth
// client_id. The secret itself is never kept, only its hash.
type Credential struct {
	ID         uuid.UUID
	AccountID  uuid.UUID
	Label      string
	CreatedAt  time.Time
	ExpiresAt  *time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// IssuedCredential is a new credential with its secret, which is shown this
// once and cannot be read again.
type IssuedCredential struct {
	Credential
	Secret string
}

// NewCredential is the input to CreateCredential.
type NewCredential struct {
	Label string
	// ExpiresInDays is 1–MaxCredentialDays; nil means no expiry.
	ExpiresInDays *int
}

const (
	// MaxCredentialDays bounds a credential's lifetime (two years).
	MaxCredentialDays = 730
	// maxLiveCredentials per account: enough to rotate without downtime,
	// few enough that forgotten secrets do not pile up.
	maxLiveCredentials = 10
	// clientSecretPrefix marks client secrets so that secret scanners can
	// recognise a leaked one.
	clientSecretPrefix = "bics_"
	// maxServiceTokenTTL caps a service token's lifetime whatever the
	// configured access-token lifetime.
	maxServiceTokenTTL = 15 * time.Minute
)

func scopeNames() string {
	names := make([]string, len(actor.Scopes))
	for i, s := range actor.Scopes {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// validateScopes checks a list of scopes: known, none twice.
func validateScopes(f *errs.Fields, scopes []actor.Scope, max int) {
	if len(scopes) > max {
		f.Add("scopes", fmt.Sprintf("at most %d scopes", max))
		return
	}
	seen := map[actor.Scope]bool{}
	for i, s := range scopes {
		switch {
		case !s.Valid():
			f.Add(fmt.Sprintf("scopes[%d]", i), "must be one of "+scopeNames())
		case seen[s]:
			f.Add(fmt.Sprintf("scopes[%d]", i), "lists a scope twice")
		}
		seen[s] = true
	}
}

func validateDescription(f *errs.Fields, d string) {
	if utf8.RuneCountInString(d) > 1000 {
		f.Add("description", "is too long")
	}
}

// validateReach checks the account's teams against its scopes: cases:read
// needs teams to read, or municipality-wide reach, never both.
func validateReach(f *errs.Fields, scopes []actor.Scope, teams []uuid.UUID, allTeams bool) {
	if len(teams) > 1000 {
		f.Add("team_ids", "at most 1000 teams")
		return
	}
	if allTeams && len(teams) > 0 {
		f.Add("team_ids", "must be empty when all_teams is true")
		return
	}
	seen := map[uuid.UUID]bool{}
	for _, t := range teams {
		if seen[t] {
			f.Add("team_ids", "lists a team twice")
			return
		}
		seen[t] = true
	}
	for _, s := range scopes {
		if s == actor.ScopeCasesRead && !allTeams && len(teams) == 0 {
			f.Add("team_ids", "cases:read needs at least one team, or all_teams")
		}
	}
}

// Validate checks a new service account.
func (n *NewServiceAccount) Validate() error {
	var f errs.Fields
	n.Name = strings.TrimSpace(n.Name)
	n.Description = strings.TrimSpace(n.Description)
	validateName(&f, "name", n.Name, 200)
	validateDescription(&f, n.Description)
	if len(n.Scopes) == 0 {
		f.Add("scopes", "name at least one scope")
	}
	validateScopes(&f, n.Scopes, len(actor.Scopes))
	validateReach(&f, n.Scopes, n.TeamIDs, n.AllTeams)
	return f.Err()
}

// Validate checks a new credential.
func (n *NewCredential) Validate() error {
	var f errs.Fields
	n.Label = strings.TrimSpace(n.Label)
	if utf8.RuneCountInString(n.Label) > 200 {
		f.Add("label", "is too long")
	}
	if n.ExpiresInDays != nil && (*n.ExpiresInDays < 1 || *n.ExpiresInDays > MaxCredentialDays) {
		f.Add("expires_in_days", fmt.Sprintf("must be a whole number from 1 to %d", MaxCredentialDays))
	}
	return f.Err()
}

func scopesOf(names []string) []actor.Scope {
	out := make([]actor.Scope, 0, len(names))
	for _, n := range names {
		out = append(out, actor.Scope(n))
	}
	return out
}

func scopeStrings(scopes []actor.Scope) []string {
	out := make([]string, len(scopes))
	for i, s := range scopes {
		out[i] = string(s)
	}
	return out
}

func toServiceAccount(r serviceAccountRow, teams []Team) ServiceAccount {
	if teams == nil {
		teams = []Team{}
	}
	return ServiceAccount{ID: r.ID, Name: r.Name, Description: r.Description, Scopes: scopesOf(r.Scopes.V),
		Teams: teams, AllTeams: r.AllTeams, Active: r.Active, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		Version: r.Version}
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

func toCredential(r credentialRow) Credential {
	return Credential{ID: r.ID, AccountID: r.AccountID, Label: r.Label, CreatedAt: r.CreatedAt.UTC(),
		ExpiresAt: utcPtr(r.ExpiresAt), LastUsedAt: utcPtr(r.LastUsedAt), RevokedAt: utcPtr(r.RevokedAt)}
}

func requireAdminForAccounts(a actor.Actor) error {
	if a.Role != actor.RoleAdmin || a.Scoped() {
		return errs.New(errs.Forbidden, "Only administrators can manage service accounts.")
	}
	return nil
}

func actorRef(a actor.Actor) *uuid.UUID {
	if a.UserID == uuid.Nil {
		return nil
	}
	id := a.UserID
	return &id
}

func accountNotFound(id uuid.UUID) error { return errs.NotFoundf("No service account with id %s.", id) }

func (s *Service) getServiceAccount(ctx context.Context, id uuid.UUID) (ServiceAccount, error) {
	r, err := s.st.serviceAccountByID(ctx, id)
	if err != nil {
		if errs.Is(err, errs.NotFound) {
			return ServiceAccount{}, accountNotFound(id)
		}
		return ServiceAccount{}, err
	}
	teams, err := s.st.accountTeams(ctx, []uuid.UUID{id})
	if err != nil {
		return ServiceAccount{}, err
	}
	return toServiceAccount(r, teams[id]), nil
}

// ListServiceAccounts lists every service account by name (admin only).
func (s *Service) ListServiceAccounts(ctx context.Context, a actor.Actor) ([]ServiceAccount, error) {
	if err := requireAdminForAccounts(a); err != nil {
		return nil, err
	}
	rows, err := s.st.listServiceAccounts(ctx)
	if err != nil {
		return nil, fmt.Errorf("list service accounts: %w", err)
	}
	ids := make([]uuid.UUID, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	teams, err := s.st.accountTeams(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("list service accounts: %w", err)
	}
	out := make([]ServiceAccount, len(rows))
	for i, r := range rows {
		out[i] = toServiceAccount(r, teams[r.ID])
	}
	return out, nil
}

// GetServiceAccount returns one service account (admin only).
func (s *Service) GetServiceAccount(ctx context.Context, a actor.Actor, id uuid.UUID) (ServiceAccount, error) {
	if err := requireAdminForAccounts(a); err != nil {
		return ServiceAccount{}, err
	}
	sa, err := s.getServiceAccount(ctx, id)
	if err != nil {
		return ServiceAccount{}, fmt.Errorf("get service account: %w", err)
	}
	return sa, nil
}

// CreateServiceAccount adds a service account without credentials (admin
// only); CreateCredential gives it a secret. Names are unique regardless of case.
func (s *Service) CreateServiceAccount(ctx context.Context, a actor.Actor, in NewServiceAccount) (ServiceAccount, error) {
	if err := requireAdminForAccounts(a); err != nil {
		return ServiceAccount{}, err
	}
	if err := in.Validate(); err != nil {
		return ServiceAccount{}, err
	}
	now := s.now()
	by := actorRef(a)
	r := serviceAccountRow{ID: uuid.New(), Name: in.Name, Description: in.Description, AllTeams: in.AllTeams, Active: true,
		CreatedAt: now, CreatedBy: by, UpdatedAt: now, UpdatedBy: by, Version: 1}
	r.Scopes.V = scopeStrings(in.Scopes)
	var out ServiceAccount
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.insertServiceAccount(ctx, r); err != nil {
			return err
		}
		if err := s.st.setAccountTeams(ctx, r.ID, in.TeamIDs); err != nil {
			return err
		}
		if err := s.audit.Record(ctx, audit.Event{Action: audit.ServiceAccountCreated,
			Detail: fmt.Sprintf("service account %s; scopes %s", r.ID, strings.Join(r.Scopes.V, " "))}); err != nil {
			return err
		}
		var err error
		out, err = s.getServiceAccount(ctx, r.ID)
		return err
	})
	if err != nil {
		return ServiceAccount{}, fmt.Errorf("create service account: %w", err)
	}
	return out, nil
}

// UpdateServiceAccount changes an account if version still matches (admin
// only). Deactivation, and narrower scopes or teams, apply to tokens already
// issued at once: every request re-reads the account.
func (s *Service) UpdateServiceAccount(ctx context.Context, a actor.Actor, id uuid.UUID, version int, ch ServiceAccountChange) (ServiceAccount, error) {
	if err := requireAdminForAccounts(a); err != nil {
		return ServiceAccount{}, err
	}
	var f errs.Fields
	cols := map[string]any{}
	if ch.Name != nil {
		n := strings.TrimSpace(*ch.Name)
		validateName(&f, "name", n, 200)
		cols["name"] = n
	}
	if ch.Description != nil {
		d := strings.TrimSpace(*ch.Description)
		validateDescription(&f, d)
		cols["description"] = d
	}
	if ch.Scopes != nil {
		if len(*ch.Scopes) == 0 {
			f.Add("scopes", "name at least one scope")
		}
		validateScopes(&f, *ch.Scopes, len(actor.Scopes))
	}
	if ch.AllTeams != nil {
		cols["all_teams"] = *ch.AllTeams
	}
	if ch.Active != nil {
		cols["active"] = *ch.Active
	}
	if err := f.Err(); err != nil {
		return ServiceAccount{}, err
	}
	if ch.Scopes != nil {
		cols["scopes"] = db.JSON[[]string]{V: scopeStrings(*ch.Scopes)}
	}
	cols["updated_at"] = s.now()
	cols["updated_by"] = actorRef(a)
	cols["version"] = gorm.Expr("version + 1")
	var out ServiceAccount
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.getServiceAccount(ctx, id)
		if err != nil {
			return err
		}
		scopes, all := cur.Scopes, cur.AllTeams
		if ch.Scopes != nil {
			scopes = *ch.Scopes
		}
		if ch.AllTeams != nil {
			all = *ch.AllTeams
		}
		teams := make([]uuid.UUID, len(cur.Teams))
		for i, t := range cur.Teams {
			teams[i] = t.ID
		}
		if ch.TeamIDs != nil {
			teams = *ch.TeamIDs
		} else if all && ch.AllTeams != nil && *ch.AllTeams {
			// Switching to municipality-wide reach drops the team list.
			teams = nil
		}
		var rf errs.Fields
		validateReach(&rf, scopes, teams, all)
		if err := rf.Err(); err != nil {
			return err
		}
		ok, err := s.st.updateServiceAccount(ctx, id, version, cols)
		if err != nil {
			return err
		}
		if !ok {
			return httpx.Stale(cur.Version)
		}
		if ch.TeamIDs != nil || len(teams) != len(cur.Teams) {
			if err := s.st.setAccountTeams(ctx, id, teams); err != nil {
				return err
			}
		}
		if err := s.audit.Record(ctx, audit.Event{Action: audit.ServiceAccountUpdated,
			Detail: fmt.Sprintf("service account %s; changed %s", id, changedFields(ch))}); err != nil {
			return err
		}
		out, err = s.getServiceAccount(ctx, id)
		return err
	})
	if err != nil {
		return ServiceAccount{}, fmt.Errorf("update service account: %w", err)
	}
	return out, nil
}

// changedFields names the fields of a change for the audit row (names only,
// never values).
func changedFields(ch ServiceAccountChange) string {
	var names []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"name", ch.Name != nil}, {"description", ch.Description != nil}, {"scopes", ch.Scopes != nil},
		{"team_ids", ch.TeamIDs != nil}, {"all_teams", ch.AllTeams != nil}, {"active", ch.Active != nil}} {
		if f.set {
			names = append(names, f.name)
		}
	}
	if len(names) == 0 {
		return "nothing"
	}
	return strings.Join(names, ", ")
}

// CreateCredential gives an account a new client secret (admin only). The
// secret is in the result and nowhere else: only its SHA-256 is stored.
func (s *Service) CreateCredential(ctx context.Context, a actor.Actor, accountID uuid.UUID, in NewCredential) (IssuedCredential, error) {
	if err := requireAdminForAccounts(a); err != nil {
		return IssuedCredential{}, err
	}
	if err := in.Validate(); err != nil {
		return IssuedCredential{}, err
	}
	secret, hash, err := newSecret(clientSecretPrefix)
	if err != nil {
		return IssuedCredential{}, err
	}
	now := s.now()
	r := credentialRow{ID: uuid.New(), AccountID: accountID, SecretHash: hash, Label: in.Label, CreatedAt: now, CreatedBy: actorRef(a)}
	if in.ExpiresInDays != nil {
		exp := now.AddDate(0, 0, *in.ExpiresInDays)
		r.ExpiresAt = &exp
	}
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.st.serviceAccountByID(ctx, accountID); err != nil {
			if errs.Is(err, errs.NotFound) {
				return accountNotFound(accountID)
			}
			return err
		}
		n, err := s.st.countLiveCredentials(ctx, accountID, now)
		if err != nil {
			return err
		}
		if n >= maxLiveCredentials {
			return errs.New(errs.Conflict, fmt.Sprintf("A service account can have at most %d credentials in use. Revoke one first.", maxLiveCredentials))
		}
		if err := s.st.insertCredential(ctx, r); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.CredentialCreated,
			Detail: fmt.Sprintf("credential %s of service account %s", r.ID, accountID)})
	})
	if err != nil {
		return IssuedCredential{}, fmt.Errorf("create credential: %w", err)
	}
	return IssuedCredential{Credential: toCredential(r), Secret: secret}, nil
}

// ListCredentials lists an account's credentials, newest first, revoked and
// expired ones included (admin only). Secrets are not in them.
func (s *Service) ListCredentials(ctx context.Context, a actor.Actor, accountID uuid.UUID) ([]Credential, error) {
	if err := requireAdminForAccounts(a); err != nil {
		return nil, err
	}
	if _, err := s.st.serviceAccountByID(ctx, accountID); err != nil {
		if errs.Is(err, errs.NotFound) {
			return nil, accountNotFound(accountID)
		}
		return nil, fmt.Errorf("list credentials: %w", err)
	}
	rows, err := s.st.listCredentials(ctx, accountID)
	if err != nil {
		return nil, fmt.Errorf("list credentials: %w", err)
	}
	out := make([]Credential, len(rows))
	for i, r := range rows {
		out[i] = toCredential(r)
	}
	return out, nil
}

// RevokeCredential revokes a credential at once (admin only): new tokens are
// refused and tokens already issued with it stop working on their next
// request. Revoking twice is harmless.
func (s *Service) RevokeCredential(ctx context.Context, a actor.Actor, accountID, credentialID uuid.UUID) error {
	if err := requireAdminForAccounts(a); err != nil {
		return err
	}
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.st.credentialOf(ctx, accountID, credentialID); err != nil {
			if errs.Is(err, errs.NotFound) {
				return errs.NotFoundf("No credential with id %s in this service account.", credentialID)
			}
			return err
		}
		revoked, err := s.st.revokeCredential(ctx, credentialID, actorRef(a), s.now())
		if err != nil || !revoked {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.CredentialRevoked,
			Detail: fmt.Sprintf("credential %s of service account %s", credentialID, accountID)})
	})
	if err != nil {
		return fmt.Errorf("revoke credential: %w", err)
	}
	return nil
}

// --- client credentials grant (RFC 6749 §4.4) ---

// ClientCredentialsInput is a parsed token request.
type ClientCredentialsInput struct {
	GrantType    string
	ClientID     string
	ClientSecret string
	// Scope is the space-separated scopes asked for; empty means all the
	// account's scopes.
	Scope string
}

// ClientToken is an issued service token.
type ClientToken struct {
	AccessToken string
	ExpiresIn   time.Duration
	Scopes      []actor.Scope
}

// OAuth 2.0 error codes of the token endpoint (RFC 6749 §5.2).
const (
	oauthInvalidRequest       = "invalid_request"
	oauthInvalidClient        = "invalid_client"
	oauthUnsupportedGrantType = "unsupported_grant_type"
	oauthInvalidScope         = "invalid_scope"
)

// OAuthErr is a token-endpoint error: a problem in our vocabulary that also
// carries the OAuth error code.
func OAuthErr(code errs.Code, oauth, msg string) *errs.Error {
	e := errs.New(code, msg)
	e.Extra = map[string]any{httpx.OAuthError: oauth}
	return e
}

// errBadClient is the one answer to every failed client authentication: an
// unknown client, a wrong secret, a revoked or expired credential and a
// deactivated account look the same to the caller; the audit row says which.
var errBadClient = OAuthErr(errs.Unauthenticated, oauthInvalidClient, "Client authentication failed.")

// dummySecretHash is compared against when the client is unknown, so that the
// work done does not depend on whether the client_id exists.
var dummySecretHash = hashToken("bics_not-a-real-secret")

// IssueClientToken runs the client credentials grant: it authenticates the
// client, checks the requested scopes against the account's and issues a
// short-lived service token. Every issuance and every failure is audited;
// failed client authentications are throttled per client address in the
// login throttle table. Errors carry the OAuth error code (OAuthErr).
func (s *Service) IssueClientToken(ctx context.Context, in ClientCredentialsInput) (ClientToken, error) {
	ip := actor.RequestFrom(ctx).ClientIP
	now := s.now()
	subject := in.ClientID
	if len(subject) > 100 {
		subject = subject[:100]
	}
	fail := func(ev audit.Event, err *errs.Error, countIt bool) (ClientToken, error) {
		ev.Action, ev.Subject = audit.ClientCredentials, subject
		if ev.Outcome == "" {
			ev.Outcome = audit.Failure
		}
		if ev.ActorID != nil {
			ev.ActorRole = string(actor.RoleIntegration)
		}
		if terr := s.db.InTx(ctx, func(ctx context.Context) error {
			if countIt {
				if err := s.countClientFailure(ctx, ip, now); err != nil {
					return err
				}
			}
			return s.audit.Record(ctx, ev)
		}); terr != nil {
			return ClientToken{}, fmt.Errorf("client credentials: %w", terr)
		}
		return ClientToken{}, err
	}

	if wait, err := s.clientBlockedFor(ctx, ip, now); err != nil {
		return ClientToken{}, err
	} else if wait > 0 {
		e := errs.New(errs.TooManyRequests, "Too many failed client authentications from this address. Wait a moment and try again.")
		e.RetryAfter = int(math.Ceil(wait.Seconds()))
		return fail(audit.Event{Outcome: audit.Denied, Detail: "too many failed attempts"}, e, false)
	}
	if in.GrantType == "" {
		return fail(audit.Event{Detail: "no grant_type"},
			OAuthErr(errs.BadRequest, oauthInvalidRequest, "grant_type is required; use client_credentials."), false)
	}
	if in.GrantType != "client_credentials" {
		return fail(audit.Event{Detail: "unsupported grant type"},
			OAuthErr(errs.BadRequest, oauthUnsupportedGrantType, "Only the client_credentials grant is supported."), false)
	}

	cid, perr := uuid.Parse(in.ClientID)
	var cred credentialRow
	found := false
	if perr == nil && len(in.ClientID) == 36 {
		var err error
		cred, err = s.st.credentialWithSecret(ctx, cid)
		switch {
		case err == nil:
			found = true
		case !errs.Is(err, errs.NotFound):
			return ClientToken{}, fmt.Errorf("client credentials: %w", err)
		}
	}
	stored := dummySecretHash
	if found {
		stored = cred.SecretHash
	}
	secretOK := subtle.ConstantTimeCompare([]byte(hashToken(in.ClientSecret)), []byte(stored)) == 1
	if !found || !secretOK {
		ev := audit.Event{Detail: "unknown client"}
		if found {
			ev = audit.Event{ActorID: &cred.AccountID, CredentialID: &cred.ID, Detail: "wrong client secret"}
		}
		return fail(ev, errBadClient, true)
	}
	acct, err := s.st.serviceAccountByID(ctx, cred.AccountID)
	if err != nil {
		return ClientToken{}, fmt.Errorf("client credentials: %w", err)
	}
	refused := audit.Event{ActorID: &acct.ID, CredentialID: &cred.ID}
	switch {
	case cred.RevokedAt != nil:
		refused.Detail = "credential revoked"
	case cred.ExpiresAt != nil && !cred.ExpiresAt.After(now):
		refused.Detail = "credential expired"
	case !acct.Active:
		refused.Detail = "service account deactivated"
	}
	if refused.Detail != "" {
		return fail(refused, errBadClient, true)
	}

	granted := scopesOf(acct.Scopes.V)
	if strings.TrimSpace(in.Scope) != "" {
		asked, bad := parseScopeParam(in.Scope, granted)
		if bad != "" {
			refused.Detail = "scope not granted: " + bad
			return fail(refused, OAuthErr(errs.BadRequest, oauthInvalidScope,
				fmt.Sprintf("The scope %q is not granted to this client. Ask for a subset of: %s.", bad, strings.Join(scopeStrings(granted), " "))), false)
		}
		granted = asked
	}
	ttl := min(s.signer.TTL(), maxServiceTokenTTL)
	tok, err := s.signer.IssueService(acct.ID, cred.ID, granted, ttl, now)
	if err != nil {
		return ClientToken{}, fmt.Errorf("client credentials: %w", err)
	}
	err = s.db.InTx(ctx, func(ctx context.Context) error {
		if err := s.st.touchCredential(ctx, cred.ID, now); err != nil {
			return err
		}
		return s.audit.Record(ctx, audit.Event{Action: audit.ClientCredentials, ActorID: &acct.ID,
			ActorRole: string(actor.RoleIntegration), CredentialID: &cred.ID, Subject: subject,
			Detail: "scope " + strings.Join(scopeStrings(granted), " ")})
	})
	if err != nil {
		return ClientToken{}, fmt.Errorf("client credentials: %w", err)
	}
	return ClientToken{AccessToken: tok, ExpiresIn: ttl, Scopes: granted}, nil
}

// RefuseTokenRequest audits a token request that could not even be read
// (malformed body, two ways of client authentication) and returns err.
func (s *Service) RefuseTokenRequest(ctx context.Context, clientID string, err error) error {
	e, ok := errs.As(err)
	if !ok {
		return err
	}
	detail := "malformed token request"
	if e.Code == errs.Unauthenticated {
		detail = "malformed HTTP Basic client authentication"
	}
	if len(clientID) > 100 {
		clientID = clientID[:100]
	}
	if aerr := s.audit.Record(ctx, audit.Event{Action: audit.ClientCredentials, Subject: clientID, Outcome: audit.Failure, Detail: detail}); aerr != nil {
		return fmt.Errorf("client credentials: %w", aerr)
	}
	return err
}

// parseScopeParam reads a space-separated scope parameter (RFC 6749 §3.3)
// and returns the scopes in the order of granted, or the first one that is
// not granted.
func parseScopeParam(param string, granted []actor.Scope) (asked []actor.Scope, bad string) {
	want := map[actor.Scope]bool{}
	for _, name := range strings.Fields(param) {
		sc := actor.Scope(name)
		ok := false
		for _, g := range granted {
			if g == sc {
				ok = true
			}
		}
		if !ok {
			if len(name) > 50 {
				name = name[:50]
			}
			return nil, name
		}
		want[sc] = true
	}
	for _, g := range granted {
		if want[g] {
			asked = append(asked, g)
		}
	}
	return asked, ""
}

// clientThrottleKey keeps failed client authentications apart from failed
// logins of the same address: a misconfigured integration retrying in a loop
// must not lock an office's staff out of logging in.
func clientThrottleKey(ip string) string { return "client-credentials:" + ip }

func (s *Service) clientBlockedFor(ctx context.Context, ip string, now time.Time) (time.Duration, error) {
	if ip == "" {
		return 0, nil
	}
	r, ok, err := s.st.throttleState(ctx, "address", clientThrottleKey(ip))
	if err != nil {
		return 0, fmt.Errorf("client credentials: %w", err)
	}
	if ok && r.BlockedUntil != nil && r.BlockedUntil.After(now) {
		return r.BlockedUntil.Sub(now), nil
	}
	return 0, nil
}

// countClientFailure counts a failed client authentication against the
// client's address with the policy's address limits. There is no per-client
// lock: a 256-bit secret cannot be guessed, and client_ids are not secret,
// so locking a client would only let anyone who saw its id shut it out.
func (s *Service) countClientFailure(ctx context.Context, ip string, now time.Time) error {
	if ip == "" {
		return nil
	}
	p := s.throttle
	key := clientThrottleKey(ip)
	r, err := s.st.addFailure(ctx, "address", key, now, p.Window)
	if err != nil {
		return err
	}
	var until time.Duration
	switch {
	case r.Failures >= p.AddressLockAfter:
		until = p.LockFor
	case r.Failures >= p.AddressSlowAfter:
		until = min(time.Second<<min(r.Failures-p.AddressSlowAfter, 16), p.MaxSlowdown)
	}
	if until > 0 {
		return s.st.setBlocked(ctx, "address", key, now.Add(until))
	}
	return nil
}

// errTokenInvalid is the one 401 for any bearer token that does not work.
var errTokenInvalid = errs.New(errs.Unauthenticated, "The access token is not valid or has expired.")

// authenticateService turns a verified service token into an actor, reading
// the credential and the account afresh: a revoked or expired credential or
// a deactivated account is refused at once, and scopes or teams taken away
// since the token was issued are gone from it too.
func (s *Service) authenticateService(ctx context.Context, c AccessClaims) (actor.Actor, error) {
	accountID, err1 := uuid.Parse(c.Subject)
	credID, err2 := uuid.Parse(c.CID)
	if err1 != nil || err2 != nil {
		return actor.Actor{}, errTokenInvalid
	}
	cred, acct, err := s.st.serviceActorData(ctx, credID)
	if errs.Is(err, errs.NotFound) {
		return actor.Actor{}, errTokenInvalid
	}
	if err != nil {
		return actor.Actor{}, fmt.Errorf("authenticate service: %w", err)
	}
	now := s.clock.Now()
	if cred.AccountID != accountID || cred.RevokedAt != nil || (cred.ExpiresAt != nil && !cred.ExpiresAt.After(now)) || !acct.Active {
		return actor.Actor{}, errTokenInvalid
	}
	current := scopesOf(acct.Scopes.V)
	var scopes []actor.Scope
	for _, name := range strings.Fields(c.Scope) {
		for _, g := range current {
			if g == actor.Scope(name) {
				scopes = append(scopes, g)
			}
		}
	}
	if scopes == nil {
		scopes = []actor.Scope{}
	}
	var teams []uuid.UUID
	if acct.AllTeams {
		teams, err = s.st.allTeamIDs(ctx)
	} else {
		teams, err = s.st.accountTeamIDs(ctx, accountID)
	}
	if err != nil {
		return actor.Actor{}, fmt.Errorf("authenticate service: %w", err)
	}
	req := actor.RequestFrom(ctx)
	return actor.Actor{UserID: accountID, Role: actor.RoleIntegration, TeamIDs: teams, Kind: actor.KindService,
		Scopes: scopes, CredentialID: &credID, RequestID: req.RequestID, ClientIP: req.ClientIP}, nil
}
