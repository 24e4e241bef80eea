package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

const (
	tokenIssuer   = "bic"
	tokenAudience = "bic-api"
	// SigningMethod is the only algorithm accepted; a token that names any
	// other (including "none") is refused before its signature is looked at.
	signingAlg = "HS256"
)

// AccessClaims are the typed claims of an access token.
type AccessClaims struct {
	jwt.RegisteredClaims
	Role string `json:"role"`
	// Kind is absent on a session's token and "service" on a service
	// account's (client credentials), whose subject is the account, not a
	// user. A token is read only as the kind it names, so neither can pass
	// for the other.
	Kind string `json:"kind,omitempty"`
	// CID is the client credential a service token was issued to.
	CID string `json:"cid,omitempty"`
	// Scope is the space-separated scopes granted (RFC 8693 §4.2 style).
	Scope string `json:"scope,omitempty"`
}

// kindService marks a service account's access token.
const kindService = "service"

// Signer issues and verifies access tokens.
type Signer struct {
	key []byte
	ttl time.Duration
}

// NewSigner returns a Signer for key with the given access-token lifetime.
func NewSigner(key []byte, ttl time.Duration) (*Signer, error) {
	if len(key) < 32 {
		return nil, errors.New("jwt key must be at least 32 bytes")
	}
	return &Signer{key: key, ttl: ttl}, nil
}

// TTL is the access-token lifetime.
func (s *Signer) TTL() time.Duration { return s.ttl }

// Issue signs an access token for the user.
func (s *Signer) Issue(userID uuid.UUID, role actor.Role, now time.Time) (string, error) {
	c := AccessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    tokenIssuer,
			Subject:   userID.String(),
			Audience:  jwt.ClaimStrings{tokenAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(s.ttl)),
			ID:        uuid.NewString(),
		},
		Role: string(role),
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.key)
	if err != nil {
		return "", fmt.Errorf("sign access token: %w", err)
	}
	return tok, nil
}

// IssueService signs a service account's access token: subject the account,
// cid the credential, the granted scopes, and a lifetime of ttl.
func (s *Signer) IssueService(accountID, credentialID uuid.UUID, scopes []actor.Scope, ttl time.Duration, now time.Time) (string, error) {
	names := make([]string, len(scopes))
	for i, sc := range scopes {
		names[i] = string(sc)
	}
	c := AccessClaims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    tokenIssuer,
			Subject:   accountID.String(),
			Audience:  jwt.ClaimStrings{tokenAudience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
			ID:        uuid.NewString(),
		},
		Role:  string(actor.RoleIntegration),
		Kind:  kindService,
		CID:   credentialID.String(),
		Scope: strings.Join(names, " "),
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.key)
	if err != nil {
		return "", fmt.Errorf("sign service token: %w", err)
	}
	return tok, nil
}

// VerifyClaims checks signature, algorithm, issuer, audience and expiry, and
// returns the claims of either kind of token.
func (s *Signer) VerifyClaims(raw string, now time.Time) (AccessClaims, error) {
	p := jwt.NewParser(
		jwt.WithValidMethods([]string{signingAlg}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuer(tokenIssuer),
		jwt.WithAudience(tokenAudience),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	var c AccessClaims
	if _, err := p.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return s.key, nil }); err != nil {
		return AccessClaims{}, fmt.Errorf("verify access token: %w", err)
	}
	return c, nil
}

// newRefreshToken returns an opaque random token and its stored hash.
func newRefreshToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("refresh token: %w", err)
	}
	token = "bicr_" + base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

// newSecret returns prefix + 256 random bits, base64url, and its stored hash.
func newSecret(prefix string) (secret, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("new secret: %w", err)
	}
	secret = prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, hashToken(secret), nil
}

// hashToken is the stored form of a refresh token, client secret or personal
// token: SHA-256, hex. Each is 256 random bits, so a fast unsalted hash is
// enough (see migration 00010); a password never goes through here.
func hashToken(t string) string {
	s := sha256.Sum256([]byte(t))
	return hex.EncodeToString(s[:])
}
