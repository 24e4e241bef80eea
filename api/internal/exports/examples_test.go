package exports_test

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// The analyst guide's scripts, run as an analyst would run them, against a
// real server on the embedded database that `make run` uses.

func (m *municipality) personalToken(t *testing.T) string {
	t.Helper()
	r := m.env.Do(http.MethodPost, "/api/v1/me/tokens", m.analyst.Token, map[string]any{"name": "Natligt udtræk", "scopes": []string{"exports:read"}})
	testkit.WantStatus(t, r, http.StatusCreated)
	return testkit.Str(r.JSON, "token")
}

// serviceAccount creates an account with the scopes over every team and
// returns a client id and secret.
func (m *municipality) serviceAccount(t *testing.T, scopes ...string) (string, string) {
	t.Helper()
	r := m.env.Do(http.MethodPost, "/api/v1/service-accounts", m.boss.Token, map[string]any{"name": "Datavarehus " + strings.Join(scopes, " "), "scopes": scopes, "all_teams": true})
	testkit.WantStatus(t, r, http.StatusCreated)
	r = m.env.Do(http.MethodPost, "/api/v1/service-accounts/"+testkit.Str(r.JSON, "id")+"/credentials", m.boss.Token, map[string]any{"label": "test"})
	testkit.WantStatus(t, r, http.StatusCreated)
	return testkit.Str(r.JSON, "client_id"), testkit.Str(r.JSON, "client_secret")
}

func runScript(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	root, err := testkit.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = filepath.Join(root, "docs", "examples")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func csvRows(t *testing.T, dir string) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "goal_progress*.csv"))
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += len(read(t, "csv", b, mustLookup("goal_progress"), false).rows)
	}
	return n
}

func checkGuideScripts(t *testing.T, m *municipality) {
	sqlDB, err := m.env.App.DB.SQL()
	if err != nil {
		t.Fatal(err)
	}
	w := progressWriter{m: m, db: sqlDB, goal: m.ids(t, "SELECT id FROM goals LIMIT 1")[0], dialect: "sqlite"}
	total := len(m.ids(t, "SELECT id FROM goal_progress"))

	t.Run("curl with a personal token", func(t *testing.T) {
		dir := t.TempDir()
		env := []string{"BIC_URL=" + m.env.Server.URL, "BIC_TOKEN=" + m.personalToken(t), "BIC_OUT=" + dir}
		runScript(t, env, "bash", "pull-incremental.sh", "goal_progress")
		if n := csvRows(t, dir); n != total {
			t.Fatalf("the first pull got %d rows, the table has %d", n, total)
		}
		if wm, err := os.ReadFile(filepath.Join(dir, "goal_progress.watermark")); err != nil || !strings.HasPrefix(string(wm), "w1.") {
			t.Fatalf("watermark file: %q %v", wm, err)
		}
		if _, err := w.insert(context.Background(), sqlDB); err != nil {
			t.Fatal(err)
		}
		runScript(t, env, "bash", "pull-incremental.sh", "goal_progress")
		if n := csvRows(t, dir); n != total+1 {
			t.Fatalf("after one new row, two pulls hold %d rows, want %d", n, total+1)
		}
		total++
	})

	t.Run("Python and pandas with client credentials", func(t *testing.T) {
		dir := t.TempDir()
		id, secret := m.serviceAccount(t, "exports:read")
		env := []string{"BIC_URL=" + m.env.Server.URL, "BIC_CLIENT_ID=" + id, "BIC_CLIENT_SECRET=" + secret, "BIC_OUT=" + dir}
		// Debian's python3 has pandas (python3-pandas); .ci/run installs it.
		out := runScript(t, env, "/usr/bin/python3", "pull_incremental.py", "goal_progress")
		if !strings.HasPrefix(out, strconv.Itoa(total)+" rows") {
			t.Fatalf("first pull: %s (the table has %d rows)", out, total)
		}
		if _, err := w.insert(context.Background(), sqlDB); err != nil {
			t.Fatal(err)
		}
		if out := runScript(t, env, "/usr/bin/python3", "pull_incremental.py", "goal_progress"); !strings.HasPrefix(out, "1 rows") {
			t.Fatalf("second pull: %s, want the one new row", out)
		}
		if out := runScript(t, env, "/usr/bin/python3", "pull_incremental.py", "goal_progress"); !strings.HasPrefix(out, "0 rows") {
			t.Fatalf("third pull: %s, want nothing", out)
		}
	})
}
