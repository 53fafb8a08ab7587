package server

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
)

// statusOf maps an error code to its HTTP status.
func statusOf(code string) int {
	switch code {
	case models.EINVALID:
		return http.StatusBadRequest
	case models.ENOTFOUND:
		return http.StatusNotFound
	case models.ECONFLICT:
		return http.StatusConflict
	case models.EPRECONDITION:
		return http.StatusPreconditionFailed
	case models.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case models.EFORBIDDEN:
		return http.StatusForbidden
	case models.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case models.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case models.EUNSUPPORTED:
		return http.StatusUnsupportedMediaType
	case models.ERATELIMITED:
		return http.StatusTooManyRequests
	case models.EREFUSED:
		return http.StatusUnprocessableEntity
	}
	return http.StatusInternalServerError
}

// writeError is the one place an error becomes a response:
// {"code","message","details"} with the status of its code. Internal errors are
// logged with the request id and shown as "internal error".
func (s *Server) writeError(c *gin.Context, err error) {
	s.writeErrorStatus(c, 0, err)
}

// writeErrorStatus writes err with an explicit status (0: the code's status).
func (s *Server) writeErrorStatus(c *gin.Context, status int, err error) {
	// A submission the rules refuse is answered with the check that refused it.
	var refused *models.RefusedError
	if errors.As(err, &refused) {
		c.AbortWithStatusJSON(statusOf(models.EREFUSED), refusedSubmission{Result: refused.Result})
		return
	}
	var e *models.Error
	if !errors.As(err, &e) {
		s.log.LogAttrs(c.Request.Context(), slog.LevelError, "internal error",
			slog.String("request_id", requestIDOf(c)), slog.String("route", c.FullPath()), slog.String("error", err.Error()))
		e = &models.Error{Code: models.EINTERNAL, Message: "internal error"}
	}
	if status == 0 {
		status = statusOf(e.Code)
	}
	switch status {
	case http.StatusServiceUnavailable:
		c.Header("Retry-After", "5")
		s.log.LogAttrs(c.Request.Context(), slog.LevelWarn, "unavailable",
			slog.String("request_id", requestIDOf(c)), slog.String("message", e.Message))
	case http.StatusTooManyRequests:
		if c.Writer.Header().Get("Retry-After") == "" {
			c.Header("Retry-After", "1")
		}
	}
	c.Header("Cache-Control", "no-store")
	c.AbortWithStatusJSON(status, e)
}

// refusedSubmission is the answer to a refused submission: the result alone.
type refusedSubmission struct {
	Result models.CheckResult `json:"result"`
}
