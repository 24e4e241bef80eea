package server

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/borgeren-i-centrum/bic/api/internal/audit"
	"github.com/borgeren-i-centrum/bic/api/internal/cases"
	"github.com/borgeren-i-centrum/bic/api/internal/checklists"
	"github.com/borgeren-i-centrum/bic/api/internal/exports"
	"github.com/borgeren-i-centrum/bic/api/internal/feedback"
	"github.com/borgeren-i-centrum/bic/api/internal/goals"
	"github.com/borgeren-i-centrum/bic/api/internal/identity"
	"github.com/borgeren-i-centrum/bic/api/internal/meetings"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
	"github.com/borgeren-i-centrum/bic/api/internal/platform/httpx"
	"github.com/borgeren-i-centrum/bic/api/internal/settings"
)

// Options are the parts the server is built from.
type Options struct {
	Log        *slog.Logger
	BodyLimit  int64
	TrustProxy bool
	StaticDir  string
	OpenAPI    []byte
	Ready      func(ctx context.Context) error
	Limiter    *RateLimiter
	Identity   *identity.Handler
	Cases      *cases.Handler
	Goals      *goals.Handler
	Checklists *checklists.Handler
	Settings   *settings.Handler
	Meetings   *meetings.Handler
	Feedback   *feedback.Handler
	Audit      *audit.Handler
	Exports    *exports.Handler
}

// New builds the Echo instance with every route.
func New(o Options) *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = httpx.ErrorHandler(o.Log)
	if o.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	} else {
		e.IPExtractor = echo.ExtractIPDirect()
	}

	e.Use(middleware.RequestIDWithConfig(middleware.RequestIDConfig{
		// A caller's id is kept only if it is short and plain, so that it can
		// go into logs and problem documents unescaped.
		Generator:        func() string { return newRequestID() },
		RequestIDHandler: func(c echo.Context, id string) {},
	}))
	e.Use(sanitiseRequestID())
	e.Use(accessLog(o.Log))
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		DisableStackAll: true,
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			o.Log.Error("panic", "request_id", httpx.RequestID(c), "error", err.Error(), "stack", string(stack))
			return errs.Wrap(err, errs.Internal, "")
		},
	}))
	e.Use(securityHeaders())
	e.Use(requestMeta())
	e.Use(bodyLimit(o.BodyLimit))

	e.GET("/healthz", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
	})
	e.GET("/readyz", func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), 3*time.Second)
		defer cancel()
		if err := o.Ready(ctx); err != nil {
			o.Log.Warn("not ready", "error", err.Error())
			return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		}
		return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
	})
	e.GET("/api/openapi.yaml", func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "no-cache")
		return c.Blob(http.StatusOK, "application/yaml", o.OpenAPI)
	})
	e.GET("/api/docs", func(c echo.Context) error { return c.HTML(http.StatusOK, docsPage) })
	e.GET("/api/docs/redoc.standalone.js", func(c echo.Context) error {
		f := filepath.Join(o.StaticDir, "vendor", "redoc.standalone.js")
		if _, err := os.Stat(f); err != nil {
			return errs.New(errs.NotFound, "The API reference viewer is not built; read /api/openapi.yaml instead.")
		}
		return c.File(f)
	})

	e.GET("/api/docs/init.js", func(c echo.Context) error {
		c.Response().Header().Set(echo.HeaderContentType, "text/javascript; charset=utf-8")
		return c.String(http.StatusOK, docsInit)
	})

	v1 := e.Group("/api/v1")
	if o.Limiter != nil {
		v1.Use(o.Limiter.Middleware())
	}
	o.Identity.RegisterPublic(v1)
	o.Feedback.RegisterPublic(v1)
	authed := v1.Group("", o.Identity.RequireAuth(RouteScope))
	o.Identity.Register(authed)
	o.Cases.Register(authed)
	o.Goals.Register(authed)
	o.Checklists.Register(authed)
	o.Settings.Register(authed)
	o.Meetings.Register(authed)
	o.Feedback.Register(authed)
	o.Audit.Register(authed)
	o.Exports.Register(authed)
	// Group middleware makes Echo add a catch-all "route not found" handler
	// under /api/v1 that runs the group's middleware and wins over Echo's own
	// 405: a wrong method on a known path answered 404, and any unknown path
	// answered 401 to an anonymous caller. Replace it with one that knows the
	// routes, keeping the rate limit.
	var fallbackMW []echo.MiddlewareFunc
	if o.Limiter != nil {
		fallbackMW = append(fallbackMW, o.Limiter.Middleware())
	}
	fallback := unmatchedAPI(e.Routes(), "/api/v1/")
	e.RouteNotFound("/api/v1", fallback, fallbackMW...)
	e.RouteNotFound("/api/v1/*", fallback, fallbackMW...)
	// Unknown /api paths answer a problem, never the app.
	e.Any("/api/*", func(c echo.Context) error { return errs.New(errs.NotFound, "No such API resource.") })
	// The app's JavaScript and the design system's stylesheet are large text;
	// compress them. API responses are left alone: they carry tokens and CPR
	// numbers next to caller-controlled text, the pattern compression
	// side-channel attacks (BREACH) feed on.
	e.GET("/*", spa(o.StaticDir), middleware.GzipWithConfig(middleware.GzipConfig{Level: 6, MinLength: 1024}))
	return e
}

// unmatchedAPI answers a request no route took: 405 with Allow when the path
// exists with other methods, else 404.
func unmatchedAPI(routes []*echo.Route, prefix string) echo.HandlerFunc {
	methods := map[string][]string{} // route path → its methods
	for _, r := range routes {
		if strings.HasPrefix(r.Path, prefix) && r.Method != echo.RouteNotFound && !strings.Contains(r.Path, "*") {
			methods[r.Path] = append(methods[r.Path], r.Method)
		}
	}
	return func(c echo.Context) error {
		var allow []string
		for p, ms := range methods {
			if pathMatches(p, c.Request().URL.Path) {
				allow = append(allow, ms...)
			}
		}
		if len(allow) == 0 {
			return errs.New(errs.NotFound, "No such API resource.")
		}
		sort.Strings(allow)
		c.Response().Header().Set(echo.HeaderAllow, strings.Join(slices.Compact(allow), ", "))
		return echo.ErrMethodNotAllowed
	}
}

// pathMatches reports whether path fits an Echo route path such as
// /api/v1/cases/:id.
func pathMatches(route, path string) bool {
	rs, ps := strings.Split(route, "/"), strings.Split(path, "/")
	if len(rs) != len(ps) {
		return false
	}
	for i, r := range rs {
		if strings.HasPrefix(r, ":") {
			if ps[i] == "" {
				return false
			}
		} else if r != ps[i] {
			return false
		}
	}
	return true
}

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Borgeren i centrum API reference</title></head>
<body><noscript>The reference needs JavaScript. The contract itself is at <a href="/api/openapi.yaml">/api/openapi.yaml</a>.</noscript>
<div id="redoc"><p>Loading the reference… If nothing appears, read <a href="/api/openapi.yaml">/api/openapi.yaml</a>.</p></div>
<script type="module" src="/api/docs/init.js"></script>
</body></html>`

// The Redoc bundle shipped inside @redocly/cli is an ES module exporting init.
const docsInit = `import { init } from '/api/docs/redoc.standalone.js';
init('/api/openapi.yaml', {}, document.getElementById('redoc'));
`
