package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
	"github.com/baerum/styring/policies"
)

// examplesDir holds the contract's examples (testdata/examples of the repository).
var examplesDir = filepath.Join("..", "testdata", "examples")

var (
	revOnce sync.Once
	testRev *policies.Revision
	revErr  error
)

// embeddedRevision compiles the embedded policies once for the whole package.
func embeddedRevision(t testing.TB) *policies.Revision {
	t.Helper()
	revOnce.Do(func() { testRev, revErr = policies.Load(context.Background(), policies.Source{}) })
	if revErr != nil {
		t.Fatal(revErr)
	}
	return testRev
}

// newTestServer returns a server on its own database of the given backend.
func newTestServer(t testing.TB, backend string) *Server {
	t.Helper()
	return newTestServerWith(t, gormtest.OpenTest(t, backend), Config{})
}

func newTestServerWith(t testing.TB, store *gormstore.Store, cfg Config) *Server {
	t.Helper()
	if cfg.RateLimit == 0 {
		cfg.RateLimit = -1 // tests send bursts; TestRateLimit sets its own
	}
	s := New(cfg, policies.NewEngine(embeddedRevision(t)), storesOf(store), nil)
	t.Cleanup(func() { s.decisions.Close(context.Background()) })
	testTokens.Store(s, issueToken(t, s, "test-admin", models.RoleAdmin))
	return s
}

// storesOf is Stores with every store st.
func storesOf(st *gormstore.Store) Stores {
	return Stores{Initiatives: st, Decisions: st, Idempotency: st, Waivers: st, Tokens: st, Health: st, Sessions: st, Drafts: st}
}

// testTokens holds each test server's admin token: do sends it unless the
// request names its own Authorization (or "" for none).
var testTokens sync.Map

// issueToken creates a token of role on the server's store and returns its secret.
func issueToken(t testing.TB, s *Server, name string, role models.Role) string {
	t.Helper()
	if s.tokens == nil {
		return ""
	}
	tok, secret, err := models.NewToken(name, role, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.tokens.CreateToken(context.Background(), &tok); err != nil {
		// A closed store (outage tests) cannot take a token; those tests expect 503 first anyway.
		return ""
	}
	return secret
}

func example(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(examplesDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// exampleWith returns a shared example with top-level fields replaced (nil deletes).
func exampleWith(t testing.TB, name string, fields map[string]any) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(example(t, name), &doc); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		if v == nil {
			delete(doc, k)
		} else {
			doc[k] = v
		}
	}
	raw, _ := json.Marshal(doc)
	return raw
}

type req struct {
	method, path string
	body         []byte
	contentType  string // default application/json when there is a body
	headers      map[string]string
}

func do(t testing.TB, s http.Handler, r req) *httptest.ResponseRecorder {
	t.Helper()
	hr := httptest.NewRequest(r.method, r.path, bytes.NewReader(r.body))
	if r.body != nil {
		ct := r.contentType
		if ct == "" {
			ct = "application/json"
		}
		hr.Header.Set("Content-Type", ct)
	}
	if srv, ok := s.(*Server); ok {
		if tok, ok := testTokens.Load(srv); ok && tok.(string) != "" {
			hr.Header.Set("Authorization", "Bearer "+tok.(string))
		}
	}
	for k, v := range r.headers {
		if k == "Authorization" && v == "" {
			hr.Header.Del(k)
			continue
		}
		hr.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, hr)
	return rec
}

func decode[T any](t testing.TB, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("response is not JSON of %T: %v\n%s", v, err, rec.Body.String())
	}
	return v
}

func wantStatus(t testing.TB, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d: %s", rec.Code, status, rec.Body.String())
	}
}

// wantError checks a JSON error answer: status, code and a message that names what is wrong.
func wantError(t testing.TB, rec *httptest.ResponseRecorder, status int, code string, inMessage string) {
	t.Helper()
	wantStatus(t, rec, status)
	e := decode[models.Error](t, rec)
	if e.Code != code {
		t.Errorf("code %q, want %q", e.Code, code)
	}
	if !bytes.Contains([]byte(e.Message), []byte(inMessage)) {
		t.Errorf("message %q does not mention %q", e.Message, inMessage)
	}
}

// forEachBackend runs a test against SQLite and PostgreSQL, so both behave alike.
func forEachBackend(t *testing.T, fn func(t *testing.T, backend string)) {
	for _, b := range gormtest.TestBackends() {
		t.Run(b, func(t *testing.T) {
			gormtest.SkipUnlessConfigured(t, b)
			fn(t, b)
		})
	}
}
