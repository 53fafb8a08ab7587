package server

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/baerum/styring/models"
)

// The text a request carries must be text the database can hold: bodies are
// I-JSON (RFC 7493) without NUL (policies.ParseDocument), path and query
// parameters and the headers the server reads are valid UTF-8 without control
// characters (checkInput). Each refusal is a 400 (404 for an id in the path)
// naming the place, never a 500, alike on SQLite and PostgreSQL.

// badTitle is the example omstilling-valid with its title (line 3) holding s.
func badTitle(t *testing.T, s string) []byte {
	t.Helper()
	const title = `"title": "Digitale læremidler – felles lisenspakke for grunnskolen"`
	raw := string(example(t, "omstilling-valid"))
	if !strings.Contains(raw, title) {
		t.Fatal("the example has another title")
	}
	return []byte(strings.Replace(raw, title, `"title": "Digitale `+s+` læremidler"`, 1))
}

// badBodies are proposals (id HP2124-OSK-014) that are not I-JSON or hold a NUL,
// with the line, the pointer and a part of the message the error must name.
func badBodies(t *testing.T) []struct {
	name, body, line, pointer, message string
} {
	valid := string(example(t, "omstilling-valid"))
	return []struct {
		name, body, line, pointer, message string
	}{
		{"invalid UTF-8", string(badTitle(t, "\xff")), "line 3, column 22", "/title", "invalid UTF-8 (byte 0xFF) in the string at /title"},
		{"Latin-1", string(badTitle(t, "B\xe6rum")), "line 3, column 23", "/title", "invalid UTF-8 (byte 0xE6)"},
		{"lone high surrogate", string(badTitle(t, `\ud800`)), "line 3, column 22", "/title", `lone surrogate \ud800`},
		{"lone low surrogate", string(badTitle(t, `\udc00`)), "line 3, column 22", "/title", `lone surrogate \udc00`},
		{"NUL", string(badTitle(t, `\u0000`)), "line 3, column 22", "/title", `\u0000 (NUL) in the string at /title`},
		{"duplicate id", strings.Replace(valid, `"id": "HP2124-OSK-014",`, `"id": "HP2124-OSK-014", "id": "HP2124-OSK-915",`, 1), "line 2, column 27", "/id", `duplicate member name "id" at /id`},
		{"duplicate nested", strings.Replace(valid, `"name": "Kari Nordmann",`, `"name": "Kari Nordmann", "name": "Ola",`, 1), "line 10, column 30", "/owner/name", `duplicate member name "name" at /owner/name`},
	}
}

// wantPlace checks a JSON error naming line and column and the member's pointer.
func wantPlace(t *testing.T, e models.Error, line, pointer, message string) {
	t.Helper()
	if e.Code != models.EINVALID || !strings.HasPrefix(e.Message, "invalid JSON at "+line) || !strings.Contains(e.Message, message) {
		t.Errorf("error %s %q, want invalid, \"invalid JSON at %s: …%s…\"", e.Code, e.Message, line, message)
	}
	d, ok := e.Details.(map[string]any)
	if !ok || d["pointer"] != pointer || d["line"] == nil || d["column"] == nil {
		t.Errorf("details %#v, want line, column and pointer %q", e.Details, pointer)
	}
}

func TestBodiesMustBeIJSON(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		s.now = func() time.Time { return time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC) }
		const id = "HP2124-OSK-014"
		for _, b := range badBodies(t) {
			t.Run(b.name, func(t *testing.T) {
				for _, r := range []req{
					{method: "POST", path: "/api/v1/check", body: []byte(b.body)},
					{method: "POST", path: "/api/v1/check?portfolio=true", body: []byte(b.body)},
					{method: "POST", path: "/api/v1/initiatives", body: []byte(b.body), headers: map[string]string{"Idempotency-Key": "ijson-" + b.name}},
				} {
					rec := do(t, s, r)
					wantStatus(t, rec, http.StatusBadRequest)
					wantPlace(t, decode[models.Error](t, rec), b.line, b.pointer, b.message)
				}
				// Nothing was stored: neither the proposal nor the id of a duplicate.
				for _, stored := range []string{id, "HP2124-OSK-915"} {
					wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/" + stored}), http.StatusNotFound)
				}
			})
		}

		t.Run("an update is refused the same way and leaves version 1", func(t *testing.T) {
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), http.StatusCreated)
			for _, b := range badBodies(t) {
				rec := do(t, s, req{method: "PUT", path: "/api/v1/initiatives/" + id, body: []byte(b.body), headers: map[string]string{"If-Match": `"1"`}})
				wantStatus(t, rec, http.StatusBadRequest)
				wantPlace(t, decode[models.Error](t, rec), b.line, b.pointer, b.message)
			}
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives/" + id})
			wantStatus(t, rec, http.StatusOK)
			if got := rec.Header().Get("ETag"); got != `"1"` {
				t.Errorf("ETag %s after refused updates, want \"1\"", got)
			}
		})

		t.Run("a waiver request is refused the same way", func(t *testing.T) {
			path := "/api/v1/initiatives/" + id + "/waivers"
			for _, c := range []struct{ body, line, pointer, message string }{
				{`{"rule_id": "KPI-004", "reason": "Kommer med \u0000 årsrapporten", "expires_at": "2025-12-31"}`, "line 1, column 46", "/reason", `\u0000 (NUL)`},
				{"{\"rule_id\": \"KPI-004\", \"reason\": \"\xffrsrapporten\", \"expires_at\": \"2025-12-31\"}", "line 1, column 35", "/reason", "invalid UTF-8"},
				{`{"rule_id": "KPI-004", "reason": "Kommer med \udfff", "expires_at": "2025-12-31"}`, "line 1, column 46", "/reason", "lone surrogate"},
				{`{"rule_id": "KPI-004", "reason": "Kommer med årsrapporten", "expires_at": "2025-12-31", "rule_id": "UU-001"}`, "line 1, column 90", "/rule_id", "duplicate member name"},
			} {
				rec := do(t, s, req{method: "POST", path: path, body: []byte(c.body)})
				wantStatus(t, rec, http.StatusBadRequest)
				wantPlace(t, decode[models.Error](t, rec), c.line, c.pointer, c.message)
			}
		})

		t.Run("batch: a bad item is an item error naming the place", func(t *testing.T) {
			bodies := badBodies(t)
			compact := func(raw string) string {
				// One line per item for NDJSON; the invalid bytes stay as they are.
				return strings.ReplaceAll(raw, "\n", " ")
			}
			var array, ndjson strings.Builder
			array.WriteString("[")
			array.Write(example(t, "omstilling-valid"))
			ndjson.WriteString(compact(string(example(t, "omstilling-valid"))) + "\n")
			for _, b := range bodies {
				array.WriteString(",\n" + b.body)
				ndjson.WriteString(compact(b.body) + "\n")
			}
			array.WriteString("]")
			for _, r := range []req{
				{method: "POST", path: "/api/v1/check/batch", body: []byte(array.String())},
				{method: "POST", path: "/api/v1/check/batch", body: []byte(ndjson.String()), contentType: mediaNDJSON},
			} {
				rec := do(t, s, r)
				wantStatus(t, rec, http.StatusOK)
				out := decode[testBatch](t, rec)
				if out.Summary.Items != len(bodies)+1 || out.Summary.Errors != len(bodies) || out.Results[0].Result == nil {
					t.Fatalf("%s: summary %+v", r.contentType, out.Summary)
				}
				for i, b := range bodies {
					it := out.Results[i+1]
					if it.Error == nil {
						t.Errorf("%s item %d (%s) was checked", r.contentType, i+1, b.name)
						continue
					}
					line := b.line // an array's item counts from its own start
					if r.contentType == mediaNDJSON {
						line = "line 1, column " // one line a proposal
					}
					wantPlace(t, *it.Error, line, b.pointer, b.message)
				}
			}
		})

		t.Run("a surrogate pair and a replacement character are text like any other", func(t *testing.T) {
			body := badTitle(t, `\ud83d\ude00 \ufffd`)
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/check", body: body}), http.StatusOK)
			other := strings.Replace(string(body), "HP2124-OSK-014", "HP2124-OSK-916", 1)
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: []byte(other)}), http.StatusCreated)
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-916"})
			wantStatus(t, rec, http.StatusOK)
			if got := decode[initiativeView](t, rec).Title; got != "Digitale 😀 \uFFFD læremidler" {
				t.Errorf("title %q", got)
			}
		})
	})
}

func TestRequestTextChecked(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), http.StatusCreated)
		body := example(t, "omstilling-valid")

		// An id in the path that is no text: 404 naming the parameter.
		for _, r := range []req{
			{method: "GET", path: "/api/v1/initiatives/%ff"},
			{method: "GET", path: "/api/v1/initiatives/%00"},
			{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014%C3"},
			{method: "GET", path: "/api/v1/initiatives/%ff/versions"},
			{method: "GET", path: "/api/v1/initiatives/%1b/waivers"},
			{method: "POST", path: "/api/v1/initiatives/%ff/waivers", body: []byte(`{"rule_id": "KPI-004", "reason": "x", "expires_at": "2099-01-01"}`)},
			{method: "PUT", path: "/api/v1/initiatives/%ff", body: body},
			{method: "GET", path: "/api/v1/decisions/%ff"},
			{method: "POST", path: "/api/v1/decisions/%00/replay"},
			{method: "GET", path: "/api/v1/rules/%ff"},
		} {
			t.Run(r.method+" "+r.path, func(t *testing.T) {
				rec := do(t, s, r)
				wantError(t, rec, http.StatusNotFound, models.ENOTFOUND, " in the path has ")
				if d, _ := decode[models.Error](t, rec).Details.(map[string]any); d["in"] != "path" || d["field"] == nil {
					t.Errorf("details %v, want the path parameter named", d)
				}
			})
		}
		t.Run("DELETE a waiver id that is no text", func(t *testing.T) {
			rec := do(t, s, req{method: "DELETE", path: "/api/v1/initiatives/HP2124-OSK-014/waivers/%ff"})
			wantError(t, rec, http.StatusNotFound, models.ENOTFOUND, "waiver_id in the path has invalid UTF-8")
		})
		t.Run("a page's id that is no text", func(t *testing.T) {
			rec := do(t, s, req{method: "GET", path: "/reports/compliance/initiatives/%ff"})
			wantStatus(t, rec, http.StatusNotFound)
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("a page answers %s", ct)
			}
		})
		t.Run("a path without a route", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "GET", path: "/api/v1/%ff"}), http.StatusNotFound, models.ENOTFOUND, "the path has invalid UTF-8")
		})

		// A query parameter that is no text: 400 naming it.
		for _, c := range []struct {
			r    req
			name string
		}{
			{req{method: "GET", path: "/api/v1/initiatives?q=%00"}, "q"},
			{req{method: "GET", path: "/api/v1/initiatives?q=%ff"}, "q"},
			{req{method: "GET", path: "/api/v1/initiatives?q=a%0Ab"}, "q"},
			{req{method: "GET", path: "/api/v1/initiatives?q=%c2%85"}, "q"}, // U+0085, a C1 control
			{req{method: "GET", path: "/api/v1/initiatives?sector=OSK&q=ok&cursor=%00"}, "cursor"},
			{req{method: "GET", path: "/api/v1/initiatives?sector=%ff"}, "sector"},
			{req{method: "GET", path: "/api/v1/initiatives?status=%e2%28"}, "status"},
			{req{method: "POST", path: "/api/v1/check?as_of=%ff", body: body}, "as_of"},
			{req{method: "POST", path: "/api/v1/check?lang=%00", body: body}, "lang"},
			{req{method: "POST", path: "/api/v1/check/batch?lang=en%00", body: []byte("[]")}, "lang"},
			{req{method: "POST", path: "/api/v1/initiatives?as_of=%00", body: body}, "as_of"},
			{req{method: "GET", path: "/api/v1/reports/compliance?status=%ff"}, "status"},
			{req{method: "GET", path: "/api/v1/reports/compliance.csv?table=%00"}, "table"},
			{req{method: "GET", path: "/api/v1/decisions/x?unknown=%00"}, "unknown"},
		} {
			t.Run(c.r.method+" "+c.r.path, func(t *testing.T) {
				rec := do(t, s, c.r)
				wantError(t, rec, http.StatusBadRequest, models.EINVALID, c.name+": the query parameter has ")
				if d, _ := decode[models.Error](t, rec).Details.(map[string]any); d["field"] != c.name || d["in"] != "query" {
					t.Errorf("details %v, want field %s in query", d, c.name)
				}
			})
		}
		t.Run("a cursor that decodes to text the database can't compare is refused, not a 500", func(t *testing.T) {
			for _, cursor := range []string{"YWZ0ZXI6_w", "YWZ0ZXI6AA"} { // "after:\xff", "after:\x00"
				wantError(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives?cursor=" + cursor}), http.StatusBadRequest, models.EINVALID, "cursor is not one this service returned")
			}
		})
		t.Run("a query parameter name that is no text", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives?%ff=1"}), http.StatusBadRequest, models.EINVALID, "a query parameter name has invalid UTF-8")
		})

		// A header the server reads that is no text: 400 naming it, before the
		// token is looked up; the value is never echoed.
		for _, c := range []struct {
			r      req
			header string
		}{
			{req{method: "POST", path: "/api/v1/initiatives", body: body, headers: map[string]string{"Idempotency-Key": "key-\xff"}}, "Idempotency-Key"},
			{req{method: "POST", path: "/api/v1/initiatives", body: body, headers: map[string]string{"Idempotency-Key": "key-\x00"}}, "Idempotency-Key"},
			{req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: body, headers: map[string]string{"If-Match": "\"1\xff\""}}, "If-Match"},
			{req{method: "POST", path: "/api/v1/check", body: body, headers: map[string]string{"Accept-Language": "nb-\xffNO"}}, "Accept-Language"},
			{req{method: "GET", path: "/api/v1/initiatives", headers: map[string]string{"Authorization": "Bearer secret-\xff"}}, "Authorization"},
			{req{method: "POST", path: "/api/v1/check", body: body, headers: map[string]string{"Content-Type": "application/json; charset=\xff"}}, "Content-Type"},
		} {
			t.Run(c.header, func(t *testing.T) {
				rec := do(t, s, c.r)
				wantError(t, rec, http.StatusBadRequest, models.EINVALID, c.header+": the header has ")
				if d, _ := decode[models.Error](t, rec).Details.(map[string]any); d["header"] != c.header {
					t.Errorf("details %v, want header %s", d, c.header)
				}
				if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "key-") {
					t.Errorf("the value is echoed: %s", rec.Body.String())
				}
			})
		}
		t.Run("a tab in a header is whitespace", func(t *testing.T) {
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/check", body: body, headers: map[string]string{"Accept-Language": "en,\tnb;q=0.5"}}), http.StatusOK)
		})

		t.Run("q is at most 200 characters", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives?q=" + strings.Repeat("a", 100000)}), http.StatusBadRequest, models.EINVALID, "q: is 100000 characters; at most 200")
			wantError(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives?q=" + strings.Repeat("%C3%A6", 201)}), http.StatusBadRequest, models.EINVALID, "q: is 201 characters")
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives?q=" + strings.Repeat("%C3%A6", 200)})
			wantStatus(t, rec, http.StatusOK)
			rec = do(t, s, req{method: "GET", path: "/api/v1/initiatives?q=l%C3%A6remidler%20%E2%80%93%20felles"})
			wantStatus(t, rec, http.StatusOK)
			if page := decode[models.InitiativePage](t, rec); len(page.Items) != 1 {
				t.Errorf("title search found %d", len(page.Items))
			}
		})
	})
}

// TestNoRouteAnswers500OnBadText sends every route its parameters, a query and
// the headers it reads as bytes no text column can hold: the answer is an
// error naming them (404 for the path, 400 else), never 500.
func TestNoRouteAnswers500OnBadText(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), http.StatusCreated)
		for _, bad := range []struct{ escaped, raw string }{{"%ff", "\xff"}, {"%00", "\x00"}, {"%ed%a0%80", "\xed\xa0\x80"}, {"%7f", "\x7f"}, {"%c0%af", "\xc0\xaf"}} {
			for _, rt := range s.router.Routes() {
				good, broken := rt.Path, rt.Path
				for _, seg := range strings.Split(rt.Path, "/") {
					if strings.HasPrefix(seg, ":") || strings.HasPrefix(seg, "*") {
						good = strings.Replace(good, seg, "HP2124-OSK-014", 1)
						broken = strings.Replace(broken, seg, "HP2124-OSK-014"+bad.escaped, 1)
					}
				}
				type attempt struct {
					r    req
					want int
				}
				attempts := []attempt{
					{req{method: rt.Method, path: good + "?q=" + bad.escaped + "&as_of=2024-01-01&lang=en"}, http.StatusBadRequest},
					{req{method: rt.Method, path: good + "?lang=nb&status=" + bad.escaped + "&table=" + bad.escaped}, http.StatusBadRequest},
					{req{method: rt.Method, path: good, headers: map[string]string{"Idempotency-Key": "k" + bad.raw, "If-Match": `"1"`}}, http.StatusBadRequest},
					{req{method: rt.Method, path: good, headers: map[string]string{"If-Match": bad.raw, "Accept-Language": "en"}}, http.StatusBadRequest},
					{req{method: rt.Method, path: good, headers: map[string]string{"Accept-Language": bad.raw}}, http.StatusBadRequest},
				}
				if broken != good {
					attempts = append(attempts, attempt{req{method: rt.Method, path: broken}, http.StatusNotFound})
				}
				for _, a := range attempts {
					if rt.Method == "POST" || rt.Method == "PUT" {
						a.r.body = example(t, "omstilling-valid")
					}
					rec := do(t, s, a.r)
					if rec.Code != a.want {
						t.Errorf("%s %s %q: %d, want %d: %.300s", a.r.method, a.r.path, a.r.headers, rec.Code, a.want, rec.Body.String())
					}
				}
			}
		}
	})
}
