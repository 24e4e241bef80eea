package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// BindJSON decodes the request body into dst strictly: the media type must be
// JSON, unknown fields are refused, trailing data is refused, and every type
// error names its field. The body size limit is enforced by middleware; the
// resulting error is turned into a 413 here.
func BindJSON(c echo.Context, dst any) error {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
		return errs.New(errs.UnsupportedMedia, "Send the body as application/json.")
	}
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) || strings.Contains(err.Error(), "too large") {
			return errs.New(errs.TooLarge, fmt.Sprintf("The request body is larger than the allowed %d bytes.", limitOf(err)))
		}
		return errs.Wrap(err, errs.BadRequest, "The request body could not be read.")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errs.New(errs.BadRequest, "The request body is empty; send a JSON object.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return errs.New(errs.BadRequest, "The request body has data after the JSON value.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errs.New(errs.BadRequest, "The request body has data after the JSON value.")
	}
	return nil
}

func limitOf(err error) int64 {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return mbe.Limit
	}
	return 0
}

func decodeError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return errs.New(errs.BadRequest, fmt.Sprintf("The request body is not valid JSON (at byte %d).", syn.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			return errs.New(errs.BadRequest, "The request body must be a JSON object.")
		}
		e := errs.New(errs.BadRequest, "A field has the wrong type.")
		e.Fields = []errs.FieldError{{Field: field, Message: "must be " + jsonKind(typ.Type.Kind().String())}}
		return e
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errs.New(errs.BadRequest, "The request body is not valid JSON (it ends too early).")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		e := errs.New(errs.BadRequest, "The request body has a field this endpoint does not accept.")
		e.Fields = []errs.FieldError{{Field: name, Message: "is not a known field"}}
		return e
	}
	// Errors from UnmarshalJSON methods of value types (dates, UUIDs) carry a
	// safe message.
	var ve *ValueError
	if errors.As(err, &ve) {
		e := errs.New(errs.BadRequest, "A field has an invalid value.")
		e.Fields = []errs.FieldError{{Field: ve.Field, Message: ve.Message}}
		return e
	}
	return errs.Wrap(err, errs.BadRequest, "The request body could not be decoded.")
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "int", "int32", "int64", "uint", "uint32", "uint64":
		return "a whole number"
	case "float32", "float64":
		return "a number"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return "of another type"
}

// ValueError is returned by custom JSON unmarshalers for a bad value.
type ValueError struct{ Field, Message string }

func (e *ValueError) Error() string { return e.Field + ": " + e.Message }

// PathUUID parses a path parameter as a UUID.
func PathUUID(c echo.Context, name string) (uuid.UUID, error) {
	v := c.Param(name)
	id, err := uuid.Parse(v)
	if err != nil || len(v) != 36 {
		e := errs.New(errs.BadRequest, "The id in the address is not a valid UUID.")
		e.Fields = []errs.FieldError{{Field: name, Message: "must be a UUID such as 3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c"}}
		return uuid.Nil, e
	}
	return id, nil
}

// Query collects typed query parameters and reports every bad one at once.
type Query struct {
	c      echo.Context
	fields errs.Fields
	known  map[string]bool
}

// NewQuery starts parsing c's query string.
func NewQuery(c echo.Context) *Query { return &Query{c: c, known: map[string]bool{}} }

func (q *Query) get(name string) (string, bool) {
	q.known[name] = true
	vs, ok := q.c.QueryParams()[name]
	if !ok || len(vs) == 0 {
		return "", false
	}
	if len(vs) > 1 {
		q.fields.Add(name, "must be given at most once")
	}
	return vs[0], true
}

// String returns the parameter, bounded in length.
func (q *Query) String(name string, maxLen int) string {
	v, _ := q.get(name)
	if len(v) > maxLen {
		q.fields.Add(name, fmt.Sprintf("must be at most %d characters", maxLen))
		return ""
	}
	return v
}

// UUID returns the parameter as a UUID (nil if absent).
func (q *Query) UUID(name string) *uuid.UUID {
	v, ok := q.get(name)
	if !ok {
		return nil
	}
	id, err := uuid.Parse(v)
	if err != nil || len(v) != 36 {
		q.fields.Add(name, "must be a UUID")
		return nil
	}
	return &id
}

// Int returns the parameter as an int within [min, max], or def if absent.
func (q *Query) Int(name string, def, min, max int) int {
	v, ok := q.get(name)
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		q.fields.Add(name, fmt.Sprintf("must be a whole number from %d to %d", min, max))
		return def
	}
	return n
}

// Bool returns the parameter as a bool (nil if absent).
func (q *Query) Bool(name string) *bool {
	v, ok := q.get(name)
	if !ok {
		return nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		q.fields.Add(name, "must be true or false")
		return nil
	}
	return &b
}

// Time returns the parameter as an RFC 3339 timestamp (nil if absent).
func (q *Query) Time(name string) *time.Time {
	v, ok := q.get(name)
	if !ok {
		return nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		if d, derr := time.Parse(time.DateOnly, v); derr == nil {
			t = d
		} else {
			q.fields.Add(name, "must be a date (2026-01-31) or an RFC 3339 time (2026-01-31T12:00:00Z)")
			return nil
		}
	}
	t = t.UTC()
	return &t
}

// Enum returns the parameter if it is one of allowed.
func (q *Query) Enum(name string, allowed ...string) string {
	v, ok := q.get(name)
	if !ok {
		return ""
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	q.fields.Add(name, "must be one of "+strings.Join(allowed, ", "))
	return ""
}

// Err reports all problems, including parameters the endpoint does not know.
func (q *Query) Err() error {
	for name := range q.c.QueryParams() {
		if !q.known[name] {
			q.fields.Add(name, "is not a known query parameter")
		}
	}
	if q.fields.Empty() {
		return nil
	}
	e, _ := errs.As(q.fields.Err())
	e.Code = errs.BadRequest
	e.Message = "The query string has invalid parameters."
	return e
}
