package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// concrete fills a route template with values a request can carry: the
// initiative the matrix stores (HP2124-OSK-014, of sector OSK), its waiver and
// the decision that accepted it.
func concrete(path, waiverID, decisionID string) string {
	path = strings.ReplaceAll(path, ":waiver_id", waiverID)
	if strings.Contains(path, "/decisions/:id") {
		path = strings.ReplaceAll(path, ":id", decisionID)
	}
	path = strings.ReplaceAll(path, ":id", "HP2124-OSK-014")
	return strings.ReplaceAll(path, "*file", "report.css")
}

// namesStored reports a route whose path names the stored initiative or its
// decision: what a grant of another sector does not reach.
func namesStored(route string) bool {
	return strings.Contains(route, "/initiatives/:id") || strings.Contains(route, "/decisions/:id")
}

// issueGrants creates a token with grants ("leder", "saksbehandler:OSK,OBH")
// on the server's store and returns its secret.
func issueGrants(t testing.TB, s *Server, name string, grants ...string) string {
	t.Helper()
	var gs []models.Grant
	for _, v := range grants {
		g, err := models.ParseGrant(v)
		if err != nil {
			t.Fatal(err)
		}
		gs = append(gs, g)
	}
	tok, secret, err := models.NewTokenGrants(name, gs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.tokens.CreateToken(t.Context(), &tok); err != nil {
		t.Fatal(err)
	}
	return secret
}

// TestRouteRoleMatrix walks every route × role × scope: public routes answer
// anyone; others answer 401 without a token and 403 to a role not allowed,
// whatever its sectors. A role allowed (admin everywhere) is answered something
// other than 401/403 when its grant is over every sector or over the stored
// initiative's (OSK), and not 404 either on the routes that name the
// initiative or its decision; with a grant of another sector (OBH) those
// routes answer 404, as for an id that does not exist, so ids don't leak.
func TestRouteRoleMatrix(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")})
	wantStatus(t, rec, 201)
	decisionID := decode[testSubmission](t, rec).Result.DecisionID
	rec = do(t, s, req{method: "POST", path: "/api/v1/initiatives/HP2124-OSK-014/waivers", body: waiverBody("KPI-004", "matrix", "2099-01-01")})
	wantStatus(t, rec, 201)
	waiverID := decode[waiverView](t, rec).ID
	scopes := []string{"", "OSK", "OBH"} // every sector, the initiative's, another
	tokens := map[models.Role]map[string]string{}
	for _, role := range models.Roles {
		tokens[role] = map[string]string{}
		for _, scope := range scopes {
			grant := string(role)
			if scope != "" {
				grant += ":" + scope
			}
			tokens[role][scope] = issueGrants(t, s, "matrix-"+grant, grant)
		}
	}
	// A page's form (POST /login, /logout) is sent as a browser sends it:
	// from this site, with its CSRF token (sessions_test.go tests the refusals).
	csrf := newBrowser(t, s).loginForm()
	for _, ri := range s.router.Routes() {
		route := ri.Method + " " + ri.Path
		if _, declared := s.access[route]; !declared {
			t.Errorf("%s was registered without saying who may call it (use s.handle)", route)
		}
		body, contentType := []byte("{}"), ""
		if ri.Method == "GET" || ri.Method == "DELETE" {
			body = nil
		}
		with := func(h map[string]string) map[string]string { return h }
		if ri.Method == "POST" && !strings.HasPrefix(ri.Path, "/api/") {
			body, contentType = []byte("csrf="+csrf), "application/x-www-form-urlencoded"
			with = func(h map[string]string) map[string]string {
				h["Origin"], h["Cookie"] = ownOrigin, csrfCookie+"="+csrf
				return h
			}
		}
		path := concrete(ri.Path, waiverID, decisionID)
		t.Run(route+" without a token", func(t *testing.T) {
			rec := do(t, s, req{method: ri.Method, path: path, body: body, contentType: contentType, headers: with(map[string]string{"Authorization": ""})})
			switch {
			case s.isPublic(route):
				if rec.Code == 401 || rec.Code == 403 {
					t.Errorf("public route answered %d", rec.Code)
				}
			case isPage(route):
				if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login?next=") {
					t.Errorf("page answered %d (Location %q), want a redirect to the login form", rec.Code, rec.Header().Get("Location"))
				}
			default:
				wantError(t, rec, 401, models.EUNAUTHORIZED, "Authorization")
			}
		})
		for _, role := range models.Roles {
			for _, scope := range scopes {
				name := route + " as " + string(role)
				if scope != "" {
					name += " of " + scope
				}
				t.Run(name, func(t *testing.T) {
					rec := do(t, s, req{method: ri.Method, path: path, body: body, contentType: contentType, headers: with(map[string]string{"Authorization": "Bearer " + tokens[role][scope]})})
					switch {
					case !s.allowed(route, role):
						if rec.Code != 403 {
							t.Errorf("denied, but answered %d", rec.Code)
						}
					case rec.Code == 401 || rec.Code == 403:
						t.Errorf("allowed, but answered %d: %s", rec.Code, rec.Body.String())
					case !namesStored(route) || s.isPublic(route):
					case scope == "OBH" && rec.Code != 404:
						t.Errorf("a grant of another sector reached it: %d %s", rec.Code, rec.Body.String())
					case scope != "OBH" && rec.Code == 404:
						t.Errorf("a grant of its sector did not reach it: %s", rec.Body.String())
					}
				})
			}
		}
	}
}

func TestTokens(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	get := func(tok string) int {
		return do(t, s, req{method: "GET", path: "/api/v1/rules", headers: map[string]string{"Authorization": "Bearer " + tok}}).Code
	}
	t.Run("a wrong token is 401", func(t *testing.T) {
		wantError(t, do(t, s, req{method: "GET", path: "/api/v1/rules", headers: map[string]string{"Authorization": "Bearer sty_wrong"}}), 401, models.EUNAUTHORIZED, "not valid")
	})
	t.Run("an expired token is 401", func(t *testing.T) {
		past := time.Now().Add(-time.Hour)
		tok, secret, _ := models.NewToken("expired", models.RoleSaksbehandler, &past)
		s.tokens.CreateToken(t.Context(), &tok)
		if code := get(secret); code != 401 {
			t.Errorf("expired token: %d", code)
		}
	})
	t.Run("a revoked token is 401 once the cache has passed", func(t *testing.T) {
		tok, secret, _ := models.NewToken("revoked", models.RoleSaksbehandler, nil)
		s.tokens.CreateToken(t.Context(), &tok)
		if code := get(secret); code != 200 {
			t.Fatalf("fresh token: %d", code)
		}
		s.tokens.RevokeToken(t.Context(), "revoked", time.Now())
		later := time.Now().Add(tokenCacheTTL + time.Second)
		s.now = func() time.Time { return later }
		defer func() { s.now = time.Now }()
		if code := get(secret); code != 401 {
			t.Errorf("revoked token: %d", code)
		}
	})
	t.Run("the store keeps only a hash", func(t *testing.T) {
		_, secret, _ := models.NewToken("x", models.RoleLeder, nil)
		list, _ := s.tokens.ListTokens(t.Context())
		for _, tok := range list {
			if tok.Hash == secret || strings.HasPrefix(tok.Hash, "sty_") {
				t.Errorf("token %s stored in the clear", tok.Name)
			}
		}
	})
	t.Run("the caller's name goes to the decision log", func(t *testing.T) {
		secret := issueToken(t, s, "kari", models.RoleSaksbehandler)
		rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "effektivisering-valid"), headers: map[string]string{"Authorization": "Bearer " + secret}})
		wantStatus(t, rec, 201)
		res := decode[testSubmission](t, rec)
		d := decode[models.Decision](t, do(t, s, req{method: "GET", path: "/api/v1/decisions/" + res.Result.DecisionID}))
		if d.Caller != "kari" {
			t.Errorf("caller %q", d.Caller)
		}
	})
}

func TestRateLimit(t *testing.T) {
	s := newTestServerWith(t, gormtest.OpenTest(t, gormstore.BackendSQLite), Config{RateLimit: 1, RateBurst: 3})
	secret := issueToken(t, s, "busy", models.RoleWorkflow)
	codes := map[int]int{}
	var last *http.Response
	for range 6 {
		rec := do(t, s, req{method: "GET", path: "/api/v1/rules/BUD-001", headers: map[string]string{"Authorization": "Bearer " + secret}})
		codes[rec.Code]++
		last = rec.Result()
	}
	if codes[200] != 3 || codes[429] != 3 || last.Header.Get("Retry-After") == "" {
		t.Errorf("codes %v, Retry-After %q", codes, last.Header.Get("Retry-After"))
	}
	// Another token has its own bucket.
	other := issueToken(t, s, "calm", models.RoleWorkflow)
	wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/rules/BUD-001", headers: map[string]string{"Authorization": "Bearer " + other}}), 200)
}

func TestLoginSession(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	leader := issueToken(t, s, "leder", models.RoleLeder)
	clerk := issueToken(t, s, "clerk", models.RoleSaksbehandler)
	t.Run("the form has a labelled field and a CSRF token bound to a cookie", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/login?next=/reports/compliance", headers: map[string]string{"Authorization": ""}})
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), `<label for="token">`) {
			t.Errorf("%d %s", rec.Code, rec.Body.String())
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("CSP %q", csp)
		}
		ck := setCookieOf(rec, csrfCookie)
		if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") || !strings.Contains(ck, "Path=/") {
			t.Errorf("csrf cookie %q", ck)
		}
		if field := formCSRF(t, rec.Body.String()); !strings.HasPrefix(ck, csrfCookie+"="+field+";") {
			t.Errorf("the form's csrf %q is not the cookie's %q", field, ck)
		}
	})
	t.Run("a valid token sets an HttpOnly SameSite=Strict session cookie and goes back", func(t *testing.T) {
		b := newBrowser(t, s)
		rec := b.post("/login", url.Values{"token": {leader}, "csrf": {b.loginForm()}, "next": {"/reports/compliance?lang=en"}})
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/reports/compliance?lang=en" {
			t.Fatalf("%d %q", rec.Code, rec.Header().Get("Location"))
		}
		ck := setCookieOf(rec, sessionCookie)
		if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") || strings.Contains(ck, leader) {
			t.Errorf("cookie %q", ck)
		}
	})
	t.Run("a wrong token is refused with a message", func(t *testing.T) {
		b := newBrowser(t, s)
		rec := b.post("/login", url.Values{"token": {"sty_nope"}, "csrf": {b.loginForm()}})
		if rec.Code != 401 || !strings.Contains(rec.Body.String(), `role="alert"`) || setCookieOf(rec, sessionCookie) != "" {
			t.Errorf("%d", rec.Code)
		}
	})
	t.Run("no token is asked for again", func(t *testing.T) {
		b := newBrowser(t, s)
		if rec := b.post("/login", url.Values{"token": {" "}, "csrf": {b.loginForm()}}); rec.Code != 400 {
			t.Errorf("%d", rec.Code)
		}
	})
	t.Run("an offsite next is not followed", func(t *testing.T) {
		b := newBrowser(t, s)
		rec := b.post("/login", url.Values{"token": {leader}, "csrf": {b.loginForm()}, "next": {"//evil.example/x"}})
		if rec.Header().Get("Location") != "/" {
			t.Errorf("Location %q, want the start page", rec.Header().Get("Location"))
		}
	})
	t.Run("logging in again ends the session the browser held", func(t *testing.T) {
		b := newBrowser(t, s)
		first := b.mustLogin(leader)
		second := b.mustLogin(leader)
		if first == second {
			t.Fatal("a new login kept the session id")
		}
		wantLoginRedirect(t, withSession(t, s, first, "/reports/compliance"))
		if rec := withSession(t, s, second, "/reports/compliance"); rec.Code != 200 {
			t.Errorf("the new session: %d", rec.Code)
		}
	})
	t.Run("the root leads a person to the login form, or to their role's page", func(t *testing.T) {
		home := func(cookie string) *httptest.ResponseRecorder {
			return withSession(t, s, cookie, "/")
		}
		if rec := newBrowser(t, s).get("/"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
			t.Errorf("anonymous: %d %q, want 303 to /login", rec.Code, rec.Header().Get("Location"))
		}
		for _, bad := range []string{"sty_nope", leader, strings.Repeat("A", models.SessionIDLength)} {
			if rec := home(bad); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
				t.Errorf("invalid session: %d %q, want 303 to /login", rec.Code, rec.Header().Get("Location"))
			}
		}
		if rec := home(newBrowser(t, s).mustLogin(leader)); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/reports/compliance" {
			t.Errorf("manager: %d %q, want 303 to the report", rec.Code, rec.Header().Get("Location"))
		}
		rec := home(newBrowser(t, s).mustLogin(clerk))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "clerk") || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
			t.Errorf("case handler: %d %s", rec.Code, rec.Body.String())
		}
		formCSRF(t, rec.Body.String()) // the logout form carries the session's token
	})
	t.Run("the cookie opens pages for a manager, not for a case handler, and not the API", func(t *testing.T) {
		leaderSession, clerkSession := newBrowser(t, s).mustLogin(leader), newBrowser(t, s).mustLogin(clerk)
		if code := withSession(t, s, leaderSession, "/reports/compliance").Code; code != 200 {
			t.Errorf("leader: %d", code)
		}
		if code := withSession(t, s, clerkSession, "/reports/compliance").Code; code != 403 {
			t.Errorf("case handler: %d", code)
		}
		if code := withSession(t, s, leaderSession, "/api/v1/rules").Code; code != 401 {
			t.Errorf("the API took the cookie: %d", code)
		}
		// The token itself in the cookie, as before sessions, opens nothing.
		wantLoginRedirect(t, withSession(t, s, leader, "/reports/compliance"))
	})
}
