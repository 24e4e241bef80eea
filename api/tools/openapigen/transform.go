package main

import (
	"fmt"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
)

const (
	bearerScheme   = "BearerAuth"
	problemSchema  = "Problem"
	problemRef     = "#/components/schemas/" + problemSchema
	problemMedia   = "application/problem+json"
	jsonMedia      = "application/json"
	formMedia      = "application/x-www-form-urlencoded"
	headerRefBase  = "#/components/headers/"
	hdrLimit       = "RateLimit-Limit"
	hdrRemaining   = "RateLimit-Remaining"
	hdrReset       = "RateLimit-Reset"
	hdrRetryAfter  = "Retry-After"
	hdrETag        = "ETag"
	hdrLocation    = "Location"
	defaultBearerD = "JWT access token, sent as `Authorization: Bearer <token>`. " +
		"Tokens are signed JWS, validated following RFC8725 (JSON Web Token Best Current Practices): " +
		"the signing algorithm is fixed by the server (`alg: none` and algorithm switching are rejected), " +
		"and `exp` is always checked, so access tokens are short-lived."
)

// Options steer the parts of the conversion that swag cannot express.
type Options struct {
	// ServerURL overrides the single server URL; empty means swag's basePath.
	ServerURL string
	// ServerDescription must name the environment (OWASP api9 inventory rule).
	ServerDescription string
	// Internal is the server's x-internal flag (OWASP api9 inventory rule).
	Internal bool
}

// Report lists what the converter added on top of swag's output, by location.
type Report struct {
	IntegerFormats []string // "location: int32|int64"
	StringLimits   []string // "location: maxLength N (format F)"
	AddedResponses []string // "METHOD /path: code"
}

// Transform converts a swag Swagger 2.0 document into the OpenAPI 3.0.3
// document we publish. It never loosens what the annotations say; it only
// fills in what swag v1 cannot express and fails on what looks like a mistake.
func Transform(doc2 *openapi2.T, opts Options) (*openapi3.T, *Report, error) {
	doc, err := openapi2conv.ToV3(doc2)
	if err != nil {
		return nil, nil, fmt.Errorf("convert to OpenAPI 3: %w", err)
	}
	doc.OpenAPI = "3.0.3"
	if doc.Components == nil {
		doc.Components = &openapi3.Components{}
	}
	if doc.Paths == nil {
		doc.Paths = openapi3.NewPaths()
	}
	rep := &Report{}

	if err := setServers(doc, doc2.BasePath, opts); err != nil {
		return nil, nil, err
	}
	setBearerAuth(doc)
	if doc.Components.Schemas[problemSchema] == nil {
		return nil, nil, fmt.Errorf("components.schemas.%s is missing: reference the problem type "+
			"(httpx.Problem, `// @name Problem`) from at least one @Failure annotation", problemSchema)
	}
	setReusableHeaders(doc)
	for _, op := range operations(doc) {
		if err := fixRequestBody(op); err != nil {
			return nil, nil, err
		}
		addStandardResponses(op, rep)
		if err := fixResponses(op); err != nil {
			return nil, nil, err
		}
	}
	fillSchemas(doc, rep)
	return doc, rep, nil
}

// setServers publishes one relative server, the API's base path, so that
// server URL + path is the real URL (/api/v1 + /cases = /api/v1/cases).
func setServers(doc *openapi3.T, basePath string, opts Options) error {
	u := opts.ServerURL
	if u == "" {
		u = basePath
	}
	if u == "" {
		u = "/"
	}
	if strings.HasPrefix(u, "http:") {
		return fmt.Errorf("server URL %q: use https or a relative URL", u)
	}
	if bp := strings.TrimSuffix(basePath, "/"); bp != "" {
		for _, p := range doc.Paths.Keys() {
			if p == bp || strings.HasPrefix(p, bp+"/") {
				return fmt.Errorf("path %q already starts with basePath %q: write @Router paths relative to @BasePath", p, bp)
			}
		}
	}
	desc := opts.ServerDescription
	if desc == "" {
		desc = "Same origin as the BIC web app (local, test and production)."
	}
	doc.Servers = openapi3.Servers{{
		URL:         u,
		Description: desc,
		Extensions:  map[string]any{"x-internal": opts.Internal},
	}}
	return nil
}

// setBearerAuth replaces swag's apiKey stand-in (the Authorization header)
// with a real HTTP bearer scheme and points every requirement at it.
func setBearerAuth(doc *openapi3.T) {
	if doc.Components.SecuritySchemes == nil {
		doc.Components.SecuritySchemes = openapi3.SecuritySchemes{}
	}
	desc := ""
	stand := map[string]bool{}
	for name, ref := range doc.Components.SecuritySchemes {
		s := ref.Value
		if s != nil && s.Type == "apiKey" && s.In == "header" && strings.EqualFold(s.Name, "Authorization") {
			stand[name] = true
			if s.Description != "" && (desc == "" || name == bearerScheme) {
				desc = s.Description
			}
			delete(doc.Components.SecuritySchemes, name)
		}
	}
	if !strings.Contains(desc, "RFC8725") {
		desc = defaultBearerD
	}
	doc.Components.SecuritySchemes[bearerScheme] = &openapi3.SecuritySchemeRef{Value: &openapi3.SecurityScheme{
		Type:         "http",
		Scheme:       "bearer",
		BearerFormat: "JWT",
		Description:  desc,
	}}
	rewrite := func(reqs *openapi3.SecurityRequirements) {
		if reqs == nil {
			return
		}
		for i, req := range *reqs {
			out := openapi3.SecurityRequirement{}
			for name, scopes := range req {
				if stand[name] {
					name, scopes = bearerScheme, []string{}
				}
				out[name] = scopes
			}
			(*reqs)[i] = out
		}
	}
	rewrite(&doc.Security)
	for _, op := range operations(doc) {
		rewrite(op.Security)
	}
}

func intHeader(desc string, maxV float64) *openapi3.HeaderRef {
	s := openapi3.NewIntegerSchema()
	s.Format = "int32"
	s.WithMin(0).WithMax(maxV)
	return &openapi3.HeaderRef{Value: &openapi3.Header{Parameter: openapi3.Parameter{
		Description: desc,
		Schema:      &openapi3.SchemaRef{Value: s},
	}}}
}

// setReusableHeaders defines the response headers the server emits itself.
func setReusableHeaders(doc *openapi3.T) {
	if doc.Components.Headers == nil {
		doc.Components.Headers = openapi3.Headers{}
	}
	h := doc.Components.Headers
	h[hdrLimit] = intHeader("Requests allowed in the current rate-limit window.", math.MaxInt32)
	h[hdrRemaining] = intHeader("Requests left in the current rate-limit window.", math.MaxInt32)
	h[hdrReset] = intHeader("Seconds until the current rate-limit window resets.", 86400)
	h[hdrRetryAfter] = intHeader("Seconds to wait before retrying.", 86400)
}

type operation struct {
	*openapi3.Operation
	method, path string
	inherited    openapi3.SecurityRequirements
}

// operations returns every operation in a fixed order (path, then method).
func operations(doc *openapi3.T) []operation {
	var out []operation
	paths := doc.Paths.Keys()
	sort.Strings(paths)
	for _, p := range paths {
		ops := doc.Paths.Value(p).Operations()
		methods := make([]string, 0, len(ops))
		for m := range ops {
			methods = append(methods, m)
		}
		sort.Strings(methods)
		for _, m := range methods {
			out = append(out, operation{Operation: ops[m], method: m, path: p, inherited: doc.Security})
		}
	}
	return out
}

func (op operation) String() string { return op.method + " " + op.path }

// secured reports whether the operation needs credentials.
func (op operation) secured() bool {
	reqs := op.inherited
	if op.Security != nil {
		reqs = *op.Security
	}
	for _, r := range reqs {
		if len(r) == 0 {
			return false // {} means anonymous access is allowed
		}
	}
	return len(reqs) > 0
}

func isJSONMedia(mt string) bool {
	return mt == jsonMedia || strings.HasPrefix(mt, jsonMedia+";")
}

// fixRequestBody keeps only application/json, and beside it
// application/x-www-form-urlencoded where the operation declares it (the
// OAuth token endpoint, RFC 6749 §4.4, which clients call form-encoded).
func fixRequestBody(op operation) error {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	// openapi2conv's note for converting back to Swagger 2.0; not ours.
	delete(op.RequestBody.Value.Extensions, "x-originalParamName")
	content := op.RequestBody.Value.Content
	var keep, form *openapi3.MediaType
	for mt, m := range content {
		switch {
		case isJSONMedia(mt):
			keep = m
		case mt == formMedia:
			form = m
		case mt == "*/*" && len(content) == 1:
			keep = m
		}
	}
	if keep == nil {
		return fmt.Errorf("%s: request body is not JSON (%v): add `@Accept json`", op, mediaTypes(content))
	}
	op.RequestBody.Value.Content = openapi3.Content{jsonMedia: keep}
	if form != nil {
		op.RequestBody.Value.Content[formMedia] = form
	}
	return nil
}

func mediaTypes(c openapi3.Content) []string {
	out := make([]string, 0, len(c))
	for mt := range c {
		out = append(out, mt)
	}
	sort.Strings(out)
	return out
}

func isError(code string) bool {
	if code == "default" || code == "4XX" || code == "5XX" {
		return true
	}
	n, err := strconv.Atoi(code)
	return err == nil && n >= 400
}

func problemContent() openapi3.Content {
	return openapi3.Content{problemMedia: &openapi3.MediaType{Schema: &openapi3.SchemaRef{Ref: problemRef}}}
}

// addStandardResponses declares the errors that middleware can return on
// every route: 429 (rate limiter), 500 (error handler), and on secured
// routes 401 (auth) and 403 (the scope gate refuses a personal or service
// token on a route its scopes do not reach). Annotated responses win; these
// only fill gaps.
func addStandardResponses(op operation, rep *Report) {
	if op.Responses == nil {
		op.Responses = openapi3.NewResponses()
	}
	add := func(code int) {
		key := strconv.Itoa(code)
		if op.Responses.Value(key) != nil {
			return
		}
		desc := http.StatusText(code)
		op.Responses.Set(key, &openapi3.ResponseRef{Value: &openapi3.Response{Description: &desc, Content: problemContent()}})
		rep.AddedResponses = append(rep.AddedResponses, fmt.Sprintf("%s: %s", op, key))
	}
	if op.secured() {
		add(http.StatusUnauthorized)
		add(http.StatusForbidden)
	}
	add(http.StatusTooManyRequests)
	add(http.StatusInternalServerError)
}

// fixResponses makes every error body application/problem+json with the
// Problem schema, and adds the rate-limit headers to every 2xx and 4xx.
func fixResponses(op operation) error {
	codes := op.Responses.Keys()
	sort.Strings(codes)
	for _, code := range codes {
		ref := op.Responses.Value(code)
		if ref == nil || ref.Value == nil {
			continue
		}
		r := ref.Value
		if isError(code) {
			for mt, m := range r.Content {
				if m == nil || m.Schema == nil {
					continue
				}
				if m.Schema.Ref != problemRef {
					return fmt.Errorf("%s: response %s (%s) must use {object} Problem, not %s",
						op, code, mt, describeSchema(m.Schema))
				}
			}
			r.Content = problemContent()
		}
		if code[0] == '2' {
			dropJSONBesideFiles(r)
		}
		if code[0] == '2' || code[0] == '4' {
			if r.Headers == nil {
				r.Headers = openapi3.Headers{}
			}
			for _, h := range []string{hdrLimit, hdrRemaining, hdrReset} {
				r.Headers[h] = &openapi3.HeaderRef{Ref: headerRefBase + h}
			}
			if code == "429" {
				r.Headers[hdrRetryAfter] = &openapi3.HeaderRef{Ref: headerRefBase + hdrRetryAfter}
			}
		}
		for name, h := range r.Headers {
			if h == nil || h.Ref != "" || h.Value == nil {
				continue
			}
			for known, schema := range knownHeaders {
				if strings.EqualFold(name, known) {
					h.Value.Schema = &openapi3.SchemaRef{Value: schema()}
				}
			}
		}
	}
	return nil
}

// knownHeaders are response headers whose value the server shapes itself;
// an @Header with one of these names gets this schema (swag's @Header cannot
// carry maxLength) and keeps its annotated description.
var knownHeaders = map[string]func() *openapi3.Schema{
	// httpx.ETag: a quoted version number.
	hdrETag: func() *openapi3.Schema {
		return openapi3.NewStringSchema().WithMaxLength(64).WithPattern(`^"[0-9]+"$`)
	},
	hdrLocation: func() *openapi3.Schema {
		return openapi3.NewStringSchema().WithFormat("uri-reference").WithMaxLength(2048)
	},
	// exports.WatermarkHeader: "w1." and base64url.
	"BIC-Watermark": func() *openapi3.Schema {
		return openapi3.NewStringSchema().WithMaxLength(4000).WithPattern(`^w1\.[A-Za-z0-9_-]+$`)
	},
}

// dropJSONBesideFiles removes the JSON media type swag copies from @Produce
// into a success response whose body is a file: such an operation declares
// json for its problem documents, not for the file.
func dropJSONBesideFiles(r *openapi3.Response) {
	binary := false
	for _, m := range r.Content {
		if m != nil && m.Schema != nil && m.Schema.Value != nil && m.Schema.Value.Format == "binary" {
			binary = true
		}
	}
	if binary {
		delete(r.Content, "application/json")
	}
}

func describeSchema(s *openapi3.SchemaRef) string {
	if s.Ref != "" {
		return s.Ref
	}
	if s.Value != nil && s.Value.Type != nil {
		return "an inline " + strings.Join(s.Value.Type.Slice(), "|")
	}
	return "an inline schema"
}

// String formats with a fixed size; these are the safe maxLength fills.
var formatMaxLength = map[string]uint64{
	"uuid":      36,
	"date":      10,
	"date-time": 64,
	"email":     254,
}

// fillSchemas gives integers a format and fixed-size string formats a
// maxLength, where swag left them out.
func fillSchemas(doc *openapi3.T, rep *Report) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(where string, ref *openapi3.SchemaRef)
	walk = func(where string, ref *openapi3.SchemaRef) {
		if ref == nil || ref.Value == nil || ref.Ref != "" || seen[ref.Value] {
			return // $refs are visited at their definition
		}
		s := ref.Value
		seen[s] = true
		switch {
		case s.Type.Is("integer") && s.Format == "":
			s.Format = "int64"
			if s.Min != nil && s.Max != nil && *s.Min >= math.MinInt32 && *s.Max <= math.MaxInt32 {
				s.Format = "int32"
			}
			rep.IntegerFormats = append(rep.IntegerFormats, where+": "+s.Format)
		case s.Type.Is("string") && s.MaxLength == nil && len(s.Enum) == 0:
			if n, ok := formatMaxLength[s.Format]; ok {
				s.MaxLength = &n
				rep.StringLimits = append(rep.StringLimits, fmt.Sprintf("%s: maxLength %d (format %s)", where, n, s.Format))
			}
		}
		names := make([]string, 0, len(s.Properties))
		for name := range s.Properties {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			walk(where+"."+name, s.Properties[name])
		}
		walk(where+"[]", s.Items)
		for i, sub := range s.AllOf {
			walk(fmt.Sprintf("%s.allOf[%d]", where, i), sub)
		}
		for i, sub := range s.AnyOf {
			walk(fmt.Sprintf("%s.anyOf[%d]", where, i), sub)
		}
		for i, sub := range s.OneOf {
			walk(fmt.Sprintf("%s.oneOf[%d]", where, i), sub)
		}
		walk(where+".not", s.Not)
		walk(where+".additionalProperties", s.AdditionalProperties.Schema)
	}
	names := func(m map[string]*openapi3.SchemaRef) []string {
		out := make([]string, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	for _, n := range names(doc.Components.Schemas) {
		walk("#/components/schemas/"+n, doc.Components.Schemas[n])
	}
	params := func(where string, ps openapi3.Parameters) {
		for _, p := range ps {
			if p.Value != nil {
				walk(where+" "+p.Value.In+" "+p.Value.Name, p.Value.Schema)
			}
		}
	}
	for _, p := range doc.Paths.Keys() {
		params(p, doc.Paths.Value(p).Parameters)
	}
	for _, op := range operations(doc) {
		params(op.String(), op.Parameters)
		if op.RequestBody != nil && op.RequestBody.Value != nil {
			for _, mt := range mediaTypes(op.RequestBody.Value.Content) {
				walk(op.String()+" body", op.RequestBody.Value.Content[mt].Schema)
			}
		}
		codes := op.Responses.Keys()
		sort.Strings(codes)
		for _, code := range codes {
			r := op.Responses.Value(code)
			if r == nil || r.Value == nil {
				continue
			}
			for name, h := range r.Value.Headers {
				if h.Value != nil {
					walk(op.String()+" "+code+" header "+name, h.Value.Schema)
				}
			}
			for _, mt := range mediaTypes(r.Value.Content) {
				walk(op.String()+" "+code, r.Value.Content[mt].Schema)
			}
		}
	}
	sort.Strings(rep.IntegerFormats)
	sort.Strings(rep.StringLimits)
}
