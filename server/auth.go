package server

import (
	"context"
	"crypto/subtle"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/web"
)

const sessionCookie = "styring_session"

// tokenCache keeps verified tokens briefly, so a request does not cost a
// database lookup; a revocation takes effect within tokenCacheTTL.
type tokenCache struct {
	mu sync.Mutex
	m  map[string]cachedToken
}

type cachedToken struct {
	tok models.Token
	at  time.Time
}

const (
	tokenCacheTTL    = 10 * time.Second
	tokenOutageGrace = 5 * time.Minute
)

// authenticate finds the token of a secret (constant-time comparison of the
// stored hash; only hashes are stored).
func (s *Server) authenticate(ctx context.Context, secret string) (models.Token, error) {
	return s.authenticateHash(ctx, models.HashToken(secret))
}

// authenticateHash is authenticate of a token's hash: a session keeps its
// token's hash, not the token, and is checked through the same cache.
func (s *Server) authenticateHash(ctx context.Context, hash string) (models.Token, error) {
	if s.tokens == nil {
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "tokens are not available")
	}
	s.tokenCache.mu.Lock()
	c, ok := s.tokenCache.m[hash]
	s.tokenCache.mu.Unlock()
	now := s.now()
	if !ok || now.Sub(c.at) > tokenCacheTTL {
		tok, err := s.tokens.TokenByHash(ctx, hash)
		switch {
		case err == nil:
			c = cachedToken{tok: tok, at: now}
		case models.ErrorCode(err) == models.ENOTFOUND:
			return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "the token is not valid")
		case models.ErrorCode(err) == models.EUNAVAILABLE && ok && now.Sub(c.at) < tokenOutageGrace:
			// The database is down: a token verified a short while ago still
			// counts, so routes that need no database still answer and the
			// others say 503 (retry), not 401 (your token is wrong).
		default:
			return models.Token{}, err
		}
		s.tokenCache.mu.Lock()
		if s.tokenCache.m == nil {
			s.tokenCache.m = map[string]cachedToken{}
		}
		s.tokenCache.m[hash] = c
		s.tokenCache.mu.Unlock()
	}
	if subtle.ConstantTimeCompare([]byte(c.tok.Hash), []byte(hash)) != 1 {
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "the token is not valid")
	}
	if !c.tok.ValidAt(now) {
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "the token has expired or was revoked")
	}
	return c.tok, nil
}

// isPage reports routes that answer HTML: they redirect to the login form instead of answering JSON.
func isPage(route string) bool {
	return strings.HasPrefix(route, "GET /reports/") || strings.HasPrefix(route, "GET /login")
}

// authorize checks the caller's token (Authorization: Bearer, or the session
// cookie on pages and the report's downloads) against the route's roles: 401
// without a valid token, 403 with the wrong role, 429 over the token's rate or
// after too many failed attempts.
func (s *Server) authorize() gin.HandlerFunc {
	return func(c *gin.Context) {
		path := c.FullPath()
		if path == "" { // no route: let 404/405 answer
			c.Next()
			return
		}
		route := c.Request.Method + " " + path
		if s.isPublic(route) {
			c.Next()
			return
		}
		// The bearer token, or the session cookie where it is taken
		// (sessions.go); failures are throttled (throttle.go).
		tok, ok := s.identify(c, route)
		if !ok {
			return
		}
		// The caller keeps only the grants whose role may call the route: what
		// it reaches here it reaches through such a role, so the grants of
		// different roles never add up (callerIn).
		caller := s.callerFor(route, tok)
		c.Set(callerKey, tok.Name)
		c.Set(grantsKey, caller)
		if len(caller.Grants) == 0 {
			s.deny(c, route, http.StatusForbidden, models.Errorf(models.EFORBIDDEN, "no grant of this token (%s) may call %s", models.FormatGrants(tok.Grants), route))
			return
		}
		c.Set(roleKey, string(caller.Grants[0].Role))
		if !s.limiter(tok.ID).Allow() {
			c.Header("Retry-After", "1")
			s.writeError(c, models.Errorf(models.ERATELIMITED, "too many requests for token %s: at most %g a second", tok.Name, s.cfg.RateLimit))
			return
		}
		c.Next()
	}
}

const (
	roleKey   = "role"   // the role of the caller's first grant that may call the route
	grantsKey = "grants" // the models.Caller, with the grants that may call the route
)

// callerIn is the request's caller: its token's id and name and the grants
// whose role may call the route (set by authorize). Without a token it is
// "anonymous" with no grants, reaching nothing.
func callerIn(c *gin.Context) models.Caller {
	if v, ok := c.Get(grantsKey); ok {
		if caller, ok := v.(models.Caller); ok {
			caller.Name = callerOf(c) // "anonymous" for a token without a name, as the log had it
			return caller
		}
	}
	return models.Caller{Name: callerOf(c)}
}

func bearer(c *gin.Context) string {
	h := c.GetHeader("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// deny answers an unauthenticated or forbidden request: JSON for the API, the
// login form (or an HTML page) for pages.
func (s *Server) deny(c *gin.Context, route string, status int, err error) {
	if isPage(route) {
		if status == http.StatusUnauthorized {
			c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
			c.Abort()
			return
		}
		c.Header("Content-Type", "text/html; charset=utf-8")
		c.AbortWithStatus(status)
		writeLoginPage(c, web.RenderNoAccess)
		return
	}
	s.writeErrorStatus(c, status, err)
}

// limiter returns the token's rate limiter (a token bucket per token).
func (s *Server) limiter(tokenID string) *rate.Limiter {
	if s.cfg.RateLimit <= 0 {
		return rate.NewLimiter(rate.Inf, 0)
	}
	s.limitMu.Lock()
	defer s.limitMu.Unlock()
	l, ok := s.limits[tokenID]
	if !ok {
		if s.limits == nil {
			s.limits = map[string]*rate.Limiter{}
		}
		l = rate.NewLimiter(rate.Limit(s.cfg.RateLimit), s.cfg.RateBurst)
		s.limits[tokenID] = l
	}
	return l
}

// securityHeaders sets the headers every answer carries, and a strict CSP on HTML.
func securityHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
		if c.Request.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		c.Next()
	}
}

func (s *Server) registerLoginRoutes(r *gin.Engine) {
	s.handle(r, public, "GET", "/", s.handleHome)
	s.handle(r, public, "GET", "/login", s.handleLoginForm)
	s.handle(r, public, "POST", "/login", s.handleLogin)
	s.handle(r, public, "POST", "/logout", s.handleLogout)
}

// writeLoginPage writes one of web's plain pages (the login form, the front
// page, no access); the status and headers are set already. A page is drawn in
// full before a byte is written, and web's tests draw every one, so what is left
// to fail is the write: the client has gone, and there is no one left to tell,
// so the error is dropped.
func writeLoginPage(c *gin.Context, render func(io.Writer) error) {
	_ = render(c.Writer)
}
