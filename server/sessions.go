package server

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/web"
)

// The pages' sessions. The login form checks a token and starts a session in
// the database (models.Session: the SHA-256 of a random id, the token's id,
// created, expires, revoked); the cookie styring_session holds the session's
// id, never the token. On each use the session is read from the database (so
// a logout on one instance ends it on all) and its token is checked through the
// same cached authenticate the API uses (so a revoked token ends its sessions
// within tokenCacheTTL). Forms that change state carry a CSRF token and must
// come from this site's origin (csrfGuard).

const (
	// csrfCookie holds the login form's CSRF token, before there is a
	// session: the form's hidden field must repeat it (double submit).
	csrfCookie = "styring_csrf"
	// csrfField is the hidden field of every state-changing form.
	csrfField = "csrf"
	// sessionSweepEvery is how often an instance deletes expired sessions (at a login).
	sessionSweepEvery = time.Hour
)

// sessionState is what the server keeps for sessions, CSRF and throttling.
type sessionState struct {
	store    models.SessionStore
	failures *failureThrottle
	proxies  []netip.Prefix // trusted proxies, for X-Forwarded-Proto/-Host

	sweepMu sync.Mutex
	sweptAt time.Time
}

// newSessionState takes the session store of stores.
func newSessionState(stores Stores) *sessionState {
	return &sessionState{store: stores.Sessions, failures: newFailureThrottle()}
}

// sessionDownloads are the API routes that take the session cookie besides
// the pages: the report's downloads, which the report page links to. GET only;
// every other API route refuses the cookie.
var sessionDownloads = map[string]bool{
	"GET /api/v1/reports/compliance":      true,
	"GET /api/v1/reports/compliance.csv":  true,
	"GET /api/v1/reports/compliance.xlsx": true,
}

// takesSession reports routes that accept the session cookie.
func takesSession(route string) bool { return isPage(route) || sessionDownloads[route] }

// identify finds the caller of a route that needs one: the bearer token, or
// on the routes that take it the session cookie; failures are throttled. When
// it returns false it has answered (401, 429, 503) and aborted.
func (s *Server) identify(c *gin.Context, route string) (models.Token, bool) {
	ctx, now, addr := c.Request.Context(), s.now(), clientAddr(c)
	if secret := bearer(c); secret != "" {
		key := credentialKey(secret)
		if wait := s.sess.failures.wait(now, addr, key); wait > 0 {
			s.tooManyFailures(c, route, wait)
			return models.Token{}, false
		}
		tok, err := s.authenticate(ctx, secret)
		if err != nil {
			if models.ErrorCode(err) == models.EUNAUTHORIZED {
				s.sess.failures.fail(now, addr, key)
			}
			s.deny(c, route, statusOf(models.ErrorCode(err)), err)
			return models.Token{}, false
		}
		return tok, true
	}
	if id, err := c.Cookie(sessionCookie); err == nil && id != "" && takesSession(route) {
		if wait := s.sess.failures.wait(now, addr, ""); wait > 0 {
			s.tooManyFailures(c, route, wait)
			return models.Token{}, false
		}
		tok, err := s.sessionToken(ctx, id)
		if err != nil {
			if models.ErrorCode(err) == models.EUNAUTHORIZED {
				if errorIsUnknownSession(err) {
					s.sess.failures.fail(now, addr, "")
				}
				s.clearCookie(c, sessionCookie)
			}
			s.deny(c, route, statusOf(models.ErrorCode(err)), err)
			return models.Token{}, false
		}
		return tok, true
	}
	s.deny(c, route, http.StatusUnauthorized, models.Errorf(models.EUNAUTHORIZED, "this route needs Authorization: Bearer <token>"))
	return models.Token{}, false
}

// errUnknownSession is the message of a session id no one issued (or one
// swept long after it expired): the one session failure that is throttled,
// since a guess looks like it.
const errUnknownSession = "the session is not known: log in again"

func errorIsUnknownSession(err error) bool { return models.ErrorMessage(err) == errUnknownSession }

// sessionToken returns the token of the session whose id the browser holds:
// EUNAUTHORIZED when the id is malformed or unknown, the session expired or
// was revoked, or its token is no longer valid; EUNAVAILABLE when the
// database does not answer.
func (s *Server) sessionToken(ctx context.Context, id string) (models.Token, error) {
	if !models.WellFormedSessionID(id) {
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "the session cookie is not valid: log in again")
	}
	if s.sess.store == nil {
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "sessions are not available")
	}
	sctx, cancel := context.WithTimeout(ctx, s.cfg.StoreTimeout)
	sess, err := s.sess.store.SessionByHash(sctx, models.HashSessionID(id))
	cancel()
	switch {
	case models.ErrorCode(err) == models.ENOTFOUND:
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, errUnknownSession)
	case err != nil:
		return models.Token{}, err
	case !sess.ValidAt(s.now()):
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "the session has ended (logged out or expired): log in again")
	}
	tok, err := s.authenticateHash(ctx, sess.TokenHash)
	if err != nil {
		return models.Token{}, err
	}
	if tok.ID != sess.TokenID {
		return models.Token{}, models.Errorf(models.EUNAUTHORIZED, "the session is not valid: log in again")
	}
	return tok, nil
}

// sessionOf is the caller of a page that reads the session itself (the front
// page): the token and the session id, or ok false without a valid session.
func (s *Server) sessionOf(c *gin.Context) (tok models.Token, id string, ok bool) {
	id, err := c.Cookie(sessionCookie)
	if err != nil || id == "" {
		return models.Token{}, "", false
	}
	tok, err = s.sessionToken(c.Request.Context(), id)
	if err != nil {
		if models.ErrorCode(err) == models.EUNAUTHORIZED {
			s.clearCookie(c, sessionCookie)
		}
		return models.Token{}, "", false
	}
	return tok, id, true
}

// secureRequest reports whether the browser reached this site over TLS: the
// connection is TLS, or a trusted proxy says so (X-Forwarded-Proto: https).
func (s *Server) secureRequest(c *gin.Context) bool {
	return strings.HasPrefix(s.requestOrigin(c), "https://")
}

// setCookie sets one of the pages' cookies: HttpOnly, SameSite=Strict, Path=/,
// Secure over TLS. maxAge 0 is a browser-session cookie, negative deletes it.
func (s *Server) setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secureRequest(c), SameSite: http.SameSiteStrictMode})
}

func (s *Server) clearCookie(c *gin.Context, name string) { s.setCookie(c, name, "", -1) }

// randomID is 32 random bytes in base64url: a session id or a CSRF token.
func randomID() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// sessionCSRF is the CSRF token of a session's forms: an HMAC keyed by the
// session id, so it is the session's own, needs no storage, and does not give
// the id away.
func sessionCSRF(id string) string {
	m := hmac.New(sha256.New, []byte(id))
	m.Write([]byte("styring csrf v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// preSessionCSRF returns the login form's CSRF token: the csrf cookie's value,
// set now when the browser has none.
func (s *Server) preSessionCSRF(c *gin.Context) (string, error) {
	if v, err := c.Cookie(csrfCookie); err == nil && models.WellFormedSessionID(v) {
		return v, nil
	}
	v, err := randomID()
	if err != nil {
		return "", err
	}
	s.setCookie(c, csrfCookie, v, 0)
	return v, nil
}

// sameToken compares two tokens in constant time.
func sameToken(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// requestOrigin is the origin the browser used to reach this site: scheme and
// host, the scheme https over TLS; behind a trusted proxy, the scheme and host
// of its X-Forwarded-Proto and X-Forwarded-Host. Lower case, without a
// default port, as browsers write Origin.
func (s *Server) requestOrigin(c *gin.Context) string {
	scheme, host := "http", c.Request.Host
	if c.Request.TLS != nil {
		scheme = "https"
	}
	if s.fromTrustedProxy(c) {
		if p := firstValue(c.GetHeader("X-Forwarded-Proto")); p == "https" || p == "http" {
			scheme = p
		}
		if h := firstValue(c.GetHeader("X-Forwarded-Host")); h != "" {
			host = h
		}
	}
	return normalOrigin(scheme, host)
}

// firstValue is the first of a header's comma-separated values, trimmed and lower case.
func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.ToLower(strings.TrimSpace(v))
}

// normalOrigin writes scheme://host in lower case without the scheme's default port.
func normalOrigin(scheme, host string) string {
	scheme, host = strings.ToLower(scheme), strings.ToLower(host)
	switch {
	case scheme == "http" && strings.HasSuffix(host, ":80"):
		host = strings.TrimSuffix(host, ":80")
	case scheme == "https" && strings.HasSuffix(host, ":443"):
		host = strings.TrimSuffix(host, ":443")
	}
	return scheme + "://" + host
}

// originOf is the normal origin of a URL (an Origin or Referer header), or "" when it has none.
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return normalOrigin(u.Scheme, u.Host)
}

// csrfGuard refuses a state-changing request to a page route (POST /login,
// POST /logout and any form to come) that may come from another site: an
// Origin other than this site's (also "null"), or, without Origin, a Referer
// from another site; or a csrf field that is neither the session's token nor
// the login form's (the csrf cookie). The API is not guarded: it takes no
// cookie on a state-changing route. Refused: 403, as a page.
func (s *Server) csrfGuard() gin.HandlerFunc {
	return func(c *gin.Context) {
		route := c.FullPath()
		switch c.Request.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			c.Next()
			return
		}
		if route == "" || strings.HasPrefix(route, "/api/") {
			c.Next()
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBodyBytes)
		if problem := s.csrfProblem(c); problem != "" {
			s.log.Warn("form refused", "request_id", requestIDOf(c), "route", c.Request.Method+" "+route, "reason", problem)
			if c.Request.Method+" "+route == "POST /login" {
				s.loginForm(c, http.StatusForbidden, "Skjemaet ble ikke godtatt: det var utløpt eller kom fra et annet nettsted. Prøv igjen.")
				c.Abort()
				return
			}
			s.writePageError(c, models.LangNB, models.Errorf(models.EFORBIDDEN, "the form was refused: %s", problem))
			return
		}
		c.Next()
	}
}

// csrfProblem says why a form may not be this site's, or "".
func (s *Server) csrfProblem(c *gin.Context) string {
	own := s.requestOrigin(c)
	if o := c.GetHeader("Origin"); o != "" {
		if originOf(o) != own {
			return "it comes from another origin"
		}
	} else if ref := c.GetHeader("Referer"); ref != "" && originOf(ref) != own {
		return "it comes from another site (Referer)"
	}
	field := c.PostForm(csrfField)
	if field == "" {
		return "it has no csrf token"
	}
	if v, err := c.Cookie(csrfCookie); err == nil && sameToken(field, v) {
		return ""
	}
	if id, err := c.Cookie(sessionCookie); err == nil && models.WellFormedSessionID(id) && sameToken(field, sessionCSRF(id)) {
		return ""
	}
	return "its csrf token is not this browser's"
}

// safeNext keeps a post-login redirect on this site: a path that starts with a
// single "/", without control characters or backslashes, no scheme or host,
// whose cleaned path still starts with a single "/"; anything else is the
// start page ("/", which leads on to the page of the role).
func safeNext(next string) string {
	const start = "/"
	if next == "" || len(next) > 2048 || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || unsafeInURL(next) {
		return start
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || unsafeInURL(u.Path) || strings.HasPrefix(u.Path, "//") {
		return start
	}
	clean := path.Clean(u.Path)
	if !strings.HasPrefix(clean, "/") || strings.HasPrefix(clean, "//") {
		return start
	}
	if strings.HasSuffix(u.Path, "/") && clean != "/" {
		clean += "/"
	}
	out := (&url.URL{Path: clean}).EscapedPath()
	if strings.HasPrefix(out, "//") || !strings.HasPrefix(out, "/") {
		return start
	}
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out
}

// unsafeInURL reports a backslash, a control character or bytes that are not UTF-8.
func unsafeInURL(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	return strings.ContainsFunc(s, func(r rune) bool { return r == '\\' || unicode.IsControl(r) })
}

// handleHome serves GET /: a person who opens the server's address is led to
// the page of their role, or to the login form; never to a JSON 404.
func (s *Server) handleHome(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
	if tok, id, ok := s.sessionOf(c); ok {
		if len(s.callerFor("GET /reports/compliance", tok).Grants) > 0 {
			c.Redirect(http.StatusSeeOther, "/reports/compliance")
			return
		}
		// The page's logout form posts to this origin: Origin must be sent.
		c.Header("Referrer-Policy", "same-origin")
		c.Header("Content-Type", "text/html; charset=utf-8")
		c.Status(http.StatusOK)
		writeLoginPage(c, func(w io.Writer) error {
			return web.RenderHome(w, web.HomeOptions{Name: tok.Name, Role: string(tok.Role), CSRF: sessionCSRF(id)})
		})
		return
	}
	c.Redirect(http.StatusSeeOther, "/login")
}

// handleLoginForm serves GET /login: a form for the same token the API takes.
func (s *Server) handleLoginForm(c *gin.Context) {
	s.loginForm(c, http.StatusOK, "")
}

// loginForm writes the login form with its CSRF token (setting the csrf
// cookie when the browser has none).
func (s *Server) loginForm(c *gin.Context, status int, problem string) {
	next := safeNext(c.Query("next"))
	if v := c.PostForm("next"); v != "" {
		next = safeNext(v)
	}
	token, err := s.preSessionCSRF(c)
	if err != nil {
		s.writePageError(c, models.LangNB, err)
		return
	}
	// The form posts to this origin: Origin must be sent, which a
	// Referrer-Policy of no-referrer would turn into "null".
	c.Header("Referrer-Policy", "same-origin")
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Header("Cache-Control", "no-store")
	c.Status(status)
	writeLoginPage(c, func(w io.Writer) error {
		return web.RenderLogin(w, web.LoginOptions{Next: next, Problem: problem, CSRF: token})
	})
}

// handleLogin serves POST /login (after csrfGuard): checks the token, starts a
// session and sets the session cookie holding its id. Failures are throttled
// per client address and per token.
func (s *Server) handleLogin(c *gin.Context) {
	secret := strings.TrimSpace(c.PostForm("token"))
	if secret == "" {
		s.loginForm(c, http.StatusBadRequest, "Skriv inn tilgangsnøkkelen.")
		return
	}
	now, addr, key := s.now(), clientAddr(c), credentialKey(secret)
	if wait := s.sess.failures.wait(now, addr, key); wait > 0 {
		secs := retryAfter(wait)
		c.Header("Retry-After", fmt.Sprint(secs))
		s.loginForm(c, http.StatusTooManyRequests, fmt.Sprintf("For mange mislykkede forsøk. Prøv igjen om %d sekunder.", secs))
		return
	}
	tok, err := s.authenticate(c.Request.Context(), secret)
	if err != nil {
		if models.ErrorCode(err) != models.EUNAUTHORIZED {
			s.loginUnavailable(c, err)
			return
		}
		s.sess.failures.fail(now, addr, key)
		s.loginForm(c, http.StatusUnauthorized, "Nøkkelen er ikke gyldig, er utløpt eller trukket tilbake.")
		return
	}
	if s.sess.store == nil {
		s.loginUnavailable(c, models.Errorf(models.EUNAVAILABLE, "sessions are not available"))
		return
	}
	sess, id, err := models.NewSession(tok, now)
	if err == nil {
		ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.StoreTimeout)
		err = s.sess.store.CreateSession(ctx, &sess)
		cancel()
	}
	if err != nil {
		s.loginUnavailable(c, err)
		return
	}
	// A session the browser held before ends: one browser, one session. A
	// failure is logged and the login goes on: the old session still ends at
	// its expiry, and the browser no longer holds it.
	if old, err := c.Cookie(sessionCookie); err == nil && models.WellFormedSessionID(old) {
		_ = s.revokeSession(c, old)
	}
	s.sweepSessions(c.Request.Context(), now)
	s.setCookie(c, sessionCookie, id, max(1, int(math.Ceil(sess.ExpiresAt.Sub(now).Seconds()))))
	c.Redirect(http.StatusSeeOther, safeNext(c.PostForm("next")))
}

// loginUnavailable answers a login that failed on our side: the form again
// with 503 (and Retry-After) when the database does not answer, else the
// internal error page.
func (s *Server) loginUnavailable(c *gin.Context, err error) {
	if models.ErrorCode(err) == models.EUNAVAILABLE {
		s.log.Warn("login unavailable", "request_id", requestIDOf(c), "error", err.Error())
		c.Header("Retry-After", "5")
		s.loginForm(c, http.StatusServiceUnavailable, "Innlogging er ikke mulig akkurat nå. Prøv igjen om litt.")
		return
	}
	s.writePageError(c, models.LangNB, err)
}

// revokeSession revokes the session of an id; a failure is logged and returned.
func (s *Server) revokeSession(c *gin.Context, id string) error {
	ctx, cancel := context.WithTimeout(c.Request.Context(), s.cfg.StoreTimeout)
	defer cancel()
	err := s.sess.store.RevokeSession(ctx, models.HashSessionID(id), s.now())
	if err != nil {
		s.log.Warn("revoke session", "request_id", requestIDOf(c), "error", err.Error())
	}
	return err
}

// sweepSessions deletes expired sessions, at most once per sessionSweepEvery
// on this instance; a failure is logged and tried again at the next login.
func (s *Server) sweepSessions(ctx context.Context, now time.Time) {
	s.sess.sweepMu.Lock()
	due := now.Sub(s.sess.sweptAt) >= sessionSweepEvery
	if due {
		s.sess.sweptAt = now
	}
	s.sess.sweepMu.Unlock()
	if !due {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.StoreTimeout)
	defer cancel()
	if n, err := s.sess.store.DeleteSessionsExpiredBefore(ctx, now); err != nil {
		s.log.Warn("delete expired sessions", "error", err.Error())
	} else if n > 0 {
		s.log.Info("deleted expired sessions", "count", n)
	}
}

// handleLogout serves POST /logout (after csrfGuard): revokes the session in
// the database, so no instance accepts its id again, and deletes the cookie.
// When the database does not answer, the cookie is kept and the page says so,
// so the person can try again.
func (s *Server) handleLogout(c *gin.Context) {
	if id, err := c.Cookie(sessionCookie); err == nil && models.WellFormedSessionID(id) && s.sess.store != nil {
		if err := s.revokeSession(c, id); err != nil {
			s.writePageError(c, models.LangNB, err)
			return
		}
	}
	s.clearCookie(c, sessionCookie)
	c.Redirect(http.StatusSeeOther, "/login")
}
