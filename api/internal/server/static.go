package server

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/labstack/echo/v4"
)

// spa serves the built single-page app from dir: files as they are, hashed
// assets with a year's cache, and index.html for every other path so that
// client-side routes survive a reload. Paths under /api are never answered
// with the app.
func spa(dir string) echo.HandlerFunc {
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if strings.HasPrefix(p, "/api/") || p == "/api" {
			return echo.ErrNotFound
		}
		clean := path.Clean("/" + p)
		full := filepath.Join(dir, filepath.FromSlash(clean))
		if st, err := os.Stat(full); err == nil && !st.IsDir() {
			if strings.HasPrefix(clean, "/assets/") {
				c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				c.Response().Header().Set("Cache-Control", "no-cache")
			}
			return c.File(full)
		}
		// A missing file (a path with an extension, like /favicon.ico) is a
		// 404, not the app: only client routes fall back to index.html.
		if path.Ext(clean) != "" {
			return echo.ErrNotFound
		}
		index := filepath.Join(dir, "index.html")
		if _, err := os.Stat(index); err != nil {
			return c.HTML(http.StatusOK, noAppPage)
		}
		c.Response().Header().Set("Cache-Control", "no-cache")
		return c.File(index)
	}
}

const noAppPage = `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Borgeren i centrum</title></head>
<body><main><h1>Borgeren i centrum</h1><p>Webappen er ikke bygget. Kør <code>make run</code>, eller brug API'et på
<a href="/api/docs">/api/docs</a>.</p></main></body></html>`
