// Package identity owns staff users, teams, passwords and tokens: login with
// DB-backed throttling, short-lived JWT access tokens, rotating refresh tokens
// with reuse detection, and the middleware that turns a bearer token into an
// actor.Actor for every other domain.
package identity

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// User is a staff member.
type User struct {
	ID        uuid.UUID
	Email     string
	Name      string
	Role      actor.Role
	Teams     []Team
	Active    bool
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int
}

// Team is a group of staff that owns cases.
type Team struct {
	ID        uuid.UUID
	Name      string
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int
}

// NewUser is the input to CreateUser.
type NewUser struct {
	Email    string
	Name     string
	Role     actor.Role
	TeamIDs  []uuid.UUID
	Password string
}

// UserChange is a partial update; nil fields stay as they are.
type UserChange struct {
	Name     *string
	Role     *actor.Role
	TeamIDs  *[]uuid.UUID
	Active   *bool
	Password *string
}

// MinPasswordLength follows current guidance: length over composition rules.
const MinPasswordLength = 12

func normaliseEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func validateEmail(f *errs.Fields, email string) {
	if email == "" {
		f.Add("email", "is required")
		return
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || len(email) > 320 || !strings.Contains(email[strings.Index(email, "@"):], ".") {
		f.Add("email", "is not a valid email address")
	}
}

func validateName(f *errs.Fields, field, name string, max int) {
	n := utf8.RuneCountInString(strings.TrimSpace(name))
	switch {
	case n == 0:
		f.Add(field, "is required")
	case n > max:
		f.Add(field, "is too long")
	}
}

func validatePassword(f *errs.Fields, pw string) {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordLength:
		f.Add("password", "must be at least 12 characters")
	case len(pw) > 256:
		f.Add("password", "must be at most 256 bytes")
	}
}

func validateRoleTeams(f *errs.Fields, role actor.Role, teams []uuid.UUID) {
	if !role.Valid() {
		f.Add("role", "must be one of admin, leader, caseworker, analyst")
		return
	}
	if (role == actor.RoleLeader || role == actor.RoleCaseworker) && len(teams) == 0 {
		f.Add("team_ids", "a leader or caseworker must belong to at least one team")
	}
	if len(teams) > 50 {
		f.Add("team_ids", "at most 50 teams")
	}
	seen := map[uuid.UUID]bool{}
	for _, t := range teams {
		if seen[t] {
			f.Add("team_ids", "lists a team twice")
			return
		}
		seen[t] = true
	}
}

// Validate checks a new user and normalises the email.
func (n *NewUser) Validate() error {
	var f errs.Fields
	n.Email = normaliseEmail(n.Email)
	n.Name = strings.TrimSpace(n.Name)
	validateEmail(&f, n.Email)
	validateName(&f, "name", n.Name, 200)
	validateRoleTeams(&f, n.Role, n.TeamIDs)
	validatePassword(&f, n.Password)
	return f.Err()
}

// Tokens is what a login or refresh returns.
type Tokens struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    time.Duration
}
