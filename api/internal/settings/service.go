package settings

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/clock"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/db"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// Auditor records audit events through the caller's transaction.
type Auditor interface {
	Record(ctx context.Context, evs ...audit.Event) error
}

const actUpdate audit.Action = "settings.update"

// Service reads and changes the settings. Error contract: Forbidden when a
// non-administrator changes them, Invalid with field errors for bad values,
// PreconditionFailed for a stale version.
type Service struct {
	db    *db.DB
	st    store
	audit Auditor
	clock clock.Clock
}

// NewService wires the settings service.
func NewService(d *db.DB, a Auditor, c clock.Clock) *Service {
	return &Service{db: d, st: store{db: d}, audit: a, clock: c}
}

func toSettings(r settingsRow) Settings {
	s := Settings{PhaseGate: GateMode(r.PhaseGate), Version: r.Version, UpdatedBy: r.UpdatedBy, UpdatedByName: r.UpdatedByName}
	if r.UpdatedAt != nil {
		t := r.UpdatedAt.UTC()
		s.UpdatedAt = &t
	}
	return s
}

// Get returns the current settings to any member of staff.
func (s *Service) Get(ctx context.Context, _ actor.Actor) (Settings, error) {
	r, err := s.st.get(ctx)
	if err != nil {
		return Settings{}, fmt.Errorf("get settings: %w", err)
	}
	return toSettings(r), nil
}

// PhaseGate is the gate mode in force, read through the transaction in ctx
// so that a phase move and a settings change cannot interleave unseen.
func (s *Service) PhaseGate(ctx context.Context) (GateMode, error) {
	r, err := s.st.get(ctx)
	if err != nil {
		return "", fmt.Errorf("phase gate mode: %w", err)
	}
	return GateMode(r.PhaseGate), nil
}

// Update changes the settings; administrators only.
func (s *Service) Update(ctx context.Context, a actor.Actor, version int, ch Change) (Settings, error) {
	if a.Role != actor.RoleAdmin {
		return Settings{}, errs.New(errs.Forbidden, "Only administrators change the settings.")
	}
	var f errs.Fields
	cols := map[string]any{}
	if ch.PhaseGate != nil {
		ok := false
		for _, m := range GateModes {
			ok = ok || *ch.PhaseGate == m
		}
		if !ok {
			f.Add("phase_gate", "must be one of warn, require")
		}
		cols["phase_gate"] = *ch.PhaseGate
	}
	if err := f.Err(); err != nil {
		return Settings{}, err
	}
	if len(cols) == 0 {
		return Settings{}, errs.New(errs.Invalid, "The request changes nothing; send at least one field.")
	}
	var out Settings
	err := s.db.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.st.get(ctx)
		if err != nil {
			return err
		}
		cols["updated_at"] = s.clock.Now().UTC().Truncate(time.Microsecond)
		cols["updated_by"] = a.UserID
		cols["version"] = gorm.Expr("version + 1")
		ok, err := s.st.update(ctx, version, cols)
		if err != nil {
			return err
		}
		if !ok {
			return httpx.Stale(cur.Version)
		}
		detail := ""
		if ch.PhaseGate != nil {
			detail = "phase_gate: " + cur.PhaseGate + " -> " + *ch.PhaseGate
		}
		if err := s.audit.Record(ctx, audit.Event{Action: actUpdate, Detail: detail}); err != nil {
			return err
		}
		r, err := s.st.get(ctx)
		out = toSettings(r)
		return err
	})
	if err != nil {
		return Settings{}, fmt.Errorf("update settings: %w", err)
	}
	return out, nil
}
