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

// concrete fills a route template with values a request can carry.
func concrete(path string) string {
	path = strings.ReplaceAll(path, ":waiver_id", "W-1")
	path = strings.ReplaceAll(path, ":id", "HP2124-OSK-014")
	return strings.ReplaceAll(path, "*file", "report.css")
}

// TestRouteRoleMatrix walks every route × role: public routes answer anyone;
// others answer 401 without a token, 403 to a role not allowed, and something
// other than 401/403 to a role allowed (admin everywhere).
func TestRouteRoleMatrix(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
	tokens := map[models.Role]string{}
	for _, role := range models.Roles {
		tokens[role] = issueToken(t, s, "matrix-"+string(role), role)
	}
	for _, ri := range s.router.Routes() {
		route := ri.Method + " " + ri.Path
		if _, declared := s.access[route]; !declared {
			t.Errorf("%s was registered without saying who may call it (use s.handle)", route)
		}
		body := []byte("{}")
		if ri.Method == "GET" || ri.Method == "DELETE" {
			body = nil
		}
		path := concrete(ri.Path)
		t.Run(route+" without a token", func(t *testing.T) {
			rec := do(t, s, req{method: ri.Method, path: path, body: body, headers: map[string]string{"Authorization": ""}})
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
			t.Run(route+" as "+string(role), func(t *testing.T) {
				rec := do(t, s, req{method: ri.Method, path: path, body: body, headers: map[string]string{"Authorization": "Bearer " + tokens[role]}})
				if s.allowed(route, role) {
					if rec.Code == 401 || rec.Code == 403 {
						t.Errorf("allowed, but answered %d: %s", rec.Code, rec.Body.String())
					}
				} else if rec.Code != 403 {
					t.Errorf("denied, but answered %d", rec.Code)
				}
			})
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
	form := func(v url.Values) req {
		return req{method: "POST", path: "/login", body: []byte(v.Encode()), contentType: "application/x-www-form-urlencoded", headers: map[string]string{"Authorization": ""}}
	}
	t.Run("the form has a labelled field", func(t *testing.T) {
		rec := do(t, s, req{method: "GET", path: "/login?next=/reports/compliance", headers: map[string]string{"Authorization": ""}})
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), `<label for="token">`) {
			t.Errorf("%d %s", rec.Code, rec.Body.String())
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("CSP %q", csp)
		}
	})
	t.Run("a valid token sets an HttpOnly SameSite=Strict cookie and goes back", func(t *testing.T) {
		rec := do(t, s, form(url.Values{"token": {leader}, "next": {"/reports/compliance?lang=en"}}))
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/reports/compliance?lang=en" {
			t.Fatalf("%d %q", rec.Code, rec.Header().Get("Location"))
		}
		ck := rec.Header().Get("Set-Cookie")
		if !strings.Contains(ck, sessionCookie+"=") || !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite=Strict") {
			t.Errorf("cookie %q", ck)
		}
	})
	t.Run("a wrong token is refused with a message", func(t *testing.T) {
		rec := do(t, s, form(url.Values{"token": {"sty_nope"}}))
		if rec.Code != 401 || !strings.Contains(rec.Body.String(), `role="alert"`) {
			t.Errorf("%d", rec.Code)
		}
	})
	t.Run("an offsite next is not followed", func(t *testing.T) {
		rec := do(t, s, form(url.Values{"token": {leader}, "next": {"//evil.example/x"}}))
		if rec.Header().Get("Location") != "/reports/compliance" {
			t.Errorf("Location %q", rec.Header().Get("Location"))
		}
	})
	t.Run("the root leads a person to the login form, or to their role's page", func(t *testing.T) {
		home := func(cookie string) *httptest.ResponseRecorder {
			h := map[string]string{"Authorization": ""}
			if cookie != "" {
				h["Cookie"] = sessionCookie + "=" + cookie
			}
			return do(t, s, req{method: "GET", path: "/", headers: h})
		}
		if rec := home(""); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
			t.Errorf("anonymous: %d %q, want 303 to /login", rec.Code, rec.Header().Get("Location"))
		}
		if rec := home("sty_nope"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login" {
			t.Errorf("invalid session: %d %q, want 303 to /login", rec.Code, rec.Header().Get("Location"))
		}
		if rec := home(leader); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/reports/compliance" {
			t.Errorf("manager: %d %q, want 303 to the report", rec.Code, rec.Header().Get("Location"))
		}
		if rec := home(clerk); rec.Code != 200 || !strings.Contains(rec.Body.String(), "clerk") || !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
			t.Errorf("case handler: %d %s", rec.Code, rec.Body.String())
		}
	})
	t.Run("the cookie opens pages for a manager, not for a case handler, and not the API", func(t *testing.T) {
		page := func(secret string) int {
			return do(t, s, req{method: "GET", path: "/reports/compliance", headers: map[string]string{"Authorization": "", "Cookie": sessionCookie + "=" + secret}}).Code
		}
		if code := page(leader); code != 200 {
			t.Errorf("leader: %d", code)
		}
		if code := page(clerk); code != 403 {
			t.Errorf("case handler: %d", code)
		}
		api := do(t, s, req{method: "GET", path: "/api/v1/rules", headers: map[string]string{"Authorization": "", "Cookie": sessionCookie + "=" + leader}})
		if api.Code != 401 {
			t.Errorf("the API took the cookie: %d", api.Code)
		}
	})
}
