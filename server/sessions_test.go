package server

import (
	"context"
	"crypto/tls"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// browser is a person's browser in the tests: it keeps the cookies it is
// given, sends them back, and posts forms with this site's Origin
// (httptest's requests are for http://example.com).
type browser struct {
	t      *testing.T
	h      http.Handler
	jar    map[string]string
	origin string // the Origin of posts; "" sends none
	remote string // the peer's address; "" is httptest's 192.0.2.1:1234
}

const ownOrigin = "http://example.com"

func newBrowser(t *testing.T, h http.Handler) *browser {
	return &browser{t: t, h: h, jar: map[string]string{}, origin: ownOrigin}
}

// on is a copy of the browser (its cookies as they are now) talking to another instance.
func (b *browser) on(h http.Handler) *browser {
	c := *b
	c.h = h
	c.jar = maps.Clone(b.jar)
	return &c
}

// withSession gets target with nothing but a session cookie holding id: what
// someone who kept a copy of the cookie would send.
func withSession(t *testing.T, h http.Handler, id, target string) *httptest.ResponseRecorder {
	t.Helper()
	b := newBrowser(t, h)
	b.jar[sessionCookie] = id
	return b.get(target)
}

// request sends a request with the browser's cookies; form != nil posts it.
// header values "" delete the header.
func (b *browser) request(method, target string, form url.Values, header map[string]string) *httptest.ResponseRecorder {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if b.origin != "" {
			r.Header.Set("Origin", b.origin)
		}
	}
	if b.remote != "" {
		r.RemoteAddr = b.remote
	}
	for name, v := range b.jar {
		r.AddCookie(&http.Cookie{Name: name, Value: v})
	}
	for k, v := range header {
		if v == "" {
			r.Header.Del(k)
		} else {
			r.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	b.h.ServeHTTP(rec, r)
	for _, c := range rec.Result().Cookies() {
		if c.MaxAge < 0 {
			delete(b.jar, c.Name)
		} else {
			b.jar[c.Name] = c.Value
		}
	}
	return rec
}

func (b *browser) get(target string) *httptest.ResponseRecorder {
	b.t.Helper()
	return b.request("GET", target, nil, nil)
}

func (b *browser) post(target string, form url.Values) *httptest.ResponseRecorder {
	b.t.Helper()
	return b.request("POST", target, form, nil)
}

var csrfInForm = regexp.MustCompile(`name="csrf" value="([^"]*)"`)

// formCSRF reads the csrf field of a page's form.
func formCSRF(t *testing.T, page string) string {
	t.Helper()
	m := csrfInForm.FindStringSubmatch(page)
	if m == nil || m[1] == "" {
		t.Fatalf("no csrf field in %.300s", page)
	}
	return m[1]
}

// loginForm opens the login form and returns its csrf field.
func (b *browser) loginForm() string {
	b.t.Helper()
	rec := b.get("/login")
	if rec.Code != 200 {
		b.t.Fatalf("GET /login: %d", rec.Code)
	}
	return formCSRF(b.t, rec.Body.String())
}

// login fills in the login form with secret and sends it.
func (b *browser) login(secret string) *httptest.ResponseRecorder {
	b.t.Helper()
	return b.post("/login", url.Values{"token": {secret}, "csrf": {b.loginForm()}})
}

// mustLogin logs in and returns the session cookie.
func (b *browser) mustLogin(secret string) string {
	b.t.Helper()
	rec := b.login(secret)
	if rec.Code != http.StatusSeeOther || b.jar[sessionCookie] == "" {
		b.t.Fatalf("login: %d, cookies %v: %.300s", rec.Code, b.jar, rec.Body)
	}
	return b.jar[sessionCookie]
}

// logout sends the logout form of the session.
func (b *browser) logout() *httptest.ResponseRecorder {
	b.t.Helper()
	return b.post("/logout", url.Values{"csrf": {sessionCSRF(b.jar[sessionCookie])}})
}

// wantLoginRedirect checks that a page sent the browser to the login form.
func wantLoginRedirect(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
		t.Errorf("status %d, Location %q: want a redirect to the login form", rec.Code, rec.Header().Get("Location"))
	}
}

// setCookieOf returns the Set-Cookie header that sets name.
func setCookieOf(rec *httptest.ResponseRecorder, name string) string {
	for _, h := range rec.Header().Values("Set-Cookie") {
		if strings.HasPrefix(h, name+"=") {
			return h
		}
	}
	return ""
}

// twoInstances are two servers, each with its own store, on one database: a
// SQLite file or a PostgreSQL schema both open, as instances behind a load
// balancer share one.
func twoInstances(t *testing.T, backend string) (*Server, *Server) {
	t.Helper()
	dsn := gormtest.TestURL(t, backend)
	open := func() *gormstore.Store {
		st, err := gormstore.Open(context.Background(), dsn, gormstore.Options{QueryTimeout: 30 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if err := st.Migrate(context.Background()); err != nil {
			t.Fatal(err)
		}
		return st
	}
	return newTestServerWith(t, open(), Config{}), newTestServerWith(t, open(), Config{})
}

func TestSessionCookieHoldsASessionNotTheToken(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		secret := issueToken(t, s, "kari", models.RoleLeder)
		b := newBrowser(t, s)
		rec := b.login(secret)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("login: %d", rec.Code)
		}
		set := setCookieOf(rec, sessionCookie)
		id := b.jar[sessionCookie]
		if strings.Contains(set, secret) || strings.Contains(set, strings.TrimPrefix(secret, "sty_")) || id == secret {
			t.Fatalf("the cookie holds the token: %q", set)
		}
		if !models.WellFormedSessionID(id) {
			t.Errorf("the cookie holds %q, not a session id", id)
		}
		for _, attr := range []string{"Path=/", "HttpOnly", "SameSite=Strict", "Max-Age=28800"} {
			if !strings.Contains(set, attr) {
				t.Errorf("cookie %q has no %s", set, attr)
			}
		}
		if strings.Contains(set, "Secure") {
			t.Errorf("cookie %q is Secure over plain HTTP", set)
		}
		// The database keeps the id's hash, bound to the token.
		sess, err := s.sess.store.SessionByHash(t.Context(), models.HashSessionID(id))
		if err != nil {
			t.Fatal(err)
		}
		tok, _ := s.authenticate(t.Context(), secret)
		if sess.TokenID != tok.ID || !sess.ExpiresAt.After(time.Now().Add(7*time.Hour)) {
			t.Errorf("session %+v, want bound to %s for 8 h", sess, tok.ID)
		}
		if _, err := s.sess.store.SessionByHash(t.Context(), id); models.ErrorCode(err) != models.ENOTFOUND {
			t.Errorf("the store finds the session by its id: %v", err)
		}
		if rec := b.get("/reports/compliance"); rec.Code != 200 {
			t.Errorf("the report with the session: %d", rec.Code)
		}
		// The token itself in the cookie (as before sessions) opens nothing.
		old := newBrowser(t, s)
		old.jar[sessionCookie] = secret
		wantLoginRedirect(t, old.get("/reports/compliance"))
	})
}

func TestSessionCookieIsSecureOverTLS(t *testing.T) {
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{TrustedProxies: []string{"10.0.0.0/8"}})
	secret := issueToken(t, s, "kari", models.RoleLeder)
	for name, setup := range map[string]func(r *http.Request){
		"a TLS connection": func(r *http.Request) { r.TLS = &tls.ConnectionState{} },
		"a trusted proxy that terminated TLS": func(r *http.Request) {
			r.RemoteAddr = "10.1.2.3:4567"
			r.Header.Set("X-Forwarded-Proto", "https")
		},
	} {
		t.Run(name, func(t *testing.T) {
			get := httptest.NewRequest("GET", "/login", nil)
			setup(get)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, get)
			if set := setCookieOf(rec, csrfCookie); !strings.Contains(set, "Secure") {
				t.Errorf("csrf cookie %q is not Secure", set)
			}
			csrf := rec.Result().Cookies()[0].Value
			post := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"token": {secret}, "csrf": {formCSRF(t, rec.Body.String())}}.Encode()))
			setup(post)
			post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			post.Header.Set("Origin", "https://example.com")
			post.AddCookie(&http.Cookie{Name: csrfCookie, Value: csrf})
			rec = httptest.NewRecorder()
			s.ServeHTTP(rec, post)
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("login: %d %.300s", rec.Code, rec.Body)
			}
			if set := setCookieOf(rec, sessionCookie); !strings.Contains(set, "Secure") || !strings.Contains(set, "HttpOnly") {
				t.Errorf("session cookie %q is not Secure and HttpOnly", set)
			}
		})
	}
	t.Run("an untrusted peer's X-Forwarded-Proto is not believed", func(t *testing.T) {
		r := httptest.NewRequest("GET", "/login", nil)
		r.RemoteAddr = "198.51.100.7:4567"
		r.Header.Set("X-Forwarded-Proto", "https")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		if set := setCookieOf(rec, csrfCookie); strings.Contains(set, "Secure") {
			t.Errorf("csrf cookie %q is Secure on the word of an untrusted peer", set)
		}
	})
}

func TestSessionNeverOutlivesItsToken(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	soon := time.Now().Add(time.Hour)
	tok, secret, _ := models.NewToken("short", models.RoleLeder, &soon)
	if err := s.tokens.CreateToken(t.Context(), &tok); err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, s)
	rec := b.login(secret)
	set := setCookieOf(rec, sessionCookie)
	m := regexp.MustCompile(`Max-Age=(\d+)`).FindStringSubmatch(set)
	if m == nil {
		t.Fatalf("cookie %q has no Max-Age", set)
	}
	if age, _ := strconv.Atoi(m[1]); age > 3600 || age < 3500 {
		t.Errorf("Max-Age %d, want the token's hour", age)
	}
	t.Run("the session ends with the token", func(t *testing.T) {
		later := time.Now().Add(time.Hour + time.Second)
		s.now = func() time.Time { return later }
		defer func() { s.now = time.Now }()
		wantLoginRedirect(t, b.get("/reports/compliance"))
	})
}

func TestSessionExpiresAfterEightHours(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	b := newBrowser(t, s)
	b.mustLogin(issueToken(t, s, "kari", models.RoleLeder))
	if rec := b.get("/reports/compliance"); rec.Code != 200 {
		t.Fatalf("report: %d", rec.Code)
	}
	later := time.Now().Add(models.SessionLifetime + time.Second)
	s.now = func() time.Time { return later }
	defer func() { s.now = time.Now }()
	rec := b.get("/reports/compliance")
	wantLoginRedirect(t, rec)
	if set := setCookieOf(rec, sessionCookie); !strings.Contains(set, "Max-Age=0") {
		t.Errorf("the ended session's cookie is not deleted: %q", set)
	}
}

func TestLogoutEndsTheSessionOnEveryInstance(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		a, other := twoInstances(t, backend)
		secret := issueToken(t, a, "kari", models.RoleLeder)
		b := newBrowser(t, a)
		id := b.mustLogin(secret)
		if rec := b.on(other).get("/reports/compliance"); rec.Code != 200 {
			t.Fatalf("the other instance does not know the session: %d", rec.Code)
		}
		rec := b.logout()
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
			t.Fatalf("logout: %d %q", rec.Code, rec.Header().Get("Location"))
		}
		if set := setCookieOf(rec, sessionCookie); !strings.Contains(set, "Max-Age=0") {
			t.Errorf("logout does not delete the cookie: %q", set)
		}
		// Someone who kept a copy of the cookie (the old browser state) is refused everywhere.
		wantLoginRedirect(t, withSession(t, a, id, "/reports/compliance"))
		wantLoginRedirect(t, withSession(t, other, id, "/reports/compliance"))
		if rec := withSession(t, other, id, "/"); rec.Header().Get("Location") != "/login" {
			t.Errorf("the front page with a revoked session leads to %q", rec.Header().Get("Location"))
		}
		if rec := withSession(t, other, id, "/api/v1/reports/compliance.csv"); rec.Code != 401 {
			t.Errorf("the CSV with a revoked session: %d", rec.Code)
		}
	})
}

func TestRevokingTheTokenEndsItsSessions(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		a, other := twoInstances(t, backend)
		secret := issueToken(t, a, "kari", models.RoleLeder)
		id := newBrowser(t, a).mustLogin(secret)
		if rec := withSession(t, a, id, "/reports/compliance"); rec.Code != 200 {
			t.Fatalf("report: %d", rec.Code)
		}
		if _, err := a.tokens.RevokeToken(t.Context(), "kari", time.Now()); err != nil {
			t.Fatal(err)
		}
		// An instance that has not verified the token lately refuses at once…
		wantLoginRedirect(t, withSession(t, other, id, "/reports/compliance"))
		// …the one that has, once its cache has passed, as for the API.
		later := time.Now().Add(tokenCacheTTL + time.Second)
		a.now = func() time.Time { return later }
		defer func() { a.now = time.Now }()
		wantLoginRedirect(t, withSession(t, a, id, "/reports/compliance"))
		if code := withSession(t, a, id, "/api/v1/reports/compliance").Code; code != 401 {
			t.Errorf("the JSON report with the revoked token's session: %d", code)
		}
	})
}

func TestLogoutFromTheFrontPage(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	b := newBrowser(t, s)
	b.mustLogin(issueToken(t, s, "clerk", models.RoleSaksbehandler))
	home := b.get("/")
	if home.Code != 200 {
		t.Fatalf("front page: %d", home.Code)
	}
	if rp := home.Header().Get("Referrer-Policy"); rp != "same-origin" {
		t.Errorf("Referrer-Policy %q: a browser would send Origin: null with the form", rp)
	}
	csrf := formCSRF(t, home.Body.String())
	if rec := b.post("/logout", url.Values{"csrf": {csrf}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("logout with the page's form: %d", rec.Code)
	}
	if rec := b.get("/"); rec.Header().Get("Location") != "/login" {
		t.Errorf("after logout the front page leads to %q", rec.Header().Get("Location"))
	}
}

// TestLogoutFromTheReportPage: a manager's report page has a logout button
// whose form ends the session (the report leads managers away from the front page).
func TestLogoutFromTheReportPage(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	b := newBrowser(t, s)
	b.mustLogin(issueToken(t, s, "leder", models.RoleLeder))
	page := b.get("/reports/compliance")
	if page.Code != 200 || !strings.Contains(page.Body.String(), `action="/logout"`) {
		t.Fatalf("report page: %d, logout form missing", page.Code)
	}
	csrf := formCSRF(t, page.Body.String())
	if rec := b.post("/logout", url.Values{"csrf": {csrf}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("logout with the report page's form: %d", rec.Code)
	}
	wantLoginRedirect(t, b.get("/reports/compliance"))
	// A page opened with a bearer token has no session to end: no button.
	api := do(t, s, req{method: "GET", path: "/reports/compliance", headers: map[string]string{"Authorization": "Bearer " + issueToken(t, s, "leder2", models.RoleLeder)}})
	if api.Code != 200 || strings.Contains(api.Body.String(), `action="/logout"`) {
		t.Errorf("bearer page: %d, logout form shown", api.Code)
	}
}

func TestFormsRefuseCrossSiteRequests(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	secret := issueToken(t, s, "kari", models.RoleLeder)
	wantRefused := func(t *testing.T, rec *httptest.ResponseRecorder) {
		t.Helper()
		if rec.Code != http.StatusForbidden {
			t.Errorf("status %d, want 403", rec.Code)
		}
		if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("Content-Type %q, want a page", ct)
		}
		if setCookieOf(rec, sessionCookie) != "" {
			t.Error("a refused form set the session cookie")
		}
	}
	t.Run("login", func(t *testing.T) {
		for name, send := range map[string]func(b *browser, csrf string) *httptest.ResponseRecorder{
			"without the csrf field": func(b *browser, _ string) *httptest.ResponseRecorder {
				return b.post("/login", url.Values{"token": {secret}})
			},
			"with another csrf token": func(b *browser, _ string) *httptest.ResponseRecorder {
				return b.post("/login", url.Values{"token": {secret}, "csrf": {strings.Repeat("A", 43)}})
			},
			"without the csrf cookie": func(b *browser, csrf string) *httptest.ResponseRecorder {
				delete(b.jar, csrfCookie)
				return b.post("/login", url.Values{"token": {secret}, "csrf": {csrf}})
			},
			"from a foreign Origin": func(b *browser, csrf string) *httptest.ResponseRecorder {
				b.origin = "https://evil.example"
				return b.post("/login", url.Values{"token": {secret}, "csrf": {csrf}})
			},
			"from Origin null": func(b *browser, csrf string) *httptest.ResponseRecorder {
				b.origin = "null"
				return b.post("/login", url.Values{"token": {secret}, "csrf": {csrf}})
			},
			"from another port of the host": func(b *browser, csrf string) *httptest.ResponseRecorder {
				b.origin = "http://example.com:8081"
				return b.post("/login", url.Values{"token": {secret}, "csrf": {csrf}})
			},
			"without Origin, with a Referer from another site": func(b *browser, csrf string) *httptest.ResponseRecorder {
				b.origin = ""
				return b.request("POST", "/login", url.Values{"token": {secret}, "csrf": {csrf}}, map[string]string{"Referer": "https://evil.example/form"})
			},
		} {
			t.Run(name, func(t *testing.T) {
				b := newBrowser(t, s)
				rec := send(b, b.loginForm())
				wantRefused(t, rec)
				// The answer is the form again, with a token that works.
				if rec.Code == http.StatusForbidden {
					csrf := formCSRF(t, rec.Body.String())
					b.origin = ownOrigin
					if rec := b.post("/login", url.Values{"token": {secret}, "csrf": {csrf}}); rec.Code != http.StatusSeeOther {
						t.Errorf("a second try from the refused form: %d", rec.Code)
					}
				}
			})
		}
		t.Run("this site's form is taken without Origin or Referer, and with its own Referer", func(t *testing.T) {
			b := newBrowser(t, s)
			b.origin = ""
			if rec := b.post("/login", url.Values{"token": {secret}, "csrf": {b.loginForm()}}); rec.Code != http.StatusSeeOther {
				t.Errorf("no Origin: %d", rec.Code)
			}
			b = newBrowser(t, s)
			rec := b.request("POST", "/login", url.Values{"token": {secret}, "csrf": {b.loginForm()}}, map[string]string{"Referer": ownOrigin + "/login?next=/"})
			if rec.Code != http.StatusSeeOther {
				t.Errorf("own Referer: %d", rec.Code)
			}
		})
	})
	t.Run("logout", func(t *testing.T) {
		b := newBrowser(t, s)
		b.mustLogin(secret)
		wantRefused(t, b.post("/logout", url.Values{}))
		wantRefused(t, b.post("/logout", url.Values{"csrf": {"x"}}))
		b.origin = "https://evil.example"
		wantRefused(t, b.logout())
		b.origin = ownOrigin
		if rec := b.get("/reports/compliance"); rec.Code != 200 {
			t.Errorf("a refused logout ended the session: %d", rec.Code)
		}
		// Another session's token does not log this one out.
		other := newBrowser(t, s)
		other.mustLogin(secret)
		wantRefused(t, b.post("/logout", url.Values{"csrf": {sessionCSRF(other.jar[sessionCookie])}}))
		if rec := b.logout(); rec.Code != http.StatusSeeOther {
			t.Errorf("logout with the session's token: %d", rec.Code)
		}
	})
}

func TestReportDownloadsTakeTheSession(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
	leader := newBrowser(t, s)
	leader.mustLogin(issueToken(t, s, "leder", models.RoleLeder))
	clerk := newBrowser(t, s)
	clerk.mustLogin(issueToken(t, s, "clerk", models.RoleSaksbehandler))

	t.Run("the JSON and CSV of the report open for a manager's session", func(t *testing.T) {
		for path, ctype := range map[string]string{
			"/api/v1/reports/compliance":                               "application/json",
			"/api/v1/reports/compliance.csv":                           "text/csv",
			"/api/v1/reports/compliance.csv?lang=nb&table=initiatives": "text/csv",
		} {
			rec := leader.get(path)
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) {
				t.Errorf("%s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
			}
		}
	})
	t.Run("not for a case handler's session", func(t *testing.T) {
		if rec := clerk.get("/api/v1/reports/compliance.csv"); rec.Code != 403 {
			t.Errorf("%d", rec.Code)
		}
	})
	t.Run("other API routes refuse the cookie, GET or POST", func(t *testing.T) {
		for _, r := range []struct{ method, path, body string }{
			{"GET", "/api/v1/rules", ""},
			{"GET", "/api/v1/initiatives", ""},
			{"POST", "/api/v1/check", `{}`},
			{"POST", "/api/v1/initiatives", `{}`},
			{"POST", "/api/v1/policy/reload", ""},
			{"POST", "/api/v1/initiatives/HP2124-OSK-014/waivers", `{}`},
		} {
			var body io.Reader
			if r.body != "" {
				body = strings.NewReader(r.body)
			}
			hr := httptest.NewRequest(r.method, r.path, body)
			hr.Header.Set("Content-Type", "application/json")
			hr.Header.Set("Origin", ownOrigin)
			hr.AddCookie(&http.Cookie{Name: sessionCookie, Value: leader.jar[sessionCookie]})
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, hr)
			if rec.Code != 401 {
				t.Errorf("%s %s with the session cookie: %d, want 401", r.method, r.path, rec.Code)
			}
		}
	})
}

func TestNextStaysOnThisSite(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	secret := issueToken(t, s, "kari", models.RoleLeder)
	for next, want := range map[string]string{
		"/%09/evil.example":           "/",
		"/\t/evil.example":            "/",
		"//evil":                      "/",
		"//evil.example/x":            "/",
		`/\evil`:                      "/",
		`/\/evil`:                     "/",
		"https://evil":                "/",
		"http:evil":                   "/",
		"javascript:alert(1)":         "/",
		"evil.example":                "/",
		"/%2F%2Fevil.example":         "/",
		"/%5Cevil.example":            "/",
		"/./%2Fevil.example":          "/evil.example",
		"/\r\nSet-Cookie: x=y":        "/",
		"/\u0085evil":                 "/",
		"":                            "/",
		"/reports/compliance?lang=en": "/reports/compliance?lang=en",
		"/reports/compliance/initiatives/HP2124-OSK-014": "/reports/compliance/initiatives/HP2124-OSK-014",
		"/reports/../reports/compliance":                 "/reports/compliance",
		"/":                                              "/",
	} {
		t.Run(strconv.Quote(next), func(t *testing.T) {
			b := newBrowser(t, s)
			rec := b.post("/login", url.Values{"token": {secret}, "csrf": {b.loginForm()}, "next": {next}})
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("login: %d", rec.Code)
			}
			loc := rec.Header().Get("Location")
			if loc != want {
				t.Errorf("Location %q, want %q", loc, want)
			}
			u, err := url.Parse(loc)
			if err != nil || u.Host != "" || u.Scheme != "" || !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.ContainsAny(loc, "\\\t\r\n") {
				t.Errorf("Location %q leaves the site", loc)
			}
		})
	}
	t.Run("the form sends a safe next back", func(t *testing.T) {
		b := newBrowser(t, s)
		page := b.request("GET", "/login?next="+url.QueryEscape("//evil.example"), nil, nil).Body.String()
		if !strings.Contains(page, `name="next" value="/"`) {
			t.Errorf("the form keeps an offsite next: %.500s", page)
		}
	})
}

// failedLogins sends n logins with wrong tokens (a new one each time unless
// same) from the browser's address and counts the statuses; it returns the
// last 429's Retry-After.
func failedLogins(t *testing.T, b *browser, n int, same bool) (map[int]int, string) {
	t.Helper()
	csrf := b.loginForm()
	codes, retry := map[int]int{}, ""
	for i := range n {
		token := "sty_wrong"
		if !same {
			token += strconv.Itoa(i)
		}
		rec := b.post("/login", url.Values{"token": {token}, "csrf": {csrf}})
		codes[rec.Code]++
		if rec.Code == http.StatusTooManyRequests {
			retry = rec.Header().Get("Retry-After")
			if !strings.Contains(rec.Body.String(), "For mange mislykkede forsøk") {
				t.Errorf("the 429 form does not say why: %.300s", rec.Body)
			}
		}
	}
	return codes, retry
}

func TestFailedLoginsAreThrottled(t *testing.T) {
	t.Run("300 wrong tokens from one address", func(t *testing.T) {
		s := newTestServer(t, gormstore.BackendSQLite)
		codes, retry := failedLogins(t, newBrowser(t, s), 300, false)
		if codes[401] != addrFailures || codes[429] != 300-addrFailures {
			t.Errorf("statuses %v, want %d × 401 then 429", codes, addrFailures)
		}
		if n, err := strconv.Atoi(retry); err != nil || n < 1 || n > int(failureWindow.Seconds()) {
			t.Errorf("Retry-After %q", retry)
		}
		// A right token from the same address waits too; from another address it goes in.
		b := newBrowser(t, s)
		secret := issueToken(t, s, "kari", models.RoleLeder)
		if rec := b.login(secret); rec.Code != http.StatusTooManyRequests {
			t.Errorf("a right token from the throttled address: %d", rec.Code)
		}
		b.remote = "198.51.100.20:5000"
		if rec := b.login(secret); rec.Code != http.StatusSeeOther {
			t.Errorf("a right token from another address: %d", rec.Code)
		}
		// Once the window has passed, the address may try again.
		later := time.Now().Add(failureWindow)
		s.now = func() time.Time { return later }
		defer func() { s.now = time.Now }()
		codes, _ = failedLogins(t, newBrowser(t, s), 1, false)
		if codes[401] != 1 {
			t.Errorf("after the window: %v, want 401", codes)
		}
	})
	t.Run("one wrong token from many addresses", func(t *testing.T) {
		s := newTestServer(t, gormstore.BackendSQLite)
		codes := map[int]int{}
		for i := range 20 {
			b := newBrowser(t, s)
			b.remote = "198.51.100." + strconv.Itoa(i+1) + ":4000"
			c, _ := failedLogins(t, b, 1, true)
			for k, v := range c {
				codes[k] += v
			}
		}
		if codes[401] != keyFailures || codes[429] != 20-keyFailures {
			t.Errorf("statuses %v, want %d × 401 then 429", codes, keyFailures)
		}
	})
}

func TestBadBearerTokensAreThrottled(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	get := func(token, remote string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", "/api/v1/rules", nil)
		r.Header.Set("Authorization", "Bearer "+token)
		if remote != "" {
			r.RemoteAddr = remote
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		return rec
	}
	codes, retry := map[int]int{}, ""
	for i := range 300 {
		rec := get("sty_wrong"+strconv.Itoa(i), "")
		codes[rec.Code]++
		if rec.Code == 429 {
			retry = rec.Header().Get("Retry-After")
			wantError(t, rec, 429, models.ERATELIMITED, "failed")
		}
	}
	if codes[401] != addrFailures || codes[429] != 300-addrFailures || retry == "" {
		t.Errorf("statuses %v, Retry-After %q: want %d × 401 then 429 with Retry-After", codes, retry, addrFailures)
	}
	// Another address with a valid token is not held up.
	if rec := get(testAdmin(t, s), "203.0.113.9:1000"); rec.Code != 200 {
		t.Errorf("a valid token from another address: %d", rec.Code)
	}
	// A missing token is no failed guess.
	fresh := newTestServer(t, gormstore.BackendSQLite)
	for range 50 {
		r := httptest.NewRequest("GET", "/api/v1/rules", nil)
		rec := httptest.NewRecorder()
		fresh.ServeHTTP(rec, r)
		if rec.Code != 401 {
			t.Fatalf("no token: %d, want 401 every time", rec.Code)
		}
	}
}

// testAdmin is the admin token newTestServer issued.
func testAdmin(t *testing.T, s *Server) string {
	t.Helper()
	tok, ok := testTokens.Load(s)
	if !ok {
		t.Fatal("no admin token")
	}
	return tok.(string)
}

func TestForwardedForOnlyFromTrustedProxies(t *testing.T) {
	// wrongs sends n wrong tokens (each new) from peer, each claiming another
	// client in X-Forwarded-For, and counts the 429s.
	wrongs := func(s *Server, peer string, n int) int {
		throttled := 0
		for i := range n {
			r := httptest.NewRequest("GET", "/api/v1/rules", nil)
			r.RemoteAddr = peer
			r.Header.Set("X-Forwarded-For", "203.0.113."+strconv.Itoa(i%250+1))
			r.Header.Set("Authorization", "Bearer sty_wrong"+strconv.Itoa(i))
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, r)
			if rec.Code == 429 {
				throttled++
			}
		}
		return throttled
	}
	t.Run("by default no proxy is trusted: the peer is the client", func(t *testing.T) {
		s := newTestServer(t, gormstore.BackendSQLite)
		if n := wrongs(s, "10.0.0.1:3000", 100); n != 100-addrFailures {
			t.Errorf("%d throttled, want %d: X-Forwarded-For was believed", n, 100-addrFailures)
		}
	})
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{TrustedProxies: []string{"10.0.0.0/8", "2001:db8::1"}})
	t.Run("behind a trusted proxy each forwarded client has its own bucket", func(t *testing.T) {
		if n := wrongs(s, "10.0.0.1:3000", 100); n != 0 {
			t.Errorf("%d throttled, want none", n)
		}
		if n := wrongs(s, "[2001:db8::1]:3000", 100); n != 0 {
			t.Errorf("IPv6 proxy: %d throttled, want none", n)
		}
	})
	t.Run("an untrusted peer's X-Forwarded-For is ignored", func(t *testing.T) {
		if n := wrongs(s, "198.51.100.7:3000", 100); n != 100-addrFailures {
			t.Errorf("%d throttled, want %d", n, 100-addrFailures)
		}
	})
}

func TestThrottleMemoryIsBounded(t *testing.T) {
	f := newFailureThrottle()
	f.addrs.max, f.keys.max = 100, 100
	now := time.Now()
	for i := range 10_000 {
		f.fail(now, "addr"+strconv.Itoa(i), "key"+strconv.Itoa(i))
	}
	if a, k := f.size(); a > 100 || k > 100 {
		t.Errorf("%d addresses and %d keys held, want at most 100", a, k)
	}
	// Idle entries (a full bucket again) are swept.
	later := now.Add(failureWindow + time.Second)
	f.fail(later, "new", "new")
	if a, k := f.size(); a != 1 || k != 1 {
		t.Errorf("%d addresses and %d keys held after the window, want only the new one", a, k)
	}
	// A throttled key stays throttled while its bucket is empty.
	for range keyFailures {
		f.fail(later, "a", "k")
	}
	if w := f.wait(later, "b", "k"); w <= 0 || w > failureWindow {
		t.Errorf("wait %v after %d failures", w, keyFailures)
	}
	if w := f.wait(later.Add(failureWindow), "b", "k"); w != 0 {
		t.Errorf("wait %v after the window", w)
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := ParseTrustedProxies("10.0.0.0/8, 192.0.2.1 2001:db8::/32,::1")
	if err != nil || strings.Join(got, "|") != "10.0.0.0/8|192.0.2.1|2001:db8::/32|::1" {
		t.Errorf("%q %v", got, err)
	}
	if got, err := ParseTrustedProxies(""); err != nil || len(got) != 0 {
		t.Errorf("empty: %q %v", got, err)
	}
	for _, bad := range []string{"proxy.example", "10.0.0.0/33", "300.1.1.1", "*"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/reports/compliance":      "/reports/compliance",
		"/reports/compliance?x=1":  "/reports/compliance?x=1",
		"/reports/compliance#top":  "/reports/compliance",
		"/reports/":                "/reports/",
		"/a/b/../c":                "/a/c",
		"/../../etc":               "/etc",
		"/\t/evil.example":         "/",
		"//evil":                   "/",
		`/\evil`:                   "/",
		"https://evil":             "/",
		"/%2f%2fevil":              "/",
		"/%252F%252Fevil":          "/%252F%252Fevil",
		"/x?next=//evil":           "/x?next=//evil",
		"/x?a=\\":                  "/",
		strings.Repeat("/a", 2000): "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}
