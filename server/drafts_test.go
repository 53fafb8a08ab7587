package server

import (
	"bytes"
	"strings"
	"testing"

	"github.com/baerum/styring/models"
	"github.com/baerum/styring/models/gormstore"
)

// testDraftList is the answer of GET /api/v1/drafts as a client reads it.
type testDraftList struct {
	Items []map[string]any `json:"items"`
}

// TestDrafts: a draft is saved, listed, read, updated and deleted by its
// author only; another author's is 404; a half-filled document is kept, a
// non-object is not; submitting with ?draft= deletes it once stored.
func TestDrafts(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		kari := "Bearer " + issueToken(t, s, "kari", models.RoleSaksbehandler)
		ola := "Bearer " + issueToken(t, s, "ola", models.RoleLeder)
		as := func(tok string, r req) req {
			if r.headers == nil {
				r.headers = map[string]string{}
			}
			r.headers["Authorization"] = tok
			return r
		}
		save := func(tok string, body string) map[string]any {
			t.Helper()
			rec := do(t, s, as(tok, req{method: "POST", path: "/api/v1/drafts", body: []byte(body)}))
			wantStatus(t, rec, 201)
			d := decode[map[string]any](t, rec)
			if rec.Header().Get("ETag") != `"1"` || rec.Header().Get("Location") != "/api/v1/drafts/"+d["id"].(string) || d["revision"] != 1.0 {
				t.Fatalf("created %v, ETag %q, Location %q", d, rec.Header().Get("ETag"), rec.Header().Get("Location"))
			}
			if _, has := d["document"]; has {
				t.Errorf("the answer to a save holds the document: %v", d)
			}
			return d
		}

		// A half-filled document, which the schema refuses, is a draft.
		half := save(kari, `{"title": "Halvferdig forslag", "sector": "OSK", "budget": {}}`)
		id := half["id"].(string)
		if half["title"] != "Halvferdig forslag" || half["author_name"] != "kari" {
			t.Errorf("created %v", half)
		}
		second := save(kari, `{}`)
		save(ola, `{"title": "Olas"}`)

		t.Run("list holds only the author's own, newest first, without documents", func(t *testing.T) {
			rec := do(t, s, as(kari, req{method: "GET", path: "/api/v1/drafts"}))
			wantStatus(t, rec, 200)
			list := decode[testDraftList](t, rec)
			if len(list.Items) != 2 || list.Items[0]["id"] != second["id"] || list.Items[1]["id"] != id {
				t.Fatalf("kari's list %v", list.Items)
			}
			if bytes.Contains(rec.Body.Bytes(), []byte(`"document"`)) || bytes.Contains(rec.Body.Bytes(), []byte("Olas")) {
				t.Errorf("list shows a document or another's draft: %s", rec.Body)
			}
		})
		t.Run("the author reads it back with its document", func(t *testing.T) {
			rec := do(t, s, as(kari, req{method: "GET", path: "/api/v1/drafts/" + id}))
			wantStatus(t, rec, 200)
			if rec.Header().Get("ETag") != `"1"` || !bytes.Contains(rec.Body.Bytes(), []byte(`"budget":{}`)) {
				t.Errorf("ETag %q, body %s", rec.Header().Get("ETag"), rec.Body)
			}
		})
		t.Run("another author's draft is not found, whatever the method", func(t *testing.T) {
			for _, r := range []req{
				{method: "GET", path: "/api/v1/drafts/" + id},
				{method: "PUT", path: "/api/v1/drafts/" + id, body: []byte(`{"title": "kapret"}`)},
				{method: "DELETE", path: "/api/v1/drafts/" + id},
				{method: "GET", path: "/api/v1/drafts/not-a-draft-id"},
			} {
				wantError(t, do(t, s, as(ola, r)), 404, models.ENOTFOUND, "not found")
			}
			rec := do(t, s, as(kari, req{method: "GET", path: "/api/v1/drafts/" + id}))
			if !bytes.Contains(rec.Body.Bytes(), []byte("Halvferdig")) {
				t.Errorf("another author changed it: %s", rec.Body)
			}
		})
		t.Run("an update with a stale If-Match is 412", func(t *testing.T) {
			rec := do(t, s, as(kari, req{method: "PUT", path: "/api/v1/drafts/" + id, body: []byte(`{"title": "Nesten ferdig"}`), headers: map[string]string{"If-Match": `"1"`}}))
			wantStatus(t, rec, 200)
			if rec.Header().Get("ETag") != `"2"` || decode[map[string]any](t, rec)["title"] != "Nesten ferdig" {
				t.Errorf("ETag %q, body %s", rec.Header().Get("ETag"), rec.Body)
			}
			rec = do(t, s, as(kari, req{method: "PUT", path: "/api/v1/drafts/" + id, body: []byte(`{"title": "Gammel"}`), headers: map[string]string{"If-Match": `"1"`}}))
			wantError(t, rec, 412, models.EPRECONDITION, "revision 2")
		})
		t.Run("a body that is not a JSON object, or not I-JSON, is 400", func(t *testing.T) {
			for _, body := range []string{`[1, 2]`, `"tekst"`, `null`, `{"title": `, `{"a": 1, "a": 2}`, `{"title": "\u0000"}`} {
				rec := do(t, s, as(kari, req{method: "POST", path: "/api/v1/drafts", body: []byte(body)}))
				wantStatus(t, rec, 400)
			}
		})
		t.Run("a workflow token may not keep drafts", func(t *testing.T) {
			wf := "Bearer " + issueToken(t, s, "arbeidsflyt", models.RoleWorkflow)
			wantStatus(t, do(t, s, as(wf, req{method: "GET", path: "/api/v1/drafts"})), 403)
			wantStatus(t, do(t, s, as(wf, req{method: "POST", path: "/api/v1/drafts", body: []byte(`{}`)})), 403)
		})
		t.Run("delete removes it", func(t *testing.T) {
			wantStatus(t, do(t, s, as(kari, req{method: "DELETE", path: "/api/v1/drafts/" + second["id"].(string)})), 204)
			wantStatus(t, do(t, s, as(kari, req{method: "GET", path: "/api/v1/drafts/" + second["id"].(string)})), 404)
		})
		t.Run("a stored submission deletes its draft; a refused one keeps it", func(t *testing.T) {
			refused := save(kari, string(example(t, "digital-wcag-20")))["id"].(string)
			rec := do(t, s, as(kari, req{method: "POST", path: "/api/v1/initiatives?draft=" + refused, body: example(t, "digital-wcag-20")}))
			wantStatus(t, rec, 422)
			wantStatus(t, do(t, s, as(kari, req{method: "GET", path: "/api/v1/drafts/" + refused})), 200)

			rec = do(t, s, as(kari, req{method: "POST", path: "/api/v1/initiatives?draft=" + id, body: example(t, "omstilling-valid")}))
			wantStatus(t, rec, 201)
			wantStatus(t, do(t, s, as(kari, req{method: "GET", path: "/api/v1/drafts/" + id})), 404)
		})
		t.Run("a submission naming a draft the caller does not have stores nothing", func(t *testing.T) {
			olas := decode[testDraftList](t, do(t, s, as(ola, req{method: "GET", path: "/api/v1/drafts"}))).Items[0]["id"].(string)
			body := exampleWith(t, "omstilling-valid", map[string]any{"id": "HP2124-OSK-777"})
			rec := do(t, s, as(kari, req{method: "POST", path: "/api/v1/initiatives?draft=" + olas, body: body}))
			wantError(t, rec, 404, models.ENOTFOUND, "draft")
			wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-777"}), 404)
			wantStatus(t, do(t, s, as(ola, req{method: "GET", path: "/api/v1/drafts/" + olas})), 200)
		})
		t.Run("a draft of a stored initiative records the version it was opened from", func(t *testing.T) {
			rec := do(t, s, as(kari, req{method: "POST", path: "/api/v1/drafts?initiative_id=HP2124-OSK-014", body: example(t, "omstilling-valid")}))
			wantStatus(t, rec, 201)
			if d := decode[map[string]any](t, rec); d["initiative_id"] != "HP2124-OSK-014" || d["base_version"] != 1.0 {
				t.Errorf("draft %v", d)
			}
			wantStatus(t, do(t, s, as(kari, req{method: "POST", path: "/api/v1/drafts?initiative_id=HP2124-OSK-999", body: []byte(`{}`)})), 404)
			wantStatus(t, do(t, s, as(kari, req{method: "POST", path: "/api/v1/drafts?initiative_id=HP2124-OSK-014&base_version=9", body: []byte(`{}`)})), 400)
			wantStatus(t, do(t, s, as(kari, req{method: "POST", path: "/api/v1/drafts?base_version=x", body: []byte(`{}`)})), 400)
		})
	})
}

// TestDraftOfUnreachedSector: a draft is private, so a scoped token may keep
// one of any sector; submitting it is checked for reach as always (403), and
// the draft stays.
func TestDraftOfUnreachedSector(t *testing.T) {
	s := newTestServer(t, gormstore.BackendSQLite)
	obh := "Bearer " + issueGrants(t, s, "obh", "saksbehandler:OBH")
	rec := do(t, s, req{method: "POST", path: "/api/v1/drafts", body: example(t, "omstilling-valid"), headers: map[string]string{"Authorization": obh}})
	wantStatus(t, rec, 201)
	id := decode[map[string]any](t, rec)["id"].(string)
	rec = do(t, s, req{method: "POST", path: "/api/v1/initiatives?draft=" + id, body: example(t, "omstilling-valid"), headers: map[string]string{"Authorization": obh}})
	wantStatus(t, rec, 403)
	rec = do(t, s, req{method: "GET", path: "/api/v1/drafts/" + id, headers: map[string]string{"Authorization": obh}})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "HP2124-OSK-014") {
		t.Errorf("the draft did not stay: %d %s", rec.Code, rec.Body)
	}
}
