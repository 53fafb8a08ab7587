package server

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/baerum/styring/models/gormstore"
	"github.com/baerum/styring/models/gormstore/gormtest"
)

// FuzzCheckEndpoint sends arbitrary bodies to POST /api/v1/check: the answer
// is always a check result (200) or a JSON error naming the problem (400/413),
// never a 500 or a panic. The seeds (shared examples and odd bodies) run as an
// ordinary test.
func FuzzCheckEndpoint(f *testing.F) {
	s := newTestServerWith(f, gormtest.OpenTest(f, gormstore.BackendSQLite), Config{MaxBodyBytes: 64 << 10})
	for _, seed := range []string{"", "{}", "[]", "null", `{"title":`, `{"title": "x", "type": "omstilling", "sector": "OSK"}`,
		strings.Repeat("[", 200), `{"budget_effects": [{"year": "2021"}]}`, "\xff\xfe", `{"a": 1e999}`,
		// not I-JSON, or text the database cannot hold: 400 naming line, column and pointer
		"{\"title\": \"B\xe6rum\"}", "{\"title\": \"x\xed\xa0\x80\"}", "{\"ti\xfftle\": 1}", `{"title": "\ud800"}`, `{"title": "\udc00x"}`,
		`{"title": "\ud83d\ude00 ok"}`, `{"title": "a\u0000b"}`, `{"\u0000": 1}`, `{"id": "HP2124-OSK-014", "id": "HP2124-OSK-015"}`,
		`{"owner": {"name": "a", "\u006eame": "b"}}`, `{"title": "\uFFFE"}`} {
		f.Add([]byte(seed))
	}
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	for _, file := range files {
		if raw, err := os.ReadFile(file); err == nil {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := do(t, s, req{method: "POST", path: "/api/v1/check", body: body})
		switch rec.Code {
		case 200, 400, 413:
		default:
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body.String())
		}
		if rec.Code == 200 && !utf8.Valid(body) {
			t.Fatalf("checked a body the database could not hold: %q", body)
		}
		if rec.Code != 200 && !strings.Contains(rec.Body.String(), `"code":"`) {
			t.Fatalf("error without a code: %s", rec.Body.String())
		}
	})
}

// FuzzSubmitAndRead sends arbitrary bodies to POST /api/v1/initiatives on
// PostgreSQL (the production database; it skips without
// STYRING_TEST_DATABASE_URL, and fails then under STYRING_REQUIRE_POSTGRES) and
// reads back whatever was stored: a submission is 201, 422 or a JSON error
// naming the problem, never a 500; what was stored reads back (GET, versions,
// a title search) with 200. The seeds run as an ordinary test.
func FuzzSubmitAndRead(f *testing.F) {
	s := newTestServerWith(f, gormtest.OpenTest(f, gormstore.BackendPostgres), Config{MaxBodyBytes: 64 << 10, RateLimit: -1})
	for _, seed := range []string{"{}", "null", `{"title":`, `{"id": "F-1", "title": "x"}`,
		"{\"title\": \"B\xe6rum\"}", `{"title": "a\u0000b"}`, `{"title": "\ud800"}`, `{"title": "\ud83d\ude00"}`,
		`{"id": "HP2124-OSK-014", "id": "HP2124-OSK-015"}`, `{"id": "%ff"}`, `{"id": "a'; DROP TABLE initiatives; --"}`} {
		f.Add([]byte(seed))
	}
	files, _ := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	for _, file := range files {
		if raw, err := os.ReadFile(file); err == nil {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: body})
		switch rec.Code {
		case 201, 400, 409, 413, 422:
		default:
			t.Fatalf("submit: status %d for %q: %s", rec.Code, body, rec.Body.String())
		}
		if rec.Code != 201 {
			return
		}
		var out struct {
			Initiative struct {
				ID    string `json:"id"`
				Title string `json:"title"`
			} `json:"initiative"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Initiative.ID == "" {
			t.Fatalf("201 without an initiative: %v %s", err, rec.Body.String())
		}
		id := url.PathEscape(out.Initiative.ID)
		q := []rune(out.Initiative.Title)
		if len(q) > 20 {
			q = q[:20]
		}
		for _, path := range []string{"/api/v1/initiatives/" + id, "/api/v1/initiatives/" + id + "/versions", "/api/v1/initiatives?q=" + url.QueryEscape(string(q))} {
			if got := do(t, s, req{method: "GET", path: path}); got.Code != 200 {
				t.Fatalf("read back %s: %d %s", path, got.Code, got.Body.String())
			}
		}
	})
}
