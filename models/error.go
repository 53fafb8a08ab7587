package models

import (
	"errors"
	"fmt"
)

// Error codes. Each maps to one HTTP status in the server and one exit code in the CLI.
const (
	EINVALID      = "invalid"                // the input breaks a rule of form (400/422)
	ENOTFOUND     = "not_found"              // the thing asked for does not exist
	ECONFLICT     = "conflict"               // the request conflicts with stored state
	EUNAUTHORIZED = "unauthorized"           // no valid credentials
	EFORBIDDEN    = "forbidden"              // credentials without the role for this
	EPRECONDITION = "precondition_failed"    // If-Match names a version that is no longer the latest
	EUNAVAILABLE  = "unavailable"            // a dependency (the database) does not answer; retry later
	ETOOLARGE     = "too_large"              // the request body is over the limit (413)
	EUNSUPPORTED  = "unsupported_media_type" // the request body is not of an accepted media type (415)
	ERATELIMITED  = "rate_limited"           // too many requests; retry later (429)
	EINTERNAL     = "internal"               // a fault of ours; details are logged, never shown
)

// Error is the one error type callers see: a code, a message a person can act on,
// and optional details (a field, a line and column, a list of problems).
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Details any    `json:"details,omitempty"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, or EINTERNAL when it is not an *Error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var refused *RefusedError
	if errors.As(err, &refused) {
		return EREFUSED
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// ErrorMessage returns the message of err when it is an *Error, and "internal
// error" otherwise, so that no internal text reaches a caller.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
