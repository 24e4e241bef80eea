package bench

import (
	"fmt"
	"time"
)

// GeneratorVersion changes whenever the generated data changes shape or
// content, so that a database made by an older generator is made again
// rather than reused.
const GeneratorVersion = 1

// Scale is the size of the synthetic municipality and of the load.
type Scale struct {
	Name string
	// Organisation.
	Teams              int
	CaseworkersPerTeam int
	// Rows, as totals over the municipality.
	Cases        int
	Goals        int
	Progress     int
	HeldMeetings int // each gets an ORS and an SRS from the citizen: FIT scores = 2 × this
	// AuditPerCase is how many historical audit events (reads, updates,
	// lists) each case already has, so inserting into the trail costs what
	// it costs in a municipality that has used the system for years.
	AuditPerCase int
	// SQLiteCases is the size of the embedded-database copy (cases, their
	// phase history, teams and users only).
	SQLiteCases int

	// Load.
	Rate        int           // fixed open-loop rate, requests per second
	LowRate     int           // the second, lower fixed rate for case update
	Duration    time.Duration // of each open-loop run
	Warmup      time.Duration // open-loop warm-up before the first run on a server
	SatDuration time.Duration // of each closed-loop (saturation) run
	SatWorkers  int           // closed-loop concurrency
	OpenWorkers int           // initial vegeta workers of the open loop
	Pause       time.Duration // between runs, for the last one's queues to drain
}

// FitScores is the number of FIT scores.
func (s Scale) FitScores() int { return 2 * s.HeldMeetings }

var scales = map[string]Scale{
	"full": {
		Name: "full", Teams: 20, CaseworkersPerTeam: 12,
		Cases: 100_000, Goals: 400_000, Progress: 2_000_000, HeldMeetings: 500_000, AuditPerCase: 10,
		SQLiteCases: 100_000,
		Rate:        1000, LowRate: 200, Duration: 30 * time.Second, Warmup: 5 * time.Second,
		SatDuration: 12 * time.Second, SatWorkers: 50, OpenWorkers: 50, Pause: 3 * time.Second,
	},
	"small": {
		Name: "small", Teams: 20, CaseworkersPerTeam: 3,
		Cases: 1_000, Goals: 4_000, Progress: 20_000, HeldMeetings: 5_000, AuditPerCase: 10,
		SQLiteCases: 1_000,
		Rate:        1000, LowRate: 200, Duration: 10 * time.Second, Warmup: 2 * time.Second,
		SatDuration: 5 * time.Second, SatWorkers: 50, OpenWorkers: 50, Pause: time.Second,
	},
	// tiny is the smoke test: every step runs, briefly, in well under a minute.
	"tiny": {
		Name: "tiny", Teams: 3, CaseworkersPerTeam: 2,
		Cases: 300, Goals: 1_200, Progress: 6_000, HeldMeetings: 1_500, AuditPerCase: 2,
		SQLiteCases: 300,
		Rate:        200, LowRate: 50, Duration: time.Second, Warmup: 300 * time.Millisecond,
		SatDuration: time.Second, SatWorkers: 50, OpenWorkers: 50, Pause: 200 * time.Millisecond,
	},
}

// ScaleNamed returns the scale called name (full, small or tiny).
func ScaleNamed(name string) (Scale, error) {
	s, ok := scales[name]
	if !ok {
		return Scale{}, fmt.Errorf("BENCH_SCALE: %q is not one of full, small, tiny", name)
	}
	return s, nil
}
