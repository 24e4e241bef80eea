package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

var update = flag.Bool("update", false, "rewrite testdata/openapi.golden.yaml")

func fixture(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/swagger.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGolden runs the command end to end, twice, and compares with the
// golden file: the output must be byte-for-byte stable.
func TestGolden(t *testing.T) {
	dir := t.TempDir()
	var outs [2][]byte
	for i := range outs {
		out := filepath.Join(dir, "openapi.yaml")
		if err := run([]string{"-in", "testdata/swagger.json", "-out", out}, io.Discard); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = b
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("two runs gave different output")
	}
	golden := "testdata/openapi.golden.yaml"
	if *update {
		if err := os.WriteFile(golden, outs[0], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(outs[0], want) {
		t.Errorf("output differs from %s (go test ./api/tools/openapigen -update to accept):\n%s", golden, outs[0])
	}
	// The YAML must load back as a valid document.
	doc, err := openapi3.NewLoader().LoadFromData(outs[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(t.Context()); err != nil {
		t.Fatal(err)
	}
}

func TestTransform(t *testing.T) {
	doc, rep, err := convert(fixture(t), Options{})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("bearer auth", func(t *testing.T) {
		if len(doc.Components.SecuritySchemes) != 1 {
			t.Fatalf("schemes = %v, want BearerAuth only", keys(doc.Components.SecuritySchemes))
		}
		s := doc.Components.SecuritySchemes["BearerAuth"].Value
		if s.Type != "http" || s.Scheme != "bearer" || s.BearerFormat != "JWT" || !strings.Contains(s.Description, "RFC8725") {
			t.Errorf("BearerAuth = %+v", s)
		}
		sec := *doc.Paths.Value("/cases").Get.Security
		if len(sec) != 1 || sec[0]["BearerAuth"] == nil || len(sec[0]) != 1 {
			t.Errorf("GET /cases security = %v, want [{BearerAuth: []}]", sec)
		}
		if doc.Paths.Value("/auth/login").Post.Security != nil {
			t.Error("login gained a security requirement")
		}
	})

	t.Run("servers", func(t *testing.T) {
		if len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" || doc.Servers[0].Extensions["x-internal"] != false {
			t.Errorf("servers = %+v", doc.Servers)
		}
		if doc.Paths.Value("/cases") == nil {
			t.Error("paths must stay relative to the server URL: /cases missing")
		}
	})

	t.Run("problem responses", func(t *testing.T) {
		for _, op := range operations(doc) {
			for code, r := range op.Responses.Map() {
				if !isError(code) {
					continue
				}
				c := r.Value.Content
				if len(c) != 1 || c[problemMedia] == nil || c[problemMedia].Schema.Ref != problemRef {
					t.Errorf("%s %s content = %v, want problem+json Problem", op, code, mediaTypes(c))
				}
			}
		}
		// swag's 401 without a schema also becomes a Problem.
		if c := doc.Paths.Value("/auth/login").Post.Responses.Value("401").Value.Content; c[problemMedia] == nil {
			t.Error("login 401 has no problem body")
		}
	})

	t.Run("standard responses", func(t *testing.T) {
		want := []string{
			"GET /cases: 401", "GET /cases: 403", "GET /cases: 429", "GET /cases: 500",
			"POST /auth/login: 429", "POST /auth/login: 500", // public: no 401 or 403 added
			"POST /cases: 401", "POST /cases: 403", "POST /cases: 500", // 429 was annotated
		}
		got := append([]string(nil), rep.AddedResponses...)
		if strings.Join(sorted(got), "\n") != strings.Join(sorted(want), "\n") {
			t.Errorf("added = %q, want %q", got, want)
		}
		if d := *doc.Paths.Value("/cases").Post.Responses.Value("429").Value.Description; d != "Slow down" {
			t.Errorf("annotated 429 description replaced: %q", d)
		}
	})

	t.Run("headers", func(t *testing.T) {
		for _, op := range operations(doc) {
			for code, r := range op.Responses.Map() {
				h := r.Value.Headers
				rate := code[0] == '2' || code[0] == '4'
				for _, name := range []string{hdrLimit, hdrRemaining, hdrReset} {
					if (h[name] != nil) != rate {
						t.Errorf("%s %s: has %s = %v, want %v", op, code, name, h[name] != nil, rate)
					}
				}
				if (h[hdrRetryAfter] != nil) != (code == "429") {
					t.Errorf("%s %s: Retry-After present = %v", op, code, h[hdrRetryAfter] != nil)
				}
			}
		}
		etag := doc.Paths.Value("/cases").Post.Responses.Value("201").Value.Headers[hdrETag].Value
		if etag.Description != "Version" || etag.Schema.Value.MaxLength == nil || etag.Schema.Value.Pattern == "" {
			t.Errorf("201 ETag = %+v, want the annotated description with a bounded schema", etag)
		}
		ra := doc.Components.Headers[hdrRetryAfter].Value.Schema.Value
		if !ra.Type.Is("integer") || ra.Format != "int32" || ra.Min == nil || ra.Max == nil {
			t.Errorf("Retry-After schema = %+v", ra)
		}
	})

	t.Run("request bodies", func(t *testing.T) {
		c := doc.Paths.Value("/cases").Post.RequestBody.Value.Content
		if len(c) != 1 || c[jsonMedia] == nil {
			t.Errorf("request body media types = %v, want application/json only", mediaTypes(c))
		}
	})

	t.Run("a form body is kept beside JSON (OAuth token endpoint)", func(t *testing.T) {
		var m map[string]any
		if err := json.Unmarshal(fixture(t), &m); err != nil {
			t.Fatal(err)
		}
		op := m["paths"].(map[string]any)["/auth/login"].(map[string]any)["post"].(map[string]any)
		op["consumes"] = []any{"application/x-www-form-urlencoded", "application/json", "text/plain"}
		b, _ := json.Marshal(m)
		d, _, err := convert(b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		c := d.Paths.Value("/auth/login").Post.RequestBody.Value.Content
		if got := mediaTypes(c); strings.Join(got, " ") != "application/json application/x-www-form-urlencoded" {
			t.Errorf("request body media types = %v, want JSON and form", got)
		}
	})

	t.Run("schema fills", func(t *testing.T) {
		params := doc.Paths.Value("/cases").Get.Parameters
		if f := params.GetByInAndName("query", "limit").Schema.Value.Format; f != "int32" {
			t.Errorf("bounded limit format = %q, want int32", f)
		}
		if f := params.GetByInAndName("query", "offset").Schema.Value.Format; f != "int64" {
			t.Errorf("unbounded offset format = %q, want int64", f)
		}
		props := doc.Components.Schemas["Case"].Value.Properties
		for name, want := range map[string]uint64{"id": 36, "created_at": 64, "title": 200} {
			if m := props[name].Value.MaxLength; m == nil || *m != want {
				t.Errorf("Case.%s maxLength = %v, want %d", name, m, want)
			}
		}
		if props["status"].Value.MaxLength != nil {
			t.Error("enum got a maxLength")
		}
		if f := props["version"].Value.Format; f != "int32" {
			t.Errorf("Case.version format = %q", f)
		}
	})
}

func TestRejects(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		edit       func(m map[string]any)
	}{
		{"non-problem error body", "must use {object} Problem", func(m map[string]any) {
			resp(m, "/cases", "get", "400")["schema"] = map[string]any{"$ref": "#/definitions/Case"}
		}},
		{"router path repeats basePath", "relative to @BasePath", func(m map[string]any) {
			paths := m["paths"].(map[string]any)
			paths["/api/v1/cases"] = paths["/cases"]
			delete(paths, "/cases")
		}},
		{"no Problem schema", "components.schemas.Problem is missing", func(m map[string]any) {
			delete(m["definitions"].(map[string]any), "Problem")
			for _, code := range []string{"400"} {
				delete(resp(m, "/cases", "get", code), "schema")
			}
			delete(resp(m, "/cases", "post", "422"), "schema")
			delete(resp(m, "/cases", "post", "429"), "schema")
		}},
		{"form body", "request body is not JSON", func(m map[string]any) {
			op := m["paths"].(map[string]any)["/auth/login"].(map[string]any)["post"].(map[string]any)
			op["consumes"] = []any{"application/x-www-form-urlencoded"}
			op["parameters"] = []any{map[string]any{"name": "user", "in": "formData", "type": "string", "maxLength": 10}}
		}},
		{"not swagger 2.0", "not Swagger 2.0", func(m map[string]any) { m["swagger"] = "3.0" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(fixture(t), &m); err != nil {
				t.Fatal(err)
			}
			tc.edit(m)
			b, _ := json.Marshal(m)
			_, _, err := convert(b, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func resp(m map[string]any, path, method, code string) map[string]any {
	op := m["paths"].(map[string]any)[path].(map[string]any)[method].(map[string]any)
	return op["responses"].(map[string]any)[code].(map[string]any)
}

func keys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
