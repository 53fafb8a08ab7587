package server

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
)

const requestIDKey = "request_id"

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID takes the caller's X-Request-Id when it is well-formed, else makes one,
// and returns it on the response so a case handler can quote it.
func (s *Server) requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-Id")
		if !validRequestID.MatchString(id) {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(requestIDKey, id)
		c.Header("X-Request-Id", id)
		c.Next()
	}
}

func requestIDOf(c *gin.Context) string { return c.GetString(requestIDKey) }

// accessLog writes one JSON line per request (request id, method, route, status,
// duration) and records the request metrics. Bodies, tokens and query values are never logged.
func (s *Server) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		elapsed := time.Since(start)
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		status := c.Writer.Status()
		s.metrics.requestDuration.WithLabelValues(route, c.Request.Method, strconv.Itoa(status)).Observe(elapsed.Seconds())
		level := slog.LevelInfo
		if status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(c.Request.Context(), level, "request",
			slog.String("request_id", requestIDOf(c)),
			slog.String("method", c.Request.Method),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
			slog.Int("bytes", c.Writer.Size()),
		)
	}
}

// recoverer turns a panic into a logged internal error, never a dropped connection.
func (s *Server) recoverer() gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.log.Error("panic", slog.String("request_id", requestIDOf(c)), slog.String("panic", fmt.Sprint(r)), slog.String("stack", string(debug.Stack())))
				if !c.Writer.Written() {
					s.writeError(c, fmt.Errorf("panic: %v", r))
				}
			}
		}()
		c.Next()
	}
}

// readBody reads a request body of one of the accepted media types, bounded by
// limit: 415 for another Content-Type, 413 over the limit. It returns the media type.
func (s *Server) readBody(c *gin.Context, limit int64, accept ...string) ([]byte, string, error) {
	ct := c.GetHeader("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || !contains(accept, mt) {
		return nil, "", &models.Error{Code: models.EUNSUPPORTED,
			Message: fmt.Sprintf("Content-Type must be %s, not %q", strings.Join(accept, " or "), ct),
			Details: map[string]any{"accepted": accept}}
	}
	if c.Request.ContentLength > limit {
		return nil, "", tooLarge(limit)
	}
	body := http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	raw, err := readAll(body, c.Request.ContentLength)
	if err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return nil, "", tooLarge(limit)
		}
		return nil, "", models.Errorf(models.EINVALID, "could not read the request body: %v", err)
	}
	return raw, mt, nil
}

func tooLarge(limit int64) error {
	return &models.Error{Code: models.ETOOLARGE, Message: fmt.Sprintf("the request body is larger than the limit of %d bytes", limit),
		Details: map[string]any{"limit_bytes": limit}}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func joinComma(xs []string) string { return strings.Join(xs, ", ") }

// routeMatches reports whether a concrete path matches a Gin route template.
func routeMatches(template, path string) bool {
	ts := strings.Split(strings.Trim(template, "/"), "/")
	ps := strings.Split(strings.Trim(path, "/"), "/")
	if len(ts) != len(ps) {
		return false
	}
	for i := range ts {
		if !strings.HasPrefix(ts[i], ":") && ts[i] != ps[i] {
			return false
		}
	}
	return true
}

// inputHeaders are the request headers the server reads (besides X-Request-Id,
// which is replaced when malformed, and cookies, whose malformed values Go drops).
var inputHeaders = []string{"Authorization", "Idempotency-Key", "If-Match", "Accept-Language", "Content-Type"}

// checkInput refuses, before authentication, a handler or the database sees
// them, path and query parameters and headers with text no database column can
// hold: invalid UTF-8, NUL or another control character. A path parameter (an id)
// answers 404, a query parameter or header 400, each naming the parameter and
// never echoing its value. (Bodies are checked where they are decoded,
// policies.ParseDocument.)
func (s *Server) checkInput() gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := inputError(c); err != nil {
			if isPage(c.Request.Method + " " + c.FullPath()) {
				s.writePageError(c, models.LangNB, err)
				return
			}
			s.writeError(c, err)
			return
		}
		c.Next()
	}
}

// inputError is the first problem of the request's path, query or read headers, or nil.
func inputError(c *gin.Context) error {
	if problem := textProblem(c.Request.URL.Path, false); problem != "" {
		for _, p := range c.Params {
			if problem := textProblem(p.Value, false); problem != "" {
				return &models.Error{Code: models.ENOTFOUND, Message: fmt.Sprintf("%s in the path has %s: there is no such resource", p.Key, problem),
					Details: map[string]string{"field": p.Key, "in": "path"}}
			}
		}
		return &models.Error{Code: models.ENOTFOUND, Message: fmt.Sprintf("the path has %s: there is no such resource", problem), Details: map[string]string{"in": "path"}}
	}
	if c.Request.URL.RawQuery != "" {
		query := c.Request.URL.Query()
		names := make([]string, 0, len(query))
		for name := range query {
			names = append(names, name)
		}
		slices.Sort(names) // the same answer for the same request
		for _, name := range names {
			if problem := textProblem(name, false); problem != "" {
				return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("a query parameter name has %s", problem), Details: map[string]string{"in": "query"}}
			}
			for _, v := range query[name] {
				if problem := textProblem(v, false); problem != "" {
					return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("%s: the query parameter has %s", name, problem), Details: map[string]string{"field": name, "in": "query"}}
				}
			}
		}
	}
	for _, h := range inputHeaders {
		for _, v := range c.Request.Header.Values(h) {
			if problem := textProblem(v, true); problem != "" {
				return &models.Error{Code: models.EINVALID, Message: fmt.Sprintf("%s: the header has %s", h, problem), Details: map[string]string{"header": h}}
			}
		}
	}
	return nil
}

// textProblem describes what in s no text column can hold, or is "": invalid
// UTF-8, NUL or another control character (C0, DEL, C1; a header may hold tabs).
func textProblem(s string, header bool) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 (byte 0x%02X at position %d)", s[i], i+1)
		case r == 0:
			return fmt.Sprintf("a NUL character (U+0000) at position %d", i+1)
		case r == '\t' && header:
		case r < 0x20 || (r >= 0x7F && r <= 0x9F):
			return fmt.Sprintf("a control character (U+%04X) at position %d", r, i+1)
		}
	}
	return ""
}
