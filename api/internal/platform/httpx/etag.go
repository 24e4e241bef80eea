package httpx

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// ETag formats a resource version as a strong entity tag.
func ETag(version int) string { return fmt.Sprintf(`"%d"`, version) }

// SetETag sets the ETag response header.
func SetETag(c echo.Context, version int) { c.Response().Header().Set("ETag", ETag(version)) }

// IfMatch reads the If-Match header as the version the client last saw. A
// missing header is 428: a client must prove which version it edits, so that
// two users editing at once never silently overwrite each other.
func IfMatch(c echo.Context) (int, error) {
	h := strings.TrimSpace(c.Request().Header.Get("If-Match"))
	if h == "" {
		return 0, errs.New(errs.PreconditionRequired,
			"Send the If-Match header with the ETag you received, so that no one else's changes are overwritten.")
	}
	h = strings.TrimPrefix(h, "W/")
	v, err := strconv.Atoi(strings.Trim(h, `"`))
	if err != nil || v < 1 {
		return 0, errs.New(errs.PreconditionFailed, "The If-Match header does not match any version of this resource.")
	}
	return v, nil
}

// Stale builds the 412 error for a version mismatch.
func Stale(current int) error {
	e := errs.New(errs.PreconditionFailed,
		"Someone else has changed this since you opened it. Reload to see their changes, then apply yours again.")
	e.Extra = map[string]any{"current_etag": ETag(current)}
	return e
}

// NoContent answers 204.
func NoContent(c echo.Context) error { return c.NoContent(http.StatusNoContent) }
