package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/borgeren-i-centrum/bic/api/internal/app"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
)

// servePprof is `bic serve` with net/http/pprof mounted at /debug/pprof/:
// the same app, handler and server settings, for BENCH_PPROF=true runs. It
// exists only in the bench binary; the server never serves pprof.
func servePprof(ctx context.Context, getenv func(string) (string, bool), stdout, stderr io.Writer) error {
	cfg, err := config.Load(getenv)
	if err != nil {
		return fmt.Errorf("configuration:\n%w", err)
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
	a, err := app.Open(ctx, cfg, log, app.Options{})
	if err != nil {
		return err
	}
	defer a.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.Handle("/", a.Handler())
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 120 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10}
	fmt.Fprintf(stdout, "Borgeren i centrum (bench build with pprof) is running at http://%s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// profileRun records a CPU profile of the server for d into the output
// directory, when the server has pprof (BENCH_PPROF=true).
func (e *Env) profileRun(ctx context.Context, srv *process, name string, d time.Duration) {
	if !e.Pprof {
		return
	}
	go func() {
		secs := max(1, int(d.Seconds()))
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", srv.URL, secs), nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			e.logf("pprof %s: %v", name, err)
			return
		}
		defer resp.Body.Close()
		dir := filepath.Join(e.OutDir, "profiles")
		_ = os.MkdirAll(dir, 0o700)
		file := filepath.Join(dir, strings.NewReplacer(" ", "-", ",", "", "/", "per").Replace(name)+".pprof")
		f, err := os.Create(file)
		if err != nil {
			return
		}
		_, _ = io.Copy(f, resp.Body)
		_ = f.Close()
	}()
}
