package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/baerum/styring/app"
	"github.com/baerum/styring/models"
)

type testSubmission struct {
	Initiative *models.Initiative `json:"initiative"`
	Result     models.CheckResult `json:"result"`
}

func TestInitiativeLifecycle(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		valid := example(t, "omstilling-valid")

		rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: valid})
		wantStatus(t, rec, http.StatusCreated)
		created := decode[testSubmission](t, rec)
		if created.Initiative.ID != "HP2124-OSK-014" || created.Initiative.Version != 1 || !created.Result.Allowed {
			t.Fatalf("created %+v", created)
		}
		if rec.Header().Get("ETag") != `"1"` || rec.Header().Get("Location") != "/api/v1/initiatives/HP2124-OSK-014" {
			t.Errorf("headers ETag=%q Location=%q", rec.Header().Get("ETag"), rec.Header().Get("Location"))
		}

		t.Run("the stored initiative reads back with its result", func(t *testing.T) {
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014"})
			wantStatus(t, rec, 200)
			var got struct {
				models.Initiative
				Result models.CheckResult `json:"result"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Version != 1 || got.Sector != "OSK" || got.Type != "omstilling" || got.Result.DecisionID != created.Result.DecisionID {
				t.Errorf("read back %+v", got)
			}
			var a, b any
			json.Unmarshal(got.Document, &a)
			json.Unmarshal(valid, &b)
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("document changed in storage")
			}
		})
		t.Run("a second submission with the same id is a conflict", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: valid}), 409, models.ECONFLICT, "HP2124-OSK-014")
		})
		t.Run("a proposal with an unwaived error is refused and not stored", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "digital-wcag-20")})
			wantStatus(t, rec, http.StatusUnprocessableEntity)
			out := decode[testSubmission](t, rec)
			if out.Initiative != nil || out.Result.Allowed || out.Result.Summary.Error != 1 {
				t.Errorf("422 body %+v", out)
			}
			wantError(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSU-033"}), 404, models.ENOTFOUND, "HP2124-OSU-033")
		})
		t.Run("a proposal without id gets one", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: exampleWith(t, "effektivisering-valid", map[string]any{"id": nil})})
			wantStatus(t, rec, http.StatusCreated)
			out := decode[testSubmission](t, rec)
			if !app.ValidID.MatchString(out.Initiative.ID) || out.Result.InitiativeID != out.Initiative.ID {
				t.Errorf("assigned id %q / result %q", out.Initiative.ID, out.Result.InitiativeID)
			}
			wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/" + out.Initiative.ID}), 200)
		})
		t.Run("an update with the current ETag makes version 2", func(t *testing.T) {
			body := exampleWith(t, "omstilling-valid", map[string]any{"status": "utredning"})
			rec := do(t, s, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: body, headers: map[string]string{"If-Match": `"1"`}})
			wantStatus(t, rec, 200)
			out := decode[testSubmission](t, rec)
			if out.Initiative.Version != 2 || out.Initiative.Status != "utredning" || rec.Header().Get("ETag") != `"2"` {
				t.Errorf("update %+v ETag %s", out.Initiative, rec.Header().Get("ETag"))
			}
		})
		t.Run("an update with a stale ETag is 412", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: valid, headers: map[string]string{"If-Match": `"1"`}}), 412, models.EPRECONDITION, "2")
		})
		t.Run("an update that breaks a rule is 422 and keeps the old version", func(t *testing.T) {
			bad := exampleWith(t, "omstilling-valid", map[string]any{"owner": nil})
			wantStatus(t, do(t, s, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: bad}), 422)
			got := decode[models.Initiative](t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014"}))
			if got.Version != 2 {
				t.Errorf("version %d after a refused update", got.Version)
			}
		})
		t.Run("an update of an unknown id is 404", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "PUT", path: "/api/v1/initiatives/NOPE-1", body: exampleWith(t, "omstilling-valid", map[string]any{"id": nil})}), 404, models.ENOTFOUND, "NOPE-1")
		})
		t.Run("an update whose body names another id is 400", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: example(t, "investering-valid")}), 400, models.EINVALID, "differs")
		})
		t.Run("a malformed If-Match is 400", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: valid, headers: map[string]string{"If-Match": "abc"}}), 400, models.EINVALID, "If-Match")
		})
		t.Run("versions list every version with its decision", func(t *testing.T) {
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014/versions"})
			wantStatus(t, rec, 200)
			out := decode[struct {
				Versions []models.InitiativeVersion `json:"versions"`
			}](t, rec)
			if len(out.Versions) != 2 || out.Versions[0].Version != 1 || out.Versions[1].Version != 2 {
				t.Fatalf("versions %+v", out.Versions)
			}
			for _, v := range out.Versions {
				if v.Decision == nil || v.Decision.ID != v.DecisionID || !v.Decision.Allowed {
					t.Errorf("version %d decision %+v", v.Version, v.Decision)
				}
			}
			if out.Versions[1].Decision.Kind != models.DecisionUpdate {
				t.Errorf("kind %s", out.Versions[1].Decision.Kind)
			}
			wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/NOPE/versions"}), 404)
		})
		t.Run("the decision of a submission is in the log at once", func(t *testing.T) {
			rec := do(t, s, req{method: "GET", path: "/api/v1/decisions/" + created.Result.DecisionID})
			wantStatus(t, rec, 200)
			d := decode[models.Decision](t, rec)
			if d.Kind != models.DecisionSubmit || d.InitiativeID != "HP2124-OSK-014" || d.AsOf != "2020-09-23" || !strings.HasPrefix(d.PolicyRevision, "sha256:") {
				t.Errorf("decision %+v", d)
			}
			var in struct {
				Initiative map[string]any `json:"initiative"`
				AsOf       string         `json:"as_of"`
			}
			if err := json.Unmarshal(d.Input, &in); err != nil || in.Initiative["id"] != "HP2124-OSK-014" || in.AsOf != "2020-09-23" {
				t.Errorf("decision input %s (%v)", d.Input, err)
			}
		})
		t.Run("a replay with the same revision changes nothing", func(t *testing.T) {
			rec := do(t, s, req{method: "POST", path: "/api/v1/decisions/" + created.Result.DecisionID + "/replay"})
			wantStatus(t, rec, 200)
			out := decode[app.Replay](t, rec)
			if out.Changed || out.Diff.VerdictChanged || len(out.Diff.Added)+len(out.Diff.Removed) != 0 || out.Replayed.AsOf != "2020-09-23" {
				t.Errorf("replay %+v", out)
			}
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/decisions/nope/replay"}), 404)
		})
		t.Run("the decision of a plain check is logged asynchronously", func(t *testing.T) {
			res := decode[models.CheckResult](t, do(t, s, req{method: "POST", path: "/api/v1/check", body: example(t, "digital-bad-split")}))
			if err := s.decisions.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
			d := decode[models.Decision](t, do(t, s, req{method: "GET", path: "/api/v1/decisions/" + res.DecisionID}))
			if d.Kind != models.DecisionCheck || d.Allowed {
				t.Errorf("decision %+v", d)
			}
		})
	})
}

func TestInitiativeList(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		for _, name := range []string{"omstilling-valid", "effektivisering-valid", "investering-valid", "digital-valid"} {
			wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, name)}), 201)
		}
		list := func(q string) models.InitiativePage {
			rec := do(t, s, req{method: "GET", path: "/api/v1/initiatives" + q})
			wantStatus(t, rec, 200)
			return decode[models.InitiativePage](t, rec)
		}
		ids := func(p models.InitiativePage) string {
			var out []string
			for _, it := range p.Items {
				out = append(out, it.ID)
			}
			return strings.Join(out, ",")
		}
		cases := []struct {
			name, query, ids string
			total            int64
		}{
			{"all", "", "HP2124-OSK-014,HP2124-OSK-101,HP2124-OSU-007,HP2124-OSU-033", 4},
			{"by sector", "?sector=OSK", "HP2124-OSK-014,HP2124-OSK-101", 2},
			{"by type", "?type=investering", "HP2124-OSK-101", 1},
			{"by status", "?status=vedtatt", "HP2124-OSU-033", 1},
			{"by allowed", "?allowed=false", "", 0},
			{"text search ignores case and handles æøå", "?q=L%C3%86REMIDLER", "HP2124-OSK-014", 1},
			{"first page", "?page=1&limit=3", "HP2124-OSK-014,HP2124-OSK-101,HP2124-OSU-007", 4},
			{"second page", "?page=2&limit=3", "HP2124-OSU-033", 4},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				p := list(c.query)
				if ids(p) != c.ids || p.Total != c.total {
					t.Errorf("got %s (total %d), want %s (total %d)", ids(p), p.Total, c.ids, c.total)
				}
			})
		}
		t.Run("cursor pages cover everything once", func(t *testing.T) {
			var all []string
			q := "?limit=3"
			for range 5 {
				p := list(q)
				all = append(all, ids(p))
				if p.NextCursor == "" {
					break
				}
				q = "?limit=3&cursor=" + p.NextCursor
			}
			if strings.Join(all, ",") != "HP2124-OSK-014,HP2124-OSK-101,HP2124-OSU-007,HP2124-OSU-033" {
				t.Errorf("pages %v", all)
			}
		})
		for _, bad := range []string{"?sector=XYZ", "?status=x", "?type=x", "?allowed=maybe", "?limit=0", "?limit=501", "?page=-1", "?page=1&cursor=abc"} {
			t.Run("rejects "+bad, func(t *testing.T) {
				wantStatus(t, do(t, s, req{method: "GET", path: "/api/v1/initiatives" + bad}), 400)
			})
		}
	})
}

func TestIdempotencyKey(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		key := map[string]string{"Idempotency-Key": "retry-1"}
		body := example(t, "omstilling-valid")
		first := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: body, headers: key})
		wantStatus(t, first, 201)
		t.Run("a retry returns the first answer and stores nothing new", func(t *testing.T) {
			again := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: body, headers: key})
			wantStatus(t, again, 201)
			if again.Body.String() != first.Body.String() || again.Header().Get("Idempotent-Replayed") != "true" {
				t.Errorf("retry answered differently:\n%s\n%s", first.Body, again.Body)
			}
			out := decode[struct {
				Versions []models.InitiativeVersion `json:"versions"`
			}](t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014/versions"}))
			if len(out.Versions) != 1 {
				t.Errorf("%d versions after a retry", len(out.Versions))
			}
		})
		t.Run("the same key with another body is 409", func(t *testing.T) {
			wantError(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "investering-valid"), headers: key}), 409, models.ECONFLICT, "Idempotency-Key")
		})
		t.Run("a refused proposal's answer is remembered too", func(t *testing.T) {
			k := map[string]string{"Idempotency-Key": "retry-422"}
			a := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "digital-wcag-20"), headers: k})
			b := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "digital-wcag-20"), headers: k})
			wantStatus(t, b, 422)
			if a.Body.String() != b.Body.String() {
				t.Error("422 retry answered differently")
			}
		})
		t.Run("concurrent retries store one initiative", func(t *testing.T) {
			k := map[string]string{"Idempotency-Key": "race"}
			body := example(t, "investering-valid")
			var wg sync.WaitGroup
			codes := make([]int, 6)
			bodies := make([]string, 6)
			for i := range codes {
				wg.Add(1)
				go func() {
					defer wg.Done()
					rec := do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: body, headers: k})
					codes[i], bodies[i] = rec.Code, rec.Body.String()
				}()
			}
			wg.Wait()
			for i := range codes {
				if codes[i] != 201 || bodies[i] != bodies[0] {
					t.Errorf("request %d: %d %s", i, codes[i], bodies[i])
				}
			}
		})
	})
}

func TestConcurrentUpdatesKeepEveryVersion(t *testing.T) {
	forEachBackend(t, func(t *testing.T, backend string) {
		s := newTestServer(t, backend)
		wantStatus(t, do(t, s, req{method: "POST", path: "/api/v1/initiatives", body: example(t, "omstilling-valid")}), 201)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rec := do(t, s, req{method: "PUT", path: "/api/v1/initiatives/HP2124-OSK-014", body: example(t, "omstilling-valid")})
				if rec.Code != 200 {
					t.Errorf("update: %d %s", rec.Code, rec.Body)
				}
			}()
		}
		wg.Wait()
		out := decode[struct {
			Versions []models.InitiativeVersion `json:"versions"`
		}](t, do(t, s, req{method: "GET", path: "/api/v1/initiatives/HP2124-OSK-014/versions"}))
		if len(out.Versions) != 9 {
			t.Fatalf("%d versions, want 9", len(out.Versions))
		}
		for i, v := range out.Versions {
			if v.Version != i+1 {
				t.Errorf("version %d at position %d", v.Version, i)
			}
		}
	})
}
