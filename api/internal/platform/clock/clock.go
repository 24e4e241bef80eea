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

// Zoned is a clock that also knows the municipality's time zone, so that
// "today" is the date people see on their wall clocks: between midnight and
// 01:00/02:00 in Denmark the UTC date is still yesterday.
type Zoned struct {
	Clock
	Loc *time.Location
}

// Location is the zone dates are read in.
func (z Zoned) Location() *time.Location { return z.Loc }

// LocationOf is the zone dates are read in: c's when it has one, else UTC.
func LocationOf(c Clock) *time.Location {
	if z, ok := c.(interface{ Location() *time.Location }); ok && z.Location() != nil {
		return z.Location()
	}
	return time.UTC
}

// TodayOf is the calendar date of c's now, in c's zone when it has one (UTC
// otherwise), as midnight UTC of that date: the form dates are stored in.
func TodayOf(c Clock) time.Time {
	y, m, d := c.Now().In(LocationOf(c)).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Days is the span of instants [start, end) that covers the calendar dates
// from to to, both included, as c's zone sees them: a period a user picks.
func Days(c Clock, from, to time.Time) (start, end time.Time) {
	loc := LocationOf(c)
	start = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc).UTC()
	end = time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc).UTC()
	return start, end
}

// LastDays is the period of n calendar dates that ends today.
func LastDays(c Clock, n int) (from, to time.Time) {
	to = TodayOf(c)
	return to.AddDate(0, 0, 1-n), to
}
