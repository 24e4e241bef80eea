package demo_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/demo"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
)

var admin = actor.Actor{Role: actor.RoleAdmin}

func open(t *testing.T, dir string, edit func(*config.Config)) *app.App {
	t.Helper()
	cfg := config.Defaults()
	cfg.DataDir = dir
	cfg.StaticDir = dir
	if edit != nil {
		edit(&cfg)
	}
	a, err := app.Open(context.Background(), cfg, slog.New(slog.DiscardHandler), app.Options{})
	if err != nil {
		t.Fatalf("open app: %v", err)
	}
	t.Cleanup(func() { _ = a.Close() })
	return a
}

func ensure(t *testing.T, a *app.App, o demo.Options) []demo.Login {
	t.Helper()
	start := time.Now()
	ls, err := demo.Ensure(context.Background(), a, o)
	if err != nil {
		t.Fatalf("Ensure: %v", err)
	}
	t.Logf("Ensure took %s", time.Since(start).Round(time.Millisecond))
	return ls
}

// rowCounts counts what seeding writes, audit rows included.
func rowCounts(t *testing.T, a *app.App) map[string]int {
	t.Helper()
	sqlDB, err := a.DB.SQL()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, table := range []string{"teams", "users", "team_memberships", "cases", "case_phase_transitions", "audit_events"} {
		var n int
		if err := sqlDB.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

func TestEnsure(t *testing.T) {
	for _, tc := range []struct {
		name      string
		config    func(*config.Config)
		password  string // Options.Password
		wantUsers int
	}{
		{name: "fresh database, generated password", wantUsers: 10},
		{name: "password from BIC_DEMO_PASSWORD", password: "rolig-elefant-på-cykel", wantUsers: 10},
		{name: "bootstrap admin created first", wantUsers: 11, config: func(c *config.Config) {
			c.BootstrapAdminEmail = "drift@kommune.example"
			c.BootstrapAdminPassword = "en-lang-nok-adgangskode"
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			a := open(t, dir, tc.config)
			o := demo.Options{DataDir: dir, Password: tc.password}
			ls := ensure(t, a, o)

			t.Run("logins", func(t *testing.T) { checkLogins(t, a, ls, tc.password) })
			t.Run("logins file", func(t *testing.T) { checkLoginsFile(t, dir, ls) })
			t.Run("staff", func(t *testing.T) { checkStaff(t, a, tc.wantUsers) })
			t.Run("cases", func(t *testing.T) { checkCases(t, a) })

			t.Run("second start seeds nothing and returns the same logins", func(t *testing.T) {
				before := rowCounts(t, a)
				_ = a.Close()
				a2 := open(t, dir, tc.config)
				again := ensure(t, a2, demo.Options{DataDir: dir})
				if !slices.Equal(again, ls) {
					t.Errorf("second Ensure returned %v, want %v", again, ls)
				}
				if after := rowCounts(t, a2); !mapsEqual(before, after) {
					t.Errorf("second Ensure wrote rows: before %v, after %v", before, after)
				}
			})
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func checkLogins(t *testing.T, a *app.App, ls []demo.Login, password string) {
	if len(ls) != 10 {
		t.Fatalf("got %d logins, want 10", len(ls))
	}
	roles := map[string]int{}
	for _, l := range ls {
		roles[l.Role]++
		if !strings.HasSuffix(l.Email, ".example") {
			t.Errorf("%s is not on the reserved .example TLD", l.Email)
		}
		if l.Password != ls[0].Password {
			t.Errorf("%s has another password than %s", l.Email, ls[0].Email)
		}
	}
	want := map[string]int{"admin": 1, "leader": 3, "caseworker": 5, "analyst": 1}
	for r, n := range want {
		if roles[r] != n {
			t.Errorf("%d logins with role %s, want %d", roles[r], r, n)
		}
	}
	if ls[0].Email != "admin@bic.example" {
		t.Errorf("first login is %s, want the demo admin", ls[0].Email)
	}
	pw := ls[0].Password
	switch {
	case password != "" && pw != password:
		t.Errorf("password %q, want the configured %q", pw, password)
	case password == "" && len(pw) < 16:
		t.Errorf("generated password %q is shorter than 16 characters", pw)
	}
	for _, l := range ls {
		if _, err := a.Identity.Login(context.Background(), l.Email, l.Password); err != nil {
			t.Errorf("login %s: %v", l.Email, err)
		}
	}
}

func checkLoginsFile(t *testing.T, dir string, ls []demo.Login) {
	fi, err := os.Stat(filepath.Join(dir, demo.LoginsFile))
	if err != nil {
		t.Fatal(err)
	}
	if m := fi.Mode().Perm(); m != 0o600 {
		t.Errorf("logins file mode %o, want 600", m)
	}
	b, err := os.ReadFile(filepath.Join(dir, demo.LoginsFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), ls[0].Password) {
		t.Error("logins file does not hold the password")
	}
}

func allUsers(t *testing.T, a *app.App) map[string]identity.User {
	t.Helper()
	out := map[string]identity.User{}
	cursor := ""
	for {
		p, err := a.Identity.ListUsers(context.Background(), admin, nil, "", 200, cursor)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range p.Users {
			out[u.Email] = u
		}
		if cursor = p.NextCursor; cursor == "" {
			return out
		}
	}
}

func checkStaff(t *testing.T, a *app.App, wantUsers int) {
	ctx := context.Background()
	teams, err := a.Identity.ListTeams(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tm := range teams {
		names = append(names, tm.Name)
	}
	slices.Sort(names)
	if want := []string{"Team Midt", "Team Nord", "Team Syd"}; !slices.Equal(names, want) {
		t.Errorf("teams %v, want %v", names, want)
	}
	n, err := a.Identity.CountUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != wantUsers {
		t.Errorf("%d users, want %d", n, wantUsers)
	}
	users := allUsers(t, a)
	leadersPerTeam := map[uuid.UUID]int{}
	shared := 0
	for _, u := range users {
		switch u.Role {
		case actor.RoleLeader:
			if len(u.Teams) != 1 {
				t.Errorf("leader %s in %d teams, want 1", u.Email, len(u.Teams))
			}
			for _, tm := range u.Teams {
				leadersPerTeam[tm.ID]++
			}
		case actor.RoleCaseworker:
			if len(u.Teams) > 1 {
				shared++
			}
		}
	}
	if len(leadersPerTeam) != 3 {
		t.Errorf("leaders cover %d teams, want 3", len(leadersPerTeam))
	}
	if shared != 1 {
		t.Errorf("%d caseworkers in more than one team, want 1", shared)
	}
}

// caseReader is a leader of every demo team, so it can read every case.
func caseReader(t *testing.T, a *app.App) actor.Actor {
	t.Helper()
	teams, err := a.Identity.ListTeams(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	r := actor.Actor{UserID: allUsers(t, a)["leder.nord@bic.example"].ID, Role: actor.RoleLeader}
	for _, tm := range teams {
		r.TeamIDs = append(r.TeamIDs, tm.ID)
	}
	return r
}

func listAll(t *testing.T, a *app.App, r actor.Actor, f cases.ListFilter) []cases.Summary {
	t.Helper()
	var out []cases.Summary
	f.Limit = 200
	for {
		p, err := a.Cases.List(context.Background(), r, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Items...)
		if f.Cursor = p.NextCursor; f.Cursor == "" {
			return out
		}
	}
}

func checkCases(t *testing.T, a *app.App) {
	ctx := context.Background()
	reader := caseReader(t, a)
	users := map[uuid.UUID]identity.User{}
	for _, u := range allUsers(t, a) {
		users[u.ID] = u
	}
	list := listAll(t, a, reader, cases.ListFilter{})
	if n := len(list); n < 140 || n > 160 {
		t.Fatalf("%d cases, want about 150", n)
	}

	perPhase := map[cases.Phase]int{}
	openPerPhase := map[cases.Phase]int{}
	perTeam := map[uuid.UUID]int{}
	bases, groups := map[string]bool{}, map[string]bool{}
	closed, overdue := 0, 0
	for _, s := range list {
		perPhase[s.Phase]++
		perTeam[s.TeamID]++
		bases[s.LegalBasis], groups[s.TargetGroup] = true, true
		if s.Status == cases.StatusClosed {
			closed++
		} else {
			openPerPhase[s.Phase]++
		}
		if s.Overdue {
			overdue++
		}
		cw, ok := users[s.CaseworkerID]
		if !ok || cw.Role != actor.RoleCaseworker || !slices.ContainsFunc(cw.Teams, func(tm identity.Team) bool { return tm.ID == s.TeamID }) {
			t.Errorf("case %s: caseworker %s is not a caseworker in the case's team", s.ID, cw.Email)
		}
		if day, err := strconv.Atoi(s.MaskedCPR[:2]); err != nil || day < 61 || day > 91 {
			t.Errorf("case %s: masked CPR %s is not a replacement number", s.ID, s.MaskedCPR)
		}
	}
	for _, p := range cases.Phases {
		if perPhase[p] == 0 || openPerPhase[p] == 0 {
			t.Errorf("phase %s: %d cases, %d open; want some of each", p, perPhase[p], openPerPhase[p])
		}
	}
	if len(perTeam) != 3 {
		t.Errorf("cases in %d teams, want 3", len(perTeam))
	}
	if closed < len(list)/20 || closed > len(list)*15/100 {
		t.Errorf("%d of %d cases closed, want about 10%%", closed, len(list))
	}
	if overdue < 5 {
		t.Errorf("%d cases with overdue follow-up, want several", overdue)
	}
	yes := true
	if n := len(listAll(t, a, reader, cases.ListFilter{Overdue: &yes})); n != overdue {
		t.Errorf("overdue filter finds %d cases, summaries mark %d", n, overdue)
	}
	if len(bases) < 4 || len(groups) < 5 {
		t.Errorf("legal bases %v and target groups %v are not varied", bases, groups)
	}
	t.Logf("phases %v, closed %d, overdue %d", perPhase, closed, overdue)

	cprs := map[string]bool{}
	secondIteration := 0
	for _, s := range list {
		raw, err := a.Cases.RevealCPR(ctx, reader, s.ID)
		if err != nil {
			t.Fatalf("reveal CPR: %v", err)
		}
		c, err := cases.ParseCPR(raw)
		if err != nil || !c.Replacement() {
			t.Errorf("case %s: CPR %s-xxxx is not a valid replacement number", s.ID, raw[:6])
			continue
		}
		if bd, _ := c.BirthDate(); bd.Year() < 1940 || bd.Year() > 2005 {
			t.Errorf("case %s: born %d, want an adult born 1940–2005", s.ID, bd.Year())
		}
		if cprs[raw] {
			t.Errorf("CPR %s-xxxx used twice", raw[:6])
		}
		cprs[raw] = true

		v, err := a.Cases.Get(ctx, reader, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		checkContent(t, v.Case)
		if v.PhaseIteration > 1 {
			secondIteration++
		}
	}
	if secondIteration == 0 {
		t.Error("no case has come back from opfølgning for a second iteration")
	}
}

func checkContent(t *testing.T, c cases.Case) {
	t.Helper()
	errorf := func(format string, args ...any) {
		t.Errorf("case %s (%s): %s", c.ID, c.Citizen.Name, fmt.Sprintf(format, args...))
	}
	if n := len(c.Dreams); n < 1 || n > 3 {
		errorf("%d dreams, want 1–3", n)
	}
	if n := len(c.Resources); n < 1 || n > 3 {
		errorf("%d resources, want 1–3", n)
	}
	if n := len(c.Network); n < 1 || n > 4 {
		errorf("%d network persons, want 1–4", n)
	}
	if n := len(c.Expectations); n > 2 {
		errorf("%d expectation rounds, want 0–2", n)
	}
	ca := c.ContactAgreement
	if len(ca.MeetingFormats) == 0 || len(ca.MeetingPlaces) == 0 || len(ca.TimesOfDay) == 0 || len(ca.Media) == 0 ||
		ca.PreferredFrequency == "" || ca.Closeness == "" {
		errorf("contact agreement incomplete: %+v", ca)
	}
	if c.Status == cases.StatusClosed && c.ClosureReason == "" {
		errorf("closed without a reason")
	}
	if len(c.PhaseHistory) == 0 || c.PhaseHistory[len(c.PhaseHistory)-1].To != c.Phase {
		errorf("phase history does not end in %s", c.Phase)
	}
	for i, h := range c.PhaseHistory[1:] {
		if h.From != c.PhaseHistory[i].To || h.Note == "" {
			errorf("phase change %d %s -> %s does not follow on or has no note", i+1, h.From, h.To)
		}
	}
}

func TestEnsureWithoutLoginsFile(t *testing.T) {
	dir := t.TempDir()
	a := open(t, dir, nil)
	first := ensure(t, a, demo.Options{DataDir: dir})
	if err := os.Remove(filepath.Join(dir, demo.LoginsFile)); err != nil {
		t.Fatal(err)
	}
	again := ensure(t, a, demo.Options{DataDir: dir})
	if len(again) != len(first) {
		t.Fatalf("got %d logins, want %d", len(again), len(first))
	}
	for i, l := range again {
		if l.Email != first[i].Email || l.Role != first[i].Role || l.Password != demo.UnknownPassword {
			t.Errorf("login %d = %+v, want %s %s with password %q", i, l, first[i].Role, first[i].Email, demo.UnknownPassword)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, demo.LoginsFile)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a later start wrote a logins file with an unknown password: %v", err)
	}
}

func TestEnsureRefusesBootstrapAdminWithDemoEmail(t *testing.T) {
	dir := t.TempDir()
	a := open(t, dir, func(c *config.Config) {
		c.BootstrapAdminEmail = "admin@bic.example"
		c.BootstrapAdminPassword = "en-lang-nok-adgangskode"
	})
	if _, err := demo.Ensure(context.Background(), a, demo.Options{DataDir: dir}); err == nil {
		t.Fatal("Ensure took a bootstrap admin with the demo admin's email for seeded demo data")
	}
}

func TestEnsureRejectsShortPassword(t *testing.T) {
	dir := t.TempDir()
	a := open(t, dir, nil)
	if _, err := demo.Ensure(context.Background(), a, demo.Options{DataDir: dir, Password: "kort"}); err == nil {
		t.Fatal("Ensure accepted a 4-character password")
	}
	if n, _ := a.Identity.CountUsers(context.Background()); n != 0 {
		t.Errorf("%d users after a refused seed, want 0", n)
	}
}

// TestEnsureIsReproducible seeds two databases and expects the same citizens
// in the same phases: the generator has a fixed seed.
func TestEnsureIsReproducible(t *testing.T) {
	fingerprint := func() []string {
		dir := t.TempDir()
		a := open(t, dir, nil)
		ensure(t, a, demo.Options{DataDir: dir})
		var out []string
		for _, s := range listAll(t, a, caseReader(t, a), cases.ListFilter{}) {
			out = append(out, strings.Join([]string{s.CitizenName, s.MaskedCPR, string(s.Phase), string(s.Status),
				s.LegalBasis, s.TargetGroup, s.CaseworkerName}, "|"))
		}
		slices.Sort(out)
		return out
	}
	a, b := fingerprint(), fingerprint()
	if !slices.Equal(a, b) {
		t.Errorf("two seeds differ:\n%v\n%v", a[:3], b[:3])
	}
}
