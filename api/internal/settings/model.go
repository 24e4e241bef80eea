// Package settings holds the municipality-wide settings that change how the
// product behaves for everyone, such as whether the principle checklist of a
// phase must be complete before a case moves on. Everyone on the staff may
// read them; only administrators change them.
package settings

import (
	"time"

	"github.com/google/uuid"
)

// GateMode is how the phase gate treats core principles still open in the
// checklist of the phase a case is leaving.
type GateMode string

const (
	// GateWarn lets the move happen and says which core principles were open.
	// It is the default: the pilots asked for no extra steps.
	GateWarn GateMode = "warn"
	// GateRequire refuses the move until every core principle is answered.
	GateRequire GateMode = "require"
)

// GateModes lists the valid modes.
var GateModes = []string{string(GateWarn), string(GateRequire)}

// Settings are the current settings.
type Settings struct {
	PhaseGate     GateMode
	Version       int
	UpdatedAt     *time.Time
	UpdatedBy     *uuid.UUID
	UpdatedByName string
}

// Change is a partial update; nil fields stay as they are.
type Change struct {
	PhaseGate *string
}
