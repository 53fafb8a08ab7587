package server

import (
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
