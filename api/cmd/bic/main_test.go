package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/borgeren-i-centrum/bic/api/internal/apiclient"
	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

// startProgram runs the whole program (config from the environment map,
// database, migrations, HTTP server) on port 0 and returns its base URL.
func startProgram(t *testing.T, env map[string]string) (url string, stop func() error) {
	t.Helper()
	env["BIC_ADDR"] = "127.0.0.1:0"
	if _, ok := env["BIC_DATA_DIR"]; !ok {
		env["BIC_DATA_DIR"] = t.TempDir()
	}
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(ctx, []string{"serve"}, getenv, outW, io.Discard)
		_ = outW.CloseWithError(io.EOF)
		done <- err
	}()
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(outR)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	timeout := time.After(30 * time.Second)
	for url == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				cancel()
				t.Fatalf("program exited before listening: %v", <-done)
			}
			if i := strings.Index(l, "running at "); i >= 0 {
				url = strings.TrimSpace(l[i+len("running at "):])
			}
		case <-timeout:
			cancel()
			t.Fatal("program did not start within 30 s")
		}
	}
	go func() {
		for range lines { // keep draining so the program never blocks on stdout
		}
	}()
	var stopped bool
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { _ = stop() })
	return url, stop
}

func key() string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(i*7 + 3)
	}
	return base64.StdEncoding.EncodeToString(b)
}

// The generated Go client (oapi-codegen, from openapi.yaml) drives the real
// program: what third parties generate from our contract works.
func TestGeneratedClientAgainstRunningServer(t *testing.T) {
	url, stop := startProgram(t, map[string]string{
		"BIC_DATABASE_URL":             testkit.NewPostgresDB(t),
		"BIC_JWT_SECRET":               key(),
		"BIC_ENCRYPTION_KEY":           key(),
		"BIC_BOOTSTRAP_ADMIN_EMAIL":    "admin@kommune.example",
		"BIC_BOOTSTRAP_ADMIN_PASSWORD": "a-long-bootstrap-password",
	})
	ctx := context.Background()
	anon, err := apiclient.NewClientWithResponses(url + "/api/v1")
	if err != nil {
		t.Fatal(err)
	}
	tok, err := anon.LoginWithResponse(ctx, apiclient.LoginJSONRequestBody{Email: "admin@kommune.example", Password: "a-long-bootstrap-password"})
	if err != nil || tok.JSON200 == nil {
		t.Fatalf("login: %v %s", err, tok.Body)
	}
	bearer := apiclient.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer "+tok.JSON200.AccessToken)
		return nil
	})
	admin, err := apiclient.NewClientWithResponses(url+"/api/v1", bearer)
	if err != nil {
		t.Fatal(err)
	}
	team, err := admin.CreateTeamWithResponse(ctx, apiclient.CreateTeamJSONRequestBody{Name: "Team Vest"})
	if err != nil || team.JSON201 == nil {
		t.Fatalf("create team: %v %d %s", err, team.StatusCode(), team.Body)
	}
	user, err := admin.CreateUserWithResponse(ctx, apiclient.CreateUserJSONRequestBody{
		Email: "rg@kommune.example", Name: "Rikke Gram", Role: "caseworker",
		TeamIds: []openapi_types.UUID{team.JSON201.Id}, Password: "another-long-password"})
	if err != nil || user.JSON201 == nil {
		t.Fatalf("create user: %v %d %s", err, user.StatusCode(), user.Body)
	}
	me, err := admin.GetMeWithResponse(ctx)
	if err != nil || me.JSON200 == nil || me.JSON200.Role != "admin" {
		t.Fatalf("me: %v %s", err, me.Body)
	}
	// An admin sees no case content; the typed client exposes the problem.
	cases, err := admin.ListCasesWithResponse(ctx, &apiclient.ListCasesParams{})
	if err != nil || cases.ApplicationproblemJSON403 == nil {
		t.Fatalf("admin listing cases: %v %d %s", err, cases.StatusCode(), cases.Body)
	}

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/api/openapi.yaml": 200, "/api/docs": 200} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, resp.StatusCode, want)
		}
	}
	if err := stop(); err != nil {
		t.Fatalf("graceful shutdown: %v", err)
	}
}

// With no database configured the program runs on an embedded SQLite file and
// generates its keys once into the data directory.
func TestEmbeddedDefaultStartsAnywhere(t *testing.T) {
	dir := t.TempDir()
	url, stop := startProgram(t, map[string]string{"BIC_DATA_DIR": dir})
	resp, err := http.Get(url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("readyz = %d", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"bic.sqlite", "keys/jwt.key", "keys/encryption.key"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestMigrateCommand(t *testing.T) {
	env := map[string]string{"BIC_DATABASE_URL": testkit.NewPostgresDB(t), "BIC_JWT_SECRET": key(), "BIC_ENCRYPTION_KEY": key()}
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	var out strings.Builder
	if err := run(context.Background(), []string{"migrate"}, getenv, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "applied migrations") {
		t.Errorf("first run: %q", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"migrate"}, getenv, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "up to date") {
		t.Errorf("second run: %q", out.String())
	}
}

func TestBadConfigurationNamesTheVariable(t *testing.T) {
	getenv := func(k string) (string, bool) {
		if k == "BIC_ACCESS_TOKEN_TTL" {
			return "2h", true
		}
		return "", false
	}
	err := run(context.Background(), []string{"serve"}, getenv, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "BIC_ACCESS_TOKEN_TTL") {
		t.Fatalf("err = %v", err)
	}
}
