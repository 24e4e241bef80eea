package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// BuildServer builds the server binary as `make build` does, unless
// BENCH_BIC names one.
func (e *Env) BuildServer(ctx context.Context) error {
	if e.BicBin != "" {
		if _, err := os.Stat(e.BicBin); err != nil {
			return fmt.Errorf("BENCH_BIC: %w", err)
		}
		return nil
	}
	e.BicBin = filepath.Join(e.OutDir, "bic")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-o", e.BicBin, "./api/cmd/bic")
	cmd.Dir = e.RepoRoot
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = e.Log, e.Log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build the server: %w", err)
	}
	return nil
}

// process is a server (or the bare pgx server) running as a child process.
type process struct {
	name string
	cmd  *exec.Cmd
	URL  string
	done chan error
	log  *os.File
}

// startProcess runs bin with env, its stderr to a log file in the output
// directory, and waits for the line on stdout that says where it listens.
func (e *Env) startProcess(ctx context.Context, name, bin string, args, env []string, ready string) (*process, error) {
	logPath := filepath.Join(e.OutDir, name+".log")
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stderr = lf
	cmd.Dir = e.OutDir
	out, err := cmd.StdoutPipe()
	if err != nil {
		_ = lf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		_ = lf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, done: make(chan error, 1), log: lf}
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, "http://"); i >= 0 && strings.Contains(line, ready) {
				select {
				case urlc <- strings.Fields(line[i:])[0]:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	go func() { p.done <- cmd.Wait() }()
	select {
	case p.URL = <-urlc:
	case err := <-p.done:
		p.done <- err
		return nil, fmt.Errorf("%s exited before listening (%v); see %s", name, err, logPath)
	case <-time.After(5 * time.Minute):
		p.stop()
		return nil, fmt.Errorf("%s did not start in 5 minutes; see %s", name, logPath)
	case <-ctx.Done():
		p.stop()
		return nil, ctx.Err()
	}
	return p, nil
}

// Pid is the child's process id.
func (p *process) Pid() int { return p.cmd.Process.Pid }

// stop asks the process to shut down and kills it after 20 seconds.
func (p *process) stop() {
	if p == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-p.done:
		p.done <- err
	case <-time.After(20 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
	_ = p.log.Close()
}

// startServer starts bin/bic serve on the given database (a PostgreSQL URL,
// or "" with dataDir for the embedded file) and waits until it is ready.
func (e *Env) startServer(ctx context.Context, name, databaseURL, dataDir string) (*process, error) {
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + os.Getenv("HOME"),
		"BIC_ADDR=127.0.0.1:0",
		"BIC_RATE_LIMIT=0",
		"BIC_JWT_SECRET=" + b64(e.JWTKey),
		"BIC_ENCRYPTION_KEY=" + b64(e.EncryptionKey),
		"BIC_BOOTSTRAP_ADMIN_EMAIL=" + AdminEmail,
		"BIC_BOOTSTRAP_ADMIN_PASSWORD=" + e.Password,
		"BIC_DATA_DIR=" + dataDir,
		"BIC_STATIC_DIR=" + filepath.Join(e.OutDir, "no-static"),
		"BIC_LOG_LEVEL=info",
	}
	if databaseURL != "" {
		env = append(env, "BIC_DATABASE_URL="+databaseURL)
	}
	if v := os.Getenv("GOMAXPROCS"); v != "" {
		env = append(env, "GOMAXPROCS="+v)
	}
	bin, args := e.BicBin, []string{"serve"}
	if e.Pprof {
		self, err := os.Executable()
		if err != nil {
			return nil, err
		}
		bin, args = self, []string{"serve-pprof"}
	}
	p, err := e.startProcess(ctx, name, bin, args, env, "running at")
	if err != nil {
		return nil, err
	}
	if err := waitReady(ctx, p.URL+"/readyz"); err != nil {
		p.stop()
		return nil, err
	}
	return p, nil
}

func waitReady(ctx context.Context, url string) error {
	deadline := time.Now().Add(2 * time.Minute)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after 2 minutes (last: %v)", url, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// login returns an access token for email.
func (e *Env) login(ctx context.Context, base, email string) (string, error) {
	body, _ := json.Marshal(map[string]string{"email": email, "password": e.Password})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/auth/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", fmt.Errorf("log in as %s: %w", email, err)
	}
	defer resp.Body.Close()
	var out struct {
		AccessToken string `json:"access_token"`
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("log in as %s: %s: %s", email, resp.Status, b)
	}
	if err := json.Unmarshal(b, &out); err != nil || out.AccessToken == "" {
		return "", fmt.Errorf("log in as %s: no access token in %s", email, b)
	}
	return out.AccessToken, nil
}

// --- memory ---

// procStatus reads a field of /proc/<pid>/status in bytes.
func procStatus(pid int, field string) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field+":") {
			f := strings.Fields(line[len(field)+1:])
			if len(f) < 1 {
				break
			}
			kb, err := strconv.ParseInt(f[0], 10, 64)
			return kb * 1024, err
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, pid)
}

// rss is the resident set size now.
func rss(pid int) (int64, error) { return procStatus(pid, "VmRSS") }

// resetPeak resets the peak resident set size (VmHWM) to the current size.
func resetPeak(pid int) error {
	err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0)
	if err != nil {
		return fmt.Errorf("reset the peak RSS of %d (needs the same user or root): %w", pid, err)
	}
	return nil
}

// peakRSS is the peak resident set size since the last reset.
func peakRSS(pid int) (int64, error) { return procStatus(pid, "VmHWM") }

var errNoProc = errors.New("/proc is not available")

func haveProc() error {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		return errNoProc
	}
	return nil
}
