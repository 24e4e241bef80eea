package server

import (
	"math"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// RateLimiter caps requests per client address in fixed one-minute windows
// and tells clients where they stand in RateLimit-* headers on every API
// response. It is a per-replica guard against runaway scripts; with several
// replicas the effective limit is the sum. Login throttling, which must hold
// across replicas, lives in the database (identity).
type RateLimiter struct {
	limit  int
	window time.Duration
	now    func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	sweepAt time.Time
}

type bucket struct {
	start time.Time
	count int
}

// NewRateLimiter allows limit requests per minute per address; 0 switches
// limiting off but keeps the headers.
func NewRateLimiter(limit int) *RateLimiter {
	return &RateLimiter{limit: limit, window: time.Minute, now: time.Now, buckets: map[string]*bucket{}}
}

// Middleware enforces the limit.
func (l *RateLimiter) Middleware() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			remaining, reset, ok := l.take(c.RealIP())
			h := c.Response().Header()
			limit := l.limit
			if limit == 0 {
				limit = math.MaxInt32
			}
			h.Set("RateLimit-Limit", strconv.Itoa(limit))
			h.Set("RateLimit-Remaining", strconv.Itoa(remaining))
			h.Set("RateLimit-Reset", strconv.Itoa(reset))
			if !ok {
				e := errs.New(errs.TooManyRequests, "Too many requests from this address. Wait and try again.")
				e.RetryAfter = reset
				return e
			}
			return next(c)
		}
	}
}

func (l *RateLimiter) take(key string) (remaining, resetSeconds int, ok bool) {
	if l.limit == 0 {
		return math.MaxInt32, int(l.window.Seconds()), true
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.After(l.sweepAt) {
		for k, b := range l.buckets {
			if now.Sub(b.start) >= l.window {
				delete(l.buckets, k)
			}
		}
		l.sweepAt = now.Add(l.window)
	}
	b := l.buckets[key]
	if b == nil || now.Sub(b.start) >= l.window {
		b = &bucket{start: now}
		l.buckets[key] = b
	}
	reset := int(math.Ceil(b.start.Add(l.window).Sub(now).Seconds()))
	if reset < 1 {
		reset = 1
	}
	if b.count >= l.limit {
		return 0, reset, false
	}
	b.count++
	return l.limit - b.count, reset, true
}
