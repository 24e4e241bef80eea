// Package app is the composition root: it opens the database, applies
// migrations, builds every service and the HTTP server from one Config.
// cmd/bic and the tests both start the program through it.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/apispec"
	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/feedback"
	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/config"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/secrets"
	"github.com/borgeren-i-centrum/bic/api/internal/server"
	"github.com/borgeren-i-centrum/bic/api/internal/settings"
)

// App is a running configuration of BIC.
type App struct {
	Config     config.Config
	DB         *db.DB
	Echo       *echo.Echo
	Clock      clock.Clock
	Audit      *audit.Service
	Identity   *identity.Service
	Cases      *cases.Service
	Goals      *goals.Service
	Checklists *checklists.Service
	Settings   *settings.Service
	Meetings   *meetings.Service
	Feedback   *feedback.Service
	Exports    *exports.Service
}

// Options let tests replace the clock and the login throttle.
type Options struct {
	Clock    clock.Clock
	Throttle *identity.ThrottlePolicy
}

// Open connects to the database, migrates it and builds the app.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger, o Options) (*App, error) {
	if err := cfg.EnsureKeys(); err != nil {
		return nil, fmt.Errorf("keys: %w", err)
	}
	d, err := db.Open(ctx, db.Options{PostgresURL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), Logger: log})
	if err != nil {
		return nil, err
	}
	applied, err := d.Migrate(ctx)
	if err != nil {
		_ = d.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if len(applied) > 0 {
		log.Info("migrations applied", "versions", applied, "dialect", string(d.Dialect))
	}
	a, err := build(cfg, d, log, o)
	if err != nil {
		_ = d.Close()
		return nil, err
	}
	if err := a.Checklists.EnsureBuiltin(ctx); err != nil {
		_ = d.Close()
		return nil, err
	}
	if cfg.BootstrapAdminEmail != "" {
		created, err := a.Identity.Bootstrap(ctx, cfg.BootstrapAdminEmail, cfg.BootstrapAdminPassword)
		if err != nil {
			_ = d.Close()
			return nil, err
		}
		if created {
			log.Info("bootstrap admin created", "email", cfg.BootstrapAdminEmail)
		}
	}
	return a, nil
}

func build(cfg config.Config, d *db.DB, log *slog.Logger, o Options) (*App, error) {
	var clk clock.Clock = clock.System{}
	if o.Clock != nil {
		clk = o.Clock
	}
	clk = clock.Zoned{Clock: clk, Loc: cfg.Location}
	throttle := identity.DefaultThrottle
	if o.Throttle != nil {
		throttle = *o.Throttle
	}
	box, err := secrets.New(cfg.EncryptionKey)
	if err != nil {
		return nil, fmt.Errorf("encryption key: %w", err)
	}
	signer, err := identity.NewSigner(cfg.JWTSecret, cfg.AccessTokenTTL)
	if err != nil {
		return nil, fmt.Errorf("jwt key: %w", err)
	}
	auditSvc := audit.NewService(d, clk)
	idSvc := identity.NewService(d, signer, auditSvc, clk, cfg.RefreshTokenTTL, throttle)
	caseSvc := cases.NewService(d, auditSvc, idSvc, box, clk)
	goalSvc := goals.NewService(d, auditSvc, caseSvc, clk)
	settingsSvc := settings.NewService(d, auditSvc, clk)
	checklistSvc := checklists.NewService(d, auditSvc, caseSvc, goalSvc, settingsSvc, clk)
	caseSvc.SetPhaseGate(checklistSvc)
	meetingSvc := meetings.NewService(d, auditSvc, caseSvc, clk)
	exportSvc := exports.NewService(d, auditSvc, box, clk)
	feedbackSvc := feedback.NewService(d, auditSvc, caseSvc, meetingSvc, clk, feedback.DefaultThresholds, "")
	e := server.New(server.Options{
		Log:        log,
		BodyLimit:  cfg.BodyLimit,
		TrustProxy: cfg.TrustProxy,
		StaticDir:  cfg.StaticDir,
		OpenAPI:    apispec.YAML,
		Limiter:    server.NewRateLimiter(cfg.RateLimit),
		Ready: func(ctx context.Context) error {
			if err := d.Ping(ctx); err != nil {
				return err
			}
			return d.CheckMigrated(ctx)
		},
		Identity:   identity.NewHandler(idSvc),
		Cases:      cases.NewHandler(caseSvc),
		Goals:      goals.NewHandler(goalSvc),
		Checklists: checklists.NewHandler(checklistSvc),
		Settings:   settings.NewHandler(settingsSvc),
		Meetings:   meetings.NewHandler(meetingSvc),
		Feedback:   feedback.NewHandler(feedbackSvc, server.NewRateLimiter(cfg.FeedbackRateLimit).Middleware()),
		Audit:      audit.NewHandler(auditSvc),
		Exports:    exports.NewHandler(exportSvc, log),
	})
	return &App{Config: cfg, DB: d, Echo: e, Clock: clk, Audit: auditSvc, Identity: idSvc, Cases: caseSvc, Goals: goalSvc,
		Checklists: checklistSvc, Settings: settingsSvc, Meetings: meetingSvc, Feedback: feedbackSvc, Exports: exportSvc}, nil
}

// Handler is the HTTP handler of the app.
func (a *App) Handler() http.Handler { return a.Echo }

// Close releases the database.
func (a *App) Close() error {
	if a.DB == nil {
		return nil
	}
	return a.DB.Close()
}
