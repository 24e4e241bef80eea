// Package clock lets services read the time through an injected value so tests
// can pin it.
package clock

import (
	"sync"
	"time"
)

// Clock returns the current time.
type Clock interface{ Now() time.Time }

// System is the real wall clock in UTC.
type System struct{}

// Now returns time.Now in UTC.
func (System) Now() time.Time { return time.Now().UTC() }

// Fixed always returns T; tests advance it by assigning T.
type Fixed struct{ T time.Time }

// Now returns f.T.
func (f *Fixed) Now() time.Time { return f.T }

// Offset is the wall clock moved by a settable offset: time passes normally,
// and tests can jump ahead (token expiry, lockout windows) with Advance.
type Offset struct {
	mu sync.Mutex
	d  time.Duration
}

// Now returns the shifted time in UTC.
func (o *Offset) Now() time.Time {
	o.mu.Lock()
	defer o.mu.Unlock()
	return time.Now().UTC().Add(o.d)
}

// Advance moves the clock forward by d.
func (o *Offset) Advance(d time.Duration) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.d += d
}
