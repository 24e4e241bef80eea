package server

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/actor"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
)

// requestMeta puts the request id and client address on the context, so
// services can audit even unauthenticated calls such as login.
func requestMeta() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			r := actor.Request{RequestID: httpx.RequestID(c), ClientIP: c.RealIP()}
			c.SetRequest(c.Request().WithContext(actor.WithRequest(c.Request().Context(), r)))
			return next(c)
		}
	}
}

// bodyLimit refuses bodies over limit with a 413 problem. Declared lengths are
// checked at once; chunked bodies are cut off while reading (BindJSON turns
// that into the same 413).
func bodyLimit(limit int64) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > limit {
				return errs.New(errs.TooLarge, "The request body is larger than the allowed size.")
			}
			req.Body = http.MaxBytesReader(c.Response(), req.Body, limit)
			return next(c)
		}
	}
}

// securityHeaders sets headers that make the browser refuse framing, MIME
// sniffing and loading from other origins.
func securityHeaders() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Referrer-Policy", "no-referrer")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Cross-Origin-Resource-Policy", "same-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			if strings.HasPrefix(c.Request().URL.Path, "/api/docs") {
				// The reference page runs the Redoc bundle, which needs inline
				// styles and workers from blob: URLs.
				h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; font-src 'self' data:; frame-ancestors 'none'")
			} else {
				h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
			}
			return next(c)
		}
	}
}

// accessLog writes one JSON line per request. It logs the route template, not
// the raw URL, so query strings (which may hold a citizen's name) and tokens
// never reach the log.
func accessLog(log *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			err := next(c)
			if err != nil {
				c.Error(err)
			}
			route := c.Path()
			if route == "" || route == "/*" {
				route = "static"
			}
			log.Info("request",
				"request_id", httpx.RequestID(c),
				"method", c.Request().Method,
				"route", route,
				"status", c.Response().Status,
				"bytes", c.Response().Size,
				"duration_ms", float64(time.Since(start).Microseconds())/1000,
				"client_ip", c.RealIP(),
			)
			return nil
		}
	}
}
