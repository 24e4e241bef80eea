// Package httpx holds the HTTP plumbing shared by every domain: strict JSON
// binding, typed path/query parsing, ETag preconditions, cursors, and the one
// error handler that turns every error into an RFC 9457 problem.
package httpx

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/borgeren-i-centrum/bic/api/internal/platform/errs"
)

// ProblemContentType is the media type of every error body.
const ProblemContentType = "application/problem+json"

// ProblemTypeBase prefixes each stable problem type; the code follows.
const ProblemTypeBase = "https://bic.example/problems/"

// Problem is an RFC 9457 problem details object.
type Problem struct {
	// A URI that identifies the problem type; stable, safe to switch on.
	Type string `json:"type" example:"https://bic.example/problems/validation" maxLength:"200"`
	// Short summary of the problem type.
	Title string `json:"title" example:"Validation failed" maxLength:"200"`
	// HTTP status code.
	Status int32 `json:"status" example:"422" format:"int32" minimum:"400" maximum:"599"`
	// Explanation specific to this occurrence, safe to show to a user.
	Detail string `json:"detail" example:"The request has invalid fields." maxLength:"2000"`
	// Identifier of this request, also found in the server logs.
	Instance string `json:"instance,omitempty" example:"urn:request:3f0c4e" maxLength:"200"`
	// Per-field problems, for validation errors.
	Errors []FieldError `json:"errors,omitempty" validate:"max=200"`
	// Current version of the resource, on a failed precondition.
	CurrentETag string `json:"current_etag,omitempty" maxLength:"100"`
	// What must be done before the request can succeed: on a refused phase
	// move, the core principles still open in the phase's checklist.
	Missing []MissingItem `json:"missing,omitempty" validate:"max=50"`
	// OAuth 2.0 error code (RFC 6749 §5.2), on errors of the token endpoint
	// only, so that OAuth client libraries understand the answer.
	Error string `json:"error,omitempty" enums:"invalid_request,invalid_client,unsupported_grant_type,invalid_scope"`
	// The detail again, under the OAuth name (RFC 6749 §5.2); present with error.
	ErrorDescription string `json:"error_description,omitempty" maxLength:"2000"`
} // @name Problem

// OAuthError is the key in errs.Error.Extra that carries the OAuth 2.0 error
// code of a token-endpoint failure (invalid_client, invalid_scope, …); the
// problem then also carries error and error_description.
const OAuthError = "error"

// MissingItem is one thing that must be done first.
type MissingItem struct {
	// Stable code, e.g. a principle code such as P1_HOPES.
	Code string `json:"code" example:"P1_HOPES" maxLength:"50"`
	// Its name, in Danish.
	Title string `json:"title" example:"Tag udgangspunkt i borgernes håb, ønsker og drømme" maxLength:"300"`
} // @name MissingItem

// FieldError names an input field and what is wrong with it.
type FieldError struct {
	// Path of the field in the request, e.g. "citizen.cpr" or "network[1].name".
	Field string `json:"field" example:"citizen.cpr" maxLength:"200"`
	// What is wrong with it.
	Message string `json:"message" example:"is not a valid CPR number" maxLength:"500"`
} // @name FieldError

// codeMethodNotAllowed is only ever raised by the router, so it lives here
// rather than in the domain vocabulary of errs.
const codeMethodNotAllowed errs.Code = "method-not-allowed"

var statusByCode = map[errs.Code]int{
	codeMethodNotAllowed:      http.StatusMethodNotAllowed,
	errs.Invalid:              http.StatusUnprocessableEntity,
	errs.BadRequest:           http.StatusBadRequest,
	errs.Unauthenticated:      http.StatusUnauthorized,
	errs.Forbidden:            http.StatusForbidden,
	errs.NotFound:             http.StatusNotFound,
	errs.Conflict:             http.StatusConflict,
	errs.ChecklistIncomplete:  http.StatusConflict,
	errs.AlreadyAnswered:      http.StatusConflict,
	errs.PreconditionFailed:   http.StatusPreconditionFailed,
	errs.PreconditionRequired: http.StatusPreconditionRequired,
	errs.TooLarge:             http.StatusRequestEntityTooLarge,
	errs.UnsupportedMedia:     http.StatusUnsupportedMediaType,
	errs.NotAcceptable:        http.StatusNotAcceptable,
	errs.TooManyRequests:      http.StatusTooManyRequests,
	errs.Internal:             http.StatusInternalServerError,
}

var titleByCode = map[errs.Code]string{
	codeMethodNotAllowed:      "Method not allowed",
	errs.Invalid:              "Validation failed",
	errs.BadRequest:           "Bad request",
	errs.Unauthenticated:      "Authentication required",
	errs.Forbidden:            "Not allowed",
	errs.NotFound:             "Not found",
	errs.Conflict:             "Conflict",
	errs.ChecklistIncomplete:  "Checklist not complete",
	errs.AlreadyAnswered:      "Already answered",
	errs.PreconditionFailed:   "Resource has changed",
	errs.PreconditionRequired: "If-Match required",
	errs.TooLarge:             "Request body too large",
	errs.UnsupportedMedia:     "Unsupported media type",
	errs.NotAcceptable:        "Not acceptable",
	errs.TooManyRequests:      "Too many requests",
	errs.Internal:             "Internal server error",
}

// codeByStatus maps Echo's own HTTP errors (routing, method) to our codes.
func codeByStatus(status int) errs.Code {
	switch status {
	case http.StatusNotFound:
		return errs.NotFound
	case http.StatusMethodNotAllowed:
		return codeMethodNotAllowed
	case http.StatusBadRequest:
		return errs.BadRequest
	case http.StatusUnauthorized:
		return errs.Unauthenticated
	case http.StatusForbidden:
		return errs.Forbidden
	case http.StatusRequestEntityTooLarge:
		return errs.TooLarge
	case http.StatusUnsupportedMediaType:
		return errs.UnsupportedMedia
	case http.StatusNotAcceptable:
		return errs.NotAcceptable
	case http.StatusTooManyRequests:
		return errs.TooManyRequests
	}
	if status >= 400 && status < 500 {
		return errs.BadRequest
	}
	return errs.Internal
}

// ErrorHandler returns Echo's HTTPErrorHandler: the only place that writes
// error bodies. Unknown errors become a generic 500 and are logged once with
// their cause; nothing internal reaches the client.
func ErrorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			// Headers are gone; the most we can do is note it.
			log.Warn("error after response was committed", "request_id", RequestID(c), "error", err.Error())
			return
		}
		e, ok := errs.As(err)
		var he *echo.HTTPError
		switch {
		case ok:
		case errors.As(err, &he):
			msg := http.StatusText(he.Code)
			if s, isStr := he.Message.(string); isStr && he.Code != http.StatusInternalServerError {
				msg = s
			}
			e = errs.New(codeByStatus(he.Code), msg)
			if he.Code == http.StatusMethodNotAllowed {
				e.Message = "This method is not allowed on this resource."
			}
		default:
			e = errs.Wrap(err, errs.Internal, "")
		}
		status, known := statusByCode[e.Code]
		if !known {
			status = http.StatusInternalServerError
		}
		detail := e.Message
		if status >= 500 {
			log.Error("request failed", "request_id", RequestID(c), "method", c.Request().Method,
				"route", c.Path(), "error", err.Error())
			detail = "Something went wrong on our side. The error has been logged; please quote the request id if you contact support."
		}
		p := Problem{
			Type:        ProblemTypeBase + string(e.Code),
			Title:       titleByCode[e.Code],
			Status:      int32(status),
			Detail:      detail,
			Instance:    "urn:request:" + RequestID(c),
			CurrentETag: "",
		}
		if p.Title == "" {
			p.Title = http.StatusText(status)
		}
		for _, fe := range e.Fields {
			p.Errors = append(p.Errors, FieldError(fe))
		}
		if v, ok := e.Extra["current_etag"].(string); ok {
			p.CurrentETag = v
		}
		if v, ok := e.Extra[OAuthError].(string); ok && v != "" {
			p.Error, p.ErrorDescription = v, p.Detail
		}
		if m, ok := e.Extra["missing"].([]map[string]string); ok {
			for _, it := range m {
				p.Missing = append(p.Missing, MissingItem{Code: it["code"], Title: it["title"]})
			}
		}
		if e.RetryAfter > 0 {
			c.Response().Header().Set("Retry-After", strconv.Itoa(e.RetryAfter))
		}
		// A handler may name another challenge (the token endpoint answers
		// Basic to a client that authenticated with Basic, RFC 6749 §5.2).
		if status == http.StatusUnauthorized && c.Response().Header().Get("WWW-Authenticate") == "" {
			c.Response().Header().Set("WWW-Authenticate", `Bearer realm="bic"`)
		}
		c.Response().Header().Set(echo.HeaderContentType, ProblemContentType)
		c.Response().WriteHeader(status)
		if c.Request().Method == http.MethodHead {
			return
		}
		if werr := writeJSON(c.Response(), p); werr != nil {
			log.Warn("write problem", "request_id", RequestID(c), "error", werr.Error())
		}
	}
}

// RequestID returns the id Echo's RequestID middleware assigned.
func RequestID(c echo.Context) string {
	if id := c.Response().Header().Get(echo.HeaderXRequestID); id != "" {
		return id
	}
	return c.Request().Header.Get(echo.HeaderXRequestID)
}
