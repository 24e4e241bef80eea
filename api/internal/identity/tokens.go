package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
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
}

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

// Verify checks signature, algorithm, issuer, audience and expiry, and returns
// the user id.
func (s *Signer) Verify(raw string, now time.Time) (uuid.UUID, error) {
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
		return uuid.Nil, fmt.Errorf("verify access token: %w", err)
	}
	id, err := uuid.Parse(c.Subject)
	if err != nil {
		return uuid.Nil, fmt.Errorf("verify access token: bad subject: %w", err)
	}
	return id, nil
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

func hashToken(t string) string {
	s := sha256.Sum256([]byte(t))
	return hex.EncodeToString(s[:])
}
