// Package errs is the one error vocabulary of BIC. Domain code returns *Error
// values with a stable code, a message that is safe to show to any caller and
// optional field errors; platform/httpx maps the code to an HTTP status and an
// RFC 9457 problem. Anything that is not an *Error is treated as internal.
package errs

import (
	"errors"
	"fmt"
	"sort"
)

// Code is a stable, machine-readable error kind. It becomes the last segment of
// the problem "type" URI, so values must never be renamed.
type Code string

const (
	Invalid              Code = "validation"           // 422: input understood but not acceptable
	BadRequest           Code = "bad-request"          // 400: input could not be understood
	Unauthenticated      Code = "unauthenticated"      // 401
	Forbidden            Code = "forbidden"            // 403: role may never do this
	NotFound             Code = "not-found"            // 404: also used for "exists, but not in your team"
	Conflict             Code = "conflict"             // 409
	ChecklistIncomplete  Code = "checklist-incomplete" // 409: the phase gate requires the open core principles first
	AlreadyAnswered      Code = "already-answered"     // 409: a one-time feedback part was answered with another submission
	PreconditionFailed   Code = "precondition-failed"  // 412: stale If-Match
	PreconditionRequired Code = "precondition-required"
	TooLarge             Code = "payload-too-large"
	UnsupportedMedia     Code = "unsupported-media-type"
	NotAcceptable        Code = "not-acceptable" // 406: no format the caller accepts
	TooManyRequests      Code = "too-many-requests"
	Internal             Code = "internal"
)

// FieldError names one offending input field with a JSON-pointer-like path
// ("citizen.cpr", "network[2].name") and a human-readable reason.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is a domain error. Message is shown to the caller as the problem detail.
type Error struct {
	Code       Code
	Message    string
	Fields     []FieldError
	RetryAfter int // seconds, for TooManyRequests
	// Extra carries additional, safe problem members (for example the current
	// version of a resource on a 412).
	Extra map[string]any
	cause error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.cause)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.cause }

// New returns an error with the given code and safe message.
func New(code Code, msg string) *Error { return &Error{Code: code, Message: msg} }

// Wrap keeps cause for the logs while exposing only msg.
func Wrap(cause error, code Code, msg string) *Error {
	return &Error{Code: code, Message: msg, cause: cause}
}

// NotFoundf is the common "no such thing (for you)" error.
func NotFoundf(format string, a ...any) *Error {
	return New(NotFound, fmt.Sprintf(format, a...))
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// Is reports whether err carries the given code.
func Is(err error, code Code) bool {
	e, ok := As(err)
	return ok && e.Code == code
}

// Fields collects field errors so that a converter can report every problem
// with an input at once instead of stopping at the first.
type Fields struct{ list []FieldError }

// Add records a problem with field.
func (f *Fields) Add(field, msg string) {
	f.list = append(f.list, FieldError{Field: field, Message: msg})
}

// Empty reports whether nothing was added.
func (f *Fields) Empty() bool { return len(f.list) == 0 }

// Merge adds all of other's errors under prefix ("citizen" + "cpr" → "citizen.cpr").
func (f *Fields) Merge(prefix string, other Fields) {
	for _, fe := range other.list {
		name := fe.Field
		if prefix != "" {
			name = prefix + "." + fe.Field
		}
		f.list = append(f.list, FieldError{Field: name, Message: fe.Message})
	}
}

// Err returns nil when empty, else a validation error listing the fields in a
// stable order.
func (f *Fields) Err() error {
	if f.Empty() {
		return nil
	}
	list := append([]FieldError(nil), f.list...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Field < list[j].Field })
	return &Error{Code: Invalid, Message: "The request has invalid fields.", Fields: list}
}

// List returns the collected errors.
func (f *Fields) List() []FieldError { return f.list }
