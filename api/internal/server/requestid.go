package server

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/labstack/echo/v4"
)

func newRequestID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand never fails on supported platforms
	return hex.EncodeToString(b)
}

// sanitiseRequestID replaces a caller-supplied X-Request-Id that is long or
// has characters outside [A-Za-z0-9-_.], so ids are safe in logs and bodies.
func sanitiseRequestID() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			id := c.Response().Header().Get(echo.HeaderXRequestID)
			if !plainID(id) {
				id = newRequestID()
				c.Response().Header().Set(echo.HeaderXRequestID, id)
				c.Request().Header.Set(echo.HeaderXRequestID, id)
			}
			return next(c)
		}
	}
}

func plainID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		ok := r == '-' || r == '_' || r == '.' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		if !ok {
			return false
		}
	}
	return true
}
