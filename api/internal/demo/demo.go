// Package demo seeds synthetic demo data: teams, staff in every role and
// cases in every phase, with fictitious names and replacement CPR numbers
// only.
//
// Seeding happens once, in one transaction, through the identity and cases
// services so that validation and auditing apply as for any other write. A
// database counts as seeded when the demo administrator (and with it every
// other demo user) exists. The logins are written to
// DataDir/demo-logins.json (mode 0600) so that later starts can print them
// again.
package demo

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
)

// Login is a demo account to print at start.
type Login struct {
	Role     string `json:"role"`
	Email    string `json:"email"`
	Password string `json:"password"`
}

// Options configure Ensure.
type Options struct {
	DataDir string
	Log     *slog.Logger
	// Password is given to every demo user (BIC_DEMO_PASSWORD). Empty means
	// a random one is generated at first start.
	Password string
}

// LoginsFile is the name of the file in DataDir that keeps the demo logins.
const LoginsFile = "demo-logins.json"

// UnknownPassword stands in for the password when the database was seeded
// but the logins file is not in this data directory.
const UnknownPassword = "(set at first start)"

// seedRequestID marks the audit rows written while seeding.
const seedRequestID = "demo-seed"

type teamSpec struct {
	name        string
	caseworkers []int // indexes into staffSpecs
}

type staffSpec struct {
	email, name string
	role        actor.Role
	teams       []int // indexes into teamSpecs
}

func (s staffSpec) shared() bool { return len(s.teams) > 1 }

var teamSpecs = []teamSpec{
	{name: "Team Nord", caseworkers: []int{4, 5}},
	{name: "Team Syd", caseworkers: []int{6, 7}},
	{name: "Team Midt", caseworkers: []int{8, 5}},
}

// staffSpecs: the first is the administrator whose existence marks a seeded
// database. Søren Dalby works in two teams.
var staffSpecs = []staffSpec{
	{"admin@bic.example", "Karin Vestergaard", actor.RoleAdmin, nil},
	{"leder.nord@bic.example", "Morten Kjærsgaard", actor.RoleLeader, []int{0}},
	{"leder.syd@bic.example", "Helle Brøndum", actor.RoleLeader, []int{1}},
	{"leder.midt@bic.example", "Jesper Aagaard", actor.RoleLeader, []int{2}},
	{"ane.holm@bic.example", "Ane Holm", actor.RoleCaseworker, []int{0}},
	{"soren.dalby@bic.example", "Søren Dalby", actor.RoleCaseworker, []int{0, 2}},
	{"maja.ostergaard@bic.example", "Maja Østergaard", actor.RoleCaseworker, []int{1}},
	{"jonas.bech@bic.example", "Jonas Bech", actor.RoleCaseworker, []int{1}},
	{"line.kragh@bic.example", "Line Kragh", actor.RoleCaseworker, []int{2}},
	{"analytiker@bic.example", "Rikke Thorsen", actor.RoleAnalyst, nil},
}

// logins lists the demo accounts with one password.
func logins(password string) []Login {
	out := make([]Login, len(staffSpecs))
	for i, s := range staffSpecs {
		out[i] = Login{Role: string(s.role), Email: s.email, Password: password}
	}
	return out
}

// Ensure seeds demo data on first start and returns the demo logins.
func Ensure(ctx context.Context, a *app.App, o Options) ([]Login, error) {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	existing, err := existingEmails(ctx, a.Identity)
	if err != nil {
		return nil, fmt.Errorf("demo: look for demo users: %w", err)
	}
	if existing[staffSpecs[0].email] && len(existing) == len(staffSpecs) {
		return seededLogins(o, log)
	}
	// Seeding is all or nothing, so some demo emails without the others
	// means someone else's users (e.g. a bootstrap admin) use them.
	for _, s := range staffSpecs {
		if existing[s.email] {
			return nil, fmt.Errorf("demo: user %s exists but the demo data does not; use another bootstrap admin email or an empty database", s.email)
		}
	}

	password := o.Password
	if password == "" {
		if password, err = randomPassword(); err != nil {
			return nil, err
		}
	} else if n := len([]rune(password)); n < identity.MinPasswordLength {
		return nil, fmt.Errorf("demo: BIC_DEMO_PASSWORD must be at least %d characters", identity.MinPasswordLength)
	}

	start := time.Now()
	st, err := seed(ctx, a, password)
	if err != nil {
		return nil, err
	}
	log.Info("demo data seeded", "teams", st.teams, "users", st.users, "cases", st.cases,
		"closed", st.closed, "overdue", st.overdue, "took", time.Since(start).Round(time.Millisecond).String())

	out := logins(password)
	if err := writeLogins(o.DataDir, out); err != nil {
		// The data is in place; only the reminder for later starts is lost.
		log.Warn("demo logins not saved; later starts will not show the password", "error", err.Error())
	}
	return out, nil
}

// seededLogins returns the logins saved at first start.
func seededLogins(o Options, log *slog.Logger) ([]Login, error) {
	saved, err := readLogins(o.DataDir)
	switch {
	case err == nil:
		if o.Password != "" && len(saved) > 0 && saved[0].Password != o.Password {
			log.Warn("BIC_DEMO_PASSWORD differs from the password set when the demo data was seeded; it is not applied")
		}
		return saved, nil
	case errors.Is(err, fs.ErrNotExist):
		return logins(UnknownPassword), nil
	}
	log.Warn("demo logins file unreadable", "error", err.Error())
	return logins(UnknownPassword), nil
}

// existingEmails reports which demo emails are taken, listing users as an
// administrator page by page.
func existingEmails(ctx context.Context, id *identity.Service) (map[string]bool, error) {
	want := map[string]bool{}
	for _, s := range staffSpecs {
		want[s.email] = true
	}
	found := map[string]bool{}
	admin := actor.Actor{Role: actor.RoleAdmin}
	cursor := ""
	for {
		page, err := id.ListUsers(ctx, admin, nil, "", 200, cursor)
		if err != nil {
			return nil, err
		}
		for _, u := range page.Users {
			if want[strings.ToLower(u.Email)] {
				found[strings.ToLower(u.Email)] = true
			}
		}
		if page.NextCursor == "" {
			return found, nil
		}
		cursor = page.NextCursor
	}
}

// passwordAlphabet leaves out look-alikes (0/o, 1/l/i).
const passwordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// randomPassword returns four groups of five characters, e.g.
// "k7mq2-xr9ta-4hwzp-cn3ve": 23 characters, about 99 bits.
func randomPassword() (string, error) {
	var b strings.Builder
	max := big.NewInt(int64(len(passwordAlphabet)))
	for i := range 20 {
		if i > 0 && i%5 == 0 {
			b.WriteByte('-')
		}
		n, err := rand.Int(rand.Reader, max)
		if err != nil {
			return "", fmt.Errorf("demo password: %w", err)
		}
		b.WriteByte(passwordAlphabet[n.Int64()])
	}
	return b.String(), nil
}

type loginsFile struct {
	Note   string  `json:"note"`
	Logins []Login `json:"logins"`
}

func writeLogins(dir string, ls []Login) error {
	if dir == "" {
		return errors.New("no data directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(loginsFile{
		Note:   "Demo accounts for synthetic data (BIC_DEMO=true). Not for real data.",
		Logins: ls,
	}, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, LoginsFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, LoginsFile))
}

func readLogins(dir string) ([]Login, error) {
	if dir == "" {
		return nil, fs.ErrNotExist
	}
	b, err := os.ReadFile(filepath.Join(dir, LoginsFile))
	if err != nil {
		return nil, err
	}
	var f loginsFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", LoginsFile, err)
	}
	if len(f.Logins) == 0 {
		return nil, fmt.Errorf("%s: no logins", LoginsFile)
	}
	return f.Logins, nil
}

// staffIDs are what seeding learns about the created teams and users.
type staffIDs struct {
	teams []uuid.UUID
	users []uuid.UUID
}

func (s staffIDs) actor(i int) actor.Actor {
	spec := staffSpecs[i]
	teams := make([]uuid.UUID, len(spec.teams))
	for k, t := range spec.teams {
		teams[k] = s.teams[t]
	}
	return actor.Actor{UserID: s.users[i], Role: spec.role, TeamIDs: teams, RequestID: seedRequestID}
}
