package server_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/borgeren-i-centrum/bic/api/internal/testkit"
)

func TestServesTheBuiltApp(t *testing.T) {
	env := testkit.Start(t, "sqlite")
	dir := env.App.Config.StaticDir
	big := strings.Repeat("console.log('borgeren i centrum');\n", 200)
	for name, body := range map[string]string{
		"index.html":                 "<!doctype html><title>BIC</title><div id=root></div>",
		"assets/index-abc123.js":     big,
		"vendor/redoc.standalone.js": "var x;",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	get := func(path string, gz bool) (*http.Response, string) {
		req, _ := http.NewRequest(http.MethodGet, env.Server.URL+path, nil)
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		// A transport that does not decompress on its own, so we see the wire.
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = zr
		}
		b, _ := io.ReadAll(r)
		return resp, string(b)
	}
	tests := []struct {
		name, path   string
		status       int
		contains     string
		cacheControl string
	}{
		{"a client route gets the app", "/sager/123", 200, "<div id=root>", "no-cache"},
		{"the root gets the app", "/", 200, "<div id=root>", "no-cache"},
		{"hashed assets are cached for a year", "/assets/index-abc123.js", 200, "borgeren i centrum", "public, max-age=31536000, immutable"},
		{"a missing file is a 404, not the app", "/favicon.ico", 404, "", ""},
		{"an unknown API path is a problem, not the app", "/api/v1/nope", 404, "problems/not-found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := get(tt.path, false)
			if resp.StatusCode != tt.status || !strings.Contains(body, tt.contains) {
				t.Fatalf("GET %s = %d %q", tt.path, resp.StatusCode, body)
			}
			if tt.cacheControl != "" && resp.Header.Get("Cache-Control") != tt.cacheControl {
				t.Errorf("Cache-Control = %q", resp.Header.Get("Cache-Control"))
			}
		})
	}
	t.Run("assets are gzipped for clients that accept it", func(t *testing.T) {
		resp, body := get("/assets/index-abc123.js", true)
		if resp.Header.Get("Content-Encoding") != "gzip" || body != big {
			t.Fatalf("encoding %q, body intact %v", resp.Header.Get("Content-Encoding"), body == big)
		}
	})
	t.Run("API responses are not compressed", func(t *testing.T) {
		resp, _ := get("/api/v1/me", true)
		if resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("API response compressed: %q", resp.Header.Get("Content-Encoding"))
		}
	})
}
