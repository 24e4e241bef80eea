package httpx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
		return decodeError(err, body, reflect.TypeOf(dst))
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

func decodeError(err error, body []byte, dst reflect.Type) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return errs.New(errs.BadRequest, fmt.Sprintf("The request body is not valid JSON (at byte %d).", syn.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errs.New(errs.BadRequest, "The request body is not valid JSON (it ends too early).")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		e := errs.New(errs.BadRequest, "The request body has a field this endpoint does not accept.")
		e.Fields = []errs.FieldError{{Field: name, Message: "is not a known field"}}
		return e
	case errors.As(err, &typ) && typ.Field == "":
		return errs.New(errs.BadRequest, "The request body must be a JSON object.")
	}
	// encoding/json names the field of a type error without array indexes
	// ("dreams.text"), and names no field at all when a value's own
	// UnmarshalText fails (a UUID such as "nope"). Decoding the body again
	// piece by piece along dst's fields finds every bad value with its full
	// path ("dreams[0].text", "team_id").
	var found []errs.FieldError
	badValues(dst, json.RawMessage(body), "", &found)
	if len(found) > 0 {
		e := errs.New(errs.BadRequest, "Some fields have the wrong type or an invalid value.")
		switch {
		case len(found) == 1 && typ != nil:
			e.Message = "A field has the wrong type."
		case len(found) == 1:
			e.Message = "A field has an invalid value."
		}
		e.Fields = found
		return e
	}
	if typ != nil {
		e := errs.New(errs.BadRequest, "A field has the wrong type.")
		e.Fields = []errs.FieldError{{Field: typ.Field, Message: kindMessage(typ.Type)}}
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

var (
	uuidType        = reflect.TypeOf(uuid.UUID{})
	jsonUnmarshaler = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

// maxBadValueFields bounds the field errors of one body, like the problem schema.
const maxBadValueFields = 50

// badValues appends to found every value in raw that does not decode into t,
// named by its path in the request. It follows structs (by JSON name, matched
// like encoding/json does), slices, arrays and maps, and tries each leaf on its
// own. Unknown fields are not its concern; the decoder reports them first.
func badValues(t reflect.Type, raw json.RawMessage, path string, found *[]errs.FieldError) {
	if len(*found) >= maxBadValueFields {
		return
	}
	for t.Kind() == reflect.Pointer {
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			return
		}
		t = t.Elem()
	}
	leaf := func() {
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			name := path
			if name == "" {
				name = "(body)"
			}
			msg := kindMessage(t)
			var ve *ValueError
			if errors.As(err, &ve) {
				msg = ve.Message
			}
			*found = append(*found, errs.FieldError{Field: name, Message: msg})
		}
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler) {
		leaf()
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) != nil || obj == nil {
			leaf()
			return
		}
		structValues(t, obj, path, found)
	case reflect.Slice, reflect.Array:
		var arr []json.RawMessage
		if t.Elem().Kind() == reflect.Uint8 || json.Unmarshal(raw, &arr) != nil || arr == nil {
			leaf()
			return
		}
		for i, el := range arr {
			badValues(t.Elem(), el, fmt.Sprintf("%s[%d]", path, i), found)
		}
	case reflect.Map:
		var obj map[string]json.RawMessage
		if t.Key().Kind() != reflect.String || json.Unmarshal(raw, &obj) != nil || obj == nil {
			leaf()
			return
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			badValues(t.Elem(), obj[k], joinPath(path, k), found)
		}
	case reflect.Interface:
		// anything decodes into an interface
	default:
		leaf()
	}
}

func structValues(t reflect.Type, obj map[string]json.RawMessage, path string, found *[]errs.FieldError) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			structValues(f.Type, obj, path, found) // embedded fields are inlined
			continue
		}
		if name == "" {
			name = f.Name
		}
		v, ok := obj[name]
		if !ok {
			// encoding/json also accepts a key that differs only in case.
			for k, kv := range obj {
				if strings.EqualFold(k, name) {
					v, ok = kv, true
					break
				}
			}
		}
		if ok {
			badValues(f.Type, v, joinPath(path, name), found)
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// kindMessage says what a JSON value for t must look like.
func kindMessage(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == uuidType:
		return "must be a UUID such as 3f0c4e2a-8d1b-4c1e-9a7b-2d5f6e8a9b0c"
	case reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler):
		return "has an invalid value"
	}
	return "must be " + jsonKind(t.Kind().String())
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
	if utf8.RuneCountInString(v) > maxLen {
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

// Date returns the parameter as a calendar date, YYYY-MM-DD (nil if absent).
func (q *Query) Date(name string) *time.Time {
	v, ok := q.get(name)
	if !ok {
		return nil
	}
	d, err := time.Parse(time.DateOnly, v)
	if err != nil {
		q.fields.Add(name, "must be a date (2026-01-31)")
		return nil
	}
	return &d
}

// Period reads the dates from and to, each defaulting to the given one.
func (q *Query) Period(from, to time.Time) (time.Time, time.Time) {
	if d := q.Date("from"); d != nil {
		from = *d
	}
	if d := q.Date("to"); d != nil {
		to = *d
	}
	return from, to
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

// Invalid records a problem with a parameter the caller parsed itself.
func (q *Query) Invalid(name, msg string) { q.fields.Add(name, msg) }

// Require records a required parameter that is absent.
func (q *Query) Require(name string) {
	q.known[name] = true
	if _, ok := q.c.QueryParams()[name]; !ok {
		q.fields.Add(name, "is required")
	}
}
